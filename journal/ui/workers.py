"""Long work off the GUI thread, with a progress dialog and Cancel.

A task is a function ``task(journal, progress, cancelled)``: it reports ``progress(percent)``
and checks ``cancelled()``, raising ``Cancelled`` (having written nothing) when it turns
true. ``TaskThread`` runs it in a ``QThread``. SQLite connections belong to the thread that
opened them, so the thread opens the same journal file again — with its passphrase, without
the lock the window already holds — and closes it at the end; a journal in memory (tests,
scratch) runs its task in the calling thread instead.

``run_with_progress`` adds a window-modal ``QProgressDialog`` whose Cancel asks the task to
stop; the dialog closes whatever the outcome. Running threads are kept here until they end,
and cancelled and waited for when the application quits, so none is destroyed mid-task.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from journal.services import Cancelled, IsCancelled, Journal, Progress

Task = Callable[[Journal, Progress, IsCancelled], object]

_running: set[TaskThread] = set()
_quit_hooked = False


class TaskThread(QThread):
    """One task on its own connection to the journal.

    Signals (received in the GUI thread):
        progressed(int): percent done, 0-100.
        succeeded(object): the task's result.
        failed(object): the exception the task raised (a ``JournalError`` is the person's
            to act on; anything else is a bug).
        cancelled(): the person cancelled and nothing was written.
    """

    progressed = Signal(int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        journal: Journal,
        task: Task,
        parent: QObject | None = None,
        *,
        full_check: bool = True,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._task = task
        self._full_check = full_check  # False: the task checks what it needs (a backup)
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Ask the task to stop at its next check (it may already be past the last one)."""
        self._stop.set()

    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def begin(self) -> None:
        """Start the task: in a thread of its own, or here for a journal in memory."""
        if self._journal.data_dir is None:
            self.run()
            return
        _stop_all_on_quit()
        _running.add(self)
        self.finished.connect(self._on_finished)
        self.start()

    def run(self) -> None:
        try:
            journal = self._own_journal()
            try:
                result = self._task(journal, self.progressed.emit, self._stop.is_set)
            finally:
                if journal is not self._journal:
                    journal.close()
        except Cancelled:
            self.cancelled.emit()
        except Exception as error:  # handed to the GUI thread, which reports it
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)

    def _own_journal(self) -> Journal:
        journal = self._journal
        if journal.data_dir is None:
            return journal
        return Journal.open(
            journal.data_dir,
            create=False,
            clock=journal.now,
            passphrase=journal.passphrase,
            lock=False,
            full_check=self._full_check,
        )

    def _on_finished(self) -> None:
        _running.discard(self)
        self.deleteLater()


def _stop_all_on_quit() -> None:
    global _quit_hooked
    app = QCoreApplication.instance()
    if app is not None and not _quit_hooked:
        app.aboutToQuit.connect(stop_all)
        _quit_hooked = True


def stop_all() -> None:
    """Cancel the tasks still running and wait for them (when the application quits)."""
    for thread in list(_running):
        thread.cancel()
        thread.wait()


def daily_backup(journal: Journal, _progress: Progress, _cancelled: IsCancelled) -> object:
    """The task of the app's daily backup (``Journal.make_daily_backup``): uninterruptible,
    it is short and leaves nothing behind when the process ends midway."""
    return journal.make_daily_backup()


def run_with_progress(parent: QWidget, journal: Journal, task: Task, label: str) -> TaskThread:
    """Run ``task`` with a progress dialog; connect to the returned thread's signals."""
    dialog = QProgressDialog(label, QCoreApplication.translate("workers", "Cancel"), 0, 100, parent)
    dialog.setObjectName("task_progress")
    dialog.setAccessibleName(label)
    dialog.setWindowTitle(QCoreApplication.translate("workers", "Working"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    thread = TaskThread(journal, task)  # no parent: kept alive here until it ends
    thread.progressed.connect(dialog.setValue)
    dialog.canceled.connect(thread.cancel)
    for signal in (thread.succeeded, thread.failed, thread.cancelled):
        signal.connect(dialog.close)
        signal.connect(dialog.deleteLater)
    dialog.setValue(0)
    dialog.show()
    thread.begin()
    return thread
