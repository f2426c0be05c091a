"""Contrast of the palettes ``apply_theme`` produces, measured (WCAG 2, issue 10).

Text on its background reaches 4.5:1 (1.4.3); the outline of every field, text area, list and
table, and the focus ring, reach 3:1 against the window and the field colour (1.4.11). The
outlines and rings are measured on the pixels Fusion actually paints, not on the palette
entries alone, because Fusion derives them from ``Window`` and ``Highlight`` in its own way.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from journal.ui import theme
from tests.ui.helpers import contrast

Role = QPalette.ColorRole
Group = QPalette.ColorGroup
SCHEMES = ["light", "dark"]

#: (text, background) pairs that carry reading text, all at 4.5:1 or more.
TEXT_PAIRS = [
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
    (Role.PlaceholderText, Role.Window),  # hints (``theme.as_hint``) sit on the window
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.Link, Role.Base),
    (Role.Link, Role.Window),
    (Role.LinkVisited, Role.Base),
    (Role.LinkVisited, Role.Window),
    (Role.WindowText, Role.AlternateBase),  # message bars and cards
]


@pytest.fixture(params=SCHEMES)
def scheme(request, restore_theme) -> str:
    """The theme under test, applied to the application (light again afterwards)."""
    theme.apply_theme(restore_theme, request.param)
    return request.param


@pytest.fixture
def host(qtbot):
    """An active window that lays widgets out in a row, on the window colour."""
    windows: list[QWidget] = []  # kept until the test ends

    def make(*widgets: QWidget) -> QWidget:
        window = QWidget()
        windows.append(window)
        layout = QHBoxLayout(window)
        layout.setContentsMargins(10, 10, 10, 10)
        for widget in widgets:
            layout.addWidget(widget)
        qtbot.addWidget(window)
        window.resize(640, 160)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return make


def backgrounds() -> tuple[QColor, QColor]:
    palette = QApplication.palette()
    return palette.color(Role.Window), palette.color(Role.Base)


def left_edge(window: QWidget, widget: QWidget) -> QColor:
    """The colour Fusion painted on ``widget``'s left edge, half-way down."""
    QApplication.processEvents()
    image = window.grab().toImage()
    geometry = widget.geometry()
    return image.pixelColor(geometry.left(), geometry.center().y())


def same_colour(a: QColor, b: QColor) -> bool:
    """Equal but for rounding to 8 bits a channel."""
    return all(abs(x - y) <= 1 for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


@pytest.mark.parametrize("fore, back", TEXT_PAIRS, ids=lambda r: r.name)
def test_text_reaches_4_5_to_1(scheme, fore, back):
    palette = QApplication.palette()
    for group in (Group.Active, Group.Inactive):
        ratio = contrast(palette.color(group, fore), palette.color(group, back))
        assert ratio >= 4.5, f"{scheme} {group.name} {fore.name} on {back.name}: {ratio:.2f}"


def test_disabled_text_stays_readable(scheme):
    # WCAG exempts inactive controls; greyed-out text is still kept at 3:1 so it can be read.
    palette = QApplication.palette()
    for fore in (Role.WindowText, Role.Text, Role.ButtonText, Role.PlaceholderText):
        for back in (Role.Window, Role.Base, Role.Button):
            ratio = contrast(palette.color(Group.Disabled, fore), palette.color(back))
            assert ratio >= 3, f"{scheme} disabled {fore.name} on {back.name}: {ratio:.2f}"


def test_the_outline_and_focus_colours_reach_3_to_1(scheme):
    palette = QApplication.palette()
    outline, focus = theme.outline_colour(palette), theme.focus_colour(palette)
    for back in (Role.Window, Role.Base, Role.Button, Role.AlternateBase):
        assert contrast(outline, palette.color(back)) >= 3, f"{scheme} outline on {back.name}"
        assert contrast(focus, palette.color(back)) >= 3, f"{scheme} focus on {back.name}"
    # a selected row stands out from the rows around it
    for back in (Role.Base, Role.AlternateBase, Role.Window):
        assert contrast(palette.color(Role.Highlight), palette.color(back)) >= 3


@pytest.mark.parametrize(
    "make",
    [
        QLineEdit,
        QSpinBox,
        QDateEdit,
        QPlainTextEdit,
        QTextEdit,
        QListWidget,
        QTableView,
        lambda: QComboBox(editable=True),
        lambda: QComboBox(),
    ],
    ids=["line", "spin", "date", "plain_text", "rich_text", "list", "table", "edit_combo", "combo"],
)
def test_fields_text_areas_lists_and_tables_are_outlined(scheme, host, make):
    widget, elsewhere = make(), QPushButton("elsewhere")
    window = host(widget, elsewhere)
    elsewhere.setFocus()
    edge = left_edge(window, widget)
    for back in backgrounds():
        ratio = contrast(edge, back)
        assert ratio >= 3, f"{scheme} {type(widget).__name__} outline {edge.name()}: {ratio:.2f}"


@pytest.mark.parametrize("make", [QLineEdit, QSpinBox, QPlainTextEdit, QListWidget, QTableView])
def test_the_focused_field_or_area_is_ringed_in_the_focus_colour(scheme, host, qtbot, make):
    widget, elsewhere = make(), QPushButton("elsewhere")
    window = host(widget, elsewhere)
    elsewhere.setFocus()
    resting = left_edge(window, widget)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    ring = left_edge(window, widget)
    for back in backgrounds():
        assert contrast(ring, back) >= 3, f"{scheme} {type(widget).__name__} ring {ring.name()}"
    # it changes visibly: another hue (blue, not grey) and another lightness
    assert ring.hsvHue() != -1 and ring.hsvSaturation() > 60
    assert contrast(ring, resting) >= 1.4, f"{scheme}: ring {ring.name()} vs {resting.name()}"


@pytest.mark.parametrize(
    "make",
    [lambda: QPushButton("Save"), lambda: QCheckBox("Taken"), lambda: QComboBox()],
    ids=["button", "check", "combo"],
)
def test_keyboard_focus_on_buttons_and_boxes_is_ringed(scheme, host, qtbot, make):
    first, widget = QLineEdit(), make()
    window = host(first, widget)
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Tab)  # Fusion rings them only after keyboard moves
    qtbot.waitUntil(widget.hasFocus)
    ring = left_edge(window, widget)
    palette = QApplication.palette()
    assert same_colour(ring, theme.focus_colour(palette)), ring.name()
    for back in (Role.Window, Role.Base, Role.Button):
        assert contrast(ring, palette.color(back)) >= 3, f"{scheme} ring on {back.name}"


