"""Copies of the journal made with SQLite's online backup API, in the data folder's ``backups/``.

A backup is a complete, consistent journal file (0600, like the journal; encrypted with the
same key when the journal is encrypted) taken while the journal is open. Backups are made
before every migration, import, restore and passphrase change, and once a day on open.

A backup is trusted only once it has been checked. It is written under a temporary name
(``….sqlite3.partial``), fsynced, opened again and checked (``quick_check`` with the CHECK
constraints, the source's schema version, the same number of rows in every table), and only
then renamed to its final name, with the folder fsynced. An interruption at any step leaves at
most a temporary file, removed at the next open. A file under a backup name that does not check
out (damaged later, or put there by hand) is never listed, counted as the day's backup, kept by
rotation or restored; it is left where it is.

Rotation keeps every backup of the last 24 hours, the newest of each of the last 7 days that
have one, and the newest of each of the last 8 weeks that have one.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal import paths
from journal.domain.errors import BackupFailed, JournalDamaged, JournalError, damaged
from journal.i18n import translate
from journal.store import faults
from journal.store.connection import connect_file, database_errors, quick_check
from journal.store.migrations import CURRENT_VERSION

if TYPE_CHECKING:
    from sqlite_utils import Database

BACKUP_DIR = "backups"
KEEP_DAILY = 7
KEEP_WEEKLY = 8
#: Added to a backup's name while it is written and checked.
PARTIAL = ".partial"
_NAME = re.compile(r"^journal-(\d{8}-\d{6})-([a-z-]+?)(?:-\d+)?\.sqlite3$")
_SIDE_FILES = ("-journal", "-wal", "-shm")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """A checked backup and what restoring it would bring back."""

    path: Path
    time: dt.datetime
    reason: str
    days: int
    last_entry: dt.date | None
    size: int

    @property
    def name(self) -> str:
        return self.path.name


def backup_folder(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def backup_time(path: Path) -> dt.datetime | None:
    """When a backup was made, from its name."""
    match = _NAME.match(path.name)
    return dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S") if match else None


def backup_reason(path: Path) -> str:
    match = _NAME.match(path.name)
    return match.group(2) if match else ""


# --- durability helpers ----------------------------------------------------------------------


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(path: Path) -> None:
    """Make a rename in ``path`` durable (a no-op where folders cannot be opened)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_with_side_files(path: Path) -> None:
    for candidate in (path, *(path.with_name(path.name + s) for s in _SIDE_FILES)):
        candidate.unlink(missing_ok=True)


