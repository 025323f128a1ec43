"""Goal attainment levels, measures and appointments, as transcripts in English and Danish."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import WHOLE_PLAN, Dialogue
from test_languages import DANISH_PLAN

from dialogue_flows.appointment import read_when
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine
from dialogue_flows.types import DueAppointment, DueCheckin, DueMeasure

PLAN_DA = (*DANISH_PLAN[:4], "Hun betyder meget for mig", *DANISH_PLAN[5:])

LEVELS_EN = ("I sleep on my mate's sofa", "I am on the council's list",
             "I have viewed a flat", "I have signed for a flat")  # fmt: skip


def scaled(dialogue: Dialogue) -> None:
    """A whole plan, its levels described (worse than now skipped), weekly check-ins."""
    dialogue.run(*WHOLE_PLAN, "yes", *LEVELS_EN)
    dialogue.press("skip")
    dialogue.say("Very important")
    dialogue.run("Monday 18:00", "Copenhagen")


def test_levels_in_own_words_then_chosen_at_check_ins(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN)
    [offer] = dialogue.say("yes")
    assert "Earlier you told me: “Sofa surfing at my mate's place”" in offer
    dialogue.run(*LEVELS_EN)  # their own new words for now replace the Reality ones
    assert dialogue.step == "level_m2"
    dialogue.run("idk", "idk")  # a second "I don't know" skips it, as anywhere
    assert dialogue.step == "importance"
    [done] = dialogue.say("Very important")
    assert "choose the line that fits best" in done and "Which day suits you?" in done
    [scale] = dialogue.outcomes.scales
    assert scale.words() == dict(zip((-1, 0, 1, 2), LEVELS_EN, strict=True))
    assert scale.importance == 3
    dialogue.run("Monday 18:00", "Copenhagen", "/checkin", "I did it", "An alarm", "7")
    [rate] = dialogue.say("Keep the same step")
    assert "Which of your own lines fits" in rate
    assert dialogue.last is not None
    labels = [dialogue.catalogue.render(c.label, "en") for c in dialogue.last.replies[-1].choices]
    assert labels == ["I have signed for a flat", "I have viewed a flat",
                      "I am on the council's list", "I sleep on my mate's sofa",
                      "Skip this one"]  # fmt: skip
    [rated] = dialogue.press("1")
    assert "Noted: I have viewed a flat (a bit better than expected)." in rated
    [rating] = dialogue.outcomes.ratings
    assert (rating.goal_number, rating.level, rating.checkin_number) == (1, 1, 1)
    dialogue.run("/checkin", "partly", "It rained", "The bus was late", "6", "Keep the same step")
    dialogue.say("-1")
    assert [r.level for r in dialogue.outcomes.ratings] == [1, -1]
    [goals] = dialogue.command("goals")
    assert "Goal 1 now: I sleep on my mate's sofa (where you started)" in goals
    assert "not yet where you hoped" in goals
    assert "score" not in goals and "40" not in goals  # the number is for the worker's PDF


def test_levels_can_be_skipped_altogether(dialogue: Dialogue) -> None:
    dialogue.run(*WHOLE_PLAN)
    [skipped] = dialogue.say("Skip this one")
    assert "You can always do it later" in skipped
    assert dialogue.outcomes.scales == ()
    dialogue.run("Monday 18:00", "Copenhagen", "/checkin", "I did it", "Alarm", "7")
    [done] = dialogue.say("Keep the same step")
    assert "Which of your own lines" not in done  # no levels: nothing to choose
    assert dialogue.person is not None and dialogue.person.conversation.flow is None


def test_levels_in_danish(engine: Engine, catalogue: Catalogue) -> None:
    person = Dialogue(engine, catalogue, language="da")
    person.command("start")
    person.run(*PLAN_DA)
    [now] = person.say("ja")
    assert "Tidligere skrev du: “Vi snakker i telefon nu og da”" in now
    person.run("Vi ses en gang om måneden", "Hver anden uge", "Hver uge", "En tur sammen",
               "Vi snakker ikke")  # fmt: skip
    [done] = person.say("Ret vigtigt")
    assert "den linje, der passer bedst" in done and "Hvilken dag passer dig?" in done
    person.run("mandag kl. 18", "København", "/checkin", "Jeg gjorde det", "Alarmen", "syv")
    [rate] = person.say("Behold samme skridt")
    assert "Hvilken af dine egne linjer passer bedst" in rate
    [rated] = person.press("0")
    assert "Noteret: Hver anden uge (som forventet)." in rated
    [goals] = person.command("goals")
    assert "Mål 1 lige nu: Hver anden uge (som forventet)" in goals
    assert "cirka dér, hvor du forventede." in goals and "målopfyldelse" not in goals


def test_who5_one_item_at_a_time_resumable_and_scored(dialogue: Dialogue) -> None:
    dialogue.run("/start", "yes", "Sam")
    [choose] = dialogue.command("wellbeing")
    assert "Which would you like to answer?" in choose
    [first] = dialogue.say("WHO-5 Well-Being Index")
    assert "1 of 5" in first
    assert "Over the last two weeks:\nI have felt cheerful and in good spirits" in first
    dialogue.press("4")
    dialogue.say("More than half of the time")  # a label typed counts as the button
    dialogue.command("cancel")
    [again] = dialogue.command("start")
    assert "3 of 5" in again and "I have felt active and vigorous" in again
    dialogue.run("3")  # a number typed is a button's place in the list, as everywhere
    dialogue.press("2")
    [scored] = dialogue.press("5")
    [response] = dialogue.outcomes.responses
    # 4 + 3 + "3rd button" (More than half of the time = 3) + 2 + 5 = 17; x4 = 68.
    assert response.answers == (4, 3, 3, 2, 5) and response.score == 68
    assert "Your WHO-5 Well-Being Index score is 68 out of 100" in scored
    plan = dialogue.outcomes.plan
    assert plan is not None and plan.every_days == 30
    assert plan.next_due == datetime(2026, 4, 1, 9, 11, tzinfo=UTC)


def test_a_low_who5_gets_the_distress_reply_and_the_safety_question(dialogue: Dialogue) -> None:
    dialogue.run("/start", "yes", "Sam", "/wellbeing", "WHO-5 Well-Being Index")
    for score in ("1", "1", "1", "2"):
        dialogue.press(score)
    [low] = dialogue.press("0")
    assert dialogue.keys == [
        "measure.low",
        "crisis.distress",
        "crisis.which_country",
        "crisis.safe_now",
    ]
    assert "score is 20 out of 100, which is low" in low
    assert "Are you safe right now?" in low
    assert dialogue.person is not None and dialogue.person.conversation.flow == "crisis"
    assert dialogue.outcomes.responses[0].score == 20


def test_qpr15_in_english_and_a_rhythm(dialogue: Dialogue) -> None:
    dialogue.run("/start", "yes", "Sam", "/wellbeing")
    [first] = dialogue.say("Questionnaire about the Process of Recovery (QPR-15)")
    assert "1 of 15" in first and "Over the last 7 days:\nI feel better about myself" in first
    for _ in range(14):
        dialogue.press("3")
    [scored] = dialogue.press("4")
    assert dialogue.outcomes.responses[0].score == 14 * 3 + 4
    assert "score is 46 out of 60" in scored
    dialogue.run("/wellbeing", "How often?")
    [done] = dialogue.press("7")
    assert "at that rhythm" in done
    assert dialogue.outcomes.plan is not None and dialogue.outcomes.plan.every_days == 7


def test_who5_in_danish_only_and_offered_when_due(engine: Engine, catalogue: Catalogue) -> None:
    person = Dialogue(engine, catalogue, language="da")
    person.run("/start", "ja", "Maja", "/cancel")  # their goal can wait
    [due] = person.send(DueMeasure())
    assert "det er tid til dine trivselsspørgsmål" in due
    [first] = person.say("ja")  # only WHO-5 is published in Danish: straight to it
    assert "WHO-5 Trivselsindeks, 1 af 5" in first
    assert "I de sidste 2 uger har jeg været glad og i godt humør" in first
    assert person.last is not None
    labels = [catalogue.render(c.label, "da") for c in person.last.replies[-1].choices]
    assert labels[0] == "Hele tiden" and labels[-1] == "På intet tidspunkt"
    for score in ("5", "4", "4", "3"):
        person.press(score)
    [scored] = person.press("4")
    assert "Din score på WHO-5 Trivselsindeks er 80 ud af 100" in scored
    person.command("wellbeing")
    assert person.last is not None
    offered = [catalogue.render(c.label, "da") for c in person.last.replies[-1].choices]
    assert offered == ["WHO-5 Trivselsindeks", "Hvor tit?"]  # no QPR-15 in Danish
    [rhythm] = person.say("Hvor tit?")
    assert "Hvor tit vil du have" in rhythm
    person.say("Hver anden uge")
    assert person.outcomes.plan is not None and person.outcomes.plan.every_days == 14


def test_an_appointment_in_words_then_the_summary_once_and_an_agenda(dialogue: Dialogue) -> None:
    scaled(dialogue)
    dialogue.run("/checkin", "I did it", "An alarm", "7", "Keep the same step", "+1")
    dialogue.run("/wellbeing", "WHO-5 Well-Being Index")
    for _ in range(5):
        dialogue.press("4")
    [ask] = dialogue.command("appointment")
    assert "When is your next appointment" in ask
    [confirm] = dialogue.say("on the 14th at half 2")
    assert "Saturday 14 March, 14:30" in confirm  # in Copenhagen, the person's zone
    [recorded] = dialogue.say("yes")
    assert "The day before, I'll send you a short summary" in recorded
    [appointment] = dialogue.outcomes.appointments
    assert appointment.at == datetime(2026, 3, 14, 13, 30, tzinfo=UTC)
    # The day before at their check-in hour: Friday 13 March, 18:00 in Copenhagen.
    assert appointment.eve_due == datetime(2026, 3, 13, 17, 0, tzinfo=UTC)
    dialogue.now = datetime(2026, 3, 13, 17, 0, tzinfo=UTC)
    [summary] = dialogue.send(DueAppointment())
    assert "Your appointment is tomorrow, Saturday 14 March, 14:30" in summary
    assert "Find a flat of my own within a year" in summary
    assert "Check-ins: 1 (done: 1)" in summary
    assert "Now: I have viewed a flat (a bit better than expected)" in summary
    assert "doing better than you expected." in summary and "score 60" not in summary
    assert "WHO-5 Well-Being Index: 80 out of 100" in summary
    assert "Is there anything you want to raise with your worker?" in summary
    assert dialogue.send(DueAppointment()) == []  # sent once: its due time is cleared
    dialogue.say("Whether I can get help with the deposit")
    [prepared] = dialogue.say("Yes, please")
    assert dialogue.last is not None and dialogue.last.export == "summary"
    assert "Your agenda: Whether I can get help with the deposit" in prepared
    assert dialogue.outcomes.appointments[0].agenda == "Whether I can get help with the deposit"
    assert dialogue.outcomes.appointments[0].eve_due is None
    [kept] = dialogue.command("mydata")
    assert "• 1 level chosen, 1 wellbeing questionnaire, 1 appointment (with your agenda" in kept


def test_the_summary_waits_while_someone_is_asked_whether_they_are_safe(
    dialogue: Dialogue,
) -> None:
    dialogue.run("/start", "yes", "Sam", "/appointment", "tomorrow at 10", "yes")
    dialogue.now = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)  # the summary's time
    dialogue.say("i want to die")
    assert dialogue.step == "safe_now"
    assert dialogue.send(DueAppointment()) == []
    assert dialogue.step == "safe_now"
    [appointment] = dialogue.outcomes.appointments
    assert appointment.eve_due == datetime(2026, 3, 2, 21, 1, tzinfo=UTC)  # three hours on
    dialogue.press("safe")
    dialogue.press("no")
    dialogue.now = datetime(2026, 3, 2, 21, 1, tzinfo=UTC)
    [summary] = dialogue.send(DueAppointment())
    assert "Your appointment is tomorrow" in summary


def test_the_summary_comes_after_the_check_in_due_at_the_same_hour(dialogue: Dialogue) -> None:
    """Due the day before at the check-in hour, the summary comes with the weekly check-in
    whenever the appointment is the day after it. Read through the console, "How did it
    go?" was followed at once by the agenda question, so "I did it" would have been kept
    as the agenda: the summary waits an hour, and then tells of the check-in just made."""
    scaled(dialogue)  # check-ins on Mondays at 18:00, Copenhagen
    dialogue.run("/appointment", "on the 10th at 10", "yes")  # Tuesday 10 March
    assert dialogue.outcomes.appointments[0].eve_due == datetime(2026, 3, 9, 17, tzinfo=UTC)
    dialogue.now = datetime(2026, 3, 9, 17, tzinfo=UTC)
    [checkin] = dialogue.send(DueCheckin())
    assert "How did it go with your step" in checkin
    assert dialogue.send(DueAppointment()) == []  # not on top of the check-in
    assert dialogue.step == "how"
    assert dialogue.outcomes.appointments[0].eve_due == datetime(2026, 3, 9, 18, 1, tzinfo=UTC)
    dialogue.run("I did it", "An alarm", "7", "Keep the same step", "+1")
    assert dialogue.outcomes.appointments[0].agenda is None
    dialogue.now = datetime(2026, 3, 9, 18, 1, tzinfo=UTC)
    [summary] = dialogue.send(DueAppointment())
    assert "Check-ins: 1 (done: 1)" in summary
    assert "Now: I have viewed a flat (a bit better than expected)" in summary


def test_a_check_in_left_open_keeps_the_summary_back_only_while_there_is_time(
    dialogue: Dialogue,
) -> None:
    scaled(dialogue)
    dialogue.run("/appointment", "on the 10th at 10", "yes")  # 09:00 UTC
    dialogue.now = datetime(2026, 3, 9, 17, tzinfo=UTC)
    dialogue.send(DueCheckin())
    assert dialogue.send(DueAppointment()) == []
    dialogue.now = datetime(2026, 3, 9, 19, tzinfo=UTC)  # 14 hours before: one more hour
    assert dialogue.send(DueAppointment()) == []
    dialogue.now = datetime(2026, 3, 9, 20, 1, tzinfo=UTC)  # an hour on would leave < 12
    [summary] = dialogue.send(DueAppointment())
    assert "Is there anything you want to raise with your worker?" in summary
    dialogue.say("Nothing this time")
    [*_, back] = dialogue.say("No, thanks")
    assert "How did it go with your step" in back  # the check-in, asked again after it
    assert dialogue.step == "how"


@pytest.mark.parametrize(
    ("said", "day"),
    [("next Tuesday at 10", 8), ("a week on Tuesday at half ten", 15), ("Tuesday week at 10", 15),
     ("Friday next week at 2pm", 11), ("tirsdag om en uge kl 10", 15),
     ("tirsdag i næste uge kl. 10", 8), ("næste uge torsdag kl 9", 10),
     ("next thursday at 11", 10), ("næste torsdag kl 11", 10), ("thursday at 11", 3)],
)  # fmt: skip
def test_a_week_on_tuesday_is_the_tuesday_after_next(said: str, day: int) -> None:
    """A Glasgow tester's "a week on Tuesday" was read as the coming Tuesday (on a
    Wednesday, 2 December: the 8th, where she meant the 15th); a Leicester tester's "next
    thursday" on that Wednesday as the next day (she meant the 10th)."""
    assert read_when(said, datetime(2026, 12, 2, 12, tzinfo=UTC)).day == day


