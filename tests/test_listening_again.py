"""What testers playing people in recovery still found wrong, each said as people write.

Lowercase, typos and slang, in English and Danish: where they are now is never asked
twice, corrections replace what they correct, Danish moves are moves, a corrected
time is the time, feelings are heard, and no message asks two things at once.
"""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from conftest import SCHEDULE_ANSWERS, WELCOMED, WHOLE_PLAN, Dialogue, person

from dialogue_flows.answers import without_fillers
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine
from dialogue_flows.moves import read_move

PLAN_EN = (
    *WELCOMED, "get a job", "yes", "need the money", "been out of work 2 yrs", "my mum",
    "nerves", "yes", "do my cv, or ask the jobcentre", "yes", "do my cv", "write the cv",
    "sat", "7", "i want it",
)  # fmt: skip
"""A whole plan in few words, ending at the offer of attainment levels."""
PLAN_DA = (
    "/start", "ja", "mo", "komme i arbejde", "ja", "for pengenes skyld", "ledig i 2 år",
    "min mor", "nerver", "ja", "skrive cv eller spørge jobcentret", "ja", "skrive cv",
    "skrive cv'et", "lørdag", "7", "jeg vil det",
)  # fmt: skip


# -- 1. where they are now is said once ---------------------------------------------


@pytest.mark.parametrize(
    ("language", "plan", "yes", "offered"),
    [
        ("en", PLAN_EN, "yeh", "Earlier you told me: “been out of work 2 yrs”"),
        ("en", PLAN_EN, "keep it", "Earlier you told me: “been out of work 2 yrs”"),
        ("da", PLAN_DA, "ja tak", "Tidligere skrev du: “ledig i 2 år”"),
        ("da", PLAN_DA, "behold det", "Tidligere skrev du: “ledig i 2 år”"),
    ],
)
def test_where_they_are_now_is_offered_back_not_asked_again(
    engine: Engine,
    catalogue: Catalogue,
    language: str,
    plan: tuple[str, ...],
    yes: str,
    offered: str,
) -> None:
    dialogue = person(engine, catalogue, language)
    dialogue.run(*plan)
    assert dialogue.step == "offer"
    [said_now] = dialogue.say("yes" if language == "en" else "ja")
    assert offered in said_now
    assert "where are you now" not in said_now and "hvor er du med det" not in said_now
    dialogue.say(yes)
    assert dialogue.step == "level_0"
    [scale] = dialogue.outcomes.scales
    assert scale.words() == {-1: dialogue.goal.reality_now}


@pytest.mark.parametrize(("language", "plan"), [("en", PLAN_EN), ("da", PLAN_DA)])
def test_where_they_are_now_by_button_or_its_label(
    engine: Engine, catalogue: Catalogue, language: str, plan: tuple[str, ...]
) -> None:
    for answer in ("press", "Yes, use that" if language == "en" else "ja brug det"):
        dialogue = person(engine, catalogue, language)
        dialogue.run(*plan, "yes" if language == "en" else "ja")
        dialogue.press("yes") if answer == "press" else dialogue.say(answer)
        assert dialogue.step == "level_0", answer
        assert dialogue.outcomes.scales[0].words() == {-1: dialogue.goal.reality_now}


@pytest.mark.parametrize(("language", "plan"), [("en", PLAN_EN), ("da", PLAN_DA)])
def test_where_they_are_now_can_be_put_differently(
    engine: Engine, catalogue: Catalogue, language: str, plan: tuple[str, ...]
) -> None:
    dialogue = person(engine, catalogue, language)
    dialogue.run(*plan, "yes" if language == "en" else "ja")
    dialogue.say("nah" if language == "en" else "nej")
    assert dialogue.step == "level_m1"  # asked in their own words after all
    dialogue.say("applied for 3 jobs, no answer" if language == "en" else "søgt 3 job")
    [scale] = dialogue.outcomes.scales
    assert scale.words()[-1] in ("applied for 3 jobs, no answer", "søgt 3 job")
    dialogue = person(engine, catalogue, language)
    dialogue.run(*plan, "yes" if language == "en" else "ja", "still no job, 2 yrs now")
    assert dialogue.step == "level_0"
    assert dialogue.outcomes.scales[0].words()[-1] == "still no job, 2 yrs now"


