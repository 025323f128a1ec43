"""The reminder loop: weekly check-ins, crisis follow-ups, the summary the day before an
appointment and measures at the person's rhythm, each delivered once.

The database is the source of truth. Each look (every 30 seconds) claims what is due
in small transactions: a row per (person, kind, due time) in `reminders`, unique, and
the schedule moved on to its next week after *now*. So two loops, or a restart, can
never claim the same check-in twice, and a bot that was down for weeks sends one
catch-up check-in, not one per missed week. The claim is that week's check-in, kept
until Telegram has taken it: only then is it marked sent. A send that fails is tried
once, and again at later looks with growing pauses (`RETRY_LOOKS`), while the loop goes
on to the next person; after `GIVE_UP_AFTER` tries (about 12 hours of failures) it is
recorded as failed. How late it is does not count: a catch-up after days of downtime is
tried as patiently as one on time. A restarted process resumes its own claims at once;
another process's are taken over when their lease runs out. So after a crash at most
the one message that was being sent can arrive twice. A follow-up the
day after a crisis (when the person asked for one) is claimed the same way, by its own
kind, and the turn that sends it clears it from the person's record; so are an
appointment's summary (kind `appointment`) and a measure (kind `measure`).
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from bot.app import App
from bot.conversations import Clock
from dialogue_flows.records import PersonId
from dialogue_flows.types import DueAppointment, DueCheckin, DueFollowup, DueMeasure, Turn
from storage.repositories import Claim

logger = logging.getLogger(__name__)

_INPUTS: dict[str, type[DueFollowup | DueAppointment | DueMeasure | DueCheckin]] = {
    "followup": DueFollowup,
    "appointment": DueAppointment,
    "measure": DueMeasure,
}
"""What each kind of claim asks the engine to do (a weekly check-in otherwise)."""

Deliver = Callable[[str, Turn], Awaitable[str]]
"""Sends a turn's replies to a person; returns "sent", "blocked" or "failed"."""


EVERY = 30.0
"""Seconds between the loop's looks for what is due (`GROWCOACH_REMINDER_EVERY`)."""
RETRY_LOOKS = (1, 4, 20, 60)
"""Looks to wait before trying a failed send again (every 30 s: 30 s, 2, 10 and 30
minutes); the last repeats."""
GIVE_UP_AFTER = 27
"""Tries before a send is recorded as failed: about 12 hours of failures, every 30 s."""


def this_instance() -> str:
    """Who claims: the same after a restart on this machine, so it resumes its own."""
    return socket.gethostname()


class ReminderLoop:
    def __init__(
        self,
        app: App,
        deliver: Deliver,
        clock: Clock,
        channel: str = PersonId.TELEGRAM,
        batch: int = 5,
        lease: timedelta = timedelta(minutes=10),
        interval: float = EVERY,
        owner: str | None = None,
    ) -> None:
        self.app = app
        self.deliver = deliver
        self.clock = clock
        self.channel = channel
        self.batch = batch
        """Claims per transaction: small, so the lock is held briefly and a crash holds few."""
        self.lease = lease
        self.interval = interval
        self.owner = owner or this_instance()

    async def run(self) -> None:
        """Resume, then look, send, wait; until cancelled. A failed look is tried again."""
        try:
            await self.resume()
        except Exception:
            logger.exception("the reminder loop could not resume its claims")
        while True:
            try:
                await self.tick()
            except Exception:
                logger.exception("the reminder loop failed; it will look again")
            await asyncio.sleep(self.interval)

    async def resume(self) -> int:
        """Send what this instance had claimed but not sent when it stopped."""
        sent = 0
        while True:
            async with self.app.database.unit_of_work() as uow:
                claims = await uow.reminders.resume(
                    self.clock(), self.channel, self.owner, self.batch
                )
                await uow.commit()
            for claim in claims:
                sent += await self.send(claim) == "sent"
            if len(claims) < self.batch:
                return sent

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
        """Claim up to a batch: retries and abandoned claims, then check-ins and follow-ups
        due now, moving schedules on."""
        now = self.clock()
        async with self.app.database.unit_of_work() as uow:
            claims = await uow.reminders.reclaim(
                now, self.lease, self.channel, self.owner, self.batch
            )
            room = self.batch - len(claims)
            due = await uow.schedules.due(now, room, self.channel) if room > 0 else []
            for schedule, blocked in due:
                following = schedule.moved_on(now)
                await uow.schedules.save(following)
                if blocked or schedule.next_due is None:
                    continue  # no reminders to someone who blocked us, until they write
                claim = await uow.reminders.claim(
                    schedule.person_id, schedule.next_due, now, owner=self.owner
                )
                if claim is not None:
                    claims.append(claim)
            room = self.batch - len(claims)
            if room > 0:
                claims += await uow.reminders.due_followups(now, room, self.channel, self.owner)
            room = self.batch - len(claims)
            if room > 0:
                claims += await uow.reminders.due_outcomes(now, room, self.channel, self.owner)
            await uow.commit()
        return claims

    async def send(self, claim: Claim) -> str:
        """Start the check-in (or follow-up, summary, measure) and send its first message,
        once; record how it went, or when to try again."""
        due = _INPUTS.get(claim.kind, DueCheckin)()
        try:
            turn = await self.app.conversations.handle(claim.person_id, due)
            outcome = await self.deliver(claim.person_id, turn) if turn.replies else "sent"
        except Exception as error:
            logger.warning("a reminder could not be sent (%s)", type(error).__name__)
            outcome = "failed"
        now = self.clock()
        again = self._next_try(claim, now) if outcome == "failed" else None
        async with self.app.database.unit_of_work() as uow:
            if again is not None:
                await uow.reminders.postpone(claim, again)
            else:
                await uow.reminders.finish(claim, outcome, now)
            await uow.commit()
        return outcome

    def _next_try(self, claim: Claim, now: datetime) -> datetime | None:
        """When to try a failed send again; None: give up, it is recorded as failed."""
        if claim.attempts + 1 >= GIVE_UP_AFTER:
            return None
        looks = RETRY_LOOKS[min(claim.attempts, len(RETRY_LOOKS) - 1)]
        return now + timedelta(seconds=self.interval * looks)
