"""Helplines by country and language, from settings files (TOML), for crisis replies.

growcoach ships files for the UK and Denmark in `helplines/`; a service names its own
with GROWCOACH_HELPLINES_FILE. Which country a person sees follows their time zone
when it is one we have lines for, then their language (Danish: Denmark), and the
service's country otherwise.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

HELPLINES_DIR = Path(__file__).parent / "helplines"
ZONE_COUNTRIES = {"Europe/London": "uk", "Europe/Copenhagen": "dk"}
LANGUAGE_COUNTRIES = {"da": "dk"}


@dataclass(frozen=True)
class Line:
    name: str
    number: str
    note: str = ""

    def text(self) -> str:
        return f"• {self.name}: {self.number}" + (f" ({self.note})" if self.note else "")


@dataclass(frozen=True)
class Helplines:
    """Lines per country, then per language; `country` is the service's own."""

    lines: dict[str, dict[str, tuple[Line, ...]]]
    country: str
    _texts: dict[tuple[str, str | None], str] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """Each (language, time zone)'s text, made once: every turn offers it to its prompts."""

    @classmethod
    def load(cls, country: str = "uk", override: Path | None = None) -> Helplines:
        found = {path.stem: _read(path) for path in sorted(HELPLINES_DIR.glob("*.toml"))}
        if override is not None:
            found[country] = _read(override)
        if country not in found:
            raise ValueError(f"no helplines for country {country!r}")
        return cls(found, country)

    def for_person(self, language: str, timezone: str | None) -> tuple[Line, ...]:
        country = (
            ZONE_COUNTRIES.get(timezone or "") or LANGUAGE_COUNTRIES.get(language) or self.country
        )
        by_language = self.lines.get(country) or self.lines[self.country]
        return by_language.get(language) or next(iter(by_language.values()))

    def text(
        self, language: str, timezone: str | None, kinds: tuple[str, ...] | None = None
    ) -> str:
        key = (language, timezone)
        if key not in self._texts:
            lines = self.for_person(language, timezone)
            self._texts[key] = "\n".join(line.text() for line in lines)
        return self._texts[key]

    def emergency_number(self, language: str, timezone: str | None) -> str:
        return self.for_person(language, timezone)[0].number


def _read(path: Path) -> dict[str, tuple[Line, ...]]:
    with path.open("rb") as file:
        data = tomllib.load(file)
    return {
        language: tuple(Line(**line) for line in section["lines"])
        for language, section in data.items()
    }
