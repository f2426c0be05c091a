"""The tiny pictures of the Insights cards: two bars, or dots with their 95% intervals.

``TwoBars`` compares mean mood on days with and without something, on the whole 0–10 scale,
each bar coloured on the one mood palette and labelled with its number, so colour never
carries it alone. ``Intervals`` draws one or two correlations as a dot with its interval on
−1…+1, with 0 (no link) marked, so "clear of zero" can be seen. Both only paint what they are
given and follow the widget's palette (light or dark).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from journal import palette
from journal.i18n import format_number


def _scheme(widget: QWidget) -> palette.Scheme:
    return (
        "dark" if widget.palette().color(QPalette.ColorRole.Window).lightness() < 128 else "light"
    )


class _Picture(QWidget):
    """A card's picture: as wide as the card lets it be, as high as its rows need, named for a
    screen reader by what it shows; ``_begin`` starts the painting."""

    def __init__(self, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(name)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    def _begin(self) -> tuple[QPainter, QFontMetrics, int, QColor]:
        """A painter with antialiasing, the font's metrics and line height, the text colour."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        return (
            painter,
            metrics,
            metrics.height(),
            self.palette().color(QPalette.ColorRole.WindowText),
        )


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float


class TwoBars(_Picture):
    """Mean mood of two groups as horizontal bars on 0–10, their numbers beside them."""

    def __init__(self, bars: tuple[Bar, Bar], parent: QWidget | None = None) -> None:
        super().__init__(" · ".join(f"{b.label} {format_number(b.value, 1)}" for b in bars), parent)
        self.bars = bars

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(240, 2 * line + 2 * 6 + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter, metrics, line, text = self._begin()
        labels = max(metrics.horizontalAdvance(b.label) for b in self.bars) + 8
        number = metrics.horizontalAdvance("10.0") + 8
        track = max(self.width() - labels - number, 20)
        scheme = _scheme(self)
        for row, bar in enumerate(self.bars):
            top = row * (line + 6) + 2
            painter.setPen(text)
            painter.drawText(
                QRectF(0, top, labels - 8, line),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                bar.label,
            )
            # coloured by the number printed beside it (one decimal, halves up), so two bars
            # that both read 5.5 never differ in colour
            fill = QColor(palette.mood_colour(math.floor(round(bar.value, 1) + 0.5), scheme))
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
            painter.drawRect(QRectF(labels, top + 2, track, line - 4))  # the 0–10 track
            painter.setBrush(fill)
            painter.drawRect(
                QRectF(labels, top + 2, track * max(0.0, min(bar.value, 10)) / 10, line - 4)
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(text)
            painter.drawText(
                QRectF(labels + track + 6, top, number, line),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                format_number(bar.value, 1),
            )
        painter.end()


@dataclass(frozen=True, slots=True)
class Interval:
    label: str
    value: float
    low: float | None
    high: float | None


class Intervals(_Picture):
    """Correlations as dots with their 95% intervals on −1…+1, 0 marked."""

    def __init__(self, rows: tuple[Interval, ...], parent: QWidget | None = None) -> None:
        super().__init__(" · ".join(f"{r.label} {format_number(r.value, 2)}" for r in rows), parent)
        self.rows = rows

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(240, len(self.rows) * (line + 6) + line + 6)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter, metrics, line, text = self._begin()
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        labels = (
            max(metrics.horizontalAdvance(r.label) for r in self.rows) + 8
            if any(r.label for r in self.rows)
            else 0
        )
        left, right = labels + 12, self.width() - 12
        width = max(right - left, 20)

        def at(value: float) -> float:
            return left + (value + 1) / 2 * width

        bottom = len(self.rows) * (line + 6)
        painter.setPen(QPen(muted, 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(at(0), 0), QPointF(at(0), bottom))  # no link
        painter.setPen(muted)
        for value, name in ((-1, "−1"), (0, self.tr("0: no link")), (1, "+1")):
            painter.drawText(
                QRectF(at(value) - 60, bottom, 120, line), int(Qt.AlignmentFlag.AlignCenter), name
            )
        colour = QColor(palette.mood_colour(2, _scheme(self)))
        for row, item in enumerate(self.rows):
            middle = row * (line + 6) + line / 2 + 2
            painter.setPen(text)
            if item.label:
                painter.drawText(
                    QRectF(0, middle - line / 2, labels - 8, line),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    item.label,
                )
            if item.low is not None and item.high is not None:
                painter.setPen(QPen(text, 2))
                painter.drawLine(QPointF(at(item.low), middle), QPointF(at(item.high), middle))
                for end in (item.low, item.high):
                    painter.drawLine(QPointF(at(end), middle - 4), QPointF(at(end), middle + 4))
            if not math.isnan(item.value):
                painter.setPen(QPen(text, 1))
                painter.setBrush(colour)
                painter.drawEllipse(QPointF(at(item.value), middle), 5, 5)
                painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.end()
