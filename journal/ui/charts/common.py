"""What every chart shares: colours taken from the palette, the card around a plot, PNG saving.

A chart is a ``ChartCard``: a title, an optional note (the words shown instead of numbers when
there is not enough data), a "Save as PNG…" button and a pyqtgraph ``GraphicsLayoutWidget``.
Charts take plain arrays through ``set_data`` and update their existing plot items; they never
fetch data. Colours come from the widget's palette (background ``Base``, text ``Text``) and,
for the series, from the app's one table of chart colours (``journal.palette.SERIES``, the
Okabe-Ito set the PDF uses too); every series also differs by line style or marker, so colour
never carries meaning alone. A mood *as a colour* (the year in pixels, the headline's bars,
severity bands) takes the one mood palette of the app, ``journal.palette``, with its number or
a mark beside it.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal import i18n
from journal.palette import series_colours
from journal.ui import theme

if QApplication.instance() is not None:  # pyqtgraph loads with the first chart page
    theme.configure_charts(QApplication.palette())

#: Seconds in a day: pyqtgraph's date axis counts seconds since 1970-01-01 (UTC).
DAY = 86400.0

_Role = QPalette.ColorRole


@dataclass(frozen=True, slots=True)
class ChartColours:
    """The colours of one palette, by what they draw."""

    dark: bool
    background: QColor
    foreground: QColor
    muted: QColor
    grid: QColor
    missing: QColor
    primary: QColor
    secondary: QColor
    tertiary: QColor
    quaternary: QColor

    def translucent(self, colour: QColor, alpha: int) -> QColor:
        """``colour`` with ``alpha`` (0-255), for dense points and bars behind lines."""
        result = QColor(colour)
        result.setAlpha(alpha)
        return result


def chart_colours(palette: QPalette) -> ChartColours:
    """Chart colours for ``palette``: the lighter Okabe-Ito hues on dark backgrounds."""
    dark = palette.color(_Role.Window).lightness() < 128
    series = series_colours("dark" if dark else "light")
    background = palette.color(_Role.Base)
    missing = QColor(background.lighter(190) if dark else background.darker(118))
    return ChartColours(
        dark=dark,
        background=background,
        foreground=palette.color(_Role.Text),
        muted=palette.color(_Role.PlaceholderText),
        grid=palette.color(_Role.Mid),
        missing=missing,
        primary=QColor(series[0]),
        secondary=QColor(series[1]),
        tertiary=QColor(series[2]),
        quaternary=QColor(series[3]),
    )


def timestamps(days: np.ndarray, *, noon: bool = True) -> np.ndarray:
    """Seconds since 1970 for ``datetime64[D]`` days, at noon so a day's mark sits mid-day."""
    seconds = np.asarray(days, dtype="datetime64[D]").astype("datetime64[s]").astype(np.int64)
    return seconds.astype(float) + (DAY / 2 if noon else 0.0)


