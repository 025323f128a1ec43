"""The inbox on PostgreSQL: the same as `storage.inbox`, shared by every instance.

An update's id is its key, so when Telegram delivers an update twice (it retries a
webhook that answered slowly, perhaps to another instance), the second insert finds the
first (waiting for it to commit if need be) and is not new: only one instance handles
it. An update whose instance died after keeping it, before handling it, is adopted by
another after a lease (`adopt`). One taken twice (from `waiting` at a restart, or
adopted from an instance that was only slow) is caught by the turn, which checks under
the person's lock that it is not handled yet (`HeldTurn.handled`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from storage.encryption import Cipher
from storage.inbox import REMEMBER
from storage.postgres.repositories import Pool
from storage.repositories import utc_text


class Inbox:
    def __init__(self, pool: Pool, cipher: Cipher) -> None:
        self._pool = pool
        self._cipher = cipher

    async def receive(
        self,
        updates: Sequence[tuple[int, str]],
        now: datetime,
        senders: Mapping[int, str] | None = None,
    ) -> set[int]:
        """Keep each (update id, JSON) with its sender, all in one statement (one trip, one
        commit); returns the ids new to the inbox."""
        if not updates:
            return set()
        when, senders = utc_text(now), senders or {}
        rows = ", ".join(["(%s, %s, %s, %s)"] * len(updates))
        values = [
            value
            for update_id, payload in updates
            for value in (update_id, self._cipher.seal(payload), when, senders.get(update_id))
        ]
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                f"INSERT INTO inbox (update_id, payload, received_at, person_id) VALUES {rows}"
                " ON CONFLICT DO NOTHING RETURNING update_id",
                values,
            )
            return {int(row["update_id"]) for row in await cursor.fetchall()}

    async def set_aside(self, update_id: int, now: datetime) -> None:
        """An update that cannot be read: its id is kept, its content is not."""
        when = utc_text(now)
        async with self._pool.connection() as connection:
            await connection.execute(
                "INSERT INTO inbox (update_id, payload, received_at, handled_at)"
                " VALUES (%s, NULL, %s, %s) ON CONFLICT DO NOTHING",
                (update_id, when, when),
            )

    async def done(self, update_id: int, now: datetime) -> None:
        async with self._pool.connection() as connection:
            await connection.execute(
                "UPDATE inbox SET handled_at = %s, payload = NULL, person_id = NULL"
                " WHERE update_id = %s AND handled_at IS NULL",
                (utc_text(now), update_id),
            )

    async def waiting(self) -> list[str]:
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT payload FROM inbox WHERE handled_at IS NULL ORDER BY update_id"
            )
            rows = await cursor.fetchall()
        return [str(self._cipher.open(row["payload"])) for row in rows]

    async def before(self, update_id: int, person_id: str) -> list[tuple[int, str]]:
        """As on SQLite: the person's earlier updates still waiting, whichever instance
        took them (one that stopped, or is only slower: the turn checks `handled`)."""
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT update_id, payload FROM inbox WHERE person_id = %s AND update_id < %s"
                " AND handled_at IS NULL ORDER BY update_id",
                (person_id, update_id),
            )
            rows = await cursor.fetchall()
        return [(int(row["update_id"]), str(self._cipher.open(row["payload"]))) for row in rows]

    async def adopt(self, now: datetime, lease: timedelta, limit: int) -> list[str]:
        """As on SQLite; instances adopting at once skip each other's rows (SKIP LOCKED)."""
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "UPDATE inbox SET received_at = %s WHERE update_id IN (SELECT update_id"
                " FROM inbox WHERE handled_at IS NULL AND received_at <= %s"
                " ORDER BY update_id LIMIT %s FOR UPDATE SKIP LOCKED)"
                " RETURNING update_id, payload",
                (utc_text(now), utc_text(now - lease), limit),
            )
            rows = await cursor.fetchall()
        rows.sort(key=lambda row: int(row["update_id"]))
        return [str(self._cipher.open(row["payload"])) for row in rows]

    async def forget(self, now: datetime) -> None:
        async with self._pool.connection() as connection:
            await connection.execute(
                "DELETE FROM inbox WHERE handled_at < %s", (utc_text(now - REMEMBER),)
            )
