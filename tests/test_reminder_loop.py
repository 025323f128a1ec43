"""The reminder loop against each backend (a real SQLite file, a real PostgreSQL) and the
real Telegram Application.

The clock is injected and moved by the tests; the loop is ticked by hand, exactly as
its 30-second timer would. Check-ins go out through the fake Bot API server.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from conftest import SCHEDULE_ANSWERS, RunningBot
from fake_bot_api import Failure, FakeBotApi
from postgres import query

from bot.app import open_app
from bot.reminders import GIVE_UP_AFTER, ReminderLoop

PERSON = 4001
# START is Monday 2 March 2026, 09:00 UTC; Monday 18:00 Copenhagen is 17:00 UTC.
FIRST_DUE = datetime(2026, 3, 2, 17, tzinfo=UTC)


async def plan_with_check_in(bot: RunningBot, user: int = PERSON) -> int:
    """A person who planned a step and chose Monday 18:00; returns messages so far."""
    for answer in SCHEDULE_ANSWERS:
        await bot.handle(bot.api.send_text(user, answer))
    return len(bot.api.sent_to(user))


def reminders_of(bot: RunningBot, user: int = PERSON) -> list[tuple[object, ...]]:
    return query(bot.db, "SELECT due_at, outcome FROM reminders WHERE person_id = ?",
                 (f"telegram:{user}",))  # fmt: skip


async def test_nothing_is_sent_before_its_time(telegram_on: RunningBot) -> None:
    bot = telegram_on
    seen = await plan_with_check_in(bot)
    bot.clock.now = FIRST_DUE - timedelta(seconds=1)
    assert await bot.bot.reminders.tick() == 0
    assert len(bot.api.sent_to(PERSON)) == seen


async def test_the_check_in_arrives_and_can_be_answered(telegram_on: RunningBot) -> None:
    bot, api = telegram_on, telegram_on.api
    seen = await plan_with_check_in(bot)
    bot.clock.now = FIRST_DUE + timedelta(seconds=20)
    assert await bot.bot.reminders.tick() == 1
    [reminder] = api.sent_to(PERSON)[seen:]
    assert reminder.text.startswith("Hi Sam, it's time for your weekly check-in.")
    assert "I did it" in dict(reminder.buttons)
    await bot.handle(api.press(PERSON, reminder, "I did some of it"))
    for answer in ("My sister helped", "It was hard", "6", "Keep the same step", "/goals"):
        await bot.handle(api.send_text(PERSON, answer))
    goals = api.sent_to(PERSON)[-1].text
    assert "Progress: 6/10" in goals
    assert "Next check-in: Monday 9 March, 18:00" in goals
    assert reminders_of(bot) == [("2026-03-02T17:00:00+00:00", "sent")]
    assert await bot.bot.reminders.tick() == 0


async def test_two_loops_racing_send_one_check_in(telegram_on: RunningBot) -> None:
    bot = telegram_on
    seen = await plan_with_check_in(bot)
    bot.clock.now = FIRST_DUE + timedelta(minutes=1)
    async with open_app(bot.db, bot.clock) as second_app:
        twin = ReminderLoop(second_app, bot.bot.deliver_reminder, bot.clock)
        counts = await asyncio.gather(bot.bot.reminders.tick(), twin.tick())
    assert sorted(counts) == [0, 1]
    assert len(bot.api.sent_to(PERSON)) == seen + 1
    assert len(reminders_of(bot)) == 1


async def test_a_claim_left_by_a_crash_is_sent_once_after_its_lease(
    telegram_on: RunningBot,
) -> None:
    bot = telegram_on
    seen = await plan_with_check_in(bot)
    bot.clock.now = FIRST_DUE
    [claim] = await bot.bot.reminders.claim_due()  # claimed, then the process "died"
    assert reminders_of(bot) == [(claim.due_at, None)]
    bot.clock.advance(minutes=5)
    assert await bot.bot.reminders.tick() == 0  # the lease still holds
    bot.clock.advance(minutes=10)
    assert await bot.bot.reminders.tick() == 1
    assert await bot.bot.reminders.tick() == 0
    assert len(bot.api.sent_to(PERSON)) == seen + 1
    assert reminders_of(bot) == [(claim.due_at, "sent")]


async def test_four_weeks_down_gives_one_catch_up(telegram_on: RunningBot) -> None:
    bot = telegram_on
    seen = await plan_with_check_in(bot)
    bot.clock.now = FIRST_DUE + timedelta(weeks=4, hours=1)
    assert await bot.bot.reminders.tick() == 1
    assert await bot.bot.reminders.tick() == 0
    assert len(bot.api.sent_to(PERSON)) == seen + 1
    [(next_due,)] = query(bot.db, "SELECT next_due FROM schedules")
    assert next_due == "2026-04-06T16:00:00+00:00"  # the next Monday 18:00, summer time


async def test_a_blocked_person_gets_no_reminders_until_they_write(
    telegram_on: RunningBot,
) -> None:
    bot, api = telegram_on, telegram_on.api
    seen = await plan_with_check_in(bot)
    api.fail_next("sendMessage", Failure(403, "Forbidden: bot was blocked by the user"))
    bot.clock.now = FIRST_DUE
    assert await bot.bot.reminders.tick() == 0
    assert reminders_of(bot) == [("2026-03-02T17:00:00+00:00", "blocked")]
    bot.clock.advance(weeks=1)
    assert await bot.bot.reminders.tick() == 0
    assert len(reminders_of(bot)) == 1  # not even claimed
    await bot.handle(api.send_text(PERSON, "/goals"))  # they are back
    bot.clock.advance(weeks=1)
    assert await bot.bot.reminders.tick() == 1
    assert api.sent_to(PERSON)[-1].text.startswith("Hi Sam, it's time")
    # /goals (and the open check-in question again), then the next week's check-in.
    assert len(api.sent_to(PERSON)) == seen + 3


async def test_many_people_due_at_once_all_get_one(telegram_on: RunningBot) -> None:
    bot = telegram_on
    people = range(5001, 5006)
    for person in people:
        await plan_with_check_in(bot, person)
    bot.bot.reminders.batch = 2  # several batches in one look (2, 2, 1)
    bot.clock.now = FIRST_DUE
    assert await bot.bot.reminders.tick() == len(people)
    for person in people:
        assert len(reminders_of(bot, person)) == 1


async def test_snoozed_check_in_comes_back_later_that_day(telegram_on: RunningBot) -> None:
    bot, api = telegram_on, telegram_on.api
    seen = await plan_with_check_in(bot)
    bot.clock.now = FIRST_DUE
    await bot.bot.reminders.tick()
    reminder = api.sent_to(PERSON)[-1]
    await bot.handle(api.press(PERSON, reminder, "Not now"))
    bot.clock.advance(hours=2, minutes=59)
    assert await bot.bot.reminders.tick() == 0
    bot.clock.advance(minutes=1)
    assert await bot.bot.reminders.tick() == 1
    assert len(api.sent_to(PERSON)) == seen + 3


def test_fake_api_is_loopback_only(bot_api: FakeBotApi) -> None:
    assert bot_api.server is not None
    assert bot_api.server.server_address[0] == "127.0.0.1"


async def test_a_follow_up_the_day_after_a_crisis_arrives_once(
    telegram_on: RunningBot,
) -> None:
    bot, api = telegram_on, telegram_on.api
    for answer in ("/start", "yes", "Sam", "Home"):
        await bot.handle(api.send_text(PERSON, answer))
    question = api.sent_to(PERSON)[-1].text.split("\n\n")[-1]
    await bot.handle(api.send_text(PERSON, "honestly i cant go on"))
    safe_question = api.sent_to(PERSON)[-1]
    assert safe_question.text.endswith("Are you safe right now?")
    await bot.handle(api.press(PERSON, safe_question, "I'm safe for now"))
    await bot.handle(api.press(PERSON, api.sent_to(PERSON)[-1], "Yes, please"))
    back = api.sent_to(PERSON)[-1].text
    assert "I'll check in with you tomorrow" in back and back.endswith(question)
    seen = len(api.sent_to(PERSON))
    bot.clock.advance(hours=23, minutes=59)
    assert await bot.bot.reminders.tick() == 0
    bot.clock.advance(minutes=2)
    assert await bot.bot.reminders.tick() == 1
    [follow_up] = api.sent_to(PERSON)[seen:]
    assert follow_up.text.startswith("Hi Sam, it's growcoach,")
    assert "A bit better" in dict(follow_up.buttons)
    assert await bot.bot.reminders.tick() == 0
    async with open_app(bot.db, bot.clock) as restarted:  # a restart sends nothing again
        again = ReminderLoop(restarted, bot.bot.deliver_reminder, bot.clock)
        bot.clock.advance(days=1)
        assert await again.tick() == 0
    assert len(api.sent_to(PERSON)) == seen + 1
    await bot.handle(api.press(PERSON, follow_up, "A bit better"))
    assert api.sent_to(PERSON)[-1].text.endswith(question)


async def test_a_failed_check_in_is_tried_again_later_without_holding_the_loop(
    telegram_on: RunningBot,
) -> None:
    bot, api = telegram_on, telegram_on.api
    seen = await plan_with_check_in(bot)
    other = await plan_with_check_in(bot, PERSON + 1)
    bot.clock.now = FIRST_DUE
    down = Failure(502, "Bad Gateway", chat_id=PERSON)  # this person's sends fail
    api.fail_next("sendMessage", down, times=3)
    assert await bot.bot.reminders.tick() == 1  # the other person's, at once
    failed = [c for c in api.calls if c.method == "sendMessage!502"]
    assert len(failed) == 1  # one try, no waiting in place: the rest of the batch goes on
    assert len(api.sent_to(PERSON + 1)) == other + 1
    assert reminders_of(bot) == [("2026-03-02T17:00:00+00:00", None)]  # kept, not dropped
    api.failures.clear()  # Telegram is back
    bot.clock.advance(seconds=10)
    assert await bot.bot.reminders.tick() == 0  # waiting out its backoff
    bot.clock.advance(minutes=1)
    assert await bot.bot.reminders.tick() == 1
    assert len(api.sent_to(PERSON)) == seen + 1
    assert reminders_of(bot) == [("2026-03-02T17:00:00+00:00", "sent")]
    bot.clock.advance(minutes=30)
    assert await bot.bot.reminders.tick() == 0


async def test_a_late_catch_up_that_fails_is_tried_again_until_it_gives_up(
    telegram_on: RunningBot,
) -> None:
    """Days late (the bot was down) is no reason to drop a failed check-in: it is tried
    again until it has failed GIVE_UP_AFTER times, about 12 hours of failures."""
    bot, api = telegram_on, telegram_on.api
    seen = await plan_with_check_in(bot)
    bot.clock.now = FIRST_DUE + timedelta(days=2)
    api.fail_next("sendMessage", Failure(502, "Bad Gateway"))
    assert await bot.bot.reminders.tick() == 0
    assert reminders_of(bot) == [("2026-03-02T17:00:00+00:00", None)]  # kept, not dropped
    bot.clock.advance(minutes=1)
    assert await bot.bot.reminders.tick() == 1
    assert len(api.sent_to(PERSON)) == seen + 1
    await bot.handle(api.send_text(PERSON, "/cancel"))
    bot.clock.advance(weeks=1)  # the next week's check-in, and Telegram down all day
    api.fail_next("sendMessage", Failure(502, "Bad Gateway"), times=GIVE_UP_AFTER + 5)
    for _ in range(GIVE_UP_AFTER + 5):
        assert await bot.bot.reminders.tick() == 0
        bot.clock.advance(hours=1)
    tries = [c for c in api.calls if c.method == "sendMessage!502"]
    assert len(tries) == 1 + GIVE_UP_AFTER  # last week's one failure, then this week's
    assert ("2026-03-09T17:00:00+00:00", "failed") in reminders_of(bot)


async def test_a_restarted_process_resumes_its_own_claims_at_once(
    telegram_on: RunningBot,
) -> None:
    bot = telegram_on
    seen = await plan_with_check_in(bot)
    bot.clock.now = FIRST_DUE
    [claim] = await bot.bot.reminders.claim_due()  # claimed, then the process was killed
    async with open_app(bot.db, bot.clock) as restarted:
        again = ReminderLoop(restarted, bot.bot.deliver_reminder, bot.clock)
        assert await again.resume() == 1  # its own claim: no waiting for the lease
        assert await again.tick() == 0
    assert len(bot.api.sent_to(PERSON)) == seen + 1
    assert reminders_of(bot) == [(claim.due_at, "sent")]


async def test_a_reply_never_waits_behind_the_reminders(telegram_on: RunningBot) -> None:
    """Many check-ins due while a person writes: the reminders wait for the reply.

    The person's reply is held at the (fake) Bot API, so their turn is in progress; the
    reminder loop, started meanwhile, takes its first check-in turn and then waits at
    the gate instead of sending. Only when the reply is through do the check-ins go."""
    bot, api = telegram_on, telegram_on.api
    people = range(5101, 5106)
    for person in people:
        await plan_with_check_in(bot, person)
    writer = 5200
    bot.clock.now = FIRST_DUE
    gate = bot.bot.replies_first
    earlier = len(api.calls)
    api.hold("sendMessage")
    reply = asyncio.create_task(bot.handle(api.send_text(writer, "Hello")))
    await asyncio.wait_for(gate.until(lambda g: g.replying == 1), 10)
    tick = asyncio.create_task(bot.bot.reminders.tick())
    await asyncio.wait_for(gate.until(lambda g: g.reminders_waiting == 1), 10)
    api.release()
    await reply
    assert await tick == len(people)
    order = [call.chat_id for call in api.calls[earlier:] if call.method == "sendMessage"]
    replies = [n for n, chat in enumerate(order) if chat == writer]
    check_ins = [n for n, chat in enumerate(order) if chat in people]
    assert replies and len(check_ins) == len(people)
    assert max(replies) < min(check_ins)  # every reply before any check-in


async def test_a_message_written_before_the_check_in_arrived_is_not_its_answer(
    telegram_direct: RunningBot,
) -> None:
    bot, api = telegram_direct, telegram_direct.api
    seen = await plan_with_check_in(bot)
    bot.clock.now = FIRST_DUE - timedelta(seconds=10)
    written = api.send_text(PERSON, "I did it")  # on its way while the check-in goes out
    bot.clock.now = FIRST_DUE
    assert await bot.bot.reminders.tick() == 1
    await bot.handle(written)
    [reminder, crossed] = api.sent_to(PERSON)[seen:]
    assert reminder.text.startswith("Hi Sam, it's time for your weekly check-in.")
    assert crossed.text.startswith("Our messages crossed: you wrote “I did it”")
    step = "Set up a savings pot on my phone"
    assert crossed.text.endswith(f"How did it go with your step, “{step}”?")
    assert "I did it" in dict(crossed.buttons)
    bot.clock.advance(minutes=1)
    await bot.handle(api.send_text(PERSON, "I did it"))
    [helped] = api.sent_to(PERSON)[seen + 2 :]
    assert "What helped you do it?" in helped.text
