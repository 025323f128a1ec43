"""Session 10: what the console showed when people answered as people do, each a test."""

from __future__ import annotations

import pytest
from conftest import person
from test_listening_eleven import WELCOME

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine
from dialogue_flows.records import LifeArea


@pytest.mark.parametrize(
    ("language", "word", "goal", "area"),
    [("en", "Home", "Find a flat of my own within a year", LifeArea.HOME),
     ("da", "arbejde", "jeg vil gerne have et fleksjob inden sommeren", LifeArea.PURPOSE)],
)  # fmt: skip
def test_a_goal_said_in_full_at_the_area_is_the_goal(
    engine: Engine, catalogue: Catalogue, language: str, word: str, goal: str, area: LifeArea
) -> None:
    """ "Home", then "Find a flat of my own within a year" at "…about home. Is that
    right?": the sentence was dropped, "Home" stayed the goal and the next answer was
    taken as what they would be doing."""
    dialogue = person(engine, catalogue, language, *WELCOME[language], word)
    assert dialogue.step == "area_suggested", dialogue.step
    dialogue.say(goal)
    assert dialogue.goal.text == goal
    assert dialogue.goal.area is area
    assert dialogue.step == "why", dialogue.step
    assert any(goal in reply for reply in dialogue.last_replies)


@pytest.mark.parametrize(
    ("language", "back", "why"),
    [("en", "go back", "for my kids really"), ("da", "gå tilbage", "for mine børns skyld")],
)
def test_go_back_asks_the_question_before_and_is_never_kept(
    engine: Engine, catalogue: Catalogue, language: str, back: str, why: str
) -> None:
    """ "go back" at "Where are you now?" was kept as why the goal mattered; now it asks
    why again, and the new answer takes the old one's place."""
    dialogue = person(engine, catalogue, language, *WELCOME[language], "get a job", "1",
                      "because i want money")  # fmt: skip
    assert dialogue.step == "now", dialogue.step
    dialogue.say(back)
    assert dialogue.step == "why", dialogue.step
    assert "move.back" in dialogue.keys
    assert dialogue.goal.why == "because i want money"
    dialogue.say(why)
    assert dialogue.goal.why == why
    assert dialogue.step == "now", dialogue.step


def test_go_back_to_the_goal_puts_it_right_and_never_adds_a_second(
    engine: Engine, catalogue: Catalogue
) -> None:
    dialogue = person(engine, catalogue, "en", *WELCOME["en"], "get a job")
    dialogue.say("can we go back")
    assert dialogue.step == "goal_fix", dialogue.step
    dialogue.say("get a job as a joiner by summer")
    assert list(dialogue.goals) == [1]
    assert dialogue.goal.text == "get a job as a joiner by summer"


def test_go_back_where_nothing_came_before_says_so(engine: Engine, catalogue: Catalogue) -> None:
    dialogue = person(engine, catalogue, "en", *WELCOME["en"])
    dialogue.say("go back")
    assert "move.back_none" in dialogue.keys
    assert not dialogue.goals


def test_a_limit_said_with_the_goal_stays_with_it(engine: Engine, catalogue: Catalogue) -> None:
    """ "…my university course, but part-time at first" was kept without the part-time,
    the part that mattered most to the tester."""
    dialogue = person(engine, catalogue, "en", *WELCOME["en"],
                      "I would like to go back to my university course, but part-time at first. "
                      "I'm studying nursing at De Montfort and I had to stop last year when I "
                      "was in hospital.")  # fmt: skip
    assert dialogue.goal.text == (
        "I would like to go back to my university course, but part-time at first"
    )


@pytest.mark.parametrize(
    ("language", "said", "missed", "restored"),
    [("en", "i want to get a job, in a garden centre. i used to work at one, years ago",
      "not quite, sorry. the garden centre bit is important",
      "i want to get a job, in a garden centre"),
     ("da", "jeg vil gerne have et job, i en planteskole. det har jeg prøvet før",
      "ikke helt. planteskolen er vigtig for mig", "jeg vil gerne have et job, i en planteskole")],
)  # fmt: skip
def test_a_part_named_as_left_out_is_put_back_as_they_said_it(
    engine: Engine, catalogue: Catalogue, language: str, said: str, missed: str, restored: str
) -> None:
    """ "not quite… the part-time bit is really important to me" became the goal."""
    dialogue = person(engine, catalogue, language, *WELCOME[language], said)
    assert dialogue.step == "goal_check", dialogue.step
    dialogue.say(missed)
    assert dialogue.goal.text == restored


