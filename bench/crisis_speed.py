"""How long the crisis check takes: median and p99 of `assess`, per message length.

Usage: .venv/bin/python bench/crisis_speed.py [--runs N]

Every message a person writes is checked before anything else, so the check must be
cheap even for Telegram's longest message (4,096 characters). Messages of 100, 1,000
and 4,096 characters are built from everyday coaching sentences in both languages, each
with and without one risk sentence in the middle. "warm" is the steady state (words seen
before are read from the per-word caches of the concept tables and the model); "cold"
empties those caches before every call, the worst case for a message full of words never
seen before. The median is the target's measure; the minimum is shown too, because on a
shared machine the median says as much about the other processes as about this code.
"""

from __future__ import annotations

import statistics
import sys
import time

from dialogue_flows import crisis, crisis_model

EVERYDAY = (
    "Went to the shop this morning and got bread, milk and some fruit for the kids.",
    "My sister rang about Sunday lunch, we're going to her place at one.",
    "The job centre appointment went fine, the new adviser was kind and patient.",
    "I walked the dog round the park twice, it was cold but sunny.",
    "Jeg har været til møde med min sagsbehandler, og det gik faktisk fint i dag.",
    "I'm trying to get to bed before eleven and it's helping a bit with the mornings.",
    "Vi skal spise hos min mor på søndag, og jeg har lovet at tage en kage med.",
    "The course starts next Tuesday and I've got the forms filled in already.",
    "I cooked a proper dinner for the first time in ages, pasta with vegetables.",
    "Min søn har fået en ny cykel, og vi øvede os på stien ved skolen.",
    "My keyworker says I'm doing well with the steps we wrote down last week.",
    "Bussen var forsinket igen, så jeg gik det sidste stykke hjem.",
)
RISK = "Honestly I've been saving up my methadone, just in case."
LENGTHS = (100, 1000, 4096)


def message(length: int, with_risk: bool) -> str:
    """Everyday sentences up to `length` characters, the risk sentence in the middle."""
    words: list[str] = []
    i = 0
    while sum(len(w) + 1 for w in words) < length:
        words.append(EVERYDAY[i % len(EVERYDAY)])
        i += 1
    text = " ".join(words)[:length]
    if not with_risk:
        return text
    middle = len(text) // 2
    return (text[: middle - len(RISK) // 2] + " " + RISK + " " + text[middle + len(RISK) // 2 :])[
        :length
    ]


def timings(text: str, runs: int, cold: bool) -> list[float]:
    found = []
    for _ in range(runs):
        if cold:
            crisis._read.cache_clear()
            reader = crisis_model.model()
            reader._unit.cache_clear()  # type: ignore[attr-defined]
            reader._link.cache_clear()  # type: ignore[attr-defined]
        start = time.perf_counter()
        crisis.assess(text)
        found.append(time.perf_counter() - start)
    return found


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 1000
    print(f"assess(): {runs} runs each, milliseconds")
    print(f"{'length':>7} {'risk':>5} {'cache':>5} {'median':>8} {'min':>8} {'p99':>8}  found")
    for length in LENGTHS:
        for with_risk in (False, True):
            text = message(length, with_risk)
            for cold in (False, True):
                found = sorted(timings(text, runs, cold))
                median = statistics.median(found) * 1000
                p99 = found[int(len(found) * 0.99) - 1] * 1000
                concerns = ",".join(sorted(crisis.assess(text))) or "-"
                print(f"{len(text):>7} {'yes' if with_risk else 'no':>5} "
                      f"{'cold' if cold else 'warm':>5} {median:>8.3f} {found[0] * 1000:>8.3f} "
                      f"{p99:>8.3f}  "
                      f"{concerns}")  # fmt: skip


if __name__ == "__main__":
    main()
