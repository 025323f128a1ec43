"""What people played against the console still met (session 7), each failing before its fix,
in English and Danish where it applies.

A step said with its day or time is not asked "when?"; a bare number at the options
chooses the option it names, and is never a goal or an idea; "i morgen" is tomorrow, not
the morning; a word is read as a feeling only in the person's language ("jeg sad
derhjemme"); partly done is not done; the area offer has no area twice; and GROW asks
nothing the person has already answered.
"""

from __future__ import annotations

import pytest
from conftest import WHOLE_PLAN
from test_listening_six import GOALS, TO_GOAL, TO_OPTIONS, TO_STEP, TO_WHY, YES, person

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine
from dialogue_flows.weekly import read_weekly

# -- 1. a step said with its time is not asked for its time --------------------------------


@pytest.mark.parametrize(
    ("language", "step", "when"),
    [
        ("en", "ring the gp thursday at 10", "thursday at 10"),
        ("da", "ringer til jobcentret på torsdag… kl 10", "torsdag… kl 10"),
        ("en", "text her tomorrow", "tomorrow"),
        ("da", "skrive første linje i morgen tidlig", "i morgen tidlig"),
    ],
)
def test_a_step_said_with_its_time_is_not_asked_when(
    engine: Engine, catalogue: Catalogue, language: str, step: str, when: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_STEP[language])
    assert dialogue.step == "step"
    [reply] = dialogue.say(step)
    assert dialogue.step == "confidence"
    assert dialogue.goal.current_step is not None
    assert (dialogue.goal.current_step.text, dialogue.goal.current_step.when) == (step, when)
    assert f"“{when}”" in reply


@pytest.mark.parametrize(
    ("language", "step"),
    [("en", "write 2 lines"), ("en", "look at 3 flats"), ("da", "skrive 2 linjer")],
)
def test_a_step_with_a_number_that_is_no_time_is_asked_when(
    engine: Engine, catalogue: Catalogue, language: str, step: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_STEP[language])
    dialogue.say(step)
    assert dialogue.step == "when"


PLAN_REST = {
    "en": ("write it", "monday", "7", "i want it", "no", "no reminders"),
    "da": ("skrive det", "mandag", "7", "jeg vil det", "nej", "ingen påmindelser"),
}
"""From the step to the end of a plan: its day, a confidence of 7, no scaling, no reminders."""


@pytest.mark.parametrize(
    ("language", "lines", "when"),
    [
        ("en", ("/checkin", "done it", "my keyworker", "6", "new step, ring the college friday "
                "at 2pm"), "friday at 2pm"),
        ("da", ("/checkin", "gjort", "min søster", "6", "nyt skridt: ringe til jobcentret på "
                "fredag kl 14"), "fredag kl 14"),
    ],
)  # fmt: skip
def test_a_next_step_said_with_its_time_at_the_checkin_is_not_asked_when(
    engine: Engine, catalogue: Catalogue, language: str, lines: tuple[str, ...], when: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_STEP[language], *PLAN_REST[language])
    assert dialogue.goal_done
    dialogue.run(*lines)
    assert dialogue.step == "confidence"
    assert dialogue.goal.current_step is not None and dialogue.goal.current_step.when == when


# -- 2. a number chooses an option, and is never a goal or an idea ---------------------------

IDEAS = {"en": "ring her\nwrite a letter", "da": "ringe til hende\nskrive et brev"}
NOT_QUITE = {"en": "not quite", "da": "ikke helt"}


@pytest.mark.parametrize(
    ("language", "said", "chosen"),
    [("en", "number 2", 1), ("en", "the first one", 0), ("da", "nummer 2", 1),
     ("da", "den første", 0)],
)  # fmt: skip
def test_an_idea_named_by_its_place_at_the_ideas_summary_is_chosen(
    engine: Engine, catalogue: Catalogue, language: str, said: str, chosen: int
) -> None:
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], IDEAS[language])
    assert dialogue.step == "options_summary"
    options = dialogue.goal.options
    dialogue.say(said)
    assert dialogue.goal.options == options
    assert dialogue.goal.chosen_option == options[chosen]
    assert dialogue.step == "step"


@pytest.mark.parametrize(
    ("language", "said", "chosen"),
    [("en", "1", 0), ("en", "number 2", 1), ("da", "1", 0), ("da", "nummer 2", 1)],
)
def test_a_number_where_more_ideas_are_asked_for_chooses_that_idea(
    engine: Engine, catalogue: Catalogue, language: str, said: str, chosen: int
) -> None:
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], IDEAS[language],
                      NOT_QUITE[language])  # fmt: skip
    assert dialogue.step == "options_fix"
    options = dialogue.goal.options
    dialogue.say(said)
    assert dialogue.goal.options == options
    assert dialogue.goal.chosen_option == options[chosen]
    assert dialogue.step == "step"


