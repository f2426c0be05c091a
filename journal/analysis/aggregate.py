"""Days grouped into weeks or months, and mood by the number of good contacts: what charts draw.

Years of days on a few hundred pixels are a hairball, so a chart of a long range draws one
point per week or per month: the mean of the days that have a value, and the middle half of
those days (25th to 75th percentile) as a band for the spread. Up to ``DAILY_UP_TO`` days
the days themselves are drawn. Everything here is plain numpy on the daily arrays of
``analysis.series``; the charts only receive the results.

``mood_by_good_contacts`` is the headline of the Trends page: mean mood on days with 0, 1, 2
and 3 or more contacts that felt good, each under the thresholds of the insight sentences
(``groups.mood_by_group``: ``MIN_PAIRS`` days in all, ``MIN_GROUP`` in a bar).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from journal.analysis.groups import mood_by_group
from journal.analysis.stats import MIN_PAIRS, MeanCI

#: Up to this many days a chart draws each day (about a quarter: every day still readable).
DAILY_UP_TO = 92
#: Up to this many days a chart draws weeks; longer ranges draw months.
WEEKLY_UP_TO = 2 * 366
#: The headline's bars: days with 0, 1, 2 and this many or more contacts that felt good.
MOST_GOOD_CONTACTS = 3


class Unit(StrEnum):
    """What one point of a chart stands for."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def unit_for(days: int) -> Unit:
    """The unit a range of ``days`` days is drawn in."""
    if days <= DAILY_UP_TO:
        return Unit.DAY
    return Unit.WEEK if days <= WEEKLY_UP_TO else Unit.MONTH


@dataclass(frozen=True, slots=True)
class Buckets:
    """One element per week or month; ``start`` and ``end`` are ``datetime64[D]`` (inclusive,
    clipped to the range). Figures are ``NaN`` where no day of the bucket has a value."""

    unit: Unit
    start: np.ndarray
    end: np.ndarray
    n: np.ndarray
    mean: np.ndarray
    low: np.ndarray
    high: np.ndarray

    def __len__(self) -> int:
        return len(self.start)


def bucket_index(days: np.ndarray, unit: Unit) -> tuple[np.ndarray, np.ndarray]:
    """(bucket starts, the bucket of each day) for consecutive ``datetime64[D]`` days."""
    days = np.asarray(days, dtype="datetime64[D]")
    if unit is Unit.MONTH:
        keys = days.astype("datetime64[M]").astype("datetime64[D]")
    elif unit is Unit.WEEK:
        weekday = (days.astype(np.int64) - 4) % 7  # 1970-01-05 was a Monday
        keys = days - weekday.astype("timedelta64[D]")
    else:
        keys = days
    if len(keys) > 1 and bool((keys[1:] >= keys[:-1]).all()):
        # days in order (as a series holds them): the buckets are runs, found without a sort
        new = np.r_[True, keys[1:] != keys[:-1]]
        return keys[new], np.cumsum(new) - 1
    starts, inverse = np.unique(keys, return_inverse=True)
    return starts, inverse.reshape(-1)


def _grid(values: np.ndarray, inverse: np.ndarray, buckets: int) -> np.ndarray:
    """The values laid out one row per bucket (``NaN``-padded to the longest bucket)."""
    order = np.argsort(inverse, kind="stable")
    counts = np.bincount(inverse, minlength=buckets)
    firsts = np.r_[0, np.cumsum(counts)[:-1]]
    column = np.arange(len(inverse)) - np.repeat(firsts, counts)
    grid = np.full((buckets, max(int(counts.max(initial=0)), 1)), np.nan)
    grid[inverse[order], column] = values[order]
    return grid


def _quantile(ordered: np.ndarray, n: np.ndarray, q: float) -> np.ndarray:
    """Linear-interpolated quantile per row of rows sorted with ``NaN`` last."""
    position = q * np.maximum(n - 1, 0)
    below = np.floor(position).astype(np.int64)
    above = np.ceil(position).astype(np.int64)
    low = np.take_along_axis(ordered, below[:, None], axis=1)[:, 0]
    high = np.take_along_axis(ordered, above[:, None], axis=1)[:, 0]
    result = low + (high - low) * (position - below)
    return np.where(n > 0, result, np.nan)


def aggregate(days: np.ndarray, values: np.ndarray, unit: Unit) -> Buckets:
    """Mean and middle half (25th–75th percentile) of ``values`` per week or month.

    Days without a value are left out; a bucket with none has ``n`` 0 and ``NaN`` figures.
    ``Unit.DAY`` gives each day as its own bucket (band = the value itself).
    """
    days = np.asarray(days, dtype="datetime64[D]")
    values = np.asarray(values, dtype=float)
    starts, inverse = bucket_index(days, unit)
    if not len(days):
        empty = np.zeros(0)
        return Buckets(unit, starts, starts.copy(), empty, empty, empty, empty)
    ends = np.full(len(starts), days[-1])
    ends[:-1] = days[np.flatnonzero(np.diff(inverse))]  # the last day of each bucket
    ordered = np.sort(_grid(values, inverse, len(starts)), axis=1)  # NaN sort last
    n = (~np.isnan(ordered)).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(n > 0, np.nansum(ordered, axis=1) / np.maximum(n, 1), np.nan)
    starts = np.maximum(starts, days[0])  # a range begun mid-week starts its first week
    return Buckets(
        unit,
        starts,
        ends,
        n.astype(float),
        mean,
        _quantile(ordered, n, 0.25),
        _quantile(ordered, n, 0.75),
    )


