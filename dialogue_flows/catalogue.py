"""Every word the person reads, looked up by key in gettext catalogues.

The catalogues are `.po` files in `locale/` (one per language), read with Babel, so
the coaching voice can be reviewed and translated in one place with ordinary
translation tools. Message ids are keys such as `grow.goal`; placeholders use
`{name}` (python-brace-format). A date and time is formatted for the language with
Babel, by the pattern under `format.datetime`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path

from babel.dates import format_date, format_datetime
from babel.messages.pofile import read_po

from dialogue_flows.types import Msg, Param

_EMPTY_LINES = re.compile(r"\n{3,}")
LOCALE_DIR = Path(__file__).parent / "locale"
DEFAULT_LANGUAGE = "en"


class Catalogue:
    """Renders `Msg`s in a language; a key missing in one language falls back to English."""

    def __init__(self, texts: Mapping[str, Mapping[str, str]]) -> None:
        if DEFAULT_LANGUAGE not in texts:
            raise ValueError("the English catalogue is required")
        self._texts = texts

    @classmethod
    def load(cls, directory: Path = LOCALE_DIR) -> Catalogue:
        texts: dict[str, dict[str, str]] = {}
        for path in sorted(directory.glob("*.po")):
            with path.open("rb") as file:
                catalog = read_po(file)
            texts[path.stem] = {
                str(message.id): str(message.string)
                for message in catalog
                if message.id and message.string
            }
        return cls(texts)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._texts)

    def keys(self, language: str) -> set[str]:
        return set(self._texts.get(language, {}))

    def template(self, key: str, language: str) -> str:
        texts = self._texts.get(language, {})
        return texts.get(key) or self._texts[DEFAULT_LANGUAGE][key]

    def render(self, msg: Msg, language: str) -> str:
        values = {name: self._value(value, language) for name, value in msg.params.items()}
        # An optional part left empty leaves no stray space or empty line behind.
        text = self.template(msg.key, language).format(**values).strip(" ")
        return _EMPTY_LINES.sub("\n\n", text)

    def _value(self, value: Param, language: str) -> str | int:
        if isinstance(value, Msg):
            return self.render(value, language)
        if isinstance(value, datetime):
            pattern = self.template("format.datetime", language)
            return format_datetime(value, pattern, tzinfo=value.tzinfo, locale=language)
        if isinstance(value, date):
            return format_date(value, self.template("format.date", language), locale=language)
        return value
