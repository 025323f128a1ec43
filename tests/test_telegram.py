"""The real python-telegram-bot `Application` end to end against the fake Bot API."""

from __future__ import annotations

import logging
import sqlite3

import pytest
from conftest import TOKEN, RunningBot
from fake_bot_api import Call, Failure, FakeBotApi

from bot.telegram import callback_data, parse_callback, pieces
from dialogue_flows.engine import COMMANDS
from dialogue_flows.types import Pick

PERSON = 1001


async def ask(api: FakeBotApi, text: str, count: int, user: int = PERSON) -> Call:
    """Send `text` and wait until the person has `count` messages; returns the last."""
    api.send_text(user, text)
    return (await api.received(user, count))[-1]


async def press(
    api: FakeBotApi, message: Call, label: str, count: int, user: int = PERSON
) -> Call:
    api.press(user, message, label)
    return (await api.received(user, count))[-1]


def person_row(bot: RunningBot, user: int = PERSON) -> tuple[str, str | None] | None:
    with sqlite3.connect(bot.db) as reader:
        row = reader.execute(
            "SELECT conversation, blocked_at FROM people WHERE id = ?", (f"telegram:{user}",)
        ).fetchone()
    return None if row is None else (row[0], row[1])


async def test_the_command_menu_is_set(telegram: RunningBot) -> None:
    calls = [c for c in telegram.api.calls if c.method == "setMyCommands"]
    assert len(calls) == 2  # English (the default) and Danish
    for call in calls:
        names = [c["command"] for c in call.params["commands"]]
        assert names == [command.name for command in COMMANDS if command.in_menu]


async def test_a_whole_grow_conversation_by_buttons_and_text(telegram: RunningBot) -> None:
    api = telegram.api
    welcome = await ask(api, "/start", 1)
    assert "Is it OK for me to keep what you tell me?" in welcome.text
    assert [label for label, _ in welcome.buttons] == ["Yes, that's OK", "Not now"]
    name = await press(api, welcome, "Yes, that's OK", 2)
    assert "What would you like me to call you?" in name.text
    goal_q = await ask(api, "Sam", 3)
    assert "What would you like to work towards?" in goal_q.text
    area = await ask(api, "Build a model boat", 4)
    assert [label for label, _ in area.buttons][:2] == ["Health", "Home"]
    why = await press(api, area, "Purpose", 5)
    assert "matter to you?" in why.text
    count = 5
    for answer in ("My kids", "Sofa surfing", "My key worker", "Money"):
        count += 1
        last = await ask(api, answer, count)
    options_q = await press(api, last, "Yes, that's right", count + 1)
    ideas = await ask(api, "Ask the council\nSave £10 a week", count + 2)
    choose = await press(api, ideas, "Yes, that's right", count + 3)
    step_q = await press(api, choose, "Save £10 a week", count + 4)
    assert "“Save £10 a week”" in step_q.text and options_q.text
    await ask(api, "Open a savings pot", count + 5)
    confidence = await ask(api, "Friday", count + 6)
    assert [label for label, _ in confidence.buttons] == [str(n) for n in range(11)]
    await press(api, confidence, "8", count + 7)
    summary = await ask(api, "I really want it", count + 8)
    assert "Next step: Open a savings pot" in summary.text
    goals = await ask(api, "/goals", count + 9)
    assert "1. Purpose: Build a model boat" in goals.text
    assert "Next step: Open a savings pot (when: Friday)" in goals.text
    marked = api.messages[area.params["message_id"]]
    assert marked["text"].endswith("✓ Purpose") and "reply_markup" not in marked


async def test_a_double_press_answers_once(telegram: RunningBot) -> None:
    api = telegram.api
    welcome = await ask(api, "/start", 1)
    name = await press(api, welcome, "Yes, that's OK", 2)
    await ask(api, "Sam", 3)
    area = await ask(api, "Build a model boat", 4)
    api.press(PERSON, area, "Health")
    api.press(PERSON, area, "Home")
    messages = await api.received(PERSON, 6)
    assert "matter to you?" in messages[4].text
    assert "we've moved on since" in messages[5].text
    assert "matter to you?" in messages[5].text
    with sqlite3.connect(telegram.db) as reader:
        assert reader.execute("SELECT area FROM goals").fetchall() == [("health",)]
    assert name.text


