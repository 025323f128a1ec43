"""Repositories: records in, rows out, and back. The only place that writes SQL for them.

Records are saved whole (upserts), because the engine returns whole changed records;
the unit of work around them decides when it all becomes permanent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import aiosqlite

from storage.encryption import Cipher
from storage.records import (
    CheckIn,
    Goal,
    Person,
    Record,
    Schedule,
    Step,
)

RecordT = TypeVar("RecordT", bound=Record)

_GOAL_COLUMNS = (
    "person_id",
    "number",
    "area",
    "area_own_words",
    "text",
    "first_words",
    "reality_now",
    "reality_works",
    "strengths",
    "obstacles",
    "options",
    "helpers",
    "chosen_option",
    "status",
    "created_at",
    "updated_at",
)
_STEP_COLUMNS = (
    "person_id",
    "goal_number",
    "number",
    "text",
    "when",
    "obstacles",
    "confidence",
    "earlier_texts",
    "status",
    "created_at",
)
_CHECKIN_COLUMNS = (
    "person_id",
    "goal_number",
    "number",
    "step_number",
    "at",
    "outcome",
    "reflection",
    "progress",
    "next_move",
    "reminded",
)
_SCHEDULE_COLUMNS = ("person_id", "weekday", "hour", "minute", "timezone", "paused", "next_due")
_JSON_COLUMNS = {"options", "earlier_texts", "conversation", "safety_plan"}
_PERSON_COLUMNS = ("id", "name", "language", "consented_at", "created_at", "blocked_at",
                   "timezone", "safety_plan", "conversation")  # fmt: skip
SEALED = {
    "name", "conversation", "safety_plan", "area_own_words", "text", "first_words",
    "reality_now", "reality_works", "strengths", "obstacles", "options", "helpers",
    "chosen_option", "when", "earlier_texts", "reflection",
}  # fmt: skip
"""Columns holding the person's words: encrypted at rest when a key is set."""


def utc_text(moment: datetime) -> str:
    """Times are stored as UTC text of one shape, so that SQL can compare them as text."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _upsert(table: str, columns: tuple[str, ...], key: tuple[str, ...]) -> str:
    quoted = [f'"{column}"' for column in columns]
    updates = ", ".join(
        f"{q} = excluded.{q}" for c, q in zip(columns, quoted, strict=True) if c not in key
    )
    return (
        f"INSERT INTO {table} ({', '.join(quoted)}) VALUES ({', '.join('?' * len(columns))}) "
        f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}"
    )


def _without(values: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {key: value for key, value in values.items() if key not in keys}


def _row_values(
    record: dict[str, Any], columns: tuple[str, ...], cipher: Cipher
) -> tuple[Any, ...]:
    values = []
    for column in columns:
        value = record[column]
        if column in _JSON_COLUMNS and value is not None:
            value = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        values.append(cipher.seal(value) if column in SEALED else value)
    return tuple(values)


def _opened(row: dict[str, Any], cipher: Cipher) -> dict[str, Any]:
    """A row's values as the records hold them: words unsealed, JSON columns parsed."""
    found = {}
    for key, value in row.items():
        opened = cipher.open(value) if key in SEALED else value
        found[key] = json.loads(opened) if key in _JSON_COLUMNS and opened else opened
    return found


@dataclass(frozen=True)
class Stored:
    """All that is kept about one person: what a turn reads, and what an export holds."""

    person: Person | None
    goals: tuple[Goal, ...] = ()
    schedule: Schedule | None = None


def _select_everything() -> str:
    """One query for a person's rows in every table, each row as a JSON object.

    A turn reads all of them; one statement is one trip to SQLite's thread instead of
    five. Rows come tagged with their table, steps and check-ins in order.
    """
    tables = (
        ("people", _PERSON_COLUMNS, "id", "0, 0"),
        ("schedules", _SCHEDULE_COLUMNS, "person_id", "0, 0"),
        ("goals", _GOAL_COLUMNS, "person_id", "number, 0"),
        ("steps", _STEP_COLUMNS, "person_id", "goal_number, number"),
        ("checkins", _CHECKIN_COLUMNS, "person_id", "goal_number, number"),
    )
    selects = [
        f"SELECT '{table}', {order}, json_object("
        + ", ".join(f"'{column}', \"{column}\"" for column in columns)
        + f") FROM {table} WHERE {owner} = ?1"
        for table, columns, owner, order in tables
    ]
    return " UNION ALL ".join(selects) + " ORDER BY 1, 2, 3"


_EVERYTHING = _select_everything()


def _children(rows: list[dict[str, Any]], model: type[RecordT]) -> dict[int, list[RecordT]]:
    """Steps or check-ins by goal number, in the order they came."""
    found: dict[int, list[RecordT]] = {}
    for row in rows:
        child = model.model_validate(_without(row, "person_id", "goal_number"))
        found.setdefault(row["goal_number"], []).append(child)
    return found


