"""Choosing the weekly check-in: a day, an hour, the person's time zone, or no reminders.

Offered once at the end of a first plan, and any time with /reminders, which also
shows the current time and can change it (by its button, or by saying the new day or
time at once), pause it, or turn it off. A day and a time
written together ("Monday 18:00", "mandag kl. 18") skip the hour question; the time
zone is asked only once, and the service's own zone is offered first. The check-in
is kept as soon as it is chosen, then said back ("Is that the right time?"), so a time
put right after it ("actually 8pm", "nej kl 20") replaces it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, NamedTuple

from dialogue_flows.answers import InvalidAnswerError, OneOf, phrase_list, word_list
from dialogue_flows.flow import Ending, Flow, Question, Work, answer_is
from dialogue_flows.moves import Move, read_move
from dialogue_flows.records import Schedule
from dialogue_flows.types import Choice, Msg, Param
from dialogue_flows.weekly import (
    WeeklyTime,
    named_place,
    read_region,
    read_timezone,
    read_weekly,
)
from dialogue_flows.words import fold, words

HOURS = (9, 12, 15, 18, 20)
OFFERED_ZONES = ("Europe/London", "Europe/Copenhagen")
KNOWN_ZONES = {"Europe/London": "uk", "Europe/Copenhagen": "dk"}
"""Zones said as people know them ("UK time", "dansk tid"), not by their IANA names."""

DAY_CHOICES = (
    *(Choice(day, Msg(f"choice.weekday_{n}")) for n, day in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))),
    Choice("none", Msg("choice.no_reminders")),
)  # fmt: skip
"""Buttons have their own labels: a Danish weekday is capitalised alone, not in a sentence."""
HALF_CHOICES = (Choice("morning", Msg("choice.morning")), Choice("evening", Msg("choice.evening")))
HALVES = OneOf(("morning", "evening"))


def read_half(text: str) -> str:
    """Morning or evening, by button or in words: "evening", "om aftenen", "no 7 at
    night not morning" (the part of the day said first)."""
    try:
        return HALVES.pick(text)
    except InvalidAnswerError as not_a_button:
        found = _in_words(text, not_a_button)
        if found.hour is None or found.unclear:
            raise not_a_button from None
        return "evening" if found.hour >= 12 else "morning"


def _in_words(text: str, not_a_button: InvalidAnswerError) -> WeeklyTime:
    """A day or time said in words where a button was asked for; when there is none, the
    button's own "choose one" error stands."""
    try:
        return read_weekly(text)
    except InvalidAnswerError:
        raise not_a_button from None


HOUR_CHOICES = tuple(Choice(f"{h}:00", Msg("choice.own_words", {"text": f"{h:02}:00"}))
                     for h in HOURS)  # fmt: skip


def day_or_none(text: str) -> WeeklyTime | str:
    """A day (and perhaps a time); "same as before" keeps the day there was (`save_day`)."""
    if text == "none":
        return text
    found = with_place(read_weekly(text), text)
    if found.weekday is None and found.days_on is None and not found.keep:
        raise InvalidAnswerError("invalid.day")
    return found


def hour_or_kept(text: str) -> WeeklyTime:
    """An hour; "tirsdag. behold det" keeps the hour there was (`save_hour`)."""
    found = with_place(read_weekly(text), text)
    if found.hour is None and not found.keep:
        raise InvalidAnswerError("invalid.hour")
    return found


_LAST_PART = re.compile(r"(?:,|\bin\b|\bi\b|\bfrom\b|\bfra\b)([^,]*)$")


def with_place(found: WeeklyTime, text: str) -> WeeklyTime:
    """The time, and the town said after it ("tuesdays at 10, hull", "tirsdag kl 10 i
    odense"): a tester was asked for his time zone right after naming Hull."""
    last = _LAST_PART.search(fold(text))
    named = named_place(last.group(1).strip(" .!")) if last else None
    return replace(found, place=named) if named else found


def keeps_only(found: WeeklyTime) -> bool:
    """ "keep it", "same as before": the setting kept, and nothing new named."""
    return found.keep and found.weekday is None and found.hour is None


class Where(NamedTuple):
    """Where the person said they are: the zone, and the Danish region when a town says it
    (the region chooses their acute helpline, see `helplines`)."""

    zone: str
    region: str | None


