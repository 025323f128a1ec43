"""Choosing the weekly check-in, and the check-in conversation, as transcripts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from conftest import SCHEDULE_ANSWERS, WHOLE_PLAN, Dialogue
from test_languages import DANISH_PLAN

from dialogue_flows.checkin import SNOOZE
from dialogue_flows.types import DueCheckin, Text

SCHEDULED = SCHEDULE_ANSWERS


def test_the_check_in_time_is_chosen_after_the_first_plan(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN, "Skip this one")
    assert dialogue.step == "day"
    dialogue.say("Monday 18:00")
    assert dialogue.step == "timezone"
    [done] = dialogue.say("Copenhagen")
    assert "every Monday at 18:00 (Danish time)" in done
    schedule = dialogue.schedule
    assert schedule is not None and (schedule.weekday, schedule.hour) == (0, 18)
    # Started on Monday 2 March 2026 at 09:00 UTC: the first check-in is that evening.
    assert schedule.next_due == datetime(2026, 3, 2, 17, tzinfo=UTC)
    assert dialogue.person is not None and dialogue.person.timezone == "Europe/Copenhagen"
    assert dialogue.step == "time_right"  # said back: "Is that the right time?"
    dialogue.say("yes thanks")
    assert dialogue.person.conversation.flow is None
    assert dialogue.schedule == schedule


def test_a_day_by_button_then_an_hour(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN, "Skip this one")
    dialogue.press("wednesday")
    assert dialogue.step == "hour"
    dialogue.press("18:00")
    assert dialogue.step == "timezone"
    dialogue.press("Europe/London")
    assert dialogue.schedule is not None and dialogue.schedule.weekday == 2


def test_no_reminders_is_a_fine_answer(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN, "Skip this one")
    [reply] = dialogue.say("No reminders, thanks")
    assert "no reminders" in reply.lower()
    assert dialogue.schedule is None


def test_the_time_zone_is_asked_only_once(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULED, "/reminders", "Change the day or time")
    dialogue.say("fri 9am")
    assert dialogue.step == "time_right"  # no zone asked: straight to the time said back
    assert dialogue.schedule is not None
    assert (dialogue.schedule.weekday, dialogue.schedule.hour) == (4, 9)


def test_reminders_can_be_paused_resumed_and_turned_off(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULED)
    [manage] = dialogue.command("reminders")
    assert "every Monday at 18:00" in manage
    dialogue.press("pause")
    assert dialogue.schedule is not None and dialogue.schedule.next_due is None
    dialogue.run("/reminders", "Turn them back on")
    assert dialogue.schedule is not None and dialogue.schedule.next_due is not None
    dialogue.run("/reminders", "No more reminders")
    assert dialogue.schedule is None
    [goals] = dialogue.command("goals")
    assert "No weekly check-in is set" in goals


def test_a_check_in_after_a_step_done(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULED)
    [how] = dialogue.command("checkin")
    assert "“Set up a savings pot on my phone”" in how
    [ask] = dialogue.press("done")
    assert "What helped you do it?" in ask
    dialogue.run("My sister reminded me", "4")
    assert dialogue.step == "next"
    [done] = dialogue.press("keep")
    assert "You did what you set out to do" in done
    [checkin] = dialogue.goal.checkins
    assert (checkin.outcome, checkin.reflection, checkin.progress, checkin.next_move) == (
        "done", "My sister reminded me", 4, "keep",
    )  # fmt: skip
    [goals] = dialogue.command("goals")
    assert "Progress: 4/10 (checked in 2 March)" in goals
    assert "Next check-in: Monday 2 March, 18:00" in goals


def test_a_setback_is_met_with_curiosity(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULED)
    dialogue.now += timedelta(days=7)  # after the step's day (Friday)
    dialogue.run("/checkin")
    [ask] = dialogue.say("no, not yet")
    assert "That's OK" in ask and "What got in the way" in ask
    for blame in ("should", "failed", "fail", "must"):
        assert blame not in ask.lower()
    dialogue.run("Work was mad", "2")
    [done] = dialogue.press("keep")
    assert "Noticing what got in the way of “Set up a savings pot" in done


def test_a_new_smaller_step_with_low_confidence(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULED, "/checkin", "I did some of it", "Opened the app", "Forgot twice",
                 "3")  # fmt: skip
    dialogue.press("new")
    dialogue.run("Save £5 this week", "Friday")
    dialogue.run("4", "I want to")
    assert dialogue.step == "smaller"
    dialogue.run("Put £2 aside on Friday", "8")
    step = dialogue.goal.current_step
    assert step is not None and step.text == "Put £2 aside on Friday" and step.number == 2
    assert step.status == "planned"


def test_a_check_in_can_lead_to_a_new_goal(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULED, "/checkin", "I changed my mind", "Not for me", "1")
    dialogue.press("goal")
    assert dialogue.step == "goal"
    assert dialogue.keys == ["checkin.new_goal", "grow.goal"]


def test_which_goal_when_there_are_several(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULED, "/newgoal", "Walk to the park each morning", "Health", "air",
                 "not started", "my dog", "rain", "Yes", "Walk with my dog", "That's all",
                 "Shoes by the door", "tonight", "9", "I like it")  # fmt: skip
    dialogue.command("checkin")
    assert dialogue.step == "which"
    assert dialogue.last is not None
    assert [c.value for c in dialogue.last.replies[0].choices] == ["g2", "g1"]
    dialogue.say("2")
    assert dialogue.step == "how"
    assert dialogue.person is not None and dialogue.person.conversation.draft["goal"] == 1


def test_nothing_to_check_in_on_yet(dialogue: Dialogue) -> None:
    dialogue.run("/start", "yes", "Sam")
    dialogue.command("checkin")
    assert dialogue.keys == ["checkin.nothing", "grow.goal"]


def test_a_due_check_in_starts_the_conversation(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULED)
    [reminder] = dialogue.send(DueCheckin())
    assert reminder.startswith("Hi Sam, it's time for your weekly check-in.")
    assert dialogue.step == "how"
    assert dialogue.person is not None and dialogue.person.conversation.draft["reminded"]


def test_not_now_snoozes_a_reminder_until_later_today(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULED)
    dialogue.send(DueCheckin())
    moment = dialogue.now
    [reply] = dialogue.press("later")
    assert "later today" in reply
    assert dialogue.schedule is not None and dialogue.schedule.next_due == moment + SNOOZE
    assert dialogue.goal.checkins == ()


def test_not_now_to_a_check_in_asked_for_just_closes(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULED, "/checkin")
    before = dialogue.schedule
    dialogue.say("not now")
    assert dialogue.keys == ["checkin.later"]
    assert dialogue.schedule == before


def test_a_reminder_waits_for_an_open_conversation(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULED, "/newgoal", "Walk to the park each morning")
    dialogue.send(DueCheckin())
    assert dialogue.keys == ["checkin.reminder_busy"]
    assert dialogue.step == "area_suggested"


def test_a_reminder_with_no_step_says_so(dialogue: Dialogue) -> None:
    dialogue.run("/start", "yes", "Sam", "/cancel")
    dialogue.send(DueCheckin())
    assert dialogue.keys == ["checkin.reminder_no_step"]


def test_progress_is_kept_per_check_in(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULED, "/checkin", "done", "Alarm", "3", "Keep the same step")
    dialogue.now += timedelta(days=7)
    dialogue.run("/checkin", "done", "Alarm again", "6", "Keep the same step")
    assert [c.progress for c in dialogue.goal.checkins] == [3, 6]
    assert dialogue.goal.last_progress == 6


def test_a_due_check_in_does_not_lift_a_block(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULED)
    assert dialogue.person is not None
    dialogue.person = dialogue.person.model_copy(update={"blocked_at": dialogue.now})
    dialogue.send(DueCheckin())
    assert dialogue.person.blocked_at is not None
    dialogue.say("I did it")
    assert dialogue.person.blocked_at is None


def test_a_reminder_keeps_a_paused_conversation_in_place(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULED, "/newgoal", "Walk to the park each morning", "/cancel")
    dialogue.send(DueCheckin())
    assert dialogue.keys == ["checkin.reminder_busy"]
    dialogue.command("start")
    assert dialogue.keys == ["start.welcome_back", "grow.area_suggested"]


def test_how_it_went_is_read_from_their_words_and_reflected(dialogue: Dialogue) -> None:
    for said, outcome in (
        ("wrote it but didn't dare send it", "partly"),
        ("asked her. she said theres a cscs card course", "done"),
        ("Jeg fik skrevet brevet, men jeg turde ikke vise det til Mette", "partly"),
    ):
        person = Dialogue(dialogue.engine, dialogue.catalogue)
        person.run(*SCHEDULED, "/checkin")
        [reply] = person.say(said)
        assert "Choose one of the options" not in reply, said
        checkin = person.goal.checkins[-1]
        assert (checkin.outcome, checkin.said) == (outcome, said), said
        assert reply.startswith("You said: “"), said
        assert reply.count("?") == 1, said


def test_partly_reflects_what_they_did_before_what_got_in_the_way(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULED, "/checkin", "I did some of it")
    assert dialogue.step == "reflect_partly"
    [reply] = dialogue.say("I opened the app")
    assert dialogue.step == "in_the_way"
    assert "got in the way" in reply
    dialogue.say("I was tired")
    checkin = dialogue.goal.checkins[-1]
    assert (checkin.reflection, checkin.in_the_way) == ("I opened the app", "I was tired")


def test_words_that_do_not_say_how_it_went_are_kept_and_asked_about(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULED, "/checkin")
    [reply] = dialogue.say("the weather was lovely")
    assert dialogue.step == "how_which"
    assert "“the weather was lovely”" in reply and dialogue.goal.checkins == ()
    dialogue.press("partly")
    assert dialogue.goal.checkins[-1].said == "the weather was lovely"
    assert dialogue.step == "reflect_partly"


def test_why_it_matters_is_reflected_at_the_check_in(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULED, "/checkin", "done")
    [reply] = dialogue.say("My sister reminded me")
    assert "“So my kids can stay over”" in reply


def test_a_time_in_words_and_a_city_anywhere(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN, "no", "Monday evening maybe… around 7", "Leeds")
    schedule = dialogue.schedule
    assert schedule is not None and (schedule.weekday, schedule.hour) == (0, 19)
    assert dialogue.person is not None and dialogue.person.timezone == "Europe/London"


def test_a_bare_early_hour_asks_morning_or_evening(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN, "no", "Monday at 6")
    assert dialogue.step == "half"
    [reply] = dialogue.say("evening")
    assert dialogue.step == "timezone" and reply.count("?") == 1
    dialogue.say("london then")
    assert dialogue.schedule is not None and dialogue.schedule.hour == 18


def test_what_next_in_their_own_words_is_the_next_step(dialogue: Dialogue) -> None:
    dialogue.run(*SCHEDULED, "/checkin", "I did it", "My sister", "5")
    [reply] = dialogue.say("try the council again on friday")  # its day said: not asked
    assert "Please choose" not in reply and dialogue.step == "confidence"
    step = dialogue.goal.current_step
    assert step is not None and (step.text, step.number) == ("try the council again on friday", 2)
    assert dialogue.goal.checkins[-1].next_move == "new"


def test_try_again_at_what_next_keeps_the_same_step(dialogue: Dialogue) -> None:
    """A tester typed "prøve igen" (try again) after a call that did not get through, and
    "prøve igen" became his step: the call to the housing office was gone from the plan."""
    danish = ("/start", *DANISH_PLAN, "nej tak", "mandag kl. 18", "København", "ja")
    for language, plan, said in (
        ("en", SCHEDULED, "ill try it again"),
        ("da", danish, "prøve igen"),
    ):
        person = Dialogue(dialogue.engine, dialogue.catalogue, language=language)
        person.run(*plan, "/checkin")
        first = person.goal.current_step
        person.run("I did some of it" if language == "en" else "Jeg gjorde noget af det")
        while person.step != "progress":
            person.say("the line was busy" if language == "en" else "der var optaget")
        person.say("3")
        assert person.step == "next", (language, person.keys)
        person.say(said)
        step = person.goal.current_step
        assert first is not None and step is not None and step.text == first.text, language
        assert person.goal.checkins[-1].next_move == "keep", language


def test_not_yet_before_the_steps_day_keeps_it_planned_and_asks_nothing(
    dialogue: Dialogue,
) -> None:
    """Testers: "not yet its not monday yet is it" got "What got in the way?"."""
    danish = ("/start", *DANISH_PLAN, "nej tak", "mandag kl. 18", "København", "ja")
    for language, plan, said in (
        ("en", SCHEDULED, "not yet its not monday yet is it"),
        ("en", SCHEDULED, "no"),
        ("da", danish, "ikke endnu, det er først på søndag"),
    ):
        person = Dialogue(dialogue.engine, dialogue.catalogue, language=language)
        person.run(*plan, "/checkin")
        [reply] = person.say(said)
        assert person.keys == ["checkin.not_due"], said
        assert "?" not in reply and "in the way" not in reply and "i vejen" not in reply
        step = person.goal.current_step
        assert step is not None and step.status == "planned" and person.goal.checkins == ()
        assert person.step is None


def test_a_day_said_not_to_have_come_is_not_a_setback(dialogue: Dialogue) -> None:
    """After the step's day, "nothing, i said monday" is not kept as what got in the way."""
    for language, said, words in (
        ("en", "not yet, it's on thursday", "nothing, i said monday"),
        ("da", "nej, ikke endnu", "ingenting, jeg sagde jo først på mandag"),
    ):
        person = Dialogue(dialogue.engine, dialogue.catalogue, language=language)
        person.run(*SCHEDULED)
        person.now += timedelta(days=7)  # Friday after work has been and gone
        person.run("/checkin")
        if language == "en":
            person.say(said)
            assert person.keys == ["checkin.not_due"], said
            person.run("/checkin", "no")
        else:
            person.say(said)
        assert person.step == "reflect_not_yet"
        person.say(words)
        assert person.keys == ["checkin.not_due"], words
        assert person.goal.checkins == ()


