"""Settings from the environment or `.env`: the only place configuration is read."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Environment variables are `GROWCOACH_<NAME>`; see `.env.example`."""

    model_config = SettingsConfigDict(env_prefix="GROWCOACH_", env_file=".env", extra="ignore")

    db: Path = Path("growcoach.db")
    log_level: str = "WARNING"
