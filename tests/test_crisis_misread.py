"""Around an alarm, true or false: a protest is heard, the same words are not raised
again that day, one whole block a day, one question a message, nothing cut silently.

From three people played against the console: Gary (61, Hull, an allotment shed read as
a goodbye), Lone (Odense, a row on the phone read as violence), Chloe (23, Cardiff, an
urge to cut she had not acted on, and two false alarms after it). The first alarm in
each test is said in words any detector must answer, so these tests hold whatever the
detector reads in the protests themselves.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import THROUGH_REALITY, WELCOMED, Dialogue

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.crisis import Concern, assess, weigh
from dialogue_flows.engine import Engine

DANISH_WELCOMED = ("/start", "ja", "Lone")
DANISH_AT_REALITY = (*DANISH_WELCOMED, "Se min søster Åse hver uge", "Fællesskab")
CHLOE_AT_NOW = (*WELCOMED, "get back to college properly", "Purpose",
                "so i can finish my course and get a job")  # fmt: skip
"""Chloe at "Where are you with it right now?", mid-GROW."""
DANISH_AT_NOW = (*DANISH_WELCOMED, "komme tilbage på uddannelsen", "Mening",
                 "så jeg kan blive færdig og få et job")  # fmt: skip


@pytest.fixture
def danish(engine: Engine, catalogue: Catalogue) -> Dialogue:
    return Dialogue(engine, catalogue, language="da")


def labels(dialogue: Dialogue) -> list[str]:
    """The buttons offered in the last turn, as the person reads them."""
    assert dialogue.last is not None
    return [dialogue.catalogue.render(choice.label, dialogue.last.language)
            for reply in dialogue.last.replies for choice in reply.choices]  # fmt: skip


# -- 1. a protest or a denial right after a crisis reply is "You misread me" ------------


@pytest.mark.parametrize(
    "protest",
    ["eh? it's an allotment letter mate not a suicide note",
     "4. christ almighty. I live on me own, nobody's hitting me. it's a SHED",
     "?? u misread me im fine, i meant i want to tell my tutor about college stuff",
     "im not suicidal, its about the course"],
)  # fmt: skip
def test_a_protest_at_are_you_safe_is_heard_as_misread(dialogue: Dialogue, protest: str) -> None:
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore")
    [reply] = dialogue.say(protest)
    assert dialogue.keys[0] == "crisis.misread", dialogue.keys
    assert reply.startswith("Sorry, I misread you") and "•" not in reply


@pytest.mark.parametrize(
    "protest",
    ["hva? der er ingen vold. vi skændes bare i telefonen om Mads. du misforstod",
     "der er ingen vold, vi skændes bare", "jeg har det fint, du misforstod",
     "4. ingen slår mig, vi skændes bare om Mads"],
)  # fmt: skip
def test_a_danish_protest_is_heard_as_misread(danish: Dialogue, protest: str) -> None:
    danish.run(*DANISH_AT_REALITY, "min kæreste slog mig igen i går")
    [reply] = danish.say(protest)
    assert danish.keys[0] == "crisis.misread", danish.keys
    assert reply.startswith("Undskyld, jeg misforstod dig") and "Lev Uden Vold" not in reply


def test_a_protest_after_im_safe_is_heard_too(dialogue: Dialogue, danish: Dialogue) -> None:
    """At "Can I check in with you tomorrow?", and at the safety question asked again."""
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore", "im safe")
    dialogue.say("eh? it's an allotment letter mate not a suicide note")
    assert dialogue.keys[0] == "crisis.misread", dialogue.keys
    danish.run(*DANISH_AT_REALITY, "min kæreste slog mig igen i går", "hmm")
    assert danish.keys == ["crisis.safe_again"]
    danish.say("der er ingen vold. du misforstod")
    assert danish.keys[0] == "crisis.misread", danish.keys


def test_a_protest_back_at_the_grow_question_is_heard_not_alarmed(
    dialogue: Dialogue, danish: Dialogue
) -> None:
    """Chloe, back at her GROW question after a reply: "?? u misread me im fine, i meant
    ..." raised another alarm. Heard as a protest that day; an emergency never is."""
    dialogue.run(*CHLOE_AT_NOW, "i cut myself again last night", "im safe", "no thanks")
    protest = "?? u misread me im fine, i meant i cant go on anymore with that essay"
    assert assess(protest), "said alone, these words raise the alarm"
    [reply] = dialogue.say(protest)
    assert dialogue.keys == ["crisis.misread", "grow.now"], dialogue.keys
    assert "•" not in reply and reply.endswith("right now?")
    dialogue.say("u misread me, i took all my pills")
    assert dialogue.keys[0] == "crisis.emergency", dialogue.keys
    danish.run(*DANISH_AT_NOW, "min kæreste slog mig igen i går", "jeg er okay lige nu", "nej tak")
    danish.say("du misforstod mig, jeg orker ikke mere")
    assert danish.keys[0] == "crisis.misread", danish.keys
    danish.now += timedelta(days=1, minutes=1)
    danish.say("du misforstod mig, jeg orker ikke mere")  # a day on: heard
    assert danish.keys[0].startswith("crisis.") and "crisis.misread" not in danish.keys


