"""The month calendar coloured by mood: what it asks the journal while it paints."""

import datetime as dt

from PySide6.QtWidgets import QApplication

from journal.ui.widgets.mood_calendar import MoodCalendar
from tests.helpers import TODAY


def _settle() -> None:
    """Let the loop run its pending work twice: a painting's, then what it left for later."""
    for _ in range(2):
        QApplication.processEvents()


def test_a_painting_asks_for_today_once_and_the_next_asks_again(qtbot):
    asked: list[dt.date] = []
    days = [TODAY]

    def today() -> dt.date:
        asked.append(days[0])
        return days[0]

    calendar = MoodCalendar(today, lambda start, end: {TODAY: 7})
    qtbot.addWidget(calendar)
    calendar.show()
    qtbot.waitExposed(calendar)
    _settle()
    asked.clear()
    calendar.grab()  # paints every cell of the month
    assert asked == [TODAY]  # once, not once per cell
    days[0] = TODAY + dt.timedelta(days=1)  # midnight passed
    _settle()
    calendar.grab()
    assert asked == [TODAY, TODAY + dt.timedelta(days=1)]
