"""Turning what the person typed into an answer, or into a kind reason why not.

Every parser takes the cleaned text and returns a value or raises `InvalidAnswerError`
with the catalogue key of a gentle explanation; the question then stays open.

People answer in sentences, so the answer is taken out of the words: the number in
"3 probably. Maybe 3." (`scale`), the name in "Helen. Well, Hels to my sister, but
Helen is fine" (`read_name`), the option in "emailing the teacher I think"
(`match_choice`), the ideas in "email the teacher, or go with Claire" (`several`), how
a step went in "wrote it but didn't dare send it" (`step_outcome`), the life area of
"wanna get bak to work" (`suggest_area`). The words these read by are data, per
language, in `locale/answers.en.toml` and `locale/answers.da.toml`; both are always
used, since people mix.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz

from dialogue_flows.moves import (
    Move,
    only_fillers,
    read_move,
    says_nothing,
    split_move,
    without_said,
)
from dialogue_flows.words import (
    LANGUAGES,
    SENTENCE_STOP,
    Language,
    Phrases,
    Word,
    fold,
    phrase,
    same_word,
    sentences,
    stem,
    words,
)

MAX_ANSWER_CHARS = 1000
"""Long enough for a heartfelt paragraph, short enough to read back in a PDF."""

MAX_NAME_CHARS = 60
MAX_NAME_ANSWER_CHARS = 160
"""A name may come in a sentence ("Helen. Well, Hels to my sister…"), not in a story."""


class InvalidAnswerError(Exception):
    """The text cannot answer the open question; `key` explains why, kindly."""

    def __init__(self, key: str, params: Mapping[str, str | int] | None = None) -> None:
        super().__init__(key)
        self.key = key
        self.params: Mapping[str, str | int] = params or {}


def clean(text: str) -> str:
    r"""Normalise Unicode and drop control and invisible format characters, keeping lines.

    Direction marks and overrides (U+202A–202E, U+2066–2069, U+200E/F, U+061C),
    zero-width spaces and every other format character (category Cf) are removed, so
    "/de\u200blete" is the command /delete and no name carries U+202E. The emoji
    joiner (U+200D) stays between two emoji ("🚶\u200d♀️"), and the tag letters of a
    flag such as England's stay after its black flag. Otherwise the person's words are
    kept as they wrote them: emoji, right-to-left scripts and accents pass through.

    >>> clean("/de\u200blete"), clean("Sam\u202e"), clean(" a\r\n b ")
    ('/delete', 'Sam', 'a\nb')
    """
    text = unicodedata.normalize("NFC", text)
    kept = [
        char
        for at, char in enumerate(text)
        if char in "\n\t"
        or (
            unicodedata.category(char) not in {"Cc", "Cs", "Co", "Cf"}
            or _joins_emoji(text, at)
            or _flag_tag(text, at)
        )
    ]
    lines = ("".join(kept)).replace("\t", " ").split("\n")
    return "\n".join(line.strip() for line in lines).strip()


def _is_emoji(char: str) -> bool:
    return unicodedata.category(char) in {"So", "Sk"} or char == "\ufe0f"


def _joins_emoji(text: str, at: int) -> bool:
    return (
        text[at] == "\u200d"
        and 0 < at < len(text) - 1
        and (_is_emoji(text[at - 1]) and _is_emoji(text[at + 1]))
    )


def _flag_tag(text: str, at: int) -> bool:
    """A tag letter (U+E0020–E007F) in a flag sequence that starts with 🏴 (U+1F3F4)."""
    before = at
    while before > 0 and "\U000e0020" <= text[before] <= "\U000e007f":
        before -= 1
    return before < at and text[before] == "\U0001f3f4"


def check_length(text: str) -> str:
    if not text:
        raise InvalidAnswerError("invalid.empty")
    if len(text) > MAX_ANSWER_CHARS:
        raise InvalidAnswerError("invalid.too_long", {"limit": MAX_ANSWER_CHARS})
    return text


def free_text(text: str) -> str:
    """An answer in the person's own words, kept as said, without the fillers that
    open it (`without_fillers`)."""
    return without_fillers(text)


def name(text: str) -> str:
    if len(text) > MAX_NAME_CHARS or "\n" in text:
        raise InvalidAnswerError("invalid.name")
    return text


@cache
def tables() -> dict[Language, dict[str, Any]]:
    """The answer word tables of both languages, read once per process."""
    folder = resources.files("dialogue_flows") / "locale"
    return {
        language: tomllib.loads((folder / f"answers.{language}.toml").read_text("utf-8"))
        for language in LANGUAGES
    }


@cache
def phrase_list(
    *path: str, stems: bool = False, typos: bool = True, language: Language | None = None
) -> Phrases:
    """A list of the tables in both languages (or in one), ready to be found in typed words.

    A list's phrases mean the list's name; a table of lists gives each phrase the name
    of its list: `phrase_list("outcome")` finds done, partly, not_yet and changed.
    """
    found = []
    for language_, table in tables().items():
        if language not in (None, language_):
            continue
        entry: Any = table
        for part in path:
            entry = entry[part]
        lists = entry if isinstance(entry, dict) else {path[-1]: entry}
        for meaning, texts in lists.items():
            found += [phrase(text, language_, meaning) for text in texts]
    return Phrases(found, stems=stems, typos=typos)


@cache
def word_list(section: str, key: str) -> frozenset[str]:
    """One list of single words from both languages' tables, folded."""
    return frozenset(fold(word) for table in tables().values() for word in table[section][key])


@cache
def _number_words() -> tuple[dict[str, int], frozenset[str]]:
    """Number words of both languages, and those that are everyday words too."""
    values = {fold(w): n for t in tables().values() for w, n in t["numbers"]["words"].items()}
    return values, word_list("numbers", "unsure")


@cache
def _out_of() -> re.Pattern[str]:
    """ "7/10", "7 out of 10", "7 ud af 10": the number before the ten."""
    spoken = sorted(word_list("numbers", "out_of"), key=len, reverse=True)
    return re.compile(r"(\d+)\s*(?:/|\b(?:" + "|".join(map(re.escape, spoken)) + r")\b)\s*10\b")


_DECIMAL = re.compile(r"(\d+)[.,](\d+)")


def scale(text: str) -> int:
    """A rating from 0 to 10, taken out of the words.

    "3 probably. Maybe 3." is 3, "about 2 I guess" 2, "7/10" 7, "seven-ish" 7,
    "en 4'er" 4, "tre tror jeg" 3; after a self-correction the number they put right
    ("2 maybe, make it 3" is 3, `meant`). Two numbers in one breath ("3 or 4", "between
    5 and 6", "3.5") raise `invalid.scale_which` with `low` and `high`, so the person can
    be asked which; numbers for several parts ("måske en 7'er. men at sende den… 4'er,
    eller 3") give the lowest, to be said back (`scale_picked`). No number, or one
    outside 0–10, raises `invalid.scale`. Number words that are also everyday words
    ("to", "en") count only in a short answer with no other.

    >>> scale("6 is good for me"), scale("7/10"), scale("tre tror jeg"), scale("2, make it 3")
    (6, 7, 3, 3)
    >>> scale("a 5. maybe a 6 if Jean is actually stood there")
    5
    """
    return _scale(text)[0]


def scale_picked(text: str) -> bool:
    """Whether `scale` chose the lowest of several numbers said (it is said back)."""
    try:
        return _scale(text)[1]
    except InvalidAnswerError:
        return False


def _scale(text: str) -> tuple[int, bool]:
    try:
        return _scale_in(meant(text))
    except InvalidAnswerError as error:
        if error.key != "invalid.scale":
            raise
        # A cue with no number after it is not a change of mind: "a 5. maybe a 6 if
        # Jean is actually stood there" was read as "stood there" and refused.
        return _scale_in(text)


@cache
def _not_a_rating() -> re.Pattern[str]:
    """Numbers that are no rating: a time ("thursday, i see her at 2" had been a 2; "Two
    o'clock has been sherry o'clock" a 2 beside Jean's five) or a count ("5 month down
    the shitter", "four days out of seven"), in digits or words."""
    number = "|".join([r"\d+", *sorted(map(re.escape, _number_words()[0]), key=len, reverse=True)])
    return re.compile(
        rf"\b(?:at|by|kl|klokken|until|half past|quarter past|quarter to|halv)\.?\s+"
        rf"(?:{number})(?:[:.]\d{{2}})?\b"
        rf"|\b(?:{number})(?:[:.]\d{{2}})?\s*(?:am|pm|o ?clock)\b|\b\d{{1,2}}:\d{{2}}\b"
        rf"|\b(?:{number})\s*(?:months?|weeks?|days?|years?|yrs?|hours?|hrs?|mins?|minutes?"
        rf"|times|nights?|maaneder|maaned|uger|uge|dage|dag|aar|timer|time|gange|naetter|kr"
        rf"|kroner|pounds|quid)(?: out of (?:{number}))?\b"
    )


def _scale_in(text: str) -> tuple[int, bool]:
    folded = _out_of().sub(r"\1", _not_a_rating().sub(" ", fold(text)))
    halves = [int(whole) for whole, part in _DECIMAL.findall(folded) if int(part)]
    folded = _DECIMAL.sub(lambda m: m.group(1) if not int(m.group(2)) else " ", folded)
    found = [int(n) for n in re.findall(r"\d+", folded)]
    found += [n for whole in halves for n in (whole, whole + 1)]
    if not found:
        values, unsure = _number_words()
        typed = [word.text for word in words(folded)]
        sure = [values[w] for w in typed if w in values and w not in unsure]
        around = word_list("numbers", "around")  # "Jeg vil sige fire." is a 4
        alone = len(typed) <= 3 or all(w in values or w in around for w in typed)
        found = sure or [values[w] for w in typed if w in values and alone]
    numbers = sorted(set(found))
    if not numbers or not 0 <= numbers[0] <= numbers[-1] <= 10:
        raise InvalidAnswerError("invalid.scale")
    parts = [s for s in re.split(r"[.!?\u2026]", folded) if re.search(r"\d", s)]
    if len(numbers) > 1 and len(parts) > 1:
        return numbers[0], True
    if len(numbers) > 2:
        raise InvalidAnswerError("invalid.scale")
    if len(numbers) == 2:
        raise InvalidAnswerError("invalid.scale_which", {"low": numbers[0], "high": numbers[1]})
    return numbers[0], False


@dataclass(frozen=True)
class NameAnswer:
    """The name to use, and whether it was said plainly (`sure`) or should be confirmed."""

    name: str
    sure: bool
    other: str = ""
    """A second name said, when it is not clear which they want ("Sandra or Sandy?")."""
    goal: str = ""
    """What they want, said after the name ("its jay lol. wanna get fit"): never asked again."""


_SENTENCE_MARKS = re.compile(r"[,.;:!?]")


def read_name(text: str) -> NameAnswer:
    """The name a person gives, out of a sentence if need be.

    A plain name ("Ahmed", "Mary Jane", "Sam ✨") or a name after a cue ("call me Sam",
    "my name is Sam", "it's jo lol", "jeg hedder Maja", "bare kald mig Mo") is sure.
    Otherwise the first capitalised word that could be a name, or the first word, is
    offered with sure=False for the flow to confirm ("Helen. Well, Hels to my sister,
    but Helen is fine" gives Helen). Two names, neither asked for, come as `name` and
    `other`, to be asked which (`_name_chosen`). Several lines, a long story or a name over
    MAX_NAME_CHARS raise `invalid.name`.

    >>> read_name("call me Sam").sure, read_name("Helen. Well, Hels to my sister, but Helen")
    (True, NameAnswer(name='Helen', sure=False, other='', goal=''))
    >>> read_name("It's Sandra, but everyone calls me Sandy")
    NameAnswer(name='Sandra', sure=False, other='Sandy', goal='')
    """
    text = text.strip()
    goal = said_after_name(text)
    if goal:  # the name is in the words before it
        return replace(read_name(text[: text.rindex(goal)].strip(" .!?,")), goal=goal)
    if "\n" in text or len(text) > MAX_NAME_ANSWER_CHARS:
        raise InvalidAnswerError("invalid.name")
    found = words(text)
    not_names = word_list("name", "not_names")
    if not found:
        return _checked(text, sure=False)
    if (
        len(found) <= 4
        and not _SENTENCE_MARKS.search(text.rstrip(".!?, "))
        and all(word.text not in not_names for word in found)
    ):
        return _checked(text.rstrip(".!?,;: "), sure=True)
    candidates = [w for w in found if w.text not in not_names and not only_fillers(w.text)]
    capitalised = [word for word in candidates if text[word.start].isupper()]
    said = [text[word.start : word.end] for word in capitalised]
    chosen = _name_chosen(text, found, not_names, said)
    if chosen is not None:
        return chosen
    first = (capitalised or candidates or found)[0]
    return _checked(text[first.start : first.end], sure=False)


