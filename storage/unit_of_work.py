"""A unit of work: one transaction that is rolled back unless `commit()` is called.

For work of several statements (a turn's writes in `storage.turns`, claiming reminders,
marking someone who blocked the bot, maintenance): all inside one `BEGIN IMMEDIATE`
transaction, and an exception anywhere leaves the database exactly as it was.
"""

from __future__ import annotations

import asyncio
from types import TracebackType

import aiosqlite

from storage.repositories import PersonRepository, ReminderRepository, ScheduleRepository


class UnitOfWork:
    def __init__(self, connection: aiosqlite.Connection, lock: asyncio.Lock) -> None:
        self._connection = connection
        self.connection = connection  # for maintenance that spans tables (key rotation)
        self._lock = lock
        self._committed = False
        self.people = PersonRepository(connection)
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
