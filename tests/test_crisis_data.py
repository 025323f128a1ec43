"""The crisis development set parses and keeps its promised shape.

The detector is built against tests/data/crisis_messages.tsv; if a row loses a column,
gains an unknown category or repeats a message, the measure silently changes meaning.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "crisis_messages.tsv"
CRISIS_CATEGORIES = frozenset(
    {"emergency", "suicide", "self_harm", "harm_from_others", "harm_to_others", "lapse",
     "distress"}
)  # fmt: skip
EVERYDAY_CATEGORIES = CRISIS_CATEGORIES | {"everyday"}
LANGUAGES = frozenset({"en", "da"})

Row = tuple[str, str, str, str]


def rows() -> list[Row]:
    """Every data line split on tabs; comment and blank lines are skipped."""
    found: list[Row] = []
    for number, line in enumerate(DATA.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        assert len(fields) == 4, f"line {number} has {len(fields)} columns"
        label, category, language, message = fields
        found.append((label, category, language, message))
    return found


def test_every_row_has_a_known_label_category_and_language() -> None:
    for label, category, language, message in rows():
        allowed = CRISIS_CATEGORIES if label == "crisis" else EVERYDAY_CATEGORIES
        assert label in {"crisis", "everyday"}, message
        assert category in allowed, message
        assert language in LANGUAGES, message
        assert message == message.strip() and message, repr(message)


def test_no_message_appears_twice() -> None:
    """Duplicates (ignoring case and punctuation) would count one message twice."""
    counts = Counter(re.sub(r"\W+", " ", row[3].lower()).strip() for row in rows())
    assert [message for message, n in counts.items() if n > 1] == []


def test_the_set_is_large_and_balanced() -> None:
    all_rows = rows()
    labels = Counter(row[0] for row in all_rows)
    english = sum(1 for row in all_rows if row[2] == "en") / len(all_rows)
    assert len(all_rows) >= 420
    # About a third crisis: the rest are lookalikes and the plain answers a coach is told.
    assert 0.3 <= labels["crisis"] / len(all_rows) <= 0.6
    assert 0.5 <= english <= 0.7


@pytest.mark.parametrize("language", sorted(LANGUAGES))
@pytest.mark.parametrize("category", sorted(CRISIS_CATEGORIES))
def test_each_category_has_crisis_rows_and_lookalikes(category: str, language: str) -> None:
    counts = Counter((row[0], row[1], row[2]) for row in rows())
    assert counts["crisis", category, language] >= 15
    assert counts["everyday", category, language] >= 10
