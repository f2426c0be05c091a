"""The quick-add row under the day's contacts: person, how connected, mode, minutes, a note.

Person completes from its first letters over the active people and groups (the rest of the name
typed in, selected, so typing on replaces it); a known name fills its kind (still editable, in
the box beside the name). A name nobody has yet is announced under it ("“Maya” is new …"),
Tab goes to its kind first, and the panel creates that person with the kind chosen.

Enter in any field (a combo box too) adds the contact; while "how connected" is still missing,
Enter goes there instead of warning. Escape cancels changing a contact.
"""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.errors import ValidationError
from journal.domain.kinds import Mode, Relationship
from journal.domain.parse import parse_contact
from journal.domain.records import Contact, Person
from journal.ui import theme
from journal.ui.widgets.choices import fill_modes, fill_relationships, quality_words, select_data
from journal.ui.widgets.notices import FieldNotices
from journal.ui.widgets.rating_picker import RatingPicker, quality_scale

#: Where messages about no field of the row go (the date, a locked file).
FORM = "form"
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ContactEntry(QWidget):
    """The row; it stores nothing itself (the panel does, on ``submitted``).

    Signals:
        submitted(): Enter in a field of the row, or Add / Save pressed.
        cancelled(): Escape or Cancel while a stored contact is being changed.
    """

    submitted = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contact_entry")
        self._editing = False
        self._active: set[str] = set()
        self._kinds: dict[str, Relationship] = {}
        self._archived: set[str] = set()
        self._notices = FieldNotices(FORM, prefix="contact_")
        self._new_name = False
        self._filling_kind = False  # the kind is being set from a name, not by the person
        self._own_kind = Relationship.FRIEND.value  # the kind as chosen, or the row's default
        self._build()
        self._blank = self._raw()
        self._person.textChanged.connect(self._on_person_text_changed)
        self._person.textEdited.connect(self._on_person_text_edited)
        self._kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self._add.clicked.connect(self._on_add_clicked)
        self._cancel.clicked.connect(self._on_cancel_clicked)

    # --- public ------------------------------------------------------------------------------

    @property
    def editing(self) -> bool:
        return self._editing

    def set_people(self, everyone: list[Person]) -> None:
        """Offer the active people's names for completion; archived ones are not offered."""
        active = [p for p in everyone if not p.archived]
        self._kinds = {p.name.casefold(): p.relationship for p in active}
        self._archived = {p.name.casefold() for p in everyone if p.archived}
        self._names = sorted((p.name for p in active), key=str.casefold)
        self._update_new_person_note()

    def names_offered(self) -> list[str]:
        """The names Person completes to (the active people's), in the order tried."""
        return list(self._names)

    def load(self, contact: Contact | None = None, person_name: str = "") -> None:
        """Show ``contact`` to change it, or (``None``) an empty row for a new one."""
        self._editing = contact is not None
        self._typed_name = ""
        self._person.setText(person_name)
        self._filling_kind = True
        select_data(self._kind, contact.kind if contact else Relationship.FRIEND)
        self._filling_kind = False
        self._own_kind = str(self._kind.currentData())
        select_data(self._mode, contact.mode if contact else Mode.IN_PERSON)
        minutes = contact.minutes if contact else None
        self._minutes.setText("" if minutes is None else str(minutes))
        self._quality.set_value(contact.quality if contact else None)
        self._note.setText(contact.note if contact else "")
        self._notices.clear()
        self._blank = self._raw()
        self._entry_title.setText(
            self.tr("Change the contact") if contact else self.tr("Add a contact")
        )
        self._add.setText(self.tr("Save contact") if contact else self.tr("Add contact"))
        self._add.setAccessibleName(self._add.text())
        self._cancel.setVisible(self._editing)
        self._update_new_person_note()

    def values(self, date: dt.date) -> tuple[str, Contact]:
        """The name typed and the contact of ``date``; raises ``ValidationError``."""
        return parse_contact(date, self._raw())

    def problems(self, date: dt.date) -> dict[str, str]:
        try:
            self.values(date)
        except ValidationError as error:
            return error.all
        return {}

    def show_problems(self, problems: dict[str, str]) -> None:
        self._notices.show(problems)
        self._notices.focus_first(problems)

    def has_draft(self) -> bool:
        """True when the row holds typing not stored yet (kind or mode alone is not typing)."""
        raw = self._raw()
        typed = any(raw[name] for name in ("person", "minutes", "quality", "note"))
        return raw != self._blank and (typed or self._editing)

    def focus_person(self, name: str = "") -> None:
        if name:
            self._person.setText(name)
        self._person.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_chain(self) -> tuple[QWidget, ...]:
        """Person → how connected → mode → minutes → note (→ kind); a new name's kind right
        after the name, as it is asked for there."""
        middle: tuple[QWidget, ...] = (self._quality, self._mode, self._minutes, self._note)
        kind_first = self._new_name
        return (
            self._person,
            *((self._kind, *middle) if kind_first else (*middle, self._kind)),
            self._cancel,
            self._add,
        )

    def _chain_tab_order(self) -> None:
        chain = self.focus_chain()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self._entry_title = QLabel(objectName="contact_entry_title")
        font = self._entry_title.font()
        font.setBold(True)
        self._entry_title.setFont(font)
        self._person = QLineEdit(objectName="contact_person")
        self._person.setPlaceholderText(self.tr("a name"))
        self._names: list[str] = []  # the active people's names, sorted (for completion)
        self._typed_name = ""  # what the person typed, without the completed rest
        self._kind = fill_relationships(QComboBox(objectName="contact_kind"))
        self._mode = fill_modes(QComboBox(objectName="contact_mode"))
        for combo in (self._kind, self._mode):
            combo.installEventFilter(self)
        short = self.fontMetrics().horizontalAdvance("0000") + 28
        minutes_range = self.tr("0–1440")
        self._minutes = QLineEdit(objectName="contact_minutes", placeholderText=minutes_range)
        self._quality = RatingPicker(
            1, 5, colour=quality_scale, step_words=quality_words(), objectName="contact_quality"
        )
        self._minutes.setFixedWidth(short)
        self._minutes.setMaxLength(6)
        self._note = QLineEdit(objectName="contact_note", placeholderText=self.tr("optional"))

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        connected = self.tr(
            "How connected did you feel: 1 = not at all, 5 = very. A click or a digit picks"
        )
        rows = (
            (
                0,
                0,
                "person",
                self._person,
                self.tr("Pe&rson"),
                self.tr("Person or group; known names complete from their first letters"),
                1,
            ),
            (0, 2, "kind", self._kind, self.tr("&Kind"), self.tr("Relationship kind"), 1),
            (3, 0, "how_connected", self._quality, self.tr("How &connected"), connected, 3),
            (
                5,
                0,
                "mode",
                self._mode,
                self.tr("M&ode"),
                self.tr("How you connected: in person, video, phone, text or online group"),
                1,
            ),
            (
                5,
                2,
                "minutes",
                self._minutes,
                self.tr("Min&utes"),
                self.tr("How long, in minutes, {range} (optional)").format(range=minutes_range),
                1,
            ),
            (7, 0, "note", self._note, self.tr("No&te"), self.tr("A note (optional)"), 3),
        )
        for row, column, name, field, label_text, description, span in rows:
            label = QLabel(label_text)
            label.setBuddy(field)
            field.setAccessibleName(label_text.replace("&", ""))
            field.setToolTip(description)
            short_field = field is self._minutes
            align = Qt.AlignmentFlag.AlignLeft if short_field else Qt.AlignmentFlag(0)
            grid.addWidget(label, row, column)
            grid.addWidget(field, row, column + 1, 1, span, align)
            # A message under a right-hand field may use its label's width too.
            first, width = (column + 1, span) if column == 0 else (column, span + 1)
            grid.addWidget(self._notices.label(name, field, description), row + 1, first, 1, width)
        self._notices.alias("quality", "how_connected")
        self._notices.alias("person_id", "person")
        self._notices.alias("name", "person")
        self._new_person = theme.as_hint(QLabel(objectName="new_person_note", wordWrap=True))
        self._new_person.setTextFormat(Qt.TextFormat.PlainText)  # names are not markup
        keep_room = self._new_person.sizePolicy()
        keep_room.setRetainSizeWhenHidden(True)  # it comes and goes while typing: no jump
        self._new_person.setSizePolicy(keep_room)
        self._new_person.setMinimumHeight(self._new_person.fontMetrics().lineSpacing() * 2)
        self._new_person.hide()
        grid.addWidget(self._new_person, 2, 1, 1, 3)

        self._cancel = QPushButton(self.tr("Cancel"), objectName="cancel_edit")
        cancel_tip = self.tr("Leave the contact as it was (Escape)")
        self._cancel.setToolTip(cancel_tip)
        self._cancel.setAccessibleDescription(cancel_tip)
        self._add = QPushButton(self.tr("Add contact"), objectName="add_contact")
        self._add.setToolTip(self.tr("Add this contact (Enter)"))
        for button in (self._cancel, self._add):
            button.setAccessibleName(button.text())
            button.setAutoDefault(True)  # Enter on a focused button presses that button
        keys = self.tr("Enter adds · Ctrl+N starts the next")
        buttons = QHBoxLayout()
        buttons.addWidget(theme.as_hint(QLabel(keys, objectName="contact_keys", wordWrap=True)), 1)
        buttons.addWidget(self._cancel)
        buttons.addWidget(self._add)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self._entry_title)
        layout.addLayout(grid)
        layout.addWidget(self._notices.label(FORM))
        layout.addLayout(buttons)
        self._notices.repaint()
        self.load(None)

    # --- events and slots --------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Line edits and combo boxes leave Enter and Escape to their parent: this row.
        if event.key() in _ENTER_KEYS:
            if (
                self._person.text().strip()
                and self._quality.value() is None
                and QApplication.focusWidget() is not self._add
            ):
                self._quality.setFocus(Qt.FocusReason.TabFocusReason)  # not a warning yet
                return
            self.submitted.emit()
        elif event.key() == Qt.Key.Key_Escape and self._editing:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QComboBox):
            # Typing in a combo box picks by the first letters; start afresh on every visit,
            # so the "p" of the last contact's phone and this one's "v" are not read as "pv".
            watched.view().keyboardSearch("")
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._notices.repaint()

    def _on_add_clicked(self) -> None:
        self.submitted.emit()

    def _on_cancel_clicked(self) -> None:
        self.cancelled.emit()

    def _on_person_text_changed(self, _text: str) -> None:
        # A known name brings its kind; once the name is no longer known (a completion typed
        # over, "Mum" becoming "Maya"), the kind goes back to the one chosen before. The text
        # is read again: a completion made while the signal was on its way changed it.
        kind = self._kinds.get(self._person.text().strip().casefold())
        self._filling_kind = True
        select_data(self._kind, kind if kind is not None else self._own_kind)
        self._filling_kind = False
        self._update_new_person_note()

    def _on_person_text_edited(self, text: str) -> None:
        """Complete a known name from its first letters, the rest selected (typing on replaces
        it, Backspace removes it); never while deleting or typing in the middle."""
        grew = len(text) > len(self._typed_name)
        self._typed_name = text
        if not grew or not text.strip() or self._person.cursorPosition() != len(text):
            return
        key = text.casefold()
        match = next((n for n in self._names if n.casefold().startswith(key)), None)
        if match is not None and len(match) > len(text):
            self._person.setText(match)
            self._person.setSelection(len(match), len(text) - len(match))  # cursor after typed

    def _on_kind_current_index_changed(self, _index: int) -> None:
        if not self._filling_kind:
            self._own_kind = str(self._kind.currentData())
        self._update_new_person_note()

    # --- helpers -----------------------------------------------------------------------------

    def _raw(self) -> dict[str, str]:
        return {
            "person": self._person.text(),
            "kind": self._kind.currentData(),
            "mode": self._mode.currentData(),
            "minutes": self._minutes.text(),
            "quality": self._quality.text(),  # "" or the step chosen
            "note": self._note.text(),
        }

    def _update_new_person_note(self) -> None:
        """Say before it happens that a name nobody has yet will create a person, and with
        which kind; Tab then visits the kind right after the name."""
        name = self._person.text().strip()
        key = name.casefold()
        new_name = bool(key) and key not in self._kinds and not self._editing
        if new_name != self._new_name:
            self._new_name = new_name
            self._chain_tab_order()
        if not key or key in self._kinds:
            self._new_person.hide()
            return
        kind = self._kind.currentText()
        if key in self._archived:
            note = self.tr(
                "“{name}” is archived, so a new entry will be added as {kind} (the kind "
                "beside the name). To keep one history, unarchive them on the People page."
            )
        else:
            note = self.tr(
                "“{name}” is new: they will be added to your people as {kind} (the kind "
                "beside the name)."
            )
        self._new_person.setText(note.format(name=name, kind=kind))
        self._new_person.show()
