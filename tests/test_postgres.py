"""What PostgreSQL adds: one schema numbering with SQLite, migrations from every version,
and several instances on one database (a person's turns in order, an update applied
once, claims that skip what another instance holds, one poller), and the console run
on it end to end. Real PostgreSQL throughout (tests/postgres.py)."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from conftest import SCHEDULE_ANSWERS, START, TOKEN, WHOLE_PLAN, RunningBot
from fake_bot_api import FakeBotApi
from postgres import query
from test_telegram_process import environment, stop

from bot.app import open_app, open_store
from bot.settings import Settings
from dialogue_flows.records import Conversation, Person
from dialogue_flows.types import Text
from storage.db import DatabaseUnreachable, StorageError
from storage.migrations import MIGRATIONS, SCHEMA_VERSION
from storage.port import Store
from storage.postgres import migrations as pg
from storage.turns import Changes, Stored

GROWCOACH = str(Path(sys.executable).parent / "growcoach")
SAM = "telegram:11"


def test_both_backends_count_their_schema_alike() -> None:
    assert len(pg.MIGRATIONS) == len(MIGRATIONS) == SCHEMA_VERSION


def at_version(where: Path | str, version: int) -> None:
    """A database as a growcoach of schema `version` left it, with one person in it."""
    person = ("console:ann", "Ann", "en", START.isoformat(), START.isoformat(),
              Conversation().model_dump_json())  # fmt: skip
    insert = "INSERT INTO people (id, name, language, consented_at, created_at, conversation)"
    if isinstance(where, Path):
        with sqlite3.connect(where) as old:
            old.executescript("".join(MIGRATIONS[:version]) + f"PRAGMA user_version = {version};")
            old.execute(f"{insert} VALUES (?, ?, ?, ?, ?, ?)", person)
        old.close()
        return
    with psycopg.connect(where, autocommit=True) as old:
        old.execute(pg.VERSION_TABLE)
        for script in pg.MIGRATIONS[:version]:
            old.execute(script)
        old.execute("INSERT INTO growcoach_schema VALUES (%s)", (version,))
        if version:
            old.execute(f"{insert} VALUES (%s, %s, %s, %s, %s, %s)", person)


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
async def test_every_earlier_version_migrates_and_keeps_its_data(
    store_at: Path | str, version: int
) -> None:
    at_version(store_at, version)
    database = await open_store(store_at)
    try:
        stored = await database.turns.load("console:ann")
        assert stored.person is not None and stored.person.name == "Ann"
    finally:
        await database.close()
    assert query(store_at, "SELECT id FROM people") == [("console:ann",)]
    again = await open_store(store_at)  # and a second start changes nothing
    await again.close()


async def test_instances_starting_together_migrate_once(postgres_url: str) -> None:
    stores = await asyncio.gather(*(open_store(postgres_url) for _ in range(3)))
    for store in stores:
        await store.close()
    assert query(postgres_url, "SELECT version FROM growcoach_schema") == [(SCHEMA_VERSION,)]
    assert query(postgres_url, "SELECT count(*) FROM meta WHERE name = 'pseudonym_key'") == [(1,)]


async def test_a_newer_postgres_database_is_refused_clearly(postgres_url: str) -> None:
    at_version(postgres_url, 0)
    with psycopg.connect(postgres_url, autocommit=True) as future:
        future.execute("UPDATE growcoach_schema SET version = %s", (SCHEMA_VERSION + 5,))
    with pytest.raises(StorageError, match="newer growcoach"):
        await open_store(postgres_url)


async def test_an_unreachable_server_is_one_clear_line_without_the_password() -> None:
    url = "postgresql://growcoach:hunter2@/nowhere?host=/nonexistent-folder"
    with pytest.raises(DatabaseUnreachable, match="cannot reach the PostgreSQL database") as error:
        await open_store(url)
    assert "hunter2" not in str(error.value)


def test_run_exits_3_when_the_database_does_not_answer_and_2_when_it_refuses(
    postgres_url: str, tmp_path: Path
) -> None:
    """No server answering may pass (it is starting after a reboot): its own exit code.
    A server that answers "no such database" is a setting to fix: 2, like the others."""
    nowhere = "postgresql://growcoach:hunter2@/nowhere?host=/nonexistent-folder"
    no_such = postgres_url.replace("/growcoach_test_", "/no_such_database_")
    webhook = ["--webhook-url", "http://127.0.0.1:9/hook", "--listen", "127.0.0.1:9",
               "--secret-token", "s"]  # fmt: skip
    codes = []
    for url in (nowhere, no_such):
        env = {"GROWCOACH_DATABASE_URL": url, "TELEGRAM_BOT_TOKEN": TOKEN}
        result = growcoach("run", *webhook, env=env, cwd=tmp_path)
        assert len(result.stderr.strip().splitlines()) == 1 and "hunter2" not in result.stderr
        codes.append(result.returncode)
    assert codes == [3, 2]


def person(name: str) -> Person:
    return Person(id=SAM, name=name, consented_at=START, created_at=START)


async def test_one_persons_turns_wait_for_each_other_across_instances(
    postgres_url: str,
) -> None:
    """Instance B's turn for Sam waits while A's is between its read and its write, and
    then reads what A wrote: no interleaving, so no turn is lost."""
    first, second = await open_store(postgres_url), await open_store(postgres_url)
    try:
        async with first.turns.begin(SAM) as held:
            assert await held.load() == Stored(None)
            waiting = asyncio.create_task(read_in_a_turn(second, SAM))
            await until_someone_waits_on_a_lock(postgres_url)
            assert not waiting.done()
            await held.save(Changes(SAM, person("Sam")), Stored(None))
        seen = await waiting
        assert seen.person == person("Sam")
        other = await asyncio.wait_for(second.turns.load("telegram:12"), 5)  # not held up
        assert other == Stored(None)
    finally:
        await first.close()
        await second.close()


async def read_in_a_turn(store: Store, person_id: str) -> Stored:
    async with store.turns.begin(person_id) as held:
        return await held.load()


async def until_someone_waits_on_a_lock(url: str) -> None:
    """Until a session waits on an advisory lock (the server's own view of it)."""
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as watcher:
        for _ in range(500):
            cursor = await watcher.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            )
            if (await cursor.fetchone()) == (1,):
                return
            await asyncio.sleep(0.01)
    raise AssertionError("no turn ever waited for the lock")