def table_counts(conn: Any) -> dict[str, int]:
    """Rows in every table of a connection (whatever its schema version)."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {name: conn.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0] for name in names}


def failure(error: BaseException) -> BackupFailed:
    """The calm message for an OS or SQLite error while writing a backup."""
    full = (isinstance(error, OSError) and error.errno == errno.ENOSPC) or "full" in str(
        error
    ).casefold()
    if full:
        return BackupFailed(
            translate(
                "errors",
                "The backup could not be made: the disk is full. Your journal has not "
                "been changed; free some space and try again.",
            )
        )
    detail = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return BackupFailed(
        translate(
            "errors", "The backup could not be made ({error}). Your journal has not been changed."
        ).format(error=detail)
    )


# --- checking --------------------------------------------------------------------------------

#: Backups already checked in this process: (path, size, mtime, key) -> info or problem.
_checked: dict[tuple[str, int, int, str], BackupInfo | str] = {}


def _key(path: Path, passphrase: str | None) -> tuple[str, int, int, str]:
    stat = path.stat()
    digest = hashlib.sha256(passphrase.encode()).hexdigest() if passphrase is not None else ""
    return (str(path.resolve()), stat.st_size, stat.st_mtime_ns, digest)


def _summary(conn: Any, path: Path) -> BackupInfo:
    days, last = conn.execute("SELECT count(*), max(date) FROM days").fetchone()
    return BackupInfo(
        path,
        backup_time(path) or dt.datetime.min,
        backup_reason(path),
        days,
        dt.date.fromisoformat(last) if last else None,
        path.stat().st_size,
    )


def inspect(path: Path, passphrase: str | None = None) -> BackupInfo | str:
    """A backup's summary if it checks out, else the problem found (read-only, cached).

    Opened read-only, so checking never changes a backup. The structure, the schema version
    and the tables are checked; the CHECK constraints were checked when it was made.
    """
    try:
        key = _key(path, passphrase)
    except OSError as error:
        return error.strerror or str(error)
    if key in _checked:
        return _checked[key]
    result: BackupInfo | str
    if key[1] == 0:
        result = translate("errors", "it is empty")
    else:
        try:
            conn = connect_file(path, passphrase, read_only=True)
        except (JournalError, OSError, *database_errors()) as error:
            return str(error)
        try:
            problems = quick_check(conn, constraints=False)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if problems:
                result = problems[0]
            elif not 0 < version <= CURRENT_VERSION:
                result = translate("errors", "it is not a journal this app can read")
            else:
                result = _summary(conn, path)
        except database_errors():
            result = translate("errors", "it cannot be read (damaged, or another passphrase)")
        finally:
            conn.close()
    _checked[key] = result
    return result


def _candidates(data_dir: Path) -> list[Path]:
    folder = backup_folder(data_dir)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob("journal-*.sqlite3") if backup_time(p) is not None]
    return sorted(found, key=lambda p: (backup_time(p), p.name), reverse=True)


def backup_files(data_dir: Path) -> list[Path]:
    """Every file under a backup name, newest first, checked or not: what re-keying and
    telling damage from a wrong passphrase must see (they check each file themselves)."""
    return _candidates(data_dir)


def has_backup_files(data_dir: Path) -> bool:
    """Whether anything non-empty sits under a backup name (checked or not)."""
    return any(p.stat().st_size > 0 for p in _candidates(data_dir))


def describe_backups(data_dir: Path, passphrase: str | None = None) -> list[BackupInfo]:
    """The backups that check out, newest first, with what each holds."""
    return [
        info
        for p in _candidates(data_dir)
        if isinstance(info := inspect(p, passphrase), BackupInfo)
    ]


def list_backups(data_dir: Path, passphrase: str | None = None) -> list[Path]:
    """Backups that check out, newest first."""
    return [info.path for info in describe_backups(data_dir, passphrase)]


def unverified_backups(data_dir: Path, passphrase: str | None = None) -> list[Path]:
    """Files under a backup name that do not check out: never offered, left in place."""
    return [p for p in _candidates(data_dir) if not isinstance(inspect(p, passphrase), BackupInfo)]


def find_backup(data_dir: Path, name: str, passphrase: str | None = None) -> Path | None:
    """The backup called ``name`` (with or without ``.sqlite3``), if it checks out."""
    for path in _candidates(data_dir):
        if path.name == name or path.stem == name:
            return path if isinstance(inspect(path, passphrase), BackupInfo) else None
    return None


# --- making ----------------------------------------------------------------------------------


def _free_name(folder: Path, reason: str, now: dt.datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = folder / f"journal-{stamp}-{reason}.sqlite3"
    counter = 1
    while target.exists() or target.with_name(target.name + PARTIAL).exists():
        counter += 1
        target = folder / f"journal-{stamp}-{reason}-{counter}.sqlite3"
    return target


def _check_copy(
    path: Path, passphrase: str | None, expected: dict[str, int], version: int, journal_path: Path
) -> BackupInfo:
    """The new copy, opened again: every check of a trusted backup, the CHECKs included."""
    conn = connect_file(path, passphrase)
    try:
        problems = quick_check(conn)
        if problems and all(p.startswith("CHECK constraint failed") for p in problems):
            # the rows were copied as they are: the journal itself breaks its rules
            raise damaged(journal_path, problems[0])
        if problems:
            raise BackupFailed(
                translate(
                    "errors",
                    "The backup could not be made: the copy did not check out "
                    "({problem}). Your journal has not been changed.",
                ).format(problem=problems[0])
            )
        if (
            conn.execute("PRAGMA user_version").fetchone()[0] != version
            or table_counts(conn) != expected
        ):
            raise BackupFailed(
                translate(
                    "errors",
                    "The backup could not be made: the copy is not complete. Your "
                    "journal has not been changed.",
                )
            )
        summary = _summary(conn, path)
    finally:
        conn.close()
    return summary


@contextmanager
def one_snapshot(conn: Any) -> Iterator[None]:
    """One read transaction around what is inside: a backup copied and counted in it sees one
    state of the journal, while saves on other connections go on (WAL)."""
    conn.execute("BEGIN")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        yield
    finally:
        conn.execute("COMMIT")


def make_backup(
    db: Database, data_dir: Path, reason: str, *, now: dt.datetime, passphrase: str | None = None
) -> Path:
    """Copy the open journal to ``backups/journal-<time>-<reason>.sqlite3``; return its path.

    Written to a temporary name, fsynced, checked, then renamed into place (see the module
    docstring). ``passphrase`` encrypts the copy like the journal. Raises ``BackupFailed``
    (nothing left behind) when the disk is full or the copy does not check out, and
    ``JournalDamaged`` when the journal's own rows break its rules.
    """
    try:
        folder = paths.ensure_private_dir(backup_folder(data_dir))
        target = _free_name(folder, reason, now)
    except OSError as error:
        raise failure(error) from None
    temporary = target.with_name(target.name + PARTIAL)
    try:
        faults.point("backup:create")
        paths.ensure_private_file(temporary)
        destination = connect_file(temporary, passphrase)
        try:
            faults.point("backup:write")
            db.conn.backup(destination)
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
        version = db.execute("PRAGMA user_version").fetchone()[0]
        expected = table_counts(db.conn)
        faults.point("backup:fsync")
        fsync_file(temporary)
        faults.point("backup:check")
        info = _check_copy(temporary, passphrase, expected, version, paths.database_path(data_dir))
        faults.point("backup:rename")
        os.replace(temporary, target)
        faults.point("backup:fsync-folder")
        fsync_folder(folder)
    except (BackupFailed, JournalDamaged):
        remove_with_side_files(temporary)
        raise
    except (OSError, *database_errors()) as error:
        remove_with_side_files(temporary)
        raise failure(error) from None
    except BaseException:
        remove_with_side_files(temporary)
        raise
    _checked[_key(target, passphrase)] = BackupInfo(
        target,
        backup_time(target) or now,
        backup_reason(target),
        info.days,
        info.last_entry,
        target.stat().st_size,
    )
    return target


def remove_leftovers(data_dir: Path) -> list[Path]:
    """Delete what an interrupted backup left (temporary names and their side files)."""
    folder = backup_folder(data_dir)
    if not folder.is_dir():
        return []
    removed = [
        p
        for p in folder.iterdir()
        if p.name.endswith(PARTIAL)
        or any(p.name.endswith(PARTIAL + s) for s in _SIDE_FILES)
        or (_NAME.match(p.name.removesuffix("-journal")) and p.name.endswith("-journal"))
    ]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


# --- rotation --------------------------------------------------------------------------------


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


def rotate(data_dir: Path, now: dt.datetime, passphrase: str | None = None) -> list[Path]:
    """Delete the checked backups the rotation does not keep; returns what was deleted.

    Only backups that check out take part: a file that does not is neither kept in place of
    a good one nor deleted.
    """
    backups = list_backups(data_dir, passphrase)
    keep = to_keep(backups, now)
    removed = [p for p in backups if p not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def made_today(data_dir: Path, today: dt.date, passphrase: str | None = None) -> bool:
    """Whether a backup that checks out was made on ``today`` (checking the newest first)."""
    for path in _candidates(data_dir):
        moment = backup_time(path)
        if moment is None or moment.date() < today:
            return False
        if moment.date() == today and isinstance(inspect(path, passphrase), BackupInfo):
            return True
    return False
