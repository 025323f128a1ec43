"""The words the engine speaks in: what comes in, what goes out.

Frozen dataclasses, because a turn is a value: the same input on the same state
always gives the same result, and nothing downstream may change it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeAlias

from dialogue_flows.outcome_records import Outcomes
from dialogue_flows.records import Goal, Person, Schedule


@dataclass(frozen=True)
class Text:
    """Anything the person typed (the engine decides whether it names a choice).

    `sent_at` is when the person sent it (Telegram's `message.date`), which can be before
    a check-in that was handled first: then it is no answer to it. None: just now (the
    console, where nothing can cross).
    """

    text: str
    sent_at: datetime | None = None


@dataclass(frozen=True)
class Pick:
    """A button press: the choice's value and the question it belonged to.

    `ask_id` lets the engine tell a press on the current question from a press on an
    old message, which must never record a second answer.
    """

    value: str
    ask_id: int


@dataclass(frozen=True)
class Command:
    """A `/command`, already split from its arguments."""

    name: str
    args: str = ""


@dataclass(frozen=True)
class Unreadable:
    """Something the engine cannot take as an answer: `kind` is "media" or "edited".

    Stickers, photos, voice and files are "media"; an edited message is "edited" (answers
    are kept as first sent). The person is told kindly and asked the open question again.
    """

    kind: str


@dataclass(frozen=True)
class DueCheckin:
    """The weekly check-in time has come (sent by the reminder loop, not the person)."""


@dataclass(frozen=True)
class DueFollowup:
    """The day after a crisis, the follow-up the person asked for (from the reminder loop)."""


@dataclass(frozen=True)
class DueAppointment:
    """The day before an appointment: the summary and the agenda (from the reminder loop)."""


@dataclass(frozen=True)
class DueMeasure:
    """A measure is due at the person's rhythm (from the reminder loop)."""


Input = Text | Pick | Command | Unreadable | DueCheckin | DueFollowup | DueAppointment | DueMeasure
FROM_LOOP = (DueCheckin, DueFollowup, DueAppointment, DueMeasure)
"""Inputs the reminder loop sends, not the person."""


Param: TypeAlias = "str | int | Msg | date"
"""A placeholder's value: words, a number, another message (such as a label), or a
day or a moment in the person's time zone (formatted for their language)."""


Maker: TypeAlias = "Param | Callable[[], Param]"
"""A placeholder's value, or how to work it out when a message names it (`Lazy`)."""


class Lazy(Mapping[str, Param]):
    """Placeholder values, each worked out the first time it is read.

    A flow offers each of its messages every value any of them may name (the goal, the
    life area it seems to be about, each answer quoted back), and a message names one or
    two; reading the person's words for the rest was most of a turn's work. The
    catalogue reads only the names its template has. A maker closes over what it reads
    (frozen records, strings), never over the turn's changing `Work`, so the value is
    that of the moment the message was made, whenever it is rendered.
    """

    def __init__(self, makers: Mapping[str, Maker]) -> None:
        self._makers = dict(makers)
        self._made: dict[str, Param] = {}

    def __getitem__(self, name: str) -> Param:
        if name not in self._made:
            maker = self._makers[name]
            self._made[name] = maker() if callable(maker) else maker
        return self._made[name]

    def __contains__(self, name: object) -> bool:
        return name in self._makers

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)

    def __repr__(self) -> str:
        return f"Lazy({dict(self)!r})"


@dataclass(frozen=True)
class Msg:
    """A catalogue key and the values for its placeholders: rendered by the adapter."""

    key: str
    params: Mapping[str, Param] = field(default_factory=dict)


@dataclass(frozen=True)
class Choice:
    """One offered answer: `value` is what the engine gets back, `label` what is shown."""

    value: str
    label: Msg


def is_scale(labels: Sequence[str]) -> bool:
    """Choices that are all numbers (0 to 10): a number typed is the value, not a position."""
    return bool(labels) and all(label.isdigit() for label in labels)


@dataclass(frozen=True)
class Reply:
    """One message to the person: its paragraphs and, for a question, its choices."""

    parts: tuple[Msg, ...]
    choices: tuple[Choice, ...] = ()
    ask_id: int | None = None


@dataclass(frozen=True)
class Snapshot:
    """Everything saved about one person that a turn may read.

    `person` is None until they have agreed to anything being stored.
    `language` is the language to greet them in before a profile exists.
    """

    person_id: str
    person: Person | None
    goals: tuple[Goal, ...] = ()
    language: str = "en"
    schedule: Schedule | None = None
    outcomes: Outcomes = field(default_factory=Outcomes)


@dataclass(frozen=True)
class Turn:
    """The outcome of one input: what to say (in `language`), and what to save first.

    `answered` says the input was taken as the answer to the open question (a button
    press that counted). `person` and `goals` hold only records that changed; None and
    () mean nothing to save. When `schedule_changed`, `schedule` is the new weekly
    check-in, or None if the person turned reminders off. `export` asks the adapter
    to send the person their history in that format, after saving; `erase` to delete
    everything about them (and nothing else is saved).
    """

    replies: tuple[Reply, ...]
    language: str
    answered: bool = False
    person: Person | None = None
    goals: tuple[Goal, ...] = ()
    schedule_changed: bool = False
    schedule: Schedule | None = None
    export: str | None = None
    erase: bool = False
    outcomes: Outcomes | None = None
    """The person's outcome records when any changed (None: nothing to save)."""
