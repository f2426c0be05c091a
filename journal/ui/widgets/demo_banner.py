"""The quiet line above every page of the demo journal, so it is never taken for one's own."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel


def demo_banner() -> QFrame:
    """A soft panel (the window's own colours, no warning) that says this is the demo."""
    text = QCoreApplication.translate(
        "DemoBanner",
        "Demo journal: made-up entries to look around in. Your own journal is "
        "kept apart and is not changed by anything you do here.",
    )
    frame = QFrame(objectName="demo_banner")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setBackgroundRole(QPalette.ColorRole.AlternateBase)
    frame.setAutoFillBackground(True)
    frame.setAccessibleName(QCoreApplication.translate("DemoBanner", "Demo journal"))
    frame.setAccessibleDescription(text)
    label = QLabel(text, objectName="demo_banner_text", wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    layout = QHBoxLayout(frame)
    layout.setContentsMargins(12, 4, 12, 4)
    layout.addWidget(label, 1)
    return frame
