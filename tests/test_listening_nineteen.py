"""What persona testers met in session 17 (and the leftovers of session 16), each through
the engine."""

from __future__ import annotations

import pytest
from conftest import person
from test_listening_five import TO_GOAL, TO_OBSTACLES, TO_OPTIONS

from dialogue_flows import crisis_care
from dialogue_flows.answers import (
    edit_ideas,
    feeling,
    meant,
    read_name,
    reason_in,
    several,
    step_outcome,
)
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.crisis import weigh
from dialogue_flows.crisis_care import read_safe
from dialogue_flows.engine import Engine
from dialogue_flows.moves import Move, agreement, asking, read_move, trailing
from dialogue_flows.weekly import read_timezone, read_weekly, when_said
from dialogue_flows.words import Language

SENT = {
    "en": ("gp sent me", "cut down on the ket"),
    "da": ("min sagsbehandler sagde jeg skulle prøve det her", "skære ned på hashen"),
}


@pytest.mark.parametrize("language", ["en", "da"])
def test_who_sent_them_is_not_their_goal(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Liam's "gp sent me" became his goal. Who sent someone is heard, the goal stays
    theirs to name, and the goal they then give is the one kept."""
    sent, goal = SENT[language]
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], sent)
    assert dialogue.step == "goal", dialogue.step
    assert catalogue.template("grow.goal.sent", language) in dialogue.last_replies[0]
    dialogue.say(goal)
    assert dialogue.goal.text == goal


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "my gp sent me to the ket clinic"), ("en", "my worker said i should try this"),
     ("da", "min sagsbehandler sagde jeg skulle prøve det her")],
)  # fmt: skip
def test_who_sent_them_is_content_where_they_tell_their_story(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """At "What's already helping?" a referral is part of the answer, kept as said."""
    dialogue = person(engine, catalogue, language, *TO_OBSTACLES[language][:-1])
    asked = dialogue.step
    dialogue.say(said)
    assert dialogue.step != asked, dialogue.last_replies
    assert said in dialogue.goal.model_dump_json(), dialogue.goal


@pytest.mark.parametrize(
    "said",
    ["did it mon n tues then fell off", "managed 3 dry days then had a bad night",
     "did it for a couple of days", "kept it up till wednesday",
     "gjorde det mandag og tirsdag, så gik det i stå", "holdt det til onsdag"],
)  # fmt: skip
def test_a_step_kept_up_for_a_while_then_dropped_is_partly_done(said: str) -> None:
    """Gemma's "did it mon n tues then fell off" was filed as done."""
    assert step_outcome(said) == "partly"


def test_a_scots_afternoon_is_the_afternoon() -> None:
    """ "sunday efternoon about 4" asked whether 4 was morning or evening."""
    said = read_weekly("sunday efternoon about 4")
    assert (said.weekday, said.hour, said.unclear) == (6, 16, False)


@pytest.mark.parametrize(
    ("language", "ideas", "skip"),
    [("en", "do my cv, or ask the jobcentre", "can we skip this"),
     ("da", "skrive cv eller spørge jobcentret", "kan vi springe over")],
)  # fmt: skip
def test_a_summary_skipped_stands_as_said(
    engine: Engine, catalogue: Catalogue, language: str, ideas: str, skip: str
) -> None:
    """Liam's "can we skip this" at "Have I got them all?" got "This one I can't skip";
    the list is his own words, so skipping its check lets it stand."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], ideas, skip)
    assert dialogue.step == "choose", dialogue.last_replies
    assert len(dialogue.goal.options) == 2


GOAL_PUT_RIGHT = {
    "da": ("jamen æ ved det sgu ik helt, æ har været på speed i 20 år og nu har æ været clean "
           "i 3 måneder, og æ vil gerne tilbage til et eller andet arbejde, måske ik fuld tid",
           "ikke helt. det lyder lidt mærkeligt med det og foran. skriv at æ vil tilbage til "
           "arbejde, måske deltid. men æ ved ik om det er realistisk",
           "æ vil tilbage til arbejde, måske deltid"),
    "en": ("i want to see my kids more and stop drinking so much",
           "not quite. sounds a bit much. just put see my kids more", "see my kids more"),
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "da"])
def test_the_goal_put_right_in_a_later_sentence_is_the_goal(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Jonas's "ikke helt. … skriv at æ vil tilbage til arbejde…" replaced his goal with
    the first sentence of his first message; his goal had been quoted back as "og æ
    vil…", its "og" and all."""
    first, put_right, goal = GOAL_PUT_RIGHT[language]
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], first)
    assert "“og" not in " ".join(dialogue.last_replies)
    dialogue.say(put_right)
    assert dialogue.goal.text == goal


