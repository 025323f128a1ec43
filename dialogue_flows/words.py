"""Words as people type them, made comparable: the shared ground of moves and answers.

People write "Thats al!!", "that’s all", "THATS ALLLL", "maaske senere" and "måske
senere" for the same thing. `fold` makes such spellings equal; `words` cuts a message
into folded words that remember where they stood in the original text; `stem` gives a
word's Snowball stem in English or Danish ("stopping" → "stop", "stopper" → "stop"),
so tables list base forms only; `close` accepts one typo in a word long enough to carry
one ("knw" for "know", "al" for "all", "senre" for "senere").

Examples:
    >>> fold("That’s ALLLL")
    'thats al'
    >>> fold("Måske SENERE")
    'maaske senere'
    >>> [word.text for word in words("i'll keep it, 6 is fine")]
    ['ill', 'keep', 'it', '6', 'is', 'fine']
    >>> stem("stopping", "en"), stem("stopper", "da")
    ('stop', 'stop')
    >>> close("knw", "know"), close("step", "stop"), close("dona", "done")
    (True, False, False)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import Stemmer
from rapidfuzz.distance import OSA, Indel

Language = str
"""'en' or 'da': the languages whose tables and stemmers growcoach has."""

LANGUAGES: tuple[Language, ...] = ("en", "da")

_APOSTROPHES = re.compile(r"['\u2019\u2018\u02bc`\u00b4]")
_STRETCHED = re.compile(r"(\w)\1{2,}")
_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
_WORD = re.compile(r"[^\W_]+(?:['\u2019\u2018\u02bc`\u00b4][^\W_]+)*")
_STEMMERS = {"en": "english", "da": "danish"}
WORDS_REMEMBERED = 1 << 16
"""How many distinct words the per-word caches keep (a few MB at most)."""


# Small words that say which language a sentence is in, so that its words are stemmed
# only as that language's words (both when they do not say). Folded; no "i" (in Danish
# it means "in").
ENGLISH_WORDS = frozenset({
    "the", "and", "is", "im", "to", "my", "me", "it", "of", "a", "you", "that", "this", "was",
    "with", "have", "be", "he", "she", "they", "what", "just", "not", "dont", "cant", "so",
    "but", "at", "on", "its", "ive", "am", "are", "been", "do", "did", "if", "or", "when",
    "there",
})  # fmt: skip
DANISH_WORDS = frozenset({
    "og", "er", "jeg", "det", "ikke", "at", "en", "et", "paa", "til", "med", "har", "vil",
    "kan", "min", "mit", "mig", "han", "hun", "de", "den", "som", "der", "saa", "hvis", "bare",
    "ogsaa", "nu", "af", "mine", "var", "skal", "ved",
})  # fmt: skip


def language_of(typed: Iterable[str]) -> Language | None:
    """The language of a text by its small function words, or None when they do not
    say. A word is stemmed only as a word of its text's language: the Danish stems of
    "after", "take", "made" and "more" are those of "aften" (evening), "tak" (thanks),
    "mad" (food) and "mor" (mother)."""
    seen = set(typed)
    english, danish = len(ENGLISH_WORDS & seen), len(DANISH_WORDS & seen)
    return "en" if english > danish else "da" if danish > english else None


def fold(text: str) -> str:
    """Case, apostrophes, stretched letters, æøå as ae/oe/aa, accents: all made plain.

    Letters written three or more times in a row count once ("nooo" is "no"); a typo
    left by that ("ikkke" → "ike") is forgiven later by `close`.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _STRETCHED.sub(r"\1", _APOSTROPHES.sub("", text))
    text = unicodedata.normalize("NFKD", text.translate(_DANISH))
    return "".join(char for char in text if not unicodedata.combining(char))


@dataclass(frozen=True)
class Word:
    """One folded word and where it stood in the original text (start, end)."""

    text: str
    start: int
    end: int