# -- 3. "not quite" lets them say it again, and it replaces ---------------------------

AT_SUMMARY = {"en": PLAN_EN[:9], "da": PLAN_DA[:9]}
AT_OPTIONS = {"en": PLAN_EN[:11], "da": PLAN_DA[:11]}


@pytest.mark.parametrize(
    ("language", "not_quite", "again", "part"),
    [
        ("en", "not quite", "nerves n money tbh", "obstacles"),
        ("en", "nah not rly", "out of work 3 yrs not 2", "reality_now"),
        ("da", "nej ikke helt", "ledig i 3 år, ikke 2", "reality_now"),
        ("da", "ikk helt", "nerver og penge", "obstacles"),
    ],
)
def test_not_quite_after_the_reality_summary_replaces_what_it_corrects(
    engine: Engine, catalogue: Catalogue, language: str, not_quite: str, again: str, part: str
) -> None:
    dialogue = person(engine, catalogue, language)
    dialogue.run(*AT_SUMMARY[language])
    assert dialogue.step == "reality_summary"
    dialogue.say(not_quite)
    assert dialogue.step == "reality_fix"
    [shown] = dialogue.say(again)
    assert dialogue.step == "reality_again"
    before = {"reality_now": ("2 yrs", "2 år"), "obstacles": ("“nerves”", "“nerver”")}[part]
    assert not any(old in shown for old in before), shown  # replaced, not beside it
    assert f"“{again}”" in shown
    assert getattr(dialogue.goal, part) == again
    assert dialogue.goal.reality_correction is None


@pytest.mark.parametrize(
    ("language", "not_quite", "edit", "left"),
    [
        ("en", "not quite", "drop the second one", ("do my cv",)),
        ("en", "not quite", "get rid of the jobcentre one", ("do my cv",)),
        ("en", "hmm not quite", "drop the last one, they never answer", ("do my cv",)),
        ("en", "nope", "change 1 to do my cv with mum",
         ("do my cv with mum", "ask the jobcentre")),
        ("en", "not quite", "ask the jobcentre, or ring the temp agency",
         ("ask the jobcentre", "ring the temp agency")),
        ("da", "nej ikke helt", "fjern nr 2", ("skrive cv",)),
        ("da", "ikke helt", "drop den sidste", ("skrive cv",)),
        ("da", "nej", "ændr 1 til skrive cv med min mor", ("skrive cv med min mor",
                                                           "spørge jobcentret")),
    ],
)  # fmt: skip
def test_not_quite_at_the_options_lets_them_drop_change_or_restate(
    engine: Engine,
    catalogue: Catalogue,
    language: str,
    not_quite: str,
    edit: str,
    left: tuple[str, ...],
) -> None:
    dialogue = person(engine, catalogue, language)
    dialogue.run(*AT_OPTIONS[language])
    assert dialogue.step == "options_summary" and len(dialogue.goal.options) == 2
    dialogue.say(not_quite)
    assert dialogue.step == "options_fix"
    [shown] = dialogue.say(edit)
    assert dialogue.goal.options == left
    assert dialogue.step == "options_summary", shown
    assert edit not in dialogue.goal.options


def test_dropping_an_idea_without_saying_which_asks_again(
    engine: Engine, catalogue: Catalogue
) -> None:
    dialogue = person(engine, catalogue, "en")
    dialogue.run(*AT_OPTIONS["en"], "not quite")
    [reply] = dialogue.say("drop the one about the moon")
    assert dialogue.step == "options_fix" and len(dialogue.goal.options) == 2
    assert reply.startswith("I couldn't tell which idea you meant.")


# -- 4. the Danish moves are moves, wherever they apply --------------------------------

THATS_ALL = {
    "en": ("thats all", "nah thats it", "nothing else"),
    "da": ("det var det", "det er alt", "ikke mere", "det er det hele"),
}
SKIPS = {
    "en": ("skip", "next", "pass", "move on"),
    "da": ("spring over", "videre", "næste", "spring den over"),
}
KEEPS = {
    "en": ("keep it", "leave it as it is"),
    "da": ("behold det", "lad det stå", "behold det bare", "lad den bare stå"),
}
DONT_KNOW = {
    "en": ("idk", "dunno", "no idea"),
    "da": ("ved ikke", "aner det ikke", "ingen idé", "ved ik"),
}
LEVELS = ("level_0", "level_p1", "level_p2", "level_m2")
"""The attainment levels after where they are now, in the order they are asked."""


