"""What Dean (27, Leeds, short text-speak answers) said against the console, each in
English and Danish where it applies, each failing before its fix.

A question back about the question ("wat u mean") is answered and the question asked
again, never kept; "gave up" or "got put on hold" is tried, not done, and a protest
after a misread puts the outcome right; a complaint about the length is heard and
never kept; a question that cannot be skipped says why; "goal is X" replaces the goal.
"""

from __future__ import annotations

import pytest
from conftest import THROUGH_REALITY, WELCOMED, person
from test_listening_five import SCHEDULED, TO_OPTIONS

from dialogue_flows.answers import step_outcome
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine

DA_WELCOMED = ("/start", "ja", "Mette")


# -- 1. a question back about the question -----------------------------------------------

ASKED_BACK = {
    "en": ("wat u mean", "wdym", "what do u mean", "wat u mean?", "u what"),
    "da": ("hvad mener du", "hva mener du", "hva mener du?"),
}


@pytest.mark.parametrize(
    ("language", "said"), [(lang, said) for lang, all in ASKED_BACK.items() for said in all]
)
def test_a_question_back_at_the_goal_is_answered_never_kept(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    welcomed = WELCOMED if language == "en" else DA_WELCOMED
    dialogue = person(engine, catalogue, language, *welcomed)
    assert dialogue.step == "goal"
    dialogue.say(said)
    assert dialogue.step == "goal"
    assert not dialogue.goals
    assert "grow.goal.example" in dialogue.keys  # said another way, with an example
    assert dialogue.keys[-1] == "grow.goal"  # and asked again


FREE_TEXT_STEPS = [THROUGH_REALITY[:n] for n in range(5, 9)]
"""At why, where they are now, what helps, what gets in the way."""


@pytest.mark.parametrize("lines", FREE_TEXT_STEPS)
def test_a_question_back_at_any_free_text_question_is_never_kept(
    engine: Engine, catalogue: Catalogue, lines: tuple[str, ...]
) -> None:
    dialogue = person(engine, catalogue, "en", *lines)
    step = dialogue.step
    assert step in ("why", "now", "works", "obstacles")
    dialogue.say("wat u mean")
    assert dialogue.step == step
    assert "wat u mean" not in dialogue.goal.model_dump_json()


# -- 2. tried is not done; a protest after a misread puts the outcome right ---------------


@pytest.mark.parametrize(
    ("said", "outcome"),
    [("rang em but got put on hold ages so i gave up", "partly"), ("i gave up", "not_yet"),
     ("couldnt get through", "not_yet"), ("rang but no answer", "partly"),
     ("jeg opgav", "not_yet"), ("ringede, men opgav", "partly"),
     ("jeg ringede men kom ikke igennem", "partly")],
)  # fmt: skip
def test_giving_up_or_not_getting_through_is_not_done(said: str, outcome: str) -> None:
    assert step_outcome(said) == outcome


@pytest.mark.parametrize(
    ("language", "said"), [("en", "i gave up"), ("en", "couldnt get through"), ("da", "jeg opgav")]
)
def test_giving_up_before_the_steps_day_is_a_setback_not_not_due(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *SCHEDULED[language], "/checkin", said)
    assert dialogue.step == "reflect_not_yet"  # the step was for Friday: still, it was tried
    assert dialogue.goal.checkins[-1].outcome == "not_yet"


@pytest.mark.parametrize(
    ("language", "misread", "protest"),
    [("en", "done it", "wat. i gave up"), ("en", "done it", "no i didnt do it"),
     ("da", "gjort", "nej jeg gjorde det ikke"), ("da", "gjort", "hva? jeg opgav")],
)  # fmt: skip
def test_a_protest_after_a_misread_corrects_the_outcome(
    engine: Engine, catalogue: Catalogue, language: str, misread: str, protest: str
) -> None:
    dialogue = person(engine, catalogue, language, *SCHEDULED[language], "/checkin", misread)
    assert dialogue.step == "reflect_done"
    dialogue.say(protest)
    assert dialogue.goal.checkins[-1].outcome == "not_yet"
    assert dialogue.goal.checkins[-1].reflection is None
    assert dialogue.step == "reflect_not_yet"
    assert "checkin.misread" in dialogue.keys


def test_a_reflection_that_only_says_didnt_is_still_the_reflection(
    engine: Engine, catalogue: Catalogue
) -> None:
    dialogue = person(engine, catalogue, "en", *SCHEDULED["en"], "/checkin", "done it")
    dialogue.say("didnt overthink it")
    assert dialogue.goal.checkins[-1].outcome == "done"
    assert dialogue.goal.checkins[-1].reflection == "didnt overthink it"


# -- 3. a complaint about the length is heard, never kept ----------------------------------

OBSTACLES = {
    "en": THROUGH_REALITY[:8],
    "da": ("/start", "ja", "Mette", "Finde en lejlighed", "ja", "Så mine børn kan sove her",
           "jeg bor hos en ven", "min sagsbehandler"),
}  # fmt: skip
"""At "what gets in the way?"."""


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "this is long"), ("en", "too many questions"), ("en", "this is taking ages"),
     ("en", "how many more questions"), ("da", "det er langt"),
     ("da", "for mange spørgsmål"), ("da", "det tager lang tid")],
)  # fmt: skip
def test_a_complaint_about_the_length_is_heard_never_kept(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *OBSTACLES[language])
    assert dialogue.step == "obstacles"
    dialogue.say(said)
    assert dialogue.step == "obstacles"
    assert dialogue.goal.obstacles is None
    assert dialogue.keys[0] == "move.too_long"
    text = " ".join(dialogue.last_replies)
    assert "/cancel" in text  # a pause is offered, and everything is kept


