"""Reading a weekly time and a time zone from what the person wrote.

"Monday 18:00", "mon 6pm", "mandag kl. 18", "Tuesdays at 7.30" and "18" are all
understood; days and times in English and Danish. Time zones are IANA names or a
city or country in the person's own words ("London", "København", "Denmark").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from zoneinfo import available_timezones

from dialogue_flows.answers import InvalidAnswerError

_DAYS = {
    0: ("monday", "mon", "mandag", "man"),
    1: ("tuesday", "tue", "tues", "tirsdag", "tir", "tirs"),
    2: ("wednesday", "wed", "onsdag", "ons"),
    3: ("thursday", "thu", "thur", "thurs", "torsdag", "tor", "tors"),
    4: ("friday", "fri", "fredag", "fre"),
    5: ("saturday", "sat", "lørdag", "lør", "loerdag"),
    6: ("sunday", "sun", "søndag", "søn", "soendag"),
}
_DAY_WORDS = {word: day for day, words in _DAYS.items() for word in words}
_TIME = re.compile(
    r"(?<![\d:.])(?:kl\.?\s*|at\s+|klokken\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*"
    r"(am|pm|a\.m\.|p\.m\.)?(?![\d:.]*\d)",
)
_PERIODS = {"morning": 9, "morgen": 9, "noon": 12, "middag": 12, "afternoon": 15,
            "eftermiddag": 15, "evening": 18, "aften": 18, "night": 20}  # fmt: skip


@dataclass(frozen=True)
class WeeklyTime:
    weekday: int | None
    hour: int | None
    minute: int = 0


def read_weekly(text: str) -> WeeklyTime:
    """A day and/or a time of day; raises when neither can be found."""
    words = re.findall(r"\w+", text.casefold())
    weekday = next((day for day in map(_day, words) if day is not None), None)
    hour, minute = _read_time(text.casefold())
    if hour is None:
        hour = next((_PERIODS[w] for w in words if w in _PERIODS), None)
    if weekday is None and hour is None:
        raise InvalidAnswerError("invalid.weekly")
    return WeeklyTime(weekday, hour, minute)


def _day(word: str) -> int | None:
    """A day's name or short form, also in the plural ("Mondays", "mandage")."""
    for form in (word, word.removesuffix("s"), word.removesuffix("e")):
        if form in _DAY_WORDS:
            return _DAY_WORDS[form]
    return None


def read_hour(text: str) -> WeeklyTime:
    found = read_weekly(text)
    if found.hour is None:
        raise InvalidAnswerError("invalid.hour")
    return found


def _read_time(text: str) -> tuple[int | None, int]:
    match = _TIME.search(text)
    if match is None:
        return None, 0
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    period = (match.group(3) or "").replace(".", "")
    if period == "pm" and hour < 12:
        hour += 12
    elif period == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        raise InvalidAnswerError("invalid.hour")
    return hour, minute


_ZONE_WORDS = {
    "uk": "Europe/London", "england": "Europe/London", "britain": "Europe/London",
    "scotland": "Europe/London", "wales": "Europe/London", "gb": "Europe/London",
    "denmark": "Europe/Copenhagen", "danmark": "Europe/Copenhagen",
    "kobenhavn": "Europe/Copenhagen", "aarhus": "Europe/Copenhagen",
    "arhus": "Europe/Copenhagen", "odense": "Europe/Copenhagen",
    "aalborg": "Europe/Copenhagen", "greenland": "America/Nuuk",
    "faroe": "Atlantic/Faroe", "faroes": "Atlantic/Faroe", "utc": "UTC", "gmt": "Europe/London",
}  # fmt: skip


@cache
def _zones() -> dict[str, str]:
    """Every IANA zone by its full name and by its city, in comparable form."""
    found: dict[str, str] = {}
    for zone in sorted(available_timezones()):
        found.setdefault(_plain(zone), zone)
        found.setdefault(_plain(zone.rsplit("/", 1)[-1]), zone)
    return found


def _plain(text: str) -> str:
    """Lower case, no accents, no spaces or punctuation: "København" is "kobenhavn"."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("ø", "o").replace("æ", "ae"))
    return "".join(char for char in text if char.isalnum())


def read_timezone(text: str) -> str:
    plain = _plain(text)
    zone = _ZONE_WORDS.get(plain) or _zones().get(plain)
    if zone is None:
        raise InvalidAnswerError("invalid.timezone")
    return zone
