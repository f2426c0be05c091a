"""The one question asked before typed words could be lost: keep editing, or discard."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from journal.ui.widgets.notices import NOTICE_SYMBOL


def ask_to_discard(parent: QWidget, why: str, problems: Mapping[str, str]) -> bool:
    """Ask whether to drop edits that could not be saved; True means discard them.

    "Keep editing" is the default and the Escape answer, so nothing is lost by a stray key.
    """
    box = QMessageBox(parent, objectName="unsaved_changes")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("unsaved_changes", "Unsaved changes"))
    box.setText(why)
    details = "\n".join(f"{NOTICE_SYMBOL} {message}" for message in problems.values())
    box.setInformativeText(
        (details + "\n\n" if details else "")
        + QCoreApplication.translate(
            "unsaved_changes", "Keep editing to correct them, or discard the changes."
        )
    )
    keep = box.addButton(
        QCoreApplication.translate("unsaved_changes", "Keep editing"),
        QMessageBox.ButtonRole.RejectRole,
    )
    keep.setObjectName("keep_editing")
    discard = box.addButton(
        QCoreApplication.translate("unsaved_changes", "Discard changes"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    discard.setObjectName("discard_changes")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard
