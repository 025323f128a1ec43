"""Spotting crisis language in what a person writes, in English and Danish.

This is not a diagnosis tool and makes no judgement about a person: it only decides
whether a message should be answered, before anything else, with helplines and the
person's own safety plan, and which kind of reply fits. It errs towards answering: a
warm word with helplines that was not needed costs little; one missed costs much.

How: it recognises *concepts*, not phrases. The concept tables (word groups in both
languages, and which groups close together make a concept) are data, in
`crisis_concepts.py`; this module is the one matcher for all of them:

1. the text is normalised: case, curly quotes, accents, Danish letters folded to
   ASCII (æ→ae, ø→oe, å→aa, as people without a Danish keyboard write them),
   apostrophes dropped, text-speak spelled out ("wanna" → "want to");
2. everyday idioms that merely look alarming ("this job hunt is killing me") are
   blanked out;
3. the text is split into sentences and words; each word is reduced to its English
   and Danish snowball stems (PyStemmer), letters stretched for feeling ("dieee") are
   cut, and a word that is in no group but is one typing slip from a concept word of
   six letters or more ("sucidal") is read as that word (rapidfuzz);
4. a concept holds when its groups occur in order within a few words of each other in
   one sentence, so a risk said once in the middle of a long message is found.

Its recall and false-positive rate are measured by `scripts/crisis_eval.py` and
recorded in the README; its speed by `bench/crisis_speed.py`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from enum import StrEnum
from functools import cache, lru_cache
from itertools import pairwise, permutations
from typing import NamedTuple

import Stemmer
from rapidfuzz.distance import Levenshtein

from dialogue_flows import crisis_concepts as data
from dialogue_flows import crisis_model
from dialogue_flows import words as wording
from dialogue_flows.answers import phrase_list
from dialogue_flows.moves import read_move


class Concern(StrEnum):
    """What kind of crisis a message speaks of; it chooses the reply."""

    EMERGENCY = "emergency"  # happening now: call for help first
    SUICIDE = "suicide"
    SELF_HARM = "self_harm"
    HARM_FROM_OTHERS = "harm_from_others"
    HARM_TO_OTHERS = "harm_to_others"
    LAPSE = "lapse"  # use after a time without: tolerance is gone
    DISTRESS = "distress"  # acute distress without a stated risk


_STEMMERS = {"en": Stemmer.Stemmer("english"), "da": Stemmer.Stemmer("danish")}
_BOTH = "en da"
_FOLD = (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("\u2019", ""), ("\u2018", ""), ("'", ""),
         ("`", ""))  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE_END = re.compile(r"[.!?;:\n]+")
_STRETCHED = re.compile(r"([a-z])\1{2,}")
_SHORT = 3  # words this short are matched only as written
_END = "$"  # the last token of every sentence, so a concept can say "at the end"
_BLANK = "_"  # what an idiom is replaced by: a word that belongs to no group
_KEY = "_key"  # marks a word that could be part of a concept's anchor group


def fold(text: str) -> str:
    """Case, quotes, accents and Danish letters made plain, apostrophes dropped."""
    text = unicodedata.normalize("NFC", text).casefold()
    for letter, plain_letter in _FOLD:  # str.replace is many times faster than translate
        text = text.replace(letter, plain_letter)
    if text.isascii():
        return text
    plain = unicodedata.normalize("NFKD", text)
    return "".join(c for c in plain if not unicodedata.combining(c))


def _keys(word: str, language: str) -> frozenset[str]:
    """The word itself and its stems in the sentence's language, tagged with the language.

    Two words match when these overlap. Stems are compared within one language only, and
    words of three letters or fewer only as written, so that the Danish "med" is not the
    English "meds", "do" is not the folded Danish "dø" ("doe"), and in an English
    sentence "letters" is not the Danish "lettere".
    """
    if len(word) <= _SHORT:
        return frozenset((word,))
    stems = (f"{name}:{stemmer.stemWord(word)}" for name, stemmer in _STEMMERS.items()
             if name in language)  # fmt: skip
    return frozenset((word, *stems))


def _entry_keys(word: str) -> frozenset[str]:
    """A concept word's keys: "=word" is that exact word; any other is stemmed."""
    if word.startswith("="):
        return frozenset((word[1:],))
    return frozenset((word, *(f"{name}:{stemmer.stemWord(word)}"
                              for name, stemmer in _STEMMERS.items())))  # fmt: skip


