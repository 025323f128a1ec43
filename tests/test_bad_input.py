"""Any input at any point gets a kind reply, and the person stays where they were."""

from __future__ import annotations

from conftest import THROUGH_REALITY, WELCOMED, Dialogue

from dialogue_flows.answers import MAX_ANSWER_CHARS, clean
from dialogue_flows.engine import parse_command


def assert_unchanged(dialogue: Dialogue, step: str) -> None:
    assert dialogue.step == step
    assert dialogue.last is not None and dialogue.last.goals == ()


def test_an_empty_line_is_met_kindly(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED)
    for empty in ("", "   ", "\u200b\u200d", "\x00\x07"):
        dialogue.say(empty)
        assert dialogue.keys == ["invalid.empty", "grow.goal"]
        assert_unchanged(dialogue, "goal")


def test_ten_thousand_characters_are_asked_to_be_shorter(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY)
    [kind] = dialogue.say("a" * 10_000)
    assert dialogue.keys == ["invalid.too_long", "grow.options"]
    assert str(MAX_ANSWER_CHARS) in kind
    assert_unchanged(dialogue, "options")
    assert dialogue.goal.options == ()


def test_any_unicode_is_kept_as_written(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED)
    words = "أريد أن أمشي كل يوم 🚶‍♀️ og spise grøntsager"
    dialogue.say(words)
    assert dialogue.goal.text == clean(words)
    assert "🚶" in dialogue.goal.text and "grøntsager" in dialogue.goal.text


def test_control_characters_are_dropped_line_breaks_kept() -> None:
    assert clean("a\x00b\x1b[31m\u200bc\r\n d ") == "ab[31mc\nd"


def test_unknown_command_mid_question(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED)
    [reply] = dialogue.say("/frobnicate now")
    assert "/frobnicate" in reply
    assert dialogue.keys == ["command.unknown", "grow.goal"]
    assert_unchanged(dialogue, "goal")


def test_every_command_of_the_design_is_handled(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED)
    for name in ("start", "newgoal", "goals", "checkin", "reminders", "safety", "export",
                 "mydata", "delete", "language", "cancel", "help"):  # fmt: skip
        dialogue.command(name)
        assert "command.unknown" not in dialogue.keys, name
        dialogue.command("cancel")


def test_help_mid_question_then_the_question_again(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED)
    [help_text, _] = dialogue.say("/help@growcoach_bot")
    assert "Samaritans: 116 123" in help_text and "999" in help_text
    assert dialogue.keys == ["help", "grow.goal"]


def test_digits_of_other_kinds_are_words_or_numbers(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "Build a model boat")
    dialogue.say("²")  # read as a number (a choice) or kept as their own words
    assert dialogue.step == "why"
    assert dialogue.goal.area_own_words in (None, "²")
    dialogue.say("٣")  # a number alone is no reason: asked kindly, never kept
    assert dialogue.goal.why is None and dialogue.step == "why"
    assert dialogue.keys[0] == "grow.why.invalid.bare_number"


def test_out_of_range_number_for_a_choice(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "Build a model boat")
    [reply] = dialogue.say("7")
    assert "1 to 5" in reply
    assert_unchanged(dialogue, "area")
    assert dialogue.goal.area_own_words is None


def test_a_slash_that_is_not_a_command_is_an_answer() -> None:
    assert parse_command("/ maybe") is None
    assert parse_command("and/or") is None
    command = parse_command("/Goals@growcoach_bot please")
    assert command is not None and (command.name, command.args) == ("goals", "please")


def test_cancel_keeps_the_place_and_start_resumes(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY)
    [reply] = dialogue.command("cancel")
    assert "Everything you've said is saved" in reply
    dialogue.say("hello?")
    assert dialogue.keys == ["idle.paused"]
    assert dialogue.goal.options == ()
    dialogue.command("start")
    assert dialogue.keys == ["start.welcome_back", "grow.options"]
    dialogue.say("Ask the council")
    assert dialogue.goal.options == ("Ask the council",)


def test_cancel_with_nothing_open(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "/cancel")
    dialogue.command("cancel")
    assert dialogue.keys == ["cancel.nothing"]


def test_a_press_on_an_old_question_records_nothing(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "Build a model boat")
    area_question = dialogue.ask_id
    dialogue.press("health")
    assert dialogue.step == "why"
    dialogue.press("home", ask_id=area_question)
    assert dialogue.keys == ["stale.moved_on", "grow.why"]
    assert dialogue.goal.area == "health"


def test_a_double_press_answers_once(dialogue: Dialogue) -> None:
    dialogue.run(*THROUGH_REALITY, "Ask the council\nCall Shelter")
    question = dialogue.ask_id
    dialogue.press("yes", ask_id=question)
    dialogue.press("yes", ask_id=question)
    assert dialogue.keys == ["stale.moved_on", "grow.choose"]
    assert dialogue.step == "choose"


def test_a_button_value_the_question_does_not_offer(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED)
    dialogue.press("#9")
    assert dialogue.keys == ["stale.moved_on", "grow.goal"]
    assert_unchanged(dialogue, "goal")


def test_text_when_no_conversation_is_open(dialogue: Dialogue) -> None:
    dialogue.run(*WELCOMED, "/cancel")
    dialogue.say("hi")
    assert dialogue.keys == ["idle.paused"]
