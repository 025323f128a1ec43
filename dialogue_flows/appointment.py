"""The next appointment, in words; the day before, a summary and the person's own agenda.

/appointment asks when the next appointment with their worker is ("next Tuesday at
10", "on the 14th at half 2", "tirsdag d. 14. kl. 10"). The day before, at the person's
check-in hour (18:00 if they have none), the reminder loop sends a short summary since
the last appointment (goals, steps and how they went, goal attainment levels, measure
scores) and asks "Is there anything you want to raise with your worker?": the answer is
kept as their agenda, and they may have it all as a PDF to share.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from dialogue_flows import grow
from dialogue_flows.answers import InvalidAnswerError
from dialogue_flows.flow import Ending, Flow, Question, Work, answer_is
from dialogue_flows.measures import measures
from dialogue_flows.outcome_records import Appointment
from dialogue_flows.outcomes import (
    by_goal,
    describe_t,
    latest_levels,
    plain_level,
    scale_of,
    t_score,
    yes_or_no_choice,
)
from dialogue_flows.types import Choice, Msg, Param
from dialogue_flows.weekly import _day

EVE_HOUR = 18
"""The summary's hour for someone without a weekly check-in."""
EVE_WAIT = timedelta(hours=3)
"""How long the summary waits when it comes while the person is in a crisis conversation."""
CHECKIN_WAIT = timedelta(hours=1)
"""How long the summary waits when it comes in the middle of a check-in. Due at the
check-in hour, it comes with the weekly check-in itself whenever the appointment is the
day after it; on top of it, the answer to "How did it go?" would be taken as the agenda."""
CHECKIN_WAIT_UNTIL = timedelta(hours=12)
"""A check-in left open never keeps the summary back into the last 12 hours before the
appointment: then it comes anyway, and the check-in is asked again after it."""

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan", "januar"), ("february", "feb", "februar"), ("march", "mar", "marts"),
         ("april", "apr"), ("may", "maj"), ("june", "jun", "juni"), ("july", "jul", "juli"),
         ("august", "aug"), ("september", "sep", "sept"), ("october", "oct", "oktober", "okt"),
         ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}  # fmt: skip
_RELATIVE = {"today": 0, "idag": 0, "tomorrow": 1, "imorgen": 1, "overmorgen": 2}
_NEXT_WEEK = re.compile(
    # "next week on tuesday", "tuesday next week", "tirsdag i næste uge", "næste uge tirsdag"
    r"\bnext\s+week\s+(?:on\s+)?(\w+)|\b(\w+)\s+next\s+week\b"
    r"|\b(\w+)\s+i\s+næste\s+uge\b|\bnæste\s+uge\s+(?:på\s+)?(\w+)"
)
_WEEK_LATER = re.compile(
    # UK "a week on tuesday", "tuesday week"; "tirsdag om en uge", "om en uge på tirsdag"
    r"\ba\s+week\s+(?:on\s+)?(\w+)|\b(\w+)\s+week\b"
    r"|\b(\w+)\s+om\s+(?:en\s+uge|otte\s+dage|8\s+dage)\b|\bom\s+en\s+uge\s+(?:på\s+)?(\w+)"
)
_NEXT_DAY = re.compile(
    # "next thursday", "næste torsdag": that day of next week (on a Wednesday, not tomorrow)
    r"\b(?:next|næste)\s+(\w+)"
)
_MONTH_WORD = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_OF_MONTH = re.compile(
    # "the 14th (of March)", "d. 14.", "den 14. marts", "14 March", "14. marts"
    rf"\b(?:(?:d\.|den)\s*(\d{{1,2}})\.?|(\d{{1,2}})(?:st|nd|rd|th)\b"
    rf"|(\d{{1,2}})\.?(?=\s+(?:of\s+)?(?:{_MONTH_WORD})\b))"
    rf"(?:\s+(?:of\s+)?({_MONTH_WORD})\b)?"
)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?\b(?![:.]\d)")
_HALF = re.compile(r"\b(half|halv)\s+(\d{1,2}|[a-zæøå]+)\b")
_QUARTER = re.compile(r"\b(?:a\s+)?(quarter|kvart)\s+(past|over|to|i)\s+(\d{1,2})\b")
_CLOCK = re.compile(
    r"(?:\bkl\.?\s*|\bklokken\s+|\bat\s+)?\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\b"
)
_HOUR_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "et": 1, "to": 2,
               "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10,
               "elleve": 11, "tolv": 12}  # fmt: skip


