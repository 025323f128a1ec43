"""The crisis conversation as people in recovery meet it: gentle, brief, never a wall twice.

Written as testers playing people in distress wrote: lowercase, typos, slang, a refusal in
the middle of an answer. English and Danish; the console run is in test_console.py.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import THROUGH_REALITY, WELCOMED, WHOLE_PLAN, Dialogue

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine
from dialogue_flows.types import DueFollowup

DANISH_WELCOMED = ("/start", "ja", "Maja")
DANISH_AT_REALITY = (*DANISH_WELCOMED, "Se min søster Åse hver uge", "Fællesskab")
"""A Danish speaker at the question why the goal matters, mid-GROW."""


@pytest.fixture
def danish(engine: Engine, catalogue: Catalogue) -> Dialogue:
    return Dialogue(engine, catalogue, language="da")


def offers_of_a_followup(replies: list[str]) -> int:
    return sum("check in with you tomorrow?" in reply for reply in replies)


# -- 1. "not sure" is met gently; "not safe" gets the emergency number ------------------


def test_not_sure_is_met_gently_with_a_line_to_talk_to_and_the_plan(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore")
    [reply] = dialogue.say("not sure tbh")
    assert dialogue.keys == ["crisis.unsure", "crisis.plan_offer"]
    assert reply.startswith("Thank you for telling me. Whatever you're feeling right now, and")
    assert "• Samaritans: 116 123 (24/7" in reply
    assert "If you feel you might act on these thoughts, please call 999" in reply
    assert "Please call 999 now" not in reply
    assert reply.endswith("Would it help to look at your safety plan together?")


def test_not_safe_still_gets_the_emergency_number_first(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore")
    [reply] = dialogue.say("nope")
    assert dialogue.keys == ["crisis.not_safe", "crisis.plan_offer"]
    assert reply.startswith("Thank you for being honest with me. Please call 999 now")


def test_ved_ikke_is_met_gently_in_danish(danish: Dialogue) -> None:
    danish.run(*DANISH_AT_REALITY, "jeg vil ikke leve mere")
    [reply] = danish.say("ved ik")
    assert danish.keys == ["crisis.unsure", "crisis.plan_offer"]
    assert reply.startswith("Tak, fordi du fortæller mig det. Uanset hvad du føler")
    assert "• Livslinien: 70 201 201" in reply and "ring 112" in reply
    assert "Ring 112 nu" not in reply


# -- 2. free text at a crisis question: read, and met with respect ----------------------


def test_refusing_to_call_is_respected_and_not_now_is_heard(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore", "nope")
    [reply] = dialogue.say("im not ringing 999 over that. not now")
    assert dialogue.keys == ["crisis.no_call", "crisis.followup_offer"]
    assert reply.startswith("That's okay, you don't have to call anyone.")
    assert "999" not in reply and "116 123" not in reply
    assert "Please choose" not in reply


def test_a_refusal_alone_gets_the_short_question_not_the_numbers(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore", "no not really")
    [reply] = dialogue.say("not calling anyone")
    assert dialogue.keys == ["crisis.no_call", "crisis.plan_offer"]
    assert "999" not in reply and "•" not in reply
    [again] = dialogue.say("hmm")
    assert dialogue.keys == ["crisis.plan_again"]
    assert len(again) < 140 and "•" not in again
    dialogue.say("hmm")
    assert dialogue.keys == ["crisis.left", "crisis.go_on", "grow.options"], dialogue.keys


@pytest.mark.parametrize(
    ("said", "meaning"),
    [("im fine its nothing. just a bad week", "crisis.followup_after_safe"),
     ("you already asked me that. yeah", "crisis.followup_after_safe"),
     ("not good tbh", "crisis.not_safe"), ("dunno really", "crisis.unsure"),
     ("im not calling anyone, im ok", "crisis.followup_after_safe"),
     ("no need to ring anyone, im alright", "crisis.followup_after_safe"),
     ("im not calling cos im not safe", "crisis.not_safe|crisis.emergency")],
)  # fmt: skip
def test_are_you_safe_is_read_in_sentences(dialogue: Dialogue, said: str, meaning: str) -> None:
    """ "Not safe" may be met by the not-safe reply or, where the detector reads it as an
    emergency, by the emergency reply: both lead with the emergency number."""
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore")
    dialogue.say(said)
    assert set(meaning.split("|")) & set(dialogue.keys)


def test_already_said_yes_to_the_follow_up_is_a_yes_with_a_sorry(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore", "nope", "not now")
    dialogue.say("you already asked me that. yeah")
    assert dialogue.keys == ["crisis.asked_twice", "crisis.followup_set", "crisis.go_on",
                             "grow.options"]  # fmt: skip
    assert dialogue.person is not None and dialogue.person.followup_due is not None


def test_a_danish_refusal_and_already_said(danish: Dialogue) -> None:
    danish.run(*DANISH_AT_REALITY, "jeg vil ikke leve mere", "nej")
    [reply] = danish.say("jeg ringer ikke til nogen. ikke nu")
    assert danish.keys == ["crisis.no_call", "crisis.followup_offer"]
    assert reply.startswith("Det er okay, du behøver ikke ringe til nogen.")
    assert "112" not in reply
    danish.say("du har allerede spurgt mig om det. ja")
    assert danish.keys[:2] == ["crisis.asked_twice", "crisis.followup_set"]


# -- 3. the follow-up is offered once while pending, and not again the day of a no ------


def test_the_follow_up_is_not_offered_again_while_one_is_pending(dialogue: Dialogue) -> None:
    replies = []
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore")
    replies += dialogue.say("im safe")
    replies += dialogue.say("yes please")
    for crisis in ("i want to die", "i just want to sleep and not wake up", "i want to die"):
        dialogue.say(crisis)
        replies += dialogue.say("im ok")
        assert dialogue.keys[0] == "crisis.safe_ok"
        assert "I'll still check in with you tomorrow, as we said." in dialogue.last_replies[0]
    assert offers_of_a_followup(replies) == 1
    dialogue.say("i took all my pills")  # an emergency waits, then not a follow-up again
    assert dialogue.keys[-1] == "crisis.after_emergency"
    dialogue.say("im safe now")
    assert dialogue.keys[0] == "crisis.safe_ok"


def test_after_a_no_the_follow_up_waits_a_day(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore", "im safe", "no thanks")
    assert dialogue.person is not None and dialogue.person.followup_due is None
    dialogue.run("i want to die", "not sure", "nah")
    assert dialogue.keys[0] == "crisis.carry_on"
    dialogue.now += timedelta(days=1)
    dialogue.run("i want to die", "im safe for now")
    assert dialogue.keys == ["crisis.safe_thanks", "crisis.followup_after_safe"]


def test_a_danish_follow_up_is_asked_once(danish: Dialogue) -> None:
    danish.run(*DANISH_AT_REALITY, "jeg vil ikke leve mere", "ja", "ja tak")
    danish.run("jeg vil ikke leve mere")
    [reply] = danish.say("jeg har det fint, det er ingenting. bare en dårlig uge")
    assert danish.keys[:2] == ["crisis.safe_ok", "crisis.go_on"]
    assert "Jeg skriver stadig til dig i morgen, som vi aftalte." in reply
    assert "Må jeg skrive til dig i morgen?" not in reply


# -- 4. the second crisis reply of a day is short ---------------------------------------


def test_the_second_reply_of_the_day_is_short(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY)
    [first] = dialogue.say("honestly i cant go on anymore")
    assert "Mind Infoline" in first
    dialogue.run("im safe", "no")
    [second] = dialogue.say("i just want it all to stop, i want to die")
    assert dialogue.keys == ["crisis.again", "crisis.safe_now"]
    assert second.count("•") == 2 and "Samaritans: 116 123" in second
    assert "If you are in danger now, call 999." in second
    assert "/safety has all the numbers" in second and "Mind Infoline" not in second
    assert len(second) < len(first) / 1.5
    dialogue.run("im safe")
    dialogue.now += timedelta(days=1, minutes=1)
    dialogue.say("i want to die")
    assert dialogue.keys[0] == "crisis.suicide"


def test_an_emergency_and_a_new_concern_are_said_in_full(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "i want to die", "im safe", "no")
    dialogue.say("i relapsed last night after 6 months clean, did my old amount")
    assert dialogue.keys[0] == "crisis.lapse"
    for _ in range(2):
        [reply] = dialogue.say("i took all my pills")
        assert dialogue.keys[0] == "crisis.emergency" and "call 999" in reply


def test_a_lapse_after_an_earlier_reply_gets_its_own_reply_not_the_short_one(
    dialogue: Dialogue,
) -> None:
    """Testers: a real lapse right after a false alarm got "crisis.again". Each reply is
    remembered by its own message: a lapse read with an earlier concern still gets the
    lapse reply in full, and only the same reply again is short."""
    dialogue.run(*WELCOMED, "honestly i cant go on anymore", "im safe", "no")
    [lapse] = dialogue.say("i cant go on anymore, i used again last night after 6 months clean")
    assert dialogue.keys[0] == "crisis.lapse" and "999" in lapse
    dialogue.run("im safe")
    dialogue.say("used again tonight after 6 months clean")
    assert dialogue.keys[0] == "crisis.again"


def test_the_second_reply_of_the_day_is_short_in_danish(danish: Dialogue) -> None:
    danish.run(*DANISH_AT_REALITY, "jeg vil ikke leve mere", "ja", "nej tak")
    [second] = danish.say("jeg vil ikke leve mere altså")
    assert danish.keys == ["crisis.again", "crisis.safe_now"]
    assert second.count("•") <= 3 and "Livslinien: 70 201 201" in second
    assert "/safety har alle numrene" in second


# -- 5. the lines that fit: no age-limited lines for everyone ---------------------------


def test_lines_for_other_ages_and_harms_are_not_padding(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED)
    [suicide] = dialogue.say("i want to die")
    assert "PAPYRUS" not in suicide and "Childline" not in suicide
    dialogue.run("im safe", "no")
    [partner] = dialogue.say("my partner hits me when he's drunk")
    assert "Refuge" in partner and "999" in partner
    assert "Rape Crisis" not in partner and "Childline" not in partner


def test_the_young_and_sexual_harm_get_their_own_lines(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED)
    [young] = dialogue.say("im 15 and my dad hits me")
    assert "Childline: 0800 1111" in young
    dialogue.run("im safe", "no")
    dialogue.now += timedelta(days=1, minutes=1)
    [sexual] = dialogue.say("he raped me last night")
    assert "Rape Crisis" in sexual and "Childline" not in sexual


def test_safety_shows_every_line_with_the_age_limited_ones(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED)
    [help_text, _] = dialogue.command("help")
    [safety] = dialogue.command("safety")
    assert "PAPYRUS HOPELINE247" in safety and "Childline" in safety and "FRANK" in safety
    assert "PAPYRUS" not in help_text and "Samaritans" in help_text


def test_danish_lines_fit_the_person(danish: Dialogue) -> None:
    danish.run(*DANISH_WELCOMED)
    danish.command("reminders")
    danish.run("mandag 18:00", "København")
    [adult] = danish.say("min kæreste slår mig når han drikker")
    assert "Lev Uden Vold" in adult and "BørneTelefonen" not in adult
    danish.run("ja", "nej tak")
    danish.now += timedelta(days=1, minutes=1)
    [young] = danish.say("jeg er 14 og min far slår mig")
    assert "BørneTelefonen" in young


# -- 6. safe is acknowledged before going back ------------------------------------------


def test_safe_is_acknowledged_warmly_before_going_back(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore", "im safe", "yes")
    dialogue.say("i want to die")
    [back] = dialogue.say("im fine its nothing. just a bad week")
    assert back.startswith("Thanks for telling me. I'm here if it gets heavy again.")
    assert dialogue.keys == ["crisis.safe_ok", "crisis.go_on", "grow.options"]
    assert "Here's where we were" in back


def test_a_first_safe_is_thanked_before_the_offer(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore")
    [offer] = dialogue.say("im fine its nothing. just a bad week")
    assert offer.startswith("Thanks for telling me. I'm glad you're safe for now.")
    [back] = dialogue.say("nah")
    assert back.startswith("That's okay. I'm here if it gets heavy again")


def test_safe_is_acknowledged_in_danish(danish: Dialogue) -> None:
    danish.run(*DANISH_AT_REALITY, "jeg vil ikke leve mere")
    [offer] = danish.say("jeg har det fint, det er ingenting. bare en dårlig uge")
    assert offer.startswith("Tak fordi du fortæller mig det.")


# -- 7. /mydata says what is kept for safety; no thanks clears a follow-up --------------


def test_mydata_lists_the_safety_plan_and_a_pending_follow_up(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "/safety", "Make a plan", "crowds", "not sleeping", "my dog",
                 "my sister jo", "jo keeps my pills")  # fmt: skip
    dialogue.run("i want to die", "im safe", "yes please")
    [kept] = dialogue.command("mydata")
    assert "• Your safety plan, in your own words (last changed 2 March" in kept
    assert "• A check-in message you asked for, on Tuesday 3 March" in kept


def test_no_thanks_leaves_no_follow_up_and_mydata_says_none(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "i want to die", "im safe", "yes please")
    dialogue.send(DueFollowup())
    dialogue.run("worse tbh", "im safe for now", "no thanks")
    assert dialogue.person is not None and dialogue.person.followup_due is None
    [kept] = dialogue.command("mydata")
    assert "check-in message you asked for" not in kept and "safety plan" not in kept
    assert dialogue.send(DueFollowup()) == []


def test_mydata_in_danish_lists_the_plan_and_follow_up(danish: Dialogue) -> None:
    danish.run(*DANISH_WELCOMED, "/safety", "1", "larm", "jeg sover dårligt", "min hund",
               "min søster", "min søster passer på mine piller")  # fmt: skip
    danish.run("jeg vil ikke leve mere", "ja", "ja tak")
    [kept] = danish.command("mydata")
    assert "• Din sikkerhedsplan, med dine egne ord" in kept
    assert "• En besked, du bad om, som jeg sender" in kept


def test_the_plan_offered_in_a_crisis_opens_the_plan_not_the_numbers_again(
    dialogue: Dialogue,
) -> None:
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore", "not sure")
    dialogue.say("yeah ok")
    dialogue.say("no thanks")
    assert dialogue.keys == ["crisis.no_followup", "safety.together", "safety.triggers"]
    assert "116 123" not in dialogue.last_replies[-1]
    dialogue.run("being alone", "skip this one", "music", "my mate dave", "skip this one")
    assert dialogue.keys[0] == "safety.saved" and dialogue.keys[-1] == "grow.options"


def test_their_own_plan_opens_when_a_follow_up_is_already_pending(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "/safety", "Make a plan", "crowds", "not sleeping", "my dog",
                 "my sister jo", "jo keeps my pills")  # fmt: skip
    dialogue.run("i want to die", "im safe", "yes please")
    dialogue.run("i want to die", "dunno")
    [plan] = dialogue.say("yes")
    assert dialogue.keys == ["crisis.to_plan", "safety.look"]
    assert plan.startswith("Thank you. I'll still check in with you tomorrow")
    assert "• What helps me: my dog" in plan and "116 123" not in plan
    dialogue.say("that's all for now")
    assert dialogue.keys[-1] == "grow.goal"


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "en",
            "ring the fella i guess. tbh been thinking of saving a few doses up just in case",
        ),
        ("en", "ive got a stash of pills put away for when it gets too much"),
        ("da", "har gemt lidt metadon til side, bare for en sikkerheds skyld"),
    ],
)
def test_saving_up_doses_is_met_with_what_to_do_with_them(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Testers: saved-up methadone got the general reply; nothing said what to do with it."""
    person = Dialogue(engine, catalogue, language=language)
    person.run(*(WELCOMED if language == "en" else ("/start", "ja", "Jonas")))
    [reply, *_] = person.say(said)
    assert person.keys[0] == "crisis.saved_up", person.keys
    assert ("pharmacy" if language == "en" else "apoteket") in reply


