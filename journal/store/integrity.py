"""What ``connection-journal check`` reports: health, schema version, records per table."""

from __future__ import annotations

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


def check(db: Database) -> CheckReport:
    """Run ``quick_check``, a foreign-key check and the version check; count every table."""
    problems = list(quick_check(db.conn))
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
