"""Repositories: records in, rows out, and back. The only place that writes SQL for them.

Records are saved whole (upserts), because the engine returns whole changed records;
the unit of work around them decides when it all becomes permanent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import aiosqlite

from dialogue_flows.outcome_records import (
    Appointment,
    GasRating,
    GasScale,
    MeasurePlan,
    MeasureResponse,
)
from dialogue_flows.records import CheckIn, Goal, Person, PersonId, Schedule, Step, sealed_fields
from storage.encryption import Cipher

GOAL_COLUMNS = (
    "person_id",
    "number",
    "area",
    "area_own_words",
    "text",
    "first_words",
    "why",
    "reality_now",
    "reality_works",
    "strengths",
    "obstacles",
    "reality_correction",
    "options",
    "helpers",
    "chosen_option",
    "status",
    "created_at",
    "updated_at",
)
STEP_COLUMNS = (
    "person_id",
    "goal_number",
    "number",
    "text",
    "when",
    "obstacles",
    "confidence",
    "confidence_reason",
    "earlier_texts",
    "status",
    "created_at",
)
CHECKIN_COLUMNS = (
    "person_id",
    "goal_number",
    "number",
    "step_number",
    "at",
    "outcome",
    "said",
    "reflection",
    "in_the_way",
    "progress",
    "next_move",
    "reminded",
)
SCHEDULE_COLUMNS = ("person_id", "weekday", "hour", "minute", "timezone", "paused", "next_due")
GAS_SCALE_COLUMNS = ("person_id", "goal_number", "levels", "importance", "updated_at")
GAS_RATING_COLUMNS = ("person_id", "goal_number", "number", "at", "level", "checkin_number")
MEASURE_COLUMNS = ("person_id", "number", "measure", "language", "at", "answers", "score")
MEASURE_PLAN_COLUMNS = ("person_id", "every_days", "next_due")
APPOINTMENT_COLUMNS = ("person_id", "number", "at", "words", "created_at", "eve_due", "agenda",
                       "summary_at")  # fmt: skip
_JSON_COLUMNS = {"options", "earlier_texts", "conversation", "safety_plan", "levels", "answers"}
PERSON_COLUMNS = ("id", "name", "language", "consented_at", "created_at", "blocked_at",
                   "timezone", "region", "safety_plan", "conversation",
                   "followup_due")  # fmt: skip
_TABLE_RECORDS = (
    (Person, PERSON_COLUMNS), (Goal, GOAL_COLUMNS), (Step, STEP_COLUMNS),
    (CheckIn, CHECKIN_COLUMNS), (Schedule, SCHEDULE_COLUMNS),
    (GasScale, GAS_SCALE_COLUMNS), (GasRating, GAS_RATING_COLUMNS),
    (MeasureResponse, MEASURE_COLUMNS), (MeasurePlan, MEASURE_PLAN_COLUMNS),
    (Appointment, APPOINTMENT_COLUMNS),
)  # fmt: skip
SEALED = frozenset().union(
    *(sealed_fields(record) & set(columns) for record, columns in _TABLE_RECORDS)
)
"""Columns holding the person's words, encrypted at rest when a key is set: derived from
the records' types (`dialogue_flows.records.sealed_fields`), never listed by hand."""


def utc_text(moment: datetime) -> str:
    """Times are stored as UTC text of one shape, so that SQL can compare them as text."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def upsert(
    table: str, columns: tuple[str, ...], key: tuple[str, ...], mark: str = "?", rows: int = 1
) -> str:
    """Insert rows, or update each where its key exists; `mark` is the driver's placeholder."""
    quoted = [f'"{column}"' for column in columns]
    updates = ", ".join(
        f"{q} = excluded.{q}" for c, q in zip(columns, quoted, strict=True) if c not in key
    )
    values = ", ".join([f"({', '.join([mark] * len(columns))})"] * rows)
    return (
        f"INSERT INTO {table} ({', '.join(quoted)}) VALUES {values} "
        f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}"
    )


