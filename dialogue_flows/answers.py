"""Turning what the person typed into an answer, or into a kind reason why not.

Every parser takes the cleaned text and returns a value or raises `InvalidAnswer`
with the catalogue key of a gentle explanation; the question then stays open.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

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


_YES = {"yes", "y", "yeah", "yep", "ok", "okay", "sure", "fine", "ja", "jo", "gerne"}
_NO = {"no", "n", "nope", "not now", "nej", "ikke nu", "no thanks", "nej tak"}


def yes_or_no(text: str) -> str:
    words = text.casefold().strip(" .!")
    if words in _YES or words.split(" ")[0] in _YES:
        return "yes"
    if words in _NO or words.split(" ")[0] in {"no", "nej"}:
        return "no"
    raise InvalidAnswerError("invalid.yes_no")


def several(text: str) -> tuple[str, ...]:
    """Ideas written one per line, or separated by semicolons or bullets."""
    parts = re.split(r"[\n;]+", text)
    ideas = (part.strip().lstrip("•*-\u2013· ").strip() for part in parts)
    return tuple(idea for idea in ideas if idea)
