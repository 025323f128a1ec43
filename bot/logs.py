"""What may appear in logs about a person: a keyed hash of their id, nothing else.

A plain hash of a Telegram id could be reversed by trying every id; keying it with a
secret the logs never see (the bot token) makes it a stable pseudonym instead.
"""

from __future__ import annotations

import hashlib
import hmac


def pseudonym(person_id: str, key: str) -> str:
    return hmac.new(key.encode(), person_id.encode(), hashlib.sha256).hexdigest()[:12]
