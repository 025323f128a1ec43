"""Shared fixtures: the real catalogue and engine, and a transcript driver for it."""

from __future__ import annotations

import compileall
import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fake_bot_api import FakeBotApi
from postgres import Cluster, Unavailable
from telegram import Update
from telegram.ext import Application

from bot.settings import Settings
from bot.telegram import BotSettings, Retry, TelegramBot
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine
from dialogue_flows.outcome_records import Outcomes
from dialogue_flows.records import Goal, Person, Schedule
from dialogue_flows.types import Command, Input, Pick, Reply, Snapshot, Text, Turn

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def pytest_configure(config: pytest.Config) -> None:
    """growcoach's bytecode written once, as installing it would: the tests start the
    `growcoach` command as a process over a hundred times, and where bytecode is not
    written (PYTHONDONTWRITEBYTECODE, which some shells here set) every start would
    compile every module of its own again (a fifth of a start)."""
    for package in ("bot", "dialogue_flows", "storage"):
        compileall.compile_dir(Path(__file__).parent.parent / package, quiet=1)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """One PostgreSQL for the whole session (tests/postgres.py). Where there is none, the
    tests that need it skip, saying why; in CI (CI=true) they fail instead."""
    try:
        cluster = Cluster.start()
    except Unavailable as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must test PostgreSQL, and cannot: {error}")
        pytest.skip(f"no PostgreSQL to test against: {error}")
    yield cluster
    cluster.stop()


@pytest.fixture
def postgres_url(postgres_cluster: Cluster) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    url = postgres_cluster.new_database()
    yield url
    postgres_cluster.drop_database(url)


BACKENDS = ("sqlite", "postgres")