def name_asked(text: str, current: str) -> str | None:
    """A new name asked for in passing, outside the name question: "can u call me meg not
    megan", "kald mig gitte", "its meg not megan" (a tester asked three times, and was
    answered with /goals); None when the message asks for no new name."""
    found = words(text)
    if not found or len(found) > MAX_RENAME_WORDS:
        return None
    typed = [word.text for word in found]
    not_current = any(
        typed[at] in word_list("name", "not_this") and typed[at + 1] == current.casefold()
        for at in range(len(typed) - 1)
    )
    if phrase_list("name", "not_surname").find(typed):  # "det er ik mit efternavn. bare malik"
        only = phrase_list("name", "only_name", typos=False).find(typed)
        after = only[-1][1] if only else len(typed)
        name = text[found[after].start : found[-1].end] if after == len(typed) - 1 else ""
        return _checked(name, sure=True).name if name else None
    if not phrase_list("name", "asked").find(typed) and not not_current:
        return None
    try:
        answer = read_name(text)
    except InvalidAnswerError:
        return None
    same = answer.name.casefold() == current.casefold()
    return answer.name if answer.sure and not answer.other and not same else None


MAX_RENAME_WORDS = 8


def step_put_right(text: str, *, right_after: bool = False) -> str | None:
    """A new step said in passing ("Actually, my step is phoning my sponsor instead",
    "skridtet er at finde mailen søndag aften"): the step in their words, or None. Right
    after a step was kept, "could we change that to …" says one too (a tester asked four
    times, and her step stayed the one she never chose).

    >>> step_put_right("Actually, could we change my step to phoning my sponsor instead?")
    'phoning my sponsor'
    >>> step_put_right("skridtet er at finde mailen søndag aften")
    'at finde mailen søndag aften'
    >>> step_put_right("det er ik mit skridt wtf. skridtet er at finde mailen")
    'at finde mailen'
    >>> step_put_right("the first step is the hardest") is None
    True
    """
    lists = ("cues", "cues_right_after") if right_after else ("cues",)
    before = word_list("step_put_right", "before")
    for sentence in sentences(text):  # "det er ik mit skridt wtf. skridtet er …"
        found = words(sentence)
        typed = [word.text for word in found]
        for key in lists:
            for start, end, _ in phrase_list("step_put_right", key, typos=False).find(typed):
                if end < len(found) and all(word in before for word in typed[:start]):
                    said = sentence[found[end].start :]  # not "It shouldn't say Not quite."
                    return _without_closing(said) or None
    return None


def _without_closing(said: str) -> str:
    """The step without "instead", "please" or "i stedet" after it, nor its last marks."""
    said = said.strip(" .,!?:;-\u2026")
    typed = [word.text for word in words(said)]
    for start, end, _ in phrase_list("step_put_right", "after", typos=False).find(typed):
        if end == len(typed) and start > 0:
            return _without_closing(said[: words(said)[start].start])
    return said


def said_after_name(text: str) -> str:
    """A sentence after the first that says what they want ("its jay lol. wanna get fit n
    get back playin football", "Maja. Jeg vil gerne have struktur på dagene"), and what
    follows it; "" when there is none.

    >>> said_after_name("its jay lol. wanna get fit n get back playin football")
    'wanna get fit n get back playin football'
    """
    sentences = [s for s in re.split(r"(?<=[.!?\n])\s*", text.strip()) if s.strip(" .!?")]
    wishes = phrase_list("hedges", "wish")
    for at, sentence in enumerate(sentences[1:], 1):
        if read_move(sentence) is None and wishes.find([word.text for word in words(sentence)]):
            return " ".join(sentences[at:]).strip()  # not "i er ikke sikker hvad jeg skal
    return ""  # skrive her haha", offered to Ahmed as his goal


def _name_chosen(
    text: str, found: Sequence[Word], not_names: frozenset[str], said: Sequence[str]
) -> NameAnswer | None:
    """The name among those said after cues (and the one the answer opens with): the one
    asked for ("call me Mo"), or the one said twice ("Helen … but Helen is fine", to be
    checked when no cue named it), or the only one; two that are not clear are both
    offered ("Sandra or Sandy?"); None when no cue or opening name says."""
    typed = [word.text for word in found]
    opening = word_list("name", "opening_only")
    after = [((start, end), _name_after(text, found[end:], not_names))
             for start, end, _cue in phrase_list("name", "cues").find(typed)
             if " ".join(typed[start:end]) not in opening
             or _opens_clause(text, found, start)]  # fmt: skip
    asked = {
        (start, end)
        for start, end, _ in phrase_list("name", "asked").find(typed)
        if start == 0
        or typed[start - 1] in word_list("name", "before_asked")
        or _SENTENCE_MARKS.search(text[found[start - 1].end : found[start].start])
    }  # "…, call me Mo"; not "the girls at the club all call me Mo"
    named = [name for _, name in after if name]
    wanted = {name for cue, name in after if name and cue in asked}
    twice = {name for name in said if said.count(name) > 1}
    if len(wanted) == 1:
        return _checked(wanted.pop(), sure=True)
    if len(twice) == 1:  # "Helen. Well, Hels to my sister, but Helen is fine": checked
        return _checked(twice.pop(), sure=not said or bool(after))
    if _opens_with_name(text, found, not_names):
        named.insert(0, _name_after(text, found, not_names))  # "Sandra but they call me Sandy"
    last, before = found[-1], found[-2].text if len(found) > 2 else ""
    if before in word_list("name", "but") and last.text not in not_names:
        named.append(text[last.start : last.end])  # "its megan but meg": which?
    distinct = list(dict.fromkeys(named))
    if len(distinct) > 1:
        first, other = (_checked(name, sure=False).name for name in distinct[:2])
        return NameAnswer(first, False, other)
    return _checked(distinct[0], sure=True) if named and distinct else None


def _opens_clause(text: str, found: Sequence[Word], start: int) -> bool:
    """Nothing but greetings and fillers before word `start` in its clause: "hi, I'm Jo",
    "hmm well its jo"; not "…om det er realistisk lige nu", "i think im ready"."""
    marked = [at for at in range(1, start + 1)
              if _SENTENCE_MARKS.search(text[found[at - 1].end : found[at].start])]  # fmt: skip
    clause = marked[-1] if marked else 0
    openers = word_list("name", "before_opening")
    return all(word.text in openers for word in found[clause:start])


def _opens_with_name(text: str, found: Sequence[Word], not_names: frozenset[str]) -> bool:
    """The answer opens with a name: capitalised, or set apart ("emil men alle kalder mig
    Mille", "emil, but…")."""
    if len(found) < 2 or found[0].text in not_names or found[0].start > 0:
        return False
    apart = bool(_SENTENCE_MARKS.search(text[found[0].end : found[1].start]))
    joined = found[1].text in word_list("name", "before_asked")
    return text[0].isupper() or apart or joined


def _name_after(text: str, following: Sequence[Word], not_names: frozenset[str]) -> str:
    """Up to three name words right after a cue, in one clause: "Mary Jane" in "I'm Mary Jane"
    ("just" before them is not one: "de fleste siger bare Maj")."""
    taken: list[Word] = []
    skipped = word_list("name", "before_name")
    following = following[
        next((i for i, w in enumerate(following) if w.text not in skipped), len(following)) :
    ]
    for word in following[:3]:
        joined = not taken or not _SENTENCE_MARKS.search(text[taken[-1].end : word.start])
        if word.text in not_names or not joined or (taken and not text[word.start].isupper()):
            break
        taken.append(word)
    return text[taken[0].start : taken[-1].end] if taken else ""


def _checked(name: str, *, sure: bool) -> NameAnswer:
    """A name typed all in small letters is written as names are ("maria louise" is
    "Maria Louise"): people type fast, and a greeting in small letters reads careless.
    Any capital they typed ("DJ", "McKenzie", "bell Hooks") is theirs and kept."""
    if not name or len(name) > MAX_NAME_CHARS:
        raise InvalidAnswerError("invalid.name")
    if name.islower():
        name = " ".join(part[:1].upper() + part[1:] for part in name.split(" "))
    return NameAnswer(name, sure)


def comparable(text: str) -> str:
    """Letters and digits only, case-folded: "That's all!" and "thats all" compare equal."""
    return "".join(char for char in text.casefold() if char.isalnum())


_YES = {"yes", "y", "yeah", "yep", "yup", "aye", "ok", "okay", "sure", "fine", "agree", "ja", "jo",
        "gerne", "selvfølgelig"}  # fmt: skip
_NO = {"no", "n", "nope", "nah", "notnow", "nothanks", "nej", "ikkenu", "nejtak"}


BEGUN_WORDS = 3
"""At most this many words are read as the start of a button's label."""


def label_begun(text: str, labels: Sequence[str]) -> int | None:
    """The one label that `text` begins, word for word ("skip" for "Skip this one",
    "keep it" for "Keep it as it is"): people type the first words of a button."""
    said = [comparable(word) for word in text.split()]
    if not said or len(said) > BEGUN_WORDS or any(word.isdigit() for word in said):
        return None
    if comparable(text) in _YES | _NO:
        return None  # "yes" is read as yes, not as the first word of "Yes, a copy first"
    begun = [
        index
        for index, label in enumerate(labels)
        if [comparable(word) for word in label.split()][: len(said)] == said
    ]
    return begun[0] if len(begun) == 1 else None


def yes_or_no(text: str) -> str:
    """Yes or no in a word ("yeah, fine"), or as a move says it ("go on then", "nah")."""
    words = re.findall(r"\w+", text.casefold())
    if comparable(text) in _YES or (words and words[0] in _YES):
        return "yes"
    if comparable(text) in _NO or (words and words[0] in {"no", "nope", "nah", "nej"}):
        return "no"
    move = read_move(text)
    if move in (Move.YES, Move.NO):
        return move.value
    raise InvalidAnswerError("invalid.yes_no")


def consent_said(text: str) -> str:
    """Yes or no to keeping what they say, also inside a few sentences: "Hvad fanden. Jeg
    sagde bare du kunne gemme det. Ja da." and "Jamen så gem det da, jeg har ikke noget
    at skjule" are a yes (a tester was asked four times). The last sentence that says
    yes or no is the answer: "Nej, det var ikke det jeg mente. Jeg skrev ja. Ja, det er i
    orden." is a yes (a tester was declined twice), "yes. no wait, not now" a no.

    >>> consent_said("Hvad fanden. Jeg sagde bare du kunne gemme det. Ja da.")
    'yes'
    >>> consent_said("Jamen så gem det da, jeg har ikke noget at skjule")
    'yes'
    >>> consent_said("hmm. not now"), consent_said("Nej. Jeg skrev ja. Ja, det er i orden.")
    ('no', 'yes')
    """
    parts = [part for part in re.split(r"[.;:!?]+", text) if part.strip()]
    for part in reversed(parts if len(parts) > 1 else []):
        answer = yes_or_no_said(part) or _consent_move(part)
        if answer is not None:
            return answer
    try:
        return yes_or_no(text)
    except InvalidAnswerError:
        said = {read_move(part) for part in re.split(r"[.,;:!?]+", text) if part.strip()}
        if said & {Move.NO, Move.NOT_NOW, Move.STOP}:
            return "no"
        if said & {Move.YES, Move.KEEP}:
            return "yes"
        raise


