"""A command opened in the middle of GROW (/export, /reminders, /safety, /language) is an
aside: when it ends, the plan is taken up again at the same question (issue 15)."""

from __future__ import annotations

import pytest
from conftest import THROUGH_REALITY, WHOLE_PLAN, Dialogue

AT_WORKS = THROUGH_REALITY[:7]
"""The goal, its area and why it matters said; "What's working already?" is open."""


def at_works(dialogue: Dialogue) -> Dialogue:
    dialogue.run(*AT_WORKS)
    assert dialogue.step == "works"
    return dialogue


@pytest.mark.parametrize("fmt", ["json", "csv", "pdf", "fhir", "JSON"])
def test_export_with_a_format_uses_it_without_asking(dialogue: Dialogue, fmt: str) -> None:
    at_works(dialogue).say(f"/export {fmt}")
    assert dialogue.last is not None and dialogue.last.export == fmt.lower()
    assert dialogue.keys == ["export.ready", "resume.back", "grow.works"]
    assert dialogue.step == "works"


def test_export_with_a_format_in_danish_and_in_a_sentence(dialogue: Dialogue) -> None:
    dialogue.run("/start", "ja", "Maja", "/export som en pdf tak")
    assert dialogue.last is not None and dialogue.last.export == "pdf"
    assert dialogue.step == "goal"


def test_export_with_words_that_name_no_format_asks_for_one(dialogue: Dialogue) -> None:
    at_works(dialogue).say("/export something nice")
    assert dialogue.keys == ["export.format"] and dialogue.last is not None
    assert dialogue.last.export is None


def test_the_plan_is_taken_up_after_an_export_at_the_same_question(dialogue: Dialogue) -> None:
    at_works(dialogue).say("/export")
    assert dialogue.keys == ["export.format"]
    dialogue.press("json")
    assert dialogue.keys == ["export.ready", "resume.back", "grow.works"]
    dialogue.say("My key worker is on it")
    assert dialogue.goal.reality_works == "My key worker is on it"
    assert dialogue.step == "obstacles"


@pytest.mark.parametrize(
    ("command", "answers"),
    [("language", ("English",)), ("safety", ("That's all for now",)), ("reminders", ())],
)
def test_every_aside_gives_the_plan_back(
    dialogue: Dialogue, command: str, answers: tuple[str, ...]
) -> None:
    at_works(dialogue).say(f"/{command}")
    assert dialogue.step != "works"
    dialogue.run(*answers)
    if command == "reminders":  # a first plan is not made yet: the check-in time is asked
        dialogue.run("Monday 18:00", "Copenhagen", "yes")
    assert dialogue.step == "works", dialogue.keys
    assert dialogue.keys[-2:] == ["resume.back", "grow.works"]


def test_mydata_in_the_middle_asks_the_same_question_again(dialogue: Dialogue) -> None:
    at_works(dialogue).say("/mydata")
    assert dialogue.keys == ["mydata", "grow.works"] and dialogue.step == "works"


def test_a_paused_plan_waits_through_an_aside_and_start_takes_it_up(
    dialogue: Dialogue,
) -> None:
    at_works(dialogue).say("/cancel")
    dialogue.say("/export pdf")
    assert dialogue.keys == ["export.ready"]
    dialogue.say("hello")
    assert dialogue.keys == ["idle.paused"]
    dialogue.command("start")
    assert dialogue.keys == ["start.welcome_back", "grow.works"]


def test_a_crisis_during_an_aside_returns_to_the_aside_then_the_plan(
    dialogue: Dialogue,
) -> None:
    at_works(dialogue).say("/export")
    dialogue.say("I want to kill myself")
    assert dialogue.person is not None and dialogue.person.conversation.flow == "crisis"
    resume = dialogue.person.conversation.resume
    assert resume is not None and resume.flow == "export"
    assert resume.resume is not None and resume.resume.step == "works"


def test_an_aside_after_a_finished_plan_leaves_nothing_to_take_up(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN, "no", "/export csv")
    assert dialogue.person is not None
    assert dialogue.person.conversation.flow in (None, "reminders")
