"""What the summary reads from the journal: ``SummaryInputs``, gathered by the services for a
range, and the two records of care kept that only the summary needs.

Plain data, no store: the services fill it (``Journal.summary_inputs``) and every builder of
the summary reads only this.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from journal.analysis.adherence import WeeklyAdherence
from journal.analysis.insights import InsightReport
from journal.analysis.series import DailySeries
from journal.domain.records import (
    AgendaItem,
    Assessment,
    Contact,
    Person,
    SafetyPlan,
    Session,
)


@dataclass(frozen=True, slots=True)
class MedicationKept:
    """A medication active in the range and its doses taken of those scheduled there."""

    name: str
    dose: str
    doses_per_day: int
    taken: int
    scheduled: int


@dataclass(frozen=True, slots=True)
class CommitmentKept:
    """A commitment active in the range, done against its weekly targets there."""

    title: str
    kind: str
    per_week: int
    suggested_by: int | None
    done: int
    target: int


@dataclass(frozen=True, slots=True)
class SummaryInputs:
    """Everything a summary may show, gathered by the services for ``start..end``."""

    start: dt.date
    end: dt.date
    made_on: dt.date
    display_name: str
    series: DailySeries
    insights: InsightReport
    adherence: WeeklyAdherence
    people: Sequence[Person] = ()
    contacts: Sequence[Contact] = ()
    sessions: Sequence[Session] = ()
    medications: Sequence[MedicationKept] = ()
    commitments: Sequence[CommitmentKept] = ()
    assessments: Sequence[Assessment] = ()
    topics: Sequence[AgendaItem] = ()
    notes: Mapping[dt.date, str] = field(default_factory=dict)
    safety_plan: SafetyPlan = field(default_factory=SafetyPlan)
