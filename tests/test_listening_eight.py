"""What three people played against the console said in their own words (a Glasgow
woman writing long polite Scots, a Syrian man writing short non-native English, a Danish
19-year-old writing slang), each in English and Danish, each failing before its fix.

A yes in their own words is a yes wherever one is asked; a keep with its reason is a
keep, never the step; a measure or a level is read from words; a name said with a
nickname is asked about; a question to the bot is answered, never kept; a correction
replaces only what it corrects.
"""

from __future__ import annotations

import pytest
from conftest import SCHEDULE_ANSWERS, THROUGH_REALITY, WHOLE_PLAN, Dialogue, person

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine

REALITY = {
    "en": THROUGH_REALITY[:-1],
    "da": ("/start", "ja", "Mette", "Finde en lejlighed", "ja", "Så mine børn kan sove her",
           "jeg bor hos en ven", "min sagsbehandler", "penge"),
}  # fmt: skip
"""At "Have I got that right?" after Reality."""


# -- 1. yes in their own words -----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "Aye, that's fine … aye, you can keep it"), ("en", "Aye, yes, that's OK"),
     ("da", "ja ish"), ("da", "ja det er fint, du må godt beholde det")],
)  # fmt: skip
def test_consent_in_own_words(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, "/start", said)
    assert dialogue.person is not None and dialogue.step == "name"


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "Aye, that's it"), ("en", "yes mostly"), ("en", "ok fine"),
     ("da", "ja ish"), ("da", "ja det passer sådan nogenlunde"), ("da", "ja correct")],
)  # fmt: skip
def test_a_summary_agreed_in_own_words_is_agreed(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *REALITY[language])
    assert dialogue.step == "reality_summary"
    dialogue.say(said)
    assert dialogue.step == "options"
    assert dialogue.goal.reality_correction is None  # "ja ish" is no correction
    assert said not in dialogue.goal.model_dump_json()


def test_a_yes_with_content_after_it_is_still_read_as_content(
    engine: Engine, catalogue: Catalogue
) -> None:
    dialogue = person(engine, catalogue, "en", *REALITY["en"], "yes mostly, but my back too")
    assert dialogue.step != "options"


@pytest.mark.parametrize(
    ("language", "lines"),
    [("en", ("/start", "yes", "Sam", "/appointment", "tomorrow at 10", "Aye, that's it")),
     ("da", ("/start", "ja", "Maja", "/appointment", "i morgen kl 10", "ja ish"))],
)  # fmt: skip
def test_the_appointment_read_back_agreed_in_own_words(
    engine: Engine, catalogue: Catalogue, language: str, lines: tuple[str, ...]
) -> None:
    dialogue = person(engine, catalogue, language, *lines)
    assert len(dialogue.outcomes.appointments) == 1
    assert dialogue.person is not None and dialogue.person.conversation.flow is None


# -- 2. keep said with a reason or a filler ----------------------------------------------

SMALLER = (*WHOLE_PLAN[:-2], "3", "I want it")
"""At "make it smaller?" after a confidence of 3."""


@pytest.mark.parametrize(
    "said",
    ["Och, I'll keep it as it is. It's only a phone call, I've done harder things than that",
     "whatever behold det", "no, keep it, it's fine. I can do it",
     "jeg beholder den, det er kun et opkald"],
)  # fmt: skip
def test_keep_with_a_reason_keeps_the_step(
    engine: Engine, catalogue: Catalogue, said: str
) -> None:
    dialogue = person(engine, catalogue, "en", *SMALLER)
    assert dialogue.step == "smaller"
    dialogue.say(said)
    step = dialogue.goal.current_step
    assert step is not None and step.text == "Set up a savings pot on my phone"
    assert dialogue.step != "confidence_again"


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "Keep it as it is, thanks. Monday at 6 is grand"),
     ("da", "behold det tak. mandag kl 6 er fint")],
)  # fmt: skip
def test_keep_at_reminders_with_the_time_it_has(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *SCHEDULE_ANSWERS, "/reminders")
    assert dialogue.step == "manage"
    dialogue.say(said)
    assert dialogue.step is None  # not "morning or evening?"
    assert dialogue.schedule is not None and dialogue.schedule.hour == 18


