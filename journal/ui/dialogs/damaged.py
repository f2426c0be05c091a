"""Shown at start when the journal cannot be opened: the reason, and the backups to restore."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.services import BackupInfo
from journal.ui.widgets.backup_names import describe_backup
from journal.ui.widgets.start_buttons import answer_of, go_on_or_quit


class DamagedJournalDialog(QDialog):
    """Offers the backups, newest first; ``chosen()`` is the backup's name once accepted."""

    def __init__(
        self, reason: str, backups: list[BackupInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("damaged_journal_dialog")
        self.setWindowTitle(self.tr("The journal could not be opened"))
        layout = QVBoxLayout(self)
        offer = self.tr(
            "You can restore a backup. The journal as it is now is kept, unchanged, beside it, "
            "so nothing is lost."
        )
        text = QLabel(reason + "\n\n" + offer, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        self._list = QListWidget(self, objectName="backups")
        self._list.setAccessibleName(self.tr("Backups"))
        self._list.setAccessibleDescription(offer)
        for backup in backups:
            item = QListWidgetItem(describe_backup(backup), self._list)
            item.setData(0x0100, backup.name)
        self._list.setCurrentRow(0)
        layout.addWidget(self._list)
        restore = go_on_or_quit(
            self, self.tr("Restore this backup"), "restore_backup", self.tr("Quit"), "quit"
        )
        restore.setAccessibleDescription(offer)
        self.resize(520, 360)

    def chosen(self) -> str | None:
        item = self._list.currentItem()
        return item.data(0x0100) if item else None


def offer_backups(reason: str, backups: list[BackupInfo]) -> str | None:
    """The backup the person chose to restore, or ``None`` when they quit."""
    dialog = DamagedJournalDialog(reason, backups)
    return answer_of(dialog, dialog.chosen)
