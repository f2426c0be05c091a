"""Changing protection all or nothing: the journal and every backup get the new key, or none do.

1. ``prepare`` writes the journal and each backup again under a temporary name
   (``<name>.rekey``), each checked with the new key and fsynced. A backup that cannot be read
   is not rewritten; it is moved to ``backups/unreadable/`` (never deleted).
2. ``commit`` records what is about to be renamed in ``journal.rekey-intent.json`` (file names
   only, no secret; written to a temporary name, fsynced, renamed), renames everything into
   place, fsyncs the folders and removes the record.
3. ``recover``, when the journal is next opened: with a record, every new file was complete and
   checked, so the renames are finished; without one, the temporary files are removed and the
   old files, untouched, stay. Either way no file is left with the old protection beside the
   new one, and no temporary copy stays behind.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from journal import paths
from journal.store.backup import backup_files, backup_folder
from journal.store.connection import (
    connect_file,
    database_errors,
    looks_plain,
    quick_check,
)
from journal.store.encryption import fsync_dir, opens_with, rewrite

INTENT = "journal.rekey-intent.json"
SUFFIX = ".rekey"
UNREADABLE = "unreadable"
#: Left by versions before the all-or-nothing change; removed when seen.
_OLD_LEFTOVERS = ("journal.rewrite.sqlite3",)

#: Called with the name of each step just before it is taken. Tests raise in it to try an
#: interruption at every write, fsync and rename; ``None`` in normal use.
crash_hook: Callable[[str], None] | None = None


def _step(name: str) -> None:
    if crash_hook is not None:
        crash_hook(name)


@dataclass
class Plan:
    """The renames that make the change: (from, to), relative to the data folder."""

    renames: list[tuple[str, str]] = field(default_factory=list)
    #: Backups that could not be rewritten, with the place they will be kept at.
    kept_aside: list[Path] = field(default_factory=list)


def _temporary(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def _relative(data_dir: Path, path: Path) -> str:
    return path.relative_to(data_dir).as_posix()


def _already_done(path: Path, new: str | None) -> bool:
    if new is None:
        return looks_plain(path)
    return not looks_plain(path) and opens_with(path, new)


def _readable(path: Path, key: str | None) -> bool:
    """Whether ``path`` opens with ``key`` and passes the structure check."""
    if key is None and not looks_plain(path):
        return False
    try:
        conn = connect_file(path, key)
    except database_errors():
        return False
    try:
        if not conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            return False  # empty: what an interrupted backup leaves
        return not quick_check(conn)
    except database_errors():  # a wrong key or a damaged page
        return False
    finally:
        conn.close()


def prepare(data_dir: Path, old: str | None, new: str | None) -> Plan:
    """Write every new file under its temporary name; nothing in place is touched.

    On any failure the temporary files are removed and the error is raised: nothing changed.
    """
    discard_temporaries(data_dir)
    journal = paths.database_path(data_dir)
    plan = Plan()
    written: list[Path] = []
    try:
        target = _temporary(journal)
        _step("rewrite journal")
        written.append(target)
        rewrite(journal, old, target, new)
        plan.renames.append((_relative(data_dir, target), _relative(data_dir, journal)))
        for backup in backup_files(data_dir):  # checked or not: none may keep the old key
            if _already_done(backup, new):  # e.g. a plain backup when removing
                continue
            key = None if looks_plain(backup) else old
            if not _readable(backup, key):  # kept aside, never deleted
                aside = backup.parent / UNREADABLE / backup.name
                plan.renames.append((_relative(data_dir, backup), _relative(data_dir, aside)))
                plan.kept_aside.append(aside)
                continue
            target = _temporary(backup)
            _step(f"rewrite {backup.name}")
            written.append(target)
            rewrite(backup, key, target, new)  # a failure now (a full disk) stops everything
            plan.renames.append((_relative(data_dir, target), _relative(data_dir, backup)))
    except Exception:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return plan


def commit(data_dir: Path, plan: Plan) -> None:
    """Record the plan, then rename everything into place (the journal must be closed)."""
    record = data_dir / INTENT
    part = record.with_name(record.name + ".part")
    paths.ensure_private_file(part)
    _step("write intent")
    with part.open("w", encoding="utf-8") as handle:
        json.dump({"version": 1, "renames": plan.renames}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    _step("rename intent")
    os.replace(part, record)
    _step("fsync intent folder")
    fsync_dir(data_dir)
    _finish(data_dir, plan.renames)


def _finish(data_dir: Path, renames: list[tuple[str, str]]) -> None:
    journal = paths.database_path(data_dir)
    folders = {data_dir}
    for source_name, target_name in renames:
        source, target = data_dir / source_name, data_dir / target_name
        folders.update((source.parent, target.parent))
        if not source.exists():  # renamed before an interruption
            continue
        paths.ensure_private_dir(target.parent)
        if target == journal:  # a WAL of the old file must never be replayed into the new one
            for suffix in ("-wal", "-shm"):
                journal.with_name(journal.name + suffix).unlink(missing_ok=True)
        _step(f"rename {target_name}")
        os.replace(source, target)
    _step("fsync folders")
    for folder in sorted(folders):
        if folder.is_dir():
            fsync_dir(folder)
    _step("remove intent")
    (data_dir / INTENT).unlink(missing_ok=True)
    fsync_dir(data_dir)


def discard_temporaries(data_dir: Path) -> None:
    """Remove the temporary files of a change that never reached its record."""
    candidates = [data_dir / (INTENT + ".part"), _temporary(paths.database_path(data_dir))]
    candidates += [data_dir / name for name in _OLD_LEFTOVERS]
    folder = backup_folder(data_dir)
    if folder.is_dir():
        candidates += [*folder.glob(f"*{SUFFIX}"), *folder.glob("*.rewrite")]
    for path in candidates:
        path.unlink(missing_ok=True)


def recover(data_dir: Path) -> None:
    """Finish an interrupted change that was recorded, or roll back one that was not.

    Called when the journal is opened for writing, before the journal file is read.
    """
    record = data_dir / INTENT
    if not record.exists():
        discard_temporaries(data_dir)
        return
    try:
        renames = [(str(a), str(b)) for a, b in json.loads(record.read_text("utf-8"))["renames"]]
    except (OSError, ValueError, KeyError, TypeError):
        # the record is written whole and renamed into place, so this is damage of the disk:
        # every temporary file was complete before the record was written
        renames = [
            (_relative(data_dir, p), _relative(data_dir, p.with_name(p.name[: -len(SUFFIX)])))
            for p in [
                _temporary(paths.database_path(data_dir)),
                *backup_folder(data_dir).glob(f"*{SUFFIX}"),
            ]
            if p.exists()
        ]
    _finish(data_dir, renames)
    discard_temporaries(data_dir)
