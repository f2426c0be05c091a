"""The Today page: one day's check-in and contacts, quick to enter with the keyboard alone.

It composes the day bar (``widgets/day_bar.py``), the check-in form (``today_checkin.py``) and
a month calendar coloured by mood (``widgets/mood_calendar.py``) on the left, the contacts of
the day (``today_contacts.py``) on the right, a calm isolation nudge (``today_nudge.py``) and a
message bar that offers Undo after a contact is deleted; its room is kept while it is hidden,
so the page never jumps when a message comes or goes (it lies over the day's state line).
Further panels of the day (treatment) join the right column with ``add_panel``.
"""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from journal.domain.records import Contact, Person
from journal.i18n import format_date
from journal.services import Journal
from journal.ui import theme
from journal.ui.pages.today.checkin import CheckInForm
from journal.ui.pages.today.contacts import ContactsPanel
from journal.ui.pages.today.nudge import NudgeLine
from journal.ui.widgets.choices import relationship_text
from journal.ui.widgets.day_bar import DayBar
from journal.ui.widgets.message_bar import MessageBar
from journal.ui.widgets.mood_calendar import MoodCalendar
from journal.ui.widgets.scrolling import scrolling_page
from journal.ui.widgets.section import section_title

_UNDO = "undo"
#: Page width, in average characters, from which check-in and contacts stand side by side.
_WIDE_CHARS = 125


