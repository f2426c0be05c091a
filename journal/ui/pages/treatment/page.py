"""The Treatment page: adherence overview, sessions, medications, commitments and topics.

Each tab is a section module of its own (``treatment_overview``, ``treatment_sessions``,
``treatment_plans``, ``treatment_topics``); this page holds them and keeps them current. Day by
day check-offs happen on the Today page (``today_treatment``); this page is where things are
added, stopped, ended and looked at over weeks.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QWidget

from journal.services import Journal
from journal.ui.pages.treatment.overview import AdherenceOverview
from journal.ui.pages.treatment.plans import CommitmentsSection, MedicationsSection
from journal.ui.pages.treatment.sessions import SessionsSection
from journal.ui.pages.treatment.topics import TopicsSection
from journal.ui.widgets.section import page_column


class TreatmentPage(QWidget):
    """Treatment and accountability, in tabs; shows the journal afresh each time it is shown.

    Signals:
        treatment_changed(): something was added, changed or deleted here (so the Today
            page can show the day's treatment again).
    """

    treatment_changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self.setObjectName("treatment_page")

        self.overview = AdherenceOverview(journal)
        self.sessions = SessionsSection(journal)
        self.medications = MedicationsSection(journal)
        self.commitments = CommitmentsSection(journal)
        self.topics = TopicsSection(journal)
        self._tabs = QTabWidget(objectName="treatment_tabs")
        self._tabs.setAccessibleName(self.tr("Treatment sections"))
        self._tabs.setDocumentMode(True)
        for section, title in (
            (self.overview, self.tr("&Overview")),
            (self.sessions, self.tr("S&essions")),
            (self.medications, self.tr("Med&ication")),
            (self.commitments, self.tr("&Commitments")),
            (self.topics, self.tr("Topics for my &next session")),
        ):
            self._tabs.addTab(section, title)

        layout = page_column(self, self.tr("Treatment"), "treatment")
        layout.setSpacing(10)
        layout.addWidget(self._tabs, 1)

        for section in (self.sessions, self.medications, self.commitments, self.topics):
            section.treatment_changed.connect(self._on_section_treatment_changed)
        self.refresh()

    def refresh(self) -> None:
        """Read everything shown again from the journal."""
        for section in (
            self.overview,
            self.sessions,
            self.medications,
            self.commitments,
            self.topics,
        ):
            section.refresh()

    def show_section(self, name: str) -> None:
        """Bring a tab to the front: overview, sessions, medications, commitments or topics."""
        self._tabs.setCurrentWidget(getattr(self, name))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # check-offs on Today may have changed the figures
            self.refresh()

    def _on_section_treatment_changed(self) -> None:
        self.refresh()
        self.treatment_changed.emit()
