"""What the people played against the console in session 7 said (Chloe, 23, Cardiff; Gary,
61, Hull; Lone, 44, Odense), each in English and Danish where it applies, each failing
before its fix."""

from __future__ import annotations

import pytest
from conftest import person
from test_listening_five import SCHEDULED

from dialogue_flows.answers import step_outcome
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine
from dialogue_flows.moves import Move, read_move

# -- a step not done because fear held them back is a setback, even before its day ---------


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "didnt do it, too anxious to email them 😞"), ("en", "bottled it"),
     ("en", "no, got scared"), ("da", "nej jeg turde ikke"), ("da", "var for bange til det")],
)  # fmt: skip
def test_held_back_by_fear_before_the_steps_day_is_a_setback_kept(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Chloe's "didnt do it, too anxious" was met with "there's time yet" and no check-in
    was kept: what held her back is worth talking about, and her worker should see it."""
    dialogue = person(engine, catalogue, language, *SCHEDULED[language], "/checkin", said)
    assert dialogue.step == "reflect_not_yet"  # the step is for Friday: still, fear held it
    assert dialogue.goal.checkins[-1].outcome == "not_yet"


# -- "who reads this?" is answered plainly, anywhere, and never kept -----------------------


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "is this thing recording me"), ("en", "who reads this"),
     ("da", "hvem læser det her"), ("da", "bliver det gemt?")],
)  # fmt: skip
def test_who_reads_this_at_consent_is_answered(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Gary's "is this thing recording me" and "who reads this" got "No rush. Choose…"."""
    dialogue = person(engine, catalogue, language, "/start", said)
    assert dialogue.keys == ["onboarding.consent.privacy", "onboarding.consent"]
    assert dialogue.person is None  # still nothing kept before a yes


@pytest.mark.parametrize(
    ("language", "welcomed", "said"),
    [("en", ("/start", "yes", "Gary"), "who reads this?"),
     ("da", ("/start", "ja", "Lone"), "kan min kontaktperson se det her")],
)  # fmt: skip
def test_who_reads_this_at_the_goal_is_answered_never_kept(
    engine: Engine, catalogue: Catalogue, language: str, welcomed: tuple[str, ...], said: str
) -> None:
    dialogue = person(engine, catalogue, language, *welcomed, said)
    assert dialogue.step == "goal" and not dialogue.goals
    assert dialogue.keys[0] == "move.privacy" and dialogue.keys[-1] == "grow.goal"


# -- the check-in hears "knees gave out", "same as before", "et nyt skridt tror jeg" -------


@pytest.mark.parametrize(
    "said",
    ["went up once. knees gave out. still counts?", "gik derop en gang, men knæet sagde stop",
     "started but had to stop", "begyndte, men måtte stoppe"],
)  # fmt: skip
def test_a_step_begun_and_broken_off_is_partly_done(said: str) -> None:
    """Gary's "went up once. knees gave out" was filed as done: "That's great to hear"."""
    assert step_outcome(said) == "partly"


def test_thats_your_lot_ends_the_ideas() -> None:
    assert {read_move(said) for said in ("that's your lot", "thats yer lot", "thats the lot")} == {
        Move.THATS_ALL
    }


AT_NEXT = {
    "en": ("/checkin", "did it", "it felt good", "7"),
    "da": ("/checkin", "gjort", "godt", "7"),
}


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "same as before"), ("en", "the same"), ("da", "samme som før"), ("da", "det samme")],
)
def test_same_as_before_at_what_next_keeps_the_step(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *SCHEDULED[language], *AT_NEXT[language])
    assert dialogue.step == "next"
    step = dialogue.goal.current_step
    dialogue.say(said)
    assert dialogue.goal.checkins[-1].next_move == "keep"
    assert dialogue.goal.current_step == step


@pytest.mark.parametrize(
    ("language", "said"), [("en", "new step i think"), ("da", "et nyt skridt tror jeg")]
)
def test_a_hedged_new_step_asks_for_the_step_and_keeps_no_hedge(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Lone's "et nyt skridt tror jeg" made "tror jeg" her next step."""
    dialogue = person(engine, catalogue, language, *SCHEDULED[language], *AT_NEXT[language])
    dialogue.say(said)
    assert dialogue.step == "next_step"
    assert all(step.text not in ("tror jeg", "i think") for step in dialogue.goal.steps)
