"""What the treatment dialogs share: a form whose messages appear beside their fields.

A ``FormDialog`` subclass adds its fields with ``add_field`` and implements ``_save``, which
builds the record and hands it to the journal. A ``ValidationError`` from either keeps the
dialog open with the message beside the field it names; nothing is stored half, because the
record is complete before the journal sees it and the journal saves it in one transaction.

Also here: the words the treatment screens show for the core's enumerations, through ``tr``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from journal.domain.kinds import CommitmentKind, Mode, SessionStatus
from journal.i18n import format_number
from journal.services import Journal
from journal.ui import theme
from journal.ui.locale import date_edit_format
from journal.ui.widgets import choices
from journal.ui.widgets.notices import FORM, NOTICE_SYMBOL, accept_if_valid

_CONTEXT = "treatment"

_FELT_HEARD = (
    (None, QT_TRANSLATE_NOOP("treatment", "not rated")),
    (1, QT_TRANSLATE_NOOP("treatment", "1 – not at all")),
    (2, QT_TRANSLATE_NOOP("treatment", "2 – a little")),
    (3, QT_TRANSLATE_NOOP("treatment", "3 – somewhat")),
    (4, QT_TRANSLATE_NOOP("treatment", "4 – mostly")),
    (5, QT_TRANSLATE_NOOP("treatment", "5 – completely")),
)


def status_text(status: SessionStatus) -> str:
    return SessionStatus(status).label


def mode_text(mode: Mode) -> str:
    """A mode's words; the one table of them is in ``widgets/choices.py``."""
    return choices.mode_text(mode)


def kind_text(kind: CommitmentKind) -> str:
    return CommitmentKind(kind).label


def percent(numerator: float, denominator: float) -> str:
    """``5, 6`` → ``83%`` (``83 %`` in German); the share of something scheduled (never
    called with 0 scheduled)."""
    return QCoreApplication.translate("treatment", "{n}%").format(
        n=format_number(round(100 * numerator / denominator), 0)
    )


def felt_heard_combo(name: str) -> QComboBox:
    """ "I felt heard and understood", 1–5 or not rated; typing a digit picks that rating."""
    combo = QComboBox(objectName=name)
    for value, text in _FELT_HEARD:
        combo.addItem(QCoreApplication.translate(_CONTEXT, text), value)
    combo.setAccessibleName(QCoreApplication.translate("treatment", "I felt heard and understood"))
    combo.setAccessibleDescription(
        QCoreApplication.translate("treatment", "1 = not at all, 5 = completely")
    )
    return combo


def set_combo_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def date_edit(name: str, accessible: str, date: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(date), objectName=name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_edit_format())
    edit.setAccessibleName(accessible)
    theme.calm_calendar(edit.calendarWidget())
    return edit


class OptionalDate(QWidget):
    """A date that may be left out: a check box ("Stopped") and the date it enables."""

    def __init__(self, name: str, check_text: str, accessible: str, date: dt.date) -> None:
        super().__init__(objectName=f"{name}_box")
        self.check = QCheckBox(check_text, objectName=f"{name}_set")
        self.check.setAccessibleName(check_text.replace("&", ""))
        self.edit = date_edit(name, accessible, date)
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.check.toggled.connect(self._on_check_toggled)
        self.setFocusProxy(self.check)

    def value(self) -> dt.date | None:
        return self.edit.date().toPython() if self.check.isChecked() else None

    def set_value(self, date: dt.date | None) -> None:
        self.check.setChecked(date is not None)
        if date is not None:
            self.edit.setDate(QDate(date))

    def _on_check_toggled(self, checked: bool) -> None:
        self.edit.setEnabled(checked)


def _described(widget: QWidget) -> tuple[QWidget, ...]:
    """The controls that carry a field's description (an optional date's box and date)."""
    return (widget.check, widget.edit) if isinstance(widget, OptionalDate) else (widget,)


