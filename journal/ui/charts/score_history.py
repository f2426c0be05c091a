"""A questionnaire's scores over time, drawn over its published bands.

Each band is a shaded horizontal region with its name on the right-hand axis, so the band of a
score can be read without telling shades apart; the left axis keeps the numbers. The shades
follow the one mood palette by severity, from its warm end (the least severe band) to its
deep blue (the most severe), so "severe" no longer looks like "minimal"; calm colours, never
an alarm red. Scores are a line with round markers; a PHQ-9 whose item 9 was answered above 0
gets a diamond marker (the ◆ of the Check-ins page) and a legend entry that says so in words,
so colour never carries that alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from journal import palette
from journal.ui.charts.common import (
    DAY,
    ChartCard,
    ChartColours,
    chart_colours,
    date_axis,
    style_legend,
    style_plot,
    timestamps,
)

#: From this many scores on, markers are smaller.
SMALL_MARKERS_FROM = 40

#: Opacity of a band's shade (0-255): quiet behind the scores, stronger on a dark background.
_BAND_ALPHA = {"light": 95, "dark": 125}


def severity_step(index: int, count: int, *, higher_is_better: bool = False) -> int:
    """The mood-palette step (0-10) shading band ``index`` of ``count`` (lowest scores first):
    7, warm, for the least severe band down to 1, deep blue, for the most severe."""
    severity = index if not higher_is_better else count - 1 - index
    return round(7 - 6 * severity / max(count - 1, 1))


class ScoreHistoryChart(ChartCard):
    """Totals of one questionnaire by date over its bands; fed plain arrays by ``set_data``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("score_history", self.tr("Scores over time"), parent)
        layout = self.graphics.ci
        self._legend = pg.LegendItem(colCount=2)
        layout.addItem(self._legend, row=0, col=0)
        self._plot = layout.addPlot(
            row=1, col=0, axisItems={"bottom": date_axis()}, enableMenu=False
        )
        self._plot.setMouseEnabled(x=False, y=False)
        self._plot.setMenuEnabled(False)
        self._plot.hideButtons()
        self._plot.showAxis("right")
        self._plot.getAxis("left").setWidth(40)
        self._regions: list[pg.LinearRegionItem] = []
        self._higher_is_better = False
        self._line = pg.PlotDataItem(symbol="o", symbolSize=7, connect="finite")
        self._line.setZValue(10)
        self._flagged = pg.ScatterPlotItem(symbol="d", size=14)  # the ◆ of the page
        self._flagged.setZValue(11)
        self._plot.addItem(self._line)
        self._plot.addItem(self._flagged)
        self._legend.addItem(self._line, self.tr("score"))
        self._flag_label = self.tr("◆ hard thoughts shared (question 9)")
        self._legend_has_flag = False
        self.graphics.setMinimumHeight(180)
        self._finish_building()

    # --- public ------------------------------------------------------------------------------

    @property
    def plot(self) -> pg.PlotItem:
        return self._plot

    @property
    def score_item(self) -> pg.PlotDataItem:
        return self._line

    @property
    def flagged_item(self) -> pg.ScatterPlotItem:
        return self._flagged

    @property
    def regions(self) -> list[pg.LinearRegionItem]:
        """The band regions shown, lowest band first."""
        return [r for r in self._regions if r.isVisible()]

    def band_labels(self) -> list[str]:
        """The band names on the right-hand axis, lowest band first."""
        ticks = self._plot.getAxis("right")._tickLevels or [[]]
        return [name for _y, name in ticks[0]]

    def set_data(
        self,
        dates: np.ndarray,
        totals: np.ndarray,
        flagged: np.ndarray,
        bands: Sequence[tuple[int, int, str]],
        title: str = "",
        empty_note: str = "",
        *,
        higher_is_better: bool = False,
    ) -> None:
        """Show ``totals`` (one per ``datetime64[D]`` date) over ``bands``
        (``(low, high, name)``, inclusive, lowest first); ``flagged`` marks safety answers.
        ``higher_is_better`` (WHO-5) makes the lowest band the most severe."""
        self._higher_is_better = higher_is_better
        dates = np.asarray(dates, dtype="datetime64[D]")
        totals = np.asarray(totals, dtype=float)
        flagged = np.asarray(flagged, dtype=bool)
        x = timestamps(dates)
        size = 7 if len(x) <= SMALL_MARKERS_FROM else 5
        self._line.setData(x, totals, symbolSize=size)
        self._flagged.setData(x[flagged], totals[flagged])
        self._set_flag_legend(bool(flagged.any()))
        self._set_bands(bands)
        if title:
            self._title.setText(title)
        low, high = bands[0][0], bands[-1][1]
        self._plot.setYRange(low - 0.5, high + 0.5, padding=0.02)
        if len(x):
            self._plot.setXRange(x[0] - 7 * DAY, x[-1] + 7 * DAY, padding=0)
        self._set_note("" if len(x) else empty_note)

    # --- drawing -----------------------------------------------------------------------------

    def _set_bands(self, bands: Sequence[tuple[int, int, str]]) -> None:
        while len(self._regions) < len(bands):
            region = pg.LinearRegionItem(orientation="horizontal", movable=False)
            region.setZValue(-10)
            self._plot.addItem(region, ignoreBounds=True)
            self._regions.append(region)
        for index, region in enumerate(self._regions):
            region.setVisible(index < len(bands))
            if index < len(bands):
                low, high, _name = bands[index]
                region.setRegion((low - 0.5, high + 0.5))
        right = self._plot.getAxis("right")
        right.setTicks([[((low + high) / 2, name) for low, high, name in bands]])
        # Wide enough for the longest band name: pyqtgraph drops a label that does not fit.
        metrics = self.fontMetrics()
        right.setWidth(max(metrics.horizontalAdvance(name) for *_edges, name in bands) + 24)
        edges = [low for low, _high, _name in bands] + [bands[-1][1]]
        self._plot.getAxis("left").setTicks([[(e, str(e)) for e in edges]])
        if self._built:
            self._apply_colours(self._colours())

    def _set_flag_legend(self, shown: bool) -> None:
        if shown and not self._legend_has_flag:
            self._legend.addItem(self._flagged, self._flag_label)
        elif not shown and self._legend_has_flag:
            self._legend.removeItem(self._flagged)
        self._legend_has_flag = shown
        if self._built:
            style_legend(self._legend, self._colours())

    def _colours(self) -> ChartColours:
        return chart_colours(self.palette())

    def _apply_colours(self, colours: ChartColours) -> None:
        edge = pg.mkPen(
            colours.translucent(colours.muted, 110), width=1, style=Qt.PenStyle.DashLine
        )
        scheme = "dark" if colours.dark else "light"
        shown = len(self.regions)
        for index, region in enumerate(self._regions):
            step = severity_step(index, shown, higher_is_better=self._higher_is_better)
            shade = colours.translucent(
                QColor(palette.mood_colour(step, scheme)), _BAND_ALPHA[scheme]
            )
            region.setBrush(pg.mkBrush(shade))
            region.setHoverBrush(pg.mkBrush(shade))
            for line in region.lines:
                line.setPen(edge)
                line.setHoverPen(edge)
        self._line.setPen(pg.mkPen(colours.primary, width=2))
        self._line.setSymbolPen(pg.mkPen(colours.primary))
        self._line.setSymbolBrush(colours.primary)
        self._flagged.setPen(pg.mkPen(colours.foreground, width=1))
        self._flagged.setBrush(pg.mkBrush(colours.foreground))  # neutral, not an alarm
        style_plot(self._plot, colours)
        style_legend(self._legend, colours)
