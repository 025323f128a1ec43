"""What to do when the person makes a move instead of giving an answer.

`moves.read_move` says what the person is doing ("that's all", "I don't know", "are
you a real person?"); this table says what that does at the open question. A move is
never kept as an answer: it either gives the question a value of its own (declared
by the question's `on_move`), or gets a short reply and the same question again.

| move          | effect                                                              |
| ------------- | ------------------------------------------------------------------- |
| in `on_move`  | the answer the question declares (keep, that's all, yes, no, ...),  |
|               | after `<prompt>.<move>` where the question has words for it         |
| real person   | "I'm an automated program, not a person", then the question         |
| privacy       | who reads it and what is kept (before consent: nothing), then the   |
|               | question                                                            |
| greeting,     | a short friendly word (`move.greeting`, `move.thanks`: "You're     |
| thanks,       | welcome.", `move.thinking`: "No rush."), then the question         |
| thinking      | (thinking twice at one question: its example, as for "don't know") |
| question      | what the question means (`<prompt>.means`) and an example           |
|               | (`<prompt>.example`), then the question                             |
| too long      | heard, and a pause offered (`move.too_long`), then the question     |
| about GROW    | what GROW is, in a few words (`move.about_grow`), then the question |
| retract       | "scratch that": let go, kindly (`<prompt>.retract`), the question   |
|               | again; nothing kept, what they said before stays as it was          |
| correction    | "that's not what I said": sorry, how would they put it, and the     |
|               | question (in GROW the goal is asked for first, see `engine`)        |
| judging       | "is that a stupid goal?": a warm, short word (`move.judging`), then |
|               | the same question again                                             |
| sent          | "gp sent me": only where the question has words for it (the goal:  |
|               | the coaching is theirs to steer), then the question; else content   |
| back          | "go back": the question before, asked again (`Flow.back`); its new  |
|               | answer takes the old one's place; where there is none, said so      |
| don't know    | a gentle example (`<prompt>.example`); the second time, a way on    |
| already said  | what they said earlier, if the flow has it; or what they have said  |
|               | so far (`recall`), and the question; else sorry, once more          |
| advice        | the coaching stance, kindly; asked again, ideas (`<prompt>.ideas`)  |
|               | or, where there are none, a second word that is not the first       |
| busy          | the answer where being busy is one (`as_content`: "what gets in the |
|               | way?"); elsewhere as "not now"                                      |
| skip, not now | the question's own button for it ("Skip this one", "Not now")       |
| stop, not now | a pause, as /cancel: everything kept, /start picks it up            |
| skip          | at a question that can wait: heard, and on; elsewhere why it cannot |
|               | (`<prompt>.no_skip`, with the smallest answer), and the question    |
| that's all, no | "nothing really" to a question that can wait: heard, and on         |
| keep, yes, ... | elsewhere not an answer: a short word, and the question again       |
|               | (a question with a reader of its own, such as a scale, reads them)  |
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dialogue_flows.answers import feeling, free_text, key_phrase, phrase_list, word_list
from dialogue_flows.flow import Question, Work
from dialogue_flows.moves import ANSWERED_PLAINLY, SOCIAL, Move, agreement
from dialogue_flows.types import Msg
from dialogue_flows.words import words

FELT = "felt"
"""In a draft: the feelings already named back in this conversation (`acknowledge`)."""
HEARD = "heard"
"""The draft's note of moves already met at the open question (cleared by an answer)."""

SKIP = object()
"""The answer a skipped question gets: nothing is saved, and the flow moves on."""


@dataclass(frozen=True)
class Reaction:
    """What a move does: words to say before the question, or an answer, or a pause."""

    said: tuple[Msg, ...] = ()
    answer: object | None = None
    pause: bool = False
    back: bool = False


