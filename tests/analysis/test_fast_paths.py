"""The faster figures of issue 21 give the same results, bit for bit, as the straightforward
ways they replaced (kept here as the references), on many random cases with ties, missing
days and constant series."""

from __future__ import annotations

import numpy as np

from journal.analysis.aggregate import distinct_pairs
from journal.analysis.stats import rank
from journal.analysis.streaks import MIN_EPISODES, Resilience, resilience


def _rank_by_sorting(values: np.ndarray) -> np.ndarray:
    values = np.asarray(values, dtype=float)
    order = np.argsort(values, kind="mergesort")
    sorted_values = values[order]
    ranks = np.empty(len(values), dtype=float)
    starts = np.flatnonzero(np.r_[True, sorted_values[1:] != sorted_values[:-1]])
    ends = np.r_[starts[1:], len(values)]
    ranks[order] = np.repeat((starts + ends + 1) / 2.0, ends - starts)
    return ranks


def _pairs_by_rows(x: np.ndarray, y: np.ndarray, step: float = 1.0):
    both = ~np.isnan(x) & ~np.isnan(y)
    if not both.any():
        return np.zeros(0), np.zeros(0), np.zeros(0)
    xs = np.floor(x[both] / step) * step if step != 1.0 else x[both]
    pairs, counts = np.unique(np.column_stack([xs, y[both]]), axis=0, return_counts=True)
    return pairs[:, 0], pairs[:, 1], counts.astype(float)


def _resilience_by_loop(mood: np.ndarray) -> Resilience:
    present = np.flatnonzero(~np.isnan(mood))
    if len(present) < 14:
        return Resilience(0, None, None, None)
    values = mood[present]
    low, high = float(np.percentile(values, 25)), float(np.percentile(values, 75))
    durations: list[int] = []
    start: int | None = None
    for day, value in zip(present, values, strict=True):
        if start is None and value < low:
            start = int(day)
        elif start is not None and value >= low:
            durations.append(int(day) - start)
            start = None
    if len(durations) < MIN_EPISODES:
        return Resilience(len(durations), None, low, high)
    return Resilience(len(durations), float(np.median(durations)), low, high)


def _random_series(rng: np.random.Generator, n: int, span: int) -> np.ndarray:
    values = rng.integers(0, span + 1, n).astype(float)
    values[rng.random(n) < rng.random() * 0.5] = np.nan
    return values


def test_rank_by_counting_equals_rank_by_sorting() -> None:
    rng = np.random.default_rng(21)
    for case in range(2000):
        n = int(rng.integers(0, 400))
        span = int(rng.choice([0, 1, 10, 60, 5000, 10**7]))
        values = rng.integers(-span, span + 1, n).astype(float)
        if case % 7 == 0:
            values = values + rng.random(n)  # not whole: sorted
        np.testing.assert_array_equal(rank(values), _rank_by_sorting(values))


def test_distinct_pairs_by_codes_equal_unique_rows() -> None:
    rng = np.random.default_rng(22)
    for case in range(1500):
        n = int(rng.integers(0, 300))
        x = _random_series(rng, n, int(rng.choice([0, 3, 12, 600])))
        y = _random_series(rng, n, 10)
        step = 15.0 if case % 3 == 0 else 1.0
        for fast, slow in zip(distinct_pairs(x, y, step), _pairs_by_rows(x, y, step), strict=True):
            np.testing.assert_array_equal(fast, slow)


def test_resilience_vectorised_equals_the_loop() -> None:
    rng = np.random.default_rng(23)
    for case in range(1500):
        n = int(rng.integers(0, 400))
        mood = _random_series(rng, n, int(rng.choice([0, 1, 4, 10])))
        if case % 11 == 0:
            mood[:] = 5.0  # constant: no day below the 25th percentile
        assert resilience(mood) == _resilience_by_loop(mood)


def test_compare_on_the_known_days_equals_compare_on_every_day() -> None:
    from journal.analysis.stats import _compare_all_days, _compare_known

    rng = np.random.default_rng(24)
    for case in range(1500):
        n = int(rng.integers(0, 500))
        values = _random_series(rng, n, int(rng.choice([0, 1, 10])))
        condition = (rng.random(n) < rng.random()).astype(float)
        if case % 2:
            condition *= rng.integers(1, 5, n)  # counts: above 0 is "with"
        condition[rng.random(n) < rng.random() * 0.4] = np.nan
        if case % 5 == 0:  # runs of days (neighbours resemble each other)
            values = np.repeat(values[: n // 4 + 1], 4)[:n]
        known = ~np.isnan(values) & ~np.isnan(condition)
        assert _compare_known(values, condition, known) == _compare_all_days(
            values, condition, known
        )


def test_buckets_of_ordered_days_equal_those_of_a_sort() -> None:
    from journal.analysis.aggregate import Unit, bucket_index

    rng = np.random.default_rng(25)
    for case in range(300):
        first = np.datetime64("1990-01-01") + int(rng.integers(0, 15000))
        days = first + np.arange(int(rng.integers(2, 3000)))
        if case % 3 == 0:
            days = np.sort(rng.choice(days, len(days) // 2 + 1))  # gaps and repeats
        for unit in Unit:
            if unit is Unit.MONTH:
                keys = days.astype("datetime64[M]").astype("datetime64[D]")
            elif unit is Unit.WEEK:
                keys = days - ((days.astype(np.int64) - 4) % 7).astype("timedelta64[D]")
            else:
                keys = days
            starts, inverse = np.unique(keys, return_inverse=True)
            found = bucket_index(days, unit)
            np.testing.assert_array_equal(found[0], starts)
            np.testing.assert_array_equal(found[1], inverse.reshape(-1))
