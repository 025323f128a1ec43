"""growcoach's benchmark: start-up, the turn, the bot under load, reminders, and growth.

Usage: .venv/bin/python bench/run.py [--quick | --render | --again PART...]
       .venv/bin/python bench/run.py --part flood '[10000, 50]'  (one part alone)
Prints a table and writes BENCHMARKS.md (with bench/CHANGES.md appended) and the raw
figures to bench/last-run.json; --render writes BENCHMARKS.md again from those; --again
measures the named parts (startup, engine, due_while_chatting, load) of the last run again. Each
part runs in a fresh process, so memory figures are that part's own. Not part of the
test suite: figures are measured here, not asserted. Only loopback traffic: the fake
Bot API server is on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import platform
import random
import resource
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from conftest import SCHEDULE_ANSWERS  # noqa: E402
from fake_bot_api import Call, FakeBotApi  # noqa: E402
from processes import GROWCOACH, environment, start_bot  # noqa: E402

from bot.app import open_app  # noqa: E402
from bot.reminders import ReminderLoop  # noqa: E402
from bot.rendering import render as in_words  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.telegram import BotSettings, Retry, TelegramBot, person_id  # noqa: E402
from dialogue_flows.catalogue import Catalogue  # noqa: E402
from dialogue_flows.engine import Engine  # noqa: E402
from dialogue_flows.records import PersonId  # noqa: E402
from dialogue_flows.types import Snapshot, Text  # noqa: E402
from storage.db import PRAGMAS  # noqa: E402

TOKEN = "123456:BENCH-token-for-the-fake-bot-api-00"
ANSWERS = SCHEDULE_ANSWERS
"""A whole GROW conversation and a weekly check-in: 21 turns, one reply each."""
THINK = 0.150
CHANGES = ROOT / "bench" / "CHANGES.md"
"""What was changed after profiling, before and after: written by hand, appended."""
LAST_RUN = ROOT / "bench" / "last-run.json"
POSTGRES_RUN = ROOT / "bench" / "postgres-run.json"
"""The last run of bench/postgres_bench.py (it needs a PostgreSQL server): its own section."""
CHECKIN_CRASHES = ROOT / "bench" / "checkin-crashes-run.json"
"""The recorded runs of bench/checkin_crashes.py (kill -9 and an outage): their own section."""
NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- 1. the engine alone ------------------------------------------------------------


def engine_turns(conversations: int) -> dict[str, Any]:
    """The engine's turn alone, and with its replies put into words (`in_words`, as every
    adapter does before sending): a message's placeholders are worked out as it is
    rendered (`types.Lazy`), so the first figure alone would leave that out. The engine
    is warmed up first, as `growcoach run` does as it starts (the crisis model, the
    world's towns: seconds, once)."""
    catalogue = Catalogue.load()
    engine = Engine(catalogue)
    engine.warm_up()
    latencies, words = [], []
    cpu = time.process_time()
    for n in range(conversations):
        person, goals, schedule = None, {}, None
        for answer in ANSWERS:
            snapshot = Snapshot(f"p{n}", person, tuple(goals.values()), "en", schedule)
            started = time.perf_counter()
            turn = engine.handle(snapshot, Text(answer), NOW)
            handled = time.perf_counter()
            for reply in turn.replies:
                in_words(catalogue, reply, turn.language)
            latencies.append(handled - started)
            words.append(time.perf_counter() - started)
            person = turn.person or person
            goals.update({goal.number: goal for goal in turn.goals})
            schedule = turn.schedule if turn.schedule_changed else schedule
    cpu = time.process_time() - cpu
    return {
        "turns": len(latencies),
        "rate": len(latencies) / sum(latencies),
        "cpu_ms": cpu / len(words) * 1000,
        "p50_ms": percentile(latencies, 0.5) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "rendered_rate": len(words) / sum(words),
        "rendered_p50_ms": percentile(words, 0.5) * 1000,
        "rendered_p99_ms": percentile(words, 0.99) * 1000,
        "load_average": os.getloadavg()[0],
    }


# -- 2. the durable turn, beside the raw commit limit --------------------------------


async def durable_turns(db: Path, conversations: int, first: int = 0) -> list[float]:
    latencies = []
    async with open_app(db, lambda: NOW) as app:
        for n in range(first, first + conversations):
            for answer in ANSWERS:
                started = time.perf_counter()
                await app.conversations.handle(person_id(n), Text(answer))
                latencies.append(time.perf_counter() - started)
    return latencies


async def raw_commits(db: Path, count: int, size: int) -> list[float]:
    """Single-row commit transactions of the same size, same file, same settings."""
    import aiosqlite

    connection = await aiosqlite.connect(db, isolation_level=None)
    for pragma in PRAGMAS:
        await connection.execute(pragma)
    await connection.execute("CREATE TABLE IF NOT EXISTS raw (id INTEGER PRIMARY KEY, body TEXT)")
    payload = "x" * size
    latencies = []
    for n in range(count):
        started = time.perf_counter()
        await connection.execute("BEGIN IMMEDIATE")
        await connection.execute(
            "INSERT OR REPLACE INTO raw (id, body) VALUES (?, ?)", (n % 1000, payload)
        )
        await connection.execute("COMMIT")
        latencies.append(time.perf_counter() - started)
    await connection.close()
    return latencies


async def round_trips(db: Path, count: int) -> list[float]:
    """`SELECT 1`: what one trip to aiosqlite's thread costs, with no work in it."""
    import aiosqlite

    async with aiosqlite.connect(db, isolation_level=None) as connection:
        latencies = []
        for _ in range(count):
            started = time.perf_counter()
            await connection.execute_fetchall("SELECT 1")
            latencies.append(time.perf_counter() - started)
    return latencies


def durable(conversations: int, rounds: int = 5) -> dict[str, Any]:
    """Ours and the limit measured in turns, `rounds` times: a change in the machine's
    speed during the run (other tenants, frequency) touches both alike."""
    ours: list[float] = []
    limit: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "durable.db"
        each = conversations // rounds
        ratios = []
        for n in range(rounds):
            turns = asyncio.run(durable_turns(db, each, first=n * each))
            ours += turns
            with sqlite3.connect(db) as reader:
                row = reader.execute(
                    "SELECT length(conversation) + length(name) FROM people"
                ).fetchone()
                goal = reader.execute(
                    "SELECT length(text) + length(options) FROM goals"
                ).fetchone()
            size = int(row[0]) + int(goal[0])
            commits = asyncio.run(raw_commits(db, each * len(ANSWERS), size))
            limit += commits
            ratios.append((len(turns) / sum(turns)) / (len(commits) / sum(commits)))
        trips = asyncio.run(round_trips(db, 2000))
    rate, limit_rate = len(ours) / sum(ours), len(limit) / sum(limit)
    return {
        "turns": len(ours), "p50_ms": percentile(ours, 0.5) * 1000,
        "p99_ms": percentile(ours, 0.99) * 1000, "rate": rate,
        "limit_p50_ms": percentile(limit, 0.5) * 1000,
        "limit_p99_ms": percentile(limit, 0.99) * 1000, "limit_rate": limit_rate,
        "ratio": rate / limit_rate, "row_bytes": size,
        "round_ratios": sorted(ratios),
        "trip_us": statistics.median(trips) * 1e6,
    }  # fmt: skip


# -- 3. the bot under load -----------------------------------------------------------


class Crowd:
    """Simulated people: each answers `think` seconds (150 ms) after the bot's last message.

    All at once, in step, unless `spread`: then each starts at a random moment within
    the first `think` and pauses between half and one and a half `think`, as people
    typing do (a hundred answers in the same instant would be no chat, and more than
    Telegram's 30 messages a second could answer)."""

    def __init__(
        self,
        api: FakeBotApi,
        people: int,
        loop: asyncio.AbstractEventLoop,
        think: float = THINK,
        spread: bool = False,
    ) -> None:
        self.api = api
        self.loop = loop
        self.think = think
        self.spread = random.Random(14) if spread else None
        self.people = [10_000 + n for n in range(people)]
        self.next: dict[int, int] = {}
        self.sent_at: dict[int, float] = {}
        self.latencies: list[float] = []
        self.done = asyncio.Event()
        self.finished = 0
        self.lock = threading.Lock()
        api.on_call = self.on_call

    def send(self, person: int) -> None:
        with self.lock:
            index = self.next.get(person, 0)
            self.next[person] = index + 1
            self.sent_at[person] = time.perf_counter()
        self.deliver(person, ANSWERS[index])

    def deliver(self, person: int, text: str) -> None:
        """Polling: the update waits at the fake server for the bot's `getUpdates`."""
        self.api.send_text(person, text)

    def on_call(self, call: Call) -> None:
        if call.method != "sendMessage":
            return
        person = call.chat_id
        with self.lock:
            if person not in self.sent_at:
                return
            self.latencies.append(time.perf_counter() - self.sent_at.pop(person))
            more = self.next.get(person, 0) < len(ANSWERS)
            if not more:
                self.finished += 1
                if self.finished == len(self.people):
                    self.loop.call_soon_threadsafe(self.done.set)
        if more:
            pause = self.think * (self.spread.uniform(0.5, 1.5) if self.spread else 1)
            self.loop.call_soon_threadsafe(self.loop.call_later, pause, self.send, person)

    async def run(self, limit: float) -> float:
        started = time.perf_counter()
        for person in self.people:
            if self.spread:
                self.loop.call_later(self.spread.uniform(0, self.think), self.send, person)
            else:
                self.send(person)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.done.wait(), limit)
        return time.perf_counter() - started


