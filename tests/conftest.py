"""Shared fixtures: the real catalogue and engine, and a transcript driver for it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine
from dialogue_flows.types import Command, Input, Pick, Reply, Snapshot, Text, Turn
from storage.records import Goal, Person

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return Catalogue.load()


@pytest.fixture(scope="session")
def engine(catalogue: Catalogue) -> Engine:
    return Engine(catalogue)


@dataclass
class Dialogue:
    """Drives the engine the way an adapter would, keeping what a turn says to save.

    Each turn applies only the records the engine returned, so a test sees exactly
    what the database would hold. The clock moves a minute per turn.
    """

    engine: Engine
    catalogue: Catalogue
    person_id: str = "console:test"
    language: str = "en"
    person: Person | None = None
    goals: dict[int, Goal] = field(default_factory=dict)
    now: datetime = START
    last: Turn | None = None

    def send(self, event: Input) -> list[str]:
        snapshot = Snapshot(
            self.person_id,
            self.person,
            tuple(self.goals[n] for n in sorted(self.goals)),
            self.language,
        )
        turn = self.engine.handle(snapshot, event, self.now)
        if turn.person is not None:
            self.person = turn.person
        for goal in turn.goals:
            self.goals[goal.number] = goal
        self.now += timedelta(minutes=1)
        self.last = turn
        return [self.text(reply) for reply in turn.replies]

    def say(self, text: str) -> list[str]:
        return self.send(Text(text))

    def command(self, name: str) -> list[str]:
        return self.send(Command(name))

    def press(self, value: str, ask_id: int | None = None) -> list[str]:
        return self.send(Pick(value, self.ask_id if ask_id is None else ask_id))

    def text(self, reply: Reply) -> str:
        return "\n\n".join(self.catalogue.render(part, self.language) for part in reply.parts)

    @property
    def keys(self) -> list[str]:
        """The catalogue keys of every part of the last turn's replies."""
        assert self.last is not None
        return [part.key for reply in self.last.replies for part in reply.parts]

    @property
    def step(self) -> str | None:
        return self.person.conversation.step if self.person else None

    @property
    def ask_id(self) -> int:
        return self.person.conversation.ask_id if self.person else 0

    @property
    def goal(self) -> Goal:
        return self.goals[max(self.goals)]

    def run(self, *lines: str) -> None:
        for line in lines:
            self.say(line)


@pytest.fixture
def dialogue(engine: Engine, catalogue: Catalogue) -> Dialogue:
    return Dialogue(engine, catalogue)


WELCOMED = ("/start", "yes", "Sam")
"""Consent given and a name chosen: the person is at the life-area question."""

THROUGH_REALITY = (
    *WELCOMED,
    "Home",
    "Find a flat of my own within a year",
    "Sofa surfing at my mate's place",
    "My key worker is on it",
    "I'm stubborn in a good way; my sister",
    "Money, and forms make me panic",
)
"""A person who has reached the Options question."""

WHOLE_PLAN = (
    *THROUGH_REALITY,
    "Ask the council about housing\nSave £10 a week",
    "Talk to Shelter",
    "That's all",
    "My sister",
    "2",
    "Set up a savings pot on my phone",
    "Friday after work",
    "Forgetting; I'll set an alarm",
    "8",
)
"""A whole GROW conversation, answered in plain words."""
