"""What persona testers met in session 19, each through the engine (or the reading it
comes down to)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import SCHEDULE_ANSWERS, Dialogue, person
from test_listening_five import TO_OPTIONS
from test_listening_twenty import SCHEDULED

from dialogue_flows import answers, idle
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.checkin import SaidStep, next_or_step
from dialogue_flows.crisis import Concern, weigh
from dialogue_flows.engine import Engine

IDEAS = {"en": "ring the fella, or ask keyworker", "da": "ringe eller skrive"}
NEW_IDEA = {"en": "actually the library", "da": "nej vent, biblioteket"}
PUT_RIGHT = {
    "en": ("Not quite. The step is ring the fella on monday. The library is for later.",
           "ring the fella on monday"),
    "da": ("Ikke helt. Skridtet er at ringe til ham mandag. Biblioteket er til senere.",
           "at ringe til ham mandag"),
}  # fmt: skip


def at_when(engine: Engine, catalogue: Catalogue, language: str) -> Dialogue:
    """A person whose first step is kept, asked when they will do it."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], IDEAS[language])
    dialogue.run("yes" if language == "en" else "ja", "1")
    dialogue.say("ring the fella" if language == "en" else "ringe til ham")
    assert dialogue.step == "when"
    return dialogue


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_step_put_right_after_not_quite_keeps_the_step_alone(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Jean's step read "Not quite. The step is the pot of tea…" in her plan, her check-in
    and her worker's export: the "not quite" and the lead-in are no part of the step,
    nor is the sentence after it; the option chosen before stays chosen."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], IDEAS[language])
    dialogue.run("yes" if language == "en" else "ja", "1", NEW_IDEA[language])
    assert dialogue.step == "step_check"
    said, step = PUT_RIGHT[language]
    dialogue.say(said)
    assert dialogue.goal.current_step is not None
    assert dialogue.goal.current_step.text == step
    assert dialogue.goal.chosen_option == dialogue.goal.options[0]


def test_instead_of_inside_a_step_is_no_change_of_mind() -> None:
    """Jean's "…have a pot of tea in Alan's chair instead of pouring a glass, and I won't
    open the sherry…" was taken as a change of mind, and its last clause as a new idea."""
    step = ("Tomorrow, after my dinner, I'll put the kettle on and have a pot of tea in "
            "Alan's chair instead of pouring a glass, and I won't open the sherry until "
            "Pointless has finished.")  # fmt: skip
    assert not answers.changes_mind(step)
    assert not answers.changes_mind("te efter aftensmaden i stedet for et glas vin")
    assert answers.changes_mind("ill go to the library instead")
    assert answers.change_of_mind("nej vent, jeg går hellere på biblioteket i stedet") == (
        "jeg går hellere på biblioteket"
    )


@pytest.mark.parametrize(
    ("language", "said", "when"),
    [("en", "Tomorrow, straight after my dinner, about half past twelve. Maureen knows.",
      "Tomorrow, straight after my dinner, about half past twelve"),
     ("en", "thursday, i see her at 2", "thursday, i see her at 2"),
     ("da", "I morgen, lige efter frokost ved halv et tiden.",
      "I morgen, lige efter frokost ved halv et tiden")],
)  # fmt: skip
def test_a_when_that_opens_the_answer_keeps_the_whole_first_sentence(
    engine: Engine, catalogue: Catalogue, language: str, said: str, when: str
) -> None:
    """Jean's "Tomorrow, straight after my dinner, about half past twelve" was kept as
    "Tomorrow": her worker would read a day with no time."""
    dialogue = at_when(engine, catalogue, language)
    dialogue.say(said)
    assert dialogue.goal.current_step is not None
    assert dialogue.goal.current_step.when == when


def test_a_when_said_inside_a_step_is_still_only_the_when() -> None:
    from dialogue_flows.weekly import when_said

    assert when_said("ringe til jobcentret i morgen kl 10") == "i morgen kl 10"


@pytest.mark.parametrize(
    ("said", "step"),
    [("A new step, please. I'd like to go to the lunch club with Maureen on Wednesday.",
      "I'd like to go to the lunch club with Maureen on Wednesday"),
     ("Et nyt skridt, tak. Jeg vil gerne ringe til Birthe", "Jeg vil gerne ringe til Birthe"),
     ("new step please, book the cscs course", "book the cscs course")],
)  # fmt: skip
def test_a_new_step_said_with_please_keeps_no_please(said: str, step: str) -> None:
    """Jean's next step was kept as "please. I'd like to go to the lunch club…"."""
    assert next_or_step(said) == SaidStep(step, "new")


@pytest.mark.parametrize(
    ("language", "said", "step"),
    [("en", "Please could you change my step to: have a pot of tea after dinner instead of "
      "a glass. It shouldn't say Not quite.", "have a pot of tea after dinner instead of a glass"),
     ("da", "kan du ikke lige ændre mit skridt til at ringe til Birthe om tirsdagen? Tak",
      "at ringe til Birthe om tirsdagen")],
)  # fmt: skip
def test_a_step_put_right_politely_after_the_plan_is_the_new_step(
    engine: Engine, catalogue: Catalogue, language: str, said: str, step: str
) -> None:
    """Jean asked "Please could you change my step to: …" after her plan and got "Ha, I
    hear you." (the tea in it was small talk); her step stayed "Not quite. …"."""
    dialogue = person(engine, catalogue, language, *SCHEDULED[language])
    dialogue.say(said)
    assert dialogue.keys[0] == "step.changed"
    assert dialogue.goal.current_step is not None
    assert dialogue.goal.current_step.text == step


@pytest.mark.parametrize(
    ("said", "heard"),
    [("could murder a brew", "idle.everyday"),
     ("so thats it? i tell you about the party and the bus home and you say noted", None),
     ("the step isn't right, dear, it was about tea after dinner, can I change it", None),
     ("kaffe og regn i dag haha", "idle.everyday")],
)  # fmt: skip
def test_small_talk_is_short_and_asks_nothing(said: str, heard: str | None) -> None:
    """Marcus's "so thats it? i tell you i passed out n you say noted" got "Ha, I hear
    you.": everyday words in a complaint or a request are no small talk."""
    found = idle.acknowledgement(said)
    assert (found.key if found else None) == heard


def test_small_talk_is_met_without_a_laugh(dialogue: Dialogue) -> None:
    person_ = Dialogue(dialogue.engine, dialogue.catalogue, language="en")
    person_.run(*SCHEDULE_ANSWERS)
    [reply] = person_.say("could murder a brew")
    assert not reply.startswith("Ha")


@pytest.mark.parametrize(
    ("said", "concern"),
    [("Sometimes I think I'd rather be with Alan than sitting here on my own.", Concern.SUICIDE),
     ("went to the party. had a wee bit of G tho, like a tiny dose, first time in 5 month",
      Concern.LAPSE),
     ("jeg røg hash. kun en gang. jeg skammer mig virkelig", Concern.LAPSE)],
)  # fmt: skip
def test_what_testers_met_as_missed_is_heard(said: str, concern: Concern) -> None:
    assert concern in weigh(said).concerns


@pytest.mark.parametrize(
    "said",
    ["My GP sent me to the service because my sherry has crept up to most of a bottle a "
     "day. I'd like to keep it to the evenings only.",
     "Some nights I don't see the point of cooking for one.",
     "I'd be lost without my tablets. I keep them all in my dosette box.",
     "my pal jamie kens the score, hes sober too",
     "i was sick after dinner again last night 😶",
     "Jeg har skrevet en seddel med hvad jeg vil sige, så jeg ikke bliver væk i det.",
     "Jeg er bange for om han skylder nogen penge der gør ham noget.",
     "what slip. i havenae slipped, thats the point. 5 month clean",
     "i didnae use, 5 month clean", "i think hes using again", "jeg tror han tager stoffer igen",
     "im not using again, promise", "jeg tager ikke stoffer igen",
     "i dont want to start using again", "min søn er begyndt at tage stoffer igen",
     "is there a line for families? my son uses heroin and im worried sick"],
)  # fmt: skip
def test_what_testers_met_as_false_alarms_is_everyday(said: str) -> None:
    """Someone else's use, a slip denied (in Scots too: Marcus's "i havenae slipped, thats
    the point" got the suicide lines and 999), an older woman's habits and a mother's
    fears are no crisis of the person's own."""
    assert weigh(said).concerns == frozenset()


def test_a_checkin_lapse_is_heard_at_the_checkin(engine: Engine, catalogue: Catalogue) -> None:
    """Marcus's G at the party, told at his check-in, got "You did part of it, and that's
    a real step": the lapse is heard first, whatever the question."""
    dialogue = person(engine, catalogue, "en", *SCHEDULED["en"])
    dialogue.now += timedelta(days=7)
    dialogue.run("/checkin")
    dialogue.say("had a wee bit of G tho, like a tiny dose, first time in 5 month")
    assert dialogue.keys[0].startswith("crisis.")


def test_an_eating_disorder_helpline_asked_for_is_given(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Sophie asked "is there like an eating disorder helpline or smth" and was told "I'm
    here whenever you're ready"; /safety had thirteen lines, none for eating disorders."""
    dialogue = person(engine, catalogue, "en", "/start", "yes", "Soph")
    [reply] = dialogue.say("is there like an eating disorder helpline or smth")
    assert dialogue.keys[0] == "move.who_to_call"
    assert "Beat (eating disorders): 0808 801 0677" in reply
    assert dialogue.goals == {}
    assert "0808 801 0677" in "".join(dialogue.say("/safety"))


@pytest.mark.parametrize(
    ("language", "said"),
    [("da", "jeg sov 4 nætter godt. men hvad med hash? er jeg tilbage til start nu?"),
     ("en", "slept ok most nights. but am i back to square one now?")],
)  # fmt: skip
def test_back_to_square_one_is_answered_and_not_kept(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Ahmed's "er jeg tilbage til start nu?" after one night of hash was kept as what
    helped, and his "du svarer ikke mit spørgsmål" as what got in the way: the question
    is answered (the time he had still counts), nothing of it kept, the question again."""
    dialogue = person(engine, catalogue, language, *SCHEDULED[language])
    dialogue.now += timedelta(days=7)
    dialogue.run("/checkin", "delvist" if language == "da" else "partly")
    asked = dialogue.step
    [reply] = dialogue.say(said)
    assert dialogue.keys[0] == "move.square_one"
    opening = "De dage er ikke tabt." if language == "da" else "Those days aren't lost."
    assert reply.startswith(opening)
    assert dialogue.step == asked
    assert dialogue.goal.checkins[-1].reflection is None


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "do WHAT? did you even read that"), ("da", "læste du overhovedet hvad jeg skrev")],
)  # fmt: skip
def test_a_complaint_at_when_is_no_when(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Marcus's "do WHAT? did you even read that" was kept as when he would do his step."""
    dialogue = at_when(engine, catalogue, language)
    dialogue.say(said)
    assert dialogue.goal.current_step is not None
    assert dialogue.goal.current_step.when is None


@pytest.mark.parametrize(
    ("said", "rating"),
    [("thursday, i see her at 2", None), ("kl 2 på torsdag", None), ("like a 6, at 7pm", 6),
     ("5 month down the shitter", None), ("3 måneder clean, en 7'er", 7), ("7/10", 7)],
)  # fmt: skip
def test_a_time_or_a_count_is_no_rating(said: str, rating: int | None) -> None:
    """Marcus's "thursday, i see her at 2" at the confidence question was kept as 2."""
    if rating is None:
        with pytest.raises(answers.InvalidAnswerError):
            answers.scale(said)
    else:
        assert answers.scale(said) == rating


@pytest.mark.parametrize(
    ("language", "first", "then"),
    [("da", "ahmed. i er ikke sikker hvad jeg skal skrive her haha",
      "nej det er ikke mål. jeg ved ikke hvad du mener"),
     ("en", "sam. not sure what to write here lol", "no thats not a goal. what do you mean")],
)  # fmt: skip
def test_not_knowing_what_to_write_is_no_goal(
    engine: Engine, catalogue: Catalogue, language: str, first: str, then: str
) -> None:
    """Ahmed's "i er ikke sikker hvad jeg skal skrive her" was offered back as his goal, and
    his "nej det er ikke mål. jeg ved ikke hvad du mener" then kept as it."""
    dialogue = person(engine, catalogue, language, "/start", "ja" if language == "da" else "yes")
    dialogue.say(first)
    assert dialogue.goals == {}
    dialogue.say(then)
    assert dialogue.goals == {}


@pytest.mark.parametrize(
    ("language", "said", "reason", "then"),
    [("en", "A seven, because Maureen will come and knock for me",
      "because Maureen will come and knock for me", "offer"),
     ("da", "en 3'er fordi jeg altid glemmer det", "fordi jeg altid glemmer det", "smaller")],
)  # fmt: skip
def test_a_rating_said_with_its_reason_is_not_asked_why(
    engine: Engine, catalogue: Catalogue, language: str, said: str, reason: str, then: str
) -> None:
    """Jean's "A seven, because Maureen will come and knock for me" got "What makes it 7
    and not 0?", and she answered "I've just told you, dear"."""
    dialogue = at_when(engine, catalogue, language)
    dialogue.say("tuesday")
    assert dialogue.step == "confidence"
    dialogue.say(said)
    assert dialogue.keys[0] == "grow.confidence_heard"
    assert "grow.confidence_reason" not in dialogue.keys
    assert dialogue.goal.current_step is not None
    assert dialogue.goal.current_step.confidence_reason == reason
    assert dialogue.step == then


@pytest.mark.parametrize(
    "said",
    ["im using again", "i started using again", "im drinking again", "jeg drikker igen",
     "jeg tager stoffer igen", "jeg er begyndt at tage stoffer igen", "im taking coke again"],
)  # fmt: skip
def test_using_again_said_plainly_of_oneself_is_a_lapse(said: str) -> None:
    """ "im using again" and "jeg tager stoffer igen" were read as everyday: the lapse
    reply (a lost tolerance) is the one that matters most for them."""
    assert Concern.LAPSE in weigh(said).concerns


@pytest.mark.parametrize(
    ("language", "said", "line"),
    [("da", "findes der en linje for pårørende? min søn tager kokain", "Den Blå Linje"),
     ("en", "is there a line for families? my husband drinks", "Al-Anon")],
)  # fmt: skip
def test_family_asking_for_a_line_get_the_lines_for_family(
    engine: Engine, catalogue: Catalogue, language: str, said: str, line: str
) -> None:
    """Lise, a mother, asked for nothing for herself and was offered only lines for her own
    risk; "er der en linje for pårørende" is answered with the lines that serve family."""
    dialogue = person(engine, catalogue, language, "/start", "ja" if language == "da" else "yes")
    dialogue.say("Lise" if language == "da" else "Maureen")
    [reply] = dialogue.say(said)
    assert dialogue.keys[0] == "move.who_to_call"
    assert line in reply


@pytest.mark.parametrize(
    ("said", "read"),
    [("You misread me, I'm fine. I don't know what I said to worry you, dear.", "misread"),
     ("du misforstod mig, jeg har det fint. jeg ved ikke hvad jeg skrev", "misread"),
     ("it was a joke pal, im fine", "misread"), ("det var for sjov, jeg har det fint", "misread"),
     ("you misread me but i dont know if im safe", "unsure")],
)  # fmt: skip
def test_i_dont_know_what_i_said_is_no_doubt_about_being_safe(said: str, read: str) -> None:
    """Jean's "You misread me, I'm fine. I don't know what I said to worry you, dear." was
    read as "not sure": 999 and a safety plan; Marcus's "it was a joke pal" as safe for now
    (a check-in tomorrow was offered for a joke)."""
    from dialogue_flows.crisis_care import read_safe_now

    assert read_safe_now(said) == read


@pytest.mark.parametrize(
    ("said", "zone"),
    [("Newcastle. Gosforth, to be exact. Not Perth, that's Susan.", "Europe/London"),
     ("ikke københavn men aarhus", "Europe/Copenhagen"), ("Perth", "Australia/Perth")],
)  # fmt: skip
def test_a_place_said_not_to_be_theirs_sets_no_time_zone(said: str, zone: str) -> None:
    """Jean's check-in was set to Perth time, where her daughter lives: 3am in Gosforth."""
    from dialogue_flows.weekly import read_timezone

    assert read_timezone(said) == zone


@pytest.mark.parametrize(
    ("said", "rating"),
    [("Perhaps a five, because it's the habit, you see. Two o'clock has been sherry o'clock", 5),
     ("Perhaps a four, because four days out of seven", 4), ("fem. klokken to ser jeg hende", 5)],
)  # fmt: skip
def test_a_time_or_a_count_in_words_is_no_rating(said: str, rating: int) -> None:
    """Jean's "Perhaps a five… Two o'clock has been sherry o'clock" got "2 or 5 are both
    fine answers", and her "Five. The two was the time, dear" the same again."""
    assert answers.scale(said) == rating


@pytest.mark.parametrize(
    ("language", "said", "urge"),
    [("da", "ngl jeg har lyst til at skære igen i aften, det er så meget lige nu", True),
     ("en", "i want to cut tonight, its all too much", True),
     ("en", "i want to cut again, i already cut myself earlier and its bleeding", False)],
)  # fmt: skip
def test_an_urge_to_cut_gets_no_first_aid_for_a_wound(
    language: str, said: str, urge: bool
) -> None:
    """Freja's "jeg har lyst til at skære igen i aften" got "tryk på såret med noget rent"."""
    from dialogue_flows.crisis_care import CARE, message_for

    message = message_for(CARE[Concern.SELF_HARM], said)
    assert (message == "crisis.self_harm_urge") is urge


def test_a_danish_ordinal_does_not_cut_an_idea_in_two() -> None:
    """Freja's "tage med til 3. modul" was two ideas, "…til 3" and "modul?"."""
    ideas = answers.several(
        "stå op selvom klokken er 10 og tage med til 3. modul? eller skrive til min kontaktlærer"
    )
    assert ideas == ("stå op selvom klokken er 10 og tage med til 3. modul",
                     "skrive til min kontaktlærer")  # fmt: skip


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "went to the party. had a wee bit of G tho, like a tiny dose, first time in 5 month"),
     ("da", "var til festen og tog en lille smule G, første gang i 5 måneder")],
)  # fmt: skip
def test_a_lapse_on_g_is_told_what_g_does(language: str, said: str) -> None:
    """Marcus's G at the party got "naloxone close by for opioids"; put in the recovery
    position afterwards, he was told "It sounds like you're worn out"."""
    from dialogue_flows.crisis_care import CARE, message_for

    assert message_for(CARE[Concern.LAPSE], said) == "crisis.lapse_g"


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "thats no what i asked. im asking is G bad wi lithium. like should i be worried"),
     ("da", "jeg spurgte om noget andet. er det farligt at tage G oven i min litium?")],
)  # fmt: skip
def test_how_a_drug_mixes_with_medicine_is_answered_not_alarmed(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Marcus asked twice whether G is bad with lithium: the suicide lines, then "Please
    call 999 now… away from anything you could hurt yourself with"."""
    dialogue = person(engine, catalogue, language, *SCHEDULED[language])
    dialogue.now += timedelta(days=7)
    dialogue.run("/checkin")
    asked = dialogue.step
    [reply] = dialogue.say(said)
    assert dialogue.keys[0] == "move.medicine"
    assert ("apoteket" if language == "da" else "pharmacist") in reply
    assert dialogue.step == asked and dialogue.goal.checkins == ()


@pytest.mark.parametrize(
    ("said", "language"),
    [("min psykolog på headspace er ok. og jeg har ik skåret i 3 mdr 💪", "da"),
     ("my sister is good. and i havent used in 18 months", "en"),
     ("jeg har ikke drukket i 2 uger", "da")],
)  # fmt: skip
def test_time_without_said_as_not_doing_it_is_a_milestone(said: str, language: str) -> None:
    """Freja's "jeg har ik skåret i 3 mdr 💪" got "Og hvad plejer at stå i vejen?"."""
    from dialogue_flows.answers import feeling

    assert feeling(said, language) == "milestone"


@pytest.mark.parametrize(
    ("said", "goal"),
    [("Jeg vil gerne lære at sige nej, når min søn Mikkel vil låne penge. Han tager kokain.",
      "Jeg vil gerne lære at sige nej, når min søn Mikkel vil låne penge"),
     ("I should like to keep my sherry to the evenings only, after Pointless, which is about "
      "six o'clock.", "I should like to keep my sherry to the evenings only, after Pointless")],
)  # fmt: skip
def test_when_the_wish_holds_stays_with_the_goal(said: str, goal: str) -> None:
    """Lise's goal was said back as "Jeg vil gerne lære at sige nej": without "when my son
    wants to borrow money" it says nothing of what she wants."""
    assert answers.core(said) == goal
