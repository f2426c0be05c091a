"""What ``connection-journal check`` reports: health, schema version, records per table.

``check`` reads through a read-only connection, on which SQLite's ``quick_check`` does not
evaluate CHECK constraints; ``constraint_violations`` evaluates them itself, from the schema.
Everything here takes a bare DB-API connection (or a ``Database``), and ``check_journal`` opens
one itself: the command needs the standard library alone, not sqlite-utils (which loads numpy),
so it starts about as fast as Python does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal import paths
from journal.domain.errors import could_not_open, empty_with_backups, not_found
from journal.store.connection import open_read_only, quick_check
from journal.store.migrations import CURRENT_VERSION, schema_version
from journal.store.schema import TABLES

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The outcome of a check; ``healthy`` is what the exit code follows."""

    problems: list[str]
    version: int
    counts: dict[str, int] = field(default_factory=dict)
    #: The schema version this app writes (``version`` differs: an update is due, or newer).
    expected_version: int = CURRENT_VERSION

    @property
    def healthy(self) -> bool:
        return not self.problems


def check_clauses(sql: str) -> list[str]:
    """The expressions of every ``CHECK (…)`` in a ``CREATE TABLE`` statement."""
    clauses = []
    for match in re.finditer(r"\bCHECK\s*\(", sql, flags=re.IGNORECASE):
        depth, quote, start = 1, "", match.end()
        for index in range(start, len(sql)):
            char = sql[index]
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"":
                quote = char
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    clauses.append(sql[start:index])
                    break
    return clauses


def constraint_violations(db: Database | Any) -> list[str]:
    """ "CHECK constraint failed in <table>" for every table with a row breaking one."""
    db = getattr(db, "conn", db)
    found = []
    for name, sql in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL"
    ).fetchall():
        clauses = check_clauses(sql)
        if not clauses:
            continue
        condition = " OR ".join(f"NOT coalesce(({clause}), 1)" for clause in clauses)
        if db.execute(f"SELECT 1 FROM [{name}] WHERE {condition} LIMIT 1").fetchone():
            found.append(f"CHECK constraint failed in {name}")
    return found


def check(db: Database | Any, *, structure_checked: bool = False) -> CheckReport:
    """Run ``quick_check``, the CHECK constraints, a foreign-key check and the version check;
    count every table. ``structure_checked``: the connection's opening already ran
    ``quick_check`` (without the constraints), so it is not run twice."""
    conn = getattr(db, "conn", db)  # a Database or a bare connection
    problems = [] if structure_checked else list(quick_check(conn, constraints=False))
    if not problems:
        problems += constraint_violations(conn)
    version = schema_version(conn)
    if version != CURRENT_VERSION:
        problems.append(f"schema version {version}, expected {CURRENT_VERSION}")
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [t for t in TABLES if t not in names]
    problems += [f"table {t} is missing" for t in missing]
    dangling = conn.execute("PRAGMA foreign_key_check").fetchall()
    if dangling:
        problems.append(f"{len(dangling)} rows refer to records that do not exist")
    counts = {
        t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0]
        for t in TABLES
        if t not in missing
    }
    return CheckReport(problems, version, counts)


def check_journal(data_dir: Path, passphrase: str | None = None) -> CheckReport:
    """``Journal.open(data_dir, read_only=True).check()`` without sqlite-utils: the same
    refusals (no journal, an empty file although backups exist, a damaged or encrypted file,
    one needing an update), one ``quick_check``, nothing written or created."""
    path = paths.database_path(data_dir)
    if not path.exists():
        raise not_found(data_dir)
    try:
        if path.stat().st_size == 0 and _has_backup_files(data_dir):
            raise empty_with_backups(path)
        conn = open_read_only(path, passphrase)
    except OSError as error:
        raise could_not_open(data_dir, error) from None
    try:
        return check(conn, structure_checked=True)
    finally:
        conn.close()


def _has_backup_files(data_dir: Path) -> bool:
    from journal.store.backup import has_backup_files  # only for an empty file: rare

    return has_backup_files(data_dir)
