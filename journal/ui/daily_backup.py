"""The day's first backup, made in a thread of its own once the window has painted.

The journal is opened with ``daily_backup=False``; the copy and its check then neither delay
the start nor block a save (its own connection reads one snapshot; WAL lets the Today page
write meanwhile). A failure is said calmly; the next start tries again.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from journal.domain.errors import JournalError
from journal.services import Journal

if TYPE_CHECKING:
    from journal.ui.workers import TaskThread

log = logging.getLogger(__name__)


class DailyBackup(QObject):
    """Makes the backup once (``begin``) and lets it end before the journal closes (``wait``);
    its messages appear in ``window``."""

    def __init__(self, journal: Journal, window: QMainWindow) -> None:
        super().__init__(window)
        self._journal = journal
        self._window = window
        self._thread: TaskThread | None = None  # while the backup runs
        self._begun = False

    @property
    def thread(self) -> TaskThread | None:
        return self._thread

    def begin(self) -> TaskThread | None:
        """Start the backup, if it was not started yet and the journal has a folder."""
        if self._begun or self._journal.data_dir is None:
            return self._thread
        from journal.ui.workers import TaskThread, daily_backup

        self._begun = True
        thread = TaskThread(self._journal, daily_backup, full_check=False)
        thread.failed.connect(self._on_thread_failed)
        thread.finished.connect(self._on_thread_finished)
        self._thread = thread
        thread.begin()
        return thread

    def wait(self) -> None:
        """At close: let a backup under way end before the journal's lock is released."""
        if self._thread is not None:
            with contextlib.suppress(RuntimeError):  # it ended and was deleted already
                self._thread.wait()

    def _on_thread_finished(self) -> None:
        self._thread = None  # the thread deletes itself

    def _on_thread_failed(self, error: BaseException) -> None:
        from journal.domain.errors import JournalDamaged

        if not isinstance(error, JournalError):
            raise error  # a bug: the app's handler logs it and says so calmly
        log.warning("the daily backup could not be made")  # the reason may name a file
        if isinstance(error, JournalDamaged):  # rows breaking the journal's rules
            from PySide6.QtWidgets import QMessageBox  # loaded when first needed, not at start

            box = QMessageBox(self._window, objectName="daily_backup_damaged")
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(self.tr("Connection Journal"))
            box.setText(self.tr("Today's backup was not made."))
            box.setInformativeText(str(error))
            box.setStandardButtons(QMessageBox.StandardButton.Close)
            box.open()
            return
        self._window.statusBar().showMessage(
            self.tr(
                "Today's backup could not be made: {reason} It will be tried again at the next "
                "start."
            ).format(reason=str(error).rstrip())
        )
