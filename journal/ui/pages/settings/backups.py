"""Settings' backups: the ones that check out, newest first, a backup made now, and restoring
one (after asking, and after backing up the journal as it is, so a restore can be undone).

Signals:
    data_replaced: the journal's contents were replaced by a backup; pages should reload.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.errors import JournalError
from journal.i18n import count_days, count_fewer_days, format_number
from journal.services import Journal
from journal.ui import theme
from journal.ui.widgets.backup_names import describe_backup


class BackupsBox(QGroupBox):
    """The backups; making and restoring one go through ``run``, and ``refresh_page`` shows the
    whole page again when a backup chosen could not be read."""

    data_replaced = Signal()

    def __init__(
        self,
        journal: Journal,
        run: Callable[[str, Callable[[], object]], bool],
        refresh_page: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._run = run
        self._refresh_page = refresh_page
        self.setTitle(self.tr("Backups"))
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "A backup is made every day you open the journal and before every "
                "import, restore and passphrase change. The last 7 days and 8 "
                "weeks are kept."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(theme.as_hint(hint))
        self._list = QListWidget(self, objectName="backups")
        self._list.setAccessibleName(self.tr("Backups"))
        self._list.setAccessibleDescription(hint.text())  # when they are made and how long kept
        self._list.setMinimumHeight(120)
        layout.addWidget(self._list)
        self._unchecked = QLabel(self, objectName="unchecked_backups")
        self._unchecked.setWordWrap(True)
        self._unchecked.hide()
        layout.addWidget(theme.as_hint(self._unchecked))
        row = QHBoxLayout()
        self._backup_now = QPushButton(self.tr("Back up now"), self, objectName="backup_now")
        self._restore = QPushButton(self.tr("Restore this backup…"), self, objectName="restore")
        for button in (self._backup_now, self._restore):
            button.setAccessibleName(button.text().rstrip("…"))
        self._restore.setAccessibleDescription(
            self.tr(
                "Replaces your journal with the backup chosen, after asking; your journal "
                "as it is now is backed up first, so this can be undone"
            )
        )
        self._backup_now.clicked.connect(self._on_backup_now_clicked)
        self._restore.clicked.connect(self._on_restore_clicked)
        row.addWidget(self._backup_now)
        row.addWidget(self._restore)
        row.addStretch(1)
        layout.addLayout(row)
        folder = QLabel(
            self.tr("Journal folder: %1").replace(
                "%1", str(self._journal.data_dir or self.tr("(in memory)"))
            ),
            self,
        )
        folder.setObjectName("data_folder")
        folder.setWordWrap(True)
        layout.addWidget(theme.as_hint(folder))

    def refresh(self) -> None:
        """List the backups that check out, and name the ones that do not."""
        self._list.clear()
        for info in self._journal.backup_details():  # only backups that check out
            item = QListWidgetItem(
                describe_backup(info.path, info.days, info.last_entry), self._list
            )
            item.setData(0x0100, info.name)  # Qt.UserRole
        unchecked = self._journal.unverified_backups()
        self._unchecked.setText(
            self.tr(
                "Not listed, because they do not check out (damaged or incomplete; left as they "
                "are in the backups folder): %1"
            ).replace("%1", ", ".join(p.name for p in unchecked))
        )
        self._unchecked.setVisible(bool(unchecked))
        self._restore.setEnabled(self._list.count() > 0)
        if self._list.count():
            self._list.setCurrentRow(0)

    # --- slots -----------------------------------------------------------------------------

    def _on_backup_now_clicked(self) -> None:
        self._run(self.tr("Back up now"), lambda: self._journal.backup("manual"))

    def _on_restore_clicked(self) -> None:
        item = self._list.currentItem()
        if item is None:
            return
        name = item.data(0x0100)
        try:
            held, current = self._journal.restore_preview(name)
        except JournalError as error:
            QMessageBox.information(self, self.tr("Restore a backup"), str(error))
            self._refresh_page()
            return
        question = self.tr(
            "Replace your journal with the backup of %1? Your journal as it "
            "is now is backed up first, so this can be undone."
        )
        fewer = held.days < current
        if fewer:
            question = self.tr(
                "This backup holds %2, your journal %3: restoring it "
                "would leave your journal with %4. Replace your "
                "journal with the backup of %1 anyway? Your journal as it is "
                "now is backed up first, so this can be undone."
            )
            for marker, value in (
                ("%2", count_days(held.days)),
                ("%3", format_number(current, 0)),
                ("%4", count_fewer_days(current - held.days)),
            ):
                question = question.replace(marker, value)
        answer = QMessageBox.question(
            self, self.tr("Restore a backup"), question.replace("%1", item.text())
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._run(
            self.tr("Restore a backup"), lambda: self._journal.restore(name, allow_fewer_days=fewer)
        ):
            self.data_replaced.emit()
