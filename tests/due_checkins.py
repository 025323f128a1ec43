"""People whose weekly check-in is due now, made as the product makes them.

The first person plans a step and chooses a weekly time in Copenhagen through the real
dialogue (the engine and the storage port): Monday 18:00, eight days before `now`, so
their check-in fell due in the past week; or (`on_time`) the day and minute before `now`.
The others are that person's records under their own ids, saved through the same port
(`turns.save`), so each is what the dialogue would have kept. Used by the check-in crash
test and `bench/checkin_crashes.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from conftest import SCHEDULE_ANSWERS

from bot.app import open_app
from dialogue_flows.records import PersonId
from dialogue_flows.types import Text
from storage.turns import Changes, Stored


def telegram(user_id: int) -> str:
    return str(PersonId(PersonId.TELEGRAM, str(user_id)))


async def seed_due_checkins(
    db: Path, user_ids: Iterable[int], now: datetime, on_time: bool = False
) -> None:
    """Each of `user_ids` (Telegram ids) with a step and a weekly check-in due by `now`:
    at some time in the past week (a catch-up, as after downtime), or `on_time`, in the
    minute before `now` (the day and time chosen are now's, in Copenhagen)."""
    first, *others = user_ids
    answers = SCHEDULE_ANSWERS
    planned = now - timedelta(days=8)
    if on_time:
        due = (now - timedelta(minutes=1)).astimezone(ZoneInfo("Europe/Copenhagen"))
        answers = tuple(f"{due:%A %H:%M}" if a == "Monday 18:00" else a for a in answers)
        planned = now - timedelta(days=1)
    async with open_app(db, lambda: planned) as app:
        for answer in answers:
            await app.conversations.handle(telegram(first), Text(answer))
        model = await app.database.turns.load(telegram(first))
        for user_id in others:
            await app.database.turns.save(copied(model, telegram(user_id)), before=Stored(None))


def copied(model: Stored, person_id: str) -> Changes:
    """`model`'s records as another person's: the same words, plans and schedule."""
    assert model.person is not None and model.schedule is not None
    return Changes(
        person_id,
        model.person.model_copy(update={"id": person_id}),
        tuple(goal.model_copy(update={"person_id": person_id}) for goal in model.goals),
        schedule=model.schedule.model_copy(update={"person_id": person_id}),
    )
