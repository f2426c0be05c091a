"""Care kept week by week (medication, sessions, commitments) above weekly mean mood.

Medicinal and social care in one view: the upper plot gives the share of doses taken, booked
sessions attended and commitments done per week (each with its own line style and marker);
the lower plot, on the same date axis, the mean mood of each week. A week with nothing
scheduled is a gap, never 0% or 100%.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from journal.ui.charts.common import (
    DAY,
    ChartCard,
    ChartColours,
    chart_colours,
    line_data,
    stacked_plots,
    style_legend,
    style_plot,
    timestamps,
)

#: From this many weeks on, markers are small (years of weeks would be a blur of big ones).
SMALL_MARKERS_FROM = 60

#: series key → (line style, marker)
_STYLES = {
    "medication": (Qt.PenStyle.SolidLine, "o"),
    "sessions": (Qt.PenStyle.DashLine, "s"),
    "commitments": (Qt.PenStyle.DotLine, "t"),
}


class WeeklyAdherenceChart(ChartCard):
    """Weekly adherence (% per week) over weekly mean mood, sharing the date axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("weekly_adherence", self.tr("Care kept each week, and mood"), parent)
        self._legend, self._care, self._mood_plot = stacked_plots(self.graphics, 4)
        self._care.setLabel("left", self.tr("kept (%)"))
        self._mood_plot.setLabel("left", self.tr("weekly mood"))
        self._care.setYRange(0, 100, padding=0.05)
        self._care.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 101, 25)]])
        self._mood_plot.setYRange(0, 10, padding=0.05)
        self._mood_plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 11, 5)]])

        names = {
            "medication": self.tr("medication: doses taken"),
            "sessions": self.tr("sessions attended"),
            "commitments": self.tr("commitments done"),
        }
        self._lines: dict[str, pg.PlotDataItem] = {}
        for key, (_style, symbol) in _STYLES.items():
            line = pg.PlotDataItem(connect="finite", symbol=symbol, symbolSize=6)
            self._care.addItem(line)
            self._legend.addItem(line, names[key])
            self._lines[key] = line
        self._mood_line = pg.PlotDataItem(connect="finite", symbol="d", symbolSize=6)
        self._mood_plot.addItem(self._mood_line)
        self._legend.addItem(self._mood_line, self.tr("weekly mean mood"))
        self.graphics.setMinimumHeight(300)
        self._shown: dict[int, tuple[np.ndarray, np.ndarray, int]] = {}  # what each line shows
        self._finish_building()

    # --- public ------------------------------------------------------------------------------

    @property
    def lines(self) -> dict[str, pg.PlotDataItem]:
        """The adherence lines by key: ``medication``, ``sessions``, ``commitments``."""
        return dict(self._lines)

    @property
    def mood_item(self) -> pg.PlotDataItem:
        return self._mood_line

    @property
    def care_plot(self) -> pg.PlotItem:
        return self._care

    def set_data(
        self,
        weeks: np.ndarray,
        medication: np.ndarray,
        sessions: np.ndarray,
        commitments: np.ndarray,
        mood_weeks: np.ndarray,
        weekly_mood: np.ndarray,
        *,
        unit: str = "week",
    ) -> None:
        """Ratios 0-1 per week starting on each Monday of ``weeks`` (``NaN``: nothing due);
        with ``unit`` "month", per month starting on each first day (years of weeks)."""
        half = 15.2 * DAY if unit == "month" else 3.5 * DAY  # the middle of each period
        x = timestamps(weeks, noon=False) + half
        self._title.setText(
            self.tr("Care kept each month, and mood")
            if unit == "month"
            else self.tr("Care kept each week, and mood")
        )
        self._mood_plot.setLabel(
            "left", self.tr("monthly mood") if unit == "month" else self.tr("weekly mood")
        )
        ratios = {"medication": medication, "sessions": sessions, "commitments": commitments}
        size = 7 if len(x) <= SMALL_MARKERS_FROM else 3
        for key, values in ratios.items():
            percent = np.asarray(values, dtype=float) * 100.0
            self._set_line(self._lines[key], *line_data(x, percent), size)
        self._set_line(
            self._mood_line,
            *line_data(timestamps(mood_weeks, noon=False) + half, weekly_mood),
            size,
        )
        for sample, label in self._legend.items:
            if sample.item is self._mood_line:
                label.setText(
                    self.tr("monthly mean mood") if unit == "month" else self.tr("weekly mean mood")
                )
        if self._built:
            style_legend(self._legend, chart_colours(self.palette()))
        if len(x):
            self._care.setXRange(x[0] - half, x[-1] + half, padding=0)
        nothing_due = all(np.isnan(np.asarray(v, dtype=float)).all() for v in ratios.values())
        self._set_note(
            self.tr(
                "Nothing scheduled in this range: medications, sessions and commitments you add "
                "on the Treatment page will show here."
            )
            if nothing_due
            else ""
        )

    # --- drawing -----------------------------------------------------------------------------

    def _set_line(self, line: pg.PlotDataItem, x: np.ndarray, y: np.ndarray, size: int) -> None:
        """``line.setData`` unless it shows exactly that already: a day's save leaves the
        sessions and commitments as they were, and hundreds of markers cost to lay out again."""
        shown = self._shown.get(id(line))
        if (
            shown is not None
            and shown[2] == size
            and np.array_equal(shown[0], x)
            and np.array_equal(shown[1], y, equal_nan=True)
        ):
            return
        line.setData(x, y, symbolSize=size)
        self._shown[id(line)] = (x, y, size)

    def _apply_colours(self, colours: ChartColours) -> None:
        palette = {
            "medication": colours.primary,
            "sessions": colours.secondary,
            "commitments": colours.tertiary,
        }
        for key, (style, _symbol) in _STYLES.items():
            line, colour = self._lines[key], palette[key]
            line.setPen(pg.mkPen(colour, width=2, style=style))
            line.setSymbolPen(pg.mkPen(colour))
            line.setSymbolBrush(colour)
        self._mood_line.setPen(pg.mkPen(colours.quaternary, width=2))
        self._mood_line.setSymbolPen(pg.mkPen(colours.quaternary))
        self._mood_line.setSymbolBrush(colours.quaternary)
        for plot in (self._care, self._mood_plot):
            style_plot(plot, colours)
        style_legend(self._legend, colours)
