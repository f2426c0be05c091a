"""What an empty chart page will show, and after how many days ("3 of 14 days logged").

One small panel a page places above its charts: it reads the count itself each time the page
is shown (through an event filter on the page), and hides once there is enough to show.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from journal.i18n import format_number


class EmptyState(QFrame):
    """``what`` says what will appear; ``count()`` is how many of ``needed`` there are.

    ``progress`` words the count ("{logged} of {needed} days logged" by default).
    """

    def __init__(
        self, page: QWidget, what: str, count: Callable[[], int], needed: int, progress: str = ""
    ) -> None:
        super().__init__(page)
        self.setObjectName("empty_state")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        self._count, self._needed = count, needed
        self._progress = progress or self.tr("{logged} of {needed} days logged.")
        self._what = QLabel(what, objectName="empty_state_what", wordWrap=True)
        self._what.setTextFormat(Qt.TextFormat.PlainText)
        self._done = QLabel(objectName="empty_state_progress", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self._what)
        layout.addWidget(self._done)
        self.setAccessibleName(self.tr("Not enough entries yet"))
        page.installEventFilter(self)
        self.refresh()

    @property
    def text(self) -> str:
        return f"{self._what.text()} {self._done.text()}" if not self.isHidden() else ""

    def refresh(self) -> None:
        logged = self._count()
        self._done.setText(
            self._progress.format(
                logged=format_number(logged, 0), needed=format_number(self._needed, 0)
            )
        )
        self.setAccessibleDescription(f"{self._what.text()} {self._done.text()}")
        self.setVisible(logged < self._needed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.refresh()
        return False
