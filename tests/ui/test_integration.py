"""The whole window: every page in the sidebar, reminders, help, accessibility, staying fresh."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from journal.domain.records import Commitment, Contact, Day, Medication, Session
from journal.ui import sidebar as sidebar_module
from journal.ui.dialogs.about import AboutDialog, ShortcutsDialog
from tests.helpers import TODAY

PAGES = [
    "Today",
    "People",
    "Treatment",
    "Check-ins",
    "Trends",
    "Insights",
    "Share",
    "Safety plan",
    "Settings",
]


def _titles(window) -> list[str]:
    sidebar = window.findChild(QWidget, "pages")
    return [sidebar.item(i).text() for i in range(sidebar.count())]


def test_every_page_is_in_the_sidebar_and_reachable_by_keyboard(qtbot, main_window) -> None:
    assert _titles(main_window) == PAGES
    stack = main_window.findChild(QWidget, "page_stack")
    for index in range(len(PAGES)):
        main_window.findChild(QWidget, "pages").setCurrentRow(index)
        assert stack.currentIndex() == index
    main_window.show_page(main_window.today_page)
    assert stack.currentWidget() is main_window.today_page
    assert main_window.treatment_panel.parent() is not None  # the day's treatment is on Today


def test_every_focusable_control_has_an_accessible_name(qtbot, main_window) -> None:
    missing = []
    for index in range(len(PAGES)):
        main_window.findChild(QWidget, "pages").setCurrentRow(index)
        QApplication.processEvents()
    for widget in main_window.findChildren(QWidget):
        focusable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isEnabled()
        if (
            not focusable
            or widget.objectName().startswith("qt_")
            or not widget.isVisibleTo(main_window)
        ):
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            continue  # a button's text is its accessible name
        name = widget.accessibleName()
        if not name and type(widget).__name__ in {
            "QScrollBar",
            "QTabBar",
            "QMenuBar",
            "QHeaderView",
            "QScrollArea",
            "GraphicsView",
            "PlotWidget",
            "GraphicsLayoutWidget",
        }:
            continue
        if not name:
            missing.append(f"{type(widget).__name__}#{widget.objectName()}")
    assert missing == []


#: Controls a person types into, picks from or ticks: a screen reader should say more than
#: their name (the range, the format, what they are for). Spin boxes include date and time.
INPUT_CONTROLS = (
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QPlainTextEdit,
    QTextEdit,
    QCheckBox,
    QRadioButton,
    QAbstractSlider,
    QAbstractItemView,
)


def _is_input_control(widget: QWidget) -> bool:
    if isinstance(widget, QScrollBar | QHeaderView):
        return False
    if isinstance(widget, INPUT_CONTROLS):
        return True
    # the app's own input widgets (the questionnaire, which answers digits typed at it)
    own = type(widget).__module__.startswith("journal.ui")
    return own and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _part_of_another_control(widget: QWidget, page: QWidget) -> bool:
    """A spin box's line edit, a combo box's or a completer's pop-up list, a calendar's
    table: described by the control they belong to."""
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, (*INPUT_CONTROLS, QCalendarWidget)):
            return True
        parent = parent.parentWidget()
    return False


def _every_tab_shown(page: QWidget) -> None:
    """Show each tab of each tab widget of ``page`` once, so tabs built when shown exist."""
    for tabs in page.findChildren(QTabWidget):
        shown = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
        tabs.setCurrentIndex(shown)


def test_every_input_control_has_an_accessible_description(qtbot, main_window) -> None:
    """The hint beside a field ("0 = worst, 10 = best"), its range or what it does reaches a
    screen reader as the control's description, on every page and every tab (hidden and
    disabled controls too: they are described before they are shown or enabled)."""
    journal = main_window.journal
    journal.add_medication(Medication(name="Sertraline", doses_per_day=1, started_on=TODAY))
    journal.add_medication(Medication(name="Vitamin D", doses_per_day=6, started_on=TODAY))
    journal.add_commitment(Commitment(title="Walk", kind="goal", per_week=3, started_on=TODAY))
    journal.add_session(Session(date=TODAY, status="planned", mode="video"))
    journal.add_session(Session(date=TODAY, status="attended", mode="phone", felt_heard=4))
    journal.save_day_with_contacts(
        Day(date=TODAY, mood=6), [Contact(date=TODAY, kind="friend", mode="phone", quality=4)]
    )
    journal.add_person("Ana", "friend")
    journal.add_topic("Sleep")
    main_window.today_page.reload()
    main_window.treatment_panel.refresh()
    missing = []
    for key, *_rest in sidebar_module.PAGES:
        page = main_window.page(key)
        main_window.show_page(key)
        QApplication.processEvents()
        if key == "checkins":
            page.start()  # the questionnaire's own controls: the date and the answers
            QApplication.processEvents()
        _every_tab_shown(page)
        controls = [
            w
            for w in page.findChildren(QWidget)
            if _is_input_control(w)
            and not w.objectName().startswith("qt_")
            and not _part_of_another_control(w, page)
        ]
        assert controls, key
        missing += [
            f"{w.objectName()} ({type(w).__name__}) on {key}"
            for w in controls
            if not w.accessibleDescription().strip()
        ]
    assert missing == [], "no accessible description: " + "; ".join(missing)


def test_pages_catch_up_with_changes_made_elsewhere(qtbot, main_window) -> None:
    journal = main_window.journal
    insights = main_window.insights_page
    main_window.show_page(insights)
    before = insights.sentences()
    for offset in range(20):
        date = TODAY - dt.timedelta(days=offset)
        journal.save_day_with_contacts(
            Day(date=date, mood=3 + offset % 5),
            [Contact(date=date, kind="friend", mode="phone", quality=1 + offset % 5)],
        )
    main_window.show_page(main_window.today_page)
    main_window.show_page(insights)
    assert insights.sentences() != before


def test_the_daily_reminder_is_an_invitation_once_a_day(qtbot, main_window) -> None:
    journal = main_window.journal
    assert not main_window.check_reminder()  # off until a time is chosen
    journal.update_settings(reminder_time="09:00")  # the fixed clock says 10:00
    assert main_window.check_reminder()
    bar = main_window.findChild(QWidget, "reminder_bar")
    assert "Would you like to take a minute" in bar.text
    assert not main_window.check_reminder()  # once a day
    main_window._reminded_on = None
    journal.save_day(Day(date=TODAY, mood=6))
    assert not main_window.check_reminder()  # already checked in today


def test_help_dialogs_list_shortcuts_credits_and_the_privacy_promise(qtbot) -> None:
    shortcuts = ShortcutsDialog()
    qtbot.addWidget(shortcuts)
    table = shortcuts.findChild(QWidget, "shortcuts")
    keys = {table.item(row, 0).text() for row in range(table.rowCount())}
    assert {"Ctrl+S", "Ctrl+N", "Ctrl+T", "F1"} <= keys
    about = AboutDialog()
    qtbot.addWidget(about)
    text = about.findChild(QWidget, "about_text").toPlainText()
    for words in ("no network code", "Spitzer", "World Health Organization", "Hughes", "LGPL-3.0"):
        assert words in text


def test_the_shortcuts_dialog_shows_every_row_and_draws_no_grid(qtbot) -> None:
    shortcuts = ShortcutsDialog()
    qtbot.addWidget(shortcuts)
    shortcuts.show()
    qtbot.waitExposed(shortcuts)
    table = shortcuts.findChild(QWidget, "shortcuts")
    table.setFocus()  # focus once turned Fusion's grid blue with the frame
    last = table.rowCount() - 1
    bottom = table.rowViewportPosition(last) + table.rowHeight(last)
    assert table.rowViewportPosition(last) >= 0 and bottom <= table.viewport().height()
    assert not table.showGrid() and table.alternatingRowColors()
    assert (
        "Esc"
        in table.item(
            next(r for r in range(table.rowCount()) if "Enter /" in table.item(r, 0).text()), 0
        ).text()
    )
