"""The check-in: how the step went, what helped or got in the way, progress, what next.

A setback is met with curiosity, never blame: each way the step can have gone has a
question of its own. Progress towards the goal is rated 0 to 10. The next step can be
kept, replaced, made smaller, or a new goal begun; a new step is firmed up as in the
GROW conversation, and the step it replaces is closed (done, or replaced). How it went
may be said in words ("wrote it but didn't send it" is partly): what they did is
reflected before what got in the way. A step whose day has not come yet ("not yet, it's
not monday yet") is not a setback: it stays planned, and nothing is asked about what got
in the way. It ends by recognising what the person did. "Not now" after a reminder asks
again later that day.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from dialogue_flows import answers, gas, grow
from dialogue_flows.answers import InvalidAnswerError, OneOf
from dialogue_flows.flow import Ending, Flow, Question, Work, answer_is
from dialogue_flows.moves import Move, read_move, says_nothing, split_move
from dialogue_flows.records import CheckIn, Goal, Step
from dialogue_flows.reminders import KEPT_SAID
from dialogue_flows.types import Choice, Lazy, Msg, Param
from dialogue_flows.weekly import DAYS_ON, read_weekly
from dialogue_flows.words import words

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
SAID_HOW = {"not_now": "later", "busy": "later", "thats_all": "done", "yes": "done",
            "no": "not_yet"}  # fmt: skip
"""How it went, said as a move: "done", "yes" or "nope"; "im busy rn" is later."""
NEXT_MOVES = OneOf(("keep", "new", "smaller", "goal"))
NEXT_CHOICES = tuple(Choice(move, Msg(f"choice.next_{move}")) for move in NEXT_MOVES.values)
SHORT_CHOICE = 4
"""A message this short that names a choice anywhere ("the smaller one") is that choice."""


_LEAD_ENDS = re.compile(r"[,.:;!\-\u2013\u2014\u2026]\s*$")
_MARK_AFTER = re.compile(r"\s*[,.:;!\-\u2013\u2014\u2026]|\s*$")


@dataclass(frozen=True)
class SaidStep:
    """The next step said in words at "what next?": a new one, or a smaller one when
    said as one ("et mindre skridt: bare skrive første linje")."""

    text: str
    move: str = "new"


def own_words(text: str) -> str:
    """Their words without "i just said" or "det skrev jeg jo" before them: a move is
    never kept, nor quoted back."""
    lead, rest = split_move(text)
    if lead is not Move.ALREADY_SAID or not rest or not text.endswith(rest):
        return text
    marked = _LEAD_ENDS.search(text[: len(text) - len(rest)])  # not "wrote it but ..."
    return rest if marked else text


def next_or_step(text: str) -> str | SaidStep:
    """A choice of what next, or the step itself: "new step, book the cscs course" is
    the new step "book the cscs course"; "i just said, X" is X."""
    if text in NEXT_MOVES.values:
        return text
    found = words(text)
    said = answers.phrase_list("next_move", typos=False).find([word.text for word in found])
    if said and len(found) <= SHORT_CHOICE and said[0][:2] == (0, len(found)):
        return said[0][2].meaning  # "same as before": a choice, though it looks like a move
    if read_move(text) is not None:
        raise InvalidAnswerError("move.not_here")  # "no", "that's all": no step
    text = own_words(text)
    found = words(text)
    said = answers.phrase_list("next_move", typos=False).find([word.text for word in found])
    opens = bool(said) and said[0][0] == 0
    if opens and (said[0][1] > 1 or _MARK_AFTER.match(text, found[0].end)):  # not "easier to"
        choice, end = said[0][2].meaning, said[0][1]
        rest = own_words(text[found[end - 1].end :].strip(" ,.:;-\u2013\u2014\u2026"))
        rest = _without_courtesy(rest)  # "A new step, please. I'd like to…"
        if says_nothing(rest):  # "et nyt skridt tror jeg": the choice, hedged; no step yet
            return choice
        return SaidStep(rest, choice) if words(rest) and choice in ("new", "smaller") else choice
    if said and len(found) <= SHORT_CHOICE:
        return said[0][2].meaning
    return SaidStep(text)


def _without_courtesy(text: str) -> str:
    """Without the "please" or "tak" that opens it ("please. I'd like to go…" had been kept
    as Jean's step)."""
    said, polite = words(text), answers.word_list("step_said", "courtesy")
    first = next((at for at, word in enumerate(said) if word.text not in polite), len(said))
    return text[said[first].start :] if 0 < first < len(said) else text


def step_words(text: str) -> str:
    """A step said at "what's your next step?": without "i just said" or "new step,"."""
    found = next_or_step(text)
    return found.text if isinstance(found, SaidStep) else own_words(text)


def checkable(goals: Mapping[int, Goal]) -> list[Goal]:
    """Goals with a step to check in on, newest first."""
    found = [g for g in goals.values() if g.status == "active" and g.current_step is not None]
    return sorted(found, key=lambda goal: goal.number, reverse=True)


class CheckinWork(grow.GrowWork):
    """GROW's conditions (confidence, keeping a step), and the check-in's own."""

    def went(self, outcome: str) -> bool:
        return bool(self.draft.get("outcome") == outcome) and "said" not in self.draft

    def went_done(self) -> bool:
        return self.went("done")

    def went_partly(self) -> bool:
        return self.went("partly")

    def went_not_yet(self) -> bool:
        return self.went("not_yet")

    def went_changed(self) -> bool:
        return self.went("changed")

    def reason_given(self) -> bool:
        """ "nah didnt go, was skint and mates came round": what got in the way is said
        already, so it is heard, not asked."""
        return bool(self.draft.get(REASON_GIVEN))

    def unclear(self) -> bool:
        """Their words said how it went, but not which way: the buttons are asked for."""
        return "said" in self.draft

    def not_due(self) -> bool:
        """The step's day has not come yet: nothing went wrong, and nothing is asked."""
        return bool(self.draft.get("not_due"))

    def said_a_step(self) -> bool:
        """What next, answered with a step in their own words rather than a button."""
        return isinstance(self.answer, SaidStep)

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
        Choice(
            f"g{goal.number}",
            Msg("choice.own_words", {"text": grow.shorten(goal.text, 60, stretch=False)}),
        )
        for goal in checkable(work.goals)
    )


