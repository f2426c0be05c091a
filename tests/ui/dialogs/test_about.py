"""About shows the full licence text, read from what was installed with the app."""

import importlib.metadata

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QTextBrowser

from journal import desktop
from journal.ui.dialogs.about import AboutDialog, LicenceDialog


def test_about_opens_the_full_licence(qtbot) -> None:
    about = AboutDialog()
    qtbot.addWidget(about)
    about.show()
    seen = {}

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LicenceDialog):
            QTimer.singleShot(10, read_and_close)
            return
        seen["text"] = dialog.findChild(QTextBrowser, "licence_text").toPlainText()
        dialog.close()

    QTimer.singleShot(0, read_and_close)
    qtbot.mouseClick(about.findChild(QPushButton, "about_licence"), Qt.MouseButton.LeftButton)
    text = seen["text"]
    assert text.strip() == desktop.licence_text().strip()  # word for word
    assert "GNU GENERAL PUBLIC LICENSE" in text and "END OF TERMS AND CONDITIONS" in text


def test_the_licence_comes_from_the_installed_metadata(monkeypatch, tmp_path) -> None:
    class Installed:
        def read_text(self, name: str) -> str | None:
            return "the installed text" if name == "licenses/LICENSE" else None

    monkeypatch.setattr(importlib.metadata, "distribution", lambda name: Installed())
    assert desktop.licence_text() == "the installed text"