def per_day(days: np.ndarray, counts: np.ndarray, unit: Unit) -> np.ndarray:
    """Mean count per logged day of each bucket (a week and a month compare; a day with
    nothing logged is unknown, not 0). ``NaN`` where no day of the bucket was logged."""
    return aggregate(days, counts, unit).mean


def ratio_by(
    days: np.ndarray, done: np.ndarray, due: np.ndarray, unit: Unit
) -> tuple[np.ndarray, np.ndarray]:
    """(bucket starts, done / due) for per-period totals keyed by their first day (weekly
    adherence into months): the ratio of the sums, ``NaN`` where nothing was due."""
    starts, inverse = bucket_index(days, unit)
    done_sum = np.bincount(
        inverse, weights=np.nan_to_num(np.asarray(done, dtype=float)), minlength=len(starts)
    )
    due_sum = np.bincount(
        inverse, weights=np.nan_to_num(np.asarray(due, dtype=float)), minlength=len(starts)
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        return starts, np.where(due_sum > 0, done_sum / np.maximum(due_sum, 1e-12), np.nan)


@dataclass(frozen=True, slots=True)
class GoodContactMoods:
    """The headline: mood on days with 0, 1, 2 and 3+ contacts that felt good."""

    #: ``MeanCI`` per bar, in order 0, 1, 2, 3+ (withheld under the thresholds)
    bars: tuple[MeanCI, ...]
    #: days with both a mood and a known count of good contacts
    total: int

    @property
    def enough(self) -> bool:
        return self.total >= MIN_PAIRS


def good_contact_bins(meaningful: np.ndarray) -> np.ndarray:
    """The bar (0, 1, 2 or 3 for "3 or more") of each day; ``NaN`` where nothing was logged."""
    counts = np.asarray(meaningful, dtype=float)
    return np.where(np.isnan(counts), np.nan, np.minimum(counts, MOST_GOOD_CONTACTS))


def mood_by_good_contacts(mood: np.ndarray, meaningful: np.ndarray) -> GoodContactMoods:
    """Mean mood and 95% CI on days with 0, 1, 2, 3+ contacts that felt good.

    Each bar is a group of ``groups.mood_by_group`` over the days with both a mood and a
    known count: the same intervals (allowing for one day resembling the next) and the same
    thresholds (under ``MIN_PAIRS`` such days every bar is withheld; a bar under ``MIN_GROUP``
    days is withheld on its own).
    """
    mood = np.asarray(mood, dtype=float)
    bins = good_contact_bins(meaningful)
    known = ~np.isnan(mood) & ~np.isnan(bins)
    bars = mood_by_group(
        np.where(known, mood, np.nan),
        {str(bar): (bins == bar).astype(float) for bar in range(MOST_GOOD_CONTACTS + 1)},
    )
    return GoodContactMoods(tuple(bars.values()), int(known.sum()))


def distinct_pairs(
    x: np.ndarray, y: np.ndarray, step: float = 1.0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each distinct (x, y) of the days where both are known, once, with how many days it
    holds: (x, y, days). ``x`` is first rounded down to multiples of ``step`` (minutes into
    bins of a quarter hour, say); counts and ratings are whole already."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    both = ~np.isnan(x) & ~np.isnan(y)
    if not both.any():
        return np.zeros(0), np.zeros(0), np.zeros(0)
    xs = np.floor(x[both] / step) * step if step != 1.0 else x[both]
    # one code per pair from the distinct values of each (a few dozen): the same pairs in the
    # same order as np.unique(axis=0) of the rows, at the cost of three 1-d sorts
    x_values, x_index = np.unique(xs, return_inverse=True)
    y_values, y_index = np.unique(y[both], return_inverse=True)
    codes, counts = np.unique(x_index * len(y_values) + y_index, return_counts=True)
    return x_values[codes // len(y_values)], y_values[codes % len(y_values)], counts.astype(float)


def minutes_step(minutes: np.ndarray) -> float:
    """A bin width for minutes of contact giving at most about 30 columns: 5, 10, 15, 30, 60
    minutes or more."""
    known = np.asarray(minutes, dtype=float)
    known = known[~np.isnan(known)]
    most = float(known.max()) if len(known) else 0.0
    return next((s for s in (5.0, 10.0, 15.0, 30.0, 60.0, 120.0) if most / s <= 30), 240.0)
