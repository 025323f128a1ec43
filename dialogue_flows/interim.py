"""PLACEHOLDER until the `understand` branch lands in `answers`: the same names, simply.

Deleted on merge; the flows then import these from `dialogue_flows.answers`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence


def key_phrase(text: str, limit: int = 90) -> str:
    """The first sentence or clause, cut at a word boundary, never mid-word."""
    first = re.split(r"(?<=[.!?;])\s|\n", text.strip(), maxsplit=1)[0].rstrip(".;")
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


_AREAS = {
    "purpose": ("job", "work", "course", "college", "volunteer", "arbejde", "job", "uddannelse"),
    "home": ("flat", "house", "home", "housing", "bolig", "lejlighed", "hjem"),
    "health": ("sleep", "drink", "drinking", "clean", "walk", "health", "søvn", "sove", "drikke"),
    "community": ("friend", "friends", "sister", "brother", "family", "venner", "familie"),
}


def suggest_area(goal_text: str) -> str | None:
    words = set(re.findall(r"\w+", goal_text.casefold()))
    return next((area for area, found in _AREAS.items() if words & set(found)), None)


_OUTCOMES = {
    "partly": ("but", "men", "some", "partly", "lidt", "delvist", "half", "noget"),
    "not_yet": ("didn't", "didnt", "not", "no", "nej", "ikke", "couldn't"),
    "changed": ("changed", "ombestemt"),
    "done": ("did", "done", "yes", "ja", "asked", "went", "gjorde", "fik"),
}


def step_outcome(text: str) -> str | None:
    words = set(re.findall(r"[\w']+", text.casefold().replace("\u2019", "'")))
    found = [o for o, marks in _OUTCOMES.items() if words & set(marks)]
    if "done" in found and "not_yet" in found:
        return "partly"
    return found[0] if found else None


def _stems(text: str) -> set[str]:
    return {word[:5] for word in re.findall(r"\w+", text.casefold()) if len(word) > 3}


def match_choice(text: str, labels: Sequence[str]) -> int | None:
    wanted = _stems(text)
    scores = [len(wanted & _stems(label)) / max(len(_stems(label)), 1) for label in labels]
    best = max(scores, default=0.0)
    return scores.index(best) if best >= 0.5 and scores.count(best) == 1 else None
