"""A lock per person, made when first needed and dropped when nobody holds or awaits it.

So that one person's turns never overlap (their messages, and a check-in the reminder
loop starts), while different people's run side by side, and memory stays flat however
many people write.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Hashable
from contextlib import asynccontextmanager
from typing import Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)


class PersonLocks(Generic[Key]):
    def __init__(self) -> None:
        self._locks: dict[Key, asyncio.Lock] = {}
        self._users: Counter[Key] = Counter()

    @asynccontextmanager
    async def hold(self, key: Key) -> AsyncIterator[None]:
        """Wait for `key`'s earlier holders, in arrival order (asyncio locks are fair)."""
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] += 1
        try:
            async with lock:
                yield
        finally:
            self._users[key] -= 1
            if not self._users[key]:
                del self._users[key], self._locks[key]
