"""Weekly check-in times: read from words, and placed right in any time zone, any week."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dialogue_flows.answers import InvalidAnswerError
from dialogue_flows.weekly import WeeklyTime, read_timezone, read_weekly
from storage.records import Schedule

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
        ("søndag kl 9.15", WeeklyTime(6, 9, 15)),
        ("friday morning", WeeklyTime(4, 9, 0)),
        ("12am sat", WeeklyTime(5, 0, 0)),
        ("onsdag", WeeklyTime(2, None, 0)),
        ("17:45", WeeklyTime(None, 17, 45)),
    ],
)
def test_days_and_times_in_english_and_danish(words: str, expected: WeeklyTime) -> None:
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


def test_an_unknown_place_is_a_kind_no() -> None:
    with pytest.raises(InvalidAnswerError):
        read_timezone("Narnia")


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
