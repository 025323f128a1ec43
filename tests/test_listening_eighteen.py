"""What persona testers and a new blind set met in session 16, each through the engine."""

from __future__ import annotations

import pytest
from conftest import person
from test_listening_five import TO_GOAL, TO_OPTIONS

from dialogue_flows.answers import consent_said, feeling, scale, step_outcome
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.crisis import Concern, weigh
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


AREA_ASKED = {"en": (*TO_GOAL["en"], "sort my life out", "yes"),
              "da": (*TO_GOAL["da"], "få styr på mit liv", "ja")}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", ("idk", "whatever")), ("en", ("can we skip this",)), ("da", ("ved ik", "aner det ik")),
     ("da", ("kan vi springe over",))],
)  # fmt: skip
def test_the_life_area_can_be_left_without_a_wall(
    engine: Engine, catalogue: Catalogue, language: str, said: tuple[str, ...]
) -> None:
    """Liam's "idk", "whatever" and "can we skip this" at the life area got "This one I
    can't skip"; the area only files the goal, so it is left and the coaching goes on."""
    dialogue = person(engine, catalogue, language, *AREA_ASKED[language])
    assert dialogue.step in ("area", "area_suggested"), dialogue.step
    dialogue.run(*said)
    assert dialogue.step in ("why", "goal_concrete"), (dialogue.step, dialogue.last_replies)
    assert "move.no_skip" not in dialogue.keys


@pytest.mark.parametrize(("language", "goal"), [("en", "cut down on the ket"),
                                                ("da", "skære ned på hashen")])  # fmt: skip
def test_cutting_down_is_offered_as_health(
    engine: Engine, catalogue: Catalogue, language: str, goal: str
) -> None:
    """Liam's "cut down" was met with the four areas to choose from."""
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], goal)
    assert dialogue.step == "area_suggested", dialogue.last_replies
    dialogue.say("yes" if language == "en" else "ja")
    assert dialogue.goal.area.value == "health", dialogue.last_replies


@pytest.mark.parametrize("language", ["en", "da"])
def test_dont_know_twice_at_the_ideas_gets_a_few_ideas_and_a_shorter_question(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Liam said "idk" and "dunno" at "What could you try?" and was offered a pause, with
    the same 112-character question four times."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language])
    idk = {"en": ("idk", "dunno"), "da": ("ved ik", "aner det ik")}[language]
    dialogue.say(idk[0])
    dialogue.say(idk[1])
    assert dialogue.keys == ["grow.options.ideas", "grow.options.again"], dialogue.keys
    assert dialogue.step == "options"
    assert dialogue.goal.options == ()


@pytest.mark.parametrize("said", ["wtf is this", "what is this shit", "hvad fanden er det her"])
def test_a_puzzled_question_is_never_an_idea(
    engine: Engine, catalogue: Catalogue, said: str
) -> None:
    dialogue = person(engine, catalogue, "en", *TO_OPTIONS["en"])
    dialogue.say(said)
    assert dialogue.goal.options == (), dialogue.last_replies


@pytest.mark.parametrize(
    "said", ["this is pointless", "these questions are useless", "det her er meningsløst",
             "det her er spild af tid"],
)  # fmt: skip
def test_the_app_called_pointless_is_answered_not_alarmed(
    engine: Engine, catalogue: Catalogue, said: str
) -> None:
    """Tariq's "this is pointless" meant the app: it is a word about GROW, not a crisis."""
    assert not weigh(said).concerns
    dialogue = person(engine, catalogue, "en", *TO_OPTIONS["en"])
    dialogue.say(said)
    assert dialogue.keys[0] == "move.about_grow", dialogue.keys
    assert dialogue.goal.options == ()


@pytest.mark.parametrize(
    "said", ["life is pointless", "my life is pointless", "livet er meningsløst",
             "mit liv er ligegyldigt", "honestly whats the point anymore"],
)  # fmt: skip
def test_life_called_pointless_is_heard(said: str) -> None:
    """ "life is pointless" held two concepts, and the model, short of words, vetoed both."""
    assert Concern.SUICIDE in weigh(said).concerns


@pytest.mark.parametrize(
    "said", ["stop the ket, or only at weekends, or tell me ma",
             "cut down the ket to weekends only", "stoppe med at købe piller på gaden",
             "skære ned på hashen til kun weekenden"],
)  # fmt: skip
def test_ideas_to_stop_a_drug_are_not_a_lapse(said: str) -> None:
    """Liam's three ideas got the lapse reply, and were lost with it."""
    assert not weigh(said).concerns


def test_bladder_smashed_is_not_worn_out() -> None:
    """ "blæren er smadret" (the ket had wrecked it) was heard as "you sound worn out"."""
    assert feeling("blæren er smadret", "da") is None
    assert feeling("jeg er helt smadret", "da") == "tired"


@pytest.mark.parametrize(
    ("language", "said"),
    [("da", "Hvor bliver det gemt, og kan min mand se det? Vi deler computer derhjemme"),
     ("da", "Jeg har det fint, men jeg vil stadig gerne have svar: Kan min mand se det her"),
     ("da", "vent kan min rådgiver se det jeg skriver her?"),
     ("da", "du har stadig ik svaret mig. siger du det til nogen eller ej"),
     ("en", "does this go to me social worker??"),
     ("en", "helps to walk. could my husband not just read it all?")],
)  # fmt: skip
def test_who_sees_it_asked_inside_a_message_is_answered_never_kept(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """Birgitte asked four times whether her husband could read it on their shared
    computer; once it was kept as her first idea. Freja's was kept as her obstacle."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language])
    dialogue.say(said)
    assert dialogue.keys[0] == "move.privacy", dialogue.keys
    assert dialogue.goal.options == ()
    reply = dialogue.last_replies[0]
    assert "computer" in reply  # a shared phone or computer is named


HURT_AT_HOME = {
    "en": "he shoved me into a door yesterday",
    "da": "han skubbede mig ind i en dør i går",
}
NOT_SAFE_YET = {"en": ("no but answer me. does anyone get told? my school or social services??"),
                "da": "nej men svar lige. er der nogen der får det at vide? min rådgiver eller "
                      "skolen eller kommunen?? for så siger jeg ik mere"}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "da"])
def test_who_is_told_asked_at_the_safety_question_is_answered_first(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Freja's "nej men svar lige. er der nogen der får det at vide?" was read as "not
    safe", and she got the suicide script; her question was never answered."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], HURT_AT_HOME[language])
    assert dialogue.step == "safe_now"
    dialogue.say(NOT_SAFE_YET[language])
    assert dialogue.keys == ["move.privacy", "crisis.safe_now"], dialogue.keys


@pytest.mark.parametrize("language", ["en", "da"])
def test_not_safe_after_violence_is_told_to_get_to_safety_with_the_abuse_lines(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """ "nej" after her mother's boyfriend pushed her got "away from anything you could
    hurt yourself with" and the suicide lines."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], HURT_AT_HOME[language])
    [reply] = dialogue.say("no" if language == "en" else "nej")
    assert "hurt yourself" not in reply and "skade dig selv" not in reply, reply
    assert ("Refuge" in reply) if language == "en" else ("Lev Uden Vold" in reply), reply
    assert "Samaritans" not in reply and "Livslinien" not in reply, reply


