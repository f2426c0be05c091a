"""The calm unlock dialog shown at start when the journal is protected by a passphrase."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from journal.ui.widgets.start_buttons import answer_of, go_on_or_quit

#: Wide enough for a long passphrase and the reason on a few lines, in average characters.
WIDTH_CHARS = 48


class UnlockDialog(QDialog):
    """Asks for the journal's passphrase; ``passphrase()`` after ``exec()`` returns Accepted.

    ``message`` (why it asks, or why it asks again) replaces the general introduction, so the
    same thing is never said twice.
    """

    def __init__(self, message: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlock_dialog")
        self.setWindowTitle(self.tr("Unlock your journal"))
        layout = QVBoxLayout(self)
        intro = self.tr(
            "Your journal is protected with a passphrase. Enter it to open the journal."
        )
        self._message = QLabel(message or intro, self, objectName="unlock_message")
        self._message.setWordWrap(True)
        layout.addWidget(self._message)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Passphrase:"), self)
        self._field = QLineEdit(self, objectName="passphrase")
        self._field.setEchoMode(QLineEdit.EchoMode.Password)
        self._field.setAccessibleName(self.tr("Passphrase"))
        self._field.setAccessibleDescription(message or intro)  # why it asks (again)
        label.setBuddy(self._field)
        self._show = QCheckBox(self.tr("&Show"), self, objectName="show_passphrase")
        self._show.setAccessibleName(self.tr("Show passphrase"))
        self._show.setAccessibleDescription(
            self.tr("Shows the passphrase as you type it; make sure nobody is looking")
        )
        self._show.toggled.connect(self._on_show_toggled)
        row.addWidget(label)
        row.addWidget(self._field, 1)
        row.addWidget(self._show)
        layout.addLayout(row)
        open_button = go_on_or_quit(
            self, self.tr("Open"), "unlock_open", self.tr("Quit"), "unlock_quit"
        )
        open_button.setDefault(True)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * WIDTH_CHARS)
        self._field.setFocus()

    def _on_show_toggled(self, shown: bool) -> None:
        self._field.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)

    def passphrase(self) -> str:
        return self._field.text()


def ask_passphrase(message: str = "") -> str | None:
    """Show the dialog; the passphrase typed, or ``None`` when the person chose Quit."""
    dialog = UnlockDialog(message)
    return answer_of(dialog, dialog.passphrase)
