"""What the dialogs shown before the window opens (unlock, a damaged journal) share: a button
that goes on and one that quits the app, and the answer once the person chose."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

_Answer = TypeVar("_Answer")


def go_on_or_quit(
    dialog: QDialog, go_on: str, go_on_name: str, quit_text: str, quit_name: str
) -> QPushButton:
    """Put the two buttons under the dialog's layout: ``go_on`` accepts it, ``quit_text``
    rejects it (the app then quits). The first is returned."""
    buttons = QDialogButtonBox(dialog)
    go = buttons.addButton(go_on, QDialogButtonBox.ButtonRole.AcceptRole)
    go.setObjectName(go_on_name)
    quit_button = buttons.addButton(quit_text, QDialogButtonBox.ButtonRole.RejectRole)
    quit_button.setObjectName(quit_name)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    dialog.layout().addWidget(buttons)
    return go


def answer_of(dialog: QDialog, answer: Callable[[], _Answer]) -> _Answer | None:
    """Show ``dialog`` and wait; ``answer()`` once it was accepted, ``None`` when the person
    chose to quit."""
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return answer()
