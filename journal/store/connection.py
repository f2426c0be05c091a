"""The one way a journal file is opened.

WAL for crash safety and readers alongside the writer, ``synchronous=FULL`` so a committed entry
survives power loss, foreign keys on. The file's health is checked before anything is written:
a damaged or foreign file raises ``JournalDamaged`` and is left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from journal import paths
from journal.domain.errors import JournalDamaged, JournalError, JournalNotFound
from journal.store.migrations import check_compatible, migrate

_SIDE_FILES = ("-wal", "-shm")


def _is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as handle:
        header = handle.read(16)
    return header in (b"", b"SQLite format 3\x00")


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA quick_check`` findings; empty when the file is healthy."""
    rows = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    return [] if rows == ["ok"] else rows


def open_database(path: Path, *, create: bool = True) -> Database:
    """Open (and create or upgrade) the journal at ``path``.

    ``create=False`` is for read-only commands: a missing journal raises ``JournalNotFound``
    instead of leaving an empty file behind.
    """
    path = Path(path)
    if not path.exists():
        if not create:
            raise JournalNotFound(f"No journal found at {path}")
        paths.ensure_private_dir(path.parent)
        paths.ensure_private_file(path)
    elif not _is_sqlite_file(path):
        raise JournalDamaged(f"{path} is not a Connection Journal file; it has not been changed.")
    try:
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as error:
        raise JournalError(f"Could not open {path}: {error}") from None
    try:
        problems = quick_check(conn)
        if problems:
            raise JournalDamaged(
                f"{path} is damaged ({problems[0]}); it has not been changed. "
                "A backup can be restored."
            )
        db = Database(conn)
        check_compatible(db)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        migrate(db)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise JournalDamaged(f"{path} could not be read as a journal ({error}); "
                             "it has not been changed.") from None
    except BaseException:
        conn.close()
        raise
    _tighten_side_files(path)
    return db


def _tighten_side_files(path: Path) -> None:
    """WAL and shared-memory files are made by SQLite with the umask; keep them private too."""
    if os.name != "posix":
        return
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.chmod(side, paths.FILE_MODE)


def open_memory() -> Database:
    """A fresh in-memory journal at the current schema, for tests and scratch work."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    db = Database(conn)
    migrate(db)
    return db
