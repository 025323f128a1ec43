"""Words said when no conversation is open: a feeling is met before the offer is made."""

from __future__ import annotations

from conftest import SCHEDULE_ANSWERS, Dialogue


def planned(dialogue: Dialogue, language: str) -> Dialogue:
    person = Dialogue(dialogue.engine, dialogue.catalogue, language=language)
    person.run(*SCHEDULE_ANSWERS)
    assert person.person is not None and person.person.conversation.flow is None
    return person


def test_a_feeling_is_acknowledged_before_the_offer(dialogue: Dialogue) -> None:
    for language, said, heard in (
        ("da", "har det lidt skidt i dag men klarer mig", "idle.getting_by"),
        ("en", "this rota is killing me lol", "idle.low"),
        ("en", "could murder a brew", "idle.everyday"),
        ("en", "had a good day today", "idle.good"),
        ("da", "er så træt i dag", "idle.low"),
    ):
        person = planned(dialogue, language)
        [reply] = person.say(said)
        assert person.keys == [heard, "idle.waiting.after"], said
        assert reply.count("I'm here") + reply.count("Jeg er her") == 0, said
        assert "?" not in reply, said


def test_words_with_no_feeling_in_them_get_the_offer_alone(dialogue: Dialogue) -> None:
    person = planned(dialogue, "en")
    person.say("hello there")
    assert person.keys == ["idle.waiting"]
    person.run("/newgoal", "/cancel")
    person.say("bit rough today")
    assert person.keys == ["idle.low", "idle.paused.after"]


def test_i_am_here_is_said_once_in_a_message(dialogue: Dialogue) -> None:
    """Testers: "Jeg er her, når…" twice in one message after the crisis questions."""
    for language, lines in (
        ("da", ("/start", "ja", "Maja", "jeg orker ikke mere, jeg vil bare dø", "safe",
                "nej tak")),
        ("en", ("/start", "yes", "Sam", "honestly I can't go on anymore", "safe", "no thanks")),
    ):  # fmt: skip
        person = Dialogue(dialogue.engine, dialogue.catalogue, language=language)
        for line in lines:
            [reply] = person.press(line) if line == "safe" else person.say(line)
        assert person.keys[:2] == ["crisis.no_followup", "crisis.go_on"], language
        assert reply.count("I'm here") + reply.count("Jeg er her") == 1, reply
