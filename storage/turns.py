"""Every turn's path through the database: one query to read, one transaction to write.

A turn reads all that is kept about one person, lets the engine decide, and writes what
changed. Each statement is a trip to aiosqlite's thread, so trips are few:

- the read is one query over the tables (`_EVERYTHING`), rows tagged by table;
- the write is plain SQL in one `BEGIN IMMEDIATE … COMMIT`: one `executemany` upsert
  per table that changed (in `TABLES` order, a goal's person before the goal), the
  schedule's removal and the inbox receipt. All of the turn is saved, or none of it,
  and it is committed before any reply is sent.

The upserts are made from the same column lists as the repositories, so they never
fall behind the schema. Between the read and the write the person's turn holds their
own lock (in `bot.conversations`), so no other turn of theirs can come in between;
other people's turns may, and touch other rows.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import aiosqlite

from dialogue_flows.outcome_records import (
    Appointment,
    GasRating,
    GasScale,
    MeasurePlan,
    MeasureResponse,
    Outcomes,
)
from dialogue_flows.records import CheckIn, Goal, Person, Record, Schedule, Step
from storage.encryption import Cipher
from storage.repositories import (
    APPOINTMENT_COLUMNS,
    CHECKIN_COLUMNS,
    GAS_RATING_COLUMNS,
    GAS_SCALE_COLUMNS,
    GOAL_COLUMNS,
    MEASURE_COLUMNS,
    MEASURE_PLAN_COLUMNS,
    PERSON_COLUMNS,
    SCHEDULE_COLUMNS,
    STEP_COLUMNS,
    opened,
    row_values,
    schedule_row,
    upsert,
    utc_text,
    without,
)
from storage.unit_of_work import UnitOfWork

TABLES = (
    # table, columns, key, the person's column, order within the table
    ("people", PERSON_COLUMNS, ("id",), "id", "0, 0"),
    ("goals", GOAL_COLUMNS, ("person_id", "number"), "person_id", "number, 0"),
    ("steps", STEP_COLUMNS, ("person_id", "goal_number", "number"), "person_id",
     "goal_number, number"),
    ("checkins", CHECKIN_COLUMNS, ("person_id", "goal_number", "number"), "person_id",
     "goal_number, number"),
    ("schedules", SCHEDULE_COLUMNS, ("person_id",), "person_id", "0, 0"),
    ("gas_scales", GAS_SCALE_COLUMNS, ("person_id", "goal_number"), "person_id",
     "goal_number, 0"),
    ("gas_ratings", GAS_RATING_COLUMNS, ("person_id", "goal_number", "number"), "person_id",
     "goal_number, number"),
    ("measure_responses", MEASURE_COLUMNS, ("person_id", "number"), "person_id", "number, 0"),
    ("measure_plans", MEASURE_PLAN_COLUMNS, ("person_id",), "person_id", "0, 0"),
    ("appointments", APPOINTMENT_COLUMNS, ("person_id", "number"), "person_id", "number, 0"),
)  # fmt: skip
"""In the order they are written: a goal's person before the goal, the goal before its steps."""


def select_everything(
    person: str = "?1", json_object: str = "json_object(", cast: str = ")"
) -> str:
    """All of a person's rows in one query: (table name, two order columns, the row as
    JSON text), in `TABLES` order. `person` is the backend's placeholder for their id;
    `json_object` and `cast` wrap each row's columns (PostgreSQL's function and cast
    differ from SQLite's)."""
    selects = [
        f"SELECT '{table}' AS name, {order}, {json_object}"
        + ", ".join(f"'{column}', \"{column}\"" for column in columns)
        + f"{cast} AS record FROM {table} WHERE {owner} = {person}"
        for table, columns, _, owner, order in TABLES
    ]
    return " UNION ALL ".join(selects) + " ORDER BY 1, 2, 3"


_EVERYTHING = select_everything()
_UPSERTS = {table: upsert(table, columns, key) for table, columns, key, _, _ in TABLES}


@dataclass(frozen=True)
class Stored:
    """All that is kept about one person: what a turn reads, and what an export holds."""

    person: Person | None
    goals: tuple[Goal, ...] = ()
    schedule: Schedule | None = None
    outcomes: Outcomes = field(default_factory=Outcomes)


