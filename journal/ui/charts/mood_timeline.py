"""Mood over time above the contacts of the same days, day by day or week or month by week.

Two plots share one date axis (the lower one shows the dates). Up to about 90 days each day is
drawn: mood as a thin line with dots, its 7-day mean as a thick line, and a bar per logged day
of its contacts, those that felt good (rated 4–5) dark at the bottom and the others light on
top. Longer ranges get one point per week or per month (``set_periods``): the mean mood with a
shaded band for the middle half of its days, and bars of contacts per logged day, so no series
draws more than a few hundred points however long the journal. Days with nothing logged stay
gaps: no dot, no line through them, no bar. Hovering shows the values under the pointer as
words, in the line above the chart.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QLabel, QWidget

from journal.i18n import format_date, format_figure, format_number
from journal.ui.charts.common import (
    DAY,
    ChartCard,
    ChartColours,
    line_data,
    stacked_plots,
    style_legend,
    style_plot,
    timestamps,
)

#: The narrowest range drawn, in days (a journal begun today still gets a readable axis).
MIN_DAYS_SHOWN = 7

#: Above this many days the mood dots are left out (the line alone reads better).
DOTS_UP_TO = 200


class MoodTimeline(ChartCard):
    """Mood and contacts over a range: days (``set_data``) or weeks/months (``set_periods``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("mood_timeline", self.tr("Mood and contacts, day by day"), parent)
        self._unit = "day"
        self._days = np.array([], dtype="datetime64[D]")
        self._ends = self._days
        self._mood = self._mean = self._good = self._other = np.array([])
        self._low = self._high = self._n = np.array([])
        self._x = np.array([])
        self._colours: ChartColours | None = None

        self._readout = QLabel(objectName="mood_timeline_readout", wordWrap=True)
        self._readout.setAccessibleName(self.tr("Values of the day under the pointer"))
        self._readout.setText(self.tr("Point at a day to see its values."))
        self.layout().insertWidget(2, self._readout)

        self._legend, self._mood_plot, self._contact_plot = stacked_plots(self.graphics, 3)
        mood, contacts = self._mood_plot, self._contact_plot
        mood.setLabel("left", self.tr("mood (0–10)"))
        mood.setYRange(0, 10, padding=0.04)
        mood.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 11, 2)]])

        self._band = pg.BarGraphItem(x=[], y0=[], height=[], width=DAY)
        self._good_bars = pg.BarGraphItem(x=[], height=[], width=0.8 * DAY)
        self._other_bars = pg.BarGraphItem(x=[], y0=[], height=[], width=0.8 * DAY)
        self._mood_line = pg.PlotDataItem(connect="finite")
        self._mean_line = pg.PlotDataItem(connect="finite")
        contacts.addItem(self._good_bars)
        contacts.addItem(self._other_bars)
        mood.addItem(self._band)
        mood.addItem(self._mood_line)
        mood.addItem(self._mean_line)
        self._cursors = [pg.InfiniteLine(angle=90, movable=False) for _ in (mood, contacts)]
        for plot, cursor in zip((mood, contacts), self._cursors, strict=True):
            cursor.hide()
            plot.addItem(cursor, ignoreBounds=True)
        self._styled_for: tuple[str, bool] | None = None  # what _apply_colours styled for
        self._fill_legend()
        self.graphics.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self._finish_building()

    # --- public ------------------------------------------------------------------------------

    @property
    def unit(self) -> str:
        """What one point stands for: ``day``, ``week`` or ``month``."""
        return self._unit

    @property
    def mood_item(self) -> pg.PlotDataItem:
        return self._mood_line

    @property
    def mean_item(self) -> pg.PlotDataItem:
        return self._mean_line

    @property
    def band_item(self) -> pg.BarGraphItem:
        return self._band

    @property
    def bars_item(self) -> pg.BarGraphItem:
        """The bars of contacts that felt good (the others stand on them: ``other_bars_item``)."""
        return self._good_bars

    @property
    def other_bars_item(self) -> pg.BarGraphItem:
        return self._other_bars

    @property
    def mood_plot(self) -> pg.PlotItem:
        return self._mood_plot

    @property
    def contact_plot(self) -> pg.PlotItem:
        return self._contact_plot

    @property
    def readout(self) -> str:
        return self._readout.text()

    def drawn_points(self) -> dict[str, int]:
        """How many points (or bars) each series draws: what keeps a long range readable."""

        def size(values: object) -> int:
            return 0 if values is None else len(values)  # type: ignore[arg-type]

        return {
            "mood": size(self._mood_line.getOriginalDataset()[0]),
            "mean": size(self._mean_line.getOriginalDataset()[0]),
            "band": size(self._band.opts["x"]),
            "good": size(self._good_bars.opts["x"]),
            "other": size(self._other_bars.opts["x"]),
        }

    def set_data(
        self,
        days: np.ndarray,
        mood: np.ndarray,
        mood_mean: np.ndarray,
        good: np.ndarray,
        other: np.ndarray | None = None,
    ) -> None:
        """Show ``days`` (``datetime64[D]``, consecutive) with their values (``NaN``: gap):
        mood, its 7-day mean, contacts that felt good and other contacts (0 when omitted)."""
        self._unit = "day"
        self._days = self._ends = np.asarray(days, dtype="datetime64[D]")
        self._mood = np.asarray(mood, dtype=float)
        self._mean = np.asarray(mood_mean, dtype=float)
        self._good = np.asarray(good, dtype=float)
        self._other = (
            np.where(np.isnan(self._good), np.nan, 0.0)
            if other is None
            else np.asarray(other, dtype=float)
        )
        self._low = self._high = self._n = np.full(len(self._days), np.nan)
        self._x = x = timestamps(self._days)
        dots = "o" if len(x) <= DOTS_UP_TO else None
        self._mood_line.setData(*line_data(x, self._mood), symbol=dots)
        self._mean_line.setData(*line_data(x, self._mean))
        self._band.setOpts(x=[], y0=[], height=[], width=DAY)  # not the widths of months
        self._readout.setText(self.tr("Point at a day to see its values."))
        self._set_bars(np.full(len(x), 0.8 * DAY))
        self._finish(self.tr("Mood and contacts, day by day"), self.tr("contacts"))

    def set_periods(
        self,
        unit: str,
        starts: np.ndarray,
        ends: np.ndarray,
        n: np.ndarray,
        mean: np.ndarray,
        low: np.ndarray,
        high: np.ndarray,
        good: np.ndarray,
        other: np.ndarray,
    ) -> None:
        """Show weeks or months (``unit``): from ``starts`` to ``ends`` (inclusive days), the
        check-ins ``n``, mean mood and its middle half ``low``–``high``, and contacts per logged
        day that felt good and not (``NaN``: nothing known)."""
        self._unit = unit
        self._days = np.asarray(starts, dtype="datetime64[D]")
        self._ends = np.asarray(ends, dtype="datetime64[D]")
        self._n, self._mood = np.asarray(n, dtype=float), np.asarray(mean, dtype=float)
        self._low, self._high = np.asarray(low, dtype=float), np.asarray(high, dtype=float)
        self._mean = np.full(len(self._days), np.nan)
        self._good, self._other = np.asarray(good, dtype=float), np.asarray(other, dtype=float)
        first, last = timestamps(self._days, noon=False), timestamps(self._ends, noon=False) + DAY
        self._x = x = (first + last) / 2
        widths = last - first
        self._mood_line.setData(*line_data(x, self._mood), symbol="o")
        self._mean_line.setData([], [])
        known = ~np.isnan(self._low)
        self._band.setOpts(
            x=x[known],
            y0=self._low[known],
            height=np.maximum(self._high[known] - self._low[known], 0.08),
            width=widths[known],
        )
        self._set_bars(widths * 0.8)
        if unit == "week":
            title = self.tr("Mood and contacts, week by week")
        else:
            title = self.tr("Mood and contacts, month by month")
        self._readout.setText(
            self.tr("Point at a week to see its values.")
            if unit == "week"
            else self.tr("Point at a month to see its values.")
        )
        self._finish(title, self.tr("contacts a day"))

    def show_day(self, index: int) -> str:
        """Show the values of point ``index`` in the readout (as hovering does); returns them."""
        if not 0 <= index < len(self._days):
            return self._readout.text()
        mood, good, other = self._mood[index], self._good[index], self._other[index]
        if self._unit == "day":
            parts = [format_date(self._days[index].item(), "weekday_date")]
            parts.append(
                self.tr("no check-in")
                if math.isnan(mood)
                else self.tr("mood {value}").format(value=format_figure(mood))
            )
            if not math.isnan(self._mean[index]):
                parts.append(
                    self.tr("7-day mean {value}").format(value=format_number(self._mean[index], 1))
                )
            parts.append(
                self.tr("nothing logged")
                if math.isnan(good)
                else self.tr("contacts {value} ({good} felt good)").format(
                    value=format_figure(good + other), good=format_figure(good)
                )
            )
        else:
            parts = [
                self.tr("{start} to {end}").format(
                    start=format_date(self._days[index].item(), "day_month"),
                    end=format_date(self._ends[index].item()),
                )
            ]
            if math.isnan(mood):
                parts.append(self.tr("no check-in"))
            else:
                parts.append(self.tr("mean mood {value}").format(value=format_number(mood, 1)))
                parts.append(
                    self.tr("middle half of days {low}–{high}").format(
                        low=format_figure(self._low[index]), high=format_figure(self._high[index])
                    )
                )
                count = int(self._n[index])
                parts.append(
                    self.tr("1 check-in") if count == 1 else self.tr("%Ln check-ins", "", count)
                )
            if not math.isnan(good):
                parts.append(
                    self.tr("contacts a day {value} ({good} felt good)").format(
                        value=format_number(good + other, 1), good=format_number(good, 1)
                    )
                )
        text = " · ".join(parts)
        self._readout.setText(text)
        for cursor in self._cursors:
            cursor.setValue(self._x[index])
            cursor.show()
        return text

    # --- drawing -----------------------------------------------------------------------------

    def _set_bars(self, widths: np.ndarray) -> None:
        logged = ~np.isnan(self._good)
        x, good = self._x[logged], self._good[logged]
        other = np.nan_to_num(self._other[logged])
        self._good_bars.setOpts(x=x, height=good, width=widths[logged])
        self._other_bars.setOpts(x=x, y0=good, height=other, width=widths[logged])

    def _finish(self, title: str, contacts_label: str) -> None:
        self._title.setText(title)
        self._contact_plot.setLabel("left", contacts_label)
        if self._legend_unit != self._unit:  # the legend's words depend on the unit only
            self._fill_legend()
        x = self._x
        if len(x):
            # at least a week, so the axis names days rather than hours
            low = min(timestamps(self._days[:1], noon=False)[0], x[-1] - MIN_DAYS_SHOWN * DAY)
            high = timestamps(self._ends[-1:], noon=False)[0] + DAY
            self._mood_plot.setXRange(low, high, padding=0)
        total = self._good + np.nan_to_num(self._other)
        most = float(np.nanmax(total)) if (~np.isnan(total)).any() else 0.0
        floor = 4.0 if self._unit == "day" else 2.0
        self._contact_plot.setYRange(0, max(most, floor), padding=0.05)
        checkins = int((~np.isnan(self._mood)).sum())
        self._set_note(
            ""
            if checkins
            else self.tr(
                "Not enough data yet: no check-ins in this range. Your mood will show here as "
                "days are added."
            )
        )
        for cursor in self._cursors:
            cursor.hide()
        # pens and brushes stay on the items through setData: restyled only when the unit or
        # the dots' size rule changed (a refresh after a save changes neither)
        if self._colours is not None and self._styled_for != self._style_key():
            self._apply_colours(self._colours)

    def _style_key(self) -> tuple[str, bool]:
        return self._unit, len(self._x) > 60

    def _fill_legend(self) -> None:
        self._legend_unit = self._unit
        self._legend.clear()
        if self._unit == "day":
            self._legend.addItem(self._mood_line, self.tr("daily mood (thin line)"))
            self._legend.addItem(self._mean_line, self.tr("7-day mean (thick line)"))
        else:
            self._legend.addItem(
                self._mood_line,
                self.tr("weekly mean mood (line)")
                if self._unit == "week"
                else self.tr("monthly mean mood (line)"),
            )
            self._legend.addItem(self._band, self.tr("middle half of the days (band)"))
        self._legend.addItem(self._good_bars, self.tr("contacts that felt good (dark bars)"))
        self._legend.addItem(self._other_bars, self.tr("other contacts (light bars)"))
        if self._colours is not None:
            style_legend(self._legend, self._colours)

    def _apply_colours(self, colours: ChartColours) -> None:
        self._colours = colours
        self._styled_for = self._style_key()
        daily = self._unit == "day"
        # the daily line is translucent so the 7-day mean reads above it
        self._mood_line.setPen(
            pg.mkPen(colours.translucent(colours.primary, 150), width=1)
            if daily
            else pg.mkPen(colours.primary, width=2.5)
        )
        self._mood_line.setSymbolPen(pg.mkPen(colours.primary))
        self._mood_line.setSymbolBrush(colours.primary)
        self._mood_line.setSymbolSize(5 if daily or len(self._x) > 60 else 6)
        self._mean_line.setPen(pg.mkPen(colours.secondary, width=3.5))
        self._band.setOpts(brush=colours.translucent(colours.primary, 55), pen=pg.mkPen(None))
        self._good_bars.setOpts(
            brush=colours.translucent(colours.tertiary, 220), pen=pg.mkPen(None)
        )
        light = 140 if colours.dark else 80  # a pale green on white; lighter on dark, too
        self._other_bars.setOpts(
            brush=colours.translucent(
                colours.tertiary.lighter(140) if colours.dark else colours.tertiary, light
            ),
            pen=pg.mkPen(colours.translucent(colours.tertiary, 160), width=0.5),
        )
        for plot in (self._mood_plot, self._contact_plot):
            style_plot(plot, colours)
        for cursor in self._cursors:
            cursor.setPen(pg.mkPen(colours.muted, width=1, style=Qt.PenStyle.DashLine))
        style_legend(self._legend, colours)

    def _on_scene_mouse_moved(self, position: QPointF) -> None:
        if not len(self._days):
            return
        plots = (self._mood_plot, self._contact_plot)
        if not any(plot.sceneBoundingRect().contains(position) for plot in plots):
            return
        x = self._mood_plot.vb.mapSceneToView(position).x()
        if self._unit == "day":
            self.show_day(math.floor((x - self._x[0] + DAY / 2) / DAY))
        else:
            ends = timestamps(self._ends, noon=False) + DAY
            self.show_day(int(np.searchsorted(ends, x, side="right")))
