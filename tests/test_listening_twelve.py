"""Session 9: what people playing Maja (Danish, long and ambivalent) and Jay (short,
text-speak) met in the console, each a test."""

from __future__ import annotations

import pytest
from conftest import person
from test_listening_eleven import WELCOME
from test_listening_five import SCHEDULED

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.crisis import weigh
from dialogue_flows.crisis_care import read_safe_now
from dialogue_flows.engine import Engine

TO_IDEAS = {
    "en": (*WELCOME["en"], "get some structure in my days", "purpose", "my son", "i sleep till 12",
           "my sister", "shame", "yes"),
    "da": (*WELCOME["da"], "få noget struktur", "mening", "min søn", "sover til 12",
           "min søster", "skam", "ja"),
}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "ideas", "missed", "added", "listed"),
    [("da", "stå op kl 8, gå en tur, eller spørge jobcentret", "nej du fik ikke dem alle med",
      "ringe til daghøjskolen",
      ("stå op kl 8", "gå en tur", "spørge jobcentret", "ringe til daghøjskolen")),
     ("en", "get up at 8, go for a walk, or ask the jobcentre", "no you missed some",
      "ring the college",
      ("get up at 8", "go for a walk", "ask the jobcentre", "ring the college"))],
)  # fmt: skip
def test_you_missed_some_asks_what_was_missed_and_is_never_an_idea(
    engine: Engine,
    catalogue: Catalogue,
    language: str,
    ideas: str,
    missed: str,
    added: str,
    listed: tuple[str, ...],
) -> None:
    """ "nej du fik ikke dem alle med" was added as an idea and offered as an option."""
    dialogue = person(engine, catalogue, language, *TO_IDEAS[language], ideas)
    assert dialogue.step == "options_summary", dialogue.step
    dialogue.say(missed)
    assert dialogue.step == "options_fix", dialogue.step
    dialogue.say(added)
    assert dialogue.goal.options == listed


@pytest.mark.parametrize(
    ("language", "said"), [("en", "yes that's them"), ("en", "thats them all"),
                           ("da", "ja det er dem")]
)  # fmt: skip
def test_yes_thats_them_at_the_ideas_is_agreement_not_an_idea(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """ "yes that's them" became option 5."""
    ideas = (
        "stå op kl 8, gå en tur, eller spørge jobcentret"
        if language == "da"
        else ("get up at 8, go for a walk, or ask the jobcentre")
    )
    dialogue = person(engine, catalogue, language, *TO_IDEAS[language], ideas)
    dialogue.say(said)
    assert dialogue.step == "choose", dialogue.step
    assert len(dialogue.goal.options) == 3


def test_an_option_named_after_other_words_is_that_option(
    engine: Engine, catalogue: Catalogue
) -> None:
    """ "right I'm back. the telly one" became a new option instead of the telly one."""
    dialogue = person(engine, catalogue, "en", *TO_IDEAS["en"],
                      "move the telly out of the bedroom, charge my phone in the kitchen, "
                      "or no beers after 9", "yes")  # fmt: skip
    assert dialogue.step == "choose", dialogue.step
    dialogue.say("right I'm back. the telly one")
    assert dialogue.goal.chosen_option == "move the telly out of the bedroom"
    assert len(dialogue.goal.options) == 3


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "nah didnt go, was skint and mates came round"),
     ("da", "nej det blev ikke til noget, jeg var flad og min bror kom forbi")],
)  # fmt: skip
def test_a_step_not_done_with_its_reason_is_kept_and_the_reason_not_asked(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Jay's "nah didnt go, was skint and mates came round" got "there's time yet" (the
    step was for Saturday) and no check-in was kept."""
    dialogue = person(engine, catalogue, language, *SCHEDULED[language], "/checkin", said)
    assert dialogue.keys[0] == "checkin.reason_heard", dialogue.keys
    assert dialogue.step == "progress"
    checkin = dialogue.goal.checkins[-1]
    assert checkin.outcome == "not_yet" and checkin.reflection


@pytest.mark.parametrize(
    ("language", "said", "keep", "goal"),
    [("en", "its jay lol. wanna get fit n get back playin football", "yes",
      "wanna get fit n get back playin football"),
     ("da", "Maja. Jeg vil gerne have struktur på dagene", "Ja, gem det",
      "Jeg vil gerne have struktur på dagene")],
)  # fmt: skip
def test_a_goal_said_with_the_name_is_offered_to_keep_not_asked_again(
    engine: Engine, catalogue: Catalogue, language: str, said: str, keep: str, goal: str
) -> None:
    """Jay's goal came with his name; he was asked for it again, answered "said it lol,
    get fit n back into football", and "said it lol" was in his goal on every page."""
    dialogue = person(engine, catalogue, language, "/start", WELCOME[language][1])
    [reply] = dialogue.say(said)
    assert dialogue.step == "goal_early", dialogue.step
    assert reply.count("?") == 1, reply
    dialogue.say(keep)
    assert dialogue.goal.text == goal
    assert dialogue.step in ("area_suggested", "area")


