"""Copies of the journal made with SQLite's online backup API, in the data folder's ``backups/``.

A backup is a complete, consistent journal file (0600, like the journal) taken while the journal
is open; it is made before anything that replaces data (an import with ``--replace``, a restore).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from journal import paths

BACKUP_DIR = "backups"


def backup_folder(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def make_backup(db: Database, data_dir: Path, reason: str, *, now: dt.datetime) -> Path:
    """Copy the open journal to ``backups/journal-<time>-<reason>.sqlite3`` and return its path."""
    folder = paths.ensure_private_dir(backup_folder(data_dir))
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = folder / f"journal-{stamp}-{reason}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"journal-{stamp}-{reason}-{counter}.sqlite3"
    paths.ensure_private_file(target)
    destination = sqlite3.connect(target)
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
    return sorted(folder.glob("journal-*.sqlite3"), reverse=True)
