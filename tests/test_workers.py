"""`growcoach run --workers 2`: a front process and two workers, as real processes.

Each person's updates go to one worker, in order; check-ins are shared out the same
way; SIGTERM stops everything cleanly after the last turn.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

from conftest import RunningBot
from fake_bot_api import FakeBotApi
from telegram import Update
from test_reminder_loop import FIRST_DUE, plan_with_check_in
from test_telegram_process import PERSON, SECRET, post, start, stop, webhook_bot

from bot.app import open_app
from bot.reminders import ReminderLoop
from bot.workers import owner
from storage.repositories import Share

EVEN, ODD = 5002, 5003


def test_two_people_on_two_workers_each_get_their_whole_conversation(
    bot_api: FakeBotApi, tmp_path: Path
) -> None:
    process = start(bot_api, tmp_path / "bot.db", "--workers", "2")
    try:
        bot_api.wait_for(lambda calls: any(c.method == "setMyCommands" for c in calls))
        for person in (EVEN, ODD):
            bot_api.send_text(person, "/start")
        for person, name in ((EVEN, "Robin"), (ODD, "Kim")):
            welcome = bot_api.wait_for_messages(person, 1)[-1]
            bot_api.press(person, welcome, "Yes, that's OK")
            bot_api.wait_for_messages(person, 2)
            bot_api.send_text(person, name)
        for person, name in ((EVEN, "Robin"), (ODD, "Kim")):
            asked = bot_api.wait_for_messages(person, 3)[-1]
            assert name in asked.text  # each worker kept its own person's answers in order
    finally:
        code, err = stop(process)
    assert code == 0, err
    assert "Traceback" not in err and "Robin" not in err
    with sqlite3.connect(tmp_path / "bot.db") as reader:
        names = reader.execute("SELECT id, name FROM people ORDER BY id").fetchall()
    assert names == [(f"telegram:{EVEN}", "Robin"), (f"telegram:{ODD}", "Kim")]


def test_an_update_goes_to_its_persons_worker() -> None:
    def message_from(user_id: int) -> Update:
        sender = {"id": user_id, "is_bot": False, "first_name": "x"}
        message = {"message_id": 1, "date": 0, "chat": {"id": user_id, "type": "private"},
                   "from": sender, "text": "hi"}  # fmt: skip
        return Update.de_json({"update_id": 1, "message": message}, None)

    assert [owner(message_from(n), 2) for n in (EVEN, ODD, EVEN + 2)] == [0, 1, 0]
    assert owner(Update(1), 2) == 0  # no person (such as a channel post): the first worker


async def test_each_worker_sends_the_check_ins_of_its_own_people(
    telegram_direct: RunningBot,
) -> None:
    bot = telegram_direct
    for person in (EVEN, ODD):
        await plan_with_check_in(bot, person)
    bot.clock.now = FIRST_DUE + timedelta(seconds=20)
    async with open_app(bot.db, lambda: bot.clock.now) as app:
        sent: dict[int, list[str]] = {0: [], 1: []}
        for index in (1, 0):

            async def deliver(person: str, _: object, index: int = index) -> str:
                sent[index].append(person)
                return "sent"

            loop = ReminderLoop(app, deliver, lambda: bot.clock.now, share=Share(index, 2))
            await loop.tick()
    assert sent == {0: [f"telegram:{EVEN}"], 1: [f"telegram:{ODD}"]}


def test_webhook_mode_with_workers(bot_api: FakeBotApi, tmp_path: Path) -> None:
    ready = "worker processes answer them"
    with webhook_bot(bot_api, tmp_path / "hook.db", ready, "--workers", "2") as url:
        update = bot_api.take(bot_api.send_text(PERSON, "/start"))
        assert post(url, update, secret="wrong") == 403
        assert post(url, update, secret=SECRET) == 200
        welcome = bot_api.wait_for_messages(PERSON, 1)[-1]
        assert "Is it OK for me to keep what you tell me?" in welcome.text
