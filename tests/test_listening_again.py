"""What testers playing people in recovery still found wrong, each said as people write.

Lowercase, typos and slang, in English and Danish: where they are now is never asked
twice, corrections replace what they correct, Danish moves are moves, a corrected
time is the time, feelings are heard, and no message asks two things at once.
"""

from __future__ import annotations

import itertools

import pytest
from conftest import WELCOMED, Dialogue

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine

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


def person(engine: Engine, catalogue: Catalogue, language: str) -> Dialogue:
    return Dialogue(engine, catalogue, language=language)


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
