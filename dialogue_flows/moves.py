"""What a person is doing with a message, read before what it says.

"keep it", "that's all", "I don't know", "which one do you think?" or "are you a real
person" are moves in the conversation, not answers to keep: nobody's next step should
read "keep it". `read_move` recognises a move only when the move is essentially all
the message says; anything with content of its own is left to be read as content.

The phrases are data, one table per language beside the catalogues
(`locale/moves.en.toml`, `locale/moves.da.toml`); both are always checked, since people
mix. A message is cut into words (`dialogue_flows.words`: folded, stemmed, one typo
forgiven; text-speak such as "u", "pls", "ik" written out from the tables) and
covered, left to right, by phrases of the tables, filler words ("oh", "sorry",
"i think", "altså") and companions (clauses like "6 is good for me" that add
nothing when they come with a move, but are content alone). If some word is left
uncovered, the message carries content and is not a move.

Examples:
    >>> read_move("No I think that's it really")
    <Move.THATS_ALL: 'thats_all'>
    >>> read_move("I think I'll keep it like that, 6 is good for me")
    <Move.KEEP: 'keep'>
    >>> read_move("dont knw")
    <Move.DONT_KNOW: 'dont_know'>
    >>> read_move("stop smoking") is None, read_move("keep my flat tidy") is None
    (True, True)
    >>> split_move("yes, ring my mum")
    (<Move.YES: 'yes'>, 'ring my mum')
    >>> split_move("i just said lol. get a job")
    (<Move.ALREADY_SAID: 'already_said'>, 'get a job')

When a message holds several moves, the last weighty one counts ("no, that's all" is
THATS_ALL, "hi, are you a bot?" is REAL_PERSON); YES, NO and GREETING count only
alone, and YES with NO is no move.
"""

from __future__ import annotations

import itertools
import math
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache, lru_cache
from importlib import resources

from dialogue_flows.words import (
    LANGUAGES,
    WORDS_REMEMBERED,
    Language,
    Word,
    fold,
    in_dialect,
    same_word,
    words,
)


class Move(StrEnum):
    KEEP = "keep"
    """keep it / as it is / det er fint som det er / behold"""
    THATS_ALL = "thats_all"
    """that's all / no that's it really / nej det var det / ikke mere"""
    YES = "yes"
    """yes / yeah / ok / sure / ja / jo / gerne"""
    NO = "no"
    """no / nope / not really / nej / næ / ikke rigtig"""
    NOT_NOW = "not_now"
    """not now / later / maybe another time / ikke nu / senere"""
    BUSY = "busy"
    """busy / im busy rn / har travlt: not now, or the answer where being busy is one"""
    STOP = "stop"
    """stop / pause / i want to stop / stop nu / jeg gider ikke mere (crisis is read first)"""
    SKIP = "skip"
    """skip / next / pass / spring over / videre / næste"""
    DONT_KNOW = "dont_know"
    """idk / no idea / not sure / ved ikke / aner det ikke"""
    ALREADY_SAID = "already_said"
    """i just said / told you already / jeg har lige sagt det"""
    SEVERAL = "several"
    """that's 2 things / thats 2 ideas not 1 / det var 4 forskellige ting"""
    ADVICE = "advice"
    """can you just give me some advice / what should i do / hvad synes du"""
    QUESTION = "question"
    """a question to the bot: what is grow? why do you ask? hvad mener du?"""
    CHANGE_HOW = "change_how"
    """how do i change my step? / hvordan ændrer jeg mit skridt: how to put it right"""
    REAL_PERSON = "real_person"
    """are you a real person / is this a bot / er du et menneske / er det en robot"""
    PRIVACY = "privacy"
    """who reads this / is this recorded / hvem læser det her / bliver det gemt"""
    KEEP_OUT = "keep_out"
    """dont put it in anything / off the record / skriv det ikke ned: the message not kept"""
    WHO_TO_CALL = "who_to_call"
    """who can i talk to / is there a number i can ring / hvem kan jeg ringe til: the lines"""
    CALL_FOR_HELP = "call_for_help"
    """should i have rung the ambulance / skulle jeg have ringet 112: yes, when to call"""
    MEDICINE = "medicine"
    """is G bad wi lithium / kan jeg drikke på min medicin: who can answer it safely"""
    SQUARE_ONE = "square_one"
    """am i back to square one / 5 month down the drain / er jeg tilbage til start: no"""
    GREETING = "greeting"
    """hi / hello / good morning / hej / godmorgen / hvordan går det"""
    THANKS = "thanks"
    """thanks / cheers / ok thanks / tak / mange tak"""
    THINKING = "thinking"
    """hmm / hmm ok / i see / fair enough / nå ok / jeg forstår: heard, no rush"""
    ABOUT_GROW = "about_grow"
    """a question to the bot that names GROW: what is grow? / hvad betyder GROW?"""
    TOO_LONG = "too_long"
    """this is long / too many questions / det er langt / for mange spørgsmål"""
    IN_ENGLISH = "in_english"
    """english please / dansk is hard for me. english please / på engelsk tak"""
    IN_DANISH = "in_danish"
    """dansk tak / på dansk / in danish please / kan vi skrive dansk"""
    RETRACT = "retract"
    """scratch that / forget what i said / never mind / glem det / nej vent: never kept"""
    CORRECTION = "correction"
    """that's not what i said / you got that wrong / det har jeg ikke sagt"""
    GOAL_IS = "goal_is"
    """my goal is / målet er: opens the goal said again (`leading`), never a move alone"""
    DOUBT = "doubt"
    """yeah cos thats so easy / as if / easier said than done / ja ja, som om: heard"""
    JUDGING = "judging"
    """is that a stupid goal? / does it sound silly / er det et dumt mål: a warm word"""
    BACK = "back"
    """go back / previous question / gå tilbage / fortryd: the question before, again"""
    SENT = "sent"
    """my gp sent me / my worker said i should try this / lægen sendte mig: the reason they
    came, not a goal; content wherever the question has no words for it"""


