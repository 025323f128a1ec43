"""The records growcoach keeps about a person, as pydantic models.

These are the domain: the engine reads and returns them, `storage/` turns them into
rows (storage imports them, never the other way round). Free-text fields hold the
person's own words, unedited. The weekly schedule's due-time rules live on `Schedule`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from typing import Annotated, Any, Literal, get_args, get_origin
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, field_serializer


@dataclass(frozen=True)
class PersonId:
    """Who a person is: the channel they talk on and their key there ("telegram", "123").

    Stored and passed around as its text, `str(PersonId(...))` ("telegram:123"); this is
    the one place that text is made or read.
    """

    channel: str
    key: str

    TELEGRAM = "telegram"
    CONSOLE = "console"

    def __str__(self) -> str:
        return f"{self.channel}:{self.key}"

    @classmethod
    def parse(cls, text: str) -> PersonId:
        channel, colon, key = text.partition(":")
        if not (channel and colon and key):
            raise ValueError("a person's id is channel:key")
        return cls(channel, key)

    @staticmethod
    def prefix(channel: str) -> str:
        """The text every id on `channel` starts with, for ranges over the stored ids."""
        return f"{channel}:"


class _Plain:
    """The mark of a text field that holds none of the person's words (an id, a zone)."""

    def __repr__(self) -> str:
        return "PLAIN"


PLAIN = _Plain()
Plain = Annotated[str, PLAIN]
"""Text kept in the clear. Every other text field is sealed (encrypted at rest) by default."""


class _Sealed:
    """The mark of a field that is not text but says something of the person (scores)."""

    def __repr__(self) -> str:
        return "SEAL"


SEAL = _Sealed()
"""`Annotated[tuple[int, ...], SEAL]`: sealed although it holds no text."""


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


def _holds_words(annotation: Any, marks: tuple[Any, ...] = ()) -> bool:
    """Text, text inside a collection, or a record (which holds text): sealed unless Plain.
    Anything marked SEAL is sealed too."""
    if PLAIN in marks:
        return False
    if SEAL in marks:
        return True
    if annotation is str:
        return True
    if isinstance(annotation, type):
        return issubclass(annotation, Record)
    if get_origin(annotation) is Annotated:
        inner, *more = get_args(annotation)
        return _holds_words(inner, tuple(more))
    if get_origin(annotation) is Literal:
        return False  # a choice from a fixed list (a status, a button) is not their words
    return any(_holds_words(argument) for argument in get_args(annotation))


def sealed_fields(record: type[Record]) -> frozenset[str]:
    """The fields of `record` that hold the person's words, so are encrypted at rest.

    Declared by the types themselves: a new free-text field is sealed without being
    listed anywhere; a text field that must stay readable is typed `Plain`.
    """
    return frozenset(
        name
        for name, field in record.model_fields.items()
        if _holds_words(field.annotation, tuple(field.metadata))
    )


class CareNote(Record):
    """What the crisis conversation remembers for a day, so that it never says the same
    wall twice: which crisis replies were given in full and when, and when the person
    last said no to a follow-up (not asked again the same day); and what they said a
    reply misread, as keyed fingerprints of its sentences, never the words, so the same
    words raise no alarm again that day (`crisis_care.remember_misread`)."""

    said: dict[str, datetime] = Field(default_factory=dict)
    followup_declined_at: datetime | None = None
    misread: dict[str, datetime] = Field(default_factory=dict)


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
    asked_at: datetime | None = None
    """When the open question was asked: what the person sent before it was written
    before they saw it (typed while it was on its way), so it does not answer it."""
    draft: dict[str, Any] = Field(default_factory=dict)
    resume: Conversation | None = None
    """The conversation a crisis reply interrupted: taken up again, exactly, afterwards."""
    care: CareNote = Field(default_factory=CareNote)
    """Kept across conversations (see `CareNote`)."""


class SafetyPlan(Record):
    """The person's own plan for hard times (from WRAP), shown with helplines in a crisis."""

    triggers: str | None = None
    warning_signs: str | None = None
    what_helps: str | None = None
    contacts: str | None = None
    safer: str | None = None
    """What makes where they are safer in hard times (pills kept by a friend, no drink in
    the house): the last step of the Stanley–Brown safety plan."""
    updated_at: datetime


