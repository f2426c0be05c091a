"""A zip of CSV files for spreadsheets: one per table plus a wide one-row-per-day file.

``days_wide.csv`` has, for every day with anything logged: the check-in's ratings, the number of
contacts (all, meaningful, and by kind) and the doses taken of each medication.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from journal.atomic_file import atomic_output
from journal.domain.kinds import Relationship
from journal.domain.records import MEANINGFUL_QUALITY, RATINGS
from journal.progress import IsCancelled, check, never_cancelled
from journal.report.tables import TABLE_ORDER, table_rows

if TYPE_CHECKING:
    from sqlite_utils import Database


def _csv(rows: list[dict[str, object]], columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: (json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v)
                for k, v in row.items()
            }
        )
    return buffer.getvalue()


def wide_days(db: Database) -> tuple[list[dict[str, object]], list[str]]:
    """One row per day with a check-in, contacts or doses."""
    medications = list(db.query("SELECT id, name FROM medications ORDER BY id"))
    med_columns = {m["id"]: f"doses_taken:{m['name']} ({m['id']})" for m in medications}
    days: dict[str, dict[str, object]] = {}

    def day(date: str) -> dict[str, object]:
        return days.setdefault(date, {"date": date})

    for row in db.query(f"SELECT date, {', '.join(RATINGS)}, sleep_hours FROM days"):
        day(row["date"]).update(row)
    for row in db.query("SELECT date, kind, quality FROM contacts"):
        entry = day(row["date"])
        entry["contacts"] = int(entry.get("contacts", 0)) + 1  # type: ignore[call-overload]
        good = int(row["quality"] >= MEANINGFUL_QUALITY)
        entry["meaningful_contacts"] = int(entry.get("meaningful_contacts", 0)) + good  # type: ignore[call-overload]
        column = f"contacts:{row['kind']}"
        entry[column] = int(entry.get(column, 0)) + 1  # type: ignore[call-overload]
    for row in db.query("SELECT medication_id, date, taken FROM doses"):
        day(row["date"])[med_columns[row["medication_id"]]] = row["taken"]
    columns = [
        "date",
        *RATINGS,
        "sleep_hours",
        "contacts",
        "meaningful_contacts",
        *(f"contacts:{k.value}" for k in Relationship),
        *med_columns.values(),
    ]
    rows = [days[d] for d in sorted(days)]
    for row in rows:
        row.setdefault("contacts", 0)
        row.setdefault("meaningful_contacts", 0)
        for kind in Relationship:
            row.setdefault(f"contacts:{kind.value}", 0)
    return rows, columns


def export_csv_zip(db: Database, out: Path, *, cancelled: IsCancelled = never_cancelled) -> Path:
    """Write the zip atomically and privately (0600; see ``journal.atomic_file``); ``Cancelled``
    before the rename leaves ``out`` as it was (or absent)."""
    with (
        atomic_output(out) as handle,
        db.atomic(),
        zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for table in TABLE_ORDER:
            rows = table_rows(db, table)
            columns = (
                [c.name for c in db[table].columns] if table != "settings" else ["key", "value"]
            )
            archive.writestr(f"{table}.csv", _csv(rows, columns))
        rows, columns = wide_days(db)
        archive.writestr("days_wide.csv", _csv(rows, columns))
        check(cancelled)
    return out
