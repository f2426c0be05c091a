"""The day bar: which day a page shows, and the ways to move to another one.

A date box (in the same words as the page's heading, the locale's) with a calendar pop-up
(F4) in which days with a check-in are bold and underlined,
and Previous / Next / Today buttons. Shortcuts, active while the bar is on screen: Alt+Left,
Alt+Right, Ctrl+T (and Alt+Home) for the previous day, the next day and today.

The bar never changes day by itself: it asks with ``date_requested`` and the page answers with
``set_date`` (the same day again when it refuses, e.g. a future day or edits to keep).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QTextCharFormat
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from journal.ui import theme
from journal.ui.locale import date_display_format

#: Days before the first and after the last of a month the calendar also shows.
_CALENDAR_MARGIN = dt.timedelta(days=14)

MarkedDays = Callable[[dt.date, dt.date], Iterable[dt.date]]


class DayEdit(QDateEdit):
    """A date box that Tab leaves at once, as the screen reads: date, then the first field.

    Qt's date box would walk its year, month and day with Tab first; here those are reached by
    typing (a full section moves on), Left/Right and the arrow keys, or the calendar (F4).
    """

    def __init__(self, **properties: object) -> None:
        super().__init__(**properties)
        self.setCalendarPopup(True)
        # as the page's heading writes the day; without the weekday, which a date box would
        # hold fixed while the day is typed
        self.setDisplayFormat(date_display_format("date"))
        self.setKeyboardTracking(False)  # a half-typed date is not a day to load
        theme.calm_calendar(self.calendarWidget())

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


class DayBar(QWidget):
    """Choose the day shown, up to ``today()``; ``marked_days(start, end)`` gives the days to
    mark in the calendar.

    Signals:
        date_requested(datetime.date): the person asked for this day (possibly a future one,
            which the page refuses).
    """

    date_requested = Signal(object)

    def __init__(
        self, today: Callable[[], dt.date], marked_days: MarkedDays, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("day_bar")
        self._today = today
        self._marked_days = marked_days
        self._date = today()

        self.date_edit = DayEdit(objectName="date")
        self.date_edit.setAccessibleName(self.tr("Day"))
        explanation = self.tr(
            "The day shown. F4 opens a calendar; days with a check-in are bold and underlined."
        )
        self.date_edit.setToolTip(explanation)
        self.date_edit.setAccessibleDescription(explanation)
        self._previous = self._day_button("previous_day", self.tr("◀ Previous day"), "Alt+Left")
        self._next = self._day_button("next_day", self.tr("Next day ▶"), "Alt+Right")
        self._today_button = self._day_button("today", self.tr("Today"), "Ctrl+T")
        label = QLabel(self.tr("&Day"))
        label.setBuddy(self.date_edit)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (label, self.date_edit, self._previous, self._next, self._today_button):
            layout.addWidget(widget)
        layout.addStretch(1)

        self.date_edit.dateChanged.connect(self._on_date_edit_date_changed)
        self.date_edit.calendarWidget().currentPageChanged.connect(
            self._on_calendar_current_page_changed
        )
        self._previous.clicked.connect(self._on_previous_clicked)
        self._next.clicked.connect(self._on_next_clicked)
        self._today_button.clicked.connect(self._on_today_clicked)
        for keys, slot in (
            ("Alt+Left", self._on_previous_clicked),
            ("Alt+Right", self._on_next_clicked),
            ("Ctrl+T", self._on_today_clicked),
            ("Alt+Home", self._on_today_clicked),
        ):
            # Shortcuts rather than the buttons' own, so Alt+Right on today still reaches the
            # page (which says why) although the Next button is disabled there.
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    # --- public ------------------------------------------------------------------------------

    def buttons(self) -> tuple[QPushButton, ...]:
        """Previous, next and today, in screen order (for the page's Tab chain)."""
        return self._previous, self._next, self._today_button

    def set_date(self, date: dt.date) -> None:
        """Show ``date``; today (which moves on at midnight) is the latest day to choose."""
        today = self._today()
        self._date = date
        with QSignalBlocker(self.date_edit):
            self.date_edit.setMaximumDate(QDate(today))
            self.date_edit.setDate(QDate(date))
        self._next.setEnabled(date < today)
        self._today_button.setEnabled(date != today)
        self._previous.setEnabled(QDate(date) > self.date_edit.minimumDate())
        self.refresh_marks()

    def refresh_marks(self) -> None:
        """Mark again the days with a check-in in the calendar's month (after a save)."""
        calendar = self.date_edit.calendarWidget()
        self._mark_month(calendar.yearShown(), calendar.monthShown())

    # --- building ----------------------------------------------------------------------------

    def _day_button(self, name: str, text: str, keys: str) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setAccessibleName(text.strip("◀▶ "))
        shortcut = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(
            self.tr("{action} ({keys})").format(action=button.accessibleName(), keys=shortcut)
        )
        button.setAutoDefault(False)
        return button

    def _mark_month(self, year: int, month: int) -> None:
        calendar = self.date_edit.calendarWidget()
        calendar.setDateTextFormat(QDate(), QTextCharFormat())  # a null date clears them all
        first = dt.date(year, month, 1)
        start, end = first - _CALENDAR_MARGIN, first + dt.timedelta(days=31) + _CALENDAR_MARGIN
        marked = QTextCharFormat()
        marked.setFontWeight(QFont.Weight.Bold)  # not colour alone: bold and underlined
        marked.setFontUnderline(True)
        for day in self._marked_days(start, end):
            calendar.setDateTextFormat(QDate(day), marked)

    # --- slots -------------------------------------------------------------------------------

    def _on_date_edit_date_changed(self, date: QDate) -> None:
        chosen = date.toPython()
        if chosen != self._date:
            self.date_requested.emit(chosen)

    def _on_calendar_current_page_changed(self, year: int, month: int) -> None:
        self._mark_month(year, month)

    def _on_previous_clicked(self) -> None:
        self.date_requested.emit(self._date - dt.timedelta(days=1))

    def _on_next_clicked(self) -> None:
        self.date_requested.emit(self._date + dt.timedelta(days=1))

    def _on_today_clicked(self) -> None:
        self.date_requested.emit(self._today())
