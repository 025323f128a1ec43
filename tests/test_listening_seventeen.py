"""What persona testers and a new blind set met in session 15, each through the engine."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import person
from test_listening_five import SCHEDULED, TO_GOAL, TO_OPTIONS

from dialogue_flows.answers import feeling, first_area, step_outcome, suggest_area
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.crisis import Concern, weigh
from dialogue_flows.engine import Engine
from dialogue_flows.moves import Move, read_move
from dialogue_flows.reminders import said_place
from dialogue_flows.weekly import read_weekly
from dialogue_flows.words import sentences


@pytest.mark.parametrize(
    ("said", "count"),
    [("Mit mål er: ingen øl før kl. 12. Det er nok.", 2), ("ca. 3 gange om ugen", 1),
     ("it cost me 10.000 kr. never again", 2), ("No. It's Claire! ok?", 3)],
)  # fmt: skip
def test_the_dot_of_kl_and_of_a_number_ends_no_sentence(said: str, count: int) -> None:
    """Henning's "Mit mål er: ingen øl før kl. 12." was kept as the goal "ingen øl før kl"."""
    assert len(sentences(said)) == count


def test_a_goal_with_kl_is_kept_whole(engine: Engine, catalogue: Catalogue) -> None:
    dialogue = person(engine, catalogue, "da", *TO_GOAL["da"])
    replies = dialogue.say("Mit mål er: ingen øl før kl. 12.")
    assert "ingen øl før kl. 12" in " ".join(replies), replies


@pytest.mark.parametrize("said", ["orker ik mere fr", "kan ik mere ass", "cant do it anymore fr"])
def test_distress_said_with_young_slang_after_it_is_heard(said: str) -> None:
    """Sofie's "orker ik mere fr" got the command menu; "jeg orker ikke mere" was heard."""
    assert Concern.DISTRESS in weigh(said).concerns


STEP_PUT_RIGHT = {
    "en": ("Actually, my step is phoning my sponsor instead", "phoning my sponsor"),
    "da": ("det er ik mit skridt wtf. skridtet er at finde mailen søndag aften",
           "at finde mailen søndag aften"),
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_step_put_right_in_passing_takes_the_old_ones_place(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Janet asked four times to change her step; Sofie's question stayed her step."""
    dialogue = person(engine, catalogue, language, *SCHEDULED[language])
    old = dialogue.goal.current_step
    assert old is not None
    said, meant = STEP_PUT_RIGHT[language]
    [reply] = dialogue.say(said)
    step = dialogue.goal.current_step
    assert step is not None and step.text == meant, step
    assert old.text in step.earlier_texts
    assert meant in reply


def test_change_that_to_right_after_a_step_puts_the_step_right(
    engine: Engine, catalogue: Catalogue
) -> None:
    lines = SCHEDULED["en"][: SCHEDULED["en"].index("friday") + 1]
    dialogue = person(engine, catalogue, "en", *lines)
    assert dialogue.step == "confidence"
    dialogue.say("Actually, could we change that to phoning my sponsor instead?")
    assert dialogue.step == "confidence"
    assert dialogue.goal.current_step is not None
    assert dialogue.goal.current_step.text == "phoning my sponsor"


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "How do I change my step?"), ("en", "Before I answer that, how do I change my goal?"),
     ("da", "hvordan ændrer jeg mit skridt? det er forkert")],
)  # fmt: skip
def test_how_to_change_a_step_is_answered_and_never_kept(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language][:-4])
    asked = dialogue.step
    dialogue.say(said)
    assert "move.change_how" in dialogue.keys, dialogue.keys
    assert dialogue.step == asked
    assert said not in str(dialogue.goal.model_dump())


@pytest.mark.parametrize(
    "said",
    ["thats not what i wrote as the goal either",
     "fuck sake. can i start again its got it all wrong", "ye've put my moanin in",
     "That was a question, not my reason.",
     "det er ik mit skridt", "skridtet blev gemt forkert", "hva mener du mindre"],
)  # fmt: skip
def test_a_protest_at_the_bot_is_a_move_never_an_answer(said: str) -> None:
    """Ryan's "i said NOT home…" became his reason; Janet's "That was a question, not my
    reason" her reality; Kieran's "ye've put my moanin in" his strengths."""
    assert read_move(said) in (Move.CORRECTION, Move.QUESTION), said


@pytest.mark.parametrize(
    "said",
    ["Hvad fanden. Jeg sagde bare du kunne gemme det. Ja da.",
     "Jamen så gem det da, jeg har ikke noget at skjule, det har kommunen jo alligevel det hele"],
)  # fmt: skip
def test_consent_said_inside_a_few_sentences_is_a_yes(
    engine: Engine, catalogue: Catalogue, said: str
) -> None:
    """Henning was asked for his consent four times; "gem det" had been read as "glem det"."""
    dialogue = person(engine, catalogue, "da", "/start")
    dialogue.say(said)
    assert dialogue.person is not None and dialogue.step == "name", dialogue.keys