SOCIAL = (Move.GREETING, Move.THANKS, Move.THINKING)
"""Friendly words that answer nothing: each gets its own short reply, then the question."""

_LIGHT = (*SOCIAL, Move.YES, Move.NO)
"""Moves that give way to any other move in the same message."""

_COMPANIONS = ("companions", "agreeing")
"""Table sections whose phrases are never a move alone."""

_AGREEING = {Move.YES, Move.THATS_ALL, Move.KEEP, *SOCIAL}
"""Beside a yes, at a question that asks for one, these agree too: "Aye, that's it",
"aye, you can keep it", "yes, thanks"."""

_WITH_BUSY = {Move.BUSY, Move.NO, Move.NOT_NOW}
"""Busy is a move only with these: "nah im busy rn"; "busy mornings" is content."""

_WITH_RETRACT = {Move.RETRACT, Move.NO, Move.DONT_KNOW, Move.THATS_ALL, *SOCIAL}
"""Taking back with these is still taking back: "no wait, scratch that, idk"."""

MAX_MOVE_WORDS = 30
"""A message longer than this says more than a move."""

_CONNECTORS = frozenset({"and", "but", "also", "so", "then", "og", "men", "ogsaa", "saa"})
"""Words that may join a leading move to the content after it ("yes and ring my mum")."""

_BOUNDARY = re.compile(r"[,.;:!?\n\u2013\u2014\u2026]|\s-\s")


@dataclass(frozen=True)
class _Phrase:
    move: Move | None  # None: a companion, never a move alone
    words: tuple[str, ...]
    language: Language
    agreeing: bool = False  # read only where a yes is asked: "mostly", "ja ish"


@dataclass(frozen=True)
class _Segment:
    end: int
    move: Move | None  # None: a filler word or a companion


@dataclass(frozen=True)
class _Table:
    fillers: dict[Language, frozenset[str]]
    starting: dict[tuple[Language, str], tuple[_Phrase, ...]]  # by language and first word
    textspeak: dict[str, str]  # "u" → "you", "ik" → "ikke", from both languages
    known: frozenset[str]  # every word of every phrase and filler
    said_marks: frozenset[str]  # words that make "i said" a protest ([already_said] marks)


MOST_SPELLINGS = 70_000
"""A phrase may spell this many ways: one of 3.5 million made every message that began
"the" or "a" take seconds to read."""


