"""What ``connection-journal check`` reports: health, schema version, records per table.

``check`` reads through a read-only connection. SQLite drops a table's CHECK constraints when
it reads the schema of a read-only file (``sqlite3AddCheckConstraint`` keeps none), so its
``quick_check`` cannot evaluate them there, and no pragma changes that. A read-write
connection would create ``-wal``/``-shm`` files beside the journal (and roll a hot journal
back into a file that may be damaged), and its ``quick_check`` evaluates them 2-4x slower than
these scans (50 years: 200-500 ms against 100). So ``constraint_violations`` evaluates every
row's constraints itself, one scan a table, from the schema. Everything here takes a bare
DB-API connection (or a ``Database``), and ``check_journal`` opens its own: the command needs
the standard library alone, not sqlite-utils (which loads numpy), so it starts about as fast
as Python does. For a plain journal it reads with two connections at once, one in a thread:
the structure check on one while the other scans, then both share the rest (SQLite runs
without Python's lock), so on two cores a lifetime of entries is checked in about 60% of the
time, every row still read.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from journal import paths
from journal.domain.errors import could_not_open, empty_with_backups, not_found, unreadable
from journal.store import day_figures
from journal.store.connection import (
    database_errors,
    open_read_only,
    plain_reader,
    quick_check,
    refuse_unopenable,
)
from journal.store.migrations import CURRENT_VERSION, schema_version
from journal.store.schema import TABLES

if TYPE_CHECKING:
    from sqlite_utils import Database


class CheckReport(NamedTuple):
    """The outcome of a check; ``healthy`` is what the exit code follows. (A named tuple, not
    a dataclass: ``dataclasses`` costs ``check`` 8 ms of start.)"""

    problems: list[str]
    version: int
    counts: dict[str, int]
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


#: ``column IN ('a', 'b', …)``, a list of text values (``schema._in``): see ``_cheaper``.
_TEXT_IN = re.compile(r"\s*(\w+)\s+IN\s*\(\s*('(?:[^']|'')*'(?:\s*,\s*'(?:[^']|'')*')*)\s*\)\s*")
_TEXT = re.compile(r"'(?:[^']|'')*'")


def _cheaper(clause: str) -> str:
    """``clause``, or an expression with the same truth that SQLite evaluates faster.

    ``x IN ('a', 'b')`` becomes ``CASE x WHEN 'a' THEN 1 WHEN 'b' THEN 1 ELSE x IS NULL END``:
    true for a listed value, false for another, and for NULL true where IN gives NULL (both
    pass a CHECK). ``CASE x WHEN v`` compares as ``x = v`` does, with the affinity and the
    collation ``IN`` uses, so a CHECK fails on the same rows; an IN probes a temporary b-tree
    for every row, the comparisons cost a third of that (tests prove the rows the same).
    """
    match = _TEXT_IN.fullmatch(clause)
    if match is None:
        return clause
    column, values = match.group(1), _TEXT.findall(match.group(2))
    whens = " ".join(f"WHEN {value} THEN 1" for value in values)
    return f"CASE {column} {whens} ELSE {column} IS NULL END"


def violation_condition(clauses: list[str]) -> str:
    """True for a row that breaks one of the CHECK ``clauses`` of its table.

    A row breaks a CHECK when its expression is false; NULL passes. ``NOT (a AND b AND …)`` is
    true exactly then (false AND anything is false, true AND NULL is NULL, and NOT NULL selects
    nothing), with the same truth of a text or a real as the CHECK itself; SQLite evaluates it
    with jumps, cheaper than one ``NOT coalesce((a), 1) OR …`` a clause (tests prove the two
    select the same rows).
    """
    return "NOT (" + " AND ".join(f"({_cheaper(clause)})" for clause in clauses) + ")"


def violation_query(table: str, clauses: list[str]) -> str:
    """The scan finding a row of ``table`` that breaks one of its CHECK ``clauses``."""
    return f"SELECT 1 FROM [{table}] WHERE {violation_condition(clauses)} LIMIT 1"


def _checked_tables(conn: Any) -> list[tuple[str, str, int]]:
    """(table, scan, clauses) for every table of the file with CHECK constraints, in schema
    order."""
    found = []
    for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL"
    ).fetchall():
        clauses = check_clauses(sql)
        if clauses:
            found.append((name, violation_query(name, clauses), len(clauses)))
    return found


def constraint_violations(db: Database | Any) -> list[str]:
    """ "CHECK constraint failed in <table>" for every table with a row breaking one."""
    conn = getattr(db, "conn", db)
    return [
        f"CHECK constraint failed in {name}"
        for name, query, _ in _checked_tables(conn)
        if conn.execute(query).fetchone()
    ]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class _Plan:
    """What ``check`` reads besides the structure: the tables and their counts, then every
    CHECK scan and foreign-key check as a statement that one or two connections take in turn
    (largest tables first, so two connections end together); ``found`` holds their rows."""

    def __init__(self, conn: Any, *, scans: bool = True) -> None:
        tables = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        linked = {name: "REFERENCES" in (sql or "").upper() for name, sql in tables.fetchall()}
        self.names = list(linked)
        self.missing = [t for t in TABLES if t not in self.names]
        self.counts = {
            t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0]
            for t in TABLES
            if t not in self.missing
        }
        self.scans = _checked_tables(conn) if scans else []
        # the per-day figures SQLite keeps beside the records, counted beside the other scans
        self.figures = scans and day_figures.TABLE in self.names
        # a journal of the version that made them (an older one: the version check says it)
        self.figures_due = scans and schema_version(conn) >= day_figures.SINCE_VERSION
        self.figures_built = day_figures.as_built(conn) if self.figures_due else True
        # the costliest first (rows times clauses; a table without links costs nothing), so
        # the last statements are short and two connections end together
        statements = [(("rule", n), q, self.counts.get(n, 0) * k) for n, q, k in self.scans]
        statements += [  # table by table, the rows ``PRAGMA foreign_key_check`` finds
            (
                ("keys", n),
                f"PRAGMA foreign_key_check({_quoted(n)})",
                self.counts.get(n, 0) * 2 if linked[n] else 0,
            )
            for n in self.names
        ]
        if self.figures:
            statements += [
                (
                    ("figures", "records"),
                    day_figures.RECORDS_COUNTED,
                    self.counts.get("contacts", 0),
                ),
                (("figures", "kept"), day_figures.KEPT_COUNTED, self.counts.get("days", 0)),
            ]
        statements.sort(key=lambda statement: -statement[2])
        self.left = deque((key, sql) for key, sql, _ in statements)
        self.found: dict[tuple[str, str], list[Any]] = {}

    def work(self, conn: Any, stop: threading.Event | None = None) -> None:
        """Run statements on ``conn`` until none is left (another connection may take some)."""
        while stop is None or not stop.is_set():
            try:
                key, sql = self.left.popleft()  # atomic: two threads never take the same one
            except IndexError:
                return
            self.found[key] = conn.execute(sql).fetchall()

    def broken_rules(self) -> list[str]:
        return [
            f"CHECK constraint failed in {name}"
            for name, _, _ in self.scans  # in the schema's order, whoever scanned them
            if self.found[("rule", name)]
        ]

    def derived(self) -> list[str]:
        """``day_figures``' problems, for a journal of the current version (an older one
        has none yet: the version check says so)."""
        if not self.figures_due:
            return []
        if not self.figures:
            return day_figures.counted_problems(False, None, None)
        records, kept = self.found[("figures", "records")], self.found[("figures", "kept")]
        return day_figures.counted_problems(self.figures_built, records[0], kept[0])

    def broken_links(self) -> list[str]:
        problems = [f"table {t} is missing" for t in self.missing]
        dangling = sum(len(rows) for key, rows in self.found.items() if key[0] == "keys")
        if dangling:
            problems.append(f"{dangling} rows refer to records that do not exist")
        return problems


def check(db: Database | Any, *, structure_checked: bool = False) -> CheckReport:
    """Run ``quick_check``, the CHECK constraints, a foreign-key check and the version check;
    count every table. ``structure_checked``: the connection's opening already ran
    ``quick_check`` (without the constraints), so it is not run twice."""
    conn = getattr(db, "conn", db)  # a Database or a bare connection
    problems = [] if structure_checked else list(quick_check(conn, constraints=False))
    plan = _Plan(conn, scans=not problems)
    plan.work(conn)
    return _report(plan, problems, schema_version(conn))


def _report(plan: _Plan, problems: list[str], version: int) -> CheckReport:
    problems = problems + plan.broken_rules() + plan.derived()
    if version != CURRENT_VERSION:
        problems.append(f"schema version {version}, expected {CURRENT_VERSION}")
    return CheckReport(problems + plan.broken_links(), version, plan.counts)


class _Beside(threading.Thread):
    """A second connection to a plain journal, reading while the first checks the structure:
    it plans the work, then takes statements of it until none is left. Its failure is kept
    for the caller, who raises it only once the structure checked out (damage is said first,
    as on one connection)."""

    def __init__(self, path: Path) -> None:
        super().__init__(name="check-beside", daemon=True)
        self.path = path
        self.plan: _Plan | None = None
        self.error: BaseException | None = None
        self.planned = threading.Event()
        self.stop = threading.Event()
        self._conn: Any = None

    def run(self) -> None:
        try:
            self._conn = plain_reader(self.path)
            self.plan = _Plan(self._conn)
            self.planned.set()
            self.plan.work(self._conn, self.stop)
        except BaseException as error:  # kept: raised in the caller's thread, or not at all
            self.error = error
        finally:
            self.planned.set()
            if self._conn is not None:
                self._conn.close()

    def finish(self) -> None:
        """End at once (the caller is failing) and wait: no thread is left reading."""
        self.stop.set()
        if self.is_alive() and self._conn is not None:
            with contextlib.suppress(*database_errors()):
                self._conn.interrupt()  # the statement running stops now
        self.join()


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
        if passphrase is not None:  # a second connection would cost a key derivation more
            return _checked_alone(open_read_only(path, passphrase))
        refuse_unopenable(path, None)
        return _checked_beside(path)
    except OSError as error:
        raise could_not_open(data_dir, error) from None


def _checked_alone(conn: Any) -> CheckReport:
    try:
        return check(conn, structure_checked=True)
    finally:
        conn.close()


def _checked_beside(path: Path) -> CheckReport:
    """The structure checked on one connection while a second one plans the rest and begins
    it; then both share what is left. The report is the one ``check`` makes on one."""
    beside = _Beside(path)
    try:
        beside.start()
    except RuntimeError:  # no thread to be had: one connection does it all
        return _checked_alone(open_read_only(path))
    try:
        conn = open_read_only(path)  # raises on damage, whatever the other one found
        try:
            beside.planned.wait()
            if beside.plan is None:  # the second connection failed before its plan
                raise beside.error or RuntimeError("the second reader made no plan")
            beside.plan.work(conn)
            version = schema_version(conn)
        finally:
            conn.close()
        beside.join()
        if beside.error is not None:
            raise beside.error
        return _report(beside.plan, [], version)
    except database_errors() as error:
        raise unreadable(path, error) from None
    finally:
        beside.finish()


def _has_backup_files(data_dir: Path) -> bool:
    from journal.store.backup import has_backup_files  # only for an empty file: rare

    return has_backup_files(data_dir)
