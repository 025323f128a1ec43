"""The layers, checked by reading the imports: the domain knows no edges and no SQL.

`dialogue_flows/` is the domain (pure: records, rules, flows); `storage/` imports it to
keep it; `bot/` is the edges (Telegram, console, exports) and reaches the database only
through `storage/`. Parsed with `ast`, so an import inside a function counts too.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRIVERS = {"sqlite3", "aiosqlite", "psycopg", "psycopg_pool", "asyncpg"}
"""Every SQL driver growcoach uses, or might: none may appear in the domain or the edges."""


def imported(package: str, root: Path = ROOT) -> dict[str, set[str]]:
    """For each module file of `package`, the top-level names of the modules it imports."""
    found: dict[str, set[str]] = {}
    for path in sorted((root / package).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(root))] = names
    return found


def offenders(package: str, forbidden: set[str]) -> dict[str, set[str]]:
    return {
        module: names & forbidden
        for module, names in imported(package).items()
        if names & forbidden
    }


def test_the_domain_imports_no_storage_and_no_edges() -> None:
    assert imported("dialogue_flows"), "the check must see the domain's modules"
    forbidden = {"storage", "bot", "telegram", *DRIVERS}
    assert offenders("dialogue_flows", forbidden) == {}


def test_only_storage_speaks_sql() -> None:
    assert offenders("bot", DRIVERS) == {}
    assert offenders("dialogue_flows", DRIVERS) == {}
    drivers = set().union(*imported("storage").values()) & DRIVERS
    assert {"aiosqlite", "psycopg", "psycopg_pool"} <= drivers


def test_the_postgres_driver_is_imported_only_when_a_url_asks_for_it() -> None:
    """`growcoach chat` on SQLite starts without psycopg (start-up time), even with every
    module the console and the service use loaded."""
    probe = ("import sys, bot.cli, bot.app, bot.console, bot.conversations, storage.db; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in "
             "{'psycopg', 'psycopg_pool', 'asyncpg'} or m.startswith('storage.postgres')))"
             )  # fmt: skip
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=60)  # fmt: skip
    assert result.stdout.strip() == "[]"


def test_the_check_would_see_a_forbidden_import(tmp_path: Path) -> None:
    """The parser is not blind: imports inside a function are found."""
    (tmp_path / "edge").mkdir()
    (tmp_path / "edge" / "late.py").write_text(
        "def f():\n    import sqlite3\n    from storage.db import Database\n", encoding="utf-8"
    )
    assert imported("edge", tmp_path) == {"edge/late.py": {"sqlite3", "storage"}}


def test_the_edges_use_the_storage_port_and_only_the_wiring_names_sqlite_store() -> None:
    """`bot/` types its database as `storage.port.Store`; only the wiring opens the concrete
    SQLite `Database` (app.py for the service, cli.py for maintenance commands)."""
    wiring = set()
    for path in sorted((ROOT / "bot").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module == "storage.db"
                and "Database" in {alias.name for alias in node.names}
            ):
                wiring.add(str(path.relative_to(ROOT)))
    assert wiring == {"bot/app.py", "bot/cli.py"}
