"""Goal attainment T-scores against hand-worked values; WHO-5 and QPR-15 scored as published."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.measures import measures, offered
from dialogue_flows.outcome_records import GasRating, GasScale
from dialogue_flows.outcomes import Scored, describe_t, latest_levels, t_score, worker_t

# T = 50 + 10·Σwx / √((1 - 0.3)·Σw² + 0.3·(Σw)²), worked by hand:


def test_one_goal_one_level_above_expected_is_60() -> None:
    # Σwx = 1; √(0.7·1 + 0.3·1) = 1; T = 50 + 10 = 60.
    assert t_score([Scored(1)]) == pytest.approx(60.0)
    # "Where I am now" (-1) on one goal: 40.
    assert t_score([Scored(-1)]) == pytest.approx(40.0)


def test_three_goals_equal_weights() -> None:
    # Levels +1, +1, 0: Σwx = 2; Σw² = 3; (Σw)² = 9; √(2.1 + 2.7) = √4.8 = 2.19089;
    # T = 50 + 20 / 2.19089 = 59.129.
    assert t_score([Scored(1), Scored(1), Scored(0)]) == pytest.approx(59.129, abs=0.001)
    # Levels -1, -1, -1: Σwx = -3; T = 50 - 30 / 2.19089 = 36.307.
    assert t_score([Scored(-1)] * 3) == pytest.approx(36.307, abs=0.001)


def test_five_goals_weighted_by_importance() -> None:
    # Weights 3, 2, 1, 1, 1 and levels +2, +1, 0, -1, -1: Σwx = 6 + 2 + 0 - 1 - 1 = 6;
    # Σw² = 16; (Σw)² = 64; √(11.2 + 19.2) = √30.4 = 5.51362; T = 50 + 60 / 5.51362 = 60.882.
    goals = [Scored(2, 3), Scored(1, 2), Scored(0, 1), Scored(-1, 1), Scored(-1, 1)]
    assert t_score(goals) == pytest.approx(60.882, abs=0.001)
    # All as expected: exactly 50, whatever the weights.
    assert t_score([Scored(0, w) for w in (3, 2, 1, 1, 1)]) == pytest.approx(50.0)


def test_no_levels_no_score_and_plain_words() -> None:
    assert t_score([]) is None
    assert describe_t(None).key == "gas.t_none"
    assert describe_t(60.0).key == "gas.t_above"
    assert describe_t(50.4).key == "gas.t_expected"
    assert describe_t(36.3).key == "gas.t_below"


def test_the_latest_level_of_each_scaled_goal_counts_with_its_importance() -> None:
    at = datetime(2026, 3, 2, tzinfo=UTC)
    scales = [
        GasScale(goal_number=1, levels={"-1": "now"}, importance=3, updated_at=at),
        GasScale(goal_number=2, levels={"0": "ok"}, updated_at=at),
    ]
    ratings = [
        GasRating(goal_number=1, number=1, at=at, level=-1),
        GasRating(goal_number=1, number=2, at=at + timedelta(days=7), level=1),
        GasRating(goal_number=2, number=1, at=at, level=0),
        GasRating(goal_number=3, number=1, at=at, level=2),  # no scale: not counted
    ]
    latest = latest_levels(scales, ratings)
    assert latest == {1: Scored(1, 3.0), 2: Scored(0, 1.0)}
    assert latest_levels(scales, ratings, goals=[2]) == {2: Scored(0, 1.0)}


# -- the measures -----------------------------------------------------------------------


def test_who5_is_scored_as_published() -> None:
    who5 = measures()["who5"]
    assert who5.size == 5 and who5.maximum == 100
    # Raw score 0–25, times 4: "All of the time" (5) everywhere is 100.
    assert who5.score([5, 5, 5, 5, 5]) == 100
    assert who5.score([3, 2, 3, 2, 2]) == 48
    # 28 or below is low (raw 7 is 28; raw 8 is 32).
    assert who5.is_low(who5.score([2, 2, 1, 1, 1]))
    assert not who5.is_low(who5.score([2, 2, 2, 1, 1]))
    with pytest.raises(ValueError):
        who5.score([5, 5, 5, 5])
    with pytest.raises(ValueError):
        who5.score([6, 5, 5, 5, 5])


def test_who5_wording_and_answers_in_english_and_danish() -> None:
    who5 = measures()["who5"]
    assert who5.item(0, "en") == "I have felt cheerful and in good spirits"
    assert who5.item(4, "da") == (
        "I de sidste 2 uger har min dagligdag været fyldt med ting der interesserer mig"
    )
    labels = {option.score: (option.label("en"), option.label("da")) for option in who5.options}
    assert labels[5] == ("All of the time", "Hele tiden")
    assert labels[0] == ("At no time", "På intet tidspunkt")
    assert sorted(labels) == [0, 1, 2, 3, 4, 5]


def test_qpr15_is_summed_0_to_60_and_offered_in_english_only() -> None:
    qpr = measures()["qpr15"]
    assert qpr.size == 15 and qpr.maximum == 60
    assert qpr.score([4] * 15) == 60
    assert qpr.score([0] * 15) == 0
    assert qpr.score([2] * 10 + [3] * 5) == 35
    assert not qpr.is_low(0)  # the authors set no cut-off
    assert [m.id for m in offered("en")] == ["qpr15", "who5"]
    assert [m.id for m in offered("da")] == ["who5"]


@pytest.mark.parametrize("language", ["en", "da"])
def test_the_person_reads_their_attainment_in_plain_words(language: str) -> None:
    """ "målopfyldelse 40" is jargon to the person; the worker's export keeps the number."""
    catalogue = Catalogue.load()
    for score in (36.3, 40.0, 50.4, 60.0):
        said = catalogue.render(describe_t(score), language)
        assert not any(char.isdigit() for char in said), said
        assert "score" not in said and "målopfyldelse" not in said.lower(), said
    assert "40" in catalogue.render(worker_t(40.0), language)