def _consent_move(text: str) -> str | None:
    """ "yes" or "no" as the move of a sentence says it ("not now", "gem det")."""
    move = read_move(text)
    if move in (Move.NO, Move.NOT_NOW, Move.STOP):
        return "no"
    return "yes" if move in (Move.YES, Move.KEEP) else None


def yes_or_no_said(text: str) -> str | None:
    """ "yes" or "no" as `yes_or_no` reads it, or None when the text says neither."""
    try:
        return yes_or_no(text)
    except InvalidAnswerError:
        return None


_NOTHING_MORE = {"no", "nope", "nah", "none", "nothing", "nothingelse", "nomore", "done",
                 "thatsall", "thatsit", "thatsallofthem", "nej", "ingen", "ikkemere",
                 "detvardet", "detvaralt", "detervist", "færdig"}  # fmt: skip


def more_or_done(text: str) -> str:
    """Another idea, or "done" when the person says there are no more."""
    return "done" if comparable(text) in _NOTHING_MORE else text


_BULLET = re.compile(r"^\s*(?:[•*\-\u2013\u2014·]+|\d{1,2}[.)])\s*")
_NUMBERED = re.compile(r"(?:^|\s)\d{1,2}[.)]\s+")


@cache
def _idea_separators() -> re.Pattern[str]:
    """What parts ideas in a line, as written in the tables (matched in the person's text)."""
    spoken = {text for table in tables().values() for text in table["several"]["separators"]}
    return re.compile("|".join(map(re.escape, sorted(spoken, key=len, reverse=True))) + "|;", re.I)


def several(text: str) -> tuple[str, ...]:
    """The ideas in one message: one a line, bulleted, numbered, joined by "or", or a list.

    "email the teacher, or go with Claire just to look, or do some clay at home" is
    three ideas, and so is "ring the joinery place, ask keyworker bout cv, do cscs card"
    (`_comma_list`), "gå en tur, ringe til min søster eller tage til et møde" (commas
    before an "or") and "ring the fella. ask keyworker about bus money. or go down for an
    hour" (short sentences, `_sentence_list`); "ring my sister, she's good with forms"
    stays one, since a comma alone does not part ideas.

    >>> several("1. ring the council 2. ask my sister")
    ('ring the council', 'ask my sister')
    >>> several("ring mum, ask the bank or go to the CAB")
    ('ring mum', 'ask the bank', 'go to the CAB')
    >>> several("stå op kl 8, gå en tur, eller spørge jobcentret. eller ringe til højskolen")
    ('stå op kl 8', 'gå en tur', 'spørge jobcentret', 'ringe til højskolen')
    """
    ideas: list[str] = []
    for line in _without_label(text).splitlines():
        parts = _NUMBERED.split(line) if re.match(r"\s*1[.)]\s", line) else [line]
        alternatives = [a for part in parts for a in _alternatives(_BULLET.sub("", part))]
        sentences = alternatives or [
            s for part in parts for s in _sentence_list(_BULLET.sub("", part))
        ]
        for sentence in sentences:  # each may list several: "A, B, eller C. Eller D"
            pieces = _idea_separators().split(_or_after_comma(sentence))
            least = LIST_MIN_CLAUSES if len(pieces) == 1 else 2  # an "or" says it is a list
            for idea in pieces:
                ideas += _comma_list(idea, least)
    kept = [_without_join(idea.strip(" ,.;?!")) for idea in ideas]
    unhedged = [_without_hedged_opener(idea) for idea in kept]
    if sum(new != idea for new, idea in zip(unhedged, kept, strict=True)) > 1:
        kept = unhedged  # "maybe X, maybe Y": the "maybe"s list them, each idea is whole
    return tuple(idea for idea in kept if idea)


def _without_label(text: str) -> str:
    """ "ok ideas: phone in the kitchen, …" without its "ok ideas:" (it had opened the
    first idea)."""
    label, colon, rest = text.partition(":")
    typed = [word.text for word in words(label)]
    found = phrase_list("several", "labels", typos=False).find(typed)
    whole = bool(found) and found[0][0] == 0 and found[0][1] == len(typed)
    return rest.strip() if colon and whole and rest.strip() else text


def _without_hedged_opener(idea: str) -> str:
    """ "maybe go to a meeting" in a list of ideas is "go to a meeting"."""
    found = words(idea)
    opener = phrase_list("several", "hedged_openers", typos=False).find([w.text for w in found])
    if opener and opener[0][0] == 0 and opener[0][1] < len(found):
        return idea[found[opener[0][1]].start :]
    return idea


def ideas_and_pick(text: str) -> tuple[str, int | None]:
    """Ideas with the one that appeals most said after them: the ideas' words, and the
    index of the one picked among `several` of them (None when none is picked).

    >>> ideas_and_pick("email the teacher, or go with Claire just to look, or do some clay "
    ...                "at home. I think going with Claire just to look")
    ('email the teacher, or go with Claire just to look, or do some clay at home.', 1)
    """
    sentences = re.split(r"(?<=[.!?\n])\s+", text.strip())
    if len(sentences) < 2:
        return text, None
    last = sentences[-1]
    cued = phrase_list("choice", "preference", typos=False).find([w.text for w in words(last)])
    rest = text.strip()[: -len(last)].rstrip()
    ideas = several(rest)
    picked = match_choice(last, ideas) if cued and len(ideas) > 1 else None
    return (rest, picked) if picked is not None else (text, None)


def split_apart(text: str) -> tuple[str, ...]:
    """An idea the person says was several ("that's 2 things"), parted at the first
    marks that part it: `several`, then sentences, commas, "or", "and".

    >>> split_apart("ring the fella and ask about bus money")
    ('ring the fella', 'ask about bus money')
    """
    found = several(text)
    if len(found) > 1:
        return found
    for mark in (r"[.!?;]\s+", r",\s*", *(rf"\s+{re.escape(w)}\s+" for w in _joins())):
        parts = [_without_join(p.strip(" ,.;")) for p in re.split(mark, text, flags=re.I)]
        parts = [part for part in parts if part]
        if len(parts) > 1:
            return tuple(parts)
    return (text,)


LIST_MIN_CLAUSES = 3
LIST_MAX_WORDS = 10
"""A comma list parts ideas from three clauses on (two before an "or"), each of at most
this many words; short sentences part ideas from two on."""


@cache
def _joins() -> tuple[str, ...]:
    """ "or", "eller", "and"...: longest first, so "or maybe" goes before "or"."""
    joins = {fold(w) for table in tables().values() for w in table["several"]["joins"]}
    return tuple(sorted(joins, key=len, reverse=True))


def _without_join(idea: str) -> str:
    """ "or go down for an hour" is "go down for an hour"."""
    for join in _joins():
        found = words(idea)
        count = len(join.split())
        if fold(idea).startswith(join + " ") and len(found) > count:
            return idea[found[count].start :].strip()  # by words: "måske" folds longer
    return idea


def _or_after_comma(text: str) -> str:
    """ "A, B or C": the "or" after the last comma parts C as ", or" would."""
    if "," not in text:
        return text
    head, _, last = text.rpartition(",")
    for join in ("or", "eller"):
        found = re.search(rf"\s{join}\s", last, re.I)
        if found and last[: found.start()].strip():
            return f"{head},{last[: found.start()]}, {last[found.end() :]}"
    found = re.search(r"\s(?:and|og)\s", last, re.I)  # "A, B og C": a list if all are ideas
    if found and last[: found.start()].strip():
        listed = f"{head},{last[: found.start()]},{last[found.end() - 1 :]}"
        return listed if len(_comma_list(listed)) > 1 else text
    return text


def _opens_idea(typed: list[str]) -> bool:
    """A clause opens as an idea ("I could ring the council"), not as more about the one
    before ("she's good with…"); "maybe", "ellers" before an idea leave it one ("maybe
    ask my sister"), not before a time ("maybe tomorrow")."""
    opener = phrase_list("several", "idea_openers", typos=False).find(typed[:3])
    if opener and opener[0][0] == 0:
        return True
    hedged = phrase_list("several", "hedged_openers", typos=False).find(typed[:2])
    if hedged and hedged[0][0] == 0 and hedged[0][1] < len(typed):
        typed = typed[hedged[0][1] :]
    return bool(typed) and typed[0] not in word_list("several", "not_idea_starts")


def _parted(text: str) -> list[str]:
    """The sentences of an answer, each trimmed (`words.sentences`: "til 3. modul" is one)."""
    return [part.strip() for part in sentences(text) if part.strip(" .!?")]


def _sentence_list(text: str) -> list[str]:
    """Two or more short sentences, each opening as an idea does, or [text]."""
    sentences = _parted(text)
    typed = [[w.text for w in words(_without_join(s))] for s in sentences]
    is_list = (
        len(sentences) >= 2
        and all(0 < len(sentence) <= SENTENCE_MAX_WORDS for sentence in typed)
        and all(_opens_idea(sentence) for sentence in typed[1:])
    )
    return sentences if is_list else [text]


SENTENCE_MAX_WORDS = 14
"""Sentences part ideas more plainly than commas: "go back tae the bowling club on a
tuesday and thursday. dinnae buy any on a monday. maybe phone Jim" is three (its first
has 11 words, and had been kept as one idea)."""


def _alternatives(text: str) -> list[str]:
    """Sentences after the first that each open with "or" part ideas however long they
    are ("I could go back to the bowling club, they've asked me. Or I could help at the
    charity shop, …"), each kept whole; [] when the text is not so."""
    sentences = _parted(text)
    openers = phrase_list("several", "alternative_openers", typos=False)
    opening = [openers.find([w.text for w in words(s)][:2]) for s in sentences[1:]]
    if len(sentences) < 2 or not all(o and o[0][0] == 0 for o in opening):
        return []
    return sentences


def _comma_list(text: str, least: int = LIST_MIN_CLAUSES) -> list[str]:
    """At least `least` short clauses between commas, each opening as an idea does, or [text].

    A clause after the first that opens with "she", "because", "maybe"... (the
    tables' `not_idea_starts`) says more about the one before, so it is not a list.
    """
    clauses = [clause.strip() for clause in text.split(",")]
    typed = [[word.text for word in words(clause)] for clause in clauses]
    is_list = (
        len(clauses) >= least
        and all(0 < len(clause) <= LIST_MAX_WORDS for clause in typed)
        and all(_opens_idea(clause) for clause in typed[1:])
    )
    return clauses if is_list else [text]


QUOTE_STRETCH = 2
"""A quote may run up to this many times its limit to end where a clause ends."""
_SENTENCE_END = rf"{SENTENCE_STOP}(?=\s)"


@cache
def _clause_end() -> str:
    """Where a clause ends: a comma, colon, dash, or before "but", "and", "men", "og"..."""
    said = {word for table in tables().values() for word in table["outcome"]["clause_breaks"]}
    joins = "|".join(map(re.escape, sorted(said)))
    return rf"\s[,;:\u2013\u2014-]|[,;:](?=\s)|\s(?=(?i:{joins})\s)"