def _expand(entry: str) -> Iterator[str]:
    """An entry with "@group" in it, once for each word of that group ("my @person")."""
    head, marker, rest = entry.partition("@")
    if not marker:
        yield entry
        return
    name, _, tail = rest.partition(" ")
    for word in data.GROUPS[name.upper()]:
        yield from _expand(f"{head}{fold(word)} {tail}".strip())


def _key_word(words: tuple[str, ...]) -> str:
    """The word a phrase cannot be without that is least common: its longest word that is
    not a small function word ("point" in "the point", "far" in "min far")."""
    plain = [word for word in words if word != _END] or list(words)
    return max((word for word in plain if word.lstrip("=") not in data.STOP_WORDS), key=len,
               default=plain[0])  # fmt: skip


class _Node:
    """One step in the phrase tree: the groups a phrase ending here is in, and what follows."""

    __slots__ = ("groups", "next")

    def __init__(self) -> None:
        self.groups: list[str] = []
        self.next: dict[str, _Node] = {}


class _Word(NamedTuple):
    """A word as the matcher sees it (cached per word and sentence language)."""

    groups: frozenset[str]  # the groups it is in on its own
    phrase_words: frozenset[str]  # the phrase words it can stand for
    starts: tuple[_Node, ...]  # the phrases it can start
    key: bool  # it could be part of some concept's least common group
    seconds: frozenset[str]  # the words that can follow it in the phrases it starts


_NOTHING = _Word(frozenset(), frozenset(), (), False, frozenset())


class _Lexicon:
    """The concept tables turned into look-ups: which groups a word or phrase is in.

    Phrases live in a tree whose steps are concept words as written in the tables; each
    word of a message is read once (and cached) into the set of table words it matches.
    """

    def __init__(self, anchors: frozenset[str]) -> None:
        self.anchors = anchors
        self.groups_of: dict[str, set[str]] = defaultdict(set)  # key → groups
        self.words_of: dict[str, set[str]] = defaultdict(set)  # key → phrase words
        self.prefixes: list[tuple[str, str]] = []
        self.phrases: dict[str, _Node] = defaultdict(_Node)
        for group, entries in data.GROUPS.items():
            for entry in entries:
                for expanded in _expand(fold(entry)):
                    self._add(group, expanded)
        self.fuzzy: dict[str, list[str]] = defaultdict(list)  # first letter → key words
        for word in sorted({fold(word) for word in data.FUZZY_WORDS}):
            self.fuzzy[word[0]].append(word)

    def _add(self, group: str, entry: str) -> None:
        if entry.endswith("*"):
            self.prefixes.append((entry[:-1], group))
        elif " " in entry:
            first, *rest = entry.split()
            node = self.phrases[first]
            for word in rest:
                node = node.next.setdefault(word, _Node())
            node.groups.append(group)
            for word in (first, *rest):
                for key in _entry_keys(word):
                    self.words_of[key].add(word)
            if group in self.anchors:  # its longest word marks where it could be
                for key in _entry_keys(_key_word((first, *rest))):
                    self.groups_of[key].add(_KEY)
        else:
            for key in _entry_keys(entry):
                self.groups_of[key].add(group)

    def read(self, word: str, language: str) -> _Word:
        """The groups a word is in, and the phrase words it can stand for."""
        keys = _keys(word, language)
        groups = {group for key in keys for group in self.groups_of.get(key, ())}
        groups.update(group for prefix, group in self.prefixes if word.startswith(prefix))
        if word.isdigit() and int(word) >= data.MANY:
            groups.add("MANY")
        if not groups.isdisjoint(self.anchors):
            groups.add(_KEY)
        phrase_words = frozenset(w for key in keys for w in self.words_of.get(key, ()))
        starts = tuple(self.phrases[w] for w in phrase_words if w in self.phrases)
        seconds = frozenset(w for node in starts for w in node.next)
        return _Word(frozenset(groups), phrase_words, starts, _KEY in groups, seconds)

    def nearest(self, word: str) -> str | None:
        """A key word one typing slip away ("sucidal" → "suicidal"), same first letter."""
        if len(word) < data.FUZZY_MIN_LENGTH or not word.isalpha():
            return None
        for candidate in self.fuzzy.get(word[0], ()):
            if (
                abs(len(candidate) - len(word)) <= 1
                and Levenshtein.distance(word, candidate, score_cutoff=1) <= 1
            ):
                return candidate
        return None


