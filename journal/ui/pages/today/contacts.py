"""The contacts of the day on the Today page: cards (``contact_cards.py``) above the quick-add
row.

Contacts are stored as soon as they are added (Enter in the row), and the cursor goes back to
Person for the next one. In the list, Enter (or Edit) loads a contact into the row to change it
and Delete removes it; deleted contacts are kept so ``undo_delete`` can add them back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.errors import JournalError, ValidationError
from journal.domain.records import Contact, Person
from journal.services import Journal
from journal.ui import theme
from journal.ui.pages.today.contact_cards import CARD_ROLE, Card, ContactCardDelegate
from journal.ui.pages.today.contact_entry import FORM, ContactEntry
from journal.ui.widgets.choices import mode_text, quality_word, relationship_text
from journal.ui.widgets.section import section_title

_NOTE_IN_LIST = 60  # characters of a note shown in the list; the tooltip has all of it


class ContactsPanel(QWidget):
    """The contacts of one day (``set_date``), added, changed and deleted at once.

    Signals:
        contact_added(Contact), contact_changed(Contact), contact_restored(Contact): stored.
        contact_deleted(Contact): removed; the argument is what ``undo_delete`` would restore.
        person_added(Person): a new name typed in the row created this person.
    """

    contact_added = Signal(object)
    contact_changed = Signal(object)
    contact_deleted = Signal(object)
    contact_restored = Signal(object)
    person_added = Signal(object)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contacts_panel")
        self._journal = journal
        self._date = journal.today()
        self._editing: Contact | None = None
        self._deleted: list[Contact] = []
        self._people: dict[int, Person] = {}
        self._build()
        self._wire()

    # --- public ------------------------------------------------------------------------------

    def set_date(self, date: dt.date) -> None:
        """Show the contacts of ``date``; the row starts empty and undo starts afresh."""
        self._date = date
        self._deleted.clear()
        self.refresh_people()
        self.discard_draft()
        self._reload()

    def refresh(self) -> None:
        """Read people and contacts again, keeping what is typed in the row."""
        current = self._list.currentItem()
        self.refresh_people()
        self._reload(select=current.data(Qt.ItemDataRole.UserRole).id if current else None)

    def refresh_people(self) -> None:
        """Read the people again (the People page may have changed them)."""
        everyone = self._journal.people(include_archived=True)
        self._people = {p.id: p for p in everyone if p.id is not None}
        self._entry.set_people(everyone)

    def start_new_contact(self, name: str = "") -> None:
        """Ctrl+N: the cursor in Person, a contact being changed first stored (or kept)."""
        if self._editing is not None:
            if not self.commit_pending():
                return
            self.discard_draft()
        self._entry.focus_person(name)

    def has_draft(self) -> bool:
        return self._entry.has_draft()

    def submit(self) -> bool:
        """Add the contact in the row (or store the one being changed); False if invalid."""
        try:
            name, contact = self._entry.values(self._date)
            saved = self._journal.save_contact_for(  # the person too, in one transaction
                name,
                kind=contact.kind,
                mode=contact.mode,
                quality=contact.quality,
                date=contact.date,
                minutes=contact.minutes,
                note=contact.note,
                contact_id=None if self._editing is None else self._editing.id,
            )
        except ValidationError as error:
            self._entry.show_problems(error.all)
            return False
        except JournalError as error:
            self._entry.show_problems({FORM: str(error)})
            return False
        stored, person, created = saved.contact, saved.person, saved.created
        editing = self._editing is not None
        if created:
            self.refresh_people()
            self.person_added.emit(person)
        self.discard_draft()
        self._reload(select=stored.id)
        self._entry.focus_person()
        (self.contact_changed if editing else self.contact_added).emit(stored)
        return True

    def commit_pending(self) -> bool:
        """Make it safe to leave the day: store the row's contact, or ask when it is invalid."""
        if not self.has_draft() or self.submit():
            return True
        why = self.tr("The contact in the row is not complete, so it has not been stored.")
        from journal.ui.dialogs.unsaved_changes import ask_to_discard  # not needed at start

        if ask_to_discard(self, why, self._entry.problems(self._date)):
            self.discard_draft()
            return True
        return False

    def discard_draft(self) -> None:
        """Empty the row and stop changing a contact."""
        self._editing = None
        self._entry.load(None)

    def can_undo(self) -> bool:
        return bool(self._deleted)

    def undo_delete(self) -> Contact | None:
        """Add the last deleted contact back (with a new id); None when there is none."""
        if not self._deleted:
            return None
        contact = self._deleted.pop()
        try:
            restored = self._journal.add_contact(dataclasses.replace(contact, id=None))
        except JournalError as error:
            self._deleted.append(contact)
            self._entry.show_problems({FORM: str(error)})
            return None
        self._reload(select=restored.id)
        self.contact_restored.emit(restored)
        return restored

    def describe(self, contact: Contact) -> str:
        """Who a contact was with ("Ana", or the kind when no person is named)."""
        person = self._people.get(contact.person_id) if contact.person_id else None
        return person.name if person else relationship_text(contact.kind)

    def focus_chain(self) -> tuple[QWidget, ...]:
        """The panel's controls in screen order, for the page's Tab chain."""
        return (self._list, self._edit, self._delete, *self._entry.focus_chain())

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self._title = section_title(self.tr("Contacts"), "contacts_title")
        self._empty = theme.as_hint(QLabel(objectName="contacts_empty", wordWrap=True))
        self._list = QListWidget(objectName="contacts")
        self._list.setAccessibleName(self.tr("Contacts of the day"))
        self._list.setAccessibleDescription(
            self.tr(
                "Enter changes the selected contact in the row below; Delete deletes it, and "
                "Ctrl+Z brings it back"
            )
        )
        self._list.setItemDelegate(ContactCardDelegate(self._list))
        self._list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self._list.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self._edit = self._button(
            "edit_contact",
            self.tr("Edit"),
            self.tr("Change the selected contact in the row below (Enter)"),
        )
        self._delete = self._button(
            "delete_contact",
            self.tr("Delete"),
            self.tr("Delete the selected contact (Delete); Ctrl+Z brings it back"),
        )
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self._edit)
        list_buttons.addWidget(self._delete)
        list_buttons.addStretch(1)
        self._entry = ContactEntry()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self._title)
        layout.addWidget(self._empty)
        layout.addWidget(self._list, 1)
        layout.addLayout(list_buttons)
        layout.addSpacing(6)
        layout.addWidget(self._entry)

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setAccessibleName(text)
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        button.setAutoDefault(False)
        button.setEnabled(False)
        return button

    def _wire(self) -> None:
        self._entry.submitted.connect(self._on_entry_submitted)
        self._entry.cancelled.connect(self._on_entry_cancelled)
        self._edit.clicked.connect(self._on_edit_clicked)
        self._delete.clicked.connect(self._on_delete_clicked)
        self._list.itemActivated.connect(self._on_list_item_activated)
        self._list.currentRowChanged.connect(self._on_list_current_row_changed)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self._list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._on_delete_clicked)

    # --- slots -------------------------------------------------------------------------------

    def _on_entry_submitted(self) -> None:
        self.submit()

    def _on_entry_cancelled(self) -> None:
        editing = self._editing
        self.discard_draft()
        if editing is not None:
            self._select(editing.id)
            self._list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_edit_clicked(self) -> None:
        item = self._list.currentItem()
        if item is not None:
            self._on_list_item_activated(item)

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        contact: Contact = item.data(Qt.ItemDataRole.UserRole)
        if not self.commit_pending():
            return
        self._editing = contact
        self._entry.load(contact, self.describe(contact) if contact.person_id else "")
        self._entry.focus_person()

    def _on_delete_clicked(self) -> None:
        item = self._list.currentItem()
        if item is None:
            return
        contact: Contact = item.data(Qt.ItemDataRole.UserRole)
        if self._editing is not None and self._editing.id == contact.id:
            self.discard_draft()
        try:
            deleted = self._journal.delete_contact(contact.id)
        except JournalError as error:
            self._entry.show_problems({FORM: str(error)})
            return
        row = self._list.currentRow()
        self._reload()
        self._list.setCurrentRow(min(row, self._list.count() - 1))
        self._list.setFocus(Qt.FocusReason.OtherFocusReason)
        if deleted is not None:
            self._deleted.append(deleted)
            self.contact_deleted.emit(deleted)

    def _on_list_current_row_changed(self, row: int) -> None:
        self._edit.setEnabled(row >= 0)
        self._delete.setEnabled(row >= 0)

    # --- helpers -----------------------------------------------------------------------------

    def _reload(self, select: int | None = None) -> None:
        self._list.clear()
        contacts = self._journal.contacts_on(self._date)
        for contact in contacts:
            card = self._card(contact)
            item = QListWidgetItem(self._item_text(card))
            item.setData(Qt.ItemDataRole.UserRole, contact)
            item.setData(CARD_ROLE, card)
            if contact.note:
                item.setToolTip(contact.note)
            self._list.addItem(item)
        self._empty.setText("" if contacts else self.tr("No contacts on this day yet."))
        self._empty.setVisible(not contacts)
        self._title.setText(
            self.tr("Contacts ({count})").format(count=len(contacts))
            if contacts
            else self.tr("Contacts")
        )
        self._on_list_current_row_changed(self._list.currentRow())
        if select is not None:
            self._select(select)

    def _select(self, contact_id: int | None) -> None:
        for row in range(self._list.count()):
            if self._list.item(row).data(Qt.ItemDataRole.UserRole).id == contact_id:
                self._list.setCurrentRow(row)
                return

    def _card(self, contact: Contact) -> Card:
        details = [mode_text(contact.mode)]
        if contact.minutes is not None:
            details.append(self.tr("{minutes} min").format(minutes=contact.minutes))
        note = contact.note.strip().splitlines()[0] if contact.note.strip() else ""
        if note:
            details.append(note if len(note) <= _NOTE_IN_LIST else note[: _NOTE_IN_LIST - 1] + "…")
        return Card(
            who=self.describe(contact),
            kind=relationship_text(contact.kind),
            details=" · ".join(details),
            quality=contact.quality,
            quality_text=self.tr("{quality}/5 {word}").format(
                quality=contact.quality, word=quality_word(contact.quality)
            ),
        )

    def _item_text(self, card: Card) -> str:
        """All of a card in one line, for a screen reader (the delegate draws the card)."""
        connected = self.tr("how connected {quality}").format(quality=card.quality_text)
        return f"{card.who} · {card.kind} · {card.details} · {connected}"
