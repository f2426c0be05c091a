"""Association and comparison on one person's daily series, with honest uncertainty.

Everything takes time-ordered daily arrays (one element per calendar day, ``NaN`` where the
day has no value), so that lags mean "the next calendar day" and autocorrelation is measured
between neighbouring days. Small or degenerate samples give a result whose ``status`` says
"not enough data": never a NaN, never an exception.

Thresholds (DESIGN.md section 4): no figure under 14 paired days; "early signal" under 30;
each group of a comparison needs at least 5 days. A withheld figure says why in ``withheld``.

Uncertainty allows for one day resembling the next: an effective number of days (Bartlett's
n_eff from the lag-1 autocorrelations) widens the CI of ρ and the Welch test of a comparison.
``holm`` then controls the family-wise error over every figure of a range; a figure that
survives is ``clear`` (set by the caller that knows the family).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from journal.analysis.distributions import Z_975, t_quantile, t_two_sided

MIN_PAIRS = 14
SOLID_PAIRS = 30
MIN_GROUP = 5
#: The family-wise error rate that ``clear`` controls.
ALPHA = 0.05
#: An association needs more effective days than this (Fisher's z divides by n_eff - 3).
MIN_EFFECTIVE = 4.0
#: A comparison needs this many effective days in each group (Welch's df uses n_eff - 1).
MIN_EFFECTIVE_GROUP = 2.0


class Withheld(StrEnum):
    """Why a figure has no numbers (``insights --json`` ``withheld``)."""

    TOO_FEW_DAYS = "too_few_days"  # under MIN_PAIRS days in all
    GROUP_TOO_SMALL = "group_too_small"  # a comparison group under MIN_GROUP days
    X_CONSTANT = "first_same_every_day"  # the first series never varies
    Y_CONSTANT = "second_same_every_day"  # the second series (mood) never varies
    NO_VARIATION = "no_variation"  # a comparison whose values never vary
    TOO_ALIKE = "days_too_alike"  # so autocorrelated that too few effective days remain


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
    """Ranks 1..n with ties given their average rank (as Spearman's ρ requires).

    Whole numbers over a span not much wider than n (ratings, counts, minutes: every daily
    series) are ranked by counting, without a sort: the same ranks, in O(n).
    """
    values = np.asarray(values, dtype=float)
    if len(values) and np.array_equal(values, np.floor(values)):
        low, high = values.min(), values.max()
        if high - low <= 4 * len(values) + 1024:
            index = (values - low).astype(np.intp)
            counts = np.bincount(index)
            # a value's days hold positions end - count + 1 .. end (1-based): their mean
            return (np.cumsum(counts) - (counts - 1) / 2.0)[index]
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
    """Sample size corrected for lag-1 autocorrelation of both series, clipped to 0..n.

    n_eff = n (1 - r_x r_y) / (1 + r_x r_y) (Bartlett 1935; Bretherton et al. 1999), with the
    autocorrelations measured on the paired days only. A product at or below 0 gives n (no
    inflation of n from anticorrelated pairs); callers withhold a figure whose n_eff is too
    small (``MIN_EFFECTIVE``, ``MIN_EFFECTIVE_GROUP``).
    """
    product = lag1_autocorrelation(x) * lag1_autocorrelation(y)
    if product <= 0.0:
        return float(n)
    return float(n * (1.0 - min(product, 1.0)) / (1.0 + product))


def normal_two_sided(z: float) -> float:
    """P(|Z| >= |z|) for a standard normal Z."""
    return math.erfc(abs(z) / math.sqrt(2.0))


def holm(p_values: dict[str, float]) -> dict[str, float]:
    """Holm's step-down adjusted p-values (Holm 1979): sorted ascending, the i-th of m
    (from 0) becomes max over j <= i of min(1, (m - j) p_j). A figure is clear when its
    adjusted p is below ``ALPHA``, which keeps the chance of any false finding in the family
    at or under ``ALPHA`` whatever the dependence between the tests."""
    order = sorted(p_values, key=lambda key: p_values[key])
    m = len(order)
    adjusted: dict[str, float] = {}
    running = 0.0
    for j, key in enumerate(order):
        running = max(running, min(1.0, (m - j) * p_values[key]))
        adjusted[key] = running
    return adjusted


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


class _Figure:
    """What an association and a comparison share: it is reported unless its ``status`` is
    not enough."""

    __slots__ = ()
    status: Status

    @property
    def reportable(self) -> bool:
        return self.status is not Status.NOT_ENOUGH


@dataclass(frozen=True, slots=True)
class Association(_Figure):
    """How two daily series move together. Numbers are ``None`` when ``status`` is not enough."""

    n: int
    status: Status
    spearman: float | None = None
    pearson: float | None = None
    n_eff: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    strength: str = "not enough data"
    #: two-sided p of ρ = 0 (Fisher z with n_eff); 0 when |ρ| = 1
    p_value: float | None = None
    #: Holm-adjusted over the range's family (set by ``insights``)
    p_adjusted: float | None = None
    clear: bool = False
    withheld: Withheld | None = None

    @property
    def perfect(self) -> bool:
        """ρ is exactly ±1: every day ranked the same way (no interval is shown)."""
        return self.spearman is not None and abs(self.spearman) >= 1.0 - 1e-12


def association(x: np.ndarray, y: np.ndarray) -> Association:
    """Spearman's ρ (main) and Pearson's r of two aligned daily series, with a 95% CI.

    The CI is Fisher's z on ρ with the effective n and Fieller's variance for Spearman,
    se = sqrt(1.06 / (n_eff - 3)) (Fieller, Hartley & Pearson 1957); ``p_value`` is the
    two-sided normal p of atanh(ρ) / se. At ρ = ±1 there is no interval (``None``) and p = 0.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.shape != y.shape:
        raise ValueError("series must be aligned day by day")
    both = ~np.isnan(x) & ~np.isnan(y)
    n = int(both.sum())
    status = _status(n)
    if status is Status.NOT_ENOUGH:
        return Association(n, status, withheld=Withheld.TOO_FEW_DAYS)
    xs, ys = x[both], y[both]
    if np.ptp(xs) == 0 or np.ptp(ys) == 0:  # a constant series says nothing about association
        reason = Withheld.X_CONSTANT if np.ptp(xs) == 0 else Withheld.Y_CONSTANT
        return Association(n, Status.NOT_ENOUGH, withheld=reason)
    rho, r = spearman(xs, ys), pearson(xs, ys)
    if rho is None or r is None:
        return Association(n, Status.NOT_ENOUGH, withheld=Withheld.X_CONSTANT)
    n_eff = effective_n(n, np.where(both, x, np.nan), np.where(both, y, np.nan))
    if n_eff <= MIN_EFFECTIVE:
        return Association(n, Status.NOT_ENOUGH, withheld=Withheld.TOO_ALIKE)
    if abs(rho) >= 1.0 - 1e-12:
        rho = math.copysign(1.0, rho)
        return Association(n, status, rho, r, n_eff, None, None, strength_word(rho), 0.0)
    z = math.atanh(rho)
    se = math.sqrt(1.06 / (n_eff - 3.0))
    half = Z_975 * se
    return Association(
        n,
        status,
        rho,
        r,
        n_eff,
        math.tanh(z - half),
        math.tanh(z + half),
        strength_word(rho),
        normal_two_sided(z / se),
    )


def lagged_association(x: np.ndarray, y: np.ndarray, lag: int = 1) -> Association:
    """``x`` on one day against ``y`` ``lag`` days later; the last ``lag`` days of x drop out."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if lag <= 0 or len(x) <= lag:
        return Association(0, Status.NOT_ENOUGH, withheld=Withheld.TOO_FEW_DAYS)
    return association(x[:-lag], y[lag:])


@dataclass(frozen=True, slots=True)
class Comparison(_Figure):
    """Mean of a series on days with vs without something, difference and its 95% CI (Welch
    with effective days). Numbers are ``None`` when ``status`` is not enough (``withheld``
    says why)."""

    n_with: int
    n_without: int
    status: Status
    mean_with: float | None = None
    mean_without: float | None = None
    difference: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    #: effective days in all (n_with + n_without corrected for autocorrelation)
    n_eff: float | None = None
    #: two-sided Welch p of no difference
    p_value: float | None = None
    #: Holm-adjusted over the range's family (set by ``insights``)
    p_adjusted: float | None = None
    clear: bool = False
    withheld: Withheld | None = None


def compare(values: np.ndarray, condition: np.ndarray) -> Comparison:
    """Welch's comparison of ``values`` where ``condition`` is true vs false.

    ``condition`` is a float array: 1 (with), 0 (without) or NaN (unknown, e.g. a day nothing
    was logged); days where either is missing are left out. Neighbouring days resemble each
    other, so each group's variance of the mean is multiplied by n / n_eff, where n_eff is
    ``effective_n`` of the residuals (each value minus its group's mean) and the 0/1 condition;
    Welch's degrees of freedom use each group's effective days (n_g n_eff / n).
    """
    values = np.asarray(values, dtype=float)
    condition = np.asarray(condition, dtype=float)
    known = ~np.isnan(values) & ~np.isnan(condition)
    with_mask, without_mask = known & (condition > 0), known & (condition == 0)
    if (with_mask | without_mask).sum() == known.sum():  # every known condition 0 or above
        return _compare_known(values, condition, known)
    return _compare_all_days(values, condition, known)


def _withheld_groups(group_with: np.ndarray, group_without: np.ndarray) -> Comparison | None:
    """The comparison withheld for too few days or a group too small; else ``None`` (both
    ways of ``compare`` ask the same, in the same order, before any variance is taken)."""
    n1, n2 = len(group_with), len(group_without)
    if n1 + n2 < MIN_PAIRS:
        return Comparison(n1, n2, Status.NOT_ENOUGH, withheld=Withheld.TOO_FEW_DAYS)
    if n1 < MIN_GROUP or n2 < MIN_GROUP:
        return Comparison(n1, n2, Status.NOT_ENOUGH, withheld=Withheld.GROUP_TOO_SMALL)
    return None


def _welch(
    group_with: np.ndarray,
    group_without: np.ndarray,
    m1: float,
    m2: float,
    s1: float,
    s2: float,
    n_eff: float,
) -> Comparison:
    """Welch's interval for the difference of means, each group's n shrunk by the
    autocorrelation-effective n (withheld when either falls under ``MIN_EFFECTIVE_GROUP``)."""
    n1, n2 = len(group_with), len(group_without)
    status = _status(n1 + n2)
    shrink = n_eff / (n1 + n2)
    e1, e2 = n1 * shrink, n2 * shrink
    if e1 < MIN_EFFECTIVE_GROUP or e2 < MIN_EFFECTIVE_GROUP:
        return Comparison(n1, n2, Status.NOT_ENOUGH, withheld=Withheld.TOO_ALIKE)
    v1, v2 = s1 / e1, s2 / e2
    se = math.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / ((v1**2 / (e1 - 1) if v1 else 0.0) + (v2**2 / (e2 - 1) if v2 else 0.0))
    half = t_quantile(0.975, df) * se
    difference = m1 - m2
    return Comparison(
        n1,
        n2,
        status,
        m1,
        m2,
        difference,
        difference - half,
        difference + half,
        n_eff,
        t_two_sided(difference / se, df),
    )


def _group_moments(
    group_with: np.ndarray, group_without: np.ndarray
) -> tuple[int, int, float, float, float, float] | Comparison:
    """(n1, n2, means, variances) of the two groups of ``compare``, or the withheld
    ``Comparison`` when the groups are too small or do not vary: what both ways share."""
    withheld = _withheld_groups(group_with, group_without)
    if withheld is not None:
        return withheld
    n1, n2 = len(group_with), len(group_without)
    m1, m2 = float(group_with.mean()), float(group_without.mean())
    s1, s2 = float(group_with.var(ddof=1)), float(group_without.var(ddof=1))
    if s1 + s2 == 0.0:
        return Comparison(n1, n2, Status.NOT_ENOUGH, withheld=Withheld.NO_VARIATION)
    return n1, n2, m1, m2, s1, s2


def _compare_all_days(values: np.ndarray, condition: np.ndarray, known: np.ndarray) -> Comparison:
    """``compare`` on full-length arrays, the unknown days ``NaN`` (the reference that
    ``_compare_known`` equals, tests/analysis/test_fast_paths.py)."""
    with_mask, without_mask = known & (condition > 0), known & (condition == 0)
    group_with, group_without = values[with_mask], values[without_mask]
    moments = _group_moments(group_with, group_without)
    if isinstance(moments, Comparison):
        return moments
    n1, n2, m1, m2, s1, s2 = moments
    residual = np.where(with_mask, values - m1, np.where(without_mask, values - m2, np.nan))
    indicator = np.where(known, (condition > 0).astype(float), np.nan)
    n_eff = effective_n(n1 + n2, residual, indicator)
    return _welch(group_with, group_without, m1, m2, s1, s2, n_eff)


def _compare_known(values: np.ndarray, condition: np.ndarray, known: np.ndarray) -> Comparison:
    """``compare`` on the known days only (condition 0 or above on each): the same figures,
    bit for bit, from arrays of the known days and which of them are calendar neighbours,
    instead of full-length NaN-filled copies (a lifetime is 17 comparisons of 18,000 days)."""
    # np.compress and integer takes, not boolean indexing or np.where: the same elements in
    # the same order, 3-4x faster on a mask that flips at random (no branches to mispredict)
    where = np.flatnonzero(known)
    v, is_with = values[where], condition[where] > 0
    group_with, group_without = np.compress(is_with, v), np.compress(~is_with, v)
    moments = _group_moments(group_with, group_without)
    if isinstance(moments, Comparison):
        return moments
    n1, n2, m1, m2, s1, s2 = moments
    residual = v - np.array([m2, m1])[is_with.astype(np.intp)]  # v - m1 with, v - m2 without
    indicator = is_with.astype(float)
    pairs = np.flatnonzero(np.diff(where) == 1)  # known today and the day after: lag-1 pairs

    def lag1(series: np.ndarray) -> float:
        r = pearson(series[pairs], series[pairs + 1])
        return 0.0 if r is None else r

    n = n1 + n2
    product = lag1(residual) * lag1(indicator)
    n_eff = float(n) if product <= 0.0 else float(n * (1.0 - min(product, 1.0)) / (1.0 + product))
    return _welch(group_with, group_without, m1, m2, s1, s2, n_eff)


@dataclass(frozen=True, slots=True)
class MeanCI:
    """A mean with its 95% CI (mean ± t·s/√n_eff); numbers are ``None`` under ``MIN_GROUP``."""

    n: int
    mean: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    n_eff: float | None = None
    withheld: Withheld | None = None

    @property
    def reportable(self) -> bool:
        return self.mean is not None


def mean_ci(values: np.ndarray, *, autocorrelated: bool = False) -> MeanCI:
    """The mean of the present values and its 95% t interval.

    With ``autocorrelated`` the values are taken in order as a series: n_eff =
    n (1 - r) / (1 + r), r the lag-1 autocorrelation between consecutive present values
    (n when r <= 0), and the interval is mean ± t(n_eff - 1) s / √n_eff; under 2 effective
    values the figure is withheld.
    """
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    n = len(values)
    if n < MIN_GROUP:
        return MeanCI(n, withheld=Withheld.GROUP_TOO_SMALL)
    mean = float(values.mean())
    n_eff = float(n)
    if autocorrelated:
        r = lag1_autocorrelation(values)
        if r > 0:
            n_eff = n * (1.0 - r) / (1.0 + r)
        if n_eff < MIN_EFFECTIVE_GROUP:
            return MeanCI(n, withheld=Withheld.TOO_ALIKE)
    half = t_quantile(0.975, n_eff - 1) * float(values.std(ddof=1)) / math.sqrt(n_eff)
    return MeanCI(n, mean, mean - half, mean + half, n_eff)


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
