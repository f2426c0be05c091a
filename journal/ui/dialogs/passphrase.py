"""Choosing a new passphrase: typed twice, checked beside the field."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from journal.domain.errors import ValidationError
from journal.domain.passphrase import MIN_PASSPHRASE, check_passphrase
from journal.i18n import format_number
from journal.ui import theme
from journal.ui.widgets.notices import NOTICE_SYMBOL, accept_if_valid

_REPEAT = "repeat_passphrase"  # the problem of the second field: not the same as the first


class NewPassphraseDialog(QDialog):
    """Asks for a new passphrase twice; ``passphrase()`` once accepted."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_passphrase_dialog")
        self.setWindowTitle(title)
        # wide enough that the wrapped intro reads in a few lines (a narrow dialog squeezed it
        # to five and could clip its first line)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your journal and its backups will be encrypted with this passphrase. Keep it "
                "somewhere safe: without it the journal cannot be opened, by anyone, you "
                "included."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self._first = QLineEdit(self, objectName="new_passphrase")
        self._second = QLineEdit(self, objectName="repeat_passphrase")
        for field, name in (
            (self._first, self.tr("New passphrase")),
            (self._second, self.tr("The same again")),
        ):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAccessibleName(name)
            form.addRow(name, field)
        self._first.setAccessibleDescription(
            self.tr(
                "At least {count} characters besides spaces; without it the journal cannot be "
                "opened"
            ).format(count=format_number(MIN_PASSPHRASE, 0))
        )
        self._second.setAccessibleDescription(
            self.tr("Type it once more, so a slip of the keyboard is caught")
        )
        layout.addLayout(form)
        self._error = QLabel("", self, objectName="passphrase_error")
        self._error.setWordWrap(True)
        theme.paint_as_notice(self._error)
        layout.addWidget(self._error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_buttons_accepted(self) -> None:
        accept_if_valid(self, self._check, self._show_problem)

    def _check(self) -> None:
        check_passphrase(self._first.text())
        if self._first.text() != self._second.text():
            raise ValidationError(_REPEAT, self.tr("the two passphrases are not the same"))

    def _show_problem(self, problems: dict[str, str]) -> None:
        """The first problem under the fields; the cursor in the field it is about."""
        field, message = next(iter(problems.items()))
        self._error.setText(f"{NOTICE_SYMBOL} {message}")
        (self._second if field == _REPEAT else self._first).setFocus()

    def passphrase(self) -> str:
        return self._first.text()