RESTATED_PART = {
    "da": (("komme tilbage i arbejde", "ja", "for Sofies skyld",
            "det der med hvorfor, det er mere for Sofies skyld, min datter. Hun er 12.",
            "Sofie hjælper, når hun er her", "ryggen mest"),
           "ikke helt. det første er forkert, det med Sofie var om hvorfor. hvor æ står er: "
           "sygemeldt siden august, venter på en skanning",
           "sygemeldt siden august, venter på en skanning"),
    "en": (("get back to work", "yes", "for my daughter",
            "its more for my daughter really. she's 12.", "my daughter helps", "my back"),
           "not quite. the first bit is wrong, that was the why. where i am is: off sick "
           "since august, clean 3 months", "off sick since august, clean 3 months"),
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_summary_part_said_anew_by_its_name_takes_its_place(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Jonas put "where I am" right by naming it ("hvor æ står er: …"); the reply said
    it had changed it to his first, pointing sentence, and the summary still showed the
    old words."""
    before, put_right, now = RESTATED_PART[language]
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], *before, put_right)
    assert dialogue.goal.reality_now == now
    assert now[:20] in dialogue.last_replies[-1]


BIRGITTE = {
    "da": ("gode aftener uden vin", "ja", "Fordi aftenerne er det sværeste.",
           "Jeg har holdt mig fra vin i seks uger. Det er gået bedre, end jeg troede.",
           "Tak for det. Det hjælper at gå en tur langs søerne efter aftensmaden. Jeg har "
           "også fået lidt glæde af at lægge puslespil igen.", "Stilheden om aftenen.",
           "Ikke helt. Det der støtter mig, er gåturene langs søerne, min søster og "
           "puslespillene."),
    "en": ("good evenings without wine", "yes", "Because evenings are the hardest.",
           "Six weeks without wine. Better than I thought.",
           "Thank you. Walking round the park after dinner helps. And jigsaws again.",
           "The quiet in the evenings.",
           "Not quite. What supports me is the walks, my sister and the jigsaws."),
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_strength_named_anew_replaces_it_and_thanks_are_not_kept(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Birgitte's "Tak for det." opened her strengths; her correction naming them
    replaced one sentence out of sight, and she was told it was changed."""
    *before, put_right = BIRGITTE[language]
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], *before)
    assert not dialogue.goal.reality_works.lower().startswith(("tak", "thank"))
    dialogue.say(put_right)
    works = dialogue.goal.reality_works
    assert works.startswith(("gåturene", "the walks")), works
    assert works[:15] in dialogue.last_replies[-1]


def test_a_name_the_model_never_saw_does_not_leave_one_word_to_judge() -> None:
    """ "Hugh. Just Hugh" was read as the one word "just" (the model had not seen
    "hugh"), a crisis suspected at the name question."""
    assert not weigh("Hugh. Just Hugh").concerns


@pytest.mark.parametrize(
    "said",
    ["im no gonnae dae anything daft", "i wont do anything stupid", "naw, wouldnae dae anything"],
)
def test_a_scots_reassurance_is_safe(said: str) -> None:
    """Hugh's "im no gonnae dae anything daft" was read as "not safe": call 999 now."""
    assert read_safe(said) == "safe"


