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

The week that holds ``today`` (and any later one) is not over: ``so_far`` marks it, so pages
say "so far" or leave it out instead of showing an unfinished week as a fall.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from journal.domain.dates import week_start
from journal.domain.kinds import SessionStatus
from journal.domain.records import Commitment, CommitmentLog, DoseLog, Medication, Session

_BOOKED = {SessionStatus.ATTENDED, SessionStatus.MISSED, SessionStatus.CANCELLED_BY_ME}


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
    #: True for a week that has not ended yet (it holds ``today`` or comes after it)
    so_far: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    def finished(self, ratios: np.ndarray) -> np.ndarray:
        """``ratios`` with the unfinished weeks left out (NaN): what a chart should draw."""
        ratios = np.asarray(ratios, dtype=float).copy()
        if len(self.so_far) == len(ratios):
            ratios[self.so_far] = np.nan
        return ratios


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 0, numerator / np.maximum(denominator, 1e-12), np.nan)


def weekly_adherence(
    start: dt.date,
    end: dt.date,
    *,
    medications: Sequence[Medication],
    doses: Sequence[DoseLog],
    checkin_dates: set[dt.date],
    sessions: Sequence[Session],
    commitments: Sequence[Commitment],
    commitment_log: Sequence[CommitmentLog],
    today: dt.date | None = None,
) -> WeeklyAdherence:
    """Weekly figures for ``start..end`` from the records of that range.

    ``today`` marks the weeks not over yet (``so_far``); ``None`` treats every week as over.

    ``doses`` and ``commitment_log`` may be any objects with the records' attributes (the
    service passes plain stored rows, which is much faster on years of data).
    """
    first = week_start(start)
    count = (week_start(end) - first).days // 7 + 1
    weeks = [first + dt.timedelta(weeks=i) for i in range(count)]
    base = first.toordinal()  # days are handled as ordinals: cheap to turn into arrays

    def week_index(dates: Iterable[dt.date]) -> np.ndarray:
        return (np.fromiter((d.toordinal() for d in dates), dtype=np.int64) - base) // 7

    def span_weeks(low: dt.date, high: dt.date) -> np.ndarray:
        """Week index of every day of ``low..high`` (empty when the span is empty)."""
        return (np.arange(low.toordinal(), high.toordinal() + 1, dtype=np.int64) - base) // 7

    def per_week(indices: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        return np.bincount(indices, weights=weights, minlength=count)[:count].astype(float)

    checkins = np.fromiter(
        sorted(d.toordinal() for d in checkin_dates if start <= d <= end), dtype=np.int64
    )
    taken = np.zeros(count)
    scheduled = np.zeros(count)
    per_medication: dict[str, np.ndarray] = {}
    for med in medications:
        low, high = max(start, med.started_on), min(end, med.stopped_on or end)
        logs = [d for d in doses if d.medication_id == med.id and low <= d.date <= high]
        logged = np.fromiter((d.date.toordinal() for d in logs), dtype=np.int64)
        active = checkins[(checkins >= low.toordinal()) & (checkins <= high.toordinal())]
        known = np.union1d(active, logged)  # a day is known by a dose record or a check-in
        med_scheduled = per_week((known - base) // 7) * med.doses_per_day
        med_taken = per_week(
            (logged - base) // 7,
            np.fromiter((min(d.taken, med.doses_per_day) for d in logs), dtype=float),
        )
        taken += med_taken
        scheduled += med_scheduled
        name = med.name if med.name not in per_medication else f"{med.name} ({med.id})"
        per_medication[name] = _ratio(med_taken, med_scheduled)

    attended, booked = np.zeros(count), np.zeros(count)
    for session in sessions:
        if not start <= session.date <= end or session.status not in _BOOKED:
            continue
        index = (session.date - first).days // 7
        booked[index] += 1
        attended[index] += session.status is SessionStatus.ATTENDED

    done_total, target_total = np.zeros(count), np.zeros(count)
    per_commitment: dict[str, np.ndarray] = {}
    for item in commitments:
        low, high = max(start, item.started_on), min(end, item.ended_on or end)
        active = per_week(span_weeks(low, high))
        target = np.ceil(item.per_week * active / 7)
        mine = [
            log
            for log in commitment_log
            if log.commitment_id == item.id and start <= log.date <= end
        ]
        done = per_week(
            week_index(log.date for log in mine),
            np.fromiter((log.done for log in mine), dtype=float),
        )
        done = np.minimum(done, target)
        done_total += done
        target_total += target
        per_commitment[item.title] = _ratio(done, target)

    return WeeklyAdherence(
        weeks,
        _ratio(taken, scheduled),
        _ratio(attended, booked),
        _ratio(done_total, target_total),
        per_medication,
        per_commitment,
        taken,
        scheduled,
        attended,
        booked,
        done_total,
        target_total,
        np.array(
            [today is not None and week + dt.timedelta(days=6) >= today for week in weeks],
            dtype=bool,
        ),
    )


def with_weeks(whole: WeeklyAdherence, parts: Sequence[WeeklyAdherence]) -> WeeklyAdherence:
    """``whole`` with the weeks of each of ``parts`` (each computed over one week of its range,
    with the same medications and commitments) put in their place.

    Every figure is per week, so after a day's write only its week is computed again
    (``Journal.weekly_adherence``) and a lifetime costs what a week does.
    """
    if not parts:
        return whole
    arrays = {
        name: np.array(getattr(whole, name), copy=True)
        for name in (
            "medication",
            "sessions",
            "commitments",
            "doses_taken",
            "doses_scheduled",
            "sessions_attended",
            "sessions_booked",
            "commitments_done",
            "commitments_target",
            "so_far",
        )
    }
    per_medication = {k: v.copy() for k, v in whole.per_medication.items()}
    per_commitment = {k: v.copy() for k, v in whole.per_commitment.items()}
    first = whole.weeks[0]
    for part in parts:
        for offset, week in enumerate(part.weeks):
            index = (week - first).days // 7
            for name, values in arrays.items():
                values[index] = getattr(part, name)[offset]
            for kept, new in (
                (per_medication, part.per_medication),
                (per_commitment, part.per_commitment),
            ):
                for key, values in kept.items():
                    values[index] = new[key][offset]
    return dataclasses.replace(
        whole, per_medication=per_medication, per_commitment=per_commitment, **arrays
    )


def join_weeks(parts: Sequence[WeeklyAdherence]) -> WeeklyAdherence:
    """One ``WeeklyAdherence`` from the figures of consecutive stretches of a range, each
    computed over whole weeks of it (but the range's own first and last), with the same
    medications and commitments: the weeks of each in turn.

    Every figure is per week, so this equals the range computed at once, and a lifetime is
    read a stretch at a time instead of holding every dose and check-off of it at once.
    """
    if len(parts) == 1:
        return parts[0]
    for before, after in itertools.pairwise(parts):
        if after.weeks[0] != before.weeks[-1] + dt.timedelta(weeks=1):
            raise ValueError("the parts must be consecutive whole weeks")

    def joined(name: str) -> np.ndarray:
        return np.concatenate([getattr(part, name) for part in parts])

    first = parts[0]
    return WeeklyAdherence(
        [week for part in parts for week in part.weeks],
        joined("medication"),
        joined("sessions"),
        joined("commitments"),
        {
            key: np.concatenate([p.per_medication[key] for p in parts])
            for key in first.per_medication
        },
        {
            key: np.concatenate([p.per_commitment[key] for p in parts])
            for key in first.per_commitment
        },
        joined("doses_taken"),
        joined("doses_scheduled"),
        joined("sessions_attended"),
        joined("sessions_booked"),
        joined("commitments_done"),
        joined("commitments_target"),
        joined("so_far"),
    )
