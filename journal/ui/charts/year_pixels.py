"""A year in pixels: one square per day, a column per week (Monday at the top), mood as colour.

Mood takes the one mood palette of the app (``journal.palette``: slate blue through sand to
amber, colour-blind safe, with its own steps for the dark theme) and each square also carries
its number when the squares are big enough to read it, so colour never carries the mood
alone; a key under the chart gives the eleven steps with their numbers. A day without a
check-in is a neutral square *with a small cross*, so it never reads as a low mood; days
outside the range are left empty. Hovering a square shows its date and mood as words;
clicking it asks for that day to be opened (``day_requested``), which the main window does
on the Today page.
"""

from __future__ import annotations

import datetime as dt
import functools
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainterPath, QTransform
from PySide6.QtWidgets import QLabel, QWidget

from journal import palette
from journal.i18n import format_date, format_figure
from journal.ui.charts.common import (
    ChartCard,
    ChartColours,
    style_legend,
    style_plot,
)

#: Pixels per day square in the image (the last row and column are left as a thin gap).
CELL = 8

#: Squares narrower than this many pixels show colour only (the number would not be legible).
DIGITS_FROM = 13


def _digit_symbol(text: str) -> QPainterPath:
    """``text`` as a scatter symbol: a path centred on 0, about 1 unit tall."""
    path = QPainterPath()
    font = QFont()
    font.setBold(True)
    path.addText(0, 0, font, text)
    box = path.boundingRect()
    scale = 1.0 / max(box.width(), box.height() * 1.25, 1e-6)
    transform = QTransform()
    transform.scale(scale, scale)
    transform.translate(-box.center().x(), -box.center().y())
    return transform.map(path)


@functools.cache
def _digits() -> tuple[QPainterPath, ...]:
    """The symbols of 0-10, made once (fonts need the application, so not at import)."""
    return tuple(_digit_symbol(str(score)) for score in range(11))