def _variants(phrase: str) -> Iterator[str]:
    """A phrase's spellings: "(ill|i will) keep it (as it is|)" gives four.

    "(a|b)" is a choice of words, "(a|b|)" an optional one.
    """
    parts = re.findall(r"\([^)]*\)|[^\s(]+", phrase)
    choices = [part.strip("()").split("|") for part in parts]
    if math.prod(len(choice) for choice in choices) > MOST_SPELLINGS:
        raise ValueError(f"{phrase!r} has more than {MOST_SPELLINGS} spellings")
    for picked in itertools.product(*choices):
        yield " ".join(word for word in picked if word)


@cache
def _table() -> _Table:
    """Both languages' phrase tables, folded and indexed once per process."""
    fillers: dict[Language, frozenset[str]] = {}
    starting: dict[tuple[Language, str], list[_Phrase]] = defaultdict(list)
    textspeak: dict[str, str] = {}
    marks: set[str] = set()
    for language in LANGUAGES:
        source = resources.files("dialogue_flows") / "locale" / f"moves.{language}.toml"
        data = tomllib.loads(source.read_text(encoding="utf-8"))
        fillers[language] = frozenset(fold(word) for word in data.pop("fillers")["words"])
        marks.update(fold(word) for word in data["already_said"].get("marks", ()))
        for entry in data.pop("textspeak")["words"]:
            short, full = entry.split()
            textspeak[fold(short)] = fold(full)
        for name, entry in data.items():
            move = None if name in _COMPANIONS else Move(name)
            for phrase in [*entry.get("phrases", ()), *entry.get("words", ())]:
                for variant in _variants(phrase):
                    folded = tuple(word.text for word in words(variant.replace("#", "0")))
                    if not folded:
                        raise ValueError(f"{source.name}: {phrase!r} can be empty")
                    found = _Phrase(move, folded, language, agreeing=name == "agreeing")
                    starting[language, folded[0]].append(found)
    starting_by_first = {first: tuple(found) for first, found in starting.items()}
    known = frozenset(word for found in starting.values() for p in found for word in p.words)
    known |= set().union(*fillers.values())
    return _Table(fillers, starting_by_first, textspeak, known, frozenset(marks))


def _typed(text: str) -> list[Word]:
    """The words of a message, with text-speak written out: "what do u mean" is "you"."""
    spelled = _table().textspeak
    found = words(text)
    read = in_dialect([spelled.get(word.text, word.text) for word in found])
    return [replace(word, text=meant) if meant != word.text else word
            for word, meant in zip(found, read, strict=True)]  # fmt: skip


@cache
def _same(typed: str, meant: str, language: Language) -> bool:
    """A typed word stands for a table's word: equal, same stem, a typo, or any number.

    A word the tables know stands only for itself: "quite" is not "quit".
    """
    if meant.isdigit():  # "#" in a table
        return typed.isdigit()
    if typed in _table().known:
        return typed == meant
    return same_word(typed, meant, language, stems=True)


def _segments(typed: Sequence[str], start: int, agreeing: bool) -> Iterator[_Segment]:
    """Every phrase, filler or companion that can cover the words from `start` (with
    `agreeing`, also the words that qualify a yes: "mostly", "ish", "sådan nogenlunde")."""
    word = typed[start]
    for phrase in _starting(word):
        if phrase.agreeing and not agreeing:
            continue
        end = _phrase_end(typed, start, phrase)
        if end is not None:
            yield _Segment(end, phrase.move)
    if _is_filler(word):
        yield _Segment(start + 1, None)  # last: a phrase covering the word reads better


@lru_cache(maxsize=WORDS_REMEMBERED)
def _starting(word: str) -> tuple[_Phrase, ...]:
    """The phrases a typed word can begin, in the tables' order: looked up once per word
    rather than against every first word of the tables at every place of every message."""
    return tuple(
        phrase
        for (language, first), phrases in _table().starting.items()
        if _same(word, first, language)
        for phrase in phrases
    )


def said_exactly(text: str) -> bool:
    """Every word is one the move tables hold as it is, not a stem or a typo of one: at
    the name question "Dave" is a name, not Danish "dav", and "Sue" no typo of "sure"."""
    known = _table().known
    return all(word.text in known for word in _typed(text))


def only_fillers(text: str) -> bool:
    """Nothing but words that say nothing ("lol", "haha", "um well"): never an answer."""
    typed = _typed(text)
    return bool(typed) and all(_is_filler(word.text) for word in typed)


def _is_filler(word: str) -> bool:
    return any(word in fillers for fillers in _table().fillers.values())


