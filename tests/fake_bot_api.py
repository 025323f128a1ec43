"""A fake Telegram Bot API server on localhost, for tests and benchmarks.

It speaks enough of the Bot API for python-telegram-bot: getMe, getUpdates (long
polling), sendMessage, editMessageText, editMessageReplyMarkup, answerCallbackQuery,
setMyCommands, set/deleteWebhook, sendDocument. Tests queue updates as a person would
send them and wait (on a condition, never a sleep) for the bot's calls. It can be told
to answer the next calls of a method with an error, such as 429 or 403.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "growcoach", "username": "growcoach_bot"}


@dataclass
class Call:
    method: str
    params: dict[str, Any]

    @property
    def chat_id(self) -> int:
        return int(self.params.get("chat_id", 0))

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback data) of every inline button, in order."""
        markup = self.params.get("reply_markup") or {}
        return [
            (button["text"], button["callback_data"])
            for row in markup.get("inline_keyboard", [])
            for button in row
        ]


@dataclass
class Failure:
    status: int
    description: str
    retry_after: int | None = None
    chat_id: int | None = None
    """Only for calls to this chat (None: any)."""


DROPPED = Failure(0, "the connection is closed unanswered")
"""An outage's way of failing: the network drops the request (no status at all)."""
BAD_GATEWAY = Failure(502, "Bad Gateway")
"""An outage's way of failing: Telegram's front end is up, what is behind it is not."""


