"""Opening the SQLite file: pragmas, forward migrations, and one transaction at a time.

One aiosqlite connection in autocommit mode with explicit `BEGIN IMMEDIATE`, so a
transaction is exactly what the code says it is. Turns of different people share the
connection; a lock hands it to one statement of a turn, or one unit of work, at a time.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import sqlite3
from pathlib import Path

import aiosqlite

from storage.encryption import Cipher, EncryptionKeyError
from storage.inbox import Inbox
from storage.migrations import MIGRATIONS, SCHEMA_VERSION
from storage.turns import TurnStore
from storage.unit_of_work import UnitOfWork

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
SCRUB_RETRY = (0.05, 5.0)
"""Seconds before the first retry of an unfinished erasure, and the most between two."""

PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",  # in WAL mode: durable across crashes of the process
    "PRAGMA foreign_keys = ON",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA secure_delete = ON",  # deleted words are overwritten, not left in free pages
)


class StorageError(Exception):
    """The database cannot be used; the message says why in words an operator can act on."""


class DatabaseUnreachable(StorageError):
    """The database server did not answer (not running yet, a wrong host or port, the
    network): unlike a setting to fix, it may work when tried again."""


DISK_FULL = "the disk is full: free some space and try again"
READ_ONLY = (
    "it is read-only for growcoach: let the user growcoach runs as write to the folder "
    "and the file (and the -wal and -shm files beside it), for example with `chown` or "
    "`chmod u+w`, or choose a path on a writable disk"
)
READ_ONLY_DISK = (
    "the disk is mounted read-only: mount it read-write, or choose a path on a writable disk"
)
DAMAGED = (
    "it is damaged, or not a growcoach database: restore the latest backup with "
    "`growcoach restore --from FILE`"
)
CAUSES = (
    # (SQLite's error names starting with, what it means for the operator and the fix)
    (("SQLITE_FULL",), DISK_FULL),
    (("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH"), READ_ONLY),
    (("SQLITE_CANTOPEN",), "cannot open it: check that the folder exists and that "
     "growcoach may read and write there"),
    (("SQLITE_CORRUPT", "SQLITE_NOTADB"), DAMAGED),
    (("SQLITE_IOERR",), "the disk reported an error: check the disk and free space"),
)  # fmt: skip
OS_CAUSES = {
    errno.ENOSPC: DISK_FULL, errno.EFBIG: DISK_FULL, errno.EDQUOT: DISK_FULL,
    errno.EACCES: READ_ONLY, errno.EPERM: READ_ONLY, errno.EROFS: READ_ONLY_DISK,
    errno.ENOENT: "the folder does not exist: create it, or give another path",
}  # fmt: skip


def explain(path: Path, error: BaseException) -> str:
    """What went wrong with `path`, in words an operator can act on: the real cause
    (a full disk, a folder growcoach may not write to, a damaged file) and the fix."""
    if isinstance(error, sqlite3.Error):
        name = error.sqlite_errorname or ""
        cause = next((text for names, text in CAUSES if name.startswith(names)), None)
        return f"{path}: {cause or 'SQLite failed'} ({error})"
    if isinstance(error, OSError):
        cause = OS_CAUSES.get(error.errno or 0, error.strerror or type(error).__name__)
        return f"{path}: {cause}"
    return f"{path}: {type(error).__name__}"


def create_private(path: Path) -> None:
    """An empty file only its owner may read (0600), unless it exists already."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


def write_private(path: Path, content: bytes, renumber: bool = True) -> Path:
    """Write a new file (an export) that only its owner may read (0600), never over an
    existing one: with `renumber`, the next free `name-2.ext`, `name-3.ext` …; without,
    FileExistsError. A write that fails (a full disk) leaves nothing. Returns the path."""
    base, dot, extension = path.name.partition(".")
    candidate, number = path, 1
    while True:
        try:
            descriptor = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            if not renumber:
                raise
            number += 1
            candidate = path.with_name(f"{base}-{number}{dot}{extension}")
            continue
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(content)
        except BaseException:
            candidate.unlink(missing_ok=True)
            raise
        return candidate


def _prepare_folder(path: Path) -> None:
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a database file")
    path.parent.mkdir(parents=True, exist_ok=True)
    create_private(path)  # SQLite gives its -wal and -shm files the same mode


def one_bot(bot: str, kept: str) -> None:
    """Refuse a second bot: its update ids would be taken for the first bot's, and lost."""
    if kept != bot:
        raise StorageError(
            f"this database belongs to another Telegram bot (id {kept}), not to the bot of "
            f"TELEGRAM_BOT_TOKEN (id {bot}): give each bot a database of its own"
        )


