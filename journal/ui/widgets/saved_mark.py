""" "Saved ✓" beside a Save button, where the person looks; it fades after a few seconds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QPropertyAnimation
    from PySide6.QtWidgets import QGraphicsOpacityEffect

#: How long "Saved ✓" stays before it fades, and how long the fading takes.
SAVED_MS = 4_000
FADE_MS = 700


class SavedMark(QLabel):
    """ "Saved ✓" beside the Save button, where the person looks: shown on a save, it fades
    after ``SAVED_MS``. Its room is kept while hidden, so nothing moves when it comes and goes.

    Its fading (an opacity effect and its animation) is made at the first save: a start shows
    the mark hidden and needs neither.
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
        self._opacity: QGraphicsOpacityEffect | None = None
        self._fade: QPropertyAnimation | None = None
        self.timer = QTimer(self, singleShot=True, interval=SAVED_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.hide()

    @property
    def fade(self) -> QPropertyAnimation:
        """The fading of the mark (made on first use)."""
        if self._fade is None:
            # imported here too: PySide makes a Qt class's Python class when it is first named
            from PySide6.QtCore import QEasingCurve, QPropertyAnimation
            from PySide6.QtWidgets import QGraphicsOpacityEffect

            self._opacity = QGraphicsOpacityEffect(self, opacity=1.0)
            self.setGraphicsEffect(self._opacity)
            self._fade = QPropertyAnimation(self._opacity, b"opacity", self)
            self._fade.setDuration(FADE_MS)
            self._fade.setStartValue(1.0)
            self._fade.setEndValue(0.0)
            self._fade.setEasingCurve(QEasingCurve.Type.InQuad)
            self._fade.finished.connect(self.hide)
        return self._fade

    def flash(self) -> None:
        """Show the mark at full strength and start its time again."""
        self.fade.stop()
        if self._opacity is not None:
            self._opacity.setOpacity(1.0)
        self.show()
        self.timer.start()

    def clear(self) -> None:
        self.timer.stop()
        if self._fade is not None:
            self._fade.stop()
        self.hide()

    def _on_timer_timeout(self) -> None:
        self.fade.start()
