"""How long reading a move and a place takes: milliseconds a message, once loaded.

Usage: .venv/bin/python bench/reading_speed.py

Every message is read for its move (`moves.read_move`: "idk", "who reads this?") before
it is kept, and a place named for the check-in is read for its time zone. Both were once
timed in the unit tests, which a busy machine made fail at random; the figures live here
instead (BENCHMARKS.md). The messages are the move tests' own phrasings and content.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

from test_moves import CONTENT, SAID

from dialogue_flows.moves import read_move
from dialogue_flows.weekly import read_timezone

PLACES = ["Leeds", "i live in aarhus", "manchestr", "Brazil", "GMT+5"] * 20


def per_message(read: object, texts: list[str]) -> float:
    """Milliseconds a message, the best of five rounds (the machine is shared)."""
    rounds = []
    for _ in range(5):
        started = time.perf_counter()
        for text in texts:
            read(text)  # type: ignore[operator]
        rounds.append((time.perf_counter() - started) / len(texts) * 1000)
    return min(rounds)


def main() -> None:
    said = [text for by in SAID.values() for texts in by.values() for text in texts]
    texts = [*said, *CONTENT]
    read_move("warm up the tables")
    read_timezone("warm up in London")
    print(f"read_move: {per_message(read_move, texts):.2f} ms a message ({len(texts)} messages)")
    print(f"read_timezone: {per_message(read_timezone, PLACES):.2f} ms a place ({len(PLACES)})")


if __name__ == "__main__":
    main()
