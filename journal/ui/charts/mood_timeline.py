"""Mood day by day with its 7-day mean, above the number of contacts each day.

Two plots share one date axis (the lower one shows the dates): mood (a thin line with dots)
and its 7-day mean (a thick line) on 0-10, and a bar per logged day for its contacts. Days
with nothing logged stay gaps: no dot, no line through them, no bar. Hovering a day shows its
values in the line above the chart, as words.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QLabel, QWidget

from journal.i18n import format_date, format_number
from journal.ui.charts.common import (
    DAY,
    ChartCard,
    ChartColours,
    date_axis,
    format_figure,
    line_data,
    style_legend,
    style_plot,
    timestamps,
)

#: The narrowest range drawn, in days (a journal begun today still gets a readable axis).
MIN_DAYS_SHOWN = 7

#: Above this many days the mood dots are left out (the line alone reads better).
DOTS_UP_TO = 200


class MoodTimeline(ChartCard):
    """Mood, 7-day mean mood and daily contacts over a range of days."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("mood_timeline", self.tr("Mood and contacts, day by day"), parent)
        self._days = np.array([], dtype="datetime64[D]")
        self._mood = self._mean = self._contacts = np.array([])
        self._x = np.array([])

        self._readout = QLabel(objectName="mood_timeline_readout", wordWrap=True)
        self._readout.setAccessibleName(self.tr("Values of the day under the pointer"))
        self._readout.setText(self.tr("Point at a day to see its values."))
        self.layout().insertWidget(2, self._readout)

        layout = self.graphics.ci
        self._legend = pg.LegendItem(colCount=3)
        layout.addItem(self._legend, row=0, col=0)
        self._mood_plot = layout.addPlot(row=1, col=0, axisItems={"bottom": date_axis()})
        self._contact_plot = layout.addPlot(row=2, col=0, axisItems={"bottom": date_axis()})
        layout.layout.setRowStretchFactor(1, 3)
        layout.layout.setRowStretchFactor(2, 2)

        mood, contacts = self._mood_plot, self._contact_plot
        contacts.setXLink(mood)
        mood.getAxis("bottom").setStyle(showValues=False)
        mood.setLabel("left", self.tr("mood (0–10)"))
        contacts.setLabel("left", self.tr("contacts"))
        for plot in (mood, contacts):
            plot.setMouseEnabled(x=True, y=False)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.showGrid(y=True, alpha=0.25)
            plot.getAxis("left").setWidth(56)
        mood.setYRange(0, 10, padding=0.04)
        mood.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 11, 2)]])

        self._bars = pg.BarGraphItem(x=[], height=[], width=0.8 * DAY)
        self._mood_line = pg.PlotDataItem(connect="finite")
        self._mean_line = pg.PlotDataItem(connect="finite")
        contacts.addItem(self._bars)
        for line, method in ((self._mood_line, "peak"), (self._mean_line, "mean")):
            # years of days on a few hundred pixels: draw one point per pixel column
            line.setDownsampling(auto=True, method=method)
            line.setClipToView(True)
        mood.addItem(self._mood_line)
        mood.addItem(self._mean_line)
        self._legend.addItem(self._mood_line, self.tr("daily mood (thin line)"))
        self._legend.addItem(self._mean_line, self.tr("7-day mean (thick line)"))
        self._legend.addItem(self._bars, self.tr("contacts (bars)"))
        self._cursors = [pg.InfiniteLine(angle=90, movable=False) for _ in (mood, contacts)]
        for plot, cursor in zip((mood, contacts), self._cursors, strict=True):
            cursor.hide()
            plot.addItem(cursor, ignoreBounds=True)
        self.graphics.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self._finish_building()

    # --- public ------------------------------------------------------------------------------

    @property
    def mood_item(self) -> pg.PlotDataItem:
        return self._mood_line

    @property
    def mean_item(self) -> pg.PlotDataItem:
        return self._mean_line

    @property
    def bars_item(self) -> pg.BarGraphItem:
        return self._bars

    @property
    def mood_plot(self) -> pg.PlotItem:
        return self._mood_plot

    @property
    def contact_plot(self) -> pg.PlotItem:
        return self._contact_plot

    @property
    def readout(self) -> str:
        return self._readout.text()

    def set_data(
        self, days: np.ndarray, mood: np.ndarray, mood_mean: np.ndarray, contacts: np.ndarray
    ) -> None:
        """Show ``days`` (``datetime64[D]``, consecutive) with their values (``NaN``: gap)."""
        self._days = np.asarray(days, dtype="datetime64[D]")
        self._mood = np.asarray(mood, dtype=float)
        self._mean = np.asarray(mood_mean, dtype=float)
        self._contacts = np.asarray(contacts, dtype=float)
        self._x = x = timestamps(self._days)
        dots = "o" if len(x) <= DOTS_UP_TO else None
        self._mood_line.setData(*line_data(x, self._mood), symbol=dots)
        self._mean_line.setData(*line_data(x, self._mean))
        logged = ~np.isnan(self._contacts)
        self._bars.setOpts(x=x[logged], height=self._contacts[logged], width=0.8 * DAY)
        if len(x):
            # at least a week, so the axis names days rather than hours
            low = min(x[0], x[-1] - (MIN_DAYS_SHOWN - 1) * DAY)
            self._mood_plot.setXRange(low - DAY / 2, x[-1] + DAY / 2, padding=0)
        most = float(np.nanmax(self._contacts)) if logged.any() else 0.0
        self._contact_plot.setYRange(0, max(most, 4.0), padding=0.05)
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

    def show_day(self, index: int) -> str:
        """Show the values of day ``index`` in the readout (as hovering does); returns them."""
        if not 0 <= index < len(self._days):
            return self._readout.text()
        day = self._days[index].item()
        parts = [format_date(day, "weekday_date")]
        mood, mean, contacts = self._mood[index], self._mean[index], self._contacts[index]
        parts.append(
            self.tr("no check-in")
            if math.isnan(mood)
            else self.tr("mood {value}").format(value=format_figure(mood))
        )
        if not math.isnan(mean):
            parts.append(self.tr("7-day mean {value}").format(value=format_number(mean, 1)))
        parts.append(
            self.tr("nothing logged")
            if math.isnan(contacts)
            else self.tr("contacts {value}").format(value=format_figure(contacts))
        )
        text = " · ".join(parts)
        self._readout.setText(text)
        for cursor in self._cursors:
            cursor.setValue(self._x[index])
            cursor.show()
        return text

    # --- drawing -----------------------------------------------------------------------------

    def _apply_colours(self, colours: ChartColours) -> None:
        # the daily line is translucent so the 7-day mean reads above it on long ranges
        self._mood_line.setPen(pg.mkPen(colours.translucent(colours.primary, 150), width=1))
        self._mood_line.setSymbolPen(pg.mkPen(colours.primary))
        self._mood_line.setSymbolBrush(colours.primary)
        self._mood_line.setSymbolSize(5)
        self._mean_line.setPen(pg.mkPen(colours.secondary, width=3.5))
        self._bars.setOpts(brush=colours.translucent(colours.tertiary, 190), pen=pg.mkPen(None))
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
        self.show_day(math.floor((x - self._x[0] + DAY / 2) / DAY))
