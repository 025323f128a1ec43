"""A coach that listens: each move has its effect at each question, and is never kept.

The moves are said the way people say them, in English and Danish; what they do at
each question is declared in `listening` and the flows' `on_move` tables.
"""

from __future__ import annotations

import re

import pytest
from conftest import SCHEDULE_ANSWERS, THROUGH_REALITY, WELCOMED, WHOLE_PLAN, Dialogue

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import FLOWS
from dialogue_flows.types import Msg

GROW_STOPS = {
    # the question: the answers that lead to it
    "goal": WELCOMED,
    "area": (*WELCOMED, "Build a model boat"),
    "why": (*WELCOMED, "Build a model boat", "Purpose"),
    "now": THROUGH_REALITY[:6],
    "works": THROUGH_REALITY[:7],
    "obstacles": THROUGH_REALITY[:8],
    "reality_summary": THROUGH_REALITY[:9],
    "options": THROUGH_REALITY,
    "options_summary": WHOLE_PLAN[: len(THROUGH_REALITY) + 1],
    "choose": WHOLE_PLAN[: len(THROUGH_REALITY) + 2],
    "step": WHOLE_PLAN[: len(THROUGH_REALITY) + 3],
    "when": WHOLE_PLAN[: len(THROUGH_REALITY) + 4],
    "confidence": WHOLE_PLAN[:-2],
    "confidence_reason": WHOLE_PLAN[:-1],
    "smaller": (*WHOLE_PLAN[:-2], "3", "I want it"),
}
CHECKIN_STOPS = {
    "how": (*SCHEDULE_ANSWERS, "/checkin"),
    "reflect_done": (*SCHEDULE_ANSWERS, "/checkin", "I did it"),
    "progress": (*SCHEDULE_ANSWERS, "/checkin", "I did it", "My sister"),
}
STOPS = {**GROW_STOPS, **CHECKIN_STOPS}

REAL_PERSON = ("are you a real person", "er du et menneske")
GREETING = ("hi", "hej")
DONT_KNOW = ("i don't know", "ved ikke")
ADVICE = (
    "what do you think",
    "hvad synes du",
    "can u just tell me what to do",
    "hvad synes du jeg skal gøre",
)
QUESTION = (
    "what do you mean",
    "hvad mener du",
    "what do u mean",
    "that wasnt an idea",
    "nej det var et spørgsmål til dig",
)
ASIDES = (*REAL_PERSON, *GREETING, *DONT_KNOW, *ADVICE, *QUESTION)
"""Moves that get a short word and the same question, wherever they are said."""


def at(dialogue: Dialogue, step: str) -> Dialogue:
    person = Dialogue(dialogue.engine, dialogue.catalogue)
    person.run(*STOPS[step])
    assert person.step == step, (step, person.step)
    return person


def kept_words(person: Dialogue) -> set[str]:
    """Every free text the records hold: a move must never be one of them."""
    found: set[str] = {person.person.name or ""} if person.person else set()
    for goal in person.goals.values():
        for record in (goal, *goal.steps, *goal.checkins):
            for value in record.model_dump().values():
                if isinstance(value, str):
                    found.add(value)
                elif isinstance(value, tuple):
                    found.update(v for v in value if isinstance(v, str))
    return found


@pytest.mark.parametrize("step", list(STOPS))
def test_an_aside_gets_a_short_word_and_the_same_question(dialogue: Dialogue, step: str) -> None:
    for said in ASIDES:
        person = at(dialogue, step)
        prompt = person.last.replies[-1].parts[-1].key if person.last else ""
        [reply] = person.say(said)
        assert person.step == step, said
        assert person.keys[-1] in (prompt, f"{prompt}.again"), said  # its short form
        assert said not in kept_words(person), said
        assert reply.count("?") <= 1, (said, reply)


@pytest.mark.parametrize("step", list(STOPS))
def test_are_you_a_real_person_is_answered_plainly_everywhere(
    dialogue: Dialogue, step: str
) -> None:
    person = at(dialogue, step)
    [reply] = person.say("are you a real person?")
    assert reply.startswith("I'm an automated program, not a person.")


def test_are_you_a_real_person_with_nothing_open(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "/cancel")
    dialogue.say("are you a bot")
    assert dialogue.keys == ["move.real_person", "idle.paused"]


@pytest.mark.parametrize("step", ["why", "now", "works", "obstacles", "when"])
def test_i_dont_know_twice_moves_on_at_a_question_that_can_wait(
    dialogue: Dialogue, step: str
) -> None:
    person = at(dialogue, step)
    person.say("i don't know")
    assert person.keys[0] == f"grow.{step}.example"
    person.say("ved ikke")
    assert person.keys[0] == "move.skipped" and person.step != step
    assert "ved ikke" not in kept_words(person)


def test_i_dont_know_twice_at_the_goal_is_met_without_pressure(dialogue: Dialogue) -> None:
    person = at(dialogue, "goal")
    person.say("idk")
    assert person.keys == ["grow.goal.example", "grow.goal"]
    person.say("idk")
    assert person.keys == ["grow.goal.ideas", "grow.goal"]  # a few goals people choose
    person.say("idk")
    assert person.keys == ["move.dont_know_again", "grow.goal"]
    assert person.goals == {}


def test_advice_gets_the_coaching_stance_then_ideas_if_asked_again(dialogue: Dialogue) -> None:
    person = at(dialogue, "options")
    [stance] = person.say("can you just give me some advice?")
    assert person.keys == ["move.advice", "grow.options.again"]
    assert "think it through together" in stance
    person.say("what do you think")
    assert person.keys == ["grow.options.ideas", "grow.options.again"]
    assert person.goal.options == ()