def save_which(work: Work, answer: Any) -> None:
    numbers = {f"g{goal.number}": goal.number for goal in checkable(work.goals)}
    if answer not in numbers:
        raise InvalidAnswerError("invalid.pick")
    work.draft["goal"] = numbers[answer]


REASON_GIVEN = "reason_given"
"""The draft's note that the outcome came with what got in the way."""


def save_outcome(work: Work, answer: Any) -> None:
    """A button, or their words: the outcome read from them, or their words kept to ask.

    "Not yet" before the step's day (or said with it: "ikke endnu, det er først på
    søndag") keeps no check-in: the step is simply still to come.
    """
    goal = work.goal
    if answer == "later" or goal is None or goal.current_step is None:
        return
    answer = own_words(answer)
    said = work.draft.pop("said", None)
    outcome = answer if answer in OUTCOMES else answers.step_outcome(answer)
    work.draft["outcome"] = outcome
    if (
        outcome in ("not_yet", None)
        and not answers.tried(answer)
        and ((outcome and before_its_day(goal.current_step, work)) or says_not_due(answer))
    ):
        work.draft["not_due"] = True
        if _tells_more(answer):  # "røg kun 3 dage i sidste uge men ringede ikke…": kept
            _keep_checkin(work, goal, "not_yet", answer)
            work.said_back.append(Msg("checkin.noted", {"said": answers.key_phrase(answer)}))
        return
    if outcome is None:
        work.draft["said"] = answer
        return
    if answer not in OUTCOMES:
        said = answer
    _keep_checkin(work, goal, outcome, said)
    if outcome == "not_yet" and said and answers.gives_reason(said):
        work.draft[REASON_GIVEN] = True
        _checkin(work).update_checkin(reflection=said)
        work.said_back.append(Msg("checkin.reason_heard"))


