"""One person's page inside People: their contacts over time, how connected, mood with them.

Opened with Enter or a double-click on a row of the People table; Escape or "Back to People"
returns. The figures come from ``Journal.person_figures``; this page only words them. The mood
comparison says "not enough data yet" under the thresholds of Insights, and always that it is
an association, not a cause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.errors import ValidationError
from journal.i18n import format_date, format_number
from journal.services import Journal
from journal.ui import theme
from journal.ui.charts.month_counts import MonthCounts
from journal.ui.widgets.choices import relationship_text
from journal.ui.widgets.notices import FieldNotices
from journal.ui.widgets.scrolling import scrolling_page
from journal.ui.widgets.section import section_title

if TYPE_CHECKING:  # what Journal.person_figures() returns
    from journal.services import PersonFigures

#: How connected, as filled and empty marks beside the number (so it reads without the digit).
_FILLED, _EMPTY = "●", "○"


def connected_marks(average: float) -> str:
    """ "●●●●○" for an average of 4 (rounded to the nearest step)."""
    filled = max(0, min(5, round(average)))
    return _FILLED * filled + _EMPTY * (5 - filled)


class PersonPage(QWidget):
    """The page of one person; ``show_person(id)`` fills it.

    Signals:
        back_requested(): the person pressed "Back to People" or Escape.
        person_changed(int): their note or keep-in-touch wish was saved (the person's id).
    """

    back_requested = Signal()
    person_changed = Signal(int)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("person_page")
        self._journal = journal
        self._person_id: int | None = None
        self._build()
        self._back.clicked.connect(self._on_back_clicked)
        self._save.clicked.connect(self._on_save_clicked)
        self._every.returnPressed.connect(self._on_save_clicked)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._on_back_clicked)

    @property
    def person_id(self) -> int | None:
        return self._person_id

    def show_person(self, person_id: int) -> None:
        """Read the person and their figures again and show them."""
        person = self._journal.person(person_id)
        if person is None:
            return
        self._person_id = person_id
        figures = self._journal.person_figures(person_id)
        self._notices.clear()
        self._name.setText(person.name)
        kind = relationship_text(person.relationship)
        self._kind.setText(
            self.tr("{kind} · archived").format(kind=kind) if person.archived else kind
        )
        last = figures.last_contact
        self._last.setText(format_date(last) if last else self.tr("none logged yet"))
        self._connected.setText(
            self._connected_text(figures.average_quality, figures.contacts_total)
        )
        self._mood.setText(self._mood_text(person.name, figures))
        labels = [format_date(m.month, "month") for m in figures.months]
        counts = [m.contacts for m in figures.months]
        summary = "; ".join(
            self.tr("{month}: {count}").format(
                month=format_date(m.month, "month_year"), count=m.contacts
            )
            for m in figures.months
        )
        self._months.set_data(labels, counts, summary)
        total = sum(counts)
        self._months_total.setText(
            self.tr("1 contact in the last 12 months")
            if total == 1
            else self.tr("{n} contacts in the last 12 months").format(n=format_number(total, 0))
        )
        self._every.setText(
            "" if person.keep_in_touch_days is None else str(person.keep_in_touch_days)
        )
        self._note.setPlainText(person.note)

    def has_unsaved_changes(self) -> bool:
        """The note or the keep-in-touch box differ from what is stored."""
        if self._person_id is None or not self._journal.is_open:  # the window has closed it
            return False
        person = self._journal.person(self._person_id)
        if person is None:
            return False
        every = "" if person.keep_in_touch_days is None else str(person.keep_in_touch_days)
        return self._every.text().strip() != every or self._note.toPlainText() != person.note

    def commit_pending(self) -> bool:
        """Save typed changes (leaving the page never drops a word); False when the
        keep-in-touch number is not valid, its message then shown beside it."""
        return not self.has_unsaved_changes() or self._save_changes()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():  # another page or the list: keep what was typed
            self.commit_pending()

    def text(self) -> str:
        """What the page says, in reading order (for tests)."""
        return "\n".join(
            label.text()
            for label in self.findChildren(QLabel)
            if label.isVisibleTo(self) and label.text()
        )

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self._back = QPushButton(self.tr("← Back to People"), objectName="person_back")
        self._back.setAccessibleName(self.tr("Back to People"))
        self._back.setAccessibleDescription(self.tr("Returns to the list of people (Escape)"))
        self._back.setAutoDefault(False)
        self._name = theme.as_heading(QLabel(objectName="person_name"))
        self._name.setTextFormat(Qt.TextFormat.PlainText)
        self._kind = theme.as_hint(QLabel(objectName="person_kind"))

        self._last = self._value("person_last_contact")
        self._connected = self._value("person_connected")
        facts = QFormLayout()
        facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        facts.addRow(self.tr("Last contact:"), self._last)
        facts.addRow(self.tr("How connected, on average:"), self._connected)

        self._months = MonthCounts()
        self._months.setAccessibleName(self.tr("Contacts in each of the last 12 months"))
        self._months_total = theme.as_hint(QLabel(objectName="person_months_total"))

        self._mood = self._value("person_mood")

        self._every = QLineEdit(objectName="keep_in_touch_days")
        self._every.setPlaceholderText(self.tr("off"))
        self._every.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000000") + 16)
        self._every.setAccessibleName(self.tr("Keep in touch every how many days"))
        every_hint = self.tr(
            "A number of days from 1 to 365, or empty for no wish. Today "
            "then lists them quietly under “It's been a while”; nothing "
            "else reminds you."
        )
        self._note = QPlainTextEdit(objectName="person_note")
        self._note.setTabChangesFocus(True)
        self._note.setAccessibleName(self.tr("Note about this person"))
        self._note.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self._notices = FieldNotices("keep_in_touch_days", prefix="person_")
        every_error = self._notices.label("keep_in_touch_days", self._every, every_hint)
        note_error = self._notices.label(
            "note", self._note, self.tr("Anything you want to remember about them")
        )
        self._save = QPushButton(self.tr("Save"), objectName="person_save")
        self._save.setAccessibleName(self.tr("Save the note and keep-in-touch wish"))
        self._save.setAutoDefault(False)
        every_row = QHBoxLayout()
        every_label = QLabel(self.tr("&Keep in touch every"))
        every_label.setBuddy(self._every)
        every_row.addWidget(every_label)
        every_row.addWidget(self._every)
        every_row.addWidget(QLabel(self.tr("days")))
        every_row.addStretch(1)
        note_label = QLabel(self.tr("&Note"))
        note_label.setBuddy(self._note)

        body = QWidget(objectName="person_body")
        column = QVBoxLayout(body)
        column.setContentsMargins(*theme.PAGE_MARGINS)
        column.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(self._back)
        top.addStretch(1)
        column.addLayout(top)
        column.addWidget(self._name)
        column.addWidget(self._kind)
        column.addLayout(facts)
        column.addSpacing(8)
        column.addWidget(section_title(self.tr("Contacts over time"), "person_months_title"))
        column.addWidget(self._months)
        column.addWidget(self._months_total)
        column.addSpacing(8)
        column.addWidget(section_title(self.tr("Mood on days with them"), "person_mood_title"))
        column.addWidget(self._mood)
        column.addSpacing(8)
        column.addWidget(section_title(self.tr("Keeping in touch"), "person_touch_title"))
        column.addLayout(every_row)
        column.addWidget(every_error)
        column.addWidget(theme.as_hint(QLabel(every_hint, wordWrap=True)))
        column.addWidget(note_label)
        column.addWidget(self._note)
        column.addWidget(note_error)
        buttons = QHBoxLayout()
        buttons.addWidget(self._save)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(1)
        scrolling_page(self, body, "person_scroll")

    def _value(self, name: str) -> QLabel:
        label = QLabel(objectName=name, wordWrap=True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # --- words -------------------------------------------------------------------------------

    def _connected_text(self, average: float | None, contacts: int) -> str:
        if average is None:
            return self.tr("no contacts logged yet")
        words = (
            self.tr("{marks} {average} / 5, over 1 contact")
            if contacts == 1
            else self.tr("{marks} {average} / 5, over {n} contacts")
        )
        return words.format(
            marks=connected_marks(average),
            average=format_number(average, 1),
            n=format_number(contacts, 0),
        )

    def _mood_text(self, name: str, figures: PersonFigures) -> str:
        mood = figures.mood
        if not figures.mood_reportable:
            return self.tr(
                "Not enough data yet: this needs at least 14 checked-in days, 5 of them with "
                "{name} and 5 without (so far {with_} with, {without} without)."
            ).format(name=name, with_=mood.n_with, without=mood.n_without)
        words = self.tr(
            "On the {with_} checked-in days with {name} your mood averaged {mean_with}; on the "
            "{without} days without, {mean_without} (difference {difference}, 95% interval "
            "{low} to {high})."
        ).format(
            name=name,
            with_=mood.n_with,
            without=mood.n_without,
            mean_with=format_number(mood.mean_with, 1),
            mean_without=format_number(mood.mean_without, 1),
            difference=format_number(mood.difference, 1),
            low=format_number(mood.ci_low, 1),
            high=format_number(mood.ci_high, 1),
        )
        if not figures.mood_clear:
            words += " " + self.tr(
                "The interval includes no difference, so this is not a clear difference."
            )
        return (
            words
            + " "
            + self.tr(
                "This is an association, not proof of cause: days "
                "with someone may differ in other ways too."
            )
        )

    # --- slots -------------------------------------------------------------------------------

    def _on_back_clicked(self) -> None:
        if self.commit_pending():
            self.back_requested.emit()

    def _on_save_clicked(self) -> None:
        self._save_changes()

    def _save_changes(self) -> bool:
        if self._person_id is None:
            return True
        person_id = self._person_id
        try:  # the note first: a wrong number must not keep the words from being saved
            self._journal.update_person(person_id, note=self._note.toPlainText())
            self._journal.set_keep_in_touch(person_id, self._every.text())
        except ValidationError as error:
            self._notices.show(error.all)
            self._notices.focus_first(error.all)
            self.person_changed.emit(person_id)
            return False
        self.show_person(person_id)
        self.person_changed.emit(person_id)
        return True
