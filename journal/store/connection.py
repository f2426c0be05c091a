"""The one way a journal file is opened.

WAL for crash safety and readers alongside the writer, ``synchronous=FULL`` so a committed entry
survives power loss, foreign keys on. The file's health is checked before anything is written:
a damaged or foreign file raises ``JournalDamaged`` and is left exactly as it was. With a
passphrase the file is opened through SQLCipher (``sqlcipher3``), which encrypts every page,
the WAL included.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlite_utils import Database

from journal import paths
from journal.domain.errors import JournalDamaged, JournalError, JournalNotFound
from journal.i18n import translate
from journal.store.migrations import CURRENT_VERSION, check_compatible, migrate

_SIDE_FILES = ("-wal", "-shm")
SQLITE_HEADER = b"SQLite format 3\x00"


class PassphraseRequired(JournalError):
    """The journal is encrypted (or not a journal at all) and no passphrase was given."""


class WrongPassphrase(JournalError):
    """The passphrase does not open this journal; nothing was written."""


class EncryptionUnavailable(JournalError):
    """SQLCipher (the ``sqlcipher3`` package) is not installed for this platform."""


def cipher() -> ModuleType | None:
    """The SQLCipher DB-API module, or ``None`` where it is not installed."""
    try:
        import sqlcipher3.dbapi2 as module
    except ImportError:
        return None
    return module


def encryption_available() -> bool:
    return cipher() is not None


def database_errors() -> tuple[type[BaseException], ...]:
    """Exception classes of both drivers (SQLCipher's do not subclass sqlite3's)."""
    module = cipher()
    return (sqlite3.DatabaseError,) + ((module.DatabaseError,) if module else ())


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect_file(path: Path, passphrase: str | None) -> Any:
    """A raw DB-API connection in autocommit mode, keyed when a passphrase is given."""
    if passphrase is None:
        return sqlite3.connect(path, isolation_level=None)
    module = cipher()
    if module is None:
        raise EncryptionUnavailable(translate(
            "errors", "Encryption is not available on this computer (the sqlcipher3 package "
            "is not installed), so an encrypted journal cannot be opened here."))
    from journal.store.encryption import keyed

    return keyed(module, path, passphrase)


def file_header(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(16)


def looks_plain(path: Path) -> bool:
    """An empty file or a plain SQLite file (anything else is encrypted or foreign)."""
    return file_header(path) in (b"", SQLITE_HEADER)


def quick_check(conn: Any, *, constraints: bool = True) -> list[str]:
    """``PRAGMA quick_check`` findings; empty when the file is healthy.

    ``constraints=False`` checks the file's structure (pages, b-trees, record formats) but does
    not re-evaluate every row's CHECK constraints. Opening uses it: SQLite enforces those
    constraints on every write anyway, and evaluating them over ten years of rows costs
    50-90 ms at every start against 4 ms for the structure. ``check`` and ``restore`` keep the
    full check.
    """
    if constraints:
        rows = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    else:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        try:
            rows = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
        finally:  # never leave writes unchecked
            conn.execute("PRAGMA ignore_check_constraints = OFF")
    return [] if rows == ["ok"] else rows


def open_database(path: Path, *, create: bool = True, passphrase: str | None = None,
                  backup_now: Any = None) -> Database:
    """Open (and create or upgrade) the journal at ``path``.

    ``create=False`` is for read-only commands: a missing journal raises ``JournalNotFound``
    instead of leaving an empty file behind. ``backup_now(db, reason)`` is called before a
    migration of an existing journal.
    """
    path = Path(path)
    if not path.exists():
        if not create:
            raise JournalNotFound(translate("errors", "No journal found at {path}")
                                  .format(path=path))
        paths.ensure_private_dir(path.parent)
        paths.ensure_private_file(path)
    elif passphrase is None and not looks_plain(path):
        raise PassphraseRequired(translate(
            "errors", "{path} is locked with a passphrase (or is not a journal file). Enter "
            "its passphrase to open it.").format(path=path))
    elif passphrase is not None and looks_plain(path) and path.stat().st_size > 0:
        raise JournalError(translate(
            "errors", "{path} is not encrypted; open it without a passphrase.").format(path=path))
    try:
        conn = connect_file(path, passphrase)
    except database_errors() as error:
        raise JournalError(translate("errors", "Could not open {path}: {error}")
                           .format(path=path, error=error)) from None
    try:
        try:
            problems = quick_check(conn, constraints=False)
        except database_errors():
            if passphrase is not None:  # a wrong key, or damage: its backups tell
                from journal.store.encryption import not_opened

                raise not_opened(path, passphrase) from None
            raise
        if problems:
            raise JournalDamaged(translate(
                "errors", "{path} is damaged ({problem}); it has not been changed. A backup "
                "can be restored.").format(path=path, problem=problems[0]))
        db = Database(conn, execute_plugins=False)  # no third-party code in the journal
        version = check_compatible(db)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        if 0 < version < CURRENT_VERSION and backup_now is not None:
            backup_now(db, "before-migration")
        migrate(db)
    except database_errors() as error:
        conn.close()
        raise JournalDamaged(translate(
            "errors", "{path} could not be read as a journal ({error}); it has not been "
            "changed.").format(path=path, error=error)) from None
    except BaseException:
        conn.close()
        raise
    tighten_side_files(path)
    return db


def tighten_side_files(path: Path) -> None:
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
    db = Database(conn, execute_plugins=False)
    migrate(db)
    return db


def backup_connector(passphrase: str | None) -> Any:
    """How to open a backup file so it matches the journal (encrypted with the same key)."""
    return lambda target: connect_file(target, passphrase)


