"""What persona testers met in session 11, each a conversation through the engine."""

from __future__ import annotations

import pytest
from conftest import person
from test_listening_eleven import WELCOME
from test_listening_five import TO_OPTIONS

from dialogue_flows.answers import feeling, step_outcome
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine
from dialogue_flows.records import LifeArea
from dialogue_flows.weekly import read_weekly

MAGS = {
    "en": "well i used to go to the bowls club on a tuesday but since my hip i dont go out "
    "much, and my daughter says i drink too much gin of an evening, so i suppose i should "
    "say cut down the gin, i'd like to feel more myself again",
    "da": "altså jeg gik til bowling om tirsdagen men siden min hofte kommer jeg ikke så "
    "meget ud, og min datter siger jeg drikker for meget gin om aftenen, så jeg skulle vel "
    "sige drikke mindre gin, jeg vil gerne føle mig mere som mig selv igen",
}


@pytest.mark.parametrize(
    ("language", "protest", "picked", "goal"),
    [("en", "not quite, thats far too long, thats my whole life story!", "cut down the gin",
      "cut down the gin"),
     ("da", "nej, det er alt for langt, det er jo hele min livshistorie", "drikke mindre gin",
      "drikke mindre gin")],
)  # fmt: skip
def test_a_protest_at_the_goal_read_back_asks_for_their_words(
    engine: Engine, catalogue: Catalogue, language: str, protest: str, picked: str, goal: str
) -> None:
    """Mags's "not quite, thats far too long, thats my whole life story!" became her goal;
    then "cut down the gin", picked out of her first message, brought that whole message
    back as the goal (read as a part left out)."""
    dialogue = person(engine, catalogue, language, *WELCOME[language], MAGS[language])
    assert dialogue.step == "goal_check", dialogue.step
    dialogue.say(protest)
    assert dialogue.step == "goal_fix", dialogue.step
    dialogue.say(picked)
    assert dialogue.goal.text == goal
    assert dialogue.step == "area_suggested", dialogue.step
    dialogue.say("1")
    assert dialogue.goal.area is LifeArea.HEALTH


@pytest.mark.parametrize(
    ("language", "goal", "area", "reason"),
    [("en", "get out more, see people", "no, it's more about my health really",
      "because my daughter worries"),
     ("da", "komme mere ud, se folk", "nej, det handler mere om mit helbred",
      "fordi min datter er bekymret")],
)  # fmt: skip
def test_a_health_area_and_a_reason_said_in_passing(
    engine: Engine, catalogue: Catalogue, language: str, goal: str, area: str, reason: str
) -> None:
    """Mags's "no, it's more about my health really" was filed under Community: the
    Danish stem of "more" is that of "mor" (mother). Then "because my daughter worries"
    became her goal, and was answered "That fear makes sense": the worry is her
    daughter's."""
    dialogue = person(engine, catalogue, language, *WELCOME[language], goal)
    assert dialogue.step == "area_suggested", dialogue.step
    dialogue.say(area)
    assert dialogue.goal.area is LifeArea.HEALTH
    assert dialogue.step == "goal_concrete", dialogue.step
    dialogue.say(reason)
    assert dialogue.goal.text == goal
    assert dialogue.goal.why == reason
    assert dialogue.step == "now", dialogue.step
    assert not any(key.startswith("feeling.") for key in dialogue.keys), dialogue.keys


