"""People and groups."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from journal.domain.errors import ValidationError
from journal.domain.records import Person
from journal.store.rows import fetch, to_row

_COLUMNS = "id, name, relationship, archived, note"


def _name_taken(name: str) -> ValidationError:
    return ValidationError("name", f"There is already someone called “{name}”; "
                                   "choose another name or merge the two")


def add_person(db: Database, person: Person) -> Person:
    """Store a new person; names are unique among active people, ignoring case."""
    existing = find_active_by_name(db, person.name)
    if existing is not None and not person.archived:
        raise _name_taken(existing.name)
    try:
        table = db["people"].insert(to_row(person, exclude=("id",)))
    except sqlite3.IntegrityError:
        raise _name_taken(person.name) from None
    return get_person(db, int(table.last_pk))  # type: ignore[return-value]


def update_person(db: Database, person: Person) -> Person:
    if person.id is None:
        raise ValueError("update_person needs a stored person")
    other = find_active_by_name(db, person.name)
    if other is not None and other.id != person.id and not person.archived:
        raise _name_taken(other.name)
    try:
        db["people"].update(person.id, to_row(person, exclude=("id",)))
    except sqlite3.IntegrityError:
        raise _name_taken(person.name) from None
    return person


def get_person(db: Database, person_id: int) -> Person | None:
    found = fetch(db, Person, f"SELECT {_COLUMNS} FROM people WHERE id = ?", [person_id])
    return found[0] if found else None


def find_active_by_name(db: Database, name: str) -> Person | None:
    """The active person with this name, compared without regard to case (Unicode-aware)."""
    wanted = name.strip().casefold()
    for person in list_people(db, include_archived=False):
        if person.name.casefold() == wanted:
            return person
    return None


def list_people(db: Database, *, include_archived: bool = True) -> list[Person]:
    where = "" if include_archived else "WHERE archived = 0"
    return fetch(db, Person, f"SELECT {_COLUMNS} FROM people {where} ORDER BY name COLLATE NOCASE")
