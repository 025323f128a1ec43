"""What people played against the product found in session 7 at the ideas, each in
English and Danish, each failing before its fix: a take-back at the end of a message of
ideas takes back the last idea only (Signe lost all of hers), and a list emptied at its
summary ("fjern 1", "nej, fjern den") is never offered as options: ideas are asked for
again.
"""

from __future__ import annotations

import pytest
from conftest import WELCOMED, person
from test_listening_five import TO_OPTIONS

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine

WELCOME = {"en": WELCOMED, "da": ("/start", "ja", "Mo")}
TAKEN_BACK = {
    "en": ["walk the dog at night, drink tea instead of coffee and ring my sister. "
           "no wait, scratch that",
           "walk the dog at night, drink tea instead of coffee, ring my sister. "
           "nah forget the last one"],
    "da": ["gå en tur om aftenen, drikke te i stedet for kaffe og ringe til mette. "
           "nej glem det sidste",
           "gå en tur om aftenen, drikke te i stedet for kaffe, ringe til mette. "
           "nej vent, glem det"],
}  # fmt: skip
KEPT = {
    "en": ("walk the dog at night", "drink tea instead of coffee"),
    "da": ("gå en tur om aftenen", "drikke te i stedet for kaffe"),
}


@pytest.mark.parametrize(
    ("language", "said"), [(lang, said) for lang, all in TAKEN_BACK.items() for said in all]
)
def test_a_take_back_ending_a_message_of_ideas_takes_back_the_last_one_only(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], said)
    assert dialogue.goal.options == KEPT[language]
    assert dialogue.step == "options_summary"


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_take_back_of_the_only_idea_keeps_nothing_and_asks_again(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    said = "walk the dog. no wait, scratch that" if language == "en" else "gå en tur. nej glem det"
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], said)
    assert dialogue.goal.options == ()
    assert dialogue.step == "options"


EMPTIED = {"en": ("cv", ["remove 1", "no, remove it"]),
           "da": ("cv", ["fjern 1", "nej, fjern den"])}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "said"), [(lang, said) for lang, (_, all) in EMPTIED.items() for said in all]
)
def test_a_list_emptied_at_its_summary_is_never_offered_as_options(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    idea, _ = EMPTIED[language]
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], idea)
    assert dialogue.step == "options_summary"
    dialogue.say(said)
    assert dialogue.goal.options == ()
    assert dialogue.step == "options"  # asked for ideas again, not "which of them?"
    assert "grow.choose" not in dialogue.keys


MISSED = {
    "en": ("walk the dog", ["you missed one: go to the library", "you forgot, go to the library",
                            "also go to the library"], "go to the library"),
    "da": ("gå en tur", ["du glemte en: spørge min mor", "der mangler en, spørge min mor",
                         "også spørge min mor"], "spørge min mor"),
}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "said"), [(lang, said) for lang, (_, all, _) in MISSED.items() for said in all]
)
def test_an_idea_said_to_be_missed_is_added_without_its_lead_in(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """ "you missed one: go to the library" was kept whole as an idea, the words "you
    missed one" offered back as part of an option."""
    first, _, added = MISSED[language]
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language], first)
    dialogue.say(said)
    assert dialogue.goal.options == (first, added)


YES_ISH = {"en": ["more or less", "sort of yeah", "mostly"], "da": ["ja ca", "nogenlunde"]}