@cache
def _commonness(group: str) -> tuple[bool, int]:
    """How often a group is likely in everyday words: listed as common, then how many of
    its entries are made of small words only ("how to")."""
    plain = sum(
        _key_word(tuple(entry.split())).lstrip("=") in data.STOP_WORDS
        for entry in map(fold, data.GROUPS.get(group, ("$",)))
    )
    return group in data.COMMON_GROUPS, plain


@cache
def _by_anchor() -> dict[str, list[tuple[frozenset[str], data.Concept]]]:
    """Each concept under its least common group: it is tried only when that group is
    there. Built on first use, as the lexicon is."""
    anchored: dict[str, list[tuple[frozenset[str], data.Concept]]] = defaultdict(list)
    for concept in data.CONCEPTS:
        anchor = min(reversed(concept.slots), key=_commonness)
        anchored[anchor].append((frozenset(concept.slots), concept))
    return anchored


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """Built on first use (a few hundred ms), so a start-up that reads no words skips it."""
    return _Lexicon(frozenset(_by_anchor()))


for _concept in data.CONCEPTS:  # a misspelt group or concern fails at import, not silently
    Concern(_concept.concern)
    for _group in (*_concept.slots, _concept.unless, _concept.not_with, _concept.denied_by):
        if _group is not None and _group not in data.GROUPS and _group != "MANY":
            raise ValueError(f"crisis concept uses unknown group {_group}")
_PAST_HABIT = re.compile(data.PAST_HABIT)
_LAUGHTER = re.compile(data.LAUGHTER)


@cache
def _idioms() -> re.Pattern[str]:
    """Every idiom as one pattern, compiled on first use (tens of ms)."""
    return re.compile("|".join(rf"\b(?:{fold(idiom)})\b" for idiom in data.IDIOMS))


_SPELLINGS = {fold(written): fold(meant).split() for written, meant in data.SPELLINGS.items()}


def prepare() -> None:
    """Build the lexicon, the anchors, the idioms and the model now, not at first use."""
    _lexicon()
    _idioms()
    crisis_model.model()


@lru_cache(maxsize=65536)
def _read(word: str, language: str) -> _Word:
    """A word's groups and phrase words, after stretched letters and typos."""
    for reading in _readings(word):
        found = _lexicon().read(reading, language)
        if found.groups or found.phrase_words:
            return found
    near = _lexicon().nearest(word)
    return _lexicon().read(near, language) if near is not None else _NOTHING


def _language(words: list[str]) -> str:
    """ "en", "da", or both when the sentence's small function words do not say."""
    return wording.language_of(words) or _BOTH


def _readings(word: str) -> Iterator[str]:
    yield word
    if _STRETCHED.search(word):
        yield _STRETCHED.sub(r"\1\1", word)
        yield _STRETCHED.sub(r"\1", word)


def _sentences(text: str) -> Iterator[list[str]]:
    """The words of each sentence, folded and with text-speak spelled out."""
    for sentence in _SENTENCE_END.split(fold(text)):
        words = _WORD.findall(sentence)
        if not _SPELLINGS.keys().isdisjoint(words):
            words = [meant for word in words for meant in _SPELLINGS.get(word, (word,))]
        if "it" in words:
            words = wording.in_dialect(words)
        if words:
            yield words


