"""A section title inside a page: bold, a little larger than the text, smaller than a heading."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

#: How much larger than the text a section title is (a page heading is 1.4).
SECTION_SCALE = 1.15


def section_title(text: str, object_name: str) -> QLabel:
    label = QLabel(text, objectName=object_name)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * SECTION_SCALE)
    font.setBold(True)
    label.setFont(font)
    return label
