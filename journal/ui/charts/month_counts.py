"""A small bar chart of a count per month, each bar with its number written above it.

Painted directly (a dozen bars need no plotting library); the numbers carry the meaning, the
bars only help the eye, and the accessible description lists every month in words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class MonthCounts(QWidget):
    """``set_data(labels, counts)``: one bar per label, oldest on the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("month_counts")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._labels: list[str] = []
        self._counts: list[int] = []

    def set_data(self, labels: Sequence[str], counts: Sequence[int], summary: str) -> None:
        """Show ``counts`` under ``labels``; ``summary`` is what a screen reader says."""
        self._labels, self._counts = list(labels), list(counts)
        self.setAccessibleDescription(summary)
        self.updateGeometry()
        self.update()

    def counts(self) -> list[int]:
        return list(self._counts)

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().lineSpacing()
        return QSize(
            max(240, len(self._labels) * self.fontMetrics().horizontalAdvance("Mmm  ")), line * 7
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self._counts:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        line = self.fontMetrics().lineSpacing()
        slot = self.width() / len(self._counts)
        top, bottom = line * 1.2, self.height() - line * 1.3
        highest = max(max(self._counts), 1)
        bar_colour = palette.color(QPalette.ColorRole.Highlight)
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        for index, (label, count) in enumerate(zip(self._labels, self._counts, strict=True)):
            left = index * slot
            height = (bottom - top) * count / highest
            bar = QRectF(left + slot * 0.2, bottom - height, slot * 0.6, height)
            painter.fillRect(bar, bar_colour)
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(left, bar.top() - line, slot, line), Qt.AlignmentFlag.AlignCenter, str(count)
            )
            painter.drawText(
                QRectF(left, bottom + line * 0.2, slot, line), Qt.AlignmentFlag.AlignCenter, label
            )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(0, int(bottom), self.width(), int(bottom))
        painter.end()
