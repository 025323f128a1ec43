"""How a flow is declared: questions and endings as data, moves as a `transitions` table.

A flow is a list of `Question`s (prompt, choices, how to read and where to keep the
answer), a list of `Ending`s, and a transitions table whose only trigger is
`answer`. One shared `Machine(model=None)` per flow drives a fresh `Work` object each
turn, so the machine holds no per-person state. Flows are checked when they are
built: a typo in a table fails at import, not in front of a person.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from transitions import Machine

from dialogue_flows.answers import free_text
from dialogue_flows.helplines import GENERAL_LINES
from dialogue_flows.outcome_records import Outcomes
from dialogue_flows.records import CareNote, Goal, Person, Schedule
from dialogue_flows.types import Choice, Param

ANSWER = "answer"


class Work:
    """The model a flow's machine moves: one turn's working copy of the person's records.

    Savers replace records with changed copies; the engine collects whatever changed.
    `export_format` and `erase` ask the adapter for what records cannot say: a file to
    send, or everything to be deleted. Flows subclass it to add the conditions their
    transitions name.
    """

    state: str

    def __init__(
        self,
        state: str,
        person_id: str,
        person: Person | None,
        goals: Iterable[Goal],
        schedule: Schedule | None,
        draft: Mapping[str, Any],
        now: datetime,
        language: str,
        default_timezone: str,
        helplines: str = "",
        outcomes: Outcomes | None = None,
        care: CareNote | None = None,
    ) -> None:
        self.state = state
        self.person_id = person_id
        self.person = person
        self.schedule = schedule
        self.default_timezone = default_timezone
        self.helplines = helplines
        self.goals = {goal.number: goal for goal in goals}
        self.changed_goals: set[int] = set()
        self.draft = dict(draft)
        self.now = now
        self.language = language
        self.answer: Any = None
        self.export_format: str | None = None
        self.erase = False
        self.outcomes = outcomes or Outcomes()
        self.care = care or CareNote()

    @property
    def goal(self) -> Goal | None:
        """The goal this conversation is about, once it has words."""
        number = self.draft.get("goal")
        return self.goals.get(number) if isinstance(number, int) else None

    def put_goal(self, goal: Goal) -> None:
        self.goals[goal.number] = goal
        self.changed_goals.add(goal.number)

    def update_goal(self, **changes: Any) -> None:
        goal = self.goal
        if goal is None:
            raise RuntimeError("no goal is being planned")
        self.put_goal(goal.model_copy(update={**changes, "updated_at": self.now}))

    def update_step(self, **changes: Any) -> None:
        """Change the goal's current step, the one being planned or checked in on."""
        goal = self.goal
        if goal is None or goal.current_step is None:
            raise RuntimeError("no step is being planned")
        step = goal.current_step.model_copy(update=changes)
        self.update_goal(steps=(*goal.steps[:-1], step))


def answer_is(value: str) -> Callable[[Work], bool]:
    """A condition for a transitions table: the answer just given was `value`.

    Used as a class attribute (`went_done = answer_is("done")`), so the table can name
    it like any other condition method.
    """

    def condition(work: Work) -> bool:
        return bool(work.answer == value)

    condition.__doc__ = f"The answer was {value!r}."
    return condition


Saver = Callable[[Work, Any], None]
Choices = tuple[Choice, ...] | Callable[[Work], tuple[Choice, ...]]


