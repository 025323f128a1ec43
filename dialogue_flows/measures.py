"""The optional measures: WHO-5 (English, Danish) and QPR-15 (English), as published.

Each measure is a TOML file in `measures/`: its items and answer options in the exact
published wording, per language, with the source, and how it is scored. The words of a
validated questionnaire are not ours to rephrase, so they live here and not in the
catalogues; a measure is offered only in the languages it was published in.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

MEASURES_DIR = Path(__file__).parent / "measures"


class Option(BaseModel):
    """One published answer, its score, and its wording in each language."""

    model_config = ConfigDict(frozen=True, extra="allow")

    score: int

    def label(self, language: str) -> str:
        return str(getattr(self, language))


class Measure(BaseModel):
    """A questionnaire: items and options per language, the source, and the scoring rule.

    The total is the sum of the item scores times `multiplier` (WHO-5: x4, 0–100;
    QPR-15: x1, 0–60). `low_at_or_below` marks a total that calls for care (WHO-5: 28).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    languages: tuple[str, ...]
    title: dict[str, str]
    source: dict[str, str]
    period: dict[str, str]
    items: dict[str, tuple[str, ...]]
    options: tuple[Option, ...]
    multiplier: int = 1
    low_at_or_below: int | None = None
    code: dict[str, str] | None = None
    """The questionnaire's code in a standard terminology (`system`, `code`), where one was
    found; the TOML names the source."""

    @model_validator(mode="after")
    def _every_language_complete(self) -> Measure:
        """A language is offered only with all its items, options and source."""
        counts = {len(items) for items in self.items.values()}
        if len(counts) != 1:
            raise ValueError(f"{self.id}: languages have different numbers of items")
        for language in self.languages:
            for table in (self.title, self.source, self.period, self.items):
                if language not in table:
                    raise ValueError(f"{self.id}: no {language} wording")
            if any(not hasattr(option, language) for option in self.options):
                raise ValueError(f"{self.id}: an option has no {language} wording")
        return self

    @property
    def size(self) -> int:
        return len(next(iter(self.items.values())))

    @property
    def maximum(self) -> int:
        return self.size * max(option.score for option in self.options) * self.multiplier

    def item(self, number: int, language: str) -> str:
        return self.items[language][number]

    def score(self, answers: Sequence[int]) -> int:
        """The total as published: every item answered, each a published score."""
        allowed = {option.score for option in self.options}
        if len(answers) != self.size or any(answer not in allowed for answer in answers):
            raise ValueError(f"{self.id}: {len(answers)} answers cannot be scored")
        return sum(answers) * self.multiplier

    def is_low(self, score: int) -> bool:
        return self.low_at_or_below is not None and score <= self.low_at_or_below


@cache
def measures() -> dict[str, Measure]:
    """Every measure shipped, by id; checked when first read."""
    found = {}
    for path in sorted(MEASURES_DIR.glob("*.toml")):
        with path.open("rb") as file:
            measure = Measure.model_validate(tomllib.load(file))
        found[measure.id] = measure
    return found


def offered(language: str) -> tuple[Measure, ...]:
    """The measures published in this language (QPR-15 has no validated Danish wording)."""
    return tuple(measure for measure in measures().values() if language in measure.languages)
