"""The conversation engine: (saved state, one input, now) in, (replies, changes) out.

No Telegram, no SQL, no clock: adapters load a `Snapshot`, call `Engine.handle`, save
the `Turn`'s records in one transaction and only then send its replies. The engine
decides what an input means in the place the person is: an answer to the open
question, a button pressed on an old message, or a command. Anything it cannot use
gets a kind reply and leaves the person where they were.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from dialogue_flows import (
    appointment,
    checkin,
    crisis,
    crisis_care,
    gas,
    grow,
    helplines,
    idle,
    language,
    listening,
    measure,
    onboarding,
    outcomes,
    privacy,
    reminders,
    safety,
    weekly,
)
from dialogue_flows.answers import (
    MAX_ANSWER_CHARS,
    InvalidAnswerError,
    check_length,
    clean,
    closest,
    comparable,
    feeling,
    free_text,
    label_begun,
    match_choice,
    name_asked,
    part_restated,
    several,
    step_put_right,
)
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.crisis import Concern, Finding, weigh
from dialogue_flows.flow import Flow, Question, TurnRecords, Work
from dialogue_flows.helplines import YOUNG, Helplines
from dialogue_flows.moves import (
    ANSWERED_PLAINLY,
    SOCIAL,
    Move,
    agreement,
    asking,
    before_taking_back,
    only_fillers,
    read_move,
    retracted,
    said_anywhere,
    said_exactly,
    split_move,
    trailing,
    without_said,
)
from dialogue_flows.records import Conversation, Goal
from dialogue_flows.types import (
    FROM_LOOP,
    Choice,
    Command,
    DueAppointment,
    DueCheckin,
    DueFollowup,
    DueMeasure,
    Input,
    Msg,
    Param,
    Pick,
    Reply,
    Snapshot,
    Text,
    Turn,
    Unreadable,
    is_scale,
)
from dialogue_flows.words import sentences

FLOWS: dict[str, Flow] = {
    flow.name: flow
    for flow in (
        onboarding.FLOW,
        grow.FLOW,
        reminders.FLOW,
        checkin.FLOW,
        privacy.EXPORT,
        privacy.DELETE,
        safety.FLOW,
        language.FLOW,
        crisis_care.FLOW,
        gas.FLOW,
        gas.RATE,
        measure.FLOW,
        appointment.FLOW,
    )
}

BEFORE_CONSENT = Conversation(flow=onboarding.FLOW.name, step=onboarding.FLOW.first)
"""Where everyone starts; it is never stored, since nothing is stored before consent."""


class Engine:
    """Pure and deterministic; the catalogue lets it recognise a choice typed as its label.

    `default_timezone` is the service's (GROWCOACH_DEFAULT_TZ), offered to a person who
    chooses a check-in time and has not said where they are.
    """

    def __init__(
        self,
        catalogue: Catalogue,
        default_timezone: str = "Europe/London",
        helplines: Helplines | None = None,
    ) -> None:
        self.catalogue = catalogue
        self.default_timezone = default_timezone
        self.helplines = helplines or Helplines.load()

    def warm_up(self) -> None:
        """Build now what is otherwise built when first needed: the crisis lexicon and
        model, the world's towns (for time zones), the public holidays (for helplines'
        hours), every language's words. Seconds of work that would otherwise hold up
        whoever wrote first; a long-running bot calls this in a thread as it starts."""
        crisis.prepare()
        weekly.prepare()
        helplines.prepare()
        for code in self.catalogue.languages:
            self.catalogue.texts(code)

    def handle(self, snapshot: Snapshot, event: Input, now: datetime) -> Turn:
        turn = _TurnInProgress(self, snapshot, now, from_person=not isinstance(event, FROM_LOOP))
        text = event.text if isinstance(event, Text) else ""
        moved = turn.hear_place(text) if text else False
        found = turn.finding(text) if text else Finding(frozenset())
        concerns = found.concerns
        if concerns and not turn.imagined(concerns, text, found.sure):  # first, even in a command
            if not turn.protest_heard(concerns, text):
                turn.crisis(concerns, text, sure=found.sure)
        elif text and turn.protest_heard(concerns, text):
            pass  # "du misforstod mig, ..." after a reply today: about the reply, not the goal
        elif moved:
            turn.place_told(event)
        else:
            if turn.heard_again:  # "the anniversary. i miss her. some days i dinnae see much
                turn.say(Msg(HEARD_AGAIN))  # point" had got no word at all
            turn.receive(event)
        return turn.result()


def _started_said(started: str) -> dict[str, Param]:
    """The answer begun before a crisis, quoted (a sentence of ours ends after it: “…”.)."""
    quote = grow.quoted(started)
    return {"said": quote if quote[-2:-1] in "!?…" else quote + ".",
            "left_out": Msg("crisis.left_out")}  # fmt: skip


HEARD_AGAIN = "crisis.heard_again"
"""A worry only suspected, after today's replies gave its lines: a word, once a day."""


def _keep_offer(offer: Mapping[str, Any]) -> Msg:
    """The answer begun before a crisis, offered back to keep: said to be without the
    sentence with the risk, unless all of it is offered (after "you misread me")."""
    key = "crisis.keep_started" if offer.get("cut", True) else "crisis.keep_whole"
    return Msg(key, _started_said(offer["text"]))


WHOLE = "whole"
"""In the crisis conversation's draft: all of the answer that raised a crisis only
suspected, offered back to keep if they say it misread them (`take_up`)."""
KEEP = "keep_started"
"""In a draft: the answer begun before a crisis, offered back to keep (`take_up`)."""
KEEP_CHOICES = (
    Choice("keep", Msg("choice.keep_started")),
    Choice("anew", Msg("choice.answer_anew")),
)
"""The buttons of that offer: keep it, or answer the question afresh."""
RESTATED = "goal_restated"
"""The draft's note of the question at which the goal was just restated and said back."""
ANSWERED = "answered"
"""The draft's questions answered so far, newest last: where "go back" goes (`go_back`)."""


