"""growcoach on PostgreSQL: the durable turn beside a raw single-row commit on the same
server, and one webhook instance against two at 1,000 simulated people.

Usage: .venv/bin/python bench/postgres_bench.py [--quick] [--durable] [--database-url URL]
Without --database-url it starts a throwaway cluster (`tests/postgres.py`) on a Unix
socket, with PostgreSQL's own durability settings (fsync and synchronous commit on, as in
production: the tests turn them off); with it, URL must name a server whose user may
create databases (each part gets a fresh one). Writes bench/postgres-run.json, which
`bench/run.py --render` puts in BENCHMARKS.md. Measured, not asserted; loopback only.
"""

from __future__ import annotations

import asyncio
import http.client
import itertools
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from run import (
    ANSWERS,
    NOW,
    POSTGRES_RUN,
    TOKEN,
    Crowd,
    machine,
    percentile,
    render_again,
    vm_hwm_mb,
)

from bot.app import open_app
from bot.telegram import person_id
from dialogue_flows.types import Text

if TYPE_CHECKING:
    from postgres import Cluster

SECRET = "bench-secret"
POSTERS = 32
"""Threads posting updates to the webhooks, as Telegram's many connections would."""


@contextmanager
def server(given: str | None) -> Iterator[Cluster]:
    from postgres import Cluster  # tests/postgres.py: on the path once `run` is imported

    cluster = Cluster(given) if given else Cluster.start(durable=True)
    try:
        yield cluster
    finally:
        cluster.stop()


# -- the durable turn beside the raw commit ------------------------------------------


async def row_bytes(url: str) -> int:
    """What a turn writes at most: the person's conversation and name, their goal."""
    import psycopg

    async with await psycopg.AsyncConnection.connect(url) as connection:
        cursor = await connection.execute(
            "SELECT (SELECT max(length(conversation) + length(name)) FROM people)"
            " + (SELECT max(length(text) + length(options)) FROM goals)"
        )
        row = await cursor.fetchone()
    return int(row[0]) if row and row[0] else 200


async def side_by_side(url: str, conversations: int) -> list[tuple[list[float], list[float]]]:
    """Ours and the limit, alternately: one person's whole conversation (a turn each, one
    at a time), then as many raw commits, one at a time, on the same server.

    A turn is what a Telegram update gets: its update is in the inbox already (kept there,
    in a transaction of its own, before Telegram was answered: not timed), and the turn
    takes the person's lock, reads their records and checks the update is not handled,
    runs the engine, writes the changes and the update's receipt, and commits. The limit
    is the least a durable write can be: one `INSERT` of a row of a turn's size, committed
    on its own (autocommit: one trip to the server, one WAL flush). Both wait for the
    same `fsync`, so a slower disk, or a busier machine, moves both: each block's ratio
    is of neighbours in time."""
    import psycopg

    blocks = []
    update_ids = itertools.count(1)
    async with (
        open_app(url, lambda: NOW) as app,
        await psycopg.AsyncConnection.connect(url, autocommit=True) as raw,
    ):
        await raw.execute("CREATE TABLE raw (id bigserial PRIMARY KEY, body text)")
        await _conversation(app, 0, update_ids)  # warm up; a person's size for the row
        payload = "x" * await row_bytes(url)
        for n in range(1, conversations + 1):
            turns = await _conversation(app, n, update_ids)
            commits = []
            for _ in turns:
                started = time.perf_counter()
                await raw.execute("INSERT INTO raw (body) VALUES (%s)", (payload,))
                commits.append(time.perf_counter() - started)
            blocks.append((turns, commits))
    return blocks


async def _conversation(app: Any, n: int, update_ids: Iterator[int]) -> list[float]:
    ids = [next(update_ids) for _ in ANSWERS]
    await app.database.inbox.receive([(i, "{}") for i in ids], NOW)
    latencies = []
    for update_id, answer in zip(ids, ANSWERS, strict=True):
        started = time.perf_counter()
        await app.conversations.handle(person_id(n), Text(answer), update_id=update_id)
        latencies.append(time.perf_counter() - started)
    return latencies


