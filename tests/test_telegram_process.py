"""`growcoach run` as a real process against the fake Bot API server on localhost."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import TOKEN
from fake_bot_api import FakeBotApi

GROWCOACH = str(Path(sys.executable).parent / "growcoach")
PERSON = 3001


def environment(api: FakeBotApi | None, token: str = TOKEN) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GROWCOACH_", "TELEGRAM_"))}
    env.update({"TELEGRAM_BOT_TOKEN": token, "GROWCOACH_LOG_LEVEL": "INFO"})
    if api is not None and api.server is not None:
        port = api.server.server_address[1]
        env["TELEGRAM_API_BASE_URL"] = f"http://127.0.0.1:{port}/bot"
    return env


def start(api: FakeBotApi, db: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [GROWCOACH, "run", "--db", str(db), *extra],
        env=environment(api),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def stop(process: subprocess.Popen[bytes]) -> tuple[int, str]:
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    return process.returncode, err.decode()


@pytest.fixture
def running(bot_api: FakeBotApi, tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    process = start(bot_api, tmp_path / "bot.db")
    bot_api.wait_for(lambda calls: any(c.method == "setMyCommands" for c in calls))
    yield process
    if process.poll() is None:
        stop(process)


def test_a_conversation_survives_a_restart(
    bot_api: FakeBotApi, tmp_path: Path, running: subprocess.Popen[bytes]
) -> None:
    bot_api.send_text(PERSON, "/start")
    welcome = bot_api.wait_for_messages(PERSON, 1)[-1]
    bot_api.press(PERSON, welcome, "Yes, that's OK")
    bot_api.wait_for_messages(PERSON, 2)
    bot_api.send_text(PERSON, "Robin")
    bot_api.wait_for_messages(PERSON, 3)
    bot_api.send_text(PERSON, "Build a model boat")
    bot_api.wait_for_messages(PERSON, 4)
    code, err = stop(running)
    assert code == 0, err
    assert TOKEN not in err and "Robin" not in err

    again = start(bot_api, tmp_path / "bot.db")
    try:
        bot_api.send_text(PERSON, "/start")
        resumed = bot_api.wait_for_messages(PERSON, 5)[-1]
        assert "Welcome back, Robin. Here's where we were:" in resumed.text
        assert "Which part of your life" in resumed.text
        bot_api.press(PERSON, resumed, "Purpose")
        why = bot_api.wait_for_messages(PERSON, 6)[-1]
        assert "matter to you?" in why.text
        bot_api.send_text(PERSON, "/nonsense")
        bot_api.send_text(PERSON, "x" * 5000)
        bot_api.send_sticker(PERSON)
        bot_api.send_photo(PERSON)
        replies = bot_api.wait_for_messages(PERSON, 6 + 4)[6:]
        assert all("matter to you?" in r.text for r in replies)
        bot_api.send_text(PERSON, "/goals")
        goals = bot_api.wait_for_messages(PERSON, 12)[-2]
        assert "1. Purpose: Build a model boat" in goals.text
    finally:
        code, err = stop(again)
    assert code == 0, err
    assert "Traceback" not in err


def test_a_missing_token_is_one_line_and_exit_2(tmp_path: Path) -> None:
    env = environment(None)
    del env["TELEGRAM_BOT_TOKEN"]
    result = subprocess.run(
        [GROWCOACH, "run", "--db", str(tmp_path / "x.db")],
        env=env,
        capture_output=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert result.stderr.decode().strip() == (
        "growcoach: TELEGRAM_BOT_TOKEN is not set (see README: create a bot with BotFather)"
    )


def test_a_malformed_token_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [GROWCOACH, "run", "--db", str(tmp_path / "x.db")],
        env=environment(None, token="not-a-token"),
        capture_output=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1
    assert b"does not look like a bot token" in result.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def post(url: str, update: dict[str, object], secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(url, json.dumps(update).encode(), headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


class LogWatcher:
    """Reads a process's stderr in a thread, and signals when a line appears in it."""

    def __init__(self, process: subprocess.Popen[bytes], marker: str) -> None:
        self.lines: list[str] = []
        self.seen = threading.Event()
        self._marker = marker
        self._thread = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._thread.start()

    def _read(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stderr is not None
        for raw in process.stderr:
            line = raw.decode(errors="replace")
            self.lines.append(line)
            if self._marker in line:
                self.seen.set()

    def text(self) -> str:
        self._thread.join(timeout=30)
        return "".join(self.lines)


SECRET = "s3cret-Token"


@contextmanager
def webhook_bot(api: FakeBotApi, db: Path, ready: str, *extra: str) -> Iterator[str]:
    """`growcoach run` in webhook mode with `SECRET`; yields the webhook URL once `ready` is
    logged, then stops it with SIGTERM and checks it ended cleanly."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    process = subprocess.Popen(
        [GROWCOACH, "run", "--db", str(db), "--webhook-url", url,
         "--listen", f"127.0.0.1:{port}", "--secret-token", SECRET, *extra],
        env=environment(api),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    log = LogWatcher(process, ready)
    try:
        assert log.seen.wait(timeout=30), f"{ready!r} was never logged"
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        logged = log.text()
        assert process.stderr is not None
        process.stderr.close()
    assert process.returncode == 0, logged
    assert "Traceback" not in logged


def test_webhook_mode_refuses_requests_without_the_secret(
    bot_api: FakeBotApi, tmp_path: Path
) -> None:
    # python-telegram-bot sets the webhook first and listens after; it says "Application
    # started" once the webhook server listens.
    with webhook_bot(bot_api, tmp_path / "hook.db", "Application started") as url:
        [hook] = [c for c in bot_api.calls if c.method == "setWebhook"]
        assert hook.params["url"] == url and hook.params["secret_token"] == SECRET
        update = bot_api.take(bot_api.send_text(PERSON, "/start"))
        assert post(url, update, secret=None) == 403
        assert post(url, update, secret="wrong") == 403
        assert post(url, update, secret=SECRET) == 200
        welcome = bot_api.wait_for_messages(PERSON, 1)[-1]
        assert "Is it OK for me to keep what you tell me?" in welcome.text
        assert len(bot_api.sent_to(PERSON)) == 1