@pytest.mark.parametrize(
    ("language", "sounds"),
    [("en", ["hmm", "erm"]), ("da", ["mja", "øhm"])],
)  # fmt: skip
def test_sounds_of_thinking_at_the_ideas_are_not_ideas(
    engine: Engine, catalogue: Catalogue, language: str, sounds: list[str]
) -> None:
    """Lærke's "mja" was kept as an idea and offered back as an option; the second sound
    at one question gets an example, not "No rush" word for word again."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language])
    assert dialogue.step == "options", dialogue.step
    dialogue.say(sounds[0])
    assert dialogue.keys[0] == "move.thinking", dialogue.keys
    dialogue.say(sounds[1])
    assert dialogue.keys[0] == "grow.options.example", dialogue.keys
    assert dialogue.step == "options" and dialogue.goal.options == ()


@pytest.mark.parametrize(
    ("language", "rating", "number"),
    [("en", "a 5. maybe a 6 if Jean is actually stood there", 5),
     ("en", "7 if i actually get out of bed", 7),
     ("da", "en 4'er. måske 5 hvis Jean faktisk står der", 4)],
)  # fmt: skip
def test_actually_inside_a_rating_is_not_a_change_of_mind(
    engine: Engine, catalogue: Catalogue, language: str, rating: str, number: int
) -> None:
    """Mags's "a 5. maybe a 6 if Jean is actually stood there" was refused twice ("Please
    choose a number from 0 to 10"): what came after "actually" was read as what she
    meant, and it held no number."""
    ideas = {"en": ("ring jean", "yes"), "da": ("ringe til jean", "ja")}[language]
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], *ideas)
    dialogue.run({"en": "ring jean tonight", "da": "ringe til jean i aften"}[language])
    assert dialogue.step == "confidence", dialogue.step
    dialogue.say(rating)
    step = dialogue.goal.current_step
    assert step is not None and step.confidence == number


TWO_GOALS = {
    "en": ("I want to cut down the drink and get back to work", "get back to work",
           "cut down the drink",
           ("yes", "to feel useful", "out of work 2 years", "my sister", "nerves", "yes",
            "ring the job centre", "yes", "ring them on monday", "8", "done it before")),
    "da": ("jeg vil drikke mindre og komme i arbejde igen", "komme i arbejde igen",
           "drikke mindre",
           ("ja", "for at føle mig nyttig", "ledig i 2 år", "min søster", "nerver", "ja",
            "ringe til jobcentret", "ja", "ringe til dem på mandag", "8",
            "det har jeg gjort før")),
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "da"])
def test_two_goals_in_one_breath_ask_which_comes_first(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """ "cut down the drink and get back to work" was kept as one goal, filed under one
    life area. The person is asked which to start with; the other is named again when
    the plan is made, and their whole sentence stays beside the goal."""
    said, picked, other, rest = TWO_GOALS[language]
    dialogue = person(engine, catalogue, language, *WELCOME[language], said)
    assert dialogue.step == "goal_which", dialogue.step
    dialogue.say(picked)
    assert dialogue.goal.text == picked
    assert dialogue.goal.first_words and said.endswith(dialogue.goal.first_words)
    assert dialogue.step == "area_suggested", dialogue.step
    dialogue.run(*rest)
    assert dialogue.goal_done, dialogue.step
    assert "grow.other_goal_next" in dialogue.keys, dialogue.keys
    assert any(other in reply for reply in dialogue.last_replies)


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "see my kids and take them to the park"), ("en", "go to the gym and eat better"),
     ("da", "spise sundere og gå til træning")],
)  # fmt: skip
def test_one_goal_with_and_is_one_goal(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *WELCOME[language], said)
    assert dialogue.step != "goal_which", dialogue.step


@pytest.mark.parametrize(
    ("said", "outcome"),
    [("I got as far as the door, then went home", "partly"),
     ("walked past the club but didnt go in", "partly"),
     ("went in, had a cup of tea, then went home", "done"),
     ("i went to the door and knocked and we had a chat", "done"),
     ("jeg kom til døren og så gik jeg hjem igen", "partly"),
     ("jeg gik forbi butikken men turde ikke gå ind", "partly"),
     ("jeg gik derhen og fik en kop te", "done")],
)  # fmt: skip
def test_getting_as_far_as_the_door_is_part_of_the_step(said: str, outcome: str) -> None:
    """Mags's "I got as far as the door, then went home" was answered "That's great to
    hear": going home was read as the step done."""
    assert step_outcome(said) == outcome


