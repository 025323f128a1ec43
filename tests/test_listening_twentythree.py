"""Session 21: what the crisis check and the helplines missed for people nobody here
had written for (an older widow in Glasgow, a gambler in Odense, voices, old scars)."""

from __future__ import annotations

import pytest
from conftest import person
from test_listening_five import TO_GOAL, TO_OPTIONS

from dialogue_flows import answers
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.crisis import Concern, weigh
from dialogue_flows.engine import Engine
from dialogue_flows.records import LifeArea


@pytest.mark.parametrize(
    ("said", "concern"),
    [
        ("I have put my affairs in order and written to my daughter.", Concern.SUICIDE),
        ("i keep thinking about my old scars and wanting to do it again", Concern.SELF_HARM),
        ("the voices are telling me i deserve to be punished", Concern.SELF_HARM),
        ("stemmerne siger jeg fortjener at blive straffet", Concern.SELF_HARM),
        ("i had a bet again last night", Concern.LAPSE),
        ("jeg har spillet alle pengene op igen, 11000 kr, kasia siger hun går", Concern.LAPSE),
        ("he has his hands round my neck when he is drinking", Concern.HARM_FROM_OTHERS),
        ("han tager fat om min hals når han drikker", Concern.HARM_FROM_OTHERS),
        ("they make me do things with men for gear", Concern.HARM_FROM_OTHERS),
        (
            "han skubber mig nogle gange når han er fuld men det er ikke så slemt",
            Concern.HARM_FROM_OTHERS,
        ),
        ("he shoves me about when hes had a drink", Concern.HARM_FROM_OTHERS),
    ],
)
def test_a_warning_sign_is_heard_as_what_it_is(said: str, concern: Concern) -> None:
    """Heard before as nothing (affairs in order), as harm to others (old scars, the
    voices' punishment), as self-harm ("a bet again") or as harm from others (money lost
    at betting): each reply and its lines fit only the concern that was said."""
    assert weigh(said).concerns == frozenset({concern})


@pytest.mark.parametrize(
    "said",
    [
        "ive sorted my will with the solicitor, one less thing",
        "got my affairs in order with the solicitor after jim died, it was a weight off",
        "my scars are fading and i dont want to start again",
        "i didnt have a bet again this week",
        "i put a bet on the grand national again like every year with me dad",
        "spillede fodbold igen i går",
        "she had her hands round my neck in the photo, hugging me lol",
        "makes me wanna sleep with the lights on",
        "my sponsor pushes me to go to meetings",
        "she pushed me on the swings when i was little",
        "kasia siger hun slår mig ihjel hvis jeg spiller igen haha",
        "hvis jeg drikker igen, går hun",
    ],
)
def test_their_everyday_kin_raise_nothing(said: str) -> None:
    assert weigh(said).concerns == frozenset()


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("idk like eat lunch at work", "eat lunch at work"),
        ("dunno, get out the house more", "get out the house more"),
        ("ved ikke, spise frokost på arbejdet", "spise frokost på arbejdet"),
    ],
)
def test_a_goal_opened_with_i_dont_know_is_the_goal_without_it(said: str, goal: str) -> None:
    """Jade's goal read "idk like eat lunch at work?? …" in every question after."""
    assert answers.restated(said) == goal


@pytest.mark.parametrize(
    "said", ["idk like eat lunch at work?? i skip it most days", "spise frokost på arbejdet"]
)
def test_eating_at_work_is_about_health(said: str) -> None:
    """Lunch at work was suggested as purpose (work), in eating-disorder recovery."""
    assert answers.suggest_area(said) == "health"


def test_two_options_named_with_a_but_ask_for_one_to_start_with(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Jade's "eating with sophie i think but also the car is less scary?? idk" became a
    new idea and her chosen one."""
    dialogue = person(engine, catalogue, "en", *TO_OPTIONS["en"])
    dialogue.run("bring a packed lunch? eat in my car? eat with sophie", "thats all")
    dialogue.say("eating with sophie i think but also the car is less scary?? idk")
    assert dialogue.keys[0] == "invalid.pick_one", dialogue.keys
    assert dialogue.goal.chosen_option is None and len(dialogue.goal.options) == 3
    dialogue.say("sophie")
    assert dialogue.goal.chosen_option == "eat with sophie"


def test_a_sentence_at_the_area_question_that_names_a_room_is_not_its_area(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Eileen's "Jim would not have wanted me sitting in the house with a bottle every
    night", at "…about your health?", was filed under Home for "house"."""
    dialogue = person(engine, catalogue, "en", *TO_GOAL["en"], "stop drinking in the week")
    assert dialogue.step == "area_suggested"
    dialogue.say("Jim would not have wanted me sitting in the house with a bottle every night.")
    assert dialogue.goal.area != LifeArea.HOME and "grow.area_heard" not in dialogue.keys
    dialogue.say("health")
    assert dialogue.goal.area == LifeArea.HEALTH


def test_greenlandic_yes_and_no_are_understood_in_danish() -> None:
    """Nuka, from Nuuk, answers "aap" and "naamik" as she would at home."""
    assert (answers.yes_or_no("aap"), answers.yes_or_no("naamik")) == ("yes", "no")


@pytest.mark.parametrize(
    ("goal", "area"),
    [("ikke ryge hash før jeg skal se min søn om torsdagen", "health"),
     ("not drinking in the week", "health")],
)  # fmt: skip
def test_a_not_in_the_goal_is_what_they_want_not_an_area_denied(goal: str, area: str) -> None:
    """Nuka's goal was offered as community: "ikke ryge" had denied health."""
    assert answers.suggest_area(goal, denials=False) == area


@pytest.mark.parametrize(
    "said",
    [
        "went to the lunch club once. had a whisky on wednesday though",
        "var til frokostklubben en gang, men fik en whisky onsdag",
    ],
)
def test_done_with_a_drink_told_after_is_partly(said: str) -> None:
    """Eileen's check-in, the lunch club once and a whisky on the Wednesday, got "That's
    great to hear" and was filed as done."""
    assert answers.step_outcome(said) == "partly"


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        ("2 out of 3 lol", "partly"),
        ("to ud af tre gange", "partly"),
        ("3 ud af 3", "done"),
        ("0/3", "not_yet"),
        ("ate lunch twice!! one bad day tho where i just couldnt", "partly"),
        ("spiste frokost to gange, en dag kunne jeg ikke", "partly"),
        ("i ate nothing", "not_yet"),
    ],
)
def test_how_a_step_went_counted_or_eaten(said: str, outcome: str) -> None:
    """Jade ate lunch twice in the week and heard "That's OK, it happens" (not yet);
    "2 out of 3" was not understood at all."""
    assert answers.step_outcome(said) == outcome
