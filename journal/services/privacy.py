"""Privacy and durability use cases: passphrase, backups and restore.

An area of ``services.Journal`` (a ``JournalBase``, which makes the backups). Every operation
that replaces data makes a backup first; turning encryption on or off rewrites the journal and
every backup into new files, checks them, and only then swaps them all in
(``journal.store.rekey``), so no plaintext copy is left behind and an interruption is finished
or undone the next time the journal is opened.
"""

from __future__ import annotations

import datetime as dt
import hmac
from pathlib import Path

from journal import paths
from journal.domain.errors import FewerDays, JournalError, ValidationError
from journal.domain.passphrase import (
    MIN_PASSPHRASE,
    ProtectionChanged,
    check_passphrase,
    usable,
)
from journal.domain.system_errors import calm_error
from journal.i18n import translate
from journal.services.base import JournalBase
from journal.store import backup as backup_store
from journal.store import faults, rekey
from journal.store import restore as restore_store
from journal.store.connection import (
    checkpoint,
    connect_file,
    database_errors,
    encryption_available,
    looks_plain,
    open_database,
)
from journal.store.encryption import opens_with
from journal.store.lock import JournalLock
from journal.store.migrations import migrate

__all__ = [
    "MIN_PASSPHRASE",
    "BackupInfo",
    "FewerDays",
    "PrivacyUseCases",
    "ProtectionChanged",
    "backup_made",
    "backups",
    "check_passphrase",
    "encryption_available",
    "journal_is_plain",
    "journal_opens_with",
    "restore_damaged",
    "unverified_backups",
]

#: A checked backup: its ``path`` and ``name``, the ``time`` it was made, the ``reason``, the
#: ``days`` it holds, its ``last_entry`` and ``size``.
BackupInfo = backup_store.BackupInfo


def backups(data_dir: Path, passphrase: str | None = None) -> list[BackupInfo]:
    """The backups in ``data_dir`` that check out, newest first, each with its name, when and
    why it was made and what restoring it brings back (days held, last entry).

    Needs no open journal: also what a journal that cannot be opened offers (the app at a
    damaged start, ``restore --list``).
    """
    return backup_store.describe_backups(data_dir, passphrase)


def unverified_backups(data_dir: Path, passphrase: str | None = None) -> list[Path]:
    """Files under a backup name in ``data_dir`` that do not check out: never offered."""
    return backup_store.unverified_backups(data_dir, passphrase)


def backup_made(path: Path) -> tuple[dt.datetime | None, str]:
    """When and why the backup at ``path`` was made, read from its name (``None`` and ``""``
    for a name that is not a backup's)."""
    return backup_store.backup_time(path), backup_store.backup_reason(path)