def test_a_number_typed_first_picks_that_option(dialogue: Dialogue, danish: Dialogue) -> None:
    """Gary typed "4. christ almighty…" at the four options: it was read as no answer."""
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore")
    dialogue.say("4. christ almighty. it's a SHED")
    assert dialogue.keys[0] == "crisis.misread", dialogue.keys
    danish.run(*DANISH_AT_REALITY, "jeg vil ikke leve mere")
    danish.say("2) aner det ærligt talt ikke rigtig")
    assert danish.keys[0] == "crisis.unsure", danish.keys


def test_an_emergency_is_not_dismissed_by_a_denial(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "i took all my pills")
    dialogue.say("im not suicidal, nobody's hitting me")
    assert "crisis.misread" not in dialogue.keys, dialogue.keys
    dialogue.say("im not suicidal")
    assert "crisis.misread" not in dialogue.keys, dialogue.keys


# -- 2. what was misread is not raised again that day; a new risk still is ---------------


def test_misread_words_raise_no_alarm_again_that_day(dialogue: Dialogue) -> None:
    """Gary: "yes. and the shed roof's gone, you missed that" fired again, a minute after
    he had said the shed roof was misread."""
    dialogue.run(*THROUGH_REALITY)
    dialogue.say("ask the council. i cant go on anymore")
    dialogue.press("misread")
    dialogue.say("yes")  # keep "ask the council."
    again = "yes. and i cant go on anymore, you missed that"
    assert assess(again), "said alone, these words raise the alarm"
    dialogue.say(again)
    assert not any(key.startswith("crisis.") for key in dialogue.keys), dialogue.keys
    assert "go on" not in str(dialogue.person)  # prints, never the words
    dialogue.say("i want to die")
    assert dialogue.keys[0].startswith("crisis."), dialogue.keys
    dialogue.press("misread")
    dialogue.now += timedelta(days=1, minutes=1)
    dialogue.say("i cant go on anymore")
    assert dialogue.keys[0] == "crisis.suicide", dialogue.keys  # a day later, heard again


def test_misread_danish_words_raise_no_alarm_again_but_violence_does(danish: Dialogue) -> None:
    danish.run(*DANISH_AT_REALITY, "jeg orker ikke mere med det hele")
    assert danish.keys[0].startswith("crisis."), danish.keys
    danish.say("du misforstod mig")
    again = "jeg orker ikke mere med det hele, det er kurset"
    assert assess(again), "said alone, these words raise the alarm"
    danish.say(again)
    assert not any(key.startswith("crisis.") for key in danish.keys), danish.keys
    danish.say("min kæreste slog mig igen i går")
    assert danish.keys[0].startswith("crisis."), danish.keys


# -- 3. "You misread me" on every reply but an emergency ----------------------------------


