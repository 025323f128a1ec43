"""What independent people playing the console still found wrong, each in English and Danish.

Several ideas in one message are several ideas; "that's 2 things" parts what was kept as
one; "det skrev jeg jo" is a move, never an obstacle; a hedged goal is said back without
its hedges; "busy" is read for what the question asks; weekday short forms are days only
where a day is meant; a bare hour is asked about once; a new idea at the step is said back;
an area put right is read again; "skip it" is the skip button; quotes end where a clause
ends; and a person answering in plain sentences finishes GROW in at most 16 turns.
"""

from __future__ import annotations

import pytest
from conftest import WELCOMED, person

from dialogue_flows.answers import InvalidAnswerError, key_phrase, without_fillers
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine
from dialogue_flows.records import LifeArea
from dialogue_flows.weekly import read_weekly

TO_OPTIONS = {
    "en": (*WELCOMED, "get a job", "yes", "need the money", "been out of work 2 yrs",
           "my mum", "nerves", "yes"),
    "da": ("/start", "ja", "Mo", "komme i arbejde", "ja", "for pengenes skyld", "ledig i 2 år",
           "min mor", "nerver", "ja"),
}  # fmt: skip
"""A person who has just been asked for ideas (the Reality summary confirmed)."""
TO_GOAL = {"en": WELCOMED, "da": ("/start", "ja", "Mo")}
TO_OBSTACLES = {language: lines[:-2] for language, lines in TO_OPTIONS.items()}
SCHEDULED = {
    "en": (*TO_OPTIONS["en"], "do my cv, or ask the jobcentre", "yes", "do my cv",
           "write the cv", "friday", "7", "i want it", "no", "monday 18:00", "london", "yes"),
    "da": (*TO_OPTIONS["da"], "skrive cv eller spørge jobcentret", "ja", "skrive cv",
           "skrive cv'et", "fredag", "7", "jeg vil det", "nej", "mandag kl 18", "aarhus", "ja"),
}  # fmt: skip
"""A plan for Friday, and a weekly check-in on Mondays at 18:00."""


# -- 1. several ideas in one message --------------------------------------------------


@pytest.mark.parametrize(
    ("language", "said", "ideas"),
    [
        ("en", "ring the fella. ask keyworker about bus money. or go down for an hour",
         ("ring the fella", "ask keyworker about bus money", "go down for an hour")),
        ("en", "ring mum, ask the bank or go to the CAB",
         ("ring mum", "ask the bank", "go to the CAB")),
        ("da", "gå en tur, ringe til min søster eller tage til et møde",
         ("gå en tur", "ringe til min søster", "tage til et møde")),
        ("da", "ringe til Lone. spørge om busbilletten. eller gå derned en time",
         ("ringe til Lone", "spørge om busbilletten", "gå derned en time")),
        ("en", "I could ask my sister. Or I could ring the council.",
         ("I could ask my sister", "I could ring the council")),
        ("da", "Jeg kunne spørge min søster. Eller jeg kunne ringe til kommunen.",
         ("Jeg kunne spørge min søster", "jeg kunne ringe til kommunen")),
    ],
)  # fmt: skip
def test_ideas_parted_by_full_stops_commas_and_or_are_several(
    engine: Engine, catalogue: Catalogue, language: str, said: str, ideas: tuple[str, ...]
) -> None:
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language])
    [reply] = dialogue.say(said)
    assert dialogue.goal.options == ideas
    for number, idea in enumerate(ideas, 1):
        assert f"{number}. {idea}" in reply


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "ring my sister, she's good with forms"),
        ("da", "ringe til min søster. Hun kan det"),
        ("en", "Go to the gym. Every day if I can."),
        ("da", "Gå i fitness. Hver dag hvis jeg kan."),
    ],
)
def test_a_clause_about_the_idea_before_it_stays_with_it(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language])
    dialogue.say(said)
    assert len(dialogue.goal.options) == 1


# -- 2. talk about the conversation is a move, never content -------------------------