class _TurnInProgress(TurnRecords):
    """One turn being worked out: the records as they change, and the replies so far.

    It is the turn's one working copy of the records (`TurnRecords`); the `Work` each
    flow's machine moves is a view of it, made once per flow (`work`).
    """

    def __init__(self, engine: Engine, snapshot: Snapshot, now: datetime, from_person: bool):
        conversation = snapshot.person.conversation if snapshot.person else BEFORE_CONSENT
        super().__init__(snapshot, now, conversation, engine.default_timezone, engine.helplines)
        self.catalogue = engine.catalogue
        self.from_person = from_person
        self.replies: list[Reply] = []
        self.answered = False
        self.heard_again = False  # a worry only suspected, its lines given today (`finding`)
        self.views: dict[str, Work] = {}

    def result(self) -> Turn:
        if self.erase:
            return Turn(replies=tuple(self.replies), language=self.language, erase=True)
        person = self.person
        if person is not None:
            changes: dict[str, object] = {"conversation": self.conversation}
            if self.from_person:
                changes["blocked_at"] = None  # whatever they sent, they can hear us again
            person = person.model_copy(update=changes)
            if person == self.snapshot.person:
                person = None
        goals = tuple(self.goals[number] for number in sorted(self.changed_goals))
        return Turn(
            replies=tuple(self.replies),
            language=self.language,
            answered=self.answered,
            person=person,
            goals=goals,
            schedule_changed=self.schedule != self.snapshot.schedule,
            schedule=self.schedule,
            export=self.export_format,
            outcomes=self.outcomes if self.outcomes != self.snapshot.outcomes else None,
        )

    # -- what the person sent -------------------------------------------------------

    def receive(self, event: Input) -> None:
        """What the input is, in the place the person is: a command, an answer, a due reminder."""
        if isinstance(event, Text):
            event = parse_command(event.text) or event
        match event:
            case Command():
                self.command(event)
            case Pick():
                self.pick(event)
            case Unreadable():
                self.say_then_ask(Msg(f"unreadable.{event.kind}"))
            case DueCheckin():
                self.due_checkin()
            case DueFollowup():
                self.due_followup()
            case DueAppointment():
                self.due_appointment()
            case DueMeasure():
                self.due_measure()
            case Text():
                self.text(event)

    def text(self, event: Text) -> None:
        words = clean(event.text)
        note, consented = self.conversation.care, self.person is not None
        if crisis_care.first_aid_asked(words, note, self.now, consented):
            self.say_then_ask(Msg(crisis_care.FIRST_AID, {"emergency": self.emergency_number()}))
            return
        move = read_move(words)
        if move in _SWITCH and self.person is not None:
            self.switch_language(_SWITCH[move])
            return
        rest = self.renamed(words)
        if rest is None or self.step_said(words):
            return
        if rest != words:  # "ye thats it. its meg btw not megan": the yes still answers
            words, move = rest, read_move(rest)
        asked = asking(words, move)
        if asked is Move.WHO_TO_CALL:  # "hallo?? han råbte af mig igen. hvem kan jeg ringe til"
            self.lines_asked(words)
            return
        if asked is Move.CALL_FOR_HELP:  # "should I have rung the ambulance?" had been kept
            self.say_then_ask(Msg("move.call_for_help", {"emergency": self.emergency_number()}))
            return
        if asked is Move.MEDICINE:  # "is G bad wi lithium" had got the suicide lines, then 999
            self.say_then_ask(Msg("move.medicine", {"emergency": self.emergency_number()}))
            return
        if asked is Move.SQUARE_ONE:  # "er jeg tilbage til start nu?" went unanswered twice
            self.say_then_ask(Msg("move.square_one"))
            return
        in_crisis = self.conversation.flow == crisis_care.FLOW.name
        if asked is Move.KEEP_OUT and self.is_open() and not in_crisis:
            alone = move is Move.KEEP_OUT  # else "i did it… dont put it in anything": none kept
            self.ask_again(Msg("move.keep_out" if alone else "move.kept_out"))
            return
        if not self.is_open() or in_crisis:
            move = asked if asked in ANSWERED_PLAINLY else move  # "nej men svar lige. er der…"
        if not self.is_open():
            if move in ANSWERED_PLAINLY:
                self.say(Msg(f"move.{move}"))
            key = "idle.paused" if self.conversation.paused else "idle.waiting"
            heard = idle.acknowledgement(words, self.language)
            self.say(*(heard, Msg(f"{key}.after")) if heard else (Msg(key),))
            return
        question = self.question()
        if in_crisis:
            self.hear_in_crisis(question, move, words)  # every word heard, crossed or not
            return
        if self.crossed(event.sent_at):
            self.ask_again(Msg("crossed", {"said": grow.quoted(words)}))
            return
        if question.read is free_text and listening.in_jest(words):
            self.ask_again(Msg("move.jest"))  # "im gonna kill my brother lol": not an idea
            return
        kept = self.kept_answer(words, move)
        if kept == "":  # "no, I'll answer again": the question, now
            self.ask_again()
            return
        if kept is not None:
            words, move = kept, read_move(kept)
        own_reading = Move.RETRACT.value in question.as_content  # the step reads "actually…"
        left = retracted(words) if move in (None, Move.RETRACT) and not own_reading else None
        kept_ideas = several(before_taking_back(words)) if question.listed else ()
        if left:  # "actually no, scratch that, ring my mum": what is left is the answer
            words, move = left, read_move(left)
        elif left is not None and len(kept_ideas) > 1:  # "walk, ring mette. no, not that"
            words, move = "\n".join(kept_ideas[:-1]), None
        elif left is not None:  # taken back, with nothing new: never kept
            move = Move.RETRACT
        move = asking(words, move)
        if move is not None and question.exact_moves and not said_exactly(words):
            move = None  # "Dave" at the name question
        if move is None and question.read is free_text:  # a scale or a button reads its own
            move = _said_nothing(words)
        if self.restated_goal_agreed(question, move, words):
            return
        if self.restates_part(question, words) or self.restates_goal(question, words):
            return
        if move is not Move.YES and listening.agrees(question, self.work(), words):
            self.answer(question.read(listening.YES))  # "Aye, that's it": as the Yes button
            return
        if move and not self.is_label(question, words) and self.meet(move, question):
            return
        lead, rest = split_move(words) if move is None else (None, "")
        with_reason = lead in _WITH_A_REASON or (lead is Move.KEEP and "keep" in question.on_move)
        if lead is not None and with_reason and self.meet(lead, question):
            return  # "spring over, jeg er lidt træt nu", "I'll keep it, it's only a call"
        judged: tuple[Msg, ...] = ()
        if lead in SOCIAL and rest and question.read is free_text:  # "Tak for det. Det hjælper
            words = rest  # at gå en tur…": the thanks is no strength; an "idk" stays (`core`)
        elif lead is Move.CORRECTION and rest and question.read is free_text:
            words, judged = rest, (Msg("move.correction_kept"),)  # "hang on, not what i said.
            # i want…": the protest heard, never kept; what follows it is their answer
        if move is None:  # "like i just said, nerves", "fredag, det skrev jeg jo": the answer
            words = without_said(words)
            for asked, answered in _ASKED_AFTER.items():  # "get a job. is that a stupid goal?",
                before = trailing(words, asked)  # "…men det er langt væk. hvad synes du?"
                if before:
                    words, judged = before, (*judged, Msg(answered))
                    break
        # An answer kept after a crisis reply was heard then: "a real milestone, well done"
        # straight after "they'd be better off without me" reads as not listening.
        feeling = (
            ()
            if kept is not None
            else listening.acknowledge(question, self.work(), words, self.language)
        )
        if feeling and self.only_felt(question, words, feeling[0].key):
            listening.remember_felt(self.work(), feeling)
            self.replies.append(self.question_reply(*feeling, again=True))
            return
        try:
            value = self.read(question, self.work(), words)
            said = question.hear(words, value) if question.hear else ()
            listening.remember_felt(self.work(), feeling)
            self.answer(value, *judged, *feeling, *said)
        except InvalidAnswerError as invalid:
            # Raised before any record changed: the person stays where they were.
            self.ask_again(self.invalid_words(question, invalid))

    def restates_goal(self, question: Question, words: str) -> bool:
        """ "goal is get me own flat", "nah i didnt say that. get me own flat" or "that's
        not what i said" at a GROW question after the goal: the goal is put right and said
        back with Yes and Not quite (`restated_answer`), never kept as the answer; a
        protest alone asks how they would put it. The open question waits meanwhile."""
        if self.conversation.flow != grow.FLOW.name or question.name in grow.CHECKS_ITSELF:
            return False
        said = grow.restated_goal(words)
        work = self.work()
        if said is None or work.goal is None:
            return False
        if not self.quotes_goal(question) and not grow.names_goal(words):
            return False  # "that's not what i said" after "That fear makes sense": sorry
        if part_restated(words) and not grow.names_goal(words):
            return False  # "…not quite what I said. My reason was…": the why, not the goal
        if not said:  # "i didnt say that" to their goal quoted: how would they put it?
            self.ask_again(Msg("grow.goal_how"))
            return True
        work.update_goal(text=said, first_words=None)
        work.draft[RESTATED] = question.name
        self.asking()  # its Yes and Not quite answer the goal said back, not the question
        said_back = Msg("grow.goal_restated", {"said": grow.quoted(said)})
        self.say(said_back, choices=grow.RIGHT_CHOICES, ask_id=self.conversation.ask_id)
        return True

    def restates_part(self, question: Question, words: str) -> bool:
        """ "Hang on, that's not quite what I said… My reason was the bit about being
        tired" at a later GROW question: the part takes their new words, is said back, and
        the open question waits (Rachel's protest had been kept as where she was now)."""
        if self.conversation.flow != grow.FLOW.name or question.name in grow.CHECKS_ITSELF:
            return False
        work = self.work()
        found = grow.earlier_part_said(work, words)
        if found is None:
            return False
        part, said = found[0], found[1].rstrip(" .")
        work.update_goal(**{part: said})
        self.ask_again(Msg("grow.changed", {"part": Msg(f"grow.part.{part}"),
                                            "said": grow.quoted(said)}))  # fmt: skip
        return True

    def quotes_goal(self, question: Question) -> bool:
        """The question says their goal back ("Why does “get a job” matter to you?")."""
        prompt = self.catalogue.texts("en").get(question.prompt, "")
        return "{goal" in prompt or "{sounds}" in prompt

    def restated_goal_agreed(self, question: Question, move: Move | None, words: str) -> bool:
        """Yes or no in words, or the number of its button ("1" had been kept as the
        answer to the open question), right after a goal was restated and said back."""
        pressed = [choice.value for choice in grow.RIGHT_CHOICES]
        if words.strip(" .") in ("1", "2"):
            return self.restated_answer(question, pressed[int(words.strip(" .")) - 1])
        if move is Move.YES or agreement(words):
            return self.restated_answer(question, "yes")
        if move in (Move.NO, Move.CORRECTION):
            return self.restated_answer(question, "not_quite")
        self.work().draft.pop(RESTATED, None)
        return False

    def restated_answer(self, question: Question, value: str) -> bool:
        """Yes or Not quite to a goal restated at `question` and said back: heard (the
        goal as it is, or how they would put it), then the question again. False when no
        goal was just said back there."""
        work = self.work()
        at = work.draft.pop(RESTATED, None)
        if at != question.name or work.goal is None or value not in ("yes", "not_quite"):
            return False
        kept = Msg("grow.goal_kept", {"said": grow.quoted(work.goal.text)})
        if value == "yes" and question.name == "goal_which" and grow.two_goals(work) is None:
            self.answer(grow.BOTH, kept)  # one goal now: "two goals:  og ." was asked
        elif value == "yes":
            self.ask_again(kept)
        else:
            self.ask_again(Msg("grow.goal_how"))
        return True

    def switch_language(self, code: str) -> None:
        """ "dansk is hard for me. english please": from now on in English, said in a word,
        and the open question asked again in it (as /language does)."""
        if self.person is not None:
            self.person = self.person.model_copy(update={"language": code})
        self.say_then_ask(Msg("language.chosen"))

    def kept_answer(self, words: str, move: Move | None) -> str | None:
        """The answer begun before a crisis, when offered back (`take_up`) and they keep
        it (the button, its number, "yes", "yes keep it", "behold det"); "" when they
        would rather answer again (then the question is asked). Whatever they say, the
        offer ends: anything else is their new answer. Crisis words are never kept."""
        draft = dict(self.conversation.draft)
        offer = draft.pop(KEEP, None)
        if offer is None:
            return None
        self.conversation = self.conversation.model_copy(update={"draft": draft})
        if offer["ask"] != self.conversation.ask_id:
            return None
        labels = [self.catalogue.render(c.label, self.language) for c in KEEP_CHOICES]
        said = comparable(words)
        pressed = {choice.value for choice, label in zip(KEEP_CHOICES, labels, strict=True)
                   if said in (choice.value, comparable(label))}  # fmt: skip
        if words.strip() in ("1", "2"):
            pressed = {KEEP_CHOICES[int(words) - 1].value}
        lead, rest = split_move(words) if move is None else (move, "")
        asked_too = "?" in rest  # "yes keep it. Which sentence did you leave out though?"
        said_keep = lead is Move.KEEP  # "Ja, behold det. Jeg har brugt lang tid på at skrive
        # det." had become Lise's goal: a keep said in words keeps, whatever follows it
        if pressed == {"keep"} or (not pressed and lead in (Move.YES, Move.KEEP)
                                   and (move is not None or asked_too or said_keep)):  # fmt: skip
            return str(offer["text"])
        return "" if pressed == {"anew"} or move is Move.NO else None

    def hear_place(self, text: str) -> bool:
        """Where they say they are, at any point ("i am in denmark", "jeg bor i London"):
        their lines follow it from now on (kept with their time zone and region, as the
        /reminders question keeps them; before consent, for this turn only). True when
        the lines they see change country or region."""
        where = reminders.said_place(text)
        if where is None:
            return False
        before = (self.lines_country(), self.where()[1], self.country_known())
        if self.person is None:
            self.said_where = (where.zone, where.region)
        else:
            update = {"timezone": where.zone, "region": where.region}
            self.person = self.person.model_copy(update=update)
        return (self.lines_country(), self.where()[1], self.country_known()) != before

    def place_told(self, event: Input) -> None:
        """After a crisis reply (within the day, or before consent), the lines where they
        said they are; elsewhere a word that it is noted, never a list of helplines out
        of the blue. Then the open question again when that was all they said (or a
        crisis question is open), else what they wrote read as ever (at /reminders'
        zone question it is the answer)."""
        country = self.lines_country()
        note = self.conversation.care
        lately = any(crisis_care.said_lately(note, key, self.now) for key in note.said)
        if self.person is None or lately or self.conversation.flow == crisis_care.FLOW.name:
            told = Msg("place.lines", {"country": country, "helplines": self.helpline_text()})
        else:
            told = Msg("place.noted", {"country": country})
        flow = self.conversation.flow if self.is_open() else None
        text = event.text if isinstance(event, Text) else ""
        if flow == reminders.FLOW.name:
            self.receive(event)
        elif flow is not None and (flow == crisis_care.FLOW.name or reminders.only_a_place(text)):
            self.ask_again(told)
        else:
            self.say(told)
            self.receive(event)

    def only_felt(self, question: Question, words: str, felt: str) -> bool:
        """The answer is the feeling (`Question.not_when_felt`) when the first sentence
        says it ("my mate od'd, found him on the landing"); strengths said first and the
        loss after ("my worker fiona's sound. my maw. … havenae been since he died") are
        the answer, with the loss heard (a tester's answer was asked for again)."""
        meaning = felt.removeprefix("feeling.")
        first = next(iter(sentences(words)), words)
        return meaning in question.not_when_felt and feeling(first, self.language) == meaning

    def crossed(self, sent_at: datetime | None) -> bool:
        """Words sent before the open question was asked answer none of it: the rest of
        the last answer, typed while this question was on its way, or an answer to last
        week's check-in that arrived after this week's went out. Telegram gives whole
        seconds: a message in the second the question was asked counts as after it."""
        asked = self.conversation.asked_at
        return sent_at is not None and asked is not None and sent_at < asked.replace(microsecond=0)

    def finding(self, text: str) -> Finding:
        """What the message speaks of, leaving out what the person said a reply misread
        within the day (testers: "yes. and the shed roof's gone, you missed that" raised
        the alarm the shed roof had raised a minute before). A crisis only suspected is no
        alarm inside the crisis conversation, nor when today's replies gave its lines: a
        tester telling of his debt and shame got eight alarms, the lines each time."""
        note = self.conversation.care
        heard = crisis_care.without_misread(text, note, self.person_id, self.now)
        if not heard.strip():
            return Finding(frozenset())
        found = weigh(heard)
        told = crisis_care.lapse_told(found.concerns, heard, note, self.now)
        if told and not crisis.by_tables(heard):  # the model's guess, of a lapse answered
            return Finding(frozenset())
        if not found.sure and self.conversation.flow == crisis_care.FLOW.name:
            return Finding(frozenset())  # only suspected, where its lines are being given
        if not found.sure and crisis_care.covered(found.concerns, note, self.now):
            if not crisis_care.said_lately(note, HEARD_AGAIN, self.now):  # once a day
                self.heard_again = True  # heard, in a word, and the answer it seems to be
                care = crisis_care.noted(note, HEARD_AGAIN, self.now)
                self.conversation = self.conversation.model_copy(update={"care": care})
            return Finding(frozenset())
        return Finding(crisis_care.reread(found.concerns, heard), found.sure)

    def hear_in_crisis(self, question: Question, move: Move | None, words: str) -> None:
        """The crisis conversation reads its own answers ("not sure" to "Are you safe?"),
        in sentences; a refusal to call is met with respect, and words that answer
        nothing get the short question again, never the helplines a second time."""
        if move in ANSWERED_PLAINLY:
            self.ask_again(Msg(f"move.{move}"))
            return
        before = crisis_care.heard(words)
        try:
            value = self.read_in_crisis(question, words)
        except InvalidAnswerError as invalid:
            self.ask_again(*(before or (self.invalid_words(question, invalid),)))
            return
        if value == crisis_care.UNCLEAR and said_anywhere(words, Move.KEEP_OUT):
            self.ask_again(Msg("crisis.kept_out"))  # "skriv det ik ned det med pillerne"
            return
        if value == crisis_care.UNCLEAR and before:  # "not calling anyone": heard, not a try
            self.ask_again(*before)
            return
        self.answer(value, *before)

    def renamed(self, words: str) -> str | None:
        """A new name asked for in passing ("can u call me meg not megan"): kept, said
        back, and the open question asked again (None: nothing more to read). After a yes
        or no ("ye thats it. its meg btw not megan"), the yes or no is still read: its
        words are returned. Otherwise the words, untouched. Not at the name questions,
        which read names themselves, nor in the crisis conversation."""
        person = self.person
        flow = self.conversation.flow
        if person is None or not person.name or flow == crisis_care.FLOW.name:
            return words
        if self.is_open() and self.question().exact_moves:  # the name questions
            return words
        lead, rest = split_move(words)
        for aside in (rest if lead is not None else "", words):
            name = name_asked(aside, person.name) if aside else None
            if name is not None:
                self.person = person.model_copy(update={"name": name})
                changed = Msg("name.changed", {"name": name})
                if aside == words:
                    self.say_then_ask(changed)
                    return None
                self.say(changed)
                return words[: words.rindex(rest)].strip(" .,!")
        return words

    def step_said(self, words: str) -> bool:
        """A step put right in passing ("my step is phoning my sponsor", "skridtet er at
        finde mailen"): the current step takes the new words (the old ones kept as
        earlier), it is said back, and the open question asked again. Only where there
        is a step: the goal being planned or checked on once it has one, else the newest
        goal with a step; never at a question that reads a step itself."""
        if self.person is None or self.conversation.flow == crisis_care.FLOW.name:
            return False
        question = self.question() if self.is_open() else None
        if question is not None and question.about_step == "asks":
            return False
        goal = self.work().goal if question is not None else None
        if goal is None and (question is None or self.conversation.flow != grow.FLOW.name):
            goal = next(iter(checkin.checkable(self.goals)), None)
        step = goal.current_step if goal is not None else None
        right_after = question is not None and question.about_step == "after"
        said = step_put_right(words, right_after=right_after) if step else None
        if goal is None or step is None or said is None:
            return False
        said = said[:MAX_ANSWER_CHARS]
        put_right = step.model_copy(
            update={"text": said, "earlier_texts": (*step.earlier_texts, step.text)}
        )
        self.goals[goal.number] = goal.model_copy(
            update={"steps": (*goal.steps[:-1], put_right), "updated_at": self.now}
        )
        self.changed_goals.add(goal.number)
        self.say_then_ask(Msg("step.changed", {"step": said}))
        return True

    def invalid_words(self, question: Question, invalid: InvalidAnswerError) -> Msg:
        """Why the answer did not do, in the question's own words where it has them.

        `<prompt>.<key>` ("crisis.followup_offer.invalid.yes_no") speaks of that
        question's buttons; the general key ("invalid.yes_no") of any question's.
        """
        own = f"{question.prompt}.{invalid.key}"
        return Msg(own if self.has_words(own) else invalid.key, invalid.params)

    def meet(self, move: Move, question: Question) -> bool:
        """A move, not an answer: do what `listening` says; False if it is content here."""
        reaction = listening.react(move, question, self.work(), self.has_words)
        if reaction is None:
            return False
        if reaction.pause:
            self.cancel()
        elif reaction.back:
            self.go_back()
        elif reaction.answer is not None:
            try:
                self.answer(reaction.answer, *reaction.said)
            except InvalidAnswerError as invalid:  # "that's 2 things" where none parts
                self.ask_again(self.invalid_words(question, invalid))
        else:  # a word about what they said, and the question in its short form
            self.replies.append(self.question_reply(*reaction.said, again=True))
        return True

    def is_label(self, question: Question, text: str) -> bool:
        """The text is one of the offered choices, word for word ("Evening", "Not now")."""
        wanted = comparable(text)
        return any(
            wanted == comparable(self.catalogue.render(choice.label, self.language))
            for choice in question.offered(self.work())
        )

    def has_words(self, key: str) -> bool:
        return key in self.catalogue.texts("en")

    def pick(self, event: Pick) -> None:
        conversation = self.conversation
        offer = conversation.draft.get(KEEP)
        if offer is not None and event.ask_id == offer["ask"] == conversation.ask_id:
            self.text(Text(event.value))  # a press on the offer to keep: as its words
            return
        current = conversation.flow is not None and event.ask_id == conversation.ask_id
        if current and self.restated_answer(self.question(), event.value):
            return
        if current and event.value in {c.value for c in self.question().offered(self.work())}:
            self.conversation = conversation.model_copy(update={"paused": False})
            self.answer(self.question().read(event.value))
        elif self.is_open() or self.person is None:
            self.ask_again(Msg("stale.moved_on"))
        else:
            self.say(Msg("stale.nothing_open"))

    def imagined(self, concerns: frozenset[Concern], text: str, sure: bool) -> bool:
        """The open question asked them to picture just these ("worse than now"); or
        they are in the crisis conversation already, and what they say is its answer
        first ("jeg ringer ikke til nogen nu", "im safe, hes not violent or anything",
        "i havent taken anything"): only a new emergency said plainly ("i took all my
        pills"), distress the lines already offered do not serve ("it gets dark in my
        head" after a reply about violence), or other words that answer nothing there
        bring a crisis reply again."""
        if not self.is_open():
            return False
        if self.conversation.flow == crisis_care.FLOW.name:
            if Concern.EMERGENCY in concerns and crisis_care.new_emergency(text):
                return False
            distress = concerns <= {Concern.DISTRESS}
            return self.answers_here(clean(text)) or (
                distress and crisis_care.covered(concerns, self.conversation.care, self.now)
            )
        if self.conversation.flow == checkin.FLOW.name and crisis_care.small_drink(concerns, text):
            return True  # "drank two glasses on tuesday": how the step went
        named, question = {concern.value for concern in concerns}, self.question()
        signs = named <= question.signs and (not sure or not crisis_care.happening_now(text))
        return named <= question.imagines or signs

    def protest_heard(self, concerns: frozenset[Concern], text: str) -> bool:
        """A protest after a crisis reply today, outside the crisis conversation ("?? u
        misread me im fine, i meant i want to tell my tutor about college stuff", Chloe,
        back at her GROW question): the apology, its words remembered as misread, and the
        open question again, never a new alarm. Not an emergency, nor when they say in
        plain words that they are not safe or not sure (`crisis_care.protests`)."""
        note = self.conversation.care
        lately = any(crisis_care.said_lately(note, key, self.now) for key in crisis_care.REPLIES)
        emergency = crisis_care.CARE[Concern.EMERGENCY].message
        in_crisis = self.conversation.flow == crisis_care.FLOW.name
        if self.person is None or in_crisis or not lately or Concern.EMERGENCY in concerns:
            return False
        if crisis_care.said_lately(note, emergency, self.now):
            return False  # after an emergency today, no words dismiss it
        if not crisis_care.protests(text):
            return False
        prints = crisis_care.alarm_prints(text, self.person_id)
        care = crisis_care.remember_misread(note, prints, self.now)
        self.conversation = self.conversation.model_copy(update={"care": care})
        self.say_then_ask(Msg("crisis.misread"))
        return True

    def answers_here(self, words: str) -> bool:
        """The words answer the open crisis question (not "unclear")."""
        try:
            return bool(self.read_in_crisis(self.question(), words) != "unclear")
        except InvalidAnswerError:
            return False

    def read_in_crisis(self, question: Question, words: str) -> Any:
        """As `read`, and a number typed first or last picks that option ("4. christ
        almighty. I live on me own, nobody's hitting me. it's a SHED")."""
        number = crisis_care.picked_number(words)
        shown = shown_choices(question, self.work())
        if number is not None and 1 <= number <= len(shown):
            return question.read(shown[number - 1].value)
        return self.read(question, self.work(), words)

    def crisis(self, concerns: frozenset[Concern], said: str, sure: bool = True) -> None:
        """Before anything else: the reply that fits, the lines, their own plan; then the
        safety question, while the conversation they were in waits, exactly as it was.
        A crisis only suspected (`crisis.Finding`) is met tentatively: "I may have misread
        you", the lines that fit, and the same safety question with "You misread me"."""
        sure = sure or Concern.EMERGENCY in concerns
        if self.person is None:  # nothing is kept before consent: no question to follow
            care, kinds = crisis_care.care_for(concerns, said, self.young())
            values = self.care_values(kinds, crisis_care.most(care, concerns))
            first = (
                [Msg(crisis_care.message_for(care, said), values)]
                if sure
                else self.suspected(care, concerns, said, kinds)
            )
            also = (*crisis_care.also_said(said, concerns, care), *self.which_country())
            self.say(*first, *also, Msg(self.before_consent(first[-1].key), values))
            return
        care, reply = self.care_reply(concerns, said, sure)
        answering = self.is_open() and self.conversation.flow != crisis_care.FLOW.name
        started = crisis_care.answer_besides(said) if answering else ""
        whole = clean(said) if answering and not sure else ""
        self.remember_young(said)
        self.interrupt(care.entry, *reply, started=clean(started), whole=whole,
                       act=crisis_care.act_for(concerns),
                       alarm=crisis_care.alarm_prints(said, self.person_id))  # fmt: skip

    def young(self) -> bool:
        """Whether what the person told of their goals says they are young: the child and
        youth lines fit then, whatever the crisis message says (`crisis_care.said_young`)."""
        if crisis_care.said_lately(self.conversation.care, crisis_care.YOUNG_SAID, self.now):
            return True
        told = (
            text
            for goal in self.goals.values()
            for text in (goal.text, goal.why, goal.reality_now, goal.reality_works,
                         goal.strengths, goal.obstacles, goal.reality_correction)
            if text
        )  # fmt: skip
        return crisis_care.said_young(told)

    def lines_asked(self, said: str) -> None:
        """Whom to call, asked: the lines that fit, then the open question, if any."""
        note = self.conversation.care
        kinds = crisis_care.lines_asked(note, said, self.now, self.young())
        self.remember_young(said)
        self.say_then_ask(Msg("move.who_to_call", self.care_values(kinds)))

    def remember_young(self, said: str) -> None:
        """ "jeg er 17", "min stedfar": the youth lines are offered for the rest of the day."""
        if crisis_care.said_young([said]):
            note = crisis_care.noted(self.conversation.care, crisis_care.YOUNG_SAID, self.now)
            self.conversation = self.conversation.model_copy(update={"care": note})

    def which_country(self) -> tuple[Msg, ...]:
        """Whose lines these are, and how to get their own, when where the person is
        has not been said, once a day (testers: a man in Aarhus writing English got the
        UK's lines, and his "this numbers is england? i am in denmark" went unheard)."""
        key = "crisis.which_country"
        note = self.conversation.care
        if self.country_known() or crisis_care.said_lately(note, key, self.now):
            return ()
        care = crisis_care.noted(note, key, self.now)  # said once a day
        self.conversation = self.conversation.model_copy(update={"care": care})
        return (Msg(key, {"country": self.lines_country()}),)

    def before_consent(self, key: str) -> str:
        """What follows a crisis reply before consent: that nothing was kept, and the
        emergency number unless the reply has just named it (testers: 112 twice in a
        row)."""
        named = "{emergency}" in str(self.catalogue.texts(self.language).get(key, ""))
        return "crisis.before_consent_named" if named else "crisis.before_consent"

    def suspected(
        self,
        care: crisis_care.Care,
        concerns: frozenset[Concern],
        said: str,
        kinds: tuple[str, ...],
    ) -> list[Msg]:
        """A crisis only suspected: said tentatively, with the few lines that fit; a lapse in
        its own words after "if I read you right" (what an old dose can do matters even then)."""
        if care.said_if_suspected:
            values = self.care_values(kinds, crisis_care.most(care, concerns))
            own = Msg(crisis_care.message_for(care, said), values)
            return [Msg(crisis_care.SUSPECTED_IF), own]
        return [Msg(crisis_care.SUSPECTED, self.care_values(kinds, crisis_care.SHORT_LINES))]

    def care_values(self, kinds: tuple[str, ...], most: int | None = None) -> dict[str, Param]:
        return {"helplines": self.helpline_text(kinds, most), "emergency": self.emergency_number()}

    def care_reply(
        self, concerns: frozenset[Concern], said: str = "", sure: bool = True
    ) -> tuple[crisis_care.Care, list[Msg]]:
        """The care chosen and its reply: in full, with its lines and their plan, when
        `crisis_care.unanswered` says so (once a day, an emergency always); else a caring
        line and the few lines that fit best: those of its concerns not offered today
        when there are some (the book lists lines in its own order), /safety has all.
        What was said chooses the wording (a lapse on what: `crisis_care.message_for`).
        Only suspected: tentative, with the few lines, and not noted as answered (a sure
        one later today gets the whole reply)."""
        young = self.young()
        care, kinds = crisis_care.care_for(concerns, said, young)
        if not sure:
            return care, [*self.suspected(care, concerns, said, kinds), *self.which_country()]
        note = self.conversation.care
        fresh = crisis_care.unanswered(concerns, said, note, self.now)
        others = [crisis_care.CARE[concern] for concern in crisis_care.CARE if concern in concerns]
        if fresh is None:  # the lines not offered today, if any: violence after a suicide reply
            unoffered = [crisis_care.CARE[concern] for concern in crisis_care.CARE
                         if concern in concerns and not crisis_care.covered(
                             frozenset({concern}), note, self.now)]  # fmt: skip
            kinds = crisis_care.kinds_for(unoffered or others, said, young)
            return care, [Msg(crisis_care.AGAIN, self.care_values(kinds, crisis_care.SHORT_LINES))]
        kinds = crisis_care.kinds_for([fresh, *others], said, young)  # what it says first, first
        message = crisis_care.message_for(fresh, said)
        self.conversation = self.conversation.model_copy(
            update={"care": crisis_care.noted(note, message, self.now)}
        )
        parts = [Msg(message, self.care_values(kinds, crisis_care.most(fresh, concerns)))]
        also = crisis_care.also_said(said, concerns, fresh)
        if Msg(crisis_care.ALSO_LAPSE) in also:
            note = crisis_care.noted(self.conversation.care, crisis_care.ALSO_LAPSE, self.now)
            self.conversation = self.conversation.model_copy(update={"care": note})
        parts += [*also, *self.which_country()]
        plan = self.person.safety_plan if self.person else None
        if plan is not None and fresh.show_plan:
            parts.append(Msg("safety.plan", safety.plan_parts(plan)))
        return fresh, parts

    def due_followup(self) -> None:
        """The day after a crisis: asked once how they are, if they still want it."""
        if self.person is None or self.person.followup_due is None:
            return
        self.person = self.person.model_copy(update={"followup_due": None})
        self.interrupt("how_today")

    def distress(self, *before: Msg) -> None:
        """A flow that ends in worry (a low WHO-5): the distress reply and the safety question."""
        care, reply = self.care_reply(frozenset({Concern.DISTRESS}))
        self.interrupt(care.entry, *before, *reply)

    def due_appointment(self) -> None:
        """The day before an appointment: the summary, once, and the question of an agenda."""
        if self.person is None:
            return
        work = self.work(appointment.FLOW)
        due = appointment.due_appointment(work)
        if due is None:
            return
        wait = self.summary_wait(due.at)
        if wait is not None:  # a new reminder, later
            sent = due.model_copy(update={"eve_due": (self.now + wait).replace(microsecond=0)})
        else:
            sent = due.model_copy(update={"eve_due": None, "summary_at": self.now})
        kept = tuple(sent if a.number == due.number else a for a in self.outcomes.appointments)
        self.outcomes = self.outcomes.model_copy(update={"appointments": kept})
        if sent.eve_due is not None:
            return
        resume = self.conversation if self.conversation.flow is not None else None
        self.start_flow(
            appointment.FLOW, *appointment.summary(work, due),
            draft={"entry": "eve", "appointment": due.number}, resume=resume,
        )  # fmt: skip

    def summary_wait(self, appointment_at: datetime) -> timedelta | None:
        """How long the summary before an appointment at `appointment_at` waits, if it
        comes in the middle of something: never in the middle of "Are you safe?" (a few
        hours), and after a check-in rather than on top of it (while there is time)."""
        if not self.is_open():
            return None
        if self.conversation.flow == crisis_care.FLOW.name:
            return appointment.EVE_WAIT
        in_checkin = self.conversation.flow in (checkin.FLOW.name, gas.RATE.name)
        time_left = appointment_at - self.now - appointment.CHECKIN_WAIT
        if in_checkin and time_left >= appointment.CHECKIN_WAIT_UNTIL:
            return appointment.CHECKIN_WAIT
        return None

    def due_measure(self) -> None:
        """A measure at the person's rhythm: offered, unless they are in a conversation
        (then a week later); a paused one is kept for after it."""
        if self.person is None:
            return
        if self.is_open():
            self.outcomes = measure.postponed(self.outcomes, self.now)
            return
        resume = self.conversation if self.conversation.flow is not None else None
        self.start_flow(measure.FLOW, draft={"entry": "due"}, resume=resume)

    def interrupt(
        self,
        entry: str,
        *before: Msg,
        started: str = "",
        whole: str = "",
        act: str = "crisis.act_on_thoughts",
        alarm: tuple[str, ...] | list[str] = (),
    ) -> None:
        """Open the crisis conversation at `entry`, keeping the one it interrupts.

        Its draft holds the numbers its messages name: the emergency number, and lines
        to talk to now (the first suicide and crisis lines, such as Samaritans, one open
        now first); and the answer they had `started` to the question it interrupted,
        quoted back when that question is asked again (never kept as the answer: crisis
        words are not filed); the `whole` answer, when the crisis was only suspected,
        offered back instead if they say it misread them; and the prints of what raised it
        (`crisis_care.ALARM`), with those of a reply it follows, remembered if they say it
        misread them. A reply within one that began with an emergency waits as the
        emergency did (no "You misread me" then).
        """
        conversation = self.conversation
        resume = conversation.resume if conversation.flow == crisis_care.FLOW.name else None
        if conversation.flow not in (None, crisis_care.FLOW.name):
            resume = conversation
        kinds = crisis_care.TALK_FOR.get(act, ("suicide",))
        young = (YOUNG,) if self.young() else ()
        talk = self.helpline_text((*kinds, *young), most=2)  # one open now first
        emergency = self.emergency_number()
        draft: dict[str, Any] = {"entry": entry, "emergency": emergency, "talk": talk, "act": act}
        if conversation.flow == crisis_care.FLOW.name:  # a crisis reply within one
            started = conversation.draft.get("started", "")
            if conversation.draft.get("entry") == "after_emergency" and entry == "safe_now":
                draft["entry"] = entry = "after_emergency"  # the emergency still stands
            alarm = [*conversation.draft.get(crisis_care.ALARM, ()), *alarm]
        if alarm:
            draft[crisis_care.ALARM] = list(dict.fromkeys(alarm))
        if started:
            draft["started"] = started
        if whole and resume is conversation:
            draft[WHOLE] = whole
        self.start_flow(crisis_care.FLOW, *before, draft=draft, resume=resume)

    def show_safety(self) -> None:
        if self.person is None:
            self.say(Msg("safety.helplines_only", {"helplines": self.helpline_text(None)}))
        else:
            self.open_aside(safety.FLOW)

    def due_checkin(self) -> None:
        """The weekly check-in time: start it, unless the person is in another conversation."""
        if self.person is None:
            return
        name = {"name": self.person.name or ""}
        if not checkin.checkable(self.goals):
            self.say(Msg("checkin.reminder_no_step", name))
        elif self.conversation.flow not in (None, checkin.FLOW.name, reminders.FLOW.name):
            # Open or paused, their place in another conversation is kept: they choose.
            # (Choosing the check-in time itself gives way: the time is kept once chosen.)
            self.say(Msg("checkin.reminder_busy", name))
        else:
            self.start_flow(checkin.FLOW, Msg("checkin.reminder", name), draft={"reminded": True})

    def command(self, event: Command) -> None:
        handler = _COMMANDS.get(event.name)
        if event.name == "newgoal":
            self.new_goal(event.args)
        elif event.name in _ASIDES:
            self.open_aside(_ASIDES[event.name], event.args)
        elif handler is not None:
            handler(self)
        else:
            self.say_then_ask(Msg("command.unknown", {"command": event.name[:32]}))

    # -- the commands ---------------------------------------------------------------

    def start(self) -> None:
        if self.person is None:
            self.ask_again(Msg("onboarding.welcome"))  # the only place the welcome is said
        elif self.conversation.flow is not None:
            self.conversation = self.conversation.model_copy(update={"paused": False})
            offer = self.conversation.draft.get(KEEP)
            if offer is not None and offer["ask"] == self.conversation.ask_id:  # still offered
                keep = _keep_offer(offer)
                self.say(self._named("start.welcome_back"), keep, choices=KEEP_CHOICES,
                         ask_id=self.conversation.ask_id)  # fmt: skip
                return
            self.arrive(self.flow(), self._named("start.welcome_back"))  # with its lead
        else:
            self.say(self._named("start.idle"))

    def _named(self, key: str) -> Msg:
        """ "Welcome back, Sam." or, before a name is chosen, "Welcome back." (a tester
        read "Welcome back, . Here's where we were:")."""
        name = self.person.name if self.person else None
        return Msg(key, {"name": name}) if name else Msg(f"{key}.unnamed")

    def open_after_consent(self, flow: Flow, *before: Msg) -> None:
        """Commands that open a conversation: only once the person has agreed."""
        if not self.needs_consent():
            self.start_flow(flow, *before)

    def open_aside(self, flow: Flow, said: str = "") -> None:
        """A command's own short conversation (/export, /reminders, /language, /safety).

        Opened in the middle of another conversation, that one waits in `resume`, open
        or paused as it was, and is taken up at the same question when this one ends.
        `said` may answer the first question at once: "/export json".
        """
        if self.needs_consent():
            return
        conversation = self.conversation
        resume = conversation if conversation.flow not in (None, flow.name) else None
        if conversation.flow == flow.name:
            resume = conversation.resume
        self.start_flow(flow, resume=resume)
        self.answer_with(clean(said))

    def answer_with(self, said: str) -> None:
        """The open question answered by words that came with its command, if they answer it.

        The whole words first, then each word where the question offers choices
        ("/export as a pdf please"); words that answer nothing leave the question asked.
        """
        question = self.question()
        tries = [said, *(said.split() if question.offered(self.work()) else ())]
        for words in filter(None, tries):
            try:
                value = self.read(question, self.work(), words)
            except InvalidAnswerError:
                continue
            self.replies.pop()
            self.answer(value)
            return

    def new_goal(self, said: str = "") -> None:
        """/newgoal, or /newgoal with the goal in the same words: then it is not asked again."""
        self.open_after_consent(grow.FLOW, Msg("grow.new"))
        goal = clean(said)
        if goal and self.person is not None and read_move(goal) is None:
            self.replies.pop()
            self.answer(check_length(goal))

    def show_goals(self) -> None:
        goals = [self.goals[n] for n in sorted(self.goals) if self.goals[n].status != "dropped"]
        if not goals:
            self.say(Msg("goals.none"))
        else:
            self.say(
                Msg("goals.heading"),
                *(self.describe(goal) for goal in goals),
                *self.attainment(goals),
                self.next_checkin(),
            )
        self.ask_again_if_open()

    def check_in(self) -> None:
        if self.needs_consent():
            return
        if not checkin.checkable(self.goals):
            self.say_then_ask(Msg("checkin.nothing"))
        else:
            self.start_flow(checkin.FLOW)

    def needs_consent(self) -> bool:
        """Before consent there is nothing to show or change: say so, and ask for it."""
        if self.person is None:
            self.say(Msg("consent.needed"))
            self.ask_again()
        return self.person is None

    def my_data(self) -> None:
        if self.person is None:
            self.say(Msg("mydata.nothing"))
            return
        goals = self.goals.values()
        counts: dict[str, Param] = {
            "name": self.person.name or "-",
            "goals": _counted("goals", len(goals)),
            "steps": _counted("steps", sum(len(goal.steps) for goal in goals)),
            "checkins": _counted("checkins", sum(len(goal.checkins) for goal in goals)),
            "since": self.person.consented_at.astimezone(self.zone()).date(),
            "schedule": reminders.describe(self.schedule)
            if self.schedule
            else Msg("mydata.no_schedule"),
            "outcomes": self.kept_outcomes(),
            **self.kept_safety(),
        }
        self.say_then_ask(Msg("mydata", counts))

    def kept_safety(self) -> dict[str, Param]:
        """Lines of /mydata for the safety plan and a follow-up asked for, when there are."""
        person = self.person
        plan = person.safety_plan if person else None
        due = person.followup_due if person else None
        lines: dict[str, Param] = {"safety_plan": "", "followup": ""}
        if plan is not None:
            updated = plan.updated_at.astimezone(self.zone()).date()
            lines["safety_plan"] = Msg("mydata.safety_plan", {"date": updated})
        if due is not None:
            lines["followup"] = Msg("mydata.followup", {"when": due.astimezone(self.zone())})
        return lines

    def kept_outcomes(self) -> Param:
        """A line of /mydata for the outcome records there are ("" when there are none)."""
        kept = self.outcomes
        counts = {
            "ratings": len(kept.ratings), "measures": len(kept.responses),
            "appointments": len(kept.appointments), "scales": len(kept.scales),
        }  # fmt: skip
        parts = [_counted(kind, count) for kind, count in counts.items() if count]
        if not parts:
            return ""
        found: Param = parts[-1]
        if len(parts) > 1:
            found = Msg("mydata.and", {"a": parts[-2], "b": found})
        for part in reversed(parts[:-2]):
            found = Msg("appointment.and", {"a": part, "b": found})
        return Msg("mydata.outcomes", {"counts": found})

    def cancel(self) -> None:
        if self.person is None:
            self.say(Msg("onboarding.declined"))
        elif self.is_open():
            self.conversation = self.conversation.model_copy(update={"paused": True})
            self.say(Msg("cancel.done"))
        else:
            self.say(Msg("cancel.nothing"))

    def help(self) -> None:
        self.say(Msg("help", {"helplines": self.helpline_text()}))
        self.ask_again_if_open()

    # -- flows ----------------------------------------------------------------------

    def is_open(self) -> bool:
        return self.conversation.flow is not None and not self.conversation.paused

    def flow(self) -> Flow:
        return FLOWS[self.conversation.flow or ""]

    def question(self) -> Question:
        question = self.flow().question(self.conversation.step)
        if question is None:
            raise RuntimeError("the conversation is not at a question")
        return question

    def work(self, flow: Flow | None = None) -> Work:
        """This turn's records as `flow`'s machine sees them: a view, made once per flow."""
        flow = flow or self.flow()
        if flow.name not in self.views:
            self.views[flow.name] = flow.work(self, flow.lines)
        return self.views[flow.name]

    def read(self, question: Question, work: Work, text: str) -> Any:
        """The value `text` gives the question: a choice by label or number, or its own words."""
        choices = question.offered(work)
        labels = [self.catalogue.render(choice.label, self.language) for choice in choices]
        wanted = comparable(text)
        for choice, label in zip(choices, labels, strict=True):
            if wanted and wanted == comparable(label):
                return question.read(choice.value)
        on_screen = shown_choices(question, work)
        shown = [at for at, choice in enumerate(choices) if choice in on_screen]
        said = label_begun(text, [labels[at] for at in shown])
        if said is None and question.in_words:  # "den sidste" of the choices shown
            said = match_choice(text, [labels[at] for at in shown])
        if said is not None:
            return question.read(choices[shown[said]].value)
        number = int(text) if _NUMBER.fullmatch(text) else None
        if number is not None and not is_scale(labels) and 1 <= number <= len(shown):
            return question.read(choices[shown[number - 1]].value)
        if number is not None and choices and question.read is free_text:
            key = "invalid.choice" if len(choices) > 1 else "invalid.only_choice"
            raise InvalidAnswerError(key, {"count": len(choices)})
        try:
            return question.read(check_length(text))
        except InvalidAnswerError:
            first = comparable(_FIRST_CLAUSE.split(text.strip(), maxsplit=1)[0])
            for choice, label in zip(choices, labels, strict=True):  # "Ingen påmindelser, tak.
                opening = _FIRST_CLAUSE.split(label, maxsplit=1)[0]  # Poul kigger i min
                if len(opening.split()) > 1 and first == comparable(opening):  # telefon."
                    return question.read(choice.value)
            if question.said_as is None:
                raise
            return self.said_as(question, work, text, labels)

    def said_as(self, question: Question, work: Work, text: str, labels: list[str]) -> Any:
        """A choice named in everyday words ("aldrig", "3 ish men lidt bedre"); two that
        fit equally are offered alone (`BETWEEN`), and asked between."""
        extra = question.said_as(work) if question.said_as else {}
        choices = question.offered(work)
        said_as = {
            choice.value: (label, *extra.get(choice.value, ()))
            for choice, label in zip(choices, labels, strict=True)
        }
        found = closest(text, said_as)
        if len(found) == 1:
            return question.read(found[0])
        if len(found) == 2:
            work.draft[BETWEEN] = list(found)
            first, second = (labels[list(said_as).index(value)] for value in found)
            raise InvalidAnswerError("invalid.between", {"first": first, "second": second})
        return question.read(text)  # its own kind word about the buttons

    def answer(self, value: Any, *before: Msg) -> None:
        """Keep the answer (unless the question was skipped), move on, and ask what is next."""
        self.answered = True
        flow, question, work = self.flow(), self.question(), self.work()
        if question.save is not None and value is not listening.SKIP:
            question.save(work, value)  # a saver refuses (InvalidAnswerError) before it changes
        before = (*before, *self.said_back)
        self.said_back = []
        work.draft.pop(listening.HEARD, None)
        work.draft.pop(BETWEEN, None)
        if flow.back is not None:
            work.draft[ANSWERED] = [*work.draft.get(ANSWERED, []), question.name]
        work.answer = value
        flow.advance(work)
        ending = flow.ending(work.state)
        if ending is None:
            self.asking()
            self.arrive(flow, *before)
            return
        if ending.finish is not None:
            ending.finish(work)  # it may say something after the closing message
        closing = (*before, Msg(ending.message, flow.params(work)), *self.said_back)
        self.said_back = []
        then = ending.next_flow(work)
        passed = ending.passes(work) if ending.passes else None
        resume = self.conversation.resume
        started = work.draft.get("started") if flow is crisis_care.FLOW else None
        misread = flow is crisis_care.FLOW and ending.name == crisis_care.MISREAD
        whole = work.draft.get(WHOLE) if misread else None  # misread: none of it was a risk
        care = self.conversation.care  # kept across conversations
        self.conversation = Conversation(ask_id=self.conversation.ask_id, care=care)
        if then == crisis_care.FLOW.name:
            self.distress(*closing)
        elif then is not None:
            self.start_flow(FLOWS[then], *closing, draft=passed, resume=resume)
        elif resume is not None:
            gentle = flow is crisis_care.FLOW and ending.name != crisis_care.MISREAD
            back = "crisis.go_on" if gentle else "resume.back"
            self.take_up(resume, *closing, Msg(back), started=whole or started, cut=not whole)
        else:
            self.say(*closing)

    def go_back(self) -> None:
        """ "go back": the question answered before this one, asked again; its new answer
        takes the old one's place (a tester's "go back" was kept as why the goal mattered)."""
        flow, work = self.flow(), self.work()
        answered = work.draft.get(ANSWERED, [])
        target = flow.back_to(answered[-1]) if answered else None
        if target is None:
            self.ask_again(Msg("move.back_none"))
            return
        work.draft[ANSWERED] = answered[:-1]
        work.state = target
        self.asking()
        self.ask_again(Msg("move.back"))

    def arrive(self, flow: Flow, *before: Msg) -> None:
        """Ask the question just reached, or come back to, after its lead (said only then:
        not when it is asked again after an answer it could not take)."""
        lead = self.question().lead
        if lead is not None:
            before = (*before, Msg(lead, flow.params(self.work(flow))))
        self.ask_again(*before)

    def take_up(
        self, resume: Conversation, *before: Msg, started: str | None = None, cut: bool = True
    ) -> None:
        """Back to the conversation a crisis or a command interrupted, at the same question.

        The last of `before` leads back to the question ("Here's where we were:"), so it
        is said only when the conversation is open; a paused one waits for /start. The
        answer they had `started` when a crisis interrupted is quoted back, saying that
        the sentence with the risk was left out (never a silent cut): at a question in
        their own words it is offered to keep, with buttons, and the question is asked
        only after (`KEEP`, `kept_answer`: one question a message); else only said.
        """
        self.conversation = resume.model_copy(
            update={"ask_id": self.conversation.ask_id + 1, "asked_at": self.now,
                    "care": self.conversation.care}
        )  # fmt: skip
        if started and self.is_open():
            said = _started_said(started)
            if self.question().offered(self.work()):
                key = "crisis.started" if cut else "crisis.started_whole"
                before = (*before[:-1], Msg(key, said), before[-1])
            else:  # one question at a time: to keep it, then (if not) the question
                keep = {"ask": self.conversation.ask_id, "text": started, "cut": cut}
                draft = {**self.conversation.draft, KEEP: keep}
                self.conversation = self.conversation.model_copy(update={"draft": draft})
                self.say(*before[:-1], _keep_offer(keep), choices=KEEP_CHOICES,
                         ask_id=self.conversation.ask_id)  # fmt: skip
                return
        if self.is_open():
            self.arrive(self.flow(), *before)  # its lead too: "Shall we try it?" needs it
        else:
            self.say(*before[:-1])

    def asking(self, **changes: Any) -> None:
        """A new question is asked: it gets a new id, and the conversation is open."""
        update = {**changes, "paused": False, "ask_id": self.conversation.ask_id + 1,
                  "asked_at": self.now}  # fmt: skip
        self.conversation = self.conversation.model_copy(update=update)

    def start_flow(
        self,
        flow: Flow,
        *before: Msg,
        draft: dict[str, Any] | None = None,
        resume: Conversation | None = None,
    ) -> None:
        """Open `flow` at its first question; `resume` is what to take up when it ends."""
        self.conversation = self.conversation.model_copy(
            update={"flow": flow.name, "step": None, "draft": draft or {}, "resume": resume}
        )
        self.asking(step=flow.start(self.work(flow)))
        self.arrive(flow, *before)

    # -- replies --------------------------------------------------------------------

    def say(
        self, *parts: Msg, choices: tuple[Choice, ...] = (), ask_id: int | None = None
    ) -> None:
        self.replies.append(Reply(parts=parts, choices=choices, ask_id=ask_id))

    def question_reply(self, *before: Msg, again: bool = False) -> Reply:
        """The open question, as its prompt says (after `before`, if any); asked `again`
        after a move ("idk", "what?"), in its short form where it has one (a tester who
        said "idk" three times read "Let's look at possibilities…" four times)."""
        flow, question, work = self.flow(), self.question(), self.work()
        short = f"{question.prompt}.again"
        key = short if again and self.has_words(short) else question.prompt
        prompt = Msg(key, flow.params(work))
        return Reply(
            parts=(*before, prompt),
            choices=shown_choices(question, work),
            ask_id=self.conversation.ask_id,
        )

    def ask_again(self, *before: Msg) -> None:
        self.replies.append(self.question_reply(*before))

    def say_then_ask(self, message: Msg) -> None:
        """A short word, with the open question (if any) in the same message."""
        if self.person is not None and self.is_open():
            self.ask_again(message)
        else:
            self.say(message)

    def ask_again_if_open(self) -> None:
        if self.person is not None and self.is_open():
            self.ask_again()

    def describe(self, goal: Goal) -> Msg:
        area = goal.area_own_words or Msg(f"area.{goal.area.value}")
        step = goal.current_step
        if step is not None and step.status != "planning":
            detail = Msg("goals.step", {"step": step.text, "when": step.when or "-"})
        else:
            detail = Msg("goals.unfinished")
        rated = [checkin for checkin in goal.checkins if checkin.progress is not None]
        progress: Param = ""
        if rated:
            latest = rated[-1]
            when = latest.at.astimezone(self.zone()).date()
            progress = Msg("goals.progress", {"progress": latest.progress or 0, "date": when})
        values: dict[str, Param] = {"number": goal.number, "area": area, "goal": goal.text,
                                    "detail": detail, "progress": progress}  # fmt: skip
        return Msg("goals.item", values)

    def attainment(self, goals: list[Goal]) -> tuple[Msg, ...]:
        """Each goal's latest level in the person's words, and the T-score in plain words."""
        scales, ratings = self.outcomes.scales, self.outcomes.ratings
        latest = outcomes.latest_levels(scales, ratings, [goal.number for goal in goals])
        if not latest:
            return ()
        lines = []
        for number, scored in sorted(latest.items()):
            scale = outcomes.scale_of(scales, number)
            words = scale.words().get(scored.level, "") if scale else ""
            lines.append(
                Msg(
                    "goals.gas_level",
                    {
                        "number": number,
                        "words": words,
                        "level": outcomes.plain_level(scored.level),
                    },
                )
            )
        return (*lines, outcomes.describe_t(outcomes.t_score(latest.values())))  # fmt: skip

    def next_checkin(self) -> Msg:
        schedule = self.schedule
        if schedule is not None and schedule.paused:
            return Msg("goals.checkins_paused")
        if schedule is None or schedule.next_due is None:
            return Msg("goals.no_checkin")
        return Msg("goals.next_checkin", {"when": schedule.next_due.astimezone(self.zone())})


