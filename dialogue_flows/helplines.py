"""Helplines by country and language, from settings files (TOML), for crisis replies.

growcoach ships files for the UK and Denmark in `helplines/`; a service names its own
with GROWCOACH_HELPLINES_FILE. Which country a person sees follows their time zone
when it is one we have lines for, then their language (Danish: Denmark), and the
service's country otherwise.

Each line says which kinds of crisis it serves, when it is open, where its number was
read and on which day: a reply can offer the lines that fit what was said, and a test
can refuse numbers nobody has checked for a year. A line closed now says so plainly and
when it opens ("closed now, opens at 18:00"), after the lines open now; when every line
that fits is closed, a line open now to talk to is added (`_open_to_talk`). A file is
validated when loaded, so a typo in a kind or a missing emergency line stops the service
at start, not in a crisis.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Literal, get_args
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

HELPLINES_DIR = Path(__file__).parent / "helplines"
ZONE_COUNTRIES = {"Europe/London": "uk", "Europe/Copenhagen": "dk"}
COUNTRY_ZONES = {country: zone for zone, country in ZONE_COUNTRIES.items()}
"""A country's lines keep its clock: opening hours are read in this zone."""
HOLIDAY_COUNTRIES = {"uk": "GB", "dk": "DK"}
"""Whose public holidays an opening "holidays" means (the `holidays` package's codes)."""
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_OPEN = re.compile(r"^(?:(mon|tue|wed|thu|fri|sat|sun)(?:-(mon|tue|wed|thu|fri|sat|sun))?"
                   r"(?: ([01]\d|2[0-4])-([01]\d|2[0-4]))?|holidays)$")  # fmt: skip
"""An opening: days, then hours ("mon-fri 16-08": from 16 each weekday to 8 the next
morning); days alone are the whole day ("mon-fri", when only the days are known);
"holidays" is the whole of the country's public holidays."""
LANGUAGE_COUNTRIES = {"da": "dk"}

Kind = Literal[
    "emergency",
    "suicide",
    "mental_health",
    "medical",
    "drugs",
    "alcohol",
    "gambling",
    "eating_disorders",
    "family",
    "domestic_abuse",
    "sexual_abuse",
    "children_youth",
]
KINDS: frozenset[str] = frozenset(get_args(Kind))
GENERAL_LINES = ("emergency", "suicide", "mental_health")
"""The lines /help and a crisis conversation's prompts show; /safety shows every line."""
YOUNG = "children_youth"
"""Lines of this kind have an age limit (PAPYRUS under 35, Childline under 19): they are
shown when they are asked for (the person said they are young; /safety's full list),
never as padding in everyone's list."""


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
    open: tuple[Annotated[str, Field(pattern=_OPEN.pattern)], ...] | None = None
    """When it answers, in the country's own time (`_OPEN`); None: day and night. A line
    open "weekends and holidays" says "holidays" too; a line whose page says nothing of
    holidays is taken at its weekly hours."""
    region: str = ""
    """The region a regional line serves ("Syddanmark"); empty for a national line."""
    serves: tuple[str, ...] = ()
    """The nations a line serves when not the whole country (NHS 111: not Northern
    Ireland): hidden from a person known to live elsewhere, shown to anyone else with
    its note saying where. Unlike `region`, such lines are not folded into one sentence."""

    def is_open(self, local: datetime.datetime, holiday: bool = False) -> bool:
        """Whether it answers at this local time (the country's clock); `holiday`: the
        day is a public holiday there."""
        if self.open is None:
            return True
        return any(holiday if spec == "holidays" else _opens(spec, local) for spec in self.open)

    def text(self, closed: str = "") -> str:
        """ "• Name: number (hours; note)", with `closed` ("closed now, opens at 18:00")
        first in the brackets when it is closed."""
        details = "; ".join(part for part in (closed, self.hours, self.note) if part)
        return f"• {self.name}: {self.number}" + (f" ({details})" if details else "")


class Closed(BaseModel):
    """How a section says a line is closed now ("closed now"), and when it opens
    ("opens at {hour}:00", "opens tomorrow at {hour}:00", "opens {day} at {hour}:00")."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    now: str = Field(min_length=1)
    today: str = Field(min_length=1, pattern=r"\{hour\}")
    tomorrow: str = Field(min_length=1, pattern=r"\{hour\}")
    later: str = Field(min_length=1, pattern=r"\{day\}")
    days: Annotated[tuple[str, ...], Field(min_length=7, max_length=7)]
    """The weekdays' names, Monday first, as `later` says them."""


