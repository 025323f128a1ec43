"""Encryption at rest, logs without words, and backups: on real files and processes."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SCHEDULE_ANSWERS, START, TOKEN, RunningBot
from postgres import query

from bot.app import open_app
from bot.settings import Settings
from dialogue_flows.types import Text
from storage.encryption import Cipher, new_key

GROWCOACH = str(Path(sys.executable).parent / "growcoach")
WORDS = ("Find a flat of my own within a year", "Sofa surfing at my mate's place",
         "Money, and forms make me panic", "Set up a savings pot on my phone",
         "I've saved before", "So my kids can stay over",
         "Ask the council about housing")  # fmt: skip


def settings(key: str | None = None) -> Settings:
    return Settings(_env_file=None, encryption_key=key)


def file_bytes(db: Path) -> bytes:
    wal = Path(f"{db}-wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


async def converse(db: Path | str, key: str | None, person: str = "telegram:1") -> None:
    chosen = settings(key)
    async with open_app(db, lambda: START, chosen) as app:
        for answer in (*SCHEDULE_ANSWERS, "/safety", "Make a plan", "Crowds at the station",
                       "Not sleeping", "Calling Jo", "Jo 07700 900123"):  # fmt: skip
            await app.conversations.handle(person, Text(answer))


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("GROWCOACH_")}
    return subprocess.run([GROWCOACH, *args], capture_output=True, text=True, timeout=120,
                          env={**base, **(env or {})})  # fmt: skip


async def test_with_a_key_no_answer_is_in_plain_text_on_disk(tmp_path: Path) -> None:
    key = new_key()
    encrypted, plain = tmp_path / "sealed.db", tmp_path / "plain.db"
    await converse(encrypted, key)
    await converse(plain, None)
    for words in (*WORDS, "Crowds at the station", "Jo 07700 900123", "Sam"):
        assert words.encode() in file_bytes(plain), words  # the test can see words
        assert words.encode() not in file_bytes(encrypted), words
    async with open_app(encrypted, lambda: START, settings(key)) as app:
        turn = await app.conversations.handle("telegram:1", Text("/goals"))
        listing = app.catalogue.render(turn.replies[0].parts[1], "en")
    assert "Find a flat of my own within a year" in listing


async def test_a_wrong_or_missing_key_is_a_clear_error_at_start(tmp_path: Path) -> None:
    db = tmp_path / "sealed.db"
    await converse(db, new_key())
    wrong = run("chat", "--db", str(db), env={"GROWCOACH_ENCRYPTION_KEY": new_key()})
    assert wrong.returncode == 2 and "does not open this database" in wrong.stderr
    missing = run("chat", "--db", str(db))
    assert missing.returncode == 2 and "set GROWCOACH_ENCRYPTION_KEY" in missing.stderr
    broken = run("chat", "--db", str(db), env={"GROWCOACH_ENCRYPTION_KEY": "not-a-key"})
    assert broken.returncode == 2 and "growcoach keygen" in broken.stderr
    for result in (wrong, missing, broken):
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def where(db: Path | str) -> tuple[str, str]:
    """The command line's way to name a store: a SQLite file, or a PostgreSQL URL."""
    return ("--database-url", db) if isinstance(db, str) else ("--db", str(db))


async def test_keys_rotate_and_old_plain_text_gets_sealed(store_at: Path | str) -> None:
    db = store_at
    await converse(db, None)  # written before any key was set
    from test_outcome_storage import outcomes_kept  # (it imports this module)

    await outcomes_kept(db, None)
    first = new_key()
    rotated = run("rotate-key", *where(db), env={"GROWCOACH_ENCRYPTION_KEY": first})
    assert rotated.returncode == 0, rotated.stderr
    for table, column in (("goals", "text"), ("people", "conversation"), ("appointments", "words"),
                          ("gas_scales", "levels")):  # fmt: skip
        values = [value for (value,) in query(db, f"SELECT {column} FROM {table}")]
        assert values and all(str(value).startswith("enc1:") for value in values), table
    second = new_key()
    both = f"{second},{first}"
    assert run("rotate-key", *where(db), env={"GROWCOACH_ENCRYPTION_KEY": both}).returncode == 0
    only_new = run("export", "--user", "1", "--format", "json", "--out", "-", *where(db),
                   env={"GROWCOACH_ENCRYPTION_KEY": second})  # fmt: skip
    assert only_new.returncode == 0, only_new.stderr
    assert WORDS[0] in json.loads(only_new.stdout)["goals"][0]["text"]


def test_keygen_prints_a_working_key() -> None:
    result = run("keygen")
    key = result.stdout.strip()
    cipher = Cipher(key)
    assert cipher.open(cipher.seal("æøå ✓")) == "æøå ✓"
    assert cipher.seal("x") != cipher.seal("x")  # a fresh nonce each time


async def test_a_whole_conversation_leaves_no_words_in_the_logs(
    telegram_direct: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    bot, api = telegram_direct, telegram_direct.api
    caplog.set_level(logging.DEBUG)
    for answer in SCHEDULE_ANSWERS[:9]:
        await bot.handle(api.send_text(8001, answer))
    await bot.handle(api.send_text(8001, "I want to kill myself, Sam here"))
    for answer in SCHEDULE_ANSWERS[9:]:
        await bot.handle(api.send_text(8001, answer))
    bot.clock.advance(hours=9)
    await bot.bot.reminders.tick()
    logged = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert logged, "something was logged at DEBUG"
    for words in (*WORDS, "kill myself", "Sam", TOKEN, "8001"):
        assert words not in logged, words


def test_cli_logs_are_json_lines(tmp_path: Path) -> None:
    result = run("chat", "--db", str(tmp_path / "l.db"), env={"GROWCOACH_LOG_LEVEL": "INFO"})
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert lines and all({"time", "level", "logger", "message"} <= set(line) for line in lines)


async def test_backup_while_running_and_restore_after_checks(tmp_path: Path) -> None:
    db, copy = tmp_path / "live.db", tmp_path / "copy.db"
    async with open_app(db, lambda: START) as app:
        for answer in SCHEDULE_ANSWERS:
            await app.conversations.handle("console:a", Text(answer))
        result = run("backup", "--db", str(db), "--out", str(copy))  # the app is still open
        assert result.returncode == 0, result.stderr
        await app.conversations.handle("console:a", Text("/newgoal"))
    with sqlite3.connect(copy) as reader:
        assert reader.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert reader.execute("SELECT COUNT(*) FROM goals").fetchone() == (1,)
    reader.close()
    again = run("backup", "--db", str(db), "--out", str(copy))
    assert again.returncode == 2 and "exists already" in again.stderr
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(copy.read_bytes()[:5000] + b"\x00" * 3000)
    refused = run("restore", "--from", str(damaged), "--db", str(db))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    (tmp_path / "other.db").write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    restored = run("restore", "--from", str(copy), "--db", str(db))
    assert restored.returncode == 0, restored.stderr
    with sqlite3.connect(db) as reader:
        conversation = reader.execute("SELECT conversation FROM people").fetchone()[0]
    reader.close()
    assert '"flow":null' in conversation  # as backed up, before /newgoal