def line_data(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``x, y`` for a line with gaps, or nothing when no value is known at all.

    pyqtgraph measures an item's bounds with ``nanmin``, which warns on all-``NaN`` data.
    """
    y = np.asarray(y, dtype=float)
    if np.isnan(y).all():
        return np.zeros(0), np.zeros(0)
    return np.asarray(x, dtype=float), y


def date_ticks(
    low: float, high: float, pixels: float, label_width: float
) -> list[tuple[float, str, bool]]:
    """Ticks for a date axis from ``low`` to ``high`` seconds on ``pixels`` pixels: (seconds,
    label, major) with labels ``label_width`` pixels wide never overlapping.

    The first day shown is always named with its month and year ("14 Feb 2026"); then month
    starts (with the year in January), or only years over long ranges; on short ranges Mondays
    get their day number between them, so day numbers only ever rise between two month names.
    """
    if high - low < DAY or pixels <= 0:
        return []  # an empty chart: no "00.100 … 00.900" of a second
    first = dt.date(1970, 1, 1) + dt.timedelta(days=math.ceil(low / DAY - 0.5))
    last = dt.date(1970, 1, 1) + dt.timedelta(days=math.floor(high / DAY - 0.5))
    per_day = pixels / ((high - low) / DAY)
    room = label_width * 1.25 / per_day  # days a label needs

    def at(day: dt.date) -> float:
        return (day - dt.date(1970, 1, 1)).days * DAY + DAY / 2

    ticks: list[tuple[float, str, bool]] = [(at(first), i18n.format_date(first), True)]
    taken = [first]

    def free(day: dt.date, gap: float) -> bool:
        return all(abs((day - other).days) >= gap for other in taken)

    # the shortest months (28 days) must hold a label, so every chosen month keeps its own
    months_apart = next((m for m in (1, 2, 3, 6, 12, 24, 60, 120) if m * 28 >= room), 240)
    month = dt.date(first.year, first.month, 1)
    while month <= last:
        if (
            month > first
            and (month.month - 1) % min(months_apart, 12) == 0
            and (months_apart <= 12 or month.year % (months_apart // 12) == 0)
        ):
            if months_apart >= 12:
                label = str(month.year)
            else:
                label = i18n.format_date(month, "month_year" if month.month == 1 else "month")
            if free(month, min(room, months_apart * 28)):
                ticks.append((at(month), label, True))
                taken.append(month)
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    if room <= 5:  # a day number fits each week (each day, on a week's view)
        step = 1 if room <= 1 else 7
        day = first + dt.timedelta(days=0 if step == 1 else (7 - first.weekday()) % 7)
        while day <= last:
            if free(day, room):
                ticks.append((at(day), str(day.day), False))
            day += dt.timedelta(days=step)
    return sorted(ticks)


class _DateAxis(pg.AxisItem):
    """A bottom axis of days (seconds since 1970, noon of a day) with ``date_ticks``' labels.

    pyqtgraph's own date axis restarted day ticks every month, named no month on a 30-day view
    and no year anywhere; this one always names the first day in full.
    """

    def __init__(self) -> None:
        super().__init__(orientation="bottom")
        self._labels: dict[float, str] = {}
        # the first day's label may reach over the left axis's corner, never be hidden
        self.setStyle(hideOverlappingLabels=80)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        metrics = QFontMetrics(self.style["tickFont"] or QFont())
        width = metrics.horizontalAdvance(i18n.format_date(dt.date(2026, 9, 28)))
        ticks = date_ticks(minVal, maxVal, size, width)
        self._labels = {value: label for value, label, _major in ticks}
        majors = [value for value, _label, major in ticks if major]
        minors = [value for value, _label, major in ticks if not major]
        return [(30 * DAY, majors), (7 * DAY, minors)]

    def tickStrings(self, values: list, scale: float, spacing: float) -> list[str]:
        return [self._labels.get(value, "") for value in values]


def date_axis() -> pg.AxisItem:
    """A bottom date axis that labels days as they are stored (no time-zone shift)."""
    return _DateAxis()


def stacked_plots(
    graphics: pg.GraphicsLayoutWidget, legend_columns: int
) -> tuple[pg.LegendItem, pg.PlotItem, pg.PlotItem]:
    """A legend over two plots of one date axis (labelled under the lower), 3 to 2 in height,
    panned and zoomed along the days only: the mood timeline's and weekly adherence's frame."""
    layout = graphics.ci
    legend = pg.LegendItem(colCount=legend_columns)
    layout.addItem(legend, row=0, col=0)
    upper = layout.addPlot(row=1, col=0, axisItems={"bottom": date_axis()}, enableMenu=False)
    lower = layout.addPlot(row=2, col=0, axisItems={"bottom": date_axis()}, enableMenu=False)
    layout.layout.setRowStretchFactor(1, 3)
    layout.layout.setRowStretchFactor(2, 2)
    lower.setXLink(upper)
    upper.getAxis("bottom").setStyle(showValues=False)
    for plot in (upper, lower):
        plot.setMouseEnabled(x=True, y=False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.showGrid(y=True, alpha=0.25)
        plot.getAxis("left").setWidth(56)
    return legend, upper, lower


def localise_ticks(axis: pg.AxisItem) -> None:
    """Write the numbers of a value axis the locale's way ("2,5" in German, a true minus).

    pyqtgraph formats tick values itself with a decimal point; date axes name their days
    through ``_DateAxis`` instead, and ticks set by hand (``setTicks``) are left as given.
    """
    if isinstance(axis, pg.DateAxisItem | _DateAxis) or getattr(axis, "_localised", False):
        return
    english = axis.tickStrings

    def tick_strings(values: list, scale: float, spacing: float) -> list[str]:
        point = QLocale().decimalPoint()
        return [
            text.replace("-", "\u2212").replace(".", point)
            for text in english(values, scale, spacing)
        ]

    axis.tickStrings = tick_strings
    axis._localised = True


def style_plot(plot: pg.PlotItem, colours: ChartColours) -> None:
    """Axes, their labels and the title of ``plot`` in the palette's text colours."""
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        localise_ticks(axis)
        axis.setPen(pg.mkPen(colours.muted))
        axis.setTextPen(pg.mkPen(colours.foreground))
        if name in ("bottom", "top"):
            # pyqtgraph reserves 18 px for tick labels and measures them at 80 % of their
            # height, so a larger application font had its labels cut off at the bottom.
            height = QFontMetrics(axis.style["tickFont"] or QFont()).height() + 2
            axis.setStyle(autoExpandTextSpace=False, tickTextHeight=max(18, height))
    if plot.titleLabel.text:
        # pyqtgraph's titles are a fixed 11 pt: smaller than the tick labels of a large font
        size = f"{max(11.0, QFont().pointSizeF() * 1.2):g}pt"
        plot.titleLabel.setText(plot.titleLabel.text, color=colours.foreground, size=size)


def style_legend(legend: pg.LegendItem, colours: ChartColours) -> None:
    """The legend's words in the text colour, at the application's font size (pyqtgraph's
    fixed 9 pt would stay small for someone who enlarged the font)."""
    size = f"{QFont().pointSizeF():g}pt"
    legend.setLabelTextColor(colours.foreground)
    legend.setLabelTextSize(size)
    for _sample, label in legend.items:  # the setters above only affect later text
        label.setText(label.text, color=colours.foreground, size=size)
    legend.setBrush(None)
    legend.setPen(None)


def save_png(widget: QWidget, path: str | Path) -> Path:
    """Write what ``widget`` shows to ``path`` as a PNG (".png" added when missing).

    Raises ``OSError`` when the file cannot be written.
    """
    target = Path(path)
    if target.suffix.lower() != ".png":
        target = target.with_name(target.name + ".png")
    image = widget.grab()
    if image.isNull() or not image.save(str(target), "PNG"):
        raise OSError(f"could not write {target}")
    return target


class ChartCard(QWidget):
    """A titled chart with its note and a "Save as PNG…" button; subclasses add the plots.

    Subclasses build their items in ``self.graphics`` and colour them in ``_apply_colours``,
    which runs again whenever the palette changes.

    Signals:
        png_saved(pathlib.Path): the chart was written to a PNG file.
    """

    png_saved = Signal(object)

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._built = False
        self.setObjectName(f"{name}_chart")
        self._title = QLabel(title, objectName=f"{name}_title")
        font = QFont(self._title.font())
        font.setBold(True)
        self._title.setFont(font)
        self._save = QToolButton(objectName=f"{name}_save", text=self.tr("Save as PNG…"))
        self._save.setAccessibleName(self.tr("Save {chart} as PNG").format(chart=title))
        self._save.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._note = QLabel(objectName=f"{name}_note", wordWrap=True)
        self._note.setAccessibleName(self.tr("Note on {chart}").format(chart=title))
        self._note.setForegroundRole(_Role.PlaceholderText)
        self._note.hide()
        self.graphics = pg.GraphicsLayoutWidget()
        # pyqtgraph caches each view's background, a plain fill, as a pixmap the size of the
        # view (1-2 MB a chart, kept while the page lives); filling it at each paint costs
        # nothing and draws the same pixels
        self.graphics.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.graphics.setObjectName(f"{name}_plot")
        self.graphics.setAccessibleName(title)
        self.graphics.setMinimumHeight(220)

        self._header = QHBoxLayout()
        self._header.setContentsMargins(0, 0, 0, 0)
        self._header.addWidget(self._title)
        self._header.addStretch(1)
        self._header.addWidget(self._save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._header)
        layout.addWidget(self._note)
        layout.addWidget(self.graphics, 1)
        self._save.clicked.connect(self._on_save_clicked)

    # --- public ------------------------------------------------------------------------------

    @property
    def title(self) -> str:
        return self._title.text()

    @property
    def note(self) -> str:
        """The words shown above the chart ("not enough data yet …"), or ""."""
        return self._note.text() if not self._note.isHidden() else ""

    def add_control(self, control: QWidget) -> None:
        """Put a control (a metric or year switch) in the header, before the save button."""
        self._header.insertWidget(self._header.count() - 1, control)

    def save_png(self, path: str | Path) -> Path:
        """Write the chart to ``path`` as a PNG; returns the path written."""
        written = save_png(self.graphics, path)
        self.png_saved.emit(written)
        return written

    def apply_palette(self) -> None:
        """Take the colours of the widget's current palette (runs on every palette change)."""
        if not self._built:
            return
        colours = chart_colours(self.palette())
        self.graphics.setBackground(colours.background)
        self._apply_colours(colours)

    # --- for subclasses ----------------------------------------------------------------------

    def _finish_building(self) -> None:
        self._built = True
        self.apply_palette()

    def _apply_colours(self, colours: ChartColours) -> None:
        raise NotImplementedError

    def _set_note(self, text: str) -> None:
        self._note.setText(text)
        self._note.setHidden(not text)

    # --- events ------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_palette()
        super().changeEvent(event)

    def _on_save_clicked(self) -> None:
        suggested = f"{self._name.replace('_', '-')}-{dt.date.today():%Y-%m-%d}.png"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save chart as PNG"), suggested, self.tr("PNG images (*.png)")
        )
        if not path:
            return
        try:
            self.save_png(path)
        except OSError as error:
            QMessageBox.information(
                self,
                self.tr("Chart not saved"),
                self.tr(
                    "The chart could not be saved there ({reason}). Try another folder."
                ).format(reason=error),
            )


