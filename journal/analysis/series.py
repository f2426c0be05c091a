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


#: Columns of a per-day contact total (``store.contacts.daily_totals``), after the day offset:
#: contacts, minutes, meaningful contacts, sum of quality, then one count per relationship
#: kind and one per mode, in the order of ``Relationship`` and ``Mode``.
TOTAL_COLUMNS = (
    "contacts",
    "minutes",
    "meaningful",
    "quality_sum",
    *(f"kind:{kind.value}" for kind in Relationship),
    *(f"mode:{mode.value}" for mode in Mode),
)


def _fields(column: np.ndarray, bits: Sequence[int]) -> np.ndarray:
    """The fields of ``bits`` bits each (lowest first) of each integer of ``column``."""
    shifts = np.cumsum([0, *bits[:-1]], dtype=np.int64)
    masks = (np.int64(1) << np.asarray(bits, dtype=np.int64)) - 1
    return (column.astype(np.int64)[:, None] >> shifts) & masks


def series_from_figures(
    start: dt.date,
    end: dt.date,
    parts: Iterable[Sequence[Sequence[object]]],
    rating_bits: int,
    head_bits: Sequence[int],
    count_bits: int,
) -> DailySeries | None:
    """The series of ``start..end`` straight from the packed rows of
    ``store.day_figures.packed_rows``, their offsets from ``start``, given a stretch at a time
    (``parts``): each stretch's numbers go into the finished arrays at once, with no table or
    series of its own in between (50 years: ~33 ms, against ~46 through ``series_from_totals``
    and ``join_series``). ``None`` when a day does not fit the packing: read plainly then. The
    same arrays as the plain read (``tests/services/test_series_cache.py``,
    ``test_figures_stretches.py``)."""
    length = _length(start, end)
    rated = len(DAY_COLUMNS) - 2
    gap = (1 << rating_bits) - 1
    ratings = np.full((len(DAY_COLUMNS) - 1, length), np.nan)
    counts = np.zeros((len(TOTAL_COLUMNS), length))
    checked_in = np.zeros(length, dtype=bool)
    heads = len(head_bits)
    after_kinds = heads + len(Relationship)
    for rows in parts:
        if not len(rows):
            continue
        table = np.array(rows, dtype=float).reshape(len(rows), 6)  # None becomes NaN
        offset, rating, sleep, head, kinds, modes = table.T
        checked = ~np.isnan(rating)
        if (rating[checked] < 0).any() or (head < 0).any():
            return None
        index = offset.astype(np.intp)
        days = index[checked]
        values = _fields(rating[checked], [rating_bits] * rated).astype(float)
        values[values == gap] = np.nan  # all bits set: not given
        ratings[:rated, days] = values.T
        ratings[rated, days] = sleep[checked]
        checked_in[days] = True
        counts[:heads, index] = _fields(head, head_bits).T
        counts[heads:after_kinds, index] = _fields(kinds, [count_bits] * len(Relationship)).T
        counts[after_kinds:, index] = _fields(modes, [count_bits] * len(Mode)).T
    columns = {name: counts[i] for i, name in enumerate(TOTAL_COLUMNS)}
    logged = checked_in | (columns["contacts"] > 0)
    contacts = columns["contacts"]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_quality = np.where(
            contacts > 0, columns["quality_sum"] / np.maximum(contacts, 1), np.nan
        )
    counts[:, ~logged] = np.nan
    return DailySeries(
        start,
        end,
        np.arange(np.datetime64(start, "D"), np.datetime64(end, "D") + 1),
        {name: ratings[i] for i, name in enumerate(DAY_COLUMNS[1:])},
        logged,
        contacts,
        columns["minutes"],
        columns["meaningful"],
        mean_quality,
        {kind: columns[f"kind:{kind.value}"] for kind in Relationship},
        {mode: columns[f"mode:{mode.value}"] for mode in Mode},
    )


