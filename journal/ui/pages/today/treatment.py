"""The day's treatment on the Today page: doses, commitments and sessions, checked off at once.

Every change is saved the moment it is made (there is no Save button): a dose box, a
commitment's "done" box, marking a planned session attended, its "felt heard" rating. Past
days are editable; a day ahead is shown read-only, since nothing can be taken or done yet.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.domain.errors import JournalError
from journal.domain.kinds import SessionStatus
from journal.domain.records import Commitment, Medication, Session
from journal.services import DoseStatus, Journal, WeekProgress
from journal.ui import theme
from journal.ui.widgets.forms import (
    felt_heard_combo,
    mode_text,
    set_combo_data,
    status_text,
)
from journal.ui.widgets.notices import NOTICE_SYMBOL

#: Up to this many doses a day get one box each; more get a counter.
MAX_DOSE_BOXES = 4


@dataclass
class _DoseRow:
    medication: Medication
    boxes: list[QCheckBox] = field(default_factory=list)
    counter: QSpinBox | None = None
    summary: QLabel | None = None


@dataclass
class _CommitmentRow:
    commitment: Commitment
    done_today: int
    box: QCheckBox
    bar: QProgressBar
    summary: QLabel


@dataclass
class _SessionRow:
    session: Session
    status: QLabel
    attend: QPushButton | None
    felt_heard: QComboBox | None


class TodayTreatmentPanel(QWidget):
    """Medication doses, commitments and sessions of the day chosen with ``set_date``.

    Keyboard: Tab walks the rows in reading order; Space ticks a box or presses a button;
    a digit picks a "felt heard" rating.

    Signals:
        treatment_changed(): something of the day's treatment was saved.
    """

    treatment_changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._date = journal.today()
        self._doses: list[_DoseRow] = []
        self._commitments: list[_CommitmentRow] = []
        self._sessions: list[_SessionRow] = []
        self.setObjectName("today_treatment")
        self.setAccessibleName(self.tr("Treatment of the day"))
        # Never taller than its rows: an empty day is one line, and the rest goes elsewhere.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self._heading = QLabel(self.tr("Treatment"), objectName="treatment_heading")
        font = self._heading.font()
        font.setBold(True)
        self._heading.setFont(font)
        self._state = theme.as_hint(QLabel(objectName="treatment_state", wordWrap=True))
        header = QHBoxLayout()
        header.addWidget(self._heading)
        header.addWidget(self._state, 1)
        self._rows = QWidget(objectName="treatment_rows")
        self._error = QLabel(objectName="treatment_error", wordWrap=True)
        self._error.hide()
        theme.paint_as_notice(self._error)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self._rows)
        layout.addWidget(self._error)
        self.set_date(self._date)

    # --- public ------------------------------------------------------------------------------

    @property
    def date(self) -> dt.date:
        return self._date

    def set_date(self, date: dt.date) -> None:
        """Show the treatment of ``date`` (read-only when it is still ahead)."""
        self._date = date
        self.refresh()

    def refresh(self) -> None:
        """Read the day again from the journal (after a change made elsewhere)."""
        focused = QApplication.focusWidget()
        keep = focused.objectName() if focused and self.isAncestorOf(focused) else ""
        self._error.hide()
        self._build_rows()
        if keep and (again := self._rows.findChild(QWidget, keep)) and again.isEnabled():
            again.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building ----------------------------------------------------------------------------

    def _build_rows(self) -> None:
        journal, date = self._journal, self._date
        doses = journal.doses_on(date)
        progress = journal.week_progress(date)
        sessions = journal.sessions_between(date, date)
        editable = date <= journal.today()

        following = self._next_outside()
        old = self._rows
        self._rows = QWidget(objectName="treatment_rows")
        self.layout().replaceWidget(old, self._rows)
        old.setParent(None)
        old.deleteLater()
        self._doses, self._commitments, self._sessions = [], [], []

        grid = QGridLayout(self._rows)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(0, 1)
        for dose in doses:
            self._add_dose_row(grid, dose, editable)
        for item in progress:
            self._add_commitment_row(grid, item, editable)
        names = {p.id: p.name for p in journal.people(include_archived=True)}
        for session in sessions:
            self._add_session_row(grid, session, names.get(session.person_id), editable)

        if not (doses or progress or sessions):
            self._state.setText(self.tr("nothing planned for this day"))
        elif not editable:
            self._state.setText(self.tr("ahead: it can be checked off on the day"))
        else:
            self._state.setText("")
        self._rows.setVisible(bool(doses or progress or sessions))
        # New widgets join the end of the window's Tab order; put them back where the panel is.
        chain = [self, *self._ordered_controls()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        if following is not None and len(chain) > 1:
            QWidget.setTabOrder(chain[-1], following)

    def _next_outside(self) -> QWidget | None:
        """The widget Tab reaches after this panel's own controls (None if there is none)."""
        widget = self.nextInFocusChain()
        while widget is not self and self.isAncestorOf(widget):
            widget = widget.nextInFocusChain()
        return None if widget is self else widget

    def _ordered_controls(self) -> list[QWidget]:
        """Every control in reading order (row by row, left to right)."""
        chain: list[QWidget] = []
        for row in self._doses:
            chain.extend(row.boxes or ([row.counter] if row.counter else []))
        chain.extend(row.box for row in self._commitments)
        for row in self._sessions:
            chain.extend(w for w in (row.attend, row.felt_heard) if w is not None)
        return chain

    def _name_label(self, text: str, name: str) -> QLabel:
        label = QLabel(text, objectName=name, wordWrap=True)  # a long name wraps, not clips
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        return label

    def _add_dose_row(self, grid: QGridLayout, dose: DoseStatus, editable: bool) -> None:
        med = dose.medication
        row_index = grid.rowCount()
        title = f"{med.name} {med.dose}".strip()
        grid.addWidget(self._name_label(title, f"medication_{med.id}_name"), row_index, 0)
        row = _DoseRow(med)
        cell = QWidget()
        boxes = QHBoxLayout(cell)
        boxes.setContentsMargins(0, 0, 0, 0)
        count = med.doses_per_day
        if count <= MAX_DOSE_BOXES:
            for number in range(1, count + 1):
                text = self.tr("Taken") if count == 1 else str(number)
                box = QCheckBox(text, objectName=f"dose_{med.id}_{number}")
                box.setAccessibleName(
                    self.tr("{name}, dose {n} of {count} taken").format(
                        name=med.name, n=number, count=count
                    )
                )
                box.setChecked(number <= dose.taken)
                box.setEnabled(editable)
                box.toggled.connect(functools.partial(self._on_dose_toggled, row))
                boxes.addWidget(box)
                row.boxes.append(box)
        else:
            counter = QSpinBox(objectName=f"doses_{med.id}")
            counter.setRange(0, count)
            counter.setValue(dose.taken)
            counter.setKeyboardTracking(False)
            counter.setAccessibleName(self.tr("{name}, doses taken").format(name=med.name))
            counter.setEnabled(editable)
            counter.valueChanged.connect(functools.partial(self._on_doses_value_changed, row))
            boxes.addWidget(counter)
            row.counter = counter
        boxes.addStretch(1)
        grid.addWidget(cell, row_index, 1)
        row.summary = theme.as_hint(QLabel(objectName=f"medication_{med.id}_summary"))
        grid.addWidget(row.summary, row_index, 2)
        self._doses.append(row)
        self._show_doses(row, dose.taken)

    def _add_commitment_row(self, grid: QGridLayout, item: WeekProgress, editable: bool) -> None:
        commitment = item.commitment
        row_index = grid.rowCount()
        grid.addWidget(
            self._name_label(commitment.title, f"commitment_{commitment.id}_name"), row_index, 0
        )
        box = QCheckBox(objectName=f"commitment_{commitment.id}_done")
        box.setChecked(item.done_today > 0)
        box.setEnabled(editable)
        bar = QProgressBar(objectName=f"commitment_{commitment.id}_progress")
        bar.setTextVisible(False)  # the words are in the label beside it, readable in any theme
        bar.setFixedWidth(self.fontMetrics().horizontalAdvance("0") * 8)
        bar.setFixedHeight(self.fontMetrics().height() // 2 + 4)
        summary = theme.as_hint(QLabel(objectName=f"commitment_{commitment.id}_summary"))
        cell = QWidget()
        progress = QHBoxLayout(cell)
        progress.setContentsMargins(0, 0, 0, 0)
        progress.addWidget(bar)
        progress.addWidget(summary)
        progress.addStretch(1)
        grid.addWidget(box, row_index, 1)
        grid.addWidget(cell, row_index, 2)
        row = _CommitmentRow(commitment, item.done_today, box, bar, summary)
        box.toggled.connect(functools.partial(self._on_commitment_done_toggled, row))
        self._commitments.append(row)
        self._show_progress(row, item)

    def _add_session_row(
        self, grid: QGridLayout, session: Session, provider: str | None, editable: bool
    ) -> None:
        row_index = grid.rowCount()
        what = (
            self.tr("Session with {name}").format(name=provider) if provider else self.tr("Session")
        )
        title = f"{what} · {mode_text(session.mode)}"
        grid.addWidget(self._name_label(title, f"session_{session.id}_name"), row_index, 0)
        status = theme.as_hint(
            QLabel(status_text(session.status), objectName=f"session_{session.id}_status")
        )
        attend = None
        if session.status is SessionStatus.PLANNED and editable:
            attend = QPushButton(
                self.tr("Mark attended"), objectName=f"session_{session.id}_attended"
            )
            attend.setAccessibleName(self.tr("{what}: mark attended").format(what=what))
            attend.setAccessibleDescription(
                self.tr("Saved at once; then you can say whether you felt heard")
            )
            attend.setAutoDefault(False)
            grid.addWidget(attend, row_index, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(status, row_index, 2)
        felt = None
        if session.status in (SessionStatus.PLANNED, SessionStatus.ATTENDED) and editable:
            # On a line of its own, so its words stay visible beside it in a narrow panel.
            felt = felt_heard_combo(f"session_{session.id}_felt_heard")
            set_combo_data(felt, session.felt_heard)
            felt.setEnabled(session.status is SessionStatus.ATTENDED)
            question = theme.as_hint(
                QLabel(
                    self.tr("I felt heard and understood"),
                    objectName=f"session_{session.id}_felt_heard_label",
                )
            )
            question.setBuddy(felt)
            question.setIndent(self.fontMetrics().averageCharWidth() * 2)
            grid.addWidget(question, row_index + 1, 0)
            grid.addWidget(felt, row_index + 1, 1, 1, 2, Qt.AlignmentFlag.AlignLeft)
        row = _SessionRow(session, status, attend, felt)
        if attend is not None:
            attend.clicked.connect(functools.partial(self._on_attend_clicked, row))
        if felt is not None:
            felt.currentIndexChanged.connect(
                functools.partial(self._on_felt_heard_current_index_changed, row)
            )
        self._sessions.append(row)

    # --- showing -----------------------------------------------------------------------------

    def _show_doses(self, row: _DoseRow, taken: int) -> None:
        count = row.medication.doses_per_day
        summary = self.tr("{taken} of {count} taken").format(taken=taken, count=count)
        if row.summary is not None:
            row.summary.setText(summary)
        med = row.medication
        description = self.tr("{medication}: {summary}; saved as soon as it changes").format(
            medication=f"{med.name} {med.dose}".strip(), summary=summary
        )
        for control in (*row.boxes, *([row.counter] if row.counter else [])):
            control.setAccessibleDescription(description)
        for number, box in enumerate(row.boxes, start=1):
            box.blockSignals(True)
            box.setChecked(number <= taken)
            box.blockSignals(False)

    def _show_progress(self, row: _CommitmentRow, item: WeekProgress) -> None:
        row.done_today = item.done_today
        text = self.tr("{done} of {target} this week").format(
            done=item.done_this_week, target=item.target
        )
        row.summary.setText(text)
        row.bar.setRange(0, item.target)
        row.bar.setValue(min(item.done_this_week, item.target))
        row.bar.setAccessibleName(f"{row.commitment.title}: {text}")
        label = (
            self.tr("Done")
            if item.done_today <= 1
            else self.tr("Done ×{n}").format(n=item.done_today)
        )
        row.box.setText(label)
        row.box.setAccessibleName(f"{row.commitment.title}: {label}")
        row.box.setAccessibleDescription(
            self.tr("{progress}; saved as soon as it changes").format(progress=text)
        )

    def _show_error(self, error: JournalError) -> None:
        self._error.setText(f"{NOTICE_SYMBOL} {error}")
        self._error.show()

    # --- events and slots --------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            theme.paint_as_notice(self._error)

    def _on_dose_toggled(self, row: _DoseRow, _checked: bool) -> None:
        self._save_doses(row, sum(box.isChecked() for box in row.boxes))

    def _on_doses_value_changed(self, row: _DoseRow, value: int) -> None:
        self._save_doses(row, value)

    def _save_doses(self, row: _DoseRow, taken: int) -> None:
        try:
            log = self._journal.set_doses(row.medication.id or 0, self._date, taken)
        except JournalError as error:
            self._show_error(error)
            stored = {d.medication.id: d.taken for d in self._journal.doses_on(self._date)}
            self._show_doses(row, stored.get(row.medication.id, 0))
            return
        self._error.hide()
        self._show_doses(row, log.taken)
        self.treatment_changed.emit()

    def _on_commitment_done_toggled(self, row: _CommitmentRow, checked: bool) -> None:
        done = max(row.done_today, 1) if checked else 0
        try:
            self._journal.set_commitment_done(row.commitment.id or 0, self._date, done)
        except JournalError as error:
            self._show_error(error)  # the box goes back to what is stored, below
        else:
            self._error.hide()
            self.treatment_changed.emit()
        for item in self._journal.week_progress(self._date):
            if item.commitment.id == row.commitment.id:
                row.box.blockSignals(True)
                row.box.setChecked(item.done_today > 0)
                row.box.blockSignals(False)
                self._show_progress(row, item)

    def _on_attend_clicked(self, row: _SessionRow) -> None:
        felt = row.felt_heard.currentData() if row.felt_heard else None
        attended = dataclasses.replace(row.session, status=SessionStatus.ATTENDED, felt_heard=felt)
        if not self._update_session(row, attended):
            return
        row.status.setText(status_text(SessionStatus.ATTENDED))
        if row.attend is not None:
            row.attend.hide()
        if row.felt_heard is not None:
            row.felt_heard.setEnabled(True)
            row.felt_heard.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_felt_heard_current_index_changed(self, row: _SessionRow, _index: int) -> None:
        if row.session.status is not SessionStatus.ATTENDED or row.felt_heard is None:
            return
        self._update_session(
            row, dataclasses.replace(row.session, felt_heard=row.felt_heard.currentData())
        )

    def _update_session(self, row: _SessionRow, session: Session) -> bool:
        try:
            row.session = self._journal.update_session(session)
        except JournalError as error:
            self._show_error(error)
            return False
        self._error.hide()
        self.treatment_changed.emit()
        return True
