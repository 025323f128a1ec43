"""Updates as Telegram delivers them: none lost in a crash, none taken twice, a malformed
one costing only itself, one person's flood never delaying another's reply."""

from __future__ import annotations

import json
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import TOKEN, running_bot
from fake_bot_api import FakeBotApi
from test_telegram_process import (
    GROWCOACH,
    SECRET,
    LogWatcher,
    environment,
    free_port,
    post,
    start,
    stop,
)

from bot.settings import Settings

A, B = 5001, 5002
MARK = "Zebulon-Quartz"
"""A word that must never appear in a log line."""


def typed_earlier(api: FakeBotApi) -> None:
    """Messages dated a minute back: "Robin" is surely sent before the restarted bot asks
    for a name (Telegram's dates are whole seconds, and a restart can take less than one)."""
    api.clock = lambda: time.time() - 60


def test_updates_received_before_a_kill_are_handled_after_restart_once(
    bot_api: FakeBotApi, tmp_path: Path
) -> None:
    db = tmp_path / "inbox.db"
    process = start(bot_api, db)
    bot_api.wait_for(lambda calls: any(c.method == "setMyCommands" for c in calls))
    bot_api.hold("sendMessage")  # the first reply hangs; the person's next messages queue
    typed_earlier(bot_api)
    first = bot_api.send_text(A, "/start")
    bot_api.send_text(A, "yes")
    last = bot_api.send_text(A, "Robin")
    bot_api.wait_confirmed(last)  # Telegram will not deliver these again
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    bot_api.release(drop=True)
    assert first < last and not bot_api.sent_to(A)

    again = start(bot_api, db)
    try:
        welcome, name, again_name = bot_api.wait_for_messages(A, 3)
        assert "Is it OK for me to keep what you tell me?" in welcome.text
        assert "What would you like me to call you?" in name.text
        # Typed ahead: "Robin" was written before the name question was asked.
        assert again_name.text.startswith("Our messages crossed: you wrote “Robin”")
        assert "What would you like me to call you?" in again_name.text
    finally:
        code, err = stop(again)
    assert code == 0, err
    with sqlite3.connect(db) as reader:
        names = reader.execute("SELECT name FROM people").fetchall()
        waiting = reader.execute("SELECT COUNT(*) FROM inbox WHERE handled_at IS NULL")
        assert waiting.fetchone() == (0,)
    assert names == [(None,)]  # "yes" was taken once, as consent, not again as a name


def malformed(api: FakeBotApi, user_id: int) -> int:
    """An update python-telegram-bot cannot read (a date that is not a number), carrying
    the person's words and name."""
    message = api.message(user_id, text=f"I feel {MARK} today")
    message["date"] = "yesterday"
    message["from"]["first_name"] = MARK
    return api.push(message=message)


def test_a_malformed_update_costs_only_itself_and_logs_no_words(
    bot_api: FakeBotApi, tmp_path: Path
) -> None:
    process = start(bot_api, tmp_path / "bad.db")
    log = LogWatcher(process, "cannot be read")
    try:
        bot_api.wait_for(lambda calls: any(c.method == "setMyCommands" for c in calls))
        bot_api.hold("getUpdates")  # so that the three come in one batch
        bot_api.send_text(A, f"/start {MARK}")
        bad = malformed(bot_api, B)
        bot_api.send_text(B, "/help")
        bot_api.release()
        bot_api.wait_for_messages(A, 1)
        assert "/delete" in bot_api.wait_for_messages(B, 1)[-1].text
        bot_api.wait_confirmed(bad)
        assert log.seen.wait(timeout=20)
    finally:
        code, _ = stop(process)
    logged = log.text()
    assert code == 0, logged
    assert MARK not in logged
    assert [line for line in logged.splitlines() if "cannot be read" in line] == [
        line for line in logged.splitlines() if f"update {bad} " in line
    ]
    assert logged.count("cannot be read") == 1


async def test_one_persons_flood_does_not_delay_another(
    bot_api: FakeBotApi, tmp_path: Path
) -> None:
    unlimited = Settings(_env_file=None, telegram_rate_limit=False)  # a short test
    async with running_bot(bot_api, tmp_path / "flood.db", True, unlimited):
        bot_api.hold("getUpdates")  # the flood and the other person's message in one batch
        for n in range(200):  # answered in arrival order, B would wait behind all 200
            bot_api.send_text(A, f"message {n}")
        bot_api.send_text(B, "/help")
        bot_api.release()
        await bot_api.received(B, 1)
        flood_before = len(bot_api.sent_to(A))
    assert flood_before < 20, flood_before


