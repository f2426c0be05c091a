"""``bulk_load``: whole tables written into empty ones with every CHECK still evaluated (after
the rows) and the indexes rebuilt, all of it undone by a failure or a kill (issue 21)."""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path

import pytest

from journal.services import Journal
from journal.store import bulk, day_figures
from journal.store.bulk import bulk_load
from journal.store.rows import insert_tuples
from tests.helpers import fixed_clock

_PEOPLE = ("id", "name", "relationship")
_CONTACTS = ("id", "date", "person_id", "kind", "mode", "minutes", "quality", "note")


def _contact(number: int, quality: int = 4, date: str = "2026-03-01") -> tuple:
    return (number, date, 1, "friend", "text", 5, quality, f"note {number}")


def _indexes(db) -> list[tuple[str, str]]:
    """The indexes and the triggers (those keeping ``contact_days`` are set aside too)."""
    return db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name"
    ).fetchall()


def _days_agree(db) -> bool:
    """``day_figures`` holds, day by day, what the check-ins and contacts make."""
    union = f"SELECT * FROM {day_figures.TABLE} UNION {day_figures.FROM_RECORDS}"
    kept = db.execute(f"SELECT count(*) FROM {day_figures.TABLE}").fetchone()[0]
    made = db.execute(f"SELECT count(*) FROM ({day_figures.FROM_RECORDS})").fetchone()[0]
    return kept == made == db.execute(f"SELECT count(*) FROM ({union})").fetchone()[0]


def _write(db, contacts: list[tuple]) -> None:
    with bulk_load(db, ["people", "contacts"]):
        insert_tuples(db, "people", _PEOPLE, [(1, "Sam", "friend")])
        insert_tuples(db, "contacts", _CONTACTS, contacts)


def test_rows_written_in_bulk_are_indexed_and_whole(journal: Journal) -> None:
    db = journal.db
    before = _indexes(db)
    with db.atomic():
        _write(db, [_contact(n, date=f"2026-03-{n % 9 + 1:02}") for n in range(1, 50)])
    assert _indexes(db) == before and db["contacts"].count == 49
    assert db[day_figures.TABLE].count == 9 and _days_agree(db)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    plan = db.execute("EXPLAIN QUERY PLAN SELECT * FROM contacts WHERE date = '2026-03-01'")
    assert "contacts_date" in " ".join(str(row) for row in plan.fetchall())


@pytest.mark.parametrize(
    "bad",
    [
        _contact(7, quality=9),
        _contact(7, date="1 March"),
        (7, "2026-03-01", 1, "x", "text", 5, 4, ""),
    ],
)
def test_a_row_breaking_a_check_undoes_every_write_and_keeps_the_indexes(
    journal: Journal, bad: tuple
) -> None:
    db = journal.db
    before = _indexes(db)
    failed = pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed: contacts")
    with db.atomic(), failed:  # the caller's transaction goes on, and commits
        _write(db, [_contact(1), bad, _contact(9)])
    assert db["contacts"].count == 0 and db["people"].count == 0
    assert _indexes(db) == before and db[day_figures.TABLE].count == 0


def test_checks_are_evaluated_row_by_row_again_afterwards(journal: Journal) -> None:
    db = journal.db
    with db.atomic():
        _write(db, [_contact(1)])
    with pytest.raises(sqlite3.IntegrityError):  # the very statement written in bulk before
        insert_tuples(db, "contacts", _CONTACTS, [_contact(2, quality=9)])
    assert db.execute("PRAGMA ignore_check_constraints").fetchone()[0] == 0


def test_a_failure_half_way_leaves_tables_and_indexes_as_they_were(journal: Journal) -> None:
    db = journal.db
    before = _indexes(db)
    with db.atomic(), pytest.raises(OSError), bulk_load(db, ["people", "contacts"]):
        insert_tuples(db, "people", _PEOPLE, [(1, "Sam", "friend")])
        raise OSError("disk full")
    assert _indexes(db) == before and db["people"].count == 0
    assert db.execute("PRAGMA ignore_check_constraints").fetchone()[0] == 0


def test_a_table_with_rows_or_no_transaction_is_written_the_ordinary_way(
    journal: Journal,
) -> None:
    db = journal.db
    with db.atomic():
        _write(db, [_contact(1)])
    with db.atomic(), bulk_load(db, ["contacts"]):  # not empty: each row checked as written
        with pytest.raises(sqlite3.IntegrityError):
            insert_tuples(db, "contacts", _CONTACTS, [_contact(2, quality=9)])
        assert "contacts_date" in str(_indexes(db))
    with bulk_load(db, ["sessions"]):  # no transaction: nothing dropped, nothing unchecked
        assert "sessions_date" in str(_indexes(db))
        assert db.execute("PRAGMA ignore_check_constraints").fetchone()[0] == 0


@pytest.mark.skipif(os.name != "posix" or not hasattr(os, "fork"), reason="SIGKILL and fork")
def test_killed_with_the_rows_in_and_no_index_the_journal_opens_as_before(
    demo_journal: Journal, tmp_path: Path
) -> None:
    out = demo_journal.export_json(tmp_path / "export.json")
    target = Journal.open(tmp_path / "target", clock=fixed_clock)
    before = _indexes(target.db)
    target.close()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:

            def killed(*args: object) -> None:
                os.kill(os.getpid(), signal.SIGKILL)

            bulk.constraints_broken = killed  # every row in, the indexes dropped
            Journal.open(tmp_path / "target", clock=fixed_clock).import_json(out)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    journal = Journal.open(tmp_path / "target", clock=fixed_clock)
    assert journal.is_empty() and journal.check().healthy
    assert _indexes(journal.db) == before
    journal.import_json(out)  # and the import can simply be made again
    assert journal.db["contacts"].count == demo_journal.db["contacts"].count
    assert _days_agree(journal.db) and _indexes(journal.db) == before
    journal.close()
