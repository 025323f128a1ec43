"""Turning what the person typed into an answer, or into a kind reason why not.

Every parser takes the cleaned text and returns a value or raises `InvalidAnswer`
with the catalogue key of a gentle explanation; the question then stays open.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

MAX_ANSWER_CHARS = 1000
"""Long enough for a heartfelt paragraph, short enough to read back in a PDF."""

MAX_NAME_CHARS = 60

_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


class InvalidAnswerError(Exception):
    """The text cannot answer the open question; `key` explains why, kindly."""

    def __init__(self, key: str, params: Mapping[str, str | int] | None = None) -> None:
        super().__init__(key)
        self.key = key
        self.params: Mapping[str, str | int] = params or {}


def clean(text: str) -> str:
    """Normalise Unicode and drop control and invisible characters, keeping line breaks.

    The person's words are kept as they wrote them otherwise: emoji, right-to-left
    scripts and accents pass through untouched.
    """
    text = unicodedata.normalize("NFC", text)
    kept = [
        char
        for char in text
        if char in "\n\t"
        or (unicodedata.category(char) not in {"Cc", "Cs", "Co"} and char not in _INVISIBLE)
    ]
    lines = ("".join(kept)).replace("\t", " ").split("\n")
    return "\n".join(line.strip() for line in lines).strip()


def check_length(text: str) -> str:
    if not text:
        raise InvalidAnswerError("invalid.empty")
    if len(text) > MAX_ANSWER_CHARS:
        raise InvalidAnswerError("invalid.too_long", {"limit": MAX_ANSWER_CHARS})
    return text


def free_text(text: str) -> str:
    return text


def name(text: str) -> str:
    if len(text) > MAX_NAME_CHARS or "\n" in text:
        raise InvalidAnswerError("invalid.name")
    return text


_NUMBER_WORDS = {
    word: value
    for value, words in enumerate(
        [
            ("zero", "nul"),
            ("one", "en", "et"),
            ("two", "to"),
            ("three", "tre"),
            ("four", "fire"),
            ("five", "fem"),
            ("six", "seks"),
            ("seven", "syv"),
            ("eight", "otte"),
            ("nine", "ni"),
            ("ten", "ti"),
        ]
    )
    for word in words
}


def scale(text: str) -> int:
    """A rating from 0 to 10, written as a digit ("about 6") or a word ("seven")."""
    digits = re.findall(r"\d+", text)
    words = [_NUMBER_WORDS[w] for w in re.findall(r"\w+", text.casefold()) if w in _NUMBER_WORDS]
    found = [int(d) for d in digits] if digits else words
    if len(found) != 1 or not 0 <= found[0] <= 10:
        raise InvalidAnswerError("invalid.scale")
    return found[0]


def comparable(text: str) -> str:
    """Letters and digits only, case-folded: "That's all!" and "thats all" compare equal."""
    return "".join(char for char in text.casefold() if char.isalnum())


_YES = {"yes", "y", "yeah", "yep", "yup", "ok", "okay", "sure", "fine", "agree", "ja", "jo",
        "gerne", "selvfølgelig"}  # fmt: skip
_NO = {"no", "n", "nope", "nah", "notnow", "nothanks", "nej", "ikkenu", "nejtak"}


def yes_or_no(text: str) -> str:
    words = re.findall(r"\w+", text.casefold())
    if comparable(text) in _YES or (words and words[0] in _YES):
        return "yes"
    if comparable(text) in _NO or (words and words[0] in {"no", "nope", "nah", "nej"}):
        return "no"
    raise InvalidAnswerError("invalid.yes_no")


_NOTHING_MORE = {"no", "nope", "nah", "none", "nothing", "nothingelse", "nomore", "done",
                 "thatsall", "thatsit", "thatsallofthem", "nej", "ingen", "ikkemere",
                 "detvardet", "detvaralt", "detervist", "færdig"}  # fmt: skip


def more_or_done(text: str) -> str:
    """Another idea, or "done" when the person says there are no more."""
    return "done" if comparable(text) in _NOTHING_MORE else text


def several(text: str) -> tuple[str, ...]:
    """Ideas written one per line, or separated by semicolons or bullets."""
    parts = re.split(r"[\n;]+", text)
    ideas = (part.strip().lstrip("•*-\u2013· ").strip() for part in parts)
    return tuple(idea for idea in ideas if idea)


@dataclass(frozen=True)
class OneOf:
    """For questions that only buttons can answer: the value of a choice, or a kind no."""

    values: tuple[str, ...]

    def pick(self, text: str) -> str:
        if text not in self.values:
            raise InvalidAnswerError("invalid.pick")
        return text
