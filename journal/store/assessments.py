"""Questionnaire results; total and band are stored for queries but always recomputed on load."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from journal.domain.records import Assessment
from journal.store.rows import fetch, iso, to_row

if TYPE_CHECKING:
    from sqlite_utils import Database


def add_assessment(db: Database, assessment: Assessment) -> Assessment:
    table = db["assessments"].insert(to_row(assessment, exclude=("id", "flags")))
    return list_assessments(db, assessment_id=int(table.last_pk))[0]


def list_assessments(
    db: Database, *, assessment_id: int | None = None, instrument: str | None = None
) -> list[Assessment]:
    """All assessments oldest first (or the one with ``assessment_id``, or ``instrument``'s)."""
    where, params = ("WHERE id = ?", [assessment_id]) if assessment_id else ("", [])
    if instrument is not None and not assessment_id:
        where, params = "WHERE instrument = ?", [instrument]
    return fetch(
        db,
        Assessment,
        f"SELECT id, date, instrument, answers FROM assessments {where} ORDER BY date, id",
        params,
        json_fields=("answers",),
    )


def assessments_between(db: Database, start: dt.date, end: dt.date) -> list[Assessment]:
    """The assessments of ``start..end``, oldest first: a summary of four weeks reads (and
    scores) those, not a lifetime of them."""
    return fetch(
        db,
        Assessment,
        "SELECT id, date, instrument, answers FROM assessments "
        "WHERE date BETWEEN ? AND ? ORDER BY date, id",
        [iso(start), iso(end)],
        json_fields=("answers",),
    )


def last_taken(db: Database, instrument: str, up_to: dt.date) -> dt.date | None:
    """The latest date ``instrument`` was taken on up to ``up_to``: what a reminder needs,
    without reading and scoring a lifetime of questionnaires."""
    row = db.execute(
        "SELECT max(date) FROM assessments WHERE instrument = ? AND date <= ?",
        [instrument, iso(up_to)],
    ).fetchone()
    return dt.date.fromisoformat(row[0]) if row[0] else None