def test_a_protest_after_not_safe_is_heard(engine: Engine, catalogue: Catalogue) -> None:
    """ "999?? for whit. I SAID im no gonnae dae anything. ye misread me" got the plan
    buttons again; it gets the apology and the conversation back."""
    dialogue = person(engine, catalogue, "en", *TO_GOAL["en"], "cut down the drink",
                      "a full bottle a night. whats the point of anything then", "no")  # fmt: skip
    dialogue.say("999?? for whit. I SAID im no gonnae dae anything. ye misread me")
    assert catalogue.template("crisis.misread", "en")[:20] in dialogue.last_replies[0]


@pytest.mark.parametrize(
    "said",
    ["the anniversary. i miss her. some days i dinnae see much point",
     "no much point some days tae be honest", "æ ka' ik mere"],
)  # fmt: skip
def test_scots_and_jutlandic_hopelessness_is_heard(said: str) -> None:
    assert weigh(said).concerns


def test_a_no_inside_a_step_is_no_change_of_mind() -> None:
    """ "phone Jim on monday and say ill come tuesday. and no drink monday tae thursday"
    was read as a change of mind to the bowling club (its "no" as "no, I meant…"), and
    its "when" was everything after "monday"."""
    said = "phone Jim on monday and say ill come tuesday. and no drink monday tae thursday"
    assert meant(said) == said
    assert when_said(said) == "monday"


def test_short_sentences_are_several_ideas_even_when_the_first_is_long() -> None:
    said = ("go back tae the bowling club on a tuesday and thursday. dinnae buy any on a "
            "monday. maybe phone Jim fae the club")  # fmt: skip
    assert len(several(said)) == 3


@pytest.mark.parametrize(
    ("said", "move"),
    [("dinnae ken", Move.DONT_KNOW), ("i just told ye", Move.ALREADY_SAID),
     ("i just telt ye", Move.ALREADY_SAID)],
)  # fmt: skip
def test_scots_moves(said: str, move: Move) -> None:
    assert read_move(said) == move


