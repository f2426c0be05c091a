"""A year in pixels: one square per day, a column per week (Monday at the top), mood as colour.

Mood uses the viridis colour map (dark purple = 0 to yellow = 10), which stays ordered for the
common colour-vision deficiencies and in greyscale; a colour bar gives the scale. A day without
a check-in is a neutral grey square *with a small cross*, so it never reads as a low mood; days
outside the range are left empty. Hovering a square shows its date and mood as words.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, QPointF, QRectF
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QWidget

from journal.i18n import format_date
from journal.ui.charts.common import (
    ChartCard,
    ChartColours,
    format_figure,
    mood_colour_map,
    style_legend,
    style_plot,
)

#: Pixels per day square in the image (the last row and column are left as a thin gap).
CELL = 8


class YearPixels(ChartCard):
    """Mood per day of up to 53 weeks as a calendar heat map."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("year_pixels", self.tr("A year in pixels: mood day by day"), parent)
        self._first = np.datetime64("1970-01-01", "D")
        self._mood = np.zeros(0)
        self._offset = 0
        self._skip = 0
        self._weeks = 0
        self._colour_map = mood_colour_map()
        self._colours: ChartColours | None = None

        self._readout = QLabel(objectName="year_pixels_readout")
        self._readout.setAccessibleName(self.tr("Mood of the day under the pointer"))
        self._readout.setText(self.tr("Point at a day to see its mood."))
        self.layout().insertWidget(2, self._readout)

        layout = self.graphics.ci
        self._plot = layout.addPlot(row=0, col=0)
        self._bar = pg.ColorBarItem(
            values=(0, 10),
            colorMap=self._colour_map,
            interactive=False,
            label=self.tr("mood"),
            width=14,
        )
        layout.addItem(self._bar, row=0, col=1)
        self._legend = pg.LegendItem(colCount=2)
        layout.addItem(self._legend, row=1, col=0)

        plot = self._plot
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.invertY(True)
        plot.setAspectLocked(True)
        # the locale's own short names, Monday first (the rows start on Monday)
        self._weekdays = [
            QLocale().standaloneDayName(day, QLocale.FormatType.ShortFormat) for day in range(1, 8)
        ]
        self._label_weekdays()
        plot.vb.sigTransformChanged.connect(self._label_weekdays)  # resized or re-ranged
        self._image = pg.ImageItem(axisOrder="col-major")
        self._missing = pg.ScatterPlotItem(symbol="x", size=7, pxMode=True)
        plot.addItem(self._image)
        plot.addItem(self._missing)
        self._legend.addItem(self._missing, self.tr("no check-in (grey square, cross)"))
        # square days at the usual widths: the height follows 53 columns by 7 rows
        self.graphics.setMinimumHeight(210)
        self.graphics.setMaximumHeight(250)
        self.graphics.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self._finish_building()

    # --- public ------------------------------------------------------------------------------

    @property
    def image_item(self) -> pg.ImageItem:
        return self._image

    @property
    def missing_item(self) -> pg.ScatterPlotItem:
        return self._missing

    @property
    def plot(self) -> pg.PlotItem:
        return self._plot

    @property
    def readout(self) -> str:
        return self._readout.text()

    def colour_of(self, mood: float) -> tuple[int, int, int, int]:
        """The RGBA colour a mood is drawn in (``NaN``: the colour of a missing day)."""
        if math.isnan(mood):
            colour = self._colours.missing if self._colours else pg.mkColor("#888888")
            return colour.red(), colour.green(), colour.blue(), 255
        return tuple(int(c) for c in self._colour_map.map(np.array([mood / 10.0]), "byte")[0])

    def cell(self, index: int) -> tuple[int, int]:
        """(week column, weekday row) of day ``index`` of the data."""
        position = self._offset + index
        return position // 7, position % 7

    def set_data(
        self, first_day: np.datetime64, mood: np.ndarray, *, journal_start: object = None
    ) -> None:
        """Show consecutive days from ``first_day`` (at most 53 weeks); ``NaN``: no check-in.

        Days before ``journal_start`` (a date) are left empty rather than marked as missing:
        a journal begun in June has no missing check-ins in March.
        """
        self._first = np.datetime64(first_day, "D")
        self._mood = np.asarray(mood, dtype=float)
        begun = self._first if journal_start is None else np.datetime64(journal_start, "D")
        self._skip = int(np.clip((begun - self._first).astype(np.int64), 0, len(self._mood)))
        monday = 4  # 1970-01-01 was a Thursday: days since then, minus 4, are weeks from Monday
        self._offset = int((self._first.astype(np.int64) - monday) % 7)
        self._weeks = max(1, math.ceil((self._offset + len(self._mood)) / 7))
        self._render()
        self._label_months()
        self._plot.setRange(xRange=(0, self._weeks), yRange=(0, 7), padding=0.01)
        known = int((~np.isnan(self._mood)).sum())
        self._set_note(
            "" if known else self.tr("Not enough data yet: no check-ins in these weeks.")
        )

    # --- drawing -----------------------------------------------------------------------------

    def _render(self) -> None:
        if self._colours is None:
            return
        count = len(self._mood)
        positions = self._offset + np.arange(count)
        columns, rows = positions // 7, positions % 7
        cells = np.zeros((self._weeks, 7, 4), dtype=np.uint8)  # transparent: outside the range
        known = ~np.isnan(self._mood)
        missing = ~known & (np.arange(count) >= self._skip)
        if known.any():
            cells[columns[known], rows[known]] = self._colour_map.map(
                np.clip(self._mood[known], 0, 10) / 10.0, "byte"
            )
        cells[columns[missing], rows[missing]] = self.colour_of(math.nan)
        pixels = np.repeat(np.repeat(cells, CELL, axis=0), CELL, axis=1)
        pixels[CELL - 1 :: CELL, :, 3] = 0  # a thin gap between weeks and between days
        pixels[:, CELL - 1 :: CELL, 3] = 0
        self._image.setImage(pixels, autoLevels=False)
        self._image.setRect(QRectF(0, 0, self._weeks, 7))
        self._missing.setData(columns[missing] + 0.45, rows[missing] + 0.45)

    def _label_months(self) -> None:
        days = self._first + np.arange(len(self._mood))
        starts = np.flatnonzero(days == days.astype("datetime64[M]").astype("datetime64[D]"))
        indices = starts.tolist()
        if len(days) and (not indices or self.cell(indices[0])[0] >= 3):
            indices.insert(0, 0)  # name the first, partial month when there is room
        ticks: list[tuple[float, str]] = []
        for index in indices:
            day = days[index].item()
            label = format_date(day, "month_year" if day.month == 1 or not ticks else "month")
            ticks.append((self.cell(index)[0] + 0.5, label))
        self._plot.getAxis("bottom").setTicks([ticks])

    def _label_weekdays(self) -> None:
        """Every weekday's name when the rows are as tall as a line of text; otherwise (a large
        font, a short chart) Mon, Wed, Fri and Sun, rather than pyqtgraph's haphazard pick."""
        _width, day = self._plot.vb.viewPixelSize()  # one day's row, in pixels: 1 / day
        every = day <= 0 or 1 / day >= QFontMetrics(self.graphics.font()).height()
        ticks = [
            (row + 0.5, name) for row, name in enumerate(self._weekdays) if every or row % 2 == 0
        ]
        self._plot.getAxis("left").setTicks([ticks])

    def _apply_colours(self, colours: ChartColours) -> None:
        self._colours = colours
        self._missing.setPen(pg.mkPen(colours.foreground, width=1.2))
        self._missing.setBrush(colours.missing)
        style_plot(self._plot, colours)
        style_plot(self._bar, colours)
        style_legend(self._legend, colours)
        if len(self._mood):
            self._render()

    def _on_scene_mouse_moved(self, position: QPointF) -> None:
        if not len(self._mood) or not self._plot.sceneBoundingRect().contains(position):
            return
        point = self._plot.vb.mapSceneToView(position)
        column, row = math.floor(point.x()), math.floor(point.y())
        if 0 <= row < 7:
            self.show_cell(column, row)

    def show_cell(self, column: int, row: int) -> str:
        """Show the date and mood of a square in the readout (as hovering does)."""
        index = column * 7 + row - self._offset
        if not 0 <= index < len(self._mood):
            return self._readout.text()
        day = (self._first + index).item()
        mood = self._mood[index]
        if index < self._skip:
            value = self.tr("before the journal began")
        elif math.isnan(mood):
            value = self.tr("no check-in")
        else:
            value = self.tr("mood {value}").format(value=format_figure(mood))
        self._readout.setText(f"{format_date(day, 'weekday_date')} · {value}")
        return self._readout.text()
