"""The only wiring place: makes the QApplication, opens the journal, builds the window.

Nothing else imports ``journal.ui``; the command line calls ``run`` and the tests and the
benchmark call ``make_main_window``.

``run`` installs the top-level handler (``install_excepthook``): whatever escapes a slot, in
any thread, ends in one calm dialog. A ``JournalError`` (or a refusal of the system, through
``calm_error``) says what it is; anything else is a bug, written to the data folder's bug
log without the person's words (``journal.buglog``), and the dialog says where.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from journal import __version__
from journal.desktop import APP_ID, icon_path
from journal.domain.errors import JournalDamaged, JournalError, PassphraseRequired, WrongPassphrase
from journal.domain.system_errors import calm_error
from journal.services import BackupInfo, Journal, backups, local_now, restore_damaged
from journal.ui import locale
from journal.ui.main_window import MainWindow
from journal.ui.sidebar import release_import_sources
from journal.ui.theme import apply_theme

APP_NAME = "Connection Journal"  # its name to the system (QApplication), never translated
#: When work meant for after the first paint runs anyway (a minimised window never paints).
FIRST_PAINT_FALLBACK_MS = 1000
#: The logger the bug log listens to (``journal.buglog.LOGGER``; a test keeps them equal).
JOURNAL_LOGGER = "journal"


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not isinstance(app, QApplication):
        raise RuntimeError("a QCoreApplication is running; the journal needs a QApplication")
    return app


def make_main_window(
    data_dir: Path,
    *,
    clock: Callable[[], dt.datetime] | None = None,
    passphrase: str | None = None,
) -> MainWindow:
    """Open the journal in ``data_dir`` and build its window, themed but not shown.

    The day's first backup is not made here: ``run`` has the window make it in a thread once
    it has painted (``MainWindow.begin_daily_backup``). Raises ``JournalError`` when the
    journal cannot be opened (nothing is left open then).
    """
    app = _application()
    journal = Journal.open(
        data_dir,
        clock=clock or local_now,
        passphrase=passphrase,
        full_check=False,  # its daily backup checks every row instead
        daily_backup=False,
    )
    try:
        apply_theme(app, journal.settings().theme)
        window = MainWindow(journal)
        window.setWindowIcon(QIcon(str(icon_path())))
        release_import_sources()
        return window
    except JournalError as error:  # e.g. a row shown on Today breaks the journal's rules
        damage = journal.rows_damage()
        journal.close()
        if damage is not None:  # then a backup is offered, as when the open finds damage
            raise damage from None
        raise error from None
    except BaseException:
        journal.close()
        raise


def run(data_dir: Path, *, minimized: bool = False) -> int:
    """Show the journal in ``data_dir`` until its window is closed; the exit status."""
    app = _application()
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(icon_path())))
    # here, not in make_main_window: the tests build windows in the process the command-line
    # tests share, and those keep the English wording and formats of journal.i18n
    locale.install(app)
    apply_theme(app, "system")  # so even a message about a damaged file looks right
    reporter = install_excepthook(data_dir)
    try:
        try:
            window = make_main_window(data_dir)
        except PassphraseRequired as locked:
            unlocked = _unlock(data_dir, str(locked))
            if unlocked is None:
                return 1
            window = unlocked
    except JournalDamaged as error:
        restored = _offer_restore(data_dir, error)
        if restored is None:
            return 1
        window = restored
    except JournalError as error:
        _tell_not_opened(error)
        return 1
    except Exception as error:  # a bug or a refusal of the system while opening: said calmly
        reporter.excepthook(type(error), error, error.__traceback__)
        return 1
    # the journal's own warnings too, now that its folder exists: kept until the first paint,
    # then written to the bug log (opening it loads logging.handlers, ~8 ms of a start)
    held = HeldWarnings.begin()

    def after_paint() -> None:
        held.open_bug_log(data_dir)
        window.begin_daily_backup()
        window.warm_up()

    after_first_paint(window, after_paint)
    if minimized:
        window.showMinimized()
    else:
        window.show()
    try:
        return app.exec()
    finally:
        held.open_bug_log(data_dir)  # closed before it painted: nothing held is lost


class HeldWarnings(logging.Handler):
    """The journal's warnings from its opening until its bug log is opened, then written
    there in order (``open_bug_log``), as if the log had been open all along."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []
        self._opened = False

    @classmethod
    def begin(cls) -> HeldWarnings:
        """Start keeping the warnings of the journal's logger (at the level the log has)."""
        held = cls()
        logger = logging.getLogger(JOURNAL_LOGGER)
        logger.addHandler(held)
        if logger.level == logging.NOTSET or logger.level > logging.WARNING:
            logger.setLevel(logging.WARNING)
        return held

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def open_bug_log(self, data_dir: Path) -> None:
        """Open the bug log of ``data_dir`` (``buglog.install``) and write what was held into
        it; once, later calls do nothing."""
        if self._opened:
            return
        self._opened = True
        from journal import buglog

        logger = logging.getLogger(JOURNAL_LOGGER)
        before = set(logger.handlers)
        buglog.install(data_dir)
        logger.removeHandler(self)
        for handler in [h for h in logger.handlers if h not in before]:
            for record in self.records:
                if record.levelno >= handler.level:
                    handler.handle(record)
        self.records.clear()


class _FirstPaint(QObject):
    """Calls ``action`` once, when the loop is idle after the first paint of ``window``.

    It watches the window's own events only: a window is painted first, before its children.
    A filter on the whole app would see every event of every widget until then (some 1,200
    calls into Python during a start, ~7 ms).
    """

    def __init__(self, window: QWidget, action: Callable[[], object]) -> None:
        super().__init__(window)
        self._window = window
        self._action: Callable[[], object] | None = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self.fire)
        return False

    def fire(self) -> None:
        action, self._action = self._action, None
        self._window.removeEventFilter(self)
        if action is not None:
            action()


