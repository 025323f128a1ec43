"""The goal history as one versioned document: the JSON export, and the source of the others.

Its JSON Schema is generated from these models and kept in `docs/export.schema.json`
(a test fails when the two differ), so a service can check what it receives.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from dialogue_flows.records import Goal, Person, Schedule

SCHEMA_VERSION: Literal[1] = 1


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
    """Everything growcoach keeps about one person's goals, in their own words."""

    schema_version: Literal[1] = SCHEMA_VERSION
    generated_at: datetime
    pseudonym: str
    person: ExportedPerson
    weekly_checkin: ExportedSchedule | None
    goals: tuple[Goal, ...]

    @classmethod
    def of(
        cls,
        person: Person,
        goals: tuple[Goal, ...],
        schedule: Schedule | None,
        pseudonym: str,
        now: datetime,
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
        return cls(generated_at=now, pseudonym=pseudonym, person=exported,
                   weekly_checkin=weekly, goals=hidden)  # fmt: skip

    def to_json(self) -> bytes:
        return self.model_dump_json(indent=2).encode()

    @property
    def since(self) -> datetime:
        """When the history begins: consent, or the first goal if that came earlier."""
        return min([self.person.consented_at, *(goal.created_at for goal in self.goals)])


def schema() -> dict[str, object]:
    return History.model_json_schema()
