"""Goal Attainment Scaling in the person's own words: describing the levels, then choosing one.

After a Way forward the person may describe, briefly and each one skippable, what five
levels would look like for this goal: where they are now (-1), as expected (0), a bit
better (+1), much better (+2) and worse than now (-2); and how important the goal is.
Where they are now was said in Reality already: their words are offered back as the -1
line to confirm, never asked for a second time.
At each check-in they pick the level that fits, with their own words on the buttons.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dialogue_flows import grow
from dialogue_flows.answers import InvalidAnswerError, comparable, level_said
from dialogue_flows.flow import Ending, Flow, Question, Work, answer_is
from dialogue_flows.moves import SOCIAL, Move, read_move
from dialogue_flows.outcome_records import GasRating, GasScale
from dialogue_flows.outcomes import IMPORTANCE, LEVELS, plain_level, scale_of, yes_or_no_choice
from dialogue_flows.types import Choice, Lazy, Maker, Msg, Param

SKIP = Choice("skip", Msg("choice.skip"))
YES_SKIP = (Choice("yes", Msg("choice.yes_lets")), Choice("no", Msg("choice.skip")))
USE_SAID = (Choice("yes", Msg("choice.use_said")), Choice("other", Msg("choice.say_differently")))
SAID_NOW_MOVES = {"yes": "yes", "keep": "yes", "no": "other"}
"""Yes, or "keep it", to their Reality words as the -1 line; "no" lets them say it anew."""
IMPORTANCE_CHOICES = (
    *(Choice(str(weight), Msg(f"choice.importance_{name}")) for weight, name in
      IMPORTANCE.items()),
    SKIP,
)  # fmt: skip
LEVEL_NAMES = {-2: "m2", -1: "m1", 0: "0", 1: "p1", 2: "p2"}
LEVEL_MOVES = {"thats_all": "done", "skip": "skip", "no": "skip"}
"""At a level: "that's all" ("det var det") ends the describing; "skip" leaves one line."""
_SKIP_WORDS = {"skip", "skipit", "skipthis", "skipthatone", "pass", "next", "no", "nope",
               "idk", "dontknow", "idontknow", "springover", "spring", "nej", "vedikke",
               "jegvedikke", "videre"}  # fmt: skip
_IMPORTANCE_WORDS = {
    3: {"very", "really", "extremely", "hugely", "meget", "rigtig", "virkelig", "utrolig"},
    2: {"quite", "fairly", "pretty", "somewhat", "ret", "temmelig", "noget", "ok"},
    1: {"little", "bit", "slightly", "lidt", "smule"},
}


def level_words(text: str) -> str:
    """The person's words for a level, or "skip" when that is all they say.

    "yes" or "ok" describes nothing: never a line of their own.
    """
    if comparable(text) in _SKIP_WORDS:
        return "skip"
    if read_move(text) in (Move.YES, Move.KEEP, *SOCIAL):
        raise InvalidAnswerError("invalid.level_words")
    return text


def said_now_words(text: str) -> str:
    """Their Reality words used (a button's "yes"), said differently, or new words."""
    return text if text in ("yes", "other") else level_words(text)


def read_importance(text: str) -> str:
    """How important, by button or in words ("very", "ret vigtigt", "a little")."""
    if text in {choice.value for choice in IMPORTANCE_CHOICES}:
        return text
    if comparable(text) in _SKIP_WORDS:
        return "skip"
    words = {comparable(word) for word in text.split()}
    for weight, known in _IMPORTANCE_WORDS.items():
        if words & known:
            return str(weight)
    raise InvalidAnswerError("invalid.pick")


class GasWork(Work):
    wants_to = answer_is("yes")
    done_describing = answer_is("done")

    def nothing_described(self) -> bool:
        """ "That's all" before any line: as if the levels were skipped."""
        return self.answer == "done" and self.scale() is None

    says_it_differently = answer_is("other")

    def said_where_now(self) -> bool:
        """Reality holds where they are now: it is offered as the -1 line, not asked again."""
        return self.goal is not None and bool(self.goal.reality_now)

    def scale(self) -> GasScale | None:
        goal = self.goal
        return None if goal is None else scale_of(self.outcomes.scales, goal.number)

    def put_scale(self, scale: GasScale) -> None:
        others = tuple(s for s in self.outcomes.scales if s.goal_number != scale.goal_number)
        scales = tuple(sorted((*others, scale), key=lambda s: s.goal_number))
        self.outcomes = self.outcomes.model_copy(update={"scales": scales})


def _gas(work: Work) -> GasWork:
    if not isinstance(work, GasWork):
        raise TypeError("GAS savers need GasWork")
    return work


def save_level(level: int) -> Any:
    """Keep the person's words for `level` (nothing when they skip it)."""

    def save(work: Work, answer: Any) -> None:
        gas = _gas(work)
        goal = gas.goal
        if answer in ("skip", "done") or goal is None:
            return
        scale = gas.scale() or GasScale(goal_number=goal.number, updated_at=work.now)
        levels = {**scale.levels, str(level): grow.shorten(str(answer), 200)}
        gas.put_scale(scale.model_copy(update={"levels": levels, "updated_at": work.now}))

    return save


def save_said_now(work: Work, answer: Any) -> None:
    """ "Yes" keeps their Reality words as the -1 line; their own new words replace them."""
    goal = work.goal
    if answer in ("other", "skip") or goal is None:
        return
    save_level(-1)(work, goal.reality_now if answer == "yes" else answer)


def save_importance(work: Work, answer: Any) -> None:
    gas = _gas(work)
    scale = gas.scale()
    if answer == "skip" or scale is None:
        return
    gas.put_scale(scale.model_copy(update={"importance": int(answer), "updated_at": work.now}))


def newest_unscaled(work: Work) -> str:
    """The goal just planned: the newest active goal without levels of its own."""
    unscaled = [
        goal.number
        for goal in work.goals.values()
        if goal.status == "active" and scale_of(work.outcomes.scales, goal.number) is None
    ]
    if unscaled:
        work.draft["goal"] = max(unscaled)
    return "offer"


def offer_scaling(work: Work) -> str | None:
    """After a plan (GROW's ending): the levels are offered once per goal."""
    newest_unscaled(work)
    return "gas" if work.draft.get("goal") is not None else grow.offer_reminders(work)


WORSE = -2
IMAGINED = frozenset({"lapse", "distress"})
"""What "worse than now" asks people to picture ("back on it", "drinking again and
fired"): said there, it is the line they were asked for, not a lapse or distress now."""


def level_question(level: int) -> Question:
    name = LEVEL_NAMES[level]
    return Question(
        f"level_{name}",
        f"gas.level_{name}",
        choices=(SKIP,),
        read=level_words,
        skippable=True,
        save=save_level(level),
        on_move=LEVEL_MOVES,
        imagines=IMAGINED if level == WORSE else frozenset(),
    )


def params(work: Work) -> Mapping[str, Param]:
    found: dict[str, Maker] = {"level": "", "words": "", **grow.makers(work)}
    rated = work.draft.get("rated")
    if isinstance(rated, int):
        scale = _gas(work).scale()
        words = scale.words().get(rated, "") if scale else ""
        found["level"] = plain_level(rated)
        found["words"] = words
    now = work.goal.reality_now if work.goal is not None else None
    if now:
        found["said_now"] = lambda: grow.quoted(now)
    return Lazy(found)


FLOW = Flow(
    name="gas",
    work=GasWork,
    questions=(
        Question("offer", "gas.offer", choices=YES_SKIP, read=yes_or_no_choice,
                 lead="gas.offer_lead"),
        Question("level_m1_said", "gas.level_m1_said", choices=USE_SAID, read=said_now_words,
                 save=save_said_now, on_move=SAID_NOW_MOVES),
        *(level_question(level) for level in LEVELS),
        Question("importance", "gas.importance", choices=IMPORTANCE_CHOICES,
                 read=read_importance, save=save_importance, skippable=True,
                 on_move={"skip": "skip", "no": "skip", "thats_all": "skip"}),
    ),
    endings=(
        Ending("scaled", "gas.done", then=grow.offer_reminders),
        Ending("skipped", "gas.skipped", then=grow.offer_reminders),
    ),
    transitions=[
        {"trigger": "answer", "source": "offer", "dest": "level_m1_said",
         "conditions": ["wants_to", "said_where_now"]},
        {"trigger": "answer", "source": "offer", "dest": "level_m1", "conditions": "wants_to"},
        {"trigger": "answer", "source": "level_m1_said", "dest": "level_m1",
         "conditions": "says_it_differently"},
        {"trigger": "answer", "source": "level_m1_said", "dest": "level_0"},
        {"trigger": "answer", "source": "offer", "dest": "skipped"},
        *({"trigger": "answer", "source": f"level_{name}", "dest": "skipped",
           "conditions": "nothing_described"} for name in LEVEL_NAMES.values()),
        *({"trigger": "answer", "source": f"level_{name}", "dest": "importance",
           "conditions": "done_describing"} for name in LEVEL_NAMES.values()),
        {"trigger": "answer", "source": "level_m1", "dest": "level_0"},
        {"trigger": "answer", "source": "level_0", "dest": "level_p1"},
        {"trigger": "answer", "source": "level_p1", "dest": "level_p2"},
        {"trigger": "answer", "source": "level_p2", "dest": "level_m2"},
        {"trigger": "answer", "source": "level_m2", "dest": "importance"},
        {"trigger": "answer", "source": "importance", "dest": "scaled"},
    ],
    params=params,
    entry=newest_unscaled,
)  # fmt: skip


# -- choosing a level at a check-in ---------------------------------------------------


def last_checked_in(work: Work) -> int | None:
    """The goal checked in on most recently, if it has levels to choose from."""
    dated = [(goal.checkins[-1].at, goal.number) for goal in work.goals.values() if goal.checkins]
    for _, number in sorted(dated, reverse=True):
        scale = scale_of(work.outcomes.scales, number)
        return number if scale is not None and scale.levels else None
    return None


def offer_rating(work: Work) -> str | None:
    """After a check-in (its ending): choose a level, when the goal has levels."""
    return "gas_rate" if last_checked_in(work) is not None else None


def level_choices(work: Work) -> tuple[Choice, ...]:
    scale = _gas(work).scale()
    words = scale.words() if scale else {}
    return (
        *(
            Choice(str(level), Msg("choice.gas_level", {"words": grow.shorten(words[level], 48)}))
            for level in sorted(words, reverse=True)
        ),
        SKIP,
    )  # fmt: skip


def levels_said(work: Work) -> dict[str, tuple[str, ...]]:
    """Each level in words ("lidt bedre" is +1), beside the person's own line for it."""
    return {str(level): level_said(level) for level in LEVELS}


def read_level(text: str) -> str:
    """A level by button, or typed as a number ("+1", "-2", "0", "-1")."""
    value = text.strip().replace(chr(0x2212), "-").removeprefix("+")
    if value == "skip" or value in {str(level) for level in LEVELS}:
        return value
    raise InvalidAnswerError("invalid.gas_level")


def save_rating(work: Work, answer: Any) -> None:
    gas = _gas(work)
    goal, scale = gas.goal, gas.scale()
    if answer == "skip" or goal is None or scale is None:
        return
    level = int(answer)
    if level not in scale.words():
        raise InvalidAnswerError("invalid.gas_level")
    ratings = gas.outcomes.ratings
    rating = GasRating(
        goal_number=goal.number,
        number=1 + sum(1 for r in ratings if r.goal_number == goal.number),
        at=work.now,
        level=level,
        checkin_number=goal.checkins[-1].number if goal.checkins else None,
    )
    gas.outcomes = gas.outcomes.model_copy(update={"ratings": (*ratings, rating)})
    work.draft["rated"] = level


def rate_entry(work: Work) -> str:
    work.draft["goal"] = last_checked_in(work)
    return "rate"


class RateWork(GasWork):
    def rated(self) -> bool:
        return isinstance(self.draft.get("rated"), int)


RATE = Flow(
    name="gas_rate",
    work=RateWork,
    questions=(
        Question(
            "rate",
            "gas.rate",
            choices=level_choices,
            read=read_level,
            save=save_rating,
            on_move={"skip": "skip", "thats_all": "skip", "no": "skip", "not_now": "skip"},
            said_as=levels_said,
        ),
    ),
    endings=(Ending("rated", "gas.rated"), Ending("not_rated", "gas.not_rated")),
    transitions=[
        {"trigger": "answer", "source": "rate", "dest": "rated", "conditions": "rated"},
        {"trigger": "answer", "source": "rate", "dest": "not_rated"},
    ],
    params=params,
    entry=rate_entry,
)