def test_misread_is_offered_on_a_short_reply_and_when_asked_again(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore", "im safe", "no")
    dialogue.say("my partner hits me when hes drunk")
    assert dialogue.keys[0] == "crisis.again", dialogue.keys
    assert "You misread me, I'm fine" in labels(dialogue)
    dialogue.say("hmm")
    assert dialogue.keys == ["crisis.safe_again"]
    assert "You misread me, I'm fine" in labels(dialogue)
    dialogue.press("misread")
    assert dialogue.keys[0] == "crisis.misread", dialogue.keys


def test_after_an_emergency_asked_again_offers_no_misread(danish: Dialogue) -> None:
    danish.run(*DANISH_AT_REALITY, "jeg har taget alle mine piller", "hmm", "hmm")
    assert "Du misforstod mig, jeg har det fint" not in labels(danish)
    danish.say("du misforstod mig")
    assert "crisis.misread" not in danish.keys, danish.keys


# -- 4. an urge not acted on gets no first aid ---------------------------------------------


def test_an_urge_not_acted_on_gets_no_first_aid(dialogue: Dialogue, danish: Dialogue) -> None:
    """Chloe: "the urge to cut came back, didnt do it" was met with "press on it with
    something clean… if it's deep… call 999"."""
    dialogue.run(*CHLOE_AT_NOW)
    [reply] = dialogue.say("bad night, the urge to cut came back, didnt do it but its there")
    assert dialogue.keys[0] == "crisis.self_harm_urge", dialogue.keys
    assert "press on it" not in reply and "not acting on it" in reply and "999" in reply
    danish.run(*DANISH_AT_NOW)
    [reply] = danish.say("trangen til at skære i mig selv kom tilbage, men jeg gjorde det ikke")
    assert danish.keys[0] == "crisis.self_harm_urge", danish.keys
    assert "tryk på såret" not in reply and "ikke give efter" in reply and "112" in reply


def test_a_wound_still_gets_first_aid(dialogue: Dialogue) -> None:
    dialogue.run(*CHLOE_AT_NOW)
    [reply] = dialogue.say("i cut myself again last night")
    assert "press on it with something clean" in reply


# -- 5. one whole block a day --------------------------------------------------------------


def test_after_a_misread_another_alarm_that_day_is_short(dialogue: Dialogue) -> None:
    """Chloe: three whole blocks in about three minutes, two of them false alarms."""
    dialogue.run(*CHLOE_AT_NOW)
    [first] = dialogue.say("honestly i cant go on anymore with this course")
    dialogue.press("misread")
    dialogue.say("no")  # answer again
    [second] = dialogue.say("my partner hits me when hes drunk")
    assert dialogue.keys == ["crisis.again", "crisis.safe_now"], dialogue.keys
    assert second.count("•") == 2 and len(second) < len(first)
    dialogue.run("im safe", "no")
    dialogue.say("i took all my pills")
    assert dialogue.keys[0] == "crisis.emergency"  # an emergency is said in full


def test_a_danish_second_alarm_is_short(danish: Dialogue) -> None:
    danish.run(*DANISH_AT_REALITY, "jeg vil ikke leve mere", "ja", "nej tak")
    danish.say("min kæreste slog mig igen i går og jeg kan ikke mere")
    assert danish.keys == ["crisis.again", "crisis.safe_now"], danish.keys
    [reply] = danish.last_replies
    assert "Lev Uden Vold" in reply and "Livslinien" not in reply  # not offered today


# -- 6 and 7. one question a message; the risk sentence dropped whole, and said so -------


CHLOE_KEPT = "ive been going like 2 days a week instead of 4. college was ok till last week tbh."
CHLOE_NOW = (
    "ive been going like 2 days a week instead of 4. college was ok till last week tbh. "
    "had a bad night on sunday and the urge to cut came back, didnt do it but its there"
)


def test_the_offer_to_keep_is_its_own_question_with_buttons(dialogue: Dialogue) -> None:
    dialogue.run(*CHLOE_AT_NOW, CHLOE_NOW, "im safe")
    [offer] = dialogue.say("no thanks")
    assert dialogue.keys[-1] == "crisis.keep_started", dialogue.keys
    assert offer.count("?") == 1 and "right now?" not in offer
    assert labels(dialogue) == ["Yes, keep it", "No, I'll answer again"]
    assert "isn't in your plan" in offer
    assert f"“{CHLOE_KEPT.removesuffix('.')}”" in offer
    dialogue.press("anew")
    assert dialogue.keys == ["grow.now"], dialogue.keys
    assert dialogue.goal.reality_now is None


def test_the_kept_answer_drops_the_whole_risk_sentence(dialogue: Dialogue) -> None:
    dialogue.run(*CHLOE_AT_NOW, CHLOE_NOW, "im safe", "no thanks")
    dialogue.press("keep")
    assert dialogue.goal.reality_now == CHLOE_KEPT
    assert "its there" not in str(dialogue.goals) and "urge" not in str(dialogue.goals)


def test_the_danish_offer_to_keep_has_buttons_and_2_asks_again(danish: Dialogue) -> None:
    danish.run(*DANISH_AT_NOW)
    danish.say("jeg kommer der 2 dage om ugen. i søndags kom trangen til at skære i mig "
               "selv tilbage, men jeg gjorde det ikke, den er der bare")  # fmt: skip
    danish.run("jeg er okay lige nu")
    [offer] = danish.say("nej tak")
    assert labels(danish) == ["Ja, behold det", "Nej, jeg svarer igen"]
    assert "står ikke i din plan" in offer and "“jeg kommer der 2 dage om ugen”" in offer
    assert "den er der bare" not in offer
    danish.say("2")
    assert danish.keys == ["grow.now"], danish.keys


@pytest.mark.parametrize(
    ("said", "small"),
    [("nogle gange tænker jeg at det hele er lidt ligegyldigt", True),
     ("sometimes i think its all a bit pointless", True),
     ("det hele er ligegyldigt", False),
     ("sometimes i think they would be better off without me", False)],
)  # fmt: skip
def test_hopelessness_said_small_is_suspected_and_still_answered(said: str, small: bool) -> None:
    """A tester's "nogle gange tænker jeg at det hele er lidt ligegyldigt" got the whole
    suicide reply. Said small, where the model alone would not alarm, it is suspected:
    the tentative reply, with the lines and the safety question all the same. Said
    plainly, or with words the model is sure of, it stays sure."""
    finding = weigh(said)
    assert finding.concerns == {Concern.SUICIDE}
    assert finding.sure is not small