def react(
    move: Move, question: Question, work: Work, has: Callable[[str], bool]
) -> Reaction | None:
    """The reaction to `move` at `question`; None when it is read as content here.

    `has` says whether the catalogue has a key, so a question may have its own example,
    meaning or ideas, and falls back to the general words otherwise.
    """
    own = question.prompt
    if move.value in question.as_content:
        return None
    if move is Move.SENT:  # "gp sent me": at the goal, theirs to steer; elsewhere content
        return Reaction(said=(Msg(f"{own}.sent"),)) if has(f"{own}.sent") else None
    if move.value in question.on_move:
        word = f"{own}.{move.value}"  # a question may say how it heard the move
        said = (Msg(word),) if has(word) else ()
        return Reaction(said=said, answer=question.on_move[move.value])
    heard = _heard(work, question)

    def own_or(suffix: str, general: str) -> Msg:
        key = f"{own}.{suffix}"
        return Msg(key if has(key) else general)

    button = _button_for(move, question, work)
    if button is not None:
        return Reaction(answer=question.read(button))
    if move in (Move.STOP, Move.NOT_NOW, Move.BUSY):
        return Reaction(pause=True)
    if move in ANSWERED_PLAINLY:  # "are you a bot?", "who reads this?"
        return Reaction(said=(own_or(move, f"move.{move}"),))
    if move is Move.THINKING and move in heard:  # "mja", then "øhm": an example helps
        return Reaction(said=(own_or("example", "move.dont_know"),))
    if move in SOCIAL:  # "hi", "thanks", "hmm ok": a short friendly word
        _note(work, question, move)
        return Reaction(said=(own_or(move, f"move.{move}"),))
    if move is Move.QUESTION:  # "wat u mean": the question another way, with an example
        example = f"{own}.example"
        return Reaction(said=(own_or("means", "move.question"), *_if(has, example)))
    if move is Move.TOO_LONG:  # "this is long": heard, a pause offered, never kept
        return Reaction(said=(Msg("move.too_long"),))
    if move is Move.ABOUT_GROW:
        return Reaction(said=(Msg("move.about_grow"),))
    if move is Move.RETRACT:  # "actually no, scratch that, i dont know what i want"
        return Reaction(said=(own_or("retract", "move.retract"),))
    if move is Move.CORRECTION:  # "you got that wrong": their words, not ours
        return Reaction(said=(Msg("move.correction"),))
    if move is Move.JUDGING:  # "is that a stupid goal?": warmly, then the same question
        return Reaction(said=(Msg("move.judging"),))
    if move is Move.DOUBT:  # "yeah cos thats so easy": it isn't, and never an idea
        return Reaction(said=(Msg("move.doubt"),))
    if move is Move.BACK:  # "go back": never kept; the engine finds the question before
        return Reaction(back=True)
    if move is Move.DONT_KNOW:
        _note(work, question, move)
        if move not in heard:
            return Reaction(said=(own_or("example", "move.dont_know"),))
        if question.skippable:
            return Reaction(said=(Msg("move.skipped"),), answer=SKIP)
        if has(f"{own}.ideas") and Move.ADVICE not in heard:  # "idk", "dunno": a few ideas
            _note(work, question, Move.ADVICE)  # once, as if asked for
            return Reaction(said=(Msg(f"{own}.ideas"),))
        return Reaction(said=(Msg("move.dont_know_again"),))
    if move is Move.ALREADY_SAID:
        earlier = question.earlier(work) if question.earlier else None
        if earlier:
            return Reaction(
                said=(Msg("move.used_earlier", {"said": key_phrase(earlier)}),), answer=earlier
            )
        recalled = question.recall(work) if question.recall else None
        if recalled:
            return Reaction(said=(Msg("move.said_so_far", {"said": recalled}),))
        return Reaction(said=(Msg("move.already_said"),))
    if move is Move.ADVICE:
        _note(work, question, move)
        if move in heard:
            return Reaction(said=(own_or("ideas", "move.advice_again"),))
        return Reaction(said=(Msg("move.advice"),))
    if move is Move.SKIP and question.skippable:
        return Reaction(said=(Msg("move.skipped"),), answer=SKIP)
    no_skip = f"{own}.no_skip"  # why this one is needed, and the smallest answer there is
    if move is Move.SKIP and (question.read is free_text or has(no_skip)):
        return Reaction(said=(own_or("no_skip", "move.no_skip"),))
    if question.read is not free_text:
        return None  # a question with its own reader ("Delete everything?") explains itself
    if move in (Move.THATS_ALL, Move.NO) and question.skippable:
        return Reaction(said=(Msg("move.noted"),), answer=SKIP)  # "nothing really": heard
    return Reaction(said=(Msg("move.not_here"),))


