"""Settings' preferences: display name, theme, when the day starts, the questionnaire and daily
reminders, and starting at login. Each is stored the moment it changes.

Signals:
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
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from journal import desktop
from journal.domain.settings import THEMES, Settings
from journal.services import Journal
from journal.ui import theme
from journal.ui.locale import time_edit_format


class PreferencesBox(QGroupBox):
    """The person's preferences, as a form."""

    theme_changed = Signal(str)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self.setTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        # A spin box for a number of days or a three-way choice stretched across a wide
        # window is hard to take in; fields keep their natural width instead.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self._name = QLineEdit(self, objectName="display_name")
        self._name.setAccessibleName(self.tr("Display name"))
        name_hint = self.tr("Shown on the summary for your therapist")
        self._name.setPlaceholderText(name_hint)
        self._name.setAccessibleDescription(name_hint)
        metrics = self._name.fontMetrics()
        self._name.setMinimumWidth(metrics.horizontalAdvance(self._name.placeholderText()) + 24)
        self._name.editingFinished.connect(self._on_name_editing_finished)
        form.addRow(self.tr("Display &name"), self._name)
        self._theme = QComboBox(self, objectName="theme")
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
        self._day_start = QComboBox(self, objectName="day_starts_at")
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
        self._every = QSpinBox(self, objectName="questionnaire_every_days")
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
            self.tr("Invite me to check in each day at"), self, objectName="daily_reminder"
        )
        self._remind.setAccessibleName(self.tr("Daily check-in reminder"))
        self._remind.setAccessibleDescription(
            self.tr(
                "A gentle invitation at the time beside it, unless you have already "
                "checked in that day"
            )
        )
        self._remind_at = QTimeEdit(self, objectName="reminder_time")
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
            self.tr("Start at login, minimised"), self, objectName="autostart"
        )
        self._autostart.setAccessibleName(self.tr("Start at login, minimised"))
        self._autostart.setAccessibleDescription(
            self.tr(
                "The journal opens in the background when you log in, so its reminder can reach you"
            )
        )
        self._autostart.toggled.connect(self._on_autostart_toggled)
        form.addRow(self.tr("When you log in"), self._autostart)  # its own row, own label

    def refresh(self, settings: Settings) -> None:
        """Show the stored preferences, storing nothing."""
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
