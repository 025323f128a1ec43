"""A second reader for crisis language: a linear model learnt from the labelled messages.

The concept tables in `crisis.py` catch what they name, but people say the same things
in more ways than any table holds ("wrote letters for my mum today, feel weirdly calm").
This model has read every labelled message of the development set and weighs each word
and pair of words, so it also answers wording nobody wrote a rule for. It is trained by
`scripts/train_crisis_model.py` (scikit-learn's logistic regression) and shipped as plain
numbers in `crisis_model.json.gz`; scoring here is a few dictionary look-ups, with no
library behind it, so it is as fast and as predictable as the rules.

A long message is read two sentences at a time, and the highest score counts: a risk
said once in the middle of ordinary news is not drowned by the news.

The vector is TF-IDF over the text's distinct words and distinct pairs of neighbouring
words (each with its terms: the word, its stems), each of those counted once in the norm:
x(term) = n·idf / sqrt(sum over the text's terms of n·idf²), n almost always 1. Saying a
thing twice does not make it weigh more, and the score of a stretch of text is a sum over
its distinct words and pairs (each adds weight·idf to the dot product and idf² to the
norm), so each word's share is worked out once and cached, and each stretch and pair of
stretches is read from those sums: Telegram's longest message costs a fraction of a
millisecond.
"""

from __future__ import annotations

import gzip
import math
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise, starmap
from pathlib import Path
from typing import NamedTuple

import orjson
import Stemmer

from dialogue_flows.words import language_of

MODEL_FILE = Path(__file__).parent / "crisis_model.json.gz"
DEV_SET = Path(__file__).parent.parent / "tests" / "data" / "crisis_messages.tsv"
"""What the model learnt from (in a source checkout; not installed with the package)."""

_FOLD = (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("\u2019", ""), ("\u2018", ""), ("'", ""))
_WORD = re.compile(r"\w+")
_STRETCHED = re.compile(r"(\w)\1{2,}")
_SENTENCE = re.compile(r"(?<=[.!?\n])\s+")
_LONG = 400
"""Messages longer than this are read in stretches (see `Model.read`)."""
_STRETCH = 40
"""The most words read as one stretch of a long message."""
_CACHED = 65536
"""Words (and pairs) whose share is kept, the least recently read dropped first."""


_STEMMERS = (Stemmer.Stemmer("english"), Stemmer.Stemmer("danish"))


def _folded(text: str) -> str:
    """Folded as people type: case, Danish letters, apostrophes."""
    text = unicodedata.normalize("NFC", text).casefold()
    for letter, plain in _FOLD:
        text = text.replace(letter, plain)
    return text


@lru_cache(maxsize=_CACHED)
def _plain(word: str) -> str:
    """Letters stretched for feeling cut to two ("sooooo" → "soo")."""
    return _STRETCHED.sub(r"\1\1", word)


def _words(text: str) -> list[str]:
    """The words as the model reads them."""
    return list(map(_plain, _WORD.findall(_folded(text))))


BOTH = "en da"


def language(words: Iterable[str]) -> str:
    """ "en", "da", or both when the text's small function words do not say. A word is
    stemmed only as a word of its text's language: the Danish stem of "after" is that
    of "aften" (evening, as in "i aften", tonight), and an English message about the
    chemist must not weigh what Danish messages about tonight taught."""
    return language_of(words) or BOTH


def _unit_terms(word: str, english: str, danish: str, lang: str = BOTH) -> tuple[str, ...]:
    if lang == "en":
        return word, f"s:{english}"
    if lang == "da":
        return word, f"d:{danish}"
    return word, f"s:{english}", f"d:{danish}"


def _link_terms(a: str, b: str, a_english: str, b_english: str) -> tuple[str, ...]:
    return f"{a} {b}", f"s:{a_english} {b_english}"


def terms(text: str) -> list[str]:
    """What the model reads in a text: its distinct words and distinct pairs of neighbours,
    each word also as its English and Danish stem (and pairs as English stems), so
    "overdosed", "overdosing" and "overdoserede" share what was learnt. (Training reads
    these; scoring adds up the same terms word by word, see `Model.read`.)"""
    words = _words(text)
    lang = language(words)
    distinct = list(dict.fromkeys(words))
    english, danish = (stemmer.stemWords(distinct) for stemmer in _STEMMERS)
    stem = dict(zip(distinct, english, strict=True))
    found = [t for w, e, d in zip(distinct, english, danish, strict=True)
             for t in _unit_terms(w, e, d, lang)]  # fmt: skip
    found += [t for a, b in dict.fromkeys(pairwise(words))
              for t in _link_terms(a, b, stem[a], stem[b])]  # fmt: skip
    return found


class Reading(NamedTuple):
    """What the model makes of a message."""

    probability: float
    """How likely it is crisis language (0 to 1), at its most worrying part."""
    words: int
    """How many words it read."""


Share = tuple[float, float]  # (weight·idf summed, idf² summed) over some terms


class Stretch(NamedTuple):
    """Some words of a message as the model read them."""

    share: Share
    words: set[str]
    pairs: set[tuple[str, str]]


def _total(shares: Iterable[Share]) -> Share:
    dot = squares = 0.0
    for d, s in shares:
        dot += d
        squares += s
    return dot, squares