def at_levels(engine: Engine, catalogue: Catalogue, language: str) -> Dialogue:
    """At the first hoped-for level (where they are now kept from Reality)."""
    dialogue = person(engine, catalogue, language)
    dialogue.run(*(PLAN_EN if language == "en" else PLAN_DA))
    dialogue.run(*(("yes", "yes") if language == "en" else ("ja", "ja")))
    assert dialogue.step == "level_0"
    return dialogue


def stored(dialogue: Dialogue) -> set[str]:
    """Every free text the records hold, levels and ideas included."""
    found = {words for scale in dialogue.outcomes.scales for words in scale.levels.values()}
    for goal in dialogue.goals.values():
        for record in (goal, *goal.steps, *goal.checkins):
            for value in record.model_dump().values():
                found |= {value} if isinstance(value, str) else set()
                if isinstance(value, tuple):
                    found |= {v for v in value if isinstance(v, str)}
    return found


@pytest.mark.parametrize("language", ["en", "da"])
@pytest.mark.parametrize("level", LEVELS)
def test_thats_all_at_a_level_ends_the_levels_and_is_never_a_line(
    engine: Engine, catalogue: Catalogue, language: str, level: str
) -> None:
    for said in THATS_ALL[language]:
        dialogue = at_levels(engine, catalogue, language)
        dialogue.run(*("about the same",) * LEVELS.index(level))
        assert dialogue.step == level
        dialogue.say(said)
        assert dialogue.step == "importance", said
        assert said not in stored(dialogue), said


@pytest.mark.parametrize("language", ["en", "da"])
@pytest.mark.parametrize("level", LEVELS)
def test_skip_at_a_level_leaves_that_line_and_goes_on(
    engine: Engine, catalogue: Catalogue, language: str, level: str
) -> None:
    after = {**dict(itertools.pairwise(LEVELS)), "level_m2": "importance"}
    for said in SKIPS[language]:
        dialogue = at_levels(engine, catalogue, language)
        dialogue.run(*("about the same",) * LEVELS.index(level))
        dialogue.say(said)
        assert dialogue.step == after[level], said
        assert said not in stored(dialogue), said
        assert level[len("level_") :] not in {str(k) for k in dialogue.outcomes.scales[0].levels}


@pytest.mark.parametrize("language", ["en", "da"])
@pytest.mark.parametrize("level", LEVELS)
def test_yes_at_a_level_is_never_a_line(
    engine: Engine, catalogue: Catalogue, language: str, level: str
) -> None:
    for said in ("yes", "ok", "ja", "jo tak", "keep it", "behold det"):
        dialogue = at_levels(engine, catalogue, language)
        dialogue.run(*("about the same",) * LEVELS.index(level))
        dialogue.say(said)
        assert dialogue.step == level and said not in stored(dialogue), said
        assert dialogue.keys[0] == "invalid.level_words", said


