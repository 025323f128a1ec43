"""Outcomes end to end on Telegram (fake Bot API, injected clock, a real SQLite file), and
in the exports: levels, T-score, WHO-5, the appointment summary once, the agenda, the PDF.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest
from conftest import WHOLE_PLAN, RunningBot
from fhir.resources.R4B.bundle import Bundle
from pypdf import PdfReader

from bot.app import open_app
from bot.exports import export
from bot.exports.csv_rows import cell
from bot.exports.document import History
from bot.reminders import ReminderLoop
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.outcome_records import (
    Appointment,
    GasRating,
    GasScale,
    MeasureResponse,
    Outcomes,
)
from dialogue_flows.records import Person

PERSON = 8001
LEVELS = ("I sleep on my mate's sofa", "I am on the council's list", "I have viewed a flat",
          "I have signed for a flat")  # fmt: skip


async def say(bot: RunningBot, *answers: str) -> str:
    for answer in answers:
        await bot.handle(bot.api.send_text(PERSON, answer))
    return bot.api.sent_to(PERSON)[-1].text


async def press(bot: RunningBot, label: str) -> str:
    await bot.handle(bot.api.press(PERSON, bot.api.sent_to(PERSON)[-1], label))
    return bot.api.sent_to(PERSON)[-1].text


def reminders(bot: RunningBot, kind: str) -> list[tuple[str, str | None]]:
    with sqlite3.connect(bot.db) as reader:
        return reader.execute(
            "SELECT due_at, outcome FROM reminders WHERE person_id = ? AND kind = ?",
            (f"telegram:{PERSON}", kind),
        ).fetchall()


async def test_levels_check_ins_who5_and_an_appointment_on_telegram(
    telegram_direct: RunningBot,
) -> None:
    bot, api = telegram_direct, telegram_direct.api
    offer = await say(bot, *WHOLE_PLAN)
    assert "what progress on" in offer
    await press(bot, "Yes, let's")
    await say(bot, *LEVELS)
    await press(bot, "Skip this one")
    await press(bot, "Very important")
    await say(bot, "Monday 18:00", "Copenhagen")
    # The first check-in, asked for; the level chosen by a button with their own words.
    rate = await say(bot, "/checkin", "I did it", "An alarm", "7", "Keep the same step")
    assert "Which of your own lines fits" in rate
    assert "I have viewed a flat" in dict(api.sent_to(PERSON)[-1].buttons)
    assert "(a bit better than expected)" in await press(bot, "I have viewed a flat")
    # The second, from the weekly reminder on Monday 9 March, 18:00 in Copenhagen.
    bot.clock.now = datetime(2026, 3, 9, 17, 0, 5, tzinfo=UTC)
    assert await bot.bot.reminders.tick() == 1
    await press(bot, "I did some of it")
    await say(bot, "It rained", "The bus was late", "6")
    await press(bot, "Keep the same step")
    assert "(as expected)" in await press(bot, "I am on the council's list")
    # A WHO-5, one item per message, by buttons.
    await say(bot, "/wellbeing")
    await press(bot, "WHO-5 Well-Being Index")
    for _ in range(5):
        scored = await press(bot, "Most of the time")
    assert "score is 80 out of 100" in scored
    # The next appointment, in words.
    await say(bot, "/appointment", "on the 14th at half 2")
    assert "Have I got that right?" in api.sent_to(PERSON)[-1].text
    await press(bot, "Yes")
    seen = len(api.sent_to(PERSON))
    # The day before at their check-in hour: the summary, once.
    bot.clock.now = datetime(2026, 3, 13, 16, 59, tzinfo=UTC)
    assert await bot.bot.reminders.tick() == 0
    bot.clock.now = datetime(2026, 3, 13, 17, 0, 10, tzinfo=UTC)
    assert await bot.bot.reminders.tick() == 1
    [summary] = api.sent_to(PERSON)[seen:]
    assert summary.text.startswith("Your appointment is tomorrow, Saturday 14 March, 14:30.")
    assert "Now: I am on the council's list (as expected)" in summary.text
    assert "WHO-5 Well-Being Index: 80 out of 100" in summary.text
    assert "Is there anything you want to raise with your worker?" in summary.text
    assert await bot.bot.reminders.tick() == 0
    async with open_app(bot.db, bot.clock) as restarted:  # a restart sends nothing again
        again = ReminderLoop(restarted, bot.bot.deliver_reminder, bot.clock)
        bot.clock.now = datetime(2026, 3, 13, 20, 0, tzinfo=UTC)
        assert await again.resume() == 0  # nothing of its own left in flight
        assert await again.tick() == 0
    assert reminders(bot, "appointment") == [("2026-03-13T17:00:00+00:00", "sent")]
    await say(bot, "Help with the deposit, and my sleep")
    await press(bot, "Yes, please")
    [summary_pdf] = [call for call in api.calls if call.method == "sendDocument"]
    reader = PdfReader(io.BytesIO(summary_pdf.params["document"]))
    assert len(reader.pages) == 1  # one page, to share
    text = reader.pages[0].extract_text()
    for words in ("Before my appointment: Sam", "Find a flat of my own within a year",
                  "0  I am on the council's list", "goal attainment score 50",
                  "WHO-5 Well-Being Index 80 out of 100", "Saturday 14 March, 14:30",
                  "Help with the deposit, and my sleep"):  # fmt: skip
        assert words in text, words
    # The whole history for the worker: every level, each choice, and a WHO-5 chart.
    await say(bot, "/export")
    await press(bot, "PDF, to read or print")
    whole = [call for call in api.calls if call.method == "sendDocument"][-1]
    reader = PdfReader(io.BytesIO(whole.params["document"]))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for words in ("Goal attainment, in their own words", "+2  I have signed for a flat",
                  "+1  I have viewed a flat", "chose +1", "chose 0", "goal attainment score 50",
                  "WHO-5 Well-Being Index 80 out of 100", "Next appointment",
                  "Help with the deposit, and my sleep"):  # fmt: skip
        assert words in text, words
    assert len([image for page in reader.pages for image in page.images]) == 2  # + WHO-5


# -- the exports of outcomes --------------------------------------------------------------

AT = datetime(2026, 3, 2, 12, tzinfo=UTC)
OUTCOMES = Outcomes(
    scales=(GasScale(goal_number=1, levels={"-1": "Sofa", "0": "On the list", "1": "Viewed",
                                            "2": "Signed"}, importance=2, updated_at=AT),),
    ratings=(GasRating(goal_number=1, number=1, at=AT, level=1, checkin_number=1),),
    responses=(MeasureResponse(number=1, measure="who5", language="da", at=AT,
                               answers=(4, 4, 3, 3, 2), score=64),
               MeasureResponse(number=2, measure="qpr15", language="en", at=AT,
                               answers=(3,) * 15, score=45)),
    appointments=(Appointment(number=1, at=datetime(2026, 3, 14, 13, 30, tzinfo=UTC),
                              words="lørdag kl. 14.30", created_at=AT, agenda="Søvn"),),
)  # fmt: skip


def history(catalogue: Catalogue, language: str) -> History:
    from conftest import Dialogue

    from dialogue_flows.engine import Engine

    person = Dialogue(Engine(catalogue), catalogue)
    person.run(*WHOLE_PLAN, "no", "No reminders, thanks", "/checkin", "I did it", "Alarm", "7",
               "Keep the same step")  # fmt: skip
    assert person.person is not None
    who = Person.model_validate({**person.person.model_dump(), "language": language,
                                 "timezone": "Europe/Copenhagen"})  # fmt: skip
    return History.of(who, tuple(person.goals.values()), None, "p1", AT, OUTCOMES)


def test_the_fhir_bundle_carries_the_pco_profiles_loinc_codes_and_measures(
    catalogue: Catalogue,
) -> None:
    content = export(history(catalogue, "da"), "fhir", catalogue).content
    bundle = Bundle.model_validate_json(content)  # validated by fhir.resources
    resources = [entry.resource for entry in bundle.entry or []]
    document = json.loads(content)
    [goal] = [e["resource"] for e in document["entry"] if e["resource"]["resourceType"] == "Goal"]
    assert goal["meta"]["profile"] == [
        "http://hl7.org/fhir/us/pco/StructureDefinition/pco-gas-goal-profile"
    ]
    levels = {ext["extension"][0]["valueCoding"]["code"]: ext["extension"][1]["valueString"]
              for ext in goal["extension"]}  # fmt: skip
    assert levels == {"LA34479-8": "Signed", "LA34480-6": "Viewed", "LA34481-4": "On the list",
                      "LA34483-0": "Sofa"}  # fmt: skip
    assert goal["target"][0]["measure"]["coding"][0]["code"] == "107332-9"
    observations = [e["resource"] for e in document["entry"]
                    if e["resource"]["resourceType"] == "Observation"]  # fmt: skip
    [gas] = [o for o in observations if o.get("meta")]
    assert gas["meta"]["profile"] == [
        "http://hl7.org/fhir/us/pco/StructureDefinition/pco-gas-score-observation"
    ]
    assert gas["code"]["coding"][0]["code"] == "107334-5"
    assert gas["valueCodeableConcept"]["coding"][0]["code"] == "LA34480-6"
    codes = {o["code"]["coding"][0]["code"]: o for o in observations}
    assert codes["gas-t-score"]["valueQuantity"]["value"] == 60.0
    assert codes["who5-score"]["valueInteger"] == 64
    assert codes["qpr15-score"]["valueInteger"] == 45
    kinds = [resource.__resource_type__ for resource in resources]
    assert kinds.count("Questionnaire") == 2 and kinds.count("QuestionnaireResponse") == 2
    [who5] = [e["resource"] for e in document["entry"]
              if e["resource"].get("url") == "urn:growcoach:questionnaire:who5"]  # fmt: skip
    assert who5["language"] == "da"
    assert who5["code"] == [{"system": "http://snomed.info/sct", "code": "1144665009"}]
    [qpr] = [e["resource"] for e in document["entry"]
             if e["resource"].get("url") == "urn:growcoach:questionnaire:qpr15"]  # fmt: skip
    assert "code" not in qpr  # none was found: no code rather than a guessed one
    assert who5["item"][0]["text"] == "I de sidste 2 uger har jeg været glad og i godt humør"


def test_the_danish_csv_and_pdf_are_danish_values_included(catalogue: Catalogue) -> None:
    made = history(catalogue, "da")
    rows = list(
        csv.reader(io.StringIO(export(made, "csv", catalogue).content.decode("utf-8-sig")))
    )
    header, body = rows[0], rows[1:]
    assert header[:2] == ["hændelse", "dato (Europe/Copenhagen)"]
    assert header[-6:] == ["målopfyldelse", "spørgeskema", "score", "dagsorden", "med egne ord",
                           "i vejen"]  # fmt: skip
    events = [row[0] for row in body]
    assert events == ["Mål sat", "Skridt sat", "Tjek-ind", "Målopfyldelse valgt",
                      "Spørgeskema besvaret", "Spørgeskema besvaret", "Aftale"]  # fmt: skip
    checkin = body[events.index("Tjek-ind")]
    assert checkin[header.index("udfald")] == "Gjort"
    assert checkin[header.index("næste")] == "Samme skridt"
    measured = [row[header.index("spørgeskema")] for row in body if row[0].startswith("Spør")]
    assert measured[0] == "WHO-5 Trivselsindeks"  # its title, not the code "who5"
    codes = {"goal_set", "done", "keep", "mål_sat", "gjort", "samme_skridt", "who5"}
    assert [value for row in body for value in row if value in codes] == []
    assert body[-1][1] == "2026-03-14T14:30:00+01:00"  # 13:30 UTC, in Copenhagen
    pdf = export(made, "pdf", catalogue).content
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for words in ("Målopfyldelse, med personens egne ord", "valgte +1", "målopfyldelse 60",
                  "WHO-5 Trivselsindeks 64 ud af 100", "Næste aftale", "Søvn", "kl. 14:30",
                  "Datoer og klokkeslæt er i tidszonen Europe/Copenhagen."):  # fmt: skip
        assert words in text, words


def test_a_level_is_written_in_brackets_not_behind_a_formula_guard(
    catalogue: Catalogue,
) -> None:
    """A worker read "'+1 Viewed": the guard against spreadsheet formulas put an apostrophe
    before our own level. The level is written in brackets, which no spreadsheet runs; a
    person's own words that begin like a formula are still guarded."""
    made = history(catalogue, "en")
    lower = GasRating(goal_number=1, number=2, at=AT, level=-1, checkin_number=1)
    made = made.model_copy(update={"outcomes": made.outcomes.model_copy(
        update={"ratings": (*made.outcomes.ratings, lower)})})  # fmt: skip
    table = export(made, "csv", catalogue).content.decode("utf-8-sig")
    levels = [row["gas_level"] for row in csv.DictReader(io.StringIO(table)) if row["gas_level"]]
    assert levels == ["(+1) Viewed", "(-1) Sofa"]
    assert cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"


