"""What persona testers met in session 20, each through the engine (or the reading it
comes down to)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import person
from test_listening_five import TO_OPTIONS
from test_listening_twenty import SCHEDULED

from dialogue_flows import answers, crisis_care, moves, weekly
from dialogue_flows.answers import feeling
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.crisis import Concern, weigh
from dialogue_flows.engine import Engine
from dialogue_flows.listening import in_jest
from dialogue_flows.moves import Move, read_move

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


JOKES = {
    "en": "im gonna kill my brother lol he ate my dinner",
    "da": "jeg slår min bror ihjel haha han har spist min aftensmad",
}


@pytest.mark.parametrize("language", ["en", "da"])
def test_violence_said_in_jest_is_no_idea(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Danny's "im gonna kill my brother lol he ate my dinner" was listed as his first
    idea, and exported for his probation worker: taken as a joke, kept nowhere."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language])
    assert dialogue.step == "options"
    dialogue.say(JOKES[language])
    assert dialogue.keys[0] == "move.jest"
    assert dialogue.step == "options"
    assert dialogue.goal.options == ()


@pytest.mark.parametrize(
    ("said", "jest"),
    [("im gonna kill my brother lol he ate my dinner", True),
     ("ill murder him \U0001f602", True),
     ("jeg slår ham ihjel haha", True),
     ("get out of this job thats killing me lol", False),
     ("kill time at the library lol", False),
     ("ring my brother lol", False)],
)  # fmt: skip
def test_in_jest_needs_violence_at_someone_and_a_laugh(said: str, jest: bool) -> None:
    assert in_jest(said) is jest


@pytest.mark.parametrize(
    ("language", "said", "move"),
    [("en", "catch yerself on thats not an idea. was a joke", Move.RETRACT),
     ("en", "was a joke", Move.RETRACT), ("en", "thats not an idea", Move.QUESTION),
     ("da", "det var bare for sjov", Move.RETRACT)],
)  # fmt: skip
def test_taking_a_joke_back_is_never_an_idea(language: str, said: str, move: Move) -> None:
    """ "catch yerself on thats not an idea. was a joke" became two more ideas."""
    assert read_move(said) is move


@pytest.mark.parametrize(
    "said",
    [
        "is this the peelers",
        "are u the cops",
        "wud the cops see that",
        "er det politiet",
        "kan strisserne se det",
    ],
)
def test_asking_if_the_police_see_it_is_a_privacy_question(said: str) -> None:
    """Danny's "is this the peelers" got "No rush. Choose Yes…"."""
    assert read_move(said) is Move.PRIVACY


def test_a_curse_after_none_of_them_is_no_idea(engine: Engine, catalogue: Catalogue) -> None:
    """ "none of them ffs" added "ffs" to Danny's ideas."""
    dialogue = person(
        engine, catalogue, "en", *TO_OPTIONS["en"], "ring the fella, or ask keyworker"
    )
    dialogue.run("yes")
    assert dialogue.step == "choose"
    dialogue.say("none of them ffs")
    assert dialogue.step == "options"
    assert "ffs" not in dialogue.goal.options


def test_a_goal_said_again_whole_replaces_the_goal(engine: Engine, catalogue: Catalogue) -> None:
    """Danny put his goal another way and was told "I've put your goal as 'need to keep
    money for the deposit so i do: get a flat'": a correction that names no part left out
    is the goal, whole; and "so i do" is a tag, not his reason for it."""
    dialogue = person(engine, catalogue, "en", "/start", "k", "Danny",
                      "get a flat. need to keep money for the deposit so i do")  # fmt: skip
    assert dialogue.goal.text == "need to keep money for the deposit"
    assert dialogue.goal.why is None
    dialogue.run("not quite", "save for a deposit on a flat n stop the betting apps")
    assert dialogue.goal.text == "save for a deposit on a flat n stop the betting apps"


def test_a_goal_opened_mid_message_keeps_no_lead() -> None:
    """Mette's goal read "Målet er at komme tilbage på arbejde…" in every message."""
    said = ("Jeg er sygemeldt fra mit job som sygeplejerske. Målet er at komme tilbage på "
            "arbejde på nedsat tid. Jeg er bipolar og i lithiumbehandling.")  # fmt: skip
    kept = answers.restated(answers.core(answers.without_doubt(answers.restated(said))))
    assert kept == "komme tilbage på arbejde på nedsat tid"


@pytest.mark.parametrize(
    ("step", "when"),
    [("Jeg køber ikke vin ind og ringer til min søster kl. 21.30.", "kl. 21.30"),
     ("ring my sister at 9. then bed", "at 9")],
)  # fmt: skip
def test_the_dot_of_kl_ends_no_when(step: str, when: str) -> None:
    """Mette's step "…ringer til min søster kl. 21.30." was noted to be done "kl"."""
    assert weekly.when_said(step) == when


