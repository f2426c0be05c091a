"""``connection-journal check`` finds a row breaking a rule in every table, with the cheaper
scan SQLite's own CHECK would agree with, on two connections or one, writing nothing."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from journal.cli import main
from journal.demo import generate
from journal.domain.kinds import CommitmentKind, Instrument, Mode, Relationship, SessionStatus
from journal.services import Journal
from journal.store import integrity
from journal.store.connection import connect_file, quick_check
from journal.store.integrity import check_clauses, violation_condition
from tests.helpers import fixed_clock

#: One row of each table made to break one of its rules: (column, value it cannot hold).
BROKEN = {
    "people": ("relationship", "stranger"),
    "days": ("mood", 11),
    "contacts": ("date", "2026-3-15"),
    "sessions": ("status", "Attended"),
    "medications": ("doses_per_day", 0),
    "doses": ("taken", 13),
    "commitments": ("per_week", 15),
    "commitment_log": ("done", -1),
    "assessments": ("instrument", "phq10"),
    "agenda": ("text", "   "),
    "safety_plan": ("id", 2),
}


def _tables_with_rules(conn: Any) -> list[tuple[str, list[str]]]:
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    return [(name, check_clauses(sql)) for name, sql in rows if check_clauses(sql)]


def _break(path: Path, table: str, passphrase: str | None = None) -> None:
    """Store a value breaking ``table``'s rule in one of its rows, as a bug or a hand-edit
    could (SQLite enforces the rules on writes, so they are switched off for this one)."""
    column, value = BROKEN[table]
    conn = connect_file(path, passphrase)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    first = f"(SELECT [{column}] FROM [{table}] LIMIT 1)"  # a row or a few, never none
    changed = conn.execute(
        f"UPDATE [{table}] SET [{column}] = ? WHERE [{column}] = {first}", (value,)
    ).rowcount
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert changed >= 1


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A healthy journal with rows in every table, without a WAL (as after the app closed)."""
    folder = tmp_path_factory.mktemp("demo") / "journal"
    journal = Journal.open(folder, clock=fixed_clock)
    generate(journal, days=120, seed=3)
    journal.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    journal.close()
    shutil.rmtree(folder / "backups", ignore_errors=True)
    return folder


def test_every_table_with_rules_has_a_broken_row_below(demo: Path) -> None:
    conn = sqlite3.connect(demo / "journal.sqlite3")
    assert sorted(name for name, _ in _tables_with_rules(conn)) == sorted(BROKEN)
    assert all(conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in BROKEN)
    conn.close()


