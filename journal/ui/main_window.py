"""The journal's one window: a sidebar of pages beside the page shown, and a status bar."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from journal.domain.errors import JournalError
from journal.services import Journal
from journal.ui.pages.today import TodayPage

log = logging.getLogger(__name__)

#: The size of a first window, before the person has resized it.
DEFAULT_SIZE = QSize(1000, 700)
#: How long a passing message ("Saved") stays in the status bar.
MESSAGE_MS = 4000


class MainWindow(QMainWindow):
    """The window around an open ``Journal``, which it closes when it is closed.

    Closing first lets the Today page deal with unsaved edits (it may refuse, and the window
    then stays open), then remembers the window's geometry in the journal's settings.

    Signals: none of its own; it reports the pages' signals (``day_saved``) in the status bar.
    """

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._closed = False
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Connection Journal"))

        self._sidebar = QListWidget(objectName="pages")
        self._sidebar.setAccessibleName(self.tr("Pages"))
        self._sidebar.setFrameShape(QFrame.Shape.NoFrame)
        self._sidebar.setSpacing(4)  # room around each page's name, without a style sheet
        self._stack = QStackedWidget(objectName="page_stack")
        self._today_page = TodayPage(journal)
        self._add_page(self._today_page, self.tr("Today"))
        self._sidebar.setCurrentRow(0)
        width = max(self._sidebar.sizeHintForColumn(0), self.fontMetrics().averageCharWidth() * 12)
        self._sidebar.setFixedWidth(width + 32)

        central = QWidget(objectName="central")
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._sidebar)
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(central)
        self.statusBar().setObjectName("status")

        self._sidebar.currentRowChanged.connect(self._on_sidebar_current_row_changed)
        self._today_page.day_saved.connect(self._on_today_page_day_saved)
        self._restore_geometry()

    @property
    def journal(self) -> Journal:
        return self._journal

    @property
    def today_page(self) -> TodayPage:
        return self._today_page

    def _add_page(self, page: QWidget, title: str) -> None:
        item = QListWidgetItem(title)
        item.setSizeHint(QSize(0, self.fontMetrics().lineSpacing() * 2))
        item.setToolTip(title)
        self._sidebar.addItem(item)
        self._stack.addWidget(page)

    # --- geometry ----------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = self._journal.settings().window_geometry
        if saved and self.restoreGeometry(QByteArray.fromHex(saved.encode("ascii"))):
            return
        self.resize(DEFAULT_SIZE)

    def _save_geometry(self) -> None:
        geometry = bytes(self.saveGeometry().toHex().data()).decode("ascii")
        try:
            self._journal.update_settings(window_geometry=geometry)
        except JournalError:  # only a convenience: the person's entries are already safe
            log.warning("could not remember the window's size", exc_info=True)

    # --- events and slots --------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        if not self._today_page.commit_pending():
            event.ignore()
            return
        self._save_geometry()
        self._journal.close()
        self._closed = True
        event.accept()

    def _on_sidebar_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self._stack.setCurrentIndex(row)

    def _on_today_page_day_saved(self, date: dt.date) -> None:
        self.statusBar().showMessage(
            self.tr("Saved the check-in of {date}").format(date=date.isoformat()), MESSAGE_MS
        )