def _phrase_end(typed: Sequence[str], start: int, phrase: _Phrase) -> int | None:
    """Where a phrase whose first word is at `start` ends, or None.

    Filler words may stand inside it: "lad den bare være", "i really don't know".
    """
    at = start + 1
    for meant in phrase.words[1:]:
        while (
            at < len(typed)
            and _is_filler(typed[at])
            and not _same(typed[at], meant, phrase.language)
        ):
            at += 1
        if at == len(typed) or not _same(typed[at], meant, phrase.language):
            return None
        at += 1
    return at


def _covers(typed: Sequence[str], agreeing: bool = False) -> list[list[Move | None] | None]:
    """For each length k, the fewest-piece reading of the first k words (None: none)."""
    best: list[list[Move | None] | None] = [None] * (len(typed) + 1)
    best[0] = []
    for start in range(len(typed)):
        before = best[start]
        if before is None:
            continue
        for segment in _segments(typed, start, agreeing):
            known = best[segment.end]
            if known is None or len(before) + 1 < len(known):
                best[segment.end] = [*before, segment.move]
    return best


def _resolve(pieces: Sequence[Move | None]) -> Move | None:
    found = [move for move in pieces if move is not None]
    if Move.RETRACT in found and set(found) <= _WITH_RETRACT:
        return Move.RETRACT  # "actually no, scratch that, i dont know what i want"
    if Move.BUSY in found and not set(found) <= _WITH_BUSY:
        return None  # "busy mornings" says when, not "not now"
    weighty = [move for move in found if move not in _LIGHT]
    if Move.SKIP in weighty and set(weighty) <= {Move.SKIP, Move.DONT_KNOW}:
        return Move.SKIP  # "spring over, ved ikke", "dunno, skip": a skip, with its why
    if weighty:
        return weighty[-1]
    answers = {move for move in found if move in (Move.YES, Move.NO)}
    if len(answers) > 1:
        return None
    return answers.pop() if answers else (found[-1] if found else None)


def read_move(text: str) -> Move | None:
    """The move a message makes, when the move is essentially all it says.

    >>> read_move("can you just give me some advice?"), read_move("er du et menneske")
    (<Move.ADVICE: 'advice'>, <Move.REAL_PERSON: 'real_person'>)
    >>> read_move("no more drinking on weekdays") is None
    True
    """
    typed = [word.text for word in _typed(text)]
    if not typed or len(typed) > MAX_MOVE_WORDS:
        return None
    pieces = _covers(typed)[-1]
    return None if pieces is None else _resolve(pieces)


def agreement(text: str) -> bool:
    """A yes in the person's own words, where a yes or no is asked (consent, "Have I got
    that right?", a time said back): a yes with nothing but words that agree or qualify,
    or those words alone ("more or less", "ja ca": a tester's were kept as a correction).

    >>> agreement("Aye, that's fine … aye, you can keep it"), agreement("ja ish")
    (True, True)
    >>> agreement("more or less"), agreement("ja ca")
    (True, True)
    >>> agreement("yes mostly, but money is the big one"), agreement("not quite")
    (False, False)
    """
    typed = [word.text for word in _typed(text)]
    if not typed or len(typed) > MAX_MOVE_WORDS:
        return False
    pieces = _covers(typed, agreeing=True)[-1]
    if pieces is None:
        return False
    found = {move for move in pieces if move is not None}
    alone = _covers(typed)[-1] is None  # words that agree, not only fillers ("hmm")
    return found <= _AGREEING and (Move.YES in found or alone)


def says_nothing(text: str) -> bool:
    """Words that carry no content of their own: a move, or fillers ("hen.", "No, love.")."""
    typed = [word.text for word in _typed(text)]
    return bool(typed) and len(typed) <= MAX_MOVE_WORDS and _covers(typed)[-1] is not None


def split_move(text: str) -> tuple[Move | None, str]:
    """A leading move and the rest of the message, cut where a clause ends.

    >>> split_move("yes and also ring my mum")
    (<Move.YES: 'yes'>, 'ring my mum')
    >>> split_move("no idea what to do about money, maybe ask the bank")
    (None, 'no idea what to do about money, maybe ask the bank')
    >>> split_move("nej det var det")
    (<Move.THATS_ALL: 'thats_all'>, '')
    """
    every = _typed(text)
    found = every[:MAX_MOVE_WORDS]
    best = _covers([word.text for word in found])
    for end in range(len(found), 0, -1):
        pieces = best[end]
        move = None if pieces is None else _resolve(pieces)
        if move is None:
            continue
        if end == len(every):
            return move, ""
        if _ends_clause(text, found, end):
            rest = found[end:]
            while rest and rest[0].text in _CONNECTORS:
                rest = rest[1:]
            return move, text[rest[0].start :].strip() if rest else ""
    return None, text


