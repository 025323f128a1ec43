"""Replies first: reminders never crowd out a person's reply.

Telegram lets a bot send about 30 messages a second, and python-telegram-bot's rate
limiter gives every outgoing message one budget. 10,000 check-ins due at 18:00 would
take that budget for minutes, and a person who writes meanwhile would wait behind them.
Two rules keep the way open:

- `RepliesFirst`: a person's turn, from the moment it is taken until its replies are
  sent, holds the way open; the reminder loop sends its next message only when no turn
  is being answered, one at a time, so at most one is ever ahead of a reply.
- `RoomForReplies`: python-telegram-bot's `AIORateLimiter`, except that a reminder's
  message takes a place in the overall budget only while `reserve` places are left
  free. Replies (and the buttons taken off a question) take a place whenever there is
  one, so they find room at once; reminders go at the pace replies leave them, the
  whole budget when no one is writing.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.ext import AIORateLimiter

SENDING_REMINDER: ContextVar[bool] = ContextVar("sending_reminder", default=False)
"""Set by the reminder loop's task around its sends: its messages are the ones that wait."""


class RepliesFirst:
    def __init__(self) -> None:
        self.replying = 0
        """Turns being taken or answered now."""
        self.reminders_waiting = 0
        self._changed = asyncio.Condition()

    @asynccontextmanager
    async def reply(self) -> AsyncIterator[None]:
        """Around a person's turn: reminders wait until it (and any other) is answered."""
        async with self._changed:
            self.replying += 1
            self._changed.notify_all()
        try:
            yield
        finally:
            async with self._changed:
                self.replying -= 1
                self._changed.notify_all()

    async def reminder(self) -> None:
        """Before a reminder's message: returns once no turn is being answered."""
        async with self._changed:
            self.reminders_waiting += 1
            self._changed.notify_all()
            try:
                await self._changed.wait_for(lambda: self.replying == 0)
            finally:
                self.reminders_waiting -= 1

    async def until(self, ready: Callable[[RepliesFirst], bool]) -> None:
        """Wait until `ready` holds (for tests and diagnostics; woken by every change)."""
        async with self._changed:
            await self._changed.wait_for(lambda: ready(self))


class RoomForReplies(AIORateLimiter):
    """The library's limiter (429s waited out, groups' own limits) with the overall budget
    kept here, where a reminder's message leaves `reserve` places for replies."""

    def __init__(
        self, rate: int = 30, reserve: int = 10, period: float = 1.0, max_retries: int = 5
    ) -> None:
        super().__init__(overall_max_rate=0, max_retries=max_retries)  # the budget is ours
        self.budget = AsyncLimiter(rate, period)
        """Messages to a chat, as the library counts them: `rate` each `period` seconds."""
        self.reserve = reserve

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        if data.get("chat_id") is not None:
            if SENDING_REMINDER.get():
                period_per_place = self.budget.time_period / self.budget.max_rate
                # aiolimiter tells no one when a place frees; one frees every period/rate
                while not self.budget.has_capacity(self.reserve + 1):  # noqa: ASYNC110
                    await asyncio.sleep(period_per_place)
            await self.budget.acquire()  # at once after the check: nothing comes between
        return await super().process_request(
            callback, args, kwargs, endpoint, data, rate_limit_args
        )