# -- 4. a question that cannot be skipped says why, and offers the smallest step -----------

AT_STEP = {
    "en": (*TO_OPTIONS["en"], "do my cv, or ask the jobcentre", "yes", "do my cv"),
    "da": (*TO_OPTIONS["da"], "skrive cv eller spørge jobcentret", "ja", "skrive cv"),
}
"""At "what's a first step?"."""


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "skip"), ("en", "next question"), ("da", "spring over"), ("da", "næste")],
)
def test_skip_at_the_first_step_says_why_it_cannot_be_skipped(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *AT_STEP[language])
    assert dialogue.step == "step"
    dialogue.say(said)
    assert dialogue.step == "step"
    assert dialogue.goal.current_step is None
    assert dialogue.keys == ["grow.step.no_skip", "grow.step"]


def test_skip_at_the_checkin_step_says_why_too(engine: Engine, catalogue: Catalogue) -> None:
    dialogue = person(engine, catalogue, "en", *SCHEDULED["en"], "/checkin", "done it",
                      "my mum", "6", "new step")  # fmt: skip
    assert dialogue.step == "next_step"
    dialogue.say("skip")
    assert dialogue.step == "next_step"
    assert dialogue.keys[0] == "checkin.next_step.no_skip"


def test_skip_at_the_goal_says_it_cannot_be_skipped(engine: Engine, catalogue: Catalogue) -> None:
    dialogue = person(engine, catalogue, "en", *WELCOMED, "skip")
    assert dialogue.step == "goal" and not dialogue.goals
    assert dialogue.keys[0] == "move.no_skip"


# -- 5. "goal is X" replaces the goal; "i didnt say that" corrects what was quoted ---------

AT_WHY = {"en": TO_OPTIONS["en"][:5], "da": TO_OPTIONS["da"][:5]}
AT_NOW = {"en": TO_OPTIONS["en"][:6], "da": TO_OPTIONS["da"][:6]}


@pytest.mark.parametrize(
    ("language", "lines", "step", "said", "goal"),
    [("en", AT_WHY["en"], "why", "nah i didnt say that. get me own flat", "get me own flat"),
     ("en", AT_NOW["en"], "now", "goal is get me own flat", "get me own flat"),
     ("en", AT_NOW["en"], "now", "my goal is to get my own flat", "to get my own flat"),
     ("da", AT_WHY["da"], "why", "nej det har jeg ikke sagt. få min egen lejlighed",
      "få min egen lejlighed"),
     ("da", AT_NOW["da"], "now", "målet er at få min egen lejlighed",
      "at få min egen lejlighed")],
)  # fmt: skip
def test_a_goal_restated_at_a_later_question_replaces_the_goal(
    engine: Engine, catalogue: Catalogue, language: str, lines: tuple[str, ...], step: str,
    said: str, goal: str,
) -> None:  # fmt: skip
    dialogue = person(engine, catalogue, language, *lines)
    assert dialogue.step == step
    dialogue.say(said)
    assert dialogue.goal.text == goal
    assert dialogue.step == step  # the question again, with the goal as it is now
    assert said not in dialogue.goal.model_dump_json()
    assert dialogue.keys[0] == "grow.goal_restated"
    assert goal in " ".join(dialogue.last_replies)


@pytest.mark.parametrize(
    ("language", "restated", "reply", "key"),
    [("en", "goal is get a flat in leeds", "yes", "grow.goal_kept"),
     ("en", "goal is get a flat in leeds", "nope", "grow.goal_how"),
     ("da", "målet er en lejlighed i aarhus", "ja", "grow.goal_kept")],
)  # fmt: skip
def test_yes_or_no_after_the_goal_is_said_back_is_heard_never_kept(
    engine: Engine, catalogue: Catalogue, language: str, restated: str, reply: str, key: str
) -> None:
    dialogue = person(engine, catalogue, language, *AT_NOW[language], restated, reply)
    assert dialogue.step == "now"
    assert dialogue.goal.reality_now is None
    assert dialogue.keys == [key, "grow.now"]


@pytest.mark.parametrize(
    ("language", "lines", "step"),
    [("en", ("/checkin", "i did it"), "reflect_done"),
     ("en", ("/checkin", "changed my mind"), "reflect_changed"),
     ("en", ("/checkin", "did my cv but didnt send it"), "reflect_partly"),
     ("en", ("/checkin", "i did it", "my mum", "6", "new step"), "next_step"),
     ("da", ("/checkin", "gjort"), "reflect_done")],
)  # fmt: skip
def test_a_question_back_at_the_checkin_gets_an_example_and_is_never_kept(
    engine: Engine, catalogue: Catalogue, language: str, lines: tuple[str, ...], step: str
) -> None:
    dialogue = person(engine, catalogue, language, *SCHEDULED[language], *lines)
    assert dialogue.step == step
    dialogue.say("hva mener du" if language == "da" else "wat u mean")
    assert dialogue.step == step
    assert dialogue.keys[:2] == ["move.question", f"checkin.{step}.example"]
    assert dialogue.keys[2:] in ([f"checkin.{step}"], [f"checkin.{step}.again"])  # short
    assert "mean" not in dialogue.goal.model_dump_json()


@pytest.mark.parametrize(
    ("language", "said"), [("en", "i didnt say that"), ("da", "det har jeg ikke sagt")]
)
def test_i_didnt_say_that_alone_asks_how_they_would_put_the_goal(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *AT_WHY[language], said)
    assert dialogue.step == "why" and dialogue.goal.why is None
    assert dialogue.keys == ["grow.goal_how", "grow.why"]
