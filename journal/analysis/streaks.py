"""Runs of days: isolation (logged days without a meaningful contact) and bouncing back after
low days."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

#: A bounce-back figure needs at least this many low spells that ended.
MIN_EPISODES = 5


@dataclass(frozen=True, slots=True)
class Isolation:
    """Logged days without a contact that felt good (how connected ≥ 4).

    Only *logged* days count (a check-in or a contact): a day nobody logged is unknown, not
    lonely, so an unlogged gap neither adds to a stretch nor ends it. ``current`` is the
    number of logged days after the last meaningful contact up to the series' end (0 when the
    last logged day had one); ``longest`` the longest such stretch of logged days. ``current``
    is ``None`` when no logged day of the range had a meaningful contact. ``logged_days`` is
    how many days were logged in all.
    """

    current: int | None
    longest: int
    last_meaningful: dt.date | None
    logged_days: int = 0


def isolation(days: np.ndarray, meaningful: np.ndarray) -> Isolation:
    """Current and longest run of logged days without a meaningful contact.

    ``meaningful`` is NaN on days nothing was logged (as ``DailySeries.meaningful``).
    """
    values = np.asarray(meaningful, dtype=float)
    logged = np.flatnonzero(~np.isnan(values))
    had = values[logged] > 0
    if not had.any():
        return Isolation(None, len(logged), None, len(logged))
    hits = np.flatnonzero(had)  # positions among the logged days
    gaps = np.diff(np.r_[-1, hits, len(logged)]) - 1
    last = int(hits[-1])
    return Isolation(
        len(logged) - 1 - last, int(gaps.max()), days[logged[last]].astype(dt.date), len(logged)
    )


@dataclass(frozen=True, slots=True)
class Resilience:
    """Median days for mood to come back to the usual range after a low day."""

    episodes: int
    median_days: float | None
    usual_low: float | None
    usual_high: float | None

    @property
    def reportable(self) -> bool:
        return self.median_days is not None


def resilience(mood: np.ndarray) -> Resilience:
    """Low spells and how long they last.

    The usual range is the middle half of the person's own moods (25th to 75th percentile).
    A low spell starts on a day below it and ends on the first later day with a mood back in
    or above it; days without a check-in are skipped (they neither end nor lengthen a spell,
    but calendar days are counted). Spells still running at the end are not counted.
    """
    mood = np.asarray(mood, dtype=float)
    present = np.flatnonzero(~np.isnan(mood))
    if len(present) < 14:
        return Resilience(0, None, None, None)
    values = mood[present]
    low, high = float(np.percentile(values, 25)), float(np.percentile(values, 75))
    # a spell is a run of days below, in the order of the days with a mood: it starts on the
    # run's first day and ends on the first day after the run (none: still running)
    edges = np.diff(np.r_[0, (values < low).astype(np.int8), 0])
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    ended = ends < len(values)
    durations = (present[ends[ended]] - present[starts[ended]]).tolist()
    if len(durations) < MIN_EPISODES:
        return Resilience(len(durations), None, low, high)
    return Resilience(len(durations), float(np.median(durations)), low, high)
