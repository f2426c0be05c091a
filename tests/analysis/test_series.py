import datetime as dt

import numpy as np
import pytest

from journal.analysis.series import build_series, rolling_mean, weekly_mean
from journal.analysis.streaks import isolation, resilience
from journal.domain.kinds import Mode, Relationship

NAN = np.nan
START = dt.date(2026, 1, 1)


def test_one_row_per_day_missing_days_are_nan_not_zero() -> None:
    series = build_series(
        START,
        dt.date(2026, 1, 6),
        [
            ("2026-01-02", 5, None, 3, 4, 5, 7.5),
            ("2026-01-05", 7, 1, 1, 1, 1, None),
            ("2025-12-31", 9, 9, 9, 9, 9, 9.0),
        ],  # outside the range: ignored
        [
            ("2026-01-02", "friend", "phone", 10, 4),
            ("2026-01-03", "family", "text", None, 2),
            ("2026-01-03", "friend", "video", 5, 5),
            ("2026-01-09", "friend", "video", 5, 5),
        ],
    )
    assert len(series) == 6
    np.testing.assert_array_equal(series.mood, [NAN, 5, NAN, NAN, 7, NAN])
    np.testing.assert_array_equal(series.ratings["anxiety"], [NAN, NAN, NAN, NAN, 1, NAN])
    np.testing.assert_array_equal(series.ratings["sleep_hours"], [NAN, 7.5, NAN, NAN, NAN, NAN])
    # day 3 has contacts but no check-in: logged; day 5 has a check-in and no contact: 0
    np.testing.assert_array_equal(series.contacts, [NAN, 1, 2, NAN, 0, NAN])
    np.testing.assert_array_equal(series.minutes, [NAN, 10, 5, NAN, 0, NAN])
    np.testing.assert_array_equal(series.meaningful, [NAN, 1, 1, NAN, 0, NAN])
    np.testing.assert_array_equal(series.by_kind[Relationship.FRIEND], [NAN, 1, 1, NAN, 0, NAN])
    np.testing.assert_array_equal(series.by_kind[Relationship.FAMILY], [NAN, 0, 1, NAN, 0, NAN])
    np.testing.assert_array_equal(series.by_mode[Mode.TEXT], [NAN, 0, 1, NAN, 0, NAN])
    np.testing.assert_array_equal(series.mean_quality, [NAN, 4, 3.5, NAN, NAN, NAN])
    assert series.logged.tolist() == [False, True, True, False, True, False]


def test_empty_journal_gives_all_missing() -> None:
    series = build_series(START, START + dt.timedelta(days=9), [], [])
    assert np.isnan(series.mood).all() and np.isnan(series.contacts).all()
    with pytest.raises(ValueError):
        build_series(START, START - dt.timedelta(days=1), [], [])


def test_rolling_mean_skips_missing_days() -> None:
    values = np.array([2.0, NAN, 4.0, NAN, NAN, NAN, NAN, NAN, NAN, 8.0])
    result = rolling_mean(values, window=3)
    np.testing.assert_allclose(result, [2, 2, 3, 4, 4, NAN, NAN, NAN, NAN, 8])
    week = rolling_mean(np.arange(10, dtype=float), window=7)
    assert week[6] == pytest.approx(3.0) and week[9] == pytest.approx(6.0)
    assert np.isnan(rolling_mean(values, window=3, min_count=2)[0])


def test_weekly_mean_starts_on_monday() -> None:
    days = np.arange(np.datetime64("2026-01-01"), np.datetime64("2026-01-13"))  # Thu..Mon
    weeks, means = weekly_mean(days, np.r_[np.ones(4), NAN, np.full(7, 3.0)])
    assert weeks.astype(str).tolist() == ["2025-12-29", "2026-01-05", "2026-01-12"]
    np.testing.assert_allclose(means, [1.0, 3.0, 3.0])


def test_isolation_runs() -> None:
    days = np.arange(np.datetime64("2026-01-01"), np.datetime64("2026-01-11"))
    result = isolation(days, np.array([1, 0, 0, NAN, 1, 0, 0, 0, 0, 0.0]))
    assert (result.current, result.longest) == (5, 5)
    assert result.last_meaningful == dt.date(2026, 1, 5)
    assert isolation(days, np.full(10, NAN)).current is None
    assert isolation(days, np.r_[np.zeros(9), 2.0]).current == 0


def test_resilience_median_spell() -> None:
    # a usual mood of 5-7 with low spells of 1, 2, 1, 3 and 2 days; one missing day inside
    mood = [5.0, 6.0, 7.0] * 20
    for start, length in [(2, 1), (10, 2), (20, 1), (30, 3), (45, 2)]:
        mood[start : start + length] = [1.0] * length
    mood[31] = NAN  # a day without a check-in neither ends nor shortens the spell
    result = resilience(np.array(mood))
    assert result.usual_low == 5.0
    assert result.episodes == 5 and result.median_days == 2.0
    assert not resilience(np.array([5.0] * 10)).reportable