@pytest.mark.parametrize("language", ["en", "da"])
@pytest.mark.parametrize("at", ["goal", "options"])
def test_a_bare_number_is_no_goal_and_no_idea_and_is_asked_kindly(
    engine: Engine, catalogue: Catalogue, language: str, at: str
) -> None:
    to = TO_GOAL if at == "goal" else TO_OPTIONS
    dialogue = person(engine, catalogue, language, *to[language])
    assert dialogue.step == at
    [reply] = dialogue.say("5")
    assert dialogue.step == at
    assert not dialogue.goals or dialogue.goal.options == ()
    assert "“5”" in reply and reply.count("?") == 1


# -- 6. the area offer has no choice twice ---------------------------------------------------


@pytest.mark.parametrize(("language", "area"), [("en", "purpose"), ("da", "community")])
def test_the_area_suggested_is_not_offered_twice(
    engine: Engine, catalogue: Catalogue, language: str, area: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], GOALS[language][0])
    dialogue.say(YES[language])
    assert dialogue.step == "area_suggested"
    assert dialogue.last is not None
    offered = [choice.value for choice in dialogue.last.replies[-1].choices]
    assert offered[0] == "yes" and area not in offered and len(offered) == 5


@pytest.mark.parametrize(
    ("language", "goal", "typed", "area"),
    [
        ("en", "find a flat of my own", "Home", "home"),
        ("da", "finde en bolig", "Bolig", "home"),
        ("en", "find a flat of my own", "1", "home"),
        ("en", "find a flat of my own", "3", "purpose"),
        ("da", "finde en bolig", "4", "community"),
    ],
)
def test_the_area_offer_is_answered_by_name_or_by_its_number(
    engine: Engine, catalogue: Catalogue, language: str, goal: str, typed: str, area: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], goal)
    assert dialogue.step == "area_suggested"
    dialogue.say(typed)
    assert dialogue.goal.area.value == area and dialogue.goal.area_own_words is None


# -- 3. "i morgen" is tomorrow, not the morning ---------------------------------------------


@pytest.mark.parametrize(
    ("language", "said", "hour"),
    [("da", "i morgen kl 18", 18), ("en", "tomorrow at 6pm", 18), ("da", "i morgen", None)],
)
def test_tomorrow_at_the_checkin_day_is_the_next_day(
    engine: Engine, catalogue: Catalogue, language: str, said: str, hour: int | None
) -> None:
    dialogue = person(engine, catalogue, language, *WHOLE_PLAN, "no")
    assert dialogue.step == "day"
    dialogue.say(said)
    assert dialogue.person is not None
    assert dialogue.person.conversation.draft["weekday"] == 1  # START is a Monday
    assert dialogue.person.conversation.draft.get("hour") == hour
    assert dialogue.step == ("hour" if hour is None else "timezone")


@pytest.mark.parametrize("said", ["i morgen", "imorgen"])
def test_tomorrow_at_the_checkin_hour_is_no_morning(
    engine: Engine, catalogue: Catalogue, said: str
) -> None:
    dialogue = person(engine, catalogue, "da", *WHOLE_PLAN, "no", "tirsdag")
    assert dialogue.step == "hour"
    dialogue.say(said)
    assert dialogue.step == "hour"
    assert dialogue.person is not None and "hour" not in dialogue.person.conversation.draft


def test_this_morning_is_today_and_the_morning() -> None:
    found = read_weekly("i morges")
    assert (found.days_on, found.hour) == (0, 9)


# -- 4. a word is read as a feeling in the person's language ---------------------------------


@pytest.mark.parametrize(
    ("language", "said", "heard"),
    [
        ("da", "jeg sad derhjemme hele weekenden", None),
        ("da", "jeg sad bare og stirrede", None),
        ("en", "i was sad all weekend", "feeling.sad"),
        ("da", "jeg er ked af det hele tiden", "feeling.sad"),
    ],
)
def test_a_feeling_is_heard_only_in_the_persons_language(
    engine: Engine, catalogue: Catalogue, language: str, said: str, heard: str | None
) -> None:
    dialogue = person(engine, catalogue, language, *TO_WHY[language], "for my kids")
    assert dialogue.step == "now"
    dialogue.say(said)
    feelings = [key for key in dialogue.keys if key.startswith("feeling.")]
    assert feelings == ([heard] if heard else [])
    assert dialogue.goal.reality_now == said


def test_sat_at_home_is_no_low_day_when_no_conversation_is_open(
    engine: Engine, catalogue: Catalogue
) -> None:
    dialogue = person(engine, catalogue, "da", "/start", "ja", "Mette", "/cancel")
    dialogue.say("jeg sad derhjemme i går")
    assert "idle.low" not in dialogue.keys
    dialogue.say("jeg er ked af det i dag")
    assert "idle.low" in dialogue.keys


