"""What testers playing people in recovery still found wrong, each said as people write.

Lowercase, typos and slang, in English and Danish: where they are now is never asked
twice, corrections replace what they correct, Danish moves are moves, a corrected
time is the time, feelings are heard, and no message asks two things at once.
"""

from __future__ import annotations

import pytest
from conftest import WELCOMED, Dialogue

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine

PLAN_EN = (
    *WELCOMED, "get a job", "yes", "need the money", "been out of work 2 yrs", "my mum",
    "nerves", "yes", "do my cv, ask the jobcentre", "yes", "do my cv", "write the cv",
    "sat", "7", "i want it",
)  # fmt: skip
"""A whole plan in few words, ending at the offer of attainment levels."""
PLAN_DA = (
    "/start", "ja", "mo", "komme i arbejde", "ja", "for pengenes skyld", "ledig i 2 år",
    "min mor", "nerver", "ja", "skrive cv, spørge jobcentret", "ja", "skrive cv",
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
    engine: Engine, catalogue: Catalogue, language: str, plan: tuple[str, ...], yes: str,
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
