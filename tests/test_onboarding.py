"""First start: nothing is stored before consent; consent and a name open the GROW talk."""

from __future__ import annotations

import pytest
from conftest import WELCOMED, Dialogue

from dialogue_flows.answers import MAX_NAME_CHARS


def test_first_start_explains_and_asks_consent_without_saving(dialogue: Dialogue) -> None:
    [welcome] = dialogue.command("start")
    assert "I'm an automated program, not a person" in welcome
    assert "not a crisis service" in welcome and "/help" in welcome
    assert "Nobody else sees them" in welcome
    assert welcome.endswith("Is it OK for me to keep what you tell me?")
    assert len(welcome) <= 400
    assert dialogue.last is not None
    assert [c.value for c in dialogue.last.replies[0].choices] == ["yes", "no"]
    assert dialogue.last.person is None and dialogue.last.goals == ()


def test_declining_stores_nothing(dialogue: Dialogue) -> None:
    dialogue.command("start")
    [reply] = dialogue.press("no")
    assert "Nothing has been saved" in reply
    assert dialogue.person is None


def test_consent_by_button_creates_the_profile(dialogue: Dialogue) -> None:
    dialogue.command("start")
    dialogue.press("yes")
    assert dialogue.person is not None
    assert dialogue.person.consented_at == dialogue.now.replace(minute=1)
    assert dialogue.step == "name"


def test_consent_typed_as_word_label_or_number(engine: object, dialogue: Dialogue) -> None:
    for answer in ("yes", "Yes, that's OK", "1", "ok"):
        fresh = Dialogue(dialogue.engine, dialogue.catalogue)
        fresh.say(answer)
        assert fresh.step == "name", answer


def test_unclear_consent_is_asked_again_kindly_without_the_whole_welcome(
    dialogue: Dialogue,
) -> None:
    dialogue.command("start")
    for said, first in (
        ("hmm ok", "onboarding.consent.thinking"),
        ("what is this", "onboarding.consent.means"),
        ("are you a real person", "move.real_person"),
        ("hi", "onboarding.consent.greeting"),
    ):
        [reply] = dialogue.say(said)
        assert dialogue.keys == [first, "onboarding.consent"], said
        assert "Nobody else sees them" not in reply
        assert dialogue.person is None
        assert dialogue.last is not None and len(dialogue.last.replies[0].choices) == 2
    [real] = dialogue.say("are you a real person")
    assert real.startswith("I'm an automated program, not a person.")


def test_the_welcome_is_repeated_on_start(dialogue: Dialogue) -> None:
    dialogue.run("/start", "hmm")
    dialogue.command("start")
    assert dialogue.keys == ["onboarding.welcome", "onboarding.consent"]


def test_the_name_is_kept_and_used(dialogue: Dialogue) -> None:
    dialogue.run("/start", "yes")
    [reply] = dialogue.say("Sam ✨")
    assert dialogue.person is not None and dialogue.person.name == "Sam ✨"
    assert reply.startswith("Lovely to meet you, Sam ✨.")
    assert dialogue.step == "goal"


def test_a_very_long_name_is_asked_for_again(dialogue: Dialogue) -> None:
    dialogue.run("/start", "yes")
    dialogue.say("S" * (MAX_NAME_CHARS + 1))
    assert dialogue.keys == ["invalid.name", "onboarding.name"]
    assert dialogue.person is not None and dialogue.person.name is None


def test_commands_before_consent_lead_back_to_the_question(dialogue: Dialogue) -> None:
    dialogue.command("newgoal")
    assert dialogue.keys == ["consent.needed", "onboarding.consent"]
    dialogue.command("goals")
    assert dialogue.keys == ["goals.none"]
    assert dialogue.person is None


def test_start_after_the_first_time_continues(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "Build a model boat")
    dialogue.command("start")
    assert dialogue.keys == ["start.welcome_back", "grow.area"]
    assert dialogue.step == "area"


def test_a_name_out_of_a_longer_answer_is_checked_first(dialogue: Dialogue) -> None:
    dialogue.run("/start", "yes")
    [check] = dialogue.say("Helen. Well, Hels to my sister, but Helen is fine")
    assert check == "Shall I call you Helen?"
    assert dialogue.person is not None and dialogue.person.name is None
    dialogue.say("yes")
    assert dialogue.person.name == "Helen" and dialogue.step == "goal"


def test_not_that_name_asks_again(dialogue: Dialogue) -> None:
    dialogue.run("/start", "yes", "Helen. Well, Hels to my sister, but Helen is fine")
    dialogue.press("no")
    assert dialogue.step == "name"
    dialogue.say("call me Hels")
    assert dialogue.person is not None and dialogue.person.name == "Hels"


@pytest.mark.parametrize(
    "said",
    ["well i dont really know, i want more contact with my daughter",
     "altså jeg ved ikke helt, jeg vil gerne have mere kontakt med min datter"],
)  # fmt: skip
def test_a_sentence_at_the_name_check_is_not_made_a_name(dialogue: Dialogue, said: str) -> None:
    """Testers (Mette): a goal said at "Shall I call you Mette?" named her "helt"."""
    dialogue.run("/start", "yes", "Mette, just Mette")
    assert dialogue.step == "name_check"
    dialogue.say(said)
    assert dialogue.person is not None and not dialogue.person.name
    assert dialogue.keys == ["invalid.name", "onboarding.name_check"]
