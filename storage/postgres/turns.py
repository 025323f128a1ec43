"""A turn on PostgreSQL: the person held from the first read to the commit.

`begin` takes a connection from the pool, opens a transaction and takes a
transaction-scoped advisory lock on the person (`pg_advisory_xact_lock`, on a hash of
their id) before anything of theirs is read. So another instance's turn for the same
person waits until this one has committed, and then reads what it wrote: one person's
turns never interleave, whichever instances they reach. Other people's turns take other
locks and run side by side. The lock ends with the transaction, also when the instance
dies (the server rolls its transaction back).

A turn is two messages to the server: `BEGIN`, the lock, the read and the inbox check
as one script of statements, then the writes and `COMMIT` as another. The lock is a
statement of its own, before the read: in a script, as anywhere in READ COMMITTED, each
statement takes its own snapshot, so the read, taken once the lock is held, sees all
that the person's previous turn committed.

The rows are those of `storage.turns` (`changed_rows`, `stored_from`): only the SQL is
PostgreSQL's here.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any

from psycopg import AsyncClientCursor
from psycopg.rows import DictRow

from storage.encryption import Cipher
from storage.postgres.repositories import Connection, Pool
from storage.repositories import upsert
from storage.turns import TABLES, Changes, Stored, changed_rows, select_everything, stored_from

PERSON_LOCKS = 1
"""The first half of a person's advisory lock key: the kind of lock (`POLLER` is another)."""


def lock_key(name: str) -> int:
    """32 bits of a hash of `name`, as the second half of an advisory lock key. Two
    people sharing one only ever wait for each other's turn: never wrong, rarely slower."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=4).digest(), signed=True)


_EVERYTHING = select_everything("%(person)s", "json_build_object(", ")::text")
READ = "growcoach_read"
"""The read, prepared on each connection of the pool (`prepare`): planned once, not per turn."""


async def prepare(connection: Connection) -> None:
    """For a new connection of the pool: the turn's read as a prepared statement."""
    read = _EVERYTHING.replace("%(person)s", "$1")
    await connection.execute(f"PREPARE {READ} (text) AS {read}")


class TurnStore:
    def __init__(self, pool: Pool, cipher: Cipher) -> None:
        self._pool = pool
        self._cipher = cipher

    async def load(self, person_id: str) -> Stored:
        """All about the person, read outside any turn (an export, a question)."""
        async with self._pool.connection() as connection:
            return await _load(connection, person_id, self._cipher)

    @asynccontextmanager
    async def begin(self, person_id: str, update_id: int | None = None) -> AsyncIterator[HeldTurn]:
        """The person's turn, in one trip to the server: begun, locked, read, and the
        update (if any) looked up in the inbox; committed with its writes (`HeldTurn.save`,
        `erase`) or when the block ends, rolled back on an error."""
        async with self._pool.connection() as connection:
            try:
                cursor = AsyncClientCursor(connection)
                await cursor.execute(_script(cursor, [
                    ("BEGIN", ()),
                    ("SELECT pg_advisory_xact_lock(%s, %s)", (PERSON_LOCKS, lock_key(person_id))),
                    (f"EXECUTE {READ}(%s)", (person_id,)),
                    (_HANDLED, (update_id,)),
                ]))  # fmt: skip
                cursor.nextset()
                cursor.nextset()
                rows = await cursor.fetchall()
                cursor.nextset()
                handled = await cursor.fetchone()
                held = HeldTurn(cursor, person_id, self._cipher, rows, bool(handled))
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
    the lock, whether its update was handled already, then the writes and the commit, in
    one trip."""

    def __init__(
        self,
        cursor: AsyncClientCursor[DictRow],
        person_id: str,
        cipher: Cipher,
        rows: list[DictRow],
        handled: bool,
    ) -> None:
        self._cursor = cursor
        self.person_id = person_id
        self._cipher = cipher
        self._rows = rows
        self._handled = handled
        self.committed = False

    async def load(self) -> Stored:
        return _stored(self._rows, self._cipher)

    async def handled(self) -> bool:
        """Whether a turn (of any instance) had already marked this update handled when
        the person's lock was taken."""
        return self._handled

    async def save(self, changes: Changes, before: Stored) -> None:
        """Write the changes and commit: one script, one trip. Unlike SQLite's, a turn that
        changed nothing still marks its update handled here: another instance may hold
        the same update (it adopted it, or took the person's earlier ones first), and its
        turn then finds it handled and stays quiet, so even a reply that saved nothing is
        sent once. (If this instance dies between the commit and the send, that reply is
        lost, as any reply being sent at a crash is; the person asks again.)"""
        if not changes and changes.receipt is None:
            return
        await self._run([*_writes(changed_rows(changes, before, self._cipher)), ("COMMIT", ())])

    async def erase(self) -> None:
        """Everything about the person (the rest follows by ON DELETE CASCADE), committed."""
        await self._run([("DELETE FROM people WHERE id = %s", (self.person_id,)), ("COMMIT", ())])

    async def _run(self, statements: list[tuple[str, Params]]) -> None:
        await self._cursor.execute(_script(self._cursor, statements))
        self.committed = True


Params = Sequence[Any] | Mapping[str, Any]
_HANDLED = "SELECT 1 FROM inbox WHERE update_id = %s AND handled_at IS NOT NULL"


def _script(cursor: AsyncClientCursor[DictRow], statements: list[tuple[str, Params]]) -> str:
    """Statements as one text, each value quoted by the driver (`mogrify`, as the server's
    own quoting would): sent in one message, so one trip and one wake-up of the event
    loop, where a pipeline takes one of each per statement."""
    return ";\n".join(cursor.mogrify(sql, values) for sql, values in statements)


def _writes(document: dict[str, Any]) -> list[tuple[str, Params]]:
    """The statements that write a turn's rows: one multi-row upsert per changed table."""
    statements: list[tuple[str, Params]] = []
    if "unscheduled" in document:
        statements.append(
            ("DELETE FROM schedules WHERE person_id = %s", (document["unscheduled"],))
        )
    if "receipt" in document:
        receipt = document["receipt"]
        statements.append((
            "UPDATE inbox SET handled_at = %s, payload = NULL, person_id = NULL"
            " WHERE update_id = %s",
            (receipt["at"], receipt["update_id"]),
        ))  # fmt: skip
    for table, columns, key, *_ in TABLES:
        if rows := document.get(table):
            sql = upsert(table, columns, key, "%s", rows=len(rows))
            statements.append((sql, [row[column] for row in rows for column in columns]))
    return statements


async def _load(connection: Connection, person_id: str, cipher: Cipher) -> Stored:
    cursor = await connection.execute(_EVERYTHING, {"person": person_id})
    return _stored(await cursor.fetchall(), cipher)


def _stored(rows: list[DictRow], cipher: Cipher) -> Stored:
    return stored_from(((row["name"], json.loads(row["record"])) for row in rows), cipher)
