"""Putting a backup back, file by file, so that no moment is without a whole journal.

A restore first copies the chosen backup into the data folder under a temporary name
(``journal.sqlite3.restoring``), fsyncs it and checks the copy completely (the same bytes
as the backup, read back; structure, every row's CHECK constraints, schema version). For an
open journal the checked copy is then written into it in one SQLite transaction. For a
damaged journal, which is never written to, the copy is renamed ``journal.sqlite3.restored``
(ready) and swapped in: the damaged file is first kept aside under a second name (a hard
link, so it never stops existing), its WAL moved beside it, then the copy is renamed over it
atomically and the folder fsynced. An interruption is rolled back (a ``.restoring`` copy is
deleted) or completed (a ``.restored`` copy is swapped in) at the next open.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

from journal import paths
from journal.domain.errors import JournalError
from journal.i18n import translate
from journal.store import faults
from journal.store.backup import (
    BackupInfo,
    fsync_file,
    fsync_folder,
    inspect,
    remove_with_side_files,
)
from journal.store.connection import connect_file, database_errors, quick_check
from journal.store.migrations import CURRENT_VERSION

RESTORING = ".restoring"
RESTORED = ".restored"
DAMAGED = ".damaged-"


def restoring_path(data_dir: Path) -> Path:
    journal = paths.database_path(data_dir)
    return journal.with_name(journal.name + RESTORING)


def restored_path(data_dir: Path) -> Path:
    journal = paths.database_path(data_dir)
    return journal.with_name(journal.name + RESTORED)


def copy_checked(source: Path, target: Path, passphrase: str | None) -> BackupInfo:
    """Copy the backup ``source`` to ``target`` (0600), fsync it and check the copy fully.

    Raises ``JournalError`` (and leaves no copy behind) when the backup or its copy does not
    check out, or the disk is full.
    """
    info = inspect(source, passphrase)
    if not isinstance(info, BackupInfo):
        raise JournalError(
            translate(
                "errors", "The backup {name} cannot be used ({problem}); nothing has been changed."
            ).format(name=source.name, problem=info)
        )
    try:
        remove_with_side_files(target)
        faults.point("restore:create")
        paths.ensure_private_file(target)
        copied = hashlib.sha256()
        with source.open("rb") as src, target.open("r+b") as dst:
            faults.point("restore:write")
            while chunk := src.read(1 << 20):
                copied.update(chunk)
                dst.write(chunk)
            dst.flush()
            faults.point("restore:fsync")
            os.fsync(dst.fileno())
        faults.point("restore:check")
        problem = _check(target, passphrase, copied.hexdigest())
    except (OSError, *database_errors()) as error:
        remove_with_side_files(target)
        detail = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise JournalError(
            translate(
                "errors",
                "The backup could not be copied for restoring ({error}); nothing has been changed.",
            ).format(error=detail)
        ) from None
    except BaseException:
        remove_with_side_files(target)
        raise
    if problem:
        remove_with_side_files(target)
        raise JournalError(
            translate(
                "errors", "The backup {name} is damaged ({problem}); nothing has been changed."
            ).format(name=source.name, problem=problem)
        )
    return info


def _check(path: Path, passphrase: str | None, digest: str) -> str:
    """The first problem of a copy, or "" when it is whole: the same bytes as the backup
    (read back from the disk), healthy, every row within its CHECK constraints."""
    read_back = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            read_back.update(chunk)
    if read_back.hexdigest() != digest:
        return translate("errors", "the copy is not complete")
    conn = connect_file(path, passphrase)
    try:
        problems = quick_check(conn)
        if problems:
            return problems[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if not 0 < version <= CURRENT_VERSION:
            return translate("errors", "it is not a journal this app can read")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    return ""


def _kept_aside(journal: Path) -> Path | None:
    """The name the journal was already kept under by an interrupted swap, if any."""
    for candidate in journal.parent.glob(journal.name + DAMAGED + "*"):
        if candidate.name.endswith(("-wal", "-shm")):
            continue
        try:
            if os.path.samefile(candidate, journal):
                return candidate
        except OSError:
            continue
    return None


def _aside_name(journal: Path, now: dt.datetime) -> Path:
    aside = journal.with_name(f"{journal.name}{DAMAGED}{now:%Y%m%d-%H%M%S}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = journal.with_name(f"{journal.name}{DAMAGED}{now:%Y%m%d-%H%M%S}-{counter}")
    return aside


def swap_in(data_dir: Path, ready: Path, now: dt.datetime) -> Path | None:
    """Put the checked copy ``ready`` in place of the journal; returns where the old one is.

    Safe to run again after an interruption at any step (see the module docstring).
    """
    journal = paths.database_path(data_dir)
    aside: Path | None = None
    if journal.exists():
        aside = _kept_aside(journal)
        if aside is None:
            aside = _aside_name(journal, now)
            faults.point("restore:keep-aside")
            try:
                os.link(journal, aside)
            except OSError:  # no hard links here: a full copy, made durable first
                shutil.copy2(journal, aside)
                fsync_file(aside)
            fsync_folder(data_dir)
    for suffix in ("-wal", "-shm"):
        side = journal.with_name(journal.name + suffix)
        if side.exists():
            faults.point("restore:move-side-file")
            if aside is not None:
                os.replace(side, aside.with_name(aside.name + suffix))
            else:
                side.unlink()
    fsync_folder(data_dir)
    faults.point("restore:rename")
    os.replace(ready, journal)
    faults.point("restore:fsync-folder")
    fsync_folder(data_dir)
    return aside


def restore_file(
    data_dir: Path, source: Path, *, now: dt.datetime, passphrase: str | None
) -> Path | None:
    """Replace a journal that is not open (damaged, or missing) by the backup ``source``."""
    copy = restoring_path(data_dir)
    copy_checked(source, copy, passphrase)
    ready = restored_path(data_dir)
    faults.point("restore:ready")
    os.replace(copy, ready)
    fsync_folder(data_dir)
    return swap_in(data_dir, ready, now)


def finish_interrupted(data_dir: Path, *, now: dt.datetime, passphrase: str | None) -> None:
    """At open (holding the lock): roll back a copy half made, complete a swap half done."""
    remove_with_side_files(restoring_path(data_dir))
    ready = restored_path(data_dir)
    if not ready.exists():
        return
    conn = None
    try:
        conn = connect_file(ready, passphrase, read_only=True)
        healthy = not quick_check(conn, constraints=False)
    except (JournalError, OSError, *database_errors()):
        healthy = False
    finally:
        if conn is not None:
            conn.close()
    if healthy:
        swap_in(data_dir, ready, now)
    # a copy that cannot be read with this passphrase is left alone: it was checked before
    # it got its name, so it is the wrong passphrase, not a bad copy