def test_a_new_step_closes_the_one_checked_in_on(dialogue: Dialogue) -> None:
    """Testers: after "a new step" the old one was still "planned" in the export."""
    for language, lines in (
        ("en", ("/checkin", "I did it", "My sister", "5", "A new step", "Ring Shelter")),
        ("da", ("/checkin", "nej", "travlt", "2", "Et nyt skridt", "Ringe til Shelter")),
        ("en", ("/checkin", "no", "work was mad", "2", "try the council again on friday")),
    ):
        person = Dialogue(dialogue.engine, dialogue.catalogue, language=language)
        person.run(*SCHEDULED)
        person.now += timedelta(days=7)
        person.run(*lines)
        first, second = person.goal.steps
        assert first.status == ("done" if "I did it" in lines else "replaced"), lines
        asked = "confidence" if second.when else "next_when"  # "on friday": not asked when
        assert second.status == "planning" and person.step == asked


def test_a_new_time_said_at_the_reminders_menu_changes_it(dialogue: Dialogue) -> None:
    """Testers: "change it to thursday night, like half 8" was refused at the first menu."""
    danish = ("/start", *DANISH_PLAN, "nej tak", "mandag kl. 18", "København", "ja")
    for language, plan, said, when in (
        ("en", SCHEDULED, "change it to thursday night, like half 8", (3, 20, 30)),
        ("da", danish, "kan vi flytte den til torsdag kl. 20.30", (3, 20, 30)),
        ("en", SCHEDULED, "fridays would be better", (4, 18, 0)),
    ):
        person = Dialogue(dialogue.engine, dialogue.catalogue, language=language)
        person.run(*plan, "/reminders")
        person.say(said)
        if person.step == "hour":
            person.press("18:00")
        assert person.step == "time_right", said  # said back, to be confirmed
        schedule = person.schedule
        assert schedule is not None, said
        assert (schedule.weekday, schedule.hour, schedule.minute) == when, said
        person.say("yes" if language == "en" else "ja")
        assert person.step is None and person.schedule == schedule, said


