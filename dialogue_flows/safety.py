"""The safety plan (/safety), after WRAP and the Stanley–Brown plan: triggers, early
warning signs, what helps, people or services to contact, and making where they are
safer. The person writes it in their own words, can see and change it any time, and it
is shown with the helplines whenever they are in crisis.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dialogue_flows.answers import OneOf
from dialogue_flows.flow import Ending, Flow, Question, Work, answer_is
from dialogue_flows.records import SafetyPlan
from dialogue_flows.types import Choice, Msg, Param

PARTS = ("triggers", "warning_signs", "what_helps", "contacts", "safer")
START = OneOf(("make", "done"))
SIGNS = frozenset({"suicide", "self_harm", "lapse", "distress"})
"""What sets things off and the early signs are often these, said as signs: "I start
thinking about the blade" is kept in the plan (a tester's was answered as a crisis, and
left out of it; a sure one met the crisis reply again in the middle of making the plan).
An emergency, or a sign said to be happening now ("right now"), is answered as ever."""
SKIP = (Choice("skip", Msg("choice.skip")),)


class SafetyWork(Work):
    wants_plan = answer_is("make")


def start_choices(work: Work) -> tuple[Choice, ...]:
    has_plan = work.person is not None and work.person.safety_plan is not None
    return (
        Choice("make", Msg("choice.safety_change" if has_plan else "choice.safety_make")),
        Choice("done", Msg("choice.safety_done")),
    )


def keep_part(part: str) -> Any:
    """A saver for one part of the plan; "skip" keeps what was there."""

    def save(work: Work, answer: Any) -> None:
        if work.person is None or answer == "skip":
            return
        plan = work.person.safety_plan or SafetyPlan(updated_at=work.now)
        changed = plan.model_copy(update={part: answer, "updated_at": work.now})
        work.person = work.person.model_copy(update={"safety_plan": changed})

    return save


def plan_parts(plan: SafetyPlan) -> dict[str, Param]:
    """The plan's parts as the person wrote them ("-" for one they skipped)."""
    return {part: getattr(plan, part) or "-" for part in PARTS}


def entry(work: Work) -> str:
    """/safety opens at the start; from a crisis, at their plan or at making one."""
    return str(work.draft.get("entry", "start"))


def plan_text(plan: SafetyPlan | None) -> Param:
    """The plan, one part a line, or an invitation to make one."""
    return Msg("safety.plan", plan_parts(plan)) if plan else Msg("safety.no_plan")


def params(work: Work) -> Mapping[str, Param]:
    person = work.person
    return {
        "plan": plan_text(person.safety_plan if person else None),
        "helplines": work.helplines,
    }


FLOW = Flow(
    name="safety",
    work=SafetyWork,
    questions=(
        Question("start", "safety.start", choices=start_choices, read=START.pick),
        Question("look", "safety.look", choices=start_choices, read=START.pick),
        *(
            Question(
                part,
                f"safety.{part}",
                choices=SKIP,
                save=keep_part(part),
                lead="safety.together" if part == PARTS[0] else None,
                signs=SIGNS if part in ("triggers", "warning_signs", "safer") else frozenset(),
            )
            for part in PARTS
        ),
    ),
    endings=(
        Ending("saved", "safety.saved"),
        Ending("left", "safety.left"),
    ),
    transitions=[
        {"trigger": "answer", "source": "start", "dest": "triggers", "conditions": "wants_plan"},
        {"trigger": "answer", "source": "start", "dest": "left"},
        {"trigger": "answer", "source": "look", "dest": "triggers", "conditions": "wants_plan"},
        {"trigger": "answer", "source": "look", "dest": "left"},
        {"trigger": "answer", "source": "triggers", "dest": "warning_signs"},
        {"trigger": "answer", "source": "warning_signs", "dest": "what_helps"},
        {"trigger": "answer", "source": "what_helps", "dest": "contacts"},
        {"trigger": "answer", "source": "contacts", "dest": "safer"},
        {"trigger": "answer", "source": "safer", "dest": "saved"},
    ],
    params=params,
    entry=entry,
    entries=("look", "triggers"),
    lines=None,
)
