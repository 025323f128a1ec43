"""A unit of work: one transaction that is rolled back unless `commit()` is called.

A turn reads the person's records, lets the engine decide, writes the changes and
commits, all inside one `BEGIN IMMEDIATE` transaction; only then is the reply sent.
An exception anywhere leaves the database exactly as it was before the turn.
"""

from __future__ import annotations

import asyncio
from types import TracebackType

import aiosqlite

from storage.encryption import Cipher
from storage.repositories import (
    GoalRepository,
    PersonRepository,
    ReminderRepository,
    ScheduleRepository,
)


class UnitOfWork:
    def __init__(
        self, connection: aiosqlite.Connection, lock: asyncio.Lock, cipher: Cipher
    ) -> None:
        self._connection = connection
        self.connection = connection  # for maintenance that spans tables (key rotation)
        self._lock = lock
        self._committed = False
        self.people = PersonRepository(connection, cipher)
        self.goals = GoalRepository(connection, cipher)
        self.schedules = ScheduleRepository(connection)
        self.reminders = ReminderRepository(connection)

    async def __aenter__(self) -> UnitOfWork:
        await self._lock.acquire()
        try:
            await self._connection.execute("BEGIN IMMEDIATE")
        except BaseException:
            self._lock.release()
            raise
        return self

    async def commit(self) -> None:
        await self._connection.execute("COMMIT")
        self._committed = True

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if not self._committed:
                await self._connection.execute("ROLLBACK")
        finally:
            self._lock.release()