@pytest.mark.parametrize(
    ("language", "more"),
    [("en", "ask jean to pick me up"), ("da", "spørge jean om hun vil hente mig")],
)  # fmt: skip
def test_more_said_at_the_summary_is_kept_beside_what_they_said(
    engine: Engine, catalogue: Catalogue, language: str, more: str
) -> None:
    """At "Have I got that right?", Mags's "ask jean to pick me up" took the place of her
    strengths, "my friend jean still goes" (one word the same). Words that say nothing
    is wrong, and say little of a part again, are kept beside it."""
    works = {"en": "my friend jean still goes", "da": "min veninde jean går der stadig"}
    lines = {"en": (*WELCOME["en"], "go back to the bowls club", "yes", "to see my friends",
                    "i stopped going", works["en"], "my knees"),
             "da": (*WELCOME["da"], "begynde til bowling igen", "ja", "for at se mine venner",
                    "jeg holdt op med at gå der", works["da"], "mine knæ")}[language]  # fmt: skip
    dialogue = person(engine, catalogue, language, *lines)
    assert dialogue.step == "reality_summary", dialogue.step
    dialogue.say(more)
    assert dialogue.goal.reality_works == works[language]
    assert dialogue.goal.reality_correction == more
    assert dialogue.step == "reality_again", dialogue.step


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_hedge_in_a_first_ramble_is_not_why_it_matters(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """From Mags's first message, "so i suppose i should say cut down the gin, …" was
    kept and said back as why her goal mattered; and "i'd like to feel more myself
    again" was offered as about people and belonging ("more" read as Danish "mor")."""
    dialogue = person(engine, catalogue, language, *WELCOME[language], MAGS[language])
    assert dialogue.goal.why is None, dialogue.goal.why
    dialogue.say({"en": "yes", "da": "ja"}[language])
    assert dialogue.step == "area", dialogue.step


@pytest.mark.parametrize(
    ("language", "consent", "asked", "name"),
    [("en", "aye", "why d'you need it", "daz"),
     ("da", "ja", "hvorfor skal du bruge mit navn", "lærke")],
)  # fmt: skip
def test_why_the_name_is_needed_is_answered_not_taken_as_the_name(
    engine: Engine, catalogue: Catalogue, language: str, consent: str, asked: str, name: str
) -> None:
    """Daz's "why d'you need it" got "Shall I call you D'you?"; the Danish question got
    the suicide reply from the model alone."""
    dialogue = person(engine, catalogue, language, "/start", consent)
    assert dialogue.step == "name", dialogue.step
    dialogue.say(asked)
    assert dialogue.keys[0] == "onboarding.name.means", dialogue.keys
    assert dialogue.step == "name" and dialogue.person is not None
    assert dialogue.person.name is None
    dialogue.say(name)
    assert dialogue.person.name is not None
    assert dialogue.person.name.casefold() == name


@pytest.mark.parametrize(
    ("language", "asked"),
    [("en", "whatever u think"), ("en", "up to you"), ("da", "det må du bestemme"),
     ("da", "hvad du synes")],
)  # fmt: skip
def test_leaving_it_to_the_coach_is_not_an_idea(
    engine: Engine, catalogue: Catalogue, language: str, asked: str
) -> None:
    """Daz's "whatever u think" was kept as an idea and offered back as an option."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language])
    dialogue.say(asked)
    assert dialogue.keys[0] == "move.advice", dialogue.keys
    assert dialogue.step == "options" and dialogue.goal.options == ()


@pytest.mark.parametrize(
    ("language", "dark", "safe", "other"),
    [("en", "some days i think everyone'd be better off without me tbh",
      "im ok just a bad day", "ma worker"),
     ("da", "nogle dage tænker jeg at alle ville have det bedre uden mig",
      "jeg er ok, bare en dårlig dag", "min kontaktperson")],
)  # fmt: skip
def test_the_follow_up_offer_asked_again_does_not_thank_again(
    engine: Engine, catalogue: Catalogue, language: str, dark: str, safe: str, other: str
) -> None:
    """Daz heard "Thanks for telling me. I'm glad you're safe for now. Can I check in
    with you tomorrow?" three times, word for word."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language][:-3], dark)
    dialogue.say(safe)
    assert dialogue.keys == ["crisis.safe_thanks", "crisis.followup_after_safe"], dialogue.keys
    dialogue.say(other)
    assert "crisis.safe_thanks" not in dialogue.keys, dialogue.keys
    assert dialogue.keys[-1] == "crisis.followup_again", dialogue.keys


@pytest.mark.parametrize(
    ("language", "said", "goal"),
    [("da", "altså jeg ved ikke helt, jeg har tænkt på om jeg kunne være frivillig i en "
      "genbrugsbutik, men jeg er bange for at folk kigger på mig",
      "være frivillig i en genbrugsbutik"),
     ("da", "jeg vil gerne være frivillig i en genbrugsbutik men jeg er bange for at folk "
      "kigger på mig", "jeg vil gerne være frivillig i en genbrugsbutik"),
     ("en", "well i dunno, i was thinking maybe i could volunteer at a charity shop, but im "
      "scared people will stare at me", "volunteer at a charity shop")],
)  # fmt: skip
def test_a_wish_said_with_a_fear_keeps_the_wish_as_the_goal(
    engine: Engine, catalogue: Catalogue, language: str, said: str, goal: str
) -> None:
    """Lærke's goal was written as her whole message, fear and all, and "bange for at
    folk kigger på mig" was kept as why it mattered to her."""
    dialogue = person(engine, catalogue, language, *WELCOME[language], said)
    assert dialogue.goal.text == goal
    assert dialogue.goal.why is None, dialogue.goal.why
    assert dialogue.goal.first_words and said.endswith(dialogue.goal.first_words)