def leading(text: str, wanted: frozenset[Move]) -> tuple[Move, str] | None:
    """One of the `wanted` moves opening the message, and the words after it (no mark
    needed between them: "goal is get me own flat"); None when none opens it.

    >>> leading("nah i didnt say that. get me own flat", frozenset({Move.CORRECTION}))
    (<Move.CORRECTION: 'correction'>, 'get me own flat')
    >>> leading("my mum says the goal is big", frozenset({Move.GOAL_IS})) is None
    True
    """
    found = _typed(text)[:MAX_MOVE_WORDS]
    best = _covers([word.text for word in found])
    for end in range(len(found), 0, -1):
        pieces = best[end]
        move = None if pieces is None else _resolve(pieces)
        if move in wanted:
            rest = text[found[end].start :] if end < len(found) else ""
            return move, rest.strip(" ,.;:!-\u2013\u2014")
    return None


def retracted(text: str) -> str | None:
    """What is left when a message takes back what it said ("get a job, actually no,
    scratch that, ring my mum" leaves "ring my mum"): the words after the last clause
    that takes back ("" when none follow, or only "I don't know"); None without one.

    >>> retracted("actually no, scratch that, i dont know what i want")
    ''
    >>> retracted("ringe til jobcentret. nej vent, glem det. spørge min søster")
    'spørge min søster'
    >>> retracted("forget about the past and move on") is None
    True
    """
    parts = re.split(f"({_BOUNDARY.pattern})", text)
    for at in range(len(parts) - 1, -1, -2):
        if read_move(parts[at]) is Move.RETRACT:
            rest = "".join(parts[at + 1 :]).strip(" ,.;:!-\u2013\u2014\n")
            return "" if not rest or says_nothing(rest) else rest
        lead, rest = split_move(parts[at])
        if lead is Move.RETRACT and rest:
            after = "".join([rest, *parts[at + 1 :]]).strip()
            return "" if says_nothing(after) else after
    return None


def before_taking_back(text: str) -> str:
    """The words before the take-back that ends a message, where only the last thing said
    is taken back: "gå en tur, ringe til mette. nej glem det sidste" leaves "gå en tur,
    ringe til mette" (Signe lost all her ideas to a take-back meant for the last one).

    >>> before_taking_back("walk the dog, ring my sister. no wait, scratch that")
    'walk the dog, ring my sister'
    """
    parts = re.split(f"({_BOUNDARY.pattern})", text)
    end = len(parts)
    while end and (
        not parts[end - 1].strip()
        or _BOUNDARY.fullmatch(parts[end - 1])
        or read_move(parts[end - 1]) in (Move.RETRACT, Move.NO)
    ):
        end -= 1
    return "".join(parts[:end]).strip(" ,.;:!-\u2013\u2014\n")


_ASKING = (Move.QUESTION, Move.REAL_PERSON, Move.PRIVACY, Move.CHANGE_HOW)
_ASKED = (*_ASKING, Move.ADVICE)
"""Asked at the end of a message, or first with another question after: never an answer
("hmm idk. hvad gør andre normalt?", a tester's, was kept as an idea)."""

ANSWERED_PLAINLY = (Move.REAL_PERSON, Move.PRIVACY, Move.CHANGE_HOW)
"""Questions about growcoach itself, answered the same plain way wherever they are asked
(`move.<move>`, or the open question's own `<prompt>.<move>`)."""
_KEPT_BEFORE = (Move.REAL_PERSON, Move.PRIVACY)
"""Asked after an answer, these leave the answer kept ("…i sleep badly. are you a bot
btw?"); how to change a step asked after words is asked instead of an answer."""


