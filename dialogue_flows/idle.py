"""A word for what is said when no conversation is open, before the offer of one.

"har det lidt skidt i dag men klarer mig" and "could murder a brew" are not commands to
be pointed at: a feeling is met with a short acknowledgement first. The cues are data
(`[idle]` in the answers tables, stems, in the person's language); each kind of cue has its words
in the catalogue, `idle.<kind>`.
"""

from __future__ import annotations

from dialogue_flows.answers import phrase_list
from dialogue_flows.types import Msg
from dialogue_flows.words import words

ACKNOWLEDGED = {
    frozenset({"low", "coping"}): "getting_by",
    frozenset({"low"}): "low",
    frozenset({"coping"}): "getting_by",
    frozenset({"good"}): "good",
    frozenset({"everyday"}): "everyday",
}
"""What was heard (everyday talk set aside when a feeling is there) → the words for it."""

SMALL_TALK_WORDS = 8
"""Everyday words in a longer message, or in a question, are not small talk: a request
to change a step that named the tea in it had got "Ha, I hear you." (Jean, Marcus)."""


def acknowledgement(text: str, language: str | None = None) -> Msg | None:
    """The short word that meets what they said, or None when nothing in it is a cue.

    Read in the person's `language` when given: "jeg sad derhjemme" (sat) is no "sad".
    """
    typed = [word.text for word in words(text)]
    cues = phrase_list("idle", stems=True, language=language)
    heard = {found.meaning for _, _, found in cues.find(typed)}
    feelings = heard - {"everyday"} or heard
    if "low" in feelings:
        feelings &= {"low", "coping"}
    if feelings == {"everyday"} and (len(typed) > SMALL_TALK_WORDS or "?" in text):
        return None  # "please could you change my step to: have a pot of tea…" is no chat
    key = ACKNOWLEDGED.get(frozenset(feelings))
    return Msg(f"idle.{key}") if key else None
