"""First run: the welcome on an empty journal, its reminder, and what the empty pages promise."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QPushButton

from journal.domain.records import Day
from journal.services import Journal
from journal.ui.widgets import welcome as welcome_module
from tests.helpers import TODAY, fixed_clock


def _seed_days(journal_dir, count: int) -> None:
    journal = Journal.open(journal_dir, clock=fixed_clock)
    try:
        for back in range(count):
            journal.save_day(Day(date=TODAY - dt.timedelta(days=back), mood=5 + back % 3))
    finally:
        journal.close()


def _stored_settings(journal_dir):
    journal = Journal.open(journal_dir, clock=fixed_clock, lock=False)
    try:
        return journal.settings()
    finally:
        journal.close()


def test_an_empty_journal_is_welcomed_in_three_lines_and_starts_fresh(qtbot, open_window):
    window = open_window()
    panel = window.findChild(object, "welcome")
    assert panel.isVisible()
    text = window.findChild(object, "welcome_text").text()
    assert len(text.splitlines()) == 3 and "nothing is sent anywhere" in text
    assert window.journal.settings().reminder_time == ""  # off until chosen
    window.show_page("trends")
    assert not panel.isVisible()  # it belongs to Today, not to every page
    window.show_page("today")
    assert panel.isVisible()
    qtbot.mouseClick(window.findChild(QPushButton, "welcome_start"), Qt.MouseButton.LeftButton)
    assert not panel.isVisible() and window.today_page.isVisible()


def test_the_reminder_is_chosen_by_mouse_and_turned_off_by_key(qtbot, open_window, journal_dir):
    window = open_window()
    remind = window.findChild(QCheckBox, "welcome_remind")
    qtbot.mouseClick(remind, Qt.MouseButton.LeftButton)
    assert window.journal.settings().reminder_time == "20:00"
    assert _stored_settings(journal_dir).reminder_time == "20:00"
    remind.setFocus()
    qtbot.keyClick(remind, Qt.Key.Key_Space)
    assert window.journal.settings().reminder_time == ""


def test_the_demo_opens_apart_and_never_in_ones_own_journal(qtbot, open_window, monkeypatch):
    launched = []
    monkeypatch.setattr(welcome_module, "launch_demo", lambda: launched.append(1) or True)
    window = open_window()
    demo = window.findChild(QPushButton, "welcome_demo")
    demo.setFocus()
    qtbot.keyClick(demo, Qt.Key.Key_Space)
    assert launched == [1] and window.journal.is_empty()
    assert "window of its own" in window.findChild(object, "welcome_note").text()


def test_a_journal_with_entries_has_no_welcome_and_the_first_check_in_ends_it(
    qtbot, open_window, journal_dir
):
    window = open_window()
    window.today_page.day_saved.emit(TODAY)
    assert not window.findChild(object, "welcome").isVisible()
    window.close()
    _seed_days(journal_dir, 1)
    assert open_window().findChild(object, "welcome") is None


def _empty_state(window, key):
    window.show_page(key)
    return window.page(key).findChild(object, "empty_state")


def test_empty_chart_pages_say_what_will_appear_and_after_how_many_days(
    qtbot, open_window, journal_dir
):
    _seed_days(journal_dir, 3)
    window = open_window()
    trends = _empty_state(window, "trends")
    assert trends.isVisible() and "3 of 14 days logged." in trends.text
    assert "once there are 14 days" in trends.text
    insights = _empty_state(window, "insights")
    assert insights.isVisible() and "3 of 30 days logged." in insights.text
    checkins = _empty_state(window, "checkins")
    assert checkins.isVisible() and "0 of 2 questionnaires taken." in checkins.text


def test_the_empty_state_goes_once_there_is_enough(qtbot, open_window, journal_dir):
    _seed_days(journal_dir, 30)
    window = open_window()
    assert not _empty_state(window, "trends").isVisible()
    assert not _empty_state(window, "insights").isVisible()
