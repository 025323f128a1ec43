"""Storage faults as an operator meets them, through the real `growcoach` command on real
files: each is one line naming the cause and the fix, never a traceback nor a partial file."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from test_encryption_logs_backups import GROWCOACH, run

from bot.exports.csv_rows import cell
from storage.db import write_private
from storage.encryption import new_key

TALK = "/start\nyes\nSam\nHome\nFind a flat of my own within a year\n"


def chat(
    db: Path, text: str = TALK, under: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*(under or []), GROWCOACH, "chat", "--user", "sam", "--db", str(db)],
        input=text, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("growcoach:")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_files_are_created_readable_by_their_owner_only(tmp_path: Path) -> None:
    db = tmp_path / "own.db"
    assert chat(db).returncode == 0
    backup = tmp_path / "copy.db"
    assert run("backup", "--db", str(db), "--out", str(backup)).returncode == 0
    export = tmp_path / "goals.csv"
    made = run("export", "--db", str(db), "--user", "sam", "--format", "csv", "--out",
               str(export))  # fmt: skip
    assert made.returncode == 0, made.stderr
    for path in (db, backup, export):
        assert path.stat().st_mode & 0o777 == 0o600, path


def test_a_backup_is_one_file_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    db = tmp_path / "live" / "live.db"
    assert chat(db).returncode == 0
    assert run("backup", "--db", str(db), "--out", str(tmp_path / "copy.db")).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.db", "live"]
    assert chat(tmp_path / "copy.db", "/goals\n").returncode == 0


def test_a_damaged_table_is_noticed_at_start(tmp_path: Path) -> None:
    db = tmp_path / "damaged.db"
    assert chat(db).returncode == 0
    with sqlite3.connect(db) as reader:
        [(page,)] = reader.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'goals'"
        ).fetchall()
        size = reader.execute("PRAGMA page_size").fetchone()[0]
    reader.close()
    data = bytearray(db.read_bytes())
    data[(page - 1) * size + 8 : page * size] = b"\xa5" * (size - 8)
    db.write_bytes(bytes(data))
    message = one_line_error(chat(db))
    assert "damaged" in message and "restore" in message


def test_backup_to_a_missing_folder_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    assert chat(db).returncode == 0
    out = tmp_path / "no-such-folder" / "copy.db"
    message = one_line_error(run("backup", "--db", str(db), "--out", str(out)))
    assert "no-such-folder" in message
    assert not out.parent.exists()


def _small_disk() -> None:
    """As if the disk were full: writes beyond 20 KB fail (and do not kill the process)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


def test_backup_on_a_full_disk_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    assert chat(db, TALK + "Sofa surfing\n" * 3).returncode == 0
    assert db.stat().st_size > 20_000
    out = tmp_path / "copy.db"
    result = subprocess.run(
        [GROWCOACH, "backup", "--db", str(db), "--out", str(out)],
        capture_output=True, text=True, timeout=120, preexec_fn=_small_disk,
    )  # fmt: skip
    message = one_line_error(result)
    assert "disk" in message or "space" in message
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("live.db")] == []


def test_export_never_changes_the_database(tmp_path: Path) -> None:
    db = tmp_path / "plain.db"
    assert chat(db).returncode == 0
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    made = run("export", "--db", str(db), "--user", "sam", "--format", "json", "--out",
               str(tmp_path / "x.json"), env={"GROWCOACH_ENCRYPTION_KEY": new_key()})  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    with sqlite3.connect(db) as reader:
        assert reader.execute("SELECT name FROM meta WHERE name = 'key_check'").fetchall() == []
    reader.close()
    assert chat(db, "/goals\n").returncode == 0  # still starts without a key


def test_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    db = tmp_path / "csv.db"
    formula = '=HYPERLINK("http://x","a flat of my own")'
    assert chat(db, f"/start\nyes\nSam\n{formula}\n").returncode == 0
    made = run("export", "--db", str(db), "--user", "sam", "--format", "csv", "--out", "-")
    assert made.returncode == 0, made.stderr
    [goal] = {row[4] for row in csv.reader(io.StringIO(made.stdout.lstrip("\ufeff")))
              if len(row) > 4 and "a flat of my own" in row[4]}  # fmt: skip
    assert goal == "'" + formula
    assert [cell(f"{start}1") for start in "+-@\t\r"] == [f"'{s}1" for s in "+-@\t\r"]


def _where_writing_fails(under: list[str], target: Path) -> list[str]:
    """`under` if a process started under it really cannot write `target` (a folder: a
    new file in it); else skip the test, saying why (the tools or privileges it needs are
    missing on this machine)."""
    probe = "import sys\ntry: open(sys.argv[1], 'a')\nexcept OSError: sys.exit(3)"
    path = target / "probe" if target.is_dir() else target
    tried = subprocess.run([*under, sys.executable, "-c", probe, str(path)],
                           capture_output=True, text=True, timeout=60)  # fmt: skip
    if tried.returncode != 3:
        if path != target:
            path.unlink(missing_ok=True)
        pytest.skip(f"cannot make {target} read-only for a process here: {tried.stderr!r}")
    runs = subprocess.run([*under, GROWCOACH, "--help"], capture_output=True, text=True,
                          timeout=60)  # fmt: skip
    if runs.returncode != 0:  # its files unreadable so (a checkout owned by another user)
        pytest.skip(f"growcoach cannot run that way here: {runs.stderr[-300:]!r}")
    return under


