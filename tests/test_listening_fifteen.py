"""What persona testers met in session 13, each a conversation through the engine."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import person
from test_listening_eleven import WELCOME
from test_listening_five import SCHEDULED, TO_OBSTACLES, TO_OPTIONS

from dialogue_flows.answers import InvalidAnswerError
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.crisis import Concern, weigh
from dialogue_flows.crisis_care import read_safe
from dialogue_flows.engine import Engine
from dialogue_flows.grow import read_rating
from dialogue_flows.moves import Move, read_move
from dialogue_flows.weekly import when_said

DARK = {
    "en": "honestly some days i think everyone'd be better off without me",
    "da": "ærligt talt tænker jeg nogle dage at alle ville have det bedre uden mig",
}
UNSURE = {"en": "idk", "da": "ved ikke"}
YES = {"en": "yes", "da": "ja"}
TALK = {
    "en": ("my sister, and the dog", "when i'm on my own at night"),
    "da": ("min søster, og hunden", "når jeg er alene om natten"),
}


@pytest.mark.parametrize("language", ["en", "da"])
def test_words_that_answer_neither_at_the_follow_up_are_asked_about_once_then_left(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """A person who kept talking got "Either is fine. Choose “Yes, please”…" seven times,
    word for word, after asking for their safety plan. Now: once more, then no follow-up
    (it is opt-in), said kindly, and the plan they asked for starts."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language][:-3], DARK[language])
    assert dialogue.keys[-1] == "crisis.safe_now", dialogue.keys
    dialogue.say(UNSURE[language])
    assert dialogue.keys == ["crisis.unsure", "crisis.plan_offer"], dialogue.keys
    dialogue.say(YES[language])
    assert dialogue.keys == ["crisis.followup_offer"], dialogue.keys
    first, second = TALK[language]
    dialogue.say(first)
    assert dialogue.keys == ["crisis.followup_again"], dialogue.keys
    dialogue.say(second)
    assert dialogue.keys[0] == "crisis.followup_left", dialogue.keys
    assert dialogue.keys[-1] == "safety.triggers", dialogue.keys
    assert dialogue.person is not None and dialogue.person.followup_due is None


@pytest.mark.parametrize(("language", "yes"), [("en", "ok go on then"), ("da", "ja okay")])
def test_a_yes_the_second_time_sets_the_follow_up(
    engine: Engine, catalogue: Catalogue, language: str, yes: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language][:-3], DARK[language])
    dialogue.say(UNSURE[language])
    dialogue.say(YES[language])
    dialogue.say(TALK[language][0])
    dialogue.say(yes)
    assert dialogue.keys[0] == "crisis.followup_set", dialogue.keys
    assert dialogue.person is not None and dialogue.person.followup_due is not None


@pytest.mark.parametrize("language", ["en", "da"])
def test_the_plan_offer_is_asked_once_more_then_left(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language][:-3], DARK[language])
    dialogue.say(UNSURE[language])
    first, second = TALK[language]
    dialogue.say(first)
    assert dialogue.keys == ["crisis.plan_again"], dialogue.keys
    dialogue.say(second)
    assert dialogue.keys[0] == "crisis.left", dialogue.keys
    assert dialogue.keys[-1].startswith("grow."), dialogue.keys


LIS = {
    "en": "i dont know really.. maybe sort my sleep out, or maybe get back to working as a "
    "childminder but that feels far away. i've been sober 5 months but had a slip in august",
    "da": "jeg ved ikke helt.. måske få styr på min søvn, eller måske komme tilbage til at "
    "arbejde som dagplejer men det virker langt væk. jeg har været ædru i 5 mdr men havde et "
    "tilbagefald i august",
}


@pytest.mark.parametrize(
    ("language", "parts"),
    [("en", ("sort my sleep out", "get back to working as a childminder")),
     ("da", ("få styr på min søvn", "komme tilbage til at arbejde som dagplejer"))],
)  # fmt: skip
def test_two_goals_said_with_or_and_a_doubt_are_both_offered_without_the_doubt(
    engine: Engine, catalogue: Catalogue, language: str, parts: tuple[str, str]
) -> None:
    """Lis's goal was kept as "eller måske komme tilbage til at arbejde som dagplejer men
    det virker langt væk": the sleep she named first was lost, the doubt kept in it."""
    dialogue = person(engine, catalogue, language, *WELCOME[language], LIS[language])
    assert dialogue.step == "goal_check", dialogue.step
    assert "far away" not in dialogue.goal.text and "langt væk" not in dialogue.goal.text
    assert dialogue.goal.first_words == LIS[language], "their whole answer is kept"
    dialogue.say(YES[language])
    assert dialogue.step == "goal_which", dialogue.step
    dialogue.say("2")
    assert dialogue.goal.text == parts[1]


