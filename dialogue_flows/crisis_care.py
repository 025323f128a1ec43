"""What a crisis message gets: the reply that fits it, "Are you safe right now?", a follow-up.

`crisis.assess` says what a message is about; the table below says how growcoach answers
each concern: which message, which helplines, whether the person's own safety plan is
shown, and where the short conversation after it starts. An emergency gets the emergency
number first and what to do now, and waits: only when they say they are safe is a
follow-up offered (they may be on the phone to 999 or 112). Risk and distress get the
safety question. "Not sure" or "not safe" brings the emergency reply and an offer of
their safety plan. Every route ends by offering (never imposing) a short follow-up the
next day, worded so that it can wait.

The conversation the person was in is interrupted, never lost: the engine keeps it in
`Conversation.resume` and takes it up again, at the same question, when this one ends.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, timedelta
from typing import Any

from dialogue_flows.answers import InvalidAnswerError, OneOf, comparable, yes_or_no
from dialogue_flows.crisis import Concern
from dialogue_flows.flow import Ending, Flow, Question, Work, answer_is
from dialogue_flows.types import Choice, Msg, Param

FOLLOW_UP_AFTER = timedelta(days=1)


@dataclass(frozen=True)
class Care:
    """How one concern is answered: the message, the kinds of line, what comes next."""

    message: str
    lines: tuple[str, ...]
    entry: str
    show_plan: bool = True
    without_dose: str | None = None
    """The message instead when what was taken carries no overdose risk from lost
    tolerance (cannabis, stimulants): no talk of doses then (see `SUBSTANCES`)."""


CARE: dict[Concern, Care] = {
    Concern.EMERGENCY: Care("crisis.emergency", ("emergency", "medical", "suicide"),
                            entry="after_emergency"),
    Concern.SUICIDE: Care("crisis.suicide", ("emergency", "suicide", "mental_health"),
                          entry="safe_now"),
    Concern.SELF_HARM: Care("crisis.self_harm", ("suicide", "mental_health"), entry="safe_now"),
    Concern.HARM_TO_OTHERS: Care("crisis.harm_to_others", ("emergency", "mental_health"),
                                 entry="safe_now"),
    Concern.HARM_FROM_OTHERS: Care("crisis.harm_from_others",
                                   ("emergency", "domestic_abuse", "sexual_abuse",
                                    "children_youth"), entry="safe_now", show_plan=False),
    Concern.LAPSE: Care("crisis.lapse", ("emergency", "drugs_alcohol"), entry="safe_now",
                        show_plan=False, without_dose="crisis.lapse_no_dose"),
    Concern.DISTRESS: Care("crisis.distress", ("suicide", "mental_health"), entry="safe_now",
                           show_plan=False),
}  # fmt: skip
"""In order of urgency: with several concerns the first one's message is said, and the
lines of all of them are shown."""


def care_for(concerns: frozenset[Concern]) -> tuple[Care, tuple[str, ...]]:
    """The most urgent concern's care, and the kinds of helpline all of them call for."""
    ordered = [concern for concern in CARE if concern in concerns]
    kinds = dict.fromkeys(kind for concern in ordered for kind in CARE[concern].lines)
    return CARE[ordered[0]], tuple(kinds)


SUBSTANCES: dict[str, str] = {
    "opioid": r"heroin|gear|smack|brown|methadone?|metadon|fentanyl|oxy\w*|codeine|kodein"
              r"|kodimagnyl|morphine?|morfin|bupe|subutex|buprenorphin\w*|opiat\w*|opioid\w*"
              r"|opiate?s?|tramadol|dihydrocodeine|dhc|suboxone|nitazene\w*",
    "benzo": r"benzo\w*|valium|diazepam|xanax|alprazolam|rivotril|clonazepam|etizolam"
             r"|stesolid|sovepille\w*|sleeping pills?|pregabalin|lyrica|gabapentin|ghb|gbl",
    "alcohol": r"drink\w*|drank|drunk|pints?|beers?|vodka|wine|cider|whisk(?:e)?y|lager"
               r"|booze|bevvy|bevvies|sprut|øl|vin|druk\w*|drak|alkohol|alcohol|spiritus"
               r"|shots?",
    "cannabis": r"weed|hash|hashish|cannabis|skunk|joints?|spliffs?|pot|ganja|zoots?|green"
                r"|grass",
    "stimulant": r"coke|cocaine|kokain|crack|speed|amphetamines?|amfetamin|mdma|ecstasy"
                 r"|khat|mephedrone|meow|keta\w*",
}  # fmt: skip
"""What a lapse can be on, by kind. After time without, tolerance to opioids, benzos and
alcohol drops and the old dose can kill; a lapse on the others is said without doses."""
DOSE_RISK = frozenset({"opioid", "benzo", "alcohol"})
_SUBSTANCE = {kind: re.compile(rf"\b(?:{words})\b") for kind, words in SUBSTANCES.items()}