@pytest.mark.parametrize("language", ["en", "da"])
def test_thats_all_before_any_level_is_as_if_skipped(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    dialogue = person(engine, catalogue, language)
    dialogue.run(*(PLAN_EN if language == "en" else PLAN_DA), "yes" if language == "en" else "ja")
    dialogue.say("put it differently" if language == "en" else "nej")
    assert dialogue.step == "level_m1"
    dialogue.say(THATS_ALL[language][0])
    assert dialogue.step == "day" and dialogue.outcomes.scales == ()


@pytest.mark.parametrize("language", ["en", "da"])
def test_keep_it_at_the_step_question_keeps_the_idea_as_the_step(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    plan = PLAN_EN if language == "en" else PLAN_DA
    at_step = plan[: plan.index("write the cv" if language == "en" else "skrive cv'et")]
    for said in KEEPS[language]:
        dialogue = person(engine, catalogue, language)
        dialogue.run(*at_step)
        assert dialogue.step == "step"
        dialogue.say(said)
        assert dialogue.step == "when", said
        step = dialogue.goal.current_step
        assert step is not None and step.text == dialogue.goal.chosen_option, said


@pytest.mark.parametrize("language", ["en", "da"])
@pytest.mark.parametrize("step", ["why", "now", "works", "obstacles"])
def test_skip_and_dont_know_at_the_reality_questions(
    engine: Engine, catalogue: Catalogue, language: str, step: str
) -> None:
    plan = PLAN_EN if language == "en" else PLAN_DA
    before = plan[: plan.index("ja" if language == "da" else "yes", 3) + 1]
    order = ("why", "now", "works", "obstacles")
    answers = ("it matters", "not great", "my mum", "nerves")
    for said in SKIPS[language]:
        dialogue = person(engine, catalogue, language)
        dialogue.run(*before, *answers[: order.index(step)])
        assert dialogue.step == step
        dialogue.say(said)
        assert dialogue.step != step and said not in stored(dialogue), said
    for said in DONT_KNOW[language]:
        dialogue = person(engine, catalogue, language)
        dialogue.run(*before, *answers[: order.index(step)])
        dialogue.say(said)
        assert dialogue.keys[0] == f"grow.{step}.example", said
        assert said not in stored(dialogue), said


@pytest.mark.parametrize("language", ["en", "da"])
def test_thats_all_ends_the_ideas(engine: Engine, catalogue: Catalogue, language: str) -> None:
    for said in THATS_ALL[language]:
        dialogue = person(engine, catalogue, language)
        dialogue.run(*AT_OPTIONS[language])
        dialogue.say(said)
        assert dialogue.step == "choose", said
        dialogue = person(engine, catalogue, language)
        dialogue.run(*AT_OPTIONS[language], "not quite" if language == "en" else "ikke helt")
        dialogue.say(said)
        assert dialogue.step == "choose", said
        assert said not in stored(dialogue), said


# -- 5. a time put right after it is said back is the time -----------------------------


@pytest.mark.parametrize(
    ("language", "first", "zone", "again", "hour"),
    [
        ("en", "monday 7pm", "london", "actually 8pm", 20),
        ("en", "monday 7pm", "london", "no 8 at night", 20),
        ("da", "mandag kl 19", "aarhus", "nej kl 20", 20),
        ("da", "mandag kl 19", "aarhus", "hellere kl. 8 om aftenen", 20),
        ("en", "monday 7pm", "london", "actually make it 8 in the evening", 20),
        ("da", "mandag kl 19", "aarhus", "nej kl 8 i aften", 20),
    ],
)
def test_a_check_in_time_put_right_replaces_the_time(
    engine: Engine,
    catalogue: Catalogue,
    language: str,
    first: str,
    zone: str,
    again: str,
    hour: int,
) -> None:
    plan = PLAN_EN if language == "en" else PLAN_DA
    dialogue = person(engine, catalogue, language)
    dialogue.run(*plan, "no" if language == "en" else "nej", first, zone)
    assert dialogue.step == "time_right" and dialogue.schedule is not None
    assert dialogue.schedule.hour == 19
    [said_back] = dialogue.say(again)
    assert dialogue.schedule.hour == hour and dialogue.schedule.weekday == 0
    assert "20:00" in said_back
    dialogue.say("ja" if language == "da" else "yes")
    assert dialogue.person is not None and dialogue.person.conversation.flow is None
    assert dialogue.schedule.hour == hour


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_time_put_right_when_the_zone_is_already_known(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """The zone known from before: the time is said back at once, and can be put right."""
    dialogue = person(engine, catalogue, language)
    plan = PLAN_EN if language == "en" else PLAN_DA
    dialogue.run(
        *plan,
        "no" if language == "en" else "nej",
        *(
            ("monday 7pm", "london", "yes")
            if language == "en"
            else ("mandag kl 19", "aarhus", "ja")
        ),
    )
    dialogue.run("/reminders")
    dialogue.press("change")
    dialogue.say("tuesday 7pm" if language == "en" else "tirsdag kl 19")
    assert dialogue.step == "time_right"
    dialogue.say("actually 8pm" if language == "en" else "nej kl 20")
    assert dialogue.schedule is not None
    assert (dialogue.schedule.weekday, dialogue.schedule.hour) == (1, 20)


# -- 6. a feeling said inside an answer is heard, briefly, before the next question ----


@pytest.mark.parametrize(
    ("language", "at", "said", "heard"),
    [
        ("en", 8, "honestly im scared of messing it up", "feeling.scared"),
        ("en", 6, "been out of work 2 yrs and i feel like a fraud tbh", "feeling.ashamed"),
        ("en", 7, "my mum, tho im knackered most days", "feeling.tired"),
        ("da", 8, "ærligt talt er jeg bange for at dumme mig igen", "feeling.scared"),
        ("da", 6, "ledig i 2 år, jeg skammer mig", "feeling.ashamed"),
        ("da", 5, "jeg er træt af at være ensom", "feeling.lonely"),
    ],
)
def test_a_feeling_in_an_answer_is_acknowledged_before_the_next_question(
    engine: Engine, catalogue: Catalogue, language: str, at: int, said: str, heard: str
) -> None:
    dialogue = person(engine, catalogue, language)
    dialogue.run(*(PLAN_EN if language == "en" else PLAN_DA)[:at])
    step = dialogue.step
    assert len(dialogue.say(said)) == 1
    assert dialogue.step != step
    assert dialogue.keys[0] == heard and len(dialogue.keys) == 2  # one clause, then the question
    assert without_fillers(said) in stored(dialogue)  # kept whole, without opening fillers


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "im not scared of it anymore"), ("en", "i wanna stop feeling anxious"),
     ("da", "jeg er ikke bange længere"), ("da", "ringe til min mor")],
)  # fmt: skip
def test_no_feeling_is_heard_where_none_is_said(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language)
    dialogue.run(*(PLAN_EN if language == "en" else PLAN_DA)[:8])
    dialogue.say(said)
    assert not any(key.startswith("feeling.") for key in dialogue.keys)


