"""People and groups."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journal.domain.errors import ValidationError
from journal.domain.records import Person
from journal.i18n import translate
from journal.store.rows import fetch, to_row

if TYPE_CHECKING:
    from sqlite_utils import Database

_COLUMNS = "id, name, relationship, archived, note, keep_in_touch_days, touch_dismissed_on"


def _name_taken(name: str) -> ValidationError:
    return ValidationError(
        "name",
        translate(
            "validation",
            "There is already someone called “{name}”; choose another name or merge the two",
        ).format(name=name),
    )


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


@dataclass(frozen=True, slots=True)
class PersonOverview:
    """A person with their contact figures, for the People page."""

    person: Person
    last_contact: dt.date | None
    contacts_30_days: int
    average_quality: float | None
    contacts_total: int


def people_overview(db: Database, today: dt.date) -> list[PersonOverview]:
    """Every person (archived too) with last contact, contacts in the 30 days up to ``today``
    and average "how connected" over all their contacts, in one query."""
    since = (today - dt.timedelta(days=29)).isoformat()
    rows = db.execute(
        f"""SELECT {", ".join("p." + c for c in _COLUMNS.split(", "))},
                   max(c.date), sum(c.date >= ? AND c.date <= ?), avg(c.quality), count(c.id)
            FROM people p LEFT JOIN contacts c ON c.person_id = p.id
            GROUP BY p.id ORDER BY p.name COLLATE NOCASE""",
        [since, today.isoformat()],
    ).fetchall()
    return [
        PersonOverview(
            Person(
                id=r[0],
                name=r[1],
                relationship=r[2],
                archived=r[3],
                note=r[4],
                keep_in_touch_days=r[5],
                touch_dismissed_on=r[6],
            ),
            dt.date.fromisoformat(r[7]) if r[7] else None,
            int(r[8] or 0),
            float(r[9]) if r[9] is not None else None,
            int(r[10]),
        )
        for r in rows
    ]


def keep_in_touch_due(db: Database, today: dt.date) -> list[tuple[Person, dt.date | None]]:
    """Active people with a keep-in-touch wish and the date of their last contact.

    Bounded for a lifetime journal: the last contacts come from the days since the longest
    wish (the date index walks one interval, not every contact ever); only someone without a
    contact in that window is looked up on their own (``contacts_person``).
    """
    people = fetch(
        db,
        Person,
        f"SELECT {_COLUMNS} FROM people WHERE archived = 0 AND keep_in_touch_days IS NOT NULL",
    )
    if not people:
        return []
    longest = max(p.keep_in_touch_days or 0 for p in people)
    since = (today - dt.timedelta(days=longest)).isoformat()
    marks = ", ".join("?" for _ in people)
    # "+person_id" (twice): the planner takes the date index, reading the window's rows only
    recent = dict(
        db.execute(
            f"SELECT person_id, max(date) FROM contacts WHERE date >= ? "
            f"AND +person_id IN ({marks}) GROUP BY +person_id",
            [since, *(p.id for p in people)],
        ).fetchall()
    )
    found = []
    for person in people:
        last = recent.get(person.id)
        if last is None:
            last = db.execute(
                "SELECT max(date) FROM contacts WHERE person_id = ?", [person.id]
            ).fetchone()[0]
        found.append((person, dt.date.fromisoformat(last) if last else None))
    return found


def merge_people(db: Database, keep_id: int, remove_id: int) -> None:
    """Move every reference from ``remove_id`` to ``keep_id`` and delete ``remove_id``."""
    db.execute("UPDATE contacts SET person_id = ? WHERE person_id = ?", [keep_id, remove_id])
    db.execute("UPDATE sessions SET person_id = ? WHERE person_id = ?", [keep_id, remove_id])
    db.execute(
        "UPDATE commitments SET suggested_by = ? WHERE suggested_by = ?", [keep_id, remove_id]
    )
    db.execute("DELETE FROM people WHERE id = ?", [remove_id])


def person_contacts(db: Database, person_id: int) -> list[tuple[dt.date, int]]:
    """Every contact with ``person_id`` as (date, how connected), oldest first."""
    rows = db.execute(
        "SELECT date, quality FROM contacts WHERE person_id = ? ORDER BY date, id", [person_id]
    ).fetchall()
    return [(dt.date.fromisoformat(date), int(quality)) for date, quality in rows]


def moods_with_person(db: Database, person_id: int) -> list[tuple[dt.date, int, bool]]:
    """Every checked-in day as (date, mood, whether a contact with ``person_id`` was logged
    that day), oldest first: the material of "mood on days with them and without"."""
    rows = db.execute(
        """SELECT d.date, d.mood, EXISTS (SELECT 1 FROM contacts c
                                          WHERE c.date = d.date AND c.person_id = ?)
           FROM days d ORDER BY d.date""",
        [person_id],
    ).fetchall()
    return [
        (dt.date.fromisoformat(date), int(mood), bool(with_them)) for date, mood, with_them in rows
    ]