@pytest.mark.parametrize(
    ("language", "ideas", "meta", "parted"),
    [
        ("en", "ring the fella and ask keyworker about bus money", "nah thats 2 things",
         ("ring the fella", "ask keyworker about bus money")),
        ("en", "ring the fella, ask about bus money", "thats 2 ideas not 1",
         ("ring the fella", "ask about bus money")),
        ("da", "gå en tur og ringe til min søster og tage til møde og skrive dagbog",
         "nej det var 4 forskellige ting",
         ("gå en tur", "ringe til min søster", "tage til møde", "skrive dagbog")),
    ],
)  # fmt: skip
def test_thats_two_things_parts_the_idea_kept_as_one(
    engine: Engine,
    catalogue: Catalogue,
    language: str,
    ideas: str,
    meta: str,
    parted: tuple[str, ...],
) -> None:
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], ideas)
    assert len(dialogue.goal.options) == 1
    [reply] = dialogue.say(meta)
    assert dialogue.goal.options == parted
    assert dialogue.step == "options_summary"
    assert f"2. {parted[1]}" in reply
    assert meta not in dialogue.goal.options


@pytest.mark.parametrize("language", ["en", "da"])
def test_thats_two_things_with_nothing_to_part_asks_for_lines(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], "cv")
    dialogue.say("thats 2 things" if language == "en" else "det er to ting")
    assert dialogue.keys[0] == "invalid.cannot_split"
    assert dialogue.goal.options == ("cv",)


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "i just said"), ("en", "i just said above"), ("da", "det skrev jeg jo"),
     ("da", "jeg skrev det jo")],
)  # fmt: skip
def test_i_already_said_at_reality_is_never_kept_and_recalls_their_words(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_OBSTACLES[language])
    assert dialogue.step == "obstacles"
    [reply] = dialogue.say(said)
    assert dialogue.step == "obstacles" and dialogue.goal.obstacles is None
    assert dialogue.keys[0] == "move.said_so_far"
    assert dialogue.goal.reality_now is not None and dialogue.goal.reality_now in reply


@pytest.mark.parametrize(
    ("language", "said", "kept"),
    [("en", "like i just said, nerves", "nerves"), ("da", "som jeg skrev, nerverne", "nerverne")],
)
def test_i_already_said_then_the_answer_keeps_the_answer(
    engine: Engine, catalogue: Catalogue, language: str, said: str, kept: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_OBSTACLES[language])
    dialogue.say(said)
    assert dialogue.goal.obstacles == kept


# -- 3. a hedged goal -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "said", "goal", "yes"),
    [
        ("en", "i guess maybe try to get back to work or something idk",
         "try to get back to work", "yes"),
        ("da", "øh måske komme i arbejde igen eller noget tror jeg", "komme i arbejde igen",
         "ja"),
    ],
)  # fmt: skip
def test_a_hedged_goal_is_said_back_without_its_hedges(
    engine: Engine, catalogue: Catalogue, language: str, said: str, goal: str, yes: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_GOAL[language])
    [reply] = dialogue.say(said)
    assert dialogue.step == "goal_check"
    assert f"“{goal}”" in reply and reply.count("?") == 1
    assert (dialogue.goal.text, dialogue.goal.first_words) == (goal, without_fillers(said))
    dialogue.say(yes)
    assert dialogue.step == "area_suggested"
    assert dialogue.goal.area == LifeArea.OTHER  # not asked for yet


@pytest.mark.parametrize(
    ("language", "said", "fix", "goal"),
    [
        ("en", "i guess maybe try to get back to work or something idk",
         "no, get a proper job", "get a proper job"),
        ("da", "øh måske komme i arbejde igen eller noget tror jeg", "nej, få et fast job",
         "få et fast job"),
    ],
)  # fmt: skip
def test_a_hedged_goal_said_back_can_be_put_right(
    engine: Engine, catalogue: Catalogue, language: str, said: str, fix: str, goal: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], said, fix)
    assert dialogue.goal.text == goal
    assert dialogue.step == "area_suggested"


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "get a job maybe"), ("en", "stop drinking on weekdays"), ("da", "komme i arbejde")],
)
def test_a_plain_goal_is_not_said_back(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], said)
    assert dialogue.step != "goal_check"
    assert dialogue.goal.text == said and dialogue.goal.first_words is None


# -- 4. busy --------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "said"), [("en", "busy"), ("da", "har travlt")])
def test_busy_is_what_gets_in_the_way(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_OBSTACLES[language], said)
    assert dialogue.goal.obstacles == said
    assert dialogue.step == "reality_summary"


@pytest.mark.parametrize(("language", "said"), [("en", "im busy rn"), ("da", "har travlt")])
def test_busy_where_it_answers_nothing_is_a_pause(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], "get a job", "yes")
    assert dialogue.step == "why"
    dialogue.say(said)
    assert dialogue.keys == ["cancel.done"]
    assert dialogue.goal.why is None


