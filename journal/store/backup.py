"""Copies of the journal made with SQLite's online backup API, in the data folder's ``backups/``.

A backup is a complete, consistent journal file (0600, like the journal; encrypted with the
same key when the journal is encrypted) taken while the journal is open. Backups are made
before every migration, import, restore and passphrase change, and once a day on open.

Rotation keeps every backup of the last 24 hours, the newest of each of the last 7 days that
have one, and the newest of each of the last 8 weeks that have one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from journal import paths

BACKUP_DIR = "backups"
KEEP_DAILY = 7
KEEP_WEEKLY = 8
_NAME = re.compile(r"^journal-(\d{8}-\d{6})-([a-z-]+?)(?:-\d+)?\.sqlite3$")


def backup_folder(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def backup_time(path: Path) -> dt.datetime | None:
    """When a backup was made, from its name."""
    match = _NAME.match(path.name)
    return dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S") if match else None


def backup_reason(path: Path) -> str:
    match = _NAME.match(path.name)
    return match.group(2) if match else ""


def make_backup(db: Database, data_dir: Path, reason: str, *, now: dt.datetime,
                connect: Callable[[Path], Any] | None = None) -> Path:
    """Copy the open journal to ``backups/journal-<time>-<reason>.sqlite3``; return its path.

    ``connect`` opens the destination (for an encrypted journal: a connection keyed like the
    journal, so the backup is encrypted too).
    """
    import sqlite3

    folder = paths.ensure_private_dir(backup_folder(data_dir))
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = folder / f"journal-{stamp}-{reason}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"journal-{stamp}-{reason}-{counter}.sqlite3"
    paths.ensure_private_file(target)
    destination = connect(target) if connect else sqlite3.connect(target)
    try:
        db.conn.backup(destination)
        destination.execute("PRAGMA journal_mode = DELETE")
    finally:
        destination.close()
    return target


def list_backups(data_dir: Path) -> list[Path]:
    """Backups, newest first."""
    folder = backup_folder(data_dir)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob("journal-*.sqlite3") if backup_time(p) is not None]
    return sorted(found, key=lambda p: (backup_time(p), p.name), reverse=True)


def to_keep(backups: list[Path], now: dt.datetime) -> set[Path]:
    """The backups the rotation keeps (see the module docstring)."""
    now = now.replace(tzinfo=None)  # names carry the local wall time, without a zone
    keep: set[Path] = set()
    days: dict[dt.date, Path] = {}
    weeks: dict[tuple[int, int], Path] = {}
    for path in backups:  # newest first, so the first seen per day/week is the newest
        moment = backup_time(path)
        if moment is None:
            continue
        if now - moment <= dt.timedelta(hours=24):
            keep.add(path)
        days.setdefault(moment.date(), path)
        weeks.setdefault(moment.isocalendar()[:2], path)
    keep.update(list(days.values())[:KEEP_DAILY])
    keep.update(list(weeks.values())[:KEEP_WEEKLY])
    return keep


def rotate(data_dir: Path, now: dt.datetime) -> list[Path]:
    """Delete the backups the rotation does not keep; returns what was deleted."""
    backups = list_backups(data_dir)
    keep = to_keep(backups, now)
    removed = [p for p in backups if p not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def made_today(data_dir: Path, today: dt.date) -> bool:
    return any((backup_time(p) or dt.datetime.min).date() == today
               for p in list_backups(data_dir))


def find_backup(data_dir: Path, name: str) -> Path | None:
    for path in list_backups(data_dir):
        if path.name == name or path.stem == name:
            return path
    return None
