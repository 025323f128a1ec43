"""Storage on real SQLite files and a real PostgreSQL: migrations, round trips, and
all-or-nothing turns. The tests taking `store_at` are the storage contract: they run on
both backends with the same assertions."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from conftest import START, WHOLE_PLAN
from postgres import query

from bot.app import open_app, open_store
from dialogue_flows.records import CheckIn, Conversation, Goal, LifeArea, Person, Schedule, Step
from dialogue_flows.types import Text
from storage.db import Database, StorageError
from storage.migrations import MIGRATIONS, SCHEMA_VERSION
from storage.turns import Changes, Stored


def clock() -> object:
    return START


async def test_a_new_file_is_created_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "sub" / "new.db")
    try:
        assert await database.schema_version() == SCHEMA_VERSION
        async with database.connection.execute("PRAGMA journal_mode") as cursor:
            row = await cursor.fetchone()
        assert row is not None and row[0] == "wal"
    finally:
        await database.close()


async def test_an_older_database_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:
        old.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
        old.execute(
            "INSERT INTO people VALUES ('console:ann', 'Ann', 'en', ?, ?, ?)",
            (START.isoformat(), START.isoformat(), Conversation().model_dump_json()),
        )
        old.execute(
            "INSERT INTO goals (person_id, number, area, text, status, created_at, updated_at)"
            " VALUES ('console:ann', 1, 'health', 'Swim weekly', 'planning', ?, ?)",
            (START.isoformat(), START.isoformat()),
        )
    database = await Database.open(path)
    try:
        assert await database.schema_version() == SCHEMA_VERSION
        stored = await database.turns.load("console:ann")
        person, goals = stored.person, stored.goals
        assert person is not None and person.name == "Ann"
        assert [goal.text for goal in goals] == ["Swim weekly"]
    finally:
        await database.close()


async def test_a_newer_database_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with sqlite3.connect(path) as future:
        future.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    with pytest.raises(StorageError, match="newer growcoach"):
        await Database.open(path)


async def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite at all\n" * 200)
    with pytest.raises(StorageError, match="not a growcoach database"):
        await Database.open(path)
    assert path.read_bytes().startswith(b"this is not sqlite")


async def test_records_round_trip_with_any_unicode(store_at: Path | str) -> None:
    person = Person(
        id="telegram:42",
        name="Åse 🌱",
        language="da",
        consented_at=START,
        created_at=START,
        conversation=Conversation(flow="grow", step="when", ask_id=9, draft={"goal": 1}),
    )
    step = Step(
        number=1,
        text="Ring til Ærø",
        when="mandag",
        confidence=7,
        earlier_texts=("a", "b"),
        created_at=START,
    )
    goal = Goal(
        person_id="telegram:42",
        number=1,
        area=LifeArea.COMMUNITY,
        text="مرحبا",
        options=("x", "y ✓"),
        created_at=START,
        updated_at=START,
        steps=(step,),
    )
    schedule = Schedule(person_id="telegram:42", weekday=0, hour=18, timezone="Europe/Copenhagen")
    database = await open_store(store_at)
    try:
        await database.turns.save(
            Changes("telegram:42", person, (goal,), schedule), before=Stored(None)
        )
        assert await database.turns.load("telegram:42") == Stored(person, (goal,), schedule)
        assert await database.turns.load("telegram:43") == Stored(None)
        await database.turns.save(Changes("telegram:42", unschedule=True), Stored(person))
        assert await database.turns.load("telegram:42") == Stored(person, (goal,), None)
    finally:
        await database.close()


async def test_saving_a_goal_writes_its_changed_and_new_steps_and_checkins(
    store_at: Path | str,
) -> None:
    """Only children that differ from before are written; none may be missed."""
    person = Person(id="console:ann", consented_at=START, created_at=START)
    first = Step(number=1, text="Call", created_at=START)
    goal = Goal(person_id="console:ann", number=1, area=LifeArea.HOME, text="A flat",
                created_at=START, updated_at=START, steps=(first,))  # fmt: skip
    later = goal.model_copy(
        update={
            "steps": (first.model_copy(update={"status": "done"}),
                      Step(number=2, text="Visit", created_at=START)),
            "checkins": (CheckIn(number=1, step_number=1, at=START, outcome="done"),),
        }
    )  # fmt: skip
    database = await open_store(store_at)
    try:
        await database.turns.save(Changes("console:ann", person, (goal,)), Stored(None))
        before = await database.turns.load("console:ann")
        await database.turns.save(Changes("console:ann", goals=(later,)), before)
        assert (await database.turns.load("console:ann")).goals == (later,)
    finally:
        await database.close()


async def test_a_unit_of_work_without_commit_leaves_nothing(store_at: Path | str) -> None:
    database = await open_store(store_at)
    person = Person(id="console:x", consented_at=START, created_at=START)
    schedule = Schedule(person_id="console:x", weekday=0, hour=9, timezone="Europe/London")
    try:
        await database.turns.save(Changes("console:x", person), Stored(None))
        with pytest.raises(RuntimeError):
            async with database.unit_of_work() as uow:
                await uow.schedules.save(schedule)
                raise RuntimeError("crash mid-way")
        async with database.unit_of_work() as uow:
            await uow.schedules.save(schedule)
        assert (await database.turns.load("console:x")).schedule is None
    finally:
        await database.close()


async def test_a_turn_whose_writes_fail_saves_none_of_them(store_at: Path | str) -> None:
    """One statement is one transaction: a goal of nobody fails, and its person with it."""
    database = await open_store(store_at)
    person = Person(id="console:x", consented_at=START, created_at=START)
    stray = Goal(person_id="console:nobody", number=1, area=LifeArea.HOME, text="x",
                 created_at=START, updated_at=START)  # fmt: skip
    try:
        with pytest.raises((sqlite3.IntegrityError, psycopg.IntegrityError)):
            await database.turns.save(Changes("console:x", person, (stray,)), Stored(None))
        assert await database.turns.load("console:x") == Stored(None)
    finally:
        await database.close()


async def test_each_turn_is_committed_before_the_reply(tmp_path: Path) -> None:
    path = tmp_path / "turns.db"
    async with open_app(path, clock=lambda: START) as app:
        for line in WHOLE_PLAN[:10]:
            turn = await app.conversations.handle("console:sam", Text(line))
            assert turn.replies
            # Another connection, while the app still runs, sees the turn: nothing waits.
            with sqlite3.connect(path) as reader:
                step = reader.execute("SELECT conversation FROM people").fetchone()
                words = reader.execute("SELECT text, obstacles FROM goals").fetchone()
    assert step is not None and words is not None
    step = step[0]
    assert '"step":"options"' in step
    assert words == ("Find a flat of my own within a year", "Money, and forms make me panic")


async def test_a_database_serves_one_telegram_bot(store_at: Path | str) -> None:
    """Update ids (the inbox's key) are per bot: a second bot's would be lost as repeats."""
    database = await open_store(store_at)
    try:
        await database.serve_bot("111", polling=False)
        with pytest.raises(StorageError, match=r"another Telegram bot \(id 111\)"):
            await database.serve_bot("222", polling=False)
        await database.serve_bot("111", polling=True)
    finally:
        await database.close()


async def test_the_inbox_keeps_each_update_once_until_handled(store_at: Path | str) -> None:
    database = await open_store(store_at)
    inbox = database.inbox
    try:
        assert await inbox.receive([(7, '{"update_id": 7}'), (5, '{"update_id": 5}')], START) == {
            5,
            7,
        }
        assert await inbox.receive([(7, "again"), (8, '{"update_id": 8}')], START) == {8}
        await inbox.set_aside(9, START)  # unreadable: its id kept, never waiting
        assert await inbox.receive([(9, '{"update_id": 9}')], START) == set()
        await inbox.done(5, START)
        assert await inbox.waiting() == ['{"update_id": 7}', '{"update_id": 8}']
        await inbox.forget(START + timedelta(hours=23))
        assert await inbox.receive([(5, "again")], START) == set()  # still remembered
        await inbox.forget(START + timedelta(days=1, seconds=1))
        assert await inbox.receive([(5, '{"update_id": 5}')], START) == {5}  # forgotten
    finally:
        await database.close()


async def test_a_persons_earlier_updates_still_waiting_are_found_by_sender(
    store_at: Path | str,
) -> None:
    """What an instance taking update 6 must take first: the same person's earlier
    updates still waiting, whoever kept them; not later ones, not handled ones, not
    another person's. Once handled, who sent an update is no longer kept."""
    database = await open_store(store_at)
    inbox = database.inbox
    try:
        sam, kim = "telegram:1", "telegram:2"
        updates = [(n, f'{{"update_id": {n}}}') for n in range(1, 8)]
        senders = {1: sam, 2: sam, 3: kim, 4: sam, 5: sam, 7: sam}  # 6 has no person
        await inbox.receive(updates, START, senders)
        await inbox.done(2, START)
        assert await inbox.before(6, sam) == [(1, '{"update_id": 1}'), (4, '{"update_id": 4}'),
                                              (5, '{"update_id": 5}')]  # fmt: skip
        assert await inbox.before(6, kim) == [(3, '{"update_id": 3}')]
        assert await inbox.before(1, sam) == []
        assert query(store_at, "SELECT person_id FROM inbox WHERE update_id = 2") == [(None,)]
    finally:
        await database.close()


async def test_updates_left_unhandled_are_adopted_once_after_a_lease(
    store_at: Path | str,
) -> None:
    """An instance that kept updates and stopped before handling them: another takes them
    over once their lease is out, and no one else takes them for another lease."""
    database = await open_store(store_at)
    inbox, lease = database.inbox, timedelta(minutes=2)
    try:
        await inbox.receive([(3, "three"), (1, "one"), (2, "two")], START)
        assert await inbox.adopt(START + timedelta(minutes=1), lease, 10) == []
        later = START + timedelta(minutes=3)
        assert await inbox.adopt(later, lease, 2) == ["one", "two"]
        assert await inbox.adopt(later, lease, 10) == ["three"]
        assert await inbox.adopt(later, lease, 10) == []  # taken: a lease of their own
        await inbox.done(1, later)
        assert await inbox.adopt(later + lease, lease, 10) == ["two", "three"]
    finally:
        await database.close()
