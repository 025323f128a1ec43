"""What may appear in logs about a person: a keyed hash of their id, nothing else.

A plain hash of a Telegram id could be reversed by trying every id; keying it with a
secret the logs never see (the bot token, or the database's own random key for
exports) makes it a stable pseudonym instead.
"""

from __future__ import annotations

import hashlib
import hmac


def pseudonym(person_id: str, key: str | bytes, length: int = 12) -> str:
    secret = key.encode() if isinstance(key, str) else key
    return hmac.new(secret, person_id.encode(), hashlib.sha256).hexdigest()[:length]