def vm_hwm_mb(pid: int) -> float:
    """Peak resident memory of the process and all its children."""
    total = 0.0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            total += int(line.split()[1]) / 1024
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        total += vm_hwm_mb(int(child))
    return total


def under_load(kind: str, people: int) -> dict[str, Any]:
    api = FakeBotApi(keep_calls=False)
    base_url = api.start()
    with tempfile.TemporaryDirectory() as folder:
        if kind == "growcoach":
            process = start_bot(TOKEN, base_url, Path(folder) / "load.db")
        else:
            command = [sys.executable, str(ROOT / "bench" / "baseline_bot.py"),
                       str(Path(folder) / "baseline.pickle")]  # fmt: skip
            process = subprocess.Popen(command, env=environment(TOKEN, base_url),
                                       stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            if not api.polled.wait(60):
                raise RuntimeError(f"{kind} did not start")
            loop = asyncio.new_event_loop()
            crowd = Crowd(api, people, loop)
            elapsed = loop.run_until_complete(crowd.run(limit=600))
            loop.close()
            memory = vm_hwm_mb(process.pid)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(300)  # the baseline pickles every conversation as it stops
            api.stop()
    turns = len(crowd.latencies)
    return {
        "kind": kind, "people": people, "turns": turns,
        "seconds": elapsed, "rate": turns / elapsed,
        "p50_ms": percentile(crowd.latencies, 0.5) * 1000,
        "p99_ms": percentile(crowd.latencies, 0.99) * 1000,
        "errors": people * len(ANSWERS) - turns, "completed": crowd.finished,
        "peak_mb": memory,
    }  # fmt: skip


# -- 4. reminders at scale ------------------------------------------------------------


def fill(db: Path, people: int, due: int, due_at: datetime = NOW - timedelta(minutes=5)) -> None:
    """`people` people with a plan and a weekly schedule; `due` of them due at `due_at`."""
    asyncio.run(durable_turns(db, 1))
    with sqlite3.connect(db) as writer:
        person = writer.execute("SELECT * FROM people").fetchone()
        goal = writer.execute("SELECT * FROM goals").fetchone()
        step = writer.execute("SELECT * FROM steps").fetchone()
        schedule = writer.execute("SELECT * FROM schedules").fetchone()
        past = due_at.isoformat(timespec="seconds")
        future = (NOW + timedelta(days=3)).isoformat(timespec="seconds")
        for start in range(1, people, 10_000):
            ids = [person_id(n) for n in range(start, min(people, start + 10_000))]
            writer.executemany(f"INSERT INTO people VALUES ({','.join('?' * len(person))})",
                               [(i, *person[1:]) for i in ids])  # fmt: skip
            writer.executemany(f"INSERT INTO goals VALUES ({','.join('?' * len(goal))})",
                               [(i, *goal[1:]) for i in ids])  # fmt: skip
            writer.executemany(f"INSERT INTO steps VALUES ({','.join('?' * len(step))})",
                               [(i, *step[1:]) for i in ids])  # fmt: skip
            writer.executemany(
                f"INSERT INTO schedules VALUES ({','.join('?' * len(schedule))})",
                [(i, *schedule[1:-1], past if int(i[9:]) < due else future) for i in ids],
            )
        writer.execute("UPDATE schedules SET next_due = ? WHERE person_id = 'telegram:0'", (past,))


def reminders(people: int, due: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "reminders.db"
        fill(db, people, due)
        return {"people": people, **asyncio.run(reminder_scale(db))}


async def reminder_scale(db: Path) -> dict[str, Any]:
    """The real loop in the real Telegram adapter, the rate limiter off, a fake server."""
    api = FakeBotApi(keep_calls=False)
    base_url = api.start()
    service = Settings(_env_file=None, telegram_rate_limit=False)
    bot = TelegramBot(BotSettings(TOKEN, db, lambda: NOW, base_url, service,
                                  Retry(delays=(0.1,)), remind_every=None))  # fmt: skip
    application = bot.application
    await application.initialize()
    assert application.post_init is not None and application.post_shutdown is not None
    await application.post_init(application)
    try:
        queries = []
        for _ in range(20):
            started = time.perf_counter()
            async with bot.reminders.app.database.unit_of_work() as uow:
                found = await uow.schedules.due(NOW, 1000, PersonId.TELEGRAM)
            queries.append(time.perf_counter() - started)
        loop: ReminderLoop = bot.reminders
        started = time.perf_counter()
        sent = await loop.tick()
        sending = time.perf_counter() - started
    finally:
        await application.post_shutdown(application)
        await application.shutdown()
        api.stop()
    return {"due": len(found), "query_ms": statistics.median(queries) * 1000,
            "sent": sent, "send_seconds": sending, "peak_mb": peak_mb()}  # fmt: skip


# -- 5. growth ------------------------------------------------------------------------


def growth(stored: int, conversations: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "growth.db"
        fill(db, stored, 0)
        latencies = asyncio.run(durable_turns(db, conversations, first=stored + 1))
        size = db.stat().st_size + Path(f"{db}-wal").stat().st_size
    return {"stored": stored, "p50_ms": percentile(latencies, 0.5) * 1000,
            "p99_ms": percentile(latencies, 0.99) * 1000, "mb": size / 1e6}  # fmt: skip


# -- the whole run --------------------------------------------------------------------

# -- 6. one person's flood beside another person's chat -----------------------------


def flood(size: int, probes: int) -> dict[str, Any]:
    """One person sends `size` messages at once; another then asks `probes` questions,
    each after the last reply: how long their replies take. The rate limiter is on, as
    in production (about 30 messages a second), and Telegram's 100 updates a batch."""
    api = FakeBotApi(keep_calls=False, batch_limit=100)
    base_url = api.start()
    flooder, prober = 1, 2
    replied = threading.Event()

    def on_call(call: Call) -> None:
        if call.method == "sendMessage" and call.chat_id == prober:
            replied.set()

    api.on_call = on_call
    latencies: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        process = start_bot(TOKEN, base_url, Path(folder) / "flood.db", rate_limit=True)
        try:
            if not api.polled.wait(60):
                raise RuntimeError("growcoach did not start")
            for n in range(size):
                api.send_text(flooder, f"message {n}")
            for _ in range(probes):
                replied.clear()
                started = time.perf_counter()
                api.send_text(prober, "/help")
                if not replied.wait(30):
                    raise RuntimeError("the other person was not answered within 30 s")
                latencies.append(time.perf_counter() - started)
                time.sleep(THINK)
        finally:
            process.send_signal(signal.SIGKILL)  # the flood's backlog is kept in the inbox
            process.wait(60)
            api.stop()
    after = latencies[1:]  # the first waits for the flood ahead of it in Telegram's queue
    return {
        "flood": size, "probes": probes, "first_ms": latencies[0] * 1000,
        "p50_ms": percentile(after, 0.5) * 1000, "p99_ms": percentile(after, 0.99) * 1000,
    }  # fmt: skip


# -- 7. check-ins due all at once while people chat, the rate limiter on ---------------

SETTLE = 30
"""Seconds from the bot's start to the check-ins' due time: its start-up is not measured."""


def due_while_chatting(due: int, chatters: int, think: float) -> dict[str, Any]:
    """`due` check-ins due in the same minute while `chatters` people each hold a whole
    conversation, answering about `think` seconds after the bot's last message. The real
    `growcoach run` with the rate limiter on (about 30 messages a second), on the real
    clock. The check-ins come due, and the people start, `SETTLE` seconds after the bot
    started, as at 18:00 in a bot that has been running: its loop looks every 30 s."""
    api = FakeBotApi(keep_calls=False)
    base_url = api.start()
    loop = asyncio.new_event_loop()
    crowd = Crowd(api, chatters, loop, think, spread=True)
    check_ins: dict[int, list[float]] = {}

    def on_call(call: Call) -> None:
        crowd.on_call(call)
        if call.method == "sendMessage" and call.chat_id < due:
            check_ins.setdefault(call.chat_id, []).append(time.perf_counter())

    api.on_call = on_call
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "due.db"
        fill(db, due, due)
        due_at = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=SETTLE)
        with sqlite3.connect(db) as writer:
            writer.execute("UPDATE schedules SET next_due = ?",
                           (due_at.isoformat(timespec="seconds"),))  # fmt: skip
        started = time.perf_counter() + (due_at - datetime.now(UTC)).total_seconds()
        process = start_bot(TOKEN, base_url, db, rate_limit=True)
        try:
            if not api.polled.wait(60):
                raise RuntimeError("growcoach did not start")
            time.sleep(max(0.0, started - time.perf_counter()))
            loop.run_until_complete(crowd.run(limit=900))
            deadline = started + 900
            while len(check_ins) < due and time.perf_counter() < deadline:
                time.sleep(1)
            time.sleep(10)  # long enough for a second copy of any of them to show
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(60)
            api.stop()
            loop.close()
    last = max((times[0] for times in check_ins.values()), default=started) - started
    return {
        "due": due, "chatters": chatters, "think_s": think, "turns": len(crowd.latencies),
        "completed": crowd.finished, "p50_ms": percentile(crowd.latencies, 0.5) * 1000,
        "p99_ms": percentile(crowd.latencies, 0.99) * 1000,
        "max_ms": max(crowd.latencies) * 1000, "check_ins_sent": len(check_ins),
        "twice": sum(len(times) > 1 for times in check_ins.values()),
        "last_check_in_s": last,
    }  # fmt: skip


# -- 8. start-up ------------------------------------------------------------------------


def startup(runs: int = 5) -> dict[str, Any]:
    """`growcoach chat </dev/null` (greets, and ends at once) and `growcoach --help`:
    the median of `runs` starts after one to warm the disk cache, wall and CPU."""
    results: dict[str, Any] = {"runs": runs, "load_average": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as folder:
        commands = {
            "chat": [GROWCOACH, "chat", "--db", str(Path(folder) / "start.db")],
            "help": [GROWCOACH, "--help"],
        }
        for name, command in commands.items():
            walls, cpus = [], []
            for n in range(runs + 1):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.perf_counter()
                subprocess.run(command, env=environment(), stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, check=True)  # fmt: skip
                wall = time.perf_counter() - started
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                if n:  # the first warms the caches (and writes the bytecode)
                    walls.append(wall)
                    cpus.append(cpu)
            results[f"{name}_s"] = statistics.median(walls)
            results[f"{name}_cpu_s"] = statistics.median(cpus)
    return results


PARTS: dict[str, Callable[..., dict[str, Any]]] = {
    "startup": startup,
    "due_while_chatting": due_while_chatting,
    "flood": flood,
    "engine": engine_turns,
    "durable": durable,
    "load": under_load,
    "reminders": reminders,
    "growth": growth,
}


def part(name: str, *args: Any) -> dict[str, Any]:
    """Run one part in a fresh process (for honest memory figures); returns its result."""
    output = subprocess.run(
        [sys.executable, __file__, "--part", name, json.dumps(args)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    result: dict[str, Any] = json.loads(output.stdout.strip().splitlines()[-1])
    print(f"  {name} {args}: done", file=sys.stderr)
    return result


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB; {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}; SQLite "
            f"{sqlite3.sqlite_version}")  # fmt: skip


def main() -> None:
    if "--part" in sys.argv:
        name = sys.argv[sys.argv.index("--part") + 1]
        args = json.loads(sys.argv[sys.argv.index("--part") + 2])
        print(json.dumps(PARTS[name](*args)))
        return
    if "--render" in sys.argv:
        render_again()
        return
    if "--again" in sys.argv:
        measure_again(sys.argv[sys.argv.index("--again") + 1 :])
        return
    quick = "--quick" in sys.argv
    results = {
        "startup": part("startup", 5),
        "due_while_chatting": part(
            "due_while_chatting", *((300, 10, 1.0) if quick else (10_000, 100, 10.0))
        ),
        "engine": part("engine", 50 if quick else 500),
        "durable": part("durable", 10 if quick else 100),
        "load": [
            part("load", kind, people)
            for people in ((20, 100) if quick else (100, 1000))
            for kind in ("growcoach", "baseline")
        ],
        "reminders": part("reminders", 10_000 if quick else 100_000, 1000),
        "growth": [
            part("growth", n, 5 if quick else 20)
            for n in ((1000, 10_000) if quick else (1000, 10_000, 100_000))
        ],
    }
    today = f"{datetime.now(UTC):%Y-%m-%d}"
    report = render(results, machine(), quick, today)
    print(report)
    if not quick:
        (ROOT / "BENCHMARKS.md").write_text(report)
        run = {"machine": machine(), "date": today, "results": results}
        LAST_RUN.write_text(json.dumps(run, indent=1))


def measure_again(names: list[str]) -> None:
    """Only the named parts of the last full run again (e.g. after a fault in one), with
    the full run's arguments; the rest of bench/last-run.json is kept, and each part
    measured again is noted with its date."""
    last = json.loads(LAST_RUN.read_text())
    again: dict[str, Any] = {
        "startup": lambda: part("startup", 5),
        "engine": lambda: part("engine", 500),
        "due_while_chatting": lambda: part("due_while_chatting", 10_000, 100, 10.0),
        "load": lambda: [part("load", kind, people) for people in (100, 1000)
                         for kind in ("growcoach", "baseline")],
    }  # fmt: skip
    today = f"{datetime.now(UTC):%Y-%m-%d}"
    for name in names:
        last["results"][name] = again[name]()
        last["results"].setdefault("again", {})[name] = today
    LAST_RUN.write_text(json.dumps(last, indent=1))
    render_again()


def render_again() -> None:
    """BENCHMARKS.md again from the last runs (this one's and PostgreSQL's), with CHANGES.md."""
    last = json.loads(LAST_RUN.read_text())
    report = render(last["results"], last["machine"], False, last["date"])
    (ROOT / "BENCHMARKS.md").write_text(report)


def render(results: dict[str, Any], where: str, quick: bool, day: str) -> str:
    engine, durable_ = results["engine"], results["durable"]
    lines = [
        "# Benchmarks", "",
        f"Measured by `bench/run.py`{' --quick' if quick else ''} on "
        f"{day}: {where}." + measured_again(results), "",
        "## 1. Engine turn (pure, in memory)", "",
        *render_engine(engine),
        "## 2. Durable turn (engine + one SQLite commit) beside the raw commit limit", "",
        "| | turns/s | p50 | p99 |", "| --- | --- | --- | --- |",
        f"| growcoach turn | {durable_['rate']:,.0f} | {durable_['p50_ms']:.2f} ms "
        f"| {durable_['p99_ms']:.2f} ms |",
        f"| limit: raw single-row commit of {durable_['row_bytes']} bytes "
        f"| {durable_['limit_rate']:,.0f} | {durable_['limit_p50_ms']:.2f} ms "
        f"| {durable_['limit_p99_ms']:.2f} ms |", "",
        f"Ours is **{durable_['ratio']:.1%}** of the limit (target ≥ 50%); "
        f"p99 {durable_['p99_ms']:.2f} ms (target ≤ 5 ms). Measured in "
        f"{len(durable_['round_ratios'])} rounds, ours and the limit in turns; the share "
        "in each round: " + ", ".join(f"{r:.0%}" for r in durable_["round_ratios"]) + ". "
        f"One trip to aiosqlite's thread with no work in it (`SELECT 1`) takes "
        f"{durable_['trip_us']:.0f} µs (median): the limit is three such trips, a turn two.",
        "",
        "## 3. The bot under load (real processes, fake Bot API on localhost)", "",
        f"Each simulated person holds a whole GROW conversation ({len(ANSWERS)} turns), "
        "answering 150 ms "
        "after the bot's last message. Update-to-reply is from the update being queued at "
        "the fake server to the bot's reply arriving there (it includes the bot's long-poll "
        "pickup). Baseline: python-telegram-bot's "
        "`ConversationHandler` with `PicklePersistence`, the same questions, same server, "
        "same load. All share the machine's two cores with the fake server and the "
        "simulated people.", "",
        "| bot | people | turns/s | p50 | p99 | errors | completed | peak memory (all "
        "processes) |", "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]  # fmt: skip
    for row in results["load"]:
        bot = {"growcoach": "growcoach, one process", "baseline": "baseline"}[row["kind"]]
        lines.append(
            f"| {bot} | {row['people']} | {row['rate']:,.0f} | {row['p50_ms']:.0f} ms | "
            f"{row['p99_ms']:.0f} ms | {row['errors']} | {row['completed']}/{row['people']} | "
            f"{row['peak_mb']:.0f} MB |"
        )
    one, theirs = results["load"][-2:]
    reminders = results["reminders"]
    lines += [
        "", f"At {theirs['people']} people our rate is **{one['rate'] / theirs['rate']:.2f}x** "
        "the baseline's (target ≥ 1x, aiming for 2x).", "",
        "## 4. Reminders at scale", "",
        "| people with schedules | due | due query (median of 20) | sending due check-ins "
        "(rate limiter off) | peak memory |", "| --- | --- | --- | --- | --- |",
        f"| {reminders['people']:,} | {reminders['due']} | {reminders['query_ms']:.2f} ms | "
        f"{reminders['sent']} in {reminders['send_seconds']:.1f} s | "
        f"{reminders['peak_mb']:.0f} MB |", "",
        "Targets: due query ≤ 50 ms and memory ≤ 200 MB at 100,000 people.", "",
        "## 5. Growth", "", "| people stored | durable turn p50 | p99 | database size |",
        "| --- | --- | --- | --- |",
    ]  # fmt: skip
    for row in results["growth"]:
        lines.append(f"| {row['stored']:,} | {row['p50_ms']:.2f} ms | {row['p99_ms']:.2f} ms | "
                     f"{row['mb']:.1f} MB |")  # fmt: skip
    lines += render_due_and_startup(results)
    if POSTGRES_RUN.exists():
        lines += ["", *render_postgres(json.loads(POSTGRES_RUN.read_text()))]
    if CHECKIN_CRASHES.exists():
        lines += ["", *render_checkin_crashes(json.loads(CHECKIN_CRASHES.read_text()))]
    return "\n".join(lines) + "\n\n" + CHANGES.read_text()


def render_engine(engine: dict[str, Any]) -> list[str]:
    """Section 1: the turn, and (runs from 2 December on) the turn with its replies in words."""
    rows = [("`Engine.handle`", "")]
    if "rendered_rate" in engine:
        rows.append(("`handle`, then its replies rendered", "rendered_"))
    return [
        "| | turns | turns/s | p50 | p99 |", "| --- | --- | --- | --- | --- |",
        *(f"| {name} | {engine['turns']} | {engine[f'{key}rate']:,.0f} | "
          f"{engine[f'{key}p50_ms']:.3f} ms | {engine[f'{key}p99_ms']:.3f} ms |"
          for name, key in rows),
        "",
        *([f"CPU time per turn, rendered: {engine['cpu_ms']:.3f} ms (the wall-clock "
           "figures wait for a core while others run); load average "
           f"{engine['load_average']:.1f} at the end (2 cores).", ""]
          if "cpu_ms" in engine else []),
    ]  # fmt: skip


def measured_again(results: dict[str, Any]) -> str:
    """The parts measured again after the full run (`--again`), if any."""
    again = results.get("again", {})
    return "".join(f" Part `{name}` measured again on {day} (`--again`)."
                   for name, day in again.items())  # fmt: skip


def render_due_and_startup(results: dict[str, Any]) -> list[str]:
    """Sections 6 and 7, when the run measured them (runs before 2 December did not)."""
    lines: list[str] = []
    if "due_while_chatting" in results:
        due = results["due_while_chatting"]
        lines += [
            "", "## 6. Check-ins due at once while people chat (rate limiter on)", "",
            f"{due['due']:,} check-ins due in the same minute while {due['chatters']} people "
            f"each hold a whole conversation, starting at random moments and answering "
            f"{due['think_s'] / 2:.0f} to {due['think_s'] * 1.5:.0f} s after the bot's last "
            "message; the real `growcoach run` on the real clock, python-telegram-bot's rate "
            "limiter on (about 30 messages a second). The check-ins come due 30 s after the "
            "bot started; sent-after is from their due time.", "",
            "| replies p50 | p99 | slowest | conversations completed | check-ins sent | "
            "sent twice | last check-in sent after |",
            "| --- | --- | --- | --- | --- | --- | --- |",
            f"| {due['p50_ms']:.0f} ms | {due['p99_ms']:.0f} ms | {due['max_ms']:.0f} ms | "
            f"{due['completed']}/{due['chatters']} | {due['check_ins_sent']:,}/{due['due']:,} | "
            f"{due['twice']} | {due['last_check_in_s'] / 60:.1f} min |", "",
            "Targets: reply p99 ≤ 300 ms, every check-in within 10 minutes, none twice.",
        ]  # fmt: skip
    if "startup" in results:
        start = results["startup"]
        lines += [
            "", "## 7. Start-up", "",
            f"Median of {start['runs']} starts after one warm-up (load average "
            f"{start['load_average']:.1f} at the time).", "",
            "| command | wall | CPU |", "| --- | --- | --- |",
            f"| `growcoach chat </dev/null` | {start['chat_s']:.2f} s | "
            f"{start['chat_cpu_s']:.2f} s |",
            f"| `growcoach --help` | {start['help_s']:.2f} s | {start['help_cpu_s']:.2f} s |",
            "", "Target: both ≤ 0.5 s.",
        ]  # fmt: skip
    return lines


def render_postgres(run: dict[str, Any]) -> list[str]:
    """The section of bench/postgres_bench.py's last run (its own machine line and date)."""
    durable_, load = run["results"]["durable"], run["results"]["load"]
    again = [
        f"(The durable part measured again on {durable_['measured']}; the webhook figures "
        "below are from the run named above.)"
    ] if "measured" in durable_ else []  # fmt: skip
    share, rounds, each_round = durable_["ratio"], "", []
    if "rounds" in durable_:  # runs since 2 December, session 7: several rounds
        low, share, high = durable_["round_ratios"]
        rounds = (f": the median of {len(durable_['rounds'])} rounds, each on a fresh "
                  f"database, from {low:.0%} to {high:.0%} (all rounds together "
                  f"{durable_['ratio']:.0%})")  # fmt: skip
        each_round = [
            "Each round's share, beside its raw commit's median (mostly the disk's `fsync`) "
            "and the load average at its end: " + "; ".join(
                f"{one['ratio']:.0%} ({one['limit_p50_ms']:.2f} ms, load {one['load']:.1f})"
                for one in durable_["rounds"]
            ) + "."
        ]  # fmt: skip
    lines = [
        "## 8. PostgreSQL: the durable turn, and one instance against two", "",
        f"Measured by `bench/postgres_bench.py` on {run['date']}: {run['machine']}.", "",
        "| | turns/s | p50 | p99 |", "| --- | --- | --- | --- |",
        f"| growcoach turn on PostgreSQL | {durable_['rate']:,.0f} | "
        f"{durable_['p50_ms']:.2f} ms | {durable_['p99_ms']:.2f} ms |",
        f"| limit: raw single-row commit of {durable_['row_bytes']} bytes, same server | "
        f"{durable_['limit_rate']:,.0f} | {durable_['limit_p50_ms']:.2f} ms | "
        f"{durable_['limit_p99_ms']:.2f} ms |", "",
        f"Ours is **{share:.1%}** of the limit (target ≥ 50%){rounds}. Measured side "
        f"by side, one at a time each: a person's conversation ({len(ANSWERS)} turns, each "
        "a Telegram update already in the inbox: lock, read and the update's check, engine, "
        "writes and its receipt, commit), then as many raw commits (one `INSERT` of a row of "
        f"a turn's size, autocommitted), {durable_['blocks']} times; the share in each pair "
        "from {0:.0%} to {2:.0%}, median {1:.0%}.".format(*durable_["block_ratios"]),
        *each_round,
        *again,
        "",
        "Webhook mode: each update is posted to the instances in turn (as a reverse proxy "
        "shares them), all instances on one database; the same simulated people as in 3.", "",
        "| instances | people | turns/s | p50 | p99 | errors | completed | peak memory |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]  # fmt: skip
    for row in load:
        lines.append(
            f"| {row['instances']} | {row['people']} | {row['rate']:,.0f} | "
            f"{row['p50_ms']:.0f} ms | {row['p99_ms']:.0f} ms | {row['errors']} | "
            f"{row['completed']}/{row['people']} | {row['peak_mb']:.0f} MB |"
        )
    return lines


def ago(hours: float) -> str:
    return f"{hours:.0f} h" if hours >= 1 else f"{hours * 60:.0f} min"


def render_checkin_crashes(runs: list[dict[str, Any]]) -> list[str]:
    """The section of bench/checkin_crashes.py's recorded runs, one row each."""
    lines = [
        "## 9. Check-ins through kill -9 and an outage", "",
        "Measured by `bench/checkin_crashes.py --record`: people whose weekly check-in is due "
        "when the real `growcoach run` starts, hours before (a catch-up, as after downtime) "
        "or a minute before (`--on-time`); rate limiter on, as in production. It is "
        "killed (SIGKILL) and started again at once, all kills but one when a random number "
        "of check-ins has arrived, one at a random moment in the outage; Telegram is down "
        "from a random point in the first half, every call answered 502 or its connection "
        "closed unanswered. A process that exits by itself (Telegram unreachable at start) "
        "is started again 5 s later, as the systemd unit does. Repeated: check-ins that "
        "arrived twice. How soon after the outage the last one goes depends on how often "
        "each had failed: a retry waits 30 s after a first failure, 2 minutes after a "
        "second. Other sessions' tests shared the two cores (the load average).", "",
        "| date | mode | due before start | outage | people | kills | missed | repeated | "
        "sends refused | exits by itself | all sent after (after the outage) | load average |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]  # fmt: skip
    for run in runs:
        r = run["result"]
        lines.append(
            f"| {run['date']} | {r['mode']} | {ago(r['due_hours_before'])} | "
            f"{r['outage_s']} s, {r['outage']} | {r['people']} | "
            f"{r['kills']} | {r['missed']} | {r['duplicates']} | {r['sends_refused_in_outage']} | "
            f"{r['exits_by_itself']} | {r['all_delivered_after_s']:.0f} s "
            f"({r['after_outage_end_s']:.0f} s) | {r['load_average'][0]} to "
            f"{r['load_average'][1]} |"
        )
    where = {run["machine"] for run in runs}
    lines += [
        "",
        f"Machine: {'; '.join(sorted(where))}.",
        "",
        "Target: 0 missed, at most one repeated per kill (the message in flight).",
    ]
    return lines


if __name__ == "__main__":
    main()