def test_time_zones_are_offered_as_places_people_know(dialogue: Dialogue) -> None:
    """Testers: "Europe/Copenhagen" and "Europe/London" on the buttons and in the replies."""
    for language, plan, shown in (
        ("da", ("/start", *DANISH_PLAN, "nej tak", "mandag kl. 18"),
         ["København (dansk tid)", "London (britisk tid)"]),
        ("en", (*WHOLE_PLAN, "no", "Monday 18:00"),
         ["London (UK time)", "Copenhagen (Danish time)"]),
    ):  # fmt: skip
        person = Dialogue(dialogue.engine, dialogue.catalogue, language=language)
        person.run(*plan)
        assert person.step == "timezone" and person.last is not None
        choices = person.last.replies[-1].choices
        assert [person.catalogue.render(c.label, language) for c in choices] == shown
        [done] = person.press(choices[0].value)
        assert "Europe/" not in done and ("(dansk tid)" in done or "(UK time)" in done)


def test_the_check_in_opens_with_the_goal_and_the_step_not_the_reason(
    dialogue: Dialogue,
) -> None:
    """Testers: it opened by quoting a heavy line back ("…then i end up drinking…")."""
    danish = ("/start", *DANISH_PLAN, "nej tak", "mandag kl. 18", "København", "ja")
    for language, plan, goal, step, why in (
        ("en", SCHEDULED, "Find a flat of my own within a year",
         "Set up a savings pot on my phone", "So my kids can stay over"),
        ("da", danish, "Se min søster Åse hver uge", "Sende hende en sms",
         "Hun er den eneste familie"),
    ):  # fmt: skip
        person = Dialogue(dialogue.engine, dialogue.catalogue, language=language)
        person.run(*plan)
        [opening] = person.command("checkin")
        assert f"“{goal}”" in opening and f"“{step}”" in opening, language
        assert why not in opening and opening.count("?") == 1, language