Spans = dict[str, dict[int, int]]  # group → {first word: word after the longest match}
Match = tuple[str, int, int]  # a phrase's group, first word, word after the last


class _Sentence:
    """One sentence read: its words' groups, its phrases, and the groups present at all.

    The sentence ends in "$", so that a concept can ask for the end ("what's the point.").
    Where each group occurs (`spans`) is worked out only for a sentence in which some
    concept could hold, which keeps a long everyday message fast.
    """

    def __init__(self, words: list[str]) -> None:
        language = _language(words)
        self.read = [_read(word, language) for word in (*words, _END)]
        self.phrases: list[Match] = []
        self.present: frozenset[str] = frozenset()
        if not any(word.key for word in self.read):  # no concept can be here: nothing to do
            return
        self.present = self.present.union(*(word.groups for word in self.read))
        for start, (word, after) in enumerate(pairwise(self.read)):
            if not word.seconds.isdisjoint(after.phrase_words):  # a phrase could start here
                self._walk(start)
        self.present = self.present.union(group for group, _, _ in self.phrases)

    def _walk(self, start: int) -> None:
        """The phrases that start at this word, down the phrase tree word by word."""
        steps = [(node, start + 1) for node in self.read[start].starts]
        while steps:
            node, at = steps.pop()
            for group in node.groups:
                self.phrases.append((group, start, at))
            if node.next and at < len(self.read):
                for word in self.read[at].phrase_words:
                    if word in node.next:
                        steps.append((node.next[word], at + 1))

    def spans(self) -> Spans:
        """Where each group starts and ends; of matches that start at one word only the
        longest is kept ("wake up", not "wake"), so the word after is after the phrase."""
        found: Spans = defaultdict(dict)
        for i, word in enumerate(self.read):
            for group in word.groups:
                found[group][i] = i + 1
        for group, start, end in self.phrases:
            found[group][start] = max(end, found[group].get(start, end))
        return found


def _candidates(present: frozenset[str]) -> list[data.Concept]:
    """The concepts whose groups all occur in the sentence."""
    return [
        concept
        for anchor in present & _by_anchor().keys()
        for needs, concept in _by_anchor()[anchor]
        if needs <= present
    ]


def _holds(concept: data.Concept, found: Spans) -> bool:
    """Whether the concept's groups occur in one of its orders, each within its window."""
    if concept.not_with in found:
        return False
    orders = permutations(concept.slots) if concept.any_order else (concept.slots,)
    return any(_in_order(concept, slots, found) for slots in orders)


def _in_order(concept: data.Concept, slots: tuple[str, ...], found: Spans) -> bool:
    windows = concept.window
    if isinstance(windows, int):
        windows = (windows,) * (len(slots) - 1)

    cues = found.get(concept.denied_by or "", {})

    def denied(start: int) -> bool:
        """A negation just before any of the concept's words cancels it ("i haven't used
        in 3 weeks", "har været clean i 6 uger og ikke drukket")."""
        return any(start - data.DENIAL_REACH <= cue < start for cue in cues)

    def rest(slot: int, after: int) -> bool:
        if slot == len(slots):
            return after not in found.get(concept.unless or "", {})
        return any(
            after <= start <= after + windows[slot - 1] and not denied(start)
            and rest(slot + 1, end)
            for start, end in found.get(slots[slot], {}).items()
        )  # fmt: skip

    return any(
        not denied(start) and rest(1, end) for start, end in found.get(slots[0], {}).items()
    )


def _concerns(concept: data.Concept, found: Spans) -> set[Concern]:
    """What one concept adds for one sentence: its concern, and EMERGENCY if it is now."""
    now = "NOW" in found
    if concept.now_only and not now:
        return set()
    if concept.concern in data.RESOLVABLE and "RESOLVED" in found and "AGAIN" not in found:
        return set()  # past, resolved risk ("i used to ... but im 2 yrs free")
    if not _holds(concept, found):
        return set()
    concerns = {Concern(concept.concern)}
    if concept.urgent and now:
        concerns.add(Concern.EMERGENCY)
    return concerns


