"""The GROW conversation: Goal, Reality, Options, Way forward.

Each question keeps the person's answer in their goal as they give it, so leaving at
any point loses nothing. The coaching choices live in the transitions table: a vague
goal gets one gentle question to make it concrete; options are gathered until the
person says that's all; a confidence below 7 leads to a smaller step, never to blame.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from dialogue_flows import answers
from dialogue_flows.flow import Ending, Flow, Question, Saver, Work, answer_is
from dialogue_flows.types import Choice, Msg, Param
from storage.records import Goal, LifeArea, Step

CONFIDENT_ENOUGH = 7
MAX_OPTIONS = 10
REFLECT_CHARS = 120
"""How much of an answer is quoted back; the whole answer is always kept."""

AREA_CHOICES = tuple(Choice(area.value, Msg(f"area.{area.value}")) for area in LifeArea)
KEEP_STEP_CHOICES = (Choice("keep", Msg("choice.keep_step")),)
SCALE_CHOICES = tuple(Choice(str(n), Msg("choice.number", {"number": n})) for n in range(11))

_VAGUE_WORDS = {
    # English
    "better", "happier", "happy", "healthier", "more", "less", "ok", "okay", "fine",
    "normal", "good", "sort", "stuff", "things", "life", "change", "improve",
    # Danish
    "bedre", "glad", "gladere", "sundere", "mere", "mindre", "godt", "ting",
    "livet", "ændre", "forbedre",
}  # fmt: skip


_WISH = re.compile(
    r"^(i\s+(really\s+)?(want|wanna|need|would\s+like|'d\s+like|wish|hope)(\s+to)?"
    r"|jeg\s+(vil|ville|gerne|vil\s+gerne|ønsker|håber|skal)(\s+at)?)\s+"
)


def is_vague(goal: str) -> bool:
    """A goal of one or two words, or a short wish to be "better", can be made concrete.

    "I want to" and its kin are set aside first: they say it is a goal, not what it is.
    """
    words = re.findall(r"\w+", _WISH.sub("", goal.casefold().replace("\u2019", "'")))
    return len(words) < 3 or (len(words) <= 6 and any(word in _VAGUE_WORDS for word in words))


def shorten(text: str, limit: int = REFLECT_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class GrowWork(Work):
    """The conditions and callbacks the GROW transitions name."""

    def goal_is_vague(self) -> bool:
        return self.goal is not None and is_vague(self.goal.text)

    def finished_options(self) -> bool:
        goal = self.goal
        return self.answer == "done" or (goal is not None and len(goal.options) >= MAX_OPTIONS)

    def has_one_option(self) -> bool:
        return self.goal is not None and len(self.goal.options) == 1

    def choose_only_option(self) -> None:
        goal = self.goal
        if goal is not None:
            self.update_goal(chosen_option=goal.options[0])

    def confident(self) -> bool:
        return isinstance(self.answer, int) and self.answer >= CONFIDENT_ENOUGH

    keeps_step = answer_is("keep")


def save_area(work: Work, answer: Any) -> None:
    known = {area.value for area in LifeArea}
    work.draft["area"] = answer if answer in known else LifeArea.OTHER.value
    work.draft["area_own_words"] = None if answer in known else answer


def save_goal(work: Work, answer: Any) -> None:
    number = max(work.goals, default=0) + 1
    work.draft["goal"] = number
    work.put_goal(
        Goal(
            person_id=work.person_id,
            number=number,
            area=LifeArea(work.draft.get("area", LifeArea.OTHER.value)),
            area_own_words=work.draft.get("area_own_words"),
            text=answer,
            created_at=work.now,
            updated_at=work.now,
        )
    )


def save_concrete_goal(work: Work, answer: Any) -> None:
    goal = work.goal
    if goal is not None:
        work.update_goal(first_words=goal.text, text=answer)


def keep(field: str, in_step: bool = False) -> Saver:
    """A saver that stores the answer in one field of the goal, or of its current step."""

    def save(work: Work, answer: Any) -> None:
        update = work.update_step if in_step else work.update_goal
        update(**{field: answer})

    return save


def add_options(work: Work, answer: Any) -> None:
    goal = work.goal
    if goal is not None and answer != "done":
        ideas = answers.several(answer) if isinstance(answer, str) else ()
        work.update_goal(options=(*goal.options, *ideas)[:MAX_OPTIONS])


def option_choices(work: Work) -> tuple[Choice, ...]:
    options = work.goal.options if work.goal else ()
    return tuple(
        Choice(f"#{i}", Msg("choice.own_words", {"text": shorten(option, 60)}))
        for i, option in enumerate(options)
    )


def save_chosen_option(work: Work, answer: Any) -> None:
    goal = work.goal
    if goal is None:
        return
    index = answer[1:] if isinstance(answer, str) and answer.startswith("#") else ""
    if index.isdigit() and int(index) < len(goal.options):
        work.update_goal(chosen_option=goal.options[int(index)])
    else:
        work.update_goal(chosen_option=answer, options=(*goal.options, answer)[-MAX_OPTIONS:])


def save_step(work: Work, answer: Any) -> None:
    goal = work.goal
    if goal is not None:
        step = Step(number=len(goal.steps) + 1, text=answer, created_at=work.now)
        work.update_goal(steps=(*goal.steps, step))


def save_smaller_step(work: Work, answer: Any) -> None:
    goal = work.goal
    if answer == "keep" or goal is None or goal.current_step is None:
        return
    step = goal.current_step
    work.update_step(text=answer, earlier_texts=(*step.earlier_texts, step.text), confidence=None)


def confidence_question(name: str) -> Question:
    """How sure the person feels about the step, 0 to 10 (asked again after a smaller step)."""
    return Question(
        name,
        f"grow.{name}",
        choices=SCALE_CHOICES,
        read=answers.scale,
        save=keep("confidence", in_step=True),
    )


FIRM_UP_QUESTIONS = (
    confidence_question("confidence"),
    confidence_question("confidence_again"),
    Question("smaller", "grow.smaller", choices=KEEP_STEP_CHOICES, save=save_smaller_step),
)
"""How sure the person is of a step, and making it smaller until they are (or keep it)."""


def firm_up_step(then: str) -> list[dict[str, Any]]:
    """The moves between FIRM_UP_QUESTIONS: confident (7+) or kept goes on to `then`."""
    return [
        {"trigger": "answer", "source": "confidence", "dest": then, "conditions": "confident"},
        {"trigger": "answer", "source": "confidence", "dest": "smaller"},
        {"trigger": "answer", "source": "smaller", "dest": then, "conditions": "keeps_step"},
        {"trigger": "answer", "source": "smaller", "dest": "confidence_again"},
        {"trigger": "answer", "source": "confidence_again", "dest": then,
         "conditions": "confident"},
        {"trigger": "answer", "source": "confidence_again", "dest": "smaller"},
    ]  # fmt: skip


def finish_plan(work: Work) -> None:
    work.update_step(status="planned")
    work.update_goal(status="active")


def offer_reminders(work: Work) -> str | None:
    """After a first plan, the weekly check-in is chosen; later plans keep the one set."""
    return "reminders" if work.schedule is None else None


def offer_scaling(work: Work) -> str | None:
    """After a plan: its attainment levels are offered (then the weekly check-in)."""
    from dialogue_flows import gas  # gas builds on this module's questions

    return gas.offer_scaling(work)


def params(work: Work) -> Mapping[str, Param]:
    """The person's own words, ready to be reflected back in any prompt."""
    found: dict[str, Param] = {"name": work.person.name or "" if work.person else ""}
    goal = work.goal
    if goal is None:
        return found
    found["goal"] = shorten(goal.text)
    found["area"] = goal.area_own_words or Msg(f"area.{goal.area.value}")
    found["options"] = "\n".join(f"• {shorten(option, 80)}" for option in goal.options)
    found["option"] = shorten(goal.chosen_option or "")
    step = goal.current_step
    if step is not None:
        found["step"] = shorten(step.text)
        found["when"] = shorten(step.when or "")
        found["confidence"] = "" if step.confidence is None else step.confidence
    return found


