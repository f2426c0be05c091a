"""The Treatment page's sessions: every session, latest first, added and edited in a dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QWidget

from journal.domain.errors import JournalError
from journal.domain.records import Session
from journal.i18n import format_date
from journal.services import Journal
from journal.ui.dialogs.session_dialog import SessionDialog
from journal.ui.pages.treatment.common import TableSection, make_button, make_view
from journal.ui.widgets.forms import mode_text, status_text
from journal.ui.widgets.records import RecordsModel


class SessionsSection(TableSection):
    """Sessions with their provider, mode, status and "felt heard" rating (``treatment_changed``:
    a session was added, changed or deleted)."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(journal, "sessions", parent)
        self._sessions: dict[int, Session] = {}

        self._table = make_view(
            "sessions",
            self.tr("Sessions"),
            (
                self.tr("Date"),
                self.tr("Provider"),
                self.tr("Mode"),
                self.tr("Status"),
                self.tr("Felt heard"),
                self.tr("Note"),
            ),
        )
        self._add = make_button("add_session", self.tr("&Add a session…"))
        self._edit = make_button("edit_session", self.tr("&Edit…"))
        self._delete = make_button("delete_session", self.tr("&Delete"))
        self._delete.setAccessibleDescription(
            self.tr("Deletes the selected session, with its rating and note, after asking")
        )
        buttons = QHBoxLayout()
        for button in (self._add, self._edit, self._delete):
            buttons.addWidget(button)
        buttons.addStretch(1)

        explanation = self.tr(
            "Sessions ahead are planned; after an attended one, rate how heard and "
            "understood you felt (1–5). Enter or a double-click edits a session."
        )
        layout = self._explained(explanation, "sessions_hint")
        self._table.setAccessibleDescription(explanation)
        layout.addWidget(self._table, 1)
        layout.addLayout(buttons)

        self._add.clicked.connect(self._on_add_clicked)
        self._edit.clicked.connect(self._on_edit_clicked)
        self._delete.clicked.connect(self._on_delete_clicked)
        self._table.activated.connect(self._on_table_activated)
        self._model: RecordsModel = self._table.model()  # type: ignore[assignment]
        self._table.selectionModel().selectionChanged.connect(self._on_table_item_selection_changed)

    def _fill(self) -> bool:
        names = {p.id: p.name for p in self._journal.people(include_archived=True)}
        sessions = self._journal.sessions_between(dt.date.min, dt.date.max)[::-1]
        if (sessions, names) == getattr(self, "_shown", None):
            return False  # nothing to draw again (a check-in was saved, say)
        self._shown = (sessions, names)
        self._sessions = {s.id or 0: s for s in sessions}
        self._model.set_rows(
            [
                (
                    format_date(session.date),
                    names.get(session.person_id, "—") if session.person_id else "—",
                    mode_text(session.mode),
                    status_text(session.status),
                    str(session.felt_heard) if session.felt_heard else "",
                    session.note,
                )
                for session in sessions
            ],
            [session.id for session in sessions],
        )
        return True

    # --- slots -------------------------------------------------------------------------------

    def _on_add_clicked(self) -> None:
        self._open(SessionDialog(self._journal, parent=self))

    def _on_edit_clicked(self) -> None:
        session = self._sessions.get(self._selected_id() or 0)
        if session is not None:
            self._open(SessionDialog(self._journal, session, parent=self))

    def _on_table_activated(self, _index: QModelIndex) -> None:
        self._on_edit_clicked()

    def _on_delete_clicked(self) -> None:
        session = self._sessions.get(self._selected_id() or 0)
        if session is None:
            return
        box = QMessageBox(self, objectName="confirm_delete_session")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete the session"))
        box.setText(self.tr("Delete the session of {date}?").format(date=format_date(session.date)))
        box.setInformativeText(self.tr("Its rating and note go with it."))
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("delete")
        keep = box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keep")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        if box.clickedButton() is not delete:
            return
        try:
            self._journal.delete_session(session.id or 0)
        except JournalError as error:
            QMessageBox.warning(self, self.tr("Not deleted"), str(error))
            return
        self.refresh()
        self.treatment_changed.emit()

    def _on_table_item_selection_changed(self, *_selection: object) -> None:
        chosen = self._selected_id() is not None
        self._edit.setEnabled(chosen)
        self._delete.setEnabled(chosen)
