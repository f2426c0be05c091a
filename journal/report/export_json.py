"""The whole journal as one versioned JSON document.

Shape (documented in docs/json-format.md)::

    {"format": "connection-journal", "version": 1, "exported_at": "...", "app_version": "...",
     "tables": {"people": [...], "days": [...], ..., "settings": [{"key": ..., "value": ...}]}}

Rows are the stored columns, with ``coping`` and ``answers`` as JSON lists.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal import __version__
from journal.atomic_file import atomic_output
from journal.progress import IsCancelled, check, never_cancelled
from journal.report.tables import SPECS, TABLE_ORDER, row_order, table_rows

if TYPE_CHECKING:
    from sqlite_utils import Database

FORMAT = "connection-journal"
#: The export format's version: the records' shape, which the journal's schema version 2 set.
#: Version 3 of the schema only added figures derived from the records (``day_figures``), so
#: its exports stay readable by an app of version 2. A change to what the records hold bumps it.
EXPORT_VERSION = 2


def export_document(db: Database, *, now: dt.datetime) -> dict[str, Any]:
    """The journal as a JSON-ready dictionary, read in one transaction so it is consistent."""
    with db.atomic():
        tables = {table: table_rows(db, table) for table in TABLE_ORDER}
    return {
        "format": FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": now.isoformat(timespec="seconds"),
        "app_version": __version__,
        "tables": tables,
    }


def write_journal_json(
    db: Database, out: Path, *, now: dt.datetime, cancelled: IsCancelled = never_cancelled
) -> Path:
    """``write_json(export_document(db, now=now), out)``, the records written by SQLite.

    Each record is one ``json_object`` made in SQLite's C code from the row, instead of a row
    turned into a dictionary and encoded in Python: fifty years in about half the time. The
    same document (``json.loads`` of both is equal, tests/report/test_json.py), the same
    layout; inside a record there is no space after ``:`` and ``,``. A real number is
    written with 17 digits (``%!.17g``), so it reads back as the same number. ``Cancelled``
    before the rename leaves ``out`` as it was (or absent), as ``write_json``.
    """
    encode = json.JSONEncoder(ensure_ascii=False).encode
    head = {
        "format": FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": now.isoformat(timespec="seconds"),
        "app_version": __version__,
    }
    parts = [f" {encode(key)}: {encode(value)}" for key, value in head.items()]
    tables = []
    with db.atomic():  # one transaction: a consistent journal
        for table in TABLE_ORDER:
            lines = [row[0] for row in db.conn.execute(_records_sql(db, table))]
            body = "[\n" + ",\n".join("   " + line for line in lines) + "\n  ]" if lines else "[]"
            tables.append(f"  {encode(table)}: {body}")
    parts.append(' "tables": {\n' + ",\n".join(tables) + "\n }")
    with atomic_output(out) as binary:
        handle = io.TextIOWrapper(binary, encoding="utf-8", newline="\n")
        handle.write("{\n" + ",\n".join(parts) + "\n}\n")
        handle.flush()
        handle.detach()  # the binary file stays open for its fsync and rename
        check(cancelled)
    return out


def _records_sql(db: Database, table: str) -> str:
    """One JSON object per row of ``table``, as ``table_rows`` orders and decodes them."""
    json_columns = {"value"} if table == "settings" else set(SPECS[table].json_columns)
    columns = [row[1] for row in db.conn.execute(f"PRAGMA table_info([{table}])")]
    values = []
    for name in columns:
        column = f"[{name}]"
        value = (
            f"json({column})"
            if name in json_columns
            else f"CASE WHEN typeof({column}) = 'real' "
            f"THEN json(printf('%!.17g', {column})) ELSE {column} END"
        )
        values.append(f"'{name}', {value}")
    return f"SELECT json_object({', '.join(values)}) FROM [{table}] ORDER BY {row_order(table)}"


def write_json(
    document: dict[str, Any], out: Path, *, cancelled: IsCancelled = never_cancelled
) -> Path:
    """Write atomically and privately (0600; see ``journal.atomic_file``), one record a line.
    ``Cancelled`` before the rename leaves ``out`` as it was (or absent)."""
    with atomic_output(out) as binary:
        handle = io.TextIOWrapper(binary, encoding="utf-8", newline="\n")
        handle.write(_laid_out(document, json.JSONEncoder(ensure_ascii=False).encode))
        handle.write("\n")
        handle.flush()
        handle.detach()  # the binary file stays open for its fsync and rename
        check(cancelled)
    return out


#: How deep the outline is indented: the document, its tables, each table's list of rows.
_OUTLINE_DEPTH = 3


def _laid_out(value: Any, encode: Callable[[Any], str], depth: int = 0) -> str:
    """``value`` as JSON, its outline indented one space a level and each record on a line.

    Each record goes through the C encoder in one call: ``json.dump`` with ``indent`` encodes
    in pure Python, which took over a second for fifty years of entries.
    """
    if depth >= _OUTLINE_DEPTH or not value or not isinstance(value, dict | list):
        return encode(value)
    pad = " " * (depth + 1)
    if isinstance(value, dict):
        items = [
            f"{pad}{encode(key)}: {_laid_out(item, encode, depth + 1)}"
            for key, item in value.items()
        ]
        opening, closing = "{", "}"
    else:
        items = [pad + _laid_out(item, encode, depth + 1) for item in value]
        opening, closing = "[", "]"
    return f"{opening}\n" + ",\n".join(items) + f"\n{' ' * depth}{closing}"