def key_phrase(text: str, limit: int = 90, *, stretch: bool = True) -> str:
    """The person's own words, cut for a summary at a sentence or clause end.

    The last end within `limit`; else the first one after it, up to QUOTE_STRETCH times
    the limit (a long clause is quoted whole rather than cut in the middle); only a
    clause longer than that is cut at a word. `stretch=False` keeps to the limit (a
    button). "…" shows only when something was left out.

    >>> key_phrase("I want to get back to work. I used to be a chef, years ago.", 40)
    'I want to get back to work…'
    >>> key_phrase("honestly I'm scared of walking in there and everyone knowing who I am", 40)
    "honestly I'm scared of walking in there…"
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    most = limit * QUOTE_STRETCH if stretch else limit
    ends = [
        [m.start() for m in re.finditer(boundary, text) if limit // 3 <= m.start() <= most]
        for boundary in (_SENTENCE_END, _clause_end())
    ]
    for found in ends:
        within = [at for at in found if at <= limit]
        if within:
            return _cut(text, within[-1])
    for found in ends:
        if found:
            return _cut(text, found[0])
    if len(text) <= most:
        return text
    spaces = [m.start() for m in re.finditer(r"\s", text[:limit])]
    return _cut(text, spaces[-1]) if spaces else text[: limit - 1] + "…"


def _cut(text: str, at: int) -> str:
    return text[:at].rstrip(" ,;:-\u2013\u2014") + "…"


@cache
def _ignored_for_choice() -> frozenset[str]:
    return frozenset(
        stem(word, language) for word in word_list("choice", "ignore") for language in LANGUAGES
    )


def _content(text: str, language: Language) -> str:
    """The stems that can tell options apart, in one language."""
    stems = (stem(word.text, language) for word in words(text))
    return " ".join(s for s in stems if s not in _ignored_for_choice())


CHOICE_SCORE = 70
CHOICE_MARGIN = 10
"""A choice said in words must match one option this well, and clearly better than the next."""


def match_choice(text: str, labels: Sequence[str]) -> int | None:
    """The index of the option a person names in words, or None when unclear.

    By place ("the first one", "nummer 2", "den sidste", "2") or by meaning: stems of
    the words that tell options apart, compared with rapidfuzz's token_set_ratio (at
    least CHOICE_SCORE, and CHOICE_MARGIN over the second best).

    >>> match_choice("emailing the teacher I think", ["Email the teacher", "Do some clay at home"])
    0
    >>> match_choice("the clay one", ["Email the teacher", "do some clay at home"])
    1
    >>> match_choice("right I'm back. the clay one", ["Email the teacher", "do some clay"])
    1
    >>> match_choice("the flat first i think. cannae have them back wi nae place",
    ...              ["get the weans back for weekends", "first get my own flat sorted"])
    1

    Whole, then the last clause ("right I'm back. the telly one"), then the one option
    the other clauses name (the choice, then why: "the flat first. cannae have them
    back…"); none when they name several ("health i guess, or community").
    """
    if not labels or none_of_them(text) is not None:
        return None
    found = _matched(meant(text), labels)
    *clauses, last = re.split(r"[.,;:!?]\s+", text.strip(" .!?"))
    if found is None and clauses:
        found = _matched(meant(last), labels)
    if found is None and clauses:
        named = {_matched(meant(clause), labels) for clause in clauses} - {None}
        found = named.pop() if len(named) == 1 else None
    return found


def _matched(text: str, labels: Sequence[str]) -> int | None:
    placed = _by_place(text, len(labels))
    if placed is not None:
        return placed
    scores = sorted(
        (
            max(
                fuzz.token_set_ratio(_content(text, language), _content(label, language))
                for language in LANGUAGES
            ),
            index,
        )
        for index, label in enumerate(labels)
    )
    best, index = scores[-1]
    second = scores[-2][0] if len(scores) > 1 else 0
    return index if best >= CHOICE_SCORE and best - second >= CHOICE_MARGIN else None


def meant(text: str) -> str:
    """What a person means after putting themselves right: the words after the last
    self-correction ("2 maybe, make it 3" is "3", "hov nu forsvandt sms'en… nej, 3" is
    "3"), without the clauses that say what they do not mean ("not the gaffer, the
    keyworker one" is "the keyworker one").

    >>> meant("no i meant the keyworker one"), meant("not the gaffer, the keyworker one")
    ('the keyworker one', 'the keyworker one')
    """
    found = words(text)
    cues = phrase_list("self_correction", "cues", typos=False).find([w.text for w in found])
    after = [
        end for start, end, _ in cues
        if end < len(found) and (_after_mark(text, found, start) or len(found) - end <= 3)
    ]  # fmt: skip  # "…say ill come tuesday. and no drink monday tae thursday": no cue
    if after:
        text = text[found[after[-1]].start :]
    clauses = [c for c in re.split(r"[,.;:!?\u2026]+", text) if words(c)]
    kept = [c for c in clauses if not _opening(words(c), "not", "self_correction")]
    text = ", ".join(c.strip() for c in kept) if kept and len(kept) < len(clauses) else text
    denied = _NOT_AT_END.search(text)  # "its about me son not me health": not the health
    return text[: denied.start()] if denied and words(text[: denied.start()]) else text


_NOT_AT_END = re.compile(r"\s(?:not|ikke)(?:\s+[\w']+){1,3}\s*[.!]*$", re.IGNORECASE)
"""A short "not …" that ends what they say names what they do not mean."""


def _after_mark(text: str, found: Sequence[Word], start: int) -> bool:
    """Word `start` opens the text or follows a mark ("…nej, 3", "6. no, 7")."""
    return start == 0 or bool(
        _SENTENCE_MARKS.search(text[found[start - 1].end : found[start].start])
    )


def when_put_right(text: str) -> tuple[str, str | None]:
    """A new day or time for the step said beside another answer: the rest of the words,
    and the new "when" (None when none is said). A clause with a day and a cue ("make
    it", "gør det", "instead") says it; a day after "not" is the one they do not mean.

    >>> when_put_right("7, but make it thursday not tuesday")
    ('7', 'thursday')
    >>> when_put_right("7, men gør det torsdag ikke tirsdag"), when_put_right("6 i guess")
    (('7', 'torsdag'), ('6 i guess', None))
    """
    from dialogue_flows.weekly import when_said  # weekly reads its words with this module

    clauses = re.split(r"[,.;:!?\n]+|\s(?=(?i:but|men)\s)", text)
    cues = phrase_list("self_correction", "when_cues", typos=False)
    for at, clause in enumerate(clauses):
        typed = [word.text for word in words(clause)]
        said = re.split(r"\s(?i:not|ikke)\s", clause)[0]  # "thursday not tuesday"
        when = when_said(said)
        if when is not None and cues.find(typed):
            rest = " ".join(c.strip() for i, c in enumerate(clauses) if i != at and c.strip())
            return rest or text, when
    return text, None


PICKS_WORDS = 6
"""A choice of several options by number is this short ("2 og 4 tbh", "1 and 3 maybe")."""


def picks_several(text: str, options: int) -> bool:
    """Whether a short answer names two or more of the options by number: Signe's "2 og 4
    tbh" was kept as her chosen option, and as a new idea.

    >>> picks_several("2 og 4 tbh", 4), picks_several("2", 4), picks_several("5 and 6", 4)
    (True, False, False)
    """
    found = words(text)
    picked = {int(word.text) for word in found if word.text.isdigit()}
    named = {number for number in picked if 1 <= number <= options}
    return len(found) <= PICKS_WORDS and len(named) >= 2 and named == picked


def torn_between(text: str, labels: Sequence[str]) -> bool:
    """Whether they name two options with a "but" or an "or" between (Jade's "eating with
    sophie i think but also the car is less scary?? idk" had become a new idea, and the
    chosen one): each option is known by the words no other option has.

    >>> ideas = ["bring a packed lunch", "eat in my car", "eat with sophie"]
    >>> torn_between("sophie i think but also the car is less scary", ideas)
    True
    >>> torn_between("ask sophie to sit in the car with me", ideas)
    False
    """
    typed = [word.text for word in words(text)]
    if not typed or not phrase_list("choice", "torn", typos=False).find(typed):
        return False
    said = {stem(word, language) for word in typed for language in LANGUAGES}
    own = [
        {stem(word.text, language) for word in words(label) for language in LANGUAGES}
        for label in labels
    ]
    named = 0
    for at, stems in enumerate(own):
        others = set().union(*(other for other_at, other in enumerate(own) if other_at != at))
        named += bool((stems - others - _ignored_for_choice()) & said)
    return named >= 2


def none_of_them(text: str) -> str | None:
    """ "None of them" to a choice of options: the new ideas said after it, or None.

    "ingen af dem. ideer: ringe til kommunens boligsocial, ..." gives "ringe til
    kommunens boligsocial, ..."; "none of them" alone gives ""; None when the text does
    not open by turning down every option.

    >>> none_of_them("none of them, how about asking Jo"), none_of_them("the first one")
    ('asking Jo', None)
    """
    found = words(text)
    rest = found[_opening(found, "none") :] if found else []
    if len(rest) == len(found):
        return None
    rest = rest[_opening(rest, "new_ideas") :]
    said = text[rest[0].start :].strip(" .,;:-") if rest else ""
    return said if any(_content(said, language) for language in LANGUAGES) else ""


def edit_ideas(text: str, ideas: Sequence[str]) -> tuple[str, ...] | None:
    """A list of ideas put right, or None when the text is not about the list.

    "drop the second one" or "fjern nr 2" takes one out, "change 2 to ring Claire" puts
    new words in its place, and two or more ideas that repeat one already there say the
    list again, so they replace it. Raises when the text drops or changes an idea but
    does not say which.

    >>> edit_ideas("drop the second one", ["cv", "ask jobcentre", "volunteer"])
    ('cv', 'volunteer')
    >>> edit_ideas("ændr nr 1 til skrive et nyt cv", ["cv", "spørge jobcentret"])
    ('skrive et nyt cv', 'spørge jobcentret')
    >>> edit_ideas("go with claire", ["cv"]) is None
    True
    """
    if not ideas:
        return None
    found = words(text)
    replacing = phrase_list("edit", "replace", typos=False).find([word.text for word in found])
    if replacing and replacing[-1][1] < len(found):  # "those weren't ideas. my ideas are: …"
        return several(text[found[replacing[-1][1]].start :].strip(" ,.;:!"))
    dropped = _opening(found, "drop", "edit")
    if dropped:  # which one, up to the clause's end: "drop the last one, i have no wheel"
        after_drop = text[found[dropped - 1].end :]  # "fjern nr. 3": "nr." ends no clause
        parts = re.split(r"[,;:!?]|(?<!\bnr)(?<!\bno)\.", after_drop, maxsplit=1)
        which, after = parts[0], parts[1] if len(parts) > 1 else ""
        index = match_choice(which, ideas)
        if index is None and len(ideas) == 1:  # "remove it", "fjern den": the only one
            index = 0
        if index is None:
            raise InvalidAnswerError("invalid.which_idea")
        kept = tuple(idea for at, idea in enumerate(ideas) if at != index)
        added = _added(after)
        return (*kept, added) if added else kept
    changed = _opening(found, "change", "edit")
    if changed or _by_number(found):  # "nummer 1 skal bare være sms til hende"
        rest = found[changed or _opening(found, "number_cues", "choice") :]
        into = phrase_list("edit", "into").find([word.text for word in rest])
        index = (
            match_choice(text[rest[0].start : rest[into[0][0]].start], ideas)
            if (rest and into and into[0][0] > 0 and into[0][1] < len(rest))
            else None
        )
        if index is None:
            raise InvalidAnswerError("invalid.which_idea")
        new = text[rest[into[0][1]].start :].strip(" .,;:")
        return tuple(new if at == index else idea for at, idea in enumerate(ideas))
    said = several(text)
    again = [idea for idea in said if match_choice(idea, ideas) is not None]
    return said if len(said) >= 2 and again else None


def asks_for_new_list(text: str) -> bool:
    """ "skriv listen forfra" (as the question offers it) had been kept as an idea: the
    request, and little else, to write the whole list anew."""
    typed = [word.text for word in words(text)]
    found = phrase_list("edit", "rewrite").find(typed)
    return bool(found) and len(typed) - (found[0][1] - found[0][0]) <= REWRITE_EXTRA_WORDS


REWRITE_EXTRA_WORDS = 3
"""Words besides the request ("nej, skriv listen forfra tak"): more is a list itself."""


def after_adding_cue(text: str) -> str:
    """The words after a cue that says something was missed from what was said back ("you
    missed one: go to the library", "du glemte at spørge min mor", "Add: I also walk the
    dog"): they are added, not kept with the cue before them.

    >>> after_adding_cue("you missed one: go to the library")
    'go to the library'
    >>> after_adding_cue("ikke helt, du mangler den med at ringe til min søster")
    'ringe til min søster'
    >>> after_adding_cue("go to the library")
    'go to the library'
    """
    said, found = text, words(text)
    start = _opening(found, "missed", "edit")
    lead, rest = split_move(text)
    if not start and lead is Move.NO and rest:  # "not quite, you missed…"
        said, found = rest, words(rest)
        start = _opening(found, "missed", "edit")
    if not 0 < start < len(found):
        return text
    start += _opening(found[start:], "missed_which", "edit")  # "the one about"
    return said[found[min(start, len(found) - 1)].start :].strip(" ,.;:!-\u2013\u2014")


def _added(text: str) -> str:
    """The new idea after one dropped ("og så skriv sms til hende i stedet" is "sms til
    hende"), or "" when only a reason follows ("i have no wheel")."""
    found = words(text)
    start = _opening(found, "add", "edit")
    if not start:
        return ""
    typed = [word.text for word in found]
    end = len(found)
    for at, until, _ in phrase_list("edit", "instead").find(typed):
        if until == len(found) and at > start:
            end = at
    return text[found[start].start : found[end - 1].end] if start < end else ""


def _by_number(found: Sequence[Word]) -> bool:
    """An idea named by its number, then what it should be ("number 1 should be…")."""
    rest = found[_opening(found, "number_cues", "choice") :]
    into = phrase_list("edit", "into").find([word.text for word in rest])
    return bool(rest) and rest[0].text.isdecimal() and bool(into) and into[0][0] == 1


_NOT_BEFORE = 2
"""A feeling word this close after "not" ("i'm not scared now") is not a feeling said."""


def feeling(text: str, language: Language | None = None) -> str | None:
    """The first feeling the person names in an answer ("honestly i'm scared i'll mess it
    up again" is scared, "jeg skammer mig" ashamed), or None.

    Read in the person's `language` when given: "jeg sad derhjemme" (sat) is no "sad".

    >>> feeling("honestly i'm scared i'll mess it up again"), feeling("jeg skammer mig")
    ('scared', 'ashamed')
    >>> feeling("i'm not scared of it now") is None, feeling("jeg sad derhjemme", "da") is None
    (True, True)
    >>> feeling("because my daughter worries") is None, feeling("my mum died in march")
    (True, 'loss')
    >>> feeling("my phone died") is None, feeling("6 months clean, one slip in june")
    (True, 'milestone_slip')
    """
    typed = [word.text for word in words(text)]
    negations = word_list("feeling_cues", "not")
    # No typos forgiven: "ved" (know) is not "vred" (angry).
    feelings = phrase_list("feelings", stems=True, typos=False, language=language)
    heard: list[str] = []
    for start, _end, found in feelings.find(typed):
        if negations & set(typed[max(0, start - _NOT_BEFORE) : start]):
            continue
        before = typed[max(0, start - _WHO_BEFORE) : start]
        if found.meaning == "loss":  # theirs whoever died; "my phone died" is no loss
            if not _a_thing_died(found.words, before):
                heard.append(found.meaning)
        elif found.meaning in ("shock", "resisted", "warning_signs"):  # "found him on the…"
            heard.append(found.meaning)
        elif found.meaning == "milestone" and word_list("feeling_cues", "slips") & set(typed):
            heard.append("milestone_slip")  # "ædru i 5 mdr men havde et tilbagefald i august"
        elif not _someone_elses(before):
            heard.append(found.meaning)
    first = [meaning for meaning in _HEARD_FIRST if meaning in heard]
    return next(iter(first or heard), None)


_HEARD_FIRST = ("loss", "shock", "medication", "warning_signs", "resisted")
"""Heard before any feeling said earlier in the message: a death ("14 month sober, my wee
brother died" had been met with "That's a real milestone"), then an urge got through ("a
really bad urge … but i held ice cubes")."""


_WHO_BEFORE = 4
"""How far before a feeling word its subject is looked for ("my daughter really worries")."""


def _a_thing_died(death: Sequence[str], before: Sequence[str]) -> bool:
    """ "died" said of a thing ("my phone died"), not of someone ("my Harold died")."""
    things = word_list("feeling_cues", "things")
    return death[-1] in word_list("feeling_cues", "deaths") and bool(things & set(before))


def _said_of_another(clause: Sequence[str]) -> bool:
    """The clause opens with someone else as its subject ("kids mum kicked off", "min eks
    lavede ballade"): what it says was done is not the person's step done."""
    others = word_list("feeling_cues", "others")
    owners = word_list("feeling_cues", "owners")
    return clause[0] in others or (len(clause) > 1 and clause[0] in owners and clause[1] in others)


def _someone_elses(before: Sequence[str]) -> bool:
    """The nearest subject before a feeling word is someone else ("my daughter worries"
    was answered "That fear makes sense"), not the person ("i'm scared", "he makes me
    angry")."""
    me, others = word_list("feeling_cues", "me"), word_list("feeling_cues", "others")
    who = next((word for word in reversed(before) if word in me or word in others), None)
    return who in others


def part_corrected(text: str, parts: Mapping[str, str | None]) -> str | None:
    """Which part of a summary a correction puts right: the one it shares most words with.

    "It's not everyone knowing, it's me feeling like a fraud" speaks of the part that
    said "...walking in there and everyone knowing"; None when no part is clearly it.
    """
    # how much of each part the correction echoes: "no cv" wholly, by "old cv"
    echoed = [(echo(text, part or ""), name) for name, part in parts.items() if words(part or "")]
    echoed.sort(reverse=True)
    if not echoed or echoed[0][0] == 0 or (len(echoed) > 1 and echoed[1][0] == echoed[0][0]):
        return None
    return echoed[0][1]


def echo(text: str, said_before: str) -> float:
    """The share of the content words of `said_before` that `text` says again (0 to 1):
    "its money n the forms…" says half of "Money, and forms make me panic" again."""
    shares = []
    for language in LANGUAGES:
        before = _stems(said_before, language)
        shares.append(len(_stems(text, language) & before) / len(before) if before else 0.0)
    return max(shares)


def _stems(said: str, language: Language) -> set[str]:
    """The content words of a text, as stems of one language."""
    return {s for s in _content(said, language).split() if len(s) >= 2}


def is_correction(text: str) -> bool:
    """An answer to "Have I got that right?" that puts it right: opening with no, or
    saying what is wrong ("it's not…", "jeg mente…")."""
    lead, _ = split_move(text)
    typed = [word.text for word in words(text)]
    return lead is Move.NO or bool(phrase_list("summary", "corrections").find(typed))


def part_named(text: str) -> str | None:
    """The part of a summary a correction names by its heading ("det er ikke hvor jeg
    står"), or None when it names none, or more than one."""
    typed = [word.text for word in words(text)]
    named = {found.meaning for _, _, found in phrase_list("summary", "parts").find(typed)}
    return named.pop() if len(named) == 1 else None


_QUOTED = re.compile(r'["“”„«»]([^"“”„«»]{3,})["“”„«»]')


def written_as(text: str) -> str | None:
    """The goal in quotes when they ask for it to be written so: 'skriv bare "se sofie
    mere og drikke mindre"' (a tester's whole message, quotes and all, became her goal).

    >>> written_as('ikke helt. det lyder dumt haha. skriv bare "se sofie mere"')
    'se sofie mere'
    """
    quoted = list(_QUOTED.finditer(text))
    if not quoted:
        return None
    last = quoted[-1]
    before = [word.text for word in words(text[: last.start()])]
    cues = phrase_list("goal_restated", "write_as", typos=False).find(before)
    return last.group(1).strip(" .") if cues else None


def written_that(text: str) -> str | None:
    """The goal in the last sentence that opens "write that …" ("ikke helt. det lyder
    mærkeligt. skriv at æ vil tilbage til arbejde"), or None."""
    for sentence in reversed(sentences(text)):
        found = words(sentence)
        said = phrase_list("goal_restated", "write_that", typos=False).find(
            [w.text for w in found]
        )
        if said and said[0][0] == 0 and said[0][1] < len(found):
            return sentence[found[said[0][1]].start :].strip(" .!")
    return None


def restated(text: str) -> str:
    """The goal as finally said: after the last change of mind, without the words that
    lead up to it (`[goal_restated]`). Testers' goals read "Could the goal be to get back
    to the allotment by spring?" and "mere sådan at jeg vil sove uden piller".

    >>> restated("Could the goal be to get back to the allotment by spring?")
    'get back to the allotment by spring'
    >>> restated("i want to get a job, well no, volunteering first really")
    'volunteering first really'
    >>> restated("tja, måske mere bare at få noget struktur på dagene")
    'få noget struktur på dagene'
    >>> restated("i want to work, well no, maybe college first. ive not worked in years")
    'college first'
    """
    if (asked_for := written_as(text)) is not None:
        return asked_for
    found = words(text)
    cues = phrase_list("goal_restated", "changed_mind", typos=False).find(
        [word.text for word in found]
    )
    end = max((until for _, until, _ in cues), default=0)
    if 0 < end < len(found):  # what they changed to, up to the end of that sentence
        text = re.split(r"(?<=[.!?])\s+", text[found[end].start :], maxsplit=1)[0]
        found = words(text)
    opened = without_lead_in(text, "goal_restated")
    return opened if opened != text or not end else text.strip(" ,.;:!?-\u2013\u2014")


def without_lead_in(text: str, section: str) -> str:
    """`text` without the words of `section`'s `lead_in` and `hedged` lists that open it,
    however many ("måske mere bare at få struktur", "skridtet skal være: skrive en mail",
    "tror jeg. bare at trykke send"); unchanged when nothing would be left.

    >>> without_lead_in("skridtet skal være: skrive en mail på mandag", "step_said")
    'skrive en mail på mandag'
    """
    found = words(text)
    start = 0
    while True:
        more = max(_opening(found[start:], kind, section) for kind in ("lead_in", "hedged"))
        if not more or start + more >= len(found):
            break
        start += more
    return text[found[start].start :].strip(" ,.;:!?-\u2013\u2014") if start else text


def correction_words(text: str) -> str:
    """The new words of a correction: without the no before them, the clause that only
    points at what was wrong ("nej det er ikke hvor jeg står, jeg står et sted hvor jeg
    gerne vil" is "jeg står et sted hvor jeg gerne vil"), a question back ("Back
    where?") and words that say nothing ("hen.", "No, love."): "Not quite, no. Back
    where? It's the bowling club I mean. Or the charity shop." is "It's the bowling club
    I mean. Or the charity shop."

    >>> correction_words("hen. It should be Isla, Claire and Margaret")
    'It should be Isla, Claire and Margaret'
    """
    lead, rest = split_move(text)
    text = after_adding_cue(rest if lead is Move.NO and rest else text)
    parts = [s.strip() for s in sentences(text) if words(s)]
    said = [s for s in parts if not s.endswith("?") and not says_nothing(s)]
    if said and len(said) < len(parts):
        text = " ".join(said)
    text = _without_trailing_cue(text)
    clauses = [c.strip() for c in re.split(r"[,.;:!?\u2026]+", text) if words(c)]
    kept = [c for c in clauses if not (part_named(c) and is_correction(c))]
    return without_said(", ".join(kept) if kept and len(kept) < len(clauses) else text)


def put_in_place(old: str, said: str) -> str:
    """A part of a summary with a correction in place of the one sentence it puts right
    ("…And my neighbour Isla pops in…" by "it's Isla, Claire and Margaret that pop
    in"), the rest kept; the correction alone when no one sentence is clearly meant.

    >>> put_in_place("My daughter helps. My neighbour Isla pops in.", "Isla and Claire pop in")
    'My daughter helps. Isla and Claire pop in.'
    """
    parts = [s for s in sentences(old) if words(s)]
    if len(parts) < 2:
        return said
    meant = part_corrected(said, {str(at): s for at, s in enumerate(parts)})
    if meant is None:
        return said
    at = int(meant)
    ending = re.search(r"[.!?\u2026]*\s*$", parts[at])
    new = said.rstrip(" .!?") + (ending.group().strip() if ending else "")
    return " ".join(s.strip() for s in (*parts[:at], new, *parts[at + 1 :]))


def _without_trailing_cue(text: str) -> str:
    """ "It's the bowling club I mean. Or the charity shop." without its "I mean"."""
    parts = []
    for sentence in sentences(text):
        found = words(sentence)
        cues = phrase_list("summary", "corrections").find([word.text for word in found])
        if cues and cues[-1][1] == len(found) and cues[-1][0] > 0:
            end = found[cues[-1][0] - 1].end
            sentence = sentence[:end] + sentence[found[-1].end :]
        parts.append(sentence)
    return "".join(parts)


def parts_said(text: str) -> dict[str, str]:
    """A correction that names two or more parts of a summary, each in its own sentence
    ("in the way is smoking and my danish is not good. support only my wife and group
    monday"): each part with its own words. {} when it names fewer than two."""
    found: dict[str, list[str]] = {}
    part = None
    for sentence in (s.strip() for s in sentences(text) if words(s)):
        part = part_named(sentence) or part
        if part is not None:
            found.setdefault(part, []).append(sentence)
    if len(found) < 2:
        return {}
    return {name: _unnamed(correction_words(" ".join(said))) for name, said in found.items()}


def part_restated(text: str) -> tuple[str, str] | None:
    """A part of a summary said anew, by its name and "is" ("ikke helt. det første er
    forkert. hvor æ står er: sygemeldt siden august, …"): the part, and the words from
    there on, which take its place whole. None when no sentence opens so."""
    said = sentences(text)
    for at, sentence in enumerate(said):
        found = words(sentence)
        for start, end, part in phrase_list("summary", "parts").find([w.text for w in found]):
            copula = next((i for i in range(end, min(end + NAME_TO_COPULA, len(found) - 1))
                           if found[i].text in word_list("summary", "copulas")), None)  # fmt: skip
            if start <= NAME_OPENS and copula is not None:  # "Det der støtter mig, er …"
                rest = " ".join(
                    s.strip() for s in (sentence[found[copula + 1].start :], *said[at + 1 :])
                )
                return part.meaning, rest.strip(" :-")
    return None


NAME_OPENS = 3
"""A part named this far into a sentence opens it ("what supports me is…")."""
NAME_TO_COPULA = 3
"""…and its "is" comes within these words of its name ("Det der støtter mig, er…")."""


def _unnamed(said: str) -> str:
    """A part's words without the name that opens them: "in the way is smoking" is
    "smoking"; "support only my wife" stays as it is."""
    found = words(said)
    named = phrase_list("summary", "parts").find([word.text for word in found])
    after = named[0][1] if named and named[0][0] == 0 else len(found)
    if after < len(found) - 1 and found[after].text in word_list("summary", "copulas"):
        said = said[found[after + 1].start :]
    return said.strip().rstrip(" .;,")


def ideas_said(text: str) -> tuple[str, ...]:
    """Ideas said at a summary ("jeg ved ikke. måske skrive en sms til hende, eller et
    brev"): an "I don't know" before them is left out; () when the text opens no idea."""
    lead, rest = split_move(text)
    text = rest if lead is Move.DONT_KNOW and rest else text
    found = words(text)
    opened = _opening(found, "ideas", "summary")
    if not opened:
        return ()
    return several(text[found[opened].start :]) if opened < len(found) else ()


def _opening(found: Sequence[Word], kind: str, section: str = "choice") -> int:
    """How many words at the start of `found` are a phrase of the table's `kind`."""
    matches = phrase_list(section, kind).find([word.text for word in found])
    return matches[0][1] if matches and matches[0][0] == 0 else 0


@cache
def _ordinals() -> dict[str, int]:
    return {fold(w): n for t in tables().values() for w, n in t["choice"]["ordinals"].items()}


def by_place(text: str, count: int) -> int | None:
    """ "1", "nummer 2", "the first one": the option of `count` named by its place alone.

    >>> by_place("nummer 2", 3), by_place("the first one", 3), by_place("ring her", 3)
    (1, 0, None)
    """
    return _by_place(meant(text), count) if count else None


def only_a_number(text: str) -> bool:
    """Nothing but a number ("5", "3.", "bout a 3 maybe", "måske 4 eller 5"): no goal,
    reason, idea or step, whatever the question.

    >>> only_a_number(" 5. "), only_a_number("bout a 3 maybe"), only_a_number("5 a day")
    (True, True, False)
    """
    found = [word.text for word in words(fold(text))]
    around = word_list("numbers", "around")
    numbers = [said for said in found if said.isdecimal()]
    return bool(numbers) and all(said.isdecimal() or said in around for said in found)


def _by_place(text: str, count: int) -> int | None:
    """ "the first one", "option 2", "den sidste": an option by its place, if that is all."""
    ordinals = _ordinals()
    cues = word_list("choice", "number_cues")
    typed = [word.text for word in words(text)]
    # isdecimal, not isdigit: "𐹠" and "²" are digits that int() cannot read.
    places = [
        ordinals.get(word) or int(word) for word in typed if word in ordinals or word.isdecimal()
    ]
    rest = [w for w in typed if w not in ordinals and w not in cues and not w.isdecimal()]
    if len(places) != 1 or any(_content(w, "en") and _content(w, "da") for w in rest):
        return None
    place = places[0]
    index = count + place if place < 0 else place - 1
    return index if 0 <= index < count else None


STEP_OUTCOMES = ("done", "partly", "not_yet", "changed")


def step_outcome(text: str) -> str | None:
    """How a step went, from the person's words: done, partly, not_yet or changed.

    Mixed answers are "partly": something done and something not ("wrote it but didn't
    dare send it", "Jeg fik skrevet brevet, men jeg turde ikke vise det til Mette").
    A change of plan wins over everything ("decided it wasn't for me"). The words are
    matched as written (one typo forgiven), since the tense is the meaning: "asked her"
    is done, "I'll ask her" is not. None when the words do not say.

    >>> step_outcome("asked her. she said theres a cscs card course")
    'done'
    >>> step_outcome("nah didnt get round to it"), step_outcome("wrote it but didn't dare send it")
    ('not_yet', 'partly')
    """
    if text in STEP_OUTCOMES:
        return text
    if (counted := _times_out_of(text)) is not None:
        return counted
    said = _clauses(_without_fine(text))
    first = _clause_outcome(said[0]) if said and len(said[0]) <= OUTCOME_FIRST else None
    if first == "partly":  # "some of it. … I talk with Tomek instead": a change of plan later
        return first  # in the story is not a change of the step, nor an urge got through
    resisted = phrase_list("feelings", "resisted", stems=True, typos=False)
    clauses = {_clause_outcome(clause) for clause in said if not resisted.find(clause)} - {None}
    for outcome in ("changed", "partly"):
        if outcome in clauses:
            return outcome
    if {"done", "not_yet"} <= clauses:
        return "partly"
    return next((outcome for outcome in ("done", "not_yet") if outcome in clauses), None)


def _times_out_of(text: str) -> str | None:
    """ "2 out of 3", "two of the three", "2 ud af 3": done, partly or not yet, counted.

    >>> _times_out_of("2 out of 3 lol"), _times_out_of("3 ud af 3"), _times_out_of("0/3")
    ('partly', 'done', 'not_yet')
    """
    values, _ = _number_words()
    typed = [str(values.get(word.text, word.text)) for word in words(text)]
    spoken = " ".join(typed)
    found = _times().search(text.casefold()) or _times().search(spoken)
    if found is None:
        return None
    did, of = int(found.group(1)), int(found.group(2))
    if of in (0, RATED_OUT_OF) or did > of or of > MOST_TIMES:
        return None
    return "done" if did == of else "partly" if did else "not_yet"


MOST_TIMES = 14
RATED_OUT_OF = 10
"""Counted times this many or fewer are how often a step was done ("5 out of 7 days");
"7 out of 10" is a rating, read as one."""


@cache
def _times() -> re.Pattern[str]:
    spoken = sorted(word_list("numbers", "out_of"), key=len, reverse=True)
    between = "|".join(map(re.escape, spoken))
    return re.compile(r"\b(\d+)\s*(?:/|(?:" + between + r")(?: the)?)\s*(\d+)\b")


OUTCOME_FIRST = 4
"""A first clause this short that says part of it was done ("some of it", "halvdelen") is
the answer, whatever the story after it says ("…I talk with Tomek instead" had made it
a change of plan)."""


def tried(text: str) -> bool:
    """Words that say the step was tried and could not be done ("got put on hold so i
    gave up", "kom ikke igennem"): a setback, never "not yet, its day is still to come"."""
    typed = [word.text for word in words(text)]
    return bool(phrase_list("outcome", "tried").find(typed)) or gives_reason(text)


def gives_reason(text: str) -> bool:
    """What got in the way, said with how it went ("nah didnt go, was skint and mates came
    round"): heard, not asked again."""
    return bool(phrase_list("outcome", "reasons").find([word.text for word in words(text)]))


def _without_fine(text: str) -> str:
    """The text without the "not" that says it went fine ("not bad", "ikke så slemt")."""
    found = words(text)
    fine = phrase_list("not_done", "fine", typos=False).find([word.text for word in found])
    for start, end, _ in reversed(fine):
        text = text[: found[start].start] + text[found[end - 1].end :]
    return text


@cache
def _clause_break() -> re.Pattern[str]:
    spoken = "|".join(map(re.escape, sorted(word_list("outcome", "clause_breaks"))))
    return re.compile(rf"[,.;:!?\n]|\b(?:{spoken})\b")


def _clauses(text: str) -> list[list[str]]:
    """The folded words of each clause: "wrote it | didn't dare send it"."""
    return [[word.text for word in words(part)] for part in _clause_break().split(fold(text))]


def _clause_outcome(typed: list[str]) -> str | None:
    """How one clause says it went; a "not" in it outweighs a "did" ("nåede jeg ikke"),
    a "did" said with "not" or "yet" is not done ("not booked it yet"), and so is a
    clause that says nothing else ("rang them | but not been yet" is partly)."""
    if typed and _said_of_another(typed):  # "sent it | but she hasnt replied": hers
        return None
    said = {found.meaning for _, _, found in phrase_list("outcome").find(typed)}
    if "not_changed" in said:  # "i didnt change my mind?? i did it": the step stands
        return "done"
    if "tried" in said:  # "got put on hold so i gave up": tried, and not done
        said = (said - {"tried"}) | {"not_yet"}
    if (not said or "done" in said) and set(typed) & word_list("not_done", "words"):
        said = (said - {"done"}) | {"not_yet"}  # "but not been yet": not done
    return next((o for o in ("changed", "partly", "not_yet", "done") if o in said), None)


def option_instead(text: str, options: Sequence[str], chosen: str | None) -> int | None:
    """At the step, a change of mind to another of their options, or None.

    With a `[change_of_mind]` cue ("actually", "instead", "i stedet", "nej vent") or a
    self-correction ("not the gaffer, the keyworker one", `meant`), the last clause
    names what they mean now: the one option it shares most words (stems) with, when
    that is not the option already chosen. "actually no, cant face ringing,
    ill email instead" is the email, not the call.
    """
    typed = [word.text for word in words(text)]
    said = meant(text)  # "not the gaffer, the keyworker one": a change of mind too
    if not phrase_list("change_of_mind", "cues").find(typed) and said == text:
        return None
    index = option_named(said, options)
    return None if index is None or options[index] == chosen else index


def option_named(text: str, options: Sequence[str]) -> int | None:
    """The one option the last clause of `text` shares most words (stems) with, or None."""
    shared = _shared_words(text, options)
    best = max(shared, default=0)
    if best == 0 or shared.count(best) > 1:
        return None
    return shared.index(best)


def names_no_option(text: str, options: Sequence[str]) -> bool:
    """The last clause shares no word (stem) with any option: it is a new idea."""
    return not any(_shared_words(text, options))


def _shared_words(text: str, options: Sequence[str]) -> list[int]:
    """How many words (stems) the last clause of `text` shares with each option."""
    said = next((" ".join(c) for c in reversed(_clauses(text)) if c), "")
    return [
        max(len(set(_content(said, lang).split()) & set(_content(option, lang).split()))
            for lang in LANGUAGES)
        for option in options
    ]  # fmt: skip


LIFE_AREAS = ("health", "home", "purpose", "community")


def suggest_area(goal_text: str, *, denials: bool = True) -> str | None:
    """The life area a goal seems to belong to, or None when its words do not say.
    With `denials`, a word said not to be it does not count ("its money innit not home");
    in a goal itself a "not" is what they want ("ikke ryge hash før jeg ser min søn").

    Words of each area (stems, both languages) are counted; the area with the most
    wins, and a tie is no suggestion.

    >>> suggest_area("wanna get bak to work"), suggest_area("se mine børn mere")
    ('purpose', 'community')
    >>> suggest_area("i'd like to feel more myself again") is None  # "more" is not "mor"
    True
    """
    typed = [word.text for word in words(goal_text)]
    for typos in (False, True):  # as written first; no typo in short words: "det" is no "diet"
        counts = dict.fromkeys(LIFE_AREAS, 0)
        read = [word if not typos or len(word) > TYPO_AREA_LETTERS else "" for word in typed]
        named = phrase_list("areas", stems=True, typos=typos).find(read, typed)
        denied = {found.meaning for start, _, found in named if denials and _denied(typed, start)}
        for _, _, found in named:
            counts[found.meaning] += found.meaning not in denied  # "its money innit not home"
        ranked = sorted(counts.values(), reverse=True)
        if ranked[0] > ranked[1]:
            return max(counts, key=lambda area: counts[area])
    return None


def first_area(text: str) -> str | None:
    """The life area named first: at the area question "nok mening, eller helbred, begge
    dele egentlig" is purpose (said back, to be put right), not a question asked again.

    >>> first_area("probably purpose, or health, both really")
    'purpose'
    """
    typed = [word.text for word in words(text)]
    named = phrase_list("areas", stems=True, typos=False).find(typed)
    denied = {found.meaning for start, _, found in named if _denied(typed, start)}
    return next((found.meaning for _, _, found in named if found.meaning not in denied), None)


def _denied(typed: Sequence[str], start: int) -> bool:
    """The word at `start` is said not to be it ("not home", "ikke helbred", "not me
    health", "ikke mit helbred")."""
    nots, between = word_list("areas_said", "not"), word_list("areas_said", "between")
    before = typed[max(0, start - 2) : start]
    if before and before[-1] in nots:
        return True
    return len(before) == 2 and before[0] in nots and before[1] in between


TYPO_AREA_LETTERS = 3
"""A word this short names an area only as written."""

HEDGED_GOAL_WORDS = 2
"""What is left of a goal without its hedges must be at least this many words."""
HEDGE_WORDS = 2
"""Hedges of fewer words ("get a job maybe") are left in: the goal is kept as said."""
HEDGED_GOAL_MOST = 10
"""A longer goal, or one of several clauses, is ambivalence said at length: kept whole."""


def unhedged(text: str, *, qualifiers: bool = False) -> str:
    """A part of an answer without the hedges at its edges, however few: "maybe get
    back to work" is "get back to work" (`without_hedges` keeps a one-word hedge). With
    `qualifiers`, "maybe" stays: an idea keeps it ("ok maybe ask my keyworker idk").

    >>> unhedged("måske komme tilbage som dagplejer"), unhedged("maybe")
    ('komme tilbage som dagplejer', 'maybe')
    """
    found = words(text)
    start, end = _unhedged(found, qualifiers)
    return text[found[start].start : found[end - 1].end] if start < end else text


def without_hedges(text: str) -> str:
    """A goal without the words that hedge it (`[hedges]` in the tables), or as it was.

    Only when what is left is a clear goal of a few words: "i guess maybe try to get
    back to work or something idk" is "try to get back to work".

    >>> without_hedges("i guess maybe try to get back to work or something idk")
    'try to get back to work'
    >>> without_hedges("måske komme i arbejde eller noget"), without_hedges("idk maybe")
    ('komme i arbejde', 'idk maybe')
    """
    found = words(text)
    start, end = _unhedged(found)
    kept = text[found[start].start : found[end - 1].end] if start < end else ""
    if (
        not HEDGED_GOAL_WORDS <= end - start <= HEDGED_GOAL_MOST
        or len(found) - (end - start) < HEDGE_WORDS
        or re.search(r"[,.;:!?]", kept)
    ):
        return text
    return kept


@cache
def _hedges(kind: str, qualifiers: bool) -> Phrases:
    """The leading or trailing hedges of both languages; with `qualifiers`, without
    those that qualify what they say."""
    hedges = {language: table["hedges"] for language, table in tables().items()}
    return Phrases(
        phrase(text, language, kind)
        for language, said in hedges.items()
        for text in (*said[kind], *(() if qualifiers else said["qualifying"]))
    )


def without_fillers(text: str) -> str:
    """An answer without the fillers that open it ("well um i guess my mum" is "my
    mum", "øh altså jeg tror min mor" "min mor"); "I think I'm patient" is kept, and
    so is an answer that is fillers only.

    >>> without_fillers("well um i guess my mum"), without_fillers("hmm ok so money, mostly")
    ('my mum', 'money, mostly')
    >>> without_fillers("I think I'm patient"), without_fillers("øh altså jeg tror min mor")
    ("I think I'm patient", 'min mor')
    """
    found = words(text)
    opening, after = phrase_list("fillers", "opening"), phrase_list("fillers", "after_opening")
    start, opened = 0, False
    while start < len(found):
        typed = [word.text for word in found[start:]]
        first = opening.find(typed) or (after.find(typed) if opened else [])
        if not first or first[0][0] != 0:
            break
        start, opened = start + first[0][1], True
    if start == 0 or start == len(found):
        return text
    return text[found[start].start :].lstrip(" ,.;:-\u2013\u2014\u2026")


def _unhedged(found: Sequence[Word], qualifiers: bool = False) -> tuple[int, int]:
    """Where the words between leading and trailing hedges start and end (start == end:
    nothing but hedges). With `qualifiers`, hedges that qualify ("maybe", "tror jeg")
    are words of the answer, not hedges around it."""
    start, end = 0, len(found)
    leading, trailing = _hedges("leading", qualifiers), _hedges("trailing", qualifiers)
    moved = True
    while moved and start < end:
        moved = False
        typed = [word.text for word in found[start:end]]
        first = leading.find(typed)
        if first and first[0][0] == 0:
            start, moved = start + first[0][1], True
            continue
        for at in range(1, len(typed)):
            last = trailing.find(typed[at:])
            if last and last[0][0] == 0 and last[0][1] == len(typed) - at:
                end, moved = start + at, True
                break
    return start, end


_CLAUSE_MARKS = re.compile(
    r"[,.;:!?…\n]+|\s[-\u2013\u2014]\s|\s(?=(?i:but|men)\s+(?i:i|im|i'm|jeg)\s)"
)
"""Where clauses part: marks, dashes, and "but I…" / "men jeg…" (a new subject)."""


def _wished(typed: list[str], wishes: Phrases) -> bool:
    """A clause says what they want, and not what they do not want ("Men det er ikke det
    jeg vil her" had been kept as a tester's goal, before "Det jeg vil, er at…")."""
    unwished = {start for start, _, _ in phrase_list("hedges", "unwished").find(typed)}
    return any(
        not unwished & set(range(start - _NOT_BEFORE, start + 1))
        for start, _end, _found in wishes.find(typed)
    )


def _wish_ends(typed: list[str], wishes: Phrases) -> bool:
    """The clause is the wish alone, what is wished said in the next ("Det jeg vil, er…")."""
    return any(end == len(typed) for _, end, _ in wishes.find(typed))


def core(text: str, *, background: bool = True, qualifiers: bool = False) -> str:
    """The heart of an answer, to quote back: clauses of hedges alone at its edges
    ("altså jeg ved ikke helt…", "dunno,") and the hedges around what is left are taken
    off; with `background`, when one clause says what they want, that clause alone
    ("wanna get back in2 work tbh, used 2 be a labourer" is "wanna get back in2 work").
    One clause is `without_hedges`; the person's whole answer is kept by the caller.
    With `qualifiers`, hedges that qualify ("maybe", "måske") are kept as their words:
    "ved ik. på venteliste måske" is "på venteliste måske".

    >>> core("altså jeg ved ikke helt… jeg vil gerne se min datter, vi har ikke talt sammen")
    'jeg vil gerne se min datter'
    >>> core("dunno, wanna feel normal again", background=False)
    'wanna feel normal again'
    >>> core("ved ik. på venteliste måske", background=False, qualifiers=True)
    'på venteliste måske'
    """
    spans: list[tuple[int, int]] = []
    clauses: list[str] = []  # each span's whole clause, hedges and all
    at, dropped = 0, False
    for mark in [*_CLAUSE_MARKS.finditer(text), None]:
        until = mark.start() if mark else len(text)
        found = words(text[at:until])
        start, end = _unhedged(found, qualifiers)
        if start < end:
            spans.append((at + found[start].start, at + found[end - 1].end))
            clauses.append(text[at:until])
        dropped = dropped or (bool(found) and start == end)
        at = mark.end() if mark else at
    wishes = phrase_list("hedges", "wish")
    if background and len(spans) > 1:
        for at, (start, end) in enumerate(spans):
            said = [word.text for word in words(text[start:end])]
            typed = [word.text for word in words(clauses[at])]
            if _wished(typed, wishes):
                if at and said[-1] in _BACK_REFERENCES:  # "…the bowls club, i'd like that"
                    start = spans[at - 1][0]
                elif at and _or_else(typed, text[spans[at - 1][1] : start]):
                    start = spans[at - 1][0]  # "maybe sort my sleep out, or maybe get back…"
                if _wish_ends(typed, wishes) and at + 1 < len(spans):  # "Det jeg vil, er at…"
                    return text[start : _with_limits(text, spans[at + 1 :])]
                return _without_join(text[start : _with_limits(text, spans[at:])])  # "og æ vil…"
    if qualifiers:  # only clauses of hedges alone, and the hedges at their edges, go
        return text[spans[0][0] : spans[-1][1]] if spans and dropped else text
    if not dropped or not spans:
        return without_hedges(text)
    return text[spans[0][0] : spans[-1][1]]


_BACK_REFERENCES = frozenset({"that", "it", "there", "them", "this", "det", "den", "dem", "der"})
"""A wish ending in one of these names what came before it: that clause is kept with it."""


def _or_else(clause: list[str], between: str) -> bool:
    """A wish that opens with "or" ("…, or maybe get back to work") is the second of two
    in one sentence: both are kept, for the person to choose (`two_goals`)."""
    alternatives = word_list("goal_join", "alternatives")
    return bool(clause) and clause[0] in alternatives and not re.search(r"[.!?\n]", between)


def without_doubt(text: str) -> str:
    """The goal without a doubt said after it ("get back to work but that feels far
    away", "men det virker langt væk"); the whole answer is kept by the caller.

    >>> without_doubt("get back to working as a childminder but that feels far away")
    'get back to working as a childminder'
    >>> without_doubt("komme i arbejde men det virker langt væk. har været ædru i 5 mdr")
    'komme i arbejde'
    """
    found = words(text)
    doubts = phrase_list("hedges", "doubts").find([word.text for word in found])
    starts = [start for start, _, _ in doubts if start > 0]
    return text[: found[starts[0]].start].rstrip(" ,;-") if starts else text


LIMIT_WORDS = 6
"""A clause that limits the wish before it has at most this many words."""
CONDITION_WORDS = 8
"""…and one that says when it holds ("når min søn Mikkel vil låne penge"), this many."""
PERSONAL = frozenset({"i", "im", "ive", "we", "jeg", "vi", "my", "min", "mit"})
_POSSESSIVE = frozenset({"my", "min", "mit"})


def _with_limits(text: str, spans: list[tuple[int, int]]) -> int:
    """Where the wish in `spans[0]` ends, with the short clauses after it in the same
    sentence that limit it ("…, but part-time at first"); a new subject starts background."""
    limits = phrase_list("hedges", "limits")
    end = spans[0][1]
    for start, after in spans[1:]:
        said = [word.text for word in words(text[start:after])]
        opens = any(at == 0 for at, _, _ in limits.find(said))
        if re.search(r"[.!?\n]", text[end:start]) or not opens:
            break
        conditional = said[0] in word_list("hedges", "conditions")  # "…, når min søn…"
        most, personal = (CONDITION_WORDS, PERSONAL - _POSSESSIVE) if conditional else (
            LIMIT_WORDS, PERSONAL)  # fmt: skip
        if len(said) > most or personal & set(said):
            break
        end = after
    return end


REASON_WORDS = 2
"""A reason said with a goal has at least this many words after its opener."""


def reason_in(text: str) -> str | None:
    """Why the goal matters, when the goal is said with it: from "because", "so i can",
    "fordi" or "for at" after the goal, to the end of that clause; None without one.

    >>> reason_in("get back into pottery, because it was the one place i felt like myself, "
    ...           "but i'm not sure i'm ready")
    'because it was the one place i felt like myself'
    >>> reason_in("komme i arbejde så jeg kan forsørge min søn"), reason_in("because")
    ('så jeg kan forsørge min søn', None)
    >>> reason_in("my daughter says i drink too much, so i suppose i should say cut down")
    >>> reason_in("være frivillig, men jeg er bange for at folk kigger på mig")
    """
    found = words(text)
    openers = phrase_list("reasons", "openers", typos=False).find([w.text for w in found])
    not_reasons = word_list("reasons", "fears") | word_list("reasons", "instead")
    starts = [
        start
        for start, end, _ in openers
        if start > 0
        and not _opening(found[end:], "hedged", "reasons")  # "so i suppose"
        and found[start - 1].text not in not_reasons  # "bange for at", "i stedet for at"
    ]
    if not starts:
        return None
    start = found[starts[0]]
    end = _clause_end_at(text, start.end)
    reason = text[start.start : end].strip()
    tag = phrase_list("hedges", "trailing", typos=False).find(
        [word.text for word in words(reason)]
    )
    if tag and tag[0][:2] == (0, len(words(reason))):
        return None  # "…the deposit so i do": a tag, not a reason
    return reason if len(words(reason)) > REASON_WORDS else None


GOAL_PART_WORDS = 2
"""Each of two goals said in one breath has at least this many words."""


def two_goals(text: str) -> tuple[str, str] | None:
    """Two goals said in one breath, each of its own life area (or either of two said as
    alternatives, "…or…"), or None for one goal.

    >>> two_goals("i want to cut down the drink and get back to work")
    ('i want to cut down the drink', 'get back to work')
    >>> two_goals("drikke mindre og komme i arbejde igen")
    ('drikke mindre', 'komme i arbejde igen')
    >>> two_goals("get me licence back i guess. or a job at the car wash")
    ('get me licence back i guess', 'a job at the car wash')
    >>> two_goals("cut down and stop drinking") is None, two_goals("see mum and dad") is None
    (True, True)
    """
    found = words(text)
    joins = word_list("goal_join", "words")
    alternatives = word_list("goal_join", "alternatives")
    for at, word in enumerate(found):
        if word.text not in joins:
            continue
        first = text[: word.start].strip(" ,;.")
        second = text[word.end :].strip(" ,;.!")
        if min(len(words(first)), len(words(second))) < GOAL_PART_WORDS or at == 0:
            continue
        if (
            word.text in alternatives
            and min(len(words(unhedged(part))) for part in (first, second)) < GOAL_PART_WORDS
        ):
            continue  # "sumthing with work or college maybe": one goal, vaguely said
        if word.text in alternatives and _narrows(second):
            continue  # "komme tilbage på arbejde, eller i hvert fald i praktik": one goal
        areas = suggest_area(first, denials=False), suggest_area(second, denials=False)
        if None not in areas and (areas[0] != areas[1] or word.text in alternatives):
            return first, second
    return None


def _narrows(part: str) -> bool:
    """The part after "or" opens with words that narrow the goal ("at least", "i hvert fald")."""
    typed = [word.text for word in words(part)]
    return any(start == 0 for start, _, _ in phrase_list("goal_join", "narrowing").find(typed))


def only_a_reason(text: str) -> bool:
    """The answer opens with "because", "cos" or "fordi": it says why, not what.

    >>> only_a_reason("because my daughter worries"), only_a_reason("see my daughter")
    (True, False)
    """
    found = [word.text for word in words(text)]
    openers = phrase_list("reasons", "openers", typos=False).find(found)
    return bool(openers) and openers[0][0] == 0 and len(found) > openers[0][1]


def _clause_end_at(text: str, at: int) -> int:
    """Where the clause going on at `at` ends: a mark, or "but", "men" and their kin."""
    mark = re.compile(rf"[.;:!?\n\u2026]|,(?=\s*(?i:{_breaks()})\b)|\s(?=(?i:{_breaks()})\s)")
    found = mark.search(text, at)
    return found.start() if found else len(text)


@cache
def _breaks() -> str:
    said = {word for table in tables().values() for word in table["outcome"]["clause_breaks"]}
    return "|".join(map(re.escape, sorted(said - {"and", "og", "so", "saa", "så"})))


def taken_back(text: str, earlier: str) -> str | None:
    """What is left of `earlier` when `text` takes a part of it back ("scratch the
    drinking bit", "glem det med arbejdet"): its clauses without those that share the
    named words, or the new words said after the part taken back; None when `text`
    takes back no part of it, or all of it.

    >>> taken_back("scratch the drinking bit", "get a job and stop drinking")
    'get a job'
    >>> taken_back("glem det med arbejdet", "sove bedre, og komme i arbejde")
    'sove bedre'
    """
    first, *more = _CLAUSE_MARKS.split(text, maxsplit=1)
    typed = [word.text for word in words(first)]
    cue = phrase_list("take_back", "cues", typos=False).find(typed)
    if not cue or cue[0][0] != 0:
        return None
    if more and words(more[0]):  # "scratch the pottery bit, i want to feel like me again"
        return more[0].strip()
    named = [w for w in typed[cue[0][1] :] if w not in word_list("take_back", "parts")]
    named = [w for w in named if w not in _ignored_for_choice() | {"about", "om", "med", "af"}]
    if not named:
        return None
    parts = re.split(rf"{_CLAUSE_MARKS.pattern}|\s(?:and|og)\s", earlier)
    clauses = [clause for clause in parts if words(clause)]
    kept = [c.strip() for c in clauses if not _shares(named, c)]
    return ", ".join(kept) if 0 < len(kept) < len(clauses) else None


MISSED_WORD = 4
"""A word named as left out of the goal has at least this many letters ("part-time")."""


def left_out(text: str, earlier: str, kept: str) -> str | None:
    """The sentence of their first words that `text` says was left out of the goal kept
    from them: "not quite. the part-time bit is really important to me" names "part-time",
    which was in what they said and not in what was kept. None when `text` says what they
    want (a goal of its own) or names nothing left out.

    >>> left_out("not quite, the part-time bit matters", "go back to uni, part-time. "
    ...          "I had to stop last year", "go back to uni")
    'go back to uni, part-time'

    Their own words picked out of what they first said ("cut down the gin") are the goal
    they chose, not a part missed: None.
    """
    typed = [word.text for word in words(text)]
    if phrase_list("hedges", "wish").find(typed):
        return None
    if not phrase_list("left_out", "cues", stems=True).find(typed):
        return None  # no part named: their goal, said again whole
    if _picked_out(correction_words(text), earlier):
        return None
    ignored = set(word_list("left_out", "ignore"))
    named = [w.text for w in words(text) if len(w.text) >= MISSED_WORD and w.text not in ignored]
    missed = [w for w in named if _shares([w], earlier) and not _shares([w], kept)]
    if not missed:
        return None
    sentences = [s.strip() for s in re.split(r"[.!?\n]+", earlier) if words(s)]
    return next((s for s in sentences if _shares(missed, s)), None)


PICKED_OUT_WORDS = 3
"""A correction this many words long or longer, found word for word in what they first
said, picks out their goal ("cut down the gin"); shorter ones name a part ("part-time")."""


def _picked_out(text: str, earlier: str) -> bool:
    said = [word.text for word in words(text)]
    first = [word.text for word in words(earlier)]
    if len(said) < PICKED_OUT_WORDS:
        return False
    return any(first[at : at + len(said)] == said for at in range(len(first) - len(said) + 1))


def _shares(named: Sequence[str], clause: str) -> bool:
    """A clause holds a named word, or a form of it ("drinking" for "drink")."""
    return any(same_word(n, w.text, language, stems=True, typos=False)
               for n in named for w in words(clause) for language in LANGUAGES)  # fmt: skip


def changes_mind(text: str) -> bool:
    """The text says a change of mind ("actually", "scrap that", "nej vent"); "a pot of tea
    instead of a glass" does not (Jean's step lost its first half to its last clause)."""
    typed = [word.text for word in words(text)]
    comparing = word_list("change_of_mind", "comparing")
    return any(
        end == len(typed) or typed[end] not in comparing
        for _, end, _ in phrase_list("change_of_mind", "cues").find(typed)
    )


def change_of_mind(text: str) -> str | None:
    """At the step, a change of mind said with a cue ("actually", "i stedet"): what they
    mean now, out of the last clause without the cue words; None without a cue.

    >>> change_of_mind("actually no, cant face it, ill go to the library instead")
    'ill go to the library'
    """
    cues = phrase_list("change_of_mind", "cues")
    if not changes_mind(text):
        return None
    last = next((c for c in reversed(re.split(r"[,.;:!?\n]", text)) if words(c)), "")
    found = words(last)
    typed = [word.text for word in found]
    used = {at for start, end, _ in cues.find(typed) for at in range(start, end)}
    openers = word_list("change_of_mind", "openers")
    start, end = 0, len(found)
    while start < end and (start in used or typed[start] in openers):
        start += 1
    while end > start and (end - 1 in used or typed[end - 1] in openers):
        end -= 1
    return last[found[start].start : found[end - 1].end] if start < end else None


@dataclass(frozen=True)
class OneOf:
    """For questions that only buttons can answer: the value of a choice, or a kind no."""

    values: tuple[str, ...]

    def pick(self, text: str) -> str:
        """A value as pressed, or typed in any case ("/export JSON")."""
        value = text.strip().casefold()
        if value not in self.values:
            raise InvalidAnswerError("invalid.pick")
        return value


def own_answer_words(published: str) -> tuple[str, ...]:
    """Everyday words for a published answer, by its English wording ("never" for "At
    no time"), from both languages' `[own_answers]`."""
    return tuple(w for table in tables().values() for w in table["own_answers"].get(published, ()))


def level_said(level: int) -> tuple[str, ...]:
    """Words that name a Goal Attainment level ("a bit better", "lidt bedre" for +1)."""
    return tuple(w for table in tables().values() for w in table["level_words"][str(level)])


def closest(text: str, said_as: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """The choices an answer in words names: one, or the two that fit equally, or ().

    `said_as` gives, for each choice's value in the order offered, the words that name
    it (its label in both languages, everyday words), found in the text longest first
    ("Some of the time, I'd say. When Isla's round", "aldrig"; "lidt mindre end
    halvdelen" is less than half, not "lidt"); a number in it is a place in the list
    ("3 ish"). When two choices are named ("3 ish men lidt bedre", "sometimes, maybe
    more than half"), both are returned, to be asked between; more than two is no answer.

    >>> closest("aldrig", {"5": ["Hele tiden", "always"], "0": ["På intet tidspunkt", "aldrig"]})
    ('0',)
    """
    values = list(said_as)
    every = [
        phrase(said, language, value)
        for value, texts in said_as.items()
        for said in texts
        for language in LANGUAGES
        if words(said)
    ]
    meanings: dict[tuple[str, ...], set[str]] = {}
    for found in every:  # "about half" names both halves
        meanings.setdefault(found.words, set()).add(found.meaning)
    table = Phrases(every)
    typed = [word.text for word in words(text)]
    unsure = {
        at
        for s, e, _ in phrase_list("own_answers_cues", "unsure").find(typed)
        for at in range(s, e)
    }  # "jeg ved ik, halvdelen?": the "ik" turns nothing round
    negations = {
        at
        for at, word in enumerate(typed)
        if word in word_list("own_answers_cues", "not") and at not in unsure
    }
    said = {
        meaning
        for start, _, found in table.find(typed)
        if not negations & set(range(max(0, start - _NOT_BEFORE), start))
        for meaning in meanings[found.words]
    }  # "not very often" is not "often"
    named = [value for value in values if value in said]
    clock = word_list("time", "clock_cues")  # "på arbejde kl 5" is a time, not answer 5
    places = [
        int(word)
        for at, word in enumerate(typed)
        if word.isdecimal() and len(word) <= 2 and not (at and typed[at - 1] in clock)
    ]
    if len(places) == 1 and 1 <= places[0] <= len(values):
        named = list(dict.fromkeys([values[places[0] - 1], *named]))
    return tuple(named) if len(named) <= 2 else ()
