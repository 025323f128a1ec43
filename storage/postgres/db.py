"""Opening PostgreSQL: migrations, the key check, a pool of connections, and erasure.

The PostgreSQL twin of `storage.db.Database`, with the same methods, so `bot/` sees one
`storage.port.Store`. psycopg 3 (async) with a small pool: a turn holds one connection
from its first read to its commit (`storage.postgres.turns`), so turns of different
people run side by side, each in its own explicit transaction. Connections are in
autocommit mode and every transaction is an explicit `BEGIN … COMMIT`, as on SQLite.
"""

from __future__ import annotations

import logging
from typing import Any

import psycopg
from psycopg import AsyncConnection
from psycopg.conninfo import conninfo_to_dict
from psycopg.rows import DictRow, dict_row
from psycopg_pool import AsyncConnectionPool

from storage.db import DatabaseUnreachable, StorageError, one_bot
from storage.encryption import Cipher, EncryptionKeyError
from storage.migrations import SCHEMA_VERSION
from storage.postgres.inbox import Inbox
from storage.postgres.migrations import MIGRATIONS, VERSION_TABLE
from storage.postgres.repositories import Connection, Pool, UnitOfWork
from storage.postgres.turns import TurnStore, lock_key, prepare
from storage.turns import TABLES

logger = logging.getLogger(__name__)

POOL_SIZE = 10
"""Connections per instance: turns in flight at once (more wait for one, in order)."""
MIGRATION_LOCK = (3, 0)
POLLER = 2
"""Advisory lock kinds (the first half of a key; `turns.PERSON_LOCKS` is 1)."""
ERASED_FROM = (*(table for table, *_ in TABLES), "reminders", "inbox")
"""The tables an erasure touches, vacuumed after it."""


def describe(url: str) -> str:
    """The database a URL names, for messages: never its password."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "the PostgreSQL database in GROWCOACH_DATABASE_URL"
    where = parts.get("host") or "localhost"
    return f"PostgreSQL database {parts.get('dbname') or '(default)'} on {where}"


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


NOT_YET = ("the database system is starting up", "the database system is shutting down")
"""The server's own answers that say: not now, but soon."""


def _cannot_use(url: str, error: psycopg.Error) -> StorageError:
    """Unreachable when no server answered (libpq's own message: refused, no such
    socket, a name not found, a timeout; a pool that could not connect), or one said it is
    not ready; otherwise the server refused us (a FATAL: no such database or role, a wrong
    password): a setting to fix."""
    line = _first_line(error)
    answered = "FATAL:" in line and not any(words in line for words in NOT_YET)
    if isinstance(error, psycopg.OperationalError) and not answered:
        return DatabaseUnreachable(f"cannot reach the {describe(url)}: {line}")
    return StorageError(f"cannot use the {describe(url)}: {line}")


async def _connect(url: str) -> Connection:
    return await AsyncConnection.connect(url, autocommit=True, row_factory=dict_row)


