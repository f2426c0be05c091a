"""The welcome above the pages of an empty journal: what the app is for, in three lines.

It offers the demo journal (opened in a window of its own, so one's own journal is never mixed
with made-up entries) or a fresh start, and the daily reminder, which stays off until the
person turns it on here or in Settings. It goes once the first check-in is saved, or with
"Start my own journal"; an empty journal shows it again next time.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess, Qt, QTime, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from journal.domain.errors import JournalError
from journal.services import Journal
from journal.ui import theme

#: The time the reminder box offers first (the person can change it before turning it on).
DEFAULT_REMINDER = QTime(20, 0)


def launch_demo() -> bool:
    """Open the demo journal in a process of its own (``--demo``); True when it started."""
    if getattr(sys, "frozen", False):  # a packaged app: the executable is the app itself
        program, arguments = sys.executable, ["--demo"]
    else:
        program, arguments = sys.executable, ["-m", "journal", "--demo"]
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)


class WelcomePanel(QFrame):
    """Signals:
    started(): the person chose "Start my own journal" (the window hides the panel).
    """

    started = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setAccessibleName(self.tr("Welcome"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        self._journal = journal
        heading = theme.as_heading(
            QLabel(self.tr("Welcome to Connection Journal"), objectName="welcome_heading")
        )
        lines = QLabel(
            self.tr(
                "A private place to note how each day went and who you spent time with.\n"
                "Over the weeks it shows, honestly and with the numbers behind it, how your mood "
                "and your contacts go together: for you, and for your care team if you wish.\n"
                "It all stays on this computer; nothing is sent anywhere."
            ),
            objectName="welcome_text",
            wordWrap=True,
        )
        lines.setTextFormat(Qt.TextFormat.PlainText)
        self._demo = QPushButton(self.tr("Look around the demo journal"), objectName="welcome_demo")
        self._demo.setAccessibleName(self.tr("Look around the demo journal"))
        self._demo.setAccessibleDescription(
            self.tr(
                "Opens a journal of made-up entries in a window of its own; yours is not changed"
            )
        )
        self._start = QPushButton(self.tr("Start my own journal"), objectName="welcome_start")
        self._start.setAccessibleName(self.tr("Start my own journal"))
        self._start.setAccessibleDescription(
            self.tr("Closes the welcome; Today is ready for your first check-in")
        )
        for button in (self._demo, self._start):
            button.setAutoDefault(False)
        self._remind = QCheckBox(self.tr("Remind me each day at"), objectName="welcome_remind")
        self._remind.setAccessibleName(self.tr("Remind me each day"))
        self._remind.setAccessibleDescription(
            self.tr(
                "Off until you turn it on: a quiet line in this window at the time chosen, if you "
                "have not checked in yet"
            )
        )
        self._time = QTimeEdit(DEFAULT_REMINDER, objectName="welcome_reminder_time")
        self._time.setDisplayFormat("HH:mm")
        self._time.setAccessibleName(self.tr("Reminder time"))
        self._time.setAccessibleDescription(self.tr("When the daily reminder appears"))
        saved = journal.settings().reminder_time
        if saved:
            self._time.setTime(QTime.fromString(saved, "HH:mm"))
        self._remind.setChecked(bool(saved))
        self._time.setEnabled(bool(saved))
        self._note = theme.as_hint(QLabel(objectName="welcome_note", wordWrap=True))
        self._note.hide()

        buttons = QHBoxLayout()  # two rows, so a small window or a large font still fits
        buttons.addWidget(self._start)
        buttons.addWidget(self._demo)
        buttons.addStretch(1)
        reminder = QHBoxLayout()
        reminder.addWidget(self._remind)
        reminder.addWidget(self._time)
        reminder.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.addWidget(heading)
        layout.addWidget(lines)
        layout.addLayout(buttons)
        layout.addLayout(reminder)
        layout.addWidget(self._note)

        self._start.clicked.connect(self._on_start_clicked)
        self._demo.clicked.connect(self._on_demo_clicked)
        self._remind.toggled.connect(self._on_reminder_changed)
        self._time.timeChanged.connect(self._on_reminder_changed)

    def _say(self, text: str) -> None:
        self._note.setText(text)
        self._note.show()

    def _on_start_clicked(self) -> None:
        self.hide()
        self.started.emit()

    def _on_demo_clicked(self) -> None:
        if launch_demo():
            self._say(
                self.tr(
                    "The demo journal opens in a window of its own; this journal stays as it is."
                )
            )
        else:
            self._say(
                self.tr(
                    "The demo journal could not be opened from here. You can "
                    "start it with: connection-journal --demo"
                )
            )

    def _on_reminder_changed(self, *_args: object) -> None:
        on = self._remind.isChecked()
        self._time.setEnabled(on)
        try:
            self._journal.update_settings(
                reminder_time=self._time.time().toString("HH:mm") if on else ""
            )
        except JournalError as error:
            self._say(str(error))
            return
        self._say(
            self.tr("Reminder on, each day at {time}. You can change it in Settings.").format(
                time=self._time.time().toString("HH:mm")
            )
            if on
            else self.tr("No reminder.")
        )
