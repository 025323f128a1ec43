"""First start: what growcoach is and is not, consent, and the name the person wants.

The welcome (an automated program, not a person; what is kept) is said on /start only;
anything else before consent gets a short word and the consent question again.

Nothing is stored before the person agrees: until then there is no `Person`, and the
engine saves nothing. Agreeing creates the profile; "not now" ends with nothing kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dialogue_flows import answers
from dialogue_flows.flow import Ending, Flow, Question, Work, answer_is
from dialogue_flows.records import Person
from dialogue_flows.types import Choice, Msg, Param
from dialogue_flows.words import words

CONSENT_CHOICES = (
    Choice("yes", Msg("choice.agree")),
    Choice("no", Msg("choice.not_now")),
)


NAME_CHOICES = (Choice("yes", Msg("choice.right")), Choice("no", Msg("choice.other_name")))


class OnboardingWork(Work):
    agreed = answer_is("yes")
    not_that_name = answer_is("no")

    def name_unsure(self) -> bool:
        """A name taken out of a longer answer is checked before it is used."""
        return "name_guess" in self.draft

    def no_name(self) -> bool:
        """ "nope", "that's all" at the name: no name is needed, and none is kept."""
        return bool(self.answer == NO_NAME)

    def two_names(self) -> bool:
        """Two names said ("It's Sandra, but everyone calls me Sandy"): which is asked."""
        return "name_pair" in self.draft


def save_consent(work: Work, answer: Any) -> None:
    if answer == "yes" and work.person is None:
        work.person = Person(
            id=work.person_id,
            language=work.language,
            consented_at=work.now,
            created_at=work.now,
        )


NO_NAME = "no_name"
"""The answer "nope", "skip" or "that's all" gives the name: none ("Lovely to meet you,
Nope" was said to a tester)."""


def save_name(work: Work, answer: Any) -> None:
    """A plain name is kept; one read out of a sentence waits for a yes."""
    if not isinstance(answer, answers.NameAnswer):
        return
    if answer.goal:  # "its jay lol. wanna get fit": the goal, passed on to GROW
        work.draft[EARLY_GOAL] = answer.goal
    if answer.other:
        work.draft["name_pair"] = [answer.name, answer.other]
    elif answer.sure:
        _keep_name(work, answer.name)
    else:
        work.draft["name_guess"] = answer.name


EARLY_GOAL = "early_goal"
"""The draft's note of a goal said with the name; GROW opens by offering to keep it."""


def passes_goal(work: Work) -> dict[str, Any]:
    goal = work.draft.get(EARLY_GOAL)
    return {EARLY_GOAL: goal} if goal else {}


def pair_choices(work: Work) -> tuple[Choice, ...]:
    """The two names said, as buttons: "Sandra", "Sandy"."""
    return tuple(
        Choice(name, Msg("choice.own_words", {"text": name}))
        for name in work.draft.get("name_pair", ())
    )


def keep_either(work: Work, answer: Any) -> None:
    """The name chosen of the two, or another typed instead; a long answer that names
    neither (Mags went on to her goal) keeps the first (said back in the welcome), and is
    offered as the goal, never refused again and again."""
    pair = work.draft.pop("name_pair", None)
    if isinstance(answer, answers.NameAnswer):
        _keep_name(work, answer.name)
    elif isinstance(answer, MovedOn) and pair:
        _keep_name(work, pair[0])
        work.draft[EARLY_GOAL] = answer.text


@dataclass(frozen=True)
class MovedOn:
    """A long answer at "which name?" that names neither: they have moved on."""

    text: str


MOVED_ON_WORDS = 6
"""An answer of more words than this that is no name, at "which name?", has moved on."""


def confirm_name(work: Work, answer: Any) -> None:
    """Yes keeps the name offered; a name typed instead is the name (no: asked again)."""
    guess = work.draft.pop("name_guess", None)
    if answer == "yes" and guess:
        _keep_name(work, guess)
    elif isinstance(answer, answers.NameAnswer):
        _keep_name(work, answer.name)


def _keep_name(work: Work, name: str) -> None:
    if work.person is not None:
        work.person = work.person.model_copy(update={"name": name})


def read_name_or_yes(text: str) -> Any:
    """Yes, no, or a name typed instead. A name only guessed out of a sentence is not one
    here: "altså jeg ved ikke helt, jeg vil gerne…" had made the person "helt"."""
    if text in ("yes", "no"):
        return text
    answer = answers.read_name(text)
    if not answer.sure:
        raise answers.InvalidAnswerError("invalid.name")
    return answer


def sure_name(text: str) -> answers.NameAnswer | MovedOn:
    """One of the two names (a button, or typed), or another said plainly; a name only
    guessed out of a sentence ("either is fine") is no choice: asked again."""
    try:
        answer = answers.read_name(text)
    except answers.InvalidAnswerError:
        answer = None
    if answer is None or not answer.sure or answer.other:
        if len(words(text)) > MOVED_ON_WORDS:
            return MovedOn(text)
        raise answers.InvalidAnswerError("invalid.name")
    return answer


def params(work: Work) -> Mapping[str, Param]:
    pair = work.draft.get("name_pair")
    return {
        "name": work.person.name or "" if work.person else "",
        "guess": work.draft.get("name_guess", ""),
        "first": pair[0] if pair else "",
        "second": pair[1] if pair else "",
    }


FLOW = Flow(
    name="onboarding",
    work=OnboardingWork,
    questions=(
        Question(
            "consent",
            "onboarding.consent",
            choices=CONSENT_CHOICES,
            read=answers.consent_said,
            save=save_consent,
            on_move={"yes": "yes", "no": "no", "not_now": "no", "stop": "no"},
        ),
        Question("name", "onboarding.name", read=answers.read_name, save=save_name,
                 on_move={"no": NO_NAME, "skip": NO_NAME, "thats_all": NO_NAME},
                 exact_moves=True),
        Question("name_check", "onboarding.name_check", choices=NAME_CHOICES,
                 read=read_name_or_yes, save=confirm_name, on_move={"yes": "yes", "no": "no"},
                 exact_moves=True),
        Question("name_which", "onboarding.name_which", choices=pair_choices,
                 read=sure_name, save=keep_either, in_words=True, exact_moves=True),
    ),
    endings=(
        Ending("declined", "onboarding.declined"),
        Ending("welcomed", "onboarding.welcomed", then="grow", passes=passes_goal),
        Ending("welcomed_unnamed", "onboarding.welcomed_unnamed", then="grow"),
    ),
    transitions=[
        {"trigger": "answer", "source": "consent", "dest": "name", "conditions": "agreed"},
        {"trigger": "answer", "source": "consent", "dest": "declined"},
        {"trigger": "answer", "source": "name", "dest": "welcomed_unnamed",
         "conditions": "no_name"},
        {"trigger": "answer", "source": "name", "dest": "name_which", "conditions": "two_names"},
        {"trigger": "answer", "source": "name", "dest": "name_check",
         "conditions": "name_unsure"},
        {"trigger": "answer", "source": "name_which", "dest": "welcomed"},
        {"trigger": "answer", "source": "name", "dest": "welcomed"},
        {"trigger": "answer", "source": "name_check", "dest": "name",
         "conditions": "not_that_name"},
        {"trigger": "answer", "source": "name_check", "dest": "welcomed"},
    ],
    params=params,
)  # fmt: skip
