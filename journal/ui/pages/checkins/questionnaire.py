"""One questionnaire, one item at a time, answered with the mouse or a single digit.

Keyboard: a digit answers the item shown and moves on to the next (0-3 for PHQ-9 and GAD-7,
0-5 for WHO-5, 1-3 for UCLA-3); Backspace or Up goes back one item; Enter moves on, and on the
last item saves once every item is answered. Esc cancels. The published instructions with the
time frame and the source's credit stay on screen the whole time.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from journal.domain.questionnaires import Questionnaire
from journal.ui import theme
from journal.ui.locale import date_edit_format

_CONTEXT = "questionnaires"  # translations of the published wording (official ones only)
_BACK_KEYS = (Qt.Key.Key_Backspace, Qt.Key.Key_Up)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _AnswerButton(QRadioButton):
    """An answer: Up and Backspace go back an item (the form's keys), not to another answer."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _BACK_KEYS or event.key() in _ENTER_KEYS:
            event.ignore()  # passes the key to the form
            return
        super().keyPressEvent(event)


def tr_published(text: str) -> str:
    """The published wording in the interface language, where an official translation exists."""
    return QCoreApplication.translate(_CONTEXT, text)


class QuestionnaireForm(QWidget):
    """Takes one questionnaire; the page saves what it reports.

    Signals:
        answers_submitted(datetime.date, tuple): every item answered and Save (or Enter on the
            last item) pressed; the date it was taken on and the answers in item order.
        cancelled(): the person left without saving.
    """

    answers_submitted = Signal(object, object)
    cancelled = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionnaire")
        self.setAccessibleName(self.tr("Questionnaire"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._today = today
        self._questionnaire: Questionnaire | None = None
        self._answers: list[int | None] = []
        self._index = 0
        self._radios: list[QRadioButton] = []
        self._build()

    # --- public ------------------------------------------------------------------------------

    @property
    def questionnaire(self) -> Questionnaire | None:
        return self._questionnaire

    @property
    def answers(self) -> tuple[int | None, ...]:
        return tuple(self._answers)

    @property
    def index(self) -> int:
        """The item shown, 0-based."""
        return self._index

    def start(self, questionnaire: Questionnaire, today: dt.date | None = None) -> None:
        """Begin ``questionnaire`` from its first item, dated today."""
        self._questionnaire = questionnaire
        self._today = today or self._today
        self._answers = [None] * len(questionnaire.items)
        self._date.setMaximumDate(QDate(self._today))
        self._date.setDate(QDate(self._today))
        self._title.setText(tr_published(questionnaire.name))
        self._instructions.setText(tr_published(questionnaire.instructions))
        self._credit.setText(
            self.tr("Source: {credit}").format(credit=tr_published(questionnaire.credit))
        )
        low = min(o.value for o in questionnaire.options)
        high = max(o.value for o in questionnaire.options)
        self._keys_hint.setText(
            self.tr(
                "Type {low}–{high} to answer and move on · Backspace goes back · Enter saves on "
                "the last question"
            ).format(low=low, high=high)
        )
        self.setAccessibleDescription(self._keys_hint.text())
        self._build_options(questionnaire)
        self._show_item(0)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def answer(self, value: int) -> bool:
        """Answer the item shown with ``value`` points and move on; False if not an answer."""
        if self._questionnaire is None or self._questionnaire.option(value) is None:
            return False
        self._answers[self._index] = value
        if self._index < len(self._answers) - 1:
            self._show_item(self._index + 1)
        else:
            self._show_item(self._index)
            self._save.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def back(self) -> None:
        if self._index > 0:
            self._show_item(self._index - 1)

    def submit(self) -> bool:
        """Report the answers when every item is answered; False (and a hint) otherwise."""
        if self._questionnaire is None:
            return False
        missing = [i for i, a in enumerate(self._answers) if a is None]
        if missing:
            self._show_item(missing[0])
            self._status.setText(
                self.tr("Question {n} has no answer yet.").format(n=missing[0] + 1)
            )
            return False
        self.answers_submitted.emit(self._date.date().toPython(), tuple(self._answers))
        return True

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self._title = theme.as_heading(QLabel(objectName="questionnaire_title", wordWrap=True))
        self._date = QDateEdit(objectName="questionnaire_date", calendarPopup=True)
        self._date.setDisplayFormat(date_edit_format())
        self._date.setAccessibleName(self.tr("Taken on"))
        self._date.setAccessibleDescription(
            self.tr("The day you answered it, up to today; F4 opens a calendar")
        )
        theme.calm_calendar(self._date.calendarWidget())
        date_label = QLabel(self.tr("Taken on"), objectName="questionnaire_date_label")
        date_label.setBuddy(self._date)
        self._instructions = QLabel(objectName="questionnaire_instructions", wordWrap=True)
        self._progress = theme.as_hint(QLabel(objectName="questionnaire_progress"))
        self._item = QLabel(objectName="question", wordWrap=True)
        self._item.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self._item.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self._item.setFont(font)
        self._item.setMinimumHeight(self._item.fontMetrics().lineSpacing() * 3)
        self._item.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self._options = QVBoxLayout()
        self._options.setSpacing(6)
        self._group = QButtonGroup(self)
        self._status = theme.as_hint(QLabel(objectName="questionnaire_status", wordWrap=True))
        self._keys_hint = theme.as_hint(QLabel(objectName="questionnaire_keys", wordWrap=True))
        self._credit = theme.as_hint(QLabel(objectName="questionnaire_credit", wordWrap=True))
        self._credit.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._cancel = self._button(
            self.tr("Cancel"), "cancel_questionnaire", self.tr("Cancel the questionnaire")
        )
        self._previous = self._button(
            self.tr("Back"), "previous_question", self.tr("Previous question")
        )
        self._next = self._button(self.tr("Next"), "next_question", self.tr("Next question"))
        self._save = self._button(
            self.tr("Save"), "save_questionnaire", self.tr("Save the questionnaire")
        )

        header = QHBoxLayout()
        header.addWidget(self._title, 1)
        header.addWidget(date_label)
        header.addWidget(self._date)
        buttons = QHBoxLayout()
        buttons.addWidget(self._cancel)
        buttons.addStretch(1)
        for button in (self._previous, self._next, self._save):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self._instructions)
        layout.addSpacing(8)
        layout.addWidget(self._progress)
        layout.addWidget(self._item)
        layout.addLayout(self._options)
        layout.addWidget(self._status)
        layout.addStretch(1)
        layout.addWidget(self._keys_hint)
        layout.addLayout(buttons)
        layout.addWidget(self._credit)

        self._cancel.clicked.connect(self._on_cancel_clicked)
        self._previous.clicked.connect(self._on_previous_clicked)
        self._next.clicked.connect(self._on_next_clicked)
        self._save.clicked.connect(self._on_save_clicked)
        self._group.idClicked.connect(self._on_group_id_clicked)

    def _button(self, text: str, name: str, accessible: str) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setAccessibleName(accessible)
        button.setAutoDefault(True)  # Enter on a focused button presses that button
        return button

    def _build_options(self, questionnaire: Questionnaire) -> None:
        for radio in self._radios:
            self._group.removeButton(radio)
            self._options.removeWidget(radio)
            radio.deleteLater()
        self._radios = []
        for option in questionnaire.options:
            radio = _AnswerButton(
                self.tr("{label} ({value})").format(
                    label=tr_published(option.label), value=option.value
                ),
                objectName=f"answer_{option.value}",
            )
            radio.setAccessibleName(radio.text())
            self._group.addButton(radio, option.value)
            self._options.addWidget(radio, 0, Qt.AlignmentFlag.AlignLeft)
            self._radios.append(radio)

    def _show_item(self, index: int) -> None:
        q = self._questionnaire
        assert q is not None
        self._index = index
        total = len(q.items)
        self._progress.setText(self.tr("Question {n} of {total}").format(n=index + 1, total=total))
        text = tr_published(q.items[index])
        self._item.setText(text)
        self._item.setAccessibleName(text)
        for radio in self._radios:  # an answer's words alone do not say what they answer
            radio.setAccessibleDescription(text)
        self._status.clear()
        chosen = self._answers[index]
        self._group.setExclusive(False)  # lets no radio be checked for an unanswered item
        for radio in self._radios:
            radio.setChecked(self._group.id(radio) == chosen)
        self._group.setExclusive(True)
        last = index == total - 1
        self._previous.setEnabled(index > 0)
        self._next.setVisible(not last)
        self._next.setEnabled(chosen is not None)
        self._save.setVisible(last)
        self._save.setEnabled(all(a is not None for a in self._answers))

    # --- keys --------------------------------------------------------------------------------

    def _handle_key(self, event: QKeyEvent) -> bool:
        """True when the key was one of the questionnaire's own."""
        if self._questionnaire is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            value = int(key) - int(Qt.Key.Key_0)
            if not self.answer(value):
                low = min(o.value for o in self._questionnaire.options)
                high = max(o.value for o in self._questionnaire.options)
                self._status.setText(
                    self.tr("Answers to this question are {low} to {high}.").format(
                        low=low, high=high
                    )
                )
            return True
        if key in _BACK_KEYS:
            self.back()
            return True
        if key in _ENTER_KEYS:
            if self._index == len(self._answers) - 1:
                self.submit()
            elif self._answers[self._index] is not None:
                self._show_item(self._index + 1)
            return True
        if key == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handle_key(event):
            super().keyPressEvent(event)

    # --- slots -------------------------------------------------------------------------------

    def _on_group_id_clicked(self, value: int) -> None:
        self.answer(value)

    def _on_previous_clicked(self) -> None:
        self.back()

    def _on_next_clicked(self) -> None:
        if self._index < len(self._answers) - 1:
            self._show_item(self._index + 1)

    def _on_save_clicked(self) -> None:
        self.submit()

    def _on_cancel_clicked(self) -> None:
        self.cancelled.emit()