def test_advice_at_the_goal_is_never_the_goal(dialogue: Dialogue) -> None:
    person = at(dialogue, "goal")
    person.say("can you just give me some advice")
    assert person.goals == {} and person.step == "goal"


def test_which_one_do_you_think_is_not_a_choice(dialogue: Dialogue) -> None:
    person = at(dialogue, "choose")
    person.say("which one do you think?")
    assert person.goal.chosen_option is None and person.step == "choose"


def test_a_question_about_the_question_gets_what_it_means(dialogue: Dialogue) -> None:
    person = at(dialogue, "confidence")
    person.say("what do you mean")
    assert person.keys == [
        "grow.confidence.means",
        "grow.confidence.example",
        "grow.confidence.again",
    ]


@pytest.mark.parametrize("said", ["stop", "not now", "ikke nu"])
def test_stop_or_not_now_pauses_like_cancel(dialogue: Dialogue, said: str) -> None:
    person = at(dialogue, "works")
    person.say(said)
    assert person.keys == ["cancel.done"]
    assert person.person is not None and person.person.conversation.paused
    person.command("start")
    assert person.keys == ["start.welcome_back", "grow.works"]


def test_thats_all_at_the_options_summary_ends_the_options(dialogue: Dialogue) -> None:
    for said in ("No I think that's it really", "oh sorry, that's all", "nej det var det", "stop"):
        person = at(dialogue, "options_summary")
        person.say(said)
        assert said not in person.goal.options, said


def test_nothing_said_as_a_move_is_kept_anywhere(dialogue: Dialogue) -> None:
    moves = (*ASIDES, "stop", "not now", "keep it", "that's all", "i already said")
    for step in GROW_STOPS:
        for said in moves:
            person = at(dialogue, step)
            person.say(said)
            assert said not in kept_words(person), (step, said)


@pytest.mark.parametrize("said", ["dunno", "ok", "Tak."])
def test_no_thanks_after_a_non_answer(dialogue: Dialogue, said: str) -> None:
    person = at(dialogue, "now")
    [reply] = person.say(said)
    assert person.step == "now"
    assert not re.search(r"\b(thank|thanks|tak)\b", reply.lower()), reply


def test_no_question_opens_with_thanks(catalogue: Catalogue) -> None:
    """A prompt is asked again after a move ("dunno", "ok"): thanks there would thank nothing.

    (The crisis conversation's words are the lead's, and it reads its own answers.)
    """
    for key in sorted(prompts()):
        if key.startswith("crisis."):
            continue
        for language, opening in (("en", ("thank",)), ("da", ("tak",))):
            text = catalogue.template(key, language).strip().lower()
            assert not text.startswith(opening), (key, language)


def test_a_plain_answerer_finishes_grow_in_sixteen_turns_or_fewer(dialogue: Dialogue) -> None:
    plain = ("/start", "Yes", "Sam", "I'd like to get back into work.", "Yes",
             "It would give my days some shape.", "I've been out of work for two years.",
             "My sister believes in me.", "I get nervous in interviews.", "Yes",
             "I could ask the job centre about a course.", "Yes",
             "I'll phone the job centre.", "On Monday morning.", "7",
             "I've phoned them before.")  # fmt: skip
    turns = 0
    while not dialogue.goal_done and turns < len(plain):
        dialogue.say(plain[turns])
        turns += 1
    assert dialogue.goal_done and turns <= 16
    assert dialogue.goal.current_step is not None
    assert dialogue.goal.current_step.text == "I'll phone the job centre."


# -- message shape: over the catalogues, in both languages ------------------------------

SUMMARIES = {
    "grow.summary",
    "grow.reality_summary",
    "grow.reality_again",
    "grow.options_summary",
    "checkin.done",
}
LISTS = {"help", "mydata", "crisis.reply", "safety.plan", "safety.helplines_only"}
"""Longer by nature: a summary of the person's own words, or a list of lines to call."""


def prompts() -> set[str]:
    return {question.prompt for flow in FLOWS.values() for question in flow.questions}


def test_no_message_asks_two_questions(catalogue: Catalogue) -> None:
    for language in catalogue.languages:
        for key in catalogue.keys(language):
            text = catalogue.template(key, language)
            assert text.count("?") <= 1, (language, key)
            if key in SUMMARIES and "?" in text:
                assert text.rstrip().endswith("?"), (language, key)


def test_what_comes_before_a_question_asks_nothing(catalogue: Catalogue) -> None:
    """Words said before a prompt (a move's reply, an example, an error) hold no question."""
    before = [key for key in catalogue.keys("en")
              if key.startswith(("move.", "invalid.", "stale.", "unreadable."))
              or re.search(r"\.(example|means|ideas)$", key)]  # fmt: skip
    for language in catalogue.languages:
        for key in before:
            if key in prompts():
                continue
            assert "?" not in catalogue.template(key, language), (language, key)


def test_messages_are_short_except_summaries_and_lists(catalogue: Catalogue) -> None:
    for language in catalogue.languages:
        for key in catalogue.keys(language) - SUMMARIES - LISTS:
            assert len(catalogue.template(key, language)) <= 500, (language, key)


def test_the_welcome_with_its_question_fits_400_characters(catalogue: Catalogue) -> None:
    for language in catalogue.languages:
        welcome = "\n\n".join(
            catalogue.render(Msg(key), language)
            for key in ("onboarding.welcome", "onboarding.consent")
        )
        assert len(welcome) <= 400, language
        assert "automated program" in welcome or "automatisk program" in welcome