@dataclass
class FakeBotApi:
    """The server's state; all access holds `condition`."""

    condition: threading.Condition = field(default_factory=threading.Condition)
    updates: list[dict[str, Any]] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    failures: dict[str, list[Failure]] = field(default_factory=dict)
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    next_update_id: int = 1
    next_message_id: int = 1
    server: ThreadingHTTPServer | None = None
    on_call: Callable[[Call], None] | None = None
    """Called (in the server's thread) for each call the bot makes: for load drivers."""
    polled: threading.Event = field(default_factory=threading.Event)
    keep_calls: bool = True
    languages: dict[int, str] = field(default_factory=dict)
    held: set[str] = field(default_factory=set)
    """Methods whose calls wait, unanswered, until `release` (a slow or hung Telegram)."""
    holding: int = 0
    """How many calls are waiting in `held` now."""
    dropped: int = 0
    """How many times held calls were dropped: those whose callers died are not recorded."""
    confirmed: int = 0
    """The highest offset a getUpdates named: Telegram forgets every update below it."""
    batch_limit: int | None = None
    """At most this many updates a getUpdates (Telegram: the call's `limit`, 100 at most);
    None: all that are waiting."""
    clock: Callable[[], float] = time.time
    """Seconds since the epoch, for the `date` of messages (the tests' clock, in tests)."""
    outage: Failure | None = None
    """While set, every call fails this way (`BAD_GATEWAY`, `DROPPED`): Telegram is down."""
    refused: int = 0
    """How many sendMessage calls an outage has failed: a test can end it on a count."""
    outage_ends_after: int | None = None
    """End the outage by itself once `refused` reaches this (a condition, not a timer)."""

    # -- running ----------------------------------------------------------------------

    def start(self) -> str:
        """Serve on a free loopback port; returns the base URL for `TELEGRAM_API_BASE_URL`."""
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as Telegram's own server
            # One write per response, sent at once: no 40 ms delayed-ACK stalls.
            wbufsize = 1 << 16
            disable_nagle_algorithm = True

            def do_POST(self) -> None:
                fake._handle(self)

            do_GET = do_POST

            def log_message(self, *args: Any) -> None:
                """Quiet: tests read calls, not access logs."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/bot"

    def stop(self) -> None:
        with self.condition:
            self.held.clear()
            self.condition.notify_all()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    # -- what a person does -----------------------------------------------------------

    def user(self, user_id: int, language: str | None = None) -> dict[str, Any]:
        """A person as Telegram describes them; their app language is remembered."""
        with self.condition:
            if language is not None:
                self.languages[user_id] = language
            code = self.languages.get(user_id, "en")
        return {"id": user_id, "is_bot": False, "first_name": "Person", "language_code": code}

    def chat(self, user_id: int, kind: str = "private") -> dict[str, Any]:
        return {"id": user_id if kind == "private" else -user_id, "type": kind}

    def push(self, **update: Any) -> int:
        """Queue an update for getUpdates; returns its id."""
        with self.condition:
            update_id = self.next_update_id
            self.next_update_id += 1
            self.updates.append({"update_id": update_id, **update})
            self.condition.notify_all()
            return update_id

    def take(self, update_id: int) -> dict[str, Any]:
        """Take a queued update back, to hand it to the application directly."""
        with self.condition:
            [update] = [u for u in self.updates if u["update_id"] == update_id]
            self.updates.remove(update)
            return update

    def message(
        self, user_id: int, language: str | None = None, chat: str = "private", **content: Any
    ) -> dict[str, Any]:
        with self.condition:
            message_id = self.next_message_id
            self.next_message_id += 1
        return {
            "message_id": message_id,
            "date": int(self.clock()),
            "chat": self.chat(user_id, chat),
            "from": self.user(user_id, language),
            **content,
        }

    def send_text(
        self, user_id: int, text: str, language: str | None = None, chat: str = "private"
    ) -> int:
        entities = []
        if text.startswith("/"):
            entities = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        message = self.message(user_id, language, chat, text=text, entities=entities)
        return self.push(message=message)

    def send_sticker(self, user_id: int) -> int:
        sticker = {
            "file_id": "s1",
            "file_unique_id": "u1",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        }
        return self.push(message=self.message(user_id, sticker=sticker))

    def send_photo(self, user_id: int) -> int:
        photo = [{"file_id": "p1", "file_unique_id": "pu1", "width": 90, "height": 90}]
        return self.push(message=self.message(user_id, photo=photo))

    def edit_text(self, user_id: int, text: str) -> int:
        message = self.message(user_id, text=text, edit_date=int(self.clock()))
        return self.push(edited_message=message)

    def press(self, user_id: int, sent: Call, label: str) -> int:
        """Press the button labelled `label` on a message the bot sent."""
        data = dict(sent.buttons)[label]
        with self.condition:
            message = self.messages[sent.params["message_id"]]
        query = {
            "id": f"q{self.next_update_id}",
            "from": self.user(user_id),
            "chat_instance": "ci",
            "data": data,
            "message": message,
        }
        return self.push(callback_query=query)

    def block(self, user_id: int) -> int:
        member = {
            "chat": self.chat(user_id),
            "from": self.user(user_id),
            "date": int(self.clock()),
            "old_chat_member": {"status": "member", "user": BOT_USER},
            "new_chat_member": {"status": "kicked", "user": BOT_USER, "until_date": 0},
        }
        return self.push(my_chat_member=member)

    def hold(self, method: str) -> None:
        with self.condition:
            self.held.add(method)

    def release(self, drop: bool = False) -> None:
        """Answer the held calls; or, with `drop`, leave those whose caller has gone (killed
        while waiting: it never saw an answer) unanswered and unrecorded, and answer the
        rest (another process's, still waiting)."""
        with self.condition:
            self.dropped += drop
            self.held.clear()
            self.condition.notify_all()

    def wait_confirmed(self, update_id: int, timeout: float = 20) -> None:
        """Block until the bot has told Telegram it has `update_id` (a later offset)."""
        with self.condition:
            if not self.condition.wait_for(lambda: self.confirmed > update_id, timeout):
                raise AssertionError(f"update {update_id} was never confirmed")

    def fail_next(self, method: str, failure: Failure, times: int = 1) -> None:
        with self.condition:
            self.failures.setdefault(method, []).extend([failure] * times)

    def down(self, failure: Failure = BAD_GATEWAY, ends_after: int | None = None) -> None:
        """Telegram goes down: every call fails as `failure`, until `up()`, or until
        `ends_after` sendMessage calls have been failed."""
        with self.condition:
            self.outage, self.refused, self.outage_ends_after = failure, 0, ends_after

    def up(self) -> None:
        with self.condition:
            self.outage = None

    # -- what the bot did -------------------------------------------------------------

    def wait_for(self, ready: Callable[[list[Call]], bool], timeout: float = 20) -> list[Call]:
        """Block until `ready(calls)` holds (woken by each call), or fail after `timeout`."""
        with self.condition:
            if not self.condition.wait_for(lambda: ready(self.calls), timeout=timeout):
                raise AssertionError(f"timed out; calls so far: {self.summary()}")
            return list(self.calls)

    async def until(self, ready: Callable[[list[Call]], bool]) -> list[Call]:
        """`wait_for` for async tests: the event loop (and the bot in it) keeps running."""
        return await asyncio.to_thread(self.wait_for, ready)

    async def received(self, user_id: int, count: int) -> list[Call]:
        """`wait_for_messages` for async tests."""
        return await asyncio.to_thread(self.wait_for_messages, user_id, count)

    def sent_to(self, user_id: int) -> list[Call]:
        with self.condition:
            return [c for c in self.calls if c.method == "sendMessage" and c.chat_id == user_id]

    def wait_for_messages(self, user_id: int, count: int, timeout: float = 20) -> list[Call]:
        """Wait until `user_id` has received `count` messages in all; returns those `count`
        (not any that came after: the last returned is always the count-th)."""
        self.wait_for(lambda calls: len(self._sent(calls, user_id)) >= count, timeout)
        return self.sent_to(user_id)[:count]

    @staticmethod
    def _sent(calls: list[Call], user_id: int) -> list[Call]:
        return [c for c in calls if c.method == "sendMessage" and c.chat_id == user_id]

    def summary(self) -> list[str]:
        return [f"{c.method}:{c.text[:40]!r}" for c in self.calls]

    # -- the HTTP side ----------------------------------------------------------------

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        method = request.path.rsplit("/", 1)[-1]
        params = self._params(request)
        if self._down(request, method, params):
            return
        refusal = self._refusal(method, params)
        if refusal is not None:
            self._reply(request, 400, {"ok": False, "error_code": 400, "description": refusal})
            with self.condition:
                self.calls.append(Call(f"{method}!400", params))
                self.condition.notify_all()
            return
        with self.condition:
            dropped = self.dropped
            if method in self.held:
                self.holding += 1
                self.condition.notify_all()
                self.condition.wait_for(lambda: method not in self.held)
                self.holding -= 1
            if self.dropped != dropped and _caller_gone(request):
                return
            queued = self.failures.get(method, [])
            chat = str(params.get("chat_id", ""))
            failure = next((f for f in queued if f.chat_id in (None, int(chat or 0))), None)
            if failure is not None:
                queued.remove(failure)
        if failure is not None:
            body: dict[str, Any] = {
                "ok": False,
                "error_code": failure.status,
                "description": failure.description,
            }
            if failure.retry_after is not None:
                body["parameters"] = {"retry_after": failure.retry_after}
            self._reply(request, failure.status, body)
            with self.condition:
                self.calls.append(Call(f"{method}!{failure.status}", params))
                self.condition.notify_all()
            return
        result = self._result(method, params)
        self._reply(request, 200, {"ok": True, "result": result})

    def _down(self, request: BaseHTTPRequestHandler, method: str, params: dict[str, Any]) -> bool:
        """Fail the call as an outage would, if there is one now; True if it was failed."""
        with self.condition:
            outage = self.outage
            if outage is None:
                return False
            if method == "sendMessage":
                self.refused += 1
                if self.refused == self.outage_ends_after:
                    self.outage = None
            if self.keep_calls:
                self.calls.append(Call(f"{method}!{outage.status}", params))
            self.condition.notify_all()
        if outage is DROPPED:
            request.close_connection = True
        else:
            body = {"ok": False, "error_code": outage.status, "description": outage.description}
            self._reply(request, outage.status, body)
        return True

    def _refusal(self, method: str, params: dict[str, Any]) -> str | None:
        """What Telegram itself refuses: a text over 4,096 UTF-16 units; an edit that
        changes nothing."""
        text = params.get("text")
        if isinstance(text, str) and len(text.encode("utf-16-le")) // 2 > 4096:
            return "Bad Request: message is too long"
        if method == "editMessageReplyMarkup":
            with self.condition:
                message = self.messages.get(int(params.get("message_id") or 0), {})
                if not message.get("reply_markup") and not params.get("reply_markup"):
                    return "Bad Request: message is not modified"
        return None

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getUpdates":
            return self._get_updates(params)
        with self.condition:
            result: Any = True
            if method == "getMe":
                result = {
                    **BOT_USER,
                    "can_join_groups": False,
                    "can_read_all_group_messages": False,
                    "supports_inline_queries": False,
                }
            elif method in {"sendMessage", "sendDocument"}:
                result = self._new_message(params)
            elif method in {"editMessageText", "editMessageReplyMarkup"}:
                result = self._edit_message(params)
            if method != "getMe":
                call = Call(method, params)
                if self.keep_calls:
                    self.calls.append(call)
                self.condition.notify_all()
                if self.on_call is not None:
                    self.on_call(call)
            return result

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 2.0)
        self.polled.set()
        with self.condition:
            self.confirmed = max(self.confirmed, offset)
            self.condition.notify_all()
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            # As Telegram does: answer when there are updates or the time is up, not
            # each time another call wakes the condition.
            self.condition.wait_for(lambda: self.updates, timeout)
            return list(self.updates[: self.batch_limit])

    def _new_message(self, params: dict[str, Any]) -> dict[str, Any]:
        message_id = self.next_message_id
        self.next_message_id += 1
        params["message_id"] = message_id
        chat_id = int(params["chat_id"])
        message: dict[str, Any] = {
            "message_id": message_id,
            "date": int(self.clock()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": BOT_USER,
        }
        if "text" in params:
            message["text"] = params["text"]
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        if "document" in params:
            message["document"] = {
                "file_id": "d1",
                "file_unique_id": "du1",
                "file_name": params.get("document_name", "file"),
            }
        self.messages[message_id] = message
        return message

    def _edit_message(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self.messages[int(params["message_id"])]
        if "text" in params:
            message["text"] = params["text"]
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        else:
            message.pop("reply_markup", None)
        return message

    @staticmethod
    def _params(request: BaseHTTPRequestHandler) -> dict[str, Any]:
        length = int(request.headers.get("Content-Length") or 0)
        raw = request.rfile.read(length) if length else b""
        kind = request.headers.get("Content-Type", "")
        if kind.startswith("application/json"):
            loaded: dict[str, Any] = json.loads(raw or b"{}")
            return loaded
        if kind.startswith("multipart/form-data"):
            head = f"Content-Type: {kind}\r\n\r\n".encode()
            parsed = BytesParser(policy=HTTP).parsebytes(head + raw)
            params: dict[str, Any] = {}
            for part in parsed.iter_parts():
                name = part.get_param("name", header="content-disposition")
                payload = part.get_payload(decode=True)
                if part.get_filename():
                    params[str(name)] = payload
                    params[f"{name}_name"] = part.get_filename()
                else:
                    params[str(name)] = _maybe_json(payload.decode() if payload else "")
            return params
        fields = parse_qs(raw.decode(), keep_blank_values=True)
        return {key: _maybe_json(values[-1]) for key, values in fields.items()}

    @staticmethod
    def _reply(request: BaseHTTPRequestHandler, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        # The bot may stop polling mid-request, as it does on shutdown.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            request.wfile.write(data)


def _caller_gone(request: BaseHTTPRequestHandler) -> bool:
    """Whether the caller closed its end (a killed process's sockets are closed at once)."""
    try:
        return request.connection.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False  # open, and nothing more to read: still waiting for its answer
    except OSError:
        return True


def _maybe_json(value: str) -> Any:
    if value[:1] in ("{", "["):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value