def test_the_json_with_outcomes_validates_against_the_regenerated_schema(
    catalogue: Catalogue,
) -> None:
    """The schema kept in docs/ (checked fresh by test_exports) holds every outcome: a
    document with levels, measures and an appointment passes it, and one that breaks
    an outcome's shape does not."""
    kept = json.loads((Path(__file__).parent.parent / "docs" / "export.schema.json").read_text())
    document = json.loads(export(history(catalogue, "da"), "json", catalogue).content)
    jsonschema.validate(document, kept)
    assert document["schema_version"] == kept["properties"]["schema_version"]["const"] == 4
    outcomes = document["outcomes"]
    assert outcomes["scales"][0]["levels"]["1"] == "Viewed"
    assert [r["level"] for r in outcomes["ratings"]] == [1]
    assert [(r["measure"], r["score"]) for r in outcomes["responses"]] == [
        ("who5", 64),
        ("qpr15", 45),
    ]
    assert outcomes["appointments"][0]["agenda"] == "Søvn"
    assert document["gas_t_score"] == 60.0
    outcomes["responses"][0]["score"] = "64"  # a score as text is not the documented shape
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, kept)


def test_times_for_people_are_in_the_persons_zone_and_codes_stay_for_programs(
    catalogue: Catalogue,
) -> None:
    late = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)  # 00:30 on 2 March in Copenhagen
    answered = OUTCOMES.responses[0].model_copy(update={"at": late})
    made = history(catalogue, "en").model_copy(update={
        "generated_at": late, "outcomes": OUTCOMES.model_copy(update={"responses": (answered,)}),
    })  # fmt: skip
    pdf = export(made, "pdf", catalogue, "America/New_York")
    assert pdf.name == "growcoach-goals-2026-03-02-0030.pdf"  # their zone over the service's
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Dates and times are in the time zone Europe/Copenhagen." in text
    assert "2 March 2026: WHO-5 Well-Being Index 64 out of 100" in text
    assert "1 March" not in text  # the UTC day
    table = export(made, "csv", catalogue).content.decode("utf-8-sig")
    [row] = [r for r in csv.DictReader(io.StringIO(table)) if r["event"].startswith("Quest")]
    assert row["date (Europe/Copenhagen)"] == "2026-03-02T00:30:00+01:00"
    assert (row["event"], row["measure"]) == ("Questionnaire answered", "WHO-5 Well-Being Index")
    document = json.loads(export(made, "json", catalogue).content)
    assert document["generated_at"] == "2026-03-01T23:30:00Z"
    assert document["goals"][0]["checkins"][0]["outcome"] == "done"
    assert document["outcomes"]["responses"][0]["measure"] == "who5"
    nowhere = made.model_copy(update={"person": made.person.model_copy(update={"timezone": None})})
    assert export(nowhere, "csv", catalogue, "America/New_York").name == (
        "growcoach-goals-2026-03-01-1830.csv"  # no zone of their own: the service's
    )


async def test_the_measure_comes_back_at_the_persons_rhythm_once(
    telegram_direct: RunningBot,
) -> None:
    bot, api = telegram_direct, telegram_direct.api
    await say(bot, "/start", "yes", "Sam", "/wellbeing")
    await press(bot, "WHO-5 Well-Being Index")
    for _ in range(5):
        await press(bot, "All of the time")
    seen = len(api.sent_to(PERSON))
    bot.clock.advance(days=29)
    assert await bot.bot.reminders.tick() == 0
    bot.clock.advance(days=1, minutes=1)  # monthly, as nobody chose otherwise
    assert await bot.bot.reminders.tick() == 1
    [offer] = api.sent_to(PERSON)[seen:]
    assert "it's time for your wellbeing questions" in offer.text
    assert await bot.bot.reminders.tick() == 0
    assert "1 of 5" in await press(bot, "Yes, now")
    assert [outcome for _, outcome in reminders(bot, "measure")] == ["sent"]
