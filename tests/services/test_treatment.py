"""Treatment rules that span records: doses per day, future sessions, active spans."""

import datetime as dt

import pytest

from journal.domain.errors import ValidationError
from journal.domain.records import Commitment, Medication, Session
from journal.services import Journal
from tests.helpers import TODAY

YESTERDAY = TODAY - dt.timedelta(days=1)
TOMORROW = TODAY + dt.timedelta(days=1)


def test_care_team_is_therapists_and_clinicians(journal: Journal) -> None:
    journal.add_person("Dr. Lee", "therapist")
    journal.add_person("GP", "clinician")
    journal.add_person("Sam", "friend")
    assert sorted(p.name for p in journal.care_team()) == ["Dr. Lee", "GP"]


def test_future_sessions_can_only_be_planned(journal: Journal) -> None:
    with pytest.raises(ValidationError) as caught:
        journal.add_session(Session(date=TOMORROW, status="attended", mode="video"))
    assert caught.value.field == "status"
    planned = journal.add_session(Session(date=TOMORROW, status="planned", mode="video"))
    assert journal.sessions_between(TOMORROW, TOMORROW) == [planned]
    assert journal.db["sessions"].count == 1


def test_doses_cannot_exceed_doses_per_day(journal: Journal) -> None:
    med = journal.add_medication(Medication(name="A", doses_per_day=2, started_on=YESTERDAY))
    with pytest.raises(ValidationError, match="taken cannot be more than the 2 doses per day"):
        journal.set_doses(med.id, TODAY, 3)
    with pytest.raises(ValidationError) as caught:
        journal.set_doses(med.id, TOMORROW, 1)
    assert caught.value.field == "date"
    with pytest.raises(ValidationError, match="was not being taken"):
        journal.set_doses(med.id, YESTERDAY - dt.timedelta(days=1), 1)
    journal.set_doses(med.id, TODAY, 2)
    assert [(s.medication.name, s.taken) for s in journal.doses_on(TODAY)] == [("A", 2)]
    assert journal.db["doses"].count == 1


def test_stopping_keeps_history(journal: Journal) -> None:
    med = journal.add_medication(
        Medication(name="A", doses_per_day=1, started_on=TODAY - dt.timedelta(days=5))
    )
    journal.set_doses(med.id, YESTERDAY, 1)
    journal.stop_medication(med.id, YESTERDAY)
    assert journal.doses_on(TODAY) == []
    assert journal.doses_on(YESTERDAY)[0].taken == 1
    with pytest.raises(ValidationError, match="stopped on cannot be before started on"):
        journal.stop_medication(med.id, TODAY - dt.timedelta(days=10))


def test_week_progress_counts_this_week(journal: Journal) -> None:
    # TODAY is Sunday 15 March 2026; the week started Monday 9 March
    walk = journal.add_commitment(
        Commitment(
            title="Walk", kind="social_prescription", per_week=2, started_on=dt.date(2026, 3, 1)
        )
    )
    journal.set_commitment_done(walk.id, dt.date(2026, 3, 8), 1)  # the week before
    journal.set_commitment_done(walk.id, dt.date(2026, 3, 10), 1)
    journal.set_commitment_done(walk.id, TODAY, 1)
    progress = journal.week_progress(TODAY)
    assert [(p.commitment.title, p.done_today, p.done_this_week, p.target) for p in progress] == [
        ("Walk", 1, 2, 2)
    ]
    assert journal.commitment_by_title("walk").id == walk.id


def test_commitment_needs_a_known_suggester(journal: Journal) -> None:
    with pytest.raises(ValidationError) as caught:
        journal.add_commitment(
            Commitment(title="X", kind="goal", per_week=1, started_on=TODAY, suggested_by=99)
        )
    assert caught.value.field == "suggested_by"


def test_topics(journal: Journal) -> None:
    topic = journal.add_topic("Sleep")
    assert journal.agenda() == [topic]
    journal.mark_discussed(topic.id)
    assert journal.agenda() == []
    assert journal.agenda(open_only=False)[0].discussed_on == TODAY
    with pytest.raises(ValidationError):
        journal.add_topic("   ")