@pytest.mark.parametrize(
    ("said", "read"),
    [("nej altså jeg har det fint, jeg mente at jeg giver op på ting, ikke på livet", "misread"),
     ("ikke nu. jeg er ikke i fare!! jeg har det fint, du misforstod mig", "misread"),
     ("nah im good", "safe"), ("not in danger, just tired", "safe"), ("ikke i fare", "safe"),
     ("jeg er i fare", "unsafe"), ("i am in danger", "unsafe"), ("nej", "unsafe"),
     ("no im not ok", "unsafe"), ("not like that, im not safe", "unsafe")],
)  # fmt: skip
def test_fine_said_plainly_is_safe_even_after_a_no(said: str, read: str) -> None:
    """Maja's "nej altså jeg har det fint, jeg mente at jeg giver op på ting, ikke på
    livet" at "Er du i sikkerhed lige nu?" got "Ring 112 nu"; "jeg er ikke i fare" was
    read as in danger."""
    assert read_safe_now(said) == read


@pytest.mark.parametrize(
    ("language", "said", "kept"),
    [("da", "skridtet skal være: skrive en mail til genbrugsbutikken",
      "skrive en mail til genbrugsbutikken"),
     ("en", "my step is to ring the college", "ring the college"),
     ("en", "i think. ring the college", "ring the college")],
)  # fmt: skip
def test_words_that_lead_up_to_a_step_are_not_the_step(
    engine: Engine, catalogue: Catalogue, language: str, said: str, kept: str
) -> None:
    """Maja's step read "skridtet skal være: skrive en mail …" on her plan."""
    ideas = (
        "stå op kl 8, gå en tur, eller spørge jobcentret"
        if language == "da"
        else ("get up at 8, go for a walk, or ask the jobcentre")
    )
    agree = "ja" if language == "da" else "yes"
    dialogue = person(engine, catalogue, language, *TO_IDEAS[language], ideas, agree, "2")
    assert dialogue.step == "step", dialogue.step
    dialogue.say(said)
    assert dialogue.goal.current_step is not None
    assert dialogue.goal.current_step.text == kept


@pytest.mark.parametrize(("language", "said"), [("en", "lol"), ("en", "haha"), ("da", "lol")])
def test_laughter_at_the_area_question_is_never_the_area(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Sam's "lol" became the goal's area: the plan read "🎯 Goal (lol): …"."""
    goal = "sove bedre om natten" if language == "da" else "sort my sleep out"
    dialogue = person(engine, catalogue, language, *WELCOME[language], goal)
    assert dialogue.step == "area_suggested", dialogue.step
    dialogue.say(said)
    assert dialogue.goal.area_own_words is None
    assert dialogue.step in ("area", "area_suggested")  # asked again (session 10: an example)


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "wait go back, i want to change my goal"), ("da", "vent, jeg vil ændre mit mål")],
)  # fmt: skip
def test_wanting_to_change_the_goal_is_never_kept_as_an_answer(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Sam's "wait go back, i want to change my goal" was kept as what he put right."""
    dialogue = person(engine, catalogue, language, *TO_IDEAS[language][:-2])
    step = dialogue.step
    dialogue.say(said)
    assert dialogue.keys[0] in ("grow.goal_how", "move.correction"), dialogue.keys
    assert dialogue.step == step
    assert said not in dialogue.goal.model_dump_json()


@pytest.mark.parametrize(
    "said",
    ["det med strikkeholdet tror jeg", "jeg har jo strikket hele mit liv så det kan jeg godt"],
)
def test_knitting_is_not_a_noose(said: str) -> None:
    """Lone's "strikkeholdet" (the knitting group) got the suicide lines twice: "strikken"
    (the noose) was matched by its stem."""
    assert not weigh(said).concerns


def test_like_i_said_before_is_never_an_idea(engine: Engine, catalogue: Catalogue) -> None:
    """Dee's "like i said before, ring the college…" made "like i said before" idea 1."""
    dialogue = person(engine, catalogue, "en", *TO_IDEAS["en"])
    dialogue.say("like i said before, ring the college, or ask my mum")
    assert dialogue.goal.options == ("ring the college", "ask my mum")


def test_a_goal_changed_mid_answer_ends_with_its_sentence(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Dee's goal was everything after "well no", her methadone and doubts included."""
    dialogue = person(engine, catalogue, "en", *WELCOME["en"],
                      "i want to get back to work, well no, maybe college first. ive not "
                      "worked since before the kids and im on a script now")  # fmt: skip
    assert dialogue.goal.text == "college first"
