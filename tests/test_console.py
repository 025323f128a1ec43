"""The console chat as a person runs it: the real `growcoach` command in a subprocess."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from conftest import WHOLE_PLAN

GROWCOACH = str(Path(sys.executable).parent / "growcoach")


def run(db: Path, stdin: bytes, user: str = "sam") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [GROWCOACH, "chat", "--user", user, "--db", str(db)],
        input=stdin,
        capture_output=True,
        timeout=60,
        env=_env(),
    )


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GROWCOACH_")}
    return {**env, "PYTHONUNBUFFERED": "1"}


def lines(*answers: str) -> bytes:
    return "".join(answer + "\n" for answer in answers).encode()


def test_a_whole_conversation_then_goals(tmp_path: Path) -> None:
    result = run(tmp_path / "c.db", lines(*WHOLE_PLAN[1:], "/goals"))
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert "   1) Yes, that's OK\n   2) Not now" in out
    assert "   0  1  2  3  4  5  6  7  8  9  10" in out
    assert "1. Home: Find a flat of my own within a year" in out
    assert "Next step: Set up a savings pot on my phone (when: Friday after work)" in out
    assert out.rstrip().endswith("Everything you said is saved; come back any time.")


def test_the_goodbye_never_claims_to_keep_what_is_not_kept(tmp_path: Path) -> None:
    """Someone who said "Not now", or deleted everything, is told nothing is kept."""
    declined = run(tmp_path / "d.db", lines("Not now")).stdout.decode()
    assert declined.rstrip().endswith("Nothing you wrote here is kept; come back any time.")
    deleted = run(tmp_path / "c.db", lines(*WHOLE_PLAN[1:4], "/delete", "2")).stdout.decode()
    assert "Everything is deleted" in deleted
    assert deleted.rstrip().endswith("Nothing you wrote here is kept; come back any time.")


def test_quit_ends_the_console_chat_like_the_end_of_input(tmp_path: Path) -> None:
    """Typed /quit is how people leave a terminal program; it must not be "I don't know
    /quit", and nothing typed after it is read."""
    out = run(tmp_path / "q.db", lines("Yes", "/quit", "Sam")).stdout.decode()
    assert "I don't know" not in out
    assert "Sam" not in out
    assert out.rstrip().endswith("come back any time.")