def read_when(text: str, now: datetime) -> datetime:
    """The appointment's local date and time from words; raises if either is missing."""
    words = text.casefold().replace("i dag", "idag").replace("i morgen", "imorgen")
    day, rest = _read_day(words, now.date())
    clock = _read_clock(rest)
    if day is None or clock is None:
        raise InvalidAnswerError("invalid.appointment")
    moment = datetime.combine(day, clock, tzinfo=now.tzinfo)
    if moment <= now:
        raise InvalidAnswerError("invalid.appointment_past")
    return moment


def _read_day(words: str, today: date) -> tuple[date | None, str]:
    """The date the words name, and the words left for the time."""
    numeric = _NUMERIC_DATE.search(words)
    if numeric and not re.search(r"\d[:.]\d{2}\b", numeric.group(0) + " "):
        day, month = int(numeric.group(1)), int(numeric.group(2))
        found = _next_date(today, day, month)
        return found, words[: numeric.start()] + words[numeric.end() :]
    for match in _DAY_OF_MONTH.finditer(words):
        number = next(group for group in match.groups()[:3] if group)
        found = _next_date(today, int(number), _MONTHS.get(match.group(4) or ""))
        if found is not None:
            return found, words[: match.start()] + " " + words[match.end() :]
    for pattern, week_of in (
        (_NEXT_WEEK, _in_next_week),
        (_WEEK_LATER, _a_week_after),
        (_NEXT_DAY, _in_next_week),
    ):
        for match in pattern.finditer(words):
            weekday = _day(next(group for group in match.groups() if group))
            if weekday is not None:
                rest = words[: match.start()] + " " + words[match.end() :]
                return week_of(today, weekday), rest
    tokens = re.findall(r"\w+", words)
    for token in tokens:
        if token in _RELATIVE:
            return today + timedelta(days=_RELATIVE[token]), words.replace(token, " ")
        weekday = _day(token)
        if weekday is not None:
            return _coming(today, weekday), words.replace(token, " ")
    return None, words


