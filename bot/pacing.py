"""Replies first: reminders wait while anyone's turn is being answered.

python-telegram-bot's rate limiter gives every outgoing message one budget (about 30 a
second). 10,000 check-ins due at 18:00 would take that budget for minutes, and a person
who writes meanwhile would wait behind them. So a person's turn, from the moment it is
taken until its replies are sent, holds the way open; the reminder loop sends its next
message only when no turn is being answered. Reminders are sent one at a time, so at
most one is ever ahead of a reply at the limiter.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager


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
