"""The Today page: one day's check-in, quick to type with the keyboard.

Ratings and sleep are plain text boxes, not spin boxes, so "6 Tab 3 Tab 7 …" is all it takes;
the domain (``parse_day``) decides what is valid and its messages appear beside their fields.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools

from PySide6.QtCore import QDate, QEvent, QLocale, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from journal.domain.errors import JournalError, ValidationError
from journal.domain.parse import parse_day
from journal.domain.records import Day
from journal.services import Journal
from journal.ui import theme

#: The one-line fields in screen (and Tab) order; the note follows them.
LINE_FIELDS = ("mood", "anxiety", "loneliness", "energy", "physical", "sleep_hours")
#: Every typed field of the form, as ``parse_day`` names them.
FIELDS = (*LINE_FIELDS, "note")
#: Marks a message about a field, so colour is not the only thing that tells it apart.
NOTICE_SYMBOL = "⚠"

_FORM_ERRORS = "form"  # where a message about no visible field (the date, say) is shown


def _as_text(day: Day | None) -> dict[str, str]:
    """What the form shows for a saved day (empty fields when there is none)."""
    if day is None:
        return dict.fromkeys(FIELDS, "")
    texts = {
        name: "" if getattr(day, name) is None else str(getattr(day, name)) for name in LINE_FIELDS
    }
    if day.sleep_hours is not None:
        texts["sleep_hours"] = f"{day.sleep_hours:g}"
    texts["note"] = day.note
    return texts


class _DayEdit(QDateEdit):
    """A date box that Tab leaves at once, as the screen reads: date, then mood.

    Qt's date box would walk its year, month and day with Tab first; here those are reached by
    typing (a full section moves on), Left/Right and the arrow keys, or the calendar (F4).
    """

    def __init__(self, **properties: object) -> None:
        super().__init__(**properties)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setKeyboardTracking(False)  # a half-typed date is not a day to load
        theme.calm_calendar(self.calendarWidget())

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


class TodayPage(QWidget):
    """The check-in of one day, today unless the person picks an earlier date.

    Unsaved changes: leaving the day shown (another date, or closing the window, both through
    ``commit_pending``) saves the edits automatically when they are valid. When they are not,
    the messages appear beside their fields and the person is asked to keep editing or to
    discard the changes; typed words are never dropped without that question.

    Keyboard: Tab goes date → mood → anxiety → loneliness → energy → physical health → sleep →
    note → Save (then the day buttons). Enter in a one-line field moves on like Tab, so the
    ratings can be typed "6 Enter 3 Enter …" too; Enter never saves, Ctrl+S does. Alt+Left,
    Alt+Right and Alt+Home go to the previous day, the next day and today.

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
        self.setObjectName("today_page")
        self._build()
        self._wire()
        self._load(self._date)

    # --- public ------------------------------------------------------------------------------

    @property
    def date(self) -> dt.date:
        """The day shown."""
        return self._date

    def has_unsaved_changes(self) -> bool:
        return self._typed() != self._shown_text

    def save(self) -> bool:
        """Save what is typed (Ctrl+S); on invalid input show why beside each field."""
        try:
            day = self._parse()
        except ValidationError as error:
            self._show_errors(error.all)
            return False
        return self._store(day)

    def commit_pending(self) -> bool:
        """Make it safe to leave the day shown; True when nothing typed will be lost.

        Valid edits are saved; invalid ones lead to a question: keep editing (False) or
        discard the changes (True).
        """
        if not self.has_unsaved_changes():
            return True
        try:
            day = self._parse()
        except ValidationError as error:
            self._show_errors(error.all)
            return self._ask_to_discard(
                self.tr("Some of this day's entries are not valid, so they have not been saved."),
                error.all,
            )
        if day == self._loaded:  # typed differently ("07" for "7"), nothing new to store
            self._shown_text = self._typed()
            return True
        return self._store(day, leaving=True)

    def discard_changes(self) -> None:
        """Put the form back to the day as it was last loaded or saved."""
        self._show_text(self._shown_text)
        self._clear_errors()

    # --- building ----------------------------------------------------------------------------

    def _field_texts(self) -> tuple[tuple[str, str, str], ...]:
        """Per one-line field: its name, its label (with its Alt key) and its hint."""
        return (
            ("mood", self.tr("&Mood"), self.tr("required · 0 = worst, 10 = best")),
            ("anxiety", self.tr("&Anxiety"), self.tr("0 = none, 10 = extreme")),
            ("loneliness", self.tr("&Loneliness"), self.tr("0 = none, 10 = extreme")),
            ("energy", self.tr("&Energy"), self.tr("0 = exhausted, 10 = full of energy")),
            ("physical", self.tr("P&hysical health"), self.tr("0 = very unwell, 10 = very well")),
            ("sleep_hours", self.tr("&Sleep hours"), self.tr("hours slept, e.g. 7.5")),
        )

    def _build(self) -> None:
        self._heading = QLabel(objectName="day_heading")
        theme.as_heading(self._heading)
        self._day_state = theme.as_hint(QLabel(objectName="day_state"))

        self._date_edit = _DayEdit(objectName="date")
        self._date_edit.setAccessibleName(self.tr("Day"))
        self._previous = self._day_button("previous_day", self.tr("◀ Previous day"), "Alt+Left")
        self._next = self._day_button("next_day", self.tr("Next day ▶"), "Alt+Right")
        self._today = self._day_button("today", self.tr("Today"), "Alt+Home")

        date_label = QLabel(self.tr("&Day"))
        date_label.setBuddy(self._date_edit)
        date_bar = QHBoxLayout()
        for widget in (date_label, self._date_edit, self._previous, self._next, self._today):
            date_bar.addWidget(widget)
        date_bar.addStretch(1)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(3, 1)
        self._edits: dict[str, QLineEdit] = {}
        self._errors: dict[str, QLabel] = {}
        self._hints: dict[str, str] = {}
        width = self.fontMetrics().horizontalAdvance("00.00") + 28
        for row, (name, label_text, hint) in enumerate(self._field_texts()):
            range_ = self.tr("0–24") if name == "sleep_hours" else self.tr("0–10")
            edit = QLineEdit(objectName=name, placeholderText=range_)
            edit.setFixedWidth(width)
            edit.setMaxLength(8)
            edit.setAccessibleName(label_text.replace("&", ""))
            edit.setAccessibleDescription(hint)
            label = QLabel(label_text)
            label.setBuddy(edit)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(theme.as_hint(QLabel(hint, objectName=f"{name}_hint")), row, 2)
            grid.addWidget(self._error_label(name), row, 3)
            self._edits[name] = edit
            self._hints[name] = hint

        self._note = QPlainTextEdit(objectName="note")
        self._note.setTabChangesFocus(True)  # Tab leaves the note for Save, as on the screen
        self._note.setPlaceholderText(self.tr("Anything you want to remember about this day"))
        self._note.setAccessibleName(self.tr("Note"))
        self._note.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self._hints["note"] = ""
        self._hints["date"] = self.tr("The day of this check-in")
        self._widgets: dict[str, QWidget] = {"date": self._date_edit, **self._edits}
        self._widgets["note"] = self._note
        note_label = QLabel(self.tr("&Note"))
        note_label.setBuddy(self._note)
        note_header = QHBoxLayout()
        note_header.addWidget(note_label)
        note_header.addWidget(self._error_label("note"), 1)

        self._save_button = QPushButton(self.tr("Save"), objectName="save")
        self._save_button.setAccessibleName(self.tr("Save"))
        self._save_button.setToolTip(self.tr("Save this day's check-in (Ctrl+S)"))
        self._save_button.setAutoDefault(False)
        policy = self.tr("Ctrl+S saves. So does moving to another day or closing the window.")
        save_hint = theme.as_hint(QLabel(policy, objectName="save_hint", wordWrap=True))
        save_bar = QHBoxLayout()
        save_bar.addWidget(self._error_label(_FORM_ERRORS), 1)
        save_bar.addWidget(save_hint, 1)
        save_bar.addWidget(self._save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(self._heading)
        layout.addWidget(self._day_state)
        layout.addLayout(date_bar)
        layout.addSpacing(6)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addLayout(note_header)
        layout.addWidget(self._note, 1)
        layout.addLayout(save_bar)

        chain = (*self._widgets.values(), self._save_button, self._previous, self._next)
        for first, second in itertools.pairwise((*chain, self._today)):
            QWidget.setTabOrder(first, second)
        self._paint_notices()

    def _day_button(self, name: str, text: str, keys: str) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setAccessibleName(text.strip("◀▶ "))
        button.setShortcut(QKeySequence(keys))
        shortcut = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{button.accessibleName()} ({shortcut})")
        button.setAutoDefault(False)
        return button

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(objectName=f"{name}_error")
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        self._errors[name] = label
        return label

    def _wire(self) -> None:
        self._date_edit.dateChanged.connect(self._on_date_date_changed)
        self._previous.clicked.connect(self._on_previous_clicked)
        self._next.clicked.connect(self._on_next_clicked)
        self._today.clicked.connect(self._on_today_clicked)
        self._save_button.clicked.connect(self._on_save_clicked)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self._on_save_shortcut_activated)
        for field, following in itertools.pairwise((*self._edits.values(), self._note)):
            field.returnPressed.connect(functools.partial(self._on_field_return_pressed, following))

    # --- events ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # not when the window is merely restored
            self._refresh_today()
            self._edits["mood"].setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._paint_notices()

    # --- slots -------------------------------------------------------------------------------

    def _on_date_date_changed(self, date: QDate) -> None:
        chosen = date.toPython()
        if chosen == self._date:
            return
        if not self.commit_pending():
            self._set_date_edit(self._date)
            return
        self._load(chosen)

    def _on_previous_clicked(self) -> None:
        self._go_to(self._date - dt.timedelta(days=1))

    def _on_next_clicked(self) -> None:
        self._go_to(self._date + dt.timedelta(days=1))

    def _on_today_clicked(self) -> None:
        self._refresh_today()
        self._go_to(self._journal.today())

    def _on_save_clicked(self) -> None:
        self.save()

    def _on_save_shortcut_activated(self) -> None:
        self.save()

    def _on_field_return_pressed(self, following: QWidget) -> None:
        following.setFocus(Qt.FocusReason.TabFocusReason)

    # --- the day shown -----------------------------------------------------------------------

    def _go_to(self, date: dt.date) -> None:
        if date <= self._journal.today():
            self._date_edit.setDate(QDate(date))  # through _on_date_date_changed

    def _refresh_today(self) -> None:
        """The latest day that can be chosen is today, which moves on at midnight."""
        with QSignalBlocker(self._date_edit):
            self._date_edit.setMaximumDate(QDate(self._journal.today()))
        self._update_date_bar()

    def _set_date_edit(self, date: dt.date) -> None:
        with QSignalBlocker(self._date_edit):
            self._date_edit.setDate(QDate(date))

    def _load(self, date: dt.date) -> None:
        self._date = date
        self._loaded = self._journal.day(date)
        self._show_text(_as_text(self._loaded))
        self._shown_text = self._typed()  # as the widgets hold it (line ends), so merely
        # looking at a day never counts as a change to save
        self._clear_errors()
        self._refresh_today()
        self._set_date_edit(date)
        self._update_date_bar()

    def _update_date_bar(self) -> None:
        today = self._journal.today()
        self._next.setEnabled(self._date < today)
        self._today.setEnabled(self._date != today)
        self._previous.setEnabled(QDate(self._date) > self._date_edit.minimumDate())
        long_date = QLocale().toString(QDate(self._date), QLocale.FormatType.LongFormat)
        self._heading.setText(
            self.tr("Today — {date}").format(date=long_date) if self._date == today else long_date
        )
        self._day_state.setText(
            self.tr("Check-in saved for this day.")
            if self._loaded
            else self.tr("No check-in for this day yet.")
        )

    # --- the form ----------------------------------------------------------------------------

    def _typed(self) -> dict[str, str]:
        texts = {name: edit.text() for name, edit in self._edits.items()}
        texts["note"] = self._note.toPlainText()
        return texts

    def _show_text(self, texts: dict[str, str]) -> None:
        for name, edit in self._edits.items():
            edit.setText(texts[name])
        self._note.setPlainText(texts["note"])

    def _parse(self) -> Day:
        day = parse_day(self._date, self._typed())
        if self._loaded is not None:  # coping tags are not on this page: keep the saved ones
            day = dataclasses.replace(day, coping=self._loaded.coping)
        return day

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
            QMessageBox.warning(self, self.tr("Not saved"), str(error))
            return False
        self._loaded = day
        self._shown_text = typed
        self._clear_errors()
        self._update_date_bar()
        self.day_saved.emit(day.date)
        return True

    def _ask_to_discard(self, why: str, problems: dict[str, str]) -> bool:
        """Ask before dropping edits; True means discard them (the form is put back)."""
        box = QMessageBox(self, objectName="unsaved_changes")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(why)
        details = "\n".join(f"{NOTICE_SYMBOL} {message}" for message in problems.values())
        box.setInformativeText(
            (details + "\n\n" if details else "")
            + self.tr("Keep editing to correct them, or discard the changes to this day.")
        )
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keep_editing")
        discard = box.addButton(self.tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discard_changes")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        if box.clickedButton() is discard:
            self.discard_changes()
            return True
        self._focus_first(problems)
        return False

    def _show_errors(self, problems: dict[str, str]) -> None:
        self._clear_errors()
        for field, message in problems.items():
            name = field if field in self._errors else _FORM_ERRORS
            label = self._errors[name]
            text = f"{NOTICE_SYMBOL} {message}"
            label.setText(f"{label.text()}\n{text}" if label.isVisibleTo(self) else text)
            label.show()
            if field in self._widgets:
                self._widgets[field].setAccessibleDescription(
                    f"{message}. {self._hints[field]}".strip()
                )
        self._focus_first(problems)

    def _clear_errors(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()
        for name, widget in self._widgets.items():
            widget.setAccessibleDescription(self._hints[name])

    def _focus_first(self, problems: dict[str, str]) -> None:
        for name in ("date", *FIELDS):
            if name in problems:
                self._widgets[name].setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _paint_notices(self) -> None:
        for label in self._errors.values():
            theme.paint_as_notice(label)