@pytest.mark.parametrize(
    ("language", "said"), [("en", "im ok for now"), ("da", "jeg er ok for nu")]
)
def test_im_ok_at_the_safety_plan_offer_is_not_a_yes_to_the_plan(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], HURT_AT_HOME[language])
    dialogue.say("no" if language == "en" else "nej")
    dialogue.say(said)
    assert "crisis.plan_next" not in dialogue.keys and dialogue.step == "followup_offer", (
        dialogue.keys
    )


@pytest.mark.parametrize(
    ("language", "said", "line"),
    [("da", "hallo?? han råbte af mig igen i aftes. hvem kan jeg ringe til", "Lev Uden Vold"),
     ("da", "hvem kan jeg snakke med om det uden at det ender hos kommunen? jeg er 17",
      "BørneTelefonen"),
     ("en", "who can i talk to about him", "Refuge")],
)  # fmt: skip
def test_whom_to_call_asked_after_a_crisis_reply_gets_the_lines(
    engine: Engine, catalogue: Catalogue, language: str, said: str, line: str
) -> None:
    """Freja asked twice whom she could call; she got "/newgoal…" and "godt gået"."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], HURT_AT_HOME[language],
                      "yes" if language == "en" else "ja")  # fmt: skip
    [reply] = dialogue.say(said)
    assert dialogue.keys[0] == "move.who_to_call", dialogue.keys
    assert line in reply, reply
    assert "crisis.help_coming" not in dialogue.keys


@pytest.mark.parametrize(("language", "said"), [("en", "who can i talk to"),
                                                ("da", "hvem kan jeg ringe til")])  # fmt: skip
def test_whom_to_call_asked_anywhere_gets_lines_and_the_same_question(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language])
    dialogue.say(said)
    assert dialogue.keys == ["move.who_to_call", "grow.options"], dialogue.keys
    assert dialogue.goal.options == ()


@pytest.mark.parametrize("said", ["en gang skubbede han mig ind i en dør", "i går slog han mig"])
def test_danish_verb_first_violence_is_heard(said: str) -> None:
    assert Concern.HARM_FROM_OTHERS in weigh(said).concerns


@pytest.mark.parametrize(
    "said", ["Nå. Så siger jeg ja, det er i orden.",
             "Nej, det var ikke det jeg mente. Jeg skrev ja. Ja, det er i orden."],
)  # fmt: skip
def test_a_yes_to_keeping_said_in_sentences_is_a_yes(
    engine: Engine, catalogue: Catalogue, said: str
) -> None:
    """Birgitte was declined twice: "Nå" read as the Scots "naa" (no), and any no won."""
    dialogue = person(engine, catalogue, "da", "/start")
    dialogue.say(said)
    assert dialogue.person is not None, dialogue.last_replies


def test_a_no_said_last_is_a_no() -> None:
    assert consent_said("yes. no wait, not now") == "no"


@pytest.mark.parametrize(
    "said", ["yeah cos thats so easy", "easier said than done", "ja ja, som om det er så nemt",
             "not quite. that was sarcasm bab"],
)  # fmt: skip
def test_sarcasm_is_heard_never_an_idea(engine: Engine, catalogue: Catalogue, said: str) -> None:
    """Tariq's "yeah cos thats so easy" became idea 1, and "that was sarcasm bab" idea 2."""
    dialogue = person(engine, catalogue, "en", *TO_OPTIONS["en"])
    dialogue.say(said)
    assert dialogue.goal.options == (), dialogue.last_replies