def test_wanting_to_die_is_not_the_saved_up_reply(dialogue: Dialogue) -> None:
    """Also: "i want to die" said plainly is answered whatever follows it (the model alone
    had doubted it once a goodbye letter was mentioned)."""
    dialogue.run(*WELCOMED)
    dialogue.say("i want to die, i saved a letter for my mum")
    assert dialogue.keys[0] == "crisis.suicide"


def test_distress_words_inside_the_crisis_conversation_are_its_answer(danish: Dialogue) -> None:
    """Testers: "jeg ringer ikke til nogen nu" at the plan offer printed every line again."""
    danish.run(*DANISH_WELCOMED, "har gemt lidt metadon til side, bare for en sikkerheds skyld")
    danish.say("ved ikke")
    danish.say("jeg ringer ikke til nogen nu")
    assert not any(key in ("crisis.suicide", "crisis.distress", "crisis.again")
                   for key in danish.keys), danish.keys  # fmt: skip


# -- 6. the person's own region's acute line, when they have told us their town ------------


def test_a_person_in_odense_gets_their_regions_line_not_1813(dialogue: Dialogue) -> None:
    """Testers: a person in Odense got Region Hovedstaden's 1813 and all five regions."""
    dialogue.run(*WHOLE_PLAN, "no", "Monday 18:00", "jeg bor i Odense", "yes")
    [reply] = dialogue.say("i want to die")
    assert "70 11 07 07" in reply and "1813" not in reply and "Hovedstaden" not in reply


