"""Logs: structured (one JSON object a line), and a person appears only as a pseudonym.

Every record, the libraries' included, is made by `redacted` before any handler sees
it: a library's arguments (where it puts updates, message text, names, addresses with
the token) are replaced by "[removed]" unless they are numbers; what is left of its
message from the first `{` or `[` on (a dump of data) is cut; anything shaped like a
bot token is masked. growcoach's own records keep their arguments, which are only ids,
pseudonyms and kinds of error, unless one has a space or a bracket in it.

A plain hash of a Telegram id could be reversed by trying every id; keying it with a
secret the logs never see (the bot token, or the database's own random key for
exports) makes it a stable pseudonym instead.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

QUIET = ("telegram", "httpx", "httpcore", "aiosqlite", "tornado", "asyncio", "matplotlib",
         "fontTools", "PIL")  # fmt: skip
"""Libraries whose detail logs can carry message text, URLs with the token, or SQL
arguments: never below INFO, whatever GROWCOACH_LOG_LEVEL says (httpx never below
WARNING: every request URL contains the token)."""


def pseudonym(person_id: str, key: str | bytes, length: int = 12) -> str:
    secret = key.encode() if isinstance(key, str) else key
    return hmac.new(secret, person_id.encode(), hashlib.sha256).hexdigest()[:length]


def where(error: BaseException | None) -> str:
    """Where an error was raised, as `file.py:line:function` (one word, so it survives
    redaction): enough for an operator to find the fault, nothing a person said."""
    frames = traceback.extract_tb(error.__traceback__) if error else []
    if not frames:
        return "-"
    last = frames[-1]
    return f"{Path(last.filename).name}:{last.lineno}:{last.name}"


class JsonLines(logging.Formatter):
    """One JSON object per record: time, level, logger, message (and the traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["error"] = record.exc_info[0].__name__ if record.exc_info[0] else "-"
        return json.dumps(entry, ensure_ascii=False)


OURS = ("bot", "storage", "dialogue_flows")
REMOVED = "[removed]"
TOKEN_SHAPE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{20,}")
PLAIN = re.compile(r"[\w.:/@+-]{0,80}")
DATA = re.compile(r"[{\[]")


def _argument(value: object, ours: bool) -> object:
    if value is None or isinstance(value, int | float):
        return value
    if ours and isinstance(value, str) and PLAIN.fullmatch(value):
        return value
    return REMOVED


def redact(record: logging.LogRecord) -> logging.LogRecord:
    """The record with payloads, words and the token taken out (see the module's doc)."""
    ours = record.name.split(".")[0] in OURS
    if not isinstance(record.msg, str):
        message = REMOVED  # an object logged as it is: its text could be anything
    elif isinstance(record.args, tuple):
        record.args = tuple(_argument(value, ours) for value in record.args)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = record.msg
    else:
        message = record.msg  # a mapping of arguments: the template alone
    if not ours and (found := DATA.search(message)):
        message = message[: found.start()] + REMOVED
    record.msg, record.args = TOKEN_SHAPE.sub("[token]", message), ()
    return record


def _redacting_factory() -> Any:
    make = logging.getLogRecordFactory()
    if getattr(make, "redacts", False):
        return make

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return redact(make(*args, **kwargs))

    factory.redacts = True  # type: ignore[attr-defined]
    return factory


def quiet_libraries() -> None:
    for name in QUIET:
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.getEffectiveLevel(), logging.INFO))
    logging.getLogger("httpx").setLevel(logging.WARNING)


def configure_logging(level: str) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonLines())
    logging.basicConfig(level=level, handlers=[handler], force=True)
    logging.setLogRecordFactory(_redacting_factory())
    quiet_libraries()
