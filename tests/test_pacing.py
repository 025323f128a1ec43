"""Replies first at Telegram's rate limit: a reminder's message takes a place in the
shared budget only while places are left for replies (`bot.pacing.RoomForReplies`).

The budget's period is an hour, so no place frees during the test: what goes and what
waits depends on the places taken alone, never on timing.
"""

from __future__ import annotations

import asyncio

from bot.pacing import SENDING_REMINDER, RoomForReplies


class Telegram:
    """Stands in for the request that the limiter lets through: records who went."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send(self, name: str) -> bool:
        self.sent.append(name)
        return True


async def request(limiter: RoomForReplies, telegram: Telegram, name: str, reminder: bool) -> None:
    sending = SENDING_REMINDER.set(reminder)  # as the reminder loop's task sets it
    try:
        await limiter.process_request(
            telegram.send, (name,), {}, "sendMessage", {"chat_id": 7}, None
        )
    finally:
        SENDING_REMINDER.reset(sending)


async def test_a_reply_goes_at_once_while_a_reminder_waits_for_room() -> None:
    limiter = RoomForReplies(rate=3, reserve=1, period=3600)
    telegram = Telegram()
    await request(limiter, telegram, "reply 1", reminder=False)
    await request(limiter, telegram, "check-in 1", reminder=True)  # 2 of 3 taken now
    waiting = asyncio.create_task(request(limiter, telegram, "check-in 2", reminder=True))
    await asyncio.wait_for(request(limiter, telegram, "reply 2", reminder=False), 5)
    assert telegram.sent == ["reply 1", "check-in 1", "reply 2"]
    assert not waiting.done()  # the last place was the reply's
    waiting.cancel()


async def test_calls_without_a_chat_are_not_counted() -> None:
    """As in python-telegram-bot's own limiter: `getUpdates` and the like go freely."""
    limiter = RoomForReplies(rate=1, reserve=0, period=3600)
    telegram = Telegram()
    for n in range(3):
        await limiter.process_request(telegram.send, (f"poll {n}",), {}, "getUpdates", {}, None)
    await request(limiter, telegram, "reply", reminder=False)
    assert telegram.sent == ["poll 0", "poll 1", "poll 2", "reply"]
