"""Backups and restores of the SQLite file, and resealing answers with a new key.

`backup` uses SQLite's online backup API, so the copy is consistent even while the
bot is writing. `restore` checks the copy first (integrity, schema version, and that
the configured key opens it) and only then replaces the database, atomically.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from storage.db import Database, StorageError
from storage.migrations import SCHEMA_VERSION
from storage.repositories import SEALED

TABLES = ("people", "goals", "steps", "checkins")


class BackupError(Exception):
    """A backup or restore that cannot be done safely; the message says why."""


def _copy(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
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


async def backup(db: Path, out: Path, key: str | None) -> None:
    if not await asyncio.to_thread(db.is_file):
        raise BackupError(f"there is no database at {db}")
    if await asyncio.to_thread(out.exists):
        raise BackupError(f"{out} exists already; choose a new name")
    await asyncio.to_thread(_copy, db, out)
    await asyncio.to_thread(_check, out)


async def restore(source: Path, db: Path, key: str | None) -> None:
    """Check `source`, then put a copy of it in place of `db` in one rename."""
    if not await asyncio.to_thread(source.is_file):
        raise BackupError(f"there is no backup at {source}")
    await asyncio.to_thread(_check, source)
    with tempfile.TemporaryDirectory(dir=db.parent if db.parent.exists() else None) as folder:
        trial = Path(folder) / "restore.db"
        await asyncio.to_thread(_copy, source, trial)
        try:  # the key must open it, and it migrates forward here, not in production
            database = await Database.open(trial, key)
            await database.close()
        except StorageError as error:
            raise BackupError(f"{source} cannot be used: {error}") from error
        staged = db.with_name(db.name + ".restoring")
        await asyncio.to_thread(shutil.copyfile, trial, staged)
    for leftover in (Path(f"{db}-wal"), Path(f"{db}-shm")):
        await asyncio.to_thread(leftover.unlink, missing_ok=True)
    await asyncio.to_thread(os.replace, staged, db)


async def reseal(database: Database) -> int:
    """Every sealed value again with the first key (or sealed for the first time)."""
    count = 0
    async with database.unit_of_work() as uow:
        connection = uow.connection
        for table in TABLES:
            async with connection.execute(f"PRAGMA table_info({table})") as cursor:
                columns = [row[1] for row in await cursor.fetchall() if row[1] in SEALED]
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