def test_a_step_planned_for_tomorrow_is_not_due_today(dialogue: Dialogue) -> None:
    for language, when in (("en", "tomorrow evening"), ("da", "i morgen")):
        plan = tuple(when if line == "Friday after work" else line for line in SCHEDULED)
        person = Dialogue(dialogue.engine, dialogue.catalogue, language=language)
        person.run(*plan, "/checkin", "no")
        assert person.keys == ["checkin.not_due"] and f"“{when}”" in person.last_replies[0]
        person.now += timedelta(days=2)
        person.run("/checkin", "no")
        assert person.step == "reflect_not_yet", language


def test_words_written_before_the_check_in_arrived_are_not_its_answer(
    dialogue: Dialogue,
) -> None:
    dialogue.run(*SCHEDULED)
    began = dialogue.now
    dialogue.send(DueCheckin())
    [crossed] = dialogue.send(Text("all sorted now", sent_at=began - timedelta(seconds=20)))
    assert crossed.startswith("Our messages crossed: you wrote “all sorted now”")
    assert "How did it go with your step" in crossed
    assert dialogue.step == "how" and dialogue.goal.checkins == ()
    dialogue.send(Text("done", sent_at=began))  # the same second: after it, as Telegram counts
    assert dialogue.step == "reflect_done"
    assert [c.outcome for c in dialogue.goal.checkins] == ["done"]