class PersonRepository:
    def __init__(self, connection: aiosqlite.Connection, cipher: Cipher) -> None:
        self._connection = connection
        self._cipher = cipher

    async def load(self, person_id: str) -> Stored:
        """The person's profile, goals (with steps and check-ins) and weekly schedule."""
        rows = await self._connection.execute_fetchall(_EVERYTHING, (person_id,))
        tables: dict[str, list[dict[str, Any]]] = {
            "people": [], "schedules": [], "goals": [], "steps": [], "checkins": []
        }  # fmt: skip
        for row in rows:
            tables[row[0]].append(_opened(json.loads(row[3]), self._cipher))
        steps = _children(tables["steps"], Step)
        checkins = _children(tables["checkins"], CheckIn)
        goals = tuple(
            Goal.model_validate(
                {
                    **goal,
                    "steps": steps.get(goal["number"], []),
                    "checkins": checkins.get(goal["number"], []),
                }
            )
            for goal in tables["goals"]
        )
        return Stored(
            person=next((Person.model_validate(row) for row in tables["people"]), None),
            goals=goals,
            schedule=next((Schedule.model_validate(row) for row in tables["schedules"]), None),
        )

    async def save(self, person: Person) -> None:
        await self._connection.execute(
            _upsert("people", _PERSON_COLUMNS, ("id",)),
            _row_values(person.model_dump(mode="json"), _PERSON_COLUMNS, self._cipher),
        )

    async def erase(self, person_id: str) -> None:
        """Everything about the person: goals, steps, check-ins, schedule, reminders follow
        by the foreign keys' ON DELETE CASCADE."""
        await self._connection.execute("DELETE FROM people WHERE id = ?", (person_id,))

    async def mark_blocked(self, person_id: str, when: datetime) -> None:
        """Telegram refused to deliver to them: they blocked the bot."""
        await self._connection.execute(
            "UPDATE people SET blocked_at = ? WHERE id = ?", (when.isoformat(), person_id)
        )


class GoalRepository:
    def __init__(self, connection: aiosqlite.Connection, cipher: Cipher) -> None:
        self._connection = connection
        self._cipher = cipher

    async def save(self, goal: Goal, before: Goal | None = None) -> None:
        """The goal's row, and those of its steps and check-ins not the same `before`."""
        record = goal.model_dump(mode="json")
        await self._connection.execute(
            _upsert("goals", _GOAL_COLUMNS, ("person_id", "number")),
            _row_values(record, _GOAL_COLUMNS, self._cipher),
        )
        owner = {"person_id": goal.person_id, "goal_number": goal.number}
        steps, checkins = (before.steps, before.checkins) if before else ((), ())
        for table, columns, children in (
            ("steps", _STEP_COLUMNS, _changed(goal.steps, steps, record["steps"])),
            ("checkins", _CHECKIN_COLUMNS, _changed(goal.checkins, checkins, record["checkins"])),
        ):
            if children:  # one round trip to SQLite's thread for all of them
                await self._connection.executemany(
                    _upsert(table, columns, ("person_id", "goal_number", "number")),
                    [_row_values({**child, **owner}, columns, self._cipher) for child in children],
                )


def _changed(
    now: tuple[RecordT, ...], before: tuple[RecordT, ...], dumped: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The dumped children that are new or differ from before: only they need writing."""
    return [row for child, row in zip(now, dumped, strict=True) if child not in before]


class ScheduleRepository:
    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection

    async def save(self, schedule: Schedule) -> None:
        values = schedule.model_dump()
        values["next_due"] = utc_text(schedule.next_due) if schedule.next_due else None
        await self._connection.execute(
            _upsert("schedules", _SCHEDULE_COLUMNS, ("person_id",)),
            tuple(values[column] for column in _SCHEDULE_COLUMNS),
        )

    async def delete(self, person_id: str) -> None:
        await self._connection.execute("DELETE FROM schedules WHERE person_id = ?", (person_id,))

    async def due(self, now: datetime, limit: int, channel: str) -> list[tuple[Schedule, bool]]:
        """Schedules of people on `channel` (an id prefix) due by `now`, oldest first, each
        with whether the person blocked us. The partial index on next_due serves it."""
        async with self._connection.execute(
            "SELECT schedules.*, people.blocked_at IS NOT NULL AS blocked FROM schedules"
            " JOIN people ON people.id = schedules.person_id"
            " WHERE next_due IS NOT NULL AND next_due <= ? AND person_id >= ? AND person_id < ?"
            " ORDER BY next_due LIMIT ?",
            (utc_text(now), channel, channel[:-1] + chr(ord(channel[-1]) + 1), limit),
        ) as cursor:
            rows = await cursor.fetchall()
        return [
            (Schedule.model_validate(_without(dict(row), "blocked")), bool(row["blocked"]))
            for row in rows
        ]


@dataclass(frozen=True)
class Claim:
    """One reminder this loop has claimed and must now send: who, and for which due time."""

    person_id: str
    due_at: str


class ReminderRepository:
    """Rows of reminders claimed and sent; the (person, due time) key makes a claim unique."""

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection

    async def claim(self, person_id: str, due_at: datetime, now: datetime) -> Claim | None:
        """Claim a due reminder; None when it was claimed before (by any loop)."""
        due = utc_text(due_at)
        cursor = await self._connection.execute(
            "INSERT INTO reminders (person_id, due_at, claimed_at) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (person_id, due, utc_text(now)),
        )
        return Claim(person_id, due) if cursor.rowcount == 1 else None

    async def reclaim_abandoned(self, now: datetime, lease: timedelta) -> list[Claim]:
        """Claims whose loop stopped before sending (a crash): taken over, once each lease."""
        async with self._connection.execute(
            "UPDATE reminders SET claimed_at = ? WHERE sent_at IS NULL AND claimed_at <= ?"
            " RETURNING person_id, due_at",
            (utc_text(now), utc_text(now - lease)),
        ) as cursor:
            rows = await cursor.fetchall()
        return [Claim(row["person_id"], row["due_at"]) for row in rows]

    async def finish(self, claim: Claim, outcome: str, now: datetime) -> None:
        await self._connection.execute(
            "UPDATE reminders SET sent_at = ?, outcome = ? WHERE person_id = ? AND due_at = ?",
            (utc_text(now), outcome, claim.person_id, claim.due_at),
        )
