"""Properties that hold for any sequence of inputs, and checks on the flow tables."""

from __future__ import annotations

import re
import string

import pytest
from conftest import WHOLE_PLAN, Dialogue
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.crisis import is_crisis, weigh
from dialogue_flows.crisis_care import AGAIN, CARE, SUSPECTED, SUSPECTED_IF, covered
from dialogue_flows.engine import COMMANDS, FLOWS, Engine
from dialogue_flows.flow import Ending, Flow, Question, TurnRecords, Work
from dialogue_flows.helplines import Helplines
from dialogue_flows.records import Conversation, Person
from dialogue_flows.types import (
    Command,
    DueCheckin,
    Input,
    Lazy,
    Msg,
    Pick,
    Snapshot,
    Text,
    Unreadable,
)

COMMAND_NAMES = [command.name for command in COMMANDS] + ["nonsense"]
PLAIN_ANSWERS = [*WHOLE_PLAN, "1", "2", "7", "11", "yes", "no", "That's all", "keep", "#0",
                 "Monday 18:00", "Copenhagen", "I did it", "not now", "new", "g1",
                 "I want to kill myself", "jeg kan ikke mere", "this goal is killing me",
                 "/safety", "Make a plan", "/delete", "Delete everything now", "/export",
                 "PDF, to read or print"]  # fmt: skip

inputs: st.SearchStrategy[Input] = st.one_of(
    st.builds(Text, st.sampled_from(PLAIN_ANSWERS)),
    st.builds(Text, st.text(max_size=40)),
    st.builds(Text, st.text(min_size=990, max_size=1100, alphabet=string.printable)),
    st.builds(Command, st.sampled_from(COMMAND_NAMES)),
    st.builds(DueCheckin),
    st.builds(Unreadable, st.sampled_from(["media", "edited"])),
    st.builds(
        Pick,
        st.sampled_from(["yes", "no", "health", "done", "keep", "#0", "5", "x"]),
        st.integers(min_value=0, max_value=30),
    ),
)


@pytest.mark.timeout(360)  # 300 sequences of up to 40 turns: near 120 s on a loaded machine
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(inputs, max_size=40))
def test_any_sequence_never_raises_and_state_stays_valid(
    engine: Engine, catalogue: Catalogue, events: list[Input]
) -> None:
    dialogue = Dialogue(engine, catalogue)
    last_ask = 0
    for event in events:
        before = dialogue.person.conversation if dialogue.person else None
        answering = before is not None and before.flow == "crisis" and not before.paused
        # A crisis only suspected whose lines today's replies gave is no new alarm.
        found = weigh(event.text) if isinstance(event, Text) else None
        heard = (
            found is not None
            and before is not None
            and not found.sure
            and covered(found.concerns, before.care, dialogue.now)
        )
        replies = dialogue.send(event)
        assert replies or isinstance(event, DueCheckin), "the bot never falls silent"
        # Inside the crisis conversation its own answers come first ("im safe, he's not
        # violent"): only words that answer nothing there must bring a crisis reply.
        if isinstance(event, Text) and is_crisis(event.text) and not answering and not heard:
            assert dialogue.last is not None
            first = dialogue.last.replies[0].parts[0].key
            # a crisis only suspected (the model alone) is answered first too, tentatively
            crisis_replies = {AGAIN, SUSPECTED, SUSPECTED_IF, *(c.message for c in CARE.values())}
            assert first in crisis_replies, "crisis first"
        if dialogue.last is not None and dialogue.last.erase:
            dialogue.person, dialogue.goals, dialogue.schedule = None, {}, None
        assert all(text.strip() for text in replies)
        person = dialogue.person
        if person is None:
            continue
        conversation = person.conversation
        assert Person.model_validate_json(person.model_dump_json()) == person
        if conversation.flow is not None:
            flow = FLOWS[conversation.flow]
            assert flow.question(conversation.step) is not None
        assert conversation.ask_id >= last_ask
        last_ask = conversation.ask_id
        for goal in dialogue.goals.values():
            assert goal.text and len(goal.text) <= 1000


def test_the_engine_is_deterministic(engine: Engine, catalogue: Catalogue) -> None:
    first, second = Dialogue(engine, catalogue), Dialogue(engine, catalogue)
    transcripts = [[d.say(line) for line in WHOLE_PLAN] for d in (first, second)]
    assert transcripts[0] == transcripts[1]
    assert first.goals == second.goals and first.person == second.person


def test_every_flow_has_prompts_placeholders_and_labels_in_english(
    catalogue: Catalogue,
) -> None:
    known = catalogue.keys("en")
    for flow in FLOWS.values():
        keys = [q.prompt for q in flow.questions] + [e.message for e in flow.endings]
        for question in flow.questions:
            if not callable(question.choices):
                keys += [choice.label.key for choice in question.choices]
        assert set(keys) <= known, set(keys) - known


