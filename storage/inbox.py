"""The inbox: every update Telegram delivers is kept here before Telegram is told it arrived.

With polling, Telegram forgets an update once the next `getUpdates` names a later offset;
with a webhook, once it is answered 200. Both happen only after the update is written
here, so a crash at any moment loses nothing Telegram delivered: on start, what is not
yet handled is handled. An update is marked handled in the same statement as the turn
it caused (`storage.turns`), so none is applied twice; its payload (the person's words)
is wiped then, and sealed with the encryption key while it waits. Handled ids are kept
for a day, as long as Telegram may deliver an update again, so that a second delivery
is recognised and dropped.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

import aiosqlite

from storage.encryption import Cipher
from storage.repositories import utc_text

REMEMBER = timedelta(days=1)
"""How long a handled update's id is kept (Telegram keeps undelivered updates 24 hours)."""


class Inbox:
    def __init__(self, connection: aiosqlite.Connection, lock: asyncio.Lock, cipher: Cipher):
        self._connection = connection
        self._lock = lock
        self._cipher = cipher

    async def receive(
        self,
        updates: Sequence[tuple[int, str]],
        now: datetime,
        senders: Mapping[int, str] | None = None,
    ) -> set[int]:
        """Keep each (update id, JSON) in one transaction, with who sent it (`senders`, by
        update id, for `before`); returns the ids new to the inbox (the others were
        delivered before, and are handled or waiting)."""
        senders = senders or {}
        new: set[int] = set()
        if not updates:
            return new
        when = utc_text(now)
        async with self._lock:
            await self._connection.execute("BEGIN IMMEDIATE")
            try:
                for update_id, payload in updates:
                    cursor = await self._connection.execute(
                        "INSERT INTO inbox (update_id, payload, received_at, person_id)"
                        " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        (update_id, self._cipher.seal(payload), when, senders.get(update_id)),
                    )
                    if cursor.rowcount == 1:
                        new.add(update_id)
                await self._connection.execute("COMMIT")
            except BaseException:
                await self._connection.execute("ROLLBACK")
                raise
        return new

    async def set_aside(self, update_id: int, now: datetime) -> None:
        """An update that cannot be read: its id is kept (so it is never taken again), its
        content is not."""
        when = utc_text(now)
        async with self._lock:
            await self._connection.execute(
                "INSERT INTO inbox (update_id, payload, received_at, handled_at)"
                " VALUES (?, NULL, ?, ?) ON CONFLICT DO NOTHING",
                (update_id, when, when),
            )

    async def done(self, update_id: int, now: datetime) -> None:
        """Handled (if its turn did not already say so): its payload is wiped."""
        async with self._lock:
            await self._connection.execute(
                "UPDATE inbox SET handled_at = ?, payload = NULL, person_id = NULL"
                " WHERE update_id = ? AND handled_at IS NULL",
                (utc_text(now), update_id),
            )

    async def waiting(self) -> list[str]:
        """The updates received but not yet handled, oldest first, as Telegram sent them."""
        async with self._lock:
            rows = await self._connection.execute_fetchall(
                "SELECT payload FROM inbox WHERE handled_at IS NULL ORDER BY update_id"
            )
        return [str(self._cipher.open(row[0])) for row in rows]

    async def before(self, update_id: int, person_id: str) -> list[tuple[int, str]]:
        """The person's updates received before this one and still waiting (id, JSON),
        oldest first: whichever instance took them, they come first."""
        async with self._lock:
            rows = await self._connection.execute_fetchall(
                "SELECT update_id, payload FROM inbox WHERE person_id = ? AND update_id < ?"
                " AND handled_at IS NULL ORDER BY update_id",
                (person_id, update_id),
            )
        return [(row[0], str(self._cipher.open(row[1]))) for row in rows]

    async def adopt(self, now: datetime, lease: timedelta, limit: int) -> list[str]:
        """Updates received over `lease` ago and still not handled, oldest first, taken
        over: their time is renewed, so no one takes them again for another lease. With
        several instances, the one that received them stopped before handling them."""
        async with self._lock:
            rows = await self._connection.execute_fetchall(
                "UPDATE inbox SET received_at = ? WHERE update_id IN (SELECT update_id"
                " FROM inbox WHERE handled_at IS NULL AND received_at <= ?"
                " ORDER BY update_id LIMIT ?) RETURNING update_id, payload",
                (utc_text(now), utc_text(now - lease), limit),
            )
        return [str(self._cipher.open(row[1])) for row in sorted(rows, key=lambda row: row[0])]

    async def forget(self, now: datetime) -> None:
        """Drop the ids of updates handled more than a day ago."""
        async with self._lock:
            await self._connection.execute(
                "DELETE FROM inbox WHERE handled_at < ?", (utc_text(now - REMEMBER),)
            )