def test_a_feeling_in_a_check_in_is_heard(engine: Engine, catalogue: Catalogue) -> None:
    dialogue = person(engine, catalogue, "da")
    dialogue.run(*PLAN_DA, "nej", "mandag kl 18", "aarhus", "ja")
    dialogue.now += timedelta(days=7)  # the step's day has been: "not yet" is a setback
    dialogue.run("/checkin", "ikke endnu")
    assert dialogue.step == "reflect_not_yet"
    dialogue.say("jeg skammer mig, jeg fik det ikke gjort")
    assert dialogue.keys[:1] == ["feeling.ashamed"] and dialogue.step == "progress"


def test_the_acknowledgements_are_one_short_clause(catalogue: Catalogue) -> None:
    for language in catalogue.languages:
        for key in catalogue.keys(language):
            if key.startswith("feeling."):
                text = catalogue.template(key, language)
                assert len(text) <= 50 and "?" not in text and text.count(".") == 1, key


# -- read in whole conversations --------------------------------------------------------


def test_quite_is_how_important_not_quit(engine: Engine, catalogue: Catalogue) -> None:
    """ "quite" was read as "quit" (a typo, and the same stem) and paused everything."""
    dialogue = at_levels(engine, catalogue, "en")
    dialogue.run("thats all")
    assert dialogue.step == "importance"
    dialogue.say("quite")
    assert dialogue.outcomes.scales[0].importance == 2
    assert dialogue.person is not None and not dialogue.person.conversation.paused


def test_texted_but_bottled_going_is_partly(engine: Engine, catalogue: Catalogue) -> None:
    dialogue = person(engine, catalogue, "en")
    dialogue.run(*PLAN_EN, "no", "monday 6pm", "london", "yes", "/checkin")
    dialogue.say("i texted her but i bottled going, i'm ashamed to be honest")
    assert dialogue.step == "reflect_partly"
    assert dialogue.keys[0] == "feeling.ashamed"


