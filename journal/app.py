"""The only wiring place: makes the QApplication, opens the journal, builds the window.

Nothing else imports ``journal.ui``; the command line calls ``run`` and the tests and the
benchmark call ``make_main_window``.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from journal.desktop import APP_ID, icon_path
from journal.domain.errors import JournalDamaged, JournalError
from journal.privacy import restore_damaged
from journal.services import Journal, local_now
from journal.store.backup import list_backups
from journal.store.connection import PassphraseRequired, WrongPassphrase
from journal.ui import locale
from journal.ui.dialogs.damaged import offer_backups
from journal.ui.dialogs.unlock import ask_passphrase
from journal.ui.main_window import MainWindow
from journal.ui.theme import apply_theme

APP_NAME = "Connection Journal"  # its name to the system (QApplication), never translated


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not isinstance(app, QApplication):
        raise RuntimeError("a QCoreApplication is running; the journal needs a QApplication")
    return app


def make_main_window(
    data_dir: Path, *, clock: Callable[[], dt.datetime] | None = None,
    passphrase: str | None = None,
) -> MainWindow:
    """Open the journal in ``data_dir`` and build its window, themed but not shown.

    Raises ``JournalError`` when the journal cannot be opened (nothing is left open then).
    """
    app = _application()
    journal = Journal.open(data_dir, clock=clock or local_now, passphrase=passphrase,
                           full_check=False)  # its daily backup checks every row instead
    try:
        apply_theme(app, journal.settings().theme)
        window = MainWindow(journal)
        window.setWindowIcon(QIcon(str(icon_path())))
        return window
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
    if minimized:
        window.showMinimized()
    else:
        window.show()
    return app.exec()


def _offer_restore(data_dir: Path, error: JournalDamaged,
                   passphrase: str | None = None) -> MainWindow | None:
    """A journal that cannot be opened: offer its backups that check out (never writing to
    it; it is kept aside). ``passphrase`` opens the backups of an encrypted journal."""
    backups = list_backups(data_dir, passphrase)
    if not backups:
        _tell_not_opened(error)
        return None
    name = offer_backups(str(error), backups)
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
    box = QMessageBox(objectName="journal_not_opened")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QApplication.translate("app", "Connection Journal"))
    box.setText(QApplication.translate("app", "The journal could not be opened."))
    box.setInformativeText(str(error))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.exec()
