"""Session 9: what people playing Maja (Danish, long and ambivalent) and Jay (short,
text-speak) met in the console, each a test."""

from __future__ import annotations

import pytest
from conftest import person
from test_listening_eleven import WELCOME

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine

TO_IDEAS = {
    "en": (*WELCOME["en"], "get some structure in my days", "purpose", "my son", "i sleep till 12",
           "my sister", "shame", "yes"),
    "da": (*WELCOME["da"], "få noget struktur", "mening", "min søn", "sover til 12",
           "min søster", "skam", "ja"),
}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "ideas", "missed", "added", "listed"),
    [("da", "stå op kl 8, gå en tur, eller spørge jobcentret", "nej du fik ikke dem alle med",
      "ringe til daghøjskolen",
      ("stå op kl 8", "gå en tur", "spørge jobcentret", "ringe til daghøjskolen")),
     ("en", "get up at 8, go for a walk, or ask the jobcentre", "no you missed some",
      "ring the college",
      ("get up at 8", "go for a walk", "ask the jobcentre", "ring the college"))],
)  # fmt: skip
def test_you_missed_some_asks_what_was_missed_and_is_never_an_idea(
    engine: Engine,
    catalogue: Catalogue,
    language: str,
    ideas: str,
    missed: str,
    added: str,
    listed: tuple[str, ...],
) -> None:
    """ "nej du fik ikke dem alle med" was added as an idea and offered as an option."""
    dialogue = person(engine, catalogue, language, *TO_IDEAS[language], ideas)
    assert dialogue.step == "options_summary", dialogue.step
    dialogue.say(missed)
    assert dialogue.step == "options_fix", dialogue.step
    dialogue.say(added)
    assert dialogue.goal.options == listed