@dataclass(frozen=True)
class CommandEntry:
    """One command: its name, what it does, and the catalogue key of its menu line.

    `COMMANDS` is the one list: the engine dispatches from it, Telegram's menu is made
    from it (in its order, those `in_menu`), and the tests check /help and the
    catalogues against it. A command either runs (`run`) or opens its own short
    conversation aside (`aside`), which keeps the one it interrupts (see `open_aside`).
    """

    name: str
    run: Callable[[_TurnInProgress], None] | None = None
    aside: Flow | None = None
    in_menu: bool = True

    @property
    def menu_key(self) -> str:
        return f"menu.{self.name}"


COMMANDS: tuple[CommandEntry, ...] = (
    CommandEntry("start", _TurnInProgress.start),
    CommandEntry("newgoal", _TurnInProgress.new_goal),
    CommandEntry("goals", _TurnInProgress.show_goals),
    CommandEntry("checkin", _TurnInProgress.check_in),
    CommandEntry("reminders", aside=reminders.FLOW),
    CommandEntry("appointment", lambda turn: turn.open_after_consent(appointment.FLOW)),
    CommandEntry("wellbeing", lambda turn: turn.open_after_consent(measure.FLOW)),
    CommandEntry("safety", _TurnInProgress.show_safety),
    CommandEntry("export", aside=privacy.EXPORT),
    CommandEntry("mydata", _TurnInProgress.my_data),
    CommandEntry("delete", aside=privacy.DELETE),
    CommandEntry("language", aside=language.FLOW),
    CommandEntry("cancel", _TurnInProgress.cancel),
    CommandEntry("help", _TurnInProgress.help),
    CommandEntry("measures", lambda turn: turn.open_after_consent(measure.FLOW), in_menu=False),
)
"""In the order Telegram's menu shows them; /measures is another name for /wellbeing."""
_COMMANDS = {command.name: command.run for command in COMMANDS if command.run is not None}


