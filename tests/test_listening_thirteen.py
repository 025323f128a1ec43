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