def said_place(text: str) -> Where | None:
    """Where the person says they are, at any point ("this numbers is england? i am in
    denmark", "i live in glasgow", "jeg bor i London"): the place named right after
    the words of `[care] place_cues`, read as the time zone question reads it (one
    path: the zone, and the region of a Danish town). None when no place is said."""
    found = _place_said(text)
    return found[0] if found else None


def only_a_place(text: str) -> bool:
    """Whether the message says where they are and little else ("i live in glasgow
    btw"): then it answers no question, and is not read as one's answer."""
    found = _place_said(text)
    return found is not None and found[1] <= ASIDE_WORDS


ASIDE_WORDS = 2
"""Words besides "i live in glasgow" that still leave it an aside ("btw", "by the way")."""


LOOK_BACK = 6
"""Words before a place cue read for whom it is about."""
SOMEONE_ELSE = frozenset({"hun", "han", "de", "min", "mit", "mine", "she", "he", "they", "my",
                          "her", "his", "their", "hendes", "hans", "deres"})  # fmt: skip
MYSELF = frozenset({"jeg", "vi", "i", "we", "im"})


def _someone_else(before: list[str]) -> bool:
    """The nearest person named before a cue is someone else ("hun er 24 og bor i")."""
    for word in reversed(before):
        if word in MYSELF:
            return False
        if word in SOMEONE_ELSE:
            return True
    return False


def _place_said(text: str) -> tuple[Where, int] | None:
    """The place said, and how many other words the message has."""
    typed = [word.text for word in words(fold(text))]
    cues = [
        (start, end, False)
        for start, end, _ in phrase_list("care", "place_cues", typos=False).find(typed)
    ]
    cues += [
        (start, end, True)
        for start, end, _ in phrase_list("care", "place_cues_now", typos=False).find(typed)
    ]
    for start, end, now in sorted(cues):
        if typed[start] not in MYSELF and _someone_else(typed[max(0, start - LOOK_BACK) : start]):
            continue  # "min datter … bor i aarhus" is where she lives, not where they are
        for size in (3, 2, 1):
            found = named_place(" ".join(typed[end : end + size]))
            after = typed[end + size] if end + size < len(typed) else None
            ends = after is None or after in word_list("care", "place_now_after")
            if found is not None and now and not ends:
                break  # "i am in Gdańsk with my daughter for her birthday": not where they are
            if found is not None:
                return Where(*found), len(typed) - (end - start) - min(size, len(typed) - end)
    return None


def zone_or_time(text: str) -> WeeklyTime | Where:
    """A time zone; or, said where the zone is asked, a day or time put right.

    "no 7 at night not morning" right after "monday eve around 7" was read wrongly is
    a correction of the time, not a place: it is kept, and the zone asked again.
    """
    if read_move(text) in (Move.YES, Move.NO):  # "ja" was "a place I don't know"
        raise InvalidAnswerError("invalid.timezone_choose")
    try:
        return Where(read_timezone(text), read_region(text))
    except InvalidAnswerError:
        try:
            found = read_weekly(text)
        except InvalidAnswerError:
            pass
        else:
            if not keeps_only(found):
                return found
        raise


def time_or_yes(text: str) -> WeeklyTime | str:
    """Yes to the time said back, or the day or time put right ("actually 8pm").

    A bare hour that could be morning or evening ("make it 8") is unclear: morning or
    evening is asked once (see `save_put_right`).
    """
    if text in ("yes", "change"):
        return text
    found = read_weekly(text)
    return "yes" if keeps_only(found) else found


TIME_RIGHT_CHOICES = (Choice("yes", Msg("choice.right")),
                      Choice("change", Msg("choice.change_time")))  # fmt: skip
TIME_RIGHT_MOVES = {"yes": "yes", "thanks": "yes", "thats_all": "yes", "keep": "yes",
                    "no": "change"}  # fmt: skip
"""Yes, thanks or "that's all" to the time said back; "no" chooses it again."""


def zone_choices(work: Work) -> tuple[Choice, ...]:
    """The service's zone first, unless the person writes Danish: then Copenhagen."""
    first = "Europe/Copenhagen" if work.language == "da" else work.default_timezone
    zones = dict.fromkeys((first, work.default_timezone, *OFFERED_ZONES))
    return tuple(Choice(zone, zone_label(zone)) for zone in zones)