SMALLER = {
    "en": (*WELCOME["en"], "volunteer at a charity shop", "yes", "to have something to get "
           "up for", "six months clean", "my mum", "people staring", "yes", "walk past with "
           "my mum", "yes", "walk past the shop on saturday", "4", "my mum will be there"),
    "da": (*WELCOME["da"], "være frivillig i en genbrugsbutik", "ja", "for at have noget at "
           "stå op til", "clean et halvt år", "min mor", "folk der kigger", "ja", "gå forbi "
           "med min mor", "ja", "gå forbi butikken på lørdag", "4", "min mor er med"),
}  # fmt: skip
"""Lærke, asked to make her step smaller (4 out of 10)."""


@pytest.mark.parametrize(
    ("language", "said", "text", "when"),
    [("en", "no thanks", "walk past the shop on saturday", "saturday"),
     ("en", "sunday instead", "walk past the shop on sunday", "sunday"),
     ("da", "nej tak", "gå forbi butikken på lørdag", "lørdag"),
     ("da", "søndag i stedet", "gå forbi butikken på søndag", "søndag")],
)  # fmt: skip
def test_no_or_another_day_at_make_it_smaller_keeps_the_step(
    engine: Engine, catalogue: Catalogue, language: str, said: str, text: str, when: str
) -> None:
    """Lærke's "nej tak" to a smaller step got "I'm not sure I followed", and a day said
    there ("tirsdag formiddag omkring kl 10") became her step."""
    dialogue = person(engine, catalogue, language, *SMALLER[language])
    assert dialogue.step == "smaller", dialogue.step
    dialogue.say(said)
    step = dialogue.goal.current_step
    assert step is not None and (step.text, step.when) == (text, when)


