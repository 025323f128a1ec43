"""First start: what growcoach is and is not, consent, and the name the person wants.

The welcome (an automated program, not a person; what is kept) is said on /start only;
anything else before consent gets a short word and the consent question again.

Nothing is stored before the person agrees: until then there is no `Person`, and the
engine saves nothing. Agreeing creates the profile; "not now" ends with nothing kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dialogue_flows import answers
from dialogue_flows.flow import Ending, Flow, Question, Work, answer_is
from dialogue_flows.types import Choice, Msg, Param
from storage.records import Person

CONSENT_CHOICES = (
    Choice("yes", Msg("choice.agree")),
    Choice("no", Msg("choice.not_now")),
)


class OnboardingWork(Work):
    agreed = answer_is("yes")


def save_consent(work: Work, answer: Any) -> None:
    if answer == "yes" and work.person is None:
        work.person = Person(
            id=work.person_id,
            language=work.language,
            consented_at=work.now,
            created_at=work.now,
        )


def save_name(work: Work, answer: Any) -> None:
    if work.person is not None:
        work.person = work.person.model_copy(update={"name": answer})


def params(work: Work) -> Mapping[str, Param]:
    return {"name": work.person.name or "" if work.person else ""}


FLOW = Flow(
    name="onboarding",
    work=OnboardingWork,
    questions=(
        Question(
            "consent",
            "onboarding.consent",
            choices=CONSENT_CHOICES,
            read=answers.yes_or_no,
            save=save_consent,
            on_move={"yes": "yes", "no": "no", "not_now": "no", "stop": "no"},
        ),
        Question("name", "onboarding.name", read=answers.name, save=save_name),
    ),
    endings=(
        Ending("declined", "onboarding.declined"),
        Ending("welcomed", "onboarding.welcomed", then="grow"),
    ),
    transitions=[
        {"trigger": "answer", "source": "consent", "dest": "name", "conditions": "agreed"},
        {"trigger": "answer", "source": "consent", "dest": "declined"},
        {"trigger": "answer", "source": "name", "dest": "welcomed"},
    ],
    params=params,
)