@pytest.mark.parametrize(("language", "said"), [("en", "im busy rn"), ("da", "har travlt")])
def test_busy_when_asked_how_the_step_went_is_later(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *SCHEDULED[language], "/checkin")
    assert dialogue.step == "how"
    dialogue.say(said)
    assert dialogue.keys == ["checkin.later"]
    assert dialogue.goal.checkins == ()


@pytest.mark.parametrize(("language", "said"), [("en", "busy"), ("da", "travlt")])
def test_busy_is_what_got_in_the_way_of_a_step(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    did_some = "I did some of it" if language == "en" else "jeg gjorde noget af det"
    dialogue = person(engine, catalogue, language, *SCHEDULED[language], "/checkin", did_some)
    dialogue.say("my sister helped" if language == "en" else "min søster hjalp")
    assert dialogue.step == "in_the_way"
    dialogue.say(said)
    assert dialogue.goal.checkins[-1].in_the_way == said


@pytest.mark.parametrize(
    ("language", "said"), [("en", "busy mornings"), ("da", "har travlt om morgenen")]
)
def test_busy_mornings_at_the_check_in_time_is_not_a_refusal(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_GOAL[language])
    dialogue.command("reminders")
    assert dialogue.step == "day"
    dialogue.say(said)
    assert dialogue.keys == ["invalid.busy_then", "reminders.day"]
    assert dialogue.person is not None and not dialogue.person.conversation.paused
    dialogue.say("friday 6pm" if language == "en" else "fredag kl 18")
    assert dialogue.step == "timezone"


# -- 5. weekday short forms -------------------------------------------------------------


@pytest.mark.parametrize(
    "said",
    ["the man at the job centre", "sun's out", "i sat down and wrote it", "min søn",
     "kan man ringe om aftenen", "jeg har fri i morgen"],
)  # fmt: skip
def test_a_short_form_in_a_sentence_is_no_day(said: str) -> None:
    try:
        found = read_weekly(said)
    except InvalidAnswerError:
        return
    assert found.weekday is None, said


@pytest.mark.parametrize(
    ("said", "weekday"),
    [("sat", 5), ("on sat", 5), ("sun morning", 6), ("mon 6pm", 0), ("man kl 18", 0),
     ("på søn", 6), ("søn", 6), ("fre eller lør", 4)],
)  # fmt: skip
def test_a_short_form_where_a_day_is_meant_is_the_day(said: str, weekday: int) -> None:
    assert read_weekly(said).weekday == weekday


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "the man at the job centre"), ("da", "min søn kommer")],
)
def test_a_sentence_at_the_day_question_is_not_a_day(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_GOAL[language])
    dialogue.command("reminders")
    dialogue.say(said)
    assert dialogue.step == "day" and dialogue.keys[0] in ("invalid.day", "invalid.weekly")


# -- 6. a bare hour is asked about once ------------------------------------------------


@pytest.mark.parametrize(
    ("language", "day", "hour", "half", "expected"),
    [
        ("en", "monday", "7", "evening", 19),
        ("en", "monday", "make it 7", "in the morning", 7),
        ("da", "mandag", "kl 7", "om aftenen", 19),
        ("da", "mandag", "7", "morgen", 7),
    ],
)
def test_a_bare_hour_is_asked_morning_or_evening(
    engine: Engine,
    catalogue: Catalogue,
    language: str,
    day: str,
    hour: str,
    half: str,
    expected: int,
) -> None:
    dialogue = person(engine, catalogue, language, *TO_GOAL[language])
    dialogue.command("reminders")
    dialogue.say(day)
    assert dialogue.step == "hour"
    dialogue.say(hour)
    assert dialogue.step == "half"
    dialogue.say(half)
    dialogue.say("London")
    assert dialogue.schedule is not None and dialogue.schedule.hour == expected


@pytest.mark.parametrize(
    ("language", "said", "expected"),
    [("en", "7 tonight", 19), ("en", "7 in the morning", 7), ("da", "kl 7 om aftenen", 19),
     ("da", "kl 7 om morgenen", 7)],
)  # fmt: skip
def test_an_hour_with_its_part_of_the_day_is_not_asked(
    engine: Engine, catalogue: Catalogue, language: str, said: str, expected: int
) -> None:
    dialogue = person(engine, catalogue, language, *TO_GOAL[language])
    dialogue.command("reminders")
    dialogue.say("monday" if language == "en" else "mandag")
    dialogue.say(said)
    assert dialogue.step == "timezone"
    dialogue.say("London")
    assert dialogue.schedule is not None and dialogue.schedule.hour == expected


