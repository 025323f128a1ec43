"""Several processes for one bot: a front that receives updates, workers that answer them.

One Python process answers on one core (one event loop, one GIL), and under load that
was the limit (BENCHMARKS.md). `growcoach run --workers N` starts N worker processes
(`growcoach worker`), each a whole bot (python-telegram-bot's `Application` and its own
connection to the SQLite file, which WAL mode shares) but without an updater. This front
process receives the updates with python-telegram-bot's `Updater`, by polling or webhook
as a single process would, and passes each one to the worker of its person (their
Telegram id modulo N) as one JSON line on that worker's standard input. So one person's
updates stay in order in one process, and each worker sends the check-ins of its own
people (`Share`).

Stopping: on SIGTERM or Ctrl+C the front stops receiving, passes on what it still
holds, closes the workers' input and waits for them. Workers ignore those signals and
stop at the end of their input, after their last turn, so nothing handed over is lost.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from telegram import Bot, Update
from telegram.ext import Updater

from bot.telegram import TelegramBot
from bot.telegram_http import TELEGRAM_API, AiohttpRequest, file_url

logger = logging.getLogger(__name__)

Receive = Callable[[Updater], Awaitable[Any]]
"""Starts the updater: `start_polling` or `start_webhook`, with their settings."""
READY = b"ready\n"
"""What a worker writes on its standard output once it can answer."""
MAX_LINE = 2**22
"""An update is at most a few KiB of JSON; 4 MiB leaves room for anything Telegram sends."""


class WorkerStopped(Exception):
    """A worker process ended while the bot was running."""


def owner(update: Update, workers: int) -> int:
    """The worker for this update: its person's, so their updates stay in one process."""
    user = update.effective_user
    return user.id % workers if user is not None else 0


async def run_front(bot: Bot, receive: Receive, workers: int, db: Path) -> None:
    """Receive updates and hand them to `workers` worker processes until told to stop."""
    updates: asyncio.Queue[object] = asyncio.Queue()
    updater = Updater(bot, updates)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signal_number, stop.set)
    async with updater:  # checks the token (getMe) before any worker starts
        processes = [await _start_worker(index, workers, db) for index in range(workers)]
        try:
            for process in processes:  # each says when it is ready to answer
                if process.stdout is None or await process.stdout.readline() != READY:
                    raise WorkerStopped("a worker process could not start")
            await receive(updater)
            logger.info("receiving updates; %d worker processes answer them", workers)
            passing = asyncio.create_task(_pass_on(updates, processes))
            ended = [asyncio.create_task(process.wait()) for process in processes]
            await asyncio.wait(
                [asyncio.create_task(stop.wait()), passing, *ended],
                return_when=asyncio.FIRST_COMPLETED,
            )
            early = any(process.returncode is not None for process in processes)
            await updater.stop()
            passing.cancel()
            while not updates.empty():
                await _hand(updates.get_nowait(), processes)
        finally:
            if updater.running:
                await updater.stop()
            for process in processes:
                if process.stdin is not None:
                    process.stdin.close()
            codes = [await process.wait() for process in processes]
    if early or any(codes):
        statuses = ", ".join(str(code) for code in codes)
        raise WorkerStopped(f"a worker process stopped unexpectedly (exit statuses {statuses})")


async def _start_worker(index: int, workers: int, db: Path) -> asyncio.subprocess.Process:
    """`growcoach worker`, with this process's environment (token, settings) and database."""
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "worker", "--index", str(index), "--of", str(workers),
        "--db", str(db), stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def _pass_on(
    updates: asyncio.Queue[object], processes: list[asyncio.subprocess.Process]
) -> None:
    while True:
        await _hand(await updates.get(), processes)


async def _hand(update: object, processes: list[asyncio.subprocess.Process]) -> None:
    if not isinstance(update, Update):
        return
    process = processes[owner(update, len(processes))]
    if process.stdin is not None and process.returncode is None:
        line = json.dumps(update.to_dict(), ensure_ascii=False).encode() + b"\n"
        try:
            process.stdin.write(line)
            await process.stdin.drain()
            return
        except (BrokenPipeError, ConnectionResetError):  # it stopped while we wrote
            pass
    logger.error("update %s: its worker has stopped", update.update_id)


async def run_worker(telegram: TelegramBot) -> None:
    """Answer the updates the front hands over, one JSON line each, until its input ends."""
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signal_number, signal.SIG_IGN)  # the front says when: end of input
    application = telegram.application
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=MAX_LINE)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    async with application:
        await telegram.post_init(application)
        await application.start()
        sys.stdout.buffer.write(READY)
        sys.stdout.flush()
        try:
            while line := await reader.readline():
                update = Update.de_json(json.loads(line), application.bot)
                await application.update_queue.put(update)
        finally:
            await application.stop()
            await telegram.post_shutdown(application)


def front_bot(token: str, base_url: str | None) -> Bot:
    """The front's own `Bot`: it only receives, over the same transport as the workers."""
    base = base_url or TELEGRAM_API
    return Bot(
        token,
        base_url=base,
        base_file_url=file_url(base),
        request=AiohttpRequest(),
        get_updates_request=AiohttpRequest(pool_size=1),
    )
