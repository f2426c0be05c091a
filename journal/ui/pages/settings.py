"""Settings: display name, theme, questionnaire reminders, passphrase, backups and restore.

Signals:
    data_replaced: the journal's contents were replaced (a restore); pages should reload.
    lock_after_changed(int): the idle minutes before a protected journal locks (0 = never).
    theme_changed(str): the theme setting changed to "system", "light" or "dark".
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTime, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from journal import desktop
from journal.domain.errors import JournalError
from journal.domain.passphrase import ProtectionChanged
from journal.domain.settings import THEMES
from journal.i18n import format_number
from journal.services import Journal
from journal.store.connection import encryption_available
from journal.ui import theme
from journal.ui.dialogs.passphrase import NewPassphraseDialog
from journal.ui.locale import time_edit_format
from journal.ui.widgets.backup_names import describe_backup
from journal.ui.widgets.scrolling import scrolling_page

#: The idle times offered before a protected journal's window locks, in minutes (0 = never).
LOCK_CHOICES = (1, 5, 15, 30, 60, 0)


class SettingsPage(QWidget):
    """The person's preferences and the journal's protection."""

    data_replaced = Signal()
    theme_changed = Signal(str)
    lock_after_changed = Signal(int)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_page")
        self._journal = journal
        content = QWidget(self, objectName="settings_content")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(*theme.PAGE_MARGINS)
        layout.addWidget(theme.as_heading(QLabel(self.tr("Settings"), content)))
        layout.addWidget(self._preferences())
        layout.addWidget(self._privacy())
        layout.addWidget(self._backups_box())
        layout.addStretch(1)
        scrolling_page(self, content, "settings_scroll")
        self.refresh()

    # --- building --------------------------------------------------------------------------

    def _preferences(self) -> QGroupBox:
        box = QGroupBox(self.tr("Preferences"), self)
        form = QFormLayout(box)
        # A spin box for a number of days or a three-way choice stretched across a wide
        # window is hard to take in; fields keep their natural width instead.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self._name = QLineEdit(box, objectName="display_name")
        self._name.setAccessibleName(self.tr("Display name"))
        name_hint = self.tr("Shown on the summary for your therapist")
        self._name.setPlaceholderText(name_hint)
        self._name.setAccessibleDescription(name_hint)
        metrics = self._name.fontMetrics()
        self._name.setMinimumWidth(metrics.horizontalAdvance(self._name.placeholderText()) + 24)
        self._name.editingFinished.connect(self._on_name_editing_finished)
        form.addRow(self.tr("Display &name"), self._name)
        self._theme = QComboBox(box, objectName="theme")
        self._theme.setAccessibleName(self.tr("Theme"))
        self._theme.setAccessibleDescription(
            self.tr("Light or dark colours, or whichever your system uses; applied at once")
        )
        labels = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        for mode in THEMES:
            self._theme.addItem(labels[mode], mode)
        self._theme.currentIndexChanged.connect(self._on_theme_current_index_changed)
        form.addRow(self.tr("&Theme"), self._theme)
        self._day_start = QComboBox(box, objectName="day_starts_at")
        self._day_start.setAccessibleName(self.tr("Day starts at"))
        self._day_start.setAccessibleDescription(
            self.tr(
                "An entry before this hour belongs to the day before, for nights that end after "
                "midnight; applies to Today, the command line and the reminder"
            )
        )
        self._day_start.setToolTip(self._day_start.accessibleDescription())
        for hour in range(24):
            text = QLocale().toString(QTime(hour, 0), time_edit_format())
            self._day_start.addItem(
                self.tr("{time} (midnight)").format(time=text) if hour == 0 else text, hour
            )
        self._day_start.currentIndexChanged.connect(self._on_day_start_current_index_changed)
        form.addRow(self.tr("&Day starts at"), self._day_start)
        self._every = QSpinBox(box, objectName="questionnaire_every_days")
        self._every.setRange(0, 365)
        self._every.setSuffix(self.tr(" days"))
        self._every.setSpecialValueText(self.tr("Off"))
        self._every.setAccessibleName(self.tr("Questionnaire reminder interval"))
        self._every.setAccessibleDescription(
            self.tr(
                "Days after taking a questionnaire before the Check-ins page suggests one "
                "again, 0 to 365; 0 = off"
            )
        )
        self._every.valueChanged.connect(self._on_every_value_changed)
        form.addRow(self.tr("Questionnaire &reminder every"), self._every)
        self._remind = QCheckBox(
            self.tr("Invite me to check in each day at"), box, objectName="daily_reminder"
        )
        self._remind.setAccessibleName(self.tr("Daily check-in reminder"))
        self._remind.setAccessibleDescription(
            self.tr(
                "A gentle invitation at the time beside it, unless you have already "
                "checked in that day"
            )
        )
        self._remind_at = QTimeEdit(box, objectName="reminder_time")
        self._remind_at.setDisplayFormat(time_edit_format())
        self._remind_at.setAccessibleName(self.tr("Reminder time"))
        self._remind_at.setAccessibleDescription(
            self.tr("When the daily invitation appears; set while the reminder is ticked")
        )
        row = QHBoxLayout()
        row.addWidget(self._remind)
        row.addWidget(self._remind_at)
        row.addStretch(1)
        form.addRow(self.tr("Daily reminder"), row)
        self._remind.toggled.connect(self._on_reminder_changed)
        self._remind_at.timeChanged.connect(self._on_reminder_changed)
        self._autostart = QCheckBox(
            self.tr("Start at login, minimised"), box, objectName="autostart"
        )
        self._autostart.setAccessibleName(self.tr("Start at login, minimised"))
        self._autostart.setAccessibleDescription(
            self.tr(
                "The journal opens in the background when you log in, so its reminder can reach you"
            )
        )
        self._autostart.toggled.connect(self._on_autostart_toggled)
        form.addRow(self.tr("When you log in"), self._autostart)  # its own row, own label
        return box

    def _privacy(self) -> QGroupBox:
        box = QGroupBox(self.tr("Passphrase"), self)
        layout = QVBoxLayout(box)
        self._privacy_state = QLabel(box, objectName="encryption_state")
        self._privacy_state.setWordWrap(True)
        layout.addWidget(self._privacy_state)
        row = QHBoxLayout()
        self._set = QPushButton(self.tr("Set a passphrase…"), box, objectName="set_passphrase")
        self._change = QPushButton(
            self.tr("Change passphrase…"), box, objectName="change_passphrase"
        )
        self._remove = QPushButton(
            self.tr("Remove passphrase…"), box, objectName="remove_passphrase"
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
        lock_label = QLabel(self.tr("&Lock the window after"), box)
        self._lock_after = QComboBox(box, objectName="lock_after")
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
        return box

    def _backups_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Backups"), self)
        layout = QVBoxLayout(box)
        hint = QLabel(
            self.tr(
                "A backup is made every day you open the journal and before every "
                "import, restore and passphrase change. The last 7 days and 8 "
                "weeks are kept."
            ),
            box,
        )
        hint.setWordWrap(True)
        layout.addWidget(theme.as_hint(hint))
        self._list = QListWidget(box, objectName="backups")
        self._list.setAccessibleName(self.tr("Backups"))
        self._list.setAccessibleDescription(hint.text())  # when they are made and how long kept
        self._list.setMinimumHeight(120)
        layout.addWidget(self._list)
        self._unchecked = QLabel(box, objectName="unchecked_backups")
        self._unchecked.setWordWrap(True)
        self._unchecked.hide()
        layout.addWidget(theme.as_hint(self._unchecked))
        row = QHBoxLayout()
        self._backup_now = QPushButton(self.tr("Back up now"), box, objectName="backup_now")
        self._restore = QPushButton(self.tr("Restore this backup…"), box, objectName="restore")
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
            box,
        )
        folder.setObjectName("data_folder")
        folder.setWordWrap(True)
        layout.addWidget(theme.as_hint(folder))
        return box

    def _lock_text(self, minutes: int) -> str:
        if minutes == 0:
            return self.tr("Never")
        if minutes == 1:
            return self.tr("1 minute without use")
        return self.tr("%Ln minutes without use", "", minutes)

    # --- state -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the stored settings, the protection state and the backups."""
        settings = self._journal.settings()
        self._name.setText(settings.display_name)
        self._theme.blockSignals(True)
        self._theme.setCurrentIndex(max(0, self._theme.findData(settings.theme)))
        self._theme.blockSignals(False)
        self._day_start.blockSignals(True)
        self._day_start.setCurrentIndex(max(0, self._day_start.findData(settings.day_starts_at)))
        self._day_start.blockSignals(False)
        self._every.blockSignals(True)
        self._every.setValue(settings.questionnaire_every_days)
        self._every.blockSignals(False)
        for widget in (self._remind, self._remind_at, self._autostart):
            widget.blockSignals(True)
        self._remind.setChecked(bool(settings.reminder_time))
        self._remind_at.setTime(QTime.fromString(settings.reminder_time or "20:00", "HH:mm"))
        self._remind_at.setEnabled(bool(settings.reminder_time))
        self._autostart.setChecked(desktop.autostart_enabled())
        for widget in (self._remind, self._remind_at, self._autostart):
            widget.blockSignals(False)
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

    def _on_name_editing_finished(self) -> None:
        if not self._journal.is_open:  # focus leaves the field as the window closes
            return
        if self._name.text() != self._journal.settings().display_name:
            self._journal.update_settings(display_name=self._name.text())

    def _on_theme_current_index_changed(self, _index: int) -> None:
        mode = self._theme.currentData()
        self._journal.update_settings(theme=mode)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, mode)
        self.theme_changed.emit(mode)

    def _on_day_start_current_index_changed(self, _index: int) -> None:
        self._journal.update_settings(day_starts_at=self._day_start.currentData())

    def _on_reminder_changed(self, *_args: object) -> None:
        on = self._remind.isChecked()
        self._remind_at.setEnabled(on)
        self._journal.update_settings(
            reminder_time=self._remind_at.time().toString("HH:mm") if on else ""
        )

    def _on_autostart_toggled(self, enabled: bool) -> None:
        try:
            desktop.set_autostart(enabled)
        except OSError as error:
            QMessageBox.information(self, self.tr("Start at login"), str(error))

    def _on_every_value_changed(self, value: int) -> None:
        self._journal.update_settings(questionnaire_every_days=value)

    def _on_lock_after_current_index_changed(self, _index: int) -> None:
        minutes = int(self._lock_after.currentData())
        self._journal.update_settings(lock_after_minutes=minutes)
        self.lock_after_changed.emit(minutes)

    def _run(self, action: str, work: object) -> bool:
        try:
            result = work()  # type: ignore[operator]
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
            self.refresh()
            return
        question = self.tr(
            "Replace your journal with the backup of %1? Your journal as it "
            "is now is backed up first, so this can be undone."
        )
        fewer = held.days < current
        if fewer:
            question = self.tr(
                "This backup holds %2 days, your journal %3: restoring it "
                "would leave your journal with %4 fewer days. Replace your "
                "journal with the backup of %1 anyway? Your journal as it is "
                "now is backed up first, so this can be undone."
            )
            for marker, value in (("%2", held.days), ("%3", current), ("%4", current - held.days)):
                question = question.replace(marker, format_number(value, 0))
        answer = QMessageBox.question(
            self, self.tr("Restore a backup"), question.replace("%1", item.text())
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._run(
            self.tr("Restore a backup"), lambda: self._journal.restore(name, allow_fewer_days=fewer)
        ):
            self.data_replaced.emit()
