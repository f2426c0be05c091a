"""The Treatment page's medications and commitments: added in a dialog, stopped or ended on a
date. Stopping or ending keeps every check-off made so far."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QWidget,
)

from journal.domain.records import Commitment, Medication
from journal.i18n import format_date, format_number
from journal.services import Journal
from journal.ui.dialogs.commitment_dialog import CommitmentDialog
from journal.ui.dialogs.medication_dialog import MedicationDialog
from journal.ui.pages.treatment.common import (
    PROGRESS_ROLE,
    ProgressDelegate,
    TableSection,
    fill_row,
    make_button,
    make_table,
)
from journal.ui.widgets.forms import DateDialog, FormDialog, kind_text


class _Section(TableSection):
    """A table of records with an Add button and a button that ends (stops) the selected one."""

    def _build(
        self,
        name: str,
        table: QTableWidget,
        explanation: str,
        add_text: str,
        end_text: str,
        end_description: str,
    ) -> None:
        self._table = table
        self._table.setAccessibleDescription(explanation)  # what the hint above says
        self._add = make_button(f"add_{name}", add_text)
        self._end = make_button(f"end_{name}", end_text)
        self._end.setAccessibleDescription(end_description)
        buttons = QHBoxLayout()
        buttons.addWidget(self._add)
        buttons.addWidget(self._end)
        buttons.addStretch(1)
        layout = self._explained(explanation, f"{name}s_hint")
        layout.addWidget(self._table, 1)
        layout.addLayout(buttons)
        self._add.clicked.connect(self._on_add_clicked)
        self._end.clicked.connect(self._on_end_clicked)
        self._table.itemSelectionChanged.connect(self._on_table_item_selection_changed)

    def _can_end(self, record_id: int) -> bool:
        raise NotImplementedError

    def _add_dialog(self) -> FormDialog:
        raise NotImplementedError

    def _end_dialog(self, record_id: int) -> FormDialog:
        raise NotImplementedError

    def _on_add_clicked(self) -> None:
        self._open(self._add_dialog())

    def _on_end_clicked(self) -> None:
        record_id = self._selected_id()
        if record_id is not None and self._can_end(record_id):
            self._open(self._end_dialog(record_id))

    def _on_table_item_selection_changed(self) -> None:
        record_id = self._selected_id()
        self._end.setEnabled(record_id is not None and self._can_end(record_id))


class MedicationsSection(_Section):
    """Medications being taken and stopped ones, whose history stays."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(journal, "medications", parent)
        self._medications: dict[int, Medication] = {}
        table = make_table(
            "medications",
            self.tr("Medications"),
            (
                self.tr("Name"),
                self.tr("Dose"),
                self.tr("Doses per day"),
                self.tr("Started on"),
                self.tr("Now"),
            ),
        )
        explanation = self.tr(
            "Check off each day's doses on the Today page. Stopping a medication keeps its history."
        )
        self._build(
            "medication",
            table,
            explanation,
            self.tr("&Add a medication…"),
            self.tr("&Stop…"),
            self.tr("Asks for the last day you took the selected medication; its history stays"),
        )

    def _fill(self) -> bool:
        today = self._journal.today()
        medications = sorted(
            self._journal.medications(), key=lambda m: (not m.active_on(today), m.name.casefold())
        )
        self._medications = {m.id or 0: m for m in medications}
        self._table.setRowCount(len(medications))
        for row, med in enumerate(medications):
            if med.stopped_on is None:
                now = self.tr("taking")
            elif med.stopped_on >= today:
                now = self.tr("taking until {date}").format(date=format_date(med.stopped_on))
            else:
                now = self.tr("stopped on {date}").format(date=format_date(med.stopped_on))
            fill_row(
                self._table,
                row,
                (
                    med.name,
                    med.dose or "—",
                    format_number(med.doses_per_day, 0),
                    format_date(med.started_on),
                    now,
                ),
                med.id,
            )
        return True

    def _can_end(self, record_id: int) -> bool:
        med = self._medications.get(record_id)
        return med is not None and med.stopped_on is None

    def _add_dialog(self) -> FormDialog:
        return MedicationDialog(self._journal, parent=self)

    def _end_dialog(self, record_id: int) -> FormDialog:
        med = self._medications[record_id]
        return DateDialog(
            self._journal,
            title=self.tr("Stop {name}").format(name=med.name),
            field="stopped_on",
            label_text=self.tr("&Stopped on"),
            hint=self.tr("the last day you took it; the doses checked off so far stay"),
            action=lambda on: self._journal.stop_medication(record_id, on),
            parent=self,
        )


class CommitmentsSection(_Section):
    """Homework, social prescriptions and goals with this week's progress against the target."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(journal, "commitments", parent)
        self._commitments: dict[int, Commitment] = {}
        table = make_table(
            "commitments",
            self.tr("Commitments"),
            (
                self.tr("Title"),
                self.tr("Kind"),
                self.tr("Suggested by"),
                self.tr("Per week"),
                self.tr("Started on"),
                self.tr("Ended on"),
                self.tr("This week"),
            ),
        )
        explanation = self.tr(
            "Homework, social prescriptions such as a walking group or a class, and your own "
            "goals, each with a weekly target. Check them off on the Today page."
        )
        table.setItemDelegateForColumn(6, ProgressDelegate(table))
        # "1 of 2 this week" is what the row is for: at large text the title gives way, not it
        table.horizontalHeader().setStretchLastSection(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._build(
            "commitment",
            table,
            explanation,
            self.tr("&Add a commitment…"),
            self.tr("E&nd…"),
            self.tr(
                "Asks for the last day the selected commitment ran; what you checked off stays"
            ),
        )

    def _fill(self) -> bool:
        today = self._journal.today()
        names = {p.id: p.name for p in self._journal.people(include_archived=True)}
        progress = {p.commitment.id: p for p in self._journal.week_progress(today)}
        items = sorted(
            self._journal.commitments(), key=lambda c: (not c.active_on(today), c.title.casefold())
        )
        self._commitments = {c.id or 0: c for c in items}
        self._table.setRowCount(len(items))
        for row, item in enumerate(items):
            fill_row(
                self._table,
                row,
                (
                    item.title,
                    kind_text(item.kind),
                    names.get(item.suggested_by, "") if item.suggested_by else self.tr("me"),
                    format_number(item.per_week, 0),
                    format_date(item.started_on),
                    format_date(item.ended_on) if item.ended_on else "—",
                    "",
                ),
                item.id,
            )
            week = progress.get(item.id)
            cell = self._table.item(row, 6)
            if week is None:
                cell.setText(self.tr("not running"))
                continue
            cell.setText(
                self.tr("{done} of {target} this week").format(
                    done=week.done_this_week, target=week.target
                )
            )
            cell.setData(PROGRESS_ROLE, (week.done_this_week, week.target))
        return True

    def _can_end(self, record_id: int) -> bool:
        item = self._commitments.get(record_id)
        return item is not None and item.ended_on is None

    def _add_dialog(self) -> FormDialog:
        return CommitmentDialog(self._journal, parent=self)

    def _end_dialog(self, record_id: int) -> FormDialog:
        item = self._commitments[record_id]
        return DateDialog(
            self._journal,
            title=self.tr("End “{title}”").format(title=item.title),
            field="ended_on",
            label_text=self.tr("&Ended on"),
            hint=self.tr("the last day it ran; what you checked off so far stays"),
            action=lambda on: self._journal.end_commitment(record_id, on),
            parent=self,
        )
