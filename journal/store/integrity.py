"""What ``connection-journal check`` reports: health, schema version, records per table.

``check`` reads through a read-only connection, on which SQLite's ``quick_check`` does not
evaluate CHECK constraints; ``constraint_violations`` evaluates them itself, from the schema.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlite_utils import Database

from journal.store.connection import quick_check
from journal.store.migrations import CURRENT_VERSION, schema_version
from journal.store.schema import TABLES


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The outcome of a check; ``healthy`` is what the exit code follows."""

    problems: list[str]
    version: int
    counts: dict[str, int] = field(default_factory=dict)

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


def constraint_violations(db: Database) -> list[str]:
    """"CHECK constraint failed in <table>" for every table with a row breaking one."""
    found = []
    for name, sql in db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                                "AND sql IS NOT NULL").fetchall():
        clauses = check_clauses(sql)
        if not clauses:
            continue
        condition = " OR ".join(f"NOT coalesce(({clause}), 1)" for clause in clauses)
        if db.execute(f"SELECT 1 FROM [{name}] WHERE {condition} LIMIT 1").fetchone():
            found.append(f"CHECK constraint failed in {name}")
    return found


def check(db: Database) -> CheckReport:
    """Run ``quick_check``, the CHECK constraints, a foreign-key check and the version check;
    count every table."""
    problems = list(quick_check(db.conn, constraints=False))
    if not problems:
        problems += constraint_violations(db)
    version = schema_version(db)
    if version != CURRENT_VERSION:
        problems.append(f"schema version {version}, expected {CURRENT_VERSION}")
    missing = [t for t in TABLES if t not in db.table_names()]
    problems += [f"table {t} is missing" for t in missing]
    dangling = db.execute("PRAGMA foreign_key_check").fetchall()
    if dangling:
        problems.append(f"{len(dangling)} rows refer to records that do not exist")
    counts = {t: db[t].count for t in TABLES if t not in missing}
    return CheckReport(problems, version, counts)