def test_every_log_record_loses_payloads_words_and_the_token() -> None:
    """Records as the libraries write them, through growcoach's logging, in a process."""
    script = f"""
import logging
from bot.logs import configure_logging
configure_logging("INFO")
update = {{"update_id": 7, "message": {{"text": "{MARK}", "from": {{"first_name": "{MARK}"}}}}}}
logging.getLogger("telegram.Bot").critical("Error while parsing updates! Received data was %r",
                                           [update])
logging.getLogger("telegram.ext.Updater").error("Received data was %s", str(update))
logging.getLogger("tornado.access").warning("%d %s", 400, "POST /hook {MARK}")
logging.getLogger("httpx").warning("HTTP Request: POST %s", "https://x/bot{TOKEN}/sendMessage")
logging.getLogger("bot.telegram").warning("update %d for person %s failed", 7, "ab12cd")
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, check=True)  # fmt: skip
    lines = [json.loads(line)["message"] for line in result.stderr.splitlines()]
    assert len(lines) == 5, result.stderr
    assert not [line for line in lines if MARK in line or TOKEN in line], lines
    assert lines[0].startswith("Error while parsing updates! Received data was")
    assert lines[-1] == "update 7 for person ab12cd failed"


@contextmanager
def webhook_process(
    api: FakeBotApi, db: Path
) -> Iterator[tuple[subprocess.Popen[bytes], str, LogWatcher]]:
    """`growcoach run` in webhook mode; yields once it listens. Stopped with SIGTERM after,
    unless the test killed it."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    process = subprocess.Popen(
        [GROWCOACH, "run", "--db", str(db), "--webhook-url", url,
         "--listen", f"127.0.0.1:{port}", "--secret-token", SECRET],
        env=environment(api), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    log = LogWatcher(process, "Application started")
    try:
        assert log.seen.wait(timeout=30), "the webhook never started"
        yield process, url, log
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        log.text()
        assert process.stderr is not None
        process.stderr.close()


def answer_to_headers(port: int, headers: str) -> bytes:
    """Send only a request's headers; what the server answers before any body comes."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(headers.encode())
        return connection.recv(200)


def test_the_webhook_refuses_big_or_unauthenticated_bodies_before_reading_them(
    bot_api: FakeBotApi, tmp_path: Path
) -> None:
    with webhook_process(bot_api, tmp_path / "hook.db") as (_, url, _):
        port = int(url.split(":")[2].split("/")[0])
        huge = "Content-Length: 50000000\r\nContent-Type: application/json\r\n"
        for secret, status in ((SECRET, b" 413 "), ("wrong", b" 403 "), (None, b" 403 ")):
            header = f"X-Telegram-Bot-Api-Secret-Token: {secret}\r\n" if secret else ""
            answer = answer_to_headers(
                port, f"POST /hook HTTP/1.1\r\nHost: x\r\n{huge}{header}\r\n"
            )
            assert status in answer.split(b"\r\n")[0], answer


def test_the_webhook_keeps_updates_through_a_kill_and_logs_no_words(
    bot_api: FakeBotApi, tmp_path: Path
) -> None:
    db = tmp_path / "hook.db"
    with webhook_process(bot_api, db) as (process, url, log):
        bad = malformed(bot_api, B)
        assert post(url, bot_api.take(bad), SECRET) == 200  # Telegram must not send it again
        bot_api.hold("sendMessage")
        typed_earlier(bot_api)
        for text in ("/start", "yes", "Robin"):
            assert post(url, bot_api.take(bot_api.send_text(A, text)), SECRET) == 200
        process.send_signal(signal.SIGKILL)
    bot_api.release(drop=True)
    assert not bot_api.sent_to(A)
    assert MARK not in log.text() and f"update {bad} cannot be read" in log.text()
    with webhook_process(bot_api, db) as (_, _, again):
        welcome, name, again_name = bot_api.wait_for_messages(A, 3)
        assert "Is it OK for me to keep what you tell me?" in welcome.text
        assert "What would you like me to call you?" in name.text
        # Typed ahead: "Robin" was written before the name question was asked.
        assert again_name.text.startswith("Our messages crossed: you wrote “Robin”")
    assert MARK not in again.text()
