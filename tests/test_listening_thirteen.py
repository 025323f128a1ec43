"""Session 10: what the console showed when people answered as people do, each a test."""

from __future__ import annotations

import pytest
from conftest import person
from test_listening_eleven import WELCOME

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine
from dialogue_flows.records import LifeArea


@pytest.mark.parametrize(
    ("language", "word", "goal", "area"),
    [("en", "Home", "Find a flat of my own within a year", LifeArea.HOME),
     ("da", "arbejde", "jeg vil gerne have et fleksjob inden sommeren", LifeArea.PURPOSE)],
)  # fmt: skip
def test_a_goal_said_in_full_at_the_area_is_the_goal(
    engine: Engine, catalogue: Catalogue, language: str, word: str, goal: str, area: LifeArea
) -> None:
    """ "Home", then "Find a flat of my own within a year" at "…about home. Is that
    right?": the sentence was dropped, "Home" stayed the goal and the next answer was
    taken as what they would be doing."""
    dialogue = person(engine, catalogue, language, *WELCOME[language], word)
    assert dialogue.step == "area_suggested", dialogue.step
    dialogue.say(goal)
    assert dialogue.goal.text == goal
    assert dialogue.goal.area is area
    assert dialogue.step == "why", dialogue.step
    assert any(goal in reply for reply in dialogue.last_replies)


@pytest.mark.parametrize(
    ("language", "back", "why"),
    [("en", "go back", "for my kids really"), ("da", "gå tilbage", "for mine børns skyld")],
)
def test_go_back_asks_the_question_before_and_is_never_kept(
    engine: Engine, catalogue: Catalogue, language: str, back: str, why: str
) -> None:
    """ "go back" at "Where are you now?" was kept as why the goal mattered; now it asks
    why again, and the new answer takes the old one's place."""
    dialogue = person(engine, catalogue, language, *WELCOME[language], "get a job", "1",
                      "because i want money")  # fmt: skip
    assert dialogue.step == "now", dialogue.step
    dialogue.say(back)
    assert dialogue.step == "why", dialogue.step
    assert "move.back" in dialogue.keys
    assert dialogue.goal.why == "because i want money"
    dialogue.say(why)
    assert dialogue.goal.why == why
    assert dialogue.step == "now", dialogue.step


def test_go_back_to_the_goal_puts_it_right_and_never_adds_a_second(
    engine: Engine, catalogue: Catalogue
) -> None:
    dialogue = person(engine, catalogue, "en", *WELCOME["en"], "get a job")
    dialogue.say("can we go back")
    assert dialogue.step == "goal_fix", dialogue.step
    dialogue.say("get a job as a joiner by summer")
    assert list(dialogue.goals) == [1]
    assert dialogue.goal.text == "get a job as a joiner by summer"


def test_go_back_where_nothing_came_before_says_so(engine: Engine, catalogue: Catalogue) -> None:
    dialogue = person(engine, catalogue, "en", *WELCOME["en"])
    dialogue.say("go back")
    assert "move.back_none" in dialogue.keys
    assert not dialogue.goals
