"""The CSV export: one row per event (goal set, step set, check-in, attainment level
chosen, measure answered, appointment), oldest first.

Columns (headers in the person's language; the order is the contract):
event, date (ISO 8601 in the person's time zone, with its offset; the header names the
zone), goal_number, life_area, goal, step_number, step, when, confidence (0-10), outcome,
reflection, progress (0-10), next, gas_level ("(-2)" to "(+2)" and the person's words), measure,
score, agenda, said (how a check-in went, in their own words), in_the_way (what got in the
way, as they said it); new columns are added at the end. The values of event, outcome and
next are plain words in the person's language ("Goal set", "Mål sat"), and the measure its
title: the CSV is read by people; the codes stay in the JSON and FHIR exports. Written as
UTF-8 with a byte-order mark so that spreadsheet programs show every character right. A
cell that begins like a formula (=, +, -, @, a tab or a carriage return) gets a leading
apostrophe, so that a spreadsheet shows the person's words and never runs them; that is
why a level is written in brackets, "(+1) walking every day": a worker read
"'+1 walking every day" in a tester's file.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.exports.document import History
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.measures import measures
from dialogue_flows.outcomes import level_label, scale_of
from dialogue_flows.types import Msg

COLUMNS = ("event", "date", "goal_number", "life_area", "goal", "step_number", "step", "when",
           "confidence", "outcome", "reflection", "progress", "next", "gas_level", "measure",
           "score", "agenda", "said", "in_the_way")  # fmt: skip
WORDS = ("event", "outcome", "next")
"""Columns whose values are codes, written as words in the person's language."""

Row = dict[str, str | int | None]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str | int | None) -> str | int:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def rows(history: History, catalogue: Catalogue, zone: ZoneInfo) -> list[Row]:
    language = history.person.language
    found: list[tuple[datetime, int, Row]] = []
    for goal in history.goals:
        area = goal.area_own_words or catalogue.render(Msg(f"area.{goal.area.value}"), language)
        base: Row = {"goal_number": goal.number, "life_area": area, "goal": goal.text}
        found.append((goal.created_at, 0, {**base, "event": "goal_set"}))
        steps = {step.number: step for step in goal.steps}
        for step in goal.steps:
            found.append((step.created_at, 1, {**base, "event": "step_set",
                          "step_number": step.number, "step": step.text, "when": step.when,
                          "confidence": step.confidence}))  # fmt: skip
        for checkin in goal.checkins:
            checked = steps.get(checkin.step_number)
            found.append((checkin.at, 2, {**base, "event": "check_in",
                          "step_number": checkin.step_number,
                          "step": checked.text if checked else None, "outcome": checkin.outcome,
                          "reflection": checkin.reflection, "progress": checkin.progress,
                          "next": checkin.next_move, "said": checkin.said,
                          "in_the_way": checkin.in_the_way}))  # fmt: skip
    found += outcome_rows(history, language)
    found.sort(key=lambda item: (item[0], item[1]))
    return [
        {**row, **{column: catalogue.render(Msg(f"csv.value.{row[column]}"), language)
                   for column in WORDS if row.get(column) is not None},
         "date": moment.astimezone(zone).isoformat(timespec="seconds")}
        for moment, _, row in found
    ]  # fmt: skip


def outcome_rows(history: History, language: str) -> list[tuple[datetime, int, Row]]:
    """The attainment levels chosen, the measures answered, and the appointments."""
    outcomes = history.outcomes
    goals = {goal.number: goal.text for goal in history.goals}
    found: list[tuple[datetime, int, Row]] = []
    for rating in outcomes.ratings:
        scale = scale_of(outcomes.scales, rating.goal_number)
        words = scale.words().get(rating.level, "") if scale else ""
        found.append((rating.at, 3, {"event": "gas_level", "goal_number": rating.goal_number,
                      "goal": goals.get(rating.goal_number),
                      "gas_level": f"({level_label(rating.level)}) {words}".strip()}))  # fmt: skip
    for response in outcomes.responses:
        title = measures()[response.measure].title
        found.append((response.at, 4, {"event": "measure", "score": response.score,
                                       "measure": title.get(language, title["en"])}))  # fmt: skip
    for appointment in outcomes.appointments:
        found.append((appointment.at, 5, {"event": "appointment", "when": appointment.words,
                                          "agenda": appointment.agenda}))  # fmt: skip
    return found


def to_csv(history: History, catalogue: Catalogue, zone: ZoneInfo) -> bytes:
    language = history.person.language
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    named = {"zone": str(zone)}
    writer.writerow([catalogue.render(Msg(f"csv.{column}", named), language)
                     for column in COLUMNS])  # fmt: skip
    for row in rows(history, catalogue, zone):
        writer.writerow([cell(row.get(column)) for column in COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")
