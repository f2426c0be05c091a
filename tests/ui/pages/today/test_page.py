"""The Today page, driven with the keyboard and mouse; results checked in the journal."""

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDateTimeEdit,
    QLabel,
    QPushButton,
    QWidget,
)

from journal.domain.records import Day
from journal.ui import theme
from tests.helpers import TODAY

YESTERDAY = TODAY - dt.timedelta(days=1)


def widget(window, name, kind=QWidget):
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def type_into_focus(qtbot, text):
    qtbot.keyClicks(QApplication.focusWidget(), text)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def save_with_keyboard(qtbot):
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_a_check_in_typed_with_the_keyboard_is_saved_and_shown_again(
    qtbot, open_window, stored_day
):
    window = open_window()
    assert QApplication.focusWidget() is widget(window, "mood")  # ready to type at once
    for text in ("6", "3", "7", "5", "8", "7.5", "walk, music"):
        type_into_focus(qtbot, text)
        press(qtbot, Qt.Key.Key_Tab)
    type_into_focus(qtbot, "Coffee with Ana.")
    with qtbot.waitSignal(window.today_page.day_saved) as saved:
        save_with_keyboard(qtbot)
    assert saved.args == [TODAY]
    assert "Saved" in window.statusBar().currentMessage()
    window.close()

    assert stored_day(TODAY) == Day(
        date=TODAY,
        mood=6,
        anxiety=3,
        loneliness=7,
        energy=5,
        physical=8,
        sleep_hours=7.5,
        coping=("walk", "music"),
        note="Coffee with Ana.",
    )
    reopened = open_window()
    shown = [
        widget(reopened, name).text()
        for name in ("mood", "anxiety", "loneliness", "energy", "physical", "sleep_hours")
    ]
    assert shown == ["6", "3", "7", "5", "8", "7.5"]
    assert widget(reopened, "coping").text() == "walk, music"
    assert reopened.findChild(object, "note").toPlainText() == "Coffee with Ana."


def test_tab_follows_the_screen_from_the_date_to_save(qtbot, main_window):
    widget(main_window, "date", QDateEdit).setFocus()
    order = [QApplication.focusWidget().objectName()]
    for _ in range(9):
        press(qtbot, Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())
    assert order == [
        "date",
        "mood",
        "anxiety",
        "loneliness",
        "energy",
        "physical",
        "sleep_hours",
        "coping",
        "note",
        "save",
    ]


def test_enter_in_a_rating_moves_on_without_saving(qtbot, main_window):
    type_into_focus(qtbot, "6")
    press(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is widget(main_window, "anxiety")
    assert main_window.journal.day(TODAY) is None


def test_out_of_range_and_missing_values_are_named_beside_their_fields(qtbot, main_window):
    qtbot.keyClicks(widget(main_window, "anxiety"), "4")
    qtbot.keyClicks(widget(main_window, "sleep_hours"), "30")
    save_with_keyboard(qtbot)

    mood_error = widget(main_window, "mood_error", QLabel)
    sleep_error = widget(main_window, "sleep_hours_error", QLabel)
    assert mood_error.isVisible() and "mood is required" in mood_error.text()
    assert sleep_error.isVisible() and "sleep hours must be between 0 and 24" in sleep_error.text()
    assert mood_error.text().startswith("⚠")  # not colour alone
    assert not widget(main_window, "anxiety_error", QLabel).isVisible()
    assert QApplication.focusWidget() is widget(main_window, "mood")
    assert main_window.journal.day(TODAY) is None


def test_mood_is_required(qtbot, main_window):
    qtbot.keyClicks(widget(main_window, "anxiety"), "4")
    qtbot.mouseClick(widget(main_window, "save", QPushButton), Qt.MouseButton.LeftButton)

    assert "mood is required" in widget(main_window, "mood_error", QLabel).text()
    assert main_window.journal.day(TODAY) is None


def test_a_correct_save_clears_the_messages(qtbot, main_window):
    qtbot.keyClicks(widget(main_window, "anxiety"), "2")
    save_with_keyboard(qtbot)
    assert widget(main_window, "mood_error", QLabel).isVisible()
    mood = widget(main_window, "mood")
    qtbot.keyClicks(mood, "5")
    save_with_keyboard(qtbot)

    assert not widget(main_window, "mood_error", QLabel).isVisible()
    assert main_window.journal.day(TODAY).mood == 5


def test_the_date_cannot_go_beyond_today(qtbot, main_window):
    date = widget(main_window, "date", QDateEdit)
    next_day = widget(main_window, "next_day", QPushButton)
    assert date.maximumDate() == QDate(TODAY)
    assert not next_day.isEnabled()

    date.setDate(QDate(TODAY + dt.timedelta(days=1)))
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert main_window.today_page.date == TODAY


def test_previous_day_loads_that_days_values(qtbot, seed_days, open_window):
    seed_days(Day(date=YESTERDAY, mood=4, sleep_hours=6.5, note="Rainy."))
    window = open_window()
    assert widget(window, "mood").text() == ""

    qtbot.mouseClick(widget(window, "previous_day", QPushButton), Qt.MouseButton.LeftButton)
    assert widget(window, "mood").text() == "4"
    assert widget(window, "sleep_hours").text() == "6.5"
    assert window.findChild(object, "note").toPlainText() == "Rainy."
    assert widget(window, "next_day", QPushButton).isEnabled()

    press(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)  # back to today
    qtbot.waitUntil(lambda: window.today_page.date == TODAY)  # a shortcut animates the click
    assert widget(window, "mood").text() == ""


def test_changing_day_saves_valid_edits(qtbot, main_window):
    qtbot.keyClicks(widget(main_window, "mood"), "7")
    with qtbot.waitSignal(main_window.today_page.day_saved):
        press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)

    assert main_window.today_page.date == YESTERDAY
    assert main_window.journal.day(TODAY).mood == 7
    assert main_window.journal.day(YESTERDAY) is None