def without(values: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {key: value for key, value in values.items() if key not in keys}


def row_values(
    record: dict[str, Any],
    columns: tuple[str, ...],
    cipher: Cipher,
    sealed: frozenset[str] = SEALED,
) -> tuple[Any, ...]:
    values = []
    for column in columns:
        value = record[column]
        if column in _JSON_COLUMNS and value is not None:
            value = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        values.append(cipher.seal(value) if column in sealed else value)
    return tuple(values)


def opened(row: dict[str, Any], cipher: Cipher, sealed: frozenset[str] = SEALED) -> dict[str, Any]:
    """A row's values as the records hold them: words unsealed, JSON columns parsed."""
    found = {}
    for key, value in row.items():
        opened = cipher.open(value) if key in sealed else value
        found[key] = json.loads(opened) if key in _JSON_COLUMNS and opened else opened
    return found


class PersonRepository:
    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection

    async def mark_blocked(self, person_id: str, when: datetime) -> None:
        """Telegram refused to deliver to them: they blocked the bot."""
        await self._connection.execute(
            "UPDATE people SET blocked_at = ? WHERE id = ?", (when.isoformat(), person_id)
        )


def schedule_row(schedule: Schedule) -> dict[str, Any]:
    """next_due as UTC text, so that the due query can compare it as text."""
    values = schedule.model_dump()
    values["next_due"] = utc_text(schedule.next_due) if schedule.next_due else None
    return values


ON_CHANNEL = "person_id >= ? AND person_id < ?"


def channel_range(channel: str) -> tuple[str, str]:
    """The ids on `channel` (such as "telegram"), as a range an index serves."""
    prefix = PersonId.prefix(channel)
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


class ScheduleRepository:
    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection

    async def save(self, schedule: Schedule) -> None:
        values = schedule_row(schedule)
        await self._connection.execute(
            upsert("schedules", SCHEDULE_COLUMNS, ("person_id",)),
            tuple(values[column] for column in SCHEDULE_COLUMNS),
        )

    async def delete(self, person_id: str) -> None:
        await self._connection.execute("DELETE FROM schedules WHERE person_id = ?", (person_id,))

    async def due(self, now: datetime, limit: int, channel: str) -> list[tuple[Schedule, bool]]:
        """Schedules of people on `channel` (an id prefix), due by `now`,
        oldest first, each with whether the person blocked us. The partial index on
        next_due serves it."""
        async with self._connection.execute(
            "SELECT schedules.*, people.blocked_at IS NOT NULL AS blocked FROM schedules"
            " JOIN people ON people.id = schedules.person_id"
            f" WHERE next_due IS NOT NULL AND next_due <= ? AND {ON_CHANNEL}"
            " ORDER BY next_due LIMIT ?",
            (utc_text(now), *channel_range(channel), limit),
        ) as cursor:
            rows = await cursor.fetchall()
        return [
            (Schedule.model_validate(without(dict(row), "blocked")), bool(row["blocked"]))
            for row in rows
        ]


@dataclass(frozen=True)
class Claim:
    """One reminder this loop has claimed and must now send: who, which kind, which due time.

    `kind` is "checkin" (the weekly check-in), "followup" (the day after a crisis),
    "appointment" (the summary the day before) or "measure" (at the person's rhythm).
    """

    person_id: str
    due_at: str
    kind: str = "checkin"
    attempts: int = 0
    """Sends of it that failed so far."""


OUTCOME_REMINDERS = {
    "appointment": ("appointments", "eve_due"),
    "measure": ("measure_plans", "next_due"),
}
"""Reminder kinds of the outcomes: the table and due column each is claimed from."""


class ReminderRepository:
    """Rows of reminders claimed and sent; (person, kind, due time) makes a claim unique."""

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection

    async def claim(
        self,
        person_id: str,
        due_at: datetime,
        now: datetime,
        kind: str = "checkin",
        owner: str | None = None,
    ) -> Claim | None:
        """Claim a due reminder; None when it was claimed before (by any loop)."""
        due = utc_text(due_at)
        cursor = await self._connection.execute(
            "INSERT INTO reminders (person_id, kind, due_at, claimed_at, owner)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (person_id, kind, due, utc_text(now), owner),
        )  # fmt: skip
        return Claim(person_id, due, kind) if cursor.rowcount == 1 else None

    async def due_followups(
        self, now: datetime, limit: int, channel: str, owner: str | None = None
    ) -> list[Claim]:
        """Claim the follow-ups due by `now` that no loop has claimed yet.

        The person's row is not changed here (their own turn may be saving it): the
        claim's key stops a second claim, and the turn that sends it clears the due time.
        """
        async with self._connection.execute(
            "SELECT id, followup_due FROM people WHERE followup_due IS NOT NULL"
            " AND followup_due <= ? AND blocked_at IS NULL AND id >= ? AND id < ?"
            " AND NOT EXISTS (SELECT 1 FROM reminders WHERE person_id = people.id"
            " AND kind = 'followup' AND due_at = people.followup_due)"
            " ORDER BY followup_due LIMIT ?",
            (utc_text(now), *channel_range(channel), limit),
        ) as cursor:
            rows = await cursor.fetchall()
        claims = []
        for row in rows:
            due = datetime.fromisoformat(row["followup_due"])
            claim = await self.claim(row["id"], due, now, "followup", owner)
            if claim is not None:
                claims.append(claim)
        return claims

    async def due_outcomes(
        self, now: datetime, limit: int, channel: str, owner: str | None = None
    ) -> list[Claim]:
        """Claim the appointment summaries and measures due by `now`, each once.

        As with follow-ups, the due time is part of the claim's key, and the turn that
        sends it clears it (a summary) or moves it on (a measure).
        """
        claims = []
        for kind, (table, column) in OUTCOME_REMINDERS.items():
            async with self._connection.execute(
                f"SELECT person_id, {column} AS due FROM {table} JOIN people"
                f" ON people.id = person_id WHERE {column} IS NOT NULL AND {column} <= ?"
                " AND blocked_at IS NULL AND person_id >= ? AND person_id < ?"
                f" AND NOT EXISTS (SELECT 1 FROM reminders WHERE reminders.person_id ="
                f" {table}.person_id AND kind = ? AND due_at = {column}) ORDER BY {column}"
                " LIMIT ?",
                (utc_text(now), *channel_range(channel), kind, limit),
            ) as cursor:
                rows = await cursor.fetchall()
            for row in rows:
                due = datetime.fromisoformat(row["due"])
                claim = await self.claim(row["person_id"], due, now, kind, owner)
                if claim is not None:
                    claims.append(claim)
        return claims

    async def reclaim(
        self, now: datetime, lease: timedelta, channel: str, owner: str | None, limit: int
    ) -> list[Claim]:
        """Claims to send now: those whose time to try again has come, and those whose
        loop stopped before sending (a crash), once their lease has run out."""
        return await self._take_over(
            "(retry_at <= ?1 OR (retry_at IS NULL AND claimed_at <= ?2))",
            (utc_text(now), utc_text(now - lease)), now, channel, owner, limit,
        )  # fmt: skip

    async def resume(self, now: datetime, channel: str, owner: str, limit: int) -> list[Claim]:
        """`owner`'s own claims left in flight when it stopped: at once, no lease to wait."""
        return await self._take_over(
            "retry_at IS NULL AND owner = ?1", (owner, None), now, channel, owner, limit
        )

    async def _take_over(
        self,
        which: str,
        values: tuple[str | None, str | None],
        now: datetime,
        channel: str,
        owner: str | None,
        limit: int,
    ) -> list[Claim]:
        async with self._connection.execute(
            "UPDATE reminders SET claimed_at = ?3, owner = ?4, retry_at = NULL"
            " WHERE rowid IN (SELECT rowid FROM reminders WHERE sent_at IS NULL"
            f" AND {which} AND person_id >= ?5 AND person_id < ?6 LIMIT ?7)"
            " RETURNING person_id, due_at, kind, attempts",
            (*values, utc_text(now), owner, *channel_range(channel), limit),
        ) as cursor:
            rows = await cursor.fetchall()
        return [Claim(row["person_id"], row["due_at"], row["kind"], row["attempts"])
                for row in rows]  # fmt: skip

    async def postpone(self, claim: Claim, retry_at: datetime) -> None:
        """A send that failed: tried again at `retry_at`."""
        await self._connection.execute(
            "UPDATE reminders SET attempts = attempts + 1, retry_at = ?"
            " WHERE person_id = ? AND kind = ? AND due_at = ?",
            (utc_text(retry_at), claim.person_id, claim.kind, claim.due_at),
        )

    async def finish(self, claim: Claim, outcome: str, now: datetime) -> None:
        await self._connection.execute(
            "UPDATE reminders SET sent_at = ?, outcome = ?"
            " WHERE person_id = ? AND kind = ? AND due_at = ?",
            (utc_text(now), outcome, claim.person_id, claim.kind, claim.due_at),
        )
