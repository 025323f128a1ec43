"""How a flow is declared: questions and endings as data, moves as a `transitions` table.

A flow is a list of `Question`s (prompt, choices, how to read and where to keep the
answer), a list of `Ending`s, and a transitions table whose only trigger is
`answer`. One shared `Machine(model=None)` per flow moves a `Work`: a view of the
turn's one working copy of the records (`TurnRecords`), so the machine holds no
per-person state and nothing is copied back. Flows are checked when they are built: a
typo in a table fails at import, not in front of a person.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, Literal, TypeVar, cast
from zoneinfo import ZoneInfo

from transitions import Machine

from dialogue_flows.answers import free_text
from dialogue_flows.helplines import GENERAL_LINES, Helplines
from dialogue_flows.outcome_records import Outcomes
from dialogue_flows.records import CareNote, Conversation, Goal, Person, Schedule
from dialogue_flows.types import Choice, Msg, Param, Snapshot

ANSWER = "answer"


class TurnRecords:
    """The person's records as one turn changes them: the turn's one working copy.

    The engine's turn is one of these (and adds the replies); every flow's `Work` is
    a view of it, so what a saver changes is changed for the whole turn. Records are
    values (`model_copy`), so `snapshot`, what the turn began from, stays as it was and
    the engine saves what differs from it. `export_format` and `erase` ask the adapter
    for what records cannot say: a file to send, or everything to be deleted.
    """

    def __init__(
        self,
        snapshot: Snapshot,
        now: datetime,
        conversation: Conversation,
        default_timezone: str,
        helplines: Helplines,
    ) -> None:
        self.snapshot = snapshot
        self.person_id = snapshot.person_id
        self.person = snapshot.person
        self.goals = {goal.number: goal for goal in snapshot.goals}
        self.changed_goals: set[int] = set()
        self.schedule = snapshot.schedule
        self.outcomes = snapshot.outcomes
        self.conversation = conversation
        self.now = now
        self.default_timezone = default_timezone
        self.helpline_book = helplines
        self.export_format: str | None = None
        self.erase = False
        self.said_back: list[Msg] = []
        self.said_where: tuple[str, str | None] | None = None
        """Where a person not yet known said they are, this turn only: nothing is kept
        before consent, but the lines they see follow it (`where`)."""

    @property
    def conversation(self) -> Conversation:
        """Where the person is; its draft is this turn's own (flows write in it)."""
        return self._conversation

    @conversation.setter
    def conversation(self, conversation: Conversation) -> None:
        # A draft of its own: what a flow writes never reaches the snapshot's records.
        self._conversation = conversation.model_copy(update={"draft": dict(conversation.draft)})

    @property
    def language(self) -> str:
        return self.person.language if self.person else self.snapshot.language

    def zone(self) -> ZoneInfo:
        """The person's time zone, or the service's until they have said."""
        return ZoneInfo((self.person.timezone if self.person else None) or self.default_timezone)

    def where(self) -> tuple[str | None, str | None]:
        """The time zone and region the person's lines follow: theirs, or what a person
        not yet known said this turn."""
        if self.person is not None:
            return self.person.timezone, self.person.region
        return self.said_where or (None, None)

    def helpline_text(
        self, kinds: tuple[str, ...] | None = GENERAL_LINES, most: int | None = None
    ) -> str:
        """The person's lines of these kinds (None: all of them), or the first `most`
        (the best fitting); by default the general ones, as /help shows them."""
        timezone, region = self.where()
        return self.helpline_book.text(self.language, timezone, kinds, most, self.now, region)

    def emergency_number(self) -> str:
        return self.helpline_book.emergency_number(self.language, self.where()[0])

    def lines_country(self) -> str:
        """Whose lines the person sees ("the UK", "Danmark"), in their language."""
        return self.helpline_book.country_name(self.language, self.where()[0])

    def country_known(self) -> bool:
        """Whether the person's lines follow where they said they are, not a guess from
        their language or the service's own country."""
        return self.helpline_book.has_zone(self.where()[0])


T = TypeVar("T")


class _Shared(Generic[T]):
    """An attribute of `Work` that is the turn's records' own: reading or setting it
    reads or sets the one working copy."""

    def __set_name__(self, owner: type[Work], name: str) -> None:
        self.name = name

    def __get__(self, work: Work, owner: type[Work] | None = None) -> T:
        return cast(T, getattr(work.records, self.name))

    def __set__(self, work: Work, value: T) -> None:
        setattr(work.records, self.name, value)


