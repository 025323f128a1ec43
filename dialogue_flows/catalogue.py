"""Every word the person reads, looked up by key in gettext catalogues.

The catalogues are `.po` files in `locale/` (one per language), read with Babel, so
the coaching voice can be reviewed and translated in one place with ordinary
translation tools. Message ids are keys such as `grow.goal`; placeholders use
`{name}` (python-brace-format). A date and time is formatted for the language with
Babel, by the pattern under `format.datetime`. A language's file is read when it is
first needed, and Babel's date formatting when a date is first shown: `growcoach chat`
greets in English without waiting for Danish.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path

from dialogue_flows.types import Msg, Param

_EMPTY_LINES = re.compile(r"\n{3,}")
LOCALE_DIR = Path(__file__).parent / "locale"
DEFAULT_LANGUAGE = "en"


class Catalogue:
    """Renders `Msg`s in a language; a key missing in one language falls back to English."""

    def __init__(self, files: Mapping[str, Path]) -> None:
        if DEFAULT_LANGUAGE not in files:
            raise ValueError("the English catalogue is required")
        self._files = files
        self._texts: dict[str, dict[str, str]] = {}

    @classmethod
    def load(cls, directory: Path = LOCALE_DIR) -> Catalogue:
        return cls({path.stem: path for path in sorted(directory.glob("*.po"))})

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._files)

    def texts(self, language: str) -> Mapping[str, str]:
        """The language's messages by key, read from its file the first time."""
        if language not in self._texts:
            self._texts[language] = _read(self._files[language]) if language in self._files else {}
        return self._texts[language]

    def keys(self, language: str) -> set[str]:
        return set(self.texts(language))

    def template(self, key: str, language: str) -> str:
        return self.texts(language).get(key) or self.texts(DEFAULT_LANGUAGE)[key]

    def render(self, msg: Msg, language: str) -> str:
        values = {name: self._value(value, language) for name, value in msg.params.items()}
        # An optional part left empty leaves no stray space or empty line behind.
        text = self.template(msg.key, language).format(**values).strip(" ")
        return _EMPTY_LINES.sub("\n\n", text)

    def _value(self, value: Param, language: str) -> str | int:
        if isinstance(value, Msg):
            return self.render(value, language)
        if not isinstance(value, date):
            return value
        from babel.dates import format_date, format_datetime  # tens of ms: when first needed

        if isinstance(value, datetime):
            pattern = self.template("format.datetime", language)
            return format_datetime(value, pattern, tzinfo=value.tzinfo, locale=language)
        return format_date(value, self.template("format.date", language), locale=language)


def _read(path: Path) -> dict[str, str]:
    from babel.messages.pofile import read_po

    with path.open("rb") as file:
        catalog = read_po(file)
    return {str(m.id): str(m.string) for m in catalog if m.id and m.string}
