"""Weekly adherence: medication, sessions and commitments, week by week (Monday to Sunday).

Ratios are ``NaN`` for a week with nothing scheduled: such a week is left out, never counted as
0% or 100%. Only days inside the requested range count, so the first and last weeks may be
partial.

- Medication: doses taken / doses scheduled, over the days a medication was active *and* the
  day is known (it has a dose record or a check-in). A day with nothing logged at all is
  unknown, not a missed dose.
- Sessions: attended / booked, where booked = attended + missed + cancelled by me. Sessions
  cancelled by the provider and planned ones are not the person's to keep.
- Commitments: for each active commitment, done (capped at the week's target) / target, where
  the target of a partial week is ``ceil(per_week x active days / 7)``; summed over
  commitments.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from journal.domain.kinds import SessionStatus
from journal.domain.records import Commitment, CommitmentLog, DoseLog, Medication, Session

_BOOKED = {SessionStatus.ATTENDED, SessionStatus.MISSED, SessionStatus.CANCELLED_BY_ME}


def week_start(date: dt.date) -> dt.date:
    return date - dt.timedelta(days=date.weekday())


@dataclass(frozen=True, slots=True)
class WeeklyAdherence:
    """One element per week overlapping the range; ``weeks`` holds each Monday."""

    weeks: list[dt.date]
    medication: np.ndarray
    sessions: np.ndarray
    commitments: np.ndarray
    per_medication: dict[str, np.ndarray] = field(default_factory=dict)
    per_commitment: dict[str, np.ndarray] = field(default_factory=dict)
    doses_taken: np.ndarray = field(default_factory=lambda: np.zeros(0))
    doses_scheduled: np.ndarray = field(default_factory=lambda: np.zeros(0))
    sessions_attended: np.ndarray = field(default_factory=lambda: np.zeros(0))
    sessions_booked: np.ndarray = field(default_factory=lambda: np.zeros(0))
    commitments_done: np.ndarray = field(default_factory=lambda: np.zeros(0))
    commitments_target: np.ndarray = field(default_factory=lambda: np.zeros(0))


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 0, numerator / np.maximum(denominator, 1e-12), np.nan)


def _days(start: dt.date, end: dt.date) -> Iterable[dt.date]:
    for offset in range((end - start).days + 1):
        yield start + dt.timedelta(days=offset)


def weekly_adherence(start: dt.date, end: dt.date, *, medications: Sequence[Medication],
                     doses: Sequence[DoseLog], checkin_dates: set[dt.date],
                     sessions: Sequence[Session], commitments: Sequence[Commitment],
                     commitment_log: Sequence[CommitmentLog]) -> WeeklyAdherence:
    """Weekly figures for ``start..end`` from the records of that range."""
    first = week_start(start)
    weeks = [first + dt.timedelta(weeks=i) for i in range((week_start(end) - first).days // 7 + 1)]
    count = len(weeks)

    def week_of(date: dt.date) -> int:
        return (date - first).days // 7

    taken = np.zeros(count)
    scheduled = np.zeros(count)
    per_medication: dict[str, np.ndarray] = {}
    logged = {(d.medication_id, d.date): d.taken for d in doses if start <= d.date <= end}
    for med in medications:
        med_taken, med_scheduled = np.zeros(count), np.zeros(count)
        low = max(start, med.started_on)
        high = min(end, med.stopped_on or end)
        for day in _days(low, high) if low <= high else ():
            known = (med.id, day) in logged
            if not known and day not in checkin_dates:
                continue
            index = week_of(day)
            med_scheduled[index] += med.doses_per_day
            med_taken[index] += min(logged.get((med.id, day), 0), med.doses_per_day)
        taken += med_taken
        scheduled += med_scheduled
        per_medication[med.name if med.name not in per_medication else f"{med.name} ({med.id})"] \
            = _ratio(med_taken, med_scheduled)

    attended, booked = np.zeros(count), np.zeros(count)
    for session in sessions:
        if not start <= session.date <= end or session.status not in _BOOKED:
            continue
        booked[week_of(session.date)] += 1
        attended[week_of(session.date)] += session.status is SessionStatus.ATTENDED

    done_total, target_total = np.zeros(count), np.zeros(count)
    per_commitment: dict[str, np.ndarray] = {}
    done_by = {}
    for log in commitment_log:
        if start <= log.date <= end:
            key = (log.commitment_id, week_of(log.date))
            done_by[key] = done_by.get(key, 0) + log.done
    for item in commitments:
        done, target = np.zeros(count), np.zeros(count)
        low = max(start, item.started_on)
        high = min(end, item.ended_on or end)
        active = np.zeros(count)
        for day in _days(low, high) if low <= high else ():
            active[week_of(day)] += 1
        for index in np.flatnonzero(active):
            target[index] = math.ceil(item.per_week * active[index] / 7)
            done[index] = min(done_by.get((item.id, int(index)), 0), target[index])
        done_total += done
        target_total += target
        per_commitment[item.title] = _ratio(done, target)

    return WeeklyAdherence(
        weeks, _ratio(taken, scheduled), _ratio(attended, booked),
        _ratio(done_total, target_total), per_medication, per_commitment, taken, scheduled,
        attended, booked, done_total, target_total)
