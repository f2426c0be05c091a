"""Contacts: several a day, each optionally linked to a person."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from journal.domain.kinds import CARE_TEAM, Mode, Relationship
from journal.domain.records import MEANINGFUL_QUALITY, Contact
from journal.store.rows import fetch, iso, to_row

if TYPE_CHECKING:
    from sqlite_utils import Database

_COLUMNS = "id, date, person_id, kind, mode, minutes, quality, note"


def add_contact(db: Database, contact: Contact) -> Contact:
    table = db["contacts"].insert(to_row(contact, exclude=("id",)))
    return get_contact(db, int(table.last_pk))  # type: ignore[return-value]


def update_contact(db: Database, contact: Contact) -> Contact:
    if contact.id is None:
        raise ValueError("update_contact needs a stored contact")
    db["contacts"].update(contact.id, to_row(contact, exclude=("id",)))
    return contact


def delete_contact(db: Database, contact_id: int) -> None:
    db.execute("DELETE FROM contacts WHERE id = ?", [contact_id])


def get_contact(db: Database, contact_id: int) -> Contact | None:
    found = fetch(db, Contact, f"SELECT {_COLUMNS} FROM contacts WHERE id = ?", [contact_id])
    return found[0] if found else None


def contacts_on(db: Database, date: dt.date) -> list[Contact]:
    return fetch(
        db, Contact, f"SELECT {_COLUMNS} FROM contacts WHERE date = ? ORDER BY id", [iso(date)]
    )


def contacts_between(db: Database, start: dt.date, end: dt.date) -> list[Contact]:
    return fetch(
        db,
        Contact,
        f"SELECT {_COLUMNS} FROM contacts WHERE date BETWEEN ? AND ? ORDER BY date, id",
        [iso(start), iso(end)],
    )


def contact_rows(db: Database, start: dt.date, end: dt.date) -> list[tuple[object, ...]]:
    """Plain rows for the analysis (``analysis.series.CONTACT_COLUMNS``)."""
    return db.execute(
        "SELECT date, kind, mode, minutes, quality FROM contacts WHERE date BETWEEN ? AND ?",
        [iso(start), iso(end)],
    ).fetchall()


def daily_totals(db: Database, start: dt.date, end: dt.date) -> list[tuple[float, ...]]:
    """Per-day contact totals for the analysis (``analysis.series.TOTAL_COLUMNS``), summed by
    SQLite from the contacts: the day's offset from ``start``, contacts, minutes, meaningful
    contacts, sum of quality, then a count per relationship kind and per mode (enum order).

    The series reads the figures SQLite keeps per day (``store.day_figures.packed_rows``);
    this is its way for a range with a day that does not fit their packing.
    """
    kinds = ", ".join("sum(kind = ?)" for _ in Relationship)
    modes = ", ".join("sum(mode = ?)" for _ in Mode)
    sql = (
        f"SELECT CAST(round(julianday(date) - julianday(?)) AS INTEGER), count(*), "
        f"total(minutes), sum(quality >= ?), total(quality), {kinds}, {modes} "
        "FROM contacts WHERE date BETWEEN ? AND ? GROUP BY date ORDER BY date"
    )
    params = [
        iso(start),
        MEANINGFUL_QUALITY,
        *(k.value for k in Relationship),
        *(m.value for m in Mode),
        iso(start),
        iso(end),
    ]
    return db.execute(sql, params).fetchall()


def last_meaningful_date(db: Database, up_to: dt.date) -> dt.date | None:
    """The latest date up to ``up_to`` with a contact rated 4 or 5 for how connected it felt."""
    row = db.execute(
        "SELECT max(date) FROM contacts WHERE quality >= ? AND date <= ?",
        [MEANINGFUL_QUALITY, iso(up_to)],
    ).fetchone()
    return dt.date.fromisoformat(row[0]) if row[0] else None


def closest_people(db: Database, up_to: dt.date, limit: int = 3) -> list[int]:
    """Ids of active people (not the care team) whose contacts in the last 90 days felt best."""
    since = iso(up_to - dt.timedelta(days=89))
    care_team = sorted(kind.value for kind in CARE_TEAM)
    rows = db.execute(
        f"""SELECT c.person_id FROM contacts c JOIN people p ON p.id = c.person_id
           WHERE p.archived = 0 AND p.relationship NOT IN ({", ".join("?" for _ in care_team)})
             AND c.date BETWEEN ? AND ?
           GROUP BY c.person_id ORDER BY avg(c.quality) DESC, count(*) DESC LIMIT ?""",
        [*care_team, since, iso(up_to), limit],
    ).fetchall()
    return [row[0] for row in rows]
