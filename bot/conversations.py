"""The service every adapter calls: one person's input in, their replies out, saved first.

Inside one unit of work it loads the person's records, lets the engine decide, writes
what changed and commits. Only after the commit are the replies handed back to be
shown, so a crash at any moment loses no answer and never shows an unsaved one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.exports import ExportFile, export
from bot.exports.document import History
from bot.logs import pseudonym
from dialogue_flows.engine import Engine
from dialogue_flows.types import Input, Snapshot, Turn
from storage.db import Database

Clock = Callable[[], datetime]


class Conversations:
    def __init__(self, database: Database, engine: Engine, clock: Clock) -> None:
        self.database = database
        self.engine = engine
        self.clock = clock

    async def handle(self, person_id: str, event: Input, language: str = "en") -> Turn:
        """Take one turn for `person_id`; `language` greets someone not yet known."""
        async with self.database.unit_of_work() as uow:
            stored = await uow.people.load(person_id)
            snapshot = Snapshot(person_id, stored.person, stored.goals, language, stored.schedule)
            turn = self.engine.handle(snapshot, event, self.clock())
            before = {goal.number: goal for goal in stored.goals}
            if turn.erase:
                await uow.people.erase(person_id)
            if turn.person is not None:
                await uow.people.save(turn.person)
            for goal in turn.goals:
                await uow.goals.save(goal, before.get(goal.number))
            if turn.schedule_changed and turn.schedule is None:
                await uow.schedules.delete(person_id)
            elif turn.schedule_changed and turn.schedule is not None:
                await uow.schedules.save(turn.schedule)
            await uow.commit()
        if turn.erase:
            await self.database.scrub()
        return turn

    async def history(self, person_id: str) -> History | None:
        """All that is kept about the person, as the document the exports are made from."""
        key = await self.database.pseudonym_key()
        async with self.database.unit_of_work() as uow:
            stored = await uow.people.load(person_id)
        if stored.person is None:
            return None
        return History.of(
            stored.person, stored.goals, stored.schedule, pseudonym(person_id, key, 16),
            self.clock(),
        )  # fmt: skip

    async def export(self, person_id: str, fmt: str) -> ExportFile | None:
        history = await self.history(person_id)
        return None if history is None else export(history, fmt, self.engine.catalogue)

    async def mark_blocked(self, person_id: str) -> None:
        async with self.database.unit_of_work() as uow:
            await uow.people.mark_blocked(person_id, self.clock())
            await uow.commit()
