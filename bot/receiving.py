"""How updates come in: through the inbox, one by one, whether polled or pushed.

Polling: `InboxRequest` is python-telegram-bot's own `HTTPXRequest` for `getUpdates`,
which hands each batch to `admit` before the library sees it. `admit` reads each update
on its own (`Update.de_json`, as the library would), keeps the readable ones in the
inbox (`storage.inbox`) and sets aside what it cannot read, logging its id alone; only
then does the library get the batch, and only after that does its next `getUpdates`
tell Telegram they arrived. An update set aside, or delivered a second time, is passed
on as its bare id (`{"update_id": n}`), so the library still moves past it.

Webhook: `serve_webhook` is a small tornado server (tornado comes with
python-telegram-bot's webhook extra) that refuses a request without the secret, or a
body over `WEBHOOK_LIMIT`, from its headers alone, before reading any body; it answers
200 only once the update is in the inbox.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import tornado.web
from telegram.request import HTTPXRequest
from tornado.httpserver import HTTPServer

logger = logging.getLogger(__name__)

Batch = list[dict[str, Any]]
Admit = Callable[[Batch], Awaitable[Batch]]
WEBHOOK_LIMIT = 1 << 20
"""Bytes: Telegram's updates are a few kilobytes; a megabyte leaves room for any."""
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def bare(update_id: int) -> dict[str, Any]:
    """An update with nothing in it but its id: read by no handler."""
    return {"update_id": update_id}


class InboxRequest(HTTPXRequest):
    """`getUpdates` whose batch passes through `admit` (set once the database is open)."""

    def __init__(self) -> None:
        super().__init__(connection_pool_size=1)  # as python-telegram-bot's own for polling
        self.admit: Admit | None = None

    async def do_request(self, url: str, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        status, body = await super().do_request(url, *args, **kwargs)
        if not url.endswith("/getUpdates") or status != 200:
            return status, body
        answer = json.loads(body)
        if not isinstance(answer.get("result"), list):
            return status, body
        if self.admit is None:
            raise RuntimeError("updates arrived before the inbox was open")
        answer["result"] = await self.admit(answer["result"])
        return status, json.dumps(answer).encode()


@dataclass(frozen=True)
class Webhook:
    listen: str
    port: int
    path: str
    url: str
    secret: str


@tornado.web.stream_request_body
class _UpdateHandler(tornado.web.RequestHandler):
    """One update a request. Checks come in `prepare`, before any of the body is read."""

    def initialize(self, secret: str, receive: Callable[[bytes], Awaitable[int]]) -> None:
        self._secret = secret
        self._receive = receive
        self._chunks: list[bytes] = []

    async def prepare(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self._secret.encode()):
            await self._refuse(403)
            return
        length = self.request.headers.get("Content-Length")
        if length is None or not length.isdigit() or int(length) > WEBHOOK_LIMIT:
            await self._refuse(413 if length and length.isdigit() else 411)

    async def _refuse(self, status: int) -> None:
        """Answer, wait until the answer is on its way, and close: no body is read."""
        self.set_status(status)
        self.set_header("Connection", "close")
        await self.finish()
        self.request.connection.close()  # type: ignore[union-attr]

    def data_received(self, chunk: bytes) -> None:
        if not self._finished:
            self._chunks.append(chunk)

    async def post(self) -> None:
        self.set_status(await self._receive(b"".join(self._chunks)))

    def log_exception(self, *args: Any) -> None:
        """Only the kind of failure: an exception's text could hold an update's."""
        error = args[1] if len(args) > 1 else None
        logger.error("the webhook failed to take a request: %s", type(error).__name__)


CLOSING = 5.0
"""Seconds a stop waits for open webhook connections to finish."""


async def serve_webhook(
    webhook: Webhook,
    receive: Callable[[bytes], Awaitable[int]],
    started: Callable[[], Awaitable[None]],
) -> None:
    """Listen until SIGTERM or SIGINT; `started` runs once the server listens."""
    handlers = [(f"/{webhook.path}", _UpdateHandler,
                 {"secret": webhook.secret, "receive": receive})]  # fmt: skip
    server = HTTPServer(tornado.web.Application(handlers), max_body_size=WEBHOOK_LIMIT,
                        max_buffer_size=WEBHOOK_LIMIT)  # fmt: skip
    server.listen(webhook.port, webhook.listen)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    try:
        await started()
        await stop.wait()
    finally:
        server.stop()
        # A client that went quiet mid-request must not hold the stop: after a few
        # seconds its connection is simply dropped with the process.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(server.close_all_connections(), timeout=CLOSING)


def parse_webhook_body(body: bytes) -> Batch | None:
    """The one update a webhook request carries, as a batch; None if it is not one."""
    try:
        update = json.loads(body)
    except ValueError:
        return None
    return [update] if isinstance(update, dict) else None