@pytest.mark.parametrize(
    ("language", "said", "heard"),
    [("en", "get back to work. been 6 months clean, one slip in june",
      "A real milestone, and a slip doesn't undo it."),
     ("da", LIS["da"], "En milepæl, som et tilbagefald ikke tager fra dig.")],
)  # fmt: skip
def test_a_milestone_said_with_a_slip_is_heard_with_it(
    engine: Engine, catalogue: Catalogue, language: str, said: str, heard: str
) -> None:
    dialogue = person(engine, catalogue, language, *WELCOME[language])
    replies = dialogue.say(said)
    assert any(heard in reply for reply in replies), replies


# -- Kyle: short answers, text-speak, on probation -----------------------------------


def test_two_goals_said_as_alternatives_of_one_area_are_offered(
    engine: Engine, catalogue: Catalogue
) -> None:
    """ "get me licence back i guess. or a job at the car wash" was kept whole as the
    goal, "i guess" and all, and quoted back in every question after."""
    dialogue = person(engine, catalogue, "en", *WELCOME["en"],
                      "get me licence back i guess. or a job at the car wash")  # fmt: skip
    assert dialogue.step == "goal_which", dialogue.step
    dialogue.say("2")
    assert dialogue.goal.text == "a job at the car wash"


@pytest.mark.parametrize(
    ("language", "rating"), [("en", "bout a 3 maybe"), ("da", "måske en 4 tror jeg")]
)
def test_a_rating_is_no_reason(
    engine: Engine, catalogue: Catalogue, language: str, rating: str
) -> None:
    """ "bout a 3 maybe" was kept as why the goal matters, and printed on the plan."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language][:5])
    assert dialogue.step == "why", dialogue.step
    dialogue.say(rating)
    assert dialogue.step == "why" and dialogue.goal.why is None
    assert dialogue.keys[0] == "grow.why.invalid.bare_number", dialogue.keys


@pytest.mark.parametrize(
    ("language", "said", "step"),
    [("en", "dunno. just walk in n ask if theyre hirin", "just walk in n ask if theyre hirin"),
     ("da", "ved ikke, bare gå ind og spørge", "bare gå ind og spørge")],
)  # fmt: skip
def test_a_dont_know_before_the_step_is_not_kept_in_it(
    engine: Engine, catalogue: Catalogue, language: str, said: str, step: str
) -> None:
    lines = SCHEDULED_LINES[language]
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], *lines)
    assert dialogue.step == "step", dialogue.step
    dialogue.say(said)
    assert dialogue.goal.current_step is not None
    assert dialogue.goal.current_step.text == step


SCHEDULED_LINES = {
    "en": ("do my cv, or ask the jobcentre", "yes", "do my cv"),
    "da": ("skrive cv eller spørge jobcentret", "ja", "skrive cv"),
}


@pytest.mark.parametrize(
    ("language", "asked"),
    [("en", "is this goin to my probation officer"),
     ("en", "will you tell my probation officer"),
     ("da", "går det her videre til kriminalforsorgen")],
)  # fmt: skip
def test_who_it_goes_to_is_answered_before_consent(
    engine: Engine, catalogue: Catalogue, language: str, asked: str
) -> None:
    dialogue = person(engine, catalogue, language, "/start")
    dialogue.say(asked)
    assert dialogue.keys[0] == "onboarding.consent.privacy", dialogue.keys


def test_sound_is_a_yes(engine: Engine, catalogue: Catalogue) -> None:
    dialogue = person(engine, catalogue, "en", "/start")
    dialogue.say("sound")
    assert dialogue.step == "name", dialogue.step


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "my mate od'd last week, found him on the landing"),
     ("da", "jeg fandt min ven på trappen i sidste uge, det var et chok")],
)  # fmt: skip
def test_finding_a_friend_after_an_overdose_is_heard_and_is_no_strength(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """It was kept as Kyle's strengths and support, then his protest as a correction."""
    dialogue = person(engine, catalogue, language, *TO_OBSTACLES[language][:-1])
    assert dialogue.step == "works", dialogue.step
    dialogue.say(said)
    assert dialogue.keys[0] == "feeling.shock", dialogue.keys
    assert dialogue.step == "works" and dialogue.goal.reality_works is None


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "nah didnt get round to it, kids mum kicked off"),
     ("da", "nej fik det ikke gjort, min eks lavede ballade")],
)  # fmt: skip
def test_a_step_not_done_with_what_got_in_the_way_is_heard_not_asked_again(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Kyle's "kids mum kicked off" was asked "What got in the way?"; the Danish, where
    the ex "lavede" (did) the trouble, was filed as partly done."""
    dialogue = person(engine, catalogue, language, *SCHEDULED[language])
    dialogue.now += timedelta(days=7)
    dialogue.run("/checkin")
    dialogue.say(said)
    assert dialogue.keys == ["checkin.reason_heard", "checkin.progress"], dialogue.keys
    assert dialogue.goal.checkins[-1].outcome == "not_yet"


# -- Sanne: long, ambivalent, Danish ------------------------------------------------


@pytest.mark.parametrize(
    ("language", "said", "goal"),
    [("da", "øh du hørte ikke hvad jeg skrev. jeg vil gerne skifte mål til at sove bedre",
      "at sove bedre"),
     ("da", "nej det passer stadig ikke. glem det med dagplejer. mit mål er at sove bedre",
      "at sove bedre"),
     ("en", "you're not listening. can we change my goal to sleeping better", "sleeping better")],
)  # fmt: skip
def test_a_new_goal_said_in_a_later_sentence_puts_the_goal_right(
    engine: Engine, catalogue: Catalogue, language: str, said: str, goal: str
) -> None:
    """Sanne's "jeg vil gerne skifte mål til at sove bedre" was kept as what gets in the
    way, and two more tries as her strengths and a correction of them."""
    dialogue = person(engine, catalogue, language, *TO_OBSTACLES[language][:-1])
    dialogue.say(said)
    assert dialogue.keys[0] == "grow.goal_restated", dialogue.keys
    dialogue.say("1")  # its Yes button, typed: had been kept as their strengths
    assert dialogue.goal.text == goal and dialogue.goal.reality_works is None


@pytest.mark.parametrize(
    ("said", "concern"),
    [("i nat var en dårlig nat, jeg lå og tænkte at det hele ville være lettere hvis jeg "
      "bare ikke vågnede", Concern.SUICIDE),
     ("it would all be easier if i just didnt wake up", Concern.SUICIDE),
     ("sometimes i think it is better if i die", Concern.SUICIDE),
     ("nogle gange tænker jeg på at drikke der men det gjorde jeg ikke", None),
     ("8 uger uden at drikke, men det gjorde jeg i går", Concern.LAPSE)],
)  # fmt: skip
def test_what_sanne_said_in_the_night(said: str, concern: Concern | None) -> None:
    """A wish not to wake, in a long message about her son, got a domestic-abuse line
    alone; an urge she did not act on ("men det gjorde jeg ikke") got the lapse reply
    with opioid advice."""
    found = weigh(said)
    assert found.concerns == (frozenset({concern}) if concern else frozenset()), found


@pytest.mark.parametrize(
    ("language", "said", "goal"),
    [("da", "hmm jeg ved ikke. måske at komme tilbage og arbejde som dagplejer igen engang. "
      "men det er langt væk. hvad synes du?",
      "at komme tilbage og arbejde som dagplejer igen engang"),
     ("en", "maybe get back to working as a childminder one day. what do you think?",
      "get back to working as a childminder one day")],
)  # fmt: skip
def test_what_do_you_think_after_a_goal_is_answered_and_the_goal_kept(
    engine: Engine, catalogue: Catalogue, language: str, said: str, goal: str
) -> None:
    """Sanne's "hvad synes du?" went unanswered."""
    dialogue = person(engine, catalogue, language, *WELCOME[language])
    dialogue.say(said)
    assert dialogue.keys[0] == "move.advice_after", dialogue.keys
    assert dialogue.goal.text == goal


@pytest.mark.parametrize(
    ("language", "said", "idea"),
    [("da", "ikke helt, du mangler den med at ringe til min søster når trangen kommer",
      "ringe til min søster når trangen kommer"),
     ("en", "not quite, you forgot the one about ringing my sister", "ringing my sister")],
)  # fmt: skip
def test_an_idea_missed_from_the_list_is_added_without_the_words_that_point_at_it(
    engine: Engine, catalogue: Catalogue, language: str, said: str, idea: str
) -> None:
    """ "ikke helt, du mangler den med at ringe til min søster…" was kept whole as an idea."""
    lines = SCHEDULED_LINES[language][:2]
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], lines[0])
    assert dialogue.step == "options_summary", dialogue.step
    dialogue.say(said)
    assert dialogue.goal.options[-1] == idea, dialogue.goal.options