@pytest.mark.parametrize(
    ("language", "said"), [("en", "skip"), ("en", "next"), ("da", "videre"), ("da", "spring over")]
)
def test_skip_at_the_level_chosen_after_a_check_in(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = at_levels(engine, catalogue, language)
    dialogue.run(
        *(
            "thats all" if language == "en" else "det var det",
            "quite" if language == "en" else "ret vigtigt",
        )
    )
    dialogue.run(
        *(
            ("monday 6pm", "london", "yes", "/checkin", "done", "mum", "5", "keep it")
            if language == "en"
            else ("mandag kl 18", "aarhus", "ja", "/checkin", "ja", "min mor", "5", "behold det")
        )
    )
    assert dialogue.step == "rate"
    dialogue.say(said)
    assert dialogue.person is not None and dialogue.person.conversation.flow is None
    assert dialogue.outcomes.ratings == ()


@pytest.mark.parametrize("language", ["en", "da"])
def test_keep_it_when_offered_a_smaller_step(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    plan = PLAN_EN if language == "en" else PLAN_DA
    low = plan[: plan.index("7")]
    for said in KEEPS[language]:
        dialogue = person(engine, catalogue, language)
        dialogue.run(*low, "3", "i want it" if language == "en" else "jeg vil det")
        assert dialogue.step == "smaller"
        dialogue.say(said)
        assert dialogue.step == "offer", said  # the plan is made, the step as it was
        step = dialogue.goal.current_step
        assert step is not None and said not in (step.text, *step.earlier_texts), said


DANISH_SWEEP = {
    "det var det": "thats_all", "det er alt": "thats_all", "ikke mere": "thats_all",
    "det er det hele": "thats_all", "intet mere": "thats_all", "ikke noget": "thats_all",
    "behold det": "keep", "lad det stå": "keep", "lad den bare stå": "keep",
    "samme skridt": "keep", "den er fin": "keep",
    "ved ikke": "dont_know", "aner det ikke": "dont_know", "ingen idé": "dont_know",
    "har ikk nogen ide": "dont_know",
    "spring over": "skip", "videre": "skip", "næste": "skip", "jeg springer over": "skip",
    "sagde jeg jo": "already_said", "har jeg sagt": "already_said",
    "ja det gør det": "yes", "nej ikke helt": "no", "ikke lige nu": "not_now",
    "jeg gider ikke mere": "stop", "ku du ikke bare sige hvad jeg skal gøre": "advice",
    "tak skal du have": "thanks",
}  # fmt: skip
"""The common Danish ways of making each move, as the testers wrote them."""


@pytest.mark.parametrize(("said", "move"), DANISH_SWEEP.items())
def test_the_danish_sweep(said: str, move: str) -> None:
    found = read_move(said)
    assert found is not None and found.value == move


@pytest.mark.parametrize(
    ("language", "worse"),
    [
        ("en", "back on it n back inside"),
        ("en", "Back on the street"),
        ("da", "at jeg drikker igen og bliver fyret"),
    ],
)
def test_worse_than_now_pictured_is_the_line_not_a_crisis(
    engine: Engine, catalogue: Catalogue, language: str, worse: str
) -> None:
    """Testers: the question's own "what would worse look like?" was answered with the
    lapse reply and the question asked again, so the line was never kept."""
    dialogue = at_levels(engine, catalogue, language)
    dialogue.run("1", "2", "3")
    assert dialogue.step == "level_m2"
    dialogue.say(worse)
    assert not any(key.startswith("crisis.") for key in dialogue.keys), worse
    assert dialogue.outcomes.scales[0].words()[-2] == worse
    assert dialogue.step == "importance"


def test_a_crisis_at_worse_than_now_is_still_answered(
    engine: Engine, catalogue: Catalogue
) -> None:
    dialogue = at_levels(engine, catalogue, "en")
    dialogue.run("1", "2", "3")
    dialogue.say("honestly id rather kill myself than go back to that")
    assert dialogue.keys[0].startswith("crisis."), dialogue.keys
    assert -2 not in dialogue.outcomes.scales[0].words()


def test_a_buttons_first_words_choose_it(engine: Engine, catalogue: Catalogue) -> None:
    """Testers: "skip" at "Skip this one" and "keep it" at "Keep it as it is" were refused."""
    dialogue = Dialogue(engine, catalogue)
    dialogue.run(*WHOLE_PLAN)
    assert dialogue.step == "offer"
    dialogue.say("skip")
    assert dialogue.step == "day" and not dialogue.outcomes.scales
    dialogue.run(*SCHEDULE_ANSWERS[len(WHOLE_PLAN) + 1 :], "/reminders")  # after the "no"
    dialogue.say("keep it")
    assert dialogue.step is None and dialogue.keys[0] == "reminders.kept"