def test_an_appointment_in_danish(engine: Engine, catalogue: Catalogue) -> None:
    person = Dialogue(engine, catalogue, language="da")
    person.run("/start", "ja", "Maja", "/appointment")
    [confirm] = person.say("tirsdag d. 17. kl. 10")
    assert "tirsdag den 17. marts kl. 10:00" in confirm
    [recorded] = person.say("ja")
    assert "Dagen før sender jeg dig et kort overblik" in recorded
    [appointment] = person.outcomes.appointments
    # No weekly check-in: the summary comes at 18:00 the day before, service time.
    assert appointment.eve_due == datetime(2026, 3, 16, 18, 0, tzinfo=UTC)
    person.now = datetime(2026, 3, 16, 18, 0, tzinfo=UTC)
    [summary] = person.send(DueAppointment())
    assert "Din aftale er i morgen" in summary
    assert "Er der noget, du gerne vil tage op med din kontaktperson?" in summary
    [pdf] = person.say("Ikke noget denne gang")
    assert "Vil du have overblikket" in pdf
    [prepared] = person.say("nej tak")
    assert "Så er du klar til tirsdag den 17. marts kl. 10:00" in prepared


def test_an_unreadable_or_past_time_is_asked_again(dialogue: Dialogue) -> None:
    dialogue.run("/start", "yes", "Sam", "/appointment")
    [again] = dialogue.say("soon I think")
    assert "couldn't read both a day and a time" in again and dialogue.step == "when"
    [past] = dialogue.say("today at 8am")
    assert "already passed" in past
    dialogue.say("tomorrow at 10")
    [right] = dialogue.say("no")
    assert "When is your next appointment" in right
    assert dialogue.outcomes.appointments == ()