@pytest.mark.parametrize(
    ("language", "first", "again", "half"),
    [("en", "monday 9am", "make it 7", "evening"), ("da", "mandag kl 9", "nej kl 7", "aften")],
)
def test_a_bare_hour_put_right_is_asked_about_too(
    engine: Engine, catalogue: Catalogue, language: str, first: str, again: str, half: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_GOAL[language])
    dialogue.command("reminders")
    dialogue.run(first)
    if dialogue.step == "half":
        dialogue.say("morning" if language == "en" else "morgen")
    dialogue.say("London")
    assert dialogue.step == "time_right" and dialogue.schedule is not None
    dialogue.say(again)
    assert dialogue.step == "half" and dialogue.schedule.hour == 9
    dialogue.say(half)
    assert dialogue.step == "time_right" and dialogue.schedule.hour == 19


# -- 7. a new idea at the step ---------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "said", "step", "yes"),
    [
        ("en", "actually i'll go to the library and look at ads",
         "i'll go to the library and look at ads", "yes"),
        ("da", "nej vent, jeg går hellere på biblioteket", "jeg går hellere på biblioteket",
         "ja"),
    ],
)  # fmt: skip
def test_a_new_idea_at_the_step_is_said_back_and_added(
    engine: Engine, catalogue: Catalogue, language: str, said: str, step: str, yes: str
) -> None:
    ideas = "ring the fella, or ask keyworker" if language == "en" else "ringe eller skrive"
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], ideas, yes, "1")
    assert dialogue.step == "step"
    [reply] = dialogue.say(said)
    assert dialogue.step == "step_check"
    assert f"“{step}”" in reply and reply.count("?") == 1
    assert step in dialogue.goal.options and dialogue.goal.chosen_option == step
    dialogue.say(yes)
    assert dialogue.step == "when"
    assert dialogue.goal.current_step is not None and dialogue.goal.current_step.text == step


@pytest.mark.parametrize(("language", "no"), [("en", "not quite"), ("da", "ikke helt")])
def test_a_new_idea_not_meant_as_the_step_asks_for_the_step_again(
    engine: Engine, catalogue: Catalogue, language: str, no: str
) -> None:
    ideas = "ring the fella, or ask keyworker" if language == "en" else "ringe eller skrive"
    said = "actually the library" if language == "en" else "nej vent, biblioteket"
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], ideas)
    dialogue.run("yes" if language == "en" else "ja", "1", said, no)
    assert dialogue.step == "step"
    assert dialogue.goal.steps == ()
    assert dialogue.goal.chosen_option == dialogue.goal.options[0]


@pytest.mark.parametrize(("language", "said"), [("en", "scrap that"), ("da", "nej vent")])
def test_a_change_of_mind_with_nothing_new_is_never_the_step(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    ideas = "ring the fella, or ask keyworker" if language == "en" else "ringe eller skrive"
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], ideas)
    dialogue.run("yes" if language == "en" else "ja", "1", said)
    assert dialogue.step == "step" and dialogue.goal.steps == ()
    assert dialogue.keys == ["invalid.step_instead", "grow.step"]


# -- 8. an area put right --------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "goal", "said", "area"),
    [
        ("da", "have det bedre med min søn", "nej ikke helt, jeg mente mere det med arbejdet",
         LifeArea.PURPOSE),
        ("en", "see my kids more", "bit of both ngl. allotment first i think", LifeArea.PURPOSE),
    ],
)  # fmt: skip
def test_an_area_put_right_is_read_again(
    engine: Engine,
    catalogue: Catalogue,
    language: str,
    goal: str,
    said: str,
    area: LifeArea,
) -> None:
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], goal)
    assert dialogue.step == "area_suggested"
    [reply] = dialogue.say(said)
    assert (dialogue.goal.area, dialogue.goal.area_own_words) == (area, None)
    assert dialogue.keys[0] == "grow.area_heard" and reply.count("?") == 1


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "hmm bit of both ngl, not sure really"), ("da", "nej ikke helt, lidt af hvert")],
)
def test_an_area_put_right_in_words_naming_none_shows_the_areas(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    goal = "get a job" if language == "en" else "komme i arbejde"
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], goal, said)
    assert dialogue.step == "area"
    assert dialogue.goal.area_own_words is None
    dialogue.say(said)
    assert dialogue.step == "area" and dialogue.keys[0] == "invalid.area"