ABBREVIATED = (
    "kl",
    "ca",
    "pr",
    "inkl",
    "mht",
    "ift",
    "jf",
    "etc",
    "vs",
    "fx",
    "nr",
    "dvs",
    "osv",
    "evt",
    "mr",
    "mrs",
    "dr",
    "st",
    "f.eks",
    "bl.a",
    "e.g",
    "i.e",
)
"""Words whose full stop ends no sentence ("ingen øl før kl. 12", "ca. 3 gange")."""
_NOT_ABBREVIATED = "".join(rf"(?<!\b{re.escape(short)})" for short in ABBREVIATED)
SENTENCE_STOP = (
    rf"(?:{_NOT_ABBREVIATED}(?<!\d)\.(?!\d)|(?<=\d)(?<!\b\d)(?<!\b\d\d)\.(?!\d)"
    rf"|(?:(?<=\b\d)|(?<=\b\d\d))\.(?!\d)(?!\s+(?-i:[a-zæøå]))|[!?\u2026])"
)
"""A mark that ends a sentence: not the dot of "kl." or of "10.000", nor of a Danish
ordinal before a word ("til 3. modul", "i 2. g": Freja's idea was cut in two)."""
_SENTENCE_ENDS = re.compile(rf"(?:{SENTENCE_STOP}|\n)+", re.IGNORECASE)


NOT_IN_DIALECT_AFTER = frozenset({
    "ved", "vidste", "gider", "gad", "ville", "vil", "er", "var", "har", "havde", "kan",
    "kunne", "skal", "skulle", "maa", "må", "toer", "tør", "orker", "goer", "gør",
    "gjorde", "det", "ae", "æ", "jeg", "du", "vi", "sgu", "nu", "endnu", "helt", "ku",
    "sku", "faar", "får", "fik", "blev", "bliver", "vist",
})  # fmt: skip
"""Words after which "it" is West Jutland's "ikke" ("æ ved it", "gider it", "æ ville it
være ham far der lugter af bajer"): Kasper's "ved it" was kept as his goal, and his
"ville it være" read as a wish not to be."""


def in_dialect(typed: list[str]) -> list[str]:
    """The words with a West Jutland "it" (after `NOT_IN_DIALECT_AFTER`) read as "ikke"."""
    return [
        "ikke" if word == "it" and at and typed[at - 1] in NOT_IN_DIALECT_AFTER else word
        for at, word in enumerate(typed)
    ]


