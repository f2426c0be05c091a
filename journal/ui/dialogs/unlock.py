"""The calm unlock dialog shown at start when the journal is protected by a passphrase."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class UnlockDialog(QDialog):
    """Asks for the journal's passphrase; ``passphrase()`` after ``exec()`` returns Accepted."""

    def __init__(self, message: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlock_dialog")
        self.setWindowTitle(self.tr("Unlock your journal"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Your journal is protected with a passphrase. Enter it to "
                               "open the journal."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self._field = QLineEdit(self, objectName="passphrase")
        self._field.setEchoMode(QLineEdit.EchoMode.Password)
        self._field.setAccessibleName(self.tr("Passphrase"))
        layout.addWidget(self._field)
        self._message = QLabel(message, self, objectName="unlock_message")
        self._message.setWordWrap(True)
        self._message.setVisible(bool(message))
        layout.addWidget(self._message)
        self._field.setAccessibleDescription(message or intro.text())  # why it asks again
        buttons = QDialogButtonBox(self)
        open_button = buttons.addButton(self.tr("Open"), QDialogButtonBox.ButtonRole.AcceptRole)
        open_button.setObjectName("unlock_open")
        quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setObjectName("unlock_quit")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._field.setFocus()

    def passphrase(self) -> str:
        return self._field.text()


def ask_passphrase(message: str = "") -> str | None:
    """Show the dialog; the passphrase typed, or ``None`` when the person chose Quit."""
    dialog = UnlockDialog(message)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase()
