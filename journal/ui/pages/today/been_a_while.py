"""“It's been a while”: on Today, a quiet list of people the person wished to keep in touch with.

Only people given "keep in touch every N days" on their page are listed, once that many days
have passed since the last contact logged with them. The words never count against the person
("you haven't…"), there is no colour of warning, and each name can be set aside ("Not now")
for another of its intervals. It never sends a notification: it is only here, when looked at.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from journal.i18n import format_number
from journal.services import Journal
from journal.ui.widgets.section import section_title


class BeenAWhile(QFrame):
    """Hidden while nobody is due; ``refresh()`` reads the list again (Today calls
    ``set_date`` whenever it shows a day, which refreshes too)."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("been_a_while")
        self.setAccessibleName(self.tr("It's been a while"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        self._journal = journal
        self._names: list[str] = []
        self._shown: list[object] | None = None  # what the rows show, to skip a rebuild
        self._rows = QVBoxLayout()
        self._rows.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(section_title(self.tr("It's been a while"), "been_a_while_title"))
        layout.addLayout(self._rows)
        self.refresh()

    def set_date(self, _date: dt.date) -> None:
        self.refresh()

    def names(self) -> list[str]:
        """The names listed now, top to bottom (for tests)."""
        return list(self._names)

    def refresh(self) -> None:
        due = self._journal.been_a_while()
        if due == self._shown:
            return  # a save that changed nobody's row (most saves): no widgets rebuilt
        self._shown = due
        while self._rows.count():
            old = self._rows.takeAt(0).widget()
            if old is not None:
                old.hide()  # at once: deleteLater waits for the event loop
                old.deleteLater()
        self._names = [entry.name for entry in due]
        for entry in due:
            self._rows.addWidget(self._row(entry.person_id, entry.name, entry.every, entry.days))
        self.setVisible(bool(due))

    def _row(self, person_id: int, name: str, every: int, days: int | None) -> QWidget:
        if days is None:
            text = self.tr("{name}: no contact logged yet (you'd like every {every} days or so).")
        else:
            text = self.tr(
                "{name}: about {days} days since you were last in touch (you'd "
                "like every {every} days or so)."
            )
        text = text.format(
            name=name, every=format_number(every, 0), days=format_number(days or 0, 0)
        )
        label = QLabel(text, wordWrap=True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        button = QPushButton(self.tr("Not now"), objectName=f"while_not_now_{person_id}")
        button.setAccessibleName(self.tr("Not now: set {name} aside").format(name=name))
        button.setAccessibleDescription(
            self.tr("Hides {name} here for another {every} days").format(
                name=name, every=format_number(every, 0)
            )
        )
        button.setAutoDefault(False)
        button.setFlat(True)
        button.clicked.connect(lambda _=False, pid=person_id: self._on_not_now_clicked(pid))
        row = QWidget(objectName=f"while_row_{person_id}")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label, 1)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _on_not_now_clicked(self, person_id: int) -> None:
        self._journal.set_aside_while(person_id)
        self.refresh()
