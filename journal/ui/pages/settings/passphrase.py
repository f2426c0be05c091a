"""Settings' passphrase: whether the journal is encrypted, setting, changing or removing the
passphrase, and how long the window waits before it locks.

Signals:
    lock_after_changed(int): the idle minutes before a protected journal locks (0 = never).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.settings import Settings
from journal.services import Journal, encryption_available
from journal.ui.dialogs.passphrase import NewPassphraseDialog

#: The idle times offered before a protected journal's window locks, in minutes (0 = never).
LOCK_CHOICES = (1, 5, 15, 30, 60, 0)


class PassphraseBox(QGroupBox):
    """The journal's protection; the changes go through ``run``, which says what went wrong."""

    lock_after_changed = Signal(int)

    def __init__(
        self,
        journal: Journal,
        run: Callable[[str, Callable[[], object]], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._run = run
        self.setTitle(self.tr("Passphrase"))
        layout = QVBoxLayout(self)
        self._privacy_state = QLabel(self, objectName="encryption_state")
        self._privacy_state.setWordWrap(True)
        layout.addWidget(self._privacy_state)
        row = QHBoxLayout()
        self._set = QPushButton(self.tr("Set a passphrase…"), self, objectName="set_passphrase")
        self._change = QPushButton(
            self.tr("Change passphrase…"), self, objectName="change_passphrase"
        )
        self._remove = QPushButton(
            self.tr("Remove passphrase…"), self, objectName="remove_passphrase"
        )
        for button, slot in (
            (self._set, self._on_set_clicked),
            (self._change, self._on_change_clicked),
            (self._remove, self._on_remove_clicked),
        ):
            button.setAccessibleName(button.text().rstrip("…"))
            button.clicked.connect(slot)
            row.addWidget(button)
        self._remove.setAccessibleDescription(
            self.tr("Stores the journal and its backups without encryption again, after asking")
        )
        row.addStretch(1)
        layout.addLayout(row)
        lock_row = QHBoxLayout()
        lock_label = QLabel(self.tr("&Lock the window after"), self)
        self._lock_after = QComboBox(self, objectName="lock_after")
        for minutes in LOCK_CHOICES:
            self._lock_after.addItem(self._lock_text(minutes), minutes)
        lock_label.setBuddy(self._lock_after)
        self._lock_after.setAccessibleName(self.tr("Lock the window after"))
        self._lock_after.setAccessibleDescription(
            self.tr(
                "With a passphrase, the window hides your journal and asks for the passphrase "
                "after this long without use, so nobody else can read it"
            )
        )
        self._lock_after.currentIndexChanged.connect(self._on_lock_after_current_index_changed)
        lock_row.addWidget(lock_label)
        lock_row.addWidget(self._lock_after)
        lock_row.addStretch(1)
        layout.addLayout(lock_row)

    def refresh(self, settings: Settings) -> None:
        """Show whether the journal is encrypted, and what can be done about it."""
        available = encryption_available()
        encrypted = self._journal.encrypted
        if not available:
            text = self.tr(
                "Encryption is not available on this computer (the sqlcipher3 "
                "package is not installed), so the journal is stored unencrypted. "
                "It is still only readable by your user account."
            )
        elif encrypted:
            text = self.tr("Your journal and its backups are encrypted with your passphrase.")
        else:
            text = self.tr(
                "Your journal is not encrypted; it is readable only by your user "
                "account. A passphrase encrypts it and its backups."
            )
        self._privacy_state.setText(text)
        self._set.setEnabled(available and not encrypted)
        self._change.setEnabled(available and encrypted)
        self._remove.setEnabled(available and encrypted)
        self._lock_after.blockSignals(True)
        minutes = settings.lock_after_minutes
        if self._lock_after.findData(minutes) < 0:  # stored by hand or by a later version
            self._lock_after.addItem(self._lock_text(minutes), minutes)
        self._lock_after.setCurrentIndex(self._lock_after.findData(minutes))
        self._lock_after.blockSignals(False)
        self._lock_after.setEnabled(encrypted)

    def _lock_text(self, minutes: int) -> str:
        if minutes == 0:
            return self.tr("Never")
        if minutes == 1:
            return self.tr("1 minute without use")
        return self.tr("%Ln minutes without use", "", minutes)

    # --- slots -----------------------------------------------------------------------------

    def _on_lock_after_current_index_changed(self, _index: int) -> None:
        minutes = int(self._lock_after.currentData())
        self._journal.update_settings(lock_after_minutes=minutes)
        self.lock_after_changed.emit(minutes)

    def _on_set_clicked(self) -> None:
        dialog = NewPassphraseDialog(self.tr("Set a passphrase"), self)
        if dialog.exec():
            self._run(
                self.tr("Set a passphrase"),
                lambda: self._journal.set_passphrase(dialog.passphrase()),
            )

    def _on_change_clicked(self) -> None:
        dialog = NewPassphraseDialog(self.tr("Change passphrase"), self)
        if dialog.exec():
            self._run(
                self.tr("Change passphrase"),
                lambda: self._journal.change_passphrase(dialog.passphrase()),
            )

    def _on_remove_clicked(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Remove passphrase"),
            self.tr("Store the journal and its backups without encryption again?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(self.tr("Remove passphrase"), self._journal.remove_passphrase)
