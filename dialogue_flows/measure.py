"""Answering a measure (WHO-5, QPR-15): one item per message, by buttons, resumable.

Offered with /wellbeing, or at the person's rhythm (monthly unless they choose, never
more often than weekly) by the reminder loop. The answers so far wait in the
conversation's draft, so /cancel and /start pick up at the same item. A WHO-5 score of
28 or less ends with the distress reply and "Are you safe right now?" (the engine hands
over to the crisis conversation).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from dialogue_flows.answers import InvalidAnswerError, OneOf, own_answer_words
from dialogue_flows.flow import Ending, Flow, Question, Work, answer_is
from dialogue_flows.measures import Measure, measures, offered
from dialogue_flows.outcome_records import MeasurePlan, MeasureResponse, Outcomes
from dialogue_flows.outcomes import yes_or_no_choice
from dialogue_flows.types import Choice, Msg, Param

RHYTHMS = (7, 14, 30, 90)
"""Days between offers the person can choose: weekly at most."""
RHYTHM_CHOICES = tuple(Choice(str(days), Msg(f"choice.every_{days}")) for days in RHYTHMS)
NOW_LATER = (Choice("yes", Msg("choice.yes_now")), Choice("no", Msg("choice.not_now")))


class MeasureWork(Work):
    wants_now = answer_is("yes")
    wants_rhythm = answer_is("rhythm")

    def measure(self) -> Measure | None:
        return measures().get(str(self.draft.get("measure")))

    def complete(self) -> bool:
        measure = self.measure()
        return measure is not None and len(self.draft.get("answers", [])) >= measure.size

    def low(self) -> bool:
        measure = self.measure()
        return self.complete() and measure is not None and measure.is_low(self.score())

    def score(self) -> int:
        measure = self.measure()
        return 0 if measure is None else measure.score(self.draft.get("answers", []))


def _measure(work: Work) -> MeasureWork:
    if not isinstance(work, MeasureWork):
        raise TypeError("measure savers need MeasureWork")
    return work


def choose_choices(work: Work) -> tuple[Choice, ...]:
    return (
        *(Choice(m.id, Msg("choice.own_words", {"text": m.title[work.language]}))
          for m in offered(work.language)),
        Choice("rhythm", Msg("choice.how_often")),
    )  # fmt: skip


def read_choice(text: str) -> str:
    if text == "rhythm" or text in measures():
        return text
    raise InvalidAnswerError("invalid.pick")


def save_choice(work: Work, answer: Any) -> None:
    if answer in measures():
        work.draft.update(measure=answer, answers=[])


def item_choices(work: Work) -> tuple[Choice, ...]:
    measure = _measure(work).measure()
    if measure is None:
        return ()
    return tuple(
        Choice(str(option.score), Msg("choice.own_words", {"text": option.label(work.language)}))
        for option in measure.options
    )


def item_words(work: Work) -> dict[str, tuple[str, ...]]:
    """Each published answer in both languages and in everyday words ("aldrig")."""
    measure = _measure(work).measure()
    if measure is None:
        return {}
    return {
        str(option.score): (*(option.label(lang) for lang in measure.languages),
                            *own_answer_words(option.label("en")))
        for option in measure.options
    }  # fmt: skip


def read_score(text: str) -> int:
    """Only the published answers count: by button (or its label typed, matched first;
    or said in words, `item_words`)."""
    if text.isdigit() and int(text) <= 5:
        return int(text)
    raise InvalidAnswerError("invalid.measure_item")


def save_item(work: Work, answer: Any) -> None:
    measure = _measure(work).measure()
    allowed = {option.score for option in measure.options} if measure else set()
    if answer not in allowed:
        raise InvalidAnswerError("invalid.measure_item")
    work.draft["answers"] = [*work.draft.get("answers", []), answer]


def save_rhythm(work: Work, answer: Any) -> None:
    plan = work.outcomes.plan or MeasurePlan()
    days = int(answer)
    plan = plan.model_copy(update={"every_days": days, "next_due": _due(work, days)})
    work.outcomes = work.outcomes.model_copy(update={"plan": plan})


def _due(work: Work, days: int) -> datetime:
    return (work.now + timedelta(days=days)).replace(microsecond=0)


def keep_response(work: Work) -> None:
    """The completed answers become a response; the next offer moves on by their rhythm."""
    measure = _measure(work).measure()
    if measure is None:
        return
    responses = work.outcomes.responses
    answers = tuple(work.draft.get("answers", []))
    response = MeasureResponse(
        number=len(responses) + 1,
        measure=measure.id,
        language=work.language,
        at=work.now,
        answers=answers,
        score=measure.score(answers),
    )
    plan = work.outcomes.plan or MeasurePlan()
    plan = plan.model_copy(update={"next_due": _due(work, plan.every_days)})
    work.outcomes = work.outcomes.model_copy(
        update={"responses": (*responses, response), "plan": plan}
    )


def postponed(outcomes: Outcomes, now: datetime) -> Outcomes:
    """ "Not now" (or busy in another conversation): offered again in a week."""
    plan = outcomes.plan or MeasurePlan()
    next_due = (now + timedelta(days=min(7, plan.every_days))).replace(microsecond=0)
    return outcomes.model_copy(update={"plan": plan.model_copy(update={"next_due": next_due})})


def postpone(work: Work) -> None:
    work.outcomes = postponed(work.outcomes, work.now)


def params(work: Work) -> Mapping[str, Param]:
    found: dict[str, Param] = dict.fromkeys(
        ("title", "count", "maximum", "source", "number", "item", "score"), ""
    )
    found["name"] = work.person.name or "" if work.person else ""
    measure = _measure(work).measure()
    if measure is None:
        return found
    answered = len(work.draft.get("answers", []))
    found |= {
        "title": measure.title[work.language],
        "count": measure.size,
        "maximum": measure.maximum,
        "source": measure.source[work.language],
    }
    if answered < measure.size:
        period = measure.period[work.language]
        item = measure.item(answered, work.language)
        found["number"] = answered + 1
        found["item"] = f"{period}:\n{item}" if period else item
    else:
        found["score"] = _measure(work).score()
    return found


def entry(work: Work) -> str:
    """Offered by the loop ("due"), or asked for: which measure, or how often."""
    return "due" if work.draft.get("entry") == "due" else "choose"


class DueWork(MeasureWork):
    def usual(self) -> str | None:
        """The measure offered when it is due: the one they answered last, or the only one."""
        ids = [measure.id for measure in offered(self.language)]
        last = [r.measure for r in self.outcomes.responses if r.measure in ids]
        return last[-1] if last else ids[0] if len(ids) == 1 else None

    def knows_which(self) -> bool:
        return self.usual() is not None

    def start_usual(self) -> None:
        self.draft.update(measure=self.usual(), answers=[])


FLOW = Flow(
    name="measure",
    work=DueWork,
    questions=(
        Question("choose", "measure.choose", choices=choose_choices, read=read_choice,
                 save=save_choice, in_words=True),
        Question("due", "measure.due", choices=NOW_LATER, read=yes_or_no_choice),
        Question("item", "measure.item", choices=item_choices, read=read_score, save=save_item,
                 said_as=item_words),
        Question("rhythm", "measure.rhythm", choices=RHYTHM_CHOICES,
                 read=OneOf(tuple(str(days) for days in RHYTHMS)).pick, save=save_rhythm),
    ),
    endings=(
        Ending("scored", "measure.scored", finish=keep_response),
        Ending("low", "measure.low", finish=keep_response, then="crisis"),
        Ending("later", "measure.later", finish=postpone),
        Ending("rhythm_set", "measure.rhythm_set"),
    ),
    transitions=[
        {"trigger": "answer", "source": "choose", "dest": "rhythm", "conditions": "wants_rhythm"},
        {"trigger": "answer", "source": "choose", "dest": "item"},
        {"trigger": "answer", "source": "due", "dest": "item",
         "conditions": ["wants_now", "knows_which"], "after": "start_usual"},
        {"trigger": "answer", "source": "due", "dest": "choose", "conditions": "wants_now"},
        {"trigger": "answer", "source": "due", "dest": "later"},
        {"trigger": "answer", "source": "item", "dest": "item", "unless": "complete"},
        {"trigger": "answer", "source": "item", "dest": "low", "conditions": "low"},
        {"trigger": "answer", "source": "item", "dest": "scored"},
        {"trigger": "answer", "source": "rhythm", "dest": "rhythm_set"},
    ],
    params=params,
    entry=entry,
    entries=("due",),
)  # fmt: skip