@dataclass(frozen=True)
class Question:
    """One state that waits for the person: what to ask and what to do with the answer.

    `read` turns free text into a value (choices are matched before it is called);
    `save` keeps the value in the records. The prompt's placeholders are filled from
    the flow's `params`, so every route into a question asks it the same way.

    How the question meets a move (see `listening`): `on_move` names the moves that
    answer it and the value each gives ("that's all" at the options is "done");
    `skippable` lets a second "I don't know" move on without an answer; `earlier`
    finds what the person already said when they say "I already said"; `in_words`
    lets a choice be said in a sentence ("emailing the teacher I think").

    `lead` is said once, when the conversation arrives at the question, before its
    prompt; asked again (a misunderstanding, /help), only the short prompt is repeated.
    """

    name: str
    prompt: str
    choices: Choices = ()
    read: Callable[[str], Any] = free_text
    save: Saver | None = None
    on_move: Mapping[str, str] = field(default_factory=dict)
    skippable: bool = False
    earlier: Callable[[Work], str | None] | None = None
    in_words: bool = False
    lead: str | None = None

    def offered(self, work: Work) -> tuple[Choice, ...]:
        return self.choices(work) if callable(self.choices) else self.choices


@dataclass(frozen=True)
class Ending:
    """A state that closes the flow: a closing message, and optionally the next flow.

    `then` names the flow to go on with, or decides it from the records (None: stop);
    `passes` gives that flow its first draft (where it starts, see `Flow.entry`).
    """

    name: str
    message: str
    then: str | Callable[[Work], str | None] | None = None
    finish: Callable[[Work], None] | None = None
    passes: Callable[[Work], dict[str, Any]] | None = None

    def next_flow(self, work: Work) -> str | None:
        return self.then(work) if callable(self.then) else self.then


@dataclass(frozen=True)
class Flow:
    name: str
    work: type[Work]
    questions: tuple[Question, ...]
    endings: tuple[Ending, ...]
    transitions: list[dict[str, Any]]
    params: Callable[[Work], Mapping[str, Param]] = lambda work: {}
    entry: Callable[[Work], str] | None = None
    entries: tuple[str, ...] = ()
    lines: tuple[str, ...] | None = GENERAL_LINES
    """The kinds of helpline its prompts' {helplines} show (None: every line)."""
    machine: Machine = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = [question.name for question in self.questions] + [e.name for e in self.endings]
        self._check(names)
        machine = Machine(
            model=None,
            states=names,
            transitions=self.transitions,
            initial=names[0],
            auto_transitions=False,
        )
        object.__setattr__(self, "machine", machine)

    @property
    def first(self) -> str:
        return self.questions[0].name

    def start(self, work: Work) -> str:
        """The question a new conversation in this flow opens with."""
        state = self.entry(work) if self.entry else self.first
        if state not in (self.first, *self.entries):
            raise RuntimeError(f"{self.name}: {state} is not an entry")
        return state

    def question(self, state: str | None) -> Question | None:
        return next((q for q in self.questions if q.name == state), None)

    def ending(self, state: str) -> Ending | None:
        return next((e for e in self.endings if e.name == state), None)

    def advance(self, work: Work) -> None:
        """Move `work` to the next state, as the transitions table says."""
        if not self.machine.events[ANSWER].trigger(work):
            raise RuntimeError(f"{self.name}: no way on from {work.state}")

    def _check(self, names: list[str]) -> None:
        """Refuse a flow with duplicate, stranded, unreachable or unknown states, or unknown
        conditions: a misspelt name in a table fails when the module is imported."""
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: duplicate state names")
        for transition in self.transitions:
            for end in ("source", "dest"):
                if transition[end] not in names:
                    raise ValueError(f"{self.name}: no state {transition[end]!r} ({end})")
        sources = {t["source"] for t in self.transitions}
        reached = {self.first, *self.entries} | {t["dest"] for t in self.transitions}
        for question in self.questions:
            if question.name not in sources:
                raise ValueError(f"{self.name}: question {question.name} leads nowhere")
        for state in names:
            if state not in reached:
                raise ValueError(f"{self.name}: state {state} is unreachable")
        for transition in self.transitions:
            for key in ("conditions", "unless", "before", "after"):
                for method in _as_list(transition.get(key)):
                    if not callable(getattr(self.work, method, None)):
                        raise ValueError(f"{self.name}: {self.work.__name__} has no {method}")


def _as_list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else value
