"""Measure the crisis detector: recall and false-positive rate per category and language.

Usage: .venv/bin/python scripts/crisis_eval.py [--holdout] [--cv] [--by-writer] [--show]
                                              [--set FILE]

- The development set, tests/data/crisis_messages.tsv, is always measured. The shipped
  model learnt from all of it, so these figures are an upper bound.
- --cv measures it by 5-fold cross-validation: each fifth is read by a model learnt from
  the other four fifths (the concept tables stay as they are: they were written with the
  whole set in view, so even these figures flatter them a little).
- --by-writer measures how the detector does on people it never read: the development
  set's blocks (the `#` comment lines separate one writer's or one batch of writers'
  rows; a block of fewer than MIN_BLOCK rows joins the one before it) are left out one
  at a time, and each is read by a model learnt from all the others. Unlike --cv, a
  writer's style and favourite words never help to find that writer's own messages:
  this is the yardstick for a change (the concept tables still stay as they are).
- --holdout also measures tests/data/crisis_holdout.tsv, written blind by someone who
  never saw the detector. Its figures only: its misses are never listed, so that nobody
  tunes the detector to it (that would make it a second development set).
- --set FILE also measures another file of the same form, figures only (for example a
  blind test set kept out of the repository).
- --show lists the development set's (and a --set's) misses and false alarms (with --cv:
  those of the cross-validation, the ones a model that never saw the message makes).

Each file has rows label<TAB>category<TAB>language<TAB>message. Recall is the share of
crisis rows that get any concern; "kind" is the share that get the row's own category
(emergency rows must come out as EMERGENCY to get the emergency reply); the false-positive
rate is the share of everyday rows (listed under the category they look like) that get
any concern. The results belong in the README's "Safety and privacy" section.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from dialogue_flows.crisis import assess
from dialogue_flows.crisis_model import Model

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
FOLDS = 5
MIN_BLOCK = 50
_SECTION = re.compile(r"# --- \w+ / \w+ ---$")
"""A category heading inside one writer's block ("# --- crisis / suicide ---")."""
SETS = {"dev": DATA / "crisis_messages.tsv", "holdout": DATA / "crisis_holdout.tsv"}


@dataclass(frozen=True)
class Row:
    crisis: bool
    category: str
    language: str
    message: str


@dataclass(frozen=True)
class Result:
    row: Row
    found: frozenset[str]

    @property
    def alarmed(self) -> bool:
        return bool(self.found)


def load(path: Path) -> list[Row]:
    return load_lines(path.read_text(encoding="utf-8").splitlines())


def load_lines(lines: list[str]) -> list[Row]:
    rows = []
    for line in lines:
        if line.strip() and not line.startswith("#"):
            label, category, language, message = line.split("\t", 3)
            rows.append(Row(label == "crisis", category, language, message))
    return rows


def blocks(path: Path) -> list[tuple[str, list[Row]]]:
    """The file's rows in blocks, each under the first line of the comment that opens it.

    A run of comment lines after data rows opens a new block, unless it is only a
    category heading; a block of fewer than MIN_BLOCK rows joins the block before it."""
    found: list[tuple[str, list[Row]]] = []
    after_rows = True
    for text in path.read_text(encoding="utf-8").splitlines():
        if text.startswith("#"):
            if "\t" in text:  # the column heading
                continue
            if after_rows and not _SECTION.match(text):
                found.append((text.lstrip("# -").strip(), []))
            after_rows = False
        elif text.strip():
            found[-1][1].extend(load_lines([text]))
            after_rows = True
    merged: list[tuple[str, list[Row]]] = []
    for title, rows in found:
        if merged and len(rows) < MIN_BLOCK:
            merged[-1][1].extend(rows)
        elif rows:
            merged.append((title, rows))
    return merged


def measure(path: Path) -> list[Result]:
    """What the detector finds in each row of a file."""
    return [Result(row, frozenset(assess(row.message))) for row in load(path)]


@dataclass(frozen=True)
class Figures:
    """A set's overall figures: how many crisis and everyday rows, recall, false positives."""

    crisis: int
    everyday: int
    recall: float
    false_rate: float


def overall(results: list[Result]) -> Figures:
    crisis = [r for r in results if r.row.crisis]
    everyday = [r for r in results if not r.row.crisis]
    recall = sum(r.alarmed for r in crisis) / len(crisis) if crisis else float("nan")
    false = sum(r.alarmed for r in everyday) / len(everyday) if everyday else float("nan")
    return Figures(len(crisis), len(everyday), recall, false)


def line(name: str, language: str, results: list[Result]) -> str:
    found = overall(results)
    crisis = [r for r in results if r.row.crisis]
    kind = sum(r.row.category in r.found for r in crisis) / len(crisis) if crisis else 0.0
    return (
        f"{name:<18}{language:<6}{found.crisis:>7}{found.recall:>8.3f}{kind:>7.2f}"
        f"{found.everyday:>12}{found.false_rate:>8.3f}"
    )


