"""What persona testers met in session 18 (and the leftovers of session 17), each through
the engine."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import SCHEDULE_ANSWERS, WHOLE_PLAN, Dialogue, person
from test_crisis_care import THROUGH_REALITY
from test_languages import DANISH_PLAN
from test_listening_five import TO_OBSTACLES, TO_OPTIONS

from dialogue_flows import crisis_care
from dialogue_flows.answers import feeling
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.crisis import Concern, weigh
from dialogue_flows.engine import Engine
from dialogue_flows.moves import Move, asking, read_move

SCHEDULED = {
    "en": SCHEDULE_ANSWERS,
    "da": ("/start", *DANISH_PLAN, "nej tak", "mandag kl. 18", "København", "ja"),
}
KEPT_OUT = {
    "en": "i did it, went to NA. but i dont want jo or social knowin about sat. "
    "if social find out thats me lad gone. dont put it in anything",
    "da": "jeg gjorde det, var til NA. men mette må ikke vide noget om lørdag. skriv det ikke ned",
}


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_checkin_asked_not_to_be_written_down_keeps_none_of_it(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Darren's check-in, "…dont put it in anything", was kept word for word, ready for
    his worker's export. None of the message is kept; he is told so, and asked again."""
    dialogue = person(engine, catalogue, language, *SCHEDULED[language])
    dialogue.now += timedelta(days=7)
    dialogue.run("/checkin")
    dialogue.say(KEPT_OUT[language])
    assert dialogue.keys[0] == "move.kept_out"
    assert dialogue.goal.checkins == ()
    assert "NA" not in dialogue.goal.model_dump_json()
    dialogue.say("1")  # the first button: "I did it"
    assert dialogue.goal.checkins[-1].outcome == "done"


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "i see him once a month. his mum hates me. dont put it in anything"),
     ("en", "honestly i still use at weekends, off the record"),
     ("en", "keep this between us but i still have a smoke most nights"),
     ("da", "jeg ser ham en gang om måneden. skriv det ikke ned"),
     ("da", "det bliver mellem os, men jeg ryger stadig hver dag")],
)  # fmt: skip
def test_an_answer_asked_to_be_kept_out_is_not_kept(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    opening = {"en": ("yes", "Dan", "get my lad back for weekends", "family"),
               "da": ("ja", "Dan", "se min søn i weekenderne", "fællesskab")}  # fmt: skip
    dialogue = person(engine, catalogue, language, *opening[language])
    asked = dialogue.step
    dialogue.say(said)
    assert dialogue.keys[0] == "move.kept_out", dialogue.keys
    assert dialogue.step == asked
    assert dialogue.goal.why is None


@pytest.mark.parametrize("language", ["en", "da"])
def test_keep_it_out_said_after_an_answer_says_how_to_take_it_back(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    alone = {"en": "dont put that in anything", "da": "det skal ikke skrives ned"}[language]
    dialogue = person(engine, catalogue, language, *SCHEDULED[language][:4])
    [reply, *_] = dialogue.say(alone)
    assert dialogue.keys[0] == "move.keep_out"
    assert {"en": "“go back”", "da": "“gå tilbage”"}[language] in reply


@pytest.mark.parametrize(
    "said",
    ["i want to keep it", "keep it", "keep it like that", "keep it as it is",
     "i'd rather keep it simple", "dont tell me what to do", "i dont put it down to luck",
     "behold det", "jeg siger det ikke til nogen endnu, det er min plan"],
)  # fmt: skip
def test_keeping_a_step_or_telling_no_one_as_a_plan_is_no_keep_out(said: str) -> None:
    assert read_move(said) is not Move.KEEP_OUT
    assert asking(said, read_move(said)) is not Move.KEEP_OUT


@pytest.mark.parametrize(
    ("said", "message"),
    [("tog nogle piller oven i metadonen i går fordi jeg var så ked af det", "crisis.lapse_mixed"),
     ("had a few valium on top of my methadone last night", "crisis.lapse_mixed"),
     ("drak et par glas vin til en fødselsdag, men jeg har jo Antabus", "crisis.lapse_antabus"),
     ("im on antabuse, i drank last night and felt awful", "crisis.lapse_antabus"),
     ("3 months dry then bought a bottle on the way home and finished it", "crisis.lapse_drink"),
     ("they tell me to hurt myself sometimes but i dont listen to them",
      "crisis.self_harm_voices"),
     ("stemmerne siger jeg skal skære mig, men jeg gør det ikke", "crisis.self_harm_voices")],
)  # fmt: skip
def test_what_was_taken_or_heard_chooses_the_reply(said: str, message: str) -> None:
    """Jonas took pills on top of his methadone and was told about old doses after a
    break; Rachel's bottle of wine got naloxone; Bente drank on Antabus and got nothing;
    Kyle's voices telling him to hurt himself got first aid for a wound he did not have."""
    found = weigh(said)
    assert found.concerns, said
    care, _ = crisis_care.care_for(found.concerns, said)
    assert crisis_care.message_for(care, said) == message


@pytest.mark.parametrize(
    "said",
    ["im on antabuse so i cant drink", "jeg tager antabus med et glas vand",
     "jeg fik antabus i dag hos lægen og en øl er udelukket",
     "my doctor said no drinking on antabuse"],
)  # fmt: skip
def test_antabus_without_drinking_is_no_lapse(said: str) -> None:
    assert Concern.LAPSE not in weigh(said).concerns


@pytest.mark.parametrize(
    ("said", "language"),
    [("havent took my meds for 3 days tho", "en"), ("not had my meds since monday", "en"),
     ("ive not been taking my meds", "en"), ("missed my depot last week", "en"),
     ("jeg har ikke fået mine piller i tre dage", "da")],
)  # fmt: skip
def test_medication_stopped_is_heard_however_it_is_said(said: str, language: str) -> None:
    """Kyle's "havent took my meds for 3 days tho" was kept as what helped, unheard."""
    assert feeling(said, language) == "medication"


@pytest.mark.parametrize(
    ("said", "not_kept"),
    [("yes keep it. which sentence did you leave out though?", "which sentence"),
     ("yes keep it, it took me ages to write that", "ages")],
)  # fmt: skip
def test_yes_keep_it_with_a_question_keeps_the_answer_begun(
    dialogue: Dialogue, said: str, not_kept: str
) -> None:
    """Rachel's "yes keep it. Which sentence did you leave out though?" was kept as why
    her goal mattered, in place of the answer she had agreed to keep; Lise's "Ja, behold
    det. Jeg har brugt lang tid på at skrive det." became her goal."""
    dialogue.run(*THROUGH_REALITY)
    dialogue.say("ask the council, save a bit. but partner had a go again last night")
    dialogue.run("im safe, hes not violent or anything", "no thanks")
    dialogue.say(said)
    assert "council" in str(dialogue.goals) and not_kept not in str(dialogue.goals)


@pytest.mark.parametrize(
    ("language", "opening", "said", "why"),
    [("en", ("yes", "Rach", "cut down on wine on weeknights", "yes",
             "yes keep it. which sentence did you leave out though?"),
      "Hang on, that's not quite what I said. That was me asking you a question, not my "
      "reason. My reason was the bit about being tired and checking my work twice.",
      "the bit about being tired and checking my work twice"),
     ("da", ("ja", "Rikke", "drikke mindre vin på hverdage", "ja", "ja", "ja",
             "fordi min søster siger det"),
      "Hov, det er ikke helt det jeg sagde. Min grund er at jeg ikke stoler på mit eget "
      "hoved om morgenen.",
      "at jeg ikke stoler på mit eget hoved om morgenen")],
)  # fmt: skip
def test_a_part_put_right_by_name_later_takes_its_place(
    engine: Engine,
    catalogue: Catalogue,
    language: str,
    opening: tuple[str, ...],
    said: str,
    why: str,
) -> None:
    """Rachel's protest about the why kept earlier was kept as where she was now."""
    dialogue = person(engine, catalogue, language, *opening)
    assert dialogue.goal.why, dialogue.keys
    asked = dialogue.step
    dialogue.say(said)
    assert dialogue.keys[0] == "grow.changed", dialogue.keys
    assert dialogue.goal.why == why
    assert dialogue.step == asked and dialogue.goal.reality_now is None


@pytest.mark.parametrize(
    "said",
    ["hang on, that's not quite what I said. i want to go to the gym more",
     "that was me asking you a question, not an answer",
     "hov, det var ikke mit svar. jeg ville bare spørge"],
)  # fmt: skip
def test_a_protest_at_the_goal_quoted_is_not_kept_as_the_answer(
    engine: Engine, catalogue: Catalogue, said: str
) -> None:
    language = "da" if said.startswith("hov") else "en"
    dialogue = person(engine, catalogue, language, *SCHEDULED[language][:4])
    asked = dialogue.step
    dialogue.say(said)
    assert dialogue.step == asked, dialogue.keys
    assert dialogue.goal.why is None  # a goal said again is asked about (`restates_goal`)
    assert dialogue.keys[0] in ("move.correction", "grow.goal_restated"), dialogue.keys


@pytest.mark.parametrize(
    ("language", "said", "heard"),
    [("en", "went to the shop once. felt like everyone was looking", "You did it all the same."),
     ("da", "jeg gjorde det, men alle kiggede på mig", "Du gjorde det alligevel.")],
)  # fmt: skip
def test_a_step_done_with_a_hard_feeling_is_not_great_to_hear(
    engine: Engine, catalogue: Catalogue, language: str, said: str, heard: str
) -> None:
    """Kyle went to the shop and felt everyone was looking: "That's great to hear"."""
    dialogue = person(engine, catalogue, language, *SCHEDULED[language])
    dialogue.now += timedelta(days=7)
    dialogue.run("/checkin")
    [reply] = dialogue.say(said)
    assert dialogue.keys[0] == "feeling.watched", dialogue.keys
    assert heard in reply and "great to hear" not in reply and "godt at høre" not in reply


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "havent took my meds for 3 days tho"),
     ("da", "jeg har ikke taget min medicin i tre dage")],
)  # fmt: skip
def test_medication_stopped_is_no_answer_to_what_helped(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Kyle's "havent took my meds for 3 days tho" was kept as what helped him."""
    dialogue = person(engine, catalogue, language, *SCHEDULED[language])
    dialogue.now += timedelta(days=7)
    dialogue.run("/checkin", "1")
    asked = dialogue.step
    dialogue.say(said)
    assert dialogue.keys[0] == "feeling.medication", dialogue.keys
    assert dialogue.step == asked
    assert dialogue.goal.checkins[-1].reflection is None


@pytest.mark.parametrize(
    ("language", "said", "kept"),
    [("da", "ok måske skrive en sms til hende bare kort eller spørge min behandler om hjælp "
            "eller snakke med hendes mor igen ved ik",
      ("måske skrive en sms til hende bare kort", "spørge min behandler om hjælp",
       "snakke med hendes mor igen")),
     ("en", "ok so ring the jobcentre, or ask my cousin about the warehouse idk",
      ("ring the jobcentre", "ask my cousin about the warehouse"))],
)  # fmt: skip
def test_hedges_around_ideas_are_not_kept_with_them(
    engine: Engine, catalogue: Catalogue, language: str, said: str, kept: tuple[str, ...]
) -> None:
    """Jonas's ideas were kept as "ok måske skrive en sms…" and "…hendes mor igen ved ik"."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language])
    dialogue.say(said)
    assert dialogue.goal.options == kept


@pytest.mark.parametrize("said", ["ved ik hvad du mener", "jeg forstår ikke hvad du mener"])
def test_not_knowing_what_is_meant_is_a_question(said: str) -> None:
    """Jonas's "ved ik hvad du mener" was kept as where he stands now."""
    assert read_move(said) is Move.QUESTION


@pytest.mark.parametrize(
    ("language", "said", "kept"),
    [("en", "hang on, that's not what i said. mostly my sister, she rings every sunday",
      "mostly my sister, she rings every sunday"),
     ("da", "hov, det var ikke det jeg mente. mest min søster, hun ringer hver søndag",
      "mest min søster, hun ringer hver søndag")],
)  # fmt: skip
def test_the_words_after_a_protest_answer_the_question(
    engine: Engine, catalogue: Catalogue, language: str, said: str, kept: str
) -> None:
    """A protest is heard and never kept; what follows it is the answer."""
    dialogue = person(engine, catalogue, language, *TO_OBSTACLES[language][:-1])
    dialogue.say(said)
    assert dialogue.keys[0] == "move.correction_kept", dialogue.keys
    assert dialogue.goal.reality_works == kept


@pytest.mark.parametrize(
    ("language", "plan", "said"),
    [("en", ("no thanks",), "No reminders, thanks. My partner reads my phone."),
     ("da", ("nej tak",), "Ingen påmindelser, tak. Som sagt kigger Poul i min telefon.")],
)  # fmt: skip
def test_a_button_said_first_with_more_after_it_is_that_button(
    engine: Engine, catalogue: Catalogue, language: str, plan: tuple[str, ...], said: str
) -> None:
    """Bente's "Ingen påmindelser, tak. Som sagt kigger Poul i min telefon." got "I couldn't
    find a day or a time" and the list again."""
    lines = WHOLE_PLAN if language == "en" else ("/start", *DANISH_PLAN)
    dialogue = person(engine, catalogue, language, *lines, *plan)
    assert dialogue.step == "day"
    dialogue.say(said)
    assert dialogue.step is None
    assert not any(key.startswith("invalid") for key in dialogue.keys), dialogue.keys


@pytest.mark.parametrize(
    "said",
    ["ved ik. vente. skriv det ik ned det med pillerne", "skriv det ik ned det med pillerne"],
)
def test_keep_out_said_anywhere_with_words_around_it(said: str) -> None:
    """Jonas's "ved ik. vente. skriv det ik ned det med pillerne" was kept as his new step,
    "piller" and all, in the file for his worker."""
    assert asking(said, read_move(said)) is Move.KEEP_OUT


def test_keep_out_inside_the_crisis_conversation_is_answered(
    engine: Engine, catalogue: Catalogue
) -> None:
    dialogue = person(engine, catalogue, "da", "ja", "Jonas", "se min datter igen")
    dialogue.say("tog nogle piller oven i metadonen i går")
    dialogue.say("skriv det ik ned det med pillerne")
    assert dialogue.keys[0] == "crisis.kept_out", dialogue.keys


@pytest.mark.parametrize(
    ("said", "read"),
    [("det var nogle stesolid. det er ik fordi jeg vil dø", "misread"),
     ("nej jeg sagde jeg vil IK dø. jeg var bare ked af det", "misread"),
     ("its not that i want to die, but i might do something tonight", "unsure")],
)  # fmt: skip
def test_a_denial_of_wanting_to_die_is_a_protest_unless_a_but_follows(
    said: str, read: str
) -> None:
    """Jonas's "det er ik fordi jeg vil dø" was read as not sure, and answered with
    "acting on these thoughts"; a "but" after a denial may carry the risk."""
    assert crisis_care.read_safe_now(said) == read


def test_a_protest_that_names_the_why_at_the_why_question_is_no_new_goal(
    engine: Engine, catalogue: Catalogue
) -> None:
    """ "Hang on, that's not quite what I said. My reason was…" at the why question made
    "My reason was…" the goal."""
    dialogue = person(engine, catalogue, "en", "yes", "Rach",
                      "I want to cut down on the wine during the week", "yes", "yes")  # fmt: skip
    dialogue.say("Hang on, that's not quite what I said. My reason was that I don't want "
                 "to be the person who needs it.")  # fmt: skip
    assert dialogue.goal.text == "I want to cut down on the wine during the week"
    assert dialogue.goal.why is not None and "person who needs it" in dialogue.goal.why


@pytest.mark.parametrize(
    ("said", "read"),
    [("You misread me, I'm fine. Hang on, I said I want to cut down on wine, not that I'm in "
      "danger. I'm not in crisis", "misread"),
     ("du misforstod mig, det er ikke fordi jeg er i fare", "misread"),
     ("you misread me but im in danger", "unsafe")],
)  # fmt: skip
def test_not_that_im_in_danger_is_no_danger(said: str, read: str) -> None:
    """Rachel's "You misread me, I'm fine… not that I'm in danger" got "Please call 999 now"."""
    assert crisis_care.read_safe_now(said) == read