def zone_label(zone: str) -> Msg:
    """A zone as a button: "København (dansk tid)", or its city ("Berlin")."""
    known = KNOWN_ZONES.get(zone)
    return Msg(f"zone.choice.{known}") if known else Msg("choice.own_words", {"text": city(zone)})


def zone_name(zone: str) -> Msg:
    """A zone in a sentence: "Danish time", "Tokyo time"."""
    known = KNOWN_ZONES.get(zone)
    return Msg(f"zone.{known}") if known else Msg("zone.city", {"city": city(zone)})


def city(zone: str) -> str:
    """ "America/New_York" is New York."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


MANAGE_VALUES = OneOf(("change", "zone", "pause", "resume", "off", "keep"))


def manage_or_time(text: str) -> WeeklyTime | str:
    """A button; or the new day or time said straight away ("change it to thursday night,
    like half 8"), which is "change" with its answer."""
    try:
        return MANAGE_VALUES.pick(text)
    except InvalidAnswerError as not_a_button:
        found = _in_words(text, not_a_button)
        return "keep" if keeps_only(found) else found


def manage_choices(work: Work) -> tuple[Choice, ...]:
    paused = work.schedule is not None and work.schedule.paused
    return tuple(
        Choice(value, Msg(f"choice.reminders_{value}"))
        for value in ("change", "zone", "resume" if paused else "pause", "off", "keep")
    )


class RemindersWork(Work):
    """The conditions the reminder transitions name."""

    wants_none = answer_is("none")
    chose_change = answer_is("change")
    chose_zone = answer_is("zone")
    chose_pause = answer_is("pause")
    chose_resume = answer_is("resume")
    chose_off = answer_is("off")

    def has_hour(self) -> bool:
        return self.draft.get("hour") is not None

    def hour_unclear(self) -> bool:
        """ "Monday at 6": morning or evening is asked before the hour is kept."""
        return bool(self.draft.get("unclear"))

    def time_put_right(self) -> bool:
        return isinstance(self.answer, WeeklyTime)

    def unchanged(self) -> bool:
        """What was said keeps the check-in as it was ("tirsdag er fint. behold det")."""
        previous = self.schedule
        moved = isinstance(self.answer, WeeklyTime) and self.answer.place is not None
        return (
            isinstance(self.answer, WeeklyTime)
            and previous is not None
            and not (moved and previous.timezone != self.zone().key)  # "…like in Poland"
            and not self.hour_unclear()
            and chosen(self) == {"weekday": previous.weekday, "hour": previous.hour,
                                 "minute": previous.minute}
        )  # fmt: skip

    def knows_zone(self) -> bool:
        return self.person is not None and self.person.timezone is not None

    wants_change = answer_is("change")

    def set_schedule(self) -> None:
        schedule(self)


def save_time(work: Work, answer: Any) -> None:
    """Keep what the answer names: the day, the time, or both (with "keep it", what it
    does not name stays as it was)."""
    if isinstance(answer, WeeklyTime):
        answer = as_kept(work, answer)
        if answer.place is not None and work.person is not None:
            zone, region = answer.place
            work.person = work.person.model_copy(update={"timezone": zone, "region": region})
        if answer.weekday is not None:
            work.draft["weekday"] = answer.weekday
        if answer.hour is not None:
            work.draft.update(hour=answer.hour, minute=answer.minute, unclear=answer.unclear)


def as_kept(work: Work, found: WeeklyTime) -> WeeklyTime:
    """With "keep it" or "same as before", the day and time not named are the ones chosen
    so far ("tuesday", then "same time as before": Tuesday at the time there was);
    "tomorrow" is the day after today, in their own time zone; an hour said with the
    keep that could be morning or evening is the one kept ("Keep it as it is, thanks.
    Sunday at 7 is grand" when it is Sunday at 19:00)."""
    found = found.on_day(work.now.astimezone(work.zone()).weekday())
    if not found.keep or work.schedule is None:
        return found
    so_far = chosen(work)
    if found.unclear and found.hour is not None and found.hour % 12 == so_far["hour"] % 12:
        found = replace(found, hour=so_far["hour"], unclear=False)  # "keep it. 7 is grand"
    if found.hour is None:
        found = replace(found, hour=so_far["hour"], minute=so_far["minute"], unclear=False)
    return found if found.weekday is not None else replace(found, weekday=so_far["weekday"])


def save_day(work: Work, answer: Any) -> None:
    """A day; "same as before" with no check-in set before names none, and is asked again."""
    if isinstance(answer, WeeklyTime) and as_kept(work, answer).weekday is None:
        raise InvalidAnswerError("invalid.day")
    save_time(work, answer)


def save_hour(work: Work, answer: Any) -> None:
    """An hour; "keep it" with no check-in set before names none, and is asked again."""
    if isinstance(answer, WeeklyTime) and as_kept(work, answer).hour is None:
        raise InvalidAnswerError("invalid.hour")
    save_time(work, answer)


def save_half(work: Work, answer: Any) -> None:
    """Morning keeps the hour as read; evening moves it twelve hours on."""
    hour = work.draft.get("hour", 0)
    work.draft.update(hour=hour + 12 if answer == "evening" else hour, unclear=False)


def save_put_right(work: Work, answer: Any) -> None:
    """A day or time put right after it was said back replaces it, and is kept at once;
    an hour that could be morning or evening ("make it 7") once that is said."""
    if isinstance(answer, WeeklyTime):
        save_time(work, answer)
        if not answer.unclear:
            schedule(work)


def save_zone(work: Work, answer: Any) -> None:
    """The zone; or the day or time, put right where the zone was asked."""
    if isinstance(answer, WeeklyTime):
        save_time(work, answer)
    elif work.person is not None:
        work.person = work.person.model_copy(
            update={"timezone": answer.zone, "region": answer.region}
        )


def schedule(work: Work) -> None:
    """Keep the chosen day and time, with the first check-in worked out from now."""
    if work.person is None:
        return
    zone = work.person.timezone or work.default_timezone
    fresh = Schedule(person_id=work.person_id, timezone=zone, **chosen(work))
    work.schedule = fresh.moved_on(work.now)


def chosen(work: Work) -> dict[str, int]:
    """The day and time chosen so far, the rest as before (or Monday 18:00)."""
    previous = work.schedule
    return {
        "weekday": work.draft.get("weekday", previous.weekday if previous else 0),
        "hour": work.draft.get("hour", previous.hour if previous else 18),
        "minute": work.draft.get("minute", previous.minute if previous else 0),
    }


def pause(work: Work) -> None:
    if work.schedule is not None:
        work.schedule = work.schedule.model_copy(update={"paused": True, "next_due": None})


def resume(work: Work) -> None:
    if work.schedule is not None:
        running = work.schedule.model_copy(update={"paused": False})
        work.schedule = running.moved_on(work.now)


def turn_off(work: Work) -> None:
    work.schedule = None


def describe(found: Schedule) -> Msg:
    """ "every Monday at 18:00 (UK time)", in the person's language."""
    return Msg(
        "schedule.paused" if found.paused else "schedule.every",
        {
            "weekday": Msg(f"weekday.{found.weekday}"),
            "time": f"{found.hour:02}:{found.minute:02}",
            "timezone": zone_name(found.timezone),
        },
    )


def params(work: Work) -> Mapping[str, Param]:
    found: dict[str, Param] = {"name": work.person.name or "" if work.person else ""}
    weekday = work.draft.get("weekday")
    if isinstance(weekday, int):
        found["weekday"] = Msg(f"weekday.{weekday}")
    found["hour"] = work.draft.get("hour", "")
    so_far = chosen(work)
    found["chosen_day"] = Msg(f"weekday.{so_far['weekday']}")
    found["chosen_time"] = f"{so_far['hour']:02}:{so_far['minute']:02}"
    if work.schedule is not None:
        found["schedule"] = describe(work.schedule)
    return found


def entry(work: Work) -> str:
    return "manage" if work.schedule is not None else "day"


KEPT_SAID = frozenset({"already_said"})
""" "same as before" and "samme som før" say the setting is kept: read, not a move."""
DAY = Question(
    "day",
    "reminders.day",
    choices=DAY_CHOICES,
    read=day_or_none,
    save=save_day,
    as_content=KEPT_SAID,
    on_move={"no": "none"},  # "no thanks": "I couldn't find a day or a time in that"
)

FLOW = Flow(
    name="reminders",
    work=RemindersWork,
    questions=(
        DAY,
        Question("manage", "reminders.manage", choices=manage_choices, read=manage_or_time,
                 save=save_time, as_content=KEPT_SAID),
        Question("hour", "reminders.hour", choices=HOUR_CHOICES, read=hour_or_kept,
                 save=save_hour, as_content=KEPT_SAID),
        Question("half", "reminders.half", choices=HALF_CHOICES, read=read_half,
                 save=save_half, as_content=frozenset({Move.GREETING.value})),  # "mornin"
        Question("timezone", "reminders.timezone", choices=zone_choices, read=zone_or_time,
                 save=save_zone),
        Question("timezone_again", "reminders.time_put_right", choices=zone_choices,
                 read=zone_or_time, save=save_zone),
        Question("time_right", "reminders.time_right", choices=TIME_RIGHT_CHOICES,
                 read=time_or_yes, save=save_put_right, on_move=TIME_RIGHT_MOVES),
    ),
    endings=(
        Ending("scheduled", "reminders.set"),
        Ending("no_reminders", "reminders.none", finish=turn_off),
        Ending("paused", "reminders.paused", finish=pause),
        Ending("resumed", "reminders.scheduled", finish=resume),
        Ending("off", "reminders.off", finish=turn_off),
        Ending("kept", "reminders.kept"),
    ),
    transitions=[
        {"trigger": "answer", "source": "manage", "dest": "day", "conditions": "chose_change"},
        *({"trigger": "answer", "source": source, "dest": "kept", "conditions": "unchanged"}
          for source in ("manage", "day", "hour")),
        {"trigger": "answer", "source": "manage", "dest": "half",
         "conditions": ["time_put_right", "hour_unclear"]},
        {"trigger": "answer", "source": "manage", "dest": "hour", "conditions": "time_put_right",
         "unless": "has_hour"},
        {"trigger": "answer", "source": "manage", "dest": "time_right",
         "conditions": ["time_put_right", "knows_zone"], "after": "set_schedule"},
        {"trigger": "answer", "source": "manage", "dest": "timezone",
         "conditions": "time_put_right"},
        {"trigger": "answer", "source": "manage", "dest": "timezone", "conditions": "chose_zone"},
        {"trigger": "answer", "source": "manage", "dest": "paused", "conditions": "chose_pause"},
        {"trigger": "answer", "source": "manage", "dest": "resumed",
         "conditions": "chose_resume"},
        {"trigger": "answer", "source": "manage", "dest": "off", "conditions": "chose_off"},
        {"trigger": "answer", "source": "manage", "dest": "kept"},
        {"trigger": "answer", "source": "day", "dest": "no_reminders", "conditions": "wants_none"},
        {"trigger": "answer", "source": "day", "dest": "hour", "unless": "has_hour"},
        *({"trigger": "answer", "source": source, "dest": "half", "conditions": "hour_unclear"}
          for source in ("day", "hour")),
        *({"trigger": "answer", "source": source, "dest": "time_right",
           "conditions": "knows_zone", "after": "set_schedule"}
          for source in ("half", "day", "hour")),
        {"trigger": "answer", "source": "half", "dest": "timezone"},
        {"trigger": "answer", "source": "day", "dest": "timezone"},
        {"trigger": "answer", "source": "hour", "dest": "timezone"},
        *({"trigger": "answer", "source": source, "dest": "half",
           "conditions": ["time_put_right", "hour_unclear"]}
          for source in ("timezone", "timezone_again")),
        *({"trigger": "answer", "source": source, "dest": "timezone_again",
           "conditions": "time_put_right"} for source in ("timezone", "timezone_again")),
        *({"trigger": "answer", "source": source, "dest": "time_right", "after": "set_schedule"}
          for source in ("timezone", "timezone_again")),
        {"trigger": "answer", "source": "time_right", "dest": "half",
         "conditions": ["time_put_right", "hour_unclear"]},
        {"trigger": "answer", "source": "time_right", "dest": "time_right",
         "conditions": "time_put_right"},
        {"trigger": "answer", "source": "time_right", "dest": "day", "conditions": "wants_change"},
        {"trigger": "answer", "source": "time_right", "dest": "scheduled"},
    ],
    params=params,
    entry=entry,
    entries=("manage",),
)  # fmt: skip
