"""The Trends page: the charts of a range of days, from the journal's daily series.

The page fetches (``Journal.series``, ``Journal.insights``, ``Journal.weekly_adherence``),
asks ``journal.services`` for each chart's figures (``headline``, ``timeline``, ``scatter``,
``contact_groups``, ``care_kept``, ``Journal.year_mood``) and hands their plain arrays to the
charts, which only draw. A refresh updates the items the charts already hold; nothing is
rebuilt.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from journal.i18n import count_days, format_date, format_number
from journal.services import (
    Headline,
    Journal,
    care_kept,
    checkin_count,
    contact_groups,
    headline,
    scatter,
    timeline,
)
from journal.ui import theme
from journal.ui.charts.connection_scatter import ConnectionScatter
from journal.ui.charts.group_means import GroupMeansChart
from journal.ui.charts.headline import HeadlineChart
from journal.ui.charts.mood_timeline import MoodTimeline
from journal.ui.charts.weekly_adherence import WeeklyAdherenceChart
from journal.ui.charts.year_pixels import YearPixels
from journal.ui.pages.range_page import RangePage
from journal.ui.widgets.empty_state import EmptyState
from journal.ui.widgets.scrolling import scroll_area

if TYPE_CHECKING:
    from journal.services import DailySeries, InsightReport

#: The heat map's choice that follows today rather than a calendar year.
LAST_WEEKS = "last"


class TrendsPage(RangePage):
    """Charts of the range the switch picks: 30 days, 90 days, a year or the whole journal.

    Work waits until it is needed: ``invalidate()`` (the journal changed) refreshes at once
    when the page is visible and otherwise when it is next shown; ``refresh()`` always
    recomputes now.

    Signals:
        day_requested(datetime.date): a day of the year in pixels was clicked (open it).
    """

    day_requested = Signal(object)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(journal, "90d", parent=parent)
        self._series: DailySeries | None = None
        self._report: InsightReport | None = None
        self._first_day = journal.today()
        self.setObjectName("trends_page")
        self._build()
        self._range.currentIndexChanged.connect(self._on_range_current_index_changed)
        self._metric.currentIndexChanged.connect(self._on_metric_current_index_changed)
        self._year.currentIndexChanged.connect(self._on_year_current_index_changed)
        self.year_pixels.day_requested.connect(self.day_requested)

    def _build(self) -> None:
        heading = theme.as_heading(QLabel(self.tr("Trends"), objectName="trends_heading"))
        self._summary.setAccessibleName(self.tr("Range shown"))

        self.headline = HeadlineChart()
        self.timeline = MoodTimeline()
        self.scatter = ConnectionScatter()
        self.group_means = GroupMeansChart()
        self.year_pixels = YearPixels()
        self.weekly_adherence = WeeklyAdherenceChart()

        self._metric = QComboBox(objectName="scatter_metric")
        self._metric.setAccessibleName(self.tr("Connection measure"))
        self._metric.setAccessibleDescription(
            self.tr("What the Connection and mood chart counts for each day")
        )
        self._metric.addItem(self.tr("Contacts that felt good"), "meaningful")
        self._metric.addItem(self.tr("Minutes of contact"), "minutes")
        self.scatter.add_control(self._metric)
        self._year = QComboBox(objectName="heatmap_year")
        self._year.setAccessibleName(self.tr("Year shown"))
        self._year.setAccessibleDescription(
            self.tr("Which weeks the year in pixels shows: the last 53, or a calendar year")
        )
        self._year.addItem(self.tr("Last 53 weeks"), LAST_WEEKS)
        self.year_pixels.add_control(self._year)

        self.headline.setMinimumHeight(380)
        self.timeline.setMinimumHeight(360)
        for chart in (self.scatter, self.group_means):
            chart.setMinimumHeight(540)
        self.weekly_adherence.setMinimumHeight(360)

        content = QWidget(objectName="trends_content")
        charts = QVBoxLayout(content)
        charts.setContentsMargins(0, 8, 8, 0)  # in line with the heading; room for the scroll bar
        charts.setSpacing(22)
        charts.addWidget(self.headline)
        charts.addWidget(self.timeline)
        self._pair = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._pair.setSpacing(22)
        self._pair.addWidget(self.scatter, 1)
        self._pair.addWidget(self.group_means, 1)
        charts.addLayout(self._pair)
        charts.addWidget(self.year_pixels)
        charts.addWidget(self.weekly_adherence)
        scroll = scroll_area(content, "trends_scroll", accessible_name=self.tr("Charts"))

        layout = self._page_layout(heading, summary_beside=True)
        layout.addWidget(
            EmptyState(
                self,
                self.tr(
                    "Your charts fill in as you check in: mood over time from the first day, and "
                    "how "
                    "your contacts and mood go together once there are 14 days."
                ),
                self._journal.days_logged,
                14,
            )
        )
        layout.addWidget(scroll, 1)

    # --- public ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute every chart from the journal for the chosen range."""
        self._first_day = self._journal.default_range()[0]  # one query per refresh
        start, end = self._range.dates(self._journal.today(), self._first_day)
        series = self._series = self._journal.series(start, end)
        checkins = checkin_count(series)
        self._summary.setText(
            self.tr("{start} to {end} · {count}").format(
                start=format_date(start),
                end=format_date(end),
                count=self.tr("1 check-in")
                if checkins == 1
                else self.tr("%Ln check-ins", "", checkins),
            )
        )
        self._report = self._journal.insights(start, end)  # the figures and what is clear
        self._show_headline(series, self._report)
        self._show_timeline(series)
        self._show_scatter()
        groups = contact_groups(series)
        self.group_means.set_data(
            groups.by_kind,
            groups.by_mode,
            groups.overall,
            min_days=groups.min_days,
            min_total=groups.min_total,
        )
        self._update_years(end, self._first_day.year)
        self._show_year()
        self._show_adherence(start, end, series)
        self._stale = False

    # --- parts -------------------------------------------------------------------------------

    def _show_headline(self, series: DailySeries, report: InsightReport) -> None:
        """Mood by good contacts, and one sentence that claims a link only where the insight
        figures call it clear (Holm over the range's family)."""
        bars = headline(series)
        self.headline.set_data(
            bars.n, bars.mean, bars.ci_low, bars.ci_high, self._headline_sentence(bars, report)
        )

    def _headline_sentence(self, bars: Headline, report: InsightReport) -> str:
        if not bars.enough:
            return self.tr(
                "Not enough data yet: this chart needs {needed} days with a mood and contacts "
                "logged; {have} so far. Every day you add helps."
            ).format(needed=bars.needed, have=count_days(bars.total))
        link = report.associations["meaningful_contacts_vs_mood"]
        with_good = report.comparisons["meaningful_contact"]
        not_cause = self.tr("an association, not proof of cause")
        if link.clear and link.spearman is not None:
            text = (
                self.tr(
                    "On days with more contacts that felt good, mood was higher on "
                    "average — {not_cause}."
                )
                if link.spearman > 0
                else self.tr(
                    "On days with more contacts that felt good, mood was lower on "
                    "average — {not_cause}."
                )
            )
            return text.format(not_cause=not_cause)
        if with_good.clear and with_good.mean_with is not None:
            return self.tr(
                "On days with at least one contact that felt good, mood averaged {with_} "
                "against {without} on days without — {not_cause}."
            ).format(
                with_=format_number(with_good.mean_with, 1),
                without=format_number(with_good.mean_without or 0.0, 1),
                not_cause=not_cause,
            )
        return self.tr(
            "Mean mood on days with none, 1, 2, or 3 or more contacts that felt good. The "
            "differences are not clear enough yet to call it a link."
        )

    def _show_timeline(self, series: DailySeries) -> None:
        """Days up to about 90 of them; weeks, or months over years."""
        line = timeline(series)
        if line.rolling is not None:
            self.timeline.set_data(line.starts, line.mean, line.rolling, line.good, line.other)
            return
        self.timeline.set_periods(
            line.unit,
            line.starts,
            line.ends,
            line.n,
            line.mean,
            line.low,
            line.high,
            line.good,
            line.other,
        )

    def _show_adherence(self, start: dt.date, end: dt.date, series: DailySeries) -> None:
        """Care kept per week, or per month over several years (one point a month); the week
        not over yet is left out, never a fall."""
        kept = care_kept(self._journal.weekly_adherence(start, end), series)
        self.weekly_adherence.set_data(
            kept.starts,
            kept.medication,
            kept.sessions,
            kept.commitments,
            kept.mood_starts,
            kept.mood,
            unit=kept.unit,
        )

    def _show_scatter(self) -> None:
        if self._series is None or self._report is None:
            return
        measure = self._metric.currentData()
        if measure == "minutes":
            label, words, whole = (
                self.tr("minutes of contact that day"),
                self.tr("minutes of contact"),
                False,
            )
        else:
            label, words, whole = (
                self.tr("contacts that felt good that day (rated 4–5)"),
                self.tr("contacts that felt good"),
                True,
            )
        pairs = scatter(self._series, self._report, measure)
        self.scatter.set_data(
            pairs.x,
            pairs.mood,
            pairs.days,
            pairs.association,
            x_label=label,
            measure=words,
            fit=pairs.fit,
            whole_numbers=whole,
            step=pairs.step,
        )

    def _update_years(self, today: dt.date, first: int) -> None:
        wanted = [LAST_WEEKS, *range(today.year, first - 1, -1)]
        if [self._year.itemData(i) for i in range(self._year.count())] == wanted:
            return
        chosen = self._year.currentData()
        with QSignalBlocker(self._year):
            while self._year.count() > 1:
                self._year.removeItem(1)
            for year in wanted[1:]:
                self._year.addItem(str(year), year)
            index = self._year.findData(chosen)
            self._year.setCurrentIndex(max(index, 0))

    def _show_year(self) -> None:
        if self._series is None:
            return
        choice = self._year.currentData()
        start, mood = self._journal.year_mood(
            None if choice == LAST_WEEKS else choice, self._series
        )
        self.year_pixels.set_data(np.datetime64(start, "D"), mood, journal_start=self._first_day)

    # --- slots -------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The scatter and the group means side by side when both headers fit; otherwise one
        # under the other (a narrow window, a large font), so the page never scrolls sideways.
        margins = self.layout().contentsMargins()
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        room = event.size().width() - margins.left() - margins.right() - scroll_bar - 8
        needed = (
            self.scatter.minimumSizeHint().width()
            + self.group_means.minimumSizeHint().width()
            + self._pair.spacing()
        )
        self._pair.setDirection(
            QBoxLayout.Direction.LeftToRight if room >= needed else QBoxLayout.Direction.TopToBottom
        )

    def _on_range_current_index_changed(self, _index: int) -> None:
        self.refresh()

    def _on_metric_current_index_changed(self, _index: int) -> None:
        self._show_scatter()

    def _on_year_current_index_changed(self, _index: int) -> None:
        self._show_year()
