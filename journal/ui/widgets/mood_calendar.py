"""A month calendar coloured by mood, to browse the days and open one.

Each day with a check-in is filled with its mood's colour from the one palette and shows the
mood's number under the day's, so colour is never the only carrier; today is ringed. Arrows move
between days, Page Up/Down between months; Enter or a click opens the day (``day_opened``).
Days after today cannot be chosen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QLocale, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QCalendarWidget, QWidget

from journal import palette
from journal.ui import theme

#: ``moods(start, end)``: each checked-in day's mood in that span.
MoodsBetween = Callable[[dt.date, dt.date], dict[dt.date, int]]
_MARGIN = dt.timedelta(days=14)  # the days of the months before and after that are shown


class MoodCalendar(QCalendarWidget):
    """Shows the moods of the month on screen; ``refresh`` after a save.

    Signals:
        day_opened(datetime.date): the person clicked a day or pressed Enter on it.
    """

    day_opened = Signal(object)

    def __init__(
        self, today: Callable[[], dt.date], moods: MoodsBetween, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mood_calendar")
        self._today = today
        self._moods_between = moods
        self._moods: dict[dt.date, int] = {}
        self._painting_today: dt.date | None = None  # today, for the cells of one painting
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setGridVisible(False)
        self.setAccessibleName(self.tr("Month calendar"))
        self.setAccessibleDescription(
            self.tr(
                "Days coloured by mood, with the mood's number under the day. Arrows move between "
                "days, Page Up and Page Down between months; Enter or a click opens the day"
            )
        )
        theme.calm_calendar(self)
        self.setMaximumDate(QDate(today()))
        self.currentPageChanged.connect(self._on_current_page_changed)
        self.clicked.connect(self._on_day_chosen)
        self.activated.connect(self._on_day_chosen)
        self.refresh()

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        names = (self.locale().dayName(day, QLocale.FormatType.ShortFormat) for day in range(1, 8))
        widest = max(metrics.horizontalAdvance(name) for name in names)
        cell_w = max(metrics.horizontalAdvance("00") + 18, widest + 14)
        cell_h = metrics.height() * 2 + 8
        return QSize(cell_w * 7 + 8, cell_h * 7 + metrics.height() * 2 + 16)

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    def mood_on(self, date: dt.date) -> int | None:
        return self._moods.get(date)

    def show_date(self, date: dt.date) -> None:
        """Select ``date`` (the day the page shows) and turn to its month."""
        self.setMaximumDate(QDate(self._today()))
        self.blockSignals(True)
        self.setSelectedDate(QDate(date))
        self.blockSignals(False)
        if (self.yearShown(), self.monthShown()) != (date.year, date.month):
            self.setCurrentPage(date.year, date.month)  # refreshes through the signal
        else:
            self.refresh()

    def refresh(self) -> None:
        """Read the moods of the month shown (and the edges of its neighbours) again."""
        first = dt.date(self.yearShown(), self.monthShown(), 1)
        self._moods = self._moods_between(first - _MARGIN, first + dt.timedelta(days=31) + _MARGIN)
        self.updateCells()

    def _today_while_painting(self) -> dt.date:
        """``today()`` once for all the cells painted together (each asks the journal's
        settings otherwise: 42 times a month), asked again at the next painting."""
        if self._painting_today is None:
            self._painting_today = self._today()
            QTimer.singleShot(0, self._forget_today)  # once this painting is done
        return self._painting_today

    def _forget_today(self) -> None:
        self._painting_today = None

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        day = date.toPython()
        today = self._today_while_painting()
        colours = self.palette()
        scheme: palette.Scheme = "dark" if theme.is_dark(colours) else "light"
        in_month = date.month() == self.monthShown()
        mood = self._moods.get(day)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(rect).adjusted(2, 2, -2, -2)
        base = colours.color(QPalette.ColorRole.Base).name()
        if mood is not None:
            fill = palette.mood_colour(mood, scheme)
            if not in_month:
                fill = palette.mix(fill, base, 0.6)
            painter.setBrush(QColor(fill))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(box, 5, 5)
            text = QColor(palette.text_on(fill))
        else:
            fill = base
            text = colours.color(
                QPalette.ColorRole.Text if in_month else QPalette.ColorRole.PlaceholderText
            )
        if day > today:
            text = colours.color(QPalette.ColorRole.PlaceholderText)
        if date == self.selectedDate():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(colours.color(QPalette.ColorRole.Text), 2.5))
            painter.drawRoundedRect(box.adjusted(1, 1, -1, -1), 5, 5)
        elif day == today:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(theme.focus_colour(colours), 2, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(box.adjusted(1, 1, -1, -1), 5, 5)
        painter.setPen(text)
        font = QFont(self.font())
        font.setBold(date == self.selectedDate())
        painter.setFont(font)
        if mood is None:
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(date.day()))
        else:
            top = box.adjusted(0, 2, 0, -box.height() / 2)
            bottom = box.adjusted(0, box.height() / 2 - 2, 0, -2)
            painter.drawText(top, Qt.AlignmentFlag.AlignCenter, str(date.day()))
            small = QFont(font)
            small.setBold(True)
            small.setPointSizeF(font.pointSizeF() * 0.85)
            painter.setFont(small)
            painter.drawText(bottom, Qt.AlignmentFlag.AlignCenter, str(mood))
        painter.restore()

    def _on_current_page_changed(self, _year: int, _month: int) -> None:
        self.refresh()

    def _on_day_chosen(self, date: QDate) -> None:
        chosen = date.toPython()
        if chosen <= self._today():
            self.day_opened.emit(chosen)