ALONE = 0.6
"""The model's probability at which a message is answered as crisis on its own word.
Checked by writer (`crisis_eval.py --by-writer`): every step along the curve from here
trades about one false alarm for one more message found."""
FEWEST_WORDS = 3
"""A word or two ("Home", "Helen") tells the model too little to answer on its own."""
SHORT = 6
ALONE_SHORT = 0.85
"""Fewer words than SHORT ("Back on the street", "something nice") need the model surer:
on messages it never saw this cost no crisis message and spared short everyday ones."""
SURE = 0.9
_NOT_NOW = tuple(concern.value for concern in Concern if concern is not Concern.EMERGENCY)
"""The model alone is sure of a crisis from here; between `ALONE` and this it suspects one.
Of the everyday coaching answers blind writers wrote for the check-ins and GROW, about one
in seven reached `ALONE` (nearly all below this); of their crisis answers found by the model
alone, three in four are above it."""
SENTENCE = 0.6
"""…and the probability at which the sentences a concept holds in answer on their own,
whatever the rest of the message says: a risk said after an ordinary answer ("ask the
council, save a bit. honestly i cant go on anymore") is not drowned by the answer."""
MOVE_CHARS = 80
"""Moves are short; longer messages are not read for one (it would cost time)."""
WITH_CONCEPTS = 0.15
"""…and the lower one that is enough when a concept table holds too. Chosen on messages
neither had learnt from (the held-out set and a set from a writer outside the project):
together they find more than either alone, with fewer false alarms than the tables."""


DOUBTED_AT = 0.5
"""…and the one needed when the only concepts that hold are doubted ones
(`crisis_concepts.DOUBTED`): by writer left out, 0.878 / 0.145 became 0.877 / 0.141; the
held-out set, never read, 0.931 / 0.114 became 0.930 / 0.110."""


class Finding(NamedTuple):
    """What the crisis check found: the concerns (none: no crisis), and whether it is
    sure of them. It is sure when a concept table holds, or the model alone is very sure
    (`SURE`); otherwise the reply is tentative ("I may have misread you"), with the lines
    that fit and the same safety question, so that an everyday answer the model merely
    suspects ("shed roof's gone") is not met with a whole crisis script."""

    concerns: frozenset[Concern]
    sure: bool = True


def assess(text: str, reader: crisis_model.Model | None = None) -> frozenset[Concern]:
    """The concerns a message speaks of; empty when it speaks of none (`weigh`)."""
    return weigh(text, reader).concerns


def weigh(text: str, reader: crisis_model.Model | None = None) -> Finding:
    """The concerns a message speaks of, and how sure the check is of them.

    Two readers agree on it: the concept tables below, which name what they find, and
    the model (`crisis_model`), which has learnt from every labelled message and also
    knows wordings no table holds. The tables name the concerns when they hold; when only
    the model is sure, it names the likeliest one. `reader` is the shipped model unless
    another is given (cross-validation gives one that learnt from part of the set).
    """
    concerns, certain, where, doubted = _by_concepts(text)
    if certain:
        return Finding(concerns)
    reader = reader or crisis_model.model()
    probability, words = reader.read(text)
    said = reader.read(where).probability if concerns and where != text else 0.0
    if said >= SENTENCE:  # "ask the council, save a bit. honestly i cant go on anymore"
        return Finding(concerns, sure=not _said_small(where, concerns, said))
    if concerns and probability >= (DOUBTED_AT if doubted else WITH_CONCEPTS):
        return Finding(concerns, sure=not _said_small(text, concerns, probability))
    alone = ALONE if words >= SHORT else ALONE_SHORT
    if probability >= alone and words >= FEWEST_WORDS and not _only_a_move(text):
        if probability >= SURE:
            return Finding(frozenset({Concern(reader.concern(text))}))
        # Only suspected: never an emergency, whose reply cannot be dismissed ("managed one
        # night, then my brother rang and I opened a bottle" had got "call 999 now").
        return Finding(frozenset({Concern(reader.concern(text, _NOT_NOW))}), sure=False)
    return Finding(frozenset())