def _if(has: Callable[[str], bool], key: str) -> tuple[Msg, ...]:
    """The message with this key, when the catalogue has one."""
    return (Msg(key),) if has(key) else ()


YES = "yes"
"""The value of a Yes button: a question that offers one asks for a yes or no."""


def agrees(question: Question, work: Work, text: str) -> bool:
    """At a question with a Yes button, a yes said in the person's own words ("Aye,
    that's it", "ja ish", "yes mostly"): it answers as the button does, never kept as
    content or refused."""
    offered = question.offered(work)
    return any(choice.value == YES for choice in offered) and agreement(text)


BUTTONS = {
    Move.SKIP: ("choice.skip",),
    Move.NOT_NOW: ("choice.not_now",),
    Move.BUSY: ("choice.not_now",),
}
"""A move that a question's button says: "skip it" is "Skip this one", "busy" "Not now"."""


def _button_for(move: Move, question: Question, work: Work) -> str | None:
    """The value of the offered button that says what the move says, or None."""
    labels = BUTTONS.get(move, ())
    return next((c.value for c in question.offered(work) if c.label.key in labels), None)


def acknowledge(question: Question, work: Work, text: str, language: str) -> tuple[Msg, ...]:
    """A feeling said inside an answer, heard in one short clause before the next question.

    "honestly i'm scared i'll mess it up again" is kept as it is, and answered "That
    sounds frightening, and it makes sense." first. Feelings are read in the person's
    language: Danish "jeg sad derhjemme" (I sat at home) is not sad. Questions with a
    reader of their own (a scale, a button) have no feelings to hear. Each feeling is
    named once in a conversation: a tester heard "It sounds like you're worn out." three
    times, word for word, and read it as a machine.
    """
    if question.read is not free_text:
        return ()
    found = feeling(text, language)
    if not found or found in work.draft.get(FELT, []):
        return ()
    return (Msg(f"feeling.{found}"),)


def remember_felt(work: Work, said: tuple[Msg, ...]) -> None:
    """Note the feelings named back, once the answer they came with is kept."""
    named = work.draft.get(FELT, [])
    fresh = [msg.key.removeprefix("feeling.") for msg in said]
    if fresh:
        work.draft[FELT] = [*named, *fresh]


def _heard(work: Work, question: Question) -> set[Move]:
    noted = work.draft.get(HEARD, {})
    return {Move(value) for value in noted.get(question.name, [])}


def _note(work: Work, question: Question, move: Move) -> None:
    noted = dict(work.draft.get(HEARD, {}))
    noted[question.name] = sorted({*noted.get(question.name, []), move.value})
    work.draft[HEARD] = noted


_LAUGHING = re.compile("[\U0001f602\U0001f923\U0001f606\U0001f605\U0001f61c\U0001f92a]")
"""Emojis that laugh: 😂 🤣 😆 😅 😜 🤪."""


def in_jest(text: str) -> bool:
    """Violence at someone said with a laugh ("im gonna kill my brother lol he ate my
    dinner", "jeg slår ham ihjel haha"): never kept as their idea, step or goal (Danny's
    joke was filed as an idea, for his probation worker to read)."""
    typed = [word.text for word in words(text)]
    laughing = phrase_list("jest", "markers", typos=False).find(typed) or _LAUGHING.search(text)
    if not laughing:
        return False
    targets = word_list("jest", "targets")
    violence = phrase_list("jest", "violence", stems=True, typos=False).find(typed)
    return any(end < len(typed) and typed[end] in targets for _, end, _ in violence)
