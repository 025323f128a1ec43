"""The `growcoach` command: `growcoach chat` talks in this terminal.

Errors an operator can fix (a damaged or newer database) print one line and exit 2;
they never show a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import io
import logging
import sys
from pathlib import Path

from bot.app import open_app
from bot.console import chat
from bot.settings import Settings
from storage.db import StorageError

EXIT_USAGE = 2


def _default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "me"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="growcoach",
        description="A coaching companion for the time between appointments.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    chat_parser = commands.add_parser("chat", help="talk with growcoach in this terminal")
    chat_parser.add_argument("--user", default=_default_user(), help="whose conversation")
    chat_parser.add_argument("--db", type=Path, help="SQLite file (default: GROWCOACH_DB)")
    return parser


async def _chat(db: Path, user: str) -> None:
    async with open_app(db) as app:
        await chat(app, user, sys.stdin, sys.stdout)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings()
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    for stream in (sys.stdin, sys.stdout):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")  # odd bytes in, odd bytes out: never a crash
    try:
        asyncio.run(_chat(args.db or settings.db, args.user))
    except StorageError as error:
        print(f"growcoach: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
