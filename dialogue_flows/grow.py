"""The GROW conversation: Goal, Reality, Options, Way forward.

Each question keeps the person's answer in their goal as they give it, so leaving at
any point loses nothing. The coaching choices live in the transitions table: the goal
comes first, in their words, and the life area is suggested from it; a vague goal gets
one gentle question to make it concrete; why it matters is asked once; Reality and
Options each end with a summary in the person's own key phrases ("Have I got that
right?"); after a confidence rating, "what makes it a 6 and not a 0?"; below 5 the step
may be made smaller, never with blame. One plain sentence per question finishes it in
13 turns.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dialogue_flows import answers, listening, weekly
from dialogue_flows.flow import Ending, Flow, Question, Saver, Work, answer_is
from dialogue_flows.moves import Move, leading, only_fillers, read_move, split_move, without_said
from dialogue_flows.records import Goal, LifeArea, Step
from dialogue_flows.types import Choice, Lazy, Maker, Msg, Param
from dialogue_flows.words import sentences, words

CONFIDENT_ENOUGH = 5
MAX_OPTIONS = 10
GOAL_CHARS = 60
"""The goal quoted inside a question is its first clause; the plan shows it whole."""
REFLECT_CHARS = 120
"""How much of an answer is quoted back; the whole answer is always kept."""

AREA_CHOICES = tuple(Choice(area.value, Msg(f"area.{area.value}")) for area in LifeArea)
KEEP_STEP_CHOICES = (Choice("keep", Msg("choice.keep_step")),)
RIGHT_CHOICES = (Choice("yes", Msg("choice.right")), Choice("not_quite", Msg("choice.not_quite")))
AGREE = {"yes": "yes", "no": "not_quite", "thats_all": "yes", "correction": "not_quite"}
"""Yes or no to "Have I got that right?", said in words ("yeah that's it" is yes)."""
SUMMARY = {**AGREE, "skip": "yes"}
"""A summary skipped ("can we skip this") stands as said: the words in it are theirs."""
KEEPS = {"keep": "keep", "yes": "keep", "no": "keep"}
KEEP_AS_STEP = {"keep": "keep"}
""" "Keep it" when asked for a step: the idea (or the step they had) is the step."""
SPLITS = {"several": "split"}
""" "That's 2 things" at the options parts the idea kept as one."""
BUSY_SAID = frozenset({"busy"})
""" "Busy" where being busy answers the question ("what gets in the way?")."""
SCALE_CHOICES = tuple(Choice(str(n), Msg("choice.number", {"number": n})) for n in range(11))

_VAGUE_WORDS = {
    # English
    "better", "happier", "happy", "healthier", "more", "less", "ok", "okay", "fine",
    "normal", "good", "sort", "stuff", "things", "life", "change", "improve",
    # Danish
    "bedre", "glad", "gladere", "sundere", "mere", "mindre", "godt", "ting",
    "livet", "ændre", "forbedre",
}  # fmt: skip


_WISH = re.compile(
    r"^(i\s+(really\s+)?(want|wanna|need|would\s+like|'d\s+like|wish|hope)(\s+to)?"
    r"|jeg\s+(vil|ville|gerne|vil\s+gerne|ønsker|håber|skal)(\s+at)?)\s+",
    re.IGNORECASE,
)


def is_vague(goal: str) -> bool:
    """A goal of one or two words, or a short wish to be "better", can be made concrete.

    "I want to" and its kin are set aside first: they say it is a goal, not what it is.
    """
    words = re.findall(r"\w+", _WISH.sub("", goal.casefold().replace("\u2019", "'")))
    return len(words) < 3 or (len(words) <= 6 and any(word in _VAGUE_WORDS for word in words))


RESTATING = frozenset({Move.GOAL_IS, Move.CORRECTION})
"""The moves that open the goal said again at a later question (`locale/moves.*.toml`):
"goal is get me own flat", "målet er …", or a protest at the goal quoted ("nah i didnt
say that. get me own flat", "that's not what i said", "det har jeg ikke sagt")."""

GOAL_SAID = ("goal", "goal_early", "goal_check", "goal_fix", "goal_again")
"""The questions whose answer is the goal, said or put right."""

CHECKS_ITSELF = ("goal", "goal_check", "goal_fix", "goal_again", "reality_summary", "reality_fix",
                 "reality_again", "options_summary", "options_fix", "step_check")  # fmt: skip
"""Questions that read a correction of their own: the goal is not restated at them."""


def restated_goal(text: str) -> str | None:
    """The goal in a message that restates it; "" when it only says the goal quoted is
    wrong ("i didnt say that"); None when the message does neither.

    >>> restated_goal("goal is get me own flat"), restated_goal("nah i didnt say that. own flat")
    ('get me own flat', 'own flat')
    >>> restated_goal("i didnt say that!"), restated_goal("my mum says the goal is big") is None
    ('', True)
    >>> restated_goal("du hørte ikke hvad jeg skrev. jeg vil gerne skifte mål til at sove bedre")
    'at sove bedre'
    """
    found = leading(text, RESTATING)
    if (found is not None or _GOAL_WORD.search(text)) and answers.written_as(text):
        return answers.written_as(text)  # 'the goal still says…, can it just say "…"'
    if found is None:  # "…glem det med dagplejer. mit mål er at sove bedre": a later sentence
        later = _goal_said_later(text)
        found = (Move.GOAL_IS, later) if later else None
    if found is None or (found[0] is Move.GOAL_IS and not found[1]):
        return None
    return _SAID_LEAD.sub("", without_said(found[1])).strip(" .!")  # "…, i said weeknights only"


def names_goal(text: str) -> bool:
    """The message says it is about the goal ("my goal is…", "målet skal være…"), not only
    that something was wrong: then a protest at any question restates the goal."""
    return bool(leading(text, _GOAL_IS) or _GOAL_WORD.search(text) or _goal_said_later(text))


_GOAL_IS = frozenset({Move.GOAL_IS})
_SAID_LEAD = re.compile(r"^(?:i |jeg )?(?:said|meant|wrote|sagde|mente|skrev) ", re.IGNORECASE)


def _goal_said_later(text: str) -> str | None:
    """The goal opened in a sentence after the first ("not quite. sounds odd. write that
    i want to get back to work"): the last such sentence, without its opening words."""
    later = (leading(part.strip(), _GOAL_IS) for part in reversed(sentences(text)[1:]))
    return next((said[1] for said in later if said is not None and said[1]), None)


_GOAL_WORD = re.compile(r"\b(goal|m[aå]+let|mit m[aå]+l)\b", re.IGNORECASE)


def shorten(text: str, limit: int = REFLECT_CHARS, *, stretch: bool = True) -> str:
    """Their words, cut for quoting at a sentence or clause end, never mid-word."""
    return answers.key_phrase(text, limit, stretch=stretch)


RETRACTED = "retract"
""" "Scratch that, I don't know what I want" to the goal said back: asked again gently."""


class GrowWork(Work):
    """The conditions and callbacks the GROW transitions name."""

    def goal_is_vague(self) -> bool:
        """Vague as kept and as said: a short form of a long answer has its context."""
        goal = self.goal
        return goal is not None and is_vague(goal.text) and is_vague(goal.first_words or "")

    def said_two_goals(self) -> bool:
        """Two goals of two life areas said in one breath: which comes first is asked."""
        return two_goals(self) is not None

    def area_suggested(self) -> bool:
        return suggested_area(self) is not None

    def full_of_options(self) -> bool:
        return self.goal is not None and len(self.goal.options) >= MAX_OPTIONS

    def no_options(self) -> bool:
        """Every idea taken out of the list: back to finding some."""
        return self.goal is not None and not self.goal.options

    def option_picked(self) -> bool:
        """An idea chosen by its place ("1", "the first one") where ideas were asked for."""
        goal = self.goal
        return (
            goal is not None
            and isinstance(self.answer, str)
            and answers.by_place(self.answer, len(goal.options)) is not None
        )

    def picked_early(self) -> bool:
        """The idea that appeals most was said with the ideas: "which?" is not asked."""
        goal = self.goal
        return goal is not None and goal.chosen_option in goal.options

    def why_given(self) -> bool:
        """Why the goal matters was said with it: the question is not asked again."""
        return self.goal is not None and self.goal.why is not None

    def has_one_option(self) -> bool:
        return self.goal is not None and len(self.goal.options) == 1

    def choose_only_option(self) -> None:
        goal = self.goal
        if goal is not None:
            self.update_goal(chosen_option=goal.options[0])

    def turned_down(self) -> bool:
        """ "None of them" to the options, with no new idea: back to finding some."""
        return isinstance(self.answer, str) and answers.none_of_them(self.answer) == ""

    def new_ideas(self) -> bool:
        """ "None of them. Ideas: ..." to the options: they are added, and asked again."""
        return isinstance(self.answer, str) and bool(answers.none_of_them(self.answer))

    def has_step(self) -> bool:
        """A step was kept (not a change of mind to another option)."""
        return self.goal is not None and self.goal.current_step is not None

    def when_given(self) -> bool:
        """The step was said with its day or time: "when?" is not asked."""
        step = self.goal.current_step if self.goal else None
        return step is not None and step.when is not None

    def confident(self) -> bool:
        return isinstance(self.answer, Rating) and self.answer.number >= CONFIDENT_ENOUGH

    def reasoned(self) -> bool:
        """The rating came with what makes it so: that is not asked again."""
        return isinstance(self.answer, Rating) and self.answer.reason is not None

    def zero(self) -> bool:
        """At 0 there is nothing to ask "and not a 0" about: the step is made smaller."""
        return isinstance(self.answer, Rating) and self.answer.number == 0

    def low(self) -> bool:
        step = self.goal.current_step if self.goal else None
        return step is not None and (step.confidence or 0) < CONFIDENT_ENOUGH

    def corrected(self) -> bool:
        """Their own words put a summary right: it is shown again, with them."""
        return isinstance(self.answer, str) and self.answer not in ("yes", "not_quite")

    def ideas_early(self) -> bool:
        """Ideas said at the Reality summary: they are the options, to be checked."""
        return self.goal is not None and bool(self.goal.options)

    def goal_hedged(self) -> bool:
        """Hedges were left out of the goal: it is said back, to be put right."""
        return self.goal is not None and self.goal.first_words is not None

    def not_this_area(self) -> bool:
        """No to the area offered, or words that named no area: the areas are shown."""
        return self.answer == "no" or bool(self.draft.get(AREA_OPEN))

    def split_asked(self) -> bool:
        return bool(self.answer == SPLIT)

    def new_idea_step(self) -> bool:
        """The step was a new idea, not one of their options: it is said back first."""
        return NEW_IDEA in self.draft

    right = answer_is("yes")
    retracted = answer_is(RETRACTED)
    not_quite = answer_is("not_quite")
    keeps_step = answer_is("keep")


def save_goal(work: Work, answer: Any) -> None:
    """The goal in their words; hedges around it ("i guess maybe… or something idk",
    "altså jeg ved ikke helt…") and what they add as background ("…, used 2 be a
    labourer") are left out of it, and their first words kept beside it, to be said
    back and checked. Why it matters, said with it ("…, because…", "…, fordi…"), is
    kept as their why: it is said back, not asked again."""
    if answers.only_a_number(answer):  # "5": a number is not a goal (asked kindly)
        raise answers.InvalidAnswerError("invalid.bare_number", {"number": answer.strip()})
    if weekly.named_place(answer.strip(" .!")):  # "aalborg": where they live, not a goal
        raise answers.InvalidAnswerError("invalid.goal_place", {"place": answer.strip(" .!")})
    number = max(work.goals, default=0) + 1
    work.draft["goal"] = number
    text = answers.core(answers.without_doubt(answers.restated(answer)))
    text = answers.restated(text)  # "Jeg er sygemeldt. Målet er at komme…": the lead too
    work.put_goal(
        Goal(
            person_id=work.person_id,
            number=number,
            area=LifeArea.OTHER,
            text=text,
            first_words=answer if text != answer else None,
            why=answers.reason_in(answer),  # "…, because it was the one place i felt…"
            created_at=work.now,
            updated_at=work.now,
        )
    )


EARLY_GOAL = "early_goal"
"""A goal said with the name (`onboarding.passes_goal`): offered to keep, never asked again."""
KEEP_EARLY = (Choice("yes", Msg("choice.keep_goal")),)


def goal_entry(work: Work) -> str:
    return "goal_early" if work.draft.get(EARLY_GOAL) else "goal"


def save_early_goal(work: Work, answer: Any) -> None:
    """Yes keeps the goal said with the name; other words are the goal, as at "goal"."""
    early = work.draft.pop(EARLY_GOAL, None)
    if answer == "yes" and early:
        save_goal(work, early)
    else:  # "nej mere at komme ud af huset": the goal put another way, without the no
        lead, rest = split_move(answer) if isinstance(answer, str) else (None, "")
        save_goal(work, rest if lead is Move.NO and rest else answer)


def put_goal_right(work: Work, answer: Any) -> None:
    """Their own words for the goal, said when it was read back to them ("no, get a
    proper job" is "get a proper job"); a part taken back ("scratch the drinking bit")
    leaves the rest of what they said. Taking it all back keeps the goal as it was
    until they say another (`goal_again`)."""
    goal = work.goal
    if goal is None or not isinstance(answer, str) or answer in ("yes", "not_quite", RETRACTED):
        return
    said = answers.taken_back(answer, goal.first_words or goal.text)
    missed = answers.left_out(answer, goal.first_words or "", goal.text)
    written = (
        answers.written_as(answer) or _goal_said_later(answer) or answers.written_that(answer)
    )
    if said is None and written:  # "ikke helt. det lyder mærkeligt. skriv at æ vil …"
        said = answers.core(written)
    elif said is None and missed and answers.written_as(answer) is None:  # "the … bit matters"
        said = answers.core(missed, background=False)
        if goal.text not in said:  # "get back to wrk" and "joinery or a colege course"
            said = f"{goal.text}: {said}"
    else:
        said = answers.core(
            answers.restated(_after_goal_is(answers.correction_words(answer)))
            if said is None
            else said
        )
    work.update_goal(text=said)
    work.said_back.append(Msg("grow.goal_changed", {"said": quoted(said)}))


def _after_goal_is(text: str) -> str:
    """ "goal is sleep better" put right is "sleep better" (a tester's goal read "goal is…")."""
    found = leading(text, _GOAL_IS)
    return found[1] if found is not None and found[1] else text


OTHER_GOAL = "other_goal"
"""The draft's note of the second of two goals said at once, named again at the plan."""
BOTH = "both"


def two_goals(work: Work) -> tuple[str, str] | None:
    """Two goals said in one breath, without the "i want to" that opened both."""
    parts = answers.two_goals(work.goal.text) if work.goal else None
    if parts is None:
        return None
    first, second = (answers.unhedged(part) for part in parts)
    return _WISH.sub("", first) or first, second


def goal_parts(work: Work) -> tuple[Choice, ...]:
    """The two goals said in one breath, and both kept together."""
    parts = two_goals(work)
    return (
        *(Choice(f"#{i}", Msg("choice.own_words", {"text": shorten(part, 60, stretch=False)}))
          for i, part in enumerate(parts or ())),
        Choice(BOTH, Msg("choice.both_goals")),
    )  # fmt: skip


def read_goal_part(text: str) -> str:
    """One of the two goals, or both: words that name neither are asked about again
    (testers: "the flat first i think. cannae have them back…" was let through, and
    both goals stayed as one)."""
    if text in ("#0", "#1", BOTH):
        return text
    raise answers.InvalidAnswerError("invalid.goal_which")


def save_goal_part(work: Work, answer: Any) -> None:
    """The goal they start with, of two said at once ("cut down the drink and get back to
    work"); the other is named again when the plan is made, for /newgoal. Their whole
    sentence stays beside the goal (`first_words`), so nothing they said is lost."""
    goal, parts = work.goal, two_goals(work)
    if goal is None or parts is None or answer not in ("#0", "#1"):
        return
    start, other = parts if answer == "#0" else parts[::-1]
    work.draft[OTHER_GOAL] = other
    work.update_goal(text=start, first_words=goal.first_words or goal.text)
    work.said_back.append(Msg("grow.goal_other_later", {"other": quoted(other)}))


def suggested_area(work: Work) -> str | None:
    """The life area the goal's words seem to belong to, offered for them to confirm;
    the reason said with it is left out ("komme i arbejde så jeg kan forsørge min søn"
    is about work, not family)."""
    goal = work.goal
    if goal is None:
        return None
    said = goal.text.replace(goal.why, " ") if goal.why else goal.text
    return answers.suggest_area(said, denials=False)


def area_offer(work: Work) -> tuple[Choice, ...]:
    """Yes to the area suggested, or one of the others: the suggested one is not offered
    twice ("1) Yes" beside "4) Purpose")."""
    suggested = suggested_area(work)
    others = (choice for choice in AREA_CHOICES if choice.value != suggested)
    return (Choice("yes", Msg("choice.yes_area")), *others)


AREA_OPEN = "area_open"
"""The draft's note that their words at the suggested area named no area: it is asked."""


def save_area(work: Work, answer: Any) -> None:
    """A life area by button or label, "yes" to the one suggested, or their own words."""
    asked_again = work.draft.pop(AREA_OPEN, False)
    if answer == "no":
        return
    known = {area.value for area in LifeArea}
    if isinstance(answer, str) and _goal_put_fully(work, answer):
        offered = suggested_area(work)
        save_concrete_goal(work, answer)  # "Home", then "find a flat of my own within a year"
        answer = answers.suggest_area(answer, denials=False) or offered or LifeArea.OTHER.value
        work.said_back.append(Msg("grow.area_heard", {"area": Msg(f"area.{answer}")}))
    if answer not in known and answer != "yes" and isinstance(answer, str):
        answer = _area_in_words(work, answer)
        if answer is None and not asked_again and work.state == "area_suggested":
            work.draft[AREA_OPEN] = True
            return
        if answer is None:
            raise answers.InvalidAnswerError("invalid.area")
        if answer in known:  # read from a sentence: said back, to be put right if need be
            work.said_back.append(Msg("grow.area_heard", {"area": Msg(f"area.{answer}")}))
    if answer == "yes":
        answer = suggested_area(work) or LifeArea.OTHER.value
    own = None if answer in known else answer
    work.update_goal(area=LifeArea(answer if own is None else LifeArea.OTHER), area_own_words=own)
    why = work.goal.why if work.goal else None
    if why:  # said with the goal: heard, and not asked (`why_given`)
        work.said_back.append(Msg("grow.why_heard", {"why": quoted(why)}))


OWN_AREA_WORDS = 4
"""Up to this many words at the area question are their own name for the area."""


def _goal_put_fully(work: Work, text: str) -> bool:
    """A goal of a word or two, and at its area a sentence that is neither yes nor no:
    they are saying what they want, and it is their goal (it was dropped for the area)."""
    goal = work.goal
    return (
        work.state == "area_suggested"
        and goal is not None
        and is_vague(goal.text)
        and len(text.split()) > OWN_AREA_WORDS
        and answers.yes_or_no_said(text) is None
        and not is_vague(text)
        and not _names_both(text)  # "bit of both ngl. allotment first i think"
    )


def _names_both(text: str) -> bool:
    """Words at the area question that say more than one area ("bit of both", "begge")."""
    typed = [word.text for word in words(text)]
    return bool(answers.phrase_list("area_talk", "both").find(typed))


def _area_in_words(work: Work, text: str) -> str | None:
    """A sentence at the area question: "ja mest det med min søn" is yes to the area
    offered; "nej ikke helt, jeg mente mere det med arbejdet" names another one (its
    words are read again for the area), and so does one word ("Home", also the
    suggested area, which has no button of its own). A few words ("my music") are
    their own name for it; of several named, the first ("nok mening, eller helbred"); a
    sentence that names none gives None: the area is asked."""
    if only_fillers(text):  # "lol" was kept as the area's name
        return None
    said = answers.yes_or_no_said(text)
    agreed = said == "yes"
    named = answers.suggest_area(text)
    if said == "no" and named is not None and named == suggested_area(work):
        return None  # "nej bro jeg spurgte hvad meningen er": no to it, whatever it names
    if agreed and (named is None or named == suggested_area(work)):
        return "yes" if suggested_area(work) is not None else named
    if named is not None and named == suggested_area(work) and len(text.split()) == 1:
        return "yes"  # "Fællesskab" to "…it's about people and belonging?"
    plain = len(text.split()) <= OWN_AREA_WORDS and not re.search(r"[,.;:!?]", text)
    if plain and (named is None or len(text.split()) > 1) and answers.without_hedges(text) == text:
        return text  # "my music": their own name for it
    long = len(text.split()) > AREA_SENTENCE_WORDS and said is None
    if long and named != suggested_area(work) and not _talks_of_areas(text):
        return None  # "Jim would not have wanted me sitting in the house…" is not Home
    return named or answers.first_area(text)


AREA_SENTENCE_WORDS = 8
"""A longer answer at the area question, neither yes nor no, names another area than the
one offered only when it talks of areas (`[area_talk] named`): a widow's "Jim would not
have wanted me sitting in the house with a bottle every night" was filed under Home."""


def _talks_of_areas(text: str) -> bool:
    typed = [word.text for word in words(text)]
    return bool(answers.phrase_list("area_talk", "named").find(typed))


def save_concrete_goal(work: Work, answer: Any) -> None:
    """What they would be doing, after the goal as they put it ("get out the house more:
    going shop or a walk"; in its place when the goal was a word or two: "feel better"), without
    "så ville jeg" / "i'd be" or "dunno" before it, and said back: a tester's agreed goal
    had been silently replaced by her picture of it. A reason instead ("because my
    daughter worries" became the goal) is why it matters."""
    goal = work.goal
    if goal is not None and isinstance(answer, str) and answers.only_a_reason(answer):
        work.update_goal(why=answer)
        work.said_back.append(Msg("grow.why_heard", {"why": quoted(answer)}))
        return
    if goal is None or not isinstance(answer, str):
        return
    pictured = answers.unhedged(answers.without_lead_in(answer, "goal_pictured"))
    pictured = sentences(pictured)[0].strip(" .!")
    if not pictured or pictured.casefold() in goal.text.casefold():
        return
    few = len(re.findall(r"\w+", goal.text)) < VAGUE_WORDS_FEW  # "Home", "feel better"
    kept = few or goal.text.casefold() in pictured.casefold()
    said = pictured if kept else f"{goal.text}: {pictured}"
    work.update_goal(first_words=goal.first_words or goal.text, text=said)
    if not kept:  # their goal grew: said, so they can put it right
        work.said_back.append(Msg("grow.goal_changed", {"said": quoted(said)}))


VAGUE_WORDS_FEW = 3
"""A goal of fewer words is replaced by what they picture; a longer one keeps its words."""


def said_goal(work: Work) -> str | None:
    """ "I already said" at the goal's follow-up: the goal as they first put it."""
    return work.goal.text if work.goal else None


def said_so_far(work: Work) -> str | None:
    """ "I just said" in Reality: what they have told me so far, in their words."""
    goal = work.goal
    if goal is None:
        return None
    said = [goal.reality_now, goal.reality_works, goal.obstacles]
    return ", ".join(quoted(text) for text in said if text) or quoted(goal.text)


def keep(field: str, in_step: bool = False) -> Saver:
    """A saver that stores the answer in one field of the goal, or of its current step."""

    def save(work: Work, answer: Any) -> None:
        update = work.update_step if in_step else work.update_goal
        update(**{field: answer})

    return save


def save_why(work: Work, answer: Any) -> None:
    """Why the goal matters, in their words; a number alone ("bout a 3 maybe", a rating
    said a question early) is no reason: asked kindly, never kept on the plan."""
    if isinstance(answer, str) and answers.only_a_number(answer):
        raise answers.InvalidAnswerError("invalid.bare_number", {"number": answer.strip()})
    work.update_goal(why=answer)


def why_kept(text: str, value: Any) -> tuple[Msg, ...]:
    """Why the goal matters, said back at once and kept with the goal: a tester's reason
    went by without a word. The words are neutral, since a reason may be a hard one
    ("evenings r borin n i get low"); a feeling in it is heard instead
    (`listening.acknowledge`)."""
    if not isinstance(value, str) or not value.strip() or answers.feeling(text):
        return ()
    return (Msg("grow.why_kept", {"why": quoted(value)}),)


REALITY_PARTS = ("reality_now", "reality_works", "obstacles")
RESTATED = 0.5
"""Words at a summary that say this share of a part again put that part right."""


def put_right(work: Work, answer: Any) -> None:
    """A correction to the Reality summary takes the place of what it corrects, and is
    said back ("I've changed where you are now to …"): never replaced in silence.

    The part is the one the correction names ("det er ikke hvor jeg står, …") or the one
    it shares most words with ("it's not everyone knowing, it's me feeling like a
    fraud" replaces what gets in the way); when no part is clearly meant, the words are
    kept as what they put right, in place of any earlier correction.
    """
    goal = work.goal
    if goal is None or answer in ("yes", "not_quite") or answer is listening.SKIP:
        return
    several = answers.parts_said(answer)
    if several:  # "in the way is smoking… support only my wife…": each part its own words
        work.update_goal(**several)
        work.said_back.extend(
            Msg("grow.changed" if not at else "grow.changed_too",
                {"part": Msg(f"grow.part.{name}"), "said": quoted(said)})
            for at, (name, said) in enumerate(several.items())
        )  # fmt: skip
        return
    parts = {name: getattr(goal, name) for name in REALITY_PARTS}
    restated = answers.part_restated(answer)  # "hvor æ står er: sygemeldt siden august…"
    named = restated[0] if restated else answers.part_named(answer)
    part = named or answers.part_corrected(answer, parts)
    said = restated[1] if restated else answers.correction_words(answer)
    if part is None:
        _add(work, said)
        return
    # A part named is said anew ("Det der støtter mig, er gåturene…" had replaced one
    # sentence out of sight, and Birgitte was told it was changed); else that sentence.
    work.update_goal(**{part: said if named else answers.put_in_place(parts[part] or "", said)})
    heard = Msg(f"grow.part.{part}")
    work.said_back.append(Msg("grow.changed", {"part": heard, "said": quoted(said)}))


EARLIER_PARTS = ("why", *REALITY_PARTS)
"""Parts of a goal kept before, which a later correction may say anew by name."""


def earlier_part_said(work: Work, text: str) -> tuple[str, str] | None:
    """A part kept earlier, said anew by its name in a message that says something was
    wrong ("Hang on, that's not quite what I said. That was me asking you a question, not
    my reason. My reason was the bit about being tired…"): the part and its new words.
    None when the message puts nothing right, or names no part already kept."""
    goal = work.goal
    if goal is None or not any(read_move(said) is Move.CORRECTION or
                               split_move(said)[0] is Move.CORRECTION
                               for said in sentences(text)):  # fmt: skip
        return None
    restated = answers.part_restated(text)
    if restated is None or restated[0] not in EARLIER_PARTS or not getattr(goal, restated[0]):
        return None
    return restated


def check_reality(work: Work, answer: Any) -> None:
    """ "Have I got that right?": yes; a correction (`put_right`); ideas said instead
    ("jeg ved ikke. måske skrive en sms…") are yes, and kept as their ideas, said back;
    anything else is kept beside the summary as what they added, and shown."""
    goal = work.goal
    if goal is None or not isinstance(answer, str) or answer in ("yes", "not_quite"):
        return
    correcting = answers.is_correction(answer)
    ideas = () if correcting else answers.ideas_said(answer)
    if ideas:
        work.update_goal(options=ideas[:MAX_OPTIONS])
        work.said_back.append(Msg("grow.ideas_early"))
        return
    parts = (getattr(goal, name) or "" for name in REALITY_PARTS)
    restating = any(answers.echo(answer, part) >= RESTATED for part in parts)
    if correcting or restating or answers.part_named(answer) or answers.parts_said(answer):
        put_right(work, answer)
        return
    # More said with no word of anything wrong ("ask jean to pick me up" took the place of
    # "my friend jean still goes"): kept beside what they said, never in its place.
    _add(work, answers.correction_words(answer))


def _add(work: Work, said: str) -> None:
    """Words kept beside the summary, in place of any earlier ones, and said back."""
    work.update_goal(reality_correction=said)
    work.said_back.append(Msg("grow.added", {"said": quoted(said)}))


SPLIT = "split"
"""The answer "that's 2 things" gives at the options: the idea kept as one is parted."""


def split_ideas(work: Work) -> None:
    """ "nah thats 2 things": the last idea that parts into several is parted, in place."""
    goal = work.goal
    if goal is None:
        return
    for at in reversed(range(len(goal.options))):
        parts = answers.split_apart(goal.options[at])
        if len(parts) > 1:
            options = (*goal.options[:at], *parts, *goal.options[at + 1 :])
            work.update_goal(options=options[:MAX_OPTIONS])
            return
    raise answers.InvalidAnswerError("invalid.cannot_split")


def add_options(work: Work, answer: Any) -> None:
    """New ideas are added; "drop the second one", "change 2 to ..." or the list said
    again put the list right instead (`answers.edit_ideas`); "that's 2 things" parts
    the idea that was kept as one."""
    goal = work.goal
    if answer == SPLIT:
        split_ideas(work)
        return
    if goal is None or not isinstance(answer, str) or answer in ("yes", "not_quite"):
        return
    if answers.asks_for_new_list(answer):  # "skriv listen forfra": asked for again
        work.update_goal(options=(), chosen_option=None)
        work.said_back.append(Msg("grow.options_anew"))
        return
    picked = answers.by_place(answer, len(goal.options))
    if picked is not None:  # "1", "nummer 2", "the first one": that idea is chosen
        work.update_goal(chosen_option=goal.options[picked])
        return
    if answers.only_a_number(answer):
        raise answers.InvalidAnswerError("invalid.bare_number", {"number": answer.strip()})
    lead, rest = split_move(answer)  # "nej, fjern den": the edit after the no
    missed = answers.after_adding_cue(answer) != answer  # "du mangler den med at ringe…"
    plain = rest if lead in (Move.NO, Move.YES) and rest else answer  # "yeah but bin the…"
    edited = None if missed else answers.edit_ideas(plain, goal.options)
    if edited is not None:
        work.update_goal(options=edited[:MAX_OPTIONS])
        return
    # "idk. måske spørge vejlederen…", "you missed one: …": the ideas only
    ideas_said = (
        rest  # "like i said before, …"
        if lead in (Move.DONT_KNOW, Move.ALREADY_SAID, Move.DOUBT) and rest
        else answers.after_adding_cue(rest if lead is Move.NO and rest else answer)
    )  # "not quite. also put my phone somewhere else": without the "not quite"
    said, pick = answers.ideas_and_pick(ideas_said)
    # "ok måske skrive en sms…", "…hendes mor igen ved ik": the hedges are no part of it
    listed = tuple(answers.unhedged(idea, qualifiers=True) for idea in answers.several(said))
    ideas = [idea for idea in listed if idea not in goal.options]
    options = (*goal.options, *ideas)[:MAX_OPTIONS]
    chosen = listed[pick] if pick is not None else goal.chosen_option
    work.update_goal(options=options, chosen_option=chosen if chosen in options else None)


def option_choices(work: Work) -> tuple[Choice, ...]:
    options = work.goal.options if work.goal else ()
    return tuple(
        Choice(f"#{i}", Msg("choice.own_words", {"text": shorten(option, 60, stretch=False)}))
        for i, option in enumerate(options)
    )


def save_chosen_option(work: Work, answer: Any) -> None:
    """An option by button, number or words; "none of them" adds the ideas said with it."""
    goal = work.goal
    if goal is None:
        return
    if answer == SPLIT:
        split_ideas(work)
        return
    index = answer[1:] if isinstance(answer, str) and answer.startswith("#") else ""
    instead = answers.none_of_them(answer) if isinstance(answer, str) else None
    if index.isdigit() and int(index) < len(goal.options):
        work.update_goal(chosen_option=goal.options[int(index)])
    elif instead is not None:
        ideas = answers.several(instead) if instead else ()
        work.update_goal(options=(*goal.options, *ideas)[-MAX_OPTIONS:])
    elif answers.picks_several(answer, len(goal.options)) or answers.torn_between(
        answer, goal.options
    ):  # "2 og 4 tbh", "sophie i think but also the car": which first?
        raise answers.InvalidAnswerError("invalid.pick_one")
    else:
        work.update_goal(chosen_option=answer, options=(*goal.options, answer)[-MAX_OPTIONS:])


def save_step(work: Work, answer: Any) -> None:
    """Their step in their words; "keep it" ("behold det") keeps the idea, or the step
    they had, as the step: nobody's step reads "keep it"."""
    goal = work.goal
    if goal is not None:
        if answer == "keep":
            answer = goal.current_step.text if goal.current_step else goal.chosen_option
        if not answer:
            raise answers.InvalidAnswerError("invalid.empty")
        answer = answers.without_lead_in(answer, "step_said")  # "skridtet skal være: …"
        when = weekly.when_said(answer)
        step = Step(number=len(goal.steps) + 1, text=answer, when=when, created_at=work.now)
        work.update_goal(steps=(*goal.steps, step))
        if when is not None:  # "ring the gp thursday at 10": when is not asked again
            work.said_back.append(Msg("grow.when_heard", {"when": when}))


def save_when(work: Work, answer: Any) -> None:
    """When they will do the step: the words that say when ("ringe i morgen kl 10" is
    "i morgen kl 10"), or their answer as it is when no day or time is named in it."""
    said = weekly.when_said(answer) if isinstance(answer, str) else None
    if said is None and isinstance(answer, str) and weekly.named_place(answer.strip(" .!")):
        raise answers.InvalidAnswerError("invalid.when_place", {"place": answer.strip(" .!")})
    if said and isinstance(answer, str) and answer.lstrip().startswith(said):
        said = sentences(answer)[0].strip(" .!")  # "Tomorrow, straight after my dinner,
        # about half past twelve": all of it says when (only "Tomorrow" had been kept)
    work.update_step(when=said or answer)


NEW_IDEA = "new_idea"
"""The draft's note of a step that was a new idea: the option chosen before it."""


def save_first_step(work: Work, answer: Any) -> None:
    """The first step; or a change of mind to another of their options ("kan jeg tage
    mailen i stedet"): that option is chosen, and its first step is asked for. A change
    of mind to a new idea ("actually i'll go to the library") is their step, and an
    idea of theirs too: it is said back to be confirmed."""
    goal = work.goal
    if isinstance(answer, str) and answers.only_a_number(answer):  # "1" is nobody's step
        raise answers.InvalidAnswerError("invalid.bare_number", {"number": answer.strip()})
    if goal is not None and isinstance(answer, str):
        instead = answers.option_instead(answer, goal.options, goal.chosen_option)
        if instead is not None:
            work.update_goal(chosen_option=goal.options[instead])
            return
        lead, rest = split_move(answer)
        if lead in (Move.NO, Move.DONT_KNOW) and rest:  # "næ. ringe til jobcentret",
            answer = rest  # "dunno. just walk in n ask": the step after the no or dunno
        new = answers.change_of_mind(answer)
        if new is None and answers.changes_mind(answer):  # "scrap that": nothing new yet
            raise answers.InvalidAnswerError("invalid.step_instead")
        if new and answers.names_no_option(answer, goal.options):
            work.draft[NEW_IDEA] = goal.chosen_option
            options = (*goal.options, new)[-MAX_OPTIONS:]
            work.update_goal(options=options, chosen_option=new)
            answer = new
    save_step(work, answer)


def check_new_step(work: Work, answer: Any) -> None:
    """Yes keeps the new idea as the step; "not quite" takes the step back, to be asked
    again (the idea stays among theirs); their own words put it right."""
    goal = work.goal
    chosen_before = work.draft.pop(NEW_IDEA, None)
    if goal is None or goal.current_step is None or answer == "yes":
        return
    if answer == "not_quite":
        work.update_goal(steps=goal.steps[:-1], chosen_option=chosen_before)
    elif isinstance(answer, str):
        lead, rest = split_move(answer)  # "Not quite. The step is the pot of tea…": the
        if lead in (Move.NO, Move.CORRECTION) and rest:  # step, not the "not quite"
            answer = answers.step_put_right(rest) or rest
            work.update_goal(chosen_option=chosen_before)
        work.update_step(text=answer)


def save_smaller_step(work: Work, answer: Any) -> None:
    goal = work.goal
    if answer == "keep" or goal is None or goal.current_step is None:
        return
    step = goal.current_step
    moved = weekly.only_when(answer)
    if moved:  # "søndag i stedet": the same step on another day, not a step called "søndag"
        work.update_step(**moved_to(work, step, moved), confidence=None, confidence_reason=None)
        return
    if answers.changes_mind(answer) and not re.search(r"[,.;:!?]", answer):
        answer = answers.change_of_mind(answer) or answer  # "text her tomorrow instead"
    work.update_step(
        text=answer,
        when=weekly.when_said(answer) or step.when,  # "text her tomorrow instead"
        earlier_texts=(*step.earlier_texts, step.text),
        confidence=None,
        confidence_reason=None,
    )


@dataclass(frozen=True)
class Rating:
    """How sure they are of the step, and its day put right in the same breath ("7, but
    make it thursday not tuesday"), if they did."""

    number: int
    when: str | None = None
    reason: str | None = None
    """What makes it that sure, said with it ("A seven, because Maureen will knock for me"):
    kept, and "what makes it 7 and not 0?" not asked (Jean: "I've just told you, dear")."""


def read_rating(text: str) -> Rating:
    """The rating in the words, and a new day for the step said with it; a time alone
    ("tuesday at 7") is not a rating of 7."""
    rest, when = answers.when_put_right(text)
    said = weekly.when_said(rest)
    unrated = not re.search(r"\d", rest.replace(said or "", " "))
    if when is None and said is not None and unrated and not weekly.only_roughly(said):
        raise answers.InvalidAnswerError("invalid.scale_time", {"when": said})
    return Rating(answers.scale(rest), when, answers.reason_in(rest))


def save_rating(work: Work, answer: Any) -> None:
    """The rating, and the step's new day (said back, and put in the step's words where
    they named the old one)."""
    if not isinstance(answer, Rating):
        return
    changes: dict[str, Any] = {"confidence": answer.number}
    if answer.reason is not None:
        changes["confidence_reason"] = answer.reason
        work.said_back.append(Msg("grow.confidence_heard", {"confidence": answer.number}))
    step = work.goal.current_step if work.goal else None
    if answer.when is not None and step is not None:
        changes |= moved_to(work, step, answer.when)
    work.update_step(**changes)


def moved_to(work: Work, step: Step, when: str) -> dict[str, Any]:
    """The step's new day, said back, and put in the step's words where they named the
    old one ("text her tomorrow")."""
    work.said_back.append(Msg("grow.when_moved", {"when": when}))
    if step.when and step.when in step.text:
        return {"when": when, "text": step.text.replace(step.when, when)}
    return {"when": when}


def lowest_heard(text: str, value: Any) -> tuple[Msg, ...]:
    """Numbers for several parts ("a 7 to write it… 4, or 3 to send it"): the lowest was
    taken, and is said back."""
    number = value.number if isinstance(value, Rating) else value
    picked = answers.scale_picked(answers.when_put_right(text)[0])
    return (Msg("grow.scale_lowest", {"number": number}),) if picked else ()


def confidence_question(name: str) -> Question:
    """How sure the person feels about the step, 0 to 10 (asked again after a smaller step)."""
    return Question(
        name,
        f"grow.{name}",
        choices=SCALE_CHOICES,
        read=read_rating,
        save=save_rating,
        hear=lowest_heard,
        about_step="after",
    )


FIRM_UP_QUESTIONS = (
    confidence_question("confidence"),
    Question("confidence_reason", "grow.confidence_reason",
             save=keep("confidence_reason", in_step=True), skippable=True, about_step="after"),
    Question("smaller", "grow.smaller", choices=KEEP_STEP_CHOICES, save=save_smaller_step,
             on_move=KEEPS, about_step="asks"),
    confidence_question("confidence_again"),
    Question("smaller_again", "grow.smaller_again", choices=KEEP_STEP_CHOICES,
             save=save_smaller_step, on_move=KEEPS, about_step="asks"),
)  # fmt: skip
"""How sure the person is of a step, what makes it that sure, and making it smaller."""


def firm_up_step(then: str) -> list[dict[str, Any]]:
    """The moves between FIRM_UP_QUESTIONS: 5 or more, or a step they keep, goes on.

    Each offer to make the step smaller has its own words, so nothing is said twice.
    """
    return [
        {"trigger": "answer", "source": "confidence", "dest": "smaller", "conditions": "zero"},
        {"trigger": "answer", "source": "confidence", "dest": "smaller",
         "conditions": ["reasoned", "low"]},
        {"trigger": "answer", "source": "confidence", "dest": then, "conditions": "reasoned"},
        {"trigger": "answer", "source": "confidence", "dest": "confidence_reason"},
        {"trigger": "answer", "source": "confidence_reason", "dest": "smaller",
         "conditions": "low"},
        {"trigger": "answer", "source": "confidence_reason", "dest": then},
        {"trigger": "answer", "source": "smaller", "dest": then, "conditions": "keeps_step"},
        {"trigger": "answer", "source": "smaller", "dest": "confidence_again"},
        {"trigger": "answer", "source": "confidence_again", "dest": then,
         "conditions": "confident"},
        {"trigger": "answer", "source": "confidence_again", "dest": "smaller_again"},
        {"trigger": "answer", "source": "smaller_again", "dest": then,
         "conditions": "keeps_step"},
        {"trigger": "answer", "source": "smaller_again", "dest": "confidence_again"},
    ]  # fmt: skip


def finish_plan(work: Work) -> None:
    work.update_step(status="planned")
    work.update_goal(status="active")
    other = work.draft.pop(OTHER_GOAL, None)
    if other:  # the second of two goals said at once: not forgotten
        work.said_back.append(Msg("grow.other_goal_next", {"other": quoted(other)}))


def offer_reminders(work: Work) -> str | None:
    """After a first plan, the weekly check-in is chosen; later plans keep the one set."""
    return "reminders" if work.schedule is None else None


def offer_scaling(work: Work) -> str | None:
    """After a plan: its attainment levels are offered (then the weekly check-in)."""
    from dialogue_flows import gas  # gas builds on this module's questions

    return gas.offer_scaling(work)


def quoted(text: str | None) -> str:
    """The heart of an answer, as a short quote for a summary ("" when there is none):
    without the hedges at its edges ("dunno, wanna feel normal again"), with those that
    qualify it ("ved ik. på venteliste måske" is “på venteliste måske”), and without a
    closing full stop, which reads as a slip inside a sentence ("Why does “ring my mum.”
    matter to you?"); "…", "?" and "!" are the person's and stay."""
    if not text:
        return ""
    phrase = answers.key_phrase(answers.core(text, background=False, qualifiers=True))
    if phrase.endswith(".") and not phrase.endswith(".."):
        phrase = phrase[:-1]
    return f"“{phrase}”"


def params(work: Work) -> Mapping[str, Param]:
    """The person's own words, ready to be reflected back in any prompt."""
    return Lazy(makers(work))


def makers(work: Work) -> dict[str, Maker]:
    """What `params` offers; the person's words are read (`quoted`, the suggested area)
    only for a message that names them. Each closes over the goal as it is now."""
    found: dict[str, Maker] = {"name": work.person.name or "" if work.person else ""}
    found["early"] = quoted(work.draft.get(EARLY_GOAL))
    goal = work.goal
    if goal is None:
        return found

    def suggested() -> Msg:
        area = answers.suggest_area(goal.text, denials=False) or LifeArea.OTHER.value
        return Msg(f"area_about.{area}")

    found["suggested"] = suggested
    found["goal"] = short = shorten(goal.text, GOAL_CHARS)
    # The goal just said back and confirmed (`goal_check`) is not quoted again at once.
    sounds = "grow.sounds" if goal.first_words is not None else "grow.sounds_quoted"
    found["sounds"] = lambda: Msg(sounds, {"goal": short, "suggested": suggested()})
    found["goal_full"] = goal.text

    def goal_part(index: int) -> Maker:
        return lambda: quoted((two_goals(work) or ("", ""))[index])

    found["first"], found["second"] = goal_part(0), goal_part(1)
    found["area"] = goal.area_own_words or Msg(f"area.{goal.area.value}")
    found["why"] = said_back("grow.why_said", "why", goal.why)
    found["why_line"] = said_back("grow.why_line", "why", goal.why)
    found["now"] = said_back("grow.now_said", "now", goal.reality_now)
    found["works"] = said_back("grow.works_said", "works", goal.reality_works)
    found["obstacles"] = said_back("grow.obstacles_said", "obstacles", goal.obstacles)
    found["correction"] = said_back("grow.correction_said", "correction", goal.reality_correction)
    found["options"] = "\n".join(
        f"{number}. {shorten(option, 80)}" for number, option in enumerate(goal.options, 1)
    )
    found["option"] = shorten(goal.chosen_option or "")
    step = goal.current_step
    if step is not None:
        found["step"] = shorten(step.text)
        found["when"] = shorten(step.when or "-")
        found["confidence"] = "" if step.confidence is None else step.confidence
    return found


def said_back(key: str, name: str, text: str | None) -> Maker:
    """`key` with their words (`text`) quoted as `name`, when they said any; else ""."""
    if not text:
        return ""
    return lambda: Msg(key, {name: quoted(text)})


FLOW = Flow(
    name="grow",
    work=GrowWork,
    questions=(
        Question("goal", "grow.goal", save=save_goal),
        Question("goal_early", "grow.goal_early", choices=KEEP_EARLY, save=save_early_goal,
                 on_move={"yes": "yes", "keep": "yes"}),
        Question("goal_check", "grow.goal_check", choices=RIGHT_CHOICES, save=put_goal_right,
                 on_move={**AGREE, "retract": RETRACTED, "too_long": "not_quite"}),
        Question("goal_fix", "grow.goal_fix", save=put_goal_right),
        Question("goal_again", "grow.goal_again", save=put_goal_right),
        Question("goal_which", "grow.goal_which", choices=goal_parts, read=read_goal_part,
                 save=save_goal_part, in_words=True),
        Question("area_suggested", "grow.area_suggested", choices=area_offer,
                 save=save_area, on_move={"yes": "yes", "no": "no"}, in_words=True,
                 skippable=True),
        Question("area", "grow.area", choices=AREA_CHOICES, save=save_area, in_words=True,
                 skippable=True),  # the area only files the goal: never a wall
        Question("goal_concrete", "grow.goal_concrete", save=save_concrete_goal,
                 earlier=said_goal, skippable=True),
        Question("why", "grow.why", save=save_why, skippable=True, hear=why_kept),
        Question("now", "grow.now", save=keep("reality_now"), skippable=True,
                 recall=said_so_far),
        Question("works", "grow.works", save=keep("reality_works"), skippable=True,
                 not_when_felt=frozenset({"loss", "shock"}),
                 recall=said_so_far),
        Question("obstacles", "grow.obstacles", save=keep("obstacles"), skippable=True,
                 as_content=BUSY_SAID, recall=said_so_far),
        Question("reality_summary", "grow.reality_summary", choices=RIGHT_CHOICES,
                 save=check_reality, on_move=SUMMARY),
        Question("reality_fix", "grow.reality_fix", save=put_right,
                 skippable=True),
        Question("reality_again", "grow.reality_again", choices=RIGHT_CHOICES,
                 save=check_reality, on_move=SUMMARY),
        Question("options", "grow.options", save=add_options, listed=True),
        Question("options_summary", "grow.options_summary", choices=RIGHT_CHOICES,
                 save=add_options, on_move={**SUMMARY, "thats_all": "yes", **SPLITS},
                 listed=True),
        Question("options_fix", "grow.options_fix", save=add_options, skippable=True,
                 on_move={"thats_all": "yes", "no": "yes", **SPLITS}, listed=True),
        Question("choose", "grow.choose", choices=option_choices, save=save_chosen_option,
                 in_words=True, on_move=SPLITS),
        Question("step", "grow.step", save=save_first_step, on_move=KEEP_AS_STEP,
                 as_content=frozenset({"retract"}), about_step="asks"),  # "scrap that": asked
        Question("step_check", "grow.step_check", choices=RIGHT_CHOICES, save=check_new_step,
                 on_move=AGREE, about_step="asks"),
        Question("when", "grow.when", save=save_when, skippable=True, about_step="after"),
        *FIRM_UP_QUESTIONS,
    ),
    endings=(Ending("planned", "grow.summary", finish=finish_plan, then=offer_scaling),),
    back={"goal": "goal_fix", "goal_early": "goal_fix"},  # the goal put right, never a second
    transitions=[
        *({"trigger": "answer", "source": source, "dest": "goal_check",
           "conditions": "goal_hedged"} for source in ("goal", "goal_early")),
        {"trigger": "answer", "source": "goal_check", "dest": "goal_fix",
         "conditions": "not_quite"},
        {"trigger": "answer", "source": "goal_check", "dest": "goal_again",
         "conditions": "retracted"},
        *({"trigger": "answer", "source": source, "dest": "goal_which",
           "conditions": "said_two_goals"} for source in GOAL_SAID),
        *({"trigger": "answer", "source": source, "dest": "area_suggested",
           "conditions": "area_suggested"} for source in (*GOAL_SAID, "goal_which")),
        *({"trigger": "answer", "source": source, "dest": "area"}
          for source in (*GOAL_SAID, "goal_which")),
        {"trigger": "answer", "source": "area_suggested", "dest": "area",
         "conditions": "not_this_area"},
        *({"trigger": "answer", "source": source, "dest": "goal_concrete",
           "conditions": "goal_is_vague"} for source in ("area_suggested", "area")),
        *({"trigger": "answer", "source": source, "dest": "now", "conditions": "why_given"}
          for source in ("area_suggested", "area", "goal_concrete")),
        *({"trigger": "answer", "source": source, "dest": "why"}
          for source in ("area_suggested", "area", "goal_concrete")),
        {"trigger": "answer", "source": "why", "dest": "now"},
        {"trigger": "answer", "source": "now", "dest": "works"},
        {"trigger": "answer", "source": "works", "dest": "obstacles"},
        {"trigger": "answer", "source": "obstacles", "dest": "reality_summary"},
        *({"trigger": "answer", "source": source, "dest": "options_summary",
           "conditions": "ideas_early"} for source in ("reality_summary", "reality_again")),
        {"trigger": "answer", "source": "reality_summary", "dest": "reality_fix",
         "conditions": "not_quite"},
        *({"trigger": "answer", "source": source, "dest": "reality_again",
           "conditions": "corrected"} for source in ("reality_summary", "reality_fix")),
        {"trigger": "answer", "source": "reality_summary", "dest": "options"},
        {"trigger": "answer", "source": "reality_fix", "dest": "options"},
        {"trigger": "answer", "source": "reality_again", "dest": "reality_fix",
         "conditions": "not_quite"},
        {"trigger": "answer", "source": "reality_again", "dest": "options"},
        *({"trigger": "answer", "source": source, "dest": "step", "conditions": "option_picked"}
          for source in ("options", "options_summary", "options_fix")),
        {"trigger": "answer", "source": "options", "dest": "options_summary"},
        *({"trigger": "answer", "source": source, "dest": "options_summary",
           "conditions": "split_asked"} for source in ("options_summary", "options_fix",
                                                        "choose")),
        {"trigger": "answer", "source": "options_summary", "dest": "options_fix",
         "conditions": "not_quite"},
        *({"trigger": "answer", "source": source, "dest": "options", "conditions": "no_options"}
          for source in ("options_summary", "options_fix")),  # "fjern 1" took the last away
        {"trigger": "answer", "source": "options_fix", "dest": "options_summary",
         "unless": ["right", "full_of_options"]},
        *({"trigger": "answer", "source": source, "dest": "step",
           "conditions": "has_one_option", "after": "choose_only_option"}
          for source in ("options_summary", "options_fix")),
        *({"trigger": "answer", "source": source, "dest": "step", "conditions": "picked_early"}
          for source in ("options_summary", "options_fix")),
        *({"trigger": "answer", "source": source, "dest": "choose"}
          for source in ("options_summary", "options_fix")),
        {"trigger": "answer", "source": "choose", "dest": "choose", "conditions": "new_ideas"},
        {"trigger": "answer", "source": "choose", "dest": "options", "conditions": "turned_down"},
        {"trigger": "answer", "source": "choose", "dest": "step"},
        {"trigger": "answer", "source": "step", "dest": "step", "unless": "has_step"},
        {"trigger": "answer", "source": "step", "dest": "step_check",
         "conditions": "new_idea_step"},
        {"trigger": "answer", "source": "step_check", "dest": "step", "conditions": "not_quite"},
        *({"trigger": "answer", "source": source, "dest": "confidence",
           "conditions": "when_given"} for source in ("step", "step_check")),
        {"trigger": "answer", "source": "step", "dest": "when"},
        {"trigger": "answer", "source": "step_check", "dest": "when"},
        {"trigger": "answer", "source": "when", "dest": "confidence"},
        *firm_up_step(then="planned"),
    ],
    params=params,
    entry=goal_entry,
    entries=("goal_early",),
)  # fmt: skip
