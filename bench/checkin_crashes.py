"""Check-ins through kill -9 and an outage: is any missed, or sent more than once a kill?

Usage: .venv/bin/python bench/checkin_crashes.py [PEOPLE] [KILLS] [OUTAGE_S] [--webhook]
       [--dropped] [--on-time] [--record]
PEOPLE (300) people, made by `tests/due_checkins.py` (the product's dialogue and storage
port), have a weekly check-in due when the real `growcoach run` starts against the fake
Bot API on localhost, rate limiter on as in production: due in the past week (a catch-up
after downtime), or with --on-time in the minute before. While it sends them:
- it is killed (SIGKILL) KILLS (5) times and started again at once: all but one kill when
  a random number of check-ins has arrived, one at a random moment in the outage;
- Telegram is down for OUTAGE_S (45) seconds from a random point in the first half:
  every call is answered 502 Bad Gateway (what api.telegram.org's front end answers while
  what is behind it is down), or with --dropped the connection is closed unanswered (a
  network failure). Either fails at once; a timeout that leaves a message's fate unknown
  is not simulated. A process that exits by itself (it cannot reach Telegram at start)
  is started again 5 s later, as the systemd unit in deploy/ does.
At the end every person must have received their check-in exactly once, but for at most
one repeat per kill (the message in flight when it came). Prints the figures as JSON;
--record writes them to bench/checkin-crashes-run.json for BENCHMARKS.md
(`bench/run.py --render`). Measured, not asserted; not part of the test suite.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "bench")]

from due_checkins import seed_due_checkins  # noqa: E402
from fake_bot_api import BAD_GATEWAY, DROPPED, Call, FakeBotApi  # noqa: E402
from processes import start_bot  # noqa: E402

TOKEN = "123456:CHECKIN-token-for-the-fake-bot-api"
SECRET = "checkin-secret"
FIRST_USER = 700_001
RESTART_AFTER_EXIT = 5.0
"""deploy/growcoach@.service: Restart=on-failure, RestartSec=5s."""
RECORD = ROOT / "bench" / "checkin-crashes-run.json"


class Run:
    """The bot process, restarted after each kill, and what happened to it."""

    def __init__(self, base_url: str, db: Path, webhook: bool) -> None:
        self.base_url, self.db = base_url, db
        self.options: tuple[str, ...] = ()
        if webhook:
            from test_telegram_process import free_port

            port = free_port()
            self.options = ("--webhook-url", f"http://127.0.0.1:{port}/hook",
                            "--listen", f"127.0.0.1:{port}", "--secret-token", SECRET)  # fmt: skip
        self.kills: list[dict[str, float | int]] = []
        self.exits = 0
        self.process = self.start()

    def start(self) -> subprocess.Popen[bytes]:
        return start_bot(TOKEN, self.base_url, self.db, *self.options, rate_limit=True)

    def kill(self, when: float, arrived: int, down: bool) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.kills.append({"at_s": round(when, 2), "check_ins_arrived": arrived,
                           "in_outage": int(down)})  # fmt: skip
        self.process = self.start()

    def restart_if_exited(self) -> None:
        if self.process.poll() is not None:
            self.exits += 1
            time.sleep(RESTART_AFTER_EXIT)
            self.process = self.start()


def settled(db: Path) -> bool:
    """Nothing left to do: no claim open (being sent, or waiting to be tried again), no
    check-in due and not yet claimed."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as reader:
        left: int = reader.execute(
            "SELECT (SELECT COUNT(*) FROM reminders WHERE outcome IS NULL)"
            " + (SELECT COUNT(*) FROM schedules WHERE next_due <= ?)",
            (now,),
        ).fetchone()[0]
        return left == 0