FLOW = Flow(
    name="grow",
    work=GrowWork,
    questions=(
        Question("area", "grow.area", choices=AREA_CHOICES, save=save_area),
        Question("goal", "grow.goal", save=save_goal),
        Question("goal_concrete", "grow.goal_concrete", save=save_concrete_goal),
        Question("now", "grow.now", save=keep("reality_now")),
        Question("works", "grow.works", save=keep("reality_works")),
        Question("strengths", "grow.strengths", save=keep("strengths")),
        Question("obstacles", "grow.obstacles", save=keep("obstacles")),
        Question("options", "grow.options", save=add_options),
        Question(
            "more_options",
            "grow.more_options",
            choices=(Choice("done", Msg("choice.thats_all")),),
            read=answers.more_or_done,
            save=add_options,
        ),
        Question("helpers", "grow.helpers", save=keep("helpers")),
        Question("choose", "grow.choose", choices=option_choices, save=save_chosen_option),
        Question("step", "grow.step", save=save_step),
        Question("when", "grow.when", save=keep("when", in_step=True)),
        Question("step_obstacles", "grow.step_obstacles", save=keep("obstacles", in_step=True)),
        *FIRM_UP_QUESTIONS,
    ),
    endings=(Ending("planned", "grow.summary", finish=finish_plan, then=offer_scaling),),
    transitions=[
        {"trigger": "answer", "source": "area", "dest": "goal"},
        {"trigger": "answer", "source": "goal", "dest": "goal_concrete",
         "conditions": "goal_is_vague"},
        {"trigger": "answer", "source": "goal", "dest": "now"},
        {"trigger": "answer", "source": "goal_concrete", "dest": "now"},
        {"trigger": "answer", "source": "now", "dest": "works"},
        {"trigger": "answer", "source": "works", "dest": "strengths"},
        {"trigger": "answer", "source": "strengths", "dest": "obstacles"},
        {"trigger": "answer", "source": "obstacles", "dest": "options"},
        {"trigger": "answer", "source": "options", "dest": "helpers",
         "conditions": "finished_options"},
        {"trigger": "answer", "source": "options", "dest": "more_options"},
        {"trigger": "answer", "source": "more_options", "dest": "helpers",
         "conditions": "finished_options"},
        {"trigger": "answer", "source": "more_options", "dest": "more_options"},
        {"trigger": "answer", "source": "helpers", "dest": "step",
         "conditions": "has_one_option", "after": "choose_only_option"},
        {"trigger": "answer", "source": "helpers", "dest": "choose"},
        {"trigger": "answer", "source": "choose", "dest": "step"},
        {"trigger": "answer", "source": "step", "dest": "when"},
        {"trigger": "answer", "source": "when", "dest": "step_obstacles"},
        {"trigger": "answer", "source": "step_obstacles", "dest": "confidence"},
        *firm_up_step(then="planned"),
    ],
    params=params,
)  # fmt: skip
