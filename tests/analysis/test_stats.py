"""Statistics against hand calculations and independent formulas, with the edge cases."""

import math

import numpy as np
import pytest

from journal.analysis.distributions import t_cdf, t_quantile
from journal.analysis.stats import (
    Status,
    association,
    compare,
    effective_n,
    lag1_autocorrelation,
    lagged_association,
    rank,
    spearman,
)

NAN = np.nan


def test_ranks_average_ties() -> None:
    assert rank(np.array([10.0, 20.0, 20.0, 30.0])).tolist() == [1.0, 2.5, 2.5, 4.0]
    assert rank(np.array([5.0, 5.0, 5.0])).tolist() == [2.0, 2.0, 2.0]
    assert rank(np.array([3.0, 1.0, 2.0])).tolist() == [3.0, 1.0, 2.0]


def test_spearman_without_ties_matches_the_d_squared_formula() -> None:
    x = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0])
    y = np.array([2.0, 1.0, 4.0, 3.0, 7.0, 5.0, 6.0])
    d = rank(x) - rank(y)
    n = len(x)
    assert spearman(x, y) == pytest.approx(1 - 6 * float(d @ d) / (n * (n * n - 1)))


def test_spearman_with_ties_by_hand() -> None:
    # x ranks: 1, 2.5, 2.5, 4 ; y ranks: 1, 2, 3, 4
    x = np.array([1.0, 2.0, 2.0, 3.0])
    y = np.array([1.0, 2.0, 3.0, 4.0])
    rx = np.array([1, 2.5, 2.5, 4]) - 2.5
    ry = np.array([1, 2, 3, 4]) - 2.5
    expected = (rx @ ry) / math.sqrt((rx @ rx) * (ry @ ry))  # = 4.5 / sqrt(4.5 * 5)
    assert spearman(x, y) == pytest.approx(expected) == pytest.approx(4.5 / math.sqrt(22.5))


def test_t_distribution_against_tables() -> None:
    assert t_quantile(0.975, 1) == pytest.approx(12.7062047, abs=1e-6)
    assert t_quantile(0.975, 10) == pytest.approx(2.2281389, abs=1e-6)
    assert t_quantile(0.975, 30) == pytest.approx(2.0422725, abs=1e-6)
    assert t_quantile(0.025, 30) == pytest.approx(-2.0422725, abs=1e-6)
    assert t_cdf(0.0, 5) == pytest.approx(0.5)
    assert t_cdf(2.5705818, 5) == pytest.approx(0.975, abs=1e-7)


def _daily(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n)
    y = 0.5 * x + rng.normal(size=n)
    return x, y


def test_association_figures_by_independent_formula() -> None:
    x, y = _daily(60)
    result = association(x, y)
    assert result.status is Status.OK and result.n == 60
    assert result.pearson == pytest.approx(np.corrcoef(x, y)[0, 1])
    assert result.spearman == pytest.approx(np.corrcoef(rank(x), rank(y))[0, 1])
    rx = np.corrcoef(x[:-1], x[1:])[0, 1]
    ry = np.corrcoef(y[:-1], y[1:])[0, 1]
    n_eff = min(60, 60 * (1 - rx * ry) / (1 + rx * ry))
    assert result.n_eff == pytest.approx(n_eff)
    half = 1.959964 * math.sqrt(1.06 / (n_eff - 3))
    z = math.atanh(result.spearman)
    assert result.ci_low == pytest.approx(math.tanh(z - half), abs=1e-6)
    assert result.ci_high == pytest.approx(math.tanh(z + half), abs=1e-6)
    assert result.ci_low < result.spearman < result.ci_high
    assert result.strength in {"weak", "moderate", "strong"}


def test_effective_n_never_exceeds_n() -> None:
    alternating = np.array([1.0, -1.0] * 20)
    trending = np.arange(40, dtype=float)
    assert lag1_autocorrelation(alternating) == pytest.approx(-1.0)
    assert effective_n(40, alternating, trending) == 40
    assert effective_n(40, alternating, alternating) < 40
    smooth = np.sin(np.arange(40) / 5.0)
    assert effective_n(40, smooth, smooth) < 40


