"""Crisis replies as a new person meets them: each message the first line of a console chat.

Usage: .venv/bin/python scripts/crisis_console_check.py FILE.tsv [--show]
FILE has the columns label, category, language, message (tests/data/crisis_holdout.tsv,
or a set of your own). Each message is typed by a new person into `growcoach chat` on a
fresh database (Danish rows with `--language da`); a crisis message must be answered with
the emergency number and helplines, an everyday one must not. This is the path the
detector's own measure (crisis_eval.py) skips: the real command, start to reply.
Never use --show on the held-out set: reading its misses would make it a development set.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

GROWCOACH = str(Path(sys.executable).parent / "growcoach")
HELPLINE = re.compile(r"^• [^\n]+: [^\n]*\d{3}", re.MULTILINE)
"""A helpline as the replies list them: "• Samaritans: 116 123 (24/7; ...)"."""


def answered_with_helplines(message: str, language: str, folder: Path, n: int) -> bool:
    result = subprocess.run(
        [GROWCOACH, "chat", "--user", f"p{n}", "--db", str(folder / f"{n}.db"),
         "--language", language],
        input=(message.replace("\n", " ") + "\n").encode(),
        capture_output=True, timeout=60, check=True,
    )  # fmt: skip
    out = result.stdout.decode()
    return HELPLINE.search(out) is not None


def main() -> None:
    rows = [
        line.split("\t", 3)
        for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    with tempfile.TemporaryDirectory() as folder, ThreadPoolExecutor(4) as pool:
        answered = list(
            pool.map(
                lambda item: answered_with_helplines(item[1][3], item[1][2], Path(folder),
                                                     item[0]),
                enumerate(rows),
            )
        )  # fmt: skip
    totals: Counter[tuple[str, str]] = Counter()
    hits: Counter[tuple[str, str]] = Counter()
    wrong = []
    for (label, _, language, message), got in zip(rows, answered, strict=True):
        totals[(label, language)] += 1
        hits[(label, language)] += got
        if got != (label == "crisis"):
            wrong.append(f"{label}\t{language}\t{message}")
    print(f"{'language':<9} {'crisis':>7} {'recall':>7} {'everyday':>9} {'false +':>8}")
    for language in ("en", "da", "all"):
        pick = [language] if language != "all" else ["en", "da"]
        crisis = sum(totals[("crisis", lang)] for lang in pick)
        everyday = sum(totals[("everyday", lang)] for lang in pick)
        recall = sum(hits[("crisis", lang)] for lang in pick) / max(crisis, 1)
        false_rate = sum(hits[("everyday", lang)] for lang in pick) / max(everyday, 1)
        print(f"{language:<9} {crisis:>7} {recall:>7.3f} {everyday:>9} {false_rate:>8.3f}")
    if "--show" in sys.argv:
        print("\nwrong:", *wrong, sep="\n  ")


if __name__ == "__main__":
    main()
