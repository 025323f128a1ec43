"""Settings from the environment or `.env`: the only place configuration is read."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """`GROWCOACH_<NAME>`, plus Telegram's two variables; see `.env.example`."""

    model_config = SettingsConfigDict(env_prefix="GROWCOACH_", env_file=".env", extra="ignore")

    db: Path = Path("growcoach.db")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "WARNING"
    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_base_url: str | None = Field(default=None, alias="TELEGRAM_API_BASE_URL")
    webhook_secret: SecretStr | None = None