class FormDialog(QDialog):
    """A dialog of labelled fields with a message slot under each; Save runs ``_save``.

    Signals:
        saved(object): the record the journal stored; the dialog then closes.
    """

    saved = Signal(object)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._widgets: dict[str, QWidget] = {}
        self._descriptions: dict[str, str] = {}
        self._errors: dict[str, QLabel] = {}
        self._aliases: dict[str, str] = {}
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        from PySide6.QtWidgets import QDialogButtonBox  # with the first dialog, not at start

        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
            objectName="buttons",
        )
        save = self._buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setObjectName("save")
        save.setAccessibleName(self.tr("Save"))
        cancel = self._buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        cancel.setAccessibleName(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        # The dialog grows when a message appears beside a field rather than clipping it.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addStrut(self.fontMetrics().averageCharWidth() * 64)  # hints on one or two lines
        layout.addLayout(self._form)
        layout.addWidget(self._error_label(FORM))
        layout.addWidget(self._buttons)
        self._buttons.accepted.connect(self._on_buttons_accepted)
        self._buttons.rejected.connect(self.reject)

    # --- for subclasses ----------------------------------------------------------------------

    def add_field(
        self,
        name: str,
        label_text: str,
        widget: QWidget,
        hint: str = "",
        *,
        description: str = "",
    ) -> None:
        """A row: the label (with its Alt key), the widget, a hint, and its message below.

        The hint shown is also the widget's accessible description, so a screen reader says
        it; without one, ``description`` (or a line edit's placeholder, or the description
        the widget already has) is said instead.
        """
        label = QLabel(label_text)
        label.setBuddy(widget.focusProxy() or widget)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(widget)
        if hint:
            column.addWidget(theme.as_hint(QLabel(hint, objectName=f"{name}_hint", wordWrap=True)))
        column.addWidget(self._error_label(name))
        self._form.addRow(label, column)
        self._widgets[name] = widget
        placeholder = widget.placeholderText() if isinstance(widget, QLineEdit) else ""
        self._descriptions[name] = (
            hint or description or placeholder or _described(widget)[0].accessibleDescription()
        )
        self._describe(name, "")

    def alias(self, field: str, shown_as: str) -> None:
        """Show the journal's messages about ``field`` beside the field ``shown_as``."""
        self._aliases[field] = shown_as

    def _save(self) -> object:
        """Build the record and store it through the journal; raise ``ValidationError``."""
        raise NotImplementedError

    # --- messages ----------------------------------------------------------------------------

    def message(self, name: str) -> str:
        """The message shown beside a field (``FORM`` for the form's own), "" when none."""
        label = self._errors[name]
        return label.text() if not label.isHidden() else ""

    def show_errors(self, problems: dict[str, str]) -> None:
        self.clear_errors()
        first: QWidget | None = None
        for field, text in problems.items():
            name = self._aliases.get(field, field)
            name = name if name in self._errors else FORM
            label = self._errors[name]
            shown = f"{NOTICE_SYMBOL} {text}"
            label.setText(f"{label.text()}\n{shown}" if not label.isHidden() else shown)
            label.show()
            widget = self._widgets.get(name)
            if widget is not None:
                self._describe(name, text)
                first = first or widget
        if first is not None:
            (first.focusProxy() or first).setFocus(Qt.FocusReason.OtherFocusReason)
        self.adjustSize()

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()
        for name in self._widgets:
            self._describe(name, "")

    def _describe(self, name: str, message: str) -> None:
        """A field's description: its message (when it has one), then what it is for."""
        text = self._descriptions[name]
        if message:
            text = f"{message}. {text}" if text else message
        for widget in _described(self._widgets[name]):
            widget.setAccessibleDescription(text)

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(objectName=f"{name}_error", wordWrap=True)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        self._errors[name] = label
        theme.paint_as_notice(label)
        return label

    # --- events and slots --------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            for label in self._errors.values():
                theme.paint_as_notice(label)

    def _on_buttons_accepted(self) -> None:
        accept_if_valid(self, self._save, self.show_errors, saved=self._after_save)

    def _after_save(self, record: object) -> None:
        self.clear_errors()
        self.saved.emit(record)


class DateDialog(FormDialog):
    """Asks for one date (stop a medication, end a commitment) and passes it to ``action``."""

    def __init__(
        self,
        journal: Journal,
        *,
        title: str,
        field: str,
        label_text: str,
        hint: str,
        action: Callable[[dt.date], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(journal, parent)
        self.setObjectName(f"{field}_dialog")
        self.setWindowTitle(title)
        self._action = action
        self.date = date_edit(field, label_text.replace("&", ""), journal.today())
        self.add_field(field, label_text, self.date, hint)

    def _save(self) -> object:
        return self._action(self.date.date().toPython())