def test_a_second_run_resumes_at_the_same_question(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run(db, lines(*WHOLE_PLAN[1:6]))
    again = run(db, b"").stdout.decode()
    assert "Welcome back, Sam. Here's where we were:" in again
    assert "Where are you with “Find a flat of my own within a year” right now?" in again


def test_killed_mid_conversation_loses_nothing(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    process = subprocess.Popen(
        [GROWCOACH, "chat", "--user", "kim", "--db", str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=_env(),
    )
    assert process.stdin is not None and process.stdout is not None

    def answer_and_wait(answer: str, marker: str) -> None:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(lines(answer))
        process.stdin.flush()
        while marker not in process.stdout.readline().decode():
            pass

    for answer, marker in [
        ("yes", "What would you like me to call you?"),
        ("Kim", "What would you like to work towards?"),
        ("Swim twice a week at the local pool", "“Swim twice a week at the local pool”"),
        ("Health", "matter to you?"),
        ("It clears my head", "right now?"),
        ("I go once a month", "What's already helping"),
    ]:
        answer_and_wait(answer, marker)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    process.stdin.close()
    process.stdout.close()

    resumed = run(db, b"", user="kim").stdout.decode()
    assert "Welcome back, Kim. Here's where we were:" in resumed
    assert "What's already helping, even a little" in resumed
    with sqlite3.connect(db) as reader:
        saved = reader.execute("SELECT text, reality_now FROM goals").fetchone()
    assert saved == ("Swim twice a week at the local pool", "I go once a month")


def test_end_of_input_at_once_is_a_clean_exit(tmp_path: Path) -> None:
    result = run(tmp_path / "e.db", b"")
    assert result.returncode == 0
    assert b"Is it OK for me to keep what you tell me?" in result.stdout
    with sqlite3.connect(tmp_path / "e.db") as reader:
        assert reader.execute("SELECT COUNT(*) FROM people").fetchone() == (0,)


def test_bytes_that_are_not_utf8_do_not_crash(tmp_path: Path) -> None:
    result = run(
        tmp_path / "b.db", b"yes\nSam\n\xff\xfe\x80 health\n\x00\x1b[2J\n" + "🌱\n".encode()
    )
    assert result.returncode == 0
    assert b"Traceback" not in result.stderr


def test_a_damaged_database_gets_one_clear_line(tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(b"\x00garbage" * 1000)
    result = run(db, b"hello\n")
    assert result.returncode == 2
    message = result.stderr.decode()
    assert message.startswith("growcoach: ") and "not a growcoach database" in message
    assert message.count("\n") == 1 and "Traceback" not in message


def test_a_newer_database_gets_one_clear_line(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    with sqlite3.connect(db) as future:
        future.execute("PRAGMA user_version = 99")
    result = run(db, b"")
    assert result.returncode == 2
    assert b"newer growcoach" in result.stderr and b"Traceback" not in result.stderr


def test_the_database_comes_from_the_environment(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    result = subprocess.run(
        [GROWCOACH, "chat", "--user", "env"],
        input=b"yes\n",
        capture_output=True,
        timeout=60,
        env={**_env(), "GROWCOACH_DB": str(db)},
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as reader:
        assert reader.execute("SELECT id FROM people").fetchall() == [("console:env",)]


def test_a_bad_setting_gets_one_clear_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [GROWCOACH, "chat", "--db", str(tmp_path / "s.db")],
        input=b"",
        capture_output=True,
        timeout=60,
        env={**_env(), "GROWCOACH_LOG_LEVEL": "LOUD"},
    )
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "growcoach: a setting in the environment or .env is not valid: GROWCOACH_LOG_LEVEL\n"
    )


def test_check_in_and_reminders_work_in_the_console(tmp_path: Path) -> None:
    answers = (*WHOLE_PLAN[1:], "no", "mon 6pm", "Aarhus", "/checkin", "I did it", "Alarm",
               "7", "Keep the same step", "/reminders", "Pause reminders", "/goals")  # fmt: skip
    out = run(tmp_path / "c.db", lines(*answers)).stdout.decode()
    assert "I'll check in with you every Monday at 18:00 (Danish time)" in out
    assert "You did what you set out to do" in out
    assert "Progress: 7/10" in out
    assert "Weekly check-ins are paused. /reminders turns them back on." in out


def test_a_crisis_mid_grow_in_the_console_then_the_same_question(tmp_path: Path) -> None:
    run(tmp_path / "c.db", lines("yes", "Sam"))
    out = run(tmp_path / "c.db", lines("i cant go on", "3", "2", "2")).stdout.decode()
    assert "Samaritans: 116 123" in out and "Are you safe right now?" in out
    assert "   1) I'm safe for now\n   2) I'm not sure\n   3) I'm not safe" in out
    assert "Please call 999 now" in out
    assert "can I check in with you tomorrow?" in out
    welcome_back, *_, resumed = out.split("Here's where we were:")
    asked = resumed.rsplit("\n\n", 1)[0]  # without the goodbye
    assert welcome_back.startswith("Welcome back") and out.count(asked) == 2


def test_a_crisis_mid_grow_is_met_gently_and_briefly(tmp_path: Path) -> None:
    """As testers playing people in distress typed it: "not sure", a refusal to call,
    "already said", a second crisis the same day, "im fine its nothing", /mydata."""
    said = lines(*WHOLE_PLAN[1:4], "whats the point of any of it, i just want to die",
                 "not sure", "im not ringing 999 over that. not now",
                 "you already asked me that. yeah", "i want to die",
                 "im fine its nothing. just a bad week", "/mydata")  # fmt: skip
    out = run(tmp_path / "c.db", said).stdout.decode()
    assert out.count("Are you safe right now?") == 2
    assert "even if you're not sure, you don't" in out and "Please call 999 now" not in out
    assert "That's okay, you don't have to call anyone." in out
    assert "Please choose one of the options." not in out
    assert out.count("check in with you tomorrow?") == 1
    assert out.count("Mind Infoline") == 1 and "/safety has all the numbers" in out
    assert "PAPYRUS" not in out and "Childline" not in out
    assert "Thanks for telling me. I'm here if it gets heavy again. I'll still check in" in out
    assert "• A check-in message you asked for, on " in out
    assert out.count("Here's where we were") == 2


def test_a_reader_that_goes_away_ends_the_chat_quietly(tmp_path: Path) -> None:
    """`growcoach chat | head -1`: the pipe closes under the console. No traceback, and the
    turn that was being shown is saved all the same."""
    db = tmp_path / "p.db"
    process = subprocess.Popen(
        [GROWCOACH, "chat", "--user", "pia", "--db", str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdout.readline()
    process.stdout.close()
    _, err = process.communicate(lines("yes", "Pia", "Swim twice a week"), timeout=60)
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()
    assert process.returncode == 1
    with sqlite3.connect(db) as reader:
        assert reader.execute("SELECT count(*) FROM people").fetchone() == (1,)
