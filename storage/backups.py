"""Backups and restores of the SQLite file, and resealing answers with a new key.

`backup` uses SQLite's online backup API, so the copy is consistent even while the
bot is writing. `restore` checks the copy first (integrity, schema version, and that
the configured key opens it) and only then replaces the database, atomically. Both
write a temporary file (0600, readable by its owner only) beside the target and
rename it into place once it is whole, so a full disk or a killed process never
leaves a partial file; every failure is a `BackupError` naming its cause.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from storage.db import Database, StorageError, create_private, explain
from storage.migrations import SCHEMA_VERSION
from storage.repositories import SEALED
from storage.turns import TABLES

SEALED_COLUMNS = {
    **dict.fromkeys((table for table, *_ in TABLES), SEALED),  # each table's that it has
    "inbox": {"payload"},  # updates waiting to be handled (storage/inbox.py)
}


class BackupError(Exception):
    """A backup or restore that cannot be done safely; the message says why."""


def _copy(source: Path, target: Path) -> None:
    """A consistent copy in one file: a copy left in WAL mode would leave its -wal and
    -shm files behind when it is renamed into place (the next start turns WAL on again)."""
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
    origin.close()
    copy.close()


def _check(path: Path) -> None:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as reader:
            verdict = reader.execute("PRAGMA integrity_check").fetchone()
            version = reader.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in reader.execute("SELECT name FROM sqlite_master")}
        reader.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a usable database ({error})") from error
    if verdict != ("ok",):
        raise BackupError(f"{path} failed its integrity check: {verdict[0]}")
    if not 1 <= version <= SCHEMA_VERSION or "people" not in tables:
        raise BackupError(f"{path} is not a growcoach database this version can use")


def _whole(
    target: Path, make: Callable[[Path], None], ready: Callable[[], None] | None = None
) -> None:
    """`make` a file beside `target`, then (after `ready`) put it in place in one rename;
    on any failure nothing is left behind, and the error names its cause."""
    if not target.parent.is_dir():
        raise BackupError(f"the folder {target.parent} does not exist: create it first")
    try:
        descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except OSError as error:
        raise BackupError(f"cannot write {explain(target, error)}") from error
    os.close(descriptor)
    temporary = Path(name)
    try:
        make(temporary)
        if ready is not None:
            ready()
        os.replace(temporary, target)
    except BackupError:
        raise
    except (OSError, sqlite3.Error) as error:
        raise BackupError(f"cannot write {explain(target, error)}") from error
    finally:
        temporary.unlink(missing_ok=True)


def _backup(db: Path, out: Path) -> None:
    def make(temporary: Path) -> None:
        _copy(db, temporary)
        _check(temporary)

    _whole(out, make)


async def backup(db: Path, out: Path, key: str | None) -> None:
    if not await asyncio.to_thread(db.is_file):
        raise BackupError(f"there is no database at {db}")
    if await asyncio.to_thread(out.exists):
        raise BackupError(f"{out} exists already; choose a new name")
    await asyncio.to_thread(_backup, db, out)


async def restore(source: Path, db: Path, key: str | None) -> None:
    """Check `source`, then put a copy of it in place of `db` in one rename."""
    if not await asyncio.to_thread(source.is_file):
        raise BackupError(f"there is no backup at {source}")
    await asyncio.to_thread(_check, source)
    try:
        folder = await asyncio.to_thread(tempfile.mkdtemp, dir=db.parent)
    except OSError as error:
        raise BackupError(f"cannot restore to {explain(db, error)}") from error
    try:
        trial = Path(folder) / "restore.db"
        await asyncio.to_thread(create_private, trial)
        try:
            await asyncio.to_thread(_copy, source, trial)
        except (OSError, sqlite3.Error) as error:
            raise BackupError(f"cannot restore to {explain(db, error)}") from error
        try:  # the key must open it, and it migrates forward here, not in production
            database = await Database.open(trial, key)
            await database.close()
        except StorageError as error:
            raise BackupError(f"{source} cannot be used: {error}") from error

        def stage(staged: Path) -> None:
            shutil.copyfile(trial, staged)

        def forget_old_log() -> None:  # the old file's WAL must not meet the new file
            for leftover in (Path(f"{db}-wal"), Path(f"{db}-shm")):
                leftover.unlink(missing_ok=True)

        await asyncio.to_thread(_whole, db, stage, forget_old_log)
    finally:
        await asyncio.to_thread(shutil.rmtree, folder, True)


async def reseal(database: Database) -> int:
    """Every sealed value again with the first key (or sealed for the first time)."""
    count = 0
    async with database.unit_of_work() as uow:
        connection = uow.connection
        for table, sealed in SEALED_COLUMNS.items():
            async with connection.execute(f"PRAGMA table_info({table})") as cursor:
                columns = [row[1] for row in await cursor.fetchall() if row[1] in sealed]
            for column in columns:
                async with connection.execute(
                    f'SELECT rowid, "{column}" FROM {table} WHERE "{column}" IS NOT NULL'
                ) as cursor:
                    rows = await cursor.fetchall()
                for rowid, value in rows:
                    await connection.execute(
                        f'UPDATE {table} SET "{column}" = ? WHERE rowid = ?',
                        (database.cipher.reseal(value), rowid),
                    )
                    count += 1
        await connection.execute(
            "UPDATE meta SET value = ? WHERE name = 'key_check'",
            (database.cipher.seal("growcoach"),),
        )
        await uow.commit()
    return count
