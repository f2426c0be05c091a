"""The one way a journal file is opened.

WAL for crash safety and readers alongside the writer, ``synchronous=FULL`` so a committed entry
survives power loss, foreign keys on. The file's health is checked before anything is written:
a damaged or foreign file raises ``JournalDamaged`` and is left exactly as it was. With a
passphrase the file is opened through SQLCipher (``sqlcipher3``), which encrypts every page,
the WAL included.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from journal import paths
from journal.domain.errors import (
    JournalError,
    JournalNotFound,
    PassphraseRequired,
    damaged,
    encryption_unavailable,
    not_found,
    unreadable,
)
from journal.i18n import translate
from journal.store import day_figures, early_check
from journal.store.journal_database import JournalDatabase
from journal.store.migrations import CURRENT_VERSION, check_compatible, migrate

if TYPE_CHECKING:  # loaded when a journal is opened for use: `check` reads without it
    from sqlite_utils import Database

_SIDE_FILES = ("-wal", "-shm")
SQLITE_HEADER = b"SQLite format 3\x00"


def cipher() -> ModuleType | None:
    """The SQLCipher DB-API module, or ``None`` where it is not installed."""
    try:
        import sqlcipher3.dbapi2 as module
    except ImportError:
        return None
    return module


def required_cipher(doing: str) -> ModuleType:
    """The SQLCipher DB-API module; where it is not installed ``EncryptionUnavailable``
    saying what cannot be done (``doing``: "open" or "change", see ``domain.errors``)."""
    module = cipher()
    if module is None:
        raise encryption_unavailable(doing)
    return module


def encryption_available() -> bool:
    """Whether SQLCipher is installed, found without loading it: its module carries its own
    SQLite and OpenSSL (~5 MB of memory once loaded), which an unencrypted journal never uses.
    Should it be found yet fail to load, using a passphrase says so calmly (``required_cipher``).
    """
    import importlib.machinery
    import importlib.util
    import sys

    if "sqlcipher3.dbapi2" in sys.modules:
        return True
    try:
        package = importlib.util.find_spec("sqlcipher3")
    except (ImportError, ValueError):
        return False
    places = package.submodule_search_locations if package else None
    return bool(places) and importlib.machinery.PathFinder.find_spec("_sqlite3", places) is not None


def database_errors() -> tuple[type[BaseException], ...]:
    """Exception classes of both drivers (SQLCipher's do not subclass sqlite3's)."""
    module = cipher()
    return (sqlite3.DatabaseError,) + ((module.DatabaseError,) if module else ())


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _uri(path: Path, query: str) -> str:
    """An SQLite ``file:`` URI (only ``%``, ``?`` and ``#`` need escaping in its path)."""
    text = Path(path).as_posix().replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return "file:" + text + "?" + query


def connect_file(
    path: Path, passphrase: str | None, *, read_only: bool = False, immutable: bool = False
) -> Any:
    """A raw DB-API connection in autocommit mode, keyed when a passphrase is given.

    ``read_only`` opens the file with ``mode=ro``: SQLite then never writes to it (no WAL is
    merged into it); ``immutable`` also ignores locks and side files, for a read-only folder
    where no WAL is left to read.
    """
    target: str | Path = path
    options: dict[str, Any] = {"isolation_level": None}
    if read_only:
        target = _uri(path, "mode=ro&immutable=1" if immutable else "mode=ro")
        options["uri"] = True
    if passphrase is None:
        return sqlite3.connect(target, **options)
    from journal.store.encryption import keyed

    return keyed(required_cipher("open"), target, passphrase, options)


def file_header(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(16)


def looks_plain(path: Path) -> bool:
    """An empty file or a plain SQLite file (anything else is encrypted or foreign)."""
    return file_header(path) in (b"", SQLITE_HEADER)


def damaged_plain(path: Path) -> bool:
    """A plain SQLite journal whose header was damaged, not an encrypted one.

    An encrypted file starts with 16 random bytes. A zeroed header is damage; a plain file
    with a few bytes of its magic string changed still has the fixed payload fractions
    (64, 32, 32) at bytes 21-23, and its WAL, if one is left, holds page 1 in plain text.
    """
    if path.stat().st_size % 512:  # no SQLite or SQLCipher file ends in part of a page
        return True
    if _backups_are_plain(path):  # the journal and its backups share their protection
        return True
    with path.open("rb") as handle:
        header = handle.read(100)
    near = sum(a != b for a, b in zip(header[:16], SQLITE_HEADER, strict=False)) <= 4
    if header and not header.strip(b"\0"):  # zeroed (a lost write), never a random salt
        return True
    if len(header) >= 24 and (
        near or (header[21:24] == b"\x40\x20\x20" and header[18] in (1, 2) and header[19] in (1, 2))
    ):
        return True
    return _wal_holds_plain_page_one(path.with_name(path.name + "-wal"))


def _backups_are_plain(path: Path) -> bool:
    """Whether the newest non-empty backup beside the journal at ``path`` is a plain SQLite
    file: then the journal has no passphrase either (a change of protection rewrites every
    backup with the journal, all or nothing), so a journal that is not plain is damaged."""
    folder = path.parent / "backups"
    try:
        names = sorted(
            (p for p in folder.glob("journal-*.sqlite3") if p.stat().st_size),
            key=lambda p: p.name,
            reverse=True,
        )
    except OSError:
        return False
    return bool(names) and file_header(names[0]) == SQLITE_HEADER


def _wal_holds_plain_page_one(wal: Path) -> bool:
    try:
        with wal.open("rb") as handle:
            head = handle.read(32)
            if len(head) < 32 or head[:4] not in (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83"):
                return False
            page_size = int.from_bytes(head[8:12], "big") or 65536
            for _ in range(10_000):  # a WAL of a journal is far smaller; never read forever
                frame = handle.read(24 + 16)
                if len(frame) < 40:
                    return False
                if int.from_bytes(frame[:4], "big") == 1 and frame[24:] == SQLITE_HEADER:
                    return True
                handle.seek(page_size - 16, os.SEEK_CUR)
    except OSError:
        return False
    return False


def quick_check(conn: Any, *, constraints: bool = True) -> list[str]:
    """``PRAGMA quick_check`` findings; empty when the file is healthy.

    ``constraints=False`` checks the file's structure (pages, b-trees, record formats) but does
    not re-evaluate every row's CHECK constraints. Opening uses it: SQLite enforces those
    constraints on every write anyway, and evaluating them over ten years of rows costs
    50-90 ms at every start against 4 ms for the structure. ``check`` and ``restore`` keep the
    full check. With ``constraints`` a sound structure is followed by ``integrity``'s scan of
    every row's constraints ("CHECK constraint failed in <table>", one line a table), not by
    SQLite's own evaluation: the scan finds the same rows (its tests prove it) in a third of
    the time (50 years: ~60 ms against 200-500), and works on a read-only connection too,
    where SQLite has dropped the constraints with the schema.
    """
    conn.execute("PRAGMA ignore_check_constraints = ON")
    try:
        rows = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    finally:  # never leave writes unchecked
        conn.execute("PRAGMA ignore_check_constraints = OFF")
    if rows != ["ok"]:
        return rows
    if not constraints:
        return []
    from journal.store.integrity import constraint_violations  # it imports this module

    return constraint_violations(conn)


def _refuse_wrong_kind(path: Path, passphrase: str | None) -> None:
    """Refuse an encrypted (or foreign) file without a passphrase, a plain one with one."""
    if passphrase is None and not looks_plain(path):
        if damaged_plain(path):
            raise damaged(
                path, translate("errors", "its first bytes are not those of a journal file")
            )
        raise PassphraseRequired(
            translate(
                "errors",
                "{path} is locked with a passphrase (or is not a journal file). Enter "
                "its passphrase to open it.",
            ).format(path=path)
        )
    if passphrase is not None and looks_plain(path) and path.stat().st_size > 0:
        raise JournalError(
            translate("errors", "{path} is not encrypted; open it without a passphrase.").format(
                path=path
            )
        )


def open_read_only(path: Path, passphrase: str | None = None, *, checked: bool = True) -> Any:
    """A read-only DB-API connection to the existing journal at ``path``, its structure
    checked, refusing one that needs an update; what ``open_database(read_only=True)`` wraps.

    It needs the standard library alone (and ``sqlcipher3`` for an encrypted journal), so
    ``connection-journal check`` runs without loading sqlite-utils, which loads numpy.
    ``checked=False`` (a plain journal) leaves the structure check to the caller, who runs it
    beside the reads and says nothing before it checked out (``Journal.confirm_sound``).
    """
    path = Path(path)
    refuse_unopenable(path, passphrase)
    if not checked and passphrase is None:
        return _read_only_connection(plain_reader(path), path)
    return _read_only_connection(_open_checked(path, passphrase), path)


def refuse_unopenable(path: Path, passphrase: str | None) -> None:
    """``open_read_only``'s refusals before it opens anything: no journal at ``path``, an
    encrypted one without a passphrase, a plain one with one."""
    if not path.exists():
        raise not_found(path.parent)
    _refuse_wrong_kind(path, passphrase)


def plain_reader(path: Path) -> Any:
    """One more read-only connection to the plain journal at ``path``, opened as
    ``open_read_only`` opens it (``immutable`` without a WAL, so it leaves the folder as it
    is) but not checked: ``check`` reads with it beside the checked one, on the other core.
    It never writes."""
    conn = _connect(path, None, read_only=True, immutable=_without_wal(path))
    with _closed_on_failure(conn, path):
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA query_only = ON")
    return conn


def _without_wal(path: Path) -> bool:
    return not path.with_name(path.name + "-wal").exists()


def open_database(
    path: Path,
    *,
    create: bool = True,
    passphrase: str | None = None,
    backup_now: Any = None,
    read_only: bool = False,
    full_check: bool = True,
    structure_later: bool = False,
) -> Database:
    """Open (and create or upgrade) the journal at ``path``.

    An existing file is first opened read-only and checked, so nothing (no leftover WAL) is
    merged into a file that may be damaged; only a healthy one is opened for writing.
    ``read_only=True`` keeps that read-only connection (for commands that only read: nothing
    is ever written, a journal needing an update is refused calmly). ``full_check`` also
    evaluates every row's CHECK constraints before writing (50 ms for ten years; the app skips
    it at start and has its daily backup checked instead). ``create=False`` raises
    ``JournalNotFound`` for a missing journal instead of leaving an empty file behind.
    ``backup_now(db, reason)`` is called before a migration of an existing journal.
    ``structure_later`` (``read_only``, plain): see ``open_read_only(checked=False)``.
    """
    path = Path(path)
    if read_only:
        from sqlite_utils import Database

        conn = open_read_only(path, passphrase, checked=not structure_later)
        return Database(conn, execute_plugins=False)
    if not path.exists():
        if not create:
            raise not_found(path.parent)
        paths.ensure_private_dir(path.parent)
        paths.ensure_private_file(path)
    else:
        _refuse_wrong_kind(path, passphrase)
    # a plain file is looked at read-only first; an encrypted one is checked below, as every
    # extra opening costs a key derivation (150 ms). The app begins that look in a thread
    # while it imports Qt (early_check); its verdict counts only if it was sound.
    if passphrase is None and path.stat().st_size > 0 and not early_check.found_sound(path):
        _open_checked(path, passphrase).close()
    conn = _connect(path, passphrase)
    with _closed_on_failure(conn, path):
        if full_check or passphrase is not None:
            try:
                problems = quick_check(conn, constraints=full_check)
            except database_errors() as error:
                raise _not_checked(path, passphrase) or unreadable(path, error) from None
            if problems:
                raise damaged(path, problems[0])
        db = JournalDatabase(conn)  # no third-party code in the journal (no plugins)
        version = check_compatible(db)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        if 0 < version < CURRENT_VERSION and backup_now is not None:
            backup_now(db, "before-migration")
        migrate(db)
        day_figures.keep_following(db)
    tighten_side_files(path)
    return db


def _connect(path: Path, passphrase: str | None, **options: bool) -> Any:
    """``connect_file``, a refusal of SQLite said calmly (nothing was opened)."""
    try:
        return connect_file(path, passphrase, **options)
    except database_errors() as error:
        raise JournalError(
            translate("errors", "Could not open {path}: {error}").format(path=path, error=error)
        ) from None


def _not_checked(path: Path, passphrase: str | None) -> JournalError | None:
    """Why the structure of an encrypted journal could not be checked: a wrong key, or
    damage (its backups tell); ``None`` for a plain one (the caller says it)."""
    if passphrase is None:
        return None
    from journal.store.encryption import not_opened

    return not_opened(path, passphrase)


@contextlib.contextmanager
def _closed_on_failure(conn: Any, path: Path) -> Iterator[None]:
    """Close ``conn`` when the block fails; a refusal of SQLite there means the file cannot
    be read as a journal."""
    try:
        yield
    except database_errors() as error:
        conn.close()
        raise unreadable(path, error) from None
    except BaseException:
        conn.close()
        raise


def _open_checked(path: Path, passphrase: str | None) -> Any:
    """A read-only connection to an existing journal whose structure checked out.

    Without a WAL the file is opened ``immutable``: SQLite then creates no side files (a
    command that only reads leaves the folder exactly as it was, and works in a read-only
    folder), and with no WAL no writer is connected. With a WAL (the app is open, or a writer
    died) it is read with the WAL, through SQLite's locks.
    """
    conn = _connect(path, passphrase, read_only=True, immutable=_without_wal(path))
    try:
        problems = quick_check(conn, constraints=False)
    except database_errors() as error:
        conn.close()
        raise _not_checked(path, passphrase) or unreadable(path, error) from None
    if problems:
        conn.close()
        raise damaged(path, problems[0])
    return conn


def _read_only_connection(conn: Any, path: Path) -> Any:
    """The checked read-only connection, refusing a journal that needs an update."""
    with _closed_on_failure(conn, path):
        version = check_compatible(conn)
        if version == 0:
            raise JournalNotFound(
                translate(
                    "errors",
                    "The journal in {folder} is empty: nothing has been written to it yet.",
                ).format(folder=path.parent)
            )
        if version < CURRENT_VERSION:
            raise JournalError(
                translate(
                    "errors",
                    "This journal needs a small update (schema {version} to {known}) "
                    "before it can be read here; it has not been changed. Open it once in the "
                    "app or with a writing command.",
                ).format(version=version, known=CURRENT_VERSION)
            )
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA query_only = ON")
    return conn


def tighten_side_files(path: Path) -> None:
    """WAL and shared-memory files are made by SQLite with the umask; keep them private too."""
    if os.name != "posix":
        return
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.chmod(side, paths.FILE_MODE)


def checkpoint(db: Database) -> None:
    """Fold the WAL into the journal file and empty it (before the file is replaced)."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def open_memory() -> Database:
    """A fresh in-memory journal at the current schema, for tests and scratch work."""
    from sqlite_utils import Database

    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    db = Database(conn, execute_plugins=False)
    migrate(db)
    return db


def backup_connector(passphrase: str | None) -> Any:
    """How to open a backup file so it matches the journal (encrypted with the same key)."""
    return lambda target: connect_file(target, passphrase)