def report(name: str, results: list[Result]) -> None:
    crisis = sum(r.row.crisis for r in results)
    print(f"\n{name}: {len(results)} messages, {crisis} crisis")
    print(f"{'category':<18}{'lang':<6}{'crisis':>7}{'recall':>8}{'kind':>7}"
          f"{'lookalikes':>12}{'false+':>8}")  # fmt: skip
    categories = sorted({r.row.category for r in results})
    for category in categories:
        for language in ("en", "da"):
            subset = [r for r in results
                      if r.row.category == category and r.row.language == language]  # fmt: skip
            if subset:
                print(line(category, language, subset))
    for language in ("all", "en", "da"):
        subset = [r for r in results if language in ("all", r.row.language)]
        print(line("all", language, subset))


def cross_validated(rows: list[Row]) -> list[Result]:
    """Each row read by a model that learnt from the other folds only (5 folds, stratified
    by label and category, fixed seed so the figures repeat)."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    strata = [f"{row.crisis}{row.category}" for row in rows]
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    found: dict[int, frozenset[str]] = {}
    for learn, test in folds.split(np.zeros(len(rows)), strata):
        reader = _learnt([rows[i] for i in learn])
        for i in test:
            found[i] = frozenset(assess(rows[i].message, reader))
    return [Result(row, found[i]) for i, row in enumerate(rows)]


def _learnt(rows: list[Row]) -> Model:
    """A model learnt from these rows only."""
    import numpy as np
    from train_crisis_model import train

    texts = [row.message for row in rows]
    crisis = np.array([row.crisis for row in rows])
    return Model(**train(texts, crisis, [row.category for row in rows]))  # type: ignore[arg-type]


def by_writer(groups: list[tuple[str, list[Row]]]) -> list[Result]:
    """Each block read by a model learnt from all the other blocks; a line per block."""
    print(f"\n{'left-out block':<42}{'en crisis':>10}{'recall':>7}{'everyday':>9}{'false+':>7}"
          f"{'da crisis':>10}{'recall':>7}{'everyday':>9}{'false+':>7}")  # fmt: skip
    results: list[Result] = []
    for i, (title, rows) in enumerate(groups):
        reader = _learnt([row for j, (_, other) in enumerate(groups) if j != i for row in other])
        read = [Result(row, frozenset(assess(row.message, reader))) for row in rows]
        columns = ""
        for language in ("en", "da"):
            crisis = [r.alarmed for r in read if r.row.crisis and r.row.language == language]
            everyday = [r.alarmed for r in read
                        if not r.row.crisis and r.row.language == language]  # fmt: skip
            columns += f"{len(crisis):>10}{_share(crisis):>7}"
            columns += f"{len(everyday):>9}{_share(everyday):>7}"
        print(f"{title[:40]:<42}{columns}")
        results += read
    return results


def _share(flags: list[bool]) -> str:
    return f"{sum(flags) / len(flags):.3f}" if flags else "–"


def show(results: list[Result]) -> None:
    print("\nmissed (crisis rows with no concern):")
    for r in results:
        if r.row.crisis and not r.alarmed:
            print(f"  {r.row.category:<17}{r.row.language}  {r.row.message}")
    print("\nwrong kind (crisis rows found, but not as their own category):")
    for r in results:
        if r.row.crisis and r.alarmed and r.row.category not in r.found:
            print(f"  {r.row.category:<17}{','.join(sorted(r.found)):<30}{r.row.message}")
    print("\nfalse alarms (everyday rows given a concern):")
    for r in results:
        if not r.row.crisis and r.alarmed:
            print(f"  {r.row.category:<17}{','.join(sorted(r.found)):<30}{r.row.message}")


def main() -> None:
    sets = {"dev": SETS["dev"]}
    if "--holdout" in sys.argv:
        sets["holdout"] = SETS["holdout"]
    if "--set" in sys.argv:
        other = Path(sys.argv[sys.argv.index("--set") + 1])
        sets[other.stem] = other
    for name, path in sets.items():
        if not path.exists():
            print(f"\n{name}: {path.name} is not there yet")
            continue
        results = measure(path)
        report(f"{name} ({path.name})", results)
        if name == "dev" and "--cv" in sys.argv:
            results = cross_validated(load(path))
            report(f"dev-cv ({path.name}, {FOLDS}-fold cross-validation)", results)
        if name == "dev" and "--by-writer" in sys.argv:
            results = by_writer(blocks(path))
            report(f"dev-by-writer ({path.name}, each block left out in turn)", results)
        if name != "holdout" and "--show" in sys.argv:  # the held-out set is never read
            show(results)


if __name__ == "__main__":
    main()
