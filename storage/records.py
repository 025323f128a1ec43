"""The records growcoach keeps about a person, as pydantic models.

These are the boundary between the engine and the database: the engine reads and
returns them, the repositories turn them into rows. Free-text fields hold the
person's own words, unedited.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class LifeArea(StrEnum):
    """The four dimensions of recovery, plus the person's own."""

    HEALTH = "health"
    HOME = "home"
    PURPOSE = "purpose"
    COMMUNITY = "community"
    OTHER = "other"


class Record(BaseModel):
    """Records are values: copied with `model_copy(update=...)`, never changed in place."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Conversation(Record):
    """Where the person is: the flow and question they are on.

    `flow` None means no conversation is open. `paused` is set by /cancel: the place is
    kept so that /start can pick it up again. `ask_id` counts the questions asked, so a
    button press can be matched to the question it answers. `draft` holds what a flow
    needs between questions and has no better home (such as the goal being planned).
    """

    flow: str | None = None
    step: str | None = None
    paused: bool = False
    ask_id: int = 0
    draft: dict[str, Any] = Field(default_factory=dict)


class Person(Record):
    id: str
    name: str | None = None
    language: str = "en"
    consented_at: datetime
    created_at: datetime
    blocked_at: datetime | None = None
    conversation: Conversation = Field(default_factory=Conversation)


StepStatus = Literal["planning", "planned", "done", "partly", "not_yet", "changed"]
GoalStatus = Literal["planning", "active", "achieved", "dropped"]


class Step(Record):
    """One concrete next step towards a goal, with the person's own confidence in it."""

    number: int
    text: str
    when: str | None = None
    obstacles: str | None = None
    confidence: int | None = Field(default=None, ge=0, le=10)
    earlier_texts: tuple[str, ...] = ()
    status: StepStatus = "planning"
    created_at: datetime


class Goal(Record):
    """A goal in the person's words, with what they said about it on the way (GROW)."""

    person_id: str
    number: int
    area: LifeArea
    area_own_words: str | None = None
    text: str
    first_words: str | None = None
    reality_now: str | None = None
    reality_works: str | None = None
    strengths: str | None = None
    obstacles: str | None = None
    options: tuple[str, ...] = ()
    helpers: str | None = None
    chosen_option: str | None = None
    status: GoalStatus = "planning"
    created_at: datetime
    updated_at: datetime
    steps: tuple[Step, ...] = ()

    @property
    def current_step(self) -> Step | None:
        return self.steps[-1] if self.steps else None
