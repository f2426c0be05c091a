"""Doses and check-offs of a date range are read through the primary key (medication or
commitment, date) — issue 21: a week of a lifetime reads a week — and they are the rows a plain
``date BETWEEN`` finds."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.demo import generate
from journal.services import Journal
from journal.store import treatment

TODAY = dt.date(2026, 3, 15)


@pytest.fixture(scope="module")
def filled() -> Journal:
    journal = Journal.in_memory(clock=lambda: dt.datetime(2026, 3, 15, 12))
    generate(journal, days=200, seed=1, today=TODAY)
    return journal


@pytest.mark.parametrize("back", [0, 6, 30, 400])
def test_the_range_queries_find_the_rows_of_the_dates(filled: Journal, back: int) -> None:
    start, end = TODAY - dt.timedelta(days=back + 6), TODAY - dt.timedelta(days=back)
    span = [start.isoformat(), end.isoformat()]
    for table, column, found, rows in (
        ("doses", "medication_id", treatment.doses_between, treatment.dose_rows),
        ("commitment_log", "commitment_id", treatment.commitment_log_between, treatment.done_rows),
    ):
        plain = filled.db.execute(
            f"SELECT {column}, date FROM {table} WHERE date BETWEEN ? AND ? "
            f"ORDER BY date, {column}",
            span,
        ).fetchall()
        read = [(getattr(r, column), r.date.isoformat()) for r in found(filled.db, start, end)]
        assert read == plain
        unordered = [(r[0], r[1].isoformat()) for r in rows(filled.db, start, end)]
        assert sorted(unordered, key=lambda r: (r[1], r[0])) == plain
        assert back == 400 or plain  # the demo has doses and check-offs these weeks


def test_they_search_the_primary_key(filled: Journal) -> None:
    sql = filled.db.conn.execute
    for table, column, parent in (
        ("doses", "medication_id", "medications"),
        ("commitment_log", "commitment_id", "commitments"),
    ):
        plan = sql(
            f"EXPLAIN QUERY PLAN SELECT * FROM {table} WHERE {column} IN "
            f"(SELECT id FROM {parent}) AND date BETWEEN ? AND ?",
            ["2026-01-01", "2026-01-07"],
        ).fetchall()
        assert any("USING PRIMARY KEY" in row[-1] for row in plan), plan