def test_someone_who_named_no_town_gets_one_sentence_for_the_regions(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN, "no", "Monday 18:00", "Denmark", "yes")
    [reply] = dialogue.say("i want to die")
    assert "• When your GP is closed: 1813 in the Capital Region, or the out-of-hours" in reply
    assert "70 11 07 07" not in reply and "Sjælland 1818" not in reply


def test_harm_said_in_passing_gets_the_gentle_harm_reply_with_its_lines(
    dialogue: Dialogue,
) -> None:
    """Testers: "partner had a go again last night" was passed over mid-conversation."""
    dialogue.run(*THROUGH_REALITY)
    [reply] = dialogue.say(
        "yeah thats about it. partner had a go again last night so aint slept much either"
    )
    assert dialogue.keys[0] == "crisis.harm_from_others"
    assert "0808 2000 247" in reply and "999" in reply and "Samaritans" not in reply


# -- 7. inside the crisis conversation, what they say is first its answer ------------------


@pytest.mark.parametrize(
    ("said", "meaning"),
    [("i dont want to ring 999, im not gonna do anything tonight. maybe the plan thing",
      "crisis.to_plan"),
     ("im safe tonight i think. just not sure in general", "crisis.unsure")],
)  # fmt: skip
def test_an_answer_to_are_you_safe_is_not_an_emergency(
    dialogue: Dialogue, said: str, meaning: str
) -> None:
    """Testers (Kaz): de-escalating answers got "Please call 999 now… give naloxone"."""
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore")
    dialogue.say(said)
    assert "crisis.emergency" not in dialogue.keys and meaning in dialogue.keys, dialogue.keys
    assert "naloxone" not in dialogue.last_replies[0]


