"""Each export from a real stored history (made by driving the engine and the database)."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import pytest
from conftest import SCHEDULE_ANSWERS, START
from fhir.resources.R4B.bundle import Bundle
from pypdf import PdfReader

from bot.app import open_app
from bot.exports.document import schema
from bot.exports.pdf import FONT, LABEL, _Document, to_pdf
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.types import Text

GROWCOACH = str(Path(sys.executable).parent / "growcoach")
SCHEMA_FILE = Path(__file__).parent.parent / "docs" / "export.schema.json"
PERSON = "console:åse"
CHECKINS = [("Got halfway, phoned but hung up", "Øjvind came with me", "The bus was late", "3"),
            ("I did it", "The alarm — it worked ✓", "6")]  # fmt: skip


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self):  # type: ignore[no-untyped-def]
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
async def stored(tmp_path: Path) -> Path:
    """A database holding a whole plan, a weekly time and two check-ins a week apart."""
    db = tmp_path / "history.db"
    clock = Clock()
    async with open_app(db, clock) as app:
        for answer in SCHEDULE_ANSWERS:
            await app.conversations.handle(PERSON, Text(answer))
        for answers in CHECKINS:
            clock.now += timedelta(days=7)
            for answer in ("/checkin", *answers, "Keep the same step"):
                await app.conversations.handle(PERSON, Text(answer))
    return db


async def made(db: Path, fmt: str) -> tuple[str, bytes]:
    async with open_app(db) as app:
        file = await app.conversations.export(PERSON, fmt)
    assert file is not None
    return file.name, file.content


async def test_the_pdf_holds_goal_steps_words_and_chart(stored: Path, tmp_path: Path) -> None:
    name, content = await made(stored, "pdf")
    assert name.endswith(".pdf") and content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for words in ("Goal history", "Find a flat of my own within a year",
                  "Set up a savings pot on my phone", "Øjvind came with me",
                  "The alarm — it worked ✓", "Page 1 of", "Progress", "The bus was late",
                  "So my kids can stay over", "I've saved before",
                  "how it went: “Got halfway, phoned but hung up”"):  # fmt: skip
        assert words in text, words
    images = [image for page in reader.pages for image in page.images]
    assert len(images) == 1 and images[0].image is not None
    assert images[0].image.size[0] > 600  # the progress chart, at print resolution
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = [str(fonts[key].get_object()["/BaseFont"]) for key in fonts]
    assert any("DejaVuSans" in name for name in names), names  # embedded Unicode font


@pytest.mark.parametrize("language", ["en", "da"])
def test_every_field_label_fits_its_column(language: str) -> None:
    """A label wider than its column runs into the person's words: the Danish PDF read
    "Det betyder det for personenformål", the label printed over the answer."""
    source = (Path(__file__).parent.parent / "bot" / "exports" / "pdf.py").read_text()
    keys = sorted(set(re.findall(r'field\(\s*"(pdf\.[a-z_.]+)"', source)))
    assert len(keys) >= 15, keys  # the goal's fields and the summary's
    catalogue, page = Catalogue.load(), _Document("")
    page.set_font(FONT, "B", 9.5)
    wide = {
        key: label
        for key in keys
        if page.get_string_width(label := catalogue.template(key, language)) > LABEL - 2
    }
    page.add_page()
    page.output()  # as an export does: that closes the font files it opened
    assert wide == {}


async def test_the_progress_heading_never_stands_without_its_chart(stored: Path) -> None:
    """A tester's PDF had "Progress" alone at the foot of a page, its chart overleaf: it
    looked as if the 3/10 she gave had not been kept. However long the words above it,
    the heading and the chart share a page."""
    async with open_app(stored) as app:
        history = await app.conversations.history(PERSON)
        catalogue = app.catalogue
    assert history is not None
    [goal] = history.goals
    for lines in range(0, 48, 6):  # the heading at each height down a page
        why = " ".join(["So my kids can stay over, and I can cook for them."] * lines)
        longer = history.model_copy(update={"goals": (goal.model_copy(update={"why": why}),)})
        reader = PdfReader(io.BytesIO(to_pdf(longer, catalogue, ZoneInfo("Europe/London"))))
        [page] = [page for page in reader.pages if "Progress" in page.extract_text().split("\n")]
        assert len(page.images) == 1, lines


async def test_the_csv_has_a_row_per_event(stored: Path) -> None:
    name, content = await made(stored, "csv")
    assert name.endswith(".csv") and content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert [row["event"] for row in rows] == ["Goal set", "Step set", "Check-in", "Check-in"]
    assert [row["outcome"] for row in rows[2:]] == ["Partly", "Done"]
    assert rows[2]["reflection"] == "Øjvind came with me" and rows[3]["progress"] == "6"
    # In the person's zone (their check-in's, Copenhagen), which the header names:
    # the goal, the 4th line, at 09:04 UTC.
    assert rows[0]["date (Europe/Copenhagen)"] == "2026-03-02T10:04:00+01:00"
    assert all(row["goal"] == "Find a flat of my own within a year" for row in rows)
    # What got in the way, in the person's words, reaches the worker's spreadsheet too.
    assert [row["in the way"] for row in rows[2:]] == ["The bus was late", ""]
    assert rows[2]["in own words"] == "Got halfway, phoned but hung up"


async def test_the_json_matches_its_schema_kept_in_the_repo(stored: Path) -> None:
    _, content = await made(stored, "json")
    document = json.loads(content)
    kept = json.loads(SCHEMA_FILE.read_text())
    assert kept == schema(), "docs/export.schema.json is stale: run `python -m bot.exports`"
    jsonschema.validate(document, kept)
    assert document["schema_version"] == 4
    assert document["safety_plan"] is None
    assert "console:" not in content.decode() and "åse" not in content.decode()
    assert document["goals"][0]["checkins"][1]["progress"] == 6


async def test_the_json_carries_a_saved_safety_plan_in_their_words(stored: Path) -> None:
    async with open_app(stored) as app:
        for answer in ("/safety", "Make a plan", "sundays on my own", "i stop eating",
                       "ringing my sister", "sister 07700 900123, my key worker",
                       "my sister keeps my tablets"):  # fmt: skip
            await app.conversations.handle(PERSON, Text(answer))
    _, content = await made(stored, "json")
    document = json.loads(content)
    jsonschema.validate(document, json.loads(SCHEMA_FILE.read_text()))
    plan = document["safety_plan"]
    assert plan["triggers"] == "sundays on my own"
    assert plan["contacts"] == "sister 07700 900123, my key worker"
    assert plan["safer"] == "my sister keeps my tablets"


async def test_the_fhir_bundle_validates_and_links_goals_and_observations(
    stored: Path,
) -> None:
    _, content = await made(stored, "fhir")
    bundle = Bundle.model_validate_json(content)
    assert bundle.type == "collection"
    goals = [e for e in bundle.entry if e.resource.get_resource_type() == "Goal"]
    observations = [e for e in bundle.entry if e.resource.get_resource_type() == "Observation"]
    assert len(goals) == 1 and len(observations) == 2
    goal = goals[0].resource
    assert goal.description.text == "Find a flat of my own within a year"
    assert goal.lifecycleStatus == "active"
    assert goal.achievementStatus.coding[0].code == "improving"
    assert goal.category[0].coding[0].code == "home"
    assert [r.reference for r in goal.outcomeReference] == [o.fullUrl for o in observations]
    assert all(o.resource.focus[0].reference == goals[0].fullUrl for o in observations)
    assert [o.resource.valueInteger for o in observations] == [3, 6]
    assert "Set up a savings pot on my phone" in goal.note[0].text
    text = content.decode()
    assert "console:" not in text and "åse" not in text
    assert goal.subject.identifier.value == goal.expressedBy.identifier.value


def test_the_cli_writes_each_format_and_refuses_clearly(stored: Path, tmp_path: Path) -> None:
    export = [GROWCOACH, "export", "--db", str(stored)]
    writes = {
        fmt: [*export, "--user", "åse", "--format", fmt, "--out", str(tmp_path / f"out.{fmt}")]
        for fmt in ("pdf", "csv", "json", "fhir")
    }
    to_stdout = [*export, "--user", "åse", "--format", "json", "--out", "-"]
    refusals = {
        b"no one called 'nobody'": ["--user", "nobody", "--format", "csv"],
        b"cannot go to standard output": ["--user", "åse", "--format", "pdf", "--out", "-"],
        b"invalid choice": ["--user", "åse", "--format", "docx"],
    }
    # All at once, each its own process (they only read): half the time on two cores.
    commands = [*writes.values(), to_stdout, *([*export, *wrong] for wrong in refusals.values())]
    started = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
               for command in commands]  # fmt: skip
    results = []
    for process in started:
        out, err = process.communicate(timeout=120)
        results.append((process.returncode, out, err))
    for fmt, (code, _, err) in zip(writes, results, strict=False):
        assert code == 0, err
        assert (tmp_path / f"out.{fmt}").stat().st_size > 500
    code, out, err = results[len(writes)]
    assert code == 0 and json.loads(out)["schema_version"] == 4, err
    for message, (code, _, err) in zip(refusals, results[len(writes) + 1 :], strict=True):
        assert code == 2 and message in err, err
        assert b"Traceback" not in err


def _export_here(db: Path, folder: Path, *out: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [GROWCOACH, "export", "--user", "åse", "--format", "csv", *out, "--db", str(db)],
        capture_output=True, timeout=120, cwd=folder,
    )  # fmt: skip


def test_exporting_twice_keeps_both_files(stored: Path, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    for _ in range(2):
        assert _export_here(stored, folder).returncode == 0
    files = sorted(folder.iterdir())  # named to the minute; the same minute gets "-2"
    assert len(files) == 2 and all(f.name.startswith("growcoach-goals-") for f in files)
    assert files[0].read_bytes() == files[1].read_bytes()
    kept = folder / "mine.csv"
    kept.write_text("my own notes")
    refused = _export_here(stored, folder, "--out", str(kept))
    assert refused.returncode == 2 and b"exists already" in refused.stderr
    assert kept.read_text() == "my own notes"


def test_the_console_saves_a_second_export_beside_the_first(tmp_path: Path) -> None:
    talk = "/start\nyes\nSam\nFind a flat\n/export\nCSV\n/export\nCSV\n"
    result = subprocess.run(
        [GROWCOACH, "chat", "--user", "sam", "--db", str(tmp_path / "c.db")],
        input=talk.encode(), capture_output=True, timeout=120, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    saved = [line.removeprefix("Saved as ") for line in result.stdout.decode().splitlines()
             if line.startswith("Saved as ")]  # fmt: skip
    assert len(saved) == 2 and saved[0] != saved[1]
    assert all(Path(name).is_absolute() and Path(name).parent == tmp_path.resolve()
               for name in saved), "the whole path: a tester could not find the file"  # fmt: skip
    assert all(Path(name).stat().st_size > 0 for name in saved)
