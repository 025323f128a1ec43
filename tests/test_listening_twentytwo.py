"""What persona testers met in session 20, each through the engine (or the reading it
comes down to)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import person

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.crisis import Concern, weigh
from dialogue_flows.engine import Engine

CONSENTED = {"en": ("hi", "yes", "Sam"), "da": ("hej", "ja", "Sam")}
EMERGENCY = {
    "en": "my mate took too much g at a party and hes not waking up",
    "da": "min ven har taget for meget g til en fest og han vågner ikke",
}
FIRST_AID = {"en": "recovery position", "da": "stabilt sideleje"}
ASKED = {
    "en": ("what do i do", "do i put him in the recovery position", "he's breathing weird",
           "should i give him coffee"),
    "da": ("hvad gør jeg", "skal jeg lægge ham på siden", "han trækker vejret mærkeligt",
           "skal jeg give ham kaffe"),
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "da"])
def test_what_to_do_after_an_emergency_reply_gets_first_aid_not_a_goal(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """A friend on G who would not wake: "what do i do" got "I want to be sure I've
    understood. Are you safe right now?", "do i put him in the recovery position" left the
    crisis conversation, and "he's breathing weird" was kept as their goal. Each is
    answered with what to do until help comes, and the crisis conversation waits."""
    dialogue = person(engine, catalogue, language, *CONSENTED[language])
    dialogue.say(EMERGENCY[language])
    for said in ASKED[language]:
        reply = "\n".join(dialogue.say(said))
        assert FIRST_AID[language] in reply, said
        assert "999" in reply if language == "en" else "112" in reply
        assert dialogue.person is not None
        assert dialogue.person.conversation.flow == "crisis"
    assert not dialogue.goals


@pytest.mark.parametrize("language", ["en", "da"])
def test_what_to_do_hours_later_is_no_first_aid(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Two hours on, "what do i do" is a question about their life again."""
    dialogue = person(engine, catalogue, language, *CONSENTED[language])
    dialogue.say(EMERGENCY[language])
    dialogue.say("I'm safe for now" if language == "en" else "jeg er i sikkerhed")
    dialogue.now += timedelta(hours=3)
    reply = "\n".join(dialogue.say(ASKED[language][0]))
    assert FIRST_AID[language] not in reply


@pytest.mark.parametrize("language", ["en", "da"])
def test_first_aid_asked_before_consent_is_answered(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Before consent nothing is remembered, not even the emergency reply: a question
    about the recovery position had got "No rush. Choose Yes…". Words that can only be
    first aid get it; "what do i do" alone cannot be told from a question about the app."""
    dialogue = person(engine, catalogue, language, CONSENTED[language][0])
    dialogue.say(EMERGENCY[language])
    reply = "\n".join(dialogue.say(ASKED[language][1]))
    assert FIRST_AID[language] in reply
    assert dialogue.person is None


@pytest.mark.parametrize(
    ("said", "emergency"),
    [
        ("hes breathing weird", True),
        ("my mate is breathing really slow and making these snoring noises", True),
        ("his lips are going blue", True),
        ("han trækker vejret mærkeligt og jeg kan ikke få kontakt", True),
        ("hun snorker underligt og vågner ikke rigtig", True),
        ("my lips went blue in the sea lol it was freezing", False),
        ("jeg snorker som en gammel traktor siger min kæreste", False),
    ],
)
def test_how_someone_breathes_is_an_emergency(said: str, emergency: bool) -> None:
    """ "his lips are going blue" was read as a wish to die, "hes breathing weird" as
    nothing at all."""
    assert (Concern.EMERGENCY in weigh(said).concerns) is emergency