def test_some_of_it_said_first_is_partly_whatever_the_story_after_says() -> None:
    """Piotr's "some of it. … but I talk with Tomek instead" was kept as a change of plan."""
    said = ("some of it. I buy curtain but I not hang it yet, I dont have drill. thursday I "
            "almost write to my old dealer, but I talk with Tomek instead")  # fmt: skip
    assert step_outcome(said) == "partly"
    assert step_outcome("nope. wrote it instead of calling") == "changed"


def test_a_goal_after_what_they_do_not_want_is_the_goal(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Henning's goal was kept as "Men det er ikke det jeg vil her"."""
    dialogue = person(engine, catalogue, "da", *TO_GOAL["da"])
    dialogue.say(
        "Der er også min søn, Mikkel, vi har ikke snakket sammen i seks år. Men det er ikke "
        "det jeg vil her. Det jeg vil, er at lade være med at drikke øl før middag. Kl. 12."
    )
    assert dialogue.goal.text.startswith("Det jeg vil, er at lade være med at drikke øl")


@pytest.mark.parametrize(
    "said",
    ["han stod og ventede uden for skolen for tre uger siden",
     "Han skrev at han ved hvilken skole de går på",
     "my ex was waiting outside the school gates yesterday",
     "Jeg har ikke selvmordstanker, det er ham jeg er bange for"],
)  # fmt: skip
def test_an_ex_at_the_school_or_feared_is_harm_from_others(said: str) -> None:
    """Louise's "han stod og ventede uden for skolen" got no reply at all, and "det er ham
    jeg er bange for" the suicide line."""
    assert weigh(said).concerns == {Concern.HARM_FROM_OTHERS}


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "ok so ur a bot. will u tell my school or my mum what i say"),
     ("en", "does my mum or school see this"),
     ("da", "vil du sige det til min mor")],
)  # fmt: skip
def test_will_you_tell_my_mum_at_consent_is_answered_not_taken_as_a_yes(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Chloe's question was taken as her consent; asked five times, it was never answered."""
    dialogue = person(engine, catalogue, language, "/start")
    dialogue.say(said)
    assert dialogue.person is None
    assert dialogue.keys[-1] == "onboarding.consent", dialogue.keys
    assert any(key.endswith("privacy") for key in dialogue.keys), dialogue.keys


def test_self_harm_started_again_is_a_return_whatever_the_model_says() -> None:
    said = "i stopped self harming years ago but started again"
    assert Concern.SELF_HARM in weigh(said).concerns


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "went to netball once. had a really bad urge wednesday but i held ice cubes "
            "instead like the counsellor said and it passed"),
     ("da", "lidt af det. var lige ved at skrive til min gamle pusher i torsdags men ringede "
            "til min ven i stedet")],
)  # fmt: skip
def test_an_urge_got_through_is_heard_at_the_check_in(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Chloe's ice cubes got "And what got in the way of the rest?"; Piotr's near-lapse
    (he rang a friend instead) got nothing."""
    assert "feeling.resisted" in checked_in(engine, catalogue, language, said)


def test_a_slip_told_at_the_check_in_is_heard_without_blame(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Ryan's "but i was on it saturday night" got "That's great to hear" and nothing more."""
    said = "did it! rang stepchange. but i was on it saturday night, blew 120 quid"
    assert "feeling.slipped" in checked_in(engine, catalogue, "en", said)


def checked_in(engine: Engine, catalogue: Catalogue, language: str, said: str) -> list[str]:
    """The keys of the reply to `said`, told at a check-in a week after the plan."""
    dialogue = person(engine, catalogue, language, *SCHEDULED[language])
    dialogue.now += timedelta(days=7)
    dialogue.command("checkin")
    dialogue.say(said)
    return dialogue.keys


@pytest.mark.parametrize(
    ("said", "area"),
    [("its money innit not home", None), ("not home, work", "purpose"),
     ("ikke helbred men arbejde", "purpose")],
)  # fmt: skip
def test_an_area_said_not_to_be_it_is_never_chosen(said: str, area: str | None) -> None:
    """Ryan's "its money innit not home" was filed under Home."""
    assert suggest_area(said) == area
    assert first_area(said) == area


def test_sorted_is_a_yes() -> None:
    """Ryan's "sorted" to "Shall I use that as your line?" was kept as a line."""
    assert read_move("sorted") is Move.YES
    assert read_move("sorted the gas meter") is None


def test_a_town_said_with_the_same_time_moves_the_check_in_with_the_zone(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Piotr's "same time like in Poland" changed his time zone while his check-in stayed
    on Danish time, and he was told "nothing changes"."""
    dialogue = person(engine, catalogue, "en", *SCHEDULED["en"])
    assert dialogue.schedule is not None and dialogue.schedule.timezone == "Europe/London"
    dialogue.command("reminders")
    dialogue.press("change")
    replies = dialogue.say("same time like in Poland")
    assert dialogue.person is not None and dialogue.person.timezone == "Europe/Warsaw"
    assert dialogue.schedule is not None and dialogue.schedule.timezone == "Europe/Warsaw"
    assert "Warsaw" in " ".join(replies), replies


@pytest.mark.parametrize(
    ("said", "zone"),
    [("I am in Gdańsk with my daughter for her birthday in summer, clean", None),
     ("im in leeds btw", "Europe/London"), ("jeg er i Odense", "Europe/Copenhagen"),
     ("i live in glasgow with my mum", "Europe/London")],
)  # fmt: skip
def test_where_they_are_is_a_place_that_ends_its_clause(said: str, zone: str | None) -> None:
    """Piotr's hoped-for line "I am in Gdańsk with my daughter…" made his check-ins
    Warsaw time."""
    found = said_place(said)
    assert (found.zone if found else None) == zone


@pytest.mark.parametrize(
    ("said", "kept", "gone"),
    [("yeah but bin the lottery one that was a joke", None, "lottery"),
     ("not quite. also ring my sister at night lol", "ring my sister at night", "not quite")],
)  # fmt: skip
def test_the_ideas_put_right_after_a_yes_or_a_no(
    engine: Engine, catalogue: Catalogue, said: str, kept: str | None, gone: str
) -> None:
    """Ryan's "bin the lottery one" and Chloe's "not quite. also …" became ideas."""
    dialogue = person(engine, catalogue, "en", *TO_OPTIONS["en"])
    dialogue.say("ring stepchange, open the letters, or just win the lottery lol")
    assert dialogue.step == "options_summary", dialogue.step
    dialogue.say(said)
    options = " | ".join(dialogue.goal.options)
    assert gone not in options, options
    assert kept is None or any(option.startswith(kept) for option in dialogue.goal.options)


def test_a_goal_put_right_with_goal_is_keeps_the_goal_only(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Piotr's "not quite. goal is sleep better…" was kept as "goal is sleep better…"."""
    dialogue = person(engine, catalogue, "en", *TO_GOAL["en"])
    dialogue.say("i guess maybe sleep better or something idk")
    assert dialogue.step == "goal_check", dialogue.step
    dialogue.say("not quite. goal is sleep better and no speed on shift")
    assert dialogue.goal.text == "sleep better and no speed on shift", dialogue.goal.text


@pytest.mark.parametrize(
    ("said", "unclear"),
    [
        ("Wednesday at 10:00", False),
        ("tirsdag kl 10.30", False),
        ("monday at 10", True),
        ("sunday 7:00", True),
    ],
)
def test_a_time_written_as_on_a_24_hour_clock_is_not_asked_about(said: str, unclear: bool) -> None:
    """Janet's "Wednesday at 10:00" got "10 o'clock in the morning or in the evening?"."""
    assert read_weekly(said).unclear is unclear


@pytest.mark.parametrize(
    ("language", "said"), [("da", "Kan min eksmand se den fil"), ("en", "can my ex see the file?")]
)
def test_whether_an_ex_can_see_the_file_is_answered_at_the_export(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Louise's question at /export got "Vælg en af mulighederne"."""
    dialogue = person(engine, catalogue, language, *TO_GOAL[language])
    dialogue.command("export")
    dialogue.say(said)
    assert "move.privacy" in dialogue.keys, dialogue.keys
    assert dialogue.keys[-1] == "export.format", dialogue.keys


@pytest.mark.parametrize(
    ("language", "said", "kept"),
    [("da", "Jeg står i køkkenet mest. Er du et rigtigt menneske, forresten?",
      "Jeg står i køkkenet mest"),
     ("en", "been out of work 2 yrs. are you a bot btw?", "been out of work 2 yrs")],
)  # fmt: skip
def test_are_you_a_person_after_an_answer_is_answered_and_the_answer_kept(
    engine: Engine, catalogue: Catalogue, language: str, said: str, kept: str
) -> None:
    """Henning asked four times, inside long answers; after the first he got no reply."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language][:-4])
    assert dialogue.step == "now", dialogue.step
    dialogue.say(said)
    assert "move.real_person" in dialogue.keys, dialogue.keys
    assert dialogue.goal.reality_now == kept


def test_an_urge_got_through_at_the_check_in_is_no_change_of_plan() -> None:
    """Shona's "…nearly bought wine … but i phoned my sponsor instead" made her step,
    done, a change of mind."""
    said = ("aye i phoned them. and i went tae two meetings. nearly bought wine on the way "
            "hame but i phoned my sponsor instead")  # fmt: skip
    assert step_outcome(said) == "done"


@pytest.mark.parametrize(
    "said",
    ["my ex has started turning up ootside my work, just standing there waiting when i finish",
     "him. im feart of him tbh"],
)  # fmt: skip
def test_an_ex_turning_up_at_work_is_harm_from_others(said: str) -> None:
    assert weigh(said).concerns == {Concern.HARM_FROM_OTHERS}


def test_a_death_is_heard_before_a_milestone_said_first() -> None:
    """Shona's "14 month sober, my wee brother died two month ago" got "That's a real
    milestone" and no word for her brother."""
    assert feeling("14 month sober, my wee brother died two month ago, overdose", "en") == "loss"
