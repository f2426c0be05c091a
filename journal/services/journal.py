"""Opening and closing a journal, its settings, and the ``Journal`` every front end uses.

``Journal`` is composed of the areas of use cases (``services/<area>.py``), each a subclass of
``JournalBase`` (the connection, folder, clock, change counter, kept results and backup). A new
use case is a method in the module of its area.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from journal import paths
from journal.domain.errors import (
    BackupFailed,
    JournalDamaged,
    could_not_open,
    damaged,
    empty_with_backups,
    not_found,
)
from journal.domain.settings import Settings
from journal.services.base import Clock, local_now
from journal.services.checkins import CheckinUseCases
from journal.services.days import DaysUseCases
from journal.services.privacy import PrivacyUseCases
from journal.services.sharing import SharingUseCases
from journal.services.treatment import TreatmentUseCases
from journal.store import backup as backup_store
from journal.store import early_check
from journal.store import restore as restore_store
from journal.store import settings as settings_store
from journal.store.backup import made_today, make_backup
from journal.store.connection import open_database, open_memory, open_read_only, quick_check
from journal.store.lock import JournalLock

if TYPE_CHECKING:
    from sqlite_utils import Database

    from journal.store import integrity


class Journal(TreatmentUseCases, SharingUseCases, PrivacyUseCases, CheckinUseCases, DaysUseCases):
    """An open journal: its database, its folder (``None`` in memory) and the clock it uses.

    Opened with ``lock=True`` (the default) it holds the folder's lock until ``close``, so a
    second window or writing command on the same journal is refused.
    """

    #: The journal file whose structure check runs beside the reads (``check_beside``).
    _checking_beside: Path | None = None

    # --- opening -----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        create: bool = True,
        clock: Clock = local_now,
        passphrase: str | None = None,
        lock: bool = True,
        read_only: bool = False,
        full_check: bool = True,
        daily_backup: bool = True,
        check_beside: bool = False,
    ) -> Journal:
        """Open the journal in ``data_dir`` (created 0700 with its file 0600 if ``create``).

        ``read_only=True`` is for commands that only read: no lock (they run beside the app),
        nothing written, nothing created, a read-only folder is fine. ``lock=False`` opens for
        writing without the lock (tests). A writer first clears what an interrupted backup or
        restore left, then makes the day's first backup. ``full_check`` evaluates every row's
        CHECK constraints at open; the app passes ``False`` for a faster start and relies on
        the check of its daily backup (see ``journal.store.backup``). ``daily_backup=False``
        leaves the day's first backup to the caller (``make_daily_backup``): the app makes it
        in a thread once its window has painted. ``check_beside`` (``read_only``, a plain
        journal): the structure check runs in a thread beside the reads, and the caller says
        nothing it read before ``confirm_sound`` (50 years: ~35 ms on the other core).
        """
        path = paths.database_path(data_dir)
        beside = check_beside and read_only and passphrase is None
        if beside:
            early_check.begin(path)
        if (read_only or not create) and not path.exists():
            raise not_found(data_dir)
        held = None
        try:
            if lock and not read_only:
                paths.ensure_private_dir(data_dir)
                held = JournalLock(data_dir).acquire()
                from journal.store.rekey import recover

                recover(data_dir)  # a passphrase change interrupted: finished or undone
                backup_store.remove_leftovers(data_dir)
                restore_store.finish_interrupted(data_dir, now=clock(), passphrase=passphrase)
            if (
                path.exists()
                and path.stat().st_size == 0
                and backup_store.has_backup_files(data_dir)
            ):
                raise empty_with_backups(path)

            def backup_now(db: Database, reason: str) -> None:
                make_backup(db, data_dir, reason, now=clock(), passphrase=passphrase)

            db = open_database(
                path,
                create=create and not read_only,
                passphrase=passphrase,
                backup_now=backup_now,
                read_only=read_only,
                full_check=full_check,
                structure_later=beside,
            )
        except OSError as error:
            if beside:
                early_check.found_sound(path)  # no thread left checking
            if held:
                held.release()
            raise could_not_open(data_dir, error) from None
        except BaseException:
            if beside:
                early_check.found_sound(path)
            if held:
                held.release()
            raise
        journal = cls(db, data_dir, clock=clock, passphrase=passphrase, lock=held)
        journal.read_only = read_only
        journal._checking_beside = path if beside else None
        if held and daily_backup:
            try:
                journal.make_daily_backup()
            except BackupFailed:
                pass  # opening matters more (a full disk): the next open tries again
            except BaseException:
                journal.close()  # e.g. rows breaking the journal's rules: JournalDamaged
                raise
        return journal

    def make_daily_backup(self) -> Path | None:
        """The day's first backup when none was made today (``None`` when none was due).

        Copied and counted inside one read transaction: on a connection of its own (the app's
        backup thread) a save made meanwhile neither waits for it (WAL) nor makes the copy's
        row counts differ from those it is checked against.
        """
        if (
            self.data_dir is None
            or self.is_empty()
            or made_today(self.data_dir, self.today(), self.passphrase)
        ):
            return None
        with backup_store.one_snapshot(self.db.conn):
            return self.backup("daily")

    @classmethod
    def in_memory(cls, *, clock: Clock = local_now) -> Journal:
        return cls(open_memory(), None, clock=clock)

    def confirm_sound(self) -> None:
        """Raise ``JournalDamaged`` (or what an open says of an unreadable file) if the
        structure check begun beside the reads (``check_beside``) found the file damaged, as
        the open would have; nothing when it was checked at open. Once is enough."""
        path, self._checking_beside = self._checking_beside, None
        if path is not None and not early_check.found_sound(path):
            open_read_only(path).close()  # checked here, and said calmly

    def close(self) -> None:
        self._closed = True
        if self._checking_beside is not None:
            early_check.found_sound(self._checking_beside)  # no thread left checking
            self._checking_beside = None
        self.db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def check(self) -> integrity.CheckReport:
        from journal.store import integrity  # only a check needs it, never a start

        return integrity.check(self.db)

    def rows_damage(self) -> JournalDamaged | None:
        """The journal's damage when its rows break its rules (the quick open does not
        evaluate them all: the daily backup's check does, after the first paint); ``None``
        when they keep them, in memory, or when the check itself fails."""
        try:
            problems = quick_check(self.db.conn)
        except Exception:  # the check itself failed: the caller's own error says enough
            return None
        if not problems or self.data_dir is None:
            return None
        return damaged(paths.database_path(self.data_dir), problems[0])

    # --- settings ----------------------------------------------------------------------------

    def update_settings(self, **changes: object) -> Settings:
        """Change some settings (validated by ``Settings``) and store them."""
        new = dataclasses.replace(self.settings(), **changes)  # type: ignore[arg-type]
        with self.db.atomic():
            settings_store.save_settings(self.db, new)
        return new


def check_early(data_dir: Path) -> None:
    """Begin the structure check of the journal in ``data_dir`` in a thread, for an open that
    follows in this process (the app calls it before importing Qt: the check then runs on the
    other core). Only a sound, unchanged result is used; see ``journal.store.early_check``."""
    early_check.begin(paths.database_path(data_dir))