def test_a_worry_suspected_after_todays_lines_gets_a_word(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Hugh's "some days i dinnae see much point", after the lines that morning, got no
    word at all: his reason for the goal was quoted back and a score asked."""
    dialogue = person(engine, catalogue, "en", *TO_GOAL["en"], "cut down the drink",
                      "a full bottle a night. whats the point of anything then", "im fine",
                      "no", "yes")  # fmt: skip
    suspected = "the anniversary. i miss her. some days i wonder whats the point"
    assert not weigh(suspected).sure and weigh(suspected).concerns
    dialogue.say(suspected)
    assert dialogue.last_replies[0] == catalogue.template("crisis.heard_again", "en")
    assert dialogue.step == "now", dialogue.step


@pytest.mark.parametrize(
    ("said", "language", "heard"),
    [("Ive been skipping my lithium a bit tbh cos it makes my hands shaky", "en", "medication"),
     ("jeg springer min medicin over nogle gange, den gør mig træt", "da", "medication"),
     ("Bethan says Im going a bit high, up till 3 most nights", "en", "warning_signs"),
     ("min søster siger jeg er ved at blive manisk igen", "da", "warning_signs"),
     ("im not skipping my meds anymore", "en", None)],
)  # fmt: skip
def test_medication_skipped_and_early_signs_are_heard(
    said: str, language: Language, heard: str | None
) -> None:
    """Carys (bipolar) told of skipping her lithium three times and of her sister saying
    she was going high; nothing was said back."""
    assert feeling(said, language) == heard


def test_so_uk_is_the_uk_not_a_hong_kong_estate() -> None:
    """ "Cardiff mun, so UK" set her check-ins to Hong Kong time (So Uk is an estate there)."""
    assert read_timezone("Cardiff mun, so UK") == "Europe/London"


def test_ideas_in_long_sentences_with_a_label_and_a_question_after_them() -> None:
    """Carys's six ideas were kept as two, the first opening "ok ideas:", and her
    "Which one do you think is best?" stuck to the last."""
    said = (
        "ok ideas: phone charging in the kitchen not the bedroom, or swimming more like 3 "
        "times a week, and also a notebook by the bed so I can write the ideas down instead "
        "of getting up. Or I could stop doing glazes after 10pm. Or ask Bethan to text me at "
        "11. And also actually talk to Dai about my meds. Which one do you think is best?"
    )
    before = trailing(said, Move.ADVICE)
    assert before is not None
    ideas = several(before)
    assert len(ideas) == 6, ideas
    assert ideas[0] == "phone charging in the kitchen not the bedroom"


@pytest.mark.parametrize("said", ["yeah near enough, tidy", "tidy", "yeah mint"])
def test_welsh_and_manc_yes_words_agree(said: str) -> None:
    """ "yeah near enough, tidy" at "Have I got that right?" was added as a correction."""
    assert agreement(said)


@pytest.mark.parametrize(
    ("language", "said", "heard"),
    [("en", "im safe. just feel like a right twat. 5 month down the drain. dont want jo "
            "knowing, or social", ("crisis.slip_shame", "crisis.worker_fear")),
     ("da", "jeg er ok. skammer mig bare. kommunen må ikke vide det",
      ("crisis.slip_shame", "crisis.worker_fear"))],
)  # fmt: skip
def test_shame_and_fear_after_a_slip_are_answered(
    language: str, said: str, heard: tuple[str, ...]
) -> None:
    """Darren's shame and his fear of his worker knowing got "Thanks for telling me"."""
    assert tuple(msg.key for msg in crisis_care.heard(said)) == heard


@pytest.mark.parametrize(("said", "name"), [("malik bro", "Malik"), ("Dave mate", "Dave")])
def test_a_word_of_address_is_not_part_of_the_name(said: str, name: str) -> None:
    """ "malik bro" was "Malik Bro" in every message, the check-in too."""
    assert read_name(said).name == name


@pytest.mark.parametrize(
    ("language", "said"),
    [("da", "lol det er ik mit efternavn. bare malik"),
     ("en", "bro is not my surname, just malik")],
)  # fmt: skip
def test_not_my_surname_renames_and_is_no_goal(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Malik's name correction became his first goal, on to his worker's export."""
    dialogue = person(engine, catalogue, language, "/start", "ja" if language == "da" else "yes",
                      "Malik Bro", said)  # fmt: skip
    assert dialogue.person.name == "Malik"
    assert dialogue.step == "goal" and not dialogue.goals


@pytest.mark.parametrize(
    ("language", "ideas", "rewrite", "again"),
    [("da", "skrive til Mette, gå til korprøve, ringe til dirigenten", "skriv listen forfra",
      "skrive til Mette\ngå til korprøve"),
     ("en", "do my cv, ask the jobcentre, ring my mate", "write the list again",
      "do my cv\nring my mate")],
)  # fmt: skip
def test_write_the_list_again_asks_for_it_again(
    engine: Engine, catalogue: Catalogue, language: str, ideas: str, rewrite: str, again: str
) -> None:
    """Sofie's "skriv listen forfra", the words the question offered, became an idea."""
    no = {"da": "nej", "en": "no"}[language]
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], ideas, no, rewrite)
    assert dialogue.step == "options" and not dialogue.goal.options
    dialogue.say(again)
    assert list(dialogue.goal.options) == again.split("\n")


def test_drop_number_with_a_dot_drops_it() -> None:
    """ "fjern nr. 3" got "Jeg kunne ikke se, hvilken idé du mente"."""
    assert edit_ideas("fjern nr. 3", ["a", "b", "c"]) == ("a", "b")


@pytest.mark.parametrize("said", ["er du en robot eller hvad", "are you a bot or what"])
def test_or_what_after_a_question_is_still_the_question(said: str) -> None:
    """Malik's "er du en robot eller hvad" was kept as his strength."""
    assert read_move(said) is Move.REAL_PERSON


