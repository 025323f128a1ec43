"""Crisis language gets helplines first, anywhere; the safety plan.

The detector itself is tested in test_crisis.py.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from conftest import THROUGH_REALITY, WELCOMED, Dialogue

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.crisis_care import read_safe
from dialogue_flows.engine import Engine
from dialogue_flows.types import DueFollowup

ROOT = Path(__file__).parent.parent


def test_mid_conversation_crisis_gets_helplines_then_the_same_question(
    dialogue: Dialogue,
) -> None:
    dialogue.run(*THROUGH_REALITY)
    before = (dialogue.person, dict(dialogue.goals))
    [reply] = dialogue.say("honestly I can't go on anymore")
    assert dialogue.keys == ["crisis.suicide", "crisis.which_country", "crisis.safe_now"]
    assert "Samaritans: 116 123" in reply and "999" in reply
    assert reply.endswith("Are you safe right now?")
    assert dict(dialogue.goals) == before[1]  # nothing taken as an answer
    dialogue.press("safe")
    assert dialogue.keys == ["crisis.safe_thanks", "crisis.followup_after_safe"]
    [back] = dialogue.say("no thanks")
    assert dialogue.keys == ["crisis.no_followup", "crisis.go_on", "grow.options"]
    assert "Let's look at possibilities" in back
    assert dialogue.person is not None and before[0] is not None
    assert dialogue.person.conversation.step == before[0].conversation.step
    assert dialogue.person.conversation.draft == before[0].conversation.draft
    assert dialogue.person.followup_due is None
    dialogue.say("Ask the council")
    assert dialogue.goal.options == ("Ask the council",)


def test_not_safe_gets_the_emergency_reply_and_a_follow_up_next_day(
    dialogue: Dialogue,
) -> None:
    dialogue.run(*THROUGH_REALITY)
    dialogue.say("i keep thinking about killing myself")
    [emergency] = dialogue.say("no im not")
    assert dialogue.keys == ["crisis.not_safe", "crisis.plan_offer"]
    assert "Please call 999 now" in emergency and "Samaritans: 116 123" in emergency
    dialogue.press("later")
    asked_at = dialogue.now
    [set_up] = dialogue.press("yes")
    assert dialogue.keys == ["crisis.followup_set", "crisis.go_on", "grow.options"]
    assert "I'll check in with you tomorrow" in set_up
    assert dialogue.person is not None
    assert dialogue.person.followup_due == asked_at + timedelta(days=1)
    dialogue.now = asked_at + timedelta(days=1)
    [how] = dialogue.send(DueFollowup())
    assert how.startswith("Hi Sam, it's growcoach,") and how.endswith("How are you today?")
    assert dialogue.person.followup_due is None
    dialogue.press("better")
    assert dialogue.keys == ["followup.glad", "crisis.go_on", "grow.options"]
    assert dialogue.send(DueFollowup()) == []  # once only
    dialogue.say("Ask the council")
    assert dialogue.goal.options == ("Ask the council",)


def test_a_worse_day_after_asks_again_whether_they_are_safe(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "I want to die", "I'm safe for now", "yes please")
    dialogue.send(DueFollowup())
    dialogue.say("worse tbh")
    assert dialogue.keys == ["crisis.safe_now"]
    dialogue.say("not sure")
    assert dialogue.keys == ["crisis.unsure", "crisis.plan_offer"]


def test_another_crisis_message_inside_the_crisis_conversation_keeps_the_place(
    dialogue: Dialogue,
) -> None:
    dialogue.run(*THROUGH_REALITY, "I want to die")
    dialogue.say("i took all my pills")
    assert dialogue.keys[0] in {"crisis.emergency", "crisis.suicide"}
    dialogue.run("im safe", "no")
    assert dialogue.keys[-1] == "grow.options"


def test_crisis_before_consent_is_answered_and_nothing_is_stored(dialogue: Dialogue) -> None:
    [reply] = dialogue.say("I want to die")
    assert dialogue.keys == [
        "crisis.suicide",
        "crisis.which_country",
        "crisis.before_consent_named",
    ]
    assert "116 123" in reply and reply.count("call 999") == 1  # testers: said twice in a row
    assert dialogue.person is None and dialogue.last is not None and dialogue.last.person is None


def test_distress_before_consent_gets_a_few_lines_and_the_emergency_number(
    dialogue: Dialogue,
) -> None:
    """Distress gets the lines briefly (testers: four of them for "i feel so low"); its
    message does not name the emergency number, so the sentence after it does."""
    [reply] = dialogue.say("i feel so low i cant cope")
    assert dialogue.keys == ["crisis.distress", "crisis.which_country", "crisis.before_consent"]
    assert reply.count("•") == 2 and "please call 999" in reply


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
    dialogue.say("My sister Jo 07700 900123")
    assert dialogue.keys == ["safety.safer"], dialogue.keys
    [saved] = dialogue.say("Jo keeps my tablets, no blades in the house")
    assert "• Who I can contact: My sister Jo 07700 900123" in saved
    assert "• Making my space safer: Jo keeps my tablets, no blades in the house" in saved
    plan = dialogue.person.safety_plan if dialogue.person else None
    assert plan is not None and plan.triggers == "Being alone on Sundays"
    dialogue.command("newgoal")
    [crisis] = dialogue.say("i want to end it all")
    assert "Your safety plan, in your own words" in crisis
    assert "I stop answering my phone" in crisis


def test_a_part_of_the_plan_can_be_skipped_and_changed(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "/safety", "Make a plan", "Crowds", "Skip this one", "Music",
                 "My key worker", "Skip this one")  # fmt: skip
    dialogue.run("/safety", "Change my plan", "Crowds and noise", "Not sleeping",
                 "Skip this one", "Skip this one", "No drink in the house")  # fmt: skip
    plan = dialogue.person.safety_plan if dialogue.person else None
    assert plan is not None
    assert (plan.triggers, plan.warning_signs, plan.what_helps, plan.contacts, plan.safer) == (
        "Crowds and noise", "Not sleeping", "Music", "My key worker", "No drink in the house",
    )  # fmt: skip


def test_crisis_words_inside_a_command_are_answered_too(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED)
    dialogue.say("/help i want to die")
    assert dialogue.keys[0] == "crisis.suicide"


@pytest.mark.parametrize(
    ("words", "meaning"),
    [("im ok for now", "safe"), ("yeah i think so", "safe"), ("ja, jeg er okay", "safe"),
     ("not really", "unsafe"), ("no", "unsafe"), ("i'm not safe", "unsafe"),
     ("nej ikke rigtig", "unsafe"), ("idk", "unsure"), ("ved ikke", "unsure"),
     ("maybe", "unsure")],
)  # fmt: skip
def test_are_you_safe_is_read_from_words(words: str, meaning: str) -> None:
    assert read_safe(words) == meaning


def test_words_that_answer_nothing_are_asked_about_once_then_left(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "I want to die")
    dialogue.say("hmm not quite what i meant")
    assert dialogue.keys == ["crisis.safe_again"]
    [back] = dialogue.say("whatever")
    assert dialogue.keys[0] == "crisis.left" and dialogue.keys[-1] == "grow.options"
    assert "116 123" not in back  # no second wall of numbers; /safety has them


@pytest.mark.parametrize("said", ["go on then", "yeah go on", "aye that's fine"])
def test_a_yes_in_other_words_to_the_follow_up_is_a_yes(dialogue: Dialogue, said: str) -> None:
    dialogue.run(*THROUGH_REALITY, "honestly I can't go on anymore")
    dialogue.press("safe")
    dialogue.say(said)
    assert dialogue.keys[0] == "crisis.followup_set"


def test_an_unclear_answer_to_the_follow_up_speaks_of_its_own_buttons(
    dialogue: Dialogue,
) -> None:
    dialogue.run(*THROUGH_REALITY, "honestly I can't go on anymore")
    dialogue.press("safe")
    [again] = dialogue.say("hmm maybe")
    assert dialogue.keys == ["crisis.followup_again"]
    assert "“Yes, please”" in again and "Yes, that's OK" not in again


def test_an_unclear_answer_to_consent_still_speaks_of_consent(dialogue: Dialogue) -> None:
    dialogue.run("/start")
    dialogue.say("purple")
    assert dialogue.keys == ["onboarding.consent.invalid.yes_no", "onboarding.consent"]


def test_an_emergency_waits_for_safe_before_offering_a_follow_up(dialogue: Dialogue) -> None:
    """They may be on the phone to 999: the follow-up is offered only once they are safe."""
    dialogue.run(*THROUGH_REALITY)
    [reply] = dialogue.say("i took 30 paracetamol an hour ago")
    assert dialogue.keys == ["crisis.emergency", "crisis.which_country", "crisis.after_emergency"]
    assert "call first" in reply and "tomorrow" not in reply
    dialogue.press("safe")
    assert dialogue.keys == ["crisis.safe_thanks", "crisis.followup_after_safe"]
    dialogue.run("no thanks")
    assert dialogue.keys[-1] == "grow.options"


def test_after_an_emergency_not_safe_gets_the_plan_offer(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "i took 30 paracetamol an hour ago")
    dialogue.press("unsafe")
    assert dialogue.keys == ["crisis.not_safe", "crisis.plan_offer"]


@pytest.mark.parametrize(
    "message",
    ["been sober a year but had 8 pints last night",
     "jeg drak to øl i går, det er første gang i 4 måneder. jeg tager antabus"],
)  # fmt: skip
def test_a_drink_lapse_speaks_of_drink_and_antabus_not_of_drugs(
    dialogue: Dialogue, message: str
) -> None:
    """A tester on Antabus who drank two beers was told about opioid overdoses and
    naloxone, and nothing of drinking on Antabus."""
    dialogue.run(*WELCOMED)
    [reply] = dialogue.say(message)
    said = {"crisis.lapse_drink", "crisis.lapse_antabus"} & set(dialogue.keys[:2])
    assert said  # after "if I read you right", if unsure; Antabus's own when it is named
    assert "Antabus" in reply and "naloxon" not in reply


@pytest.mark.parametrize(
    ("message", "doses"),
    [
        ("6 months clean and i used heroin again last night", True),
        ("clean 3 months and relapsed last night", True),  # nothing named: it might be any
        ("6 months off it and i smoked weed again last night", False),
        ("3 måneder clean og røg hash igen i går", False),
        ("clean 4 months, did coke again at the weekend", False),
        ("clean 4 months, did coke and heroin at the weekend", True),
    ],
)
def test_the_lapse_reply_speaks_of_doses_only_where_tolerance_matters(
    dialogue: Dialogue, message: str, doses: bool
) -> None:
    dialogue.run(*WELCOMED)
    [reply] = dialogue.say(message)
    assert ("crisis.lapse" if doses else "crisis.lapse_no_dose") in dialogue.keys[:2]
    assert ("overdose" in reply) == doses
