"""A second reader for crisis language: a linear model learnt from the labelled messages.

The concept tables in `crisis.py` catch what they name, but people say the same things
in more ways than any table holds ("wrote letters for my mum today, feel weirdly calm").
This model has read every labelled message of the development set and weighs each word
and pair of words, so it also answers wording nobody wrote a rule for. It is trained by
`scripts/train_crisis_model.py` (scikit-learn's TF-IDF and logistic regression) and
shipped as plain numbers in `crisis_model.json.gz`; scoring here is a few dictionary
look-ups, with no library behind it, so it is as fast and as predictable as the rules.

A long message is read whole and also two sentences at a time, and the highest score
counts: a risk said once in the middle of ordinary news is not drowned by the news.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path

import Stemmer

MODEL_FILE = Path(__file__).parent / "crisis_model.json.gz"
DEV_SET = Path(__file__).parent.parent / "tests" / "data" / "crisis_messages.tsv"
"""What the model learnt from (in a source checkout; not installed with the package)."""

_FOLD = (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("\u2019", ""), ("\u2018", ""), ("'", ""))
_WORD = re.compile(r"\w+")
_STRETCHED = re.compile(r"(\w)\1{2,}")
_SENTENCE = re.compile(r"(?<=[.!?\n])\s+")
_RISKY = 1.0
_LONG = 400
"""Messages longer than this are also read two sentences at a time."""


_STEMMERS = (Stemmer.Stemmer("english"), Stemmer.Stemmer("danish"))


def terms(text: str) -> list[str]:
    """What the model reads in a text: its words, folded as people type them, each pair
    of neighbours, and each word's English and Danish stem (alone and in pairs), so
    "overdosed", "overdosing" and "overdoserede" share what was learnt."""
    text = unicodedata.normalize("NFC", text).casefold()
    for letter, plain in _FOLD:
        text = text.replace(letter, plain)
    words = _WORD.findall(_STRETCHED.sub(r"\1\1", text))
    english, danish = (stemmer.stemWords(words) for stemmer in _STEMMERS)
    return [
        *words,
        *(f"{a} {b}" for a, b in pairwise(words)),
        *(f"s:{stem}" for stem in english),
        *(f"d:{stem}" for stem in danish),
        *(f"s:{a} {b}" for a, b in pairwise(english)),
    ]


@dataclass(frozen=True)
class Model:
    """Per term: its inverse document frequency and its weight for "crisis"; per concern:
    weights to tell which kind of crisis a message speaks of."""

    idf: dict[str, float]
    weight: dict[str, float]
    intercept: float
    trained_on: str
    """The SHA-256 of the development set it learnt from."""
    concern_weights: dict[str, dict[str, float]]
    concern_intercepts: dict[str, float]
    risky: frozenset[str] = field(init=False)
    """Terms that weigh towards crisis: a pair of sentences without one is not read alone."""

    def __post_init__(self) -> None:
        risky = frozenset(term for term, w in self.weight.items() if w >= _RISKY)
        object.__setattr__(self, "risky", risky)

    def _counts(self, text: str) -> Counter[str]:
        """How often each term the model knows occurs in the text."""
        idf = self.idf
        return Counter(term for term in terms(text) if term in idf)

    def _vector(self, counts: Counter[str]) -> dict[str, float]:
        idf = self.idf
        vector = {term: (1 + math.log(n)) * idf[term] for term, n in counts.items()}
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        return {term: value / norm for term, value in vector.items()}

    def _probability(self, counts: Counter[str]) -> float:
        """The logistic regression's probability, with the TF-IDF vector's norm folded in."""
        idf, weight = self.idf, self.weight
        dot = squares = 0.0
        for term, n in counts.items():
            value = idf[term] if n == 1 else (1 + math.log(n)) * idf[term]
            dot += weight.get(term, 0.0) * value
            squares += value * value
        z = self.intercept + (dot / math.sqrt(squares) if squares else 0.0)
        return 1 / (1 + math.exp(-z))

    def probability(self, text: str) -> float:
        """How likely the message is crisis language (0 to 1), at its most worrying part.

        A long message's terms are counted once per sentence; the whole and each pair of
        neighbouring sentences are then read from those counts."""
        if len(text) <= _LONG:
            return self._probability(self._counts(text))
        sentences = [self._counts(s) for s in _SENTENCE.split(text) if s.strip()]
        whole: Counter[str] = Counter()
        for counts in sentences:
            whole.update(counts)
        risky = self.risky
        worrying = [any(term in risky for term in counts) for counts in sentences]
        pairs = (
            a + b
            for (a, b), (wa, wb) in zip(pairwise(sentences), pairwise(worrying), strict=True)
            if wa or wb
        )
        return max(self._probability(counts) for counts in (whole, sentences[-1], *pairs))

    def words(self, text: str) -> int:
        """How many words the model reads in the text."""
        return len(_WORD.findall(text))

    def concern(self, text: str) -> str:
        """The kind of crisis the message most likely speaks of (a `Concern` value)."""
        vector = self._vector(self._counts(text))

        def score(concern: str) -> float:
            weights = self.concern_weights[concern]
            intercept = self.concern_intercepts[concern]
            return intercept + sum(weights.get(t, 0.0) * v for t, v in vector.items())

        return max(self.concern_intercepts, key=score)


@cache
def model() -> Model:
    """The shipped model, read once."""
    with gzip.open(MODEL_FILE, "rt", encoding="utf-8") as file:
        return Model(**json.load(file))