class PostgresDatabase:
    def __init__(self, pool: Pool, url: str, cipher: Cipher) -> None:
        self._pool = pool
        self._url = url
        self.cipher = cipher
        self._poller: Connection | None = None
        self.turns = TurnStore(pool, cipher)
        self.inbox = Inbox(pool, cipher)

    @classmethod
    async def open(
        cls, url: str, encryption_key: str | None = None, writes: bool = True
    ) -> PostgresDatabase:
        """Connect, migrate forward (unless only reading: an export), check the key; refuse
        a database newer than this code, in words an operator can act on."""
        try:
            cipher = Cipher(encryption_key)
        except EncryptionKeyError as error:
            raise StorageError(str(error)) from error
        try:
            async with await _connect(url) as connection:
                if writes:
                    await _migrate(connection, url)
                elif await _version(connection) != SCHEMA_VERSION:
                    raise StorageError(
                        f"{describe(url)} needs upgrading first: start `growcoach run` once"
                    )
                await _check_key(connection, cipher, store=writes)
        except psycopg.Error as error:
            raise _cannot_use(url, error) from error
        pool: Pool = AsyncConnectionPool(
            url,
            min_size=1,
            max_size=POOL_SIZE,
            configure=prepare,
            open=False,
            connection_class=AsyncConnection[DictRow],
            kwargs={"autocommit": True, "row_factory": dict_row},
        )
        try:
            await pool.open(wait=True)
        except psycopg.Error as error:  # the server went away since (PoolTimeout is one)
            await pool.close()
            raise _cannot_use(url, error) from error
        return cls(pool, url, cipher)

    async def close(self) -> None:
        if self._poller is not None:
            await self._poller.close()  # ends the poller's lock
        await self._pool.close()

    async def schema_version(self) -> int:
        async with self._pool.connection() as connection:
            return await _version(connection)

    async def pseudonym_key(self) -> bytes:
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT value FROM meta WHERE name = 'pseudonym_key'"
            )
            row = await cursor.fetchone()
        if row is None:
            raise StorageError("the database has no pseudonym key; it may be damaged")
        return bytes(row["value"])

    async def scrub(self) -> bool:
        """After an erasure: VACUUM the tables it touched, so the deleted rows' versions are
        removed from them and their indexes at once (not when autovacuum comes by). What
        PostgreSQL still holds elsewhere (the write-ahead log, backups) is in the README."""
        async with self._pool.connection() as connection:
            await connection.execute(f"VACUUM {', '.join(ERASED_FROM)}")
        return True

    async def serve_bot(self, bot: str, polling: bool) -> None:
        """Keep the bot's id (refusing another bot's); when `polling`, hold a session
        advisory lock on the bot for as long as this process runs, and refuse when another
        process holds it (it polls already, and Telegram allows one)."""
        async with self._pool.connection() as connection:
            await connection.execute(
                "INSERT INTO meta (name, value) VALUES ('telegram_bot', %s)"
                " ON CONFLICT DO NOTHING",
                (bot.encode(),),
            )
            cursor = await connection.execute("SELECT value FROM meta WHERE name = 'telegram_bot'")
            row = await cursor.fetchone()
        one_bot(bot, bytes(row["value"]).decode() if row else "")
        if polling:
            await self._poll_alone(bot)

    async def _poll_alone(self, bot: str) -> None:
        connection = await _connect(self._url)
        cursor = await connection.execute(
            "SELECT pg_try_advisory_lock(%s, %s) AS mine", (POLLER, lock_key(bot))
        )
        row = await cursor.fetchone()
        if row is None or not row["mine"]:
            await connection.close()
            raise StorageError(
                "another growcoach is already polling Telegram for this bot on this "
                "database; Telegram allows one poller. Stop it, or run several instances "
                "with webhooks (`growcoach run --webhook-url …`, see README)"
            )
        self._poller = connection

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self._pool)

    async def reseal(self, sealed: dict[str, Any]) -> int:
        """Every sealed value again with the first key (`sealed`: columns by table)."""
        count = 0
        async with self.unit_of_work() as uow:
            connection = uow.connection
            for table, names in sealed.items():
                cursor = await connection.execute(
                    "SELECT column_name FROM information_schema.columns"
                    " WHERE table_schema = current_schema() AND table_name = %s",
                    (table,),
                )
                columns = [row["column_name"] for row in await cursor.fetchall()
                           if row["column_name"] in names]  # fmt: skip
                for column in columns:
                    cursor = await connection.execute(
                        f'SELECT ctid::text AS at, "{column}" AS value FROM {table}'
                        f' WHERE "{column}" IS NOT NULL FOR UPDATE'
                    )
                    for row in await cursor.fetchall():
                        await connection.execute(
                            f'UPDATE {table} SET "{column}" = %s WHERE ctid = %s::tid',
                            (self.cipher.reseal(row["value"]), row["at"]),
                        )
                        count += 1
            await connection.execute(
                "UPDATE meta SET value = %s WHERE name = 'key_check'",
                (_bytes(self.cipher.seal("growcoach")),),
            )
            await uow.commit()
        return count


async def _version(connection: Connection) -> int:
    """The schema version; 0 for an empty database (nothing is written to find out)."""
    cursor = await connection.execute("SELECT to_regclass('growcoach_schema') IS NOT NULL AS made")
    made = await cursor.fetchone()
    if made is None or not made["made"]:
        return 0
    cursor = await connection.execute("SELECT version FROM growcoach_schema")
    row = await cursor.fetchone()
    return int(row["version"]) if row else 0


async def _migrate(connection: Connection, url: str) -> None:
    """Each migration in its own transaction with its version bump; instances starting
    together wait for each other (an advisory lock), so each migration runs once."""
    while True:
        await connection.execute("BEGIN")
        try:
            await connection.execute("SELECT pg_advisory_xact_lock(%s, %s)", MIGRATION_LOCK)
            await connection.execute(VERSION_TABLE)
            version = await _version(connection)
            if version > SCHEMA_VERSION:
                raise StorageError(
                    f"{describe(url)} was written by a newer growcoach (schema {version}; "
                    f"this version knows up to {SCHEMA_VERSION}). Upgrade growcoach to use it."
                )
            if version == SCHEMA_VERSION:
                await connection.execute("COMMIT")
                return
            await connection.execute(MIGRATIONS[version])
            await connection.execute("DELETE FROM growcoach_schema")
            await connection.execute(
                "INSERT INTO growcoach_schema (version) VALUES (%s)", (version + 1,)
            )
            await connection.execute("COMMIT")
        except BaseException:
            await connection.execute("ROLLBACK")
            raise
        logger.info("database migrated to schema %d", version + 1)


async def _check_key(connection: Connection, cipher: Cipher, store: bool) -> None:
    """A wrong or missing key is a clear error at start, never garbage later."""
    cursor = await connection.execute("SELECT value FROM meta WHERE name = 'key_check'")
    row = await cursor.fetchone()
    try:
        if row is not None:
            cipher.open(bytes(row["value"]).decode())
        elif cipher.enabled and store:
            await connection.execute(
                "INSERT INTO meta (name, value) VALUES ('key_check', %s) ON CONFLICT DO NOTHING",
                (_bytes(cipher.seal("growcoach")),),
            )
    except EncryptionKeyError as error:
        raise StorageError(str(error)) from error


def _bytes(text: str | None) -> bytes:
    return (text or "").encode()
