"""Two real `growcoach run --webhook-url` processes on one PostgreSQL (issue 17, item 5).

"Telegram" here is the test: it posts each person's updates to the two instances in turn
(as a reverse proxy would), a copy of each to the other instance too (Telegram retrying a
webhook that answered slowly), and sometimes a person's next message before the bot has
answered the last. Each instance is killed with SIGKILL once, mid-run, and started again
on its port (as systemd's `Restart=on-failure` would); while one is down, its updates go
to the other. Meanwhile due check-ins, made due by the test's clock before the instances
start (as the reminder tests do), are claimed and sent by both.

Answers lost 0 and applied twice 0: each person's records, read back through the JSON
export, are exactly those of the same answers taken one by one on SQLite. Order: the same
comparison (an answer taken before an earlier one lands in the wrong field). Check-ins:
each due one arrives once, and no claim is left open. The check-in sends that were in
flight when an instance was killed are held at the fake Bot API and never reach it (the
caller died first): a send that did reach Telegram just before a kill may come again,
as the README says, and this test does not kill at that instant.
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
import urllib.error
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
from conftest import SCHEDULE_ANSWERS, THROUGH_REALITY, FakeClock
from fake_bot_api import FakeBotApi
from test_telegram_process import GROWCOACH, SECRET, LogWatcher, environment, free_port, post

from bot.app import open_app
from dialogue_flows.types import Text
from storage.turns import Changes, Stored

TALKERS = range(7001, 7007)
"""People talking through the two instances, from /start to their Reality confirmed."""
ANSWERS = THROUGH_REALITY
DUE = range(8001, 8013)
"""People whose weekly check-in is due: more than two claim batches (5 each, the reminder
loop's), so both instances claim, and claims are left after each has one."""
CHECK_IN = "it's time for your weekly check-in"
QUIET = 1.0
"""Seconds without any call to "Telegram" while nothing waits in the inbox: then a person
still without a reply has lost it (it was being sent when an instance was killed: the
README says so), and asks again with /start."""


@dataclass
class Instance:
    """One `growcoach run` on its own port; `restart` keeps the port (its identity)."""

    api: FakeBotApi
    database_url: str
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    runs: list[tuple[subprocess.Popen[bytes], LogWatcher]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def start(self) -> LogWatcher:
        env = {**environment(self.api), "GROWCOACH_TELEGRAM_RATE_LIMIT": "false"}
        self.process = subprocess.Popen(
            [GROWCOACH, "run", "--database-url", self.database_url, "--webhook-url", self.url,
             "--listen", f"127.0.0.1:{self.port}", "--secret-token", SECRET],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        log = LogWatcher(self.process, "Application started")
        self.runs.append((self.process, log))
        return log

    def ready(self) -> bool:
        """Whether its latest run has started (it logged "Application started")."""
        return bool(self.runs) and self.runs[-1][1].seen.is_set()

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        """SIGTERM, not waiting: stop every instance, then `wait` for each."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)

    def wait(self) -> int:
        assert self.process is not None
        return self.process.wait(timeout=30)

    def logged(self) -> str:
        """What every run of it logged (all of them have ended)."""
        text = "".join(log.text() for _, log in self.runs)
        for process, _ in self.runs:
            assert process.stderr is not None
            process.stderr.close()
        return text


@pytest.fixture
def instances(bot_api: FakeBotApi, postgres_url: str) -> Iterator[tuple[Instance, Instance]]:
    pair = (Instance(bot_api, postgres_url), Instance(bot_api, postgres_url))
    yield pair
    for instance in pair:
        for process, _ in instance.runs:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)
        instance.logged()


def shape(document: Any) -> Any:
    """An export without what differs between two databases: times and pseudonyms."""
    if isinstance(document, dict):
        return {
            key: shape(value)
            for key, value in document.items()
            if not key.endswith("_at") and key not in {"pseudonym", "person_id"}
        }
    if isinstance(document, list):
        return [shape(item) for item in document]
    return document


async def answered_one_by_one(tmp_path: Path) -> Any:
    """What the answers should leave: taken one at a time on SQLite, the default."""
    async with open_app(tmp_path / "reference.db", FakeClock()) as app:
        for answer in ANSWERS:
            await app.conversations.handle("telegram:1", Text(answer))
        made = await app.conversations.export("telegram:1", "json")
    assert made is not None
    return shape(json.loads(made.content))


async def make_check_ins_due(database_url: str) -> None:
    """People who planned a step with a Monday 18:00 check-in on the test clock's Monday
    morning (2 March 2026): for the instances, running later, that check-in is due. The
    first plans it turn by turn; the others get copies of their records, under their ids."""
    first = f"telegram:{DUE[0]}"
    async with open_app(database_url, FakeClock()) as app:
        for answer in SCHEDULE_ANSWERS:
            await app.conversations.handle(first, Text(answer))
        planned = await app.database.turns.load(first)
        assert planned.person is not None and planned.schedule is not None
        for person in DUE[1:]:
            who = f"telegram:{person}"
            copied = Changes(
                who,
                planned.person.model_copy(update={"id": who}),
                tuple(goal.model_copy(update={"person_id": who}) for goal in planned.goals),
                planned.schedule.model_copy(update={"person_id": who}),
            )
            await app.database.turns.save(copied, Stored(None))


def check_ins(api: FakeBotApi, person: int) -> int:
    return sum(CHECK_IN in call.text for call in api.sent_to(person))


class Telegram:
    """Posts each person's updates to the instances alternately, with a copy of each to
    the other."""

    def __init__(self, api: FakeBotApi, instances: tuple[Instance, Instance]) -> None:
        self.api = api
        self.instances = instances
        self.sent: dict[int, int] = {}
        self.copies = ThreadPoolExecutor(max_workers=4)

    def send(self, person: int, text: str) -> None:
        update = self.api.take(self.api.send_text(person, text))
        turn = self.sent[person] = self.sent.get(person, -1) + 1
        first, other = self.instances[turn % 2], self.instances[1 - turn % 2]
        self.copies.submit(_post_quietly, other.url, update)  # the same update_id, twice
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            for instance in (first, other):  # one is down: the proxy tries the other
                if _post_quietly(instance.url, update) == 200:
                    return
        raise AssertionError("neither instance took an update for 30 seconds")


def _post_quietly(url: str, update: dict[str, Any]) -> int:
    try:
        return post(url, update, SECRET)
    except (urllib.error.URLError, ConnectionError):
        return 0  # refused: that instance is down


def waiting_in_inbox(database_url: str) -> bool:
    with psycopg.connect(database_url) as db:
        row = db.execute("SELECT count(*) FROM inbox WHERE handled_at IS NULL").fetchone()
    return bool(row and row[0])


def stop_all(instances: tuple[Instance, ...]) -> list[int]:
    """SIGTERM to all at once (each finishes its turn in hand), then their exit codes."""
    for instance in instances:
        instance.stop()
    return [instance.wait() for instance in instances]


def converse(telegram: Telegram, kill_midway: Instance, kill_when: Callable[[], bool]) -> None:
    """Every talker gives ANSWERS, each once the bot has answered the last, as people do.
    `kill_midway` is killed once half of all answers have been sent and `kill_when` holds
    (the other instance is up), and started again at once; while it starts, its share goes
    to the other. Once it is back, a person who still waits for a reply (it was being sent
    at the kill) asks again with /start, once all is quiet: every update handled, and no
    call to "Telegram" for `QUIET` seconds."""
    api = telegram.api
    database_url = kill_midway.database_url
    calls, active_at = len(api.calls), time.monotonic()
    sent = dict.fromkeys(TALKERS, 0)
    seen = dict.fromkeys(TALKERS, 0)
    since = dict.fromkeys(TALKERS, time.monotonic())
    back: LogWatcher | None = None
    back_at = 0.0
    deadline = time.monotonic() + 120

    def replied(person: int) -> bool:
        return len(api.sent_to(person)) > seen[person]

    while any(sent[p] < len(ANSWERS) or not replied(p) for p in TALKERS):
        assert time.monotonic() < deadline, f"stuck at {sent}"
        half = sum(sent.values()) >= len(ANSWERS) * len(TALKERS) // 2
        if back is None and half and kill_when():
            kill_midway.kill()
            back = kill_midway.start()
        elif back is not None and not back_at and back.seen.is_set():
            back_at = time.monotonic()
        waiting_to_kill = back is None and half  # the second half comes after the kill
        if len(api.calls) != calls:
            calls, active_at = len(api.calls), time.monotonic()
        quiet = bool(back_at) and time.monotonic() - active_at > QUIET
        for person in TALKERS:
            if waiting_to_kill:
                break
            if sent[person] < len(ANSWERS) and (sent[person] == 0 or replied(person)):
                seen[person] = len(api.sent_to(person))
                telegram.send(person, ANSWERS[sent[person]])
                sent[person] += 1
                since[person] = time.monotonic()
            elif (
                quiet
                and not replied(person)
                and time.monotonic() - since[person] > QUIET
                and not waiting_in_inbox(database_url)
            ):
                telegram.send(person, "/start")  # "are you there?": the question again
                since[person] = time.monotonic()
        with api.condition:  # woken by the bot's next call, or after a while to look round
            api.condition.wait(timeout=QUIET / 2)
    assert back is not None and back.seen.wait(timeout=30), "the killed one did not restart"


@pytest.mark.timeout(300)  # four `growcoach run` starts: more than most tests need
async def test_two_instances_lose_nothing_apply_nothing_twice_and_send_each_check_in_once(
    bot_api: FakeBotApi,
    instances: tuple[Instance, Instance],
    postgres_url: str,
    tmp_path: Path,
) -> None:
    first, second = instances
    await make_check_ins_due(postgres_url)

    # Both start and claim the due check-ins; each loop's first send waits at "Telegram".
    bot_api.hold("sendMessage")
    ready = [first.start(), second.start()]
    expected = await answered_one_by_one(tmp_path)  # while they start
    assert all(log.seen.wait(timeout=30) for log in ready), "an instance did not start"
    bot_api.wait_for(lambda _: bot_api.holding >= 2)
    first.kill()  # with claims in hand; its send in flight never reached Telegram
    bot_api.release(drop=True)
    first.start()  # it resumes its own claims at once (the other's lease has not run out)

    # The talkers begin while the first starts again (their updates go to the second
    # meanwhile); the second is killed midway once the first is up and every check-in is
    # sent, so no check-in send is in flight at the kill.
    def sent_each() -> bool:
        """Every check-in arrived, and its claim says so (not only the first)."""
        with psycopg.connect(postgres_url) as db:
            row = db.execute("SELECT count(sent_at) FROM reminders").fetchone()
        return bool(row and row[0] == len(DUE)) and all(check_ins(bot_api, p) for p in DUE)

    telegram = Telegram(bot_api, instances)
    converse(telegram, second, lambda: first.ready() and sent_each())
    assert first.ready() and sent_each()
    assert stop_all(instances) == [0, 0]
    telegram.copies.shutdown(wait=True)

    for person in TALKERS:
        async with open_app(postgres_url, FakeClock(), writes=False) as app:
            made = await app.conversations.export(f"telegram:{person}", "json")
        assert made is not None
        assert shape(json.loads(made.content)) == expected, person
        assert check_ins(bot_api, person) == 0
    assert {person: check_ins(bot_api, person) for person in DUE} == dict.fromkeys(DUE, 1)
    with psycopg.connect(postgres_url) as db:
        claims = db.execute(
            "SELECT person_id, count(*), count(sent_at) FROM reminders GROUP BY person_id"
        ).fetchall()
    assert sorted(claims) == [(f"telegram:{person}", 1, 1) for person in DUE]
    for instance in instances:
        assert "Traceback" not in instance.logged()


@pytest.mark.timeout(300)  # three `growcoach run` starts, one of them cold under load
async def test_an_update_left_in_a_killed_instances_inbox_keeps_its_place(
    bot_api: FakeBotApi, instances: tuple[Instance, Instance], postgres_url: str
) -> None:
    """The person's area answer waits in the inbox of an instance killed before handling
    it; their next answer goes to the other instance, which takes the waiting one first:
    each lands at its own question, and the first instance, back, repeats nothing."""
    first, second = instances
    assert all(log.seen.wait(timeout=30) for log in (first.start(), second.start()))
    person = 7101
    for n, answer in enumerate(("/start", "yes", "Sam"), 1):
        assert post(first.url, bot_api.take(bot_api.send_text(person, answer)), SECRET) == 200
        bot_api.wait_for_messages(person, n)
    bot_api.hold("sendMessage")  # the goal's turn is saved; its reply waits, and so does
    goal, area, why = THROUGH_REALITY[3:6]  # the next message, behind it
    assert post(first.url, bot_api.take(bot_api.send_text(person, goal)), SECRET) == 200
    bot_api.wait_for(lambda _: bot_api.holding == 1)
    assert post(first.url, bot_api.take(bot_api.send_text(person, area)), SECRET) == 200
    first.kill()
    back = first.start()  # as systemd would; the answers below need not wait for it
    bot_api.release(drop=True)
    assert post(second.url, bot_api.take(bot_api.send_text(person, why)), SECRET) == 200
    # The answers to the area and to why it matters. The instance back from the kill may
    # take the waiting area answer first, and a cold process under a loaded test run can
    # spend many seconds loading its language models while it holds the person's lock.
    bot_api.wait_for_messages(person, 5, timeout=90)
    assert back.seen.wait(timeout=30)  # it has looked at what waits in the inbox
    assert stop_all(instances) == [0, 0]
    assert len(bot_api.sent_to(person)) == 5
    async with open_app(postgres_url, FakeClock(), writes=False) as app:
        made = await app.conversations.export(f"telegram:{person}", "json")
    assert made is not None
    [kept] = json.loads(made.content)["goals"]
    assert (kept["text"], kept["area"], kept["why"]) == (goal, "home", why)