def test_closing_saves_valid_edits(qtbot, main_window, stored_day):
    qtbot.keyClicks(widget(main_window, "mood"), "3")
    qtbot.keyClicks(main_window.findChild(object, "note"), "Tired.")
    assert main_window.close()
    assert stored_day(TODAY) == Day(date=TODAY, mood=3, note="Tired.")


def test_leaving_invalid_edits_asks_and_keep_editing_stays(qtbot, main_window, answer_dialog):
    qtbot.keyClicks(widget(main_window, "mood"), "5")
    qtbot.keyClicks(widget(main_window, "sleep_hours"), "30")
    answer = answer_dialog("keep_editing")
    qtbot.mouseClick(widget(main_window, "previous_day", QPushButton), Qt.MouseButton.LeftButton)

    assert answer.answered and "sleep hours must be between 0 and 24" in answer.texts[0]
    assert main_window.today_page.date == TODAY
    assert widget(main_window, "date", QDateEdit).date() == QDate(TODAY)
    assert widget(main_window, "sleep_hours").text() == "30"  # the typing is still there
    assert main_window.journal.day(TODAY) is None


def test_leaving_invalid_edits_can_discard_them(qtbot, main_window, answer_dialog):
    qtbot.keyClicks(widget(main_window, "sleep_hours"), "30")
    answer = answer_dialog("discard_changes")
    qtbot.mouseClick(widget(main_window, "previous_day", QPushButton), Qt.MouseButton.LeftButton)

    assert answer.answered
    assert main_window.today_page.date == YESTERDAY
    assert main_window.journal.day(TODAY) is None


def test_closing_with_invalid_edits_asks_first(qtbot, main_window, answer_dialog, stored_day):
    qtbot.keyClicks(widget(main_window, "sleep_hours"), "x")
    answer = answer_dialog("keep_editing")
    assert not main_window.close()
    assert answer.answered and main_window.isVisible()

    answer = answer_dialog("discard_changes")
    assert main_window.close()
    assert answer.answered
    assert stored_day(TODAY) is None


def test_saving_from_the_form_keeps_the_coping_tags_it_shows(
    qtbot, seed_days, open_window, stored_day
):
    seed_days(Day(date=TODAY, mood=4, coping=("walk", "music")))
    window = open_window()
    assert widget(window, "coping").text() == "walk, music"
    qtbot.keyClicks(widget(window, "mood"), "6")
    save_with_keyboard(qtbot)
    window.close()

    assert stored_day(TODAY) == Day(date=TODAY, mood=6, coping=("walk", "music"))


def test_a_typed_date_loads_when_the_date_box_is_left(qtbot, seed_days, open_window):
    seed_days(Day(date=dt.date(2026, 3, 9), mood=2))
    window = open_window()
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # mood → date
    assert QApplication.focusWidget() is widget(window, "date", QDateEdit)
    # the day's place in the box follows the locale (d/M/yyyy, M/d/yyyy, yyyy-MM-dd …)
    widget(window, "date", QDateEdit).setSelectedSection(QDateTimeEdit.Section.DaySection)
    type_into_focus(qtbot, "09")
    assert window.today_page.date == TODAY  # not while typing
    press(qtbot, Qt.Key.Key_Tab)

    assert window.today_page.date == dt.date(2026, 3, 9)
    assert QApplication.focusWidget() is widget(window, "mood")
    assert widget(window, "mood").text() == "2"


def test_messages_follow_the_theme(qtbot, main_window, restore_theme):
    save_with_keyboard(qtbot)  # mood is empty
    mood_error = widget(main_window, "mood_error", QLabel)
    for mode in ("dark", "light", "dark"):
        theme.apply_theme(restore_theme, mode)  # widgets hear of it through posted events
        qtbot.waitUntil(lambda m=mode: theme.is_dark(mood_error.palette()) == (m == "dark"))
        palette = mood_error.palette()
        assert palette.color(mood_error.foregroundRole()) == theme.notice_colour(palette)


def test_looking_at_a_day_does_not_rewrite_it(qtbot, seed_days, open_window, stored_day):
    seed_days(Day(date=YESTERDAY, mood=5, note="line one\r\nline two"))
    window = open_window()
    qtbot.mouseClick(widget(window, "previous_day", QPushButton), Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(window.today_page.day_saved):
        window.close()
    assert stored_day(YESTERDAY).note == "line one\r\nline two"


def test_the_today_page_never_needs_a_sideways_scroll(qtbot, main_window) -> None:
    """Side by side when both columns fit (the default window), stacked when they do not;
    in neither case is anything cut off to the right."""
    from PySide6.QtWidgets import QApplication, QBoxLayout, QScrollArea

    from journal.ui.geometry import DEFAULT_SIZE

    main_window.show()
    page = main_window.today_page
    scroll = page.findChild(QScrollArea, "today_scroll")
    default = (DEFAULT_SIZE.width(), DEFAULT_SIZE.height())
    for size, side_by_side in ((default, True), ((1000, 700), False), ((820, 600), False)):
        main_window.resize(*size)
        QApplication.processEvents()  # the resize is delivered
        direction = page._columns.direction()
        assert (direction == QBoxLayout.Direction.LeftToRight) is side_by_side, size
        assert scroll.horizontalScrollBar().maximum() == 0, size
