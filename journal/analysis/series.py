"""Daily series: one element per calendar day of a range, ``NaN`` where nothing is known.

Inputs are plain rows straight from the store (no record objects), so ten years of data become
arrays in a few milliseconds. A day counts as *logged* when it has a check-in or at least one
contact; contact figures are 0 on logged days without contacts and ``NaN`` on days nothing was
logged at all, because an empty day is unknown, not lonely.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from journal.domain.kinds import Mode, Relationship
from journal.domain.records import MEANINGFUL_QUALITY, RATINGS

#: Columns of a check-in row, in order: date (ISO text), the five ratings, sleep hours.
DAY_COLUMNS = ("date", *RATINGS, "sleep_hours")
#: Columns of a contact row, in order.
CONTACT_COLUMNS = ("date", "kind", "mode", "minutes", "quality")

DayRow = Sequence[object]
ContactRow = Sequence[object]


@dataclass(frozen=True, slots=True)
class DailySeries:
    """Aligned arrays over ``start..end``; ``days`` holds numpy ``datetime64[D]`` dates."""

    start: dt.date
    end: dt.date
    days: np.ndarray
    ratings: dict[str, np.ndarray]
    logged: np.ndarray
    contacts: np.ndarray
    minutes: np.ndarray
    meaningful: np.ndarray
    mean_quality: np.ndarray
    by_kind: dict[Relationship, np.ndarray] = field(default_factory=dict)
    by_mode: dict[Mode, np.ndarray] = field(default_factory=dict)

    @property
    def mood(self) -> np.ndarray:
        return self.ratings["mood"]

    def __len__(self) -> int:
        return len(self.days)


def _offsets(dates: Iterable[object], start: dt.date) -> np.ndarray:
    as_days = np.array(list(dates), dtype="datetime64[D]")
    return (as_days - np.datetime64(start, "D")).astype(np.int64)


def build_series(start: dt.date, end: dt.date, day_rows: Sequence[DayRow],
                 contact_rows: Sequence[ContactRow]) -> DailySeries:
    """Daily series from check-in rows (``DAY_COLUMNS``) and contact rows (``CONTACT_COLUMNS``).

    Rows outside the range are ignored.
    """
    if end < start:
        raise ValueError("end must not be before start")
    length = (end - start).days + 1
    days = np.arange(np.datetime64(start, "D"), np.datetime64(end, "D") + 1)
    ratings = {name: np.full(length, np.nan) for name in (*RATINGS, "sleep_hours")}
    checked_in = np.zeros(length, dtype=bool)
    if day_rows:
        table = np.array([[np.nan if v is None else v for v in row[1:]] for row in day_rows],
                         dtype=float)
        index = _offsets((row[0] for row in day_rows), start)
        inside = (index >= 0) & (index < length)
        for column, name in enumerate(DAY_COLUMNS[1:]):
            ratings[name][index[inside]] = table[inside, column]
        checked_in[index[inside]] = True

    counts = np.zeros(length)
    minutes = np.zeros(length)
    meaningful = np.zeros(length)
    quality_sum = np.zeros(length)
    by_kind = {kind: np.zeros(length) for kind in Relationship}
    by_mode = {mode: np.zeros(length) for mode in Mode}
    if contact_rows:
        index = _offsets((row[0] for row in contact_rows), start)
        inside = (index >= 0) & (index < length)
        idx = index[inside]
        rows = [row for row, keep in zip(contact_rows, inside, strict=True) if keep]
        quality = np.array([row[4] for row in rows], dtype=float)
        mins = np.array([row[3] or 0 for row in rows], dtype=float)
        np.add.at(counts, idx, 1)
        np.add.at(minutes, idx, mins)
        np.add.at(meaningful, idx, quality >= MEANINGFUL_QUALITY)
        np.add.at(quality_sum, idx, quality)
        kinds = np.array([row[1] for row in rows], dtype=object)
        modes = np.array([row[2] for row in rows], dtype=object)
        for kind, array in by_kind.items():
            np.add.at(array, idx[kinds == kind.value], 1)
        for mode, array in by_mode.items():
            np.add.at(array, idx[modes == mode.value], 1)

    logged = checked_in | (counts > 0)
    unknown = ~logged
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_quality = np.where(counts > 0, quality_sum / np.maximum(counts, 1), np.nan)
    for array in (counts, minutes, meaningful, *by_kind.values(), *by_mode.values()):
        array[unknown] = np.nan
    return DailySeries(start, end, days, ratings, logged, counts, minutes, meaningful,
                       mean_quality, by_kind, by_mode)


def rolling_mean(values: np.ndarray, window: int = 7, min_count: int = 1) -> np.ndarray:
    """Trailing mean over ``window`` days that skips missing days.

    A day gets a value when at least ``min_count`` of its window's days have one.
    """
    values = np.asarray(values, dtype=float)
    present = ~np.isnan(values)
    filled = np.where(present, values, 0.0)
    sums = np.convolve(filled, np.ones(window), mode="full")[: len(values)]
    counts = np.convolve(present.astype(float), np.ones(window), mode="full")[: len(values)]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts >= min_count, sums / np.maximum(counts, 1), np.nan)


def weekly_mean(days: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean per ISO week (Monday start) skipping missing days: (week starts, means)."""
    weekday = (days.astype("datetime64[D]").astype(np.int64) - 4) % 7  # 1970-01-05 is Monday
    week_start = days - weekday.astype("timedelta64[D]")
    weeks, inverse = np.unique(week_start, return_inverse=True)
    present = ~np.isnan(values)
    sums = np.bincount(inverse, weights=np.where(present, values, 0.0), minlength=len(weeks))
    counts = np.bincount(inverse, weights=present.astype(float), minlength=len(weeks))
    with np.errstate(invalid="ignore", divide="ignore"):
        return weeks, np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