@pytest.mark.parametrize("language", ["en", "da"])
def test_the_offer_to_picture_progress_is_said_once_and_again_on_coming_back(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """Daz got the whole 250-character offer three times over, word for word, when he
    answered it with something else; coming back later, only its short question would
    have no context, so there it is said whole."""
    dialogue = person(engine, catalogue, language, *SMALLER[language], "no")
    assert dialogue.step == "offer", dialogue.step
    dialogue.say("sunday nite 8ish")
    assert "gas.offer_lead" not in dialogue.keys, dialogue.keys
    dialogue.command("start")
    assert dialogue.keys == ["start.welcome_back", "gas.offer_lead", "gas.offer"], dialogue.keys


@pytest.mark.parametrize("said", ["sunday nite 8ish", "sun nite at 8", "sunday night 8ish"])
def test_nite_is_night(said: str) -> None:
    """Daz's "sunday nite 8ish" was asked "8 o'clock in the morning or in the evening?"."""
    found = read_weekly(said)
    assert (found.weekday, found.hour) == (6, 20)


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "jo keeps my pills and i give her the blades"),
     ("da", "min søster passer på mine piller, og der er ingen knive i huset")],
)  # fmt: skip
def test_the_safety_plan_asks_what_makes_their_space_safer(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """The safety plan lacked its last step (Stanley–Brown: making the environment
    safer); an answer naming pills or blades there is the plan, not a crisis."""
    parts = {
        "en": ("being alone", "not sleeping", "my dog", "my sister"),
        "da": ("at være alene", "jeg sover dårligt", "min hund", "min søster"),
    }
    dialogue = person(engine, catalogue, language, *WELCOME[language], "/safety", "1",
                      *parts[language])  # fmt: skip
    assert dialogue.step == "safer", dialogue.step
    dialogue.say(said)
    plan = dialogue.person.safety_plan if dialogue.person else None
    assert plan is not None and plan.safer == said
    assert not any(key.startswith("crisis.") for key in dialogue.keys), dialogue.keys


def test_a_loss_told_at_where_they_are_is_heard(engine: Engine, catalogue: Catalogue) -> None:
    """ "my mum died in march and ive been drinking every day since" got the lapse reply,
    and no word for the loss."""
    dialogue = person(engine, catalogue, "en", *WELCOME["en"], "cut down drinking", "yes",
                      "to be there for my kids")  # fmt: skip
    assert dialogue.step == "now", dialogue.step
    dialogue.say("my mum died in march and ive been drinking every day since")
    assert dialogue.keys[0] == "feeling.loss", dialogue.keys
    assert not any(key.startswith("crisis.") for key in dialogue.keys), dialogue.keys


@pytest.mark.parametrize(
    ("language", "said", "loss"),
    [("en", "since my nan passed away", True), ("en", "my phone died", False),
     ("en", "a glass or three most nights, more since my Harold died", True),
     ("da", "min mor døde i marts", True), ("da", "min telefon døde", False)],
)  # fmt: skip
def test_a_death_is_a_loss_only_when_someone_died(language: str, said: str, loss: bool) -> None:
    assert (feeling(said, language) == "loss") is loss


@pytest.mark.parametrize(
    ("language", "consent", "said"),
    [("en", "yes", "nope"), ("en", "yes", "that's all"), ("en", "yes", "skip"),
     ("da", "ja", "nej"), ("da", "ja", "det var det")],
)  # fmt: skip
def test_no_to_the_name_is_no_name(
    engine: Engine, catalogue: Catalogue, language: str, consent: str, said: str
) -> None:
    """ "that's all" at the name was greeted "Lovely to meet you, That's All", and "nope"
    "Lovely to meet you, Nope"."""
    dialogue = person(engine, catalogue, language, "/start", consent, said)
    assert dialogue.person is not None and dialogue.person.name is None
    assert dialogue.keys[0] == "onboarding.welcomed_unnamed", dialogue.keys
    assert dialogue.step == "goal", dialogue.step


def test_a_long_answer_to_which_name_keeps_the_first_and_offers_it_as_the_goal(
    engine: Engine, catalogue: Catalogue
) -> None:
    """Mags, asked "Margaret or Mags?", went on to her goal; it was refused ten times over
    ("Either is fine: tap the one you like best"), then "that's all" became her name."""
    dialogue = person(engine, catalogue, "en", "/start", "yes",
                      "Margaret but everyone calls me Mags")  # fmt: skip
    assert dialogue.step == "name_which", dialogue.step
    dialogue.say(MAGS["en"])
    assert dialogue.person is not None and dialogue.person.name == "Margaret"
    assert dialogue.step == "goal_early", dialogue.step


@pytest.mark.parametrize(
    ("language", "said", "felt"),
    [("en", "my daughter says i drink too much gin of an evening", None),
     ("en", "its all too much right now", "overwhelmed"),
     ("da", "min datter siger jeg drikker for meget gin", None),
     ("da", "det er for meget lige nu", "overwhelmed")],
)  # fmt: skip
def test_drinking_too_much_is_not_feeling_overwhelmed(
    language: str, said: str, felt: str | None
) -> None:
    """Mags's "i drink too much gin" was answered "That sounds like a lot at once"."""
    assert feeling(said, language) == felt


@pytest.mark.parametrize(
    ("language", "consent", "said"), [("en", "yes", "no thanks"), ("da", "ja", "nej tak")]
)
def test_no_thanks_to_the_check_in_day_is_no_reminders(
    engine: Engine, catalogue: Catalogue, language: str, consent: str, said: str
) -> None:
    """Mags's "no thanks" to "Which day suits you?" got "I couldn't find a day or a time
    in that"."""
    dialogue = person(engine, catalogue, language, "/start", consent, "Mags", "/reminders")
    assert dialogue.step == "day", dialogue.step
    dialogue.say(said)
    assert dialogue.keys[0] == "reminders.none", dialogue.keys
    assert dialogue.schedule is None


@pytest.mark.parametrize(
    ("language", "consent", "when", "yes"),
    [("en", "yes", "tuesday 10am", "yes"), ("da", "ja", "tirsdag formiddag kl 10", "ja")],
)  # fmt: skip
def test_yes_at_the_time_zone_is_asked_to_choose_not_a_place_unknown(
    engine: Engine, catalogue: Catalogue, language: str, consent: str, when: str, yes: str
) -> None:
    """Lærke's "ja" to "Which time zone are you in?" got "I don't know that place"."""
    dialogue = person(engine, catalogue, language, "/start", consent, "Sam", "/reminders", when)
    assert dialogue.step == "timezone", dialogue.step
    dialogue.say(yes)
    assert dialogue.keys[0] == "invalid.timezone_choose", dialogue.keys
    assert dialogue.step == "timezone"
