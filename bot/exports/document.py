"""The goal history as one versioned document: the JSON export, and the source of the others.

Its JSON Schema is generated from these models and kept in `docs/export.schema.json`
(a test fails when the two differ), so a service can check what it receives.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field

from dialogue_flows.outcome_records import Outcomes
from dialogue_flows.outcomes import latest_levels, t_score
from dialogue_flows.records import Goal, Person, SafetyPlan, Schedule

SCHEMA_VERSION: Literal[4] = 4
"""2: outcomes (attainment levels, measures, appointments and agenda) and the T-score;
3: the person's safety plan, in their words (the person can export all they keep);
4: the safety plan's `safer`, what makes where they are safer."""


class Document(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ExportedPerson(Document):
    name: str | None
    language: str
    timezone: str | None
    consented_at: datetime


class ExportedSchedule(Document):
    weekday: int
    hour: int
    minute: int
    timezone: str
    paused: bool


class History(Document):
    """Everything growcoach keeps about one person's goals and safety plan, in their words."""

    schema_version: Literal[4] = SCHEMA_VERSION
    generated_at: datetime
    pseudonym: str
    person: ExportedPerson
    weekly_checkin: ExportedSchedule | None
    goals: tuple[Goal, ...]
    outcomes: Outcomes = Field(default_factory=Outcomes)
    gas_t_score: float | None = None
    """The Kiresuk-Sherman T-score of the latest levels of the goals still worked on."""
    safety_plan: SafetyPlan | None = None
    """Their own plan for hard times (/safety), when they made one."""

    @classmethod
    def of(
        cls,
        person: Person,
        goals: tuple[Goal, ...],
        schedule: Schedule | None,
        pseudonym: str,
        now: datetime,
        outcomes: Outcomes | None = None,
    ) -> History:
        exported = ExportedPerson(
            name=person.name,
            language=person.language,
            timezone=person.timezone,
            consented_at=person.consented_at,
        )
        weekly = None
        if schedule is not None:
            weekly = ExportedSchedule.model_validate(
                schedule.model_dump(include={"weekday", "hour", "minute", "timezone", "paused"})
            )
        # Goals carry the pseudonym, never the Telegram id or console name.
        hidden = tuple(goal.model_copy(update={"person_id": pseudonym}) for goal in goals)
        outcomes = outcomes or Outcomes()
        open_goals = [goal.number for goal in goals if goal.status != "dropped"]
        latest = latest_levels(outcomes.scales, outcomes.ratings, open_goals)
        score = t_score(latest.values())
        return cls(generated_at=now, pseudonym=pseudonym, person=exported,
                   weekly_checkin=weekly, goals=hidden, outcomes=outcomes,
                   gas_t_score=None if score is None else round(score, 1),
                   safety_plan=person.safety_plan)  # fmt: skip

    def to_json(self) -> bytes:
        return self.model_dump_json(indent=2).encode()

    def zone(self, default: str) -> ZoneInfo:
        """Where the person's times are shown: the zone of their weekly check-in, else the
        one they gave, else `default` (the service's)."""
        checkin = self.weekly_checkin.timezone if self.weekly_checkin else None
        return ZoneInfo(checkin or self.person.timezone or default)

    @property
    def since(self) -> datetime:
        """When the history begins: consent, or the first goal if that came earlier."""
        return min([self.person.consented_at, *(goal.created_at for goal in self.goals)])


def schema() -> dict[str, object]:
    return History.model_json_schema()
