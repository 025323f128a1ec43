"""Goal Attainment Scaling: levels in the person's own words, and the Kiresuk–Sherman T-score.

Each goal may have five levels, from -2 ("worse than now") to +2 ("much better than
expected"), described by the person in their own words. At a check-in they pick the
level that fits; across goals the latest levels give one T-score (Kiresuk & Sherman,
1968):

    T = 50 + 10·Σwᵢxᵢ / √((1 - rho)·Σwᵢ² + rho·(Σwᵢ)²),   rho = 0.3

where xᵢ is goal i's level and wᵢ its importance (1 unless the person weighed it).
50 means "as expected" across all goals; each 10 points is about one level.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dialogue_flows.answers import InvalidAnswerError, yes_or_no
from dialogue_flows.outcome_records import GasRating, GasScale
from dialogue_flows.types import Msg

LEVELS = (-1, 0, 1, 2, -2)
"""In the order the person describes them: where they are now first, then the hoped-for
levels, and last how it would look if things went backwards."""
RHO = 0.3
"""The inter-goal correlation Kiresuk and Sherman assumed; the conventional value."""
IMPORTANCE = {1: "a_little", 2: "quite", 3: "very"}
"""How much a goal weighs in the T-score, as the person says it."""


@dataclass(frozen=True)
class Scored:
    """One goal's part in the T-score: its latest level and its weight."""

    level: int
    weight: float = 1.0


def yes_or_no_choice(text: str) -> str:
    """Yes or no to one of the outcome questions; otherwise a word about the buttons
    (the general yes/no reply speaks of consent)."""
    try:
        return yes_or_no(text)
    except InvalidAnswerError:
        raise InvalidAnswerError("invalid.choose_button") from None


def t_score(goals: Iterable[Scored], rho: float = RHO) -> float | None:
    """The Kiresuk–Sherman T-score of these goals; None when there is nothing to score."""
    scored = list(goals)
    if not scored:
        return None
    weighted = sum(goal.weight * goal.level for goal in scored)
    squares = sum(goal.weight**2 for goal in scored)
    total = sum(goal.weight for goal in scored)
    return 50 + 10 * weighted / math.sqrt((1 - rho) * squares + rho * total**2)


def latest_levels(
    scales: Iterable[GasScale], ratings: Iterable[GasRating], goals: Iterable[int] | None = None
) -> dict[int, Scored]:
    """Each scaled goal's most recent level (by goal number), weighted by its importance.

    `goals` limits it to those goal numbers (the ones still being worked on).
    """
    weights = {scale.goal_number: float(scale.importance or 1) for scale in scales}
    wanted = set(weights) if goals is None else set(weights) & set(goals)
    found: dict[int, Scored] = {}
    for rating in sorted(ratings, key=lambda rating: (rating.at, rating.number)):
        if rating.goal_number in wanted:
            found[rating.goal_number] = Scored(rating.level, weights[rating.goal_number])
    return found


def describe_t(score: float | None) -> Msg:
    """The T-score in plain words for the person: as expected, better, or not there yet.

    The number itself is for the worker (`worker_t`): "målopfyldelse 40" means nothing
    to the person it describes.
    """
    if score is None:
        return Msg("gas.t_none")
    rounded = round(score)
    if rounded > 52:
        return Msg("gas.t_above")
    if rounded < 48:
        return Msg("gas.t_below")
    return Msg("gas.t_expected")


def worker_t(score: float) -> Msg:
    """The T-score as a number, for the worker's export beside the plain words."""
    return Msg("pdf.gas_t_score", {"score": round(score)})


def level_words(scale: GasScale, level: int) -> str | None:
    """The person's own words for `level` on this goal, if they gave any."""
    return scale.words().get(level)


def scale_of(scales: Iterable[GasScale], goal_number: int) -> GasScale | None:
    return next((scale for scale in scales if scale.goal_number == goal_number), None)


def level_label(level: int) -> str:
    """A level as the worker's papers write it: "+1", "0", "-2"."""
    return f"+{level}" if level > 0 else str(level)


def plain_level(level: int) -> Msg:
    """A level as the person reads it: "a bit better than expected", not "+1"."""
    sign = "p" if level > 0 else "m" if level < 0 else ""
    return Msg(f"gas.level_words.{sign}{abs(level)}")


def by_goal(ratings: Iterable[GasRating]) -> Mapping[int, list[GasRating]]:
    """Each goal's levels over time, oldest first."""
    found: dict[int, list[GasRating]] = {}
    for rating in sorted(ratings, key=lambda rating: (rating.at, rating.number)):
        found.setdefault(rating.goal_number, []).append(rating)
    return found