class Work:
    """The model a flow's machine moves: the turn's records, as this flow sees them.

    Savers replace records with changed copies; the engine saves whatever changed.
    `state` is the conversation's step and `draft` its draft; `answer` is the answer
    just given, for the conditions. Flows subclass it to add the conditions their
    transitions name.
    """

    person_id = _Shared[str]()
    person = _Shared[Person | None]()
    goals = _Shared[dict[int, Goal]]()
    changed_goals = _Shared[set[int]]()
    schedule = _Shared[Schedule | None]()
    outcomes = _Shared[Outcomes]()
    now = _Shared[datetime]()
    default_timezone = _Shared[str]()
    export_format = _Shared[str | None]()
    erase = _Shared[bool]()
    said_back = _Shared[list[Msg]]()
    """What a saver understood and says back before the next question ("Purpose, then.")."""

    def __init__(
        self, records: TurnRecords, lines: tuple[str, ...] | None = GENERAL_LINES
    ) -> None:
        self.records = records
        self.helpline_kinds = lines
        self.answer: Any = None

    @property
    def state(self) -> str:
        return self.records.conversation.step or ""

    @state.setter
    def state(self, step: str) -> None:
        self.records.conversation = self.records.conversation.model_copy(update={"step": step})

    @property
    def draft(self) -> dict[str, Any]:
        """What the flow keeps between questions (changed in place)."""
        return self.records.conversation.draft

    @property
    def language(self) -> str:
        return self.records.language

    @property
    def care(self) -> CareNote:
        """What the crisis conversation remembers for a day (kept in the conversation)."""
        return self.records.conversation.care

    @care.setter
    def care(self, note: CareNote) -> None:
        self.records.conversation = self.records.conversation.model_copy(update={"care": note})

    @property
    def helplines(self) -> str:
        """The person's helplines of the kinds the flow shows (`Flow.lines`), as text."""
        return self.records.helpline_text(self.helpline_kinds)

    def zone(self) -> ZoneInfo:
        return self.records.zone()

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
    finds what the person already said when they say "I already said", and `recall`
    what they have said so far when no one answer is it; `as_content` names moves
    that are answers here ("busy" to "what gets in the way?"); `in_words`
    lets a choice be said in a sentence ("emailing the teacher I think"); `listed` says
    the answer is a list (ideas), where a take-back at the end takes back the last item
    only ("walk, ring mette. no, scratch the last one").

    `lead` is said once, when the conversation arrives at the question, before its
    prompt; asked again (a misunderstanding, /help), only the short prompt is repeated.

    `hear` says back what was understood from the words, before the next question
    ("I've put down 3, the lowest you said").

    `said_as` gives everyday words for each choice, by value ("never" for "At no time",
    "lidt bedre" for +1): an answer in words picks the choice they name, and when two
    fit equally the person is asked between those two only (`answers.closest`).

    `imagines` names the concerns the question asks people to picture ("what would worse
    than now look like?": using again, a hard time): an answer that speaks of those alone
    is their answer, not a crisis. Any other concern in it is answered as ever.
    `signs` are concerns the question asks people to describe (a safety plan's warning
    signs: "I start thinking about the blade"): their answer, unless said to be happening
    now ("right now": answered as ever).

    `exact_moves` reads a move only from words the move tables hold as they are (names:
    "Dave" is no Danish "dav", `moves.said_exactly`).

    `about_step` says how the question stands to the step: "asks" reads a step itself
    ("skridtet er …" is its answer); "after" comes right after one was kept, where "could
    we change that to …" puts the step right (`engine.step_said`), as "my step is …" does
    at any other question.

    `not_when_felt` names feelings that make an answer no answer here: "my mate od'd,
    found him on the landing" at "What's already helping?" is heard ("That must have
    been a real shock."), and the question asked again; it is no strength of theirs.
    """

    name: str
    prompt: str
    choices: Choices = ()
    read: Callable[[str], Any] = free_text
    save: Saver | None = None
    on_move: Mapping[str, str] = field(default_factory=dict)
    skippable: bool = False
    earlier: Callable[[Work], str | None] | None = None
    recall: Callable[[Work], str | None] | None = None
    as_content: frozenset[str] = frozenset()
    in_words: bool = False
    listed: bool = False
    lead: str | None = None
    imagines: frozenset[str] = frozenset()
    signs: frozenset[str] = frozenset()
    hear: Callable[[str, Any], tuple[Msg, ...]] | None = None
    not_when_felt: frozenset[str] = frozenset()
    said_as: Callable[[Work], Mapping[str, tuple[str, ...]]] | None = None
    exact_moves: bool = False
    about_step: Literal["", "asks", "after"] = ""

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
    back: Mapping[str, str] | None = None
    """Whether "go back" goes back in this flow (None: it does not), and the question
    asked instead of one that cannot be answered twice (the goal: put right, not added)."""
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

    def back_to(self, state: str) -> str | None:
        """The question "go back" asks again after `state` was answered (None: none)."""
        return None if self.back is None else self.back.get(state, state)

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
        for state in {*(self.back or {}), *(self.back or {}).values()}:
            if self.question(state) is None:
                raise ValueError(f"{self.name}: no question {state!r} to go back to")
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
