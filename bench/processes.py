"""Starting growcoach's own command for the benchmarks: one place for how it is started.

`bench/run.py` (the bot under load, start-up) and `bench/crash_rounds.py` (kills) start
the real `growcoach` the way an operator would, against the fake Bot API on localhost.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

GROWCOACH = str(Path(sys.executable).parent / "growcoach")


def environment(token: str = "", base_url: str = "", rate_limit: bool = False) -> dict[str, str]:
    """The bot's settings for a benchmark: the fake server, quiet logs, and the rate
    limiter off unless asked for (the fake server has no limit to keep to).

    Bytecode is written as an installed package's would be (some shells here turn it
    off), so a start-up is measured as a person's second start would be.
    """
    env = {**os.environ, "GROWCOACH_TELEGRAM_RATE_LIMIT": str(rate_limit).lower(),
           "GROWCOACH_LOG_LEVEL": "ERROR"}  # fmt: skip
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if token:
        env |= {"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_BASE_URL": base_url}
    return env


def start_bot(
    token: str, base_url: str, db: Path, *options: str, rate_limit: bool = False
) -> subprocess.Popen[bytes]:
    """`growcoach run --db DB [options]`, its errors silenced (they would mix with ours)."""
    command = [GROWCOACH, "run", "--db", str(db), *options]
    env = environment(token, base_url, rate_limit)
    return subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
