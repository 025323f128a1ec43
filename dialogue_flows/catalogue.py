"""Every word the person reads, looked up by key in gettext catalogues.

The catalogues are `.po` files in `locale/` (one per language), so
the coaching voice can be reviewed and translated in one place with ordinary
translation tools. Message ids are keys such as `grow.goal`; placeholders use
`{name}` (python-brace-format). A date and time is formatted for the language with
Babel, by the pattern under `format.datetime`. A count is said with gettext's plural
forms ("1 goal", "2 goals"; "1 valgt niveau", "2 valgte niveauer"): such an entry has a
`msgid_plural` and one `msgstr[i]` per form, its form is picked by its `{count}` as
`ngettext` would, by the catalogue's own Plural-Forms header.

The files are read by a small reader of the part of the format they use, many times
faster than Babel's (a test checks that both read the same), each language when it is
first needed, and Babel's dates are loaded when a date is first shown: `growcoach chat`
greets in English without waiting for Danish.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from string import Formatter

from dialogue_flows.types import Msg, Param

_EMPTY_LINES = re.compile(r"\n{3,}")
LOCALE_DIR = Path(__file__).parent / "locale"
DEFAULT_LANGUAGE = "en"


Forms = tuple[str, ...]
"""An entry's words: one form, or one per plural form of its language."""
PluralRule = Callable[[int], int]
ONE_OR_MORE: PluralRule = gettext.c2py("n != 1")
"""English and Danish alike, when a catalogue's header does not say."""


class Catalogue:
    """Renders `Msg`s in a language; a key missing in one language falls back to English."""

    def __init__(self, files: Mapping[str, Path]) -> None:
        if DEFAULT_LANGUAGE not in files:
            raise ValueError("the English catalogue is required")
        self._files = files
        self._texts: dict[str, Mapping[str, str | Forms]] = {}
        self._plurals: dict[str, PluralRule] = {}

    @classmethod
    def load(cls, directory: Path = LOCALE_DIR) -> Catalogue:
        return cls({path.stem: path for path in sorted(directory.glob("*.po"))})

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._files)

    def texts(self, language: str) -> Mapping[str, str | Forms]:
        """The language's entries by key, read from its file the first time."""
        if language not in self._texts:
            path = self._files.get(language)
            entries, rule = read_messages(path) if path else ({}, ONE_OR_MORE)
            self._texts[language], self._plurals[language] = entries, rule
        return self._texts[language]

    def keys(self, language: str) -> set[str]:
        return set(self.texts(language))

    def forms(self, key: str, language: str) -> Forms:
        """Every form of an entry: one, or one per plural form of the language."""
        return self._entry(key, language)[1]

    def template(self, key: str, language: str, count: int | None = None) -> str:
        """An entry's words; for an entry with plural forms, the form `count` takes."""
        language, forms = self._entry(key, language)
        if count is None:
            return forms[0]
        form = self._plurals.get(language, ONE_OR_MORE)(count)
        return forms[min(form, len(forms) - 1)]

    def _entry(self, key: str, language: str) -> tuple[str, Forms]:
        """The language an entry is found in (English when missing), and its forms."""
        found = self.texts(language).get(key)
        if not found:
            language, found = DEFAULT_LANGUAGE, self.texts(DEFAULT_LANGUAGE)[key]
        return language, (found,) if isinstance(found, str) else found

    def render(self, msg: Msg, language: str) -> str:
        """The message in words; of its params only those its template names are read,
        as a flow offers every message more than it says (`types.Lazy`)."""
        count = msg.params.get("count")
        template = self.template(msg.key, language, count if isinstance(count, int) else None)
        values = {
            name: self._value(msg.params[name], language)
            for name in placeholders(template)
            if name in msg.params
        }
        # An optional part left empty leaves no stray space or empty line behind.
        text = template.format(**values).strip(" ")
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


@cache
def placeholders(template: str) -> frozenset[str]:
    """The names a template's `{name}` placeholders use (templates are the catalogues'
    own words: a few thousand at most)."""
    return frozenset(name for _, name, _, _ in Formatter().parse(template) if name)


_ENTRY_GAP = re.compile(r"\n\s*\n")
_STRING_LINE = re.compile(r'(msgid|msgid_plural|msgstr(?:\[\d+\])?)?\s*"((?:[^"\\]|\\.)*)"\s*')
_ESCAPE = re.compile(r'\\([\\trn"])')
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r"}
_PLURAL = re.compile(r"^Plural-Forms:.*?plural=([^;\n]+)", re.MULTILINE)


def read_messages(path: Path) -> tuple[dict[str, str | Forms], PluralRule]:
    """A `.po` file's translated entries by msgid, and its plural rule (from its header).

    Reads `msgid`, `msgid_plural`, `msgstr` and `msgstr[i]` and the quoted lines that
    continue them; comments, flags and old (`#~`) entries are passed over, and so are
    entries with no words yet."""
    entries: dict[str, str | Forms] = {}
    rule = ONE_OR_MORE
    for entry in _ENTRY_GAP.split(path.read_text(encoding="utf-8")):
        fields: dict[str, str] = {}
        name = ""
        for line in entry.splitlines():
            found = _STRING_LINE.fullmatch(line)
            if found is not None:
                name = found[1] or name
                fields[name] = fields.get(name, "") + _unescape(found[2])
        key = fields.get("msgid")
        forms = tuple(text for name, text in fields.items() if name.startswith("msgstr["))
        if key == "" and (header := _PLURAL.search(fields.get("msgstr", ""))):
            rule = gettext.c2py(header[1].strip())
        elif key and "msgid_plural" in fields:
            entries[key] = forms
        elif key and fields.get("msgstr"):
            entries[key] = fields["msgstr"]
    return entries, rule


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda found: _ESCAPED.get(found[1], found[1]), text)