# -- 3. measures and levels answered in words --------------------------------------------

WHO5 = {
    "en": ("/start", "yes", "Sam", "/wellbeing", "WHO-5 Well-Being Index"),
    "da": ("/start", "ja", "Maja", "/wellbeing", "WHO-5 Trivselsindeks"),
}


@pytest.mark.parametrize(
    ("language", "said", "score"),
    [("en", "Some of the time, I'd say. When Isla's round", 1), ("en", "never really", 0),
     ("en", "most days tbh", 4), ("en", "Och, not very often. Less than half I suppose", 2),
     ("da", "ikke så tit", 2), ("da", "aldrig", 0), ("da", "på intet tidspunkt lol", 0),
     ("da", "lidt mindre end halvdelen", 2), ("da", "hele tiden faktisk", 5)],
)  # fmt: skip
def test_a_who5_answer_in_own_words(
    engine: Engine, catalogue: Catalogue, language: str, said: str, score: int
) -> None:
    dialogue = person(engine, catalogue, language, *WHO5[language], said)
    assert dialogue.person is not None
    assert dialogue.person.conversation.draft.get("answers") == [score]


@pytest.mark.parametrize(
    ("language", "said", "offered"),
    [("en", "some of the time or most of the time", ["Most of the time", "Some of the time"]),
     ("en", "about half I'd say", ["More than half of the time", "Less than half of the time"]),
     ("da", "idk typ halvdelen",
      ["Lidt mere end halvdelen af tiden", "Lidt mindre end halvdelen af tiden"]),
     ("da", "hele tiden eller det meste af tiden", ["Hele tiden", "Det meste af tiden"])],
)  # fmt: skip
def test_two_answers_that_fit_equally_are_asked_between(
    engine: Engine, catalogue: Catalogue, language: str, said: str, offered: list[str]
) -> None:
    dialogue = person(engine, catalogue, language, *WHO5[language])
    [asked] = dialogue.say(said)
    assert offered[0] in asked and offered[1] in asked
    assert dialogue.last is not None
    choices = [catalogue.render(c.label, language) for c in dialogue.last.replies[-1].choices]
    assert choices == offered
    dialogue.say("1")  # the first of the two offered
    assert dialogue.person is not None
    assert len(dialogue.person.conversation.draft["answers"]) == 1


def test_a_crisis_word_at_a_measure_still_gets_the_crisis_reply_first(
    engine: Engine, catalogue: Catalogue
) -> None:
    dialogue = person(engine, catalogue, "da", *WHO5["da"], "aldrig. jeg vil dø")
    assert dialogue.person is not None and dialogue.person.conversation.flow == "crisis"


DA_LEVELS = ("ja", "Vi ses en gang om måneden", "Hver anden uge", "Hver uge", "En tur sammen",
             "Vi snakker ikke", "Ret vigtigt", "mandag kl. 18", "København", "/checkin",
             "Jeg gjorde det", "Alarmen", "syv", "Behold samme skridt")  # fmt: skip
"""A Danish plan scaled in five lines, then a check-in: at "which line fits?"."""


def test_a_gas_level_in_words_and_a_tie_asked_between(
    engine: Engine, catalogue: Catalogue
) -> None:
    from test_outcome_flows import PLAN_DA

    dialogue = person(engine, catalogue, "da", "/start", *PLAN_DA, *DA_LEVELS)
    assert dialogue.step == "rate"
    [asked] = dialogue.say("3 ish men lidt bedre")  # line 3 is as expected; "lidt bedre" +1
    assert "mellem “Hver anden uge” og “Hver uge”" in asked
    dialogue.say("lidt bedre")
    assert [rating.level for rating in dialogue.outcomes.ratings] == [1]


@pytest.mark.parametrize(("said", "level"), [("2", 0), ("1", 1), ("lidt bedre", 1)])
def test_between_two_a_place_is_a_place_among_the_two_shown(
    engine: Engine, catalogue: Catalogue, said: str, level: int
) -> None:
    from test_outcome_flows import PLAN_DA

    dialogue = person(engine, catalogue, "da", "/start", *PLAN_DA, *DA_LEVELS)
    dialogue.say("3 ish men lidt bedre")
    dialogue.say(said)
    assert [rating.level for rating in dialogue.outcomes.ratings] == [level]


