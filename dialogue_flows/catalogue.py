"""Every word the person reads, looked up by key in gettext catalogues.

The catalogues are `.po` files in `locale/` (one per language), so the coaching voice
can be reviewed and translated in one place with ordinary translation tools. They are
read by a small reader of the part of the format they use, many times faster than
Babel's (a test checks that both read the same). Message ids are keys such as
`grow.goal`; placeholders use `{name}` (python-brace-format). A date and time is
formatted for the language with Babel, by the pattern under `format.datetime`. A
language's file is read when it is first needed, and Babel when a date is first
shown: `growcoach chat` greets in English without waiting for Danish.
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
            files = self._files
            self._texts[language] = read_messages(files[language]) if language in files else {}
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


_ENTRY_GAP = re.compile(r"\n\s*\n")
_STRING_LINE = re.compile(r'(msgid|msgstr)?\s*"((?:[^"\\]|\\.)*)"\s*')
_ESCAPE = re.compile(r'\\([\\trn"])')
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r"}


def read_messages(path: Path) -> dict[str, str]:
    """A `.po` file's translated messages by id: `msgid`, `msgstr` and the quoted lines
    that continue them; comments and flags are passed over, and so are entries whose
    text is empty (the header has no id)."""
    messages: dict[str, str] = {}
    for entry in _ENTRY_GAP.split(path.read_text(encoding="utf-8")):
        fields: dict[str, str] = {}
        name = ""
        for line in entry.splitlines():
            found = _STRING_LINE.fullmatch(line)
            if found is not None:
                name = found[1] or name
                fields[name] = fields.get(name, "") + _unescape(found[2])
        if fields.get("msgid") and fields.get("msgstr"):
            messages[fields["msgid"]] = fields["msgstr"]
    return messages


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda found: _ESCAPED.get(found[1], found[1]), text)
