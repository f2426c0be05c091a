"""What the Qt tests share besides fixtures: answering a message box as the person would,
and the WCAG contrast of two colours."""

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox


class DialogAnswer:
    """Clicks a button of the next modal message box, as the person would."""

    def __init__(self, button: str) -> None:
        self.button = button
        self.texts: list[str] = []
        self._tries = 0
        QTimer.singleShot(0, self._answer)

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            self._tries += 1
            if self._tries < 300:  # about 3 s, then give up so no later dialog is answered
                QTimer.singleShot(10, self._answer)
            return
        self.texts.append(f"{box.text()}\n{box.informativeText()}")
        box.findChild(QAbstractButton, self.button).click()

    @property
    def answered(self) -> bool:
        return bool(self.texts)


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, from its definition of relative luminance."""

    def luminance(colour: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b_ = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
