"""What Lee (short text-speak) and Mette (long, ambivalent) found at /reminders and the
check-in, each in English and Danish.

A bare hour is asked about unless the words settle it ("after the chemist, bout 11" is
11:00, not 23:00: "after" is no typo of "aften"); after a self-correction the last day said
wins, and "behold det" / "keep it" keeps the rest as it was; a step partly done is partly;
a choice of what next said with its step ("new step, book the cscs course") takes the
step; "i just said" and "det skrev jeg jo" are never kept or quoted back; the praise at
the end names the step that was done.
"""

from __future__ import annotations

import pytest
from conftest import Dialogue
from test_listening_five import SCHEDULED, person

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine


def reminders(engine: Engine, catalogue: Catalogue, language: str) -> Dialogue:
    """A person with a check-in on Mondays at 18:00, at /reminders."""
    dialogue = person(engine, catalogue, language, *SCHEDULED[language])
    assert dialogue.schedule is not None
    assert (dialogue.schedule.weekday, dialogue.schedule.hour) == (0, 18)
    dialogue.run("/reminders")
    return dialogue


def when(dialogue: Dialogue) -> tuple[int, int, int]:
    assert dialogue.schedule is not None
    return dialogue.schedule.weekday, dialogue.schedule.hour, dialogue.schedule.minute


# -- 1. a bare hour is asked about, unless the words settle it ------------------------


@pytest.mark.parametrize(
    ("language", "said", "hour"),
    [
        ("en", "mondays after the chemist, bout 11", 11),
        ("en", "tuesday after the doctor at 2", 14),
        ("en", "wednesday at 11 before work", 11),
        ("da", "mandage efter apoteket, ved 11-tiden", 11),
        ("da", "tirsdag efter frokost kl 2", 14),
        ("da", "onsdag formiddag kl 11", 11),
        ("da", "torsdag kl 8 om aftenen", 20),
    ],
)
def test_an_hour_the_words_settle_is_kept_without_asking(
    engine: Engine, catalogue: Catalogue, language: str, said: str, hour: int
) -> None:
    dialogue = reminders(engine, catalogue, language)
    [said_back] = dialogue.say(said)
    assert dialogue.step == "time_right"
    assert when(dialogue)[1] == hour
    assert f"{hour:02}:00" in said_back


@pytest.mark.parametrize(
    ("language", "said", "answer", "hour"),
    [
        ("en", "mondays bout 11", "morning", 11),
        ("en", "mon at 7", "at night", 19),
        ("da", "mandag ved 11", "formiddag", 11),
        ("da", "mandag kl 7", "om aftenen", 19),
    ],
)
def test_a_bare_hour_is_asked_once(
    engine: Engine, catalogue: Catalogue, language: str, said: str, answer: str, hour: int
) -> None:
    dialogue = reminders(engine, catalogue, language)
    dialogue.say(said)
    assert dialogue.step == "half" and when(dialogue) == (0, 18, 0)
    dialogue.say(answer)
    assert dialogue.step == "time_right" and when(dialogue) == (0, hour, 0)


@pytest.mark.parametrize(
    ("language", "zone_said"), [("en", "actually mon at 11"), ("da", "nej, mandag kl 11")]
)
def test_a_bare_hour_put_right_where_the_zone_is_asked_is_asked_about(
    engine: Engine, catalogue: Catalogue, language: str, zone_said: str
) -> None:
    lines = SCHEDULED[language]
    dialogue = person(engine, catalogue, language, *lines[:-2])
    assert dialogue.step == "timezone"
    dialogue.say(zone_said)
    assert dialogue.step == "half"