@pytest.mark.parametrize(
    ("language", "said"), [(lang, said) for lang, all in YES_ISH.items() for said in all]
)
def test_a_yes_said_small_at_a_summary_confirms_it(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """ "ja ca" and "more or less" at "Have I got that right?" were kept as corrections
    ("What you put right: “ja ca”"). Alone or beside a yes, they agree."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language][:-1])
    assert dialogue.step == "reality_summary"
    dialogue.say(said)
    assert dialogue.step == "options"
    assert dialogue.goal.reality_now in ("been out of work 2 yrs", "ledig i 2 år")


@pytest.mark.parametrize(
    ("language", "said", "kept"),
    [("en", "Add: I also walk the dog", "I also walk the dog"),
     ("en", "you forgot, i do go to the gym", "i do go to the gym"),
     ("da", "du glemte: jeg går til fodbold", "jeg går til fodbold"),
     ("da", "tilføj at jeg går til fodbold", "at jeg går til fodbold")],
)  # fmt: skip
def test_an_addition_at_the_reality_summary_is_kept_without_its_cue(
    engine: Engine, catalogue: Catalogue, language: str, said: str, kept: str
) -> None:
    """ "Add: I also walk the dog" was kept, and quoted back, with its "Add:"."""
    dialogue = person(engine, catalogue, language, *TO_OPTIONS[language][:-1], said)
    assert dialogue.goal.reality_correction == kept


GOAL_PUT_RIGHT = {
    "en": ("I think I want to get back to the allotment maybe, not sure",
           "Not quite, sorry. Could the goal be to get back to the allotment by spring?",
           "get back to the allotment by spring"),
    "da": ("jeg vil gerne sove bedre tror jeg",
           "nej, mere sådan at jeg vil sove uden piller", "jeg vil sove uden piller"),
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_goal_put_right_in_a_sentence_keeps_only_the_new_goal(
    engine: Engine, catalogue: Catalogue, language: str
) -> None:
    """The goal read "Could the goal be to get back to the allotment by spring?" and
    "mere sådan at jeg vil sove uden piller": the words leading up to it were kept."""
    hedged, put_right, goal = GOAL_PUT_RIGHT[language]
    dialogue = person(engine, catalogue, language, *WELCOME[language], hedged)
    assert dialogue.step == "goal_check"
    dialogue.say(put_right)
    assert dialogue.goal.text == goal


@pytest.mark.parametrize(
    ("language", "said", "goal"),
    [("en", "i want to get a job, well no, volunteering first", "volunteering first"),
     ("da", "jeg vil have et job, eller nej, frivilligt arbejde først",
      "frivilligt arbejde først"),
     ("en", "more time with my kids", "more time with my kids"),
     ("en", "make it to my daughters wedding", "make it to my daughters wedding"),
     ("da", "mere tid med mine børn", "mere tid med mine børn"),
     ("da", "tja det ved jeg ikke helt, eller nej måske mere bare at få noget struktur på "
      "dagene", "få noget struktur på dagene"),
     ("en", "dunno really, well no, maybe just more like getting out of the flat",
      "getting out of the flat")],
)  # fmt: skip
def test_a_goal_changed_mid_sentence_is_the_new_one_said_back_to_confirm(
    engine: Engine, catalogue: Catalogue, language: str, said: str, goal: str
) -> None:
    dialogue = person(engine, catalogue, language, *WELCOME[language], said)
    assert dialogue.goal.text == goal
    if goal != said:  # said back, to be confirmed
        assert dialogue.step == "goal_check"


@pytest.mark.parametrize(
    ("language", "said", "pair"),
    [("da", "jeg hedder Maria Louise men alle siger Maja", ["Maria Louise", "Maja"]),
     ("da", "Maja, men de fleste siger bare Maj", ["Maja", "Maj"]),
     ("en", "samuel but everyone calls me sam", ["Samuel", "Sam"])],
)  # fmt: skip
def test_a_name_and_what_everyone_says_are_both_offered(
    engine: Engine, catalogue: Catalogue, language: str, said: str, pair: list[str]
) -> None:
    """ "jeg hedder maria louise men alle siger maja" greeted the person as "maria"."""
    dialogue = person(engine, catalogue, language, "/start", WELCOME[language][1], said)
    assert dialogue.step == "name_which"
    assert dialogue.last is not None
    assert [c.value for c in dialogue.last.replies[-1].choices] == pair


@pytest.mark.parametrize(
    ("language", "said"),
    [("da", "Jeg vil gerne sove bedre, tror jeg, men jeg ved ikke om det er realistisk"),
     ("en", "well i think im ready to get back to work, honestly")],
)  # fmt: skip
def test_a_sentence_at_the_name_question_is_never_a_sure_name(
    engine: Engine, catalogue: Catalogue, language: str, said: str
) -> None:
    """ "…om det er realistisk" was greeted "Hej Realistisk": "det er" and "im" say a name
    only where a clause opens with them."""
    dialogue = person(engine, catalogue, language, "/start", WELCOME[language][1], said)
    assert dialogue.step in ("name", "name_check"), dialogue.step


@pytest.mark.parametrize(
    ("language", "why", "reflected"),
    [("en", "to prove to myself i can",
      "So that's why it matters: “to prove to myself i can”. I'll keep it with your goal."),
     ("da", "fordi min søn skal se at jeg kan noget igen",
      "Så det er derfor, det betyder noget: “fordi min søn skal se at jeg kan noget igen”.")],
)  # fmt: skip
def test_why_it_matters_is_reflected_before_the_next_question(
    engine: Engine, catalogue: Catalogue, language: str, why: str, reflected: str
) -> None:
    """A tester's reason for the goal went by without a word."""
    lines = WELCOME[language] + (
        ("get a job", "yes") if language == "en" else ("komme i arbejde", "ja")
    )
    dialogue = person(engine, catalogue, language, *lines)
    assert dialogue.step == "why", dialogue.step
    [reply] = dialogue.say(why)
    assert reply.startswith(reflected), reply
    assert dialogue.keys == ["grow.why_kept", "grow.now"]
    assert dialogue.goal.why == why


@pytest.mark.parametrize(
    ("language", "said", "area"),
    [("da", "nok mening, eller helbred, begge dele egentlig", "purpose"),
     ("en", "health i guess, or community, bit of both", "health")],
)  # fmt: skip
def test_several_areas_named_the_first_is_kept_and_said_back(
    engine: Engine, catalogue: Catalogue, language: str, said: str, area: str
) -> None:
    """ "nok mening, eller helbred, begge dele egentlig" got "Vælg det område…" again."""
    goal = "få noget struktur på dagene" if language == "da" else "get some structure in my days"
    dialogue = person(engine, catalogue, language, *WELCOME[language], goal)
    assert dialogue.step == "area", dialogue.step
    dialogue.say(said)
    assert dialogue.goal.area.value == area
    assert dialogue.keys[0] == "grow.area_heard", dialogue.keys