def _scaled(share: Share) -> float:
    """The dot product of the weights with the normed vector."""
    dot, squares = share
    return dot / math.sqrt(squares) if squares else 0.0


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
    _unit: Callable[[str, str], Share] = field(init=False, repr=False)
    _link: Callable[[str, str], Share] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        """Each word's and each pair's share, worked out once (a cache per model).

        A word the model never saw counts as the rarest word it knows, with no weight
        either way: it dilutes what the known words say. Dropped, as a plain TF-IDF
        reader drops it, "Hugh. Just Hugh" was read as the one word "just" (0.86, a
        crisis suspected at the name question); counted, 0.13. On sets the model never
        read it found one crisis message fewer and spared three everyday ones."""
        stem = lru_cache(maxsize=_CACHED)(
            lambda word: tuple(stemmer.stemWord(word) for stemmer in _STEMMERS)
        )
        unseen = max(self.idf.values(), default=0.0) ** 2

        def unit_share(w: str, lang: str) -> Share:
            dot, squares = self._share(_unit_terms(w, stem(w)[0], stem(w)[1], lang))
            return dot, squares + (0.0 if w in self.idf else unseen)

        unit = lru_cache(maxsize=_CACHED)(unit_share)
        link = lru_cache(maxsize=_CACHED)(
            lambda a, b: self._share(_link_terms(a, b, stem(a)[0], stem(b)[0]))
        )
        object.__setattr__(self, "_unit", unit)
        object.__setattr__(self, "_link", link)

    def _share(self, terms: tuple[str, ...]) -> Share:
        idf, weight = self.idf, self.weight
        dot = squares = 0.0
        for term in terms:
            value = idf.get(term)
            if value is not None:
                dot += weight.get(term, 0.0) * value
                squares += value * value
        return dot, squares

    def _stretch(self, words: list[str], lang: str) -> Stretch:
        """A stretch of words read: its share, its distinct words and pairs."""
        distinct, pairs = set(words), set(pairwise(words))
        units = (self._unit(word, lang) for word in distinct)
        share = _total((*units, *starmap(self._link, pairs)))
        return Stretch(share, distinct, pairs)

    def _together(self, a: Stretch, b: Stretch, border: tuple[str, str], lang: str) -> Share:
        """Two neighbouring stretches read as one: what they share is counted once."""
        shared = _total((*(self._unit(word, lang) for word in a.words & b.words),
                         *starmap(self._link, a.pairs & b.pairs)))  # fmt: skip
        new = border not in a.pairs and border not in b.pairs
        joined = self._link(*border) if new else (0.0, 0.0)
        return _total((a.share, b.share, joined, (-shared[0], -shared[1])))

    def _probability(self, share: Share) -> float:
        return 1 / (1 + math.exp(-self.intercept - _scaled(share)))

    def read(self, text: str) -> Reading:
        """How likely the message is crisis language, at its most worrying part.

        A short message is read whole. A long one is read in stretches (its sentences, a
        long sentence cut every `_STRETCH` words), two neighbouring stretches at a time,
        and the last alone; the highest counts, so a risk said once in the middle of
        ordinary news is not drowned by the news."""
        folded = _folded(text)
        if len(text) <= _LONG:
            words = list(map(_plain, _WORD.findall(folded)))
            lang = language(words)
            return Reading(self._probability(self._stretch(words, lang).share), len(words))
        stretches = [
            sentence[start : start + _STRETCH]
            for sentence in (list(map(_plain, _WORD.findall(s))) for s in _SENTENCE.split(folded))
            for start in range(0, len(sentence), _STRETCH)
        ]
        if not stretches:
            return Reading(self._probability((0.0, 0.0)), 0)
        lang = language(word for stretch in stretches for word in stretch)
        read = [self._stretch(stretch, lang) for stretch in stretches]
        parts = [read[-1].share]
        parts += [
            self._together(a, b, (before[-1], after[0]), lang)
            for (a, b), (before, after) in zip(pairwise(read), pairwise(stretches), strict=True)
        ]
        z = self.intercept + max(map(_scaled, parts))
        return Reading(1 / (1 + math.exp(-z)), sum(map(len, stretches)))

    def probability(self, text: str) -> float:
        """How likely the message is crisis language (0 to 1), at its most worrying part."""
        return self.read(text).probability

    def concern(self, text: str, among: Iterable[str] | None = None) -> str:
        """The kind of crisis the message most likely speaks of (a `Concern` value), of
        `among` when given."""
        idf = self.idf
        counts = Counter(term for term in terms(text) if term in idf)
        norm = math.sqrt(sum(n * idf[t] * idf[t] for t, n in counts.items())) or 1.0
        vector = {t: n * idf[t] / norm for t, n in counts.items()}

        def score(concern: str) -> float:
            weights = self.concern_weights[concern]
            intercept = self.concern_intercepts[concern]
            return intercept + sum(weights.get(t, 0.0) * v for t, v in vector.items())

        return max(among or self.concern_intercepts, key=score)


_LOADING = threading.Lock()


def model() -> Model:
    """The shipped model, read once (by orjson: a third of the time `json` took). The
    bot's warm-up thread and the first message may ask at once: one reads it, the other
    waits for it, rather than both reading (about 0.3 s of CPU each)."""
    with _LOADING:
        return _loaded()


@cache
def _loaded() -> Model:
    return Model(**orjson.loads(gzip.decompress(MODEL_FILE.read_bytes())))