def durable(cluster: Cluster, rounds: int, conversations: int) -> dict[str, Any]:
    """`rounds` rounds of `side_by_side`, each on a fresh database: the share of the limit
    in each round, and the raw commit's median there (mostly the disk's `fsync`, which
    moves from moment to moment on a shared machine), with the load average at its end."""
    blocks, each = [], []
    for _ in range(rounds):
        url = cluster.new_database()
        these = asyncio.run(side_by_side(url, conversations))
        commits = [t for _, block in these for t in block]
        each.append({
            "ratio": sum(commits) / sum(t for turns, _ in these for t in turns),
            "limit_p50_ms": percentile(commits, 0.5) * 1000, "load": os.getloadavg()[0],
        })  # fmt: skip
        blocks += these
    size = asyncio.run(row_bytes(url))
    ours = [t for turns, _ in blocks for t in turns]
    limit = [t for _, commits in blocks for t in commits]
    ratios = sorted(sum(commits) / sum(turns) for turns, commits in blocks)
    shares = sorted(one["ratio"] for one in each)
    rate, limit_rate = len(ours) / sum(ours), len(limit) / sum(limit)
    return {
        "turns": len(ours), "p50_ms": percentile(ours, 0.5) * 1000,
        "p99_ms": percentile(ours, 0.99) * 1000, "rate": rate,
        "limit_p50_ms": percentile(limit, 0.5) * 1000,
        "limit_p99_ms": percentile(limit, 0.99) * 1000, "limit_rate": limit_rate,
        "ratio": rate / limit_rate, "row_bytes": size, "blocks": len(blocks),
        "block_ratios": [ratios[0], percentile(ratios, 0.5), ratios[-1]],
        "rounds": each, "round_ratios": [shares[0], statistics.median(shares), shares[-1]],
    }  # fmt: skip


# -- one instance against two, in webhook mode ----------------------------------------


