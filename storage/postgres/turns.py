"""A turn on PostgreSQL: the person held from the first read to the commit.

`begin` takes a connection from the pool, opens a transaction and takes a
transaction-scoped advisory lock on the person (`pg_advisory_xact_lock`, on a hash of
their id) before anything of theirs is read. So another instance's turn for the same
person waits until this one has committed, and then reads what it wrote: one person's
turns never interleave, whichever instances they reach. Other people's turns take other
locks and run side by side. The lock ends with the transaction, also when the instance
dies (the server rolls its transaction back).

The rows are those of `storage.turns` (`changed_rows`, `stored_from`): only the SQL is
PostgreSQL's here.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from psycopg.rows import DictRow

from storage.encryption import Cipher
from storage.postgres.repositories import Connection, Pool
from storage.repositories import upsert
from storage.turns import TABLES, Changes, Stored, changed_rows, stored_from

PERSON_LOCKS = 1
"""The first half of a person's advisory lock key: the kind of lock (`POLLER` is another)."""


def lock_key(name: str) -> int:
    """32 bits of a hash of `name`, as the second half of an advisory lock key. Two
    people sharing one only ever wait for each other's turn: never wrong, rarely slower."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=4).digest(), signed=True)


def _select_everything() -> str:
    selects = [
        f"SELECT '{table}' AS name, {order}, json_build_object("
        + ", ".join(f"'{column}', \"{column}\"" for column in columns)
        + f")::text AS row FROM {table} WHERE {owner} = %(person)s"
        for table, columns, _, owner, order in TABLES
    ]
    return " UNION ALL ".join(selects) + " ORDER BY 1, 2, 3"


_EVERYTHING = _select_everything()
_UPSERTS = {table: upsert(table, columns, key, "%s") for table, columns, key, _, _ in TABLES}


class TurnStore:
    def __init__(self, pool: Pool, cipher: Cipher) -> None:
        self._pool = pool
        self._cipher = cipher

    async def load(self, person_id: str) -> Stored:
        """All about the person, read outside any turn (an export, a question)."""
        async with self._pool.connection() as connection:
            return await _load(connection, person_id, self._cipher)

    @asynccontextmanager
    async def begin(self, person_id: str) -> AsyncIterator[HeldTurn]:
        """The person's turn: begun, locked and read in one trip to the server (a
        pipeline); committed with its writes (`HeldTurn.save`, `erase`) or when the block
        ends, rolled back on an error."""
        async with self._pool.connection() as connection:
            try:
                async with connection.pipeline():
                    await connection.execute("BEGIN")
                    await connection.execute(
                        "SELECT pg_advisory_xact_lock(%s, %s)", (PERSON_LOCKS, lock_key(person_id))
                    )
                    read = await connection.execute(_EVERYTHING, {"person": person_id})
                held = HeldTurn(connection, person_id, self._cipher, await read.fetchall())
                yield held
            except BaseException:
                await connection.execute("ROLLBACK")
                raise
            if not held.committed:
                await connection.execute("COMMIT")

    async def save(self, changes: Changes, before: Stored) -> None:
        """A turn of its own that writes `changes`."""
        async with self.begin(changes.person_id) as held:
            await held.save(changes, before)

    async def erase(self, person_id: str) -> None:
        async with self.begin(person_id) as held:
            await held.erase()


class HeldTurn:
    """A turn of one person's, as `TurnStore.begin` gives it: their records as read under
    the lock, a check, then the writes and the commit, in one trip."""

    def __init__(
        self, connection: Connection, person_id: str, cipher: Cipher, rows: list[DictRow]
    ) -> None:
        self._connection = connection
        self.person_id = person_id
        self._cipher = cipher
        self._rows = rows
        self.committed = False

    async def load(self) -> Stored:
        return _stored(self._rows, self._cipher)

    async def handled(self, update_id: int) -> bool:
        """Whether a turn (of any instance) has already marked this update handled."""
        cursor = await self._connection.execute(
            "SELECT 1 FROM inbox WHERE update_id = %s AND handled_at IS NOT NULL", (update_id,)
        )
        return await cursor.fetchone() is not None

    async def save(self, changes: Changes, before: Stored) -> None:
        """Write the changes and commit, all in one pipeline: one trip, not one each."""
        if not changes:
            return
        document = changed_rows(changes, before, self._cipher)
        connection = self._connection
        async with connection.pipeline():
            await self._write(document)
            await connection.execute("COMMIT")
        self.committed = True

    async def _write(self, document: dict[str, Any]) -> None:
        connection = self._connection
        if "unscheduled" in document:
            await connection.execute(
                "DELETE FROM schedules WHERE person_id = %s", (document["unscheduled"],)
            )
        if "receipt" in document:
            receipt = document["receipt"]
            await connection.execute(
                "UPDATE inbox SET handled_at = %s, payload = NULL WHERE update_id = %s",
                (receipt["at"], receipt["update_id"]),
            )
        async with connection.cursor() as cursor:
            for table, columns, *_ in TABLES:
                if rows := document.get(table):
                    await cursor.executemany(
                        _UPSERTS[table], [tuple(row[column] for column in columns) for row in rows]
                    )

    async def erase(self) -> None:
        """Everything about the person (the rest follows by ON DELETE CASCADE), committed."""
        async with self._connection.pipeline():
            await self._connection.execute("DELETE FROM people WHERE id = %s", (self.person_id,))
            await self._connection.execute("COMMIT")
        self.committed = True


async def _load(connection: Connection, person_id: str, cipher: Cipher) -> Stored:
    cursor = await connection.execute(_EVERYTHING, {"person": person_id})
    return _stored(await cursor.fetchall(), cipher)


def _stored(rows: list[DictRow], cipher: Cipher) -> Stored:
    return stored_from(((row["name"], json.loads(row["row"])) for row in rows), cipher)
