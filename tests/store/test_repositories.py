"""Round trips through each repository."""

import datetime as dt

import pytest

from journal.domain.errors import ValidationError
from journal.domain.records import (
    AgendaItem,
    Assessment,
    Commitment,
    CommitmentLog,
    Contact,
    DoseLog,
    Medication,
    Person,
    SafetyPlan,
    Session,
)
from journal.domain.settings import Settings
from journal.services import Journal
from journal.store import assessments, contacts, days, people, safety_plan, settings, treatment
from tests.helpers import NOW, TODAY


def test_day_round_trip(journal: Journal, make_day) -> None:
    day = make_day(
        anxiety=3,
        loneliness=0,
        energy=10,
        physical=None,
        sleep_hours=7.5,
        coping=("walk", "music"),
        note="Ünïcode and\nnew lines",
    )
    days.save_day(journal.db, day, updated_at=NOW)
    assert days.get_day(journal.db, TODAY) == day
    assert days.dates_with_checkins(journal.db, TODAY, TODAY) == {TODAY}
    days.save_day(journal.db, make_day(mood=2), updated_at=NOW)
    assert days.get_day(journal.db, TODAY).mood == 2
    assert journal.db["days"].count == 1


def test_people_names_unique_among_active_ignoring_case(journal: Journal) -> None:
    sam = people.add_person(journal.db, Person(name="Sam", relationship="friend"))
    with pytest.raises(ValidationError, match="already someone called “Sam”") as caught:
        people.add_person(journal.db, Person(name="SAM", relationship="family"))
    assert caught.value.field == "name"
    people.update_person(
        journal.db, Person(name="Sam", relationship="friend", id=sam.id, archived=True)
    )
    again = people.add_person(journal.db, Person(name="sam", relationship="family"))
    assert again.id != sam.id
    assert [p.name for p in people.list_people(journal.db, include_archived=False)] == ["sam"]
    assert len(people.list_people(journal.db)) == 2


def test_unicode_names_compare_without_case(journal: Journal) -> None:
    people.add_person(journal.db, Person(name="Ömer", relationship="friend"))
    with pytest.raises(ValidationError):
        people.add_person(journal.db, Person(name="ömer", relationship="friend"))


def test_contacts_crud(journal: Journal, make_contact) -> None:
    sam = people.add_person(journal.db, Person(name="Sam", relationship="friend"))
    added = contacts.add_contact(journal.db, make_contact(person_id=sam.id, minutes=30))
    assert added.id is not None and added.person_id == sam.id
    changed = Contact(**{**{f: getattr(added, f) for f in added.__slots__}, "quality": 2})
    contacts.update_contact(journal.db, changed)
    assert contacts.contacts_on(journal.db, TODAY)[0].quality == 2
    contacts.delete_contact(journal.db, added.id)
    assert contacts.contacts_on(journal.db, TODAY) == []


def test_treatment_round_trips(journal: Journal) -> None:
    db = journal.db
    session = treatment.add_session(
        db, Session(date=TODAY, status="attended", mode="video", felt_heard=4)
    )
    assert treatment.sessions_between(db, TODAY, TODAY) == [session]
    med = treatment.add_medication(db, Medication(name="X", doses_per_day=2, started_on=TODAY))
    treatment.set_doses(db, DoseLog(medication_id=med.id, date=TODAY, taken=1))
    treatment.set_doses(db, DoseLog(medication_id=med.id, date=TODAY, taken=2))
    assert [d.taken for d in treatment.doses_between(db, TODAY, TODAY)] == [2]
    goal = treatment.add_commitment(
        db, Commitment(title="Call a friend", kind="goal", per_week=2, started_on=TODAY)
    )
    treatment.set_commitment_done(db, CommitmentLog(commitment_id=goal.id, date=TODAY, done=1))
    assert treatment.commitment_log_between(db, TODAY, TODAY)[0].done == 1
    item = treatment.add_agenda_item(db, AgendaItem(text="Sleep", created_on=TODAY))
    assert treatment.list_agenda(db, open_only=True) == [item]


def test_assessment_is_rescored_on_load(journal: Journal) -> None:
    saved = assessments.add_assessment(
        journal.db, Assessment(date=TODAY, instrument="phq9", answers=(1,) * 9)
    )
    journal.db.execute("UPDATE assessments SET total = 0, band = 'minimal'")  # tampered
    loaded = assessments.list_assessments(journal.db)[0]
    assert loaded.id == saved.id and (loaded.total, loaded.band) == (9, "mild")


def test_safety_plan_and_settings_round_trip(journal: Journal) -> None:
    assert safety_plan.get_safety_plan(journal.db) == SafetyPlan()
    plan = SafetyPlan(warning_signs="Not sleeping", crisis_line="0800 000 000")
    safety_plan.save_safety_plan(journal.db, plan)
    assert safety_plan.get_safety_plan(journal.db) == plan
    assert settings.load_settings(journal.db) == Settings()
    settings.save_settings(journal.db, Settings(display_name="Alex", theme="dark"))
    assert settings.load_settings(journal.db).theme == "dark"


def test_settings_ignore_unknown_keys(journal: Journal) -> None:
    journal.db["settings"].insert({"key": "from_the_future", "value": "1"})
    assert settings.load_settings(journal.db) == Settings()


def test_range_queries(journal: Journal, make_day) -> None:
    for offset in range(5):
        days.save_day(journal.db, make_day(date=TODAY - dt.timedelta(days=offset)), updated_at=NOW)
    found = days.days_between(journal.db, TODAY - dt.timedelta(days=2), TODAY)
    assert [d.date for d in found] == [TODAY - dt.timedelta(days=i) for i in (2, 1, 0)]
    assert days.first_and_last_date(journal.db) == (TODAY - dt.timedelta(days=4), TODAY)


def test_a_bad_stored_setting_falls_back_to_its_default(journal: Journal) -> None:
    journal.db["settings"].insert_all(
        [
            {"key": "theme", "value": '"blue"'},
            {"key": "display_name", "value": '"Alex"'},
            {"key": "questionnaire_every_days", "value": "not json"},
            {"key": "window_geometry", "value": "42"},
        ]
    )
    assert settings.load_settings(journal.db) == Settings(display_name="Alex")
