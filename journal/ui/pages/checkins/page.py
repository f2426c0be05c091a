"""The Check-ins page: standard questionnaires, their history over the published bands, and a
gentle reminder when one is due.

After a PHQ-9 whose item 9 is answered above 0, the crisis message comes first, before the
score and before anything else on screen; no setting can skip it. Results are reported as the
score and the published band name only.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.domain.errors import JournalError, ValidationError
from journal.domain.instruments import SAFETY_FLAG, WELLBEING_CUTOFF
from journal.domain.kinds import Instrument
from journal.domain.questionnaires import QUESTIONNAIRES, questionnaire
from journal.domain.records import Assessment
from journal.i18n import format_date, format_number
from journal.services import Journal
from journal.ui.charts.score_history import ScoreHistoryChart
from journal.ui.dialogs.crisis_dialog import CrisisDialog
from journal.ui.pages.checkins.questionnaire import QuestionnaireForm, tr_published
from journal.ui.widgets.empty_state import EmptyState
from journal.ui.widgets.records import RecordsModel
from journal.ui.widgets.section import page_column

#: Marks an assessment whose safety item was answered above 0, in words and a symbol; the
#: score chart draws the same diamond. Neutral on purpose: not a warning, not a star.
FLAG_SYMBOL = "◆"


class CheckinsPage(QWidget):
    """Take a questionnaire, see its history, and be reminded (gently) when one is due.

    Signals:
        assessment_saved(Assessment): a questionnaire was stored (after any crisis message).
    """

    assessment_saved = Signal(object)

    def __init__(
        self, journal: Journal, parent: QWidget | None = None, *, locale: str | None = None
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._locale = locale
        self._reminder_dismissed = False
        self._due_first = Instrument.PHQ9
        self.setObjectName("checkins_page")
        self._build()
        self._wire()
        self.refresh()

    # --- public ------------------------------------------------------------------------------

    @property
    def form(self) -> QuestionnaireForm:
        return self._form

    @property
    def chart(self) -> ScoreHistoryChart:
        return self._chart

    @property
    def instrument(self) -> Instrument:
        return Instrument(self._instrument.currentData())

    def result_text(self) -> str:
        return self._result.text() if not self._result_frame.isHidden() else ""

    def reminder_text(self) -> str:
        return self._reminder.text() if not self._reminder_frame.isHidden() else ""

    def show_instrument(self, instrument: Instrument | str) -> None:
        self._instrument.setCurrentIndex(self._instrument.findData(Instrument(instrument).value))

    def start(self, instrument: Instrument | str | None = None) -> None:
        """Begin a questionnaire (the one chosen when ``instrument`` is not given)."""
        if instrument is not None:
            self.show_instrument(instrument)
        self._result_frame.hide()
        self._reminder_frame.hide()  # nothing else asks for attention while answering
        self._stack.setCurrentWidget(self._form)
        self._form.start(questionnaire(self.instrument), self._journal.today())

    def refresh(self) -> None:
        """Reload the history, the chart and the reminder from the journal."""
        self._reminder_days.blockSignals(True)
        self._reminder_days.setValue(self._journal.settings().questionnaire_every_days)
        self._reminder_days.blockSignals(False)
        self._show_history()
        self._show_reminder()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self._reminder_frame, self._reminder = self._banner("reminder")
        self._take_due = QPushButton(objectName="take_due")
        self._not_now = QPushButton(self.tr("Not now"), objectName="reminder_not_now")
        self._not_now.setAccessibleName(self.tr("Hide the reminder for now"))
        self._not_now.setAccessibleDescription(
            self.tr("It is not shown again until the journal is next opened")
        )
        self._not_now.setFlat(True)
        self._reminder_frame.layout().addWidget(self._take_due)
        self._reminder_frame.layout().addWidget(self._not_now)
        self._result_frame, self._result = self._banner("result")

        self._instrument = QComboBox(objectName="instrument")
        self._instrument.setAccessibleName(self.tr("Questionnaire"))
        self._instrument.setAccessibleDescription(
            self.tr("Whose scores the chart and history below show, and which one to take")
        )
        for q in QUESTIONNAIRES.values():
            self._instrument.addItem(tr_published(q.title), q.instrument.value)
        instrument_label = QLabel(self.tr("&Questionnaire"), objectName="instrument_label")
        instrument_label.setBuddy(self._instrument)
        self._start = QPushButton(objectName="start_questionnaire")
        self._reminder_days = QSpinBox(objectName="reminder_days")
        self._reminder_days.setRange(0, 365)
        self._reminder_days.setSpecialValueText(self.tr("never"))
        self._reminder_days.setSuffix(self.tr(" days"))
        self._reminder_days.setAccessibleName(self.tr("Suggest a questionnaire every"))
        self._reminder_days.setAccessibleDescription(
            self.tr("Days after taking one before it is suggested again, 0 to 365; 0 = never")
        )
        reminder_label = QLabel(self.tr("Suggest one every"), objectName="reminder_days_label")
        reminder_label.setBuddy(self._reminder_days)
        controls = QHBoxLayout()
        controls.addWidget(instrument_label)
        controls.addWidget(self._instrument)
        controls.addWidget(self._start)
        controls.addStretch(1)
        controls.addWidget(reminder_label)
        controls.addWidget(self._reminder_days)

        self._chart = ScoreHistoryChart()
        self._history = QTableView(objectName="history")
        self._history_rows = RecordsModel(
            [self.tr("Date"), self.tr("Score"), self.tr("Band"), self.tr("Note")],
            self._history,
            tooltips=False,
        )
        self._history.setModel(self._history_rows)
        self._history.setAccessibleName(self.tr("Questionnaire history"))
        self._history.setAccessibleDescription(
            self.tr("Date, score, published band and note of each time you took it, newest first")
        )
        self._history.verticalHeader().hide()
        self._history.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self._history.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self._history.setAlternatingRowColors(True)
        header = self._history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._history.setMinimumHeight(90)

        overview = QWidget(objectName="checkins_overview")
        overview_layout = QVBoxLayout(overview)
        overview_layout.setContentsMargins(0, 0, 0, 0)
        overview_layout.addLayout(controls)
        empty = EmptyState(
            self,
            self.tr(
                "Your scores will show here over time, over the published bands, from your first "
                "questionnaire; a line needs two."
            ),
            self._journal.questionnaires_taken,
            2,
            self.tr("{logged} of {needed} questionnaires taken."),
        )
        overview_layout.addWidget(empty)
        self.assessment_saved.connect(lambda _assessment: empty.refresh())
        overview_layout.addWidget(self._chart, 3)
        overview_layout.addWidget(self._history, 2)

        self._form = QuestionnaireForm(self._journal.today())
        self._stack = QStackedWidget(objectName="checkins_stack")
        self._stack.addWidget(overview)
        self._stack.addWidget(self._form)

        intro = self.tr(
            "Short, standard questionnaires to take every few weeks. Each gives a score and "
            "the published band name: a way to see change over time, not a diagnosis."
        )
        layout = page_column(self, self.tr("Check-ins"), "checkins", intro)
        layout.addWidget(self._reminder_frame)
        layout.addWidget(self._result_frame)
        layout.addSpacing(6)
        layout.addWidget(self._stack, 1)

    def _banner(self, name: str) -> tuple[QFrame, QLabel]:
        frame = QFrame(objectName=f"{name}_banner")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        frame.setAutoFillBackground(True)
        label = QLabel(objectName=f"{name}_text", wordWrap=True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout(frame)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(label, 1)
        frame.hide()
        return frame, label

    def _wire(self) -> None:
        self._instrument.currentIndexChanged.connect(self._on_instrument_current_index_changed)
        self._start.clicked.connect(self._on_start_clicked)
        self._take_due.clicked.connect(self._on_take_due_clicked)
        self._not_now.clicked.connect(self._on_not_now_clicked)
        self._reminder_days.valueChanged.connect(self._on_reminder_days_value_changed)
        self._form.answers_submitted.connect(self._on_form_answers_submitted)
        self._form.cancelled.connect(self._on_form_cancelled)

    # --- showing -----------------------------------------------------------------------------

    def _show_history(self) -> None:
        q = questionnaire(self.instrument)
        title = tr_published(q.title)
        self._start.setText(self.tr("Take the {title}").format(title=title))
        self._start.setAccessibleName(self._start.text())
        history = self._journal.assessments(q.instrument)
        shown = (q.instrument, history)
        if shown == getattr(self, "_shown", None):
            return  # e.g. after a day's check-in: years of scores need not be drawn again
        self._shown = shown
        flagged = np.array([SAFETY_FLAG in a.flags for a in history], dtype=bool)
        self._chart.set_data(
            np.array([a.date for a in history], dtype="datetime64[D]"),
            np.array([a.total for a in history], dtype=float),
            flagged,
            [(b.low, b.high, tr_published(b.name)) for b in q.bands],
            title=self.tr("{title} scores over time").format(title=title),
            empty_note=self.tr(
                "No {title} yet. When you take it, your scores will show "
                "here over its published bands."
            ).format(title=title),
            higher_is_better=q.instrument is Instrument.WHO5,
        )  # a low WHO-5 is the worse
        self._history_rows.set_rows(
            [
                (
                    format_date(assessment.date),
                    self._score_text(assessment),
                    tr_published(assessment.band),
                    self._note_text(assessment),
                )
                for assessment in reversed(history)
            ],
            [assessment.id for assessment in reversed(history)],
        )

    def _score_text(self, assessment: Assessment) -> str:
        if assessment.instrument is Instrument.WHO5:
            return self.tr("{total} ({percent}%)").format(
                total=format_number(assessment.total, 0),
                percent=format_number(assessment.total * 4, 0),
            )
        return format_number(assessment.total, 0)

    def _note_text(self, assessment: Assessment) -> str:
        """The notes beside a score: item 9 above 0, which items were left unanswered, and
        the WHO-5 manual's cut-off for further assessment (28%, a raw 7 of 25)."""
        notes = []
        if SAFETY_FLAG in assessment.flags:
            notes.append(
                self.tr("{flag} hard thoughts shared (question 9)").format(flag=FLAG_SYMBOL)
            )
        missing = [n for n, answer in enumerate(assessment.answers, start=1) if answer is None]
        if missing:
            items = ", ".join(format_number(n, 0) for n in missing)
            notes.append(
                self.tr("item {items} unanswered; total prorated").format(items=items)
                if len(missing) == 1
                else self.tr("items {items} unanswered; total prorated").format(items=items)
            )
        if WELLBEING_CUTOFF in assessment.flags:
            notes.append(self.tr("at or below 28%, the WHO-5 cut-off for further assessment"))
        return "; ".join(notes)

    def _show_reminder(self) -> None:
        due = [] if self._reminder_dismissed else self._journal.due_questionnaires()
        self._reminder_frame.setVisible(bool(due))
        if not due:
            return
        parts = []
        for item in due:
            title = tr_published(questionnaire(item.instrument).title)
            parts.append(
                self.tr("{title} (not taken yet)").format(title=title)
                if item.days_since is None
                else self.tr("{title} (last taken {days} days ago)").format(
                    title=title, days=item.days_since
                )
            )
        self._reminder.setText(
            self.tr("When you feel ready, it may be time for a check-in: {list}.").format(
                list=", ".join(parts)
            )
        )
        self._due_first = due[0].instrument
        self._take_due.setText(
            self.tr("Take the {title}").format(
                title=tr_published(questionnaire(self._due_first).title)
            )
        )
        self._take_due.setAccessibleName(self._take_due.text())

    def _show_result(self, assessment: Assessment) -> None:
        q = questionnaire(assessment.instrument)
        text = self.tr("Saved. {title}: {score} — {band}").format(
            title=tr_published(q.title),
            score=self._score_text(assessment),
            band=tr_published(assessment.band),
        )
        notes = self._note_text(assessment)
        if notes and SAFETY_FLAG not in assessment.flags:
            text += " (" + notes + ")"
        if SAFETY_FLAG in assessment.flags:
            self._reminder_dismissed = True  # no more questionnaires asked for today
            self._reminder_frame.hide()
            text += "\n" + self.tr(
                "Thank you for answering honestly about how hard things have been. You don't have "
                "to carry this alone: the people and lines in your safety plan are there for "
                'you, and "Need help now" (F1) shows them at any time. This answer is '
                "marked {flag} in your history, so you can bring it up with someone you "
                "trust."
            ).format(flag=FLAG_SYMBOL)
        self._result.setText(text)
        self._result_frame.show()

    def _locale_name(self) -> str:
        return self._locale if self._locale is not None else QLocale().name()

    # --- slots -------------------------------------------------------------------------------

    def _on_form_answers_submitted(self, date: dt.date, answers: tuple[int | None, ...]) -> None:
        try:
            assessment = Assessment(date=date, instrument=self.instrument, answers=answers)
        except ValidationError as error:
            self._show_problem(str(error))
            return
        saved: Assessment | None = None
        problem = ""
        try:
            saved = self._journal.save_assessment(assessment)
        except JournalError as error:
            problem = str(error)
        # The crisis message comes first, whether or not the save worked: it follows the
        # answer given, and no setting is consulted.
        if self._journal.crisis_message_required(assessment):
            dialog = CrisisDialog(
                self._journal.crisis_info(self._locale_name()), after_item9=True, parent=self
            )
            dialog.exec()
            if saved is not None:  # shown: not again when the app next opens
                self._journal.item9_message_shown(saved)
        if saved is None:
            self._show_problem(problem)
            return
        self._stack.setCurrentIndex(0)
        self.show_instrument(saved.instrument)
        self.refresh()
        self._show_result(saved)
        self.assessment_saved.emit(saved)

    def _show_problem(self, message: str) -> None:
        self._result.setText(
            self.tr("⚠ The questionnaire was not saved: {reason}").format(reason=message)
        )
        self._result_frame.show()

    def _on_form_cancelled(self) -> None:
        self._stack.setCurrentIndex(0)
        self._show_reminder()
        self._start.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_instrument_current_index_changed(self, _index: int) -> None:
        self._show_history()

    def _on_start_clicked(self) -> None:
        self.start()

    def _on_take_due_clicked(self) -> None:
        self.start(self._due_first)

    def _on_not_now_clicked(self) -> None:
        self._reminder_dismissed = True
        self._reminder_frame.hide()

    def _on_reminder_days_value_changed(self, days: int) -> None:
        try:
            self._journal.update_settings(questionnaire_every_days=days)
        except JournalError as error:
            self._show_problem(str(error))
            return
        self._show_reminder()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stack.currentIndex() == 0:
            self.refresh()
