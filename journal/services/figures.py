"""Figures: the daily series, the insights, weekly adherence and the journal's span, and what
the Trends and Insights pages draw, as plain arrays and dataclasses (the charts only show).

The series of the whole journal is kept and patched day by day after saves (see ``series``);
the analysis (numpy) is imported when a figure is first asked for, so start-up does not need it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journal.domain.dates import week_start
from journal.domain.errors import ValidationError
from journal.i18n import translate
from journal.services.base import JournalBase
from journal.store import contacts as contacts_store
from journal.store import days as days_store
from journal.store import treatment as treatment_store

if TYPE_CHECKING:
    import numpy as np

    from journal.analysis.adherence import WeeklyAdherence
    from journal.analysis.insights import InsightReport
    from journal.analysis.series import DailySeries
    from journal.analysis.stats import Association


def check_range(start: dt.date, end: dt.date) -> None:
    """Refuse a range that ends before it starts (naming the field ``to``)."""
    if end < start:
        raise ValidationError(
            "to", translate("validation", "the end of the range cannot be before its start")
        )


class FiguresUseCases(JournalBase):
    """The figures of a range; mixed into ``Journal``."""

    def journal_span(self) -> tuple[dt.date, dt.date] | None:
        """First and last day with a check-in, or ``None`` for an empty journal."""
        return days_store.first_and_last_date(self.db)

    def default_range(self) -> tuple[dt.date, dt.date]:
        """From the first check-in (or today) to today."""
        span = self.journal_span()
        today = self.today()
        return (min(span[0], today) if span else today), today

    def series(self, start: dt.date, end: dt.date, *, keep: bool = True) -> DailySeries:
        """Daily series of ``start..end``, cut from one kept series of the whole journal.

        The kept series is patched day by day after saves made through this object and
        rebuilt after any other write: every write goes through this connection, so its
        ``total_changes`` counter shows a write that was not a recorded day's (an import, a
        merge, a restore). A refresh after a save then costs the same on the tenth year as on
        the first.

        ``keep=False`` is for one-shot work (the CLI's insights and export, the summary's PDF
        and preview): it is cut from a kept series that covers the range, or else only the
        range is read and nothing is kept, so four weeks of a lifetime cost four weeks. The
        days are the same either way (``tests/services/test_series_cache.py``).
        """
        from journal.analysis.series import slice_series

        base = self._fresh_base_series()
        if not keep:
            if base is not None and base.start <= start and end <= base.end:
                return slice_series(base, start, end)
            return self._build_series(start, end)
        if base is None or start < base.start or end > base.end:
            first = self.journal_span()
            base_start = min(start, first[0] if first else start)
            if base is not None:
                base_start = min(base_start, base.start)
            base = self._build_series(base_start, max(end, self.today()))
            self._base_series = (self.db.conn, self.changes(), base)
        return slice_series(base, start, end)

    def _build_series(self, start: dt.date, end: dt.date) -> DailySeries:
        from journal.analysis.series import series_from_totals, unpack_totals

        packed = contacts_store.packed_daily_totals(self.db, start, end)
        totals = (
            contacts_store.daily_totals(self.db, start, end)
            if packed is None
            else unpack_totals(packed, contacts_store.PACK_BITS, contacts_store.PACK_WIDTH)
        )
        return series_from_totals(
            start, end, days_store.rating_rows_by_offset(self.db, start, end), totals
        )

    def _fresh_base_series(self) -> DailySeries | None:
        """The kept series brought up to date by patching the days written since, or
        ``None`` when a write it cannot account for happened."""
        from journal.analysis.series import replace_days

        kept = self._base_series
        if kept is None or kept[0] is not self.db.conn:
            return None
        _, at, base = kept
        dates = self._days_written_since(at)
        if dates is None or any(not base.start <= d <= base.end for d in dates):
            return None
        if dates:
            base = replace_days(base, [self._build_series(d, d) for d in sorted(dates)])
            self._base_series = (self.db.conn, self.changes(), base)
        return base

    def insights(
        self, start: dt.date, end: dt.date, *, keep: bool = True, series: DailySeries | None = None
    ) -> InsightReport:
        """Every figure and the ranked sentences for ``start..end``.

        ``keep=False``: one-shot work (see ``series``); ``series``: the series of
        ``start..end`` already at hand (the summary reads it once for its charts and this).
        """
        import numpy as np

        from journal.analysis.insights import compute_insights

        check_range(start, end)
        if series is None:
            series = self.series(start, end, keep=keep)

        def attended() -> np.ndarray:
            days = np.zeros(len(series))
            for iso_date in treatment_store.attended_session_dates(self.db, start, end):
                days[(dt.date.fromisoformat(iso_date) - start).days] = 1.0
            days.flags.writeable = False  # kept: shared by every refresh until a session changes
            return days

        # sessions are not a day's write: kept across saves of check-ins and contacts
        sessions = attended() if not keep else self._kept(("attended", start, end), attended)
        return compute_insights(series, sessions, today=self.today())

    def weekly_adherence(self, start: dt.date, end: dt.date) -> WeeklyAdherence:
        """Medication, session and commitment adherence per week of ``start..end``; the week
        holding today is marked ``so_far``.

        Kept per range; after saves of days through this journal only their weeks are
        computed again (a check-in makes a day known for the medication figures), so a
        refresh of the whole journal costs a week's reading, not a lifetime's.
        """
        from journal.analysis.adherence import with_weeks

        kept = self._kept_results
        key = ("weekly_adherence", start, end, self.today())
        hit = kept.get(key)
        dates = (
            self._days_written_since(hit[1]) if hit is not None and hit[0] is self.db.conn else None
        )
        if hit is None or dates is None:
            result = self._read_weekly_adherence(start, end)
        else:
            weeks = sorted({week_start(d) for d in dates if start <= d <= end})
            result = with_weeks(
                hit[2],  # type: ignore[arg-type]
                [
                    self._read_weekly_adherence(max(start, w), min(end, w + dt.timedelta(days=6)))
                    for w in weeks
                ],
            )
        self._keep(key, result)
        return result

    def _read_weekly_adherence(self, start: dt.date, end: dt.date) -> WeeklyAdherence:
        from journal.analysis.adherence import weekly_adherence

        db = self.db
        return weekly_adherence(
            start,
            end,
            medications=treatment_store.list_medications(db),
            doses=treatment_store.dose_rows(db, start, end),
            checkin_dates=days_store.dates_with_checkins(db, start, end),
            sessions=treatment_store.sessions_between(db, start, end),
            commitments=treatment_store.list_commitments(db),
            commitment_log=treatment_store.done_rows(db, start, end),
            today=self.today(),
        )

    def year_mood(
        self, year: int | None, within: DailySeries | None = None
    ) -> tuple[dt.date, np.ndarray]:
        """The first day and the mood of each day the year in pixels shows: the last 53
        weeks (``year`` ``None``) or a calendar year up to today; cut from ``within`` when it
        holds them, else read."""
        today = self.today()
        if year is None:
            start, end = week_start(today) - dt.timedelta(weeks=52), today
        else:
            start, end = dt.date(year, 1, 1), min(dt.date(year, 12, 31), today)
        if within is not None and within.start <= start and end <= within.end:
            offset = (start - within.start).days
            return start, within.mood[offset : offset + (end - start).days + 1]
        return start, self.series(start, end).mood


# --- what the Trends page draws ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GroupFigures:
    """Mean mood per group of days (one element per group shown, ``NaN``-free) and the
    groups left out with their days (``too_few``): one panel of the group means chart."""

    labels: tuple[str, ...]
    n: np.ndarray
    mean: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    too_few: tuple[tuple[str, int], ...] = ()


def group_means(mood: np.ndarray, groups: Mapping[str, np.ndarray]) -> GroupFigures:
    """Mean mood and its 95% CI on the days each group's count is above 0
    (``analysis.groups.mood_by_group``: the thresholds of the insight sentences).

    Groups withheld (fewer than ``MIN_GROUP`` such days, or under ``MIN_PAIRS`` days with a
    mood in all) are listed in ``too_few`` instead.
    """
    import numpy as np

    from journal.analysis.groups import mood_by_group

    results = mood_by_group(mood, groups).items()
    shown = [(k, r) for k, r in results if r.reportable]
    too_few = tuple((k, r.n) for k, r in results if not r.reportable)

    def column(name: str) -> np.ndarray:
        return np.array([getattr(r, name) for _, r in shown], dtype=float)

    return GroupFigures(
        tuple(k for k, _ in shown),
        column("n"),
        column("mean"),
        column("ci_low"),
        column("ci_high"),
        too_few,
    )


@dataclass(frozen=True, slots=True)
class ContactGroups:
    """Mean mood by kind and by mode of contact, the mean of every day with a mood
    (``None``: none) and the thresholds that left groups out (for the chart's words)."""

    by_kind: GroupFigures
    by_mode: GroupFigures
    overall: float | None
    min_days: int
    min_total: int


def contact_groups(series: DailySeries) -> ContactGroups:
    import numpy as np

    from journal.analysis.stats import MIN_GROUP, MIN_PAIRS

    mood = series.mood
    return ContactGroups(
        group_means(mood, {kind.label: c for kind, c in series.by_kind.items()}),
        group_means(mood, {mode.label: c for mode, c in series.by_mode.items()}),
        float(np.nanmean(mood)) if checkin_count(series) else None,
        MIN_GROUP,
        MIN_PAIRS,
    )


def checkin_count(series: DailySeries) -> int:
    """How many days of ``series`` have a mood."""
    import numpy as np

    return int((~np.isnan(series.mood)).sum())


@dataclass(frozen=True, slots=True)
class Headline:
    """Mood on days with 0, 1, 2 and 3+ contacts that felt good (``NaN``: withheld), the
    days behind them (``total``) and the days needed (``needed``)."""

    n: np.ndarray
    mean: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    total: int
    needed: int

    @property
    def enough(self) -> bool:
        return self.total >= self.needed


def headline(series: DailySeries) -> Headline:
    import numpy as np

    from journal.analysis.aggregate import mood_by_good_contacts
    from journal.analysis.stats import MIN_PAIRS

    bars = mood_by_good_contacts(series.mood, series.meaningful)

    def column(name: str) -> np.ndarray:
        values = [getattr(b, name) for b in bars.bars]
        return np.array([np.nan if v is None else v for v in values], dtype=float)

    return Headline(
        column("n"), column("mean"), column("ci_low"), column("ci_high"), bars.total, MIN_PAIRS
    )


@dataclass(frozen=True, slots=True)
class Timeline:
    """Mood and contacts over a range, in ``unit`` "day", "week" or "month": from ``starts``
    to ``ends`` (inclusive; by day the same days), the check-ins ``n``, mean mood and its
    middle half ``low``–``high`` (by day: the day's mood), and contacts that felt good and
    not, per logged day; by day also the trailing 7-day mean of mood (``rolling``)."""

    unit: str
    starts: np.ndarray
    ends: np.ndarray
    n: np.ndarray
    mean: np.ndarray
    low: np.ndarray
    high: np.ndarray
    good: np.ndarray
    other: np.ndarray
    rolling: np.ndarray | None = None


def timeline(series: DailySeries) -> Timeline:
    """Days up to about 90 of them; weeks, or months over years (``analysis.aggregate``)."""
    import numpy as np

    from journal.analysis.aggregate import Unit, aggregate, per_day, unit_for
    from journal.analysis.series import rolling_mean

    mood, good = series.mood, series.meaningful
    other = series.contacts - good
    unit = unit_for(len(series))
    if unit is Unit.DAY:
        days, known = series.days, (~np.isnan(mood)).astype(float)
        return Timeline("day", days, days, known, mood, mood, mood, good, other, rolling_mean(mood))
    periods = aggregate(series.days, mood, unit)
    return Timeline(
        unit.value,
        periods.start,
        periods.end,
        periods.n,
        periods.mean,
        periods.low,
        periods.high,
        per_day(series.days, good, unit),
        per_day(series.days, other, unit),
    )


@dataclass(frozen=True, slots=True)
class CareKept:
    """Care kept per ``unit`` ("week", or "month" over several years) from each of
    ``starts`` (ratios 0–1, ``NaN``: nothing due; a week not over yet is left out, never a
    fall), and the mean mood per the same periods."""

    unit: str
    starts: np.ndarray
    medication: np.ndarray
    sessions: np.ndarray
    commitments: np.ndarray
    mood_starts: np.ndarray
    mood: np.ndarray


def care_kept(adherence: WeeklyAdherence, series: DailySeries) -> CareKept:
    import numpy as np

    from journal.analysis.aggregate import Unit, aggregate, ratio_by, unit_for
    from journal.analysis.series import weekly_mean

    # consecutive Mondays: from the first, without converting thousands of dates one by one
    weeks = (
        np.datetime64(adherence.weeks[0], "D") + 7 * np.arange(len(adherence.weeks))
        if adherence.weeks
        else np.zeros(0, dtype="datetime64[D]")
    )
    if unit_for(len(series)) is not Unit.MONTH:
        mood_weeks, weekly_mood = weekly_mean(series.days, series.mood)
        return CareKept(
            Unit.WEEK.value,
            weeks,
            adherence.finished(adherence.medication),
            adherence.finished(adherence.sessions),
            adherence.finished(adherence.commitments),
            mood_weeks,
            weekly_mood,
        )
    finished = (
        ~np.asarray(adherence.so_far, dtype=bool)
        if len(adherence.so_far)
        else np.ones(len(weeks), dtype=bool)
    )
    ratios, months = [], weeks
    for done, due in (
        (adherence.doses_taken, adherence.doses_scheduled),
        (adherence.sessions_attended, adherence.sessions_booked),
        (adherence.commitments_done, adherence.commitments_target),
    ):
        done, due = np.asarray(done, dtype=float), np.asarray(due, dtype=float)
        if len(done) != len(weeks):  # no totals kept: nothing to add up
            done = due = np.zeros(len(weeks))
        months, ratio = ratio_by(
            weeks, np.where(finished, done, 0), np.where(finished, due, 0), Unit.MONTH
        )
        ratios.append(ratio)
    monthly = aggregate(series.days, series.mood, Unit.MONTH)
    return CareKept(Unit.MONTH.value, months, *ratios, monthly.start, monthly.mean)


@dataclass(frozen=True, slots=True)
class Scatter:
    """Each distinct (``x``, ``mood``) pair once with the ``days`` it holds, the figures of
    the link (``association``), its line (``None`` unless reportable) and the bin width of x."""

    x: np.ndarray
    mood: np.ndarray
    days: np.ndarray
    association: Association
    fit: tuple[float, float] | None
    step: float


def scatter(series: DailySeries, report: InsightReport, measure: str) -> Scatter:
    """Connection and mood: ``measure`` "meaningful" (contacts that felt good) or "minutes"."""
    from journal.analysis.aggregate import distinct_pairs, minutes_step
    from journal.analysis.stats import fit_line

    if measure == "minutes":
        x, step = series.minutes, minutes_step(series.minutes)
        result = report.associations["contact_minutes_vs_mood"]
    else:
        x, step = series.meaningful, 1.0
        result = report.associations["meaningful_contacts_vs_mood"]
    fit = fit_line(x, series.mood) if result.reportable else None
    xs, moods, days = distinct_pairs(x, series.mood, step)
    return Scatter(xs, moods, days, result, fit, step)


# --- what the Insights cards say -----------------------------------------------------------


def same_figures(report: InsightReport, key: str) -> list[str]:
    """The comparisons of ``report`` with exactly the figures of ``key`` (the same days with
    and without): one card names them together ("a phone call or a video call")."""
    result = report.comparisons[key]
    figures = (result.n_with, result.n_without, result.mean_with, result.mean_without)
    return [
        k
        for k, c in report.comparisons.items()
        if c.reportable and (c.n_with, c.n_without, c.mean_with, c.mean_without) == figures
    ]
