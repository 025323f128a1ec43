"""Logs: structured (one JSON object a line), and a person appears only as a pseudonym.

A plain hash of a Telegram id could be reversed by trying every id; keying it with a
secret the logs never see (the bot token, or the database's own random key for
exports) makes it a stable pseudonym instead.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from datetime import UTC, datetime

QUIET = ("telegram", "aiohttp", "httpx", "httpcore", "aiosqlite", "tornado", "asyncio",
         "matplotlib", "fontTools", "PIL")  # fmt: skip
"""Libraries whose detail logs can carry message text, URLs with the token, or SQL
arguments: never below INFO, whatever GROWCOACH_LOG_LEVEL says (httpx never below
WARNING: every request URL contains the token)."""


def pseudonym(person_id: str, key: str | bytes, length: int = 12) -> str:
    secret = key.encode() if isinstance(key, str) else key
    return hmac.new(secret, person_id.encode(), hashlib.sha256).hexdigest()[:length]


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


def quiet_libraries() -> None:
    for name in QUIET:
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.getEffectiveLevel(), logging.INFO))
    logging.getLogger("httpx").setLevel(logging.WARNING)


def configure_logging(level: str) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonLines())
    logging.basicConfig(level=level, handlers=[handler], force=True)
    quiet_libraries()