class Person(Record):
    id: Plain
    name: str | None = None
    language: Plain = "en"
    consented_at: datetime
    created_at: datetime
    blocked_at: datetime | None = None
    timezone: Plain | None = None
    region: Plain | None = None
    """The Danish region of the town they named for their time zone ("Syddanmark"):
    their region's acute line is offered, not every region's."""
    safety_plan: SafetyPlan | None = None
    conversation: Conversation = Field(default_factory=Conversation)
    followup_due: datetime | None = None
    """After a crisis, when the person asked to be checked on (the next day); the
    reminder loop sends it once, and the turn that sends it clears it."""

    @field_serializer("followup_due")
    def _utc_seconds(self, moment: datetime | None) -> str | None:
        """UTC text of one shape, so that the reminder loop can compare it as text."""
        return moment.astimezone(UTC).isoformat(timespec="seconds") if moment else None


class Schedule(Record):
    """The person's weekly check-in: a day and time in their own time zone.

    `next_due` (UTC) is what the reminder loop looks at; it is worked out from the local
    day and time each week, so 18:00 stays 18:00 across daylight-saving changes.
    """

    person_id: Plain
    weekday: int = Field(ge=0, le=6)  # Monday is 0
    hour: int = Field(ge=0, le=23)
    minute: int = Field(default=0, ge=0, le=59)
    timezone: Plain
    paused: bool = False
    next_due: datetime | None = None

    def local_time(self, after: datetime) -> datetime:
        """The first check-in strictly after `after`, in the person's own time zone.

        Worked out on the local calendar and then placed in the zone, so a daylight-saving
        change moves the UTC time, never the local one. A local time that does not exist
        that day (the hour skipped in spring) moves forward by the gap.
        """
        zone = ZoneInfo(self.timezone)
        local = after.astimezone(zone)
        days = (self.weekday - local.weekday()) % 7
        for week in range(3):
            day = local.date() + timedelta(days=days + 7 * week)
            wall = datetime.combine(day, time(self.hour, self.minute), tzinfo=zone)
            # Round-trip through UTC: a wall time in the spring gap comes back shifted.
            candidate = wall.astimezone(UTC).astimezone(zone)
            if candidate > after:
                return candidate
        raise AssertionError("a weekly time always comes within three weeks")

    def due_after(self, after: datetime) -> datetime:
        """`local_time`, in UTC: what is stored and compared."""
        return self.local_time(after).astimezone(UTC)

    def moved_on(self, now: datetime) -> Schedule:
        """This schedule with its next check-in the first one after `now` (catch-up: a
        missed week is not sent twice, the next one is simply the next)."""
        return self.model_copy(update={"next_due": self.due_after(now)})


StepStatus = Literal["planning", "planned", "done", "partly", "not_yet", "changed", "replaced"]
"""A step closed at a check-in is "done", or "replaced" by the new step set there."""
GoalStatus = Literal["planning", "active", "achieved", "dropped"]


class Step(Record):
    """One concrete next step towards a goal, with the person's own confidence in it."""

    number: int
    text: str
    when: str | None = None
    obstacles: str | None = None
    confidence: int | None = Field(default=None, ge=0, le=10)
    confidence_reason: str | None = None
    """What makes it that number and not 0, in their words (solution-focused scaling)."""
    earlier_texts: tuple[str, ...] = ()
    status: StepStatus = "planning"
    created_at: datetime


Outcome = Literal["done", "partly", "not_yet", "changed"]
NextMove = Literal["keep", "new", "smaller", "goal"]


class CheckIn(Record):
    """How a step went, in the person's words, and how close the goal feels (0 to 10)."""

    number: int
    step_number: int
    at: datetime
    outcome: Outcome
    said: str | None = None
    """How it went, in their own words, when they wrote more than a button."""
    reflection: str | None = None
    in_the_way: str | None = None
    progress: int | None = Field(default=None, ge=0, le=10)
    next_move: NextMove | None = None
    reminded: bool = False


class Goal(Record):
    """A goal in the person's words, with what they said about it on the way (GROW)."""

    person_id: Plain
    number: int
    area: LifeArea
    area_own_words: str | None = None
    text: str
    first_words: str | None = None
    why: str | None = None
    """Why the goal matters to them (their values), asked once and reflected back."""
    reality_now: str | None = None
    reality_works: str | None = None
    strengths: str | None = None
    obstacles: str | None = None
    reality_correction: str | None = None
    """What they corrected in the Reality summary ("not quite: ..."); None if it was right."""
    options: tuple[str, ...] = ()
    helpers: str | None = None
    chosen_option: str | None = None
    status: GoalStatus = "planning"
    created_at: datetime
    updated_at: datetime
    steps: tuple[Step, ...] = ()
    checkins: tuple[CheckIn, ...] = ()

    @property
    def current_step(self) -> Step | None:
        return self.steps[-1] if self.steps else None

    @property
    def last_progress(self) -> int | None:
        rated = [checkin.progress for checkin in self.checkins if checkin.progress is not None]
        return rated[-1] if rated else None