class Section(BaseModel):
    """One language's lines for a country; an emergency line is required.

    `regional` is the one sentence shown in the place of the regional lines when the
    person's region is not known ("Når lægen har lukket: 1813 i Region Hovedstaden,
    ellers lægevagten i din region"): one wrong region's number would be worse than
    none, and five numbers on a line were too many to read (testers)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    lines: Annotated[tuple[Line, ...], Field(min_length=1)]
    country: str = ""
    """The country's name as a reply says it ("the UK", "Danmark"): a person whose
    country is not known is told whose lines these are."""
    regional: str = ""
    closed: Closed | None = None
    """Required when a line has hours: a reply says it is closed now in these words."""

    @model_validator(mode="after")
    def has_emergency(self) -> Section:
        if not any("emergency" in line.kinds for line in self.lines):
            raise ValueError("no line of kind 'emergency'")
        if any(line.region for line in self.lines) and not self.regional:
            raise ValueError("regional lines without 'regional', the sentence in their place")
        if any(line.open for line in self.lines) and self.closed is None:
            raise ValueError("lines with hours without 'closed', how a closed line is said")
        return self


@dataclass(frozen=True)
class Helplines:
    """Lines per country, then per language; `country` is the service's own."""

    lines: dict[str, dict[str, Section]]
    country: str
    _texts: dict[tuple[object, ...], str] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """Each (language, time zone, kinds, most, region, lines open)'s text, made once:
    every turn offers it."""

    @classmethod
    def load(cls, country: str = "uk", override: Path | None = None) -> Helplines:
        found = {path.stem: _read(path) for path in sorted(HELPLINES_DIR.glob("*.toml"))}
        if override is not None:
            found[country] = _read(override)
        if country not in found:
            raise ValueError(f"no helplines for country {country!r}")
        return cls(found, country)

    def for_person(
        self,
        language: str,
        timezone: str | None,
        kinds: Collection[str] | None = None,
        now: datetime.datetime | None = None,
        region: str | None = None,
    ) -> tuple[Line, ...]:
        """The person's lines serving any of `kinds` (all when None), in file order.

        The emergency line comes first whenever emergencies are asked for: in a crisis
        the number that sends help now must not be the one a person scrolls to; then,
        when `now` is given, the lines open now before those closed, and when none of
        the lines asked for is open, one that is (`_open_to_talk`). Lines for the young
        come only when `YOUNG` is asked for. Regional lines are those of the person's
        `region` when it is known, all regions' otherwise (see `text`).
        """
        country, section = self._section_for(language, timezone)
        wanted = KINDS if kinds is None else _known(kinds)
        chosen = [line for line in section.lines if _fits(line, wanted, region)]
        if now is not None:
            clock = _Clock(country, now)
            if wanted - {"emergency"}:
                chosen += _open_to_talk(section, chosen, clock, region)
            chosen.sort(key=lambda line: not clock.is_open(line))
        if "emergency" in wanted:
            chosen.sort(key=lambda line: "emergency" not in line.kinds)
        return tuple(chosen)

    def text(
        self,
        language: str,
        timezone: str | None,
        kinds: Collection[str] | None = None,
        most: int | None = None,
        now: datetime.datetime | None = None,
        region: str | None = None,
    ) -> str:
        """The lines as a list to show; `most` keeps only the first few (the best fitting).

        A line closed at `now` says so first ("closed now, opens at 18:00"). Every
        region's lines, when the person's region is not known, are one short line
        (`Section.regional`), after the national lines."""
        lines = self.for_person(language, timezone, kinds, now, region)
        country, section = self._section_for(language, timezone)
        clock = None if now is None else _Clock(country, now)
        closed = tuple(_closed(section, clock, line) for line in lines)
        key = (language, timezone, None if kinds is None else frozenset(kinds), most,
               region, tuple(line.name for line in lines), closed)  # fmt: skip
        if key not in self._texts:
            shown = [line.text(said) for line, said in zip(lines, closed, strict=True)]
            regional = [line for line in lines if line.region]
            if regional and not region:  # one line in the place of the first (open first)
                at = lines.index(regional[0])
                shown = [text for line, text in zip(lines, shown, strict=True) if not line.region]
                shown.insert(at, self._regions(language, timezone))
            self._texts[key] = "\n".join(shown[:most])
        return self._texts[key]

    def _regions(self, language: str, timezone: str | None) -> str:
        """ "• When your GP is closed: 1813 in the Capital Region, or the out-of-hours
        doctor in your region (tell me your town)": one short sentence, from the file."""
        return f"• {self._section_for(language, timezone)[1].regional}"

    def country_name(self, language: str, timezone: str | None) -> str:
        """The name of the country whose lines the person sees ("the UK")."""
        return self._section_for(language, timezone)[1].country

    def has_zone(self, timezone: str | None) -> bool:
        """Whether lines are chosen by this time zone (one we have a country's for)."""
        return ZONE_COUNTRIES.get(timezone or "") in self.lines

    def emergency_number(self, language: str, timezone: str | None) -> str:
        """What to dial when someone's life is at risk now (every section has one)."""
        return self.for_person(language, timezone, ("emergency",))[0].number

    def _section_for(self, language: str, timezone: str | None) -> tuple[str, Section]:
        country = (
            ZONE_COUNTRIES.get(timezone or "") or LANGUAGE_COUNTRIES.get(language) or self.country
        )
        if country not in self.lines:
            country = self.country
        by_language = self.lines[country]
        return country, by_language.get(language) or next(iter(by_language.values()))