def test_last_weeks_answer_arriving_after_this_weeks_check_in_is_not_its_answer(
    dialogue: Dialogue,
) -> None:
    dialogue.run(*SCHEDULED)
    dialogue.send(DueCheckin())
    dialogue.now += timedelta(days=7)
    this_week = dialogue.now
    dialogue.send(DueCheckin())
    late = Text("didn't get to it", sent_at=this_week - timedelta(minutes=5))
    [crossed] = dialogue.send(late)
    assert crossed.startswith("Our messages crossed")
    assert dialogue.step == "how" and dialogue.goal.checkins == ()
    [danish] = dialogue.catalogue.render(dialogue.last.replies[0].parts[0], "da").split("\n")[:1]
    assert danish.startswith("Vores beskeder krydsede hinanden")
    dialogue.send(Text("didn't get to it", sent_at=this_week + timedelta(minutes=1)))
    assert [c.outcome for c in dialogue.goal.checkins] == ["not_yet"]
    assert dialogue.goal.checkins[0].at > this_week


@pytest.mark.parametrize(
    "words",
    ["honestly i'm tired of living", "jeg orker ikke mere. vil bare sove og aldrig vågne igen"],
)
def test_crisis_words_at_the_check_in_are_never_filed_as_its_answer(
    dialogue: Dialogue, words: str
) -> None:
    """The issue: "jeg orker ikke mere…" at the check-in was read as "not yet" and met
    with "that happens". The crisis reply comes first, nothing is kept as the check-in,
    and the same question is asked again afterwards."""
    dialogue.run(*SCHEDULED)
    dialogue.now += timedelta(days=7)
    dialogue.run("/checkin")
    asked = dialogue.step
    dialogue.say(words)
    assert dialogue.keys[0].startswith("crisis.") and dialogue.keys[-1] == "crisis.safe_now"
    dialogue.run("im safe for now", "no thanks")
    assert dialogue.step == asked and not dialogue.goal.checkins
