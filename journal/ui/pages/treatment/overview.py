"""The Treatment page's overview: adherence this week and over the last 12 weeks, in words.

The figures come from ``Journal.weekly_adherence``; this module only adds up the counts it
returns and writes them as "Medication 12 of 14 doses (86%)". A week with nothing scheduled
shows "—", never 0%. The Trends page draws the same figures as a chart.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtWidgets import QGridLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from journal.domain.dates import week_start
from journal.i18n import format_date
from journal.services import Journal
from journal.ui.pages.treatment.common import fill_row, make_table, subheading
from journal.ui.widgets.forms import percent
from journal.ui.widgets.section import hint_label

if TYPE_CHECKING:  # only for annotations: the analysis loads with the first chart
    from journal.services import WeeklyAdherence

#: How many weeks that are over the overview adds up (this week is shown apart, "so far").
WEEKS = 12
_KINDS = ("medication", "sessions", "commitments")


def _counts(adherence: WeeklyAdherence, kind: str) -> tuple[np.ndarray, np.ndarray]:
    return {
        "medication": (adherence.doses_taken, adherence.doses_scheduled),
        "sessions": (adherence.sessions_attended, adherence.sessions_booked),
        "commitments": (adherence.commitments_done, adherence.commitments_target),
    }[kind]


class AdherenceOverview(QWidget):
    """This week, the last 12 weeks, and a table of those weeks, most recent first."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self.setObjectName("adherence_overview")

        self._range = hint_label("", "overview_range")
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.addWidget(subheading(self.tr("This week"), "this_week_heading"), 0, 1)
        grid.addWidget(subheading(self.tr("Last 12 weeks"), "last_weeks_heading"), 0, 2)
        self._figures: dict[tuple[str, str], QLabel] = {}
        spans = (("this_week", self.tr("this week")), ("last_weeks", self.tr("last 12 weeks")))
        for row, kind in enumerate(_KINDS, start=1):
            grid.addWidget(QLabel(self._kind_name(kind)), row, 0)
            for column, (span, words) in enumerate(spans, start=1):
                label = QLabel(objectName=f"{span}_{kind}")
                label.setAccessibleName(f"{self._kind_name(kind)}, {words}")
                grid.addWidget(label, row, column)
                self._figures[(span, kind)] = label
        grid.setColumnStretch(3, 1)

        self._table = make_table(
            "adherence_weeks",
            self.tr("Adherence week by week"),
            (
                self.tr("Week of"),
                self._kind_name("medication"),
                self._kind_name("sessions"),
                self._kind_name("commitments"),
            ),
        )
        header = self._table.horizontalHeader()
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        explanation = hint_label(
            self.tr(
                "— means nothing was scheduled that week. Doses count on days you checked off a "
                "dose or saved a check-in; sessions count those attended, missed or cancelled by "
                'you; commitments count up to each week\'s target. This week is shown "so far" '
                "and joins the 12 weeks' totals once it is over."
            ),
            "overview_explanation",
        )
        self._table.setAccessibleDescription(explanation.text())

        layout = QVBoxLayout(self)
        layout.addWidget(self._range)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addWidget(subheading(self.tr("Week by week"), "weeks_heading"))
        layout.addWidget(self._table, 1)
        layout.addWidget(explanation)

    def _kind_name(self, kind: str) -> str:
        return {
            "medication": self.tr("Medication"),
            "sessions": self.tr("Sessions"),
            "commitments": self.tr("Commitments"),
        }[kind]

    def figure(self, span: str, kind: str) -> str:
        """The text shown for ``span`` ("this_week" or "last_weeks") and ``kind``."""
        return self._figures[(span, kind)].text()

    def refresh(self) -> None:
        today = self._journal.today()
        # the Monday 12 weeks before this week's: 12 weeks that are over, and this one
        start = week_start(today) - dt.timedelta(weeks=WEEKS)
        adherence = self._journal.weekly_adherence(start, today)
        self._range.setText(
            self.tr("Weeks from Monday to Sunday, from {start} to today, {end}.").format(
                start=format_date(start), end=format_date(today)
            )
        )
        # This week is not over: it is shown "so far" and left out of the weeks' totals, so
        # a Tuesday morning never reads as a fall.
        so_far = np.asarray(adherence.so_far, dtype=bool)
        if len(so_far) != len(adherence.weeks):
            so_far = np.zeros(len(adherence.weeks), dtype=bool)
        for kind in _KINDS:
            done, due = _counts(adherence, kind)
            this = (float(done[-1]), float(due[-1])) if len(due) else (0.0, 0.0)
            self._figures[("this_week", kind)].setText(
                self._text(kind, *this, so_far=bool(len(so_far) and so_far[-1]))
            )
            total = (float(np.sum(done[~so_far])), float(np.sum(due[~so_far])))
            self._figures[("last_weeks", kind)].setText(self._text(kind, *total))

        weeks = list(enumerate(adherence.weeks))[::-1]
        self._table.setRowCount(len(weeks))
        for row, (index, week) in enumerate(weeks):
            cells = [format_date(week)]
            for kind in _KINDS:
                done, due = _counts(adherence, kind)
                cells.append(
                    self._text(
                        kind,
                        float(done[index]),
                        float(due[index]),
                        short=True,
                        so_far=bool(so_far[index]),
                    )
                )
            fill_row(self._table, row, cells, None)

    def _text(
        self, kind: str, done: float, due: float, *, short: bool = False, so_far: bool = False
    ) -> str:
        if due <= 0:
            return "—" if short else self.tr("— nothing scheduled")
        counts = {"done": int(done), "due": int(due), "percent": percent(done, due)}
        if so_far:
            if short:
                return self.tr("{done} of {due} so far").format(**counts)
            return {
                "medication": self.tr("{done} of {due} doses so far"),
                "sessions": self.tr("{done} of {due} attended so far"),
                "commitments": self.tr("{done} of {due} done so far"),
            }[kind].format(**counts)
        if short:
            return self.tr("{done} of {due} ({percent})").format(**counts)
        return {
            "medication": self.tr("{done} of {due} doses ({percent})"),
            "sessions": self.tr("{done} of {due} attended ({percent})"),
            "commitments": self.tr("{done} of {due} done ({percent})"),
        }[kind].format(**counts)
