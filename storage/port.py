"""The storage port: all that the service asks of a database, as typed interfaces.

`bot/` depends on `Store`, never on a backend's classes; `bot.app.open_store` wires one:
SQLite (`storage.db.Database`, the default) or PostgreSQL
(`storage.postgres.db.PostgresDatabase`, with GROWCOACH_DATABASE_URL). Backups and key
rotation work on each backend's own terms (`storage.backups`, `bot.cli`) and stay outside
the port.

- a turn: `turns.begin(person, update)` holds the person from reading to writing (on
  PostgreSQL a transaction with a lock on the person, so that several instances never
  interleave their turns); in it `load` their records, check the update was not
  `handled` already (delivered twice), then `save` the turn's changes, or `erase` the person (then
  `scrub`, after the turn, so nothing lingers on disk). `turns.load/save/erase` alone
  are each a turn of their own (for exports, tests and maintenance);
- the reminder loop: `unit_of_work()`, one short transaction to claim a few due
  reminders (or settle them) at a time;
- delivery: `inbox`, so that nothing received is lost before it is handled (and what an
  instance that died had kept is `adopt`ed by another); `serve_bot` at start;
- exports: `turns.load` again, and `pseudonym_key` for the export's pseudonym.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime, timedelta
from types import TracebackType
from typing import Protocol, Self

from dialogue_flows.records import Schedule
from storage.repositories import Claim
from storage.turns import Changes, Stored


class HeldTurn(Protocol):
    async def load(self) -> Stored: ...

    async def handled(self) -> bool: ...

    async def save(self, changes: Changes, before: Stored) -> None: ...

    async def erase(self) -> None: ...


class Turns(Protocol):
    async def load(self, person_id: str) -> Stored: ...

    def begin(
        self, person_id: str, update_id: int | None = None
    ) -> AbstractAsyncContextManager[HeldTurn]: ...

    async def save(self, changes: Changes, before: Stored) -> None: ...

    async def erase(self, person_id: str) -> None: ...


class Inbox(Protocol):
    async def receive(
        self,
        updates: Sequence[tuple[int, str]],
        now: datetime,
        senders: Mapping[int, str] | None = None,
    ) -> set[int]: ...

    async def before(self, update_id: int, person_id: str) -> list[tuple[int, str]]: ...

    async def set_aside(self, update_id: int, now: datetime) -> None: ...

    async def done(self, update_id: int, now: datetime) -> None: ...

    async def waiting(self) -> list[str]: ...

    async def adopt(self, now: datetime, lease: timedelta, limit: int) -> list[str]: ...

    async def forget(self, now: datetime) -> None: ...


class People(Protocol):
    async def mark_blocked(self, person_id: str, when: datetime) -> None: ...


class Schedules(Protocol):
    async def save(self, schedule: Schedule) -> None: ...

    async def due(
        self, now: datetime, limit: int, channel: str
    ) -> list[tuple[Schedule, bool]]: ...


class Reminders(Protocol):
    async def claim(
        self,
        person_id: str,
        due_at: datetime,
        now: datetime,
        kind: str = "checkin",
        owner: str | None = None,
    ) -> Claim | None: ...

    async def due_followups(
        self, now: datetime, limit: int, channel: str, owner: str | None = None
    ) -> list[Claim]: ...

    async def due_outcomes(
        self, now: datetime, limit: int, channel: str, owner: str | None = None
    ) -> list[Claim]: ...

    async def reclaim(
        self, now: datetime, lease: timedelta, channel: str, owner: str | None, limit: int
    ) -> list[Claim]: ...

    async def resume(self, now: datetime, channel: str, owner: str, limit: int) -> list[Claim]: ...

    async def postpone(self, claim: Claim, retry_at: datetime) -> None: ...

    async def finish(self, claim: Claim, outcome: str, now: datetime) -> None: ...


class Work(Protocol):
    """One transaction: rolled back on leaving unless `commit()` was called."""

    @property
    def people(self) -> People: ...

    @property
    def schedules(self) -> Schedules: ...

    @property
    def reminders(self) -> Reminders: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...


class Store(Protocol):
    @property
    def turns(self) -> Turns: ...

    @property
    def inbox(self) -> Inbox: ...

    def unit_of_work(self) -> Work: ...

    async def pseudonym_key(self) -> bytes: ...

    async def scrub(self) -> bool: ...

    async def serve_bot(self, bot: str, polling: bool) -> None:
        """Keep the database to one Telegram bot (update ids, the inbox's key, are per bot):
        refuse (StorageError) another bot's id; when `polling`, refuse too while another
        process polls for `bot` (Telegram allows one)."""

    async def close(self) -> None: ...