def asking(text: str, move: Move | None) -> Move | None:
    """The move, or a question to the bot that ends the message after words leading up to
    it ("my sagsbehandler say this is GROW. what this mean?"): a question is answered,
    never kept as an answer. A question after words that name GROW is about GROW.

    >>> asking("my sagsbehandler say this is GROW. what this mean?", None)
    <Move.ABOUT_GROW: 'about_grow'>
    >>> asking("ring my mum. why not", None) is None
    True
    """
    lead, rest = split_move(text) if move is None else (None, "")
    if lead in _ASKED and "?" in rest:  # "hvad mener du? ligesom styrker eller hvad? idk"
        return lead
    if move is None and text.rstrip().endswith("?"):
        body = text.rstrip(" .!?\u2026")
        ends = [mark for mark in _BOUNDARY.finditer(body) if body[: mark.start()].strip()]
        clause = body[ends[-1].end() :] if ends else body
        last = read_move(clause) if ends else None
        before = body[: ends[-1].start()] if ends else ""
        advice = last is Move.ADVICE and says_nothing(before)  # "hmm idk. what would you do?"
        kept = last in _KEPT_BEFORE and not says_nothing(before)  # "…10.000 kroner. Er
        # du et rigtigt menneske?": the answer kept, the question answered (`trailing`)
        move = None if kept else last if last in _ASKING or advice else _about_what_is_kept(clause)
    elif move is None:  # "ok so ur a bot. will u tell my school or my mum what i say"
        body = text.rstrip(" .!\u2026")
        ends = [mark for mark in _BOUNDARY.finditer(body) if body[: mark.start()].strip()]
        last = read_move(body[ends[-1].end() :]) if ends else None
        move = last if last in ANSWERED_PLAINLY else None
    if move is None:  # "Hvor bliver det gemt, og kan min mand se det? …"
        move = _privacy_inside(text)
    if move is Move.QUESTION and any(word.text == "grow" for word in _typed(text)):
        return Move.ABOUT_GROW  # "… this is GROW. what this mean?"
    return move


_ASKED_INSIDE = (
    Move.KEEP_OUT,
    Move.PRIVACY,
    Move.WHO_TO_CALL,
    Move.CALL_FOR_HELP,
    Move.SQUARE_ONE,
    Move.MEDICINE,
)


_SAID_ANYWHERE = (Move.KEEP_OUT, Move.SQUARE_ONE, Move.MEDICINE)
"""Moves found inside a clause whatever is around them: "dunno. feel like an idiot. 5
month down the shitter" asks whether the months are lost as plainly as a question does."""


def _privacy_inside(text: str) -> Move | None:
    """Who sees what they write, or whom they can call, asked anywhere in a message that
    asks something: always answered, never kept (a tester asked four times whether her
    husband could read it on their shared computer; one was kept as her first idea, and a
    girl's "hvem kan jeg ringe til" after "han råbte af mig igen" went unanswered)."""
    clauses = _BOUNDARY.split(text)
    moves = [read_move(clause) for clause in clauses]
    moves += [split_move(clause)[0] for clause in clauses]  # "keep this between us but…"
    moves += [move for move in _SAID_ANYWHERE if said_anywhere(text, move)]
    found = next((move for move in _ASKED_INSIDE if move in moves), None)
    return found or (Move.PRIVACY if _WHO_SEES.search(fold(text)) else None)


def said_anywhere(text: str, move: Move) -> bool:
    """Whether one of `move`'s phrases is said anywhere in a clause of the text, whatever
    is around it ("ved ik. vente. skriv det ik ned det med pillerne" was kept as a step);
    a clause longer than a move can be is not searched (the cost of a long message)."""
    return move in _moves_anywhere(text)


@lru_cache(maxsize=256)
def _moves_anywhere(text: str) -> frozenset[Move]:
    """Every move said anywhere in a clause of the text, found in one pass."""
    found: set[Move] = set()
    for clause in _BOUNDARY.split(text):
        typed = [word.text for word in _typed(clause)]
        if len(typed) <= MAX_MOVE_WORDS:
            found.update(
                segment.move
                for start in range(len(typed))
                for segment in _segments(typed, start, agreeing=False)
                if segment.move is not None
            )
    return frozenset(found)


