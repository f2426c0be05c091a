"""The one way pages and dialogs scroll: resizable content, a frame only where asked."""

from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QScrollArea, QWidget

from journal.ui.widgets.scrolling import scroll_area, scrolling_page


def test_a_scroll_area_holds_its_content_at_its_width_without_a_frame(qtbot):
    content = QLabel("content")
    scroll = scroll_area(content, "some_scroll", accessible_name="Some")
    qtbot.addWidget(scroll)
    assert scroll.objectName() == "some_scroll"
    assert scroll.accessibleName() == "Some"
    assert scroll.widget() is content
    assert scroll.widgetResizable()
    assert scroll.frameShape() == QFrame.Shape.NoFrame


def test_a_framed_scroll_area_keeps_the_style_s_frame(qtbot):
    scroll = scroll_area(QLabel("a list"), "framed_scroll", framed=True)
    qtbot.addWidget(scroll)
    assert scroll.frameShape() == QScrollArea().frameShape()


def test_a_scrolling_page_is_its_scroll_area_edge_to_edge(qtbot):
    page, content = QWidget(), QLabel("content")
    qtbot.addWidget(page)
    scroll = scrolling_page(page, content, "page_scroll")
    layout = page.layout()
    assert layout.count() == 1 and layout.itemAt(0).widget() is scroll
    assert layout.contentsMargins().left() == layout.contentsMargins().top() == 0
    assert page.findChild(QScrollArea, "page_scroll") is scroll
    assert scroll.widget() is content


def test_a_page_s_own_content_comes_before_its_scroll_area_in_the_focus_chain(qtbot):
    """Showing the page then puts the cursor in its first field, not on the scroll area."""
    page = QWidget()
    qtbot.addWidget(page)
    content = QWidget(page)
    field = QLineEdit(content)
    scroll = scrolling_page(page, content, "page_scroll")
    chain, widget = [], page.nextInFocusChain()
    while widget is not page:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain.index(field) < chain.index(scroll)
