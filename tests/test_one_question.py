"""One question per message, everywhere: every flow's every prompt, and whole conversations.

"You can add another idea here too. Have I got that right?" asked two things at once.
Each question of each flow is opened here on a person with full records, in English
and Danish, and its reply is read as the person reads it: at most one question mark
(their own quoted words aside), and no second invitation ("you can add…") beside it.
The transcripts' whole conversations are read the same way.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from conftest import START, Dialogue

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import FLOWS, Engine
from dialogue_flows.outcome_records import Appointment, GasRating, GasScale, Outcomes
from dialogue_flows.records import CheckIn, Conversation, Goal, LifeArea, Person, Schedule, Step
from tests.transcripts import transcripts

SECOND_ASKS = {
    "en": ("you can add", "you can also add", "tell me", "let me know", "feel free to"),
    "da": ("du kan tilføje", "du kan også tilføje", "fortæl mig", "lad mig vide", "du må gerne"),
}
"""Invitations that ask for something besides the question they stand next to (a hint on
how to answer the same question, "Put it in your own words", is not one)."""
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
DRAFT = {"goal": 1, "weekday": 0, "hour": 18, "minute": 0, "rated": 1, "answers": [],
         "measure": "who5", "appointment": 1, "name_guess": "Sam", "emergency": "112",
         "said": "wrote it but didnt send it"}  # fmt: skip
"""What any flow may have noted on the way to a question."""


def asks(text: str, language: str) -> list[str]:
    """The questions a message asks, and the invitations it makes beside them.

    A sentence ending in "?" is a question; any other sentence holding an invitation
    ("You can add another idea here too.") asks too. The person's quoted words are set
    aside: their "what? why?" is not ours.
    """
    own = QUOTED.sub("“…”", text).casefold()
    sentences = [part.strip() for part in re.split(r"(?<=[.?!:])\s+|\n", own) if part.strip()]
    return [
        sentence
        for sentence in sentences
        if sentence.endswith("?") or any(ask in sentence for ask in SECOND_ASKS[language])
    ]


def everything(engine: Engine, catalogue: Catalogue, language: str, at: Conversation) -> Dialogue:
    """A person with a goal planned and checked in on, levels, a schedule, an appointment."""
    person_id = "console:walk"
    step = Step(
        number=1,
        text="ring the college",
        when="thursday",
        confidence=6,
        confidence_reason="i want it",
        status="planned",
        created_at=START,
    )
    checkin = CheckIn(
        number=1,
        step_number=1,
        at=START,
        outcome="partly",
        said="i got as far as dialling",
        progress=4,
    )
    goal = Goal(
        person_id=person_id,
        number=1,
        area=LifeArea.PURPOSE,
        text="get back to college",
        why="to prove i can",
        reality_now="dropped out",
        reality_works="my mum",
        obstacles="nerves",
        options=("ring them", "visit"),
        chosen_option="ring them",
        status="active",
        created_at=START,
        updated_at=START,
        steps=(step,),
        checkins=(checkin,),
    )
    outcomes = Outcomes(
        scales=(GasScale(goal_number=1, levels={"-1": "not rung", "0": "rung", "1": "visited"},
                         updated_at=START),),
        ratings=(GasRating(goal_number=1, number=1, at=START, level=0, checkin_number=1),),
        appointments=(Appointment(number=1, at=START + timedelta(days=3), words="friday 2pm",
                                  created_at=START),),
    )  # fmt: skip
    person = Person(id=person_id, name="Sam", language=language, consented_at=START,
                    created_at=START, timezone="Europe/London", conversation=at)  # fmt: skip
    schedule = Schedule(person_id=person_id, timezone="Europe/London", weekday=0, hour=18)
    return Dialogue(engine, catalogue, person_id=person_id, language=language, person=person,
                    goals={1: goal}, schedule=schedule, outcomes=outcomes)  # fmt: skip


QUESTIONS = [(flow.name, question.name) for flow in FLOWS.values() for question in flow.questions]


@pytest.mark.parametrize("language", ["en", "da"])
@pytest.mark.parametrize(("flow", "step"), QUESTIONS)
def test_every_prompt_asks_one_thing(
    engine: Engine, catalogue: Catalogue, language: str, flow: str, step: str
) -> None:
    at = Conversation(flow=flow, step=step, draft=dict(DRAFT), ask_id=1)
    person = everything(engine, catalogue, language, at)
    replies = person.command("start")
    assert person.step == step, replies
    for reply in replies:
        assert len(asks(reply, language)) <= 1, (flow, step, reply)


@pytest.mark.parametrize("name", sorted(transcripts()))
def test_every_reply_in_a_whole_conversation_asks_one_thing(name: str) -> None:
    language = name.split(".")[1]
    for block in re.split(r"\n\n(?=\*\*)", transcripts()[name]):
        if block.startswith("**growcoach:**"):
            reply = block.removeprefix("**growcoach:**").replace("  \n", "\n")
            assert len(asks(reply, language)) <= 1, (name, reply)


def test_two_asks_in_one_message_are_found() -> None:
    """The check itself: the message the testers found is caught."""
    said = "Your ideas:\n1. cv\n\nYou can add another idea here too. Have I got that right?"
    assert len(asks(said, "en")) == 2
    assert len(asks("Hvor er du nu? Og hvad hjælper?", "da")) == 2
    assert len(asks("You said: “what? why?”. Which is closest?", "en")) == 1