_OUTCOME_TABLES: tuple[tuple[str, str, type[Record]], ...] = (
    # table, the field of Outcomes, the record
    ("gas_scales", "scales", GasScale),
    ("gas_ratings", "ratings", GasRating),
    ("measure_responses", "responses", MeasureResponse),
    ("appointments", "appointments", Appointment),
)


def _outcomes(tables: dict[str, list[dict[str, Any]]]) -> Outcomes:
    found: dict[str, Any] = {
        name: tuple(model.model_validate(without(row, "person_id")) for row in tables[table])
        for table, name, model in _OUTCOME_TABLES
    }
    plans = tables["measure_plans"]
    found["plan"] = MeasurePlan.model_validate(without(plans[0], "person_id")) if plans else None
    return Outcomes.model_validate(found)


@dataclass(frozen=True)
class Changes:
    """What one turn changed for `person_id`: only these records are written.

    `goals` are whole goals; of their steps and check-ins only those new or different
    from before are written. `unschedule` turns the weekly check-in off. `receipt` is
    the update (id, time) that caused the turn: marked handled in the inbox in the same
    statement, so an update is never applied twice (`storage.inbox`). A turn that
    changes nothing is marked after its reply is sent, so a crash repeats the reply.
    """

    person_id: str
    person: Person | None = None
    goals: tuple[Goal, ...] = ()
    schedule: Schedule | None = None
    unschedule: bool = False
    receipt: tuple[int, datetime] | None = None
    outcomes: Outcomes | None = None

    def __bool__(self) -> bool:
        """Whether there is anything to write (a receipt alone is marked after the reply)."""
        return bool(self.person or self.goals or self.schedule or self.unschedule or self.outcomes)


def stored_from(rows: Iterable[tuple[str, dict[str, Any]]], cipher: Cipher) -> Stored:
    """A person's records from their rows (table, row as stored), in `TABLES` order."""
    tables: dict[str, list[dict[str, Any]]] = {table[0]: [] for table in TABLES}
    for table, row in rows:
        tables[table].append(opened(row, cipher))
    steps = _by_goal(tables["steps"], Step)
    checkins = _by_goal(tables["checkins"], CheckIn)
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
        outcomes=_outcomes(tables),
    )


def changed_rows(changes: Changes, before: Stored, cipher: Cipher) -> dict[str, Any]:
    """What a turn writes, as rows by table (sealed, in the tables' columns), plus
    `unscheduled` (a person id) and `receipt` (update id and time) when it says so."""
    document: dict[str, Any] = {"people": [], "goals": [], "steps": [], "checkins": []}

    def row(record: dict[str, Any], columns: Sequence[str]) -> dict[str, Any]:
        return dict(zip(columns, row_values(record, tuple(columns), cipher), strict=True))

    if changes.person is not None:
        document["people"].append(row(changes.person.model_dump(mode="json"), PERSON_COLUMNS))
    earlier = {goal.number: goal for goal in before.goals}
    for goal in changes.goals:
        record = goal.model_dump(mode="json")
        document["goals"].append(row(record, GOAL_COLUMNS))
        owner = {"person_id": goal.person_id, "goal_number": goal.number}
        was = earlier.get(goal.number)
        for table, columns, now, then in (
            ("steps", STEP_COLUMNS, goal.steps, was.steps if was else ()),
            ("checkins", CHECKIN_COLUMNS, goal.checkins, was.checkins if was else ()),
        ):
            document[table] += [
                row({**child_row, **owner}, columns)
                for child, child_row in zip(now, record[table], strict=True)
                if child not in then
            ]
    if changes.schedule is not None:
        document["schedules"] = [schedule_row(changes.schedule)]
    if changes.unschedule:
        document["unscheduled"] = changes.person_id
    if changes.receipt is not None:
        update_id, at = changes.receipt
        document["receipt"] = {"update_id": update_id, "at": utc_text(at)}
    if changes.outcomes is not None:
        by_table = {table: columns for table, columns, *_ in TABLES}
        owner = {"person_id": changes.person_id}
        for table, name, _ in _OUTCOME_TABLES:
            then = getattr(before.outcomes, name)
            document[table] = [
                row({**record.model_dump(mode="json"), **owner}, by_table[table])
                for record in getattr(changes.outcomes, name)
                if record not in then
            ]
        plan = changes.outcomes.plan
        if plan is not None and plan != before.outcomes.plan:
            document["measure_plans"] = [
                row({**plan.model_dump(mode="json"), **owner}, MEASURE_PLAN_COLUMNS)
            ]
    return document


