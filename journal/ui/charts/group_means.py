"""Mean mood on days with each kind of contact and each mode, with 95% CI whiskers.

Two panels, one above the other on one scale, one row per group: a dot at the mean, a
whisker for its 95% confidence interval and, in the row's label, n (the number of days
behind it). Groups with too few days are left out and named in the note above the chart.
A dashed line marks the mean mood of all days of the range, for comparison. The scale is the
whole 0–10 of the mood rating: zoomed to the whiskers, a difference of half a point looked
like a gulf.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QWidget

from journal.ui.charts.common import ChartCard, ChartColours, style_plot


@dataclass(frozen=True, slots=True)
class GroupMeans:
    """Aligned per-group figures (one element per group shown) and the groups left out."""

    labels: tuple[str, ...] = ()
    n: np.ndarray = field(default_factory=lambda: np.zeros(0))
    mean: np.ndarray = field(default_factory=lambda: np.zeros(0))
    ci_low: np.ndarray = field(default_factory=lambda: np.zeros(0))
    ci_high: np.ndarray = field(default_factory=lambda: np.zeros(0))
    #: (label, n) of the groups with too few days to show.
    too_few: tuple[tuple[str, int], ...] = ()


class _Panel:
    """One plot of groups: dots, horizontal whiskers and the overall mean line."""

    def __init__(self, plot: pg.PlotItem, symbol: str, x_label: str) -> None:
        self.plot = plot
        self.dots = pg.ScatterPlotItem(size=9, symbol=symbol, pxMode=True)
        self.whiskers = pg.ErrorBarItem(x=np.zeros(0), y=np.zeros(0), beam=0.25)
        self.overall = pg.InfiniteLine(angle=90, movable=False)
        plot.addItem(self.whiskers)
        plot.addItem(self.dots)
        plot.addItem(self.overall, ignoreBounds=True)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.showGrid(x=True, alpha=0.2)
        if x_label:
            plot.setLabel("bottom", x_label)
        plot.invertY(True)

    @staticmethod
    def labels(groups: GroupMeans, n_word: str) -> list[tuple[float, str]]:
        return [
            (float(i), f"{label}  ({n_word.format(n=int(n))})")
            for i, (label, n) in enumerate(zip(groups.labels, groups.n, strict=True))
        ]

    def set_data(self, groups: GroupMeans, overall: float | None, n_word: str) -> None:
        count = len(groups.labels)
        rows = np.arange(count, dtype=float)
        self.dots.setData(groups.mean, rows)
        self.whiskers.setData(
            x=groups.mean,
            y=rows,
            left=groups.mean - groups.ci_low,
            right=groups.ci_high - groups.mean,
            beam=0.25,
        )
        self.whiskers.setVisible(count > 0)
        self.plot.getAxis("left").setTicks([self.labels(groups, n_word)])
        self.plot.setYRange(-0.6, max(count, 1) - 0.4, padding=0)
        if overall is None:
            self.overall.hide()
        else:
            self.overall.setValue(overall)
            self.overall.show()


class GroupMeansChart(ChartCard):
    """Mean mood by kind of contact (left) and by mode (right)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("group_means", self.tr("Mood by kind and by mode of contact"), parent)
        layout = self.graphics.ci
        x_label = self.tr("mean mood, 95% CI")
        self._kinds = _Panel(layout.addPlot(row=0, col=0, enableMenu=False), "o", "")
        self._modes = _Panel(layout.addPlot(row=1, col=0, enableMenu=False), "s", x_label)
        self._modes.plot.setXLink(self._kinds.plot)  # one scale, so the panels compare
        self._kinds.plot.setTitle(self.tr("Days with contact with…"))
        self._modes.plot.setTitle(self.tr("Days with a contact by…"))
        self._legend = pg.LabelItem(justify="left")
        layout.addItem(self._legend, row=2, col=0)
        self._rows(10, 5)
        self._legend_text = "<br>".join(
            (
                self.tr("dot: mean mood on those days · whisker: its 95% confidence interval"),
                self.tr("dashed line: mean mood of all days of the range"),
            )
        )
        self.graphics.setMinimumHeight(480)
        self._finish_building()

    # --- public ------------------------------------------------------------------------------

    @property
    def kind_panel(self) -> _Panel:
        return self._kinds

    @property
    def mode_panel(self) -> _Panel:
        return self._modes

    def set_data(
        self,
        by_kind: GroupMeans,
        by_mode: GroupMeans,
        overall_mean: float | None,
        *,
        min_days: int,
        min_total: int = 14,
    ) -> None:
        """Show both panels; ``min_days`` (a group) and ``min_total`` (days with a mood in
        all) are the thresholds that left groups out (for words)."""
        n_word = self.tr("n = {n}")
        self._kinds.set_data(by_kind, overall_mean, n_word)
        self._modes.set_data(by_mode, overall_mean, n_word)
        self._rows(len(by_kind.labels), len(by_mode.labels))
        self._fit_labels([*_Panel.labels(by_kind, n_word), *_Panel.labels(by_mode, n_word)])
        self._fit_x_range(by_kind, by_mode, overall_mean)
        notes = []
        if not by_kind.labels and not by_mode.labels:
            notes.append(
                self.tr(
                    "Not enough data yet: a group is shown from {total} days with a mood in "
                    "all and {min} with that kind of contact."
                ).format(total=min_total, min=min_days)
            )
        left_out = [*by_kind.too_few, *by_mode.too_few]
        if left_out and (by_kind.labels or by_mode.labels):
            names = ", ".join(f"{label} ({n})" for label, n in left_out)
            notes.append(
                self.tr("Not shown, fewer than {min} days: {names}.").format(
                    min=min_days, names=names
                )
            )
        self._set_note(" ".join(notes))

    # --- drawing -----------------------------------------------------------------------------

    def _rows(self, kinds: int, modes: int) -> None:
        """Give each panel height in proportion to its rows (plus room for the axes)."""
        grid = self.graphics.ci.layout
        grid.setRowStretchFactor(0, max(kinds, 1) + 2)
        grid.setRowStretchFactor(1, max(modes, 1) + 3)

    def _fit_labels(self, ticks: list[tuple[float, str]]) -> None:
        """The same label width in both panels, wide enough for the longest, so they align."""
        axis = self._kinds.plot.getAxis("left")
        metrics = QFontMetrics(axis.style.get("tickFont") or self.graphics.font())
        width = max((metrics.horizontalAdvance(text) for _pos, text in ticks), default=40)
        for panel in (self._kinds, self._modes):
            panel.plot.getAxis("left").setWidth(width + 16)

    def _fit_x_range(self, by_kind: GroupMeans, by_mode: GroupMeans, overall: float | None) -> None:
        """The whole mood scale, 0-10, whatever the groups: small differences look small."""
        self._kinds.plot.setXRange(0.0, 10.0, padding=0.02)
        for panel in (self._kinds, self._modes):
            panel.plot.getAxis("bottom").setTicks([[(v, str(v)) for v in range(0, 11, 2)]])

    def _apply_colours(self, colours: ChartColours) -> None:
        for panel, colour in ((self._kinds, colours.primary), (self._modes, colours.secondary)):
            panel.dots.setPen(pg.mkPen(colour))
            panel.dots.setBrush(colour)
            panel.whiskers.setData(pen=pg.mkPen(colours.foreground, width=1.5))
            panel.overall.setPen(pg.mkPen(colours.muted, width=1, style=Qt.PenStyle.DashLine))
            style_plot(panel.plot, colours)
        size = f"{QFont().pointSizeF():g}pt"  # the application font, however large
        self._legend.setText(self._legend_text, color=colours.muted, size=size)