class TodayPage(QWidget):
    """The check-in and the contacts of one day: today, unless an earlier day is chosen.

    Unsaved changes: leaving the day shown (another date, or closing the window, both through
    ``commit_pending``) saves valid edits of the check-in and adds a contact left typed in the
    quick-add row. When they are not valid the messages appear beside their fields and the
    person is asked to keep editing or discard them; typed words are never dropped silently.
    Contacts are stored the moment they are added, changed or deleted (and a delete can be
    undone with Ctrl+Z or the message's Undo button).

    Keyboard: the cursor starts in Mood. Tab goes date → mood → anxiety → loneliness → energy →
    physical health → sleep → what helped → note → Save → contacts list → Edit → Delete →
    person → how connected → mode → minutes → note → kind → Add (a new name: its kind right
    after it), then the calendar and the day buttons. A digit picks a rating and Enter moves
    on; Enter in the contact row adds the contact. Ctrl+S saves, Ctrl+N starts
    a new contact, Ctrl+Z brings back a deleted contact, Alt+Left / Alt+Right / Ctrl+T go to the
    previous day, the next day and today.

    Signals:
        day_saved(datetime.date): the check-in form wrote a day to the journal; sent on once
            the page's day state, day bar and calendar show it.
    """

    day_saved = Signal(object)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("today_page")
        self._journal = journal
        self._date = journal.today()
        self._build()
        self._wire()
        self._load(self._date)

    # --- public ------------------------------------------------------------------------------

    @property
    def date(self) -> dt.date:
        """The day shown."""
        return self._date

    def has_unsaved_changes(self) -> bool:
        return self._form.has_unsaved_changes() or self._contacts.has_draft()

    def save(self) -> bool:
        """Ctrl+S: add a contact left in the row, and save the check-in.

        With only a contact typed (the check-in untouched), just the contact is added, so a
        day's contacts can be logged without a check-in.
        """
        if not self._contacts.has_draft():
            return self._form.save()
        added = self._contacts.submit()
        if not self._form.has_unsaved_changes():
            return added
        return self._form.save() and added  # both tried, so every message shows at once

    def commit_pending(self) -> bool:
        """Make it safe to leave the day shown; True when nothing typed will be lost.

        Valid edits are saved; invalid ones lead to a question: keep editing (False) or
        discard the changes (True).
        """
        return self._form.commit_pending() and self._contacts.commit_pending()

    def discard_changes(self) -> None:
        """Put the check-in back as last loaded or saved and empty the contact row."""
        self._form.discard_changes()
        self._contacts.discard_draft()

    def reload(self) -> None:
        """Read the day shown again, e.g. after an import or a restore replaced the data.

        Unsaved typing is dropped, so call ``commit_pending`` first when it should be kept.
        """
        self._load(self._date)

    def add_panel(self, panel: QWidget) -> None:
        """Add a panel of the day (e.g. treatment) under the contacts.

        A panel with ``set_date(date)`` follows the day shown; one with ``focus_chain()``
        joins the Tab order after the contacts.
        """
        self._right.addWidget(panel)
        self._panels.append(panel)
        # a panel that already shows this day is not built again (the treatment panel reads
        # and builds its rows when made: twice was ~10 ms of every start)
        if hasattr(panel, "set_date") and getattr(panel, "date", None) != self._date:
            panel.set_date(self._date)
        self._chain_tab_order()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self._heading = theme.as_heading(QLabel(objectName="day_heading"))
        self._day_state = theme.as_hint(QLabel(objectName="day_state"))
        self._day_bar = DayBar(self._journal.today, self._journal.dates_with_checkins)
        self._messages = MessageBar()
        self._nudge = NudgeLine()
        self._form = CheckInForm(self._journal)
        self._contacts = ContactsPanel(self._journal)
        self._calendar = MoodCalendar(self._journal.today, self._journal.moods_between)
        self._panels: list[QWidget] = []
        keep_room = self._messages.sizePolicy()
        keep_room.setRetainSizeWhenHidden(True)  # a message coming never pushes the page down
        self._messages.setSizePolicy(keep_room)

        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self._form)
        left.addSpacing(8)
        left.addWidget(section_title(self.tr("Month"), "calendar_title"))
        left.addWidget(self._calendar, 0, Qt.AlignmentFlag.AlignLeft)
        left.addStretch(1)

        self._right = QVBoxLayout()
        self._right.setSpacing(18)
        self._right.addWidget(self._contacts, 1)
        self._columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._columns.setSpacing(28)
        self._columns.addLayout(left, 1)
        self._columns.addLayout(self._right, 1)

        content = QWidget(objectName="today_content")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(*theme.PAGE_MARGINS)
        layout.setSpacing(10)
        layout.addWidget(self._heading)
        # A message lies over the day's state line, in room kept for it: the page never
        # moves down when one comes (it covers that line for its few seconds).
        slot = QGridLayout()
        slot.setContentsMargins(0, 0, 0, 0)
        slot.addWidget(self._day_state, 0, 0, Qt.AlignmentFlag.AlignVCenter)
        slot.addWidget(self._messages, 0, 0)
        layout.addLayout(slot)
        layout.addWidget(self._day_bar)
        layout.addWidget(self._nudge)
        layout.addSpacing(4)
        layout.addLayout(self._columns, 1)

        # A small window or a large font scrolls rather than squeezing or clipping fields.
        scrolling_page(self, content, "today_scroll")
        self._chain_tab_order()

    def _chain_tab_order(self) -> None:
        chain = [self._day_bar.date_edit, *self._form.focus_chain(), *self._contacts.focus_chain()]
        for panel in self._panels:
            chain.extend(panel.focus_chain() if hasattr(panel, "focus_chain") else (panel,))
        chain.append(self._calendar)
        for first, second in itertools.pairwise((*chain, *self._day_bar.buttons())):
            QWidget.setTabOrder(first, second)

    def _wire(self) -> None:
        self._day_bar.date_requested.connect(self._on_day_bar_date_requested)
        self._calendar.day_opened.connect(self._on_day_bar_date_requested)
        self._form.day_saved.connect(self._on_form_day_saved)
        self._contacts.contact_added.connect(self._on_contacts_changed)
        self._contacts.contact_changed.connect(self._on_contacts_changed)
        self._contacts.contact_deleted.connect(self._on_contacts_contact_deleted)
        self._contacts.contact_restored.connect(self._on_contacts_contact_restored)
        self._contacts.person_added.connect(self._on_contacts_person_added)
        self._messages.action_triggered.connect(self._on_messages_action_triggered)
        for keys, slot in (
            (QKeySequence.StandardKey.Save, self._on_save_shortcut_activated),
            (QKeySequence.StandardKey.New, self._on_new_contact_shortcut_activated),
            (QKeySequence.StandardKey.Undo, self._on_undo_shortcut_activated),
        ):
            # Only while the page is shown; a focused text box keeps Ctrl+Z for its own typing.
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    # --- events and slots --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # not when the window is merely restored
            self._day_bar.set_date(self._date)  # today moves on at midnight
            self._calendar.show_date(self._date)
            self._contacts.refresh()  # the People page may have renamed or merged someone
            self._update_day_state()
            self._form.focus_first_field()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Side by side when both columns fit their words; otherwise the contacts go under the
        # check-in (a narrow window, a large font), so nothing is squeezed or cut off. What
        # fits is measured from the columns' own minimum widths (the rows of steps and the
        # contact cards), so the default window never needs a sideways scroll.
        self._columns.setDirection(
            QBoxLayout.Direction.LeftToRight
            if self._fits_side_by_side(event.size().width())
            else QBoxLayout.Direction.TopToBottom
        )

    def _fits_side_by_side(self, width: int) -> bool:
        """Whether both columns fit beside each other in a page ``width`` wide."""
        left, right = (self._columns.itemAt(i).layout() for i in range(2))
        margins = theme.PAGE_MARGINS[0] + theme.PAGE_MARGINS[2]
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        needed = (
            left.minimumSize().width()
            + right.minimumSize().width()
            + self._columns.spacing()
            + margins
            + scrollbar
        )
        return width >= max(needed, self.fontMetrics().averageCharWidth() * _WIDE_CHARS)

    def show_day(self, date: dt.date) -> None:
        """Open ``date`` as the date bar would (pending edits saved, future days refused)."""
        self._on_day_bar_date_requested(date)

    def _on_day_bar_date_requested(self, date: dt.date) -> None:
        if date > self._journal.today():
            self._day_bar.set_date(self._date)
            self._calendar.show_date(self._date)
            self._messages.show_message(
                self.tr(
                    "{date} has not happened yet: a check-in can be for today or any day before."
                ).format(date=self._long_date(date))
            )
            return
        if date == self._date:
            return
        if not self.commit_pending():
            self._day_bar.set_date(self._date)
            self._calendar.show_date(self._date)
            return
        self._load(date)

    def _on_form_day_saved(self, date: dt.date) -> None:
        self._update_day_state()
        self._day_bar.refresh_marks()
        self._calendar.refresh()
        self.day_saved.emit(date)

    def _on_contacts_changed(self, _contact: Contact) -> None:
        self._update_day_state()

    def _on_contacts_contact_deleted(self, contact: Contact) -> None:
        self._update_day_state()
        self._messages.show_message(
            self.tr("Deleted the contact with {who}.").format(who=self._contacts.describe(contact)),
            action=_UNDO,
            action_text=self.tr("Undo"),
        )

    def _on_contacts_contact_restored(self, contact: Contact) -> None:
        self._update_day_state()
        self._messages.show_message(
            self.tr("Brought back the contact with {who}.").format(
                who=self._contacts.describe(contact)
            )
        )

    def _on_contacts_person_added(self, person: Person) -> None:
        self._messages.show_message(
            self.tr("Added {name} to your people ({kind}).").format(
                name=person.name, kind=relationship_text(person.relationship)
            )
        )

    def _on_messages_action_triggered(self, action: str) -> None:
        if action == _UNDO:
            self._contacts.undo_delete()

    def _on_save_shortcut_activated(self) -> None:
        self.save()

    def _on_new_contact_shortcut_activated(self) -> None:
        self._contacts.start_new_contact()

    def _on_undo_shortcut_activated(self) -> None:
        if self._contacts.can_undo():
            self._contacts.undo_delete()

    # --- the day shown -----------------------------------------------------------------------

    def _load(self, date: dt.date) -> None:
        self._date = date
        self._messages.dismiss()
        self._form.load(date)
        self._contacts.set_date(date)
        for panel in self._panels:
            if hasattr(panel, "set_date"):
                panel.set_date(date)
        self._day_bar.set_date(date)
        self._calendar.show_date(date)
        self._update_day_state()

    def _long_date(self, date: dt.date) -> str:
        """The weekday, then the date as the day box writes it (the locale's, ``journal.i18n``)."""
        weekday = QLocale().standaloneDayName(date.isoweekday(), QLocale.FormatType.LongFormat)
        return self.tr("{weekday} {date}").format(weekday=weekday, date=format_date(date))

    def _update_day_state(self) -> None:
        today = self._journal.today()
        long_date = self._long_date(self._date)
        self._heading.setText(
            self.tr("Today — {date}").format(date=long_date) if self._date == today else long_date
        )
        self._day_state.setText(
            self.tr("Check-in saved for this day.")
            if self._form.loaded
            else self.tr("No check-in for this day yet.")
        )
        self._nudge.set_nudge(
            self._journal.isolation_nudge(on=today) if self._date == today else None
        )