@pytest.mark.parametrize(
    ("said", "outcome"),
    [("dropped it round hers yeah. managed 3 days without, then caved thursday", "partly"),
     ("i didnt change my mind?? i did it. 3 days clean is good for me", "done"),
     ("jeg har ikke skiftet mening, jeg gjorde det", "done")],
)  # fmt: skip
def test_a_step_dropped_round_or_a_change_of_mind_denied_is_no_change(
    said: str, outcome: str
) -> None:
    """Tariq's three days without were filed as "changed my mind", even after he said not."""
    assert step_outcome(said) == outcome


@pytest.mark.parametrize(
    ("language", "said", "goal"),
    [("da", "Nej, det var ikke helt det jeg mente. Skriv hellere: at få nogle gode aftener",
      "at få nogle gode aftener"),
     ("en", "no, write it as: drink less in the evenings", "drink less in the evenings")],
)  # fmt: skip
def test_how_to_write_the_goal_is_not_part_of_it(
    engine: Engine, catalogue: Catalogue, language: str, said: str, goal: str
) -> None:
    """Birgitte's goal was kept as "Skriv hellere: at få nogle gode aftener uden vin"."""
    first = {
        "en": "i want to maybe drink less i think",
        "da": "Jeg vil gerne noget med vin, tror jeg",
    }
    dialogue = person(engine, catalogue, language, *TO_GOAL[language], first[language])
    dialogue.say(said)
    assert dialogue.goal.text == goal, dialogue.last_replies


def test_a_suspicion_whose_lines_were_given_today_is_no_new_alarm(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Dev got eight alarms in one evening, the same lines each time, for telling of his
    shame; a suspicion only (the model's) whose lines were given today is the answer,
    with a word the first time (Hugh's "some days i dinnae see much point" got none)."""
    dialogue = person(engine, catalogue, "da", *TO_OPTIONS["da"], "jeg vil ikke leve mere",
                      "jeg er okay lige nu", "nej")  # fmt: skip
    suspected = "når jeg ligger vågen om natten og tænker"  # the model alone: suspected
    assert not weigh(suspected).sure and weigh(suspected).concerns
    dialogue.say(suspected)
    assert [key for key in dialogue.keys if key.startswith("crisis.")] == ["crisis.heard_again"]
    dialogue.say(suspected)
    assert not any(key.startswith("crisis.") for key in dialogue.keys), dialogue.keys


def test_a_goal_restated_and_agreed_at_the_two_goals_question_goes_on(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Jonas restated his goal when asked which of two to start with, said yes to it, and
    was asked "Det lyder som to mål:  og ." three times, with only "Begge" to press."""
    dialogue = person(engine, catalogue, "da", *TO_GOAL["da"])
    dialogue.say("æ vil gerne ned i vægt og så vil æ gerne tilbage til arbejde")
    assert dialogue.step == "goal_which", dialogue.last_replies
    dialogue.say("nej nej. målet er: tilbage til arbejde, deltid eller flexjob")
    dialogue.say("ja det passer")
    assert dialogue.step != "goal_which", dialogue.last_replies
    assert dialogue.goal.text == "tilbage til arbejde, deltid eller flexjob"


@pytest.mark.parametrize(("said", "number"), [("Jeg vil sige fire.", 4), ("jeg siger to", 2)])
def test_a_number_word_said_with_only_words_around_it_is_the_rating(
    said: str, number: int
) -> None:
    """Birgitte's "Jeg vil sige fire." got "Vælg et tal fra 0 til 10" ("fire" is English too)."""
    assert scale(said) == number