async def test_an_update_delivered_to_two_instances_is_applied_once(postgres_url: str) -> None:
    """Telegram retries a slow webhook, perhaps to the other instance: the inbox takes the
    update once; and if a restarted instance picks up one another is handling (`waiting`),
    the turn that comes second sees it handled and does nothing."""
    async with (
        open_app(postgres_url, lambda: START) as one,
        open_app(postgres_url, lambda: START) as two,
    ):
        for answer in ("/start", "yes"):
            await one.conversations.handle(SAM, Text(answer))
        update = [(501, '{"update_id": 501}')]
        taken = await asyncio.gather(
            one.database.inbox.receive(update, START), two.database.inbox.receive(update, START)
        )
        assert sorted(taken, key=len) == [set(), {501}]
        first = await one.conversations.handle(SAM, Text("Sam"), update_id=501)
        second = await two.conversations.handle(SAM, Text("Sam"), update_id=501)
        assert first.replies and first.person is not None and first.person.name == "Sam"
        assert second.replies == () and second.person is None
        assert await two.database.inbox.waiting() == []
        stored = await two.database.turns.load(SAM)
        assert stored.person is not None and stored.person.conversation == (
            first.person.conversation
        )


async def test_a_reply_that_saved_nothing_is_sent_by_one_instance_only(
    postgres_url: str,
) -> None:
    """/help saves nothing; two instances holding its update (one adopted it) still give
    one reply: on PostgreSQL the turn marks its update handled even so."""
    async with (
        open_app(postgres_url, lambda: START) as one,
        open_app(postgres_url, lambda: START) as two,
    ):
        await one.database.inbox.receive([(601, '{"update_id": 601}')], START)
        first = await one.conversations.handle(SAM, Text("/help"), update_id=601)
        second = await two.conversations.handle(SAM, Text("/help"), update_id=601)
        assert first.replies and first.person is None  # nothing saved
        assert second.replies == ()
        assert await two.database.inbox.waiting() == []


