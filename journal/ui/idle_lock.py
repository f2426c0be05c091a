"""Locking the window of a protected journal after a while without use (a shared computer).

When the journal has a passphrase and nobody has touched the keyboard or mouse for the chosen
time (Settings, default 15 minutes), every window of the app — the main window and any open
dialog — has its contents hidden and its title made general, and shows only a passphrase field.
The right passphrase brings everything back as it was, typing included: nothing is closed.

Signals:
    locked: the windows were locked.
    unlocked: the right passphrase was typed; everything is shown again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.services import Journal
from journal.ui import theme

#: Input that counts as someone using the app.
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)


class LockCover(QWidget):
    """What a locked window shows instead of its contents: a passphrase field, nothing else."""

    def __init__(self, idle_lock: IdleLock, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        self._idle_lock = idle_lock
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        heading = theme.as_heading(QLabel(self.tr("The journal is locked"), self))
        column.addWidget(heading)
        hint = QLabel(
            self.tr(
                "It locked itself after a while without use, so nobody else "
                "can read it. Enter your passphrase to go on where you were."
            ),
            self,
        )
        hint.setWordWrap(True)
        column.addWidget(hint)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Passphrase:"), self)
        self.field = QLineEdit(self, objectName="lock_passphrase")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("Passphrase"))
        self.field.setAccessibleDescription(hint.text())
        label.setBuddy(self.field)
        show = QCheckBox(self.tr("&Show"), self, objectName="lock_show_passphrase")
        show.setAccessibleName(self.tr("Show passphrase"))
        show.setAccessibleDescription(
            self.tr("Shows the passphrase as you type it; make sure nobody is looking")
        )
        show.toggled.connect(self._on_show_toggled)
        self.unlock_button = QPushButton(self.tr("Unlock"), self, objectName="unlock")
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setAccessibleDescription(hint.text())
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.field.returnPressed.connect(self._on_unlock_clicked)
        row.addWidget(label)
        row.addWidget(self.field, 1)
        row.addWidget(show)
        row.addWidget(self.unlock_button)
        column.addLayout(row)
        self.message = QLabel("", self, objectName="lock_message")
        self.message.setWordWrap(True)
        theme.paint_as_notice(self.message)
        column.addWidget(self.message)
        # help is never behind the passphrase: the public crisis lines (not the person's own
        # plan, which is private) open from the cover, by button or F1 as everywhere else
        self.help_button = QPushButton(
            self.tr("Need help now (F1)"), self, objectName="lock_need_help"
        )
        self.help_button.setAccessibleName(self.tr("Need help now"))
        self.help_button.setAccessibleDescription(
            self.tr("Shows crisis lines you can call now, without unlocking the journal")
        )
        self.help_button.clicked.connect(self._on_help_clicked)
        self.help_dialog: QWidget | None = None
        help_row = QHBoxLayout()
        help_row.addWidget(self.help_button)
        help_row.addStretch(1)
        column.addLayout(help_row)
        width = self.fontMetrics().averageCharWidth() * 56
        holder = QHBoxLayout()
        holder.addStretch(1)
        box = QWidget(self)
        box.setLayout(column)
        box.setMaximumWidth(width)
        holder.addWidget(box, 1)
        holder.addStretch(1)
        outer.addLayout(holder)
        outer.addStretch(2)

    def _on_show_toggled(self, shown: bool) -> None:
        self.field.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # F1 as everywhere in the app; a key press (not a QShortcut), so no other window's
        # shortcut can make it ambiguous while the journal is locked
        if event.key() == Qt.Key.Key_F1:
            self._on_help_clicked()
            return
        super().keyPressEvent(event)

    def _on_help_clicked(self) -> None:
        from journal.ui.dialogs.crisis_dialog import CrisisDialog

        if self.help_dialog is None or not self.help_dialog.isVisible():
            info = self._idle_lock.journal.public_crisis_info(QLocale().name())
            self.help_dialog = CrisisDialog(info, after_item9=False, parent=self.window())
        self.help_dialog.show()
        self.help_dialog.raise_()

    def _on_unlock_clicked(self) -> None:
        typed = self.field.text()
        self.field.clear()
        if not self._idle_lock.unlock(typed):
            self.message.setText("⚠ " + self.tr("That passphrase does not open this journal."))
            self.field.setFocus()


class IdleLock(QObject):
    """Watches the app's input and locks every window after ``minutes`` without any."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._minutes = journal.settings().lock_after_minutes
        #: Fires once after the idle time; tests emit its ``timeout`` instead of waiting.
        self.timer = QTimer(self, objectName="idle_lock_timer")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        #: Each covered window: (window, its cover, the children hidden, its title).
        self._covered: list[tuple[QWidget, LockCover, list[QWidget], str]] = []
        self._watching = False
        self.restart()

    @property
    def journal(self) -> Journal:
        return self._journal

    @property
    def is_locked(self) -> bool:
        return bool(self._covered)

    def set_minutes(self, minutes: int) -> None:
        """A new idle time from Settings (0 = never lock)."""
        self._minutes = minutes
        self.restart()

    def restart(self) -> None:
        """Count the idle time from now (or stop counting: no passphrase, or never)."""
        if self.is_locked:
            return
        if self._minutes > 0 and self._journal.is_open and self._journal.encrypted:
            self._watch(True)
            self.timer.start(self._minutes * 60_000)
        else:
            self.timer.stop()

    def _watch(self, on: bool) -> None:
        """Every event of the app passes through ``eventFilter`` only while it is needed."""
        app = QApplication.instance()
        if app is None or on == self._watching:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in ACTIVITY and not self.is_locked:
            self.restart()
        elif kind == QEvent.Type.Resize and self.is_locked:
            for window, cover, _hidden, _title in self._covered:
                if watched is window:
                    cover.setGeometry(window.rect())
        return False

    def lock(self) -> None:
        """Hide every window's contents behind a cover asking for the passphrase."""
        if self.is_locked or not self._journal.is_open or not self._journal.encrypted:
            return
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for window in windows:
            if isinstance(window, QMenu):  # a menu left open: simply closed
                window.close()
                continue
            hidden = [
                child
                for child in window.findChildren(
                    QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
                )
                if child.isVisible() and not child.isWindow()
            ]  # dialogs get their own cover
            for child in hidden:
                child.hide()
            title = window.windowTitle()
            window.setWindowTitle(self.tr("Connection Journal (locked)"))
            cover = LockCover(self, window)
            cover.setGeometry(window.rect())
            cover.show()
            cover.raise_()
            self._covered.append((window, cover, hidden, title))
        front = QApplication.activeModalWidget() or QApplication.activeWindow()
        for window, cover, _hidden, _title in self._covered:
            if window is front or front is None:
                cover.field.setFocus()
        self.timer.stop()
        self.locked.emit()

    def unlock(self, passphrase: str) -> bool:
        """Show everything again when ``passphrase`` is the journal's; False otherwise."""
        if not self.is_locked:
            return True
        if not self._journal.passphrase_matches(passphrase):
            return False
        covered, self._covered = self._covered, []
        for window, cover, hidden, title in covered:
            cover.hide()
            cover.deleteLater()
            for child in hidden:
                child.show()
            window.setWindowTitle(title)
        self.restart()
        self.unlocked.emit()
        return True

    def stop(self) -> None:
        """When the window closes: no more watching."""
        self.timer.stop()
        self._watch(False)