class YearPixels(ChartCard):
    """Mood per day of up to 53 weeks as a calendar heat map.

    Signals:
        day_requested(datetime.date): a day's square was clicked (open it on Today).
    """

    day_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("year_pixels", self.tr("A year in pixels: mood day by day"), parent)
        self._first = np.datetime64("1970-01-01", "D")
        self._mood = np.zeros(0)
        self._offset = 0
        self._skip = 0
        self._weeks = 0
        self._colours: ChartColours | None = None

        self._readout = QLabel(objectName="year_pixels_readout", wordWrap=True)
        self._readout.setAccessibleName(self.tr("Mood of the day under the pointer"))
        self._readout.setText(self.tr("Point at a day to see its mood; click it to open it."))
        self.layout().insertWidget(2, self._readout)

        layout = self.graphics.ci
        self._plot = layout.addPlot(row=0, col=0, enableMenu=False)
        self._key = layout.addPlot(row=1, col=0, enableMenu=False)
        self._legend = pg.LegendItem(colCount=2)
        layout.addItem(self._legend, row=2, col=0)
        layout.layout.setRowStretchFactor(0, 8)
        layout.layout.setRowStretchFactor(1, 1)

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
        # pyqtgraph drops every label of a level that fills much of the axis: the weekday
        # names under a large font collapsed to one
        plot.getAxis("left").setStyle(textFillLimits=[(0, 1.0)])
        plot.getAxis("bottom").setStyle(hideOverlappingLabels=40)  # "Mar 2025" by the edge
        self._label_weekdays()
        plot.vb.sigTransformChanged.connect(self._on_transform_changed)  # resized, re-ranged
        self._image = pg.ImageItem(axisOrder="col-major")
        self._missing = pg.ScatterPlotItem(symbol="x", size=7, pxMode=True)
        # one item per number (all its dots alike): pyqtgraph draws those from one cached
        # symbol, where a symbol and brush per dot cost 60 ms a refresh
        self._digits = [pg.ScatterPlotItem(pxMode=True, pen=None) for _ in range(11)]
        self._digits_on = True
        plot.addItem(self._image)
        plot.addItem(self._missing)
        for item in self._digits:
            plot.addItem(item)
        self._legend.addItem(self._missing, self.tr("no check-in (grey square, cross)"))
        self._build_key()
        self.graphics.setMinimumHeight(250)
        self.graphics.setMaximumHeight(320)
        self.graphics.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.graphics.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)
        self._finish_building()

    def _build_key(self) -> None:
        """The eleven steps of the palette in a row, each with its number."""
        key = self._key
        key.setMenuEnabled(False)
        key.hideButtons()
        key.setMouseEnabled(x=False, y=False)
        key.hideAxis("left")
        key.getAxis("bottom").setTicks([[(i + 0.5, str(i)) for i in range(11)]])
        key.setLabel("bottom", self.tr("mood"))
        # as wide a span as the 53 weeks, so the key's steps are the size of a day's square
        key.setRange(xRange=(-21, 32), yRange=(0, 1), padding=0)
        self._key_image = pg.ImageItem(axisOrder="col-major")
        key.addItem(self._key_image)
        self._key_image.setRect(QRectF(0, 0, 11, 1))

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
        colour = QColor(palette.mood_colour(round(mood), self._scheme()))
        return colour.red(), colour.green(), colour.blue(), 255

    def digits_shown(self) -> dict[tuple[int, int], int]:
        """The numbers written in the squares, by (column, row): empty when they are too
        small to read (colour and the hover line carry the mood then)."""
        if not self._digits_on:
            return {}
        shown = {}
        for score, item in enumerate(self._digits):
            x, y = item.getData()
            shown.update({(math.floor(a), math.floor(b)): score for a, b in zip(x, y, strict=True)})
        return shown

    def day_at(self, column: int, row: int) -> dt.date | None:
        """The date of a square, or ``None`` outside the range or before the journal."""
        index = column * 7 + row - self._offset
        if not self._skip <= index < len(self._mood) or not 0 <= row < 7:
            return None
        return (self._first + index).item()

    def click_cell(self, column: int, row: int) -> dt.date | None:
        """Ask for the day of a square to be opened (as a click does); returns it."""
        day = self.day_at(column, row)
        if day is not None:
            self.day_requested.emit(day)
        return day

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
        steps = np.clip(np.round(np.nan_to_num(self._mood)), 0, 10).astype(int)
        scheme = self._scheme()
        table = np.array(
            [[*QColor(c).getRgb()[:3], 255] for c in palette.mood_colours(scheme)], dtype=np.uint8
        )
        if known.any():
            cells[columns[known], rows[known]] = table[steps[known]]
        cells[columns[missing], rows[missing]] = self.colour_of(math.nan)
        pixels = np.repeat(np.repeat(cells, CELL, axis=0), CELL, axis=1)
        pixels[CELL - 1 :: CELL, :, 3] = 0  # a thin gap between weeks and between days
        pixels[:, CELL - 1 :: CELL, 3] = 0
        self._image.setImage(pixels, autoLevels=False)
        self._image.setRect(QRectF(0, 0, self._weeks, 7))
        self._missing.setData(columns[missing] + 0.45, rows[missing] + 0.45)
        for score, item in enumerate(self._digits):
            at = known & (steps == score)
            item.setData(
                columns[at] + 0.45,
                rows[at] + 0.45,
                symbol=_digits()[score],
                brush=pg.mkBrush(palette.text_on(palette.mood_colour(score, scheme))),
            )
        self._size_digits()
        key = table.repeat(CELL, axis=0)[:, np.newaxis, :].repeat(CELL, axis=1)
        key[CELL - 1 :: CELL, :, 3] = 0  # the same thin gaps as the days
        self._key_image.setImage(key, autoLevels=False)
        self._key_image.setRect(QRectF(0, 0, 11, 1))

    def _label_months(self) -> None:
        days = self._first + np.arange(len(self._mood))
        starts = np.flatnonzero(days == days.astype("datetime64[M]").astype("datetime64[D]"))
        indices = starts.tolist()
        width, _height = self._plot.vb.viewPixelSize()
        metrics = QFontMetrics(self.graphics.font())
        room = metrics.horizontalAdvance(format_date(dt.date(2026, 9, 1), "month_year")) * 1.2
        columns = room * width if width > 0 else 3  # columns a label needs
        if len(days) and (not indices or self.cell(indices[0])[0] >= max(3, columns)):
            indices.insert(0, 0)  # name the first, partial month when there is room
        ticks: list[tuple[float, str]] = []
        last = -math.inf
        for index in indices:
            day = days[index].item()
            label = format_date(day, "month_year" if day.month == 1 or not ticks else "month")
            column = self.cell(index)[0] + 0.5
            if width > 0 and (column - last) / width < room and ticks:
                continue  # a large font: every other month rather than names run together
            ticks.append((column, label))
            last = column
        self._plot.getAxis("bottom").setTicks([ticks])

    def _scheme(self) -> palette.Scheme:
        return "dark" if self._colours is not None and self._colours.dark else "light"

    def _size_digits(self) -> None:
        """Numbers as big as the squares allow; none on squares too small to read them."""
        width, _height = self._plot.vb.viewPixelSize()
        square = 1 / width if width > 0 else 0.0
        self._digits_on = square >= DIGITS_FROM
        for item in self._digits:
            item.setVisible(self._digits_on)
            if self._digits_on and item.opts["size"] != round(square * 0.62, 1):
                item.setSize(round(square * 0.62, 1))
        axis = self._key.getAxis("bottom")
        text = QFontMetrics(self.graphics.font()).height()
        self._key.setFixedHeight(max(square, 10) + 2 * text + 16)  # a step, its number, "mood"
        axis.setStyle(tickTextHeight=text)

    def _on_transform_changed(self) -> None:
        self._label_weekdays()
        self._size_digits()
        self._label_months()

    def _label_weekdays(self) -> None:
        """Every weekday's name when the rows are as tall as a line of text; otherwise (a large
        font, a short chart) Mon, Wed, Fri and Sun, rather than pyqtgraph's haphazard pick."""
        _width, day = self._plot.vb.viewPixelSize()  # one day's row, in pixels: 1 / day
        every = day <= 0 or 1 / day >= QFontMetrics(self.graphics.font()).height()
        ticks = [
            (row + 0.5, name) for row, name in enumerate(self._weekdays) if every or row % 2 == 0
        ]
        axis = self._plot.getAxis("left")
        axis.setTicks([ticks])
        # as wide as the longest name: pyqtgraph drops a label wider than its axis, which
        # left only "Fri" under a large font
        metrics = QFontMetrics(axis.style["tickFont"] or self.graphics.font())
        widest = max(metrics.horizontalAdvance(name) for name in self._weekdays)
        if axis.width() != widest + 16:
            axis.setWidth(widest + 16)

    def _apply_colours(self, colours: ChartColours) -> None:
        self._colours = colours
        self._missing.setPen(pg.mkPen(colours.foreground, width=1.2))
        self._missing.setBrush(colours.missing)
        style_plot(self._plot, colours)
        style_plot(self._key, colours)
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

    def _on_scene_mouse_clicked(self, event: object) -> None:
        position = event.scenePos()  # type: ignore[attr-defined]
        if (
            event.button() != Qt.MouseButton.LeftButton
            or not len(self._mood)
            or not self._plot.sceneBoundingRect().contains(position)
        ):  # type: ignore[attr-defined]
            return
        point = self._plot.vb.mapSceneToView(position)
        self.click_cell(math.floor(point.x()), math.floor(point.y()))

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