@pytest.mark.parametrize("said", ["safe", "safe bro", "yeah near enough, tidy"])
def test_slang_yes_at_a_yes_question(said: str) -> None:
    assert agreement(said)


@pytest.mark.parametrize(
    ("said", "heard"),
    [("Det ved jeg ikke helt. Jeg har ikke gjort noget, men bladet ligger stadig fremme ude på "
      "badeværelset. Jeg har ikke fået lagt det væk.", ["crisis.means_away"]),
     ("jeg har lagt det væk", ["crisis.help_coming"]),
     ("i havent put them away, theyre still out", ["crisis.means_away"])],
)  # fmt: skip
def test_means_still_out_are_asked_away_and_never_praised(said: str, heard: list[str]) -> None:
    """Sofie's "Jeg har ikke fået lagt det væk" got "Hvor er det godt at høre, og godt
    gået at gøre det", and nobody asked her to put the blade away."""
    assert [msg.key for msg in crisis_care.heard(said)] == heard


@pytest.mark.parametrize(
    "said",
    ["did u hear me?? is this gonna go to jo. i dont want her seein the sat thing",
     "answer me question, does jo see this or not", "kan Mette se det her?"],
)  # fmt: skip
def test_who_sees_it_asked_of_someone_by_name(said: str) -> None:
    """Darren asked three times whether Jo sees this; each was passed over."""
    assert asking(said, read_move(said)) is Move.PRIVACY


def test_instead_of_is_no_reason() -> None:
    """ "…i stedet for at sidde derhjemme og isolere mig" was kept as why her goal
    mattered, and said back to her three times."""
    said = (
        "Tilbage til koret og se mine venner igen i stedet for at sidde derhjemme og isolere mig"
    )
    assert reason_in(said) is None


@pytest.mark.parametrize("said", ["Maureen will do grand.", "Maureen will do"])
def test_will_do_after_a_name(said: str) -> None:
    """ "Maureen will do grand." was her name in every message."""
    assert read_name(said).name == "Maureen"


@pytest.mark.parametrize(
    "said",
    ["I can't leave him on his own when he's bad in case he stops breathing",
     "if Ciaran's in his bed he won't even know I'm gone"],
)  # fmt: skip
def test_a_carer_telling_of_her_son_is_no_crisis_of_hers(said: str) -> None:
    assert not weigh(said).concerns


@pytest.mark.parametrize(
    ("language", "said", "number"),
    [("en", "You didn't answer me. Should I have rung the ambulance or not?", "999"),
     ("da", "skulle jeg have ringet 112?", "112")],
)  # fmt: skip
def test_should_i_have_called_an_ambulance_is_answered(
    engine: Engine, catalogue: Catalogue, language: str, said: str, number: str
) -> None:
    """Maureen's "Should I have rung the ambulance or not?", after her son would not
    wake, was kept as what gets in the way: the most important question she asked."""
    dialogue = person(engine, catalogue, language, *TO_OBSTACLES[language])
    asked = dialogue.step
    dialogue.say(said)
    assert dialogue.step == asked
    assert number in dialogue.last_replies[0] and "naloxon" in dialogue.last_replies[0]
    assert said not in dialogue.goal.model_dump_json()


def test_an_area_said_not_to_be_it_is_not_chosen(engine: Engine, catalogue: Catalogue) -> None:
    """Darren's "its about me son not me health" was put under Health."""
    dialogue = person(engine, catalogue, "en", *TO_GOAL["en"], "get me lad back for weekends",
                      "its about me son not me health")  # fmt: skip
    assert dialogue.goal.area == "community"


@pytest.mark.parametrize(
    ("said", "meaning"),
    [("the clay one not the email", "the clay one"), ("den med sms, ikke brevet", "den med sms")],
)  # fmt: skip
def test_a_short_not_at_the_end_names_what_is_not_meant(said: str, meaning: str) -> None:
    assert meant(said) == meaning