def _keep_checkin(work: Work, goal: Goal, outcome: str, said: str | None) -> None:
    step = goal.current_step
    if step is None:
        return
    checkin = CheckIn(
        number=len(goal.checkins) + 1,
        step_number=step.number,
        at=work.now,
        outcome=outcome,
        said=said,
        reminded=bool(work.draft.get("reminded")),
    )
    work.update_goal(checkins=(*goal.checkins, checkin))


MORE_WORDS = 6
"""An answer before the step's day with more words than this may tell more than "not yet"."""
NEWS_WORDS = 3
"""…when one of its clauses, this long, is not about the step or its day."""


def _tells_more(answer: Any) -> bool:
    """Before the step's day, news beside "not yet" (a tester's "smoked only 3 days last
    week, but didn't ring the garage" was lost: the worker never saw it)."""
    if not isinstance(answer, str) or answer in OUTCOMES or says_not_due(answer):
        return False
    clauses = re.split(r"[,.;:!?\n]|\s(?:but|men|and|og)\s", answer)
    return len(answer.split()) > MORE_WORDS and any(
        len(clause.split()) >= NEWS_WORDS and answers.step_outcome(clause) is None
        and named_day(clause) is None
        for clause in clauses
    )  # fmt: skip


SATURDAY = 5
"""A step planned for "the weekend" is due on Saturday."""


def planned_day(step: Step, zone: ZoneInfo) -> date | None:
    """The day a step was planned for ("Friday after work": the first Friday from the day
    it was set; "i morgen": the day after), or None when its "when" names no day."""
    set_on = step.created_at.astimezone(zone).date()
    weekday = named_day(step.when or "")
    if isinstance(weekday, str):
        if weekday in DAYS_ON:
            return set_on + timedelta(days=DAYS_ON[weekday])
        weekday = SATURDAY
    if weekday is None:
        return None
    return set_on + timedelta(days=(weekday - set_on.weekday()) % 7)


def named_day(text: str) -> int | str | None:
    """A weekday (0 is Monday), or "today", "tomorrow", "weekend", as the words say."""
    try:
        weekday = read_weekly(text).weekday
    except InvalidAnswerError:
        weekday = None
    if weekday is not None:
        return weekday
    typed = [word.text for word in words(text)]
    found = answers.phrase_list("not_due", "days").find(typed)
    return found[0][2].meaning if found else None


def before_its_day(step: Step, work: Work) -> bool:
    """Today is the step's planned day or before it (their own calendar)."""
    zone = ZoneInfo((work.person.timezone if work.person else None) or work.default_timezone)
    day = planned_day(step, zone)
    return day is not None and work.now.astimezone(zone).date() <= day


def says_not_due(text: Any) -> bool:
    """ "its not monday yet is it", "nothing, i said monday", "først på søndag": a day of
    the week named with a word that says it has not come (`[not_due]` in the tables)."""
    if not isinstance(text, str) or text in OUTCOMES or named_day(text) is None:
        return False
    said = {word.text for word in words(text)}
    return bool(said & answers.word_list("not_due", "cues"))


def reflect_or_not_due(work: Work, answer: Any) -> None:
    """What got in the way; or "nothing, i said monday": then it was not due, and the
    check-in just begun is taken back."""
    goal = work.goal
    if goal is not None and goal.checkins and says_not_due(answer):
        work.draft["not_due"] = True
        work.update_goal(checkins=goal.checkins[:-1])
    else:
        _checkin(work).update_checkin(reflection=own_words(answer))


def keep_in_checkin(field: str) -> Any:
    def save(work: Work, answer: Any) -> None:
        said = own_words(answer) if isinstance(answer, str) else answer  # progress: a number
        _checkin(work).update_checkin(**{field: said})

    return save


def save_next(work: Work, answer: Any) -> None:
    """A button, or the next step in their own words ("try again on friday")."""
    if isinstance(answer, SaidStep):
        _checkin(work).update_checkin(next_move=answer.move)
        save_new_step(work, answer.text)
    else:
        _checkin(work).update_checkin(next_move=answer)


def save_new_step(work: Work, answer: Any) -> None:
    """A new step in place of the one checked in on, which is closed: done, or replaced."""
    goal = work.goal
    step = goal.current_step if goal else None
    if goal is not None and step is not None and goal.checkins:
        done = goal.checkins[-1].outcome == "done"
        work.update_step(status="done" if done else "replaced")
    grow.save_step(work, answer)


