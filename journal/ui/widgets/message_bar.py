"""A passing message on a page, with an optional action such as Undo.

The main window's status bar shows text only; this bar sits on the page, where the person is
looking, and can carry one button. It hides itself after a while, or with its close button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

#: How long a message stays; long enough to reach for Undo without hurrying.
MESSAGE_MS = 12_000


class MessageBar(QFrame):
    """One message at a time; a new one replaces the last.

    Signals:
        action_triggered(str): the message's button was pressed; the argument is the action's
            name given to ``show_message`` (e.g. ``"undo"``).
    """

    action_triggered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_bar")
        self.setAccessibleName(self.tr("Message"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        self._action = ""
        self._text = QLabel(objectName="message_text", wordWrap=True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._button = QPushButton(objectName="message_action")
        self._button.setAccessibleName(self.tr("Act on the message"))  # until one is shown
        self._button.setAutoDefault(False)
        self._close = QPushButton(self.tr("Dismiss"), objectName="message_dismiss")
        self._close.setAccessibleName(self.tr("Dismiss the message"))
        self._close.setAutoDefault(False)
        self._close.setFlat(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self._text, 1)
        layout.addWidget(self._button)
        layout.addWidget(self._close)
        self._timer = QTimer(self, singleShot=True, interval=MESSAGE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._button.clicked.connect(self._on_button_clicked)
        self._close.clicked.connect(self._on_close_clicked)
        self.hide()

    @property
    def text(self) -> str:
        return self._text.text() if self.isVisibleTo(self.parentWidget()) else ""

    def show_message(self, text: str, *, action: str = "", action_text: str = "") -> None:
        """Show ``text``; with ``action`` a button labelled ``action_text`` reports it."""
        self._action = action
        self._text.setText(text)
        self._button.setVisible(bool(action))
        self._button.setText(action_text)
        self._button.setObjectName(action or "message_action")
        self._button.setAccessibleName(action_text)
        self._button.setAccessibleDescription(text)  # "Undo" alone does not say what it undoes
        self.show()
        self._timer.start()

    def dismiss(self) -> None:
        self._timer.stop()
        self._action = ""
        self.hide()

    def _on_button_clicked(self) -> None:
        action = self._action
        self.dismiss()
        if action:
            self.action_triggered.emit(action)

    def _on_close_clicked(self) -> None:
        self.dismiss()

    def _on_timer_timeout(self) -> None:
        self.dismiss()
