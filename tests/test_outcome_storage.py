"""Outcome records on a real SQLite file (and PostgreSQL): kept across a restart, sealed
with a key, erased."""

from __future__ import annotations

from pathlib import Path

from conftest import START, WHOLE_PLAN
from postgres import query
from test_encryption_logs_backups import file_bytes, settings

from bot.app import open_app
from dialogue_flows.types import Pick, Text
from storage.encryption import new_key

PERSON = "telegram:5"
OWN_WORDS = ("Sofa at Jonas's place", "Name on the housing list", "A viewing booked",
             "Keys to my own flat", "Back on the street")  # fmt: skip
TABLES = ("gas_scales", "gas_ratings", "measure_responses", "measure_plans", "appointments")


async def outcomes_kept(db: Path | str, key: str | None) -> None:
    async with open_app(db, lambda: START, settings(key)) as app:
        for answer in (*WHOLE_PLAN, "yes", *OWN_WORDS, "Quite important", "Monday 18:00",
                       "Copenhagen", "/checkin", "I did it", "Alarm", "7", "Keep the same step",
                       "+1", "/wellbeing", "WHO-5 Well-Being Index"):  # fmt: skip
            await app.conversations.handle(PERSON, Text(answer))
        for _ in range(5):
            stored = await app.database.turns.load(PERSON)
            assert stored.person is not None
            await app.conversations.handle(PERSON, Pick("3", stored.person.conversation.ask_id))
        for answer in ("/appointment", "tomorrow at 10", "yes"):
            await app.conversations.handle(PERSON, Text(answer))


async def test_outcomes_survive_a_restart_and_are_sealed_with_a_key(tmp_path: Path) -> None:
    key = new_key()
    sealed, plain = tmp_path / "sealed.db", tmp_path / "plain.db"
    await outcomes_kept(sealed, key)
    await outcomes_kept(plain, None)
    for words in (*OWN_WORDS, "tomorrow at 10"):
        assert words.encode() in file_bytes(plain), words
        assert words.encode() not in file_bytes(sealed), words
    async with open_app(sealed, lambda: START, settings(key)) as app:  # a restart
        outcomes = (await app.database.turns.load(PERSON)).outcomes
    [scale] = outcomes.scales
    assert scale.words()[2] == "Keys to my own flat" and scale.importance == 2
    assert [(r.level, r.checkin_number) for r in outcomes.ratings] == [(1, 1)]
    assert [(r.measure, r.score) for r in outcomes.responses] == [("who5", 60)]
    assert outcomes.plan is not None and outcomes.plan.every_days == 30
    [appointment] = outcomes.appointments
    assert appointment.words == "tomorrow at 10" and appointment.eve_due is not None


async def test_delete_erases_every_outcome(store_at: Path | str) -> None:
    db = store_at
    await outcomes_kept(db, None)
    async with open_app(db, lambda: START, settings(None)) as app:
        await app.conversations.handle(PERSON, Text("/delete"))
        turn = await app.conversations.handle(PERSON, Text("Delete everything now"))
        assert turn.erase
    if isinstance(db, Path):  # PostgreSQL: see test_postgres (and the README)
        for words in OWN_WORDS:
            assert words.encode() not in file_bytes(db), words
    for table in TABLES:
        assert query(db, f"SELECT COUNT(*) FROM {table}") == [(0,)], table