def sentence_ends_between(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends between these two places in the text: not at the dot of
    "kl. 21.30" (Mette's step was noted to be done "kl")."""
    return any(
        start <= found.start() < end and _FULL_STOP.search(found.group())
        for found in _SENTENCE_ENDS.finditer(text)
    )  # "torsdag… kl 10": a pause, not an end


_FULL_STOP = re.compile(r"[.!?\n]")


def sentences(text: str) -> list[str]:
    """The sentences of a message, each with the marks that end it; "Mit mål er: ingen øl
    før kl. 12. Det er nok." is two, not three (a tester's goal was kept as "før kl").

    >>> sentences("Mit mål er: ingen øl før kl. 12. Det koster 10.000 kr!")
    ['Mit mål er: ingen øl før kl. 12.', ' Det koster 10.000 kr!']
    """
    found, start = [], 0
    for end in _SENTENCE_ENDS.finditer(text):
        found.append(text[start : end.end()].rstrip("\n"))
        start = end.end()
    return [part for part in (*found, text[start:]) if part.strip()]


def words(text: str) -> list[Word]:
    """The words of a message, folded, with their places in the original text."""
    return [Word(_folded(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=WORDS_REMEMBERED)
def _folded(word: str) -> str:
    """`fold` of one word: people use the same few thousand words again and again, and
    every message is read several times a turn (moves, answers, the crisis check)."""
    return fold(word)


@cache
def _stemmer(language: Language) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(_STEMMERS[language])


@cache
def stem(word: str, language: Language) -> str:
    """The Snowball stem of a folded word in one language."""
    return str(_stemmer(language).stemWord(word))


def close(typed: str, meant: str) -> bool:
    """Whether `typed` is `meant` with at most one slip of the finger.

    The first letter must agree (people rarely miss it, and "thats"/"whats" differ).
    Short words (3–4 letters) allow one missing letter inside the word or of a double
    ("knw" for "know", "al" for "all"; not "et" for "eat", "sam" for "same") or, in 4
    letters, two swapped; not an extra or changed letter, so names ("Noah", "Dona",
    "Sam", "Don") and other words ("step") are not read as "nah", "done", "same",
    "dno" or "stop"; from 5 letters one slip of any kind, from 10 letters two.
    """
    if typed == meant:
        return True
    if len(meant) < 3 or not typed or typed[0] != meant[0]:
        return False
    if len(meant) <= 4:
        inside = typed != meant[:-1] or meant[-1] == meant[-2]
        doubled = len(meant) == 4 or len(set(meant)) < len(meant)
        missing = (
            inside
            and doubled
            and len(typed) == len(meant) - 1
            and Indel.distance(typed, meant) == 1
        )
        swapped = len(meant) == 4 and sorted(typed) == sorted(meant)
        return missing or (swapped and OSA.distance(typed, meant) == 1)
    return OSA.distance(typed, meant) <= (2 if len(meant) >= 10 else 1)


@dataclass(frozen=True)
class Phrase:
    """Words from a table, folded, with the language they are in and what they mean."""

    words: tuple[str, ...]
    language: Language
    meaning: str = ""


def phrase(text: str, language: Language, meaning: str = "") -> Phrase:
    return Phrase(tuple(word.text for word in words(text)), language, meaning)


@cache
def same_word(
    typed: str, meant: str, language: Language, *, stems: bool, typos: bool = True
) -> bool:
    """A typed word is a table's word: as written (one typo forgiven), or by its stem.

    A stem counts only for a word at least as long as the table's ("stopping" is
    "stop"), so a short name is never a longer word cut down ("Sam" is not "samme").
    """
    if typed == meant or (typos and close(typed, meant)):
        return True
    return stems and len(typed) >= len(meant) and stem(typed, language) == stem(meant, language)


class Phrases:
    """A set of phrases to look for in typed words, indexed once by first letter."""

    def __init__(
        self, phrases: Iterable[Phrase], *, stems: bool = False, typos: bool = True
    ) -> None:
        self.stems = stems
        self.typos = typos
        self._by_letter: dict[str, list[Phrase]] = {}
        for found in sorted(phrases, key=lambda p: -len(p.words)):
            self._by_letter.setdefault(found.words[0][:1], []).append(found)
        self._starting = lru_cache(maxsize=WORDS_REMEMBERED)(self._starting_with)

    def find(
        self, typed: Sequence[str], said_in: Sequence[str] | None = None
    ) -> list[tuple[int, int, Phrase]]:
        """Where the phrases occur in the typed words: (start, end, phrase), in order.

        At each place the longest phrase wins and its words are used up, so "did not"
        is found as itself, not as "did". The language is that of `said_in` (the whole
        text, when `typed` leaves some words out), else of `typed`.

        >>> table = Phrases([phrase("did", "en", "done"), phrase("did not", "en", "not_yet")])
        >>> [(start, end, p.meaning) for start, end, p in table.find(["i", "did", "not"])]
        [(1, 3, 'not_yet')]
        """
        found: list[tuple[int, int, Phrase]] = []
        start = 0
        language = language_of(typed if said_in is None else said_in) if self.stems else None
        while start < len(typed):
            match = self._at(typed, start, language)
            if match is None:
                start += 1
                continue
            found.append((start, start + len(match.words), match))
            start += len(match.words)
        return found

    def _at(self, typed: Sequence[str], start: int, language: Language | None) -> Phrase | None:
        """The longest phrase at `start`, one written right before one with a typo; by
        stems only a phrase in the text's language (or either, when it does not say)."""
        for typos in (False, True) if self.typos else (False,):
            for candidate in self._starting(typed[start], typos):
                end = start + len(candidate.words)
                stems = self.stems and language in (None, candidate.language)
                if (
                    end <= len(typed)
                    and (
                        stems
                        or same_word(
                            typed[start],
                            candidate.words[0],
                            candidate.language,
                            stems=False,
                            typos=typos,
                        )
                    )
                    and all(
                        same_word(typed[at], meant, candidate.language, stems=stems, typos=typos)
                        for at, meant in zip(
                            range(start + 1, end), candidate.words[1:], strict=True
                        )
                    )
                ):
                    return candidate
        return None

    def _starting_with(self, word: str, typos: bool) -> tuple[Phrase, ...]:
        """The phrases whose first word `word` is, longest first: worked out once per
        word (`_starting`), as every place of every message asks it again."""
        return tuple(
            candidate
            for candidate in self._by_letter.get(word[:1], ())
            if same_word(word, candidate.words[0], candidate.language, stems=self.stems,
                         typos=typos)
        )  # fmt: skip
