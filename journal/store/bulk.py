"""Writing whole tables into empty ones, as an import of a whole journal does.

Row by row, SQLite spends most of a bulk insert on the tables' CHECK constraints (an ``IN``
list is evaluated afresh for every row: 0.6 s of the 1.0 s the 71,000 contacts of fifty years
take) and on keeping the secondary indexes in order. ``bulk_load`` writes the rows without
both and then restores both: every CHECK of every row is evaluated after all, in one
``SELECT`` per table (which SQLite runs about ten times faster), and the indexes are built
once, from their own ``CREATE INDEX``. The triggers keeping ``day_figures`` are set aside
too and the table is filled once at the end, from all the records. All of it inside one
savepoint of the caller's transaction, so a row that breaks a CHECK (or a failure half-way)
leaves the tables as they were, indexes and triggers included; and nothing of it is ever
committed without them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from journal.store import day_figures
from journal.store.rows import has_rows

if TYPE_CHECKING:
    from sqlite_utils import Database


@contextmanager
def bulk_load(db: Database, tables: Sequence[str]) -> Iterator[None]:
    """Inside the caller's transaction, ``tables`` are written with their CHECK constraints
    evaluated after the writes and their secondary (non-unique) indexes built after them.

    Only when every one of ``tables`` is empty and a transaction is open; otherwise the rows
    are written the ordinary way. Raises ``sqlite3.IntegrityError`` (and undoes the writes)
    when a written row breaks a CHECK, as a row-by-row insert would have.
    """
    conn = db.conn
    if not conn.in_transaction or any(has_rows(conn, table) for table in tables):
        yield
        return
    marks = ", ".join("?" for _ in tables)
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) AND sql NOT LIKE 'CREATE UNIQUE %'",
        tuple(tables),
    ).fetchall()
    # the triggers keeping day_figures: a day made again for every check-in and contact written
    # costs more than the rest of the load; the table is filled once at the end instead
    triggers = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks})",
        tuple(tables),
    ).fetchall()
    with db.atomic():  # a savepoint: an error leaves the indexes and tables as they were
        for name, _sql in indexes:
            conn.execute(f"DROP INDEX [{name}]")
        for name, _sql in triggers:
            conn.execute(f"DROP TRIGGER [{name}]")
        # a flag pragma expires every prepared statement: none compiled while it is on is
        # ever run again after it is off (a test checks a cached INSERT checks again)
        conn.execute("PRAGMA ignore_check_constraints = ON")
        try:
            yield
        finally:
            conn.execute("PRAGMA ignore_check_constraints = OFF")
        broken = constraints_broken(conn, tables)
        if broken:
            raise sqlite3.IntegrityError(f"CHECK constraint failed: {broken}")
        for _name, sql in indexes:
            conn.execute(sql)
        if triggers:
            day_figures.refill(conn)
        for _name, sql in triggers:
            conn.execute(sql)


def constraints_broken(conn: sqlite3.Connection, tables: Sequence[str]) -> str | None:
    """The first of ``tables`` with a row breaking one of its CHECK constraints, evaluated as
    SQLite evaluates a CHECK (a NULL result passes), or ``None``."""
    from journal.store.integrity import check_clauses, violation_query  # check's own scan

    for table in tables:
        row = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
        clauses = check_clauses(row[0]) if row else []
        if clauses and conn.execute(violation_query(table, clauses)).fetchone():
            return table
    return None