async def test_a_press_on_an_old_message_gets_the_current_question(telegram: RunningBot) -> None:
    api = telegram.api
    welcome = await ask(api, "/start", 1)
    await press(api, welcome, "Yes, that's OK", 2)
    await ask(api, "Sam", 3)
    api.press(PERSON, welcome, "Not now")
    [stale] = (await api.received(PERSON, 4))[3:]
    assert "we've moved on since" in stale.text
    assert "What would you like to work towards?" in stale.text


async def test_stickers_photos_and_long_text_get_kind_replies(telegram: RunningBot) -> None:
    api = telegram.api
    welcome = await ask(api, "/start", 1)
    await press(api, welcome, "Yes, that's OK", 2)
    await ask(api, "Sam", 3)
    api.send_sticker(PERSON)
    sticker_reply = (await api.received(PERSON, 4))[3]
    api.send_photo(PERSON)
    photo_reply = (await api.received(PERSON, 5))[4]
    api.send_text(PERSON, "x" * 5000)
    long_reply = (await api.received(PERSON, 6))[5]
    assert all("work towards?" in r.text for r in (sticker_reply, long_reply))
    assert "stickers, photos" in sticker_reply.text and "stickers, photos" in photo_reply.text
    assert "fewer words" in long_reply.text
    row = person_row(telegram)
    assert row is not None and '"step":"goal"' in row[0]


async def test_an_edited_message_is_not_taken_as_a_new_answer(telegram: RunningBot) -> None:
    api = telegram.api
    welcome = await ask(api, "/start", 1)
    await press(api, welcome, "Yes, that's OK", 2)
    api.edit_text(PERSON, "Samantha")
    edited = (await api.received(PERSON, 3))[2]
    assert "edited a message" in edited.text
    row = person_row(telegram)
    assert row is not None and '"step":"name"' in row[0]


async def test_group_chats_get_a_pointer_and_nothing_is_stored(telegram: RunningBot) -> None:
    api = telegram.api
    api.send_text(PERSON, "/start", chat="group")
    [reply] = (await api.until(lambda calls: any(c.chat_id == -PERSON for c in calls)))[-1:]
    assert "one-to-one conversations" in reply.text
    assert person_row(telegram) is None


async def test_429_is_waited_out_then_sent(telegram: RunningBot) -> None:
    api = telegram.api
    api.fail_next("sendMessage", Failure(429, "Too Many Requests: retry after 1", 1))
    welcome = await ask(api, "/start", 1)
    assert "Hello, I'm growcoach" in welcome.text
    methods = [c.method for c in api.calls if c.method.startswith("sendMessage")]
    assert methods == ["sendMessage!429", "sendMessage"]


async def test_network_errors_are_retried(telegram: RunningBot) -> None:
    api = telegram.api
    api.fail_next("sendMessage", Failure(502, "Bad Gateway"), times=2)
    welcome = await ask(api, "/start", 1)
    assert "Hello, I'm growcoach" in welcome.text
    methods = [c.method for c in api.calls if c.method.startswith("sendMessage")]
    assert methods == ["sendMessage!502", "sendMessage!502", "sendMessage"]


async def test_403_marks_the_person_blocked_until_they_write(
    telegram_direct: RunningBot,
) -> None:
    bot, api = telegram_direct, telegram_direct.api
    await bot.handle(api.send_text(PERSON, "yes"))
    api.fail_next("sendMessage", Failure(403, "Forbidden: bot was blocked by the user"))
    await bot.handle(api.send_text(PERSON, "Sam"))
    row = person_row(bot)
    assert row is not None and row[1] is not None
    assert '"step":"goal"' in row[0]
    await bot.handle(api.send_text(PERSON, "/help"))
    row = person_row(bot)
    assert row is not None and row[1] is None
    assert [c.method for c in api.calls if c.method.startswith("send")] == [
        "sendMessage",
        "sendMessage!403",
        "sendMessage",
        "sendMessage",
    ]


async def test_blocking_the_bot_is_recorded(telegram_direct: RunningBot) -> None:
    bot, api = telegram_direct, telegram_direct.api
    await bot.handle(api.send_text(PERSON, "yes"))
    await bot.handle(api.block(PERSON))
    row = person_row(bot)
    assert row is not None and row[1] is not None
    await bot.handle(api.block(PERSON + 1))  # someone never seen: nothing to record
    assert person_row(bot, PERSON + 1) is None