def test_a_gas_level_in_english_words(dialogue: Dialogue) -> None:
    from test_outcome_flows import scaled

    scaled(dialogue)
    dialogue.run("/checkin", "I did it", "An alarm", "7", "Keep the same step")
    assert dialogue.step == "rate"
    dialogue.say("about as expected I'd say")
    assert [rating.level for rating in dialogue.outcomes.ratings] == [0]


# -- 4. a name with a nickname -----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "said", "asked", "chosen"),
    [("en", "It's Sandra, but everyone calls me Sandy", "Sandra or Sandy", "Sandy"),
     ("en", "Sandra but my friends call me Sandy", "Sandra or Sandy", "Sandra"),
     ("en", "It's Sandra, but the girls at the bowling club all call me Sandy",
      "Sandra or Sandy", "Sandra"),
     ("da", "jeg hedder Sandra men alle kalder mig Sandy", "Sandra eller Sandy", "Sandy")],
)  # fmt: skip
def test_two_names_are_asked_about_with_both_as_choices(
    engine: Engine, catalogue: Catalogue, language: str, said: str, asked: str, chosen: str
) -> None:
    yes = {"en": "yes", "da": "ja"}[language]
    dialogue = person(engine, catalogue, language, "/start", yes)
    [which] = dialogue.say(said)
    assert which.startswith(asked)
    assert dialogue.last is not None
    offered = [c.value for c in dialogue.last.replies[-1].choices]
    assert offered == ["Sandra", "Sandy"]
    assert dialogue.person is not None and dialogue.person.name is None
    [other] = dialogue.say("either is fine")
    assert "Either is fine" in other or "Begge dele er fint" in other
    dialogue.press(chosen)
    assert dialogue.person.name == chosen and dialogue.step == "goal"


@pytest.mark.parametrize(
    ("language", "said", "name"),
    [("en", "Mohammed, call me Mo", "Mo"),
     ("da", "Jeg hedder Frederik, men kald mig bare Freddy", "Freddy")],
)  # fmt: skip
def test_the_name_they_ask_for_is_kept(
    engine: Engine, catalogue: Catalogue, language: str, said: str, name: str
) -> None:
    yes = {"en": "yes", "da": "ja"}[language]
    dialogue = person(engine, catalogue, language, "/start", yes, said)
    assert dialogue.person is not None and dialogue.person.name == name
    assert dialogue.step == "goal"


def test_a_nickname_beside_the_name_said_twice_is_not_asked_about(dialogue: Dialogue) -> None:
    dialogue.run("/start", "yes")
    [check] = dialogue.say("Helen. Well, Hels to my sister, but Helen is fine")
    assert check == "Shall I call you Helen?"  # not "Helen or Hels"


# -- 5. questions to the bot, and the language asked for ---------------------------------

OBSTACLES = {"en": THROUGH_REALITY[:8], "da": REALITY["da"][:-1]}
"""At "what gets in the way?"."""


