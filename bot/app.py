"""Wiring: the one place that knows every part. Adapters get a ready `App`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.conversations import Clock, Conversations
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine
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
    db_path: Path, clock: Clock = system_clock, default_tz: str = "Europe/London"
) -> AsyncIterator[App]:
    """Open (and migrate) the database and build the engine; close the database after."""
    catalogue = Catalogue.load()
    database = await Database.open(db_path)
    engine = Engine(catalogue, default_tz)
    try:
        yield App(catalogue, database, Conversations(database, engine, clock))
    finally:
        await database.close()