@pytest.mark.parametrize(
    ("language", "asked"),
    [("en", "do you store what I told you about cutting?"),
     ("en", "wait, you didn't answer me. is a real person reading this?"),
     ("da", "gemmer du det jeg har fortalt dig om min mor?"),
     ("da", "vent du har ik svaret mig. er der et menneske der læser med?")],
)  # fmt: skip
def test_questions_about_what_is_kept_are_answered_never_kept(
    engine: Engine, catalogue: Catalogue, language: str, asked: str
) -> None:
    """A tester's "do you store what I told you about cutting?" was kept as what gets in
    the way, and "wait, you didn't answer me. is a real person reading this?" as two ideas."""
    dialogue = person(engine, catalogue, language, *WELCOME[language], "get a job", "1",
                      "for my kids")  # fmt: skip
    assert dialogue.step == "now", dialogue.step
    dialogue.say(asked)
    assert "move.privacy" in dialogue.keys
    assert dialogue.step == "now", dialogue.step
    assert dialogue.goal.reality_now is None


@pytest.mark.parametrize(
    ("language", "said", "goal"),
    [("da", 'ikke helt. det lyder lidt dumt med "men egentlig er det vel mere" haha. og '
            'drikkeriet skal ogsaa med synes jeg. eller hvad, maaske ikke. skriv bare '
            '"se sofie mere og drikke mindre"', "se sofie mere og drikke mindre"),
     ("en", 'not quite lol. just write "see my son more and drink less"',
      "see my son more and drink less")],
)  # fmt: skip
def test_a_goal_asked_to_be_written_in_quotes_is_written_so(
    engine: Engine, catalogue: Catalogue, language: str, said: str, goal: str
) -> None:
    """Gitte's whole message, "det lyder lidt dumt med…" and all, became her goal."""
    first = (
        "altså jeg ved ikke, drikke mindre vin om aftenen, men egentlig er det vel mere at "
        "jeg gerne vil se min datter sofie mere"
        if language == "da"
        else "idk, drink less in the evenings, but really i guess i want to see my son more"
    )
    dialogue = person(engine, catalogue, language, *WELCOME[language], first)
    assert dialogue.step == "goal_check", dialogue.step
    dialogue.say(said)
    assert dialogue.goal.text == goal


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "lol"), ("en", "?"), ("en", "haha"), ("da", "lol"), ("da", "?")],
)
def test_laughter_or_a_question_mark_is_never_kept(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Dazza's "lol" was where he stood now, and his "?" his first idea."""
    dialogue = person(engine, catalogue, language, *WELCOME[language], "get a job", "1",
                      "for my kids")  # fmt: skip
    dialogue.say(said)
    assert dialogue.step == "now", dialogue.step
    assert dialogue.goal.reality_now is None


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "this form is killin me lol"), ("en", "these questions are doing my head in"),
     ("da", "det her lort dræber mig"), ("da", "alle de her spørgsmål dræber mig")],
)  # fmt: skip
def test_a_complaint_about_the_questions_is_heard_never_kept(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """ "this form is killin me lol" became Dazza's step, and the worker's PDF said so."""
    dialogue = person(engine, catalogue, language, *WELCOME[language], "get a job", "1",
                      "for my kids")  # fmt: skip
    dialogue.say(said)
    assert "move.too_long" in dialogue.keys
    assert dialogue.step == "now", dialogue.step
    assert dialogue.goal.reality_now is None


@pytest.mark.parametrize("said", ["bout 3", "5 ish", "måske 5 ish", "around 4", "3ish"])
def test_a_rough_number_is_a_rating_not_a_time(said: str) -> None:
    """ "bout 3" at "how sure are you?" got "sounds like when you'll do it"."""
    from dialogue_flows.grow import read_rating

    assert read_rating(said).number == int(next(c for c in said if c.isdigit()))


@pytest.mark.parametrize(
    ("said", "region"),
    [("min datter sofie, hun er 24 og bor i aarhus og vi snakker naesten ikke sammen", None),
     ("min mor bor i aarhus men jeg bor i vejle", "Syddanmark"),
     ("bor i odense", "Syddanmark"),
     ("my sister lives in leeds, i live in glasgow", "Scotland")],
)  # fmt: skip
def test_where_someone_else_lives_is_not_where_they_are(said: str, region: str | None) -> None:
    """Gitte's daughter lives in Aarhus: her lines became Region Midtjylland's, and
    "I've noted that you're in Denmark" came out of nowhere."""
    from dialogue_flows.reminders import said_place

    where = said_place(said)
    assert (where.region if where else None) == region


def test_the_part_left_out_joins_the_goal_kept(engine: Engine, catalogue: Catalogue) -> None:
    """ "ye but the joinery bit or colege" became Dazza's goal, word for word."""
    said = "dunno. get back to wrk maybe. joinery or a colege course or sumthin"
    dialogue = person(engine, catalogue, "en", *WELCOME["en"], said)
    assert dialogue.step == "goal_check", dialogue.step
    dialogue.say("ye but the joinery bit or colege")
    assert dialogue.goal.text == "get back to wrk: joinery or a colege course"


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "whats the point of this app"), ("en", "what is this app for"),
     ("da", "hvad er meningen med det her"), ("da", "hvorfor skal jeg snakke med en bot")],
)  # fmt: skip
def test_what_the_app_is_for_is_answered_never_the_goal(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Kasper's "hvad er meningen med det her" became his goal, filed under Purpose."""
    dialogue = person(engine, catalogue, language, *WELCOME[language])
    dialogue.say(said)
    assert "move.about_grow" in dialogue.keys
    assert not dialogue.goals
    assert not any(key.startswith("crisis.") for key in dialogue.keys)


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "just tell me wat to do man"), ("da", "kan du ikke bare give mig et råd bro")],
)
def test_advice_asked_with_a_bro_is_advice_never_an_idea(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *WELCOME[language], "get a job", "1",
                      "for my kids", "skip", "skip", "skip", "yes")  # fmt: skip
    assert dialogue.step == "options", dialogue.step
    dialogue.say(said)
    assert "move.advice" in dialogue.keys
    assert dialogue.goal.options == ()


