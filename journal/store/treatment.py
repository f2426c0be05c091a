"""Sessions, medications and their doses, commitments and their log, topics for the next session."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from journal.domain.records import (
    AgendaItem,
    Commitment,
    CommitmentLog,
    DoseLog,
    Medication,
    Session,
)
from journal.store.rows import fetch, iso, to_row

if TYPE_CHECKING:
    from sqlite_utils import Database

_SESSION = "id, date, person_id, status, mode, felt_heard, note"
_MEDICATION = "id, name, dose, doses_per_day, started_on, stopped_on"
_COMMITMENT = "id, title, kind, suggested_by, per_week, started_on, ended_on"
_AGENDA = "id, created_on, text, discussed_on"


def add_session(db: Database, session: Session) -> Session:
    table = db["sessions"].insert(to_row(session, exclude=("id",)))
    return fetch(db, Session, f"SELECT {_SESSION} FROM sessions WHERE id = ?", [table.last_pk])[0]


def sessions_between(db: Database, start: dt.date, end: dt.date) -> list[Session]:
    return fetch(
        db,
        Session,
        f"SELECT {_SESSION} FROM sessions WHERE date BETWEEN ? AND ? ORDER BY date, id",
        [iso(start), iso(end)],
    )


def add_medication(db: Database, medication: Medication) -> Medication:
    table = db["medications"].insert(to_row(medication, exclude=("id",)))
    return fetch(
        db, Medication, f"SELECT {_MEDICATION} FROM medications WHERE id = ?", [table.last_pk]
    )[0]


def list_medications(db: Database) -> list[Medication]:
    return fetch(db, Medication, f"SELECT {_MEDICATION} FROM medications ORDER BY started_on, id")


def set_doses(db: Database, log: DoseLog) -> None:
    db["doses"].upsert(to_row(log), pk=("medication_id", "date"))


def doses_between(db: Database, start: dt.date, end: dt.date) -> list[DoseLog]:
    return fetch(
        db,
        DoseLog,
        "SELECT medication_id, date, taken FROM doses "  # by the key, as dose_rows
        "WHERE medication_id IN (SELECT id FROM medications) AND date BETWEEN ? AND ? "
        "ORDER BY date, medication_id",
        [iso(start), iso(end)],
    )


def add_commitment(db: Database, commitment: Commitment) -> Commitment:
    table = db["commitments"].insert(to_row(commitment, exclude=("id",)))
    return fetch(
        db, Commitment, f"SELECT {_COMMITMENT} FROM commitments WHERE id = ?", [table.last_pk]
    )[0]


def list_commitments(db: Database) -> list[Commitment]:
    return fetch(db, Commitment, f"SELECT {_COMMITMENT} FROM commitments ORDER BY started_on, id")


def set_commitment_done(db: Database, log: CommitmentLog) -> None:
    db["commitment_log"].upsert(to_row(log), pk=("commitment_id", "date"))


def commitment_log_between(db: Database, start: dt.date, end: dt.date) -> list[CommitmentLog]:
    return fetch(
        db,
        CommitmentLog,
        "SELECT commitment_id, date, done FROM commitment_log "  # by the key, as done_rows
        "WHERE commitment_id IN (SELECT id FROM commitments) AND date BETWEEN ? AND ? "
        "ORDER BY date, commitment_id",
        [iso(start), iso(end)],
    )


def add_agenda_item(db: Database, item: AgendaItem) -> AgendaItem:
    table = db["agenda"].insert(to_row(item, exclude=("id",)))
    return fetch(db, AgendaItem, f"SELECT {_AGENDA} FROM agenda WHERE id = ?", [table.last_pk])[0]


def list_agenda(db: Database, *, open_only: bool = False) -> list[AgendaItem]:
    where = "WHERE discussed_on IS NULL" if open_only else ""
    return fetch(db, AgendaItem, f"SELECT {_AGENDA} FROM agenda {where} ORDER BY created_on, id")


def attended_session_dates(db: Database, start: dt.date, end: dt.date) -> list[str]:
    """ISO dates with at least one attended session, for the analysis."""
    rows = db.execute(
        "SELECT DISTINCT date FROM sessions WHERE status = 'attended' AND date "
        "BETWEEN ? AND ? ORDER BY date",
        [iso(start), iso(end)],
    ).fetchall()
    return [row[0] for row in rows]


def get_session(db: Database, session_id: int) -> Session | None:
    found = fetch(db, Session, f"SELECT {_SESSION} FROM sessions WHERE id = ?", [session_id])
    return found[0] if found else None


def update_session(db: Database, session: Session) -> Session:
    db["sessions"].update(session.id, to_row(session, exclude=("id",)))
    return session


def delete_session(db: Database, session_id: int) -> None:
    db.execute("DELETE FROM sessions WHERE id = ?", [session_id])


def get_medication(db: Database, medication_id: int) -> Medication | None:
    found = fetch(
        db, Medication, f"SELECT {_MEDICATION} FROM medications WHERE id = ?", [medication_id]
    )
    return found[0] if found else None


def update_medication(db: Database, medication: Medication) -> Medication:
    db["medications"].update(medication.id, to_row(medication, exclude=("id",)))
    return medication


def get_commitment(db: Database, commitment_id: int) -> Commitment | None:
    found = fetch(
        db, Commitment, f"SELECT {_COMMITMENT} FROM commitments WHERE id = ?", [commitment_id]
    )
    return found[0] if found else None


def update_commitment(db: Database, commitment: Commitment) -> Commitment:
    db["commitments"].update(commitment.id, to_row(commitment, exclude=("id",)))
    return commitment


def get_agenda_item(db: Database, item_id: int) -> AgendaItem | None:
    found = fetch(db, AgendaItem, f"SELECT {_AGENDA} FROM agenda WHERE id = ?", [item_id])
    return found[0] if found else None


def update_agenda_item(db: Database, item: AgendaItem) -> AgendaItem:
    db["agenda"].update(item.id, to_row(item, exclude=("id",)))
    return item


class DoseRow(NamedTuple):
    """A stored dose record without re-validation, for the analysis of years of data."""

    medication_id: int
    date: dt.date
    taken: int


class DoneRow(NamedTuple):
    commitment_id: int
    date: dt.date
    done: int


def dose_rows(db: Database, start: dt.date, end: dt.date) -> list[DoseRow]:
    rows = db.execute(
        # "medication_id IN": the primary key (medication, date) then serves a date range
        # (a week of a lifetime reads a week); every dose has its medication (foreign key)
        "SELECT medication_id, date, taken FROM doses "
        "WHERE medication_id IN (SELECT id FROM medications) AND date BETWEEN ? AND ?",
        [iso(start), iso(end)],
    ).fetchall()
    return [DoseRow(m, dt.date.fromisoformat(d), t) for m, d, t in rows]


def done_rows(db: Database, start: dt.date, end: dt.date) -> list[DoneRow]:
    rows = db.execute(
        "SELECT commitment_id, date, done FROM commitment_log "
        "WHERE commitment_id IN (SELECT id FROM commitments) AND date BETWEEN ? AND ?",
        [iso(start), iso(end)],
    ).fetchall()
    return [DoneRow(c, dt.date.fromisoformat(d), n) for c, d, n in rows]