@pytest.fixture(params=BACKENDS)
def store_at(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where a store lives, once for each backend: a fresh SQLite file, or a fresh
    PostgreSQL database (its URL). Contract tests take this and assert the same."""
    if request.param == "sqlite":
        return tmp_path / "growcoach.db"
    url: str = request.getfixturevalue("postgres_url")
    return url


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
    schedule: Schedule | None = None
    outcomes: Outcomes = field(default_factory=Outcomes)
    now: datetime = START
    last: Turn | None = None
    last_replies: list[str] = field(default_factory=list)

    def send(self, event: Input) -> list[str]:
        snapshot = Snapshot(
            self.person_id,
            self.person,
            tuple(self.goals[n] for n in sorted(self.goals)),
            self.language,
            self.schedule,
            self.outcomes,
        )
        turn = self.engine.handle(snapshot, event, self.now)
        if turn.outcomes is not None:
            self.outcomes = turn.outcomes
        if turn.person is not None:
            self.person = turn.person
        if turn.schedule_changed:
            self.schedule = turn.schedule
        for goal in turn.goals:
            self.goals[goal.number] = goal
        self.now += timedelta(minutes=1)
        self.last = turn
        self.last_replies = [self.text(reply, turn.language) for reply in turn.replies]
        return self.last_replies

    def say(self, text: str) -> list[str]:
        return self.send(Text(text))

    def command(self, name: str) -> list[str]:
        return self.send(Command(name))

    def press(self, value: str, ask_id: int | None = None) -> list[str]:
        return self.send(Pick(value, self.ask_id if ask_id is None else ask_id))

    def text(self, reply: Reply, language: str) -> str:
        return "\n\n".join(self.catalogue.render(part, language) for part in reply.parts)

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
    def goal_done(self) -> bool:
        """A plan has been made: the newest goal is active."""
        return bool(self.goals) and self.goal.status == "active"

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
"""Consent given and a name chosen: the person is at the goal question."""

THROUGH_REALITY = (
    *WELCOMED,
    "Find a flat of my own within a year",
    "Home",
    "So my kids can stay over",
    "Sofa surfing at my mate's place",
    "My key worker is on it. I'm stubborn in a good way",
    "Money, and forms make me panic",
    "Yes",
)
"""A person who has reached the Options question (the Reality summary confirmed)."""

WHOLE_PLAN = (
    *THROUGH_REALITY,
    "Ask the council about housing; Save £10 a week",
    "Talk to Shelter",
    "2",
    "Set up a savings pot on my phone",
    "Friday after work",
    "8",
    "I've saved before",
)
"""A whole GROW conversation, answered in plain words."""


SCHEDULE_ANSWERS = (*WHOLE_PLAN, "no", "Monday 18:00", "Copenhagen", "yes")
"""A whole plan (its attainment levels skipped), then a weekly check-in on Mondays at 18:00
Copenhagen time, said back and confirmed."""


TOKEN = "123456:TEST-token-for-the-fake-bot-api-000"
"""Well formed, but only ever sent to the fake Bot API on localhost."""


@pytest.fixture
def bot_api() -> Iterator[FakeBotApi]:
    api = FakeBotApi()
    api.start()
    yield api
    api.stop()


class FakeClock:
    """The time as a test says it is: injected wherever growcoach asks for now."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class RunningBot:
    api: FakeBotApi
    bot: TelegramBot
    db: Path | str
    clock: FakeClock

    @property
    def application(self) -> Application[Any, Any, Any, Any, Any, Any]:
        return self.bot.application

    async def handle(self, update_id: int) -> None:
        """Hand one queued update to the application and wait until it is handled."""
        update = Update.de_json(self.api.take(update_id), self.application.bot)
        await self.application.process_update(update)


@asynccontextmanager
async def running_bot(
    api: FakeBotApi, db: Path | str, polling: bool, service: Settings | None = None
) -> AsyncIterator[RunningBot]:
    """The real `Application` against the fake Bot API, started as `growcoach run` would."""
    assert api.server is not None
    base_url = f"http://127.0.0.1:{api.server.server_address[1]}/bot"
    clock = FakeClock()
    api.clock = lambda: clock.now.timestamp()  # people write at the tests' time, too
    bot = TelegramBot(
        BotSettings(TOKEN, db, clock, base_url, service=service or Settings(_env_file=None),
                    retry=Retry(delays=(0, 0)), remind_every=None)
    )  # fmt: skip
    application = bot.application
    await application.initialize()
    assert application.post_init is not None and application.post_shutdown is not None
    await application.post_init(application)
    assert application.updater is not None
    if polling:
        await application.updater.start_polling(poll_interval=0, timeout=0.25)
    await application.start()
    yield RunningBot(api, bot, db, clock)
    if polling:
        await application.updater.stop()
    await application.stop()
    await application.post_shutdown(application)
    await application.shutdown()


@pytest.fixture
async def telegram(bot_api: FakeBotApi, tmp_path: Path) -> AsyncIterator[RunningBot]:
    """Polling, as in production: updates arrive through getUpdates."""
    async with running_bot(bot_api, tmp_path / "telegram.db", polling=True) as bot:
        yield bot


@pytest.fixture
async def telegram_direct(bot_api: FakeBotApi, tmp_path: Path) -> AsyncIterator[RunningBot]:
    """No polling: each test hands updates over itself, and knows when each is done."""
    async with running_bot(bot_api, tmp_path / "telegram.db", polling=False) as bot:
        yield bot


@pytest.fixture
async def telegram_on(bot_api: FakeBotApi, store_at: Path | str) -> AsyncIterator[RunningBot]:
    """As `telegram_direct`, once on each backend (`store_at`)."""
    async with running_bot(bot_api, store_at, polling=False) as bot:
        yield bot


def person(engine: Engine, catalogue: Catalogue, language: str, *lines: str) -> Dialogue:
    """A person who speaks `language`, having said `lines` (a new person when none)."""
    dialogue = Dialogue(engine, catalogue, language=language)
    dialogue.run(*lines)
    return dialogue
