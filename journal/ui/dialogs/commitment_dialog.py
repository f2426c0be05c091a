"""Add a commitment: homework, a social prescription or a personal goal, with a weekly target."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from journal.domain.kinds import CommitmentKind
from journal.domain.records import Commitment
from journal.services import Journal
from journal.ui.widgets.forms import FormDialog, OptionalDate, date_edit, kind_text

#: Any small number gets through, so the journal's range check is what the person reads.
_SPIN_MAX = 99


class CommitmentDialog(FormDialog):
    """A new commitment; Save stores it and closes, or shows why not beside the field.

    Signals (from ``FormDialog``):
        saved(Commitment): the commitment as stored.
    """

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(journal, parent)
        self.setObjectName("commitment_dialog")
        self.setWindowTitle(self.tr("Add a commitment"))
        today = journal.today()

        self.title = QLineEdit(
            objectName="title", placeholderText=self.tr("e.g. Call a friend, walking group")
        )
        self.title.setAccessibleName(self.tr("Title"))
        self.kind = QComboBox(objectName="kind")
        self.kind.setAccessibleName(self.tr("Kind"))
        for kind in CommitmentKind:
            self.kind.addItem(kind_text(kind), kind)
        self.suggested_by = QComboBox(objectName="suggested_by")
        self.suggested_by.setAccessibleName(self.tr("Suggested by"))
        self.suggested_by.addItem(self.tr("me"), None)
        for person in journal.care_team():
            self.suggested_by.addItem(person.name, person.id)
        self.per_week = QSpinBox(objectName="per_week")
        self.per_week.setRange(0, _SPIN_MAX)
        self.per_week.setValue(1)
        self.per_week.setAccessibleName(self.tr("Per week"))
        self.started_on = date_edit("started_on", self.tr("Started on"), today)
        self.ended_on = OptionalDate("ended_on", self.tr("&Ended"), self.tr("Ended on"), today)

        self.add_field("title", self.tr("&Title"), self.title)
        self.add_field(
            "kind",
            self.tr("&Kind"),
            self.kind,
            self.tr(
                "homework from therapy, a social prescription such as a walking "
                "group or a class, or a goal of your own"
            ),
        )
        self.add_field(
            "suggested_by",
            self.tr("Suggested &by"),
            self.suggested_by,
            description=self.tr("you, or someone of your care team from People"),
        )
        self.add_field(
            "per_week",
            self.tr("&Per week"),
            self.per_week,
            self.tr("your weekly target, 1–14 (twice a week = 2)"),
        )
        self.add_field(
            "started_on",
            self.tr("&Started on"),
            self.started_on,
            description=self.tr("the first day it counts; F4 opens a calendar"),
        )
        self.add_field(
            "ended_on",
            self.tr("Ended on"),
            self.ended_on,
            description=self.tr("only if it has already ended; what you checked off stays"),
        )
        self.alias("commitment", "title")
        self.title.setFocus()

    def _save(self) -> Commitment:
        commitment = Commitment(
            title=self.title.text(),
            kind=self.kind.currentData(),
            suggested_by=self.suggested_by.currentData(),
            per_week=self.per_week.value(),
            started_on=self.started_on.date().toPython(),
            ended_on=self.ended_on.value(),
        )
        return self._journal.add_commitment(commitment)
