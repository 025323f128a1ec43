"""The console chat: the same conversation as on Telegram, one line of input per message.

Choices print as numbered lines (`1) Health`); typing the number or the label picks
one, and any other text is an answer in the person's own words. Works with piped
input and ends cleanly at the end of it, or at /quit (people reach for it in a
terminal; on Telegram there is nothing to quit).
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TextIO

from bot.app import App
from bot.logs import where
from bot.rendering import Shown, render
from dialogue_flows.records import PersonId
from dialogue_flows.types import Command, DueAppointment, Input, Msg, Text, Turn
from storage.db import write_private

QUIT = frozenset({"/quit", "/exit", "/afslut"})
logger = logging.getLogger(__name__)


def show(shown: Shown, out: TextIO) -> None:
    lines = [shown.text]
    if shown.is_scale:
        lines.append("   " + "  ".join(label for _, label in shown.choices))
    else:
        lines.extend(f"   {n}) {label}" for n, (_, label) in enumerate(shown.choices, 1))
    out.write("\n".join(lines) + "\n\n")


async def save_export(app: App, person_id: str, fmt: str, language: str, out: TextIO) -> None:
    """The console's way to hand over a file: save it in the current folder, named by the
    minute it was made, never over an earlier one."""
    made = await app.conversations.export(person_id, fmt)
    if made is not None:
        path = await asyncio.to_thread(write_private, Path(made.name), made.content)
        where = str(path.resolve())  # the whole path: the folder was not chosen by them
        saved = app.catalogue.render(Msg("console.export_saved", {"path": where}), language)
        out.write(saved + "\n\n")


async def chat(app: App, user: str, stdin: TextIO, stdout: TextIO, language: str = "en") -> None:
    """Talk with `user` until the end of input or /quit; every turn is saved before it is shown.

    `language` greets someone new (as Telegram's app language does); /language changes it.
    The console has no reminder loop: the summary before an appointment, once it is due,
    comes when they next open the chat (once: the engine notes it was given).
    """
    person_id = str(PersonId(PersonId.CONSOLE, user))
    interactive = stdin.isatty()
    pending: list[Input] = [Command("start"), DueAppointment()]
    spoken = language
    while True:
        turn = await _turn(app, person_id, pending.pop(0), language, stdout, spoken)
        if turn is not None:
            spoken = turn.language
            for reply in turn.replies:
                show(render(app.catalogue, reply, turn.language), stdout)
            if turn.export is not None:
                await save_export(app, person_id, turn.export, turn.language, stdout)
        if pending:
            continue
        if interactive:
            stdout.write("> ")
        stdout.flush()
        line = await asyncio.to_thread(stdin.readline)
        if not line or line.strip().lower() in QUIT:
            break
        pending.append(Text(line.rstrip("\r\n")))
    kept = await app.conversations.keeps_anything(person_id)
    goodbye = app.catalogue.render(
        Msg("console.goodbye" if kept else "console.goodbye_nothing_kept"), spoken
    )
    stdout.write(("\n" if interactive else "") + goodbye + "\n")
    stdout.flush()


async def _turn(
    app: App, person_id: str, event: Input, language: str, out: TextIO, spoken: str
) -> Turn | None:
    """One turn; a failure on our side is said kindly, as on Telegram, and logged with
    where it failed, never what was said (a tester saw a traceback when the crisis model
    was being replaced under the console)."""
    try:
        return await app.conversations.handle(person_id, event, language)
    except Exception as error:
        logger.error("console turn failed: %s at %s", type(error).__name__, where(error))
        out.write(app.catalogue.render(Msg("error.internal"), spoken) + "\n")
        return None
