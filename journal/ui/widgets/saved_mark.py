""" "Saved ✓" beside a Save button, where the person looks; it fades after a few seconds."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPropertyAnimation, QTimer
from PySide6.QtWidgets import QGraphicsOpacityEffect, QLabel, QWidget

#: How long "Saved ✓" stays before it fades, and how long the fading takes.
SAVED_MS = 4_000
FADE_MS = 700


class SavedMark(QLabel):
    """ "Saved ✓" beside the Save button, where the person looks: shown on a save, it fades
    after ``SAVED_MS``. Its room is kept while hidden, so nothing moves when it comes and goes.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent, objectName="saved_mark")
        self.setAccessibleName(text)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self._opacity = QGraphicsOpacityEffect(self, opacity=1.0)
        self.setGraphicsEffect(self._opacity)
        self.timer = QTimer(self, singleShot=True, interval=SAVED_MS)
        self.fade = QPropertyAnimation(self._opacity, b"opacity", self)
        self.fade.setDuration(FADE_MS)
        self.fade.setStartValue(1.0)
        self.fade.setEndValue(0.0)
        self.fade.setEasingCurve(QEasingCurve.Type.InQuad)
        self.timer.timeout.connect(self.fade.start)
        self.fade.finished.connect(self.hide)
        self.hide()

    def flash(self) -> None:
        """Show the mark at full strength and start its time again."""
        self.fade.stop()
        self._opacity.setOpacity(1.0)
        self.show()
        self.timer.start()

    def clear(self) -> None:
        self.timer.stop()
        self.fade.stop()
        self.hide()
