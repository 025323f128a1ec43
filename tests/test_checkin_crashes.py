"""Check-ins through kill -9 and an outage, with the real `growcoach run`: none missed, and
none repeated but the one in flight at each kill (`bench/checkin_crashes.py` at scale).

The kills and the outage come on conditions the fake Bot API sees, never on a timer: the
process is killed as Telegram takes a check-in, before the bot hears that it did (the one
message a crash may repeat); Telegram is down (502) until it has refused a number of sends.
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from due_checkins import seed_due_checkins
from fake_bot_api import BAD_GATEWAY, Call, FakeBotApi
from test_telegram_process import GROWCOACH, environment

PEOPLE = range(6001, 6031)
KILL_AT = (5, 20)
"""Killed as Telegram takes the 5th and the 20th check-in."""
DOWN_AT, REFUSED = 12, 8
"""Telegram goes down after the 12th check-in, until it has refused 8 sends."""


def start(api: FakeBotApi, db: Path, log: Path) -> subprocess.Popen[bytes]:
    """`growcoach run`, looking for due check-ins every 0.2 s (30 s by default), so that a
    failed send is tried again within a second."""
    env = environment(api) | {"GROWCOACH_REMINDER_EVERY": "0.2",
                              "GROWCOACH_TELEGRAM_RATE_LIMIT": "false"}  # fmt: skip
    with log.open("ab") as out:
        return subprocess.Popen([GROWCOACH, "run", "--db", str(db)], env=env, stdout=out,
                                stderr=out)  # fmt: skip


def test_check_ins_survive_kills_and_an_outage(bot_api: FakeBotApi, tmp_path: Path) -> None:
    db, log = tmp_path / "checkins.db", tmp_path / "bot.log"
    asyncio.run(seed_due_checkins(db, PEOPLE, datetime.now(UTC)))
    arrived: Counter[int] = Counter()
    in_flight: list[int] = []
    """Whose check-in Telegram was taking at each kill."""
    running = [start(bot_api, db, log)]

    def watch(call: Call) -> None:  # the fake server's thread, as each call is answered
        if call.method != "sendMessage":
            return
        arrived[call.chat_id] += 1
        taken = sum(arrived.values())
        if taken in KILL_AT:
            running[-1].send_signal(signal.SIGKILL)
            in_flight.append(call.chat_id)
        if taken == DOWN_AT:
            bot_api.down(BAD_GATEWAY, ends_after=REFUSED)

    bot_api.on_call = watch
    try:
        for kill in range(len(KILL_AT)):
            bot_api.wait_for(lambda _, kill=kill: len(in_flight) > kill)
            running[-1].wait(10)
            running.append(start(bot_api, db, log))
        bot_api.wait_for(lambda _: all(arrived[person] for person in PEOPLE))
    finally:  # killed too: a stop just after start waits for the engine's warm-up thread
        running[-1].send_signal(signal.SIGKILL)
        running[-1].wait(30)
    assert bot_api.refused == REFUSED and bot_api.outage is None
    assert [process.returncode for process in running] == [-9] * len(running)
    repeated = {person for person in PEOPLE if arrived[person] > 1}
    assert repeated <= set(in_flight)  # only a message in flight at a kill came twice
    assert all(arrived[person] <= 2 for person in PEOPLE)
    assert sum(arrived[person] - 1 for person in PEOPLE) <= len(KILL_AT)