def message_for(care: Care, text: str) -> str:
    """The care's message for this text: without doses when every substance it names
    carries no overdose risk from lost tolerance; with them when one does, or none is
    named (then it might be any)."""
    if care.without_dose is None:
        return care.message
    words = text.casefold()
    named = {kind for kind, pattern in _SUBSTANCE.items() if pattern.search(words)}
    return care.message if not named or named & DOSE_RISK else care.without_dose


SAFE_CHOICES = (
    Choice("safe", Msg("choice.safe_for_now")),
    Choice("unsure", Msg("choice.not_sure")),
    Choice("unsafe", Msg("choice.not_safe")),
)
_UNSURE = re.compile(
    r"\b(not sure|unsure|dont know|don't know|idk|maybe|dunno|ved ikke?|m[aå]ske|usikker|"
    r"ikke sikker|aner det ikke)\b"
)
_UNSAFE = re.compile(
    r"\b(no|nope|nah|not really|not( really)? (safe|ok|okay|alright|fine)|unsafe|in danger|"
    r"nej|ikke rigtig|ikke (tryg|sikker|i sikkerhed|ok|okay))\b"
)
_SAFE = re.compile(
    r"\b(yes|yeah|yep|ye|safe|ok|okay|alright|all right|fine|i'?m good|ja|jo|tryg|"
    r"i sikkerhed|jeg er ok\w*|det går|think so|i guess|tror det|det tror jeg)\b"
)


def read_safe(text: str) -> str:
    """ "I'm safe for now", "not sure" or "not safe" from a press or from words; "unclear"
    when the words say none of them (asked once more, then left: never a loop)."""
    if text in {choice.value for choice in SAFE_CHOICES}:
        return text
    words = text.casefold().replace("\u2019", "'")
    for value, pattern in (("unsure", _UNSURE), ("unsafe", _UNSAFE), ("safe", _SAFE)):
        if pattern.search(words):
            return value
    return "unclear"


HOW_TODAY_CHOICES = (
    Choice("better", Msg("choice.a_bit_better")),
    Choice("same", Msg("choice.about_the_same")),
    Choice("worse", Msg("choice.worse")),
)
_HOW_TODAY_WORDS = {
    "worse": {"worse", "bad", "awful", "terrible", "værre", "dårligt", "dårligere", "skidt"},
    "same": {"same", "meh", "okish", "sådan", "samme", "uændret"},
    "better": {"better", "good", "fine", "ok", "okay", "great", "bedre", "godt", "fint"},
}


def read_how_today(text: str) -> str:
    """How the person is the day after, from a press or words ("bit better", "værre")."""
    if text in _HOW_TODAY_WORDS:
        return text
    words = {comparable(word) for word in text.split()}
    for value, known in _HOW_TODAY_WORDS.items():
        if words & known:
            return value
    raise InvalidAnswerError("invalid.how_today")


PLAN_CHOICES = OneOf(("plan", "later"))


def plan_choices(work: Work) -> tuple[Choice, ...]:
    has_plan = work.person is not None and work.person.safety_plan is not None
    return (
        Choice("plan", Msg("choice.open_plan" if has_plan else "choice.safety_make")),
        Choice("later", Msg("choice.not_now")),
    )


