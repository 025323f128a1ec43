"""What persona testers met in session 17 (and the leftovers of session 16), each through
the engine."""

from __future__ import annotations

import pytest
from conftest import person
from test_listening_five import TO_GOAL, TO_OBSTACLES, TO_OPTIONS

from dialogue_flows.answers import step_outcome
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine
from dialogue_flows.weekly import read_weekly

SENT = {
    "en": ("gp sent me", "cut down on the ket"),
    "da": ("min sagsbehandler sagde jeg skulle prøve det her", "skære ned på hashen"),
}


@pytest.mark.parametrize("language", ["en", "da"])
def test_who_sent_them_is_not_their_goal(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Liam's "gp sent me" became his goal. Who sent someone is heard, the goal stays
    theirs to name, and the goal they then give is the one kept."""
    sent, goal = SENT[language]
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], sent)
    assert dialogue.step == "goal", dialogue.step
    assert catalogue.template("grow.goal.sent", language) in dialogue.last_replies[0]
    dialogue.say(goal)
    assert dialogue.goal.text == goal


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "my gp sent me to the ket clinic"), ("en", "my worker said i should try this"),
     ("da", "min sagsbehandler sagde jeg skulle prøve det her")],
)  # fmt: skip
def test_who_sent_them_is_content_where_they_tell_their_story(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """At "What's already helping?" a referral is part of the answer, kept as said."""
    dialogue = person(engine, catalogue, language, *TO_OBSTACLES[language][:-1])
    asked = dialogue.step
    dialogue.say(said)
    assert dialogue.step != asked, dialogue.last_replies
    assert said in dialogue.goal.model_dump_json(), dialogue.goal


@pytest.mark.parametrize(
    "said",
    ["did it mon n tues then fell off", "managed 3 dry days then had a bad night",
     "did it for a couple of days", "kept it up till wednesday",
     "gjorde det mandag og tirsdag, så gik det i stå", "holdt det til onsdag"],
)  # fmt: skip
def test_a_step_kept_up_for_a_while_then_dropped_is_partly_done(said: str) -> None:
    """Gemma's "did it mon n tues then fell off" was filed as done."""
    assert step_outcome(said) == "partly"


def test_a_scots_afternoon_is_the_afternoon() -> None:
    """ "sunday efternoon about 4" asked whether 4 was morning or evening."""
    said = read_weekly("sunday efternoon about 4")
    assert (said.weekday, said.hour, said.unclear) == (6, 16, False)


@pytest.mark.parametrize(
    ("language", "ideas", "skip"),
    [("en", "do my cv, or ask the jobcentre", "can we skip this"),
     ("da", "skrive cv eller spørge jobcentret", "kan vi springe over")],
)  # fmt: skip
def test_a_summary_skipped_stands_as_said(
    engine: Engine, catalogue: Catalogue, language: str, ideas: str, skip: str
) -> None:
    """Liam's "can we skip this" at "Have I got them all?" got "This one I can't skip";
    the list is his own words, so skipping its check lets it stand."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], ideas, skip)
    assert dialogue.step == "choose", dialogue.last_replies
    assert len(dialogue.goal.options) == 2


GOAL_PUT_RIGHT = {
    "da": ("jamen æ ved det sgu ik helt, æ har været på speed i 20 år og nu har æ været clean "
           "i 3 måneder, og æ vil gerne tilbage til et eller andet arbejde, måske ik fuld tid",
           "ikke helt. det lyder lidt mærkeligt med det og foran. skriv at æ vil tilbage til "
           "arbejde, måske deltid. men æ ved ik om det er realistisk",
           "æ vil tilbage til arbejde, måske deltid"),
    "en": ("i want to see my kids more and stop drinking so much",
           "not quite. sounds a bit much. just put see my kids more", "see my kids more"),
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "da"])
def test_the_goal_put_right_in_a_later_sentence_is_the_goal(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Jonas's "ikke helt. … skriv at æ vil tilbage til arbejde…" replaced his goal with
    the first sentence of his first message; his goal had been quoted back as "og æ
    vil…", its "og" and all."""
    first, put_right, goal = GOAL_PUT_RIGHT[language]
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], first)
    assert "“og" not in " ".join(dialogue.last_replies)
    dialogue.say(put_right)
    assert dialogue.goal.text == goal


RESTATED_PART = {
    "da": (("komme tilbage i arbejde", "ja", "for Sofies skyld",
            "det der med hvorfor, det er mere for Sofies skyld, min datter. Hun er 12.",
            "Sofie hjælper, når hun er her", "ryggen mest"),
           "ikke helt. det første er forkert, det med Sofie var om hvorfor. hvor æ står er: "
           "sygemeldt siden august, venter på en skanning",
           "sygemeldt siden august, venter på en skanning"),
    "en": (("get back to work", "yes", "for my daughter",
            "its more for my daughter really. she's 12.", "my daughter helps", "my back"),
           "not quite. the first bit is wrong, that was the why. where i am is: off sick "
           "since august, clean 3 months", "off sick since august, clean 3 months"),
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_summary_part_said_anew_by_its_name_takes_its_place(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Jonas put "where I am" right by naming it ("hvor æ står er: …"); the reply said
    it had changed it to his first, pointing sentence, and the summary still showed the
    old words."""
    before, put_right, now = RESTATED_PART[language]
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], *before, put_right)
    assert dialogue.goal.reality_now == now
    assert now[:20] in dialogue.last_replies[-1]
