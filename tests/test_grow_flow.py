"""The GROW conversation, state by state, as transcripts."""

from __future__ import annotations

from conftest import THROUGH_REALITY, WELCOMED, WHOLE_PLAN, Dialogue

from dialogue_flows.grow import MAX_OPTIONS, is_vague
from storage.records import LifeArea


def test_life_area_by_number_label_or_own_words(dialogue: Dialogue) -> None:
    for answer, area, own in (
        ("1", LifeArea.HEALTH, None),
        ("community", LifeArea.COMMUNITY, None),
        ("my music", LifeArea.OTHER, "my music"),
    ):
        person = Dialogue(dialogue.engine, dialogue.catalogue)
        person.run(*WELCOMED, answer, "Play guitar with others once a month")
        assert (person.goal.area, person.goal.area_own_words) == (area, own)


def test_a_vague_goal_is_gently_made_concrete(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "Health")
    [reply] = dialogue.say("feel better")
    assert dialogue.step == "goal_concrete"
    assert "“feel better”" in reply
    dialogue.say("Sleep before midnight on weeknights")
    assert dialogue.goal.text == "Sleep before midnight on weeknights"
    assert dialogue.goal.first_words == "feel better"
    assert dialogue.step == "now"


def test_a_concrete_goal_goes_straight_to_reality(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "Home")
    [reply] = dialogue.say("Find a flat of my own within a year")
    assert dialogue.step == "now"
    assert "“Find a flat of my own within a year”" in reply


def test_vagueness_is_judged_by_words() -> None:
    assert is_vague("be happier")
    assert is_vague("walk more")
    assert is_vague("I want to get my life back")
    assert is_vague("I’d like to feel better")
    assert is_vague("jeg vil gerne have det bedre")
    assert not is_vague("I want to go to my NA meeting every Tuesday")
    assert not is_vague("Get a job")
    assert not is_vague("Sleep before midnight on weeknights")


def test_reality_answers_are_kept_in_their_own_words(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY)
    goal = dialogue.goal
    assert goal.reality_now == "Sofa surfing at my mate's place"
    assert goal.reality_works == "My key worker is on it"
    assert goal.strengths == "I'm stubborn in a good way; my sister"
    assert goal.obstacles == "Money, and forms make me panic"
    assert dialogue.step == "options"


def test_several_options_in_one_message_and_more_after(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY)
    [reply] = dialogue.say("Ask the council\n• Save a bit each week; ask my sister")
    assert dialogue.goal.options == ("Ask the council", "Save a bit each week", "ask my sister")
    assert "• Save a bit each week" in reply
    dialogue.say("Talk to Shelter")
    assert dialogue.goal.options[-1] == "Talk to Shelter"
    dialogue.press("done")
    assert dialogue.step == "helpers"


def test_saying_no_more_ideas_in_words_moves_on(dialogue: Dialogue) -> None:
    for done in ("thats all", "That’s all!", "no", "nothing else", "Nej"):
        person = Dialogue(dialogue.engine, dialogue.catalogue)
        person.run(*THROUGH_REALITY, "Ask the council\nTalk to Shelter")
        person.say(done)
        assert person.step == "helpers", done
        assert person.goal.options == ("Ask the council", "Talk to Shelter")


def test_options_stop_at_the_limit(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY)
    dialogue.say("\n".join(f"idea {n}" for n in range(MAX_OPTIONS + 3)))
    assert len(dialogue.goal.options) == MAX_OPTIONS
    assert dialogue.step == "helpers"


def test_one_option_is_chosen_without_asking(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "Ask the council", "That's all")
    [reply] = dialogue.say("Nobody really")
    assert dialogue.goal.helpers == "Nobody really"
    assert dialogue.goal.chosen_option == "Ask the council"
    assert dialogue.step == "step"
    assert "“Ask the council”" in reply


def test_the_chosen_option_by_label_or_own_new_idea(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "Ask the council\nTalk to Shelter", "That's all", "-")
    dialogue.say("talk to shelter")
    assert dialogue.goal.chosen_option == "Talk to Shelter"
    other = Dialogue(dialogue.engine, dialogue.catalogue)
    other.run(*THROUGH_REALITY, "Ask the council\nTalk to Shelter", "That's all", "-")
    other.say("Look at house shares")
    assert other.goal.chosen_option == "Look at house shares"
    assert "Look at house shares" in other.goal.options


def test_the_whole_plan_is_saved_and_summarised(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN[:-1])
    [summary] = dialogue.say(WHOLE_PLAN[-1])
    goal = dialogue.goal
    step = goal.current_step
    assert step is not None
    assert (step.text, step.when, step.confidence) == (
        "Set up a savings pot on my phone",
        "Friday after work",
        8,
    )
    assert step.obstacles == "Forgetting; I'll set an alarm"
    assert goal.chosen_option == "Save £10 a week"
    assert (goal.status, step.status) == ("active", "planned")
    for words in ("Find a flat of my own within a year", "Set up a savings pot", "8/10", "Sam"):
        assert words in summary
    assert 'what progress on "Find a flat of my own within a year" would look like' in summary
    assert dialogue.step == "offer"
    [reminders] = dialogue.say("Skip this one")
    assert "Would you like a short weekly check-in" in reminders
    assert dialogue.person is not None
    assert (dialogue.person.conversation.flow, dialogue.step) == ("reminders", "day")


def test_low_confidence_leads_to_a_smaller_step(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN[:-1])
    [reply] = dialogue.say("4")
    assert dialogue.step == "smaller"
    assert reply.startswith("4 out of 10")
    [again] = dialogue.say("Open the banking app and look")
    assert dialogue.step == "confidence_again"
    assert "“Open the banking app and look”" in again
    step = dialogue.goal.current_step
    assert step is not None
    assert step.earlier_texts == ("Set up a savings pot on my phone",)
    dialogue.say("9")
    assert dialogue.goal.status == "active"


def test_a_person_may_keep_a_step_they_are_unsure_of(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN[:-1], "3")
    dialogue.press("keep")
    step = dialogue.goal.current_step
    assert step is not None and (step.text, step.confidence) == (
        "Set up a savings pot on my phone",
        3,
    )
    assert dialogue.goal.status == "active"


def test_confidence_in_words_and_out_of_range(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN[:-1])
    dialogue.say("11")
    assert dialogue.keys == ["invalid.scale", "grow.confidence"]
    dialogue.say("not sure, maybe")
    assert dialogue.keys == ["invalid.scale", "grow.confidence"]
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
    assert dialogue.keys == ["goals.none", "grow.area"]


def test_newgoal_keeps_the_unfinished_one(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "Health", "Walk to the park each morning")
    dialogue.command("newgoal")
    assert dialogue.keys == ["grow.new", "grow.area"]
    dialogue.run("Purpose", "Volunteer at the food bank")
    assert sorted(dialogue.goals) == [1, 2]
    [listing, _] = dialogue.command("goals")
    assert "Walk to the park each morning" in listing
    assert "The plan isn't finished yet." in listing


def test_a_second_goal_after_a_finished_plan(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN, "/newgoal", "Community", "Call my brother every Sunday")
    assert dialogue.goal.number == 2
    assert dialogue.goals[1].status == "active"