class PrivacyUseCases(JournalBase):
    """Passphrase, backups and restore; mixed into ``Journal``."""

    @property
    def encrypted(self) -> bool:
        return self.passphrase is not None

    def passphrase_matches(self, passphrase: str) -> bool:
        """Whether ``passphrase`` is this journal's (to unlock a locked window)."""
        if self.passphrase is None:
            return False
        try:
            given = usable(passphrase).encode("utf-8")
        except ValidationError:
            return False
        return hmac.compare_digest(given, usable(self.passphrase).encode("utf-8"))

    def backups(self) -> list[Path]:
        """The backups that check out, newest first."""
        return [info.path for info in self.backup_details()]

    def backup_details(self) -> list[BackupInfo]:
        """The backups that check out, with the days each holds and its last entry."""
        return backups(self.data_dir, self.passphrase) if self.data_dir else []

    def unverified_backups(self) -> list[Path]:
        """Files under a backup name that do not check out (never offered, left in place)."""
        return unverified_backups(self.data_dir, self.passphrase) if self.data_dir else []

    def days_held(self) -> int:
        return self.days_logged()

    def restore_preview(self, name: str) -> tuple[BackupInfo, int]:
        """The backup ``name`` and the days the journal holds now, before restoring it."""
        source = backup_store.find_backup(self._folder(), name, self.passphrase)
        if source is None:
            raise _no_such_backup(self._folder(), name, self.passphrase)
        info = backup_store.inspect(source, self.passphrase)
        assert isinstance(info, BackupInfo)  # find_backup only finds those
        return info, self.days_held()

    def restore(self, name: str, *, allow_fewer_days: bool = False) -> Path:
        """Replace the journal's contents with a backup, after backing up the current state.

        The backup is copied and checked completely first; a damaged one is refused and
        nothing changes. A backup holding fewer days than the journal is refused unless
        ``allow_fewer_days`` (the person confirmed). The copy goes in as one transaction, so
        an interruption leaves the journal as it was or fully restored.
        """
        folder = self._folder()
        info, current = self.restore_preview(name)
        if info.days < current and not allow_fewer_days:
            raise FewerDays(info.days, current)
        copy = restore_store.restoring_path(folder)
        restore_store.copy_checked(info.path, copy, self.passphrase)
        try:
            safety = self.backup("before-restore")
            source = connect_file(copy, self.passphrase)
            try:
                faults.point("restore:copy-into-journal")
                source.backup(self.db.conn)
            finally:
                source.close()
            migrate(self.db)  # a backup from before an update of the app
        except database_errors() as error:
            raise JournalError(
                translate(
                    "errors",
                    "The backup could not be restored ({error}); the journal has not been changed.",
                ).format(error=error)
            ) from None
        finally:
            backup_store.remove_with_side_files(copy)
        return safety or info.path

    # --- passphrase ------------------------------------------------------------------------

    def _change_protection(self, new: str | None, reason: str, action: str) -> ProtectionChanged:
        """Give the journal and every backup the new protection, all or nothing."""
        folder = self._folder()
        old = self.passphrase
        journal_path = paths.database_path(folder)
        self.backup(reason)
        try:
            plan = rekey.prepare(folder, old, new)  # nothing in place is touched
        except (OSError, *database_errors()) as error:
            calm = calm_error(error)  # e.g. a full disk, said as everywhere else
            if calm is None:
                raise
            raise JournalError(
                translate(
                    "errors",
                    "The passphrase could not be changed: {reason} Nothing has been changed.",
                ).format(reason=str(calm).rstrip())
            ) from None
        checkpoint(self.db)
        self.db.close()
        try:
            rekey.commit(folder, plan)
        except OSError as error:
            key = new if opens_with(journal_path, new) else old
            self.db = open_database(journal_path, passphrase=key)
            self.passphrase = key
            raise JournalError(
                translate(
                    "errors",
                    "The passphrase change could not be finished ({error}); it will be "
                    "finished the next time the journal is opened.",
                ).format(error=error.strerror or error)
            ) from None
        self.db = open_database(journal_path, passphrase=new)
        self.passphrase = new
        return ProtectionChanged(action, tuple(plan.kept_aside))

    def set_passphrase(self, passphrase: str) -> ProtectionChanged:
        """Encrypt a plain journal (and its backups) with ``passphrase``."""
        if self.encrypted:
            raise JournalError(
                translate("errors", "This journal already has a passphrase; change it instead.")
            )
        return self._change_protection(check_passphrase(passphrase), "before-encryption", "set")

    def change_passphrase(self, passphrase: str) -> ProtectionChanged:
        if not self.encrypted:
            raise JournalError(
                translate("errors", "This journal has no passphrase yet; set one instead.")
            )
        return self._change_protection(
            check_passphrase(passphrase), "before-passphrase-change", "change"
        )

    def remove_passphrase(self) -> ProtectionChanged:
        """Decrypt the journal and its backups."""
        if not self.encrypted:
            raise JournalError(translate("errors", "This journal has no passphrase."))
        return self._change_protection(None, "before-decryption", "remove")


def _no_such_backup(data_dir: Path, name: str, passphrase: str | None) -> JournalError:
    for path in backup_store.unverified_backups(data_dir, passphrase):
        if name in (path.name, path.stem):
            return JournalError(
                translate(
                    "errors",
                    "The backup {name} does not check out (it is damaged, incomplete or "
                    "needs another passphrase), so it is not restored; nothing has been "
                    "changed.",
                ).format(name=path.name)
            )
    return ValidationError(
        "backup", translate("validation", "there is no backup called {name}").format(name=name)
    )


def restore_damaged(
    data_dir: Path, name: str, *, now: dt.datetime, passphrase: str | None = None
) -> Path | None:
    """Put a backup in place of a journal that cannot be opened (or is missing).

    The damaged file is never written to: it is kept, unchanged, as
    ``journal.sqlite3.damaged-…``. The backup is copied into the data folder and checked
    before anything is swapped, and the swap is one atomic rename (see
    ``journal.store.restore``). Returns where the damaged file was kept (``None`` when there
    was no journal file).
    """
    source = backup_store.find_backup(data_dir, name, passphrase)
    if source is None:
        raise _no_such_backup(data_dir, name, passphrase)
    lock = JournalLock(data_dir).acquire()
    try:
        return restore_store.restore_file(data_dir, source, now=now, passphrase=passphrase)
    except OSError as error:
        raise JournalError(
            translate(
                "errors",
                "The backup could not be put in place ({error}); the journal is as it was.",
            ).format(error=error.strerror or error)
        ) from None
    finally:
        lock.release()


def journal_is_plain(data_dir: Path) -> bool:
    """Whether the journal file in ``data_dir`` is empty or plain SQLite (not encrypted)."""
    return looks_plain(paths.database_path(data_dir))


def journal_opens_with(data_dir: Path, passphrase: str | None) -> bool:
    """Whether ``passphrase`` opens the journal in ``data_dir`` (``None``: as a plain file)."""
    return opens_with(paths.database_path(data_dir), passphrase)