async def test_claims_skip_what_another_instance_is_claiming(postgres_url: str) -> None:
    """While one instance's claim holds a due schedule, another's look passes it by at
    once (SKIP LOCKED), rather than waiting or claiming it too."""
    async with (
        open_app(postgres_url, lambda: START) as one,
        open_app(postgres_url, lambda: START) as two,
    ):
        for answer in SCHEDULE_ANSWERS:
            await one.conversations.handle(SAM, Text(answer))
        due = START.replace(hour=18)
        async with one.database.unit_of_work() as holding:
            [(schedule, blocked)] = await holding.schedules.due(due, 10, "telegram")
            assert schedule.person_id == SAM and not blocked
            async with two.database.unit_of_work() as other:
                assert await asyncio.wait_for(other.schedules.due(due, 10, "telegram"), 5) == []
            claim = await holding.reminders.claim(SAM, due, due, owner="one")
            assert claim is not None
            await holding.commit()
        async with two.database.unit_of_work() as later:
            assert await later.reminders.claim(SAM, due, due, owner="two") is None
            assert await later.reminders.reclaim(due, START - due, "telegram", "two", 10) != []


async def test_a_second_poller_on_the_same_bot_is_refused(postgres_url: str) -> None:
    first, second = await open_store(postgres_url), await open_store(postgres_url)
    try:
        await first.serve_bot("123456", polling=True)
        with pytest.raises(StorageError, match="already polling Telegram for this bot"):
            await second.serve_bot("123456", polling=True)
        await second.serve_bot("123456", polling=False)  # a webhook instance may
    finally:
        await first.close()
    third = await open_store(postgres_url)
    try:
        await third.serve_bot("123456", polling=True)  # the first stopped: its lock went too
    finally:
        await third.close()
        await second.close()


async def test_delete_erases_the_rows_and_vacuums_and_sealed_words_stay_sealed(
    postgres_url: str,
) -> None:
    from storage.encryption import new_key

    sealed = Settings(_env_file=None, encryption_key=new_key())
    async with open_app(postgres_url, lambda: START, sealed) as app:
        for answer in (*SCHEDULE_ANSWERS, "/checkin", "I did it", "Alarm", "7",
                       "Keep the same step"):  # fmt: skip
            await app.conversations.handle(SAM, Text(answer))
        [(text,)] = query(postgres_url, "SELECT text FROM goals")
        assert str(text).startswith("enc1:")
        await app.conversations.handle(SAM, Text("/delete"))
        turn = await app.conversations.handle(SAM, Text("Delete everything now"))
        assert turn.erase
        assert [part.key for reply in turn.replies for part in reply.parts] == ["delete.done"]
    for table in ("people", "goals", "steps", "checkins", "schedules", "reminders"):
        owner = "id" if table == "people" else "person_id"
        assert query(postgres_url, f"SELECT count(*) FROM {table} WHERE {owner} = ?",
                     (SAM,)) == [(0,)], table  # fmt: skip
    [(vacuumed,)] = query(postgres_url, "SELECT last_vacuum IS NOT NULL FROM pg_stat_user_tables"
                                        " WHERE relname = 'goals'")  # fmt: skip
    assert vacuumed


def growcoach(
    *args: str, env: dict[str, str], cwd: Path, input: str = ""
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("GROWCOACH_")}
    return subprocess.run([GROWCOACH, *args], capture_output=True, text=True, timeout=120,
                          env={**base, **env}, cwd=cwd, input=input)  # fmt: skip


def test_backup_and_restore_point_to_pg_dump(postgres_url: str, tmp_path: Path) -> None:
    env = {"GROWCOACH_DATABASE_URL": postgres_url}
    backup = growcoach("backup", "--out", "monday.dump", env=env, cwd=tmp_path)
    restore = growcoach("restore", "--from", "monday.dump", env=env, cwd=tmp_path)
    for result in (backup, restore):
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert "pg_dump --format=custom --file=monday.dump" in backup.stderr
        assert "pg_restore" in result.stderr and postgres_url not in result.stderr
    assert not (tmp_path / "monday.dump").exists()


