"""Encryption at rest of the person's words, with Fernet (authenticated encryption).

With GROWCOACH_ENCRYPTION_KEY set, every free-text answer (and the conversation and
safety plan, which hold them) is sealed before it is written: AES-128-CBC with an
HMAC-SHA256 tag, from the `cryptography` package. Several keys, comma separated, allow
rotation: the first seals, any opens, and `growcoach rotate-key` reseals everything
with the first. A value written before a key was set stays readable and is sealed the
next time it is saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.fernet import MultiFernet

PREFIX = "enc1:"


class EncryptionKeyError(Exception):
    """The key is malformed, or does not open what this database holds."""


class Cipher:
    """Seals and opens text; without keys it leaves text as it is."""

    def __init__(self, keys: str | None = None) -> None:
        self._fernet: MultiFernet | None = None
        if keys:
            from cryptography.fernet import Fernet, MultiFernet  # only with a key: 30 ms

            try:
                self._fernet = MultiFernet([Fernet(key.strip()) for key in keys.split(",")])
            except ValueError as error:
                raise EncryptionKeyError(
                    "GROWCOACH_ENCRYPTION_KEY is not a valid key (make one with "
                    "`growcoach keygen`)"
                ) from error

    @property
    def enabled(self) -> bool:
        return self._fernet is not None

    def seal(self, text: str | None) -> str | None:
        if text is None or self._fernet is None:
            return text
        return PREFIX + self._fernet.encrypt(text.encode()).decode()

    def open(self, stored: str | None) -> str | None:
        if stored is None or not stored.startswith(PREFIX):
            return stored
        if self._fernet is None:
            raise EncryptionKeyError(
                "this database is encrypted: set GROWCOACH_ENCRYPTION_KEY to open it"
            )
        from cryptography.fernet import InvalidToken

        try:
            return self._fernet.decrypt(stored[len(PREFIX) :].encode()).decode()
        except InvalidToken as error:
            raise EncryptionKeyError(
                "GROWCOACH_ENCRYPTION_KEY does not open this database (wrong key?)"
            ) from error

    def reseal(self, stored: str | None) -> str | None:
        """With the first key: for rotation, and to seal what was written in plain text."""
        return self.seal(self.open(stored))


def new_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()
