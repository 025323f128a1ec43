"""What persona testers and a new blind set met in session 16, each through the engine."""

from __future__ import annotations

import pytest
from conftest import person
from test_listening_five import TO_GOAL

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine

YOUNG_THEN_HURT = {
    "en": ("get to school every day", "yes", "so i can pass",
           "im in sixth form, miss loads. my mums boyfriend is there",
           "he shoved me into the door last night and im scared to go home"),
    "da": ("komme i skole hver dag", "ja", "så jeg kan bestå", "går i 2.g og pjækker meget",
           "han skubbede mig ind i en dør i går og jeg tør ik tage hjem"),
}  # fmt: skip
YOUTH_LINE = {"en": "Childline", "da": "BørneTelefonen"}


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_young_person_told_earlier_gets_the_youth_line_when_hurt(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Freja (17) told of school in her Reality; her later disclosure of her mother's
    boyfriend pushing her got the adult lines alone."""
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], *YOUNG_THEN_HURT[language])
    assert YOUTH_LINE[language] in " ".join(dialogue.last_replies), dialogue.last_replies


@pytest.mark.parametrize("language", ["en", "da"])
def test_an_adult_hurt_by_a_partner_is_not_offered_the_youth_line(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    said = {"en": "my partner hits me when hes drunk",
            "da": "min kæreste slår mig når han er fuld"}  # fmt: skip
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], "get a job", "yes")
    dialogue.say(said[language])
    assert YOUTH_LINE[language] not in " ".join(dialogue.last_replies), dialogue.last_replies
