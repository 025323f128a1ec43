"""What a crisis message gets: the reply that fits it, "Are you safe right now?", a follow-up.

`crisis.assess` says what a message is about; the table below says how growcoach answers
each concern: which message, which helplines, whether the person's own safety plan is
shown, and where the short conversation after it starts. An emergency gets the emergency
number first and what to do now, and waits: only when they say they are safe is a
follow-up offered (they may be on the phone to 999 or 112). Risk and distress get the
safety question. "Not safe" brings the emergency number; "not sure" is met gently (it
is all right not to be sure; a line to talk to, and the emergency number if they might
act on it); both are offered their safety plan. Every route may end by offering (never
imposing) a short follow-up the next day, worded so that it can wait: asked once while
one is pending, and not again the day the person said no. A lapse is answered by what
was taken (`SUBSTANCES`): doses are spoken of only where lost tolerance can kill, and
the lines are the drug lines or the alcohol lines (`SUBSTANCE_LINES`). Each reply leads
with the lines of the concern it answers; distress said after a reply whose lines do
not serve it (a partner's violence) gets its own (`covered`). Panic said with the body
("my heart is tight, i think i die") is answered as panic, not as a wish to die
(`is_panic`); self-harm alone is spoken of as self-harm, with first aid, and an urge
not acted on without it (`act_for`, `Care.urge`); not eating for days is named
(`also_said`). At a crisis question, after any reply but an emergency, "You misread me,
I'm fine" (a button, or a protest or denial in words) leads straight back, and the
words that raised the alarm raise none again that day (`MISREAD`, `without_misread`).

It listens as a person would: "im fine its nothing. just a bad week" is safe, "you already
asked me that. yeah" is yes, and "im not ringing 999 over that" is met with respect,
never with the numbers again. One whole crisis reply a day: a second the same day,
after a false alarm too, is short: a caring line and the few lines that fit, with
/safety for the rest (`unanswered`, `CareNote`).

The conversation the person was in is interrupted, never lost: the engine keeps it in
`Conversation.resume` and takes it up again, at the same question, when this one ends.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from dialogue_flows.answers import (
    InvalidAnswerError,
    comparable,
    phrase_list,
    tables,
    word_list,
    yes_or_no,
)
from dialogue_flows.crisis import Concern, assess, fold
from dialogue_flows.flow import Ending, Flow, Question, Work, answer_is
from dialogue_flows.helplines import YOUNG
from dialogue_flows.moves import Move, read_move
from dialogue_flows.records import CareNote, Person
from dialogue_flows.types import Choice, Msg, Param
from dialogue_flows.words import words

FOLLOW_UP_AFTER = timedelta(days=1)
A_DAY = timedelta(days=1)
"""How long a whole crisis reply, or a no to the follow-up, is remembered."""
SHORT_LINES = 2
"""A crisis reply said again the same day shows this many lines, the best fitting (and
names the emergency number in a sentence)."""
SUSPECTED = "crisis.suspected"
"""The reply to a crisis only suspected: maybe misread, the `SHORT_LINES` lines that fit,
and the safety question with "You misread me" (`crisis.Finding`)."""
SUSPECTED_IF = "crisis.suspected_if"
"""…or, for a care `said_if_suspected`, "I may have misread you… If I read you right:"
before its own message."""
AGAIN = "crisis.again"
"""That reply: a caring line, the `SHORT_LINES` lines, and /safety for the rest."""


@dataclass(frozen=True)
class Care:
    """How one concern is answered: the message, the kinds of line, what comes next.

    `shortened` says whether the reply is short when said again within a day (an
    emergency never is: what to do now is said every time).
    """

    message: str
    lines: tuple[str, ...]
    entry: str
    show_plan: bool = True
    shortened: bool = True
    without_dose: str | None = None
    """The message instead when what was taken carries no overdose risk from lost
    tolerance (cannabis, stimulants): no talk of doses then (see `SUBSTANCES`)."""
    on_drink: str | None = None
    """The message instead when drink is the only thing named: no naloxone or old dose of
    a drug, and a word on Antabus (testers: a Danish woman on Antabus who drank two beers
    was told about opioid overdoses)."""
    on_antabus: str | None = None
    """The message instead when they drank on Antabus (disulfiram): not a drop more, the
    reaction's signs and whom to call (testers: a woman on Antabus was told to drink
    "much less than you used to")."""
    on_g: str | None = None
    """The message instead when the lapse is on G (GHB/GBL): its tiny margin, passing out
    as an overdose, no drink with it (Marcus, put in the recovery position after "a wee
    bit of G", was told about naloxone for opioids)."""
    mixed: str | None = None
    """The message instead when an opioid is named with pills, drink or more on top ("tog
    nogle piller oven i metadonen"): breathing, not lost tolerance, is the danger then,
    and the prescriber can help (testers: a man on methadone who took pills on top was
    told about old doses after a break)."""
    on_gambling: str | None = None
    """The message instead when gambling is named and no substance is: no doses, and the
    blocks that help (testers: a lapse on the slots was told about naloxone)."""
    saved_up: str | None = None
    """The message instead when they say they are saving up doses (`SAVED_UP`): what to
    do with what is saved, not only who to call."""
    said_if_suspected: bool = False
    """Its own message is said even when the crisis is only suspected, after "if I read you
    right": a lapse, where what an old dose can do is worth knowing (`SUSPECTED_IF`)."""
    most: int | None = None
    """The lines shown at most when this is the only concern: distress gets a few,
    briefly (testers: four lines for "i feel so low"); with another concern, its lines
    too (`most`)."""
    body: str | None = None
    """The message instead when the distress is said with the body (`is_panic`): it
    sounds like panic, a breathing line, and when chest pain needs a doctor."""
    body_lines: tuple[str, ...] = ()
    """The lines for `body`: the out-of-hours doctor (NHS 111; 1813 or the region's)."""
    urge: str | None = None
    """The message instead when they say they did not act on the urge ("didnt do it but
    its there"): no first aid for a wound there is not (testers: an urge to cut, resisted,
    was met with "press on it with something clean")."""
    voices: str | None = None
    """The message instead when voices tell them to do it ("they tell me to hurt myself
    but i dont listen to them"): heard, no first aid for a wound there is not, and their
    care team, who can help with the voices (testers: a young man in an early-psychosis
    service was told to press on a wound)."""
    full_once: bool = False
    """Said in full once a day even after another reply: what it says can save a life
    that day (a lapse: the old dose after time without can kill)."""

    @property
    def replies(self) -> tuple[str, ...]:
        """Every whole reply this care can give."""
        return tuple(
            message
            for message in (self.message, self.without_dose, self.on_drink, self.on_antabus,
                            self.on_g, self.mixed,
                            self.on_gambling, self.saved_up, self.body, self.urge,
                            self.voices)
            if message is not None
        )  # fmt: skip

    @property
    def with_doses(self) -> tuple[str | None, ...]:
        """Its replies that say what a dose can do now: worth saying beside another reply."""
        return (self.message, self.on_drink, self.on_antabus, self.on_g, self.mixed)


CARE: dict[Concern, Care] = {
    Concern.EMERGENCY: Care("crisis.emergency", ("emergency", "medical", "suicide"),
                            entry="after_emergency", shortened=False),
    Concern.SUICIDE: Care("crisis.suicide", ("suicide", "mental_health"), entry="safe_now",
                          saved_up="crisis.saved_up"),
    Concern.SELF_HARM: Care("crisis.self_harm", ("suicide", "mental_health"), entry="safe_now",
                            urge="crisis.self_harm_urge", voices="crisis.self_harm_voices"),
    Concern.HARM_TO_OTHERS: Care("crisis.harm_to_others", ("mental_health",), entry="safe_now"),
    Concern.HARM_FROM_OTHERS: Care("crisis.harm_from_others", ("domestic_abuse",),
                                   entry="safe_now", show_plan=False),
    Concern.LAPSE: Care("crisis.lapse", ("drugs", "alcohol"), entry="safe_now",
                        show_plan=False, without_dose="crisis.lapse_no_dose",
                        on_drink="crisis.lapse_drink", on_gambling="crisis.lapse_gambling",
                        on_antabus="crisis.lapse_antabus", mixed="crisis.lapse_mixed",
                        on_g="crisis.lapse_g",
                        full_once=True,
                        said_if_suspected=True),
    Concern.DISTRESS: Care("crisis.distress", ("suicide", "mental_health"), entry="safe_now",
                           show_plan=False, most=2, body="crisis.panic",
                           body_lines=("medical",)),
}  # fmt: skip
"""In order of urgency: with several concerns the first one's message is said, and the
lines of all of them are shown, its own first. Only an emergency lists the emergency
number first; every other message names it in a sentence ("If you are in danger now,
call 112"), and a list with no line open now gets it (`helplines._open_to_talk`)."""

FAMILY = "family"
"""The kind of line for family of someone who drinks or uses."""

CALLED_FOR = {
    YOUNG: "young",
    "sexual_abuse": "sexual_abuse",
    "gambling": "gambling",
    "eating_disorders": "eating",
    FAMILY: "carer",
}
"""Kinds of line that fit only when the person's words say so (`answers.*.toml` [care]):
the child and youth lines when they say they are young ("im 15", "at school"), the
sexual-abuse lines when the harm is sexual, the gambling lines when gambling is named, the
eating-disorder lines when an eating disorder is (Sophie asked for one and was told "I'm
here whenever you're ready"), and the lines for family when they speak as family of
someone who drinks or uses (Lise, a mother, was offered only lines for her own risk)."""


def care_for(
    concerns: frozenset[Concern], said: str = "", young: bool = False
) -> tuple[Care, tuple[str, ...]]:
    """The most urgent concern's care, and the kinds of helpline all of them call for,
    with those the person's own words call for (`CALLED_FOR`)."""
    ordered = [concern for concern in CARE if concern in concerns]
    return CARE[ordered[0]], kinds_for([CARE[concern] for concern in ordered], said, young)


def kinds_for(cares: list[Care], said: str, young: bool = False) -> tuple[str, ...]:
    """The kinds of line these cares call for, the first one's first; for a lapse only
    the lines for what was taken (`substance_lines`); and those the words call for, the
    child and youth lines also when the person said earlier that they are young
    (`said_young`)."""
    kinds = dict.fromkeys(kind for care in cares for kind in lines_of(care, said))
    for kind in set(SUBSTANCE_LINES) - substance_lines(said):
        kinds.pop(kind, None)
    kinds.update(dict.fromkeys(kind for kind, words in CALLED_FOR.items() if says(said, words)))
    if FAMILY in kinds and substances_named(said):  # "my son uses": FRANK too, for the drug
        kinds.update(dict.fromkeys(sorted(substance_lines(said))))
    if young:
        kinds[YOUNG] = None
    return tuple(kinds)


YOUNG_SAID = "young"
"""The care note's mark that the person said they are young, kept for the day like the
replies given (`noted`): the youth lines are offered with every reply until then."""

ASKED_FOR = ("mental_health",)
"""The lines for whom to call asked for before any crisis reply today."""


def lines_asked(note: CareNote, said: str, now: datetime, young: bool) -> tuple[str, ...]:
    """The kinds of line for "who can I call?": those of the crisis replies given today
    (a girl told of her mother's boyfriend asked, after the reply, whom she could talk to
    without it reaching the council, and was told nothing), else the general ones; the
    youth lines when she is young."""
    cares = [care for care in CARE.values()
             if any(said_lately(note, message, now) for message in care.replies)]  # fmt: skip
    kinds = kinds_for(cares, said, young)
    return kinds or (*ASKED_FOR, *((YOUNG,) if young else ()))


def said_young(told: Iterable[str]) -> bool:
    """Whether anything the person told before says they are young ("im 16, in year 11"
    in their Reality): a 17-year-old who later told of her mother's boyfriend pushing her
    was offered the adult lines alone."""
    return any(says(text, CALLED_FOR[YOUNG]) for text in told)


def lines_of(care: Care, said: str) -> tuple[str, ...]:
    """The kinds of line the care's message offers: panic gets the doctor's line."""
    return care.body_lines if care.body is not None and says(said, "panic") else care.lines


def is_panic(concerns: frozenset[Concern], said: str) -> bool:
    """Whether distress or a wish to die was read only from words of panic in the body
    ("my heart is tight and i cant breathe, i think i die"): without those words the
    message speaks of no risk. "i want to die, i think i die" is still a risk."""
    if not concerns or not concerns <= {Concern.DISTRESS, Concern.SUICIDE}:
        return False
    if not says(said, "panic"):
        return False
    return assess(_without(said, "panic")) <= {Concern.DISTRESS}


def reread(concerns: frozenset[Concern], said: str) -> frozenset[Concern]:
    """The concerns the reply answers: panic said with the body is distress, answered
    as panic (`Care.body`), never as a wish to die."""
    return frozenset({Concern.DISTRESS}) if is_panic(concerns, said) else concerns


def also_said(said: str, concerns: frozenset[Concern], care: Care) -> tuple[Msg, ...]:
    """What the reply names besides its concern: not eating for days, said kindly; being
    strangled, with why to see a doctor (it can injure unseen, and it is a warning sign
    of worse: a tester's "put his hands round my neck" got the lines alone); a lapse
    told with something more urgent, with what the old dose can do now (a tester's
    bottle of vodka after six months dry, told with "a waste of space", got the suicide
    reply alone)."""
    also = [Msg(f"crisis.{table}") for table in _ALSO if says(said, table)]
    lapse = CARE[Concern.LAPSE]
    dose = message_for(lapse, said) in lapse.with_doses
    if Concern.LAPSE in concerns and care is not lapse and dose:
        also.append(Msg(ALSO_LAPSE))
    return tuple(also)


_ALSO = ("strangled", "not_eating")


def act_for(concerns: frozenset[Concern]) -> str:
    """What "not sure" is told to do if it gets worse: self-harm alone is spoken of as
    the urge or a bad wound, never as "acting on these thoughts" (a tester who wrote of
    scratching herself, and of no wish to die, was told that)."""
    own_risk = concerns & {Concern.SUICIDE, Concern.EMERGENCY}
    if Concern.HARM_FROM_OTHERS in concerns and not own_risk | (concerns & {Concern.SELF_HARM}):
        return ACT_HARMED  # "If he comes back or you feel in danger": never "these thoughts"
    alone = Concern.SELF_HARM in concerns and not own_risk
    return "crisis.act_self_harm" if alone else "crisis.act_on_thoughts"


ACT_HARMED = "crisis.act_harmed"
NOT_SAFE_DO = {ACT_HARMED: "crisis.not_safe_harmed"}
TALK_FOR = {ACT_HARMED: ("domestic_abuse",)}
"""What "I'm not safe" is told to do, by what was said: someone hurt by another person is
told to get to safety, not to keep "away from anything you could hurt yourself with" (a
17-year-old pushed into a door by her mother's boyfriend was told that), and the lines
to talk to first are those for violence (`TALK_FOR`), not the suicide lines."""


def most(care: Care, concerns: frozenset[Concern]) -> int | None:
    """How many lines the reply shows: the care's few when it is the only concern."""
    return care.most if len(concerns) == 1 else None


def says(text: str, table: str) -> bool:
    """Whether `text` says what the [care] table `table` lists (stems, one typo forgiven)."""
    typed = [word.text for word in words(text)]
    if phrase_list("care", table, stems=True).find(typed):
        return True
    return table == "young" and _says_young_age(typed)


def _says_young_age(typed: list[str]) -> bool:
    """ "im 15", "i am only 16", "jeg er 14": an age cue followed by a young age."""
    for _, end, found in phrase_list("care", "age_cues").find(typed):
        below = int(tables()[found.language]["care"]["young_below"])
        if end < len(typed) and typed[end].isdigit() and int(typed[end]) < below:
            return True
    return False


def covered(concerns: frozenset[Concern], note: CareNote, now: datetime) -> bool:
    """Whether replies given within the day offered every kind of line these concerns
    call for: distress said after a suicide reply was answered by it; after a reply
    about a partner's violence it was not (testers: "it gets dark in my head" met only
    by the abuse lines above)."""
    offered = {
        kind
        for care in CARE.values()
        for message in care.replies
        if message != care.body and said_lately(note, message, now)
        for kind in care.lines
    }
    return all(set(CARE[concern].lines) <= offered for concern in concerns)


def unanswered(
    concerns: frozenset[Concern], said: str, note: CareNote, now: datetime
) -> Care | None:
    """The care to give in full, or None when the short reply will do: one whole crisis
    reply a day (testers: three whole blocks in three minutes, two of them false alarms).

    An emergency is said in full every time (what to do now); a care that is said in
    full once a day whatever came before (`full_once`: a lapse, since the old dose can
    kill) is, unless its own reply was given; anything else is short after any whole
    reply within the day, with the lines that fit it (`Engine.care_reply`)."""
    replied = any(said_lately(note, message, now) for message in REPLIES)
    for concern in CARE:
        care = CARE[concern]
        if concern not in concerns:
            continue
        given = any(said_lately(note, message, now) for message in covering(care, said))
        short = given or (replied and not care.full_once)
        if not (care.shortened and short):
            return care
    return None


REPLIES = frozenset(message for care in CARE.values() for message in care.replies)
"""Every whole crisis reply, as remembered in `CareNote.said` (which keeps other notes
of the day too, such as whose lines these are)."""


def covering(care: Care, said: str) -> tuple[str, ...]:
    """The replies that have said what this one would: itself, and for the plain
    message the one about saved-up doses too, which says all of it and more (testers:
    "jeg vil ikke leve mere" after it got the whole block again). The reply without
    doses never covers the one with them: lost tolerance must be said."""
    message = message_for(care, said)
    if message == care.message and care.saved_up is not None:
        return (message, care.saved_up)
    return (message,)


ALSO_LAPSE = "crisis.also_lapse"


def lapse_told(concerns: frozenset[Concern], said: str, note: CareNote, now: datetime) -> bool:
    """A lapse alone, whose reply (or its sentence beside another reply) was given within
    the day: read by the model alone when told again at the next questions ("right now
    im two days off it again, shaky"), it is their answer, not a new alarm (a tester got
    three lapse replies in a row for one bottle of vodka; the engine asks this only when
    the concept tables find nothing: "used again tonight" is theirs, and said again).
    Another substance's lapse is said again."""
    if concerns != {Concern.LAPSE}:
        return False
    lapse = CARE[Concern.LAPSE]
    told = (*covering(lapse, said), ALSO_LAPSE)
    if message_for(lapse, said) not in lapse.with_doses:
        told = told[:-1]
    return any(said_lately(note, message, now) for message in told)


def said_lately(note: CareNote, message: str, now: datetime) -> bool:
    """Whether this crisis reply was given in full within the last day."""
    at = note.said.get(message)
    return at is not None and now - at < A_DAY


def noted(note: CareNote, message: str, now: datetime) -> CareNote:
    """The note with this reply given in full now (older entries let go)."""
    said = {key: at for key, at in note.said.items() if now - at < A_DAY}
    return note.model_copy(update={"said": {**said, message: now}})


def small_drink(concerns: frozenset[Concern], said: str) -> bool:
    """Whether the only concern is a lapse on drink, in small amounts ("drak to glas
    tirsdag og torsdag"), not on Antabus: at a check-in, how the step went, heard as
    such (a nurse cutting down on weekday wine was told of lost tolerance and 999)."""
    named = substances_named(said)
    return (
        concerns == {Concern.LAPSE}
        and named == {"alcohol"}
        and says(said, "small_drink")
        and not _ANTABUS.search(said.casefold())
    )


EMERGENCY_WINDOW = timedelta(hours=2)
"""How long after an emergency reply what to do now is asked about it, not about a goal."""
FIRST_AID = "crisis.first_aid"


def first_aid_asked(text: str, note: CareNote, now: datetime, consented: bool) -> bool:
    """Whether the words ask what to do for someone or tell how they are ("do i put him in
    the recovery position", "hes breathing weird") soon after an emergency reply, when
    "what do i do" asks it too; or before consent, when no reply is remembered: what to
    do until help comes is said again (testers: a friend on G was answered "I won't tell
    you what to do", and "he's breathing weird" was kept as a goal)."""
    at = note.said.get(CARE[Concern.EMERGENCY].message)
    if at is not None and now - at < EMERGENCY_WINDOW:
        return says(text, "first_aid") or says(text, "what_to_do")
    return not consented and says(text, "first_aid")


def may_offer_followup(person: Person | None, note: CareNote, now: datetime) -> bool:
    """Not while one is pending (it was said yes to), nor the day they said no."""
    declined = note.followup_declined_at
    recently_declined = declined is not None and now - declined < A_DAY
    return person is not None and person.followup_due is None and not recently_declined


# -- reading what the person says at a crisis question ---------------------------------

_CLAUSE = re.compile(r"[.,;!?\n]+|\s(?:but|men)\s")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def heard(text: str) -> tuple[Msg, ...]:
    """What to say first, whatever the answer: warmth when help is coming or the means
    are put away, respect for a refusal to call, sorry for a misreading when they say
    they have taken nothing, sorry for asking again when they say they already
    answered, and after a slip, that it undoes nothing and what to tell is theirs."""
    clauses = _clauses(text)
    said = []
    if any(_says_done(clause, "help_coming") for clause in clauses):
        said.append(Msg("crisis.help_coming"))
    if any(says(clause, "refuse_call") for clause in clauses):
        said.append(Msg("crisis.no_call"))
    if True in _emergency_words(text) and not new_emergency(text):
        said.append(Msg("crisis.not_taken"))
    if any(read_move(clause) is Move.ALREADY_SAID for clause in clauses):
        said.append(Msg("crisis.asked_twice"))
    if says(text, "means_out"):  # "bladet ligger stadig fremme ude på badeværelset"
        said.append(Msg("crisis.means_away"))
    if says(text, "slip_shame"):  # "just feel like a right twat. 5 month down the drain"
        said.append(Msg("crisis.slip_shame"))
    if says(text, "worker_fear"):  # "dont want jo knowing, or social"
        said.append(Msg("crisis.worker_fear"))
    return tuple(said)


def _says_done(clause: str, table: str) -> bool:
    """Whether the clause says it was done, not that it was not: "Jeg har ikke fået lagt
    det væk" had got "Hvor er det godt at høre, og godt gået at gøre det"."""
    typed = [word.text for word in words(clause)]
    nots = word_list("not_done", "words")
    return any(
        not nots & set(typed[max(0, start - _NOT_REACH) : start])
        for start, _, _ in phrase_list("care", table, stems=True).find(typed)
    )


_NOT_REACH = 4
"""How far before the words a "not" turns them round ("har ikke fået lagt det væk")."""


def new_emergency(text: str) -> bool:
    """Whether an answer at a crisis question tells of a new emergency, plainly: taken
    or swallowed something, someone not waking, hurt now. Never when denied ("i havent
    taken anything", "jeg har ikke taget noget"). Exact words only, so "look at the
    plan" is never "took"."""
    return False in _emergency_words(text)


def happening_now(text: str) -> bool:
    """Whether words say it is happening now ("right now", "i aften"): a sign described
    for the safety plan is then answered as a crisis, not kept as a line of the plan."""
    typed = [word.text for word in words(text)]
    return bool(phrase_list("care", "happening_now", typos=False).find(typed))


def _emergency_words(text: str) -> list[bool]:
    """Each emergency word in `text`, and whether a word just before it denies it."""
    typed = [word.text for word in words(text)]
    denials = phrase_list("care", "no_emergency", typos=False)
    found = phrase_list("care", "emergency_now", stems=True, typos=False).find(typed)
    return [bool(denials.find(typed[max(0, start - 2) : start])) for start, _, _ in found]


def answer_besides(text: str) -> str:
    """The answer begun in a message that also carried crisis words: its sentences with
    no concern, as typed ("ask the council, save a bit. but partner had a go again" gives
    "ask the council, save a bit."), or "" when every sentence carries one. A sentence
    with a risk goes whole, its clauses after commas and "but" too (testers: "...the
    urge to cut came back, didnt do it but its there" had left "its there"); and when
    the risk is only in the whole, nothing is kept. Crisis words are never offered back
    to be kept as an answer, nor filed for the worker to read."""
    kept = [part.strip() for part in _SENTENCE.split(text) if part.strip() and not assess(part)]
    ended = [part if part[-1] in ".!?" else part + "." for part in kept[:-1]]
    begun = " ".join([*ended, *kept[-1:]])
    return "" if assess(begun) else begun


# -- what a reply misread: not raised again that day ------------------------------------

_PIECE = re.compile(r"[^.,;:!?\n]+")
_JOINS = re.compile(r"\s(?:and|but|so|then|og|men|saa|så)\s", re.IGNORECASE)
_FILLERS = frozenset({"and", "but", "so", "then", "yes", "yeah", "og", "men", "saa", "ja"})


def _pieces(text: str) -> list[tuple[int, int]]:
    """Where the clauses of `text` are: between punctuation, "and" and "but"."""
    spans = []
    for found in _PIECE.finditer(text):
        start = found.start()
        for join in _JOINS.finditer(found.group()):
            spans.append((start, found.start() + join.start()))
            start = found.start() + join.end()
        spans.append((start, found.end()))
    return [(start, end) for start, end in spans if text[start:end].strip()]


def fingerprint(clause: str, key: str) -> str:
    """A keyed hash of the clause as its words (folded, no "and"/"yes" before it): the
    same words give the same print, and the words cannot be read back from it."""
    typed = re.findall(r"[a-z0-9]+", fold(clause))
    while typed and typed[0] in _FILLERS:
        typed = typed[1:]
    digest = hashlib.blake2b(" ".join(typed).encode(), key=key.encode()[:64], digest_size=8)
    return digest.hexdigest()


def alarm_prints(text: str, key: str) -> list[str]:
    """The prints of the clauses that raised the alarm (the whole text when no clause
    carries it alone), to be remembered if the person says the reply misread them."""
    risky = [text[start:end] for start, end in _pieces(text) if assess(text[start:end])]
    return [fingerprint(clause, key) for clause in risky or [text]]


def remember_misread(note: CareNote, prints: list[str], now: datetime) -> CareNote:
    """The note with these prints misread now (older than a day let go)."""
    kept = {mark: at for mark, at in note.misread.items() if now - at < A_DAY}
    return note.model_copy(update={"misread": {**kept, **dict.fromkeys(prints, now)}})


def without_misread(text: str, note: CareNote, key: str, now: datetime) -> str:
    """The text without the clauses the person said were misread within the day
    ("yes. and the shed roof's gone, you missed that" after "the shed roof's gone" was
    misread): what is left is read for a crisis as ever, so a new risk is still heard."""
    misread = {mark for mark, at in note.misread.items() if now - at < A_DAY}
    if not misread:
        return text
    whole = fingerprint(text, key)
    if whole in misread:
        return ""
    for start, end in reversed(_pieces(text)):
        if fingerprint(text[start:end], key) in misread:
            text = text[:start] + "." + text[end:]
    return text


def remember_alarm(work: Work) -> None:
    """A reply said to be misread: its words are remembered (as prints) for the day,
    so they raise no alarm again; the day's whole replies stay remembered, so another
    alarm today is short (testers: three whole blocks in three minutes)."""
    prints = list(work.draft.get(ALARM, ()))
    work.care = remember_misread(work.care, prints, work.now)


ALARM = "alarm"
"""In the crisis conversation's draft: the prints of what raised it (`alarm_prints`)."""


def _clauses(text: str) -> list[str]:
    return [part.strip() for part in _CLAUSE.split(text) if part.strip()]


def _without(clause: str, table: str) -> str:
    """The clause with the words of a [care] table taken out ("no need to call")."""
    found = words(clause)
    typed = [word.text for word in found]
    for start, end, _ in reversed(phrase_list("care", table, stems=True).find(typed)):
        clause = clause[: found[start].start] + clause[found[end - 1].end :]
    return " ".join(clause.split())


def by_clause(read: Callable[[str], str]) -> Callable[[str], str]:
    """A reader that finds the answer among other words: the whole message without its
    refusals and "already said"s, else its last clause that answers. Only the refusal's
    own words go: "im not calling cos im not safe" still says "not safe"."""

    def read_clauses(text: str) -> str:
        kept = [
            _without(clause, "refuse_call")
            for clause in _clauses(text)
            if read_move(clause) is not Move.ALREADY_SAID
        ]
        kept = [clause for clause in kept if clause]
        error = InvalidAnswerError("invalid.pick")
        for candidate in [" ".join(kept), *reversed(kept)]:
            try:
                return read(candidate)
            except InvalidAnswerError as invalid:
                error = invalid
        raise error

    return read_clauses


SUBSTANCES: dict[str, str] = {
    "opioid": r"heroin|gear|smack|brown|methadone?|metadon\w*|fentanyl|oxy\w*|codeine|kodein"
              r"|kodimagnyl|morphine?|morfin|bupe|subutex|buprenorphin\w*|opiat\w*|opioid\w*"
              r"|opiate?s?|tramadol|dihydrocodeine|dhc|suboxone|nitazene\w*",
    "benzo": r"benzo\w*|valium|diazepam|xanax|alprazolam|rivotril|clonazepam|etizolam"
             r"|stesolid|sovepille\w*|sleeping pills?|pregabalin|lyrica|gabapentin",
    "alcohol": r"drink\w*|drank|drunk|pints?|beers?|vodka|wine|cider|whisk(?:e)?y|lager"
               r"|booze|bevvy|bevvies|sprut|øl|vin|druk\w*|drak|alkohol|alcohol|spiritus"
               r"|shots?|bottles? of \w+|(?:a|the|another) bottle|flask(?:e|er)|bajer\w*"
               r"|gin|rum|prosecco|pinot|rødvin|hvidvin|snaps|cans of \w+|guldøl",
    "g": r"(?<!\d )g|ghb|gbl|gina|liquid ecstasy",
    "cannabis": r"weed|hash|hashish|cannabis|skunk|joints?|spliffs?|pot|ganja|zoots?|green"
                r"|grass",
    "stimulant": r"coke|cocaine|kokain|crack|speed|amphetamines?|amfetamin|mdma|ecstasy"
                 r"|khat|mephedrone|meow|keta\w*",
}  # fmt: skip
"""What a lapse can be on, by kind. After time without, tolerance to opioids, benzos and
alcohol drops and the old dose can kill; a lapse on the others is said without doses."""
DOSE_RISK = frozenset({"opioid", "benzo", "alcohol", "g"})
_ANTABUS = re.compile(r"\b(?:antabus\w*|disulfiram)\b")
MIXED = frozenset({"benzo", "alcohol", "g"})
"""With an opioid, these slow breathing further: the mix is the danger (`Care.mixed`)."""
_ON_TOP = re.compile(r"\b(?:on top of|on top|oven i|oveni|ovenpå|ovenpaa|mix\w*|blande\w*)\b")
_SUBSTANCE = {kind: re.compile(rf"\b(?:{names})\b") for kind, names in SUBSTANCES.items()}
SUBSTANCE_LINES = {"alcohol": frozenset({"alcohol"}), "drugs": frozenset(SUBSTANCES) - {"alcohol"}}
"""The kind of helpline for each kind of substance: a drink lapse gets the alcohol lines,
a heroin lapse the drug lines (testers: Alkolinjen alone for heroin in Denmark)."""


def substance_lines(said: str) -> set[str]:
    """The kinds of line for the substances named; both when none is named, none when
    the lapse is on gambling (its own line is called for by the words, `CALLED_FOR`)."""
    named = substances_named(said)
    fitting = {line for line, kinds in SUBSTANCE_LINES.items() if named & kinds}
    if not fitting and says(said, "gambling"):
        return set()
    return fitting or set(SUBSTANCE_LINES)


def substances_named(said: str) -> set[str]:
    """The kinds of substance named (`SUBSTANCES`)."""
    lowered = said.casefold()
    return {kind for kind, pattern in _SUBSTANCE.items() if pattern.search(lowered)}


SAVED_UP = (
    re.compile(r"\b(?:sav\w*|stockpil\w*|hoard\w*|stash\w*|put\w* (?:\w+ )?(?:aside|away|by)"
               r"|kept back|keeping back|gem\w*|samle\w*|spar\w*|lagt \w* ?til side"
               r"|lægge\w* \w* ?til side)\b"),
    re.compile(r"\b(?:doses?|doser|methadone?|metadon\w*|pills?|piller?|tablets?|tablett\w*"
               r"|meds|medicin\w*|script|subutex|sovepille\w*|paracetamol|panodil)\b"),
)  # fmt: skip
"""Saving up doses ("saving a few doses up just in case", "har gemt lidt metadon til
side"): words of saving and words of what is saved, both in the message."""


def message_for(care: Care, text: str) -> str:
    """The care's message for this text: panic when distress is said with the body;
    voices telling them to, and an urge they did not act on (unless a wound is named),
    without first aid; about what is saved up when they say they are saving doses;
    without doses when every substance it names carries no overdose risk from lost
    tolerance; with them when one does, or none is named (then it might be any)."""
    lowered = text.casefold()
    if care.body is not None and says(text, "panic"):
        return care.body
    if care.voices is not None and says(text, "voices"):  # "…to hurt myself": a command
        return care.voices
    if (
        care.urge is not None
        and not says(text, "emergency_now")
        and (says(text, "not_acted") or (says(text, "urge_said") and not says(text, "cut_done")))
    ):  # "jeg har lyst til at skære igen i aften" had got first aid for a wound
        return care.urge
    if care.saved_up is not None and all(cue.search(lowered) for cue in SAVED_UP):
        return care.saved_up
    if care.without_dose is None:
        return care.message
    named = substances_named(text)
    if care.mixed is not None and "opioid" in named and (named & MIXED or _ON_TOP.search(lowered)):
        return care.mixed
    if care.on_antabus is not None and _ANTABUS.search(lowered):
        return care.on_antabus
    if care.on_g is not None and "g" in named:
        return care.on_g
    if care.on_drink is not None and named == {"alcohol"}:
        return care.on_drink
    if care.on_gambling is not None and not named and says(text, "gambling"):
        return care.on_gambling
    return care.message if not named or named & DOSE_RISK else care.without_dose


SAFE_CHOICES = (
    Choice("safe", Msg("choice.safe_for_now")),
    Choice("unsure", Msg("choice.not_sure")),
    Choice("unsafe", Msg("choice.not_safe")),
)
_SAFE_MOVES = {Move.YES: "safe", Move.NO: "unsafe", Move.DONT_KNOW: "unsure"}
_SAFE_WORDS = (
    ("unsafe", re.compile(r"\b(not( really)? (safe|ok|okay|alright|fine|good)|unsafe|"
                          r"(?<!not )(?<!not that i'm )(?<!not that im )(?<!not that i am )"
                          r"(?<!not like i'm )(?<!not like im )in danger|"  # "not that I'm in…"
                          r"(?<!ikke )(?<!ikke fordi jeg er )(?<!ikke sådan at jeg er )"
                          r"i fare(?! for)|"
                          r"ikke (tryg|sikker|i sikkerhed|ok|okay|fint|godt))\b")),
    # "I don't know what I said to worry you" is no doubt about being safe (Jean, who had
    # written "You misread me, I'm fine", was told to call 999).
    ("unsure", re.compile(r"\b(not sure|unsure|(dont|don't) know(?! (what|why|how|where|who))|"
                          r"idk|maybe|dunno|ved ikke?(?! (hvad|hvorfor|hvordan|hvor|hvem))|"
                          r"m[aå]ske|usikker|ikke sikker|aner det ikke)\b")),
    # Said plainly, safe wins over a "no" that answers the reply, not the question: "nej
    # altså jeg har det fint, jeg mente at jeg giver op på ting" had got "Ring 112 nu".
    ("safe", re.compile(r"\b((i'?m|i am) (fine|ok|okay|safe|alright|all right|good)|"
                        r"not in danger|(jeg )?har det (fint|godt|ok|okay)|"
                        r"jeg er (ok|okay|fin|tryg|i sikkerhed)|ikke i fare)\b")),
    # A reassurance after a "no" ("naw am no gonnae do anything, it's just a thought",
    # "vil ik slaa mig selv ihjel") is safe: a tester was told to call 999 for it.
    ("safe", re.compile(r"\b((not|no|never|wont|won't|aint) (going to|gonna|gonnae|gunna) "
                        r"(do|dae|try) (anything|owt|it|nothing|nothin)|(just|only) a thought|"
                        r"(wont|won't|will not|wouldnt|wouldn't|wouldnae|wullnae|would never) "
                        r"(do|dae|try) (anything|owt|it|nothing)|"
                        r"(not|no|never) (going to|gonna|gonnae) (hurt|harm|kill) (myself|masel)|"
                        r"(vil|skal) (ikke|ik|aldrig) (sl[aå]+|g[oø]re) mig selv|"
                        r"(g[oø]r|gaar) (ikke|ik) noget|(bare|kun) (en|nogle) tanke)")),
    ("unsafe", re.compile(r"\b(no|nope|nah|not really|nej|ikke rigtig)\b")),
    ("safe", re.compile(r"\b(yes|yeah|yep|ye|safe|ok|okay|alright|all right|fine|i'?m good|ja|"
                        r"jo|tryg|i sikkerhed|jeg er ok\w*|fint|godt|det går|think so|i guess|"
                        r"tror det|det tror jeg)\b")),
)  # fmt: skip


def _safety_words(text: str) -> str:
    move = read_move(text)
    if move in _SAFE_MOVES:
        return _SAFE_MOVES[move]
    words = text.casefold().replace("\u2019", "'")
    for value, pattern in _SAFE_WORDS:
        if pattern.search(words):
            return value
    raise InvalidAnswerError("invalid.pick")


_read_safety = by_clause(_safety_words)


def read_safe(text: str) -> str:
    """ "I'm safe for now", "not sure" or "not safe" from a press or from words; "plan"
    when they ask for their safety plan ("maybe the plan thing"), unless they say they
    are not safe (then the emergency number comes first, and the plan is offered);
    "unclear" when the words say none of them (asked once more, then left: never a loop)."""
    if text in {choice.value for choice in SAFE_CHOICES}:
        return text
    try:
        value = _read_safety(text)
    except InvalidAnswerError:
        value = UNCLEAR
    if value in ("safe", UNCLEAR) and assess(text) & _STILL_AT_RISK:
        value = "unsure"  # "…sometimes i think the family would manage fine without me"
    return "plan" if value != "unsafe" and says(text, "wants_plan") else value


_STILL_AT_RISK = frozenset({Concern.SUICIDE, Concern.SELF_HARM, Concern.EMERGENCY})
"""Concerns that, said again in the answer to "Are you safe?", make no answer "safe": a
tester's "…sometimes i think the family would manage fine without me tbh" was read as
safe for its "fine", and met with "That's really good to hear"."""


UNCLEAR = "unclear"
"""The answer, at a crisis question, when the words say none of its choices: the question
is asked once more, then left (never the same words in a loop)."""
MISREAD = "misread"
"""The answer, at a crisis question after a reply that was not an emergency, that the
reply misread them ("you misread me, I'm fine", "it's not a suicide note", "der er ingen
vold"): a short apology, straight back to where they were, no follow-up offered, and
the words that raised it not raised again that day (`remember_alarm`). Never after an
emergency reply: that one cannot be dismissed by a tap."""
SAFE_NOW_CHOICES = (*SAFE_CHOICES, Choice(MISREAD, Msg("choice.misread")))


def protests(text: str) -> bool:
    """Whether they say the reply misread them, in words ("u misread me", "du
    misforstod") or by denying what it answered ("it's a SHED, nobody's hitting me",
    "im not suicidal", "der er ingen vold"), and do not say in plain words that they
    are not safe or not sure ("you misunderstood, but im not safe")."""
    if not (says(text, MISREAD) or says(text, "denial")):
        return False
    folded = text.casefold().replace("\u2019", "'")
    if not says(text, MISREAD) and (_BUT.search(folded) or _SAFE_WORDS[2][1].search(folded)):
        # "it's not that i want to die, but i might do something tonight"; and a denial
        # with the question answered ("im safe, hes not violent or anything") is that
        # answer: after harm from others the follow-up offer is theirs to decline
        return False
    plainly_unsafe = _SAFE_WORDS[0][1].search(folded)
    unsure = _SAFE_WORDS[1][1].search(folded)
    return not plainly_unsafe and not unsure


_BUT = re.compile(
    r"\b(?:but|men|though|although|selvom|sometimes|other times|nogle gange|andre gange)\b"
)
"""A denial with a "but" after it is no protest: what follows may be the risk; nor one
said "sometimes" ("sometimes i dont want to die and sometimes i do")."""


def read_safe_now(text: str) -> str:
    """As `read_safe`, and "misread" when they say the reply misread them (`protests`)."""
    if text == MISREAD or protests(text):
        return MISREAD
    return read_safe(text)


def misread_or(read: Callable[[str], str]) -> Callable[[str], str]:
    """A reader that hears a protest first ("eh? it's an allotment letter mate"), at
    crisis questions after "Are you safe?" (offering the follow-up)."""

    def reading(text: str) -> str:
        return MISREAD if protests(text) else read(text)

    return reading


def safe_choices(work: Work) -> tuple[Choice, ...]:
    """ "You misread me, I'm fine" with the safety question after any reply but an
    emergency, asked again too (testers: the second and third asking lacked it)."""
    return SAFE_CHOICES if after_emergency(work) else SAFE_NOW_CHOICES


def after_emergency(work: Work) -> bool:
    return work.draft.get("entry") == "after_emergency"


_LEADING_NUMBER = re.compile(r"\s*(\d)\s*(?:[.):,!]+|\s-)(?:\s|$)")
_LAST_NUMBER = re.compile(r"(?:^|[.!?,]\s*)(\d)\s*[.!]*\s*$")
_NUMBER_THEN_WORD = re.compile(r"\s*(\d)\s+(\w+)\s*[.!]*\s*$")


def picked_number(text: str) -> int | None:
    """The option number typed first ("4. christ almighty. it's a SHED"), last ("hes not
    abusive hes just useless with shopping. 4") or with a curse ("4 ffs"), if any; a
    number that starts a sentence ("3 days ago") is not one."""
    found = _LEADING_NUMBER.match(text) or _LAST_NUMBER.search(text)
    if found is None:
        cursed = _NUMBER_THEN_WORD.match(text)
        after = cursed.group(2).casefold() if cursed else ""
        found = cursed if after in word_list("care", "after_pick") else None
    return int(found.group(1)) if found else None


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


def _plan_words(text: str) -> str:
    """ "plan" or "later", pressed or said: "yes" opens the plan, "no" or "not now" not."""
    if text in ("plan", "later"):
        return text
    if read_move(text) in (Move.NOT_NOW, Move.STOP) or says(text, "i_am_ok"):
        return "later"  # "im ok for now": safe, not a yes to the plan
    return "plan" if yes_or_no(text) == "yes" else "later"


_read_plan = by_clause(_plan_words)


def read_plan(text: str) -> str:
    """ "plan" or "later"; "unclear" when the words say neither: asked once more, then
    left (never the same question in a loop)."""
    try:
        return _read_plan(text)
    except InvalidAnswerError:
        return UNCLEAR


_read_yes_no = by_clause(yes_or_no)


def read_followup(text: str) -> str:
    """Yes or no to tomorrow's follow-up, from a press or words; "unclear" when the words
    say neither ("my sister, and the dog"): asked once more, then left as a no, never a
    loop (a tester got the same question seven times)."""
    if read_move(text) in (Move.NOT_NOW, Move.STOP):
        return "no"
    try:
        return _read_yes_no(text)
    except InvalidAnswerError:
        return UNCLEAR


def plan_choices(work: Work) -> tuple[Choice, ...]:
    return (
        Choice("plan", Msg("choice.open_plan" if _has_plan(work) else "choice.safety_make")),
        Choice("later", Msg("choice.not_now")),
    )


def _has_plan(work: Work) -> bool:
    return work.person is not None and work.person.safety_plan is not None


YES_NO = (Choice("yes", Msg("choice.yes_please")), Choice("no", Msg("choice.no_thanks")))


class CareWork(Work):
    is_safe = answer_is("safe")
    is_unsure = answer_is("unsure")
    feels_better = answer_is("better")
    wants_plan = answer_is("plan")
    wants_followup = answer_is("yes")

    def may_offer(self) -> bool:
        """The follow-up may be offered (see `may_offer_followup`)."""
        return may_offer_followup(self.person, self.care, self.now)

    def misread(self) -> bool:
        """They said the reply misread them, and it was not an emergency reply."""
        return bool(self.answer == MISREAD) and not after_emergency(self)

    def is_unclear(self) -> bool:
        """No answer in the words; or a protest after an emergency reply, which cannot
        be dismissed by one (asked once more, then left)."""
        return bool(self.answer in (UNCLEAR, MISREAD))


def save_plan_choice(work: Work, answer: Any) -> None:
    work.draft["plan"] = answer == "plan"


def set_followup(work: Work) -> None:
    """The reminder loop sends it a day from now; whole seconds, as the loop compares."""
    if work.person is not None:
        due = (work.now + FOLLOW_UP_AFTER).astimezone(UTC).replace(microsecond=0)
        work.person = work.person.model_copy(update={"followup_due": due})


def decline_followup(work: Work) -> None:
    """No follow-up: one still pending is cancelled, and it is not offered again today."""
    if work.person is not None:
        work.person = work.person.model_copy(update={"followup_due": None})
    work.care = work.care.model_copy(update={"followup_declined_at": work.now})


def then_plan(work: Work) -> str | None:
    """Someone who asked for their safety plan goes on to it; everyone else back."""
    return "safety" if work.draft.get("plan") else None


def plan_entry(work: Work) -> dict[str, Any]:
    """Their own plan to look at, or straight to making one (they have just said yes)."""
    return {"entry": "look" if _has_plan(work) else "triggers"}


def params(work: Work) -> Mapping[str, Param]:
    pending = work.person is not None and work.person.followup_due is not None
    act = str(work.draft.get("act", "crisis.act_on_thoughts"))
    return {
        "name": work.person.name or "" if work.person else "",
        "emergency": work.draft.get("emergency", ""),
        "talk": work.draft.get("talk", ""),
        "helplines": work.helplines,
        "pending": Msg("crisis.followup_pending") if pending else "",
        "plan_next": Msg("crisis.plan_next") if work.draft.get("plan") else "",  # asked first
        "act": Msg(act, {"emergency": work.draft.get("emergency", "")}),
        "do_now": Msg(NOT_SAFE_DO.get(act, "crisis.not_safe_do"),
                      {"emergency": work.draft.get("emergency", "")}),
    }  # fmt: skip


def entry(work: Work) -> str:
    """Where the conversation opens: the safety question, or after an emergency a wait
    for them to say how they are (see `CARE`), or the day-after question."""
    return str(work.draft.get("entry", "safe_now"))


def plan_question(name: str, lead: str) -> Question:
    """ "Would it help to look at your safety plan together?", after `lead`. A protest
    is heard here too: "im no gonnae dae anything daft" had been read as "not safe", and
    "ye misread me" got the same buttons again."""
    return Question(name, "crisis.plan_offer", choices=plan_choices,
                    read=misread_or(read_plan), save=save_plan_choice, lead=lead)  # fmt: skip


def _go(source: str, dest: str, *conditions: str) -> dict[str, Any]:
    """One row of the table: from `source` to `dest` when all `conditions` hold."""
    return {"trigger": "answer", "source": source, "dest": dest, "conditions": list(conditions)}


FLOW = Flow(
    name="crisis",
    work=CareWork,
    questions=(
        Question("safe_now", "crisis.safe_now", choices=SAFE_NOW_CHOICES, read=read_safe_now,
                 save=save_plan_choice),
        Question("after_emergency", "crisis.after_emergency", choices=SAFE_CHOICES,
                 read=read_safe, save=save_plan_choice),
        Question("safe_again", "crisis.safe_again", choices=safe_choices, read=read_safe_now,
                 save=save_plan_choice),
        plan_question("not_safe", lead="crisis.not_safe"),
        plan_question("unsure", lead="crisis.unsure"),
        Question("plan_again", "crisis.plan_again", choices=plan_choices, read=read_plan,
                 save=save_plan_choice),
        Question("followup_offer", "crisis.followup_offer", choices=YES_NO, read=read_followup),
        Question("followup_after_safe", "crisis.followup_after_safe", choices=YES_NO,
                 read=misread_or(read_followup), lead="crisis.safe_thanks"),
        Question("followup_again", "crisis.followup_again", choices=YES_NO, read=read_followup),
        Question("how_today", "followup.how", choices=HOW_TODAY_CHOICES, read=read_how_today),
    ),
    endings=(
        Ending("followup_set", "crisis.followup_set", finish=set_followup, then=then_plan,
               passes=plan_entry),
        Ending("no_followup", "crisis.no_followup", finish=decline_followup, then=then_plan,
               passes=plan_entry),
        Ending("followup_left", "crisis.followup_left", finish=decline_followup,
               then=then_plan, passes=plan_entry),
        Ending("safe_ok", "crisis.safe_ok"),
        Ending("to_plan", "crisis.to_plan", then=then_plan, passes=plan_entry),
        Ending("carry_on", "crisis.carry_on"),
        Ending("glad", "followup.glad"),
        Ending("left", "crisis.left"),
        Ending(MISREAD, "crisis.misread", finish=remember_alarm),
    ),
    transitions=[
        _go("safe_now", MISREAD, "misread"),
        _go("safe_now", "to_plan", "wants_plan"),
        _go("safe_now", "followup_after_safe", "is_safe", "may_offer"),
        _go("safe_now", "safe_ok", "is_safe"),
        _go("safe_now", "safe_again", "is_unclear"),
        _go("safe_now", "unsure", "is_unsure"),
        _go("safe_now", "not_safe"),
        _go("after_emergency", "to_plan", "wants_plan"),
        _go("after_emergency", "followup_after_safe", "is_safe", "may_offer"),
        _go("after_emergency", "safe_ok", "is_safe"),
        _go("after_emergency", "safe_again", "is_unclear"),
        _go("after_emergency", "unsure", "is_unsure"),
        _go("after_emergency", "not_safe"),
        _go("safe_again", MISREAD, "misread"),
        _go("safe_again", "to_plan", "wants_plan"),
        _go("safe_again", "followup_after_safe", "is_safe", "may_offer"),
        _go("safe_again", "safe_ok", "is_safe"),
        _go("safe_again", "left", "is_unclear"),
        _go("safe_again", "unsure", "is_unsure"),
        _go("safe_again", "not_safe"),
        _go("not_safe", MISREAD, "misread"),
        _go("not_safe", "plan_again", "is_unclear"),
        _go("not_safe", "followup_offer", "may_offer"),
        _go("not_safe", "to_plan", "wants_plan"),
        _go("not_safe", "carry_on"),
        _go("unsure", MISREAD, "misread"),
        _go("unsure", "plan_again", "is_unclear"),
        _go("unsure", "followup_offer", "may_offer"),
        _go("unsure", "to_plan", "wants_plan"),
        _go("unsure", "carry_on"),
        _go("plan_again", "left", "is_unclear"),
        _go("plan_again", "followup_offer", "may_offer"),
        _go("plan_again", "to_plan", "wants_plan"),
        _go("plan_again", "carry_on"),
        _go("followup_offer", "followup_set", "wants_followup"),
        _go("followup_offer", "followup_again", "is_unclear"),
        _go("followup_offer", "no_followup"),
        _go("followup_after_safe", MISREAD, "misread"),
        _go("followup_after_safe", "followup_set", "wants_followup"),
        _go("followup_after_safe", "followup_again", "is_unclear"),
        _go("followup_after_safe", "no_followup"),
        _go("followup_again", "followup_set", "wants_followup"),
        _go("followup_again", "followup_left", "is_unclear"),
        _go("followup_again", "no_followup"),
        _go("how_today", "glad", "feels_better"),
        _go("how_today", "safe_now"),
    ],
    params=params,
    entry=entry,
    entries=("after_emergency", "how_today"),
)  # fmt: skip
