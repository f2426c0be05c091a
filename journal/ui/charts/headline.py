"""The Trends page's headline: mean mood on days with 0, 1, 2 and 3+ contacts that felt good.

One bar per count of good contacts (rated 4–5) on a full 0–10 scale, its 95% interval as a
whisker, the mean written on the bar and n under it; a bar is coloured by its mean on the
one mood palette (``journal.palette``), and the number says the same, so colour never carries
it alone. Under the thresholds of the insight sentences a bar is left out and its place says
"not enough data yet". One plain sentence under the chart says what it shows; the page words
it from the analysis, claiming a link only where the analysis found it clear.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QWidget

from journal import palette
from journal.i18n import format_number
from journal.ui.charts.common import ChartCard, ChartColours, style_plot

#: Bars: days with 0, 1, 2 and 3 or more good contacts.
BARS = 4


class HeadlineChart(ChartCard):
    """Mean mood by the number of contacts that felt good that day, with n and 95% CI."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "headline", self.tr("Mood on days with more or fewer good contacts"), parent
        )
        self._n = np.zeros(BARS)
        self._mean = self._low = self._high = np.full(BARS, np.nan)
        self._colours: ChartColours | None = None
        self._readout = QLabel(objectName="headline_readout", wordWrap=True)
        self._readout.setAccessibleName(self.tr("Values of the bar under the pointer"))
        self._readout.setText(
            self.tr(
                "Bar: mean mood on those days · whisker: its 95% "
                "interval. Point at a bar to see its figures."
            )
        )
        self._sentence = QLabel(objectName="headline_sentence", wordWrap=True)
        self._sentence.setAccessibleName(self.tr("What the headline chart shows"))
        self._sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self._sentence.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self._sentence.setFont(font)
        self.layout().insertWidget(2, self._readout)
        self.layout().addWidget(self._sentence)

        self._plot = self.graphics.ci.addPlot(row=0, col=0, enableMenu=False)
        plot = self._plot
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.showGrid(y=True, alpha=0.2)
        plot.setLabel("left", self.tr("mean mood (0–10)"))
        plot.setLabel("bottom", self.tr("contacts that felt good that day (rated 4–5)"))
        plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 11, 2)]])
        plot.getAxis("bottom").setTicks(
            [[(0, self.tr("none")), (1, "1"), (2, "2"), (3, self.tr("3 or more"))]]
        )
        plot.setYRange(-1.3, 10.3, padding=0)
        plot.setXRange(-0.6, BARS - 0.4, padding=0)
        self._bars = pg.BarGraphItem(x=[], height=[], width=0.62)
        self._whiskers = pg.ErrorBarItem(x=np.zeros(0), y=np.zeros(0), beam=0.12)
        plot.addItem(self._bars)
        plot.addItem(self._whiskers)
        self._values = [pg.TextItem(anchor=(0.5, 1.0)) for _ in range(BARS)]
        self._counts = [pg.TextItem(anchor=(0.5, 0.0)) for _ in range(BARS)]
        for item in (*self._values, *self._counts):
            plot.addItem(item, ignoreBounds=True)
        self.graphics.setMinimumHeight(260)
        self.graphics.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self._finish_building()

    # --- public ------------------------------------------------------------------------------

    @property
    def plot(self) -> pg.PlotItem:
        return self._plot

    @property
    def bars_item(self) -> pg.BarGraphItem:
        return self._bars

    @property
    def sentence(self) -> str:
        return self._sentence.text()

    @property
    def readout(self) -> str:
        return self._readout.text()

    def bar_means(self) -> np.ndarray:
        """The mean of each bar drawn (``NaN`` for a bar left out), in order 0, 1, 2, 3+."""
        return self._mean.copy()

    def words_under(self) -> list[str]:
        """What each bar's place says under it ("n = 40 days" or "not enough data yet")."""
        return [item.toPlainText() for item in self._counts]

    def set_data(
        self, n: np.ndarray, mean: np.ndarray, low: np.ndarray, high: np.ndarray, sentence: str
    ) -> None:
        """Four bars (``NaN`` mean: left out under the thresholds) and the sentence under."""
        self._n = np.asarray(n, dtype=float)
        self._mean = np.asarray(mean, dtype=float)
        self._low, self._high = np.asarray(low, dtype=float), np.asarray(high, dtype=float)
        self._sentence.setText(sentence)
        self._draw()  # "not enough data yet" is said under each bar and in the sentence

    def show_bar(self, index: int) -> str:
        """Show the figures of bar ``index`` in the readout (as hovering does)."""
        if not 0 <= index < BARS:
            return self._readout.text()
        count = (
            self.tr("no contact that felt good")
            if index == 0
            else (
                self.tr("3 or more contacts that felt good")
                if index == BARS - 1
                else self.tr("%n contact(s) that felt good", "", index)
            )
        )
        if math.isnan(self._mean[index]):
            text = self.tr("{count}: not enough data yet ({n} days)").format(
                count=count, n=int(self._n[index])
            )
        else:
            text = self.tr("{count}: mean mood {mean} (95% CI {low} to {high}), {n} days").format(
                count=count,
                mean=format_number(self._mean[index], 1),
                low=format_number(self._low[index], 1),
                high=format_number(self._high[index], 1),
                n=int(self._n[index]),
            )
        self._readout.setText(text)
        return text

    # --- drawing -----------------------------------------------------------------------------

    def _draw(self) -> None:
        shown = ~np.isnan(self._mean)
        x = np.arange(BARS, dtype=float)
        scheme = "dark" if self._colours is not None and self._colours.dark else "light"
        fills = [QColor(palette.mood_colour(round(m), scheme)) for m in self._mean[shown]]
        self._bars.setOpts(x=x[shown], height=self._mean[shown], width=0.62, brushes=fills or None)
        self._whiskers.setData(
            x=x[shown],
            y=self._mean[shown],
            top=self._high[shown] - self._mean[shown],
            bottom=self._mean[shown] - self._low[shown],
            beam=0.12,
        )
        self._whiskers.setVisible(bool(shown.any()))
        for i in range(BARS):
            value, count = self._values[i], self._counts[i]
            if shown[i]:
                value.setText(format_number(self._mean[i], 1))
                value.setPos(i, self._high[i] + 0.1)  # above the whisker, never on it
                count.setText(self.tr("n = {n} days").format(n=int(self._n[i])))
            else:
                value.setText("")
                count.setText(self.tr("not enough data yet (n = {n})").format(n=int(self._n[i])))
            count.setPos(i, -0.15)
        self._colour_texts()

    def _colour_texts(self) -> None:
        if self._colours is None:
            return
        for i in range(BARS):
            self._values[i].setColor(self._colours.foreground)
            self._counts[i].setColor(self._colours.foreground)

    def _apply_colours(self, colours: ChartColours) -> None:
        self._colours = colours
        self._bars.setOpts(pen=pg.mkPen(colours.muted, width=1))
        self._whiskers.setData(pen=pg.mkPen(colours.foreground, width=1.5))
        style_plot(self._plot, colours)
        self._draw()

    def _on_scene_mouse_moved(self, position: QPointF) -> None:
        if not self._plot.sceneBoundingRect().contains(position):
            return
        self.show_bar(round(self._plot.vb.mapSceneToView(position).x()))