@pytest.mark.parametrize(
    ("language", "said", "goal"),
    [("en", 'sorry, the goal still says "to be the goal" which isn\'t what I meant. can it '
            'just say "go back to my nursing course part-time"',
      "go back to my nursing course part-time"),
     ("da", 'målet er forkert. skriv bare "se sofie mere og drikke mindre"',
      "se sofie mere og drikke mindre")],
)  # fmt: skip
def test_the_goal_asked_for_in_quotes_at_a_later_question_is_put_right(
    engine: Engine, catalogue: Catalogue, language: str, said: str, goal: str
) -> None:
    """Priya's request for her goal's words was kept as why it mattered."""
    dialogue = person(engine, catalogue, language, *WELCOME[language], "get a job", "1")
    assert dialogue.step == "why", dialogue.step
    dialogue.say(said)
    assert dialogue.goal.text == goal
    assert dialogue.goal.why is None


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "it still says the old thing"), ("en", "youre not listening"),
     ("da", "nej det står jo stadig det gamle. fck det"),
     ("da", "du laeser vist ikke hvad jeg skriver")],
)  # fmt: skip
def test_it_still_says_the_old_thing_is_a_protest_never_kept(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Kasper's "nej det står jo stadig det gamle. fck det" was kept as what is in his way."""
    dialogue = person(engine, catalogue, language, *WELCOME[language], "get a job", "1",
                      "for my kids")  # fmt: skip
    dialogue.say(said)
    assert dialogue.goal.reality_now is None
    assert dialogue.step == "now", dialogue.step


@pytest.mark.parametrize(
    ("language", "said"),
    [("da", "røg kun 3 dage i sidste uge men ringede ikke til værkstedet"),
     ("en", "only smoked 3 days last week but didnt ring the garage yet")],
)  # fmt: skip
def test_news_before_the_steps_day_is_kept_for_the_worker(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Kasper's "røg kun 3 dage…" got "there's time yet" and was kept nowhere: his
    worker's export had no check-in at all."""
    from test_listening_five import SCHEDULED

    dialogue = person(engine, catalogue, language, *SCHEDULED[language], "/checkin")
    dialogue.say(said)
    assert "checkin.not_due" in dialogue.keys and "checkin.noted" in dialogue.keys
    [kept] = dialogue.goal.checkins
    assert kept.said == said and kept.outcome == "not_yet"
    step = dialogue.goal.current_step
    assert step is not None and step.status == "planned"


def test_a_warning_sign_in_the_safety_plan_is_kept_in_it(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Priya's warning sign "I start thinking about the blade" was answered as a crisis
    and left out of her plan; a sign said to be happening now, or an emergency, is still
    answered at once."""
    dialogue = person(engine, catalogue, "en", *WELCOME["en"], "/safety", "Make a plan",
                      "exams and my mum asking when I'm going back")  # fmt: skip
    assert dialogue.step == "warning_signs", dialogue.step
    dialogue.say("I start thinking about the blade")
    assert not any(key.startswith("crisis.") for key in dialogue.keys)
    assert dialogue.person is not None and dialogue.person.safety_plan is not None
    assert dialogue.person.safety_plan.warning_signs == "I start thinking about the blade"
    dialogue.say("i want to die right now")
    assert "crisis.emergency" in dialogue.keys or "crisis.suspected" in dialogue.keys, (
        dialogue.keys
    )


@pytest.mark.parametrize(
    ("language", "sign", "now"),
    [("en", "i start thinking i want to kill myself and i stop answering my phone",
      "i want to kill myself right now"),
     ("da", "jeg begynder at tænke på at tage mit eget liv og lukker mig inde",
      "jeg vil tage mit eget liv lige nu")],
)  # fmt: skip
def test_a_sure_sign_is_kept_in_the_plan_unless_it_is_happening_now(
    engine: Engine, catalogue: Catalogue, language: str, sign: str, now: str
) -> None:
    """A tester's warning sign the detector was sure of met the crisis reply again in
    the middle of making her plan; said to be happening now, it is answered at once."""
    dialogue = person(engine, catalogue, language, *WELCOME[language], "/safety", "1",
                      "exams")  # fmt: skip
    assert dialogue.step == "warning_signs", dialogue.step
    dialogue.say(sign)
    assert not any(key.startswith("crisis.") for key in dialogue.keys), dialogue.keys
    assert dialogue.person is not None and dialogue.person.safety_plan is not None
    assert dialogue.person.safety_plan.warning_signs == sign
    at_once = person(engine, catalogue, language, *WELCOME[language], "/safety", "1")
    assert at_once.step == "triggers", at_once.step
    at_once.say(now)
    assert any(key.startswith("crisis.") for key in at_once.keys), at_once.keys


@pytest.mark.parametrize(
    ("language", "said", "listed"),
    [("en", "not quite, sorry, those weren't ideas. my ideas are: email the course leader, "
            "ask about part-time, or talk to student support",
      ("email the course leader", "ask about part-time", "talk to student support")),
     ("da", "nej, det var ikke idéer. mine idéer er: ringe til sofie, eller skrive en sms",
      ("ringe til sofie", "skrive en sms"))],
)  # fmt: skip
def test_my_ideas_are_replaces_a_list_that_was_not_ideas(
    engine: Engine, catalogue: Catalogue, language: str, said: str, listed: tuple[str, ...]
) -> None:
    """Priya's "those weren't ideas. my ideas are: …" was added as a third idea."""
    from test_listening_twelve import TO_IDEAS

    dialogue = person(engine, catalogue, language, *TO_IDEAS[language], "walk, or ring my sister")
    assert dialogue.step == "options_summary", dialogue.step
    dialogue.say(said)
    assert dialogue.goal.options == listed


def test_a_keep_then_a_wish_is_not_a_new_goal(engine: Engine, catalogue: Catalogue) -> None:
    """Gitte's "ja behold det. men jeg vil faktisk gerne have at det med de 4 maaneder …
    ogsaa kommer med" made "have at det med de 4 maaneder…" her goal: "behold det. men
    jeg vil" was read as "det jeg vil", across the full stop."""
    from dialogue_flows.grow import restated_goal

    said = "ja behold det. men jeg vil faktisk gerne have at det med de 4 maaneder kommer med"
    assert restated_goal(said) is None
    assert restated_goal("det jeg egentlig vil er at se sofie mere") == "at se sofie mere"


def test_after_dinner_misspelt_is_still_the_evening() -> None:
    """Dazza's "fridays efter dinner like 6ish" was asked "morning or evening?"."""
    from dialogue_flows.weekly import read_weekly

    said = read_weekly("fridays efter dinner like 6ish")
    assert (said.weekday, said.hour, said.unclear) == (4, 18, False)


@pytest.mark.parametrize(
    ("language", "said", "felt"),
    [("en", "loads of young yins goin in. felt like a dick. ma heid went", "ashamed"),
     ("da", "nu sidder jeg bare og venter og kigger paa telefonen og har lyst til et glas vin",
      "craving"),
     ("en", "honestly i keep craving a drink in the afternoons", "craving")],
)  # fmt: skip
def test_feelings_testers_met_unheard_are_heard(language: str, said: str, felt: str) -> None:
    """Dazza's "felt like a dick" and Gitte's wish for a glass of wine went unheard."""
    from dialogue_flows.answers import feeling

    assert feeling(said, language) == felt


@pytest.mark.parametrize(("said", "name"), [("nej lol jk. bare kasper", "Kasper")])
def test_a_name_after_jk_is_the_name(said: str, name: str) -> None:
    """Kasper's "nej lol jk. bare kasper" offered "Jk" as his name."""
    from dialogue_flows.answers import read_name

    assert read_name(said).name == name


def test_a_place_at_when_is_asked_again_and_lol_is_never_chosen(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Jonas's "lol" at "which idea?" became his chosen option, and "aalborg" at "when?"
    his step's time; "næ. ringe til jobcentret" kept its "næ."."""
    from test_listening_twelve import TO_IDEAS

    dialogue = person(engine, catalogue, "da", *TO_IDEAS["da"],
                      "ringe til jobcentret, eller spørge kontaktpersonen", "ja")  # fmt: skip
    assert dialogue.step == "choose", dialogue.step
    dialogue.say("lol")
    assert dialogue.step == "choose" and dialogue.goal.chosen_option is None
    dialogue.say("ringe til jobcentret")
    assert dialogue.step == "step", dialogue.step
    dialogue.say("næ. ringe til jobcentret og spørge om flexjob")
    step = dialogue.goal.current_step
    assert step is not None and step.text == "ringe til jobcentret og spørge om flexjob"
    assert dialogue.step == "when", dialogue.step
    dialogue.say("aalborg")
    assert "invalid.when_place" in dialogue.keys
    assert dialogue.step == "when"


def test_a_plan_asked_for_is_said_to_come_after_the_followup_question(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Priya chose "Make a plan" and was asked about tomorrow: "I thought we were going
    to make the safety plan?"."""
    dialogue = person(engine, catalogue, "en", *WELCOME["en"], "go back to uni part time",
                      "last night I had the urge to cut again and I kept the blade in my "
                      "drawer", "I'm not sure")  # fmt: skip
    dialogue.say("Make a plan")
    assert dialogue.step == "followup_offer", dialogue.step
    assert dialogue.last_replies[-1].startswith("We'll make your safety plan straight after")
    dialogue.say("No, thanks")
    assert dialogue.step == "triggers", dialogue.step


def test_a_wish_that_points_back_keeps_what_it_points_to() -> None:
    """Mags's goal was written as “I'd like to go back to that”."""
    from dialogue_flows.answers import core

    said = ("oh I don't know really. I should cut down the gin, my daughter keeps on at me "
            "about it. Or get out of the house more. Ken and I used to go to the bowls club "
            "on a Tuesday, I'd like to go back to that I think. Yes, the bowls club.")  # fmt: skip
    assert core(said) == (
        "Ken and I used to go to the bowls club on a Tuesday, I'd like to go back to that"
    )