def _coming(today: date, weekday: int) -> date:
    """The first such weekday after today ("tuesday", "next tuesday", "på tirsdag")."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _a_week_after(today: date, weekday: int) -> date:
    """ "A week on Tuesday" (said in Scotland and England), "tirsdag om en uge": a week
    after the coming Tuesday."""
    return _coming(today, weekday) + timedelta(days=7)


def _in_next_week(today: date, weekday: int) -> date:
    """ "Tuesday next week", "tirsdag i næste uge": that day of the calendar week after
    this one (weeks start on Monday, as in the UK and Denmark)."""
    return today + timedelta(days=7 - today.weekday() + weekday)


def _next_date(today: date, day: int, month: int | None) -> date | None:
    """The first such date from today on: this month or the next, this year or the next."""
    for step in range(13):
        year, month_now = divmod(today.month - 1 + step, 12)
        wanted = month or month_now + 1
        try:
            found = date(today.year + year, wanted, day)
        except ValueError:
            continue
        if found >= today:
            return found
        if month is not None:
            try:
                return date(today.year + 1, month, day)
            except ValueError:
                return None
    return None


def _hour_of(token: str) -> int | None:
    return int(token) if token.isdigit() else _HOUR_WORDS.get(token)


def _read_clock(words: str) -> time | None:
    """A time of day: "10", "kl. 10", "10:30", "2pm", "half 2" (2:30), "halv 3" (2:30)."""
    hour: int | None
    minute = 0
    if half := _HALF.search(words):
        hour = _hour_of(half.group(2))
        if hour is None:
            return None
        hour, minute = (hour - 1, 30) if half.group(1) == "halv" else (hour, 30)
    elif quarter := _QUARTER.search(words):
        hour = int(quarter.group(3))
        hour, minute = (hour, 15) if quarter.group(2) in {"past", "over"} else (hour - 1, 45)
    elif clock := _CLOCK.search(words):
        hour, minute = int(clock.group(1)), int(clock.group(2) or 0)
        if clock.group(3) == "pm" and hour < 12:
            hour += 12
        elif clock.group(3) == "am":
            return time(hour % 12, minute) if hour <= 12 and minute < 60 else None
    else:
        return None
    if 1 <= hour <= 7:
        hour += 12  # "at 2" for an appointment is in the afternoon
    return time(hour, minute) if 0 <= hour <= 23 and minute < 60 else None


class AppointmentWork(Work):
    is_right = answer_is("yes")
    wants_pdf = answer_is("yes")

    def appointment(self) -> Appointment | None:
        number = self.draft.get("appointment")
        found = [a for a in self.outcomes.appointments if a.number == number]
        return found[0] if found else None

    def put(self, appointment: Appointment) -> None:
        kept = tuple(a for a in self.outcomes.appointments if a.number != appointment.number)
        self.outcomes = self.outcomes.model_copy(update={"appointments": (*kept, appointment)})


def _work(work: Work) -> AppointmentWork:
    if not isinstance(work, AppointmentWork):
        raise TypeError("appointment savers need AppointmentWork")
    return work


def eve_of(work: AppointmentWork, at: datetime) -> datetime:
    """The day before at the check-in hour; sooner if that has passed already."""
    zone = work.zone()
    hour, minute = (work.schedule.hour, work.schedule.minute) if work.schedule else (EVE_HOUR, 0)
    local_day = at.astimezone(zone).date() - timedelta(days=1)
    eve = datetime.combine(local_day, time(hour, minute), tzinfo=zone)
    return max(eve, work.now).astimezone(ZoneInfo("UTC")).replace(microsecond=0)


def save_when(work: Work, answer: Any) -> None:
    """Read the words in the person's zone; they are kept once the person says it is right."""
    at = read_when(str(answer), work.now.astimezone(_work(work).zone()))
    work.draft.update(at=at.isoformat(), words=grow.shorten(str(answer), 200))


def save_confirm(work: Work, answer: Any) -> None:
    """Right: the appointment is kept (an earlier one's summary is no longer due)."""
    found = _work(work)
    at, words = work.draft.pop("at", None), work.draft.pop("words", "")
    if answer != "yes" or at is None:
        return
    moment = datetime.fromisoformat(at)
    number = 1 + max((a.number for a in found.outcomes.appointments), default=0)
    earlier = tuple(a.model_copy(update={"eve_due": None}) for a in found.outcomes.appointments)
    found.outcomes = found.outcomes.model_copy(update={"appointments": earlier})
    found.put(Appointment(number=number, at=moment.astimezone(ZoneInfo("UTC")), words=words,
                          created_at=work.now, eve_due=eve_of(found, moment)))  # fmt: skip
    work.draft["appointment"] = number


def save_agenda(work: Work, answer: Any) -> None:
    found = _work(work)
    appointment = found.appointment()
    if appointment is not None and answer != "nothing":
        agenda = "\n".join(filter(None, (appointment.agenda, grow.shorten(str(answer), 800))))
        found.put(appointment.model_copy(update={"agenda": agenda}))


def save_pdf(work: Work, answer: Any) -> None:
    if answer == "yes":
        work.export_format = "summary"


def params(work: Work) -> Mapping[str, Param]:
    found: dict[str, Param] = {"name": work.person.name or "" if work.person else "",
                               "when": "", "agenda": "-"}  # fmt: skip
    appointment = _work(work).appointment()
    if appointment is not None:
        found["when"] = appointment.at.astimezone(_work(work).zone())
        found["agenda"] = appointment.agenda or "-"
    elif isinstance(work.draft.get("at"), str):
        found["when"] = datetime.fromisoformat(work.draft["at"])
    return found


def entry(work: Work) -> str:
    return "agenda" if work.draft.get("entry") == "eve" else "when"