class WebhookCrowd(Crowd):
    """The same simulated people; each update is posted to the instances in turn, as a
    reverse proxy would share them out."""

    def __init__(self, api: Any, people: int, loop: asyncio.AbstractEventLoop,
                 ports: list[int]) -> None:  # fmt: skip
        super().__init__(api, people, loop)
        self.ports = ports
        self.turn = itertools.count()
        self.posters = ThreadPoolExecutor(POSTERS)
        self.local = threading.local()
        self.refused = 0

    def deliver(self, person: int, text: str) -> None:
        update = self.api.take(self.api.send_text(person, text))
        port = self.ports[next(self.turn) % len(self.ports)]
        self.posters.submit(self.post, port, json.dumps(update).encode())

    def post(self, port: int, body: bytes) -> None:
        """One request on this thread's kept-alive connection to that instance."""
        connections = self.local.__dict__.setdefault("connections", {})
        headers = {"Content-Type": "application/json",
                   "X-Telegram-Bot-Api-Secret-Token": SECRET}  # fmt: skip
        for _ in range(2):  # a connection the server closed meanwhile: open a new one
            connection = connections.setdefault(
                port, http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            )
            try:
                connection.request("POST", "/hook", body, headers)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    break
                return
            except (OSError, http.client.HTTPException):
                connection.close()
                del connections[port]
        with self.lock:
            self.refused += 1


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def listening(port: int, timeout: float = 60) -> None:
    """Wait until the instance's webhook server accepts connections (it starts last)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"no instance listening on {port}")


def instance(port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [str(Path(sys.executable).parent / "growcoach"), "run",
               "--webhook-url", f"http://127.0.0.1:{port}/hook",
               "--listen", f"127.0.0.1:{port}", "--secret-token", SECRET]  # fmt: skip
    return subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)


def under_load(cluster: Cluster, instances: int, people: int, limit: float) -> dict[str, Any]:
    from fake_bot_api import FakeBotApi

    url = cluster.new_database()
    api = FakeBotApi(keep_calls=False)
    base_url = api.start()
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": base_url,
           "GROWCOACH_TELEGRAM_RATE_LIMIT": "false", "GROWCOACH_LOG_LEVEL": "ERROR",
           "GROWCOACH_DATABASE_URL": url}  # fmt: skip
    ports = [free_port() for _ in range(instances)]
    processes = [instance(port, env) for port in ports]
    try:
        for port in ports:
            listening(port)
        loop = asyncio.new_event_loop()
        crowd = WebhookCrowd(api, people, loop, ports)
        elapsed = loop.run_until_complete(crowd.run(limit))
        loop.close()
        crowd.posters.shutdown(wait=True)
        memory = sum(vm_hwm_mb(process.pid) for process in processes)
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        codes = [process.wait(60) for process in processes]
        api.stop()
    turns = len(crowd.latencies)
    return {
        "instances": instances, "people": people, "turns": turns,
        "seconds": elapsed, "rate": turns / elapsed,
        "p50_ms": percentile(crowd.latencies, 0.5) * 1000,
        "p99_ms": percentile(crowd.latencies, 0.99) * 1000,
        "errors": people * len(ANSWERS) - turns + crowd.refused,
        "completed": crowd.finished, "peak_mb": memory, "exit_codes": codes,
    }  # fmt: skip


# -- the whole run --------------------------------------------------------------------


def server_version(cluster: Cluster) -> str:
    import psycopg

    with psycopg.connect(cluster.admin_url) as connection:
        row = connection.execute("SHOW server_version").fetchone()
        settings = dict(connection.execute(
            "SELECT name, setting FROM pg_settings WHERE name IN"
            " ('fsync', 'synchronous_commit', 'full_page_writes')"
        ).fetchall())  # fmt: skip
    where = urlsplit(cluster.admin_url)
    socket_or_host = "a Unix socket" if "host=/" in (where.query or "") else "TCP"
    flags = ", ".join(f"{name} {value}" for name, value in sorted(settings.items()))
    return f"PostgreSQL {row[0] if row else '?'} on {socket_or_host} ({flags})"


def main() -> None:
    """The whole run, or `--durable` alone (its figures replace the durable part of the
    last run's, with their own machine line; the load figures stay as they were)."""
    quick = "--quick" in sys.argv
    alone = "--durable" in sys.argv
    given = (
        sys.argv[sys.argv.index("--database-url") + 1] if "--database-url" in sys.argv else None
    )
    busy = [os.getloadavg()[0]]
    with server(given) as cluster:
        where = server_version(cluster)
        print(f"  {where}", file=sys.stderr)
        rounds = (2, 3) if quick else (5, 8)
        results: dict[str, Any] = {"durable": durable(cluster, *rounds)}
        busy.append(os.getloadavg()[0])
        print("  durable: done", file=sys.stderr)
        people = 50 if quick else 1000
        results["load"] = []
        for instances in () if alone else (1, 2):
            results["load"].append(under_load(cluster, instances, people, limit=3600))
            print(f"  load, {instances} instance(s): done", file=sys.stderr)
            busy.append(os.getloadavg()[0])
    # Other work on the machine slows every figure: say how busy it was.
    load = f"load average {min(busy):.1f} to {max(busy):.1f} during the run"
    day = f"{datetime.now(UTC):%Y-%m-%d}"
    run = {"machine": f"{machine()}; {where}; {load}", "date": day, "quick": quick,
           "results": results}  # fmt: skip
    if alone and POSTGRES_RUN.exists():
        last = json.loads(POSTGRES_RUN.read_text())
        results["durable"]["measured"] = f"{day}: {run['machine']}"
        run = {**last, "results": {**last["results"], "durable": results["durable"]}}
    print(json.dumps(run, indent=1))
    if not quick:
        POSTGRES_RUN.write_text(json.dumps(run, indent=1) + "\n")
        render_again()


if __name__ == "__main__":
    main()
