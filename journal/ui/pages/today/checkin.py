"""The check-in form of the Today page: mood and ratings, sleep, what helped, a note.

Mood and the other 0–10 ratings are rows of steps (``widgets/rating_picker.py``): one click,
or one digit, and Enter moves on, so "6 Enter 3 Enter 7 …" is all it takes. Sleep hours is a
text box; the domain (``parse_day``) decides what is valid and its messages appear beside their
fields. The note starts at two lines and grows with its text; "Saved ✓" shows beside Save.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.errors import JournalError, ValidationError
from journal.domain.parse import day_as_text, parse_day
from journal.domain.records import Day
from journal.services import Journal
from journal.ui import theme
from journal.ui.widgets.growing_note import GrowingNote
from journal.ui.widgets.notices import FieldNotices
from journal.ui.widgets.rating_picker import RatingPicker, StepColour, mood_scale, reversed_scale
from journal.ui.widgets.saved_mark import SavedMark
from journal.ui.widgets.section import section_title
from journal.ui.widgets.tag_completer import TagCompleter

#: The one-line rating fields in screen (and Tab) order; "what helped" and the note follow.
RATING_FIELDS = ("mood", "anxiety", "loneliness", "energy", "physical", "sleep_hours")
#: The ratings chosen on a row of steps (0–10); sleep hours is typed.
PICKED = ("mood", "anxiety", "loneliness", "energy", "physical")
#: Every typed field of the form, as ``parse_day`` names them, in screen order.
FIELDS = (*RATING_FIELDS, "coping", "note")

_FORM_ERRORS = "form"  # where a message about no visible field (the date, say) is shown


class CheckInForm(QWidget):
    """One day's check-in, loaded with ``load`` and saved with ``save`` (Ctrl+S on the page).

    Unsaved changes: ``commit_pending`` (leaving the day or closing) saves valid edits; when
    they are not valid the messages appear beside their fields and the person is asked to keep
    editing or discard them, so typed words are never dropped without that question.

    Enter in a one-line field moves on like Tab ("6 Enter 3 Enter …"); Enter never saves.

    Signals:
        day_saved(datetime.date): a check-in was written to the journal.
    """

    day_saved = Signal(object)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._date = journal.today()
        self._loaded: Day | None = None
        self._shown_text: dict[str, str] = dict.fromkeys(FIELDS, "")
        self.setObjectName("check_in")
        self._notices = FieldNotices(_FORM_ERRORS)
        self._build()
        self._wire()

    # --- public ------------------------------------------------------------------------------

    @property
    def loaded(self) -> Day | None:
        """The check-in as last loaded or saved (``None``: the day has none)."""
        return self._loaded

    def load(self, date: dt.date) -> None:
        """Show the check-in of ``date`` (empty fields when there is none)."""
        self._date = date
        self._loaded = self._journal.day(date)
        self._coping_completer.set_source(self._journal.coping_suggestions)
        self._show_text(_with_decimal_comma(day_as_text(self._loaded)))
        self._saved.clear()
        self._shown_text = self._typed()  # as the widgets hold it (line ends), so merely
        # looking at a day never counts as a change to save
        self._notices.clear()

    def has_unsaved_changes(self) -> bool:
        return self._typed() != self._shown_text

    def save(self) -> bool:
        """Save what is typed; on invalid input show why beside each field."""
        try:
            day = parse_day(self._date, self._typed())
        except ValidationError as error:
            self._show_errors(error.all)
            return False
        return self._store(day)

    def commit_pending(self) -> bool:
        """Make it safe to leave the day shown; True when nothing typed will be lost."""
        if not self.has_unsaved_changes():
            return True
        try:
            day = parse_day(self._date, self._typed())
        except ValidationError as error:
            self._show_errors(error.all)
            return self._ask_to_discard(
                self.tr("Some of this day's check-in is not valid, so it has not been saved."),
                error.all,
            )
        if day == self._loaded:  # typed differently ("07" for "7"), nothing new to store
            self._shown_text = self._typed()
            return True
        return self._store(day, leaving=True)

    def discard_changes(self) -> None:
        """Put the form back to the day as it was last loaded or saved."""
        self._show_text(self._shown_text)
        self._notices.clear()

    def focus_first_field(self) -> None:
        self._fields["mood"].setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_chain(self) -> tuple[QWidget, ...]:
        """The form's controls in screen order, for the page's Tab chain."""
        return (*self._fields.values(), self._note, self._save_button)

    def picker(self, name: str) -> RatingPicker:
        """The row of steps of a rating ("mood", "anxiety" …), e.g. to choose from a script."""
        field = self._fields[name]
        assert isinstance(field, RatingPicker), name
        return field

    @property
    def saved_mark(self) -> SavedMark:
        return self._saved

    # --- building ----------------------------------------------------------------------------

    def _field_texts(self) -> tuple[tuple[str, str, str, tuple[str, str], StepColour], ...]:
        """Per rating: its name, its label (with its Alt key), its hint, the words at its
        ends and its colours (the warm end is always the better one)."""
        return (
            (
                "mood",
                self.tr("&Mood"),
                self.tr("required · 0 = worst, 10 = best"),
                (self.tr("very low"), self.tr("very good")),
                mood_scale,
            ),
            (
                "anxiety",
                self.tr("&Anxiety"),
                self.tr("0 = none, 10 = extreme"),
                (self.tr("none"), self.tr("extreme")),
                reversed_scale,
            ),
            (
                "loneliness",
                self.tr("&Loneliness"),
                self.tr("0 = none, 10 = extreme"),
                (self.tr("none"), self.tr("extreme")),
                reversed_scale,
            ),
            (
                "energy",
                self.tr("&Energy"),
                self.tr("0 = exhausted, 10 = full of energy"),
                (self.tr("exhausted"), self.tr("full of energy")),
                mood_scale,
            ),
            (
                "physical",
                self.tr("P&hysical health"),
                self.tr("0 = very unwell, 10 = very well"),
                (self.tr("very unwell"), self.tr("very well")),
                mood_scale,
            ),
        )

    def _build(self) -> None:
        title = section_title(self.tr("Check-in"), "check_in_title")
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(2, 1)
        self._fields: dict[str, RatingPicker | QLineEdit] = {}
        keys = self.tr("A click or a digit picks; arrows move, Backspace clears, Enter moves on")
        for index, (name, label_text, hint, ends, colour) in enumerate(self._field_texts()):
            picker = RatingPicker(
                0, 10, colour=colour, ends=ends, compact=name != "mood", objectName=name
            )
            picker.setAccessibleName(label_text.replace("&", ""))
            picker.setToolTip(f"{hint}\n{keys}")
            self._add_row(grid, index, label_text, picker, f"{hint}. {keys}", span=2)

        sleep = QLineEdit(objectName="sleep_hours", placeholderText=self.tr("0–24"))
        sleep.setFixedWidth(self.fontMetrics().horizontalAdvance("00.00") + 28)
        sleep.setMaxLength(8)
        sleep.setAccessibleName(self.tr("Sleep hours"))
        sleep_hint = self.tr("hours slept, e.g. 7.5")
        self._add_row(grid, len(PICKED), self.tr("&Sleep hours"), sleep, sleep_hint)
        grid.addWidget(
            theme.as_hint(QLabel(sleep_hint, objectName="sleep_hours_hint", wordWrap=True)),
            2 * len(PICKED),
            2,
        )

        coping = QLineEdit(objectName="coping")
        coping.setPlaceholderText(self.tr("e.g. walk, music, called a friend"))
        coping.setAccessibleName(self.tr("What helped today"))
        self._coping_completer = TagCompleter(coping)
        coping_hint = self.tr("Tags, separated by commas; earlier tags are suggested")
        self._add_row(
            grid, len(RATING_FIELDS), self.tr("&What helped"), coping, coping_hint, span=2
        )
        coping.setToolTip(coping_hint)

        self._note = GrowingNote(objectName="note")
        self._note.setTabChangesFocus(True)  # Tab leaves the note for Save, as on the screen
        note_hint = self.tr("Anything you want to remember about this day")
        self._note.setPlaceholderText(note_hint)
        self._note.setAccessibleName(self.tr("Note"))
        note_label = QLabel(self.tr("&Note"))
        note_label.setBuddy(self._note)
        note_header = QHBoxLayout()
        note_header.addWidget(note_label)
        note_header.addWidget(self._notices.label("note", self._note, note_hint), 1)

        self._save_button = QPushButton(self.tr("Save"), objectName="save")
        self._save_button.setAccessibleName(self.tr("Save"))
        self._save_button.setToolTip(self.tr("Save this day's check-in (Ctrl+S)"))
        self._save_button.setAutoDefault(False)
        policy = self.tr("Ctrl+S saves. So does moving to another day or closing the window.")
        save_hint = theme.as_hint(QLabel(policy, objectName="save_hint", wordWrap=True))
        self._saved = SavedMark(self.tr("Saved ✓"))
        save_bar = QHBoxLayout()
        save_bar.addWidget(save_hint, 1)
        save_bar.addWidget(self._saved)
        save_bar.addWidget(self._save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addLayout(note_header)
        layout.addWidget(self._note)
        layout.addWidget(self._notices.label(_FORM_ERRORS))
        layout.addLayout(save_bar)
        layout.addStretch(1)
        self._notices.alias("date", _FORM_ERRORS)
        self._notices.repaint()

    def _add_row(
        self,
        grid: QGridLayout,
        index: int,
        label_text: str,
        field: RatingPicker | QLineEdit,
        hint: str,
        *,
        span: int = 1,
    ) -> None:
        """A labelled field on row ``2 * index``, its (hidden) message on the row below."""
        label = QLabel(label_text)
        label.setBuddy(field)
        grid.addWidget(label, 2 * index, 0)
        grid.addWidget(field, 2 * index, 1, 1, span)
        grid.addWidget(self._notices.label(field.objectName(), field, hint), 2 * index + 1, 1, 1, 2)
        self._fields[field.objectName()] = field

    def _wire(self) -> None:
        self._save_button.clicked.connect(self._on_save_clicked)
        for field, following in itertools.pairwise((*self._fields.values(), self._note)):
            picked = isinstance(field, RatingPicker)
            signal = field.return_pressed if picked else field.returnPressed
            signal.connect(functools.partial(self._on_field_return_pressed, field, following))

    # --- events and slots --------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._notices.repaint()

    def _on_save_clicked(self) -> None:
        self.save()

    def _on_field_return_pressed(self, field: RatingPicker | QLineEdit, following: QWidget) -> None:
        completer = field.completer() if isinstance(field, QLineEdit) else None
        if completer is not None and completer.popup().isVisible():
            return  # this Enter picks the suggestion; the next one moves on
        following.setFocus(Qt.FocusReason.TabFocusReason)

    # --- the form ----------------------------------------------------------------------------

    def _typed(self) -> dict[str, str]:
        texts = {name: field.text() for name, field in self._fields.items()}
        texts["note"] = self._note.toPlainText()
        return texts

    def _show_text(self, texts: dict[str, str]) -> None:
        for name, field in self._fields.items():
            if isinstance(field, RatingPicker):
                field.set_value(int(texts[name]) if texts[name].isdigit() else None)
            else:
                field.setText(texts[name])
        self._note.setPlainText(texts["note"])

    def _store(self, day: Day, *, leaving: bool = False) -> bool:
        typed = self._typed()
        try:
            self._journal.save_day(day)
        except ValidationError as error:
            self._show_errors(error.all)
            return leaving and self._ask_to_discard(str(error), error.all)
        except JournalError as error:
            if leaving:
                return self._ask_to_discard(str(error), {})
            from PySide6.QtWidgets import QMessageBox  # loaded when first needed, not at start

            QMessageBox.warning(self, self.tr("Not saved"), str(error))
            return False
        self._loaded = day
        self._shown_text = typed
        self._notices.clear()
        self._coping_completer.set_source(self._journal.coping_suggestions)
        self._saved.flash()
        self.day_saved.emit(day.date)
        return True

    def _ask_to_discard(self, why: str, problems: dict[str, str]) -> bool:
        from journal.ui.dialogs.unsaved_changes import ask_to_discard  # not needed at start

        if ask_to_discard(self, why, problems):
            self.discard_changes()
            return True
        self._notices.focus_first(problems)
        return False

    def _show_errors(self, problems: dict[str, str]) -> None:
        self._notices.show(problems)
        self._notices.focus_first(problems)


def _with_decimal_comma(texts: dict[str, str]) -> dict[str, str]:
    """Sleep hours as a German or French speaker writes them ("7,5"); the core reads a comma
    as well as a point, and other decimal signs are not read, so they stay a point."""
    if QLocale().decimalPoint() == ",":
        texts = {**texts, "sleep_hours": texts["sleep_hours"].replace(".", ",")}
    return texts
