"""Crisis language gets helplines first, anywhere; the safety plan.

The detector itself is tested in test_crisis.py.
"""

from __future__ import annotations

from pathlib import Path

from conftest import THROUGH_REALITY, WELCOMED, Dialogue

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine

ROOT = Path(__file__).parent.parent


def test_mid_conversation_crisis_gets_helplines_then_the_same_question(
    dialogue: Dialogue,
) -> None:
    dialogue.run(*THROUGH_REALITY)
    before = (dialogue.person, dict(dialogue.goals))
    replies = dialogue.say("honestly I can't go on anymore")
    assert dialogue.keys == ["crisis.reply", "crisis.go_on", "grow.options"]
    assert "Samaritans: 116 123" in replies[0] and "999" in replies[0]
    assert "Let's look at possibilities" in replies[1]
    assert (dialogue.person, dict(dialogue.goals)) == before  # nothing taken as an answer
    dialogue.say("Ask the council")
    assert dialogue.goal.options == ("Ask the council",)


def test_crisis_before_consent_is_answered_and_nothing_is_stored(dialogue: Dialogue) -> None:
    [reply] = dialogue.say("I want to die")
    assert dialogue.keys == ["crisis.reply"]
    assert "116 123" in reply
    assert dialogue.person is None and dialogue.last is not None and dialogue.last.person is None


def test_a_danish_speaker_gets_danish_helplines_before_any_time_zone(
    engine: Engine, catalogue: Catalogue
) -> None:
    danish = Dialogue(engine, catalogue, language="da")
    [reply] = danish.say("jeg vil ikke leve mere")
    assert "Livslinien: 70 201 201" in reply and "112" in reply
    assert "999" not in reply


def test_danish_time_zone_gets_danish_helplines(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "/reminders", "Monday 18:00", "Aarhus")
    [reply] = dialogue.say("jeg vil ikke leve mere")
    assert "Livslinien (suicide prevention line): 70 201 201" in reply
    assert "112" in reply


def test_the_safety_plan_is_made_seen_and_shown_in_a_crisis(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED)
    [start] = dialogue.command("safety")
    assert "Would you like to make one?" in start and "116 123" in start
    dialogue.press("make")
    dialogue.run("Being alone on Sundays", "I stop answering my phone", "Walking, my dog")
    [saved] = dialogue.say("My sister Jo 07700 900123")
    assert "• Who I can contact: My sister Jo 07700 900123" in saved
    plan = dialogue.person.safety_plan if dialogue.person else None
    assert plan is not None and plan.triggers == "Being alone on Sundays"
    dialogue.command("newgoal")
    [crisis, _] = dialogue.say("i want to end it all")
    assert "Your safety plan, in your own words" in crisis
    assert "I stop answering my phone" in crisis


def test_a_part_of_the_plan_can_be_skipped_and_changed(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "/safety", "Make a plan", "Crowds", "Skip this one", "Music",
                 "My key worker")  # fmt: skip
    dialogue.run("/safety", "Change my plan", "Crowds and noise", "Not sleeping",
                 "Skip this one", "Skip this one")  # fmt: skip
    plan = dialogue.person.safety_plan if dialogue.person else None
    assert plan is not None
    assert (plan.triggers, plan.warning_signs, plan.what_helps, plan.contacts) == (
        "Crowds and noise", "Not sleeping", "Music", "My key worker",
    )  # fmt: skip


def test_crisis_words_inside_a_command_are_answered_too(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED)
    dialogue.say("/help i want to die")
    assert dialogue.keys[0] == "crisis.reply"
