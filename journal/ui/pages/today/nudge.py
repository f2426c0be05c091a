"""The gentle isolation nudge on the Today page: one calm line, never a warning.

Shown when the last contact that felt good (how connected 4 or 5) was three or more days ago,
with a few of the person's own people whose contacts felt good lately. It uses the window's
ordinary text colours on a soft panel: no red, no alarm symbol, nothing to dismiss.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from journal.services import IsolationNudge


class NudgeLine(QFrame):
    """Hidden until ``set_nudge`` gives it a nudge; ``set_nudge(None)`` hides it again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nudge")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        self._text = QLabel(objectName="nudge_text", wordWrap=True)
        self._text.setTextFormat(Qt.TextFormat.PlainText)  # names are not markup
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self._text, 1)
        self.hide()

    @property
    def text(self) -> str:
        return self._text.text()

    def set_nudge(self, nudge: IsolationNudge | None) -> None:
        if nudge is None:
            self._text.clear()
            self.hide()
            return
        text = nudge.message
        if nudge.people:
            names = ", ".join(person.name for person in nudge.people)
            text += " " + self.tr("Perhaps: {names}.").format(names=names)
        self._text.setText(text)
        self.setAccessibleName(self.tr("A gentle reminder"))
        self.setAccessibleDescription(text)
        self.show()
