"""A throwaway PostgreSQL for the tests: one cluster per test session, one database per test.

`GROWCOACH_TEST_DATABASE_URL` names a server to use instead (its user must be allowed to
create databases). Otherwise a cluster is made with `initdb` in a temporary folder and
listens only on a socket in that folder (no TCP port at all); as root it runs as the
`postgres` user, since PostgreSQL refuses to run as root. Durability is switched off
(`fsync`), as the tests never crash the server, only the processes using it.

Where no PostgreSQL can be found or started, `Cluster.start` says why; the tests that need
it skip with that reason, or fail when `CI=true` (CI must prove the PostgreSQL backend).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from urllib.parse import quote

import psycopg

SEARCH = ("/usr/lib/postgresql/*/bin", "/usr/local/pgsql/bin", "/usr/pgsql-*/bin")
"""Where Debian, a source build and the PGDG packages put `initdb` and `postgres`."""


class Unavailable(Exception):
    """No PostgreSQL to test against; the message says why."""


def binaries() -> Path:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    folders = sorted((Path(p) for pattern in SEARCH for p in glob.glob(pattern)), reverse=True)
    for folder in folders:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise Unavailable(
        "PostgreSQL is not installed (no initdb): run .ci/install-postgres, or set "
        "GROWCOACH_TEST_DATABASE_URL"
    )


@dataclass
class Cluster:
    """A server to make databases on: `admin_url` connects to its `postgres` database."""

    admin_url: str
    folder: Path | None = None
    bin: Path | None = None
    _numbers: count[int] = field(default_factory=lambda: count(1))

    @classmethod
    def start(cls, durable: bool = False) -> Cluster:
        """`durable`: PostgreSQL's own settings (fsync, synchronous commit), for measuring."""
        given = os.environ.get("GROWCOACH_TEST_DATABASE_URL")
        if given:
            try:
                psycopg.connect(given, connect_timeout=10).close()
            except psycopg.Error as error:
                reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
                message = f"GROWCOACH_TEST_DATABASE_URL cannot be used: {reason}"
                raise Unavailable(message) from error
            return cls(given)
        bin = binaries()
        folder = Path(tempfile.mkdtemp(prefix="growcoach-pg-"))
        as_user = _run_as(folder)
        data = folder / "data"
        try:
            _call([*as_user, str(bin / "initdb"), "-D", str(data), "-U", "growcoach",
                   "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"])  # fmt: skip
            options = f"-k {folder} -c listen_addresses='' -c max_connections=200"
            if not durable:
                options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            _call([*as_user, str(bin / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"),
                   "-o", options, "-w", "-t", "60", "start"])  # fmt: skip
        except Unavailable:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        url = f"postgresql://growcoach@/postgres?host={quote(str(folder))}"
        return cls(url, folder, bin)

    def stop(self) -> None:
        if self.folder is None or self.bin is None:
            return
        _call([*_run_as(self.folder), str(self.bin / "pg_ctl"), "-D",
               str(self.folder / "data"), "-m", "immediate", "stop"])  # fmt: skip
        shutil.rmtree(self.folder, ignore_errors=True)

    def new_database(self) -> str:
        """A fresh, empty database; its URL."""
        name = f"growcoach_test_{os.getpid()}_{next(self._numbers)}"
        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name}")
            admin.execute(f"CREATE DATABASE {name}")
        return _with_database(self.admin_url, name)

    def drop_database(self, url: str) -> None:
        name = url.split("?")[0].rsplit("/", 1)[1]
        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _with_database(url: str, name: str) -> str:
    base, _, query = url.partition("?")
    head = base.rsplit("/", 1)[0] if base.count("/") > 2 else base
    return f"{head}/{name}" + (f"?{query}" if query else "")


def _run_as(folder: Path) -> list[str]:
    """PostgreSQL refuses to run as root: then it runs as `postgres`, owning the folder."""
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser") is None:
        raise Unavailable("running as root without `runuser` to start PostgreSQL as postgres")
    try:
        shutil.chown(folder, "postgres", "postgres")
    except LookupError as error:
        raise Unavailable("running as root, and there is no `postgres` user") from error
    return ["runuser", "-u", "postgres", "--"]


def _call(command: list[str]) -> None:
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as error:
        output = getattr(error, "stderr", b"") or b""
        detail = output.decode(errors="replace").strip().splitlines()[-1:] or [str(error)]
        program = next((part for part in command if "/" in part), command[0])
        raise Unavailable(f"{Path(program).name} failed: {detail[0]}") from error


def query(
    where: Path | str, sql: str, values: tuple[object, ...] = ()
) -> list[tuple[object, ...]]:
    """Rows of `sql` (with `?` placeholders) read directly from a store, whichever backend:
    what an operator would see, not what growcoach says."""
    if isinstance(where, str):
        with psycopg.connect(where) as connection:
            return connection.execute(sql.replace("?", "%s"), values).fetchall()
    import sqlite3

    with sqlite3.connect(where) as connection:
        rows = connection.execute(sql, values).fetchall()
    connection.close()
    return rows
