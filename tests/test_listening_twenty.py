"""What persona testers met in session 18 (and the leftovers of session 17), each through
the engine."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import SCHEDULE_ANSWERS, person
from test_languages import DANISH_PLAN

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine
from dialogue_flows.moves import Move, asking, read_move

SCHEDULED = {
    "en": SCHEDULE_ANSWERS,
    "da": ("/start", *DANISH_PLAN, "nej tak", "mandag kl. 18", "København", "ja"),
}
KEPT_OUT = {
    "en": "i did it, went to NA. but i dont want jo or social knowin about sat. "
    "if social find out thats me lad gone. dont put it in anything",
    "da": "jeg gjorde det, var til NA. men mette må ikke vide noget om lørdag. skriv det ikke ned",
}


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_checkin_asked_not_to_be_written_down_keeps_none_of_it(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Darren's check-in, "…dont put it in anything", was kept word for word, ready for
    his worker's export. None of the message is kept; he is told so, and asked again."""
    dialogue = person(engine, catalogue, language, *SCHEDULED[language])
    dialogue.now += timedelta(days=7)
    dialogue.run("/checkin")
    dialogue.say(KEPT_OUT[language])
    assert dialogue.keys[0] == "move.kept_out"
    assert dialogue.goal.checkins == ()
    assert "NA" not in dialogue.goal.model_dump_json()
    dialogue.say("1")  # the first button: "I did it"
    assert dialogue.goal.checkins[-1].outcome == "done"


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "i see him once a month. his mum hates me. dont put it in anything"),
     ("en", "honestly i still use at weekends, off the record"),
     ("en", "keep this between us but i still have a smoke most nights"),
     ("da", "jeg ser ham en gang om måneden. skriv det ikke ned"),
     ("da", "det bliver mellem os, men jeg ryger stadig hver dag")],
)  # fmt: skip
def test_an_answer_asked_to_be_kept_out_is_not_kept(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    opening = {"en": ("yes", "Dan", "get my lad back for weekends", "family"),
               "da": ("ja", "Dan", "se min søn i weekenderne", "fællesskab")}  # fmt: skip
    dialogue = person(engine, catalogue, language, *opening[language])
    asked = dialogue.step
    dialogue.say(said)
    assert dialogue.keys[0] == "move.kept_out", dialogue.keys
    assert dialogue.step == asked
    assert dialogue.goal.why is None


@pytest.mark.parametrize("language", ["en", "da"])
def test_keep_it_out_said_after_an_answer_says_how_to_take_it_back(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    alone = {"en": "dont put that in anything", "da": "det skal ikke skrives ned"}[language]
    dialogue = person(engine, catalogue, language, *SCHEDULED[language][:4])
    [reply, *_] = dialogue.say(alone)
    assert dialogue.keys[0] == "move.keep_out"
    assert {"en": "“go back”", "da": "“gå tilbage”"}[language] in reply


@pytest.mark.parametrize(
    "said",
    ["i want to keep it", "keep it", "keep it like that", "keep it as it is",
     "i'd rather keep it simple", "dont tell me what to do", "i dont put it down to luck",
     "behold det", "jeg siger det ikke til nogen endnu, det er min plan"],
)  # fmt: skip
def test_keeping_a_step_or_telling_no_one_as_a_plan_is_no_keep_out(said: str) -> None:
    assert read_move(said) is not Move.KEEP_OUT
    assert asking(said, read_move(said)) is not Move.KEEP_OUT
