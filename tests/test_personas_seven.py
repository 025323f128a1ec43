"""What the people played against the console in session 7 said (Chloe, 23, Cardiff; Gary,
61, Hull; Lone, 44, Odense), each in English and Danish where it applies, each failing
before its fix."""

from __future__ import annotations

import pytest
from conftest import person
from test_listening_five import SCHEDULED

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine

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
