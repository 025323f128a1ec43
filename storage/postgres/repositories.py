"""The reminder loop's SQL on PostgreSQL, and its unit of work: safe with several instances.

The same methods as `storage.repositories` and `storage.unit_of_work`. What is due is
selected `FOR UPDATE … SKIP LOCKED`, so instances claiming at once each take different
rows and none waits on another; the claim's key (person, kind, due time) still makes a
second claim of the same reminder impossible, whichever instance tries. Rows of `people`
are locked `FOR NO KEY UPDATE` (the FOR UPDATE that still lets other transactions add
rows that refer to the person), so a claim never holds up someone's own turn.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from types import TracebackType
from typing import Any

from psycopg import AsyncConnection
from psycopg.rows import DictRow
from psycopg_pool import AsyncConnectionPool

from dialogue_flows.records import Schedule
from storage.repositories import (
    OUTCOME_REMINDERS,
    SCHEDULE_COLUMNS,
    Claim,
    channel_range,
    schedule_row,
    upsert,
    utc_text,
    without,
)

Connection = AsyncConnection[DictRow]
Pool = AsyncConnectionPool[Connection]

ON_CHANNEL = "person_id >= %(low)s AND person_id < %(high)s"


def _channel(channel: str) -> dict[str, str]:
    low, high = channel_range(channel)
    return {"low": low, "high": high}


class PersonRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    async def mark_blocked(self, person_id: str, when: datetime) -> None:
        await self._connection.execute(
            "UPDATE people SET blocked_at = %s WHERE id = %s", (when.isoformat(), person_id)
        )


class ScheduleRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    async def save(self, schedule: Schedule) -> None:
        values = schedule_row(schedule)
        await self._connection.execute(
            upsert("schedules", SCHEDULE_COLUMNS, ("person_id",), "%s"),
            tuple(values[column] for column in SCHEDULE_COLUMNS),
        )

    async def due(self, now: datetime, limit: int, channel: str) -> list[tuple[Schedule, bool]]:
        """Schedules due by `now` that no other instance is claiming right now."""
        cursor = await self._connection.execute(
            "SELECT schedules.*, people.blocked_at IS NOT NULL AS blocked FROM schedules"
            " JOIN people ON people.id = schedules.person_id"
            f" WHERE next_due IS NOT NULL AND next_due <= %(now)s AND {ON_CHANNEL}"
            " ORDER BY next_due LIMIT %(limit)s FOR UPDATE OF schedules SKIP LOCKED",
            {"now": utc_text(now), "limit": limit, **_channel(channel)},
        )
        return [
            (Schedule.model_validate(without(row, "blocked")), bool(row["blocked"]))
            for row in await cursor.fetchall()
        ]


class ReminderRepository:
    """Rows of reminders claimed and sent; (person, kind, due time) makes a claim unique."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    async def claim(
        self,
        person_id: str,
        due_at: datetime,
        now: datetime,
        kind: str = "checkin",
        owner: str | None = None,
    ) -> Claim | None:
        """Claim a due reminder; None when it was claimed before (by any instance)."""
        due = utc_text(due_at)
        cursor = await self._connection.execute(
            "INSERT INTO reminders (person_id, kind, due_at, claimed_at, owner)"
            " VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
            (person_id, kind, due, utc_text(now), owner),
        )
        return Claim(person_id, due, kind) if cursor.rowcount == 1 else None

    async def due_followups(
        self, now: datetime, limit: int, channel: str, owner: str | None = None
    ) -> list[Claim]:
        """Claim the follow-ups due by `now` that no one has claimed yet."""
        return await self._claim_all(
            "SELECT id AS person_id, followup_due AS due FROM people"
            " WHERE followup_due IS NOT NULL AND followup_due <= %(now)s"
            " AND blocked_at IS NULL AND id >= %(low)s AND id < %(high)s"
            " AND NOT EXISTS (SELECT 1 FROM reminders WHERE person_id = people.id"
            " AND kind = 'followup' AND due_at = people.followup_due)"
            " ORDER BY followup_due LIMIT %(limit)s FOR NO KEY UPDATE OF people SKIP LOCKED",
            {"now": utc_text(now), "limit": limit, **_channel(channel)},
            now, "followup", owner,
        )  # fmt: skip

    async def due_outcomes(
        self, now: datetime, limit: int, channel: str, owner: str | None = None
    ) -> list[Claim]:
        """Claim the appointment summaries and measures due by `now`, each once."""
        claims = []
        for kind, (table, column) in OUTCOME_REMINDERS.items():
            claims += await self._claim_all(
                f"SELECT {table}.person_id, {column} AS due FROM {table} JOIN people"
                f" ON people.id = {table}.person_id WHERE {column} IS NOT NULL"
                f" AND {column} <= %(now)s AND blocked_at IS NULL AND {ON_CHANNEL}"
                " AND NOT EXISTS (SELECT 1 FROM reminders WHERE reminders.person_id ="
                f" {table}.person_id AND kind = %(kind)s AND due_at = {column})"
                f" ORDER BY {column} LIMIT %(limit)s FOR UPDATE OF {table} SKIP LOCKED",
                {"now": utc_text(now), "limit": limit, "kind": kind, **_channel(channel)},
                now, kind, owner,
            )  # fmt: skip
        return claims

    async def _claim_all(
        self, due: str, values: dict[str, Any], now: datetime, kind: str, owner: str | None
    ) -> list[Claim]:
        rows = await (await self._connection.execute(due, values)).fetchall()
        claims = []
        for row in rows:
            claim = await self.claim(
                row["person_id"], datetime.fromisoformat(row["due"]), now, kind, owner
            )
            if claim is not None:
                claims.append(claim)
        return claims

    async def reclaim(
        self, now: datetime, lease: timedelta, channel: str, owner: str | None, limit: int
    ) -> list[Claim]:
        """Claims to send now: those whose retry time has come, and those whose instance
        stopped before sending (a crash), once their lease has run out."""
        return await self._take_over(
            "(retry_at <= %(now)s OR (retry_at IS NULL AND claimed_at <= %(expired)s))",
            {"expired": utc_text(now - lease)}, now, channel, owner, limit,
        )  # fmt: skip

    async def resume(self, now: datetime, channel: str, owner: str, limit: int) -> list[Claim]:
        """`owner`'s own claims left in flight when it stopped: at once, no lease to wait."""
        return await self._take_over(
            "retry_at IS NULL AND owner = %(owner)s", {}, now, channel, owner, limit
        )

    async def _take_over(
        self,
        which: str,
        values: dict[str, Any],
        now: datetime,
        channel: str,
        owner: str | None,
        limit: int,
    ) -> list[Claim]:
        cursor = await self._connection.execute(
            "UPDATE reminders SET claimed_at = %(now)s, owner = %(owner)s, retry_at = NULL"
            " WHERE (person_id, kind, due_at) IN (SELECT person_id, kind, due_at FROM reminders"
            f" WHERE sent_at IS NULL AND {which} AND {ON_CHANNEL} LIMIT %(limit)s"
            " FOR UPDATE SKIP LOCKED) RETURNING person_id, due_at, kind, attempts",
            {"now": utc_text(now), "owner": owner, "limit": limit, **_channel(channel),
             **values},
        )  # fmt: skip
        return [Claim(row["person_id"], row["due_at"], row["kind"], row["attempts"])
                for row in await cursor.fetchall()]  # fmt: skip

    async def postpone(self, claim: Claim, retry_at: datetime) -> None:
        await self._connection.execute(
            "UPDATE reminders SET attempts = attempts + 1, retry_at = %s"
            " WHERE person_id = %s AND kind = %s AND due_at = %s",
            (utc_text(retry_at), claim.person_id, claim.kind, claim.due_at),
        )

    async def finish(self, claim: Claim, outcome: str, now: datetime) -> None:
        await self._connection.execute(
            "UPDATE reminders SET sent_at = %s, outcome = %s"
            " WHERE person_id = %s AND kind = %s AND due_at = %s",
            (utc_text(now), outcome, claim.person_id, claim.kind, claim.due_at),
        )


class UnitOfWork:
    """One transaction on a connection of the pool: rolled back unless `commit()` is called."""

    def __init__(self, pool: Pool) -> None:
        self._pool = pool
        self._connection: Connection | None = None
        self._committed = False

    @property
    def connection(self) -> Connection:
        if self._connection is None:
            raise RuntimeError("the unit of work has not begun")
        return self._connection

    @property
    def people(self) -> PersonRepository:
        return PersonRepository(self.connection)

    @property
    def schedules(self) -> ScheduleRepository:
        return ScheduleRepository(self.connection)

    @property
    def reminders(self) -> ReminderRepository:
        return ReminderRepository(self.connection)

    async def __aenter__(self) -> UnitOfWork:
        connection = await self._pool.getconn()
        try:
            await connection.execute("BEGIN")
        except BaseException:
            await self._pool.putconn(connection)
            raise
        self._connection = connection
        return self

    async def commit(self) -> None:
        await self.connection.execute("COMMIT")
        self._committed = True

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        connection = self.connection
        try:
            if not self._committed:
                await connection.execute("ROLLBACK")
        finally:
            self._connection = None
            await self._pool.putconn(connection)  # the pool discards a broken connection
