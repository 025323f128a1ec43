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
from functools import lru_cache
from itertools import permutations

import Stemmer
from rapidfuzz.distance import Levenshtein

from dialogue_flows import crisis_concepts as data


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
_FOLD = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "\u2019": "", "\u2018": "", "'": "", "`": ""}
)
_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE_END = re.compile(r"[.!?;:\n]+")
_STRETCHED = re.compile(r"([a-z])\1{2,}")
_SHORT = 3  # words this short are matched only as written
_END = "$"  # the last token of every sentence, so a concept can say "at the end"
_BLANK = "_"  # what an idiom is replaced by: a word that belongs to no group


def fold(text: str) -> str:
    """Case, quotes, accents and Danish letters made plain, apostrophes dropped."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_FOLD)
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


class _Node:
    """One step in the phrase tree: the groups a phrase ending here is in, and what follows."""

    __slots__ = ("groups", "next")

    def __init__(self) -> None:
        self.groups: list[str] = []
        self.next: dict[str, _Node] = {}


class _Lexicon:
    """The concept tables turned into look-ups: which groups a word or phrase is in.

    Phrases live in a tree whose steps are concept words as written in the tables; each
    word of a message is read once (and cached) into the set of table words it matches.
    """

    def __init__(self) -> None:
        self.groups_of: dict[str, set[str]] = defaultdict(set)  # key → groups
        self.words_of: dict[str, set[str]] = defaultdict(set)  # key → phrase words
        self.prefixes: list[tuple[str, str]] = []
        self.phrases: dict[str, _Node] = defaultdict(_Node)
        for group, entries in data.GROUPS.items():
            for entry in entries:
                for expanded in _expand(fold(entry)):
                    self._add(group, expanded)
        self.fuzzy = sorted({fold(word) for word in data.FUZZY_WORDS})

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
        else:
            for key in _entry_keys(entry):
                self.groups_of[key].add(group)

    def read(self, word: str, language: str) -> tuple[frozenset[str], frozenset[str]]:
        """The groups a word is in, and the phrase words it can stand for."""
        keys = _keys(word, language)
        groups = {group for key in keys for group in self.groups_of.get(key, ())}
        groups.update(group for prefix, group in self.prefixes if word.startswith(prefix))
        if word.isdigit() and int(word) >= data.MANY:
            groups.add("MANY")
        return frozenset(groups), frozenset(w for key in keys for w in self.words_of.get(key, ()))

    def nearest(self, word: str) -> str | None:
        """A key word one typing slip away ("sucidal" → "suicidal"), same first letter."""
        if len(word) < data.FUZZY_MIN_LENGTH or not word.isalpha():
            return None
        for candidate in self.fuzzy:
            if (
                candidate[0] == word[0]
                and abs(len(candidate) - len(word)) <= 1
                and Levenshtein.distance(word, candidate, score_cutoff=1) <= 1
            ):
                return candidate
        return None


_LEXICON = _Lexicon()
_BY_ANCHOR: dict[str, list[data.Concept]] = defaultdict(list)
for _concept in data.CONCEPTS:  # each concept is tried only when its least common group is there
    _uncommon = [slot for slot in _concept.slots if slot not in data.COMMON_GROUPS]
    _BY_ANCHOR[(_uncommon or _concept.slots)[-1]].append(_concept)
for _concept in data.CONCEPTS:  # a misspelt group or concern fails at import, not silently
    Concern(_concept.concern)
    for _group in (*_concept.slots, _concept.unless, _concept.not_with, _concept.denied_by):
        if _group is not None and _group not in data.GROUPS and _group != "MANY":
            raise ValueError(f"crisis concept uses unknown group {_group}")
_IDIOMS = re.compile("|".join(rf"\b(?:{fold(idiom)})\b" for idiom in data.IDIOMS))
_SPELLINGS = {fold(written): fold(meant) for written, meant in data.SPELLINGS.items()}


@lru_cache(maxsize=65536)
def _read(word: str, language: str) -> tuple[frozenset[str], frozenset[str]]:
    """A word's groups and phrase words, after stretched letters and typos."""
    for reading in _readings(word):
        found = _LEXICON.read(reading, language)
        if found[0] or found[1]:
            return found
    near = _LEXICON.nearest(word)
    return _LEXICON.read(near, language) if near is not None else (frozenset(), frozenset())