def test_the_plan_thing_opens_the_plan(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore")
    dialogue.say("i dont want to ring 999, im not gonna do anything tonight. maybe the plan thing")
    assert dialogue.keys[:2] == ["crisis.no_call", "crisis.to_plan"]
    assert dialogue.person is not None and dialogue.person.conversation.flow == "safety"


def test_not_safe_with_the_plan_still_gets_the_emergency_number_first(danish: Dialogue) -> None:
    danish.run(*DANISH_AT_REALITY, "jeg vil ikke leve mere")
    [reply] = danish.say("nej jeg er ikke tryg. kan vi se planen")
    assert danish.keys == ["crisis.not_safe", "crisis.plan_offer"] and "112" in reply


def test_saying_nothing_was_taken_is_heard_and_a_new_emergency_still_is(
    dialogue: Dialogue,
) -> None:
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore")
    dialogue.say("what? i havent taken anything")
    assert dialogue.keys[0] == "crisis.not_taken" and "crisis.emergency" not in dialogue.keys
    assert dialogue.last_replies[0].startswith("Sorry, I misread you.")
    [reply] = dialogue.say("i just took all my pills")
    assert dialogue.keys[0] == "crisis.emergency" and "call 999" in reply


def test_danish_denials_and_answers_are_not_emergencies(danish: Dialogue) -> None:
    danish.run(*DANISH_AT_REALITY, "jeg vil ikke leve mere")
    danish.say("hvad? jeg har ikke taget noget")
    assert danish.keys[0] == "crisis.not_taken" and "crisis.emergency" not in danish.keys
    danish.say("jeg ringer ikke til 112, jeg gør ikke noget i nat. måske det med planen")
    assert "crisis.emergency" not in danish.keys and "crisis.to_plan" in danish.keys
    danish.run("/cancel")
    danish.say("jeg vil ikke leve mere")
    danish.say("jeg har taget alle mine piller")
    assert danish.keys[0] == "crisis.emergency", danish.keys


def test_safe_in_a_sentence_after_harm_from_others(dialogue: Dialogue) -> None:
    """Testers (Kaz): only typing "1" was read as safe after the harm reply."""
    dialogue.run(*THROUGH_REALITY, "partner had a go again last night so aint slept much either")
    dialogue.say("im safe, its not like that, hes not violent or anything")
    assert dialogue.keys == ["crisis.safe_thanks", "crisis.followup_after_safe"], dialogue.keys


def test_safe_in_a_danish_sentence_after_harm_from_others(danish: Dialogue) -> None:
    danish.run(*DANISH_AT_REALITY, "min kæreste slog mig igen i går, så jeg har ikke sovet")
    danish.say("jeg er ok, det er ikke sådan, han slår ikke")
    assert danish.keys == ["crisis.safe_thanks", "crisis.followup_after_safe"], danish.keys


def test_help_on_its_way_is_acknowledged_and_the_block_not_repeated(danish: Dialogue) -> None:
    """Testers (Jonas): the whole block three times in a few minutes, and "han kommer"
    not acknowledged."""
    danish.run(*DANISH_WELCOMED, "har gemt lidt metadon til side, bare for en sikkerheds skyld")
    replies = danish.say("jeg har ringet til min behandler")
    assert danish.keys[0] == "crisis.help_coming" and "•" not in replies[0]
    assert replies[0].startswith("Hvor er det godt at høre")
    danish.say("ved ikk helt. men kim er på vej og jeg har lagt det væk")
    assert danish.keys[:2] == ["crisis.help_coming", "crisis.unsure"], danish.keys
    danish.say("okay jeg har ringet til min behandler, han kommer")
    assert danish.keys[0] == "crisis.help_coming" and "crisis.lapse" not in danish.keys
    danish.say("jeg vil ikke leve mere")
    assert danish.keys[0] == "crisis.again", danish.keys


def test_help_on_its_way_in_english_and_one_full_block_a_day(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "ive been saving my methadone up, just in case")
    assert dialogue.keys[0] == "crisis.saved_up"
    [reply] = dialogue.say("i rang my key worker, shes on her way. put them away")
    assert dialogue.keys[0] == "crisis.help_coming" and "•" not in reply
    dialogue.run("/cancel")
    dialogue.say("i want to die")
    assert dialogue.keys[0] == "crisis.again", dialogue.keys


# -- 8. the answer that carried a disclosure is offered back, never filed without a yes ---


def test_the_answer_begun_is_offered_back_and_yes_keeps_it(dialogue: Dialogue) -> None:
    """Testers: the same question asked as if nothing was said ("i just told you??")."""
    dialogue.run(*THROUGH_REALITY)
    dialogue.say("ask the council, save a bit. but partner had a go again last night")
    dialogue.run("im safe, hes not violent or anything")
    [reply] = dialogue.say("no thanks")
    assert dialogue.keys[-1] == "crisis.keep_started", dialogue.keys
    assert "you'd started to answer: “ask the council, save a bit”" in reply
    person = dialogue.person
    assert person is not None and "council" not in str(dialogue.goals)
    dialogue.say("yes")
    assert "grow.options" not in dialogue.keys and "council" in str(dialogue.goals)


def test_yes_keep_it_keeps_the_answer_begun_too(dialogue: Dialogue) -> None:
    """A tester answered the offer with "yes keep" and was told "I'm not sure I followed"."""
    dialogue.run(*THROUGH_REALITY)
    dialogue.say("ask the council, save a bit. but partner had a go again last night")
    dialogue.run("im safe, hes not violent or anything", "no thanks")
    dialogue.say("yes keep it")
    assert "council" in str(dialogue.goals), dialogue.keys


def test_the_crisis_sentence_is_never_kept_with_the_answer(dialogue: Dialogue) -> None:
    """A tester's check-in answer kept "sometimes I wonder what the point of it all is now
    Jim's gone" word for word, in the record and the PDF for her worker."""
    dialogue.run(*THROUGH_REALITY)
    dialogue.say(
        "ask the council, save a bit. my partner hit me again last night. "
        "but my sister says she'll help"
    )
    dialogue.run("im safe, just sad", "no thanks")
    dialogue.say("yes")
    kept = str(dialogue.goals)
    assert "council" in kept and "sister" in kept, dialogue.keys
    assert "hit me" not in kept


def test_an_answer_kept_after_a_crisis_gets_no_cheerful_acknowledgement(
    danish: Dialogue,
) -> None:
    """A tester kept her answer after "de har det bedre uden mig", and the first words
    back were "Det er en rigtig milepæl, godt gået"."""
    danish.run(*DANISH_AT_REALITY)
    danish.say("4 måneder ædru nu. men nogle gange tænker jeg at de har det bedre uden mig")
    danish.run("jeg er okay lige nu", "nej tak")
    assert "crisis.keep_started" in danish.keys, danish.keys
    danish.say("ja")
    assert not any(key.startswith("feeling.") for key in danish.keys), danish.keys


def test_the_answer_begun_is_offered_back_in_danish_and_a_new_one_replaces_it(
    danish: Dialogue,
) -> None:
    danish.run(*DANISH_AT_REALITY)
    danish.say("hun betyder alt for mig. men min kæreste slog mig igen i går")
    danish.run("jeg er ok, det er ikke sådan")
    [reply] = danish.say("nej tak")
    assert danish.keys[-1] == "crisis.keep_started", danish.keys
    assert "var du begyndt at svare: “hun betyder alt for mig" in reply
    danish.say("at hun kan regne med mig")
    assert "grow.why" not in danish.keys
    assert "regne med mig" in str(danish.goals) and "kæreste" not in str(danish.goals)
    assert danish.person is not None and "kæreste" not in str(danish.person.conversation)


def test_at_a_question_with_buttons_the_answer_begun_is_only_said(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY[:-1])
    dialogue.say("yes mostly. but partner had a go again last night")
    dialogue.run("im safe, hes not violent or anything")
    [reply] = dialogue.say("no thanks")
    assert dialogue.keys[-3:-1] == ["crisis.started", "crisis.go_on"], dialogue.keys
    assert "You'd started to answer: “yes mostly" in reply
    dialogue.say("yes")
    assert dialogue.keys[-1] == "grow.options"


# -- 8. each reply fits the concern of this message --------------------------------------


def test_distress_after_a_reply_about_violence_gets_its_own_lines(dialogue: Dialogue) -> None:
    """Testers: after a domestic-abuse disclosure, "nights are the worst… it gets dark in
    my head" at "Are you safe?" was read as no answer, and only the abuse lines stood
    above it ("the lines above are there any time")."""
    dialogue.run(*THROUGH_REALITY, "my partner hits me when he's drunk")
    [reply] = dialogue.say("nights are the worst… i feel so low i cant cope")
    assert dialogue.keys == ["crisis.again", "crisis.safe_now"]  # one whole block a day
    assert "Samaritans: 116 123" in reply and "Refuge" not in reply
    dialogue.run("im safe for now", "no thanks")
    assert dialogue.keys[-2:] == ["crisis.go_on", "grow.options"]  # the same question


def test_distress_after_a_suicide_reply_is_still_its_answer(dialogue: Dialogue) -> None:
    """The lines a suicide reply gave serve distress too: no second block."""
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore")
    dialogue.say("i feel so low i cant cope")
    assert "crisis.distress" not in dialogue.keys and "crisis.again" not in dialogue.keys


def test_a_second_concern_leads_with_its_own_lines(dialogue: Dialogue) -> None:
    """Abuse again and distress, after an abuse reply: the short reply (one whole block
    a day), the distress lines first, not offered today."""
    dialogue.run(*WELCOMED, "my partner hits me when he's drunk", "im safe", "no")
    [reply] = dialogue.say("he hit me again and i feel so low i cant cope")
    assert dialogue.keys[0] == "crisis.again"
    lines = [line for line in reply.splitlines() if line.startswith("•")]
    assert lines[0].startswith("• Samaritans") and "Refuge" not in lines[0]


def test_danish_distress_after_violence_gets_livslinien(danish: Dialogue) -> None:
    danish.run(*DANISH_AT_REALITY, "min kæreste slår mig når han drikker")
    [reply] = danish.say("jeg har det så dårligt, jeg kan ikke klare mere")
    assert danish.keys == ["crisis.again", "crisis.safe_now"]
    assert "Livslinien: 70 201 201" in reply and "Lev Uden Vold" not in reply


# -- 9. a lapse gets the lines for what was taken -----------------------------------------


def test_a_danish_heroin_lapse_gets_a_drug_line_not_the_alcohol_line(danish: Dialogue) -> None:
    """Testers: a heroin lapse in Denmark was offered Alkolinjen only."""
    danish.run(*DANISH_WELCOMED)
    [heroin] = danish.say("har fået et tilbagefald, tog heroin i går efter 8 måneder clean")
    assert "Den Blå Linje (Blå Kors): 70 100 130" in heroin and "Alkolinjen" not in heroin
    assert "ring 112" in heroin
    danish.run("ja", "nej tak")
    danish.now += timedelta(days=1, minutes=1)
    [drink] = danish.say("drak igen i går efter et halvt år uden")
    assert "Alkolinjen: 80 200 500" in drink


def test_a_uk_lapse_gets_frank_for_drugs_and_not_for_drink(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED)
    [heroin] = dialogue.say("relapsed on heroin last night after 8 months clean")
    assert "FRANK: 0300 123 6600" in heroin
    dialogue.run("im safe", "no")
    dialogue.now += timedelta(days=1, minutes=1)
    [drink] = dialogue.say("had 8 pints last night after a year sober")
    assert "FRANK" not in drink and "CALM helpline: 0800 58 58 58" in drink


# -- 10. the emergency number leads only in an emergency, and closed lines say so ------------


def test_only_an_emergency_lists_the_emergency_number_first(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED)
    [suicide] = dialogue.say("i want to die")
    bullets = [line for line in suicide.splitlines() if line.startswith("•")]
    assert bullets[0].startswith("• Samaritans") and "999" not in "".join(bullets)
    assert "If you might act on these thoughts now, call 999." in suicide
    dialogue.run("im safe", "no")
    [emergency] = dialogue.say("i took all my pills")
    assert emergency.startswith("This sounds like an emergency. Please call 999 now.")
    assert next(line for line in emergency.splitlines() if line.startswith("•")).startswith(
        "• Emergency: police, ambulance: 999"
    )


def test_a_closed_line_says_so_and_an_open_one_comes_first(dialogue: Dialogue) -> None:
    """At 9:00 on a Monday in London CALM (17–24) is closed: it says when it opens, and
    Samaritans, open day and night, comes first."""
    dialogue.run(*WELCOMED)
    [drink] = dialogue.say("had 8 pints last night after a year sober")
    bullets = [line for line in drink.splitlines() if line.startswith("•")]
    assert bullets[0].startswith("• Samaritans: 116 123 (24/7")
    assert bullets[1].startswith("• CALM helpline: 0800 58 58 58 (closed now, opens at 17:00;")


# -- 7. replies that fit: panic in the body, self-harm without suicidal words ------------


def test_panic_said_with_the_body_gets_a_panic_reply_not_the_suicide_one(
    dialogue: Dialogue,
) -> None:
    """Testers: "i think i die" after a tight heart and no breath got the suicide reply."""
    dialogue.run(*THROUGH_REALITY)
    [reply] = dialogue.say("some nights my heart is tight and i can't breathe, i think i die")
    assert dialogue.keys[0] == "crisis.panic", dialogue.keys
    assert "really frightening" in reply and "breathe out slowly" in reply
    assert "breathing that doesn't settle, needs a doctor now: call 999" in reply
    assert "• NHS 111: 111" in reply
    assert "act on these thoughts" not in reply and "Samaritans" not in reply


def test_chest_pain_gets_the_emergency_number_before_the_panic_advice(
    dialogue: Dialogue,
) -> None:
    """Chest pain may be the heart, not panic: the number to call comes first."""
    dialogue.run(*THROUGH_REALITY)
    [reply] = dialogue.say("chest pain and i think im dying")
    assert dialogue.keys[0] == "crisis.panic", dialogue.keys
    first, _, rest = reply.partition("\n")
    assert "call 999" in first and "breathe out slowly" in rest


def test_panic_in_danish_names_1813_or_the_regions_doctor(danish: Dialogue) -> None:
    danish.run(*DANISH_AT_REALITY)
    [reply] = danish.say(
        "om natten trykker det for brystet og jeg kan ikke få luft, jeg tror jeg dør"
    )
    assert danish.keys[0] == "crisis.panic", danish.keys
    first, _, rest = reply.partition("\n")
    assert "ring 112" in first and "ånde langsomt ud" in rest
    assert "1813 i Region Hovedstaden, ellers lægevagten i din region" in reply


def test_a_wish_to_die_said_with_panic_is_still_a_risk(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY)
    dialogue.say("i want to die, my chest is tight and i cant breathe")
    assert dialogue.keys[0] == "crisis.suicide", dialogue.keys


def test_self_harm_without_suicidal_words_gets_self_harm_care_and_food_named(
    danish: Dialogue,
) -> None:
    """Testers: a 19-year-old who had not eaten for two days and had scratched herself
    was told to ring 112 "if you might act on the thoughts", and her not eating passed."""
    danish.run(*DANISH_AT_REALITY)
    [reply] = danish.say("har lowkey ikke spist i 2 dage og jeg har kradset mig selv igen")
    assert danish.keys[:2] == ["crisis.self_harm", "crisis.not_eating"], danish.keys
    assert "tryk på såret med noget rent" in reply
    assert "ikke har spist i et stykke tid" in reply
    [unsure] = danish.say("ved ikke")
    assert "trangen til at skade dig selv" in unsure
    assert "handle på tankerne" not in reply + unsure


def test_suicidal_words_at_not_sure_still_speak_of_acting_on_them(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "i cut myself again and i want to die")
    [reply] = dialogue.say("not sure")
    assert "If you feel you might act on these thoughts, please call 999" in reply


# -- 8. a false alarm is easy to leave; an emergency is not -----------------------------


def test_a_misread_reply_is_left_with_one_tap_back_to_the_same_question(
    dialogue: Dialogue,
) -> None:
    """Testers: ordinary recovery talk met the helplines and "Are you safe right now?",
    and "I'm glad you're safe for now" then read oddly."""
    dialogue.run(*THROUGH_REALITY)
    dialogue.say("ask the council, save a bit. honestly i cant go on anymore")
    assert dialogue.keys[-1] == "crisis.safe_now", dialogue.keys
    [reply] = dialogue.press("misread")
    assert dialogue.keys[0] == "crisis.misread", dialogue.keys
    assert reply.startswith("Sorry, I misread you")
    assert "you'd started to answer: “ask the council, save a bit”" in reply
    assert "check in with you tomorrow" not in reply and "glad you're safe" not in reply
    assert "Nothing is lost" not in reply
    [kept] = dialogue.say("yes")
    assert "1. ask the council, save a bit" in kept, kept


def test_misread_said_in_danish_words_is_heard(danish: Dialogue) -> None:
    danish.run(*DANISH_AT_REALITY, "jeg vil ikke leve mere")
    [reply] = danish.say("nej du misforstod mig, jeg har det fint")
    assert danish.keys[0] == "crisis.misread", danish.keys
    assert reply.startswith("Undskyld, jeg misforstod dig")


def labels(dialogue: Dialogue) -> list[str]:
    """The buttons offered in the last turn, as the person reads them."""
    assert dialogue.last is not None
    return [dialogue.catalogue.render(choice.label, dialogue.last.language)
            for reply in dialogue.last.replies for choice in reply.choices]  # fmt: skip


def test_the_misread_button_is_offered_in_danish(danish: Dialogue) -> None:
    danish.run(*DANISH_AT_REALITY)
    danish.say("jeg vil ikke leve mere")
    assert "Du misforstod mig, jeg har det fint" in labels(danish)


def test_an_emergency_reply_offers_no_misread_and_its_words_do_not_dismiss_it(
    dialogue: Dialogue,
) -> None:
    """What a clinician would want: an emergency reply cannot be left by a tap."""
    dialogue.run(*THROUGH_REALITY)
    [reply] = dialogue.say("i took all my pills")
    assert reply.startswith("This sounds like an emergency. Please call 999 now.")
    assert "You misread me, I'm fine" not in labels(dialogue)
    dialogue.press("misread")
    assert "crisis.misread" not in dialogue.keys, dialogue.keys
    dialogue.say("you misread me")
    assert "crisis.misread" not in dialogue.keys, dialogue.keys


def test_not_safe_said_with_misread_words_is_heard_as_not_safe(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "honestly i cant go on anymore")
    dialogue.say("you misunderstood, but im not safe")
    assert dialogue.keys[0] == "crisis.not_safe", dialogue.keys


# -- 9. the lines of the country the person says they are in ----------------------------


def test_a_man_in_aarhus_writing_english_is_told_whose_lines_and_gets_his_own(
    dialogue: Dialogue,
) -> None:
    """Testers: a Syrian man in Aarhus got the UK's lines, and "this numbers is england?
    i am in denmark" went unheard."""
    dialogue.run(*THROUGH_REALITY)
    [reply] = dialogue.say("sometimes i think it is better if i die")
    assert "These numbers are for the UK. If you're somewhere else, your town or country" in reply
    [lines] = dialogue.say("this numbers is england? i am in denmark")
    assert lines.startswith("Thank you for telling me. These are the lines in Denmark:")
    assert "Livslinien" in lines and "Samaritans" not in lines
    assert lines.endswith("Are you safe right now?")
    dialogue.say("I'm safe for now")
    dialogue.say("no thanks")
    [again] = dialogue.say("i live in aarhus and i want to die")
    assert "70 11 31 31" in again and "1813" not in again and "Samaritans" not in again
    assert "These numbers are for" not in again


def test_jeg_bor_i_london_gives_a_danish_speaker_the_uk_lines_in_danish(
    danish: Dialogue,
) -> None:
    danish.run(*DANISH_AT_REALITY)
    [reply] = danish.say("jeg vil ikke leve mere")
    assert "Numrene her gælder i Danmark. Er du et andet sted, er din by eller dit land" in reply
    danish.say("jeg bor i London")
    assert danish.person is not None and danish.person.timezone == "Europe/London"
    danish.say("ja")
    danish.say("nej tak")
    [again] = danish.say("i går tænkte jeg igen, at jeg ikke vil leve mere")
    assert "Samaritans" in again and "Livslinien" not in again


def test_before_consent_the_place_said_chooses_the_lines_of_that_turn(
    engine: Engine, catalogue: Catalogue
) -> None:
    newcomer = Dialogue(engine, catalogue)
    [reply, *_] = newcomer.say("i live in glasgow and i want to die")
    assert "Samaritans" in reply and "These numbers are for" not in " ".join(newcomer.last_replies)
    other = Dialogue(engine, catalogue, person_id="console:other")
    [first, *_] = other.say("i am in aarhus and i want to kill myself")
    assert "Livslinien" in first and "70 11 31 31" in first and "Samaritans" not in first


def test_words_after_im_in_that_name_no_place_change_nothing(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY)
    dialogue.say("im in bed all day and im in a mess")
    assert dialogue.person is not None and dialogue.person.timezone is None
    assert "place.lines" not in dialogue.keys


def test_a_place_said_in_passing_is_noted_not_read_as_an_answer_nor_met_with_lines(
    dialogue: Dialogue,
) -> None:
    dialogue.run(*WELCOMED)
    [reply] = dialogue.say("i live in glasgow btw")
    assert reply.startswith("Thank you, I've noted that you're in the UK: /help shows the")
    assert "What would you like to work towards?" in reply and "Samaritans" not in reply
    assert dialogue.step == "goal"
    assert dialogue.person is not None and dialogue.person.timezone == "Europe/London"
