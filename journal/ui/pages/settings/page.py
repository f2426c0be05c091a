"""Settings: display name, theme, questionnaire reminders, passphrase, backups and restore.

The page is three boxes (``preferences``, ``passphrase``, ``backups``); a change that can fail
runs through the page's ``_run``, which says why in a message and then shows the whole page as
stored (a passphrase change makes a backup, so the backups list changes too).

Signals:
    data_replaced: the journal's contents were replaced (a restore); pages should reload.
    lock_after_changed(int): the idle minutes before a protected journal locks (0 = never).
    theme_changed(str): the theme setting changed to "system", "light" or "dark".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from journal.domain.errors import JournalError
from journal.domain.passphrase import ProtectionChanged
from journal.services import Journal
from journal.ui import theme
from journal.ui.pages.settings.backups import BackupsBox
from journal.ui.pages.settings.passphrase import PassphraseBox
from journal.ui.pages.settings.preferences import PreferencesBox
from journal.ui.widgets.scrolling import scrolling_page


class SettingsPage(QWidget):
    """The person's preferences and the journal's protection."""

    data_replaced = Signal()
    theme_changed = Signal(str)
    lock_after_changed = Signal(int)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_page")
        self._journal = journal
        self.preferences = PreferencesBox(journal)
        self.passphrase = PassphraseBox(journal, self._run)
        self.backups = BackupsBox(journal, self._run, self.refresh)
        content = QWidget(self, objectName="settings_content")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(*theme.PAGE_MARGINS)
        layout.addWidget(theme.as_heading(QLabel(self.tr("Settings"), content)))
        layout.addWidget(self.preferences)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.backups)
        layout.addStretch(1)
        scrolling_page(self, content, "settings_scroll")
        self.preferences.theme_changed.connect(self.theme_changed)
        self.passphrase.lock_after_changed.connect(self.lock_after_changed)
        self.backups.data_replaced.connect(self.data_replaced)
        self.refresh()

    def refresh(self) -> None:
        """Show the stored settings, the protection state and the backups."""
        settings = self._journal.settings()
        self.preferences.refresh(settings)
        self.passphrase.refresh(settings)
        self.backups.refresh()

    def _run(self, action: str, work: Callable[[], object]) -> bool:
        """Do ``work``; a ``JournalError`` is said in a message titled ``action`` (False)."""
        try:
            result = work()
        except JournalError as error:
            QMessageBox.information(self, action, str(error))
            return False
        self.refresh()
        if isinstance(result, ProtectionChanged):
            # the idle lock starts (or stops) counting with the passphrase
            self.lock_after_changed.emit(self._journal.settings().lock_after_minutes)
            if result.message():
                QMessageBox.information(self, action, result.message())  # backups kept aside
        return True