_ASIDES = {command.name: command.aside for command in COMMANDS if command.aside is not None}
"""Commands whose short conversation keeps the one it interrupts (see `open_aside`)."""

NOTHING_CHARS = 40


def _said_nothing(words: str) -> Move | None:
    """ "lol", "haha", "?" alone: never kept (a tester's "lol" was where they stood, and
    "?" their first idea). A question mark asks what the question means; the others are
    met as "I don't know": an example, and then a way on."""
    if len(words) > NOTHING_CHARS:
        return None  # "x" * 5000 is too long, not nothing
    if only_fillers(words):
        return Move.DONT_KNOW
    if not any(character.isalnum() for character in words):
        return Move.QUESTION if "?" in words else None
    return None


_NUMBER = re.compile(r"\d{1,6}")
BETWEEN = "between"
"""The draft's two choices an answer fitted equally: offered alone until one is chosen."""
_SWITCH = {Move.IN_ENGLISH: "en", Move.IN_DANISH: "da"}
"""Moves that ask for the other language: kept with the person, as /language does."""
_ASKED_AFTER = {
    Move.JUDGING: "move.judging",
    Move.ADVICE: "move.advice_after",
    Move.REAL_PERSON: "move.real_person",
    Move.PRIVACY: "move.privacy",
}
"""A question to the coach after an answer: the answer kept, the question answered."""
_WITH_A_REASON = (Move.SKIP, Move.NOT_NOW)
"""Moves that stay moves with a reason after them ("skip, i'm tired"); so does a keep,
where the question has a keep ("Och, I'll keep it as it is. It's only a phone call")."""
_FIRST_CLAUSE = re.compile(r"[,.;:!?\n]")
"""Where a button's words said first end ("No reminders, thanks. He reads my phone.")."""
_COMMAND = re.compile(r"/(\w+)(?:@\w+)?(?:\s+(.*))?", re.DOTALL)


def shown_choices(question: Question, work: Work) -> tuple[Choice, ...]:
    """The choices offered: the two an answer fitted equally (`BETWEEN`), or all."""
    choices = question.offered(work)
    between = tuple(c for c in choices if c.value in work.draft.get(BETWEEN, ()))
    return between or choices


def _counted(kind: str, count: int) -> Msg:
    """ "1 goal", "2 goals": a count said with the plural form its language gives it."""
    return Msg(f"count.{kind}", {"count": count})


def parse_command(text: str) -> Command | None:
    """`/name@bot args` as a Command; None when the text is not one (such as "/ maybe")."""
    match = _COMMAND.fullmatch(text.strip())
    if match is None:
        return None
    return Command(name=match.group(1).casefold(), args=(match.group(2) or "").strip())
