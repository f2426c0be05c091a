"""Weekly adherence, computed by hand for partial weeks, a stop mid-week and an empty week."""

import datetime as dt

import numpy as np
import pytest

from journal.analysis.adherence import weekly_adherence
from journal.domain.records import Commitment, CommitmentLog, DoseLog, Medication, Session

NAN = np.nan
# Range: Thursday 2026-03-05 to Wednesday 2026-03-25 -> weeks starting Mon 2, 9, 16, 23 March
START, END = dt.date(2026, 3, 5), dt.date(2026, 3, 25)


def d(day: int) -> dt.date:
    return dt.date(2026, 3, day)


def run(**records):
    values = {
        "medications": [],
        "doses": [],
        "checkin_dates": set(),
        "sessions": [],
        "commitments": [],
        "commitment_log": [],
    }
    values.update(records)
    return weekly_adherence(START, END, **values)


def test_weeks_cover_the_range_from_monday() -> None:
    result = run()
    assert result.weeks == [d(2), d(9), d(16), d(23)]
    assert np.isnan(result.medication).all() and np.isnan(result.sessions).all()
    assert np.isnan(result.commitments).all()  # nothing scheduled: left out, not 0 or 100


def test_medication_partial_weeks_and_a_stop_mid_week() -> None:
    med = Medication(name="A", doses_per_day=2, started_on=d(1), stopped_on=d(18), id=1)
    # every day 5..18 has a check-in; doses: all taken except 1 missed on the 6th,
    # nothing logged on the 10th (a check-in exists, so it counts as 0 of 2)
    checkins = {d(day) for day in range(5, 26)}
    doses = [DoseLog(medication_id=1, date=d(day), taken=2) for day in range(5, 19) if day != 10]
    doses[1] = DoseLog(medication_id=1, date=d(6), taken=1)
    result = run(medications=[med], doses=doses, checkin_dates=checkins)
    # week of 2 Mar: days 5-8 in range -> 8 scheduled, 7 taken
    # week of 9 Mar: days 9-15 -> 14 scheduled, 12 taken (10th: 0)
    # week of 16 Mar: days 16-18 (stopped on the 18th) -> 6 scheduled, 6 taken
    # week of 23 Mar: stopped -> nothing scheduled
    np.testing.assert_allclose(result.doses_scheduled, [8, 14, 6, 0])
    np.testing.assert_allclose(result.doses_taken, [7, 12, 6, 0])
    np.testing.assert_allclose(result.medication, [7 / 8, 12 / 14, 1.0, NAN])
    np.testing.assert_allclose(result.per_medication["A"], [7 / 8, 12 / 14, 1.0, NAN])


def test_days_with_nothing_logged_are_unknown_not_missed() -> None:
    med = Medication(name="A", doses_per_day=1, started_on=d(1), id=1)
    doses = [DoseLog(medication_id=1, date=d(10), taken=1)]
    result = run(medications=[med], doses=doses, checkin_dates={d(11)})
    np.testing.assert_allclose(result.doses_scheduled, [0, 2, 0, 0])
    np.testing.assert_allclose(result.medication, [NAN, 0.5, NAN, NAN])


def test_sessions_attended_over_booked() -> None:
    sessions = [
        Session(date=d(5), status="attended", mode="video"),
        Session(date=d(11), status="missed", mode="video"),
        Session(date=d(12), status="attended", mode="in_person"),
        Session(date=d(13), status="cancelled_by_provider", mode="video"),
        Session(date=d(18), status="cancelled_by_me", mode="video"),
        Session(date=d(25), status="planned", mode="video"),
        Session(date=d(1), status="missed", mode="video"),  # before the range
    ]
    result = run(sessions=sessions)
    np.testing.assert_allclose(result.sessions_booked, [1, 2, 1, 0])
    np.testing.assert_allclose(result.sessions, [1.0, 0.5, 0.0, NAN])


def test_commitments_capped_and_prorated_targets() -> None:
    walk = Commitment(title="Walk", kind="goal", per_week=2, started_on=d(1), ended_on=d(20), id=1)
    log = [CommitmentLog(commitment_id=1, date=d(day), done=1) for day in (5, 6, 7, 9, 16)]
    result = run(commitments=[walk], commitment_log=log)
    # week 2 Mar: 4 days in range -> target ceil(2*4/7) = 2; done 3 capped at 2
    # week 9 Mar: full week -> target 2, done 1
    # week 16 Mar: days 16-20 -> ceil(2*5/7) = 2, done 1
    # week 23 Mar: ended -> nothing
    np.testing.assert_allclose(result.commitments_target, [2, 2, 2, 0])
    np.testing.assert_allclose(result.commitments_done, [2, 1, 1, 0])
    np.testing.assert_allclose(result.commitments, [1.0, 0.5, 0.5, NAN])
    assert result.per_commitment["Walk"][0] == pytest.approx(1.0)


def test_the_week_not_over_yet_is_so_far_and_left_out_of_charts() -> None:
    """A Tuesday morning: a commitment of 4 a week, done once on Monday. The week's target
    so far is ceil(4 x 2 / 7) = 2; the week is marked so far and a chart leaves it out."""
    tuesday = dt.date(2026, 3, 17)
    item = Commitment(title="Walk", kind="goal", per_week=4, started_on=dt.date(2026, 3, 2), id=1)
    log = [CommitmentLog(commitment_id=1, date=dt.date(2026, 3, 16), done=1)]
    result = weekly_adherence(
        dt.date(2026, 3, 9),
        tuesday,
        medications=[],
        doses=[],
        checkin_dates=set(),
        sessions=[],
        commitments=[item],
        commitment_log=log,
        today=tuesday,
    )
    assert result.so_far.tolist() == [False, True]
    assert result.commitments_done.tolist() == [0.0, 1.0]
    assert result.commitments_target.tolist() == [4.0, 2.0]
    finished = result.finished(result.commitments)
    assert finished[0] == 0.0 and np.isnan(finished[1])
    past = weekly_adherence(
        dt.date(2026, 3, 9),
        tuesday,
        medications=[],
        doses=[],
        checkin_dates=set(),
        sessions=[],
        commitments=[item],
        commitment_log=log,
        today=dt.date(2026, 4, 1),
    )
    assert past.so_far.tolist() == [False, False]