def _said_small(text: str, concerns: frozenset[Concern], probability: float) -> bool:
    """Hopelessness said small ("nogle gange tænker jeg at det hele er lidt ligegyldigt")
    where the model alone is not sure of it (`SURE`): suspected, so answered tentatively, with the
    lines and the safety question all the same (a tester got the whole suicide reply).
    Only thoughts of dying and distress: harm, a lapse or an emergency is sure whatever
    the hedge. On the labelled sets this made 4 everyday rows suspected and no crisis row."""
    if probability >= SURE or not concerns <= _SAID_SMALL:
        return False
    typed = [word.text for word in wording.words(text)]
    return bool(phrase_list("care", "minimised", stems=True).find(typed))


_SAID_SMALL = frozenset({Concern.SUICIDE, Concern.DISTRESS})


def _only_a_move(text: str) -> bool:
    """ "I don't know", "not right now", "nothing else really": a conversational move, not
    crisis content, though its negations look like crisis talk to the model. The concept
    tables still read such a message ("jeg kan ikke mere" is no move)."""
    return len(text) <= MOVE_CHARS and read_move(text) is not None


def _by_concepts(text: str) -> tuple[frozenset[Concern], bool, str, bool]:
    """The concerns the concept tables find in a message (empty when they find none),
    whether one of them came from a `certain` concept, which needs no model to agree, the
    sentences they hold in, and whether every concept that holds is a doubted one.

    An emergency (happening now) always comes out as EMERGENCY, with any others that
    hold too, so the reply can lead with the emergency number. Each sentence is looked
    at on its own; idioms are blanked only in a sentence where some concept could hold.
    """
    concerns: set[Concern] = set()
    certain = False
    doubted = True
    where: list[str] = []
    said = list(_sentences(text))
    for at, words in enumerate(said):
        sentence = _Sentence(words)
        if not _candidates(sentence.present):
            continue
        blanked = _idioms().sub(_BLANK, _PAST_HABIT.sub("formerly ", " ".join(words))).split()
        if blanked != words:
            sentence = _Sentence(blanked)
        found = _resolved_after(sentence.spans(), said[at + 1 : at + 2])
        for concept in _candidates(sentence.present):
            raised = _concerns(concept, found)
            concerns |= raised
            certain = certain or bool(raised and concept.certain)
            doubted = doubted and not (
                raised and (concept.concern, concept.slots) not in data.DOUBTED
            )
            if raised and " ".join(words) not in where:
                where.append(" ".join(words))
    if concerns & data.JOKED and _LAUGHTER.search(fold(text)):
        concerns -= data.JOKED
    return frozenset(concerns), certain and bool(concerns), ". ".join(where), doubted


def _resolved_after(found: Spans, following: list[list[str]]) -> Spans:
    """A sentence's spans, with RESOLVED when the next sentence says the risk is over
    ("da jeg var 20, skar jeg i mig selv. Det er slut nu, det er fire år siden sidst"
    had got wound first aid and 112), unless either says it is back or recent."""
    if not following or any(group in found for group in ("RESOLVED", "AGAIN", "LATELY")):
        return found  # "i cut myself last night. its over now" is not over
    after = _Sentence(following[0]).spans()
    if "RESOLVED" in after and "AGAIN" not in after:
        return {**found, "RESOLVED": after["RESOLVED"]}
    return found


def by_tables(text: str) -> frozenset[Concern]:
    """The concerns the concept tables alone find (the model not asked)."""
    return _by_concepts(text)[0]


def is_crisis(text: str) -> bool:
    """Whether this message should be met at once with helplines and the safety plan."""
    return bool(assess(text))