def test_a_clock_time_after_kl_is_the_time_whatever_follows() -> None:
    """ "…kl 22 de næste 3 aftener" was asked "Hvornår vil du gøre det?" again."""
    said = "at lægge den ud i køkkenet kl 22 de næste 3 aftener og så se hvad der sker"
    assert when_said(said) == "kl 22"
    assert when_said("look at 3 flats") is None


@pytest.mark.parametrize("said", ["spring over, ved ikke", "dunno, skip", "i dont know, next"])
def test_a_skip_with_a_dont_know_is_a_skip(said: str) -> None:
    """ "spring over, ved ikke" got "Et par ord, også et gæt, er rigeligt"; she typed "1"."""
    assert read_move(said) is Move.SKIP


# -- Shona and Jonas: distress, a town, a time at a rating ----------------------------


@pytest.mark.parametrize(
    "said",
    ["naw am no gonnae do anything, it's just a thought",
     "jeg er ok. vil ik slaa mig selv ihjel. er bare pisse sur paa mig selv",
     "nej jeg gør ikke noget, det er bare en tanke"],
)  # fmt: skip
def test_a_reassurance_after_a_no_is_safe(said: str) -> None:
    """Shona's "naw am no gonnae do anything" got "Please call 999 now"."""
    assert read_safe(said) == "safe"


