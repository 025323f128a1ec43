"""What the people played against the console in session 7 said (Chloe, 23, Cardiff; Gary,
61, Hull; Lone, 44, Odense), each in English and Danish where it applies, each failing
before its fix."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import THROUGH_REALITY, person
from test_listening_five import SCHEDULED

from dialogue_flows import engine as engine_module
from dialogue_flows.answers import step_outcome
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.crisis import Concern, Finding, weigh
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


# -- a crisis only suspected is met tentatively ---------------------------------------------


@pytest.fixture
def suspected(monkeypatch: pytest.MonkeyPatch) -> Callable[[Concern], None]:
    """The detector's verdict fixed at "suspected" for any words, so that what the engine
    does with it is tested apart from which words the model happens to suspect today."""

    def suspect(concern: Concern) -> None:
        finding = Finding(frozenset({concern}), sure=False)
        monkeypatch.setattr(engine_module, "weigh", lambda text: finding)

    return suspect


def test_a_suspected_crisis_is_met_tentatively_and_misread_leads_back(
    engine: Engine, catalogue: Catalogue, suspected: Callable[[Concern], None]
) -> None:
    """Gary's "shed roof's gone, committee says use it or lose it" got the whole suicide
    reply, and Lone's row with her son's father the whole domestic-abuse one."""
    dialogue = person(engine, catalogue, "en", "/start", "yes", "Gary")
    suspected(Concern.HARM_FROM_OTHERS)
    [reply] = dialogue.say("shed roof's gone, committee says use it or lose it")
    assert (dialogue.keys[0], dialogue.keys[-1]) == ("crisis.suspected", "crisis.safe_now")
    assert reply.startswith("I may have read more into that than you meant")
    assert reply.count("\n• ") == 2  # the two lines that fit, not the whole list
    assert "not your fault" not in reply
    assert dialogue.last is not None
    assert "misread" in [choice.value for choice in dialogue.last.replies[-1].choices]
    dialogue.press("misread")
    assert dialogue.keys[0] == "crisis.misread"


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_suspected_lapse_is_said_as_if_i_read_you_right(
    engine: Engine, catalogue: Catalogue, suspected: Callable[[Concern], None], language: str
) -> None:
    """What an old dose can do is worth knowing even when the lapse is only suspected
    ("after I've picked up my script, say 10" was read as using): said conditionally."""
    welcomed = ("/start", "yes", "Gary") if language == "en" else ("/start", "ja", "Lone")
    dialogue = person(engine, catalogue, language, *welcomed)
    suspected(Concern.LAPSE)
    dialogue.say("tuesday after i've picked up my script")
    assert dialogue.keys[:2] == ["crisis.suspected_if", "crisis.lapse"]


def test_what_a_concept_table_holds_is_sure() -> None:
    assert weigh("i took all my pills an hour ago").sure
    assert weigh("jeg vil ikke leve mere").sure
    assert weigh("fridays would be better") == Finding(frozenset())


# -- a town said with the check-in time is where they are --------------------------------


@pytest.mark.parametrize(
    ("language", "said", "zone", "region"),
    [("en", "tuesdays at 10am, hull", "Europe/London", "England"),
     ("en", "tuesday 10am in glasgow", "Europe/London", "Scotland"),
     ("da", "tirsdag kl 10 i odense", "Europe/Copenhagen", "Syddanmark")],
)  # fmt: skip
def test_a_town_said_with_the_time_is_not_asked_for_again(
    engine: Engine, catalogue: Catalogue, language: str, said: str, zone: str, region: str | None
) -> None:
    """Gary's "tuesdays at 10, hull" was followed by "Which time zone are you in?"."""
    dialogue = person(engine, catalogue, language, *SCHEDULED[language][:-3], said)
    assert "reminders.timezone" not in dialogue.keys
    assert dialogue.person is not None
    assert (dialogue.person.timezone, dialogue.person.region) == (zone, region)


def test_words_after_the_time_that_name_no_town_still_ask_where(
    engine: Engine, catalogue: Catalogue
) -> None:
    dialogue = person(engine, catalogue, "en", *SCHEDULED["en"][:-3], "monday at 7 in the evening")
    assert dialogue.keys == ["reminders.timezone"]


# -- a WHO-5 answer in words: "kl 5" is a time, "jeg ved ik" turns nothing round ------------


@pytest.mark.parametrize(
    ("language", "lines", "said"),
    [("da", ("/start", "ja", "Lone", "/wellbeing", "1"),
      "jeg ved ik, halvdelen? jeg er jo på arbejde kl 5 om morgenen"),
     ("en", ("/start", "yes", "Gary", "/wellbeing", "2"),
      "not sure, about half. i start work at 5")],
)  # fmt: skip
def test_about_half_with_a_clock_time_asks_between_the_two_halves(
    engine: Engine, catalogue: Catalogue, language: str, lines: tuple[str, ...], said: str
) -> None:
    """Lone's answer was kept as "Some of the time" (the 5 of "kl 5" read as the fifth
    answer): about half is one of the two halves, asked between."""
    dialogue = person(engine, catalogue, language, *lines)
    assert dialogue.step == "item"
    dialogue.say(said)
    assert dialogue.keys[0] == "invalid.between"
    assert dialogue.last is not None
    assert [choice.value for choice in dialogue.last.replies[-1].choices] == ["3", "2"]


# -- a feeling is named back once ------------------------------------------------------------


def test_a_feeling_is_named_back_once_not_at_every_answer(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Gary heard "It sounds like you're worn out." three times, word for word."""
    dialogue = person(engine, catalogue, "en", *THROUGH_REALITY[:5])
    named = []
    for step, said in (("why", "it gets me out the flat, even when im knackered"),
                       ("now", "overgrown, brambles everywhere, and im knackered"),
                       ("works", "my mate dennis, tho hes knackered too")):  # fmt: skip
        assert dialogue.step == step
        dialogue.say(said)
        named += [key for key in dialogue.keys if key.startswith("feeling.")]
    assert named == ["feeling.tired"]
