"""Wiring: the one place that knows every part. Adapters get a ready `App`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.conversations import Clock, Conversations
from bot.settings import Settings
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine
from dialogue_flows.helplines import Helplines
from storage.db import Database
from storage.port import Store


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class App:
    catalogue: Catalogue
    database: Store
    conversations: Conversations


async def open_store(db: Path | str, key: str | None = None, writes: bool = True) -> Store:
    """A SQLite file, or a PostgreSQL URL: its driver is imported only then (start-up
    time, and nothing of PostgreSQL where it is not used)."""
    if isinstance(db, str):
        from storage.postgres.db import PostgresDatabase

        return await PostgresDatabase.open(db, key, writes)
    return await Database.open(db, key, writes)


@asynccontextmanager
async def open_app(
    db: Path | str,
    clock: Clock = system_clock,
    settings: Settings | None = None,
    writes: bool = True,
) -> AsyncIterator[App]:
    """Open (and migrate) the database (a SQLite file, or a PostgreSQL URL) and build the
    engine; close the database after. `writes` False: only to read (an export), the
    database is left exactly as it was."""
    settings = settings or Settings(_env_file=None)
    catalogue = Catalogue.load()
    key = settings.encryption_key.get_secret_value() if settings.encryption_key else None
    database = await open_store(db, key, writes)
    helplines = Helplines.load(settings.country, settings.helplines_file)
    engine = Engine(catalogue, settings.default_tz, helplines)
    try:
        yield App(catalogue, database, Conversations(database, engine, clock))
    finally:
        await database.close()