#: The range switch's choices: key, number of days (``None``: the whole journal).
RANGES: tuple[tuple[str, int | None], ...] = (("30d", 30), ("90d", 90), ("1y", 365), ("all", None))


class RangeSwitch(QComboBox):
    """The 30 days / 90 days / 1 year / all choice of the Trends and Insights pages."""

    def __init__(self, default: str = "90d", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("range")
        self.setAccessibleName(self.tr("Range"))
        self.setAccessibleDescription(self.tr("The days this page's figures and charts cover"))
        labels = {
            "30d": self.tr("Last 30 days"),
            "90d": self.tr("Last 90 days"),
            "1y": self.tr("Last year"),
            "all": self.tr("Whole journal"),
        }
        for key, _days in RANGES:
            self.addItem(labels[key], key)
        self.set_key(default)

    @property
    def key(self) -> str:
        return str(self.currentData())

    def set_key(self, key: str) -> None:
        index = self.findData(key)
        if index < 0:
            raise ValueError(f"unknown range {key!r}")
        self.setCurrentIndex(index)

    def dates(self, today: dt.date, first_day: dt.date) -> tuple[dt.date, dt.date]:
        """First and last day of the chosen range; ``first_day`` starts "all"."""
        days = dict(RANGES)[self.key]
        if days is None:
            return min(first_day, today), today
        return today - dt.timedelta(days=days - 1), today
