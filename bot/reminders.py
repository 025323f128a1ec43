"""The reminder loop: weekly check-ins, crisis follow-ups, the summary the day before an
appointment and measures at the person's rhythm, each sent exactly once.

The database is the source of truth. Each look (every 30 seconds) claims the due
check-ins in one transaction: a row per (person, due time) in `reminders`, unique, and
the schedule moved on to its next week after *now*. So two loops, or a restart, can
never claim the same check-in twice, and a bot that was down for weeks sends one
catch-up check-in, not one per missed week. Only then is each one sent. A claim whose
loop died before sending is taken over once its lease has run out. A follow-up the
day after a crisis (when the person asked for one) is claimed the same way, by its own
kind, and the turn that sends it clears it from the person's record; so are an
appointment's summary (kind `appointment`) and a measure (kind `measure`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from bot.app import App
from bot.conversations import Clock
from dialogue_flows.types import DueAppointment, DueCheckin, DueFollowup, DueMeasure, Turn
from storage.repositories import EVERYONE, Claim, Share

logger = logging.getLogger(__name__)

_INPUTS: dict[str, type[DueFollowup | DueAppointment | DueMeasure | DueCheckin]] = {
    "followup": DueFollowup,
    "appointment": DueAppointment,
    "measure": DueMeasure,
}
"""What each kind of claim asks the engine to do (a weekly check-in otherwise)."""

Deliver = Callable[[str, Turn], Awaitable[str]]
"""Sends a turn's replies to a person; returns "sent", "blocked" or "failed"."""


class ReminderLoop:
    def __init__(
        self,
        app: App,
        deliver: Deliver,
        clock: Clock,
        channel: str = "telegram:",
        batch: int = 500,
        lease: timedelta = timedelta(minutes=10),
        interval: float = 30.0,
        share: Share = EVERYONE,
    ) -> None:
        self.app = app
        self.deliver = deliver
        self.clock = clock
        self.channel = channel
        self.batch = batch
        self.lease = lease
        self.interval = interval
        self.share = share
        """With several worker processes, each sends the check-ins of its own people."""

    async def run(self) -> None:
        """Look, send, wait; until cancelled. A failed look is logged and tried again."""
        while True:
            try:
                await self.tick()
            except Exception:
                logger.exception("the reminder loop failed; it will look again")
            await asyncio.sleep(self.interval)

    async def tick(self) -> int:
        """Send everything due now, a batch at a time; returns how many were sent."""
        sent = 0
        while True:
            claims = await self.claim_due()
            for claim in claims:
                sent += await self.send(claim) == "sent"
            if len(claims) < self.batch:
                return sent

    async def claim_due(self) -> list[Claim]:
        """Claim the check-ins due now (and abandoned claims), moving schedules on."""
        now = self.clock()
        async with self.app.database.unit_of_work() as uow:
            claims = await uow.reminders.reclaim_abandoned(
                now, self.lease, self.channel, self.share
            )
            due = await uow.schedules.due(now, self.batch, self.channel, self.share)
            for schedule, blocked in due:
                following = schedule.model_copy(update={"next_due": schedule.due_after(now)})
                await uow.schedules.save(following)
                if blocked or schedule.next_due is None:
                    continue  # no reminders to someone who blocked us, until they write
                claim = await uow.reminders.claim(schedule.person_id, schedule.next_due, now)
                if claim is not None:
                    claims.append(claim)
            claims += await uow.reminders.due_followups(now, self.batch, self.channel, self.share)
            claims += await uow.reminders.due_outcomes(now, self.batch, self.channel, self.share)
            await uow.commit()
        return claims

    async def send(self, claim: Claim) -> str:
        """Start the check-in (or follow-up) and send its first message; record how it went."""
        due = _INPUTS.get(claim.kind, DueCheckin)()
        try:
            turn = await self.app.conversations.handle(claim.person_id, due)
            outcome = await self.deliver(claim.person_id, turn) if turn.replies else "sent"
        except Exception:
            logger.exception("a reminder could not be sent")
            outcome = "failed"
        async with self.app.database.unit_of_work() as uow:
            await uow.reminders.finish(claim, outcome, self.clock())
            await uow.commit()
        return outcome
