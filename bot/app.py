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


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class App:
    catalogue: Catalogue
    database: Database
    conversations: Conversations


@asynccontextmanager
async def open_app(
    db_path: Path,
    clock: Clock = system_clock,
    settings: Settings | None = None,
    writes: bool = True,
) -> AsyncIterator[App]:
    """Open (and migrate) the database and build the engine; close the database after.
    `writes` False: only to read (an export), the database is left exactly as it was."""
    settings = settings or Settings(_env_file=None)
    catalogue = Catalogue.load()
    key = settings.encryption_key.get_secret_value() if settings.encryption_key else None
    database = await Database.open(db_path, key, writes)
    helplines = Helplines.load(settings.country, settings.helplines_file)
    engine = Engine(catalogue, settings.default_tz, helplines)
    try:
        yield App(catalogue, database, Conversations(database, engine, clock))
    finally:
        await database.close()