_WHO_SEES = re.compile(
    r"\b(does|will|can|would|could|do)\s+\w+\s+(see|read|get to see|know about|find out about)"
    r"\s+(this|that|what i (write|say|put))\b"
    r"|\b(is|will|does)\s+(this|any of this|what i (write|say|put))\s+(gonna |going to )?"
    r"(go|get sent|be sent|get passed|be passed)\s+(on\s+)?to\s+\w+"
    r"|\b(kan|faar|vil|skal|ser)\s+\w+\s+(se|laese|vide|hoere om)\s+"
    r"(det her|dette|hvad jeg skriver)\b"
    r"|\b(gaar|kommer|sendes|ryger)\s+(det her|dette|hvad jeg skriver)\s+(videre\s+)?til\s+\w+"
)
"""Who sees it, asked of someone by name: "does jo see this or not", "is this gonna go to
jo" (a father asked three times, and was answered with the next question each time)."""


ABOUT_WORDS = 5
"""Words a question about what is kept may add: "do you store what I told you about cutting?"."""


def _about_what_is_kept(clause: str) -> Move | None:
    """A question about growcoach that names what it asks about: "do you store what I
    told you about cutting?" (a tester's was kept as what gets in the way)."""
    found = leading(clause, frozenset(ANSWERED_PLAINLY))
    if found is None or len(found[1].split()) > ABOUT_WORDS:
        return None
    return found[0]


def without_said(text: str) -> str:
    """An answer without the "I already said" that leads or trails it: "i just said, book
    the cscs course" is "book the cscs course", "torsdag kl 10, det skrev jeg jo" is
    "torsdag kl 10". The words alone (nothing else said) are left as they are: a move.

    >>> without_said("torsdag kl 10, det skrev jeg jo"), without_said("like i said, nerves")
    ('torsdag kl 10', 'nerves')
    >>> without_said("Claire I suppose, like I said. And I'm patient")
    "Claire I suppose. And I'm patient"
    """
    lead, rest = split_move(text)
    text = rest if lead is Move.ALREADY_SAID and rest else _without_leading_said(text)
    body = text.rstrip(" .!?\u2026")
    ends = [mark for mark in _BOUNDARY.finditer(body) if body[: mark.start()].strip()]
    if ends and read_move(body[ends[-1].end() :]) is Move.ALREADY_SAID:
        return body[: ends[-1].start()].rstrip(" ,.;:-\u2013\u2014")
    return _without_said_inside(text)


def _without_leading_said(text: str) -> str:
    """ "i already said get out the house more" (no comma) is "get out the house more";
    "i said i'd ring my mum" stays: only "already", "just", "told" or "like/as i said"
    mark the words as a protest."""
    found = _typed(text)
    for end in range(2, min(len(found), MAX_MOVE_WORDS)):
        said = [word.text for word in found[:end]]
        if _table().said_marks.isdisjoint(said):
            continue
        if read_move(" ".join(said)) is not Move.ALREADY_SAID:
            continue
        rest = text[found[end].start :]
        return rest if read_move(rest) is None else text
    return text


def trailing(text: str, move: Move) -> str | None:
    """The words before a last clause that makes `move`, when there are some: "get a
    job. is that a stupid goal?" is "get a job" with JUDGING; None otherwise.

    >>> trailing("get a job. is that a stupid goal?", Move.JUDGING)
    'get a job'
    >>> trailing("is that a stupid goal?", Move.JUDGING) is None
    True
    """
    body = text.rstrip(" .!?\u2026")
    ends = [mark for mark in _BOUNDARY.finditer(body) if body[: mark.start()].strip()]
    while len(ends) > 1 and only_fillers(body[ends[-1].end() :]):  # "…menneske, forresten?"
        body = body[: ends.pop().start()]
    if not ends or read_move(body[ends[-1].end() :]) is not move:
        return None
    return body[: ends[-1].start()].rstrip(" ,.;:-\u2013\u2014") or None


def _without_said_inside(text: str) -> str:
    """ "Claire I suppose, like I said. And I'm patient" without its middle clause."""
    parts = re.split(f"({_BOUNDARY.pattern})", text)
    kept = parts[:1]
    for mark, clause in zip(parts[1::2], parts[2::2], strict=True):
        if read_move(clause) is Move.ALREADY_SAID:
            continue  # the clause and the mark before it
        kept += [mark, clause]
    return "".join(kept) if len(kept) < len(parts) else text


def _ends_clause(text: str, found: Sequence[Word], end: int) -> bool:
    """Whether the words before `end` close a clause: punctuation, or a joining word."""
    if end >= len(found):
        return True
    between = text[found[end - 1].end : found[end].start]
    return bool(_BOUNDARY.search(between)) or found[end].text in _CONNECTORS
