# ruff: noqa: E501  (a placeholder: replaced by the understand branch)
"""PLACEHOLDER until the `understand` branch lands: what the person is doing, not saying.

A handful of exact phrases, so the flows can be built and tested against the agreed API
(`read_move`, `split_move`, `Move`). The real module replaces this file on merge.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Move(StrEnum):
    KEEP = "keep"
    THATS_ALL = "thats_all"
    YES = "yes"
    NO = "no"
    NOT_NOW = "not_now"
    STOP = "stop"
    DONT_KNOW = "dont_know"
    ALREADY_SAID = "already_said"
    ADVICE = "advice"
    QUESTION = "question"
    REAL_PERSON = "real_person"
    GREETING = "greeting"


_PHRASES = {
    Move.KEEP: ("keep it", "keep it as it is", "i think i'll keep it like that", "i'll keep it", "behold det", "det er fint"),
    Move.THATS_ALL: ("that's all", "thats all", "that's it", "no that's it", "nothing else", "no i think that's it really", "oh sorry that's all",
                     "no more", "det var det", "det var alt", "nej det var det", "ikke mere"),
    Move.YES: ("yes", "yeah", "yep", "ja", "jep", "that's right", "det passer"),
    Move.NO: ("no", "nope", "nej", "not quite", "ikke helt"),
    Move.NOT_NOW: ("not now", "later", "ikke nu", "senere"),
    Move.STOP: ("stop", "pause", "stop nu"),
    Move.DONT_KNOW: ("i don't know", "dont know", "idk", "no idea", "ved ikke", "det ved jeg ikke"),
    Move.ALREADY_SAID: ("i already said", "i just said", "i said that", "i just said lol",
                        "det har jeg sagt", "det sagde jeg"),
    Move.ADVICE: ("what do you think", "can you just give me some advice", "give me advice",
                  "which one do you think", "what should i do", "hvad synes du", "hvad skal jeg gøre"),
    Move.QUESTION: ("what do you mean", "what does that mean", "hvad mener du"),
    Move.REAL_PERSON: ("are you a real person", "are you a bot", "are you human", "er du et menneske",
                       "er du en robot"),
    Move.GREETING: ("hi", "hello", "hey", "hej", "how are you", "hvordan går det"),
}  # fmt: skip
_BY_PHRASE = {phrase: move for move, phrases in _PHRASES.items() for phrase in phrases}


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[\w']+", text.casefold().replace("\u2019", "'")))


def read_move(text: str) -> Move | None:
    """The move the whole message makes, or None when it is content."""
    return _BY_PHRASE.get(_plain(text))


def split_move(text: str) -> tuple[Move | None, str]:
    """A move at the start of a message, and the rest ("no, walk the dog" -> NO, "walk...")."""
    head, _, rest = text.partition(",")
    move = read_move(head)
    return (move, rest.strip()) if move is not None and rest.strip() else (read_move(text), "")
