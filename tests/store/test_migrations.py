"""Opening files: version 0 to current, refusing foreign, newer and damaged files untouched."""

import sqlite3
from pathlib import Path

import pytest

from journal.domain.errors import JournalDamaged, JournalError, JournalNotFound
from journal.store.connection import open_database
from journal.store.migrations import CURRENT_VERSION, schema_version
from journal.store.schema import TABLES


def test_empty_version_0_file_is_brought_to_current(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    sqlite3.connect(path).close()  # a version-0, empty SQLite file
    db = open_database(path)
    assert schema_version(db) == CURRENT_VERSION
    assert set(TABLES) <= set(db.table_names())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()


def test_reopening_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    open_database(path).close()
    db = open_database(path)
    assert schema_version(db) == CURRENT_VERSION
    db.close()


def test_missing_journal_is_not_created_for_read_only_use(tmp_path: Path) -> None:
    with pytest.raises(JournalNotFound):
        open_database(tmp_path / "nowhere" / "journal.sqlite3", create=False)
    assert not (tmp_path / "nowhere").exists()


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def test_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    before = _bytes(path)
    with pytest.raises(JournalDamaged, match="not a Connection Journal"):
        open_database(path)
    assert _bytes(path) == before


def test_newer_journal_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.close()
    before = _bytes(path)
    with pytest.raises(JournalDamaged, match="newer version"):
        open_database(path)
    assert _bytes(path) == before


def test_garbage_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    # 2,900 bytes: no SQLite or SQLCipher file ends in part of a page, so it is damage
    with pytest.raises(JournalError, match=r"is damaged"):
        open_database(path)
    assert _bytes(path) == b"this is not a database at all" * 100
    # whole pages of bytes that are not SQLite may be an encrypted journal: it asks
    path.write_bytes(bytes(range(256)) * 16)
    with pytest.raises(JournalError, match=r"passphrase .*or is not a journal"):
        open_database(path)


def test_damaged_journal_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    db = open_database(path)
    db["people"].insert_all({"name": f"P{i}", "relationship": "friend"} for i in range(2000))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2 : page * 2 + 200] = b"\xff" * 200  # scribble over a b-tree page
    path.write_bytes(bytes(data))
    with pytest.raises(JournalDamaged):
        open_database(path)
    assert path.read_bytes() == bytes(data)


@pytest.mark.parametrize(
    ("sql", "params"),
    [
        ("INSERT INTO days (date, mood, updated_at) VALUES (?, ?, 'x')", ("2026-01-01", 11)),
        ("INSERT INTO days (date, mood, updated_at) VALUES (?, ?, 'x')", ("yesterday", 5)),
        (
            "INSERT INTO contacts (date, kind, mode, quality) VALUES (?, ?, ?, ?)",
            ("2026-01-01", "friend", "pigeon", 3),
        ),
        (
            "INSERT INTO contacts (date, kind, mode, quality) VALUES (?, ?, ?, ?)",
            ("2026-01-01", "friend", "phone", 0),
        ),
        (
            "INSERT INTO contacts (date, kind, mode, quality, person_id) VALUES (?, ?, ?, ?, ?)",
            ("2026-01-01", "friend", "phone", 3, 999),
        ),
        (
            "INSERT INTO medications (name, doses_per_day, started_on, stopped_on) VALUES "
            "(?,?,?,?)",
            ("X", 1, "2026-02-01", "2026-01-01"),
        ),
        (
            "INSERT INTO commitments (title, kind, per_week, started_on) VALUES (?,?,?,?)",
            ("Walk", "goal", 0, "2026-01-01"),
        ),
        (
            "INSERT INTO assessments (date, instrument, answers, total, band) VALUES (?,?,?,?,?)",
            ("2026-01-01", "bdi", "[]", 0, "x"),
        ),
        ("INSERT INTO safety_plan (id) VALUES (?)", (2,)),
    ],
)
def test_constraints_are_the_backstop(tmp_path: Path, sql: str, params: tuple) -> None:
    db = open_database(tmp_path / "journal.sqlite3")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(sql, params)
    db.close()


def test_the_check_at_open_leaves_constraints_enforced(tmp_path: Path) -> None:
    # opening skips re-evaluating CHECKs over old rows, and must switch them back on
    path = tmp_path / "journal.sqlite3"
    open_database(path).close()
    db = open_database(path)
    assert db.execute("PRAGMA ignore_check_constraints").fetchone()[0] == 0
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO days (date, mood, updated_at) VALUES ('2026-01-01', 11, 'x')")
    db.close()


def test_a_version_1_journal_is_upgraded_keeping_its_people(tmp_path: Path) -> None:
    # a journal exactly as version 1 wrote it: its tables, one person with a contact
    from journal.store.schema import SCHEMA_V1

    path = tmp_path / "journal.sqlite3"
    conn = sqlite3.connect(path)
    for statement in SCHEMA_V1:
        conn.execute(statement)
    conn.execute("INSERT INTO people (name, relationship, note) VALUES ('Sam', 'friend', 'hi')")
    conn.execute(
        "INSERT INTO contacts (date, person_id, kind, mode, quality) "
        "VALUES ('2026-01-02', 1, 'friend', 'phone', 4)"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    db = open_database(path)
    assert schema_version(db) == CURRENT_VERSION == 3
    row = db.execute(
        "SELECT name, note, keep_in_touch_days, touch_dismissed_on FROM people"
    ).fetchone()
    assert row == ("Sam", "hi", None, None)
    db.execute("UPDATE people SET keep_in_touch_days = 14")
    with pytest.raises(sqlite3.IntegrityError):  # the new column has its backstop too
        db.execute("UPDATE people SET keep_in_touch_days = 0")
    assert db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 1
    db.close()
