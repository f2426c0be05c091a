"""The words that open a page or a part of it: the page's heading and intro, a section title
(bold, a little larger than the text, smaller than a heading) and a quieter explanation."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from journal.ui import theme

#: How much larger than the text a section title is (a page heading is 1.4).
SECTION_SCALE = 1.15


def page_column(page: QWidget, heading: str, name: str, intro: str = "") -> QVBoxLayout:
    """The layout of ``page`` within the page margins, opening with its heading
    (``<name>_heading``) and, when there is one, what the page is for (``<name>_intro``)."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(*theme.PAGE_MARGINS)
    layout.addWidget(theme.as_heading(QLabel(heading, objectName=f"{name}_heading")))
    if intro:
        layout.addWidget(hint_label(intro, f"{name}_intro"))
    return layout


def section_title(text: str, object_name: str) -> QLabel:
    label = QLabel(text, objectName=object_name)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * SECTION_SCALE)
    font.setBold(True)
    label.setFont(font)
    return label


def hint_label(text: str, object_name: str) -> QLabel:
    """What a page or section is for, wrapped, in the quieter hint colour."""
    return theme.as_hint(QLabel(text, objectName=object_name, wordWrap=True))
