"""The service every adapter calls: one person's input in, their replies out, saved first.

It loads the person's records, lets the engine decide, and writes what changed in one
statement, which commits it (`storage.turns`). Only then are the replies handed back
to be shown, so a crash at any moment loses no answer and never shows an unsaved one.
A person's turns (their messages, a check-in the reminder loop starts) take turns: in
this process by a lock per person, across instances by the database's hold on the
person (`turns.begin`), from reading their records to writing the turn.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable
from datetime import datetime

from bot.exports import ExportFile, export
from bot.exports.document import History
from bot.logs import pseudonym
from bot.person_locks import PersonLocks
from dialogue_flows.engine import Engine
from dialogue_flows.types import Input, Msg, Reply, Snapshot, Turn
from storage.port import Store
from storage.turns import Changes

Clock = Callable[[], datetime]


class Conversations:
    def __init__(self, database: Store, engine: Engine, clock: Clock) -> None:
        self.database = database
        self.engine = engine
        self.clock = clock
        self._turns: PersonLocks[str] = PersonLocks()

    async def handle(
        self, person_id: str, event: Input, language: str = "en", update_id: int | None = None
    ) -> Turn:
        """Take one turn for `person_id`; `language` greets someone not yet known.
        `update_id`, the Telegram update it answers, is marked handled with the turn."""
        begin = self.database.turns.begin(person_id, update_id)
        async with self._turns.hold(person_id), begin as held:
            stored = await held.load()
            if await held.handled():
                # Delivered twice (another instance took it too): the first turn answered.
                return Turn((), stored.person.language if stored.person else language)
            snapshot = Snapshot(person_id, stored.person, stored.goals, language, stored.schedule,
                                stored.outcomes)  # fmt: skip
            now = self.clock()
            turn = self.engine.handle(snapshot, event, now)
            if turn.erase:
                await held.erase()
            else:
                changes = Changes(
                    person_id,
                    turn.person,
                    turn.goals,
                    schedule=turn.schedule if turn.schedule_changed else None,
                    unschedule=turn.schedule_changed and turn.schedule is None,
                    receipt=None if update_id is None else (update_id, now),
                    outcomes=turn.outcomes,
                )
                await held.save(changes, before=stored)
        if turn.erase and not await self.database.scrub():  # someone holds an older snapshot
            finishing = Reply((Msg("delete.finishing"),))
            turn = dataclasses.replace(turn, replies=(*turn.replies, finishing))
        return turn

    async def history(self, person_id: str) -> History | None:
        """All that is kept about the person, as the document the exports are made from."""
        key = await self.database.pseudonym_key()
        stored = await self.database.turns.load(person_id)
        if stored.person is None:
            return None
        return History.of(
            stored.person, stored.goals, stored.schedule, pseudonym(person_id, key, 16),
            self.clock(), stored.outcomes,
        )  # fmt: skip

    async def keeps_anything(self, person_id: str) -> bool:
        """Whether anything about the person is stored (not before consent, not after /delete)."""
        return (await self.database.turns.load(person_id)).person is not None

    async def export(self, person_id: str, fmt: str) -> ExportFile | None:
        history = await self.history(person_id)
        if history is None:
            return None
        # Rendering (a PDF's chart, FHIR's validation) takes long enough to hold up
        # everyone's turns and the reminder loop: it runs in a worker thread.
        return await asyncio.to_thread(
            export, history, fmt, self.engine.catalogue, self.engine.default_timezone
        )

    async def mark_blocked(self, person_id: str) -> None:
        async with self.database.unit_of_work() as uow:
            await uow.people.mark_blocked(person_id, self.clock())
            await uow.commit()