def _known(kinds: Collection[str]) -> frozenset[str]:
    """The asked kinds, refusing a misspelt one: it would silently offer no line."""
    unknown = set(kinds) - KINDS
    if unknown:
        raise ValueError(f"unknown helpline kinds {sorted(unknown)}; known: {sorted(KINDS)}")
    return frozenset(kinds)


TALK = frozenset({"suicide", "mental_health"})
"""The kinds of line a person can simply talk to, whatever the crisis."""


def _fits(line: Line, wanted: frozenset[str], region: str | None) -> bool:
    """Whether a line serves what is asked, at the person's age and in their region."""
    return bool(
        wanted.intersection(line.kinds)
        and (YOUNG in wanted or YOUNG not in line.kinds)
        and (not region or not line.region or line.region.casefold() == region.casefold())
        and (not region or not line.serves
             or region.casefold() in {nation.casefold() for nation in line.serves})
    )  # fmt: skip


def _open_to_talk(
    section: Section, chosen: list[Line], clock: _Clock, region: str | None
) -> list[Line]:
    """When none of the lines that fit is open now, the first line to talk to that is
    (Samaritans, day and night); where there is none, and the person's region is not
    known, every region's acute line (one short line, `Helplines.text`) when one of them
    is open. Nothing when nothing is: the reply names the emergency number anyway."""
    if any(clock.is_open(line) for line in chosen if "emergency" not in line.kinds):
        return []
    talk = [line for line in section.lines if line not in chosen and _fits(line, TALK, region)]
    for line in talk:
        if (region or not line.region) and clock.is_open(line):
            return [line]
    regional = [line for line in talk if line.region and not region]
    return regional if any(clock.is_open(line) for line in regional) else []


@dataclass(frozen=True)
class _Clock:
    """Now in a country's own time, with its public holidays."""

    country: str
    now: datetime.datetime

    @property
    def local(self) -> datetime.datetime:
        return self.now.astimezone(ZoneInfo(COUNTRY_ZONES.get(self.country, "UTC")))

    def is_open(self, line: Line, at: datetime.datetime | None = None) -> bool:
        at = at or self.local
        return line.is_open(at, at.date() in _holidays(self.country))

    def opens(self, line: Line) -> datetime.datetime | None:
        """The next whole hour, within a week, at which a closed line is open (openings
        begin on the hour)."""
        hour = self.local.replace(minute=0, second=0, microsecond=0)
        for ahead in range(1, 24 * 8):
            at = hour + datetime.timedelta(hours=ahead)
            if self.is_open(line, at):
                return at
        return None


def prepare() -> None:
    """Each country's public holidays now, not in the first crisis reply (`Engine.warm_up`)."""
    for country in HOLIDAY_COUNTRIES:
        _holidays(country)


@cache
def _holidays(country: str) -> Collection[datetime.date]:
    """The country's public holidays (each year worked out when first asked about).
    `holidays` is imported here, when a crisis reply first asks whether a line is open:
    it took a tenth of `growcoach chat`'s start."""
    import holidays

    code = HOLIDAY_COUNTRIES.get(country)
    return holidays.country_holidays(code) if code else frozenset()


def _closed(section: Section, clock: _Clock | None, line: Line) -> str:
    """ "closed now, opens at 18:00" for a line closed now; "" for one open (or when
    the time is not known)."""
    if clock is None or section.closed is None or clock.is_open(line):
        return ""
    words = section.closed
    opens = clock.opens(line)
    if opens is None:
        return words.now
    days = (opens.date() - clock.local.date()).days
    when = words.today if days == 0 else words.tomorrow if days == 1 else words.later
    return f"{words.now}, " + when.format(hour=opens.hour, day=words.days[opens.weekday()])


def _opens(spec: str, local: datetime.datetime) -> bool:
    """Whether an opening ("mon-fri 16-08") holds at a local time; past midnight it
    belongs to the day before."""
    found = _OPEN.match(spec)
    assert found is not None and spec != "holidays"  # validated when read; see Line.is_open
    first, last, start, end = found.groups()
    days = _days(first, last or first)
    if start is None:
        return local.weekday() in days
    opens, closes, hour = int(start), int(end), local.hour + local.minute / 60
    if opens < closes:
        return local.weekday() in days and opens <= hour < closes
    return (local.weekday() in days and hour >= opens) or (
        (local.weekday() - 1) % 7 in days and hour < closes
    )


def _days(first: str, last: str) -> set[int]:
    """The weekdays from `first` to `last`, round the week if need be ("sat-mon")."""
    start, end = DAYS.index(first), DAYS.index(last)
    return {(start + i) % 7 for i in range((end - start) % 7 + 1)}


def _read(path: Path) -> dict[str, Section]:
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise HelplinesFileError(f"helplines file {path}: {error}") from error
    if not data:
        raise HelplinesFileError(f"helplines file {path}: no language sections")
    return {language: _section(path, language, raw) for language, raw in data.items()}


def _section(path: Path, language: str, raw: object) -> Section:
    try:
        return Section.model_validate(raw)
    except ValidationError as error:
        problems = "; ".join(
            f"[{language}].{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
            for problem in error.errors()
        )
        raise HelplinesFileError(f"helplines file {path}: {problems}") from error