def finish(work: Work) -> None:
    goal = work.goal
    if goal is not None and goal.current_step and goal.current_step.status == "planning":
        work.update_step(status="planned")


def snooze(work: Work) -> None:
    if work.schedule is not None and not work.schedule.paused:
        work.schedule = work.schedule.model_copy(update={"next_due": work.now + SNOOZE})


GLAD_FEELINGS = ("hopeful", "milestone", "resisted")
"""Feelings a step done can be glad with: any other said with it ("felt like everyone was
looking") is acknowledged, and "That's great to hear" left out (testers)."""


def params(work: Work) -> Mapping[str, Param]:
    found = grow.makers(work)
    goal = work.goal
    checkin = goal.checkins[-1] if goal and goal.checkins else None
    said = work.draft.get("said")
    found["said"] = ""
    if goal is not None and checkin is not None:
        found["said"] = grow.said_back("checkin.you_said", "said", checkin.said)
        checked = next((s.text for s in goal.steps if s.number == checkin.step_number), "")
        recognition = f"checkin.recognition.{checkin.outcome}"
        found["recognition"] = lambda: Msg(  # the step that was done, never the new one
            recognition, {"checked": grow.quoted(checked)}
        )
        found["progress"] = "" if checkin.progress is None else checkin.progress
    if isinstance(said, str):  # words not yet read as an outcome: this check-in's, not the last
        found["said"] = lambda: grow.quoted(said)
    told = said if isinstance(said, str) else checkin.said if checkin else None
    hard = told is not None and answers.feeling(told) not in (None, *GLAD_FEELINGS)
    found["helped"] = Msg("checkin.helped" if hard else "checkin.glad_helped")
    step = goal.current_step if goal else None
    found["planned"] = (
        Msg("checkin.planned_for", {"when": grow.shorten(step.when)})
        if step and step.when
        else Msg("checkin.time_yet")
    )
    return Lazy(found)


def entry(work: Work) -> str:
    candidates = checkable(work.goals)
    if len(candidates) == 1:
        work.draft["goal"] = candidates[0].number
        return "how"
    return "which"


_PROTESTS = (Move.NO, Move.QUESTION)


def protest(text: str, outcome: str) -> str | None:
    """ "wat. i gave up", "nej jeg gjorde det ikke": a no or a "what?" that leads words
    saying the step went another way than `outcome` (as it was read): the way it went.
    Without the lead ("didnt overthink it") it is their reflection."""
    found = words(text)
    if not found or read_move(found[0].text) not in _PROTESTS:
        return None
    said = answers.step_outcome(text)
    return said if said not in (None, outcome) else None


def reflect(outcome: str) -> Question:
    """What helped or got in the way: one wording for each way a step can go. A protest
    at it puts the outcome right, and the question for the way it went is asked."""
    kept = reflect_or_not_due if outcome == "not_yet" else keep_in_checkin("reflection")

    def save(work: Work, answer: Any) -> None:
        corrected = protest(answer, outcome) if isinstance(answer, str) else None
        if corrected is None:
            kept(work, answer)
            return
        work.draft["outcome"] = corrected
        _checkin(work).update_checkin(outcome=corrected, said=split_move(answer)[1] or answer)

    def hear(text: str, value: Any) -> tuple[Msg, ...]:
        return (Msg("checkin.misread"),) if protest(text, outcome) else ()

    # "havent took my meds for 3 days tho" is heard, and is no answer to what helped
    aside = frozenset() if outcome == "not_yet" else frozenset({"medication", "warning_signs"})
    return Question(f"reflect_{outcome}", f"checkin.reflect_{outcome}", save=save,
                    skippable=True, as_content=grow.BUSY_SAID, hear=hear,
                    not_when_felt=aside)  # fmt: skip


