"""Check-ins: one row per date."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from journal.domain.records import Day
from journal.store.rows import fetch, iso, to_row

if TYPE_CHECKING:
    from sqlite_utils import Database

_JSON = ("coping",)
_COLUMNS = "date, mood, anxiety, loneliness, energy, physical, sleep_hours, coping, note"


def get_day(db: Database, date: dt.date) -> Day | None:
    found = fetch(
        db, Day, f"SELECT {_COLUMNS} FROM days WHERE date = ?", [iso(date)], json_fields=_JSON
    )
    return found[0] if found else None


def save_day(db: Database, day: Day, *, updated_at: dt.datetime) -> None:
    """Insert or replace the day's check-in (the caller owns the transaction)."""
    row = to_row(day)
    row["updated_at"] = updated_at.isoformat(timespec="seconds")
    db["days"].upsert(row, pk="date")


def delete_day(db: Database, date: dt.date) -> None:
    db.execute("DELETE FROM days WHERE date = ?", [iso(date)])


def days_between(db: Database, start: dt.date, end: dt.date) -> list[Day]:
    """Check-ins from ``start`` to ``end`` inclusive, oldest first."""
    return fetch(
        db,
        Day,
        f"SELECT {_COLUMNS} FROM days WHERE date BETWEEN ? AND ? ORDER BY date",
        [iso(start), iso(end)],
        json_fields=_JSON,
    )


def dates_with_checkins(db: Database, start: dt.date, end: dt.date) -> set[dt.date]:
    """Dates that have a check-in, for marking a calendar."""
    rows = db.execute("SELECT date FROM days WHERE date BETWEEN ? AND ?", [iso(start), iso(end)])
    return {dt.date.fromisoformat(row[0]) for row in rows}


def logged_days_between(db: Database, after: dt.date, until: dt.date) -> int:
    """Days after ``after`` up to ``until`` with a check-in or a contact: the days the person
    logged (a day nobody logged is unknown, not lonely)."""
    row = db.execute(
        "SELECT count(*) FROM (SELECT date FROM days WHERE date > ? AND date <= ? "
        "UNION SELECT date FROM contacts WHERE date > ? AND date <= ?)",
        [after.isoformat(), until.isoformat(), after.isoformat(), until.isoformat()],
    ).fetchone()
    return int(row[0])


def first_and_last_date(db: Database) -> tuple[dt.date, dt.date] | None:
    # two subqueries: SQLite reads min() or max() alone from the key's ends, both together
    # by scanning every day
    low, high = db.execute(
        "SELECT (SELECT min(date) FROM days), (SELECT max(date) FROM days)"
    ).fetchone()
    if low is None:
        return None
    return dt.date.fromisoformat(low), dt.date.fromisoformat(high)


def rating_rows(db: Database, start: dt.date, end: dt.date) -> list[tuple[object, ...]]:
    """Plain rows for the analysis (``analysis.series.DAY_COLUMNS``), without building records:
    ten years must load in milliseconds."""
    return db.execute(
        "SELECT date, mood, anxiety, loneliness, energy, physical, sleep_hours FROM days "
        "WHERE date BETWEEN ? AND ? ORDER BY date",
        [iso(start), iso(end)],
    ).fetchall()


def rating_rows_by_offset(db: Database, start: dt.date, end: dt.date) -> list[tuple[object, ...]]:
    """As ``rating_rows`` but keyed by the day's offset from ``start`` (no dates to parse)."""
    return db.execute(
        "SELECT CAST(round(julianday(date) - julianday(?)) AS INTEGER), mood, anxiety, "
        "loneliness, energy, physical, sleep_hours FROM days WHERE date BETWEEN ? AND ? "
        "ORDER BY date",
        [iso(start), iso(start), iso(end)],
    ).fetchall()


def coping_counts(
    db: Database, *, before: dt.date | None = None, since: dt.date | None = None
) -> list[tuple[str, int]]:
    """Each coping tag as spelled and how many days used it: of the days before ``before``,
    or of the days from ``since`` (a range of the key: a save's reload counts weeks)."""
    where, params = ("WHERE days.date < ?", [iso(before)]) if before else ("", [])
    if since is not None:
        where, params = "WHERE days.date >= ?", [iso(since)]
    rows = db.execute(
        f"SELECT value, count(*) FROM days, json_each(days.coping) {where} GROUP BY value",
        params,
    ).fetchall()
    return [(str(tag), int(uses)) for tag, uses in rows]
