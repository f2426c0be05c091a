"""Content that scrolls: a small window or a large font scrolls rather than squeezing or
clipping fields. Pages scroll edge to edge without a frame; a list inside a dialog keeps one."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scroll_area(
    content: QWidget,
    name: str,
    *,
    framed: bool = False,
    accessible_name: str = "",
    parent: QWidget | None = None,
) -> QScrollArea:
    """``content`` in an area that scrolls it up and down, at the area's width."""
    scroll = QScrollArea(parent, objectName=name)
    if accessible_name:
        scroll.setAccessibleName(accessible_name)
    scroll.setWidgetResizable(True)
    if not framed:
        scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    return scroll


def scrolling_page(page: QWidget, content: QWidget, name: str) -> QScrollArea:
    """Make ``content`` the whole of ``page``, scrolling, with no margin of its own (the
    content keeps the page margins).

    The area is the page's child from the start, so it comes after the content in the focus
    chain when the content is the page's child already: showing the page then puts the cursor
    in its first field, not on the scroll area.
    """
    scroll = scroll_area(content, name, parent=page)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)
    return scroll