class TurnStore:
    def __init__(self, connection: aiosqlite.Connection, lock: asyncio.Lock, cipher: Cipher):
        self._connection = connection
        self._lock = lock
        self._cipher = cipher

    async def load(self, person_id: str) -> Stored:
        """The person's profile, goals (with steps and check-ins) and weekly schedule."""
        async with self._lock:  # never inside another unit of work's open transaction
            rows = await self._connection.execute_fetchall(_EVERYTHING, (person_id,))
        return stored_from(((row[0], json.loads(row[3])) for row in rows), self._cipher)

    @asynccontextmanager
    async def begin(self, person_id: str, update_id: int | None = None) -> AsyncIterator[HeldTurn]:
        """One turn of the person's, from reading to writing, for `update_id` if it has
        one. One process uses a SQLite file, and its own lock per person
        (`bot.conversations`) keeps their turns apart: here the read is one query and the
        write one transaction, as below."""
        yield HeldTurn(self, person_id, update_id)

    async def save(self, changes: Changes, before: Stored) -> None:
        """Write the changes in one transaction, committed on return."""
        if not changes:
            return
        document = changed_rows(changes, before, self._cipher)
        async with UnitOfWork(self._connection, self._lock) as work:
            await self._write(document)
            await work.commit()

    async def handled(self, update_id: int) -> bool:
        """Whether a turn has already marked this update handled."""
        async with self._lock:
            rows = await self._connection.execute_fetchall(
                "SELECT 1 FROM inbox WHERE update_id = ? AND handled_at IS NOT NULL",
                (update_id,),
            )
        return bool(rows)

    async def _write(self, document: dict[str, Any]) -> None:
        if "unscheduled" in document:
            await self._connection.execute(
                "DELETE FROM schedules WHERE person_id = ?", (document["unscheduled"],)
            )
        if "receipt" in document:
            receipt = document["receipt"]
            await self._connection.execute(
                "UPDATE inbox SET handled_at = ?, payload = NULL, person_id = NULL"
                " WHERE update_id = ?",
                (receipt["at"], receipt["update_id"]),
            )
        for table, columns, *_ in TABLES:
            if rows := document.get(table):
                await self._connection.executemany(
                    _UPSERTS[table], [tuple(row[column] for column in columns) for row in rows]
                )

    async def erase(self, person_id: str) -> None:
        """Everything about the person, in one statement: goals, steps, check-ins, schedule
        and reminders follow by the foreign keys' ON DELETE CASCADE."""
        async with self._lock:
            await self._connection.execute("DELETE FROM people WHERE id = ?", (person_id,))


class HeldTurn:
    """A turn of one person's, as `TurnStore.begin` gives it: read, check, then write."""

    def __init__(self, store: TurnStore, person_id: str, update_id: int | None) -> None:
        self._store = store
        self.person_id = person_id
        self._update_id = update_id

    async def load(self) -> Stored:
        return await self._store.load(self.person_id)

    async def handled(self) -> bool:
        """Whether a turn has already marked the turn's update handled."""
        return self._update_id is not None and await self._store.handled(self._update_id)

    async def save(self, changes: Changes, before: Stored) -> None:
        await self._store.save(changes, before)

    async def erase(self) -> None:
        await self._store.erase(self.person_id)


def _by_goal(rows: list[dict[str, Any]], model: type[Record]) -> dict[int, list[Any]]:
    """Steps or check-ins by goal number, in the order they came."""
    found: dict[int, list[Any]] = {}
    for row in rows:
        child = model.model_validate(without(row, "person_id", "goal_number"))
        found.setdefault(row["goal_number"], []).append(child)
    return found
