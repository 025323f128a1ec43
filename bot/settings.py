"""Settings from the environment or `.env`: the only place configuration is read."""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """`GROWCOACH_<NAME>`, plus Telegram's two variables; see `.env.example`."""

    model_config = SettingsConfigDict(env_prefix="GROWCOACH_", env_file=".env", extra="ignore")

    db: Path = Path("growcoach.db")
    database_url: SecretStr | None = None
    """`postgresql://…`: PostgreSQL instead of the SQLite file `db` (it may hold a password)."""
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "WARNING"
    default_tz: str = "Europe/London"

    @field_validator("default_tz")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        """Loaded, not looked up in the list of every zone (reading that list took a
        tenth of `growcoach chat`'s start)."""
        try:
            ZoneInfo(value)
        except (ValueError, KeyError, OSError):  # not a name, unknown, a folder ("Europe")
            raise ValueError("not an IANA time zone, such as Europe/Copenhagen") from None
        return value

    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_base_url: str | None = Field(default=None, alias="TELEGRAM_API_BASE_URL")
    webhook_secret: SecretStr | None = None
    encryption_key: SecretStr | None = None
    telegram_rate_limit: bool = True
    """Keep Telegram's limits (about 30 messages a second). Off only for a local Bot API
    server, such as the benchmark's fake one."""
    reminder_every: float = Field(default=30.0, gt=0)
    """Seconds between the reminder loop's looks for due check-ins; a failed send waits
    1, 4, 20, then 60 looks before it is tried again."""
    country: Literal["uk", "dk"] = "uk"
    helplines_file: Path | None = None