# -- 9. skip at the offer of attainment levels -----------------------------------------


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "skip it"), ("en", "skip for now"), ("en", "skip pls"), ("da", "spring den over"),
     ("da", "skip")],
)  # fmt: skip
def test_skip_said_at_the_offer_is_its_skip_button(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    plan = {
        "en": ("do my cv, or ask the jobcentre", "yes", "do my cv", "write the cv", "sat", "7",
               "i want it"),
        "da": ("skrive cv eller spørge jobcentret", "ja", "skrive cv", "skrive cv'et", "lørdag",
               "7", "jeg vil det"),
    }  # fmt: skip
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], *plan[language])
    assert dialogue.step == "offer"
    dialogue.say(said)
    assert dialogue.keys[0] == "gas.skipped"
    assert dialogue.step == "day"


# -- 10. quotes end where a clause ends --------------------------------------------------


@pytest.mark.parametrize(
    ("said", "quoted"),
    [
        ("I'm scared of walking into the pottery group and everyone knowing who I am",
         "I'm scared of walking into the pottery group…"),
        ("jeg er bange for at gå derind og at alle ved hvem jeg er og hvad jeg har gjort før",
         "jeg er bange for at gå derind…"),
        ("I have been thinking about going back to the pottery group for ages",
         "I have been thinking about going back to the pottery group for ages"),
        ("jeg har tænkt på at tage på værkstedet igen, så jeg kan lave noget med hænderne",
         "jeg har tænkt på at tage på værkstedet igen…"),
    ],
)  # fmt: skip
def test_a_quote_ends_at_a_clause_never_in_the_middle_of_one(said: str, quoted: str) -> None:
    assert key_phrase(said, 40) == quoted


# -- 11. Danish a Danish coach would say -------------------------------------------------

TRANSLATED = ("Intet er gået tabt", "der er ingen hast", "Den frygt giver", "den er hørt",
              "går hen over hovedet", "glad for, at du gør")  # fmt: skip
"""Phrases read as translated from English by Danish readers."""


def test_the_danish_catalogue_has_none_of_the_translated_phrases(catalogue: Catalogue) -> None:
    texts = " ".join(text for text in catalogue.texts("da").values() if isinstance(text, str))
    assert [phrase for phrase in TRANSLATED if phrase in texts] == []


# -- Done when: plain sentences finish GROW in at most 16 turns --------------------------

PLAIN = {
    "en": ("I want to get back into work.", "Yes, that's about purpose.",
           "It would give me back some pride.", "I've been out of work for two years.",
           "My sister believes in me.", "My nerves get in the way.", "Yes, that's right.",
           "I could update my CV, or ask the job centre for help.", "Yes, that's all of them.",
           "I'll update my CV.", "I'll open my old CV and read it through.",
           "On Saturday morning.", "I'd say about 6.", "I've done harder things."),
    "da": ("Jeg vil gerne i arbejde igen.", "Ja, det handler om mening.",
           "Det ville give mig noget stolthed tilbage.", "Jeg har været ledig i to år.",
           "Min søster tror på mig.", "Mine nerver står i vejen.", "Ja, det passer.",
           "Jeg kunne skrive mit cv eller spørge jobcentret om hjælp.",
           "Ja, det er dem alle sammen.", "Jeg skriver mit cv.",
           "Jeg åbner mit gamle cv og læser det igennem.", "Lørdag formiddag.",
           "Jeg vil sige cirka 6.", "Jeg har klaret sværere ting."),
}  # fmt: skip
MOST_GROW_TURNS = 16


@pytest.mark.parametrize("language", ["en", "da"])
def test_plain_sentences_finish_grow_in_at_most_sixteen_turns(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_GOAL[language])
    assert dialogue.step == "goal"
    turns = 0
    for line in PLAIN[language]:
        dialogue.say(line)
        turns += 1
        if dialogue.goal_done:
            break
    assert dialogue.goal_done, dialogue.step
    assert turns <= MOST_GROW_TURNS
    goal = dialogue.goal
    assert goal.area == LifeArea.PURPOSE and goal.options[0].lower().startswith(
        ("i could update", "jeg kunne skrive")
    )
    assert goal.current_step is not None and goal.current_step.confidence == 6