def test_leaving_a_text_area_gives_it_its_outline_back(scheme, host, qtbot):
    note, other = QPlainTextEdit(), QLineEdit()
    window = host(note, other)
    other.setFocus()
    resting = left_edge(window, note)
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    assert left_edge(window, note) != resting
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    assert left_edge(window, note) == resting
    assert not note.testAttribute(Qt.WidgetAttribute.WA_SetPalette)  # follows the theme again


def test_a_focused_text_area_follows_a_theme_switch(restore_theme, host, qtbot):
    theme.apply_theme(restore_theme, "light")
    note = QTextEdit()
    window = host(note)
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    light_ring = left_edge(window, note)
    theme.apply_theme(restore_theme, "dark")
    dark_base = theme.palette_for("dark").color(Role.Base)
    qtbot.waitUntil(lambda: note.palette().color(Role.Base) == dark_base)
    dark_ring = left_edge(window, note)
    assert dark_ring != light_ring
    for back in backgrounds():
        assert contrast(dark_ring, back) >= 3


def test_tables_keep_the_scheme_text_and_field_colours(scheme, host, qtbot):
    table = QTableWidget(2, 2)
    host(table)
    for focused in (False, True):
        if focused:
            table.setFocus()
            qtbot.waitUntil(table.hasFocus)
        palette, scheme_palette = table.palette(), theme.palette_for(scheme)
        for role in (
            Role.Base,
            Role.AlternateBase,
            Role.Text,
            Role.Highlight,
            Role.HighlightedText,
        ):
            assert palette.color(role) == scheme_palette.color(role), role.name
        # a delegate drawing a progress bar reads the scheme from the table's palette
        assert theme.is_dark(palette) == (scheme == "dark")


def test_a_palette_set_by_a_page_survives_focus(scheme, host, qtbot):
    own = QPalette()
    own.setColor(Role.Window, QColor("#123456"))
    listing, other = QListWidget(), QLineEdit()
    listing.setPalette(own)
    host(listing, other)
    listing.setFocus()
    qtbot.waitUntil(listing.hasFocus)
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    assert listing.palette().color(Role.Window) == QColor("#123456")


def test_a_calendar_pop_up_keeps_the_scheme_colours(scheme, host):
    # its days outside the allowed range are painted on Window: that must not turn into the
    # light grey from which Fusion derives a date box's outline
    day = QDateEdit(QDate(2026, 3, 15), calendarPopup=True)
    day.setMaximumDate(QDate(2026, 3, 20))
    host(day)
    calendar = day.calendarWidget()
    days = calendar.findChild(QTableView)
    expected = theme.palette_for(scheme).color(Role.Window)
    for widget in (calendar, days):
        assert widget.palette().color(Role.Window) == expected
    assert isinstance(calendar, QCalendarWidget)


def test_a_combo_box_list_keeps_the_scheme_colours(scheme, host, qtbot):
    combo = QComboBox()
    combo.addItems(["friend", "family"])
    host(combo)
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    view.setFocus()
    theme.show_frame_focus(None, view)  # as when the list takes focus: it is drawn as a menu
    assert view.palette().color(Role.Window) == theme.palette_for(scheme).color(Role.Window)
    combo.hidePopup()


def test_spin_boxes_keep_fusion_sizes(scheme):
    # Any application style sheet would make Qt size every spin box itself: 4 px lower than a
    # text box and wider. The outlines come from palettes, so the sizes stay Fusion's.
    spin, line = QSpinBox(), QLineEdit()
    assert spin.sizeHint().height() >= line.sizeHint().height()
