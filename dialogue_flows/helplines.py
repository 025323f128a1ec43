"""Helplines by country and language, from settings files (TOML), for crisis replies.

growcoach ships files for the UK and Denmark in `helplines/`; a service names its own
with GROWCOACH_HELPLINES_FILE. Which country a person sees follows their time zone
when it is one we have lines for, then their language (Danish: Denmark), and the
service's country otherwise.

Each line says which kinds of crisis it serves, when it is open, where its number was
read and on which day: a reply can offer the lines that fit what was said, and a test
can refuse numbers nobody has checked for a year. A file is validated when loaded, so a
typo in a kind or a missing emergency line stops the service at start, not in a crisis.
"""

from __future__ import annotations

import datetime
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

HELPLINES_DIR = Path(__file__).parent / "helplines"
ZONE_COUNTRIES = {"Europe/London": "uk", "Europe/Copenhagen": "dk"}
LANGUAGE_COUNTRIES = {"da": "dk"}
GENERAL_LINES = ("emergency", "suicide", "mental_health")
"""The lines /help and /safety show; a crisis reply shows those that fit what was said."""

Kind = Literal[
    "emergency",
    "suicide",
    "mental_health",
    "medical",
    "drugs_alcohol",
    "domestic_abuse",
    "sexual_abuse",
    "children_youth",
]
KINDS: frozenset[str] = frozenset(get_args(Kind))


class HelplinesFileError(ValueError):
    """A helplines file that cannot be trusted in a crisis; the message names the file."""


class Line(BaseModel):
    """One service: what to dial or text, for which crises, when, and how we know."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    number: str = Field(min_length=1)
    kinds: Annotated[tuple[Kind, ...], Field(min_length=1)]
    hours: str = Field(min_length=1)
    note: str = ""
    source: str = Field(pattern=r"^https?://\S+$")
    checked: datetime.date
    page_date: datetime.date | None = None
    """The date the source page itself shows, when it is older than `checked`."""
    confirmed: bool = True
    """False when no stored page showed this number: kept because it is well known."""

    def text(self) -> str:
        details = "; ".join(part for part in (self.hours, self.note) if part)
        return f"• {self.name}: {self.number}" + (f" ({details})" if details else "")


class Section(BaseModel):
    """One language's lines for a country; an emergency line is required."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    lines: Annotated[tuple[Line, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def has_emergency(self) -> Section:
        if not any("emergency" in line.kinds for line in self.lines):
            raise ValueError("no line of kind 'emergency'")
        return self


@dataclass(frozen=True)
class Helplines:
    """Lines per country, then per language; `country` is the service's own."""

    lines: dict[str, dict[str, tuple[Line, ...]]]
    country: str
    _texts: dict[tuple[str, str | None, frozenset[str] | None], str] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """Each (language, time zone, kinds)'s text, made once: every turn offers it."""

    @classmethod
    def load(cls, country: str = "uk", override: Path | None = None) -> Helplines:
        found = {path.stem: _read(path) for path in sorted(HELPLINES_DIR.glob("*.toml"))}
        if override is not None:
            found[country] = _read(override)
        if country not in found:
            raise ValueError(f"no helplines for country {country!r}")
        return cls(found, country)

    def for_person(
        self, language: str, timezone: str | None, kinds: Collection[str] | None = None
    ) -> tuple[Line, ...]:
        """The person's lines serving any of `kinds` (all when None), in file order.

        The emergency line comes first whenever emergencies are asked for: in a crisis
        the number that sends help now must not be the one a person scrolls to.
        """
        lines = self._lines_for(language, timezone)
        wanted = KINDS if kinds is None else _known(kinds)
        chosen = [line for line in lines if wanted.intersection(line.kinds)]
        if "emergency" in wanted:
            chosen.sort(key=lambda line: "emergency" not in line.kinds)
        return tuple(chosen)

    def text(
        self, language: str, timezone: str | None, kinds: Collection[str] | None = None
    ) -> str:
        key = (language, timezone, None if kinds is None else frozenset(kinds))
        if key not in self._texts:
            lines = self.for_person(language, timezone, kinds)
            self._texts[key] = "\n".join(line.text() for line in lines)
        return self._texts[key]

    def emergency_number(self, language: str, timezone: str | None) -> str:
        """What to dial when someone's life is at risk now (every section has one)."""
        return self.for_person(language, timezone, ("emergency",))[0].number

    def _lines_for(self, language: str, timezone: str | None) -> tuple[Line, ...]:
        country = (
            ZONE_COUNTRIES.get(timezone or "") or LANGUAGE_COUNTRIES.get(language) or self.country
        )
        by_language = self.lines.get(country) or self.lines[self.country]
        return by_language.get(language) or next(iter(by_language.values()))


def _known(kinds: Collection[str]) -> frozenset[str]:
    """The asked kinds, refusing a misspelt one: it would silently offer no line."""
    unknown = set(kinds) - KINDS
    if unknown:
        raise ValueError(f"unknown helpline kinds {sorted(unknown)}; known: {sorted(KINDS)}")
    return frozenset(kinds)


def _read(path: Path) -> dict[str, tuple[Line, ...]]:
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise HelplinesFileError(f"helplines file {path}: {error}") from error
    if not data:
        raise HelplinesFileError(f"helplines file {path}: no language sections")
    return {language: _section(path, language, raw).lines for language, raw in data.items()}


def _section(path: Path, language: str, raw: object) -> Section:
    try:
        return Section.model_validate(raw)
    except ValidationError as error:
        problems = "; ".join(
            f"[{language}].{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
            for problem in error.errors()
        )
        raise HelplinesFileError(f"helplines file {path}: {problems}") from error