def test_the_console_on_postgres_holds_a_whole_conversation_then_erases_it(
    postgres_url: str, tmp_path: Path
) -> None:
    """A fresh install with GROWCOACH_DATABASE_URL set: a whole GROW conversation, a
    check-in, /export and /delete, exactly as on SQLite."""
    env = {"GROWCOACH_DATABASE_URL": postgres_url}
    answers = (*WHOLE_PLAN[1:], "no", "mon 6pm", "Aarhus", "/checkin", "I did it", "Alarm",
               "7", "Keep the same step", "/goals", "/export", "JSON")  # fmt: skip
    first = growcoach("chat", "--user", "sam", env=env, cwd=tmp_path,
                      input="".join(f"{line}\n" for line in answers))  # fmt: skip
    assert first.returncode == 0 and first.stderr == "", first.stderr
    assert "1. Home: Find a flat of my own within a year" in first.stdout
    assert "Progress: 7/10" in first.stdout
    [saved] = tmp_path.glob("*.json")
    assert "Find a flat of my own within a year" in saved.read_text()
    assert query(postgres_url, "SELECT count(*) FROM checkins") == [(1,)]
    exported = growcoach("export", "--user", "sam", "--format", "json", "--out", "-", env=env,
                         cwd=tmp_path)  # fmt: skip
    assert exported.returncode == 0 and "Set up a savings pot" in exported.stdout
    deleted = growcoach("chat", "--user", "sam", env=env, cwd=tmp_path,
                        input="/delete\nDelete everything now\n")  # fmt: skip
    assert "Everything is deleted" in deleted.stdout
    assert deleted.stdout.rstrip().endswith("Nothing you wrote here is kept; come back any time.")
    for table in ("people", "goals", "steps", "checkins", "schedules"):
        assert query(postgres_url, f"SELECT count(*) FROM {table}") == [(0,)], table


def test_a_second_polling_process_stops_at_start_with_one_clear_line(
    bot_api: FakeBotApi, postgres_url: str, tmp_path: Path
) -> None:
    """Telegram allows one poller per bot: the second `growcoach run` says so and exits,
    while the first goes on answering."""
    env = {**environment(bot_api), "GROWCOACH_DATABASE_URL": postgres_url}
    first = subprocess.Popen([GROWCOACH, "run"], env=env, cwd=tmp_path,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    try:
        bot_api.wait_for(lambda calls: any(c.method == "deleteWebhook" for c in calls))
        second = subprocess.run([GROWCOACH, "run"], env=env, cwd=tmp_path, capture_output=True,
                                text=True, timeout=60)  # fmt: skip
        assert second.returncode == 2
        assert "another growcoach is already polling Telegram for this bot" in second.stderr
        assert "webhooks" in second.stderr and "Traceback" not in second.stderr
        bot_api.send_text(3001, "/start")
        assert "growcoach" in bot_api.wait_for_messages(3001, 1)[-1].text.lower()
    finally:
        code, err = stop(first)
    assert code == 0, err


async def test_an_update_kept_by_an_instance_that_died_is_answered_by_another(
    telegram_on: RunningBot,
) -> None:
    """Another instance kept the update in the shared inbox (so Telegram counts it as
    delivered), then died before handling it: after the lease this one answers it, once."""
    bot, api = telegram_on, telegram_on.api
    update_id = api.send_text(3002, "/start")
    raw = api.take(update_id)
    async with open_app(bot.db, bot.clock) as other_instance:
        await other_instance.database.inbox.receive([(update_id, json.dumps(raw))], bot.clock())
    assert await bot.bot.adopt() == []  # it may only be slow
    bot.clock.advance(minutes=3)
    [adopted] = await bot.bot.adopt()
    await bot.application.process_update(adopted)
    assert "growcoach" in api.sent_to(3002)[-1].text.lower()
    assert await bot.bot.adopt() == []  # adopted once