def build_series(
    start: dt.date, end: dt.date, day_rows: Sequence[DayRow], contact_rows: Sequence[ContactRow]
) -> DailySeries:
    """Daily series from check-in rows (``DAY_COLUMNS``) and contact rows (``CONTACT_COLUMNS``).

    Rows outside the range are ignored. The journal itself uses ``series_from_totals``, whose
    per-day totals SQLite adds up; this form takes one row per contact (imports, tests).
    """
    length = _length(start, end)
    day_index = _offsets((row[0] for row in day_rows), start)
    day_values = _day_values(day_rows, first=1)
    totals = np.zeros((length, len(TOTAL_COLUMNS)))
    if contact_rows:
        index = _offsets((row[0] for row in contact_rows), start)
        inside = (index >= 0) & (index < length)
        rows = [row for row, keep in zip(contact_rows, inside, strict=True) if keep]
        per_contact = np.zeros((len(rows), len(TOTAL_COLUMNS)))
        quality = np.array([row[4] for row in rows], dtype=float)
        per_contact[:, 0] = 1
        per_contact[:, 1] = [row[3] or 0 for row in rows]
        per_contact[:, 2] = quality >= MEANINGFUL_QUALITY
        per_contact[:, 3] = quality
        column = {name: i for i, name in enumerate(TOTAL_COLUMNS)}
        for i, row in enumerate(rows):
            per_contact[i, column[f"kind:{row[1]}"]] = 1
            per_contact[i, column[f"mode:{row[2]}"]] = 1
        np.add.at(totals, index[inside], per_contact)
    has_contacts = totals[:, 0] > 0
    return _assemble(start, end, day_index, day_values, totals, has_contacts)


def series_from_totals(
    start: dt.date,
    end: dt.date,
    day_rows: Sequence[DayRow],
    totals: Sequence[Sequence[float]] | np.ndarray,
) -> DailySeries:
    """Daily series from rows keyed by day offset from ``start`` instead of a date.

    ``day_rows``: offset then the ratings of ``DAY_COLUMNS``; ``totals``: offset then
    ``TOTAL_COLUMNS``, one row per day with contacts. Ten years are 3,650 short rows instead of
    15,000 contacts turned into Python objects, which keeps a refresh of the whole journal fast.
    """
    length = _length(start, end)
    # one conversion for offsets and ratings (a missing rating, None, becomes NaN)
    day_table = np.array(day_rows, dtype=float).reshape(len(day_rows), len(DAY_COLUMNS))
    day_index = day_table[:, 0].astype(np.int64)
    day_values = day_table[:, 1:]
    table = np.zeros((length, len(TOTAL_COLUMNS)))
    has_contacts = np.zeros(length, dtype=bool)
    if len(totals):
        rows = np.array(totals, dtype=float)
        index = rows[:, 0].astype(np.int64)
        inside = (index >= 0) & (index < length)
        table[index[inside]] = rows[inside, 1:]
        has_contacts[index[inside]] = rows[inside, 1] > 0
    return _assemble(start, end, day_index, day_values, table, has_contacts)


def _length(start: dt.date, end: dt.date) -> int:
    if end < start:
        raise ValueError("end must not be before start")
    return (end - start).days + 1


def _day_values(day_rows: Sequence[DayRow], first: int) -> np.ndarray:
    """The ratings of each row from column ``first`` on; a missing one (None) is NaN."""
    return np.array([row[first:] for row in day_rows], dtype=float).reshape(
        len(day_rows), len(DAY_COLUMNS) - 1
    )


def _assemble(
    start: dt.date,
    end: dt.date,
    day_index: np.ndarray,
    day_values: np.ndarray,
    totals: np.ndarray,
    has_contacts: np.ndarray,
) -> DailySeries:
    """The arrays of a ``DailySeries`` from check-in values and per-day contact totals."""
    length = len(totals)
    days = np.arange(np.datetime64(start, "D"), np.datetime64(end, "D") + 1)
    ratings = {name: np.full(length, np.nan) for name in DAY_COLUMNS[1:]}
    checked_in = np.zeros(length, dtype=bool)
    inside = (day_index >= 0) & (day_index < length)
    for column, name in enumerate(DAY_COLUMNS[1:]):
        ratings[name][day_index[inside]] = day_values[inside, column]
    checked_in[day_index[inside]] = True

    logged = checked_in | has_contacts
    unknown = ~logged
    columns = {name: totals[:, i].copy() for i, name in enumerate(TOTAL_COLUMNS)}
    counts = columns["contacts"]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_quality = np.where(counts > 0, columns["quality_sum"] / np.maximum(counts, 1), np.nan)
    by_kind = {kind: columns[f"kind:{kind.value}"] for kind in Relationship}
    by_mode = {mode: columns[f"mode:{mode.value}"] for mode in Mode}
    for array in (
        counts,
        columns["minutes"],
        columns["meaningful"],
        *by_kind.values(),
        *by_mode.values(),
    ):
        array[unknown] = np.nan
    return DailySeries(
        start,
        end,
        days,
        ratings,
        logged,
        counts,
        columns["minutes"],
        columns["meaningful"],
        mean_quality,
        by_kind,
        by_mode,
    )


