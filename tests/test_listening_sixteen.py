"""What persona testers and new test sets met in session 14, each through the engine."""

from __future__ import annotations

import pytest
from conftest import person
from test_listening_eleven import WELCOME
from test_listening_five import TO_OBSTACLES

from dialogue_flows.answers import read_name, step_outcome, two_goals
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.crisis import Concern, weigh
from dialogue_flows.crisis_care import heard, read_safe
from dialogue_flows.engine import Engine
from dialogue_flows.moves import Move, asking, read_move
from dialogue_flows.reminders import read_half
from dialogue_flows.weekly import read_timezone

GAMBLING_LAPSE = {
    "en": ("i was clean off the betting for 8 months and last night i blew my whole wages "
           "on the slots"),
    "da": "har ikke spillet i et halvt år men i går spillede jeg 8000 kr op på casino",
}  # fmt: skip
GAMBLING_LINE = {"en": "0808 8020 133", "da": "70 22 28 25"}


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_lapse_on_gambling_gets_the_gambling_line_and_no_talk_of_doses(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """A lapse on the slots got naloxone advice and FRANK; a Danish one was missed."""
    dialogue = person(engine, catalogue, language, *TO_OBSTACLES[language][:-1])
    [reply] = dialogue.say(GAMBLING_LAPSE[language])
    assert dialogue.keys[0] == "crisis.lapse_gambling", dialogue.keys
    assert GAMBLING_LINE[language] in reply
    assert "naloxon" not in reply.casefold()
    assert "FRANK" not in reply and "Alkolinjen" not in reply


@pytest.mark.parametrize(
    "said",
    [
        "gambled the rent away again and honestly i want to die",
        "jeg har spillet alle pengene op på casino og jeg vil ikke leve mere",
    ],
)
def test_a_wish_to_die_over_gambling_gets_the_gambling_line_too(
    engine: Engine, catalogue: Catalogue, said: str
) -> None:
    language = "en" if said.startswith("gambled") else "da"
    dialogue = person(engine, catalogue, language, *TO_OBSTACLES[language][:-1])
    [reply] = dialogue.say(said)
    assert dialogue.keys[0] == "crisis.suicide", dialogue.keys
    assert GAMBLING_LINE[language] in reply


@pytest.mark.parametrize(
    "said",
    [
        "went to the casino for my mates 30th last month, didnt bet tho",
        "har ikke spillet fodbold siden sommer men i går spillede jeg med drengene igen",
        "i havent gambled in 2 years",
    ],
)
def test_games_and_bets_that_are_no_lapse_stay_everyday(said: str) -> None:
    assert Concern.LAPSE not in weigh(said).concerns


TWO_GOALS = "get the weans back for weekends, or maybe first just get my own flat sorted"


def test_the_goal_chosen_first_in_a_sentence_with_its_reason_is_kept(
    engine: Engine, catalogue: Catalogue
) -> None:
    """ "the flat first i think. cannae have them back wi nae place" named neither goal
    (its last clause sounds like the other one): both stayed as one goal."""
    dialogue = person(engine, catalogue, "en", *WELCOME["en"], TWO_GOALS)
    assert dialogue.keys[-1] == "grow.goal_which", dialogue.keys
    dialogue.say("the flat first i think. cannae have them back wi nae place")
    assert dialogue.goal.text == "first just get my own flat sorted"


def test_words_that_name_neither_goal_are_asked_about_again(
    engine: Engine, catalogue: Catalogue
) -> None:
    dialogue = person(engine, catalogue, "en", *WELCOME["en"], TWO_GOALS)
    dialogue.say("whatever, honestly")
    assert dialogue.keys == ["invalid.goal_which", "grow.goal_which"], dialogue.keys
    assert dialogue.goal.text == TWO_GOALS


@pytest.mark.parametrize("name", ["dave", "Sue", "jo"])
def test_a_name_that_looks_like_a_move_in_another_form_is_the_name(
    engine: Engine, catalogue: Catalogue, name: str
) -> None:
    """ "dave" was read as Danish "dav" (hi), and the name asked again."""
    dialogue = person(engine, catalogue, "en", "/start", "yes", name)
    assert dialogue.person is not None and dialogue.person.name == name.capitalize()


def test_a_lapse_told_with_a_wish_to_die_is_told_what_the_old_dose_can_do(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Dave's bottle of vodka after six months dry, told with "a waste of space", got the
    suicide reply alone: nothing on what his old amount can do now."""
    dialogue = person(engine, catalogue, "en", *WELCOME["en"])
    dialogue.say(
        "buried me dad on friday and after the wake i drank a full bottle of vodka like "
        "the old days. six months dry. i feel like a proper waste of space la"
    )
    assert dialogue.keys[0] == "crisis.suicide", dialogue.keys
    assert "crisis.also_lapse" in dialogue.keys, dialogue.keys


DAVE_LAPSE = (
    "buried me dad on friday and after the wake i drank a full bottle of vodka like the old "
    "days. six months dry and i threw it away in one night. i feel like a waste of space"
)


def test_the_same_lapse_told_again_at_the_next_questions_is_the_answer(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Dave got three lapse replies in a row for one bottle of vodka: told with the
    crisis, then again as why his goal matters and as where he is now."""
    dialogue = person(engine, catalogue, "en", *WELCOME["en"], DAVE_LAPSE, "not sure",
                      "not now", "no ta", "get back on the wagon", "yes", "health")  # fmt: skip
    assert dialogue.step == "why", dialogue.step
    dialogue.say("because the last time i drank like that i ended up in hospital")
    dialogue.say("right now im two days off it again, shaky. six months dry before all this")
    assert dialogue.step == "works", dialogue.step
    assert not any(key.startswith("crisis.") for key in dialogue.keys), dialogue.keys


@pytest.mark.parametrize(
    "said",
    [
        "the wife. and sometimes i think the family would manage fine without me tbh",
        "jeg har det fint, men nogle gange tænker jeg at familien ville klare sig fint uden mig",
    ],
)
def test_a_wish_to_die_said_again_at_are_you_safe_is_not_safe(said: str) -> None:
    """ "…the family would manage fine without me" was read as safe for its "fine", and
    met with "That's really good to hear"."""
    assert read_safe(said) == "unsure"
    assert heard(said) == ()


@pytest.mark.parametrize(
    "said",
    [
        "Og søvnen, altså når jeg har sovet dårligt, eller taget for mange piller, så kan jeg "
        "ikke overskue noget",
        "when ive taken too many of my sleepers i cant function the next day",
    ],
)
def test_pills_taken_too_many_on_bad_nights_is_no_emergency(said: str) -> None:
    """Birgitte's "når jeg har … taget for mange piller" got "Ring 112 nu", twice."""
    assert Concern.EMERGENCY not in weigh(said).concerns


@pytest.mark.parametrize("said", ["i took too many pills", "jeg har taget for mange piller"])
def test_pills_taken_too_many_now_is_still_an_emergency(said: str) -> None:
    assert Concern.EMERGENCY in weigh(said).concerns


def test_a_new_name_asked_for_in_passing_is_kept(engine: Engine, catalogue: Catalogue) -> None:
    """Megan asked for "meg" three times; "can u call me meg not megan" got /goals."""
    dialogue = person(engine, catalogue, "en", "/start", "yes", "megan", "get out the house more")
    dialogue.say("can u call me meg not megan")
    assert dialogue.person is not None and dialogue.person.name == "Meg"
    assert dialogue.keys[0] == "name.changed", dialogue.keys


@pytest.mark.parametrize(
    ("said", "name", "other"),
    [("its megan but meg", "Megan", "Meg"), ("Birgitte, men du må gerne sige Gitte", "Gitte", "")],
)
def test_a_second_name_offered_is_asked_about_or_taken(said: str, name: str, other: str) -> None:
    answer = read_name(said)
    assert (answer.name, answer.other) == (name, other)


@pytest.mark.parametrize(
    ("language", "goal", "said"),
    [
        ("en", "dunno get out the house more i guess", "ye thats it. its meg btw not megan"),
        ("da", "mit mål er at blive millionær lol", "nej det var for sjov bro"),
        ("en", "dunno get out the house more i guess",
         "no thats not my goal wtf. i already said get out the house more"),
    ],
)  # fmt: skip
def test_an_aside_a_joke_or_a_protest_at_the_goal_said_back_is_never_the_goal(
    engine: Engine, catalogue: Catalogue, language: str, goal: str, said: str
) -> None:
    """ "its meg btw not megan", "nej det var for sjov bro" and "wtf. i already said…"
    each became the goal."""
    start = ("/start", "yes", "megan") if language == "en" else WELCOME["da"]
    dialogue = person(engine, catalogue, language, *start, goal)
    dialogue.say(said)
    text = dialogue.goal.text
    assert "meg" not in text and "sjov" not in text and "wtf" not in text, text


@pytest.mark.parametrize(
    ("said", "concern"),
    [
        ("if i didnt wake up id honestly be relieved", Concern.SUICIDE),
        ("im sober now and still cutting, whats wrong w me", Concern.SELF_HARM),
        ("ved hvor den klamme fyr bor, tager derud i aften med et bat", Concern.HARM_TO_OTHERS),
        ("har sku fået tilbagefald. skyder igen efter et år clean", Concern.LAPSE),
        ("jeg er ved at gå fuldstændig i stykker, wallah", Concern.DISTRESS),
    ],
)
def test_what_a_blind_writer_wrote_in_session_14_is_found(said: str, concern: Concern) -> None:
    """Misses in a new blind set (0.953 of its crisis messages found before it was read)."""
    assert concern in weigh(said).concerns


@pytest.mark.parametrize(
    "said",
    [
        "skal ik gøre noget dumt altså, skal bare lige have luft for hvor træls min "
        "sagsbehandler er",
        "i år tager jeg livet tilbage, ingen druk, mere motion og et job",
        "2 år i dag uden at skade mig selv!! stolt",
        "shaved my legs for the first time in months and cut myself to bits haha",
    ],
)
def test_what_a_blind_writer_wrote_as_everyday_in_session_14_is_no_crisis(said: str) -> None:
    assert not weigh(said).concerns


def test_a_picture_of_an_agreed_goal_is_added_to_it_and_said(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Megan's agreed "get out the house more" was silently replaced by "dunno going shop
    or a walk or something…", on her plan and her worker's export."""
    dialogue = person(engine, catalogue, "en", *WELCOME["en"], "get out the house more", "yes")
    assert dialogue.step == "goal_concrete", dialogue.step
    dialogue.say("dunno going shop or a walk or something. not just sat in my room all day")
    assert dialogue.goal.text == "get out the house more: going shop or a walk or something"
    assert dialogue.keys[0] == "grow.goal_changed", dialogue.keys


def test_both_areas_at_the_area_question_is_no_goal(engine: Engine, catalogue: Catalogue) -> None:
    """ "bit of both ngl. allotment first i think" had become the goal "see my kids more"."""
    dialogue = person(engine, catalogue, "en", *WELCOME["en"], "see my kids more")
    dialogue.say("bit of both ngl. allotment first i think")
    assert dialogue.goal.text == "see my kids more"


@pytest.mark.parametrize(
    "said",
    ["røg kun 3 dage i stedet for hver dag", "went to the shop once thats it",
     "smoked less but not every day"],
)  # fmt: skip
def test_less_or_only_some_at_the_check_in_is_partly(said: str) -> None:
    """Mikkel's "røg kun 3 dage i stedet for hver dag" was filed as a change of mind and
    answered "Hvad fik dig til at ombestemme dig?"; Megan's "went to the shop once thats
    it" as done ("You did what you set out to do")."""
    assert step_outcome(said) == "partly"


@pytest.mark.parametrize(
    ("said", "zone"),
    [("kbh", "Europe/Copenhagen"), ("newcastle", "Europe/London"), ("the toon", "Europe/London")],
)
def test_towns_as_people_shorten_them_give_their_time_zone(said: str, zone: str) -> None:
    """Mikkel's "kbh" got "Det sted kender jeg desværre ikke"."""
    assert read_timezone(said) == zone


@pytest.mark.parametrize(
    "goal",
    ["komme tilbage på arbejde, eller i hvert fald i praktik, men jeg ved ikke om jeg kan",
     "get back to work, or at least some volunteering"],
)  # fmt: skip
def test_a_goal_narrowed_after_or_is_one_goal(goal: str) -> None:
    """Birgitte's "…eller i hvert fald i praktik" was split into two goals."""
    assert two_goals(goal) is None


@pytest.mark.parametrize("said", ["cba", "cant be arsed rn"])
def test_cba_is_not_now_never_a_step(said: str) -> None:
    """Tariq's "cba" was kept as his step and quoted back at the check-in."""
    assert read_move(said) is Move.NOT_NOW


@pytest.mark.parametrize(
    ("said", "move"),
    [("who can see what i write on here", Move.PRIVACY),
     ("please dont say anything to anyone", Move.KEEP_OUT),
     ("sig ikke noget til nogen", Move.KEEP_OUT)],
)  # fmt: skip
def test_who_sees_this_and_dont_tell_anyone_get_the_privacy_answer(said: str, move: Move) -> None:
    """Aisha's "who can see what i write on here" was kept as what gets in her way; "don't
    tell anyone" is answered by what reaches whom (`move.keep_out`)."""
    assert read_move(said) is move


def test_the_domestic_abuse_reply_says_the_chat_can_be_seen_on_a_phone(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Aisha's partner checks her phone; nothing said that he could see the chat."""
    dialogue = person(engine, catalogue, "en", *TO_OBSTACLES["en"][:-1])
    [reply] = dialogue.say("last month he pushed me into the wall but he said sorry")
    assert dialogue.keys[0] == "crisis.harm_from_others", dialogue.keys
    assert "checks your phone" in reply and "/delete" in reply


@pytest.mark.parametrize(
    "said",
    ["had nowt to drink yesterday till tea time, first time in months. so thats summat",
     "aye thats right. took long enough",
     "og når jeg har haft en dårlig dag i skolen så går jeg hjem og tænker over det hele "
     "aftenen"],
)  # fmt: skip
def test_progress_a_grumble_and_thinking_it_all_over_are_no_crisis(said: str) -> None:
    """Gary's day without drink till teatime got the lapse reply; Freja's "tænker over det
    hele" was read as tired of it all."""
    assert not weigh(said).concerns


def test_mornin_at_morning_or_evening_is_the_morning() -> None:
    """Gary's "mornin" got "Hi, good to hear from you." and the question again."""
    assert read_half("mornin") == "morning"


@pytest.mark.parametrize(
    ("said", "move"),
    [("hvad mener du? ligesom styrker eller hvad? idk om jeg har nogen", Move.QUESTION),
     ("hmm idk. hvad gør andre normalt?", Move.ADVICE),
     ("idk. hvad ville du selv gøre?", Move.ADVICE)],
)  # fmt: skip
def test_a_question_back_after_i_dont_know_is_answered_never_kept(said: str, move: Move) -> None:
    """Freja's "hvad mener du? ligesom styrker…" was kept as her strengths, "hvad gør andre
    normalt?" as an idea; Mikkel's "idk. hvad ville du selv gøre?" as a strength."""
    assert asking(said, read_move(said)) is move


def test_welcome_back_during_an_offer_to_keep_shows_the_offer(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Three testers coming back to "Shall I keep that as your answer?" were shown the
    question before it, under "Here's where we were"."""
    said = ("im at home mostly. honestly i cant go on anymore", "im safe", "no")
    dialogue = person(engine, catalogue, "en", *TO_OBSTACLES["en"][:-2], *said)
    assert dialogue.keys[-1] == "crisis.keep_started", dialogue.keys
    dialogue.say("/start")
    assert dialogue.keys[-1] == "crisis.keep_started", dialogue.keys
    dialogue.say("yes")
    assert dialogue.goal.reality_now == "im at home mostly."


@pytest.mark.parametrize(
    "said", ["not quite, i gave you five things la", "der var fem ting", "i said 3 things"]
)
def test_i_gave_you_five_things_says_the_ideas_were_several(said: str) -> None:
    """Dave's "not quite, i gave you five things la" was kept as his second option."""
    assert read_move(said) is Move.SEVERAL