def main() -> None:
    numbers = [int(a) for a in sys.argv[1:] if a.isdigit()]
    people, kills, outage_s = [*numbers, *[300, 5, 45][len(numbers) :]][:3]
    failure = DROPPED if "--dropped" in sys.argv else BAD_GATEWAY
    users = range(FIRST_USER, FIRST_USER + people)
    arrived: Counter[int] = Counter()

    def count(call: Call) -> None:  # in the server's thread, under its lock
        if call.method == "sendMessage":
            arrived[call.chat_id] += 1

    api = FakeBotApi(on_call=count, keep_calls=False)
    base_url = api.start()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "checkins.db"
        on_time = "--on-time" in sys.argv
        asyncio.run(seed_due_checkins(db, users, datetime.now(UTC), on_time))
        with sqlite3.connect(db) as reader:
            [(due,)] = reader.execute("SELECT DISTINCT next_due FROM schedules").fetchall()
        late_h = (datetime.now(UTC) - datetime.fromisoformat(due)).total_seconds() / 3600
        outage_at = random.randint(people // 10, people // 2)
        kill_points = sorted(random.sample(range(5, people - 5), kills - 1))
        outage_kill_after = random.uniform(5, outage_s - 5)
        load_before = os.getloadavg()[0]
        began = time.monotonic()
        run = Run(base_url, db, "--webhook" in sys.argv)
        down_since: float | None = None
        outage_end: float | None = None
        deadline = began + 1200
        while time.monotonic() < deadline:
            now = time.monotonic()
            with api.condition:
                total = sum(arrived.values())
            if down_since is None and outage_end is None and total >= outage_at:
                api.down(failure)
                down_since = now
            if down_since is not None:
                if (
                    len(run.kills) < kills
                    and now - down_since >= outage_kill_after
                    and not any(k["in_outage"] for k in run.kills)
                ):
                    run.kill(now - began, total, down=True)
                if now - down_since >= outage_s:
                    api.up()
                    down_since, outage_end = None, now
            if kill_points and total >= kill_points[0]:
                kill_points.pop(0)
                run.kill(now - began, total, down=down_since is not None)
            run.restart_if_exited()
            if outage_end is not None and settled(db):
                break
            time.sleep(0.01)
        finished = time.monotonic()
        time.sleep(3)  # anything still in flight
        run.process.send_signal(signal.SIGTERM)
        run.process.wait(60)
        with sqlite3.connect(db) as reader:
            outcomes = dict(reader.execute(
                "SELECT COALESCE(outcome, 'open'), COUNT(*) FROM reminders GROUP BY 1"
            ).fetchall())  # fmt: skip
            attempts = dict(reader.execute(
                "SELECT attempts, COUNT(*) FROM reminders GROUP BY 1"
            ).fetchall())  # fmt: skip
    api.stop()
    with api.condition:
        received = [arrived[user] for user in users]
    duplicates = sum(max(0, n - 1) for n in received)
    result = {
        "mode": "webhook" if "--webhook" in sys.argv else "polling",
        "outage": "connection closed unanswered" if failure is DROPPED else "502 Bad Gateway",
        "people": people,
        "due_hours_before": round(late_h, 3),
        "kills": len(run.kills),
        "kill_moments": run.kills,
        "outage_s": outage_s,
        "outage_began_after_check_ins": outage_at,
        "sends_refused_in_outage": api.refused,
        "exits_by_itself": run.exits,
        "missed": sum(n == 0 for n in received),
        "duplicates": duplicates,
        "most_to_one_person": max(received),
        "claims": outcomes,
        "claims_by_attempts": attempts,
        "all_delivered_after_s": round(finished - began, 1),
        "after_outage_end_s": round(finished - outage_end, 1) if outage_end else None,
        "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)],
    }
    print(json.dumps(result, ensure_ascii=False))
    if "--record" in sys.argv:
        from run import machine

        runs = json.loads(RECORD.read_text()) if RECORD.exists() else []
        day = f"{datetime.now(UTC):%Y-%m-%d}"
        RECORD.write_text(json.dumps([*runs, {"machine": machine(), "date": day,
                                              "result": result}], indent=1))  # fmt: skip


if __name__ == "__main__":
    main()