def slice_series(series: DailySeries, start: dt.date, end: dt.date) -> DailySeries:
    """The part ``start..end`` of a series that covers it (views, no copy)."""
    if start < series.start or end > series.end or end < start:
        raise ValueError("the range must lie inside the series")
    first = (start - series.start).days
    stop = (end - series.start).days + 1
    part = slice(first, stop)
    return DailySeries(
        start,
        end,
        series.days[part],
        {name: array[part] for name, array in series.ratings.items()},
        series.logged[part],
        series.contacts[part],
        series.minutes[part],
        series.meaningful[part],
        series.mean_quality[part],
        {kind: array[part] for kind, array in series.by_kind.items()},
        {mode: array[part] for mode, array in series.by_mode.items()},
    )


def join_series(start: dt.date, end: dt.date, parts: Iterable[DailySeries]) -> DailySeries:
    """The series of ``start..end`` from consecutive ``parts`` that cover it, in order.

    Each part is copied in as it comes, so a generator that reads the journal a stretch at a
    time never holds a lifetime of rows (and their arrays) at once: the peak is the finished
    arrays and one stretch. Every figure of a day depends on that day alone, so the result
    equals the series read in one go.
    """
    length = _length(start, end)

    def empty() -> np.ndarray:
        return np.full(length, np.nan)

    whole = DailySeries(
        start,
        end,
        np.arange(np.datetime64(start, "D"), np.datetime64(end, "D") + 1),
        {name: empty() for name in DAY_COLUMNS[1:]},
        np.zeros(length, dtype=bool),
        empty(),
        empty(),
        empty(),
        empty(),
        {kind: empty() for kind in Relationship},
        {mode: empty() for mode in Mode},
    )
    at = 0
    for part in parts:
        if part.start != start + dt.timedelta(days=at) or at + len(part) > length:
            raise ValueError("the parts must follow each other from start to end")
        cut = slice(at, at + len(part))
        for name, array in whole.ratings.items():
            array[cut] = part.ratings[name]
        for name in ("logged", "contacts", "minutes", "meaningful", "mean_quality"):
            getattr(whole, name)[cut] = getattr(part, name)
        for kind, array in whole.by_kind.items():
            array[cut] = part.by_kind[kind]
        for mode, array in whole.by_mode.items():
            array[cut] = part.by_mode[mode]
        at += len(part)
    if at != length:
        raise ValueError("the parts must cover the range")
    return whole


def replace_days(series: DailySeries, days: Sequence[DailySeries]) -> DailySeries:
    """A copy of ``series`` with the days of each one-day series in ``days`` put in.

    After a save only that day changes; patching it keeps a refresh of ten years as cheap as
    one of a month. The original arrays are left alone (pages may still hold them).
    """

    def copy(array: np.ndarray) -> np.ndarray:
        return array.copy()

    new = DailySeries(
        series.start,
        series.end,
        series.days,
        {name: copy(a) for name, a in series.ratings.items()},
        copy(series.logged),
        copy(series.contacts),
        copy(series.minutes),
        copy(series.meaningful),
        copy(series.mean_quality),
        {kind: copy(a) for kind, a in series.by_kind.items()},
        {mode: copy(a) for mode, a in series.by_mode.items()},
    )
    for day in days:
        if len(day) != 1 or not series.start <= day.start <= series.end:
            raise ValueError("each replacement must be one day inside the series")
        i = (day.start - series.start).days
        for name, array in new.ratings.items():
            array[i] = day.ratings[name][0]
        for name in ("logged", "contacts", "minutes", "meaningful", "mean_quality"):
            getattr(new, name)[i] = getattr(day, name)[0]
        for kind, array in new.by_kind.items():
            array[i] = day.by_kind[kind][0]
        for mode, array in new.by_mode.items():
            array[i] = day.by_mode[mode][0]
    return new


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
