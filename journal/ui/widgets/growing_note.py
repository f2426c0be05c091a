"""A note box that starts small and grows with its text."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy, QWidget

#: The note's height in lines: where it starts, and where it stops growing (then scrolls).
NOTE_LINES = (2, 12)


class GrowingNote(QPlainTextEdit):
    """A note box that starts at ``NOTE_LINES[0]`` lines and grows with its text up to
    ``NOTE_LINES[1]``, then scrolls: an empty day does not open on a large empty box."""

    def __init__(self, parent: QWidget | None = None, objectName: str = "") -> None:
        super().__init__(parent, objectName=objectName)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def lines_shown(self) -> int:
        """How many lines of text the box is tall enough for."""
        inner = self.height() - self._chrome()
        return max(1, round(inner / self.fontMetrics().lineSpacing()))

    def _chrome(self) -> int:
        margins = self.contentsMargins()
        document = round(self.document().documentMargin() * 2)
        return margins.top() + margins.bottom() + document

    def _fit(self, *_args: object) -> None:
        lines = round(self.document().documentLayout().documentSize().height())
        low, high = NOTE_LINES
        shown = max(low, min(high, lines))
        height = shown * self.fontMetrics().lineSpacing() + self._chrome()
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()  # a narrower box wraps into more lines