NOTHING = (Choice("nothing", Msg("choice.nothing_this_time")),)
YES_NO = (Choice("yes", Msg("choice.yes")), Choice("no", Msg("choice.no")))
PDF_CHOICES = (Choice("yes", Msg("choice.yes_please")), Choice("no", Msg("choice.no_thanks")))

FLOW = Flow(
    name="appointment",
    work=AppointmentWork,
    questions=(
        Question("when", "appointment.when", save=save_when),
        Question("confirm", "appointment.confirm", choices=YES_NO, read=yes_or_no_choice,
                 save=save_confirm),
        Question("agenda", "appointment.agenda", choices=NOTHING, save=save_agenda),
        Question("pdf", "appointment.pdf", choices=PDF_CHOICES, read=yes_or_no_choice,
                 save=save_pdf),
    ),
    endings=(
        Ending("recorded", "appointment.recorded"),
        Ending("prepared", "appointment.prepared"),
    ),
    transitions=[
        {"trigger": "answer", "source": "when", "dest": "confirm"},
        {"trigger": "answer", "source": "confirm", "dest": "recorded", "conditions": "is_right"},
        {"trigger": "answer", "source": "confirm", "dest": "when"},
        {"trigger": "answer", "source": "agenda", "dest": "pdf"},
        {"trigger": "answer", "source": "pdf", "dest": "prepared"},
    ],
    params=params,
    entry=entry,
    entries=("agenda",),
)  # fmt: skip


# -- the summary the day before -------------------------------------------------------


def summary(work: Work, appointment: Appointment) -> tuple[Msg, ...]:
    """Since the last appointment: goals, steps and how they went, levels, measure scores."""
    zone = _work(work).zone()
    earlier = [a.at for a in work.outcomes.appointments if a.at < appointment.at]
    since = max(earlier) if earlier else None
    parts = [Msg("appointment.summary", {"when": appointment.at.astimezone(zone)})]
    levels = by_goal(work.outcomes.ratings)
    active = [g for g in sorted(work.goals.values(), key=lambda g: g.number)
              if g.status in {"active", "achieved"}]  # fmt: skip
    for goal in active:
        checkins = [c for c in goal.checkins if since is None or c.at > since]
        step = goal.current_step
        latest = levels.get(goal.number, [])
        scale = scale_of(work.outcomes.scales, goal.number)
        level: Param = ""
        if latest and scale is not None:
            last = latest[-1].level
            words = scale.words().get(last, "")
            level = Msg("appointment.summary_level", {"level": plain_level(last), "words": words})
        parts.append(Msg("appointment.summary_goal", {
            "goal": grow.shorten(goal.text), "step": grow.shorten(step.text) if step else "-",
            "checkins": len(checkins), "went": _went(checkins), "level": level,
        }))  # fmt: skip
    numbers = [g.number for g in active]
    score = t_score(latest_levels(work.outcomes.scales, work.outcomes.ratings, numbers).values())
    if score is not None:
        parts.append(describe_t(score))
    for response in work.outcomes.responses:
        if since is None or response.at > since:
            measure = measures()[response.measure]
            parts.append(Msg("appointment.summary_measure", {
                "title": measure.title.get(work.language, measure.title["en"]),
                "score": response.score, "maximum": measure.maximum,
                "date": response.at.astimezone(zone).date(),
            }))  # fmt: skip
    return tuple(parts)


def _went(checkins: list[Any]) -> Param:
    """How the steps went, counted: "done 2, partly 1"."""
    if not checkins:
        return Msg("appointment.no_checkins")
    counts: dict[str, int] = {}
    for checkin in checkins:
        counts[checkin.outcome] = counts.get(checkin.outcome, 0) + 1
    parts = [Msg("appointment.went_count", {"outcome": Msg(f"pdf.outcome.{o}"), "count": n})
             for o, n in counts.items()]  # fmt: skip
    found: Param = parts[0]
    for part in parts[1:]:
        found = Msg("appointment.and", {"a": found, "b": part})
    return found


def due_appointment(work: Work) -> Appointment | None:
    """The appointment whose summary is due now (the reminder loop claimed it)."""
    due = [
        a for a in work.outcomes.appointments if a.eve_due is not None and a.eve_due <= work.now
    ]
    return due[-1] if due else None