async def test_one_persons_turns_stay_in_order_while_others_go_on(telegram: RunningBot) -> None:
    api = telegram.api
    people = [2001, 2002, 2003]
    for person in people:
        api.send_text(person, "yes")
    for person in people:
        await api.received(person, 1)
    answers = [
        "Kim",
        "Swim at the pool twice a week",
        "Health",
        "It clears my head",
        "Once a month",
        "Stubborn",
        "Cold water",
    ]
    for answer in answers:
        for person in people:
            api.send_text(person, f"{answer} {person}" if answer != "Health" else answer)
    for person in people:
        await api.received(person, 1 + len(answers))
    with sqlite3.connect(telegram.db) as reader:
        rows = reader.execute(
            "SELECT person_id, text, reality_now, obstacles FROM goals ORDER BY person_id"
        ).fetchall()
    assert rows == [
        (
            f"telegram:{p}",
            f"Swim at the pool twice a week {p}",
            f"Once a month {p}",
            f"Cold water {p}",
        )
        for p in people
    ]


async def test_a_damaged_record_gets_an_apology_and_a_log_without_words(
    telegram: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    api = telegram.api
    welcome = await ask(api, "/start", 1)
    await press(api, welcome, "Yes, that's OK", 2)
    with sqlite3.connect(telegram.db) as writer:
        writer.execute('UPDATE people SET conversation = \'{"flow": 7, "secret": 1}\'')
    with caplog.at_level(logging.INFO):
        sorry = await ask(api, "My name is Secretname", 3)
    assert "something went wrong on my side" in sorry.text
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "failed: ValidationError" in logged
    assert "Secretname" not in logged and TOKEN not in logged and str(PERSON) not in logged


def test_callback_data_is_small_versioned_and_parsed_back() -> None:
    data = callback_data(12, "#3")
    assert data == "1:12:#3" and len(data.encode()) <= 64
    assert parse_callback(data) == Pick("#3", 12)
    assert parse_callback("0:12:#3") == Pick("", -1)
    assert parse_callback(None) == Pick("", -1)
    assert parse_callback("1:x:y") == Pick("", -1)


def test_long_texts_are_split_to_fit_telegram() -> None:
    text = "\n".join(f"line {n} " + "x" * 90 for n in range(100))
    parts = pieces(text)
    assert all(len(part) <= 4096 for part in parts) and len(parts) == 3
    assert "\n".join(parts) == text
    assert pieces("y" * 9000) == ["y" * 4096, "y" * 4096, "y" * 808]


async def test_an_answer_in_words_takes_the_buttons_off_the_question(
    telegram_direct: RunningBot,
) -> None:
    bot, api = telegram_direct, telegram_direct.api
    await bot.handle(api.send_text(PERSON, "/start"))
    [welcome] = api.sent_to(PERSON)
    await bot.handle(api.send_text(PERSON, "yes"))
    await bot.handle(api.send_text(PERSON, "Sam"))
    await bot.handle(api.send_text(PERSON, "Build a model boat"))
    area = api.sent_to(PERSON)[-1]
    assert area.buttons
    edits = [c for c in api.calls if c.method == "editMessageReplyMarkup"]
    assert [int(c.params["message_id"]) for c in edits] == [welcome.params["message_id"]]
    assert "reply_markup" not in api.messages[welcome.params["message_id"]]
    await bot.handle(api.send_text(PERSON, "7"))  # not an option: asked again, with buttons
    again = api.sent_to(PERSON)[-1]
    assert again.buttons and "reply_markup" not in api.messages[area.params["message_id"]]


async def test_not_safe_mid_grow_gets_the_emergency_reply_then_the_same_question(
    telegram: RunningBot,
) -> None:
    api = telegram.api
    for count, answer in enumerate(("/start", "yes", "Sam", "Home"), start=1):
        asked = await ask(api, answer, count)
    risk = await ask(api, "tbh some days i dont see the point in living anymore", 5)
    assert "Samaritans: 116 123" in risk.text and risk.text.endswith("Are you safe right now?")
    emergency = await press(api, risk, "I'm not safe", 6)
    assert "Please call 999 now" in emergency.text
    offer = await press(api, emergency, "Not now", 7)
    back = await press(api, offer, "No, thanks", 8)
    assert back.text.endswith(asked.text.split("\n\n")[-1])
    assert [label for label, _ in back.buttons] == [label for label, _ in asked.buttons]