# -- 2. a change of mind: the last day said wins; "keep it" keeps the rest ------------


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "maybe wednesday instead, no, tuesday's fine. keep it"),
        ("en", "wednesday? actually tuesday, same time as before"),
        ("da", "måske hellere onsdag, nej, tirsdag er fint. behold det"),
        ("da", "onsdag… faktisk tirsdag, samme tid"),
    ],
)
def test_the_last_day_after_a_self_correction_wins_and_keep_keeps_the_time(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = reminders(engine, catalogue, language)
    [said_back] = dialogue.say(said)
    assert when(dialogue) == (1, 18, 0)
    assert dialogue.step == "time_right" and "18:00" in said_back


@pytest.mark.parametrize(
    ("language", "day", "again"),
    [("en", "wednesday", "no no, tuesday. i said keep it"),
     ("da", "onsdag", "nej nej, tirsdag. jeg skrev behold det")],
)  # fmt: skip
def test_keep_it_at_the_hour_keeps_the_hour_and_takes_the_day_said(
    engine: Engine, catalogue: Catalogue, language: str, day: str, again: str
) -> None:
    dialogue = reminders(engine, catalogue, language)
    dialogue.press("change")
    dialogue.say(day)
    assert dialogue.step == "hour"
    dialogue.say(again)
    assert dialogue.keys[0] != "invalid.hour"
    assert when(dialogue) == (1, 18, 0) and dialogue.step == "time_right"


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "same as before"), ("en", "monday's fine, keep it"), ("da", "samme som før"),
     ("da", "mandag er fint. behold det")],
)  # fmt: skip
def test_keeping_the_setting_as_it_is_ends_with_it_kept(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = reminders(engine, catalogue, language)
    dialogue.press("change")
    dialogue.say(said)
    assert dialogue.keys == ["reminders.kept"]
    assert when(dialogue) == (0, 18, 0)


# -- 3-5. the check-in ----------------------------------------------------------------


def checking_in(engine: Engine, catalogue: Catalogue, language: str) -> Dialogue:
    return person(engine, catalogue, language, *SCHEDULED[language], "/checkin")


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "asked her about the course, not booked it yet tho"),
        ("en", "asked her. not booked"),
        ("da", "jeg har spurgt hende, men jeg har ikke booket det endnu"),
        ("da", "skrev brevet men turde ikke sende det"),
        ("da", "jeg ringede til dem, men fik aldrig booket tid"),
    ],
)
def test_a_step_partly_done_is_partly(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = checking_in(engine, catalogue, language)
    dialogue.say(said)
    assert dialogue.goal.checkins[-1].outcome == "partly"
    assert dialogue.step == "reflect_partly" and "checkin.reflect_partly" in dialogue.keys


TO_NEXT = {
    "en": ("asked her, not booked it yet", "she was nice", "money", "5"),
    "da": ("spurgte hende, men har ikke booket endnu", "hun var sød", "penge", "5"),
}
"""A check-in partly done, at "what would you like to do next?"."""


@pytest.mark.parametrize(
    ("language", "said", "step", "move"),
    [
        ("en", "new step, book the cscs course", "book the cscs course", "new"),
        ("en", "a smaller one: just ring them", "just ring them", "smaller"),
        ("da", "Et mindre skridt. Jeg kunne bare skrive første linje til hende",
         "Jeg kunne bare skrive første linje til hende", "smaller"),
        ("da", "nyt skridt: booke kurset", "booke kurset", "new"),
    ],
)  # fmt: skip
def test_a_choice_of_what_next_said_with_its_step_takes_the_step(
    engine: Engine, catalogue: Catalogue, language: str, said: str, step: str, move: str
) -> None:
    dialogue = checking_in(engine, catalogue, language)
    dialogue.run(*TO_NEXT[language])
    assert dialogue.step == "next"
    dialogue.say(said)
    assert dialogue.step == "next_when"
    assert dialogue.goal.current_step is not None and dialogue.goal.current_step.text == step
    assert dialogue.goal.checkins[-1].next_move == move


@pytest.mark.parametrize(
    ("language", "said", "step"),
    [("en", "i just said, book the cscs course", "book the cscs course"),
     ("da", "det skrev jeg jo… booke kurset", "booke kurset")],
)  # fmt: skip
def test_i_already_said_before_the_next_step_is_never_kept(
    engine: Engine, catalogue: Catalogue, language: str, said: str, step: str
) -> None:
    dialogue = checking_in(engine, catalogue, language)
    dialogue.run(*TO_NEXT[language])
    dialogue.press("new")
    assert dialogue.step == "next_step"
    dialogue.say(said)
    assert dialogue.goal.current_step is not None and dialogue.goal.current_step.text == step


@pytest.mark.parametrize(
    ("language", "said", "kept"),
    [("en", "i just said, my nerves", "my nerves"),
     ("da", "det skrev jeg jo… jeg blev bange", "jeg blev bange")],
)  # fmt: skip
def test_i_already_said_is_never_quoted_back_or_kept_as_what_got_in_the_way(
    engine: Engine, catalogue: Catalogue, language: str, said: str, kept: str
) -> None:
    dialogue = checking_in(engine, catalogue, language)
    dialogue.run(TO_NEXT[language][0], TO_NEXT[language][1])
    assert dialogue.step == "in_the_way"
    dialogue.say(said)
    assert dialogue.goal.checkins[-1].in_the_way == kept
    dialogue.say("5")
    dialogue.press("keep")
    assert all(
        "jeg jo" not in reply and "just said" not in reply for reply in dialogue.last_replies
    )


@pytest.mark.parametrize(
    ("language", "new_step", "when_"),
    [("en", "book the cscs course", "tomorrow"), ("da", "booke kurset", "i morgen")],
)
def test_the_praise_names_the_step_that_was_done_not_the_new_one(
    engine: Engine, catalogue: Catalogue, language: str, new_step: str, when_: str
) -> None:
    dialogue = checking_in(engine, catalogue, language)
    done, reason = (
        ("did it", "i want it") if language == "en" else ("det gjorde jeg", "jeg vil det")
    )
    dialogue.run(done, "skip", "6", new_step, when_, "8", reason)
    old = dialogue.goal.steps[0].text
    [closing] = dialogue.last_replies
    assert "checkin.done" in dialogue.keys
    praise = closing.split("\n")[0]
    assert f"“{old}”" in praise and new_step not in praise
