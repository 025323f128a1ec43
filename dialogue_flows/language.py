"""/language: English or Danish, kept with the person and used for every word after."""

from __future__ import annotations

from dialogue_flows.answers import OneOf
from dialogue_flows.flow import Ending, Flow, Question, Work
from dialogue_flows.types import Choice, Msg

LANGUAGES = OneOf(("en", "da"))
CHOICES = tuple(Choice(code, Msg(f"choice.language_{code}")) for code in LANGUAGES.values)


def choose(work: Work) -> None:
    if work.person is not None:
        work.person = work.person.model_copy(update={"language": work.answer})


FLOW = Flow(
    name="language",
    work=Work,
    questions=(Question("language", "language.choose", choices=CHOICES, read=LANGUAGES.pick),),
    endings=(Ending("chosen", "language.chosen", finish=choose),),
    transitions=[{"trigger": "answer", "source": "language", "dest": "chosen"}],
)
