"""The person's data rights: what is kept, a copy, and erasure that leaves no trace."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import SCHEDULE_ANSWERS, START, Dialogue, RunningBot
from postgres import query
from test_languages import DANISH_PLAN

from bot.app import open_app
from dialogue_flows.types import Text

WORDS = ("Find a flat of my own within a year", "Sofa surfing at my mate's place",
         "Money, and forms make me panic", "Set up a savings pot on my phone", "Sam")  # fmt: skip


def test_mydata_says_plainly_what_is_kept(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULE_ANSWERS)
    [reply] = dialogue.command("mydata")
    assert "The name you gave me: Sam" in reply
    assert "1 goal, with 1 step and 0 check-ins" in reply
    assert "every Monday at 18:00 (Danish time)" in reply
    assert "/delete erases everything" in reply


def test_mydata_says_each_count_with_its_plural_form(dialogue: Dialogue) -> None:
    """ "1 valgte niveauer", "0 aftaler med din dagsorden" were how the testers read it."""
    dialogue.language = "da"
    dialogue.run("/start", *DANISH_PLAN[:2])
    [none] = dialogue.command("mydata")
    assert "0 mål med 0 skridt og 0 tjek-ind" in none and "dagsorden" not in none
    dialogue.run(*DANISH_PLAN[2:], "nej tak", "nej tak", "/checkin", "ja", "Alarmen", "3")
    [some] = dialogue.command("mydata")
    assert "1 mål med 1 skridt og 1 tjek-ind" in some


def test_mydata_before_consent(dialogue: Dialogue) -> None:
    dialogue.command("mydata")
    assert dialogue.keys == ["mydata.nothing"]


def test_export_asks_for_a_format_then_asks_the_adapter(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULE_ANSWERS, "/export")
    assert dialogue.step == "format"
    dialogue.say("PDF, to read or print")
    assert dialogue.last is not None and dialogue.last.export == "pdf"
    assert dialogue.keys == ["export.ready"]


def test_delete_needs_an_explicit_yes(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULE_ANSWERS, "/delete")
    dialogue.say("yes")
    assert dialogue.keys == ["invalid.pick", "delete.confirm"]
    dialogue.press("keep")
    assert dialogue.last is not None and not dialogue.last.erase
    dialogue.run("/delete")
    dialogue.press("export")
    assert dialogue.step == "format"
    dialogue.run("/delete")
    dialogue.press("delete")
    assert dialogue.last is not None and dialogue.last.erase
    assert dialogue.last.person is None and dialogue.last.goals == ()


async def test_delete_leaves_none_of_their_words_in_the_file(tmp_path: Path) -> None:
    db = tmp_path / "erase.db"
    async with open_app(db, clock=lambda: START) as app:
        for answer in (*SCHEDULE_ANSWERS, "/checkin", "I did it", "Øjvind helped a lot", "5",
                       "Keep the same step"):  # fmt: skip
            await app.conversations.handle("telegram:99", Text(answer))
        # Someone else's words stay.
        for answer in ("/start", "yes", "Kirsten"):
            await app.conversations.handle("telegram:98", Text(answer))
        before = db.read_bytes() + (tmp_path / "erase.db-wal").read_bytes()
        assert b"Sofa surfing at my mate's place" in before
        await app.conversations.handle("telegram:99", Text("/delete"))
        turn = await app.conversations.handle("telegram:99", Text("Delete everything now"))
        assert turn.erase
        assert "Everything is deleted" in app.catalogue.render(turn.replies[0].parts[0], "en")
        wal = tmp_path / "erase.db-wal"
        on_disk = db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    for words in (*WORDS, "Øjvind helped a lot"):
        assert words.encode() not in on_disk, words
    assert b"Kirsten" in db.read_bytes()
    with sqlite3.connect(db) as reader:
        for table in ("people", "goals", "steps", "checkins", "schedules", "reminders"):
            rows = reader.execute(f"SELECT COUNT(*) FROM {table} WHERE "
                                  f"{'id' if table == 'people' else 'person_id'} = 'telegram:99'"
                                  ).fetchone()  # fmt: skip
            assert rows == (0,), table


async def test_after_deletion_the_person_starts_afresh(tmp_path: Path) -> None:
    async with open_app(tmp_path / "again.db", clock=lambda: START) as app:
        for answer in (*SCHEDULE_ANSWERS, "/delete", "Delete everything now"):
            await app.conversations.handle("console:x", Text(answer))
        turn = await app.conversations.handle("console:x", Text("/start"))
        assert [part.key for part in turn.replies[0].parts] == [
            "onboarding.welcome",
            "onboarding.consent",
        ]


async def test_export_in_telegram_sends_a_pdf_document(telegram_on: RunningBot) -> None:
    bot, api = telegram_on, telegram_on.api
    for answer in SCHEDULE_ANSWERS:
        await bot.handle(api.send_text(7001, answer))
    await bot.handle(api.send_text(7001, "/export"))
    question = api.sent_to(7001)[-1]
    assert "PDF, to read or print" in dict(question.buttons)
    await bot.handle(api.press(7001, question, "PDF, to read or print"))
    [document] = [c for c in api.calls if c.method == "sendDocument"]
    assert document.chat_id == 7001
    assert document.params["document_name"].endswith(".pdf")
    assert document.params["document"].startswith(b"%PDF")


async def test_delete_in_telegram_erases_everything(telegram_on: RunningBot) -> None:
    bot, api = telegram_on, telegram_on.api
    for answer in (*SCHEDULE_ANSWERS, "/delete"):
        await bot.handle(api.send_text(7002, answer))
    await bot.handle(api.press(7002, api.sent_to(7002)[-1], "Delete everything now"))
    assert api.sent_to(7002)[-1].text.startswith("Everything is deleted")
    for table, owner in (("people", "id"), ("goals", "person_id"), ("schedules", "person_id")):
        assert query(bot.db, f"SELECT count(*) FROM {table} WHERE {owner} = 'telegram:7002'"
                     ) == [(0,)], table  # fmt: skip


async def test_delete_while_someone_reads_the_database_finishes_once_they_stop(
    tmp_path: Path,
) -> None:
    """An operator's `sqlite3` (or a backup) holding a read transaction keeps the WAL
    from being emptied: the person is told erasure will finish, and it does."""
    db = tmp_path / "erase.db"
    async with open_app(db, clock=lambda: START) as app:
        for answer in SCHEDULE_ANSWERS:
            await app.conversations.handle("telegram:99", Text(answer))
        reader = sqlite3.connect(db)
        reader.execute("BEGIN")
        reader.execute("SELECT COUNT(*) FROM people").fetchone()  # holds a snapshot
        await app.conversations.handle("telegram:99", Text("/delete"))
        turn = await app.conversations.handle("telegram:99", Text("Delete everything now"))
        keys = [part.key for reply in turn.replies for part in reply.parts]
        assert keys == ["delete.done", "delete.finishing"]
        wal = tmp_path / "erase.db-wal"
        assert b"Sofa surfing at my mate's place" in db.read_bytes() + wal.read_bytes()
        reader.rollback()
        reader.close()
        await app.database.scrubbed()
        on_disk = db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    for words in WORDS:
        assert words.encode() not in on_disk, words
