"""Repositories: records in, rows out, and back. The only place that writes SQL for them.

Records are saved whole (upserts), because the engine returns whole changed records;
the unit of work around them decides when it all becomes permanent.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import aiosqlite

from storage.records import Conversation, Goal, Person, Step

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
_JSON_COLUMNS = {"options", "earlier_texts"}


def _upsert(table: str, columns: tuple[str, ...], key: tuple[str, ...]) -> str:
    quoted = [f'"{column}"' for column in columns]
    updates = ", ".join(
        f"{q} = excluded.{q}" for c, q in zip(columns, quoted, strict=True) if c not in key
    )
    return (
        f"INSERT INTO {table} ({', '.join(quoted)}) VALUES ({', '.join('?' * len(columns))}) "
        f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}"
    )


def _row_values(record: dict[str, Any], columns: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(
        json.dumps(record[c], ensure_ascii=False) if c in _JSON_COLUMNS else record[c]
        for c in columns
    )


def _from_row(row: aiosqlite.Row) -> dict[str, Any]:
    return {key: json.loads(v) if key in _JSON_COLUMNS else v for key, v in dict(row).items()}


class PersonRepository:
    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection

    async def get(self, person_id: str) -> Person | None:
        async with self._connection.execute(
            "SELECT * FROM people WHERE id = ?", (person_id,)
        ) as cursor:
            row = await cursor.fetchone()
        if row is None:
            return None
        values = dict(row)
        values["conversation"] = Conversation.model_validate_json(values["conversation"])
        return Person.model_validate(values)

    async def save(self, person: Person) -> None:
        await self._connection.execute(
            _upsert(
                "people",
                (
                    "id",
                    "name",
                    "language",
                    "consented_at",
                    "created_at",
                    "blocked_at",
                    "conversation",
                ),
                ("id",),
            ),
            (
                person.id,
                person.name,
                person.language,
                person.consented_at.isoformat(),
                person.created_at.isoformat(),
                person.blocked_at.isoformat() if person.blocked_at else None,
                person.conversation.model_dump_json(),
            ),
        )

    async def mark_blocked(self, person_id: str, when: datetime) -> None:
        """Telegram refused to deliver to them: they blocked the bot."""
        await self._connection.execute(
            "UPDATE people SET blocked_at = ? WHERE id = ?", (when.isoformat(), person_id)
        )


class GoalRepository:
    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection

    async def list_for(self, person_id: str) -> tuple[Goal, ...]:
        async with self._connection.execute(
            "SELECT * FROM steps WHERE person_id = ? ORDER BY goal_number, number", (person_id,)
        ) as cursor:
            steps: dict[int, list[Step]] = {}
            async for row in cursor:
                values = _from_row(row)
                goal_number = values.pop("goal_number")
                del values["person_id"]
                steps.setdefault(goal_number, []).append(Step.model_validate(values))
        async with self._connection.execute(
            "SELECT * FROM goals WHERE person_id = ? ORDER BY number", (person_id,)
        ) as cursor:
            rows = await cursor.fetchall()
        return tuple(
            Goal.model_validate({**_from_row(row), "steps": steps.get(row["number"], [])})
            for row in rows
        )

    async def save(self, goal: Goal) -> None:
        record = goal.model_dump(mode="json")
        await self._connection.execute(
            _upsert("goals", _GOAL_COLUMNS, ("person_id", "number")),
            _row_values(record, _GOAL_COLUMNS),
        )
        for step in record["steps"]:
            await self._connection.execute(
                _upsert("steps", _STEP_COLUMNS, ("person_id", "goal_number", "number")),
                _row_values(
                    {**step, "person_id": goal.person_id, "goal_number": goal.number},
                    _STEP_COLUMNS,
                ),
            )
