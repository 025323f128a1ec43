"""Measure the crisis detector on its labelled set: recall, false-positive rate, misses.

Usage: .venv/bin/python scripts/crisis_eval.py [--show]
The set is tests/data/crisis_messages.tsv (label, language, message). Results belong
in the README's "Safety" section.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dialogue_flows.crisis import is_crisis

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "crisis_messages.tsv"


def load() -> list[tuple[bool, str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, language, message = line.split("\t", 2)
            rows.append((label == "crisis", language, message))
    return rows


def measure(rows: list[tuple[bool, str, str]]) -> tuple[float, float, list[str], list[str]]:
    crisis = [message for label, _, message in rows if label]
    everyday = [message for label, _, message in rows if not label]
    missed = [message for message in crisis if not is_crisis(message)]
    alarmed = [message for message in everyday if is_crisis(message)]
    return 1 - len(missed) / len(crisis), len(alarmed) / len(everyday), missed, alarmed


def main() -> None:
    rows = load()
    print(f"{'set':<10} {'messages':>8} {'crisis':>7} {'recall':>7} {'false +':>8}")
    for name, subset in (("all", rows), *((lang, [r for r in rows if r[1] == lang])
                                          for lang in ("en", "da"))):  # fmt: skip
        recall, false_rate, _, _ = measure(subset)
        crisis = sum(1 for label, _, _ in subset if label)
        print(f"{name:<10} {len(subset):>8} {crisis:>7} {recall:>7.3f} {false_rate:>8.3f}")
    if "--show" in sys.argv:
        _, _, missed, alarmed = measure(rows)
        print("\nmissed:", *missed, sep="\n  ")
        print("\nfalse alarms:", *alarmed, sep="\n  ")


if __name__ == "__main__":
    main()
