"""Telegram's odd corners, through the real Application and the fake Bot API: group
membership, long replies, forged buttons, messages without a sender, double presses."""

from __future__ import annotations

import sqlite3
import time

import pytest
from conftest import WELCOMED, RunningBot
from telegram.error import BadRequest

from bot.telegram import MAX_MESSAGE_CHARS, pieces, utf16_length

PERSON = 6001


async def test_leaving_a_group_is_not_blocking_the_bot(telegram_direct: RunningBot) -> None:
    bot, api = telegram_direct, telegram_direct.api
    for answer in WELCOMED:
        await bot.handle(api.send_text(PERSON, answer))
    member = {
        "chat": api.chat(PERSON, "group"), "from": api.user(PERSON), "date": int(time.time()),
        "old_chat_member": {"status": "member", "user": {"id": 4242, "is_bot": True,
                                                          "first_name": "growcoach"}},
        "new_chat_member": {"status": "kicked", "user": {"id": 4242, "is_bot": True,
                                                          "first_name": "growcoach"},
                            "until_date": 0},
    }  # fmt: skip
    await bot.handle(api.push(my_chat_member=member))
    with sqlite3.connect(bot.db) as reader:
        assert reader.execute("SELECT blocked_at FROM people").fetchall() == [(None,)]
    await bot.handle(api.block(PERSON))  # the private chat: that is blocking
    with sqlite3.connect(bot.db) as reader:
        [(blocked,)] = reader.execute("SELECT blocked_at FROM people").fetchall()
    assert blocked is not None


def test_replies_are_split_by_telegrams_utf16_count_at_paragraphs() -> None:
    paragraph = "🌱 " * 700  # 700 emoji: 1,400 characters, 2,100 UTF-16 units
    text = "\n\n".join([paragraph.strip()] * 4)
    parts = pieces(text)
    assert all(utf16_length(part) <= MAX_MESSAGE_CHARS for part in parts)
    assert "\n\n".join(parts) == text  # cut only between paragraphs
    assert len(pieces("😀" * 5000)) == 3  # 10,000 units, one long line, no pair split
    assert "".join(pieces("😀" * 5000)) == "😀" * 5000


async def test_the_fake_refuses_what_telegram_refuses(telegram_direct: RunningBot) -> None:
    """So that every other test also proves no reply is over Telegram's limit."""
    api = telegram_direct.api
    await telegram_direct.application.bot.send_message(PERSON, "x" * 4096)
    with pytest.raises(BadRequest, match="Message is too long"):  # 4,098 units
        await telegram_direct.application.bot.send_message(PERSON, "😀" * 2049)
    assert len(api.sent_to(PERSON)) == 1


async def test_a_forged_button_and_a_message_without_sender_get_kind_replies(
    telegram_direct: RunningBot,
) -> None:
    bot, api = telegram_direct, telegram_direct.api
    for answer in WELCOMED:
        await bot.handle(api.send_text(PERSON, answer))
    question = api.sent_to(PERSON)[-1]
    forged = {"id": "q1", "from": api.user(PERSON), "chat_instance": "ci", "data": "1:²:yes",
              "message": api.messages[question.params["message_id"]]}  # fmt: skip
    await bot.handle(api.push(callback_query=forged))
    reply = api.sent_to(PERSON)[-1].text
    assert "earlier question" in reply or "moved on" in reply, reply
    anonymous = api.message(PERSON + 1, text="/start")
    del anonymous["from"]
    await bot.handle(api.push(message=anonymous))
    [welcome] = api.sent_to(PERSON + 1)
    assert "Is it OK for me to keep what you tell me?" in welcome.text


async def test_a_double_press_edits_the_question_once(telegram_direct: RunningBot) -> None:
    bot, api = telegram_direct, telegram_direct.api
    await bot.handle(api.send_text(PERSON, "/start"))
    welcome = api.sent_to(PERSON)[-1]
    first = api.press(PERSON, welcome, "Yes, that's OK")
    second = api.press(PERSON, welcome, "Yes, that's OK")  # pressed again before it changed
    await bot.handle(first)
    await bot.handle(second)
    edits = [c for c in api.calls if c.method.startswith("editMessage")
             and int(c.params["message_id"]) == welcome.params["message_id"]]  # fmt: skip
    assert [c.method for c in edits] == ["editMessageText"]