SMALL_DRINK = {
    "en": "partly. no wine monday or wednesday, then had two glasses on tuesday and thursday",
    "da": "Delvist. Mandag og onsdag holdt jeg mig fra det. Tirsdag og torsdag købte jeg en "
          "flaske og drak to glas hver aften.",
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_little_drink_told_at_a_checkin_is_how_it_went(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Mette, cutting down on weekday wine, told her check-in of two glasses on two
    evenings and was told of lost tolerance, Antabus and 112: it is how her step went."""
    dialogue = person(engine, catalogue, language, *SCHEDULED[language])
    dialogue.now += timedelta(days=7)
    dialogue.run("/checkin")
    dialogue.say(SMALL_DRINK[language])
    assert not any(key.startswith("crisis.") for key in dialogue.keys), dialogue.keys
    assert dialogue.goal.checkins[-1].outcome == "partly"


@pytest.mark.parametrize(
    ("said", "move"),
    [("ved it", Move.DONT_KNOW), ("æ ved it", Move.DONT_KNOW), ("i did it", None),
     ("hende fra kommunen sagde jeg sku prøv det her", Move.SENT),
     ("the woman from the council said i should try this", Move.SENT)],
)  # fmt: skip
def test_west_jutland_it_is_ikke(said: str, move: Move | None) -> None:
    """Kasper's "ved it. hende fra kommunen sagde jeg sku prøv det her" was kept as his
    goal, filed under Home: "it" after a Danish verb is West Jutland's "ikke"."""
    assert read_move(said) is move


def test_a_goal_after_ved_it_and_who_sent_them_is_asked_for(
    engine: Engine, catalogue: Catalogue
) -> None:
    dialogue = person(engine, catalogue, "da", "/start", "ja", "Kasper")
    dialogue.say("ved it. hende fra kommunen sagde jeg sku prøv det her")
    assert not dialogue.goals
    dialogue.say("vil være ædru når ungerne er her")
    assert dialogue.goal.text == "vil være ædru når ungerne er her"


@pytest.mark.parametrize("language", ["en", "da"])
def test_two_options_picked_by_number_ask_which_first(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Signe's "2 og 4 tbh" became her chosen option, and a new idea."""
    ideas = {"en": "ring the fella, or ask her, or go to the library",
             "da": "ringe til maja, skrive til vejlederen eller gå på biblioteket"}  # fmt: skip
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], ideas[language])
    dialogue.run("yes" if language == "en" else "ja")
    assert dialogue.step == "choose"
    dialogue.say("2 and 3 tbh" if language == "en" else "2 og 3 tbh")
    assert dialogue.keys[0] == "invalid.pick_one"
    assert dialogue.goal.chosen_option is None
    assert len(dialogue.goal.options) == 3


@pytest.mark.parametrize(
    ("said", "answer"),
    [("nej ikke sådan 🙃 jeg mener bare væk fra folk… jeg vil ikke dø eller noget", "misread"),
     ("no not like that, i dont want to die or anything", "misread"),
     ("sometimes i dont want to die and sometimes i do", "unsure"),
     ("i dont want to die but i might do something stupid tonight", "unsure")],
)  # fmt: skip
def test_not_wanting_to_die_answers_are_you_safe(said: str, answer: str) -> None:
    """Signe's "…jeg vil ikke dø eller noget" was read as "not safe": "Ring 112 nu"."""
    assert crisis_care.read_safe_now(said) == answer


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "used to go fishing with Gaz from my regiment, but Gaz killed himself last year"),
     ("da", "vi fiskede altid ved kanalen, men Gaz tog sit eget liv sidste år")],
)  # fmt: skip
def test_a_friend_lost_to_suicide_is_heard_as_a_loss(language: str, said: str) -> None:
    """Tom's "Gaz killed himself last year so I havent been since. anyway." got the next
    question and nothing more, twice."""
    assert feeling(said, language) == "loss"
    assert weigh(said).concerns == frozenset()


@pytest.mark.parametrize(
    ("said", "number"),
    [("4 ffs", 4), ("what?? hes not abusive hes just useless with shopping. 4", 4),
     ("4. christ almighty", 4), ("3 days ago", None), ("i took 2", None), ("2 pills", None)],
)  # fmt: skip
def test_a_button_number_first_last_or_with_a_curse_is_picked(
    said: str, number: int | None
) -> None:
    """Tom's "4 ffs" and Priya's "…useless with shopping. 4" were not read as the
    fourth button, "You misread me"."""
    assert crisis_care.picked_number(said) == number


@pytest.mark.parametrize(
    "said", ["what?? hes not abusive hes just useless with shopping", "han er ikke voldelig"]
)
def test_a_partner_said_not_to_be_abusive_is_a_protest(said: str) -> None:
    assert crisis_care.read_safe_now(said) == crisis_care.MISREAD


@pytest.mark.parametrize(
    "said",
    [
        "deleted paddy power. still got the other one tho. stuck 20 quid on it saturday",
        "slettede den ene app, men har stadig den anden",
    ],
)
def test_done_with_the_rest_still_there_is_partly(said: str) -> None:
    """Danny's check-in, one app deleted, a bet on the other, got "That's great to hear"
    and was filed as done."""
    assert answers.step_outcome(said) == "partly"


def test_a_phrase_spelt_too_many_ways_is_refused_when_the_tables_load() -> None:
    # one phrase of 3.5 million spellings made every message beginning "the" slow to read
    wide = " ".join(["(a|b|c|d|e|f|g|h|i|j)"] * 5)
    with pytest.raises(ValueError, match="spellings"):
        list(moves._variants(wide))