def _language(words: list[str]) -> str:
    """ "en", "da", or both when the sentence's small function words do not say."""
    english = sum(word in data.ENGLISH_WORDS for word in words)
    danish = sum(word in data.DANISH_WORDS for word in words)
    return "en" if english > danish else "da" if danish > english else _BOTH


def _readings(word: str) -> Iterator[str]:
    yield word
    if _STRETCHED.search(word):
        yield _STRETCHED.sub(r"\1\1", word)
        yield _STRETCHED.sub(r"\1", word)


def _sentences(text: str) -> Iterator[list[str]]:
    """The words of each sentence, folded and with text-speak spelled out."""
    for sentence in _SENTENCE_END.split(fold(text)):
        words = [meant for token in _WORD.findall(sentence)
                 for meant in _SPELLINGS.get(token, token).split()]  # fmt: skip
        if words:
            yield words


Spans = dict[str, list[tuple[int, int]]]


def _spans(words: list[str]) -> Spans:
    """Where each group occurs in a sentence: (first word, word after the last).

    The sentence ends in "$", so that a concept can ask for the end ("what's the point.").
    """
    language = _language(words)
    read = [_read(word, language) for word in (*words, _END)]
    found: Spans = defaultdict(list)
    for i, (groups, phrase_words) in enumerate(read):
        for group in groups:
            found[group].append((i, i + 1))
        for word in phrase_words:
            if word in _LEXICON.phrases:
                _walk(_LEXICON.phrases[word], read, i, i + 1, found)
    return {group: _longest(spans) for group, spans in found.items()}


def _longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of a group's spans that start at one word, only the longest ("wake up", not "wake")."""
    ends: dict[int, int] = {}
    for start, end in spans:
        ends[start] = max(end, ends.get(start, end))
    return sorted(ends.items())


def _walk(node: _Node, read: list[tuple[frozenset[str], frozenset[str]]], start: int,
          at: int, found: Spans) -> None:  # fmt: skip
    for group in node.groups:
        found[group].append((start, at))
    if at < len(read):
        for word in read[at][1]:
            if word in node.next:
                _walk(node.next[word], read, start, at + 1, found)


def _candidates(found: Spans) -> list[data.Concept]:
    """The concepts whose groups all occur in the sentence."""
    return [
        concept
        for anchor in found.keys() & _BY_ANCHOR.keys()
        for concept in _BY_ANCHOR[anchor]
        if all(slot in found for slot in concept.slots)
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

    def rest(slot: int, after: int) -> bool:
        if slot == len(slots):
            return not any(start == after for start, _ in found.get(concept.unless or "", ()))
        return any(
            after <= start <= after + windows[slot - 1] and rest(slot + 1, end)
            for start, end in found.get(slots[slot], ())
        )

    for start, end in found.get(slots[0], ()):
        denied = concept.denied_by is not None and any(
            start - data.DENIAL_REACH <= cue < start for cue, _ in found.get(concept.denied_by, ())
        )
        if not denied and rest(1, end):
            return True
    return False


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


def assess(text: str) -> frozenset[Concern]:
    """The concerns a message speaks of; empty when it speaks of none.

    An emergency (happening now) always comes out as EMERGENCY, with any others that
    hold too, so the reply can lead with the emergency number. Each sentence is looked
    at on its own; idioms are blanked only in a sentence where some concept could hold.
    """
    concerns: set[Concern] = set()
    for words in _sentences(text):
        found = _spans(words)
        if not _candidates(found):
            continue
        blanked = _IDIOMS.sub(_BLANK, " ".join(words)).split()
        if blanked != words:
            found = _spans(blanked)
        for concept in _candidates(found):
            concerns |= _concerns(concept, found)
    return frozenset(concerns)


def is_crisis(text: str) -> bool:
    """Whether this message should be met at once with helplines and the safety plan."""
    return bool(assess(text))
