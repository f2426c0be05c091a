"""Connection against mood: each distinct (connection, mood) pair once, sized by its days.

Counts and 0-10 ratings are whole numbers, so many days fall on the same spot; rather than
spreading them (which made a mood of 5 read as 4.7), each spot is drawn once, its area
growing with the number of days it holds, at its true place. Minutes of contact come in bins
(a quarter of an hour, say). A plain caption says what the chart shows, claiming a link only
when the analysis calls it clear; the figures (ρ, its 95% CI, n) are behind "Details" and in
the caption's tooltip. When there is not enough data the caption says so and no fit line is
drawn. Hovering a dot names its days.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from journal.i18n import format_figure, format_number
from journal.services import Association, Status
from journal.ui.charts.common import (
    ChartCard,
    ChartColours,
    style_legend,
    style_plot,
)

#: Dot diameters in pixels: one day, and the spot holding the most days.
SMALLEST, LARGEST = 5.0, 30.0


def dot_sizes(days: np.ndarray) -> np.ndarray:
    """Diameters whose *area* is proportional to the days a dot holds, to half a pixel: a
    dot's picture is drawn once per size and kept (pyqtgraph's symbol atlas), so sizes that
    shift by a hair after every save would draw every dot afresh on each refresh."""
    days = np.asarray(days, dtype=float)
    if not len(days):
        return days
    return np.round(2.0 * (SMALLEST + (LARGEST - SMALLEST) * np.sqrt(days / days.max()))) / 2.0


class ConnectionScatter(ChartCard):
    """Mood (y) against a connection measure (x) of the same day, one dot per distinct pair."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("connection_scatter", self.tr("Connection and mood"), parent)
        self._association = Association(0, Status.NOT_ENOUGH)
        self._colours: ChartColours | None = None
        self._x = self._y = self._days = np.zeros(0)
        self._step = 1.0
        self._measure = ""

        self._caption = QLabel(objectName="connection_scatter_caption", wordWrap=True)
        self._caption.setAccessibleName(self.tr("What the connection chart shows"))
        self._details_button = QToolButton(
            objectName="connection_scatter_details", text=self.tr("Details"), checkable=True
        )
        self._details_button.setAccessibleName(self.tr("Show the figures behind the caption"))
        self._details = QLabel(objectName="connection_scatter_details_text", wordWrap=True)
        self._details.setAccessibleName(self.tr("Figures of the connection chart"))
        self._details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._details.hide()
        self._readout = QLabel(objectName="connection_scatter_readout", wordWrap=True)
        self._readout.setAccessibleName(self.tr("Days of the dot under the pointer"))
        self._readout.setText(self.tr("Point at a dot to see how many days it holds."))
        self.add_control(self._details_button)
        self.layout().insertWidget(2, self._caption)
        self.layout().insertWidget(3, self._details)
        self.layout().insertWidget(4, self._readout)

        layout = self.graphics.ci
        self._plot = layout.addPlot(row=0, col=0, enableMenu=False)
        self._legend = pg.LegendItem(colCount=2)
        layout.addItem(self._legend, row=1, col=0)
        self._plot.setLabel("left", self.tr("mood (0–10)"))
        self._plot.setMenuEnabled(False)
        self._plot.hideButtons()
        self._plot.setMouseEnabled(x=False, y=False)
        self._plot.showGrid(x=True, y=True, alpha=0.2)
        self._plot.setYRange(-0.5, 10.5, padding=0)
        self._plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 11, 2)]])

        self._dots = pg.ScatterPlotItem(pxMode=True, symbol="o")
        self._fit = pg.PlotDataItem()
        self._plot.addItem(self._dots)
        self._plot.addItem(self._fit)
        self._legend.addItem(self._dots, self.tr("days with these values (bigger: more days)"))
        self._legend.addItem(self._fit, self.tr("straight-line fit (dashed)"))
        self._details_button.toggled.connect(self._on_details_button_toggled)
        self.graphics.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
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
        """The figures behind "Details": ρ, its 95% CI and n, or "not enough data yet (n = …)"."""
        return self._summary_text()

    @property
    def caption(self) -> str:
        """The plain sentence under the title."""
        return self._caption.text()

    @property
    def readout(self) -> str:
        return self._readout.text()

    def set_data(
        self,
        x: np.ndarray,
        mood: np.ndarray,
        days: np.ndarray,
        association: Association,
        *,
        x_label: str,
        measure: str = "",
        fit: tuple[float, float] | None = None,
        whole_numbers: bool = True,
        step: float = 1.0,
    ) -> None:
        """Show each distinct pair (``x``, ``mood``) once, holding ``days`` days
        (``analysis.aggregate.distinct_pairs``; ``step`` the width of a bin of x).

        ``fit`` is (slope, intercept) of the line to draw, shown only when ``association`` is
        reportable; ``measure`` names x in the caption ("contacts that felt good").
        """
        self._x = xs = np.asarray(x, dtype=float)
        self._y = np.asarray(mood, dtype=float)
        self._days = np.asarray(days, dtype=float)
        self._step, self._measure = step, measure or x_label
        centre = xs + (step / 2 if step != 1.0 else 0.0)  # a bin's dot sits mid-bin
        self._dots.setData(centre, self._y, size=dot_sizes(self._days))
        self._association = association
        if association.reportable and fit is not None and len(xs):
            slope, intercept = fit
            ends = np.array([xs.min(), xs.max() + (step if step != 1.0 else 0.0)])
            self._fit.setData(ends, intercept + slope * ends)
        else:
            self._fit.setData([], [])
        self._plot.setLabel("bottom", x_label)
        high = float(xs.max()) + (step if step != 1.0 else 0.0) if len(xs) else 1.0
        tick = max(1, math.ceil(high / 8))  # whole numbers get whole ticks
        self._plot.getAxis("bottom").setTicks(
            [[(v, str(v)) for v in range(0, int(high) + 1, tick)]] if whole_numbers else None
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
        self._caption.setText(self._caption_text())
        self._caption.setToolTip(self._summary_text())
        self._details.setText(self._summary_text())
        # the dots' pen and brush are the item's defaults (``_colour_dots``), which new points
        # take: setting them again here would draw every dot twice

    def show_dot(self, index: int) -> str:
        """Name the days of dot ``index`` in the readout (as hovering does)."""
        if not 0 <= index < len(self._x):
            return self._readout.text()
        low = self._x[index]
        where = (
            format_figure(low)
            if self._step == 1.0
            else self.tr("{low}–{high}").format(
                low=format_figure(low), high=format_figure(low + self._step)
            )
        )
        text = self.tr("{measure} {where}, mood {mood}: {days} days").format(
            measure=self._measure,
            where=where,
            mood=format_figure(self._y[index]),
            days=format_number(self._days[index], 0),
        )
        self._readout.setText(text)
        return text

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
            rho=format_number(result.spearman, 2),
            low=format_number(result.ci_low or 0.0, 2),
            high=format_number(result.ci_high or 0.0, 2),
            n=format_number(result.n, 0),
        )
        if result.status is Status.EARLY:
            text = self.tr("early signal: {figures}").format(figures=text)
        return text

    def _caption_text(self) -> str:
        result = self._association
        if not result.reportable or result.spearman is None:
            return self.tr(
                "Not enough data yet to tell how {measure} and mood go together."
            ).format(measure=self._measure)
        if not result.clear:
            return self.tr(
                "Each dot is a combination of {measure} and mood, bigger where "
                "more days had it. No clear link shows in these days."
            ).format(measure=self._measure)
        text = (
            self.tr(
                "Each dot is a combination of {measure} and mood, bigger where more "
                "days had it. Days with more {measure} tended to have a better mood — "
                "an association, not proof of cause."
            )
            if result.spearman > 0
            else self.tr(
                "Each dot is a combination of {measure} and mood, bigger where more "
                "days had it. Days with more {measure} tended to have a lower mood — "
                "an association, not proof of cause."
            )
        )
        return text.format(measure=self._measure)

    def _colour_dots(self) -> None:
        if self._colours is None:
            return
        self._dots.setBrush(self._colours.translucent(self._colours.primary, 150))
        self._dots.setPen(pg.mkPen(self._colours.primary, width=1))

    def _apply_colours(self, colours: ChartColours) -> None:
        self._colours = colours
        self._colour_dots()
        self._fit.setPen(pg.mkPen(colours.secondary, width=3, style=Qt.PenStyle.DashLine))
        style_plot(self._plot, colours)
        style_legend(self._legend, colours)

    def _on_details_button_toggled(self, checked: bool) -> None:
        self._details.setVisible(checked)

    def _on_scene_mouse_moved(self, position: QPointF) -> None:
        if not len(self._x) or not self._plot.sceneBoundingRect().contains(position):
            return
        points = self._dots.pointsAt(self._plot.vb.mapSceneToView(position))
        if len(points):
            self.show_dot(int(points[0].index()))
