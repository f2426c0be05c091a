"""Turning records into rows and rows into records, the same way for every table."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from sqlite_utils import Database

T = TypeVar("T")


_PLAIN = (str, int, float, type(None))
_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def to_row(record: object, *, exclude: Iterable[str] = ()) -> dict[str, Any]:
    """A record as column values: dates as ISO text, enums as their value, lists as JSON."""
    skip = set(exclude)
    row: dict[str, Any] = {}
    for name in _field_names(type(record)):  # kept per class: an import makes 100,000s
        if name in skip:
            continue
        value = getattr(record, name)
        if type(value) in _PLAIN:  # most values (an enum or a bool is a type of its own)
            row[name] = value
            continue
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, Enum):
            value = value.value
        elif isinstance(value, tuple):
            value = json.dumps(list(value), ensure_ascii=False)
        elif isinstance(value, bool):
            value = int(value)
        row[name] = value
    return row


def from_row(cls: type[T], row: dict[str, Any], *, json_fields: Iterable[str] = ()) -> T:
    """A record from a row; the record's own validation runs again, so a bad row is caught."""
    values = dict(row)
    for name in json_fields:
        values[name] = json.loads(values[name])
    return cls(**values)


def fetch(
    db: Database,
    cls: type[T],
    sql: str,
    params: Iterable[Any] = (),
    *,
    json_fields: Iterable[str] = (),
) -> list[T]:
    """Run a query and build one record per row."""
    fields = tuple(json_fields)
    return [from_row(cls, row, json_fields=fields) for row in db.query(sql, tuple(params))]


def iso(value: dt.date) -> str:
    return value.isoformat()


def insert_rows(db: Database, table: str, rows: Iterable[dict[str, Any]]) -> int:
    """Insert plain rows with one prepared statement (sqlite-utils' ``insert_all`` inspects
    every value, which costs seconds on ten years of data). All rows share the first's keys."""
    iterator = iter(rows)
    first = next(iterator, None)
    if first is None:
        return 0
    columns = tuple(first)
    return insert_tuples(
        db, table, columns, (tuple(row[c] for c in columns) for row in (first, *iterator))
    )


def insert_tuples(
    db: Database, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Insert rows given as value tuples in ``columns``' order, with one prepared statement
    (an import of fifty years hands over its 130,000 rows without a dictionary each)."""
    sql = (
        f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    count = 0

    def counted() -> Iterable[Sequence[Any]]:
        nonlocal count
        for row in rows:
            count += 1
            yield row

    if isinstance(rows, list):  # a list is handed to SQLite as it is
        db.conn.executemany(sql, rows)
        return len(rows)
    db.conn.executemany(sql, counted())
    return count


def insert_many(
    db: Database, table: str, records: Iterable[object], *, exclude: Iterable[str] = ()
) -> int:
    """Insert already-validated records in bulk (ids kept when the records carry them)."""
    skip = tuple(exclude)
    return insert_rows(db, table, (to_row(record, exclude=skip) for record in records))


def delete_every_row(db: Database) -> None:
    """Empty every table of the journal, children first (inside the caller's transaction):
    what a replacing import and the demo start from."""
    from journal.store.schema import TABLES

    for table in reversed(TABLES):
        db.execute(f"DELETE FROM [{table}]")


def has_rows(db: Database, table: str) -> bool:
    """Whether ``table`` holds a row (plain SQL: no sqlite-utils table object at start)."""
    return db.execute(f"SELECT 1 FROM [{table}] LIMIT 1").fetchone() is not None


def count_rows(db: Database, table: str) -> int:
    """How many rows ``table`` holds (plain SQL, as ``has_rows``)."""
    return int(db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0])
