"""Add or edit a therapy or clinic session, planned or past.

"I felt heard and understood" and the note belong to an attended session, so they are enabled
only when the status is attended. Choosing a day ahead switches the status to planned (the
only status a future session can have); choosing another status after that is refused by the
journal on Save, with its message beside the status.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from journal.domain.kinds import Mode, SessionStatus
from journal.domain.records import Session
from journal.services import Journal
from journal.ui.widgets.forms import (
    FormDialog,
    date_edit,
    felt_heard_combo,
    mode_text,
    set_combo_data,
    status_text,
)


class SessionDialog(FormDialog):
    """A new session, or ``session`` to edit; Save stores it and closes.

    Signals (from ``FormDialog``):
        saved(Session): the session as stored.
    """

    def __init__(
        self, journal: Journal, session: Session | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(journal, parent)
        self._session = session
        self.setObjectName("session_dialog")
        self.setWindowTitle(self.tr("Edit the session") if session else self.tr("Add a session"))
        today = journal.today()

        self.date = date_edit("date", self.tr("Date"), session.date if session else today)
        self.provider = QComboBox(objectName="provider")
        self.provider.setAccessibleName(self.tr("Provider"))
        self.provider.addItem(self.tr("no one named"), None)
        team = journal.care_team()
        for person in team:
            self.provider.addItem(person.name, person.id)
        if session and session.person_id and self.provider.findData(session.person_id) < 0:
            other = journal.person(session.person_id)  # archived since, still named here
            if other is not None:
                self.provider.addItem(other.name, other.id)
        self.mode = QComboBox(objectName="mode")
        self.mode.setAccessibleName(self.tr("Mode"))
        for mode in Mode:
            self.mode.addItem(mode_text(mode), mode)
        self.status = QComboBox(objectName="status")
        self.status.setAccessibleName(self.tr("Status"))
        for status in SessionStatus:
            self.status.addItem(status_text(status), status)
        self.felt_heard = felt_heard_combo("felt_heard")
        self.note = QLineEdit(
            objectName="note", placeholderText=self.tr("optional: what stayed with you")
        )
        self.note.setAccessibleName(self.tr("Note"))

        provider_hint = (
            ""
            if team
            else self.tr("Add your therapist or clinician on the People page to name them here.")
        )
        self.add_field(
            "date", self.tr("&Date"), self.date, self.tr("a day ahead makes it a planned session")
        )
        self.add_field(
            "provider",
            self.tr("&Provider"),
            self.provider,
            provider_hint,
            description=self.tr("your therapist or clinician, from People"),
        )
        self.add_field(
            "mode",
            self.tr("&Mode"),
            self.mode,
            description=self.tr("in person, video, phone, text or online group"),
        )
        self.add_field(
            "status",
            self.tr("&Status"),
            self.status,
            description=self.tr(
                "planned, attended, missed, or cancelled by you or by the provider"
            ),
        )
        self.add_field(
            "felt_heard",
            self.tr("I &felt heard and understood"),
            self.felt_heard,
            self.tr("after an attended session: 1 = not at all, 5 = completely"),
        )
        self.add_field("note", self.tr("&Note"), self.note)
        self.alias("person_id", "provider")

        if session is not None:
            set_combo_data(self.provider, session.person_id)
            set_combo_data(self.mode, session.mode)
            set_combo_data(self.status, session.status)
            set_combo_data(self.felt_heard, session.felt_heard)
            self.note.setText(session.note)
        else:
            set_combo_data(self.status, SessionStatus.ATTENDED)
        self._enable_ratings()
        self.date.dateChanged.connect(self._on_date_date_changed)
        self.status.currentIndexChanged.connect(self._on_status_current_index_changed)

    def _save(self) -> Session:
        status = SessionStatus(self.status.currentData())  # Qt keeps the enum as its text
        attended = status is SessionStatus.ATTENDED
        session = Session(
            date=self.date.date().toPython(),
            status=status,
            mode=self.mode.currentData(),
            person_id=self.provider.currentData(),
            felt_heard=self.felt_heard.currentData() if attended else None,
            note=self.note.text().strip(),  # a note written before is kept, not dropped
        )
        if self._session is None:
            return self._journal.add_session(session)
        return self._journal.update_session(dataclasses.replace(session, id=self._session.id))

    def _enable_ratings(self) -> None:
        attended = self.status.currentData() == SessionStatus.ATTENDED
        self.felt_heard.setEnabled(attended)
        self.note.setEnabled(attended)

    def _on_date_date_changed(self, date: QDate) -> None:
        if date.toPython() > self._journal.today():
            set_combo_data(self.status, SessionStatus.PLANNED)

    def _on_status_current_index_changed(self, _index: int) -> None:
        self._enable_ratings()
        self.clear_errors()