def test_placeholders_come_from_the_flow_params(catalogue: Catalogue) -> None:
    dialogue = Dialogue(Engine(catalogue), catalogue)
    dialogue.run(*WHOLE_PLAN, "no")
    dialogue.run("Monday 18:00", "London", "/checkin", "I did some of it", "It was hard", "6")
    lines = Helplines.load()
    for flow in FLOWS.values():
        snapshot = Snapshot("p", dialogue.person, tuple(dialogue.goals.values()), "en",
                            dialogue.schedule)  # fmt: skip
        conversation = Conversation(step="any", draft={"goal": 1, "weekday": 0})
        records = TurnRecords(snapshot, dialogue.now, conversation, "Europe/London", lines)
        work = flow.work(records)
        params = flow.params(work)
        for key in [q.prompt for q in flow.questions] + [e.message for e in flow.endings]:
            for name in re.findall(r"{(\w+)}", catalogue.template(key, "en")):
                assert name in params, (key, name)
                assert catalogue.render(Msg(key, params), "en")


def test_a_prompt_says_the_words_of_when_it_was_made_and_reads_only_what_it_names(
    catalogue: Catalogue,
) -> None:
    """Placeholders are worked out when rendered (`Lazy`): still the goal as it was when
    the prompt was made, and a value the template does not name is never worked out."""
    dialogue = Dialogue(Engine(catalogue), catalogue)
    dialogue.run(*WHOLE_PLAN)
    snapshot = Snapshot("p", dialogue.person, tuple(dialogue.goals.values()), "en")
    records = TurnRecords(snapshot, dialogue.now, Conversation(step="why", draft={"goal": 1}),
                          "Europe/London", Helplines.load())  # fmt: skip
    work = FLOWS["grow"].work(records)
    prompt = Msg("grow.goal_check", FLOWS["grow"].params(work))
    work.update_goal(text="something else entirely")
    said = catalogue.render(prompt, "en")
    assert dialogue.goals[1].text in said and "something else" not in said

    def never() -> str:
        raise AssertionError("worked out, though the template does not name it")

    assert catalogue.render(Msg("grow.goal", Lazy({"unused": never})), "en")


def _flow(transitions: list[dict[str, str]], work: type[Work] = Work) -> Flow:
    return Flow(
        name="broken",
        work=work,
        questions=(Question("a", "x"), Question("b", "x")),
        endings=(Ending("end", "x"),),
        transitions=transitions,
    )


def test_a_flow_with_an_unreachable_state_is_refused() -> None:
    with pytest.raises(ValueError, match="unreachable"):
        _flow(
            [
                {"trigger": "answer", "source": "a", "dest": "end"},
                {"trigger": "answer", "source": "b", "dest": "end"},
            ]
        )


def test_a_flow_with_a_dead_end_question_is_refused() -> None:
    with pytest.raises(ValueError, match="leads nowhere"):
        _flow([{"trigger": "answer", "source": "a", "dest": "b"}])


def test_a_flow_naming_an_unknown_condition_is_refused() -> None:
    with pytest.raises(ValueError, match="has no is_ready"):
        _flow(
            [
                {"trigger": "answer", "source": "a", "dest": "b", "conditions": "is_ready"},
                {"trigger": "answer", "source": "b", "dest": "end"},
            ]
        )


def test_a_flow_naming_an_unknown_state_is_refused() -> None:
    with pytest.raises(ValueError):
        _flow([{"trigger": "answer", "source": "a", "dest": "nowhere"}])


def test_a_misspelt_destination_is_refused_by_name() -> None:
    """Every other check would pass: only the destination's name is wrong."""
    with pytest.raises(ValueError, match="no state 'ned' \\(dest\\)"):
        _flow(
            [
                {"trigger": "answer", "source": "a", "dest": "b"},
                {"trigger": "answer", "source": "b", "dest": "end"},
                {"trigger": "answer", "source": "b", "dest": "ned", "conditions": "is_ready"},
            ]
        )


@pytest.mark.parametrize("language", ["en", "da"])
def test_help_and_the_menu_name_every_command(catalogue: Catalogue, language: str) -> None:
    """Derived from the one table: /help mentions each other command, each has a menu line."""
    help_text = catalogue.template("help", language)
    for command in (command for command in COMMANDS if command.in_menu):
        assert command.name == "help" or f"/{command.name}" in help_text, command.name
        assert catalogue.render(Msg(command.menu_key), language).strip(), command.name