class Database:
    def __init__(self, connection: aiosqlite.Connection, path: Path, cipher: Cipher) -> None:
        self.connection = connection
        self.path = path
        self.cipher = cipher
        self._lock = asyncio.Lock()
        self._scrubbing: asyncio.Task[None] | None = None
        self.turns = TurnStore(connection, self._lock, cipher)
        self.inbox = Inbox(connection, self._lock, cipher)

    @classmethod
    async def open(
        cls, path: Path, encryption_key: str | None = None, writes: bool = True
    ) -> Database:
        """Connect, check, set the pragmas and migrate forward; refuse what is not ours to
        change. With `writes` False (an export) nothing is written: no migration, no key
        check stored, no checkpoint."""
        try:
            await asyncio.to_thread(_prepare_folder, path)
            connection = await aiosqlite.connect(path, isolation_level=None)
            connection.row_factory = aiosqlite.Row
        except (OSError, sqlite3.Error) as error:
            raise StorageError(f"cannot open the database {explain(path, error)}") from error
        try:
            cipher = Cipher(encryption_key)
        except EncryptionKeyError as error:
            await connection.close()
            raise StorageError(str(error)) from error
        database = cls(connection, path, cipher)
        try:
            for pragma in PRAGMAS:
                await connection.execute(pragma)
            await database._quick_check()
            if writes:
                await database._migrate()
            elif await database.schema_version() != SCHEMA_VERSION:
                raise StorageError(
                    f"{path} needs upgrading first: start `growcoach run` (or `chat`) once"
                )
            await database._check_key(store=writes)
            if writes:
                await database.scrub()  # an erasure a crash left unfinished ends here
        except sqlite3.Error as error:
            await connection.close()
            raise StorageError(f"cannot use the database {explain(path, error)}") from error
        except StorageError:
            await connection.close()
            raise
        return database

    async def close(self) -> None:
        if self._scrubbing is not None:
            self._scrubbing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._scrubbing
            await self._checkpoint()  # a last try; the next start tries again
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

    async def _quick_check(self) -> None:
        """A damaged page is found at start, not halfway through someone's turn."""
        rows = await self.connection.execute_fetchall("PRAGMA quick_check")
        problems = " ".join(str(row[0]) for row in rows).split()
        if problems != ["ok"]:
            raise StorageError(
                f"{self.path} is damaged ({' '.join(problems[:12])}): restore the latest "
                "backup with `growcoach restore --from FILE`"
            )

    async def _check_key(self, store: bool = True) -> None:
        """A wrong or missing key is a clear error at start, never garbage later."""
        async with self.connection.execute(
            "SELECT value FROM meta WHERE name = 'key_check'"
        ) as cursor:
            row = await cursor.fetchone()
        try:
            if row is not None:
                self.cipher.open(str(row[0]))
            elif self.cipher.enabled and store:
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

    async def scrub(self) -> bool:
        """Empty the write-ahead log into the file and truncate it, after a deletion, so
        that no copy of deleted words stays in the WAL. True when done.

        While another connection (an operator's `sqlite3`, a backup) holds a read
        transaction, the WAL cannot be emptied: then False, and it is retried in the
        background, with backoff, until it is done (`scrubbed`). A crash before that is
        covered too: every start empties the WAL.
        """
        if await self._checkpoint():
            return True
        if self._scrubbing is None or self._scrubbing.done():
            self._scrubbing = asyncio.create_task(self._scrub_until_done())
        return False

    async def scrubbed(self) -> None:
        """Wait until an unfinished erasure is done."""
        if self._scrubbing is not None:
            await self._scrubbing

    async def _scrub_until_done(self) -> None:
        delay, longest = SCRUB_RETRY
        while not await self._checkpoint():
            await asyncio.sleep(delay)
            delay = min(delay * 2, longest)
        logger.info("an erasure waiting for a reader is now complete")

    async def _checkpoint(self) -> bool:
        """One truncating checkpoint that never waits on readers; True if the WAL is empty.

        SQLite reports a checkpoint it could not finish in its result row (busy = 1),
        not as an error: that flag is what says whether erasure is done.
        """
        async with self._lock:
            await self.connection.execute("PRAGMA busy_timeout = 0")
            try:
                rows = await self.connection.execute_fetchall("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                await self.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        busy = int(next(iter(rows))[0])
        return busy == 0

    async def serve_bot(self, bot: str, polling: bool) -> None:
        """The bot's id is kept on first start, and another bot's refused. A SQLite file
        serves one process, so there is no second poller to look for (Telegram itself
        answers one with 409 Conflict)."""
        async with self.unit_of_work() as work:
            await self.connection.execute(
                "INSERT INTO meta (name, value) VALUES ('telegram_bot', ?) ON CONFLICT DO NOTHING",
                (bot,),
            )
            rows = await self.connection.execute_fetchall(
                "SELECT value FROM meta WHERE name = 'telegram_bot'"
            )
            await work.commit()
        one_bot(bot, str(next(iter(rows))[0]))

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self.connection, self._lock)
