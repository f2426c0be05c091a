"""One use case adds a contact with a person found or created by name, in one transaction:
a refused contact creates nobody (the command line and the Today page both use it)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest

from journal.cli import main
from journal.domain.errors import StorageError, ValidationError
from journal.services import Journal
from tests.helpers import TODAY


def test_a_new_name_creates_the_person_with_the_contact(journal: Journal) -> None:
    saved = journal.save_contact_for(
        " Maya ", kind="colleague", mode="phone", quality=4, minutes=10, note="lunch"
    )
    assert saved.created and saved.person.name == "Maya"
    assert saved.person.relationship == "colleague"
    assert journal.contacts_on(TODAY) == [saved.contact]
    assert saved.contact.person_id == saved.person.id and saved.contact.kind == "colleague"


def test_a_known_name_is_that_person_and_lends_its_kind(journal: Journal) -> None:
    sam = journal.add_person("Sam", "family")
    saved = journal.save_contact_for("sam", mode="text", quality=3)
    assert not saved.created and saved.person == sam
    assert saved.contact.kind == "family" and len(journal.people()) == 1


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"quality": 9}, "quality"),
        ({"quality": None}, "quality"),
        ({"minutes": 2000}, "minutes"),
        ({"mode": "carrier pigeon"}, "mode"),
        ({"kind": "stranger"}, "kind"),
        ({"kind": None}, "kind"),  # a new person needs a kind
        ({"date": TODAY + dt.timedelta(days=1)}, "date"),
        ({"contact_id": 999}, "contact"),
        ({"person_name": "  "}, "person"),
    ],
)
def test_a_refused_contact_writes_nothing_not_even_the_person(
    journal: Journal, changes: dict[str, object], field: str
) -> None:
    values: dict[str, object] = {
        "person_name": "Maya",
        "kind": "friend",
        "mode": "phone",
        "quality": 4,
        **changes,
    }
    name = values.pop("person_name")
    before = journal.changes()
    with pytest.raises(ValidationError) as refused:
        journal.save_contact_for(name, **values)  # type: ignore[arg-type]
    assert refused.value.field == field
    assert journal.people() == [] and journal.contacts_on(TODAY) == []
    assert journal.changes() == before


def test_a_failing_write_of_the_contact_takes_the_new_person_back(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("journal.store.contacts.add_contact", full)
    with pytest.raises(StorageError, match="The disk is full"):  # calm, for the Today page
        journal.save_contact_for("Maya", kind="friend", mode="phone", quality=4)
    assert journal.people() == []


def test_a_stored_contact_is_changed_and_may_move_to_a_new_person(journal: Journal) -> None:
    first = journal.save_contact_for("Sam", kind="friend", mode="phone", quality=2).contact
    moved = journal.save_contact_for(
        "Ana", kind="family", mode="phone", quality=5, contact_id=first.id
    )
    assert moved.created and moved.contact.id == first.id
    assert journal.contacts_on(TODAY) == [
        dataclasses.replace(first, person_id=moved.person.id, kind="family", quality=5)
    ]


def test_the_command_line_refuses_quality_9_and_creates_nobody(
    data_dir, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "contact",
        "add",
        "--person",
        "New",
        "--kind",
        "friend",
        "--mode",
        "phone",
        "--quality",
        "9",
        "--data-dir",
        str(data_dir),
    ]
    assert main(args) == 2
    assert "quality must be between 1 and 5" in capsys.readouterr().err
    assert (
        main(
            ["contact", "add", "--person", "Newer", "--mode", "phone", "--data-dir", str(data_dir)]
        )
        == 2
    )
    assert "add --kind to create them" in capsys.readouterr().err
    journal = Journal.open(data_dir, create=False, lock=False)
    try:
        assert journal.people() == []
    finally:
        journal.close()
    assert main([*args[:-4], "--quality", "5", "--data-dir", str(data_dir)]) == 0
    assert "Added contact 1: New on" in capsys.readouterr().out
