"""Days into weeks and months, and mood by good contacts, checked against plain loops."""

import numpy as np
import pytest

from journal.analysis.aggregate import (
    Unit,
    aggregate,
    good_contact_bins,
    mood_by_good_contacts,
    per_day,
    ratio_by,
    unit_for,
)
from journal.analysis.stats import MIN_PAIRS

DAYS = np.arange(np.datetime64("2026-01-01"), np.datetime64("2026-03-15"))  # Thu 1 Jan ..


def test_ranges_draw_days_then_weeks_then_months():
    assert [unit_for(n) for n in (30, 90, 365, 366 * 2, 3650)] == [
        Unit.DAY,
        Unit.DAY,
        Unit.WEEK,
        Unit.WEEK,
        Unit.MONTH,
    ]


def test_weeks_and_months_match_a_loop_over_their_days():
    rng = np.random.default_rng(4)
    values = rng.integers(0, 11, len(DAYS)).astype(float)
    values[rng.random(len(DAYS)) < 0.2] = np.nan
    for unit, key in (
        (Unit.WEEK, lambda d: d - np.timedelta64(d.item().weekday(), "D")),
        (Unit.MONTH, lambda d: d.astype("datetime64[M]")),
    ):
        result = aggregate(DAYS, values, unit)
        groups: dict = {}
        for day, value in zip(DAYS, values, strict=True):
            groups.setdefault(key(day), []).append(value)
        assert len(result) == len(groups)
        for i, members in enumerate(groups.values()):
            known = np.array([v for v in members if not np.isnan(v)])
            assert result.n[i] == len(known)
            assert result.mean[i] == pytest.approx(known.mean(), abs=1e-12)
            assert result.low[i] == pytest.approx(np.percentile(known, 25))
            assert result.high[i] == pytest.approx(np.percentile(known, 75))
    weeks = aggregate(DAYS, values, Unit.WEEK)
    assert weeks.start[0] == DAYS[0]  # the first week starts with the range, not the Monday
    assert weeks.end[0] == np.datetime64("2026-01-04")
    assert weeks.start[1] == np.datetime64("2026-01-05")


def test_a_period_without_values_is_a_gap_and_counts_are_per_logged_day():
    values = np.full(len(DAYS), np.nan)
    values[40:] = 2.0
    result = aggregate(DAYS, values, Unit.MONTH)
    assert result.n[0] == 0 and np.isnan(result.mean[0]) and np.isnan(result.low[0])
    np.testing.assert_allclose(per_day(DAYS, values, Unit.MONTH)[1:], [2.0, 2.0])


def test_weekly_ratios_add_up_into_months():
    weeks = np.array(
        ["2025-12-29", "2026-01-05", "2026-01-26", "2026-02-02"], dtype="datetime64[D]"
    )
    months, ratio = ratio_by(weeks, np.array([3, 7, 0, 0]), np.array([7, 7, 0, 0]), Unit.MONTH)
    assert months.tolist() == [
        np.datetime64("2025-12-01").item(),
        np.datetime64("2026-01-01").item(),
        np.datetime64("2026-02-01").item(),
    ]
    np.testing.assert_allclose(ratio, [3 / 7, 1.0, np.nan])


def test_mood_by_good_contacts_matches_a_plain_mean_and_its_thresholds():
    rng = np.random.default_rng(9)
    good = rng.integers(0, 6, 200).astype(float)
    good[rng.random(200) < 0.1] = np.nan
    mood = np.clip(4 + good + rng.normal(0, 1.5, 200), 0, 10).round()
    mood[rng.random(200) < 0.1] = np.nan
    result = mood_by_good_contacts(mood, good)
    np.testing.assert_array_equal(
        good_contact_bins(np.array([0, 1, 2, 3, 7, np.nan])), [0, 1, 2, 3, 3, np.nan]
    )
    for bar, figure in enumerate(result.bars):
        chosen = [
            m
            for m, g in zip(mood, good, strict=True)
            if not np.isnan(m) and not np.isnan(g) and min(g, 3) == bar
        ]
        assert figure.n == len(chosen)
        assert abs(figure.mean - sum(chosen) / len(chosen)) < 1e-9
        assert figure.ci_low < figure.mean < figure.ci_high
    few = mood_by_good_contacts(mood[: MIN_PAIRS + 5], good[: MIN_PAIRS + 5])
    assert any(not bar.reportable for bar in few.bars)  # some bar under 5 days
    none = mood_by_good_contacts(mood[:10], good[:10])
    assert not none.enough and not any(bar.reportable for bar in none.bars)