@pytest.mark.parametrize("said", ["ved 8 tiden", "kl 20", "8pm"])
def test_a_time_of_day_is_no_rating(said: str) -> None:
    """Jonas's "ved 8 tiden", the answer to the question before, was kept as 8/10."""
    with pytest.raises(InvalidAnswerError) as refused:
        read_rating(said)
    assert refused.value.key == "invalid.scale_time"


@pytest.mark.parametrize(("language", "town"), [("da", "aalborg"), ("en", "Sunderland")])
def test_a_town_is_no_goal(engine: Engine, catalogue: Catalogue, language: str, town: str) -> None:
    dialogue = person(engine, catalogue, language, *WELCOME[language])
    dialogue.say(town)
    assert dialogue.keys == ["grow.goal.invalid.goal_place", "grow.goal"], dialogue.keys
    assert not dialogue.goals, "no goal kept"


@pytest.mark.parametrize(
    ("language", "said", "heard"),
    [("en", "my ex came round last night, he was steamin and put his hands round my neck",
      "Being strangled or choked is very dangerous"),
     ("da", "min eks kom forbi i går, han var fuld og tog mig om halsen",
      "At blive kvalt eller taget kvælertag på er meget farligt")],
)  # fmt: skip
def test_being_strangled_is_named_with_why_to_see_a_doctor(
    engine: Engine, catalogue: Catalogue, language: str, said: str, heard: str
) -> None:
    """Shona's "put his hands round my neck" got the lines and "glad you're safe" alone."""
    dialogue = person(engine, catalogue, language, *TO_OBSTACLES[language][:-1])
    [reply] = dialogue.say(said)
    assert "crisis.strangled" in dialogue.keys, dialogue.keys
    assert heard in reply and dialogue.keys[-1] == "crisis.safe_now"


@pytest.mark.parametrize(
    "said", ["can u just tell me whit to dae", "tell me what to do then, youre the coach"]
)
def test_asking_what_to_do_in_scots_is_advice_not_a_crisis(said: str) -> None:
    """Shona's "can u just tell me whit to dae" got the helplines and "Are you safe?"."""
    assert read_move(said) is Move.ADVICE
    assert not weigh(said).concerns


@pytest.mark.parametrize("said", ["my kids, they deserve better", "mine børn fortjener bedre"])
def test_a_reason_that_the_kids_deserve_better_is_no_crisis(said: str) -> None:
    """ "my kids, they deserve better", why a goal mattered, got the suicide reply."""
    assert not weigh(said).concerns


def test_two_goals_joined_by_n_are_offered(engine: Engine, catalogue: Catalogue) -> None:
    said = "wanna stop drinking so much n maybe get back to work or sumthin"
    dialogue = person(engine, catalogue, "en", *WELCOME["en"], said)
    assert dialogue.step == "goal_which", dialogue.step
    dialogue.say("2")
    assert dialogue.goal.text == "get back to work"


def test_the_weans_are_family(engine: Engine, catalogue: Catalogue) -> None:
    """Shona's "get the weans back for weekends, or maybe first just get my own flat
    sorted" was one goal: "weans" was no word the life areas knew."""
    said = "get the weans back for weekends, or maybe first just get my own flat sorted"
    dialogue = person(engine, catalogue, "en", *WELCOME["en"], said)
    assert dialogue.step == "goal_which", dialogue.step