def test_a_healthy_journal_passes_and_is_left_as_it_was(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _files(demo)
    assert main(["check", "--data-dir", str(demo)]) == 0
    out = capsys.readouterr().out
    assert "Health: ok" in out and "contacts" in out
    assert _files(demo) == before


@pytest.mark.parametrize("table", sorted(BROKEN))
def test_a_row_breaking_a_rule_is_found_in_every_table(
    demo: Path, tmp_path: Path, table: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "journal"
    shutil.copytree(demo, folder)
    _break(folder / "journal.sqlite3", table)
    before = _files(folder)
    assert main(["check", "--data-dir", str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"CHECK constraint failed in {table}\n" in out
    assert out.count("CHECK constraint failed") == 1  # no other table is blamed
    assert _files(folder) == before  # nothing written, no side file left


def test_a_broken_row_still_in_the_wal_is_found_beside_the_app(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "journal"
    shutil.copytree(demo, folder)
    app = Journal.open(folder, clock=fixed_clock, full_check=False)  # holds the WAL open
    conn = sqlite3.connect(folder / "journal.sqlite3", isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE contacts SET quality = 9 WHERE id = (SELECT max(id) FROM contacts)")
    conn.close()  # not the last connection: the change stays in the WAL
    assert (folder / "journal.sqlite3-wal").stat().st_size > 0
    assert main(["check", "--data-dir", str(folder)]) == 1
    assert "CHECK constraint failed in contacts" in capsys.readouterr().out
    app.close()


def test_the_full_quick_check_finds_a_broken_row_read_only_or_not(
    demo: Path, tmp_path: Path
) -> None:
    """What the daily backup, a restore and a passphrase change check: every row's rules
    (through the scan), on a read-write connection and on a read-only one alike."""
    folder = tmp_path / "journal"
    shutil.copytree(demo, folder)
    path = folder / "journal.sqlite3"
    _break(path, "doses")
    for conn in (connect_file(path, None), connect_file(path, None, read_only=True)):
        assert quick_check(conn) == ["CHECK constraint failed in doses"]
        assert quick_check(conn, constraints=False) == []
        assert not conn.execute("PRAGMA ignore_check_constraints").fetchone()[0]
        conn.close()


@pytest.mark.usefixtures("fast_kdf")
@pytest.mark.parametrize("table", ["contacts", "safety_plan"])
def test_an_encrypted_journal_is_checked_row_by_row_too(
    tmp_path: Path, table: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("sqlcipher3")
    folder = tmp_path / "journal"
    journal = Journal.open(folder, clock=fixed_clock)
    generate(journal, days=30, seed=3)
    journal.set_passphrase("correct horse battery")
    journal.close()
    secret = tmp_path / "secret"
    secret.write_text("correct horse battery\n", encoding="utf-8")
    args = ["check", "--data-dir", str(folder), "--passphrase-file", str(secret)]
    assert main(args) == 0
    capsys.readouterr()
    _break(folder / "journal.sqlite3", table, "correct horse battery")
    before = _files(folder)
    assert main(args) == 1
    assert f"CHECK constraint failed in {table}" in capsys.readouterr().out
    assert _files(folder) == before


def test_a_dangling_reference_is_counted_over_every_table(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "journal"
    shutil.copytree(demo, folder)
    conn = sqlite3.connect(folder / "journal.sqlite3", isolation_level=None)
    conn.execute(
        "UPDATE contacts SET person_id = 999 WHERE id IN (SELECT id FROM contacts LIMIT 2)"
    )
    conn.execute(
        "UPDATE doses SET medication_id = 998"
        " WHERE (medication_id, date) = (SELECT medication_id, date FROM doses LIMIT 1)"
    )
    conn.close()
    assert main(["check", "--data-dir", str(folder)]) == 1
    assert "3 rows refer to records that do not exist" in capsys.readouterr().out


def test_the_second_reader_failing_is_said_calmly(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refused(path: Path) -> Any:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(integrity, "plain_reader", refused)
    assert main(["check", "--data-dir", str(demo)]) == 1
    assert "malformed" in capsys.readouterr().err


# -- the scan's SQL against SQLite's own CHECK ------------------------------------------------

_DATES = ["2026-03-15", "0000-00-00", "9999-19-39", "1999-12-31"]
_ODD_TEXT = ["", " ", "   ", "x", "Partner", "partner ", " friend", "friend\x00", "ﬁve", "日本"]


def _near(value: str, rng: random.Random) -> str:
    """``value`` with one character changed, dropped or added."""
    index = rng.randrange(len(value) + 1)
    char = rng.choice("0123456789-/ :aZ\u00e9.")
    return rng.choice(
        [
            value[:index] + char + value[index + 1 :],
            value[:index] + value[index + 1 :],
            value + char,
        ]
    )


def _pool(rng: random.Random) -> list[object]:
    words = [
        m.value
        for kind in (Relationship, Mode, SessionStatus, CommitmentKind, Instrument)
        for m in kind
    ]
    numbers: list[object] = [
        n + d for n in (0, 1, 5, 10, 12, 14, 24, 365, 1440) for d in (-1, 0, 1)
    ]
    values: list[object] = [None, *words, *_DATES, *_ODD_TEXT, *numbers]
    values += [0.5, 4.999, 5.0, 10.0, 10.01, 24.0, -0.0, 1e300, "5", " 5", "5x", "10.0", "1e1"]
    values += [w.encode() for w in words[:6]] + [d.encode() for d in _DATES[:2]] + [b"", b"\xff"]
    values += [_near(rng.choice(_DATES), rng) for _ in range(60)]
    values += [_near(rng.choice(words), rng) for _ in range(30)]
    return values


def _mirror(conn: Any, table: str, clauses: list[str]) -> tuple[str, list[str]]:
    """A rowid table with ``table``'s columns and types (so the same affinities) and its CHECK
    clauses, but no key, uniqueness or NOT NULL: any value can be tried in any column."""
    columns = [(row[1], row[2]) for row in conn.execute(f"PRAGMA table_info([{table}])")]
    parts = [f"[{name}] {kind}" for name, kind in columns]
    parts += [f"CHECK ({clause})" for clause in clauses]
    conn.execute(f"CREATE TABLE [mirror_{table}] ({', '.join(parts)})")
    return f"mirror_{table}", [name for name, _ in columns]


def _refused_rows(conn: Any, table: str, clauses: list[str], rng: random.Random) -> set[int]:
    """Rows of ``table`` changed in one or two columns to values of the pool, kept in a mirror
    table all the same (as a hand-edit would): the rowids SQLite's own CHECK refuses."""
    pool = _pool(rng)
    seeds = conn.execute(f"SELECT * FROM [{table}]").fetchall()
    mirror, columns = _mirror(conn, table, clauses)
    insert = f"INSERT INTO [{mirror}] VALUES ({', '.join('?' * len(columns))})"
    refused = set()
    for _ in range(600):
        row = list(rng.choice(seeds))
        for _ in range(rng.choice((0, 1, 1, 1, 2))):
            row[rng.randrange(len(columns))] = rng.choice(pool)
        try:
            conn.execute(insert, row)
        except sqlite3.IntegrityError as error:
            assert "CHECK constraint failed" in str(error)
            conn.execute("PRAGMA ignore_check_constraints = ON")
            refused.add(conn.execute(insert, row).lastrowid)
            conn.execute("PRAGMA ignore_check_constraints = OFF")
    return refused


def test_the_scan_finds_exactly_the_rows_sqlites_check_refuses() -> None:
    """Rows of every table, valid ones changed in a column or two (near-miss dates, other
    cases, numbers at every bound, reals, numeric text, blobs, NULL): the rows the scan
    selects are exactly those SQLite's own CHECK refuses, table by table."""
    rng = random.Random(21)
    journal = Journal.in_memory(clock=fixed_clock)
    generate(journal, days=40, seed=5)
    conn = journal.db.conn
    refused_in_all = 0
    for table, clauses in _tables_with_rules(conn):
        condition = violation_condition(clauses)
        assert not conn.execute(f"SELECT 1 FROM [{table}] WHERE {condition}").fetchall()
        refused = _refused_rows(conn, table, clauses, rng)
        selected = {
            r[0] for r in conn.execute(f"SELECT rowid FROM [mirror_{table}] WHERE {condition}")
        }
        assert selected == refused, table
        kept = conn.execute(f"SELECT count(*) FROM [mirror_{table}]").fetchone()[0] - len(refused)
        assert refused and kept, table  # both kinds of rows were tried
        refused_in_all += len(refused)
    assert refused_in_all > 1500
    journal.close()


@pytest.mark.parametrize("declared", ["TEXT", "INTEGER", "NUMERIC", "REAL", "BLOB", ""])
def test_a_text_list_reads_the_same_as_in_whatever_the_column_type(declared: str) -> None:
    rng = random.Random(7)
    conn = sqlite3.connect(":memory:", isolation_level=None)
    rule = "x IN ('1', 'a', '2.5', 'it''s', ' b')"
    conn.execute(f"CREATE TABLE t (id INTEGER PRIMARY KEY, x {declared} CHECK ({rule}))")
    values: list[object] = [None, 1, 1.0, "1", "01", " 1", 2.5, "2.5", "a", "A", "it's", " b", "b"]
    values += [b"1", b"a", 0, "", rng.random()]
    expected = set()
    for value in values:
        try:
            conn.execute("INSERT INTO t (x) VALUES (?)", (value,))
            continue
        except sqlite3.IntegrityError:
            conn.execute("PRAGMA ignore_check_constraints = ON")
            expected.add(conn.execute("INSERT INTO t (x) VALUES (?)", (value,)).lastrowid)
            conn.execute("PRAGMA ignore_check_constraints = OFF")
    condition = violation_condition([rule])
    assert "CASE" in condition
    assert {r[0] for r in conn.execute(f"SELECT id FROM t WHERE {condition}")} == expected
    assert 0 < len(expected) < len(values)
