"""The `growcoach` command.

`chat` talks in this terminal, `run` starts the Telegram bot, `export` writes a
person's goal history, `backup` and `restore` copy the database safely, `keygen` and
`rotate-key` manage encryption at rest. Errors an operator can fix (a missing token,
a wrong key, a damaged or newer database) print one line and exit 2: no traceback.
A database server that does not answer exits 3, Telegram not reachable 1: both may
work when tried again.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import getpass
import io
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from bot.exports import FORMATS

if TYPE_CHECKING:
    from bot.receiving import Webhook
    from bot.settings import Settings

# Everything heavier is imported by the command that needs it: `growcoach --help` and
# `growcoach chat` must not wait for Telegram, the HTTP stack or the export libraries.
# growcoach uses no pydantic plugins: without this, pydantic searches every installed
# package's entry points for them when the first model is built (an operator who wants
# one sets the variable to "").
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

EXIT_USAGE = 2
EXIT_DATABASE_UNREACHABLE = 3
TOKEN = re.compile(r"\d+:[A-Za-z0-9_-]{20,}")
SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


class UsageError(Exception):
    """Something the operator must fix before growcoach can start."""


class Unreachable(Exception):
    """Telegram could not be reached (named by the error's type): perhaps try again."""


def _started() -> None:
    """Start-up is over (a command that keeps running calls this once it is ready): the
    garbage collector runs again, and never walks what start-up made.

    Start-up makes a few hundred thousand objects that live as long as the process (the
    modules, the records' validators, the flow tables); the collector walked all of them
    over and over while they were made, a fifth of `growcoach chat`'s start, and would
    walk them in every full collection after. A one-shot command (an export, a backup)
    runs with it off to the end.
    """
    gc.freeze()
    gc.enable()


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
    db_help = "SQLite file (default: GROWCOACH_DB)"
    url_help = "postgresql://… to use PostgreSQL (default: GROWCOACH_DATABASE_URL)"

    chat_parser = commands.add_parser("chat", help="talk with growcoach in this terminal")
    chat_parser.add_argument("--user", default=_default_user(), help="whose conversation")
    chat_parser.add_argument("--db", type=Path, help=db_help)
    chat_parser.add_argument("--database-url", help=url_help)
    chat_parser.add_argument(
        "--language", choices=("en", "da"), default="en", help="to greet someone new in"
    )

    run_parser = commands.add_parser("run", help="start the Telegram bot (polling by default)")
    run_parser.add_argument("--db", type=Path, help=db_help)
    run_parser.add_argument("--database-url", help=url_help)
    run_parser.add_argument("--webhook-url", help="public HTTPS URL: run in webhook mode")
    run_parser.add_argument("--listen", default="0.0.0.0:8443", help="HOST:PORT for webhooks")
    run_parser.add_argument(
        "--secret-token", help="webhook secret (default: GROWCOACH_WEBHOOK_SECRET)"
    )

    export_parser = commands.add_parser("export", help="a person's goal history as a file")
    export_parser.add_argument("--user", required=True, help="Telegram user id or console name")
    export_parser.add_argument("--format", required=True, choices=sorted(FORMATS))
    export_parser.add_argument("--out", help="file to write; - for standard output (text)")
    export_parser.add_argument("--db", type=Path, help=db_help)
    export_parser.add_argument("--database-url", help=url_help)

    backup_parser = commands.add_parser("backup", help="a consistent copy, even while running")
    backup_parser.add_argument("--out", type=Path, required=True, help="the copy to write")
    backup_parser.add_argument("--db", type=Path, help=db_help)
    backup_parser.add_argument("--database-url", help=url_help)

    restore_parser = commands.add_parser("restore", help="replace the database with a backup")
    restore_parser.add_argument("--from", dest="source", type=Path, required=True)
    restore_parser.add_argument("--db", type=Path, help=db_help)
    restore_parser.add_argument("--database-url", help=url_help)

    commands.add_parser("keygen", help="print a new GROWCOACH_ENCRYPTION_KEY")
    rotate_parser = commands.add_parser(
        "rotate-key", help="reseal all answers with the first key in GROWCOACH_ENCRYPTION_KEY"
    )
    rotate_parser.add_argument("--db", type=Path, help=db_help)
    rotate_parser.add_argument("--database-url", help=url_help)
    return parser


async def _chat(db: Path | str, args: argparse.Namespace, settings: Settings) -> None:
    from bot.app import open_app
    from bot.console import chat

    async with open_app(db, settings=settings) as app:
        _started()
        await chat(app, args.user, sys.stdin, sys.stdout, args.language)


async def _export(db: Path | str, args: argparse.Namespace, settings: Settings) -> None:
    user, fmt, out = args.user, args.format, args.out
    if out == "-" and fmt == "pdf":
        raise UsageError("a PDF cannot go to standard output; give --out FILE")
    if isinstance(db, Path) and not await asyncio.to_thread(db.is_file):
        raise UsageError(f"there is no database at {db}")
    from bot.app import open_app
    from dialogue_flows.records import PersonId
    from storage.db import StorageError, explain, write_private

    async with open_app(db, settings=settings, writes=False) as app:
        # A number is a Telegram user id, unless only a console name matches it.
        candidates = [PersonId(PersonId.TELEGRAM, user)] * user.isdigit() + [
            PersonId(PersonId.CONSOLE, user)
        ]
        for person in candidates:
            made = await app.conversations.export(str(person), fmt)
            if made is not None:
                break
        else:
            raise UsageError(f"no one called {user!r} in {_named(db)}")
    if out == "-":
        sys.stdout.buffer.write(made.content)
        sys.stdout.flush()
        return
    path = Path(out or made.name)
    try:  # a name growcoach chose is numbered on; one the operator gave is theirs to change
        path = await asyncio.to_thread(write_private, path, made.content, not out)
    except FileExistsError as error:
        raise UsageError(f"{path} exists already; choose a new name") from error
    except OSError as error:
        raise StorageError(f"cannot write {explain(path, error)}") from error
    print(f"growcoach: wrote {path}", file=sys.stderr)


def _key(settings: Settings) -> str | None:
    return settings.encryption_key.get_secret_value() if settings.encryption_key else None


def _named(db: Path | str) -> str:
    """The database, for a message: a URL may hold a password, so it is never printed."""
    return "the PostgreSQL database" if isinstance(db, str) else str(db)


async def _check_database(db: Path | str, settings: Settings) -> None:
    """Open and migrate once before Telegram starts, so a bad file or key is a clear error."""
    from bot.app import open_store

    database = await open_store(db, _key(settings))
    await database.close()


async def _rotate(db: Path | str, settings: Settings) -> None:
    if not _key(settings):
        raise UsageError("set GROWCOACH_ENCRYPTION_KEY (new key first, then the old ones)")
    from storage import backups

    if isinstance(db, str):
        from storage.postgres.db import PostgresDatabase

        on_server = await PostgresDatabase.open(db, _key(settings))
        try:
            count = await on_server.reseal(backups.SEALED_COLUMNS)
        finally:
            await on_server.close()
    else:
        from storage.db import Database

        database = await Database.open(db, _key(settings))
        try:
            count = await backups.reseal(database)
        finally:
            await database.close()
    print(f"growcoach: resealed {count} values with the first key", file=sys.stderr)


def _token(settings: Settings) -> str:
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    if not token:
        raise UsageError("TELEGRAM_BOT_TOKEN is not set (see README: create a bot with BotFather)")
    if not TOKEN.fullmatch(token):
        raise UsageError("TELEGRAM_BOT_TOKEN does not look like a bot token (123456:ABC...)")
    return token


def _run(args: argparse.Namespace, settings: Settings, db: Path | str) -> None:
    from bot.app import system_clock
    from bot.reminders import this_instance
    from bot.telegram import BotSettings, TelegramBot

    token = _token(settings)
    webhook = _webhook(args, settings)
    asyncio.run(_check_database(db, settings))
    # Instances behind one proxy may share a machine: their listening ports tell them apart.
    instance = this_instance() + (f":{webhook.port}" if webhook else "")
    bot = TelegramBot(
        BotSettings(token, db, system_clock, settings.telegram_api_base_url, settings,
                    remind_every=settings.reminder_every, instance=instance, warm_up=True)
    )  # fmt: skip
    from telegram.error import InvalidToken, NetworkError

    _started()
    try:
        if webhook is None:
            bot.run_polling()
        else:
            asyncio.run(bot.run_webhook(webhook))
    except InvalidToken as error:
        raise UsageError("Telegram refused TELEGRAM_BOT_TOKEN") from error
    except NetworkError as error:
        raise Unreachable(type(error).__name__) from error


def _webhook(args: argparse.Namespace, settings: Settings) -> Webhook | None:
    """The webhook's settings from the command line; None: polling."""
    if not args.webhook_url:
        return None
    from bot.receiving import Webhook

    secret = args.secret_token or (
        settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    )
    if not SECRET.fullmatch(secret):
        raise UsageError("webhook mode needs --secret-token (1-256 of A-Z a-z 0-9 _ -)")
    host, _, port = args.listen.rpartition(":")
    if not host or not port.isdigit():
        raise UsageError("--listen must be HOST:PORT, such as 0.0.0.0:8443")
    return Webhook(host, int(port), urlsplit(args.webhook_url).path.lstrip("/"),
                   args.webhook_url, secret)  # fmt: skip


def _database(args: argparse.Namespace, settings: Settings) -> Path | str:
    """Where the data is: a PostgreSQL URL, or else the SQLite file. The command line
    comes before the environment; SQLite (GROWCOACH_DB) is the default."""
    url = getattr(args, "database_url", None)
    if not url and getattr(args, "db", None) is None and settings.database_url:
        url = settings.database_url.get_secret_value()
    if url:
        if not url.startswith(("postgresql://", "postgres://")):
            raise UsageError("GROWCOACH_DATABASE_URL must be a postgresql://… URL")
        return str(url)
    return getattr(args, "db", None) or settings.db


def _dispatch(args: argparse.Namespace, settings: Settings) -> None:
    db = _database(args, settings)
    if args.command == "chat":
        asyncio.run(_chat(db, args, settings))
    elif args.command == "export":
        asyncio.run(_export(db, args, settings))
    elif args.command in ("backup", "restore"):
        _backup_or_restore(args, settings, db)
    elif args.command == "keygen":
        from storage.encryption import new_key

        print(new_key())
    elif args.command == "rotate-key":
        asyncio.run(_rotate(db, settings))
    else:
        _run(args, settings, db)


PG_COPIES = """PostgreSQL keeps its own backups: growcoach does not copy a server's database.
Back up with pg_dump (consistent while growcoach runs), for example:
  pg_dump --format=custom --file={out} "$GROWCOACH_DATABASE_URL"
and restore with pg_restore (stop growcoach first; it replaces what the database holds):
  pg_restore --clean --if-exists --no-owner --dbname="$GROWCOACH_DATABASE_URL" {source}"""


def _backup_or_restore(args: argparse.Namespace, settings: Settings, db: Path | str) -> None:
    if isinstance(db, str):
        out = args.out if args.command == "backup" else "growcoach.dump"
        source = args.source if args.command == "restore" else "growcoach.dump"
        raise UsageError(PG_COPIES.format(out=out, source=source))
    from storage import backups

    if args.command == "backup":
        asyncio.run(backups.backup(db, args.out, _key(settings)))
        print(f"growcoach: backed up to {args.out}", file=sys.stderr)
    else:
        asyncio.run(backups.restore(args.source, db, _key(settings)))
        print(f"growcoach: restored {db} from {args.source}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    gc.disable()  # until the command has started: see `_started`
    try:
        return _main(argv)
    finally:
        gc.enable()


def _main(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    from pydantic import ValidationError

    from bot.logs import configure_logging
    from bot.settings import Settings
    from storage.backups import BackupError
    from storage.db import DatabaseUnreachable, StorageError

    try:
        settings = Settings()
    except ValidationError as error:
        fields = [str(e["loc"][0]).upper() for e in error.errors() if e["loc"]]
        names = ", ".join(f if f.startswith("TELEGRAM_") else f"GROWCOACH_{f}" for f in fields)
        print(f"growcoach: a setting in the environment or .env is not valid: {names}",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    configure_logging(settings.log_level)
    for stream in (sys.stdin, sys.stdout):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")  # odd bytes in, odd bytes out: never a crash
    try:
        _dispatch(args, settings)
    except DatabaseUnreachable as error:
        print(f"growcoach: {error} (is the server running, and the URL right?)", file=sys.stderr)
        return EXIT_DATABASE_UNREACHABLE
    except (StorageError, UsageError, BackupError) as error:
        print(f"growcoach: {error}", file=sys.stderr)
        return EXIT_USAGE
    except Unreachable as error:
        print(f"growcoach: cannot reach Telegram ({error})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Whoever read our output has gone (`growcoach chat | head`). Every turn shown was
        # saved before it was shown, so nothing is lost: stop quietly, as other command-line
        # tools do, and send what Python flushes at exit nowhere instead of a second error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
