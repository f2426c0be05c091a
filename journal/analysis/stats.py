"""Association and comparison on one person's daily series, with honest uncertainty.

Everything takes time-ordered daily arrays (one element per calendar day, ``NaN`` where the
day has no value), so that lags mean "the next calendar day" and autocorrelation is measured
between neighbouring days. Small or degenerate samples give a result whose ``status`` says
"not enough data": never a NaN, never an exception.

Thresholds (DESIGN.md section 4): no figure under 14 paired days; "early signal" under 30;
each group of a comparison needs at least 5 days.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from journal.analysis.distributions import Z_975, t_quantile

MIN_PAIRS = 14
SOLID_PAIRS = 30
MIN_GROUP = 5


class Status(StrEnum):
    """How much a figure can be trusted, from its sample size."""

    NOT_ENOUGH = "not_enough_data"
    EARLY = "early_signal"
    OK = "ok"


def _status(n: int) -> Status:
    if n < MIN_PAIRS:
        return Status.NOT_ENOUGH
    return Status.EARLY if n < SOLID_PAIRS else Status.OK


def rank(values: np.ndarray) -> np.ndarray:
    """Ranks 1..n with ties given their average rank (as Spearman's ρ requires)."""
    values = np.asarray(values, dtype=float)
    order = np.argsort(values, kind="mergesort")
    sorted_values = values[order]
    ranks = np.empty(len(values), dtype=float)
    # boundaries of runs of equal values
    starts = np.flatnonzero(np.r_[True, sorted_values[1:] != sorted_values[:-1]])
    ends = np.r_[starts[1:], len(values)]
    averages = (starts + ends + 1) / 2.0  # mean of 1-based positions start+1 .. end
    ranks[order] = np.repeat(averages, ends - starts)
    return ranks


def pearson(x: np.ndarray, y: np.ndarray) -> float | None:
    """Pearson's r of two complete arrays; ``None`` when either is constant or too short."""
    if len(x) < 3:
        return None
    dx, dy = x - x.mean(), y - y.mean()
    denominator = math.sqrt(float(dx @ dx) * float(dy @ dy))
    if denominator == 0.0:
        return None
    return float(np.clip((dx @ dy) / denominator, -1.0, 1.0))


def spearman(x: np.ndarray, y: np.ndarray) -> float | None:
    """Spearman's ρ: Pearson's r of the average ranks."""
    return pearson(rank(x), rank(y))


def lag1_autocorrelation(series: np.ndarray) -> float:
    """Correlation of each day with the next calendar day, over neighbours both present.

    Returns 0 when it cannot be estimated (too few neighbouring pairs or a constant series),
    which leaves the effective sample size at n.
    """
    a, b = series[:-1], series[1:]
    both = ~np.isnan(a) & ~np.isnan(b)
    r = pearson(a[both], b[both])
    return 0.0 if r is None else r


def effective_n(n: int, x: np.ndarray, y: np.ndarray) -> float:
    """Sample size corrected for lag-1 autocorrelation of both series, never above ``n``.

    n_eff = n (1 - r_x r_y) / (1 + r_x r_y) (Bartlett 1935; Bretherton et al. 1999), with the
    autocorrelations measured on the paired days only.
    """
    product = lag1_autocorrelation(x) * lag1_autocorrelation(y)
    if product <= 0.0:  # no inflation of n from negatively autocorrelated pairs
        return float(n)
    return float(n * (1.0 - product) / (1.0 + product))


def strength_word(rho: float) -> str:
    """Plain words for the size of a correlation (Cohen's rough bands)."""
    size = abs(rho)
    if size < 0.1:
        return "no clear"
    if size < 0.3:
        return "weak"
    if size < 0.5:
        return "moderate"
    return "strong"


@dataclass(frozen=True, slots=True)
class Association:
    """How two daily series move together. Numbers are ``None`` when ``status`` is not enough."""

    n: int
    status: Status
    spearman: float | None = None
    pearson: float | None = None
    n_eff: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    strength: str = "not enough data"

    @property
    def reportable(self) -> bool:
        return self.status is not Status.NOT_ENOUGH


def association(x: np.ndarray, y: np.ndarray) -> Association:
    """Spearman's ρ (main) and Pearson's r of two aligned daily series, with a 95% CI.

    The CI is Fisher's z on ρ with the effective n and Fieller's variance for Spearman,
    se = sqrt(1.06 / (n_eff - 3)) (Fieller, Hartley & Pearson 1957).
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.shape != y.shape:
        raise ValueError("series must be aligned day by day")
    both = ~np.isnan(x) & ~np.isnan(y)
    n = int(both.sum())
    status = _status(n)
    if status is Status.NOT_ENOUGH:
        return Association(n, status)
    xs, ys = x[both], y[both]
    rho, r = spearman(xs, ys), pearson(xs, ys)
    if rho is None or r is None:  # a constant series says nothing about association
        return Association(n, Status.NOT_ENOUGH)
    n_eff = effective_n(n, np.where(both, x, np.nan), np.where(both, y, np.nan))
    if n_eff <= 4:
        return Association(n, Status.NOT_ENOUGH)
    z = math.atanh(float(np.clip(rho, -0.999999, 0.999999)))
    half = Z_975 * math.sqrt(1.06 / (n_eff - 3.0))
    return Association(n, status, rho, r, n_eff, math.tanh(z - half), math.tanh(z + half),
                       strength_word(rho))


def lagged_association(x: np.ndarray, y: np.ndarray, lag: int = 1) -> Association:
    """``x`` on one day against ``y`` ``lag`` days later; the last ``lag`` days of x drop out."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if lag <= 0 or len(x) <= lag:
        return Association(0, Status.NOT_ENOUGH)
    return association(x[:-lag], y[lag:])


@dataclass(frozen=True, slots=True)
class Comparison:
    """Mean of a series on days with vs without something, difference and its 95% CI (Welch)."""

    n_with: int
    n_without: int
    status: Status
    mean_with: float | None = None
    mean_without: float | None = None
    difference: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None

    @property
    def reportable(self) -> bool:
        return self.status is not Status.NOT_ENOUGH


def compare(values: np.ndarray, condition: np.ndarray) -> Comparison:
    """Welch's comparison of ``values`` where ``condition`` is true vs false.

    ``condition`` is a float array: 1 (with), 0 (without) or NaN (unknown, e.g. a day nothing
    was logged); days where either is missing are left out.
    """
    values = np.asarray(values, dtype=float)
    condition = np.asarray(condition, dtype=float)
    known = ~np.isnan(values) & ~np.isnan(condition)
    group_with = values[known & (condition > 0)]
    group_without = values[known & (condition == 0)]
    n1, n2 = len(group_with), len(group_without)
    if n1 < MIN_GROUP or n2 < MIN_GROUP:
        return Comparison(n1, n2, Status.NOT_ENOUGH)
    status = _status(n1 + n2)
    m1, m2 = float(group_with.mean()), float(group_without.mean())
    v1, v2 = float(group_with.var(ddof=1)) / n1, float(group_without.var(ddof=1)) / n2
    se = math.sqrt(v1 + v2)
    if se == 0.0:
        return Comparison(n1, n2, Status.NOT_ENOUGH)
    df = (v1 + v2) ** 2 / (
        (v1**2 / (n1 - 1) if v1 else 0.0) + (v2**2 / (n2 - 1) if v2 else 0.0))
    half = t_quantile(0.975, df) * se
    difference = m1 - m2
    return Comparison(n1, n2, status, m1, m2, difference, difference - half, difference + half)


@dataclass(frozen=True, slots=True)
class MeanCI:
    """A mean with its 95% CI (mean ± t·s/√n); numbers are ``None`` under ``MIN_GROUP``."""

    n: int
    mean: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None

    @property
    def reportable(self) -> bool:
        return self.mean is not None


def mean_ci(values: np.ndarray) -> MeanCI:
    """The mean of the present values and its 95% t interval."""
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    n = len(values)
    if n < MIN_GROUP:
        return MeanCI(n)
    mean = float(values.mean())
    half = t_quantile(0.975, n - 1) * float(values.std(ddof=1)) / math.sqrt(n)
    return MeanCI(n, mean, mean - half, mean + half)


def fit_line(x: np.ndarray, y: np.ndarray) -> tuple[float, float] | None:
    """Least-squares (slope, intercept) over days where both are present: a guide for the
    eye beside the rank correlation, ``None`` when x does not vary."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    both = ~np.isnan(x) & ~np.isnan(y)
    if both.sum() < 2 or np.ptp(x[both]) == 0:
        return None
    slope, intercept = np.polyfit(x[both], y[both], 1)
    return float(slope), float(intercept)