def after_first_paint(window: QWidget, action: Callable[[], object]) -> None:
    """Run ``action`` once ``window`` has painted and the loop is idle (a minimised window
    may never paint: then after ``FIRST_PAINT_FALLBACK_MS``)."""
    watcher = _FirstPaint(window, action)
    window.installEventFilter(watcher)
    QTimer.singleShot(FIRST_PAINT_FALLBACK_MS, watcher, watcher.fire)


def offer_backups(reason: str, checked: list[BackupInfo]) -> str | None:
    """The backup the person chooses to restore a damaged journal from (``None``: quit). Its
    dialog is imported here: only a journal that cannot be opened needs it, never a start."""
    from journal.ui.dialogs.damaged import offer_backups as offer

    return offer(reason, checked)


def ask_passphrase(reason: str) -> str | None:
    """The passphrase the person types to open a protected journal (``None``: quit). Its
    dialog is imported here: only a journal with a passphrase needs it."""
    from journal.ui.dialogs.unlock import ask_passphrase as ask

    return ask(reason)


def _offer_restore(
    data_dir: Path, error: JournalDamaged, passphrase: str | None = None
) -> MainWindow | None:
    """A journal that cannot be opened: offer its backups that check out (never writing to
    it; it is kept aside). ``passphrase`` opens the backups of an encrypted journal."""
    checked = backups(data_dir, passphrase)
    if not checked:
        _tell_not_opened(error)
        return None
    name = offer_backups(str(error), checked)
    if name is None:
        return None
    try:
        restore_damaged(data_dir, name, now=local_now(), passphrase=passphrase)
        return make_main_window(data_dir, passphrase=passphrase)
    except JournalError as again:
        _tell_not_opened(again)
        return None


def _unlock(data_dir: Path, reason: str) -> MainWindow | None:
    """Ask for the passphrase until it opens the journal or the person quits."""
    message = ""
    while True:
        passphrase = ask_passphrase(message or reason)
        if passphrase is None:
            return None
        try:
            return make_main_window(data_dir, passphrase=passphrase)
        except WrongPassphrase as error:
            message = str(error)
        except JournalDamaged as error:  # the passphrase opens its backups: offer them
            return _offer_restore(data_dir, error, passphrase)


def _tell_not_opened(error: JournalError) -> None:
    from PySide6.QtWidgets import QMessageBox  # a message box only when one is needed

    box = QMessageBox(objectName="journal_not_opened")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QApplication.translate("app", "Connection Journal"))
    box.setText(QApplication.translate("app", "The journal could not be opened."))
    box.setInformativeText(str(error))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.exec()


# --- the top-level handler ---------------------------------------------------------------------


class CalmReporter(QObject):
    """``sys.excepthook`` of the app: one calm dialog for what escaped a slot.

    The dialog is shown in the GUI thread whichever thread the exception reached the hook in
    (``reported`` is queued from other threads), one at a time: while one is open, further
    problems only go to the log.

    Signals:
        reported(str, str): the dialog's text and its details, to show.
    """

    reported = Signal(str, str)

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self._data_dir = data_dir
        self._showing = False
        self._local = threading.local()  # per thread: is this thread's report under way?
        self.reported.connect(self._on_reported)

    def excepthook(
        self, kind: type[BaseException], error: BaseException | None, tb: TracebackType | None
    ) -> None:
        if error is None:
            error = kind()
        if error.__traceback__ is None and tb is not None:
            error = error.with_traceback(tb)
        if isinstance(error, KeyboardInterrupt):  # Ctrl+C in the terminal that started it
            QApplication.quit()
            return
        if getattr(self._local, "reporting", False):  # the handler itself failed: no loop
            sys.__excepthook__(kind, error, tb)
            return
        self._local.reporting = True
        try:
            text, details = self.describe(error)
            self.reported.emit(text, details)
        finally:
            self._local.reporting = False

    def describe(self, error: BaseException) -> tuple[str, str]:
        """The dialog's text and details for ``error``; a bug is written to the log first."""
        calm = calm_error(error)
        if calm is not None:  # its message says what happened and that nothing was lost
            return str(calm), ""
        from journal import buglog

        written = buglog.record_bug(self._data_dir, error, where="app", version=__version__)
        if written is None:
            details = QApplication.translate(
                "app",
                "Nothing you saved is lost. The details could not be written down (the "
                "data folder is not writable).",
            )
        else:
            details = QApplication.translate(
                "app", "Nothing you saved is lost. Details were written to {path}."
            ).format(path=written)
        return QApplication.translate("app", "Something went wrong on our side."), details

    def _on_reported(self, text: str, details: str) -> None:
        if self._showing:
            return
        self._showing = True
        from PySide6.QtWidgets import QMessageBox  # a message box only when one is needed

        try:
            box = QMessageBox(QApplication.activeWindow(), objectName="calm_failure")
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(QApplication.translate("app", "Connection Journal"))
            box.setText(text)
            if details:
                box.setInformativeText(details)
            box.setStandardButtons(QMessageBox.StandardButton.Close)
            box.button(QMessageBox.StandardButton.Close).setObjectName("close_calm_failure")
            box.exec()
        finally:
            self._showing = False


def install_excepthook(data_dir: Path) -> CalmReporter:
    """Make ``sys.excepthook`` the calm handler of the journal in ``data_dir``."""
    reporter = CalmReporter(data_dir)
    reporter.moveToThread(_application().thread())
    sys.excepthook = reporter.excepthook

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is not SystemExit:
            reporter.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    threading.excepthook = thread_hook
    return reporter