@pytest.mark.parametrize(
    ("language", "said", "key"),
    [("en", "what you think I should do?", "move.advice"),
     ("da", "hvad tænker du jeg skal gøre?", "move.advice"),
     ("en", "my sagsbehandler say this is GROW. what this mean?", "move.about_grow"),
     ("da", "min sagsbehandler siger det er GROW. hvad betyder det?", "move.about_grow")],
)  # fmt: skip
def test_a_question_at_what_gets_in_the_way_is_answered_not_kept(
    engine: Engine, catalogue: Catalogue, language: str, said: str, key: str
) -> None:
    dialogue = person(engine, catalogue, language, *OBSTACLES[language])
    assert dialogue.step == "obstacles"
    dialogue.say(said)
    assert dialogue.keys == [key, "grow.obstacles"]
    assert dialogue.step == "obstacles" and dialogue.goal.obstacles is None


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "no!! this is not ideas. i ask you"),
     ("da", "nej det er ikke idéer. jeg spørger dig")],
)  # fmt: skip
def test_a_complaint_at_the_options_is_not_an_idea(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    lines = {"en": THROUGH_REALITY, "da": (*REALITY["da"], "ja")}[language]
    dialogue = person(engine, catalogue, language, *lines)
    assert dialogue.step == "options"
    dialogue.say(said)
    assert dialogue.step == "options" and dialogue.goal.options == ()


@pytest.mark.parametrize(
    ("language", "said", "wanted", "reply"),
    [("da", "hmm dansk is hard for me. english please", "en", "I'll write in English"),
     ("en", "dansk tak", "da", "jeg skriver på dansk"),
     ("en", "på dansk", "da", "jeg skriver på dansk")],
)  # fmt: skip
def test_the_language_asked_for_is_used_from_then_on(
    engine: Engine, catalogue: Catalogue, language: str, said: str, wanted: str, reply: str
) -> None:
    dialogue = person(engine, catalogue, language, *OBSTACLES[language])
    [switched] = dialogue.say(said)
    assert reply in switched
    assert dialogue.person is not None and dialogue.person.language == wanted
    assert dialogue.step == "obstacles" and dialogue.keys[-1] == "grow.obstacles"


# -- 6. a correction replaces only what it corrects --------------------------------------

NOT_QUITE = {"en": "Not quite", "da": "Ikke helt"}


@pytest.mark.parametrize(
    ("language", "said", "obstacles", "works"),
    [("en", "in the way is smoking and my danish is not good. support only my wife and "
            "group monday", "smoking and my danish is not good",
      "support only my wife and group monday"),
     ("da", "i vejen er rygning og mit dansk er ikke godt. støtte kun min kone og gruppen "
            "om mandagen", "rygning og mit dansk er ikke godt",
      "støtte kun min kone og gruppen om mandagen")],
)  # fmt: skip
def test_a_correction_of_two_parts_puts_each_in_its_place(
    engine: Engine, catalogue: Catalogue, language: str, said: str, obstacles: str, works: str
) -> None:
    dialogue = person(engine, catalogue, language, *REALITY[language], NOT_QUITE[language])
    assert dialogue.step == "reality_fix"
    [again] = dialogue.say(said)
    goal = dialogue.goal
    assert (goal.obstacles, goal.reality_works) == (obstacles, works)
    assert goal.reality_now == {"en": "Sofa surfing at my mate's place",
                                "da": "jeg bor hos en ven"}[language]  # fmt: skip
    assert dialogue.step == "reality_again" and again.count(f"“{obstacles}”") == 2


@pytest.mark.parametrize(
    ("language", "said", "kept"),
    [("en", "hen. It should be Isla, Claire and Margaret",
      "It should be Isla, Claire and Margaret"),
     ("da", "nå. det skal være Isla, Claire og Margaret",
      "det skal være Isla, Claire og Margaret")],
)  # fmt: skip
def test_a_correction_without_its_filler(
    engine: Engine, catalogue: Catalogue, language: str, said: str, kept: str
) -> None:
    dialogue = person(engine, catalogue, language, *REALITY[language], NOT_QUITE[language], said)
    assert dialogue.goal.reality_correction == kept
    assert dialogue.step == "reality_again"


@pytest.mark.parametrize(
    ("language", "lines", "said", "goal"),
    [("en", ("/start", "yes", "Helen", "i guess maybe get back or something idk"),
      "Not quite, no. Back where? It's the bowling club I mean. Or the charity shop.",
      "It's the bowling club. Or the charity shop."),
     ("da", ("/start", "ja", "Mette", "måske komme tilbage eller noget"),
      "Nej ikke helt. Tilbage hvor? Det er bowlingklubben jeg mener. Eller genbrugsbutikken.",
      "Det er bowlingklubben. Eller genbrugsbutikken.")],
)  # fmt: skip
def test_a_goal_put_right_without_the_no_and_the_question_back(
    engine: Engine,
    catalogue: Catalogue,
    language: str,
    lines: tuple[str, ...],
    said: str,
    goal: str,
) -> None:
    dialogue = person(engine, catalogue, language, *lines)
    assert dialogue.step == "goal_check"
    [read_back] = dialogue.say(said)
    assert dialogue.goal.text == goal
    assert goal[:20] in read_back  # said back once more


@pytest.mark.parametrize(
    ("language", "lines", "said", "works"),
    [("en", (*THROUGH_REALITY[:6], "Home alone mostly",
             "My daughter is very good to me. And my neighbour Isla pops in. I'm stubborn",
             "confidence"),
      "Not quite, hen. It's Isla, Claire and Margaret that pop in",
      "My daughter is very good to me. It's Isla, Claire and Margaret that pop in. "
      "I'm stubborn"),
     ("da", (*REALITY["da"][:6], "mest alene hjemme",
             "Min datter er god ved mig. Og naboen Isla kigger ind. Jeg er stædig", "mod"),
      "Ikke helt. Det er Isla, Claire og Margaret der kigger ind",
      "Min datter er god ved mig. Det er Isla, Claire og Margaret der kigger ind. Jeg er stædig")],
)  # fmt: skip
def test_a_correction_replaces_only_the_sentence_it_puts_right(
    engine: Engine,
    catalogue: Catalogue,
    language: str,
    lines: tuple[str, ...],
    said: str,
    works: str,
) -> None:
    dialogue = person(engine, catalogue, language, *lines)
    assert dialogue.step == "reality_summary"
    dialogue.say(said)
    assert dialogue.goal.reality_works == works
    assert dialogue.step == "reality_again"


@pytest.mark.parametrize(
    ("language", "said", "ideas"),
    [("en", "Well, I could go back to the bowling club, they've asked me often enough. Or I "
            "could help at the charity shop on a Thursday, Margaret does that. Or maybe the "
            "lunch club at the church",
      ("I could go back to the bowling club, they've asked me often enough",
       "I could help at the charity shop on a Thursday, Margaret does that",
       "the lunch club at the church")),
     ("da", "Jeg kunne ringe til hende, hun er sød. Eller måske skrive et brev til hende i "
            "stedet for at ringe",
      ("Jeg kunne ringe til hende, hun er sød",
       "skrive et brev til hende i stedet for at ringe"))],
)  # fmt: skip
def test_long_ideas_each_opening_with_or_are_several(
    engine: Engine, catalogue: Catalogue, language: str, said: str, ideas: tuple[str, ...]
) -> None:
    lines = {"en": THROUGH_REALITY, "da": (*REALITY["da"], "ja")}[language]
    dialogue = person(engine, catalogue, language, *lines, said)
    assert dialogue.goal.options == ideas


@pytest.mark.parametrize(
    ("language", "lines", "said"),
    [("en", ("/start", "yes", "Sam", "/wellbeing"), "The WHO one please"),
     ("da", ("/start", "ja", "Maja", "/wellbeing"), "den med WHO tak")],
)  # fmt: skip
def test_a_measure_chosen_in_words(
    engine: Engine, catalogue: Catalogue, language: str, lines: tuple[str, ...], said: str
) -> None:
    dialogue = person(engine, catalogue, language, *lines, said)
    assert dialogue.step == "item"


def test_a_lower_case_name_and_a_nickname_are_both_offered(
    engine: Engine, catalogue: Catalogue
) -> None:
    dialogue = person(engine, catalogue, "da", "/start", "ja ish")
    dialogue.say("emil men alle kalder mig Mille lol")
    assert dialogue.step == "name_which"
    assert dialogue.last is not None
    assert [c.value for c in dialogue.last.replies[-1].choices] == ["Emil", "Mille"]


@pytest.mark.parametrize(
    ("language", "said", "first"),
    [("en", "idk. maybe ask my keyworker about a course, or look online",
      "maybe ask my keyworker about a course"),
     ("da", "idk. måske spørge vejlederen om praktik, eller søge job i en computerbutik, eller "
            "tage et kursus", "måske spørge vejlederen om praktik")],
)  # fmt: skip
def test_ideas_after_i_dont_know_are_kept_without_it(
    engine: Engine, catalogue: Catalogue, language: str, said: str, first: str
) -> None:
    lines = {"en": THROUGH_REALITY, "da": (*REALITY["da"], "ja")}[language]
    dialogue = person(engine, catalogue, language, *lines, said)
    assert dialogue.goal.options[0] == first
