"""People use cases: rename, change kind, archive, merge, overview, the isolation nudge."""

import datetime as dt

import pytest

from journal.domain.errors import ValidationError
from journal.domain.kinds import Relationship
from journal.domain.records import Session
from journal.services import Journal
from journal.store import treatment
from tests.helpers import TODAY


def test_rename_change_kind_and_unique_names(journal: Journal) -> None:
    sam = journal.add_person("Sam", "friend")
    journal.add_person("Noor", "friend")
    renamed = journal.update_person(sam.id, name="Samira", relationship="family")
    assert journal.person(sam.id) == renamed
    assert renamed.relationship is Relationship.FAMILY
    with pytest.raises(ValidationError) as caught:
        journal.update_person(sam.id, name="noor")
    assert caught.value.field == "name"


def test_archive_keeps_history_and_leaves_the_completer(journal: Journal, make_contact) -> None:
    sam = journal.add_person("Sam", "friend")
    journal.add_contact(make_contact(person_id=sam.id))
    journal.update_person(sam.id, archived=True)
    assert journal.people() == [] and len(journal.people(include_archived=True)) == 1
    assert journal.person_by_name("Sam") is None
    assert journal.contacts_on(TODAY)[0].person_id == sam.id
    journal.add_person("Sam", "colleague")  # the name is free again
    with pytest.raises(ValidationError, match="already someone called"):
        journal.update_person(sam.id, archived=False)


def test_merge_moves_contacts_sessions_and_suggestions(journal: Journal, make_contact) -> None:
    keep = journal.add_person("Dr. Lee", "therapist")
    drop = journal.add_person("Dr Lee", "therapist")
    journal.add_contact(make_contact(person_id=drop.id, kind="therapist"))
    journal.add_contact(make_contact(person_id=keep.id, kind="therapist"))
    treatment.add_session(
        journal.db, Session(date=TODAY, status="attended", mode="video", person_id=drop.id)
    )
    journal.merge_people(keep.id, drop.id)
    assert journal.person(drop.id) is None
    assert {c.person_id for c in journal.contacts_on(TODAY)} == {keep.id}
    assert treatment.sessions_between(journal.db, TODAY, TODAY)[0].person_id == keep.id
    with pytest.raises(ValidationError):
        journal.merge_people(keep.id, keep.id)
    with pytest.raises(ValidationError):
        journal.merge_people(keep.id, 999)


def test_people_overview(journal: Journal, make_contact) -> None:
    sam = journal.add_person("Sam", "friend")
    journal.add_person("Quiet", "neighbour")
    journal.add_contact(make_contact(person_id=sam.id, quality=5))
    journal.add_contact(
        make_contact(person_id=sam.id, quality=2, date=TODAY - dt.timedelta(days=40))
    )
    rows = {o.person.name: o for o in journal.people_overview()}
    assert rows["Sam"].last_contact == TODAY
    assert rows["Sam"].contacts_30_days == 1 and rows["Sam"].contacts_total == 2
    assert rows["Sam"].average_quality == pytest.approx(3.5)
    assert rows["Quiet"].last_contact is None and rows["Quiet"].average_quality is None


def test_isolation_nudge_after_three_logged_days(journal: Journal, make_contact, make_day) -> None:
    assert journal.isolation_nudge() is None  # nothing logged yet: no nudge
    sam = journal.add_person("Sam", "friend")
    journal.add_contact(
        make_contact(person_id=sam.id, quality=5, date=TODAY - dt.timedelta(days=20))
    )
    # unlogged days are unknown, not lonely: two weeks with nothing logged is no nudge
    assert journal.isolation_nudge(on=TODAY - dt.timedelta(days=6)) is None
    for days_ago in (4, 2, 1):
        journal.save_day(make_day(date=TODAY - dt.timedelta(days=days_ago)))
    assert journal.isolation_nudge(on=TODAY - dt.timedelta(days=2)) is None  # 2 logged days
    nudge = journal.isolation_nudge()
    assert nudge is not None and nudge.days == 3
    assert nudge.message.startswith("It has been 3 logged days since a contact that felt good.")
    assert [p.name for p in nudge.people] == ["Sam"]


def test_coping_suggestions_most_used_first(journal: Journal, make_day) -> None:
    journal.save_day(make_day(coping=("walk", "music")))
    journal.save_day(make_day(date=TODAY - dt.timedelta(days=1), coping=("Walk",)))
    assert [t.casefold() for t in journal.coping_suggestions()] == ["walk", "music"]


def test_person_figures_come_from_the_store(journal: Journal, make_contact, make_day) -> None:
    sam = journal.add_person("Sam", "friend")
    for back in range(20):
        date = TODAY - dt.timedelta(days=back)
        journal.save_day(make_day(date=date, mood=(8 if back % 2 else 4) + back % 3 % 2))
        if back % 2:
            journal.add_contact(make_contact(date=date, person_id=sam.id, quality=5))
    figures = journal.person_figures(sam.id)
    assert figures.contacts_total == 10 and figures.average_quality == 5
    assert figures.last_contact == TODAY - dt.timedelta(days=1)
    assert (figures.mood.n_with, figures.mood.n_without) == (10, 10)
    assert 8 <= figures.mood.mean_with <= 9 and 4 <= figures.mood.mean_without <= 5
    assert figures.mood_clear
    with pytest.raises(ValidationError):
        journal.person_figures(999)


def test_keep_in_touch_is_validated_naming_the_field(journal: Journal) -> None:
    sam = journal.add_person("Sam", "friend")
    assert journal.set_keep_in_touch(sam.id, "14").keep_in_touch_days == 14
    assert journal.person(sam.id).keep_in_touch_days == 14
    for wrong in ("0", "366", "often"):
        with pytest.raises(ValidationError) as caught:
            journal.set_keep_in_touch(sam.id, wrong)
        assert caught.value.field == "keep_in_touch_days"
        assert "keep in touch" in caught.value.message
    assert journal.set_keep_in_touch(sam.id, "").keep_in_touch_days is None


def test_been_a_while_and_setting_aside(journal: Journal, make_contact) -> None:
    sam = journal.add_person("Sam", "friend")
    noor = journal.add_person("Noor", "friend")
    journal.add_contact(make_contact(date=TODAY - dt.timedelta(days=9), person_id=sam.id))
    journal.add_contact(make_contact(date=TODAY - dt.timedelta(days=2), person_id=noor.id))
    journal.set_keep_in_touch(sam.id, 7)
    journal.set_keep_in_touch(noor.id, 7)
    assert [(w.name, w.days) for w in journal.been_a_while()] == [("Sam", 9)]
    journal.set_aside_while(sam.id)
    assert journal.person(sam.id).touch_dismissed_on == TODAY
    assert journal.been_a_while() == []
    journal.update_person(sam.id, archived=True)
    journal.set_keep_in_touch(sam.id, 7)  # a new wish forgets the setting aside
    assert journal.been_a_while() == []  # but archived people are never listed
