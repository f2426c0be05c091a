"""Add a medication: name, dose, doses per day, started on and (optionally) stopped on."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from journal.domain.records import Medication
from journal.services import Journal
from journal.ui.widgets.forms import FormDialog, OptionalDate, date_edit

#: The spin box lets any small number through, so the journal's own range check
#: ("doses per day must be between 1 and 12") is what the person reads.
_SPIN_MAX = 99


class MedicationDialog(FormDialog):
    """A new medication; Save stores it and closes, or shows why not beside the field.

    Signals (from ``FormDialog``):
        saved(Medication): the medication as stored.
    """

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(journal, parent)
        self.setObjectName("medication_dialog")
        self.setWindowTitle(self.tr("Add a medication"))
        today = journal.today()

        self.name = QLineEdit(objectName="name", placeholderText=self.tr("e.g. Sertraline"))
        self.name.setAccessibleName(self.tr("Name"))
        self.dose = QLineEdit(objectName="dose", placeholderText=self.tr("e.g. 50 mg"))
        self.dose.setAccessibleName(self.tr("Dose"))
        self.doses_per_day = QSpinBox(objectName="doses_per_day")
        self.doses_per_day.setRange(0, _SPIN_MAX)
        self.doses_per_day.setValue(1)
        self.doses_per_day.setAccessibleName(self.tr("Doses per day"))
        self.started_on = date_edit("started_on", self.tr("Started on"), today)
        self.stopped_on = OptionalDate(
            "stopped_on", self.tr("S&topped"), self.tr("Stopped on"), today
        )

        self.add_field("name", self.tr("&Name"), self.name)
        self.add_field("dose", self.tr("&Dose"), self.dose, self.tr("optional"))
        self.add_field(
            "doses_per_day",
            self.tr("Doses &per day"),
            self.doses_per_day,
            self.tr("how many times a day, 1–12"),
        )
        self.add_field(
            "started_on",
            self.tr("&Started on"),
            self.started_on,
            description=self.tr("the first day you took it; F4 opens a calendar"),
        )
        self.add_field(
            "stopped_on",
            self.tr("Stopped on"),
            self.stopped_on,
            self.tr("only if you have already stopped; the history stays"),
        )
        self.alias("medication", "name")
        self.name.setFocus()

    def _save(self) -> Medication:
        medication = Medication(
            name=self.name.text(),
            dose=self.dose.text().strip(),
            doses_per_day=self.doses_per_day.value(),
            started_on=self.started_on.date().toPython(),
            stopped_on=self.stopped_on.value(),
        )
        return self._journal.add_medication(medication)