def test_autocorrelation_uses_calendar_neighbours_only() -> None:
    series = np.array([1.0, 2.0, NAN, 3.0, 4.0, NAN, 5.0, 6.0])
    a, b = series[:-1], series[1:]
    both = ~np.isnan(a) & ~np.isnan(b)  # pairs (1,2), (3,4), (5,6)
    assert lag1_autocorrelation(series) == pytest.approx(np.corrcoef(a[both], b[both])[0, 1])


@pytest.mark.parametrize(
    ("n", "status"),
    [(13, Status.NOT_ENOUGH), (14, Status.EARLY), (29, Status.EARLY), (30, Status.OK)],
)
def test_thresholds(n: int, status: Status) -> None:
    x, y = _daily(n, seed=3)
    result = association(x, y)
    assert result.status is status
    assert (result.spearman is None) == (status is Status.NOT_ENOUGH)


def test_constant_all_missing_and_tiny_series_say_not_enough() -> None:
    for x, y in [
        (np.full(40, 5.0), np.arange(40.0)),
        (np.full(40, NAN), np.arange(40.0)),
        (np.array([1.0, 2.0]), np.array([2.0, 1.0])),
        (np.array([]), np.array([])),
    ]:
        result = association(x, y)
        assert result.status is Status.NOT_ENOUGH
        assert result.spearman is None and result.ci_low is None


def test_missing_days_are_left_out_of_pairs() -> None:
    x, y = _daily(40, seed=5)
    x[::4] = NAN
    y[1::5] = NAN
    both = ~np.isnan(x) & ~np.isnan(y)
    result = association(x, y)
    assert result.n == int(both.sum())
    assert result.pearson == pytest.approx(np.corrcoef(x[both], y[both])[0, 1])


def test_lag_pairs_today_with_tomorrow_and_drops_the_last_day() -> None:
    x = np.random.default_rng(1).normal(size=20)
    y = np.r_[NAN, 2 * x[:-1]]  # y tomorrow = 2 * x today
    forward = lagged_association(x, y)
    assert forward.n == 19 and forward.spearman == pytest.approx(1.0)
    backward = lagged_association(y, x)  # y today against x tomorrow: unrelated noise
    assert backward.n == 18 and abs(backward.spearman) < 0.9
    assert lagged_association(np.arange(1.0), np.arange(1.0)).status is Status.NOT_ENOUGH


def test_welch_comparison_by_hand() -> None:
    """Days with and without alternate, so the 0/1 condition is anticorrelated from one day
    to the next: n_eff = n and the figures are plain Welch's."""
    with_values = np.array([6.0, 7.0, 8.0, 7.0, 6.0, 8.0, 7.0])
    without_values = np.array([4.0, 5.0, 6.0, 5.0, 4.0, 3.0, 5.0])
    values = np.r_[np.column_stack([with_values, without_values]).ravel(), NAN]
    condition = np.r_[np.tile([1.0, 0.0], 7), 1.0]
    result = compare(values, condition)
    m1, m2 = with_values.mean(), without_values.mean()
    v1, v2 = with_values.var(ddof=1) / 7, without_values.var(ddof=1) / 7
    df = (v1 + v2) ** 2 / (v1**2 / 6 + v2**2 / 6)
    se = math.sqrt(v1 + v2)
    half = t_quantile(0.975, df) * se
    assert (result.n_with, result.n_without) == (7, 7)
    assert result.status is Status.EARLY and result.n_eff == 14
    assert result.mean_with == pytest.approx(m1) and result.mean_without == pytest.approx(m2)
    assert result.difference == pytest.approx(m1 - m2)
    assert result.ci_low == pytest.approx(m1 - m2 - half)
    assert result.ci_high == pytest.approx(m1 - m2 + half)
    assert result.p_value == pytest.approx(2 * (1 - t_cdf((m1 - m2) / se, df)), abs=1e-9)