def as_an_ordinary_user(target: Path) -> list[str]:
    """A prefix under which file permissions hold. The tests and CI run as root, who
    ignores them: as root the process gives up the capabilities that override them
    (`setpriv`, util-linux) and meets the file or folder as any other user would."""
    if os.geteuid() != 0:
        return _where_writing_fails([], target)
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be enforced")
    drop = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    return _where_writing_fails(drop, target)


def on_a_read_only_disk(folder: Path) -> list[str]:
    """A prefix under which `folder` is a read-only mount: a bind mount, remounted
    read-only, in a mount namespace of the process's own (`unshare`, util-linux)."""
    if shutil.which("unshare") is None:
        pytest.skip("no unshare: a read-only mount cannot be made here")
    mount = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
    namespace = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]
    return _where_writing_fails([*namespace, "sh", "-c", mount, "sh", str(folder)], folder)


def test_a_read_only_folder_is_named_with_the_fix(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    db = folder / "live.db"
    assert chat(db).returncode == 0
    backup = tmp_path / "copy.db"
    assert run("backup", "--db", str(db), "--out", str(backup)).returncode == 0
    before = sorted((p.name, p.read_bytes()) for p in folder.iterdir())
    folder.chmod(0o500)
    try:
        user = as_an_ordinary_user(folder)
        results = [
            chat(db, "/goals\n", user),
            chat(folder / "new.db", "/start\n", user),
            subprocess.run([*user, GROWCOACH, "backup", "--db", str(db), "--out",
                            str(folder / "copy.db")], capture_output=True, text=True),
            subprocess.run([*user, GROWCOACH, "restore", "--from", str(backup), "--db",
                            str(db)], capture_output=True, text=True),
        ]  # fmt: skip
    finally:
        folder.chmod(0o700)
    for result in results:
        message = one_line_error(result)
        assert "read-only for growcoach" in message and "chmod u+w" in message, message
    assert sorted((p.name, p.read_bytes()) for p in folder.iterdir()) == before


def test_a_read_only_file_is_named_with_the_fix(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    assert chat(db).returncode == 0
    db.chmod(0o400)
    message = one_line_error(chat(db, "/goals\n", as_an_ordinary_user(db)))
    assert "read-only for growcoach" in message and "chmod u+w" in message, message


def test_a_read_only_disk_is_named_with_the_fix(tmp_path: Path) -> None:
    folder = tmp_path / "mounted"
    db = folder / "live.db"
    assert chat(db).returncode == 0
    message = one_line_error(chat(db, "/goals\n", on_a_read_only_disk(folder)))
    assert "mounted read-only" in message and "read-write" in message, message


def test_an_export_never_writes_over_a_file(tmp_path: Path) -> None:
    first = tmp_path / "goals.fhir.json"
    written = [write_private(first, f"{n}".encode()) for n in range(3)]
    assert [p.name for p in written] == ["goals.fhir.json", "goals-2.fhir.json",
                                         "goals-3.fhir.json"]  # fmt: skip
    assert [p.read_text() for p in written] == ["0", "1", "2"]
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in written)


def test_an_export_to_a_read_only_folder_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    assert chat(db).returncode == 0
    folder = tmp_path / "out"
    folder.mkdir(mode=0o500)
    try:
        user = as_an_ordinary_user(folder)
        result = subprocess.run([*user, GROWCOACH, "export", "--db", str(db), "--user", "sam",
                                 "--format", "csv", "--out", str(folder / "goals.csv")],
                                capture_output=True, text=True, timeout=120)  # fmt: skip
    finally:
        folder.chmod(0o700)
    message = one_line_error(result)
    assert "read-only for growcoach" in message and list(folder.iterdir()) == []


def test_a_disk_filling_mid_conversation_is_said_kindly_and_loses_nothing(tmp_path: Path) -> None:
    """A write that fails during a turn is an apology in the chat, a log line that says
    where (never what was said), and the conversation goes on afterwards as before."""
    db = tmp_path / "live.db"
    assert chat(db, TALK + "Sofa surfing\n" * 2).returncode == 0
    limit = 60_000  # the write-ahead log fills after a few turns (the database is larger)

    def full_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    said = "my mum helps\nmoney is tight, secretly\n" * 10
    result = subprocess.run(
        [GROWCOACH, "chat", "--user", "sam", "--db", str(db)],
        input=said, capture_output=True, text=True, timeout=120, preexec_fn=full_disk,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Sorry, something went wrong on my side." in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert "console turn failed: OperationalError at " in result.stderr
    assert "secretly" not in result.stderr and "mum" not in result.stderr
    again = chat(db, "/goals\n")
    assert again.returncode == 0, again.stderr
    assert "Find a flat of my own within a year" in again.stdout
