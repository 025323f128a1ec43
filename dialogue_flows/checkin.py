"""The check-in: how the step went, what helped or got in the way, progress, what next.

A setback is met with curiosity, never blame: each way the step can have gone has a
question of its own. Progress towards the goal is rated 0 to 10. The next step can be
kept, replaced, made smaller, or a new goal begun; a new step below 7 in confidence
is made smaller, as in the GROW conversation. It ends by recognising what the person
did. "Not now" after a reminder asks again later that day.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from dialogue_flows import answers, gas, grow
from dialogue_flows.answers import InvalidAnswerError, OneOf, comparable
from dialogue_flows.flow import Ending, Flow, Question, Work, answer_is
from dialogue_flows.types import Choice, Msg, Param
from storage.records import CheckIn, Goal

SNOOZE = timedelta(hours=3)
"""After "not now" to a reminder, it comes again this much later (the same day)."""

OUTCOMES = ("done", "partly", "not_yet", "changed")
HOW_CHOICES = (
    Choice("done", Msg("choice.did_it")),
    Choice("partly", Msg("choice.partly")),
    Choice("not_yet", Msg("choice.not_yet")),
    Choice("changed", Msg("choice.changed_mind")),
    Choice("later", Msg("choice.later")),
)
NEXT_MOVES = OneOf(("keep", "new", "smaller", "goal"))
NEXT_CHOICES = tuple(Choice(move, Msg(f"choice.next_{move}")) for move in NEXT_MOVES.values)

_OUTCOME_WORDS = {
    "done": {"yes", "did", "done", "ja", "gjorde", "klaret", "finished", "completed"},
    "partly": {"partly", "some", "bit", "half", "delvist", "lidt", "noget", "halvt"},
    "not_yet": {"no", "not", "didnt", "nope", "nej", "ikke", "endnu"},
    "changed": {"changed", "change", "mind", "ombestemt", "ændret", "andet"},
    "later": {"later", "busy", "senere", "nownot"},
}


HOW_CHOICES_VALUES = {choice.value for choice in HOW_CHOICES}


def read_outcome(text: str) -> str:
    """How it went, from a button or from words ("I did some of it", "nej, ikke endnu")."""
    if text in HOW_CHOICES_VALUES:
        return text
    words = {comparable(word) for word in text.split()}
    for outcome in ("later", "changed", "partly", "not_yet", "done"):
        if words & _OUTCOME_WORDS[outcome]:
            return outcome
    raise InvalidAnswerError("invalid.outcome")


def checkable(goals: Mapping[int, Goal]) -> list[Goal]:
    """Goals with a step to check in on, newest first."""
    found = [g for g in goals.values() if g.status == "active" and g.current_step is not None]
    return sorted(found, key=lambda goal: goal.number, reverse=True)


class CheckinWork(grow.GrowWork):
    """GROW's conditions (confidence, keeping a step), and the check-in's own."""

    went_done = answer_is("done")
    went_partly = answer_is("partly")
    went_not_yet = answer_is("not_yet")
    went_changed = answer_is("changed")
    keeps = answer_is("keep")
    new_step = answer_is("new")
    smaller_step = answer_is("smaller")

    def update_checkin(self, **changes: Any) -> None:
        goal = self.goal
        if goal is None or not goal.checkins:
            raise RuntimeError("no check-in is open")
        latest = goal.checkins[-1].model_copy(update=changes)
        self.update_goal(checkins=(*goal.checkins[:-1], latest))

    def reminded(self) -> bool:
        return bool(self.draft.get("reminded"))


def _checkin(work: Work) -> CheckinWork:
    if not isinstance(work, CheckinWork):
        raise TypeError("check-in savers need CheckinWork")
    return work


def goal_choices(work: Work) -> tuple[Choice, ...]:
    return tuple(
        Choice(f"g{goal.number}", Msg("choice.own_words", {"text": grow.shorten(goal.text, 60)}))
        for goal in checkable(work.goals)
    )


def save_which(work: Work, answer: Any) -> None:
    numbers = {f"g{goal.number}": goal.number for goal in checkable(work.goals)}
    if answer not in numbers:
        raise InvalidAnswerError("invalid.pick")
    work.draft["goal"] = numbers[answer]


def save_outcome(work: Work, answer: Any) -> None:
    goal = work.goal
    if answer == "later" or goal is None or goal.current_step is None:
        return
    checkin = CheckIn(
        number=len(goal.checkins) + 1,
        step_number=goal.current_step.number,
        at=work.now,
        outcome=answer,
        reminded=bool(work.draft.get("reminded")),
    )
    work.update_goal(checkins=(*goal.checkins, checkin))


def keep_in_checkin(field: str) -> Any:
    def save(work: Work, answer: Any) -> None:
        _checkin(work).update_checkin(**{field: answer})

    return save


def finish(work: Work) -> None:
    goal = work.goal
    if goal is not None and goal.current_step and goal.current_step.status == "planning":
        work.update_step(status="planned")


def snooze(work: Work) -> None:
    if work.schedule is not None and not work.schedule.paused:
        work.schedule = work.schedule.model_copy(update={"next_due": work.now + SNOOZE})


def params(work: Work) -> Mapping[str, Param]:
    found = dict(grow.params(work))
    goal = work.goal
    checkin = goal.checkins[-1] if goal and goal.checkins else None
    if checkin is not None:
        found["recognition"] = Msg(f"checkin.recognition.{checkin.outcome}")
        found["progress"] = "" if checkin.progress is None else checkin.progress
    return found


def entry(work: Work) -> str:
    candidates = checkable(work.goals)
    if len(candidates) == 1:
        work.draft["goal"] = candidates[0].number
        return "how"
    return "which"


def reflect(outcome: str) -> Question:
    """What helped or got in the way: one wording for each way a step can go."""
    return Question(f"reflect_{outcome}", f"checkin.reflect_{outcome}",
                    save=keep_in_checkin("reflection"))  # fmt: skip


FLOW = Flow(
    name="checkin",
    work=CheckinWork,
    questions=(
        Question("which", "checkin.which", choices=goal_choices, read=str, save=save_which),
        Question("how", "checkin.how", choices=HOW_CHOICES, read=read_outcome,
                 save=save_outcome),
        *(reflect(outcome) for outcome in OUTCOMES),
        Question("progress", "checkin.progress", choices=grow.SCALE_CHOICES, read=answers.scale,
                 save=keep_in_checkin("progress")),
        Question("next", "checkin.next", choices=NEXT_CHOICES, read=NEXT_MOVES.pick,
                 save=keep_in_checkin("next_move")),
        Question("next_step", "checkin.next_step", save=grow.save_step),
        Question("smaller_next", "checkin.smaller_next", save=grow.save_step),
        Question("next_when", "grow.when", save=grow.keep("when", in_step=True)),
        *grow.FIRM_UP_QUESTIONS,
    ),
    endings=(
        Ending("checked_in", "checkin.done", finish=finish, then=gas.offer_rating),
        Ending("snoozed", "checkin.snoozed", finish=snooze),
        Ending("later", "checkin.later"),
        Ending("new_goal", "checkin.new_goal", then="grow"),
    ),
    transitions=[
        {"trigger": "answer", "source": "which", "dest": "how"},
        {"trigger": "answer", "source": "how", "dest": "reflect_done", "conditions": "went_done"},
        {"trigger": "answer", "source": "how", "dest": "reflect_partly",
         "conditions": "went_partly"},
        {"trigger": "answer", "source": "how", "dest": "reflect_not_yet",
         "conditions": "went_not_yet"},
        {"trigger": "answer", "source": "how", "dest": "reflect_changed",
         "conditions": "went_changed"},
        {"trigger": "answer", "source": "how", "dest": "snoozed", "conditions": "reminded"},
        {"trigger": "answer", "source": "how", "dest": "later"},
        *({"trigger": "answer", "source": f"reflect_{o}", "dest": "progress"} for o in OUTCOMES),
        {"trigger": "answer", "source": "progress", "dest": "next"},
        {"trigger": "answer", "source": "next", "dest": "checked_in", "conditions": "keeps"},
        {"trigger": "answer", "source": "next", "dest": "next_step", "conditions": "new_step"},
        {"trigger": "answer", "source": "next", "dest": "smaller_next",
         "conditions": "smaller_step"},
        {"trigger": "answer", "source": "next", "dest": "new_goal"},
        {"trigger": "answer", "source": "next_step", "dest": "next_when"},
        {"trigger": "answer", "source": "smaller_next", "dest": "next_when"},
        {"trigger": "answer", "source": "next_when", "dest": "confidence"},
        *grow.firm_up_step(then="checked_in"),
    ],
    params=params,
    entry=entry,
    entries=("how",),
)  # fmt: skip