YES_NO = (Choice("yes", Msg("choice.yes_please")), Choice("no", Msg("choice.no_thanks")))


class CareWork(Work):
    is_safe = answer_is("safe")
    is_unclear = answer_is("unclear")
    feels_better = answer_is("better")
    wants_followup = answer_is("yes")


def save_plan_choice(work: Work, answer: Any) -> None:
    work.draft["plan"] = answer == "plan"


def set_followup(work: Work) -> None:
    """The reminder loop sends it a day from now; whole seconds, as the loop compares."""
    if work.person is not None:
        due = (work.now + FOLLOW_UP_AFTER).astimezone(UTC).replace(microsecond=0)
        work.person = work.person.model_copy(update={"followup_due": due})


def then_plan(work: Work) -> str | None:
    """Someone who asked for their safety plan goes on to it; everyone else back."""
    return "safety" if work.draft.get("plan") else None


def params(work: Work) -> Mapping[str, Param]:
    return {
        "name": work.person.name or "" if work.person else "",
        "emergency": work.draft.get("emergency", ""),
        "helplines": work.helplines,
    }


def entry(work: Work) -> str:
    return str(work.draft.get("entry", "safe_now"))


FLOW = Flow(
    name="crisis",
    work=CareWork,
    questions=(
        Question("safe_now", "crisis.safe_now", choices=SAFE_CHOICES, read=read_safe),
        Question("after_emergency", "crisis.after_emergency", choices=SAFE_CHOICES,
                 read=read_safe),
        Question("safe_again", "crisis.safe_again", choices=SAFE_CHOICES, read=read_safe),
        Question("plan_offer", "crisis.not_safe", choices=plan_choices, read=PLAN_CHOICES.pick,
                 save=save_plan_choice),
        Question("followup_offer", "crisis.followup_offer", choices=YES_NO, read=yes_or_no),
        Question("followup_after_safe", "crisis.followup_after_safe", choices=YES_NO,
                 read=yes_or_no),
        Question("how_today", "followup.how", choices=HOW_TODAY_CHOICES, read=read_how_today),
    ),
    endings=(
        Ending("followup_set", "crisis.followup_set", finish=set_followup, then=then_plan),
        Ending("no_followup", "crisis.no_followup", then=then_plan),
        Ending("glad", "followup.glad"),
        Ending("left", "crisis.left"),
    ),
    transitions=[
        {"trigger": "answer", "source": "safe_now", "dest": "followup_after_safe",
         "conditions": "is_safe"},
        {"trigger": "answer", "source": "safe_now", "dest": "safe_again",
         "conditions": "is_unclear"},
        {"trigger": "answer", "source": "safe_now", "dest": "plan_offer"},
        {"trigger": "answer", "source": "after_emergency", "dest": "followup_after_safe",
         "conditions": "is_safe"},
        {"trigger": "answer", "source": "after_emergency", "dest": "safe_again",
         "conditions": "is_unclear"},
        {"trigger": "answer", "source": "after_emergency", "dest": "plan_offer"},
        {"trigger": "answer", "source": "safe_again", "dest": "followup_after_safe",
         "conditions": "is_safe"},
        {"trigger": "answer", "source": "safe_again", "dest": "left",
         "conditions": "is_unclear"},
        {"trigger": "answer", "source": "safe_again", "dest": "plan_offer"},
        {"trigger": "answer", "source": "plan_offer", "dest": "followup_offer"},
        {"trigger": "answer", "source": "followup_offer", "dest": "followup_set",
         "conditions": "wants_followup"},
        {"trigger": "answer", "source": "followup_offer", "dest": "no_followup"},
        {"trigger": "answer", "source": "followup_after_safe", "dest": "followup_set",
         "conditions": "wants_followup"},
        {"trigger": "answer", "source": "followup_after_safe", "dest": "no_followup"},
        {"trigger": "answer", "source": "how_today", "dest": "glad",
         "conditions": "feels_better"},
        {"trigger": "answer", "source": "how_today", "dest": "safe_now"},
    ],
    params=params,
    entry=entry,
    entries=("after_emergency", "how_today"),
)  # fmt: skip
