"""Opening the SQLite file: pragmas, forward migrations, and one transaction at a time.

One aiosqlite connection in autocommit mode with explicit `BEGIN IMMEDIATE`, so a
transaction is exactly what the code says it is. Turns of different people share the
connection; a lock hands it to one statement of a turn, or one unit of work, at a time.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path

import aiosqlite

from storage.encryption import Cipher, EncryptionKeyError
from storage.migrations import MIGRATIONS, SCHEMA_VERSION
from storage.turns import WRITE_TRIGGER, TurnStore
from storage.unit_of_work import UnitOfWork

logger = logging.getLogger(__name__)

PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",  # in WAL mode: durable across crashes of the process
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 5000",
    "PRAGMA secure_delete = ON",  # deleted words are overwritten, not left in free pages
)


class StorageError(Exception):
    """The database cannot be used; the message says why in words an operator can act on."""


def _prepare_folder(path: Path) -> None:
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a database file")
    path.parent.mkdir(parents=True, exist_ok=True)


class Database:
    def __init__(self, connection: aiosqlite.Connection, path: Path, cipher: Cipher) -> None:
        self.connection = connection
        self.path = path
        self.cipher = cipher
        self._lock = asyncio.Lock()
        self.turns = TurnStore(connection, self._lock, cipher)

    @classmethod
    async def open(cls, path: Path, encryption_key: str | None = None) -> Database:
        """Connect, set the pragmas and migrate forward; refuse what is not ours to change."""
        try:
            await asyncio.to_thread(_prepare_folder, path)
            connection = await aiosqlite.connect(path, isolation_level=None)
            connection.row_factory = aiosqlite.Row
        except (OSError, sqlite3.Error) as error:
            raise StorageError(f"cannot open the database {path}: {error}") from error
        try:
            cipher = Cipher(encryption_key)
        except EncryptionKeyError as error:
            await connection.close()
            raise StorageError(str(error)) from error
        database = cls(connection, path, cipher)
        try:
            for pragma in PRAGMAS:
                await connection.execute(pragma)
            await database._migrate()
            await database._check_key()
            await connection.executescript(WRITE_TRIGGER)
        except sqlite3.DatabaseError as error:
            await connection.close()
            raise StorageError(
                f"{path} is not a growcoach database, or it is damaged ({error})"
            ) from error
        except StorageError:
            await connection.close()
            raise
        return database

    async def close(self) -> None:
        await self.connection.close()

    async def schema_version(self) -> int:
        async with self.connection.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def _migrate(self) -> None:
        version = await self.schema_version()
        if version > SCHEMA_VERSION:
            raise StorageError(
                f"{self.path} was written by a newer growcoach (schema {version}; this "
                f"version knows up to {SCHEMA_VERSION}). Upgrade growcoach to use it."
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            try:
                await self.connection.executescript(
                    f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;"
                )
            except sqlite3.Error:
                if self.connection.in_transaction:
                    await self.connection.execute("ROLLBACK")
                raise
            logger.info("database migrated to schema %d", number)

    async def _check_key(self) -> None:
        """A wrong or missing key is a clear error at start, never garbage later."""
        async with self.connection.execute(
            "SELECT value FROM meta WHERE name = 'key_check'"
        ) as cursor:
            row = await cursor.fetchone()
        try:
            if row is not None:
                self.cipher.open(str(row[0]))
            elif self.cipher.enabled:
                await self.connection.execute(
                    "INSERT INTO meta (name, value) VALUES ('key_check', ?)",
                    (self.cipher.seal("growcoach"),),
                )
        except EncryptionKeyError as error:
            raise StorageError(str(error)) from error

    async def pseudonym_key(self) -> bytes:
        async with self.connection.execute(
            "SELECT value FROM meta WHERE name = 'pseudonym_key'"
        ) as cursor:
            row = await cursor.fetchone()
        if row is None:
            raise StorageError(f"{self.path} has no pseudonym key; it may be damaged")
        return bytes(row[0])

    async def scrub(self) -> None:
        """Empty the write-ahead log into the file and truncate it, after a deletion, so
        that no copy of deleted words stays in the WAL."""
        async with self._lock:
            await self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self.connection, self._lock)
