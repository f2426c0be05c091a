"""Connection against mood, one dot per day, with a fit line and Spearman's ρ in the corner.

Counts and 0-10 ratings are whole numbers, so many days fall on the same spot: the dots are
spread a little (a fixed pattern, so the same data always looks the same) and drawn
translucent. The figures come from ``journal.analysis.stats.association``; when it says there
is not enough data the corner says so with n, and no fit line is drawn.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from journal.analysis.stats import Association, Status
from journal.ui.charts.common import (
    ChartCard,
    ChartColours,
    format_number,
    style_legend,
    style_plot,
)

#: How far a dot may move from its true place, in units of the axis (whole numbers apart).
JITTER = 0.3


def spread(count: int, step: float) -> np.ndarray:
    """A fixed, even spread in -0.5..0.5 (an additive recurrence): reproducible "jitter"."""
    return (np.arange(count) * step) % 1.0 - 0.5


class ConnectionScatter(ChartCard):
    """Mood (y) against a connection measure (x) of the same day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("connection_scatter", self.tr("Connection and mood"), parent)
        self._association = Association(0, Status.NOT_ENOUGH)
        self._colours: ChartColours | None = None
        self._count = 0
        self._dot_colour = QColor()

        layout = self.graphics.ci
        self._summary = pg.LabelItem(justify="left")
        layout.addItem(self._summary, row=0, col=0)
        self._plot = layout.addPlot(row=1, col=0)
        self._legend = pg.LegendItem(colCount=2)
        layout.addItem(self._legend, row=2, col=0)
        self._plot.setLabel("left", self.tr("mood (0–10)"))
        self._plot.setMenuEnabled(False)
        self._plot.hideButtons()
        self._plot.setMouseEnabled(x=False, y=False)
        self._plot.showGrid(x=True, y=True, alpha=0.2)
        self._plot.setYRange(-0.5, 10.5, padding=0)
        self._plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 11, 2)]])

        self._dots = pg.ScatterPlotItem(size=6, pxMode=True, symbol="o")
        self._fit = pg.PlotDataItem()
        self._plot.addItem(self._dots)
        self._plot.addItem(self._fit)
        self._legend.addItem(self._dots, self.tr("one day (dots spread a little)"))
        self._legend.addItem(self._fit, self.tr("straight-line fit (dashed)"))
        self._finish_building()

    # --- public ------------------------------------------------------------------------------

    @property
    def dots_item(self) -> pg.ScatterPlotItem:
        return self._dots

    @property
    def fit_item(self) -> pg.PlotDataItem:
        return self._fit

    @property
    def plot(self) -> pg.PlotItem:
        return self._plot

    @property
    def summary(self) -> str:
        """The corner's words: ρ, its 95% CI and n, or "not enough data yet (n = …)"."""
        return self._summary_text()

    def set_data(
        self,
        x: np.ndarray,
        mood: np.ndarray,
        association: Association,
        *,
        x_label: str,
        fit: tuple[float, float] | None = None,
        whole_numbers: bool = True,
    ) -> None:
        """Show the days where both ``x`` and ``mood`` are known.

        ``fit`` is (slope, intercept) of the line to draw, shown only when ``association`` is
        reportable; ``whole_numbers`` spreads the dots sideways too (counts, not minutes).
        """
        x = np.asarray(x, dtype=float)
        mood = np.asarray(mood, dtype=float)
        both = ~np.isnan(x) & ~np.isnan(mood)
        xs, ys = x[both], mood[both]
        wiggle = JITTER * 2
        shown_x = xs + (spread(len(xs), 0.7548776662) * wiggle if whole_numbers else 0.0)
        shown_y = ys + spread(len(ys), 0.5698402910) * wiggle
        self._dots.setData(shown_x, shown_y)
        self._count = len(xs)
        self._colour_dots()
        self._association = association
        if association.reportable and fit is not None and len(xs):
            slope, intercept = fit
            ends = np.array([xs.min(), xs.max()])
            self._fit.setData(ends, intercept + slope * ends)
        else:
            self._fit.setData([], [])
        self._plot.setLabel("bottom", x_label)
        high = float(xs.max()) if len(xs) else 1.0
        step = max(1, math.ceil(high / 8))  # whole numbers get whole ticks
        self._plot.getAxis("bottom").setTicks(
            [[(v, str(v)) for v in range(0, int(high) + 1, step)]] if whole_numbers else None
        )
        self._plot.setXRange(-0.5 if whole_numbers else 0.0, max(high, 1.0) + 0.5, padding=0.02)
        self._set_note(
            ""
            if association.reportable
            else self.tr(
                "Not enough data yet: the link between contact and mood is shown from 14 days "
                "with both a mood and contacts logged."
            )
        )
        self._show_summary()

    # --- drawing -----------------------------------------------------------------------------

    def _summary_text(self) -> str:
        result = self._association
        if not result.reportable or result.spearman is None:
            return self.tr("not enough data yet (n = {n})").format(n=result.n)
        if result.perfect:  # an interval at ±1 would be a single point: say what it means
            text = (
                self.tr("Spearman ρ = 1: the days rank in exactly the same order, n = {n} days")
                if result.spearman > 0
                else self.tr(
                    "Spearman ρ = −1: the days rank in exactly the opposite order, n = {n} days"
                )
            ).format(n=format_number(result.n, 0))
            if result.status is Status.EARLY:
                text = self.tr("early signal: {figures}").format(figures=text)
            return text
        text = self.tr("Spearman ρ = {rho} (95% CI {low} to {high}), n = {n} days").format(
            rho=format_number(result.spearman),
            low=format_number(result.ci_low or 0.0),
            high=format_number(result.ci_high or 0.0),
            n=format_number(result.n, 0),
        )
        if result.status is Status.EARLY:
            text = self.tr("early signal: {figures}").format(figures=text)
        return text

    def _colour_dots(self) -> None:
        """Fewer days, more opaque dots; thousands of days stay readable as a density."""
        if self._colours is None:
            return
        alpha = 220 if self._count < 100 else 150 if self._count < 1000 else 90
        brush = self._colours.translucent(self._colours.primary, alpha)
        if brush != self._dot_colour:  # restyling thousands of dots is the costly part
            self._dot_colour = brush
            self._dots.setBrush(brush)

    def _show_summary(self) -> None:
        if self._colours is not None:
            self._summary.setText(self._summary_text(), color=self._colours.foreground)

    def _apply_colours(self, colours: ChartColours) -> None:
        self._colours = colours
        self._dots.setPen(pg.mkPen(None))
        self._colour_dots()
        self._fit.setPen(pg.mkPen(colours.secondary, width=3, style=Qt.PenStyle.DashLine))
        style_plot(self._plot, colours)
        style_legend(self._legend, colours)
        self._show_summary()