def test_welch_comparison_allows_for_neighbouring_days_alike() -> None:
    """Spells of days with and without, and a mood that drifts: each group's variance of the
    mean is multiplied by n / n_eff, n_eff from the lag-1 autocorrelations of the residuals
    and of the condition (computed here with numpy's corrcoef)."""
    rng = np.random.default_rng(3)
    condition = np.repeat([1.0, 0.0, 1.0, 0.0, 1.0, 0.0], [6, 5, 7, 4, 5, 8])
    drift = np.cumsum(rng.normal(0, 0.7, len(condition)))
    values = np.round(5 + drift + condition, 1)
    result = compare(values, condition)
    with_, without = values[condition == 1], values[condition == 0]
    residual = np.where(condition == 1, values - with_.mean(), values - without.mean())
    r1 = np.corrcoef(residual[:-1], residual[1:])[0, 1]
    r2 = np.corrcoef(condition[:-1], condition[1:])[0, 1]
    n = len(values)
    n_eff = n * (1 - r1 * r2) / (1 + r1 * r2)
    assert r1 * r2 > 0.2 and result.n_eff == pytest.approx(n_eff)
    e1, e2 = len(with_) * n_eff / n, len(without) * n_eff / n
    v1, v2 = with_.var(ddof=1) / e1, without.var(ddof=1) / e2
    df = (v1 + v2) ** 2 / (v1**2 / (e1 - 1) + v2**2 / (e2 - 1))
    half = t_quantile(0.975, df) * math.sqrt(v1 + v2)
    assert result.ci_high - result.difference == pytest.approx(half)
    plain = math.sqrt(with_.var(ddof=1) / len(with_) + without.var(ddof=1) / len(without))
    assert half > 1.2 * t_quantile(0.975, df) * plain  # wider than the plain Welch interval


def test_comparison_needs_five_days_per_group_and_fourteen_in_all() -> None:
    rng = np.random.default_rng(1)
    values = rng.permutation(np.arange(20, dtype=float) % 7)
    condition = np.r_[1.0, 0, 1, 0, 1, 0, 1, 0, np.zeros(12)]
    result = compare(values, condition)
    assert result.withheld == "group_too_small" and result.mean_with is None
    condition = np.r_[1.0, 0, 1, 0, 1, 0, 1, 0, 1, np.zeros(11)]
    assert compare(values, condition).reportable
    # 13 days in all, both groups at least 5: no number at all (it was shown before)
    short = compare(values[:13], np.tile([1.0, 0.0], 7)[:13])
    assert (short.n_with, short.n_without) == (7, 6)
    assert short.status is Status.NOT_ENOUGH and short.withheld == "too_few_days"
    assert short.difference is None and short.ci_low is None and short.p_value is None
    none = compare(np.full(20, 3.0), condition)
    assert not none.reportable and none.withheld == "no_variation"


def test_mean_ci_by_hand() -> None:
    from journal.analysis.stats import mean_ci

    values = np.array([4.0, 5.0, 6.0, 7.0, 8.0, NAN])
    result = mean_ci(values)
    half = t_quantile(0.975, 4) * np.std([4, 5, 6, 7, 8], ddof=1) / math.sqrt(5)
    assert (result.n, result.mean) == (5, 6.0)
    assert result.ci_low == pytest.approx(6 - half) and result.ci_high == pytest.approx(6 + half)
    assert not mean_ci(np.array([1.0, 2.0, 3.0, 4.0])).reportable


def test_fit_line_least_squares() -> None:
    from journal.analysis.stats import fit_line

    assert fit_line(
        np.array([0.0, 1.0, 2.0, NAN]), np.array([1.0, 3.0, 5.0, 9.0])
    ) == pytest.approx((2.0, 1.0))
    assert fit_line(np.full(5, 2.0), np.arange(5.0)) is None
