"""The person's data rights: a copy for their worker (/export), and erasure (/delete).

Only the person decides what leaves growcoach. /export asks for a format and the
adapter sends the file. /delete explains what will go, offers a copy first, and only
on an explicit yes erases everything and withdraws consent.
"""

from __future__ import annotations

from dialogue_flows.answers import OneOf
from dialogue_flows.flow import Ending, Flow, Question, Work, answer_is
from dialogue_flows.types import Choice, Msg

EXPORT_FORMATS = OneOf(("pdf", "csv", "json", "fhir"))
FORMAT_CHOICES = tuple(Choice(fmt, Msg(f"choice.format_{fmt}")) for fmt in EXPORT_FORMATS.values)
DELETE_ANSWERS = OneOf(("export", "delete", "keep"))
DELETE_CHOICES = tuple(Choice(a, Msg(f"choice.delete_{a}")) for a in DELETE_ANSWERS.values)


class PrivacyWork(Work):
    wants_copy = answer_is("export")
    wants_erasure = answer_is("delete")


def request_export(work: Work) -> None:
    work.export_format = str(work.answer)


def erase(work: Work) -> None:
    work.erase = True


EXPORT = Flow(
    name="export",
    work=PrivacyWork,
    questions=(
        Question("format", "export.format", choices=FORMAT_CHOICES, read=EXPORT_FORMATS.pick),
    ),
    endings=(Ending("exported", "export.ready", finish=request_export),),
    transitions=[{"trigger": "answer", "source": "format", "dest": "exported"}],
)

DELETE = Flow(
    name="delete",
    work=PrivacyWork,
    questions=(
        Question("confirm", "delete.confirm", choices=DELETE_CHOICES, read=DELETE_ANSWERS.pick),
    ),
    endings=(
        Ending("copy_first", "delete.copy_first", then="export"),
        Ending("erased", "delete.done", finish=erase),
        Ending("kept", "delete.kept"),
    ),
    transitions=[
        {"trigger": "answer", "source": "confirm", "dest": "copy_first",
         "conditions": "wants_copy"},
        {"trigger": "answer", "source": "confirm", "dest": "erased",
         "conditions": "wants_erasure"},
        {"trigger": "answer", "source": "confirm", "dest": "kept"},
    ],
)  # fmt: skip
