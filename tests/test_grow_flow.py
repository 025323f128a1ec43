"""The GROW conversation, state by state, as transcripts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import THROUGH_REALITY, WELCOMED, WHOLE_PLAN, Dialogue

from dialogue_flows.grow import MAX_OPTIONS, is_vague
from dialogue_flows.records import LifeArea
from dialogue_flows.types import Text

AT_CONFIDENCE = WHOLE_PLAN[:-2]
"""A whole plan up to the confidence question."""


def test_the_goal_comes_first_and_the_area_is_suggested_from_it(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED)
    assert dialogue.step == "goal"
    [reply] = dialogue.say("wanna get bak to work")
    assert dialogue.step == "area_suggested"
    assert "“wanna get bak to work”" in reply and "purpose: work" in reply
    dialogue.press("yes")
    assert (dialogue.goal.text, dialogue.goal.area) == ("wanna get bak to work", LifeArea.PURPOSE)
    assert dialogue.step == "why"


def test_another_area_by_button_words_or_own_words(dialogue: Dialogue) -> None:
    for answer, area, own in (
        ("Community", LifeArea.COMMUNITY, None),
        ("no", None, None),
        ("it's more my health really", LifeArea.HEALTH, None),
        ("my music", LifeArea.OTHER, "my music"),
    ):
        person = Dialogue(dialogue.engine, dialogue.catalogue)
        person.run(*WELCOMED, "Get a job at the garden centre", answer)
        if area is None:
            assert person.step == "area", answer
            continue
        assert (person.goal.area, person.goal.area_own_words) == (area, own), answer
        assert person.step == "why", answer


def test_with_no_area_to_suggest_the_area_is_asked(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED)
    [reply] = dialogue.say("Play guitar with others once a month")
    assert dialogue.step == "area"
    assert "“Play guitar with others once a month”" in reply


def test_a_vague_goal_is_gently_made_concrete(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "feel better")
    [reply] = dialogue.say("Health")
    assert dialogue.step == "goal_concrete"
    assert "“feel better”" in reply
    dialogue.say("Sleep before midnight on weeknights")
    assert dialogue.goal.text == "Sleep before midnight on weeknights"
    assert dialogue.goal.first_words == "feel better"
    assert dialogue.step == "why"


def test_i_already_said_keeps_the_goal_as_first_said(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "get a life", "Purpose")
    assert dialogue.step == "goal_concrete"
    dialogue.say("i just said lol")
    assert (dialogue.goal.text, dialogue.goal.first_words) == ("get a life", None)
    assert dialogue.step == "why"


def test_vagueness_is_judged_by_words() -> None:
    assert is_vague("be happier")
    assert is_vague("walk more")
    assert is_vague("I want to get my life back")
    assert is_vague("I’d like to feel better")
    assert is_vague("jeg vil gerne have det bedre")
    assert not is_vague("I want to go to my NA meeting every Tuesday")
    assert not is_vague("Get a job")
    assert not is_vague("Sleep before midnight on weeknights")


def test_newgoal_with_the_goal_in_it_does_not_ask_for_it_again(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "/cancel")
    dialogue.say("/newgoal find a flat of my own")
    assert dialogue.goal.text == "find a flat of my own"
    assert dialogue.step == "area_suggested"


def test_reality_answers_are_kept_and_summarised_in_their_words(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY[:-1])
    [summary] = dialogue.last_replies
    goal = dialogue.goal
    assert goal.why == "So my kids can stay over"
    assert goal.reality_now == "Sofa surfing at my mate's place"
    assert goal.reality_works == "My key worker is on it. I'm stubborn in a good way"
    assert goal.obstacles == "Money, and forms make me panic"
    assert dialogue.step == "reality_summary"
    assert "“Sofa surfing at my mate's place”" in summary
    assert "“My key worker is on it. I'm stubborn in a good way”" in summary
    assert "strength" in summary
    assert summary.endswith("Have I got that right?")
    dialogue.say("Yes")
    assert dialogue.step == "options" and dialogue.goal.reality_correction is None


def test_not_quite_lets_them_correct_the_summary(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY[:-1])
    dialogue.press("not_quite")
    assert dialogue.step == "reality_fix"
    dialogue.say("It's my cousin's place, not my mate's")
    # It replaces the part it puts right (where they are now), not added beside it.
    assert dialogue.goal.reality_now == "It's my cousin's place, not my mate's"
    assert dialogue.goal.reality_correction is None
    assert dialogue.step == "reality_again"  # shown back with it: "Have I got it right now?"


def test_several_options_in_one_message_and_more_after(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY)
    [reply] = dialogue.say("Ask the council\n• Save a bit each week; ask my sister")
    assert dialogue.goal.options == ("Ask the council", "Save a bit each week", "ask my sister")
    assert "2. Save a bit each week" in reply and reply.endswith("Have I got them all?")
    dialogue.say("Talk to Shelter")
    assert dialogue.goal.options[-1] == "Talk to Shelter"
    assert dialogue.step == "choose"


def test_not_quite_lets_them_change_the_ideas_then_confirm(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "Ask the council")
    dialogue.press("not_quite")
    assert dialogue.step == "options_fix"
    dialogue.say("Talk to Shelter too")
    assert dialogue.step == "options_summary"
    dialogue.say("yes")
    assert dialogue.goal.options == ("Ask the council", "Talk to Shelter too")
    assert dialogue.step == "choose"


def test_saying_no_more_ideas_in_words_moves_on(dialogue: Dialogue) -> None:
    for done in ("thats all", "That’s all!", "yes", "nothing else", "nej det var det"):
        person = Dialogue(dialogue.engine, dialogue.catalogue)
        person.run(*THROUGH_REALITY, "Ask the council\nTalk to Shelter")
        person.say(done)
        assert person.step == "choose", done
        assert person.goal.options == ("Ask the council", "Talk to Shelter"), done


def test_options_stop_at_the_limit(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY)
    dialogue.say("\n".join(f"idea {n}" for n in range(MAX_OPTIONS + 3)))
    dialogue.say("one more")
    assert len(dialogue.goal.options) == MAX_OPTIONS
    assert dialogue.step == "choose"


def test_one_option_is_chosen_without_asking(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "Ask the council")
    [reply] = dialogue.say("That's all")
    assert dialogue.goal.chosen_option == "Ask the council"
    assert dialogue.step == "step"
    assert "“Ask the council”" in reply


def test_the_chosen_option_by_label_words_or_own_new_idea(dialogue: Dialogue) -> None:
    ideas = ("Email the teacher\nGo with Claire just to look", "yes")
    for said, chosen in (
        ("go with claire just to look", "Go with Claire just to look"),
        ("emailing the teacher I think", "Email the teacher"),
        ("Look at house shares", "Look at house shares"),
    ):
        person = Dialogue(dialogue.engine, dialogue.catalogue)
        person.run(*THROUGH_REALITY, *ideas, said)
        assert person.goal.chosen_option == chosen, said
        assert chosen in person.goal.options


def test_the_whole_plan_is_saved_and_summarised(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN[:-1])
    [summary] = dialogue.say(WHOLE_PLAN[-1])
    goal = dialogue.goal
    step = goal.current_step
    assert step is not None
    assert (step.text, step.when, step.confidence, step.confidence_reason) == (
        "Set up a savings pot on my phone",
        "Friday after work",
        8,
        "I've saved before",
    )
    assert goal.chosen_option == "Save £10 a week"
    assert (goal.status, step.status) == ("active", "planned")
    for words in ("Find a flat of my own within a year", "Set up a savings pot", "8/10", "Sam",
                  "“So my kids can stay over”"):  # fmt: skip
        assert words in summary
    assert "what progress on “Find a flat of my own within a year” would look like" in summary
    assert dialogue.step == "offer"
    [reminders] = dialogue.say("Skip this one")
    assert "Which day suits you?" in reminders
    assert dialogue.person is not None
    assert (dialogue.person.conversation.flow, dialogue.step) == ("reminders", "day")


def test_what_makes_it_a_number_and_not_zero(dialogue: Dialogue) -> None:
    dialogue.run(*AT_CONFIDENCE)
    [reply] = dialogue.say("probably about 6 I guess")
    assert "What makes it 6 and not 0?" in reply
    dialogue.say("I did it last month")
    step = dialogue.goal.current_step
    assert step is not None and (step.confidence, step.confidence_reason) == (
        6,
        "I did it last month",
    )
    assert dialogue.goal.status == "active"


def test_low_confidence_offers_a_smaller_step_in_new_words_each_time(dialogue: Dialogue) -> None:
    dialogue.run(*AT_CONFIDENCE, "3", "I want it")
    assert dialogue.step == "smaller"
    said = [dialogue.last_replies[0]]
    said += dialogue.say("Open the banking app and look")
    assert dialogue.step == "confidence_again"
    assert "“Open the banking app and look”" in said[-1]
    step = dialogue.goal.current_step
    assert step is not None and step.earlier_texts == ("Set up a savings pot on my phone",)
    said += dialogue.say("4")
    assert dialogue.step == "smaller_again"
    assert len(set(said)) == len(said)
    dialogue.say("I think I'll keep it like that")
    assert dialogue.goal.status == "active"
    step = dialogue.goal.current_step
    assert step is not None and step.text == "Open the banking app and look"


def test_keep_it_is_never_a_step(dialogue: Dialogue) -> None:
    for keep in ("keep it", "Keep it as it is", "behold det"):
        person = Dialogue(dialogue.engine, dialogue.catalogue)
        person.run(*AT_CONFIDENCE, "3", "I want it", keep)
        step = person.goal.current_step
        assert step is not None and step.text == "Set up a savings pot on my phone", keep
        assert (step.confidence, person.goal.status) == (3, "active"), keep


def test_a_person_may_keep_a_step_they_are_unsure_of_by_button(dialogue: Dialogue) -> None:
    dialogue.run(*AT_CONFIDENCE, "3", "I want it")
    dialogue.press("keep")
    step = dialogue.goal.current_step
    assert step is not None and (step.text, step.confidence) == (
        "Set up a savings pot on my phone",
        3,
    )
    assert dialogue.goal.status == "active"


def test_confidence_out_of_range_or_unclear(dialogue: Dialogue) -> None:
    dialogue.run(*AT_CONFIDENCE)
    dialogue.say("11")
    assert dialogue.keys == ["invalid.scale", "grow.confidence"]
    dialogue.say("not sure, maybe")
    assert dialogue.keys == ["grow.confidence.example", "grow.confidence.again"]
    dialogue.say("3 or 4")
    assert dialogue.keys[-1].startswith("grow.confidence") and dialogue.step == "confidence"
    dialogue.say("about seven")
    step = dialogue.goal.current_step
    assert step is not None and step.confidence == 7


def test_goals_lists_area_words_step_and_when(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN, "no", "No reminders, thanks")
    [listing] = dialogue.command("goals")
    assert "1. Home: Find a flat of my own within a year" in listing
    assert "Next step: Set up a savings pot on my phone (when: Friday after work)" in listing


def test_no_goals_yet(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED)
    dialogue.command("goals")
    assert dialogue.keys == ["goals.none", "grow.goal"]


def test_newgoal_keeps_the_unfinished_one(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "Walk to the park each morning", "Health")
    dialogue.command("newgoal")
    assert dialogue.keys == ["grow.new", "grow.goal"]
    dialogue.run("Volunteer at the food bank", "Purpose")
    assert sorted(dialogue.goals) == [1, 2]
    [listing, _] = dialogue.command("goals")
    assert "Walk to the park each morning" in listing
    assert "The plan isn't finished yet." in listing


def test_a_second_goal_after_a_finished_plan(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN, "/newgoal", "Call my brother every Sunday", "Community")
    assert dialogue.goal.number == 2
    assert dialogue.goals[1].status == "active"


AT_CHOOSE = WHOLE_PLAN[: len(THROUGH_REALITY) + 2]
"""Three options kept: the council, saving £10 a week, Shelter; "Which appeals?" open."""


@pytest.mark.parametrize("said", ["3 prob", "3 probs tbh", "nr 3 nok", "the third one i guess"])
def test_a_number_with_hedging_picks_that_option(dialogue: Dialogue, said: str) -> None:
    dialogue.run(*AT_CHOOSE)
    assert dialogue.step == "choose"
    dialogue.say(said)
    assert dialogue.goal.chosen_option == "Talk to Shelter" and dialogue.step == "step"


def test_none_of_them_with_new_ideas_adds_them_and_asks_again(dialogue: Dialogue) -> None:
    dialogue.run(*AT_CHOOSE)
    before = dialogue.goal.options
    dialogue.say(
        "ingen af dem. ideer: ringe til kommunens boligsocial, spørge min rådgiver, søge job"
    )
    assert dialogue.goal.options == (
        *before,
        "ringe til kommunens boligsocial",
        "spørge min rådgiver",
        "søge job",
    )
    assert dialogue.goal.chosen_option is None
    assert dialogue.step == "choose" and dialogue.keys == ["grow.choose"]
    dialogue.say("5")
    assert dialogue.goal.chosen_option == "spørge min rådgiver"


def test_none_of_them_alone_goes_back_to_finding_ideas(dialogue: Dialogue) -> None:
    dialogue.run(*AT_CHOOSE)
    before = dialogue.goal.options
    dialogue.say("none of them tbh")
    assert dialogue.goal.options == before and dialogue.goal.chosen_option is None
    assert dialogue.step == "options"


AT_REALITY_SUMMARY = THROUGH_REALITY[:9]


def test_not_quite_lets_them_correct_and_shows_the_summary_again(dialogue: Dialogue) -> None:
    dialogue.run(*AT_REALITY_SUMMARY)
    assert dialogue.step == "reality_summary"
    dialogue.press("not_quite")
    assert dialogue.keys == ["grow.reality_fix"]
    [again] = dialogue.say("It's my mum's sofa, not my mate's")
    assert dialogue.step == "reality_again"
    assert "“It's my mum's sofa, not my mate's”" in again
    assert again.endswith("Have I got it right now?")
    dialogue.say("yes")
    assert dialogue.step == "options"
    assert dialogue.goal.reality_now == "It's my mum's sofa, not my mate's"


def test_a_correction_typed_at_the_summary_is_shown_back_and_a_second_replaces_it(
    dialogue: Dialogue,
) -> None:
    dialogue.run(*AT_REALITY_SUMMARY)
    [again] = dialogue.say("its money n the forms, and the council never rings back")
    assert dialogue.step == "reality_again"
    assert "What gets in the way: “its money n the forms" in again
    dialogue.say("not quite")
    assert dialogue.step == "reality_fix"
    [again] = dialogue.say("money and forms, thats it really")
    assert dialogue.step == "reality_again"
    assert "council" not in again  # said again: the new words replace the old
    dialogue.press("yes")
    assert dialogue.goal.obstacles == "money and forms, thats it really"
    assert dialogue.goal.reality_correction is None
    assert dialogue.step == "options"


def test_a_time_put_right_where_the_zone_is_asked_is_kept(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN, "no", "monday at 7am")
    assert dialogue.step == "timezone"
    [again] = dialogue.say("no 7 at night not morning")
    assert dialogue.keys == ["reminders.time_put_right"]
    assert "Monday at 19:00" in again
    dialogue.say("Copenhagen")
    assert dialogue.schedule is not None
    assert (dialogue.schedule.weekday, dialogue.schedule.hour) == (0, 19)
    assert dialogue.schedule.timezone == "Europe/Copenhagen"


def test_monday_eve_around_7_is_monday_evening(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN, "no", "monday eve around 7", "London")
    assert dialogue.schedule is not None
    assert (dialogue.schedule.weekday, dialogue.schedule.hour) == (0, 19)


def test_a_change_of_mind_at_the_step_chooses_the_other_option(dialogue: Dialogue) -> None:
    """Testers: the step was "…kan jeg tage mailen i stedet" while the call stayed chosen."""
    for language, lines, changed, step in (
        ("en", ("Ring the housing office; Email the housing office", "yes", "ring them"),
         "actually no, cant face ringing, ill email instead", "Write the email tonight"),
        ("da", ("Ringe til kommunen\nSkrive en mail til kommunen", "ja", "ringe"),
         "hmm nej vent, jeg tror ikke jeg kan ringe… kan jeg tage mailen i stedet",
         "Skrive mailen i aften"),
    ):  # fmt: skip
        person = Dialogue(dialogue.engine, dialogue.catalogue, language=language)
        person.run(*THROUGH_REALITY, *lines)
        assert person.step == "step" and person.goal.chosen_option == person.goal.options[0]
        [reply] = person.say(changed)
        goal = person.goal
        assert goal.chosen_option == goal.options[1] and goal.steps == (), changed
        assert person.step == "step" and f"“{goal.options[1]}”" in reply
        person.say(step)  # said with its time ("tonight", "i aften"): when is not asked
        assert person.goal.chosen_option == goal.options[1] and person.step == "confidence"
        assert person.goal.current_step is not None and person.goal.current_step.text == step


def test_instead_naming_the_chosen_option_is_the_step(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "Ring the housing office; Email the housing office", "yes",
                 "email")  # fmt: skip
    dialogue.say("email them instead of ringing")
    assert dialogue.goal.chosen_option == "Email the housing office" and dialogue.step == "when"


def test_a_sentence_at_the_area_question_is_read_for_its_area(dialogue: Dialogue) -> None:
    """Testers: "ja mest det med min søn" and a restated goal were kept as the area's name."""
    for language, goal, said, area in (
        ("da", "være en bedre far i weekenderne", "ja mest det med min søn", LifeArea.COMMUNITY),
        ("en", "sumthing with work or college maybe",
         "get a job at the gym or finish my level 2 at college", LifeArea.PURPOSE),
    ):  # fmt: skip
        person = Dialogue(dialogue.engine, dialogue.catalogue, language=language)
        person.run(*(WELCOMED if language == "en" else ("/start", "ja", "Jonas")), goal)
        assert person.step == "area_suggested", goal
        person.say(said)
        assert (person.goal.area, person.goal.area_own_words) == (area, None), said


def test_the_rest_of_an_answer_typed_before_the_next_question_is_not_its_answer(
    dialogue: Dialogue,
) -> None:
    """Two messages written one after the other, before the bot had replied: the second
    must not be kept as the answer to the question the first one brought."""
    dialogue.run(*THROUGH_REALITY[:6])
    assert dialogue.step == "now"
    written = dialogue.now - timedelta(seconds=5)
    dialogue.send(Text("Sofa surfing at my mate's place", sent_at=written))
    asked = dialogue.step
    assert asked == "works"
    [crossed] = dialogue.send(Text("and it's doing my head in", sent_at=written))
    assert crossed.startswith("Our messages crossed: you wrote “and it's doing my head in”")
    assert dialogue.step == asked and dialogue.goal.reality_works is None
    assert dialogue.goal.reality_now == "Sofa surfing at my mate's place"
    answer = "My key worker is on it"
    dialogue.send(Text(answer, sent_at=dialogue.now - timedelta(minutes=1)))  # after it
    assert dialogue.goal.reality_works == answer
