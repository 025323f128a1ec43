"""What persona testers and a new blind set met in session 15, each through the engine."""

from __future__ import annotations

import pytest
from conftest import person
from test_listening_five import TO_GOAL

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.crisis import Concern, weigh
from dialogue_flows.engine import Engine
from dialogue_flows.words import sentences


@pytest.mark.parametrize(
    ("said", "count"),
    [("Mit mål er: ingen øl før kl. 12. Det er nok.", 2), ("ca. 3 gange om ugen", 1),
     ("it cost me 10.000 kr. never again", 2), ("No. It's Claire! ok?", 3)],
)  # fmt: skip
def test_the_dot_of_kl_and_of_a_number_ends_no_sentence(said: str, count: int) -> None:
    """Henning's "Mit mål er: ingen øl før kl. 12." was kept as the goal "ingen øl før kl"."""
    assert len(sentences(said)) == count


def test_a_goal_with_kl_is_kept_whole(engine: Engine, catalogue: Catalogue) -> None:
    dialogue = person(engine, catalogue, "da", *TO_GOAL["da"])
    replies = dialogue.say("Mit mål er: ingen øl før kl. 12.")
    assert "ingen øl før kl. 12" in " ".join(replies), replies


@pytest.mark.parametrize("said", ["orker ik mere fr", "kan ik mere ass", "cant do it anymore fr"])
def test_distress_said_with_young_slang_after_it_is_heard(said: str) -> None:
    """Sofie's "orker ik mere fr" got the command menu; "jeg orker ikke mere" was heard."""
    assert Concern.DISTRESS in weigh(said).concerns
