"""Every word the person reads, looked up by key in gettext catalogues.

The catalogues are `.po` files in `locale/` (one per language), read with Babel, so
the coaching voice can be reviewed and translated in one place with ordinary
translation tools. Message ids are keys such as `grow.goal`; placeholders use
`{name}` (python-brace-format). A date and time is formatted for the language with
Babel, by the pattern under `format.datetime`. A count is said with gettext's plural
forms ("1 goal", "2 goals"; "1 valgt niveau", "2 valgte niveauer"): such an entry has a
`msgid_plural` and one `msgstr[i]` per form, its form is picked by its `{count}` as
`ngettext` would, by the catalogue's own Plural-Forms header.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

from babel.dates import format_date, format_datetime
from babel.messages.pofile import read_po

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

    def __init__(
        self,
        texts: Mapping[str, Mapping[str, str | Forms]],
        plurals: Mapping[str, PluralRule] | None = None,
    ) -> None:
        if DEFAULT_LANGUAGE not in texts:
            raise ValueError("the English catalogue is required")
        self._texts = texts
        self._plurals = plurals or {}

    @classmethod
    def load(cls, directory: Path = LOCALE_DIR) -> Catalogue:
        texts: dict[str, dict[str, str | Forms]] = {}
        plurals: dict[str, PluralRule] = {}
        for path in sorted(directory.glob("*.po")):
            with path.open("rb") as file:
                catalog = read_po(file)
            plurals[path.stem] = gettext.c2py(catalog.plural_expr)
            texts[path.stem] = {
                _key(message.id): _forms(message.string)
                for message in catalog
                if message.id and message.string
            }
        return cls(texts, plurals)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._texts)

    def keys(self, language: str) -> set[str]:
        return set(self._texts.get(language, {}))

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
        found = self._texts.get(language, {}).get(key)
        if not found:
            language, found = DEFAULT_LANGUAGE, self._texts[DEFAULT_LANGUAGE][key]
        return language, (found,) if isinstance(found, str) else found

    def render(self, msg: Msg, language: str) -> str:
        values = {name: self._value(value, language) for name, value in msg.params.items()}
        count = msg.params.get("count")
        template = self.template(msg.key, language, count if isinstance(count, int) else None)
        # An optional part left empty leaves no stray space or empty line behind.
        text = template.format(**values).strip(" ")
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


def _key(message_id: str | Sequence[str]) -> str:
    """An entry's key: its msgid (for one with plural forms, the singular's)."""
    return message_id if isinstance(message_id, str) else message_id[0]


def _forms(message_string: str | Sequence[str]) -> str | Forms:
    return message_string if isinstance(message_string, str) else tuple(message_string)
