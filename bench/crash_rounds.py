"""Kill -9 at random moments: is any message Telegram delivered lost, or applied twice?

Usage: .venv/bin/python bench/crash_rounds.py [ROUNDS] [PEOPLE] [--webhook]
Each simulated person holds a whole GROW conversation against the real `growcoach run`
(fake Bot API on localhost), sending each answer once, after the bot's last reply.
Meanwhile the process is killed (SIGKILL) at random moments and started again. A person
whose reply does not come (it was being sent at the kill) asks again with /start, which
resumes the same question. At the end every person's records must be exactly what their
answers say: an answer lost, or applied twice, shows as a wrong or missing record.
Measured, not asserted; not part of the test suite.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "bench")]

from conftest import SCHEDULE_ANSWERS  # noqa: E402
from fake_bot_api import FakeBotApi  # noqa: E402
from processes import start_bot  # noqa: E402

TOKEN = "123456:CRASH-token-for-the-fake-bot-api-00"
SECRET = "crash-secret"
ANSWERS = SCHEDULE_ANSWERS


def start(base_url: str, db: Path, webhook: str | None) -> subprocess.Popen[bytes]:
    if webhook is None:
        return start_bot(TOKEN, base_url, db)
    port = webhook.split(":")[2].split("/")[0]
    return start_bot(TOKEN, base_url, db, "--webhook-url", webhook,
                     "--listen", f"127.0.0.1:{port}", "--secret-token", SECRET)  # fmt: skip


def deliver(api: FakeBotApi, update_id: int, webhook: str | None) -> None:
    """Polling: the update waits at the fake server. Webhook: posted until answered 200."""
    if webhook is None:
        return
    update = api.take(update_id)
    while True:
        request = urllib.request.Request(
            webhook, json.dumps(update).encode(),
            {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET},
        )  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)  # the bot is restarting: Telegram tries again, so do we


def main() -> None:
    numbers = [int(a) for a in sys.argv[1:] if a.isdigit()]
    defaults = [20, 10]
    rounds, people = [*numbers, *defaults[len(numbers) :]][:2]
    webhook_mode = "--webhook" in sys.argv
    api = FakeBotApi()
    base_url = api.start()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "crash.db"
        webhook = None
        if webhook_mode:
            from test_telegram_process import free_port

            webhook = f"http://127.0.0.1:{free_port()}/hook"
        process = start(base_url, db, webhook)
        step = dict.fromkeys(range(1, people + 1), 0)
        replies = dict.fromkeys(step, 0)
        waiting_since = dict.fromkeys(step, 0.0)
        kills = 0
        next_kill = time.monotonic() + random.uniform(0.5, 2.0)
        deadline = time.monotonic() + 600
        while any(s < len(ANSWERS) for s in step.values()) and time.monotonic() < deadline:
            now = time.monotonic()
            if kills < rounds and now >= next_kill:
                process.send_signal(signal.SIGKILL)
                process.wait()
                api.release(drop=True)
                kills += 1
                process = start(base_url, db, webhook)
                next_kill = time.monotonic() + random.uniform(0.5, 2.0)
            for person in step:
                got = len(api.sent_to(person))
                if step[person] < len(ANSWERS) and (got > replies[person] or step[person] == 0):
                    replies[person] = got
                    update_id = api.send_text(person, ANSWERS[step[person]])
                    step[person] += 1
                    waiting_since[person] = now
                    deliver(api, update_id, webhook)
                elif step[person] < len(ANSWERS) and now - waiting_since[person] > 8:
                    waiting_since[person] = now  # no reply: it was lost at a kill; ask again
                    deliver(api, api.send_text(person, "/start"), webhook)
            time.sleep(0.05)
        time.sleep(3)  # the last answers
        process.send_signal(signal.SIGTERM)
        process.wait(60)
        with sqlite3.connect(db) as reader:
            rows = reader.execute(
                "SELECT p.id, p.name, g.text, s.text, s.confidence, c.weekday, c.hour"
                " FROM people p LEFT JOIN goals g ON g.person_id = p.id"
                " LEFT JOIN steps s ON s.person_id = p.id"
                " LEFT JOIN schedules c ON c.person_id = p.id ORDER BY p.id"
            ).fetchall()
            waiting = reader.execute(
                "SELECT COUNT(*) FROM inbox WHERE handled_at IS NULL"
            ).fetchone()[0]
    expected = ("Sam", "Find a flat of my own within a year",
                "Set up a savings pot on my phone", 8, 0, 18)  # fmt: skip
    right = [row for row in rows if tuple(row[1:]) == expected]
    print(json.dumps({
        "mode": "webhook" if webhook_mode else "polling", "kills": kills, "people": people,
        "answers_sent": sum(step.values()), "people_with_exact_records": len(right),
        "rows": len(rows), "inbox_waiting": waiting,
        "wrong": [list(row) for row in rows if tuple(row[1:]) != expected],
    }, ensure_ascii=False))  # fmt: skip
    api.stop()


if __name__ == "__main__":
    main()
