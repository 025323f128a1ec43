"""The console has no reminder loop: the summary before an appointment comes when the
person next opens the chat, once (issue 18: "through the console … the day before gets
the summary once")."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from bot.app import open_app
from bot.console import chat
from dialogue_flows.records import PersonId

ASKED = "Is there anything you want to raise with your worker?"


async def talk(db: Path, now: datetime, *lines: str) -> str:
    stdin, stdout = io.StringIO("".join(line + "\n" for line in lines)), io.StringIO()
    async with open_app(db, clock=lambda: now) as app:
        await chat(app, "ann", stdin, stdout)
    return stdout.getvalue()


async def test_the_summary_comes_when_the_chat_is_next_opened_once(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    monday = datetime(2026, 3, 2, 9, tzinfo=UTC)
    recorded = await talk(db, monday, "yes", "Ann", "/appointment", "wednesday at 10", "yes")
    assert "Wednesday 4 March" in recorded
    assert ASKED not in await talk(db, monday)  # not yet: the day before, in the evening
    tuesday_evening = datetime(2026, 3, 3, 18, 30, tzinfo=UTC)
    opened = await talk(db, tuesday_evening, "Ask about my sleep")
    assert opened.count(ASKED) == 1
    assert ASKED not in await talk(db, tuesday_evening)  # once, not at every opening
    async with open_app(db, clock=lambda: tuesday_evening) as app:
        made = await app.conversations.export(str(PersonId(PersonId.CONSOLE, "ann")), "json")
    assert made is not None and b"Ask about my sleep" in made.content  # kept as the agenda