FLOW = Flow(
    name="checkin",
    work=CheckinWork,
    questions=(
        Question("which", "checkin.which", choices=goal_choices, read=str, save=save_which),
        Question("how", "checkin.how", choices=HOW_CHOICES,
                 save=save_outcome, on_move=SAID_HOW),
        Question("how_which", "checkin.how_which", choices=HOW_CHOICES[:-1],
                 save=save_outcome),
        *(reflect(outcome) for outcome in OUTCOMES),
        Question("in_the_way", "checkin.in_the_way", save=keep_in_checkin("in_the_way"),
                 skippable=True, as_content=grow.BUSY_SAID),
        Question("progress", "checkin.progress", choices=grow.SCALE_CHOICES, read=answers.scale,
                 save=keep_in_checkin("progress")),
        Question("next", "checkin.next", choices=NEXT_CHOICES, read=next_or_step,
                 save=save_next, on_move={"keep": "keep"}, as_content=KEPT_SAID,
                 about_step="asks"),
        Question("next_step", "checkin.next_step", read=step_words, save=save_new_step,
                 on_move=grow.KEEP_AS_STEP, about_step="asks"),
        Question("smaller_next", "checkin.smaller_next", read=step_words,
                 save=save_new_step, about_step="asks"),
        Question("next_when", "grow.when", save=grow.keep("when", in_step=True),
                 about_step="after"),
        *grow.FIRM_UP_QUESTIONS,
    ),
    endings=(
        Ending("checked_in", "checkin.done", finish=finish, then=gas.offer_rating),
        Ending("snoozed", "checkin.snoozed", finish=snooze),
        Ending("later", "checkin.later"),
        Ending("not_due", "checkin.not_due"),
        Ending("new_goal", "checkin.new_goal", then="grow"),
    ),
    transitions=[
        {"trigger": "answer", "source": "which", "dest": "how"},
        *({"trigger": "answer", "source": source, "dest": "not_due", "conditions": "not_due"}
          for source in ("how", "how_which", "reflect_not_yet")),
        *({"trigger": "answer", "source": source, "dest": "progress",
           "conditions": ["went_not_yet", "reason_given"]} for source in ("how", "how_which")),
        *({"trigger": "answer", "source": source, "dest": f"reflect_{outcome}",
           "conditions": f"went_{outcome}"}
          for source in ("how", "how_which") for outcome in OUTCOMES),
        {"trigger": "answer", "source": "how", "dest": "how_which", "conditions": "unclear"},
        {"trigger": "answer", "source": "how_which", "dest": "how_which"},
        {"trigger": "answer", "source": "how", "dest": "snoozed", "conditions": "reminded"},
        {"trigger": "answer", "source": "how", "dest": "later"},
        *({"trigger": "answer", "source": f"reflect_{was}", "dest": f"reflect_{outcome}",
           "conditions": f"went_{outcome}"}  # a protest put the outcome right
          for was in OUTCOMES for outcome in OUTCOMES if outcome != was),
        {"trigger": "answer", "source": "reflect_partly", "dest": "in_the_way"},
        *({"trigger": "answer", "source": f"reflect_{o}", "dest": "progress"} for o in OUTCOMES
          if o != "partly"),
        {"trigger": "answer", "source": "in_the_way", "dest": "progress"},
        {"trigger": "answer", "source": "progress", "dest": "next"},
        {"trigger": "answer", "source": "next", "dest": "confidence",
         "conditions": ["said_a_step", "when_given"]},
        {"trigger": "answer", "source": "next", "dest": "next_when", "conditions": "said_a_step"},
        {"trigger": "answer", "source": "next", "dest": "checked_in", "conditions": "keeps"},
        {"trigger": "answer", "source": "next", "dest": "next_step", "conditions": "new_step"},
        {"trigger": "answer", "source": "next", "dest": "smaller_next",
         "conditions": "smaller_step"},
        {"trigger": "answer", "source": "next", "dest": "new_goal"},
        *({"trigger": "answer", "source": source, "dest": "confidence",
           "conditions": "when_given"} for source in ("next_step", "smaller_next")),
        {"trigger": "answer", "source": "next_step", "dest": "next_when"},
        {"trigger": "answer", "source": "smaller_next", "dest": "next_when"},
        {"trigger": "answer", "source": "next_when", "dest": "confidence"},
        *grow.firm_up_step(then="checked_in"),
    ],
    params=params,
    entry=entry,
    entries=("how",),
)  # fmt: skip
