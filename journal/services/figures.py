"""Figures: the daily series, the insights, weekly adherence and the journal's span (what the
Trends and Insights pages draw from them is in ``chart_figures.py``).

The series of the whole journal is kept and patched day by day after saves (see ``series``);
the analysis (numpy) is imported when a figure is first asked for, so start-up does not need it.
"""

from __future__ import annotations

import datetime as dt
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


def check_range(start: dt.date, end: dt.date) -> None:
    """Refuse a range that ends before it starts (naming the field ``to``)."""
    if end < start:
        raise ValidationError(
            "to", translate("validation", "the end of the range cannot be before its start")
        )


#: Days of the series read at a time (see ``FiguresUseCases._build_series``).
SERIES_STRETCH = 730
#: Weeks of weekly adherence read at a time (see ``FiguresUseCases._read_weekly_adherence``).
ADHERENCE_STRETCH = 104


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
        """The series of ``start..end`` read from the store, ``SERIES_STRETCH`` days at a
        time, each stretch's numbers put straight into the finished arrays: a lifetime's rows
        are never all in memory at once (at 50 years that was a peak of ~20 MB for a series
        of ~4 MB). A range with a day that does not fit the packing is read plainly."""
        from journal.analysis.series import join_series, series_from_figures
        from journal.store import day_figures

        stretch = dt.timedelta(days=SERIES_STRETCH)
        lows = [start + stretch * i for i in range((end - start) // stretch + 1)]
        stretches = [(low, min(end, low + stretch - dt.timedelta(days=1))) for low in lows]
        series = series_from_figures(
            start,
            end,
            (day_figures.packed_rows(self.db, low, high, origin=start) for low, high in stretches),
            day_figures.RATING_BITS,
            day_figures.HEAD_BITS,
            day_figures.COUNT_BITS,
        )
        if series is not None:
            return series
        return join_series(start, end, (self._read_plainly(low, high) for low, high in stretches))

    def _read_plainly(self, start: dt.date, end: dt.date) -> DailySeries:
        """``start..end`` from the check-ins and the contacts themselves (a day there does not
        fit ``day_figures``' packing: a hand edit, or 32 contacts in a day)."""
        from journal.analysis.series import series_from_totals

        ratings = days_store.rating_rows_by_offset(self.db, start, end)
        return series_from_totals(
            start, end, ratings, contacts_store.daily_totals(self.db, start, end)
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
        """Read and compute ``start..end``, ``ADHERENCE_STRETCH`` weeks at a time: a lifetime's
        doses, check-offs and check-in dates are never all in memory at once."""
        from journal.analysis.adherence import join_weeks, weekly_adherence

        db = self.db
        medications = treatment_store.list_medications(db)
        commitments = treatment_store.list_commitments(db)
        today = self.today()

        def stretch(low: dt.date, high: dt.date) -> WeeklyAdherence:
            return weekly_adherence(
                low,
                high,
                medications=medications,
                doses=treatment_store.dose_rows(db, low, high),
                checkin_dates=days_store.dates_with_checkins(db, low, high),
                sessions=treatment_store.sessions_between(db, low, high),
                commitments=commitments,
                commitment_log=treatment_store.done_rows(db, low, high),
                today=today,
            )

        # stretches of whole weeks (a week never split between two), the range's own ends
        step = dt.timedelta(weeks=ADHERENCE_STRETCH)
        mondays = [week_start(start) + step * i for i in range(1, (end - start) // step + 2)]
        lows = [start, *(m for m in mondays if m <= end)]
        highs = [m - dt.timedelta(days=1) for m in lows[1:]] + [end]
        return join_weeks([stretch(low, high) for low, high in zip(lows, highs, strict=True)])

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
