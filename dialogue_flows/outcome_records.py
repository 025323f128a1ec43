"""The records of outcomes: goal attainment levels, measures, appointments and agendas.

Kept apart from the goal records because they are optional: a person may never scale a
goal or answer a measure, and nothing else depends on them. `Outcomes` gathers all of
one person's, the way a turn reads and returns them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import Field, field_serializer

from dialogue_flows.records import SEAL, Plain, Record

Level = int
"""A goal attainment level, -2 to +2."""


class GasScale(Record):
    """What each level would look like for one goal, in the person's own words.

    `levels` holds the words by level ("-2" … "2"); a level they skipped is absent.
    `importance` is 1 (a little) to 3 (very), or None when the goal was not weighed.
    """

    goal_number: int
    levels: dict[str, str] = Field(default_factory=dict)
    importance: int | None = Field(default=None, ge=1, le=3)
    updated_at: datetime

    def words(self) -> dict[Level, str]:
        return {int(level): text for level, text in self.levels.items()}


class GasRating(Record):
    """The level the person chose for a goal, usually at a check-in (`checkin_number`)."""

    goal_number: int
    number: int
    at: datetime
    level: Level = Field(ge=-2, le=2)
    checkin_number: int | None = None


class MeasureResponse(Record):
    """One completed questionnaire: the item scores in order and the total as published."""

    number: int
    measure: Plain
    language: Plain
    at: datetime
    answers: Annotated[tuple[int, ...], SEAL]
    score: int


class MeasurePlan(Record):
    """How often the person wants to be offered a measure: every `every_days` days (7–90)."""

    every_days: int = Field(default=30, ge=7, le=90)
    next_due: datetime | None = None

    @field_serializer("next_due")
    def _utc_seconds(self, moment: datetime | None) -> str | None:
        """UTC text of one shape, so that the reminder loop can compare it as text."""
        return moment.astimezone(UTC).isoformat(timespec="seconds") if moment else None


class Appointment(Record):
    """The next appointment with their worker, as the person said it, and their agenda.

    `eve_due` (UTC) is when the summary is offered, the day before at their check-in
    hour; the turn that sends it clears it, so it is sent once.
    """

    number: int
    at: datetime
    words: str
    created_at: datetime
    eve_due: datetime | None = None
    agenda: str | None = None
    summary_at: datetime | None = None

    @field_serializer("eve_due")
    def _utc_seconds(self, moment: datetime | None) -> str | None:
        return moment.astimezone(UTC).isoformat(timespec="seconds") if moment else None


class Outcomes(Record):
    """All of one person's outcome records."""

    scales: tuple[GasScale, ...] = ()
    ratings: tuple[GasRating, ...] = ()
    responses: tuple[MeasureResponse, ...] = ()
    plan: MeasurePlan | None = None
    appointments: tuple[Appointment, ...] = ()

    @property
    def next_appointment(self) -> Appointment | None:
        return self.appointments[-1] if self.appointments else None