# -- 5. partly done is not done --------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "said", "outcome"),
    [
        ("en", "rang them but not been yet", "partly"),
        ("en", "rang them, not gone yet", "partly"),
        ("da", "ringede men har ikke været der endnu", "partly"),
        ("da", "har ringet, men ikke været afsted endnu", "partly"),
        ("en", "done, not bad at all", "done"),
        ("da", "gjort, ikke så slemt", "done"),
    ],
)
def test_partly_done_at_the_checkin_is_partly(
    engine: Engine, catalogue: Catalogue, language: str, said: str, outcome: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_STEP[language], *PLAN_REST[language])
    dialogue.now = dialogue.now.replace(day=12)  # after the step's Monday
    dialogue.run("/checkin", said)
    assert dialogue.goal.checkins[-1].outcome == outcome
    assert dialogue.step == f"reflect_{outcome}"


# -- 7. nothing asked that the person has already answered -----------------------------------


@pytest.mark.parametrize(
    ("language", "goal", "why", "quoted"),
    [
        ("en", "I think I want to get back into pottery, because it was the one place I felt "
         "like myself, but I'm not sure I'm ready, maybe",
         "because it was the one place I felt like myself", "“I want to get back into pottery”"),
        ("da", "komme i arbejde så jeg kan forsørge min søn", "så jeg kan forsørge min søn",
         "“komme i arbejde så jeg kan forsørge min søn”"),
    ],
)  # fmt: skip
def test_why_said_with_the_goal_is_kept_said_back_and_not_asked(
    engine: Engine, catalogue: Catalogue, language: str, goal: str, why: str, quoted: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], goal)
    while dialogue.step in ("goal_check", "area_suggested"):
        [reply] = dialogue.say(YES[language])
    assert dialogue.step == "now"
    assert dialogue.goal.why == why
    assert f"“{why}”" in reply and quoted in reply
    assert dialogue.goal.area.value == "purpose"  # the reason's "søn" is no family goal


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_goal_said_without_why_is_asked_why(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], "find a flat", "yes")
    assert dialogue.step == "why" and dialogue.goal.why is None


@pytest.mark.parametrize(
    ("language", "said"), [("en", "yeah that's it"), ("da", "ja det er det"), ("en", "thats it")]
)
def test_yes_thats_it_confirms_what_was_said_back(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], GOALS[language][0])
    assert dialogue.step == "goal_check"
    dialogue.say(said)
    assert dialogue.step == "area_suggested"
    assert dialogue.goal.text == GOALS[language][1]


@pytest.mark.parametrize(
    ("language", "said", "kept"),
    [("en", "Claire I suppose, like I said. And I'm patient", "Claire I suppose. And I'm patient"),
     ("da", "min rådgiver, som jeg sagde, og min søster", "min rådgiver, og min søster")],
)  # fmt: skip
def test_i_already_said_inside_an_answer_is_not_kept_or_quoted(
    engine: Engine, catalogue: Catalogue, language: str, said: str, kept: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_WHY[language], "for my kids", "2 yrs")
    assert dialogue.step == "works"
    dialogue.say(said)
    assert dialogue.goal.reality_works == kept


@pytest.mark.parametrize(
    ("language", "said", "done", "chosen"),
    [
        ("en", "email the teacher, or go with Claire just to look, or do some clay at home. "
         "I think going with Claire just to look", "oh sorry, that's all",
         "go with Claire just to look"),
        ("da", "lægge telefonen i køkkenet, eller gå en tur om aftenen, eller læse i stedet. "
         "Telefonen i køkkenet tror jeg", "nej det var det", "lægge telefonen i køkkenet"),
    ],
)  # fmt: skip
def test_the_idea_picked_with_the_ideas_is_not_asked_for_again(
    engine: Engine, catalogue: Catalogue, language: str, said: str, done: str, chosen: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], said)
    assert len(dialogue.goal.options) == 3 and chosen in dialogue.goal.options
    dialogue.say(done)
    assert dialogue.step == "step" and dialogue.goal.chosen_option == chosen


def test_two_ideas_in_two_sentences_pick_neither(engine: Engine, catalogue: Catalogue) -> None:
    dialogue = person(
        engine, catalogue, "en", *TO_OPTIONS["en"], "ring the council. ring the bank."
    )
    dialogue.say("that's all")
    assert dialogue.step == "choose" and dialogue.goal.chosen_option is None


@pytest.mark.parametrize(
    ("language", "said", "step", "when"),
    [("en", "text her tomorrow instead", "text her tomorrow", "tomorrow"),
     ("da", "skrive en sms i morgen i stedet", "skrive en sms i morgen", "i morgen")],
)  # fmt: skip
def test_a_smaller_step_is_kept_without_instead_and_with_its_new_day(
    engine: Engine, catalogue: Catalogue, language: str, said: str, step: str, when: str
) -> None:
    reason = {"en": "she'd be pleased", "da": "hun ville blive glad"}[language]
    dialogue = person(engine, catalogue, language, *TO_STEP[language], "write it", "monday",
                      "4", reason)  # fmt: skip
    assert dialogue.step == "smaller"
    dialogue.say(said)
    assert dialogue.goal.current_step is not None
    assert (dialogue.goal.current_step.text, dialogue.goal.current_step.when) == (step, when)
    assert dialogue.goal.current_step.earlier_texts == ("write it",)
