"""Privacy and durability use cases: passphrase, backups and restore.

A mixin of ``services.Journal``. Every operation that replaces data makes a backup first;
turning encryption on or off rewrites the journal into a new file, checks it, and only then
swaps it in — and rewrites the backups the same way, so no plaintext copy is left behind.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlite_utils import Database

from journal import paths
from journal.domain.errors import JournalError, ValidationError
from journal.i18n import format_number, translate
from journal.store import backup as backup_store
from journal.store.connection import (
    backup_connector,
    connect_file,
    open_database,
    quick_check,
)
from journal.store.encryption import rewrite

MIN_PASSPHRASE = 8


def check_passphrase(passphrase: str) -> str:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError("passphrase", translate(
            "validation", "passphrase must be at least {count} characters").format(
                count=format_number(MIN_PASSPHRASE, 0)))
    return passphrase


class PrivacyUseCases:
    """Mixed into ``Journal``."""

    db: Database
    data_dir: Path | None
    passphrase: str | None

    def now(self) -> dt.datetime:  # provided by Journal
        raise NotImplementedError

    @property
    def encrypted(self) -> bool:
        return self.passphrase is not None

    def _folder(self) -> Path:
        if self.data_dir is None:
            raise JournalError(translate("errors",
                                         "This journal has no folder (it lives in memory)."))
        return self.data_dir

    def backup(self, reason: str) -> Path | None:
        """A backup in ``backups/`` (encrypted like the journal), then rotation."""
        if self.data_dir is None:
            return None
        path = backup_store.make_backup(self.db, self.data_dir, reason, now=self.now(),
                                        connect=backup_connector(self.passphrase))
        backup_store.rotate(self.data_dir, self.now())
        return path

    def backups(self) -> list[Path]:
        return backup_store.list_backups(self._folder()) if self.data_dir else []

    def restore(self, name: str) -> Path:
        """Replace the journal's contents with a backup, after backing up the current state.

        The backup is checked first; a damaged one is refused and nothing changes.
        """
        folder = self._folder()
        source_path = backup_store.find_backup(folder, name)
        if source_path is None:
            raise ValidationError("backup", translate(
                "validation", "there is no backup called {name}").format(name=name))
        source = connect_file(source_path, self.passphrase)
        try:
            try:
                problems = quick_check(source)
            except Exception:
                problems = [translate("errors",
                                      "it cannot be read with this journal's passphrase")]
            if problems:
                raise JournalError(translate(
                    "errors", "The backup {name} is damaged ({problem}); the journal has not "
                              "been changed.").format(name=source_path.name,
                                                      problem=problems[0]))
            safety = self.backup("before-restore")
            source.backup(self.db.conn)
        finally:
            source.close()
        return safety or source_path

    # --- passphrase ------------------------------------------------------------------------

    def _swap_in(self, new_file: Path, passphrase: str | None) -> None:
        folder = self._folder()
        journal_path = paths.database_path(folder)
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.close()
        os.replace(new_file, journal_path)
        for suffix in ("-wal", "-shm"):
            journal_path.with_name(journal_path.name + suffix).unlink(missing_ok=True)
        self.db = open_database(journal_path, passphrase=passphrase)
        self.passphrase = passphrase

    def _rewrite_backups(self, old: str | None, new: str | None) -> None:
        for path in self.backups():
            temporary = path.with_name(path.name + ".rewrite")
            try:
                rewrite(path, old, temporary, new)
            except Exception:
                temporary.unlink(missing_ok=True)
                path.unlink(missing_ok=True)  # never leave a copy with the old protection
                continue
            os.replace(temporary, path)

    def _change_protection(self, new: str | None, reason: str) -> None:
        folder = self._folder()
        old = self.passphrase
        self.backup(reason)
        temporary = folder / "journal.rewrite.sqlite3"
        try:
            rewrite(paths.database_path(folder), old, temporary, new)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        self._swap_in(temporary, new)
        self._rewrite_backups(old, new)

    def set_passphrase(self, passphrase: str) -> None:
        """Encrypt a plain journal (and its backups) with ``passphrase``."""
        if self.encrypted:
            raise JournalError(translate(
                "errors", "This journal already has a passphrase; change it instead."))
        self._change_protection(check_passphrase(passphrase), "before-encryption")

    def change_passphrase(self, passphrase: str) -> None:
        if not self.encrypted:
            raise JournalError(translate(
                "errors", "This journal has no passphrase yet; set one instead."))
        self._change_protection(check_passphrase(passphrase), "before-passphrase-change")

    def remove_passphrase(self) -> None:
        """Decrypt the journal and its backups."""
        if not self.encrypted:
            raise JournalError(translate("errors", "This journal has no passphrase."))
        self._change_protection(None, "before-decryption")


def restore_damaged(data_dir: Path, name: str, *, now: dt.datetime,
                    passphrase: str | None = None) -> Path:
    """Put a backup in place of a journal that cannot be opened.

    The damaged file is never written to: it is renamed aside (``journal.sqlite3.damaged-…``)
    so nothing is lost, and the backup is checked before it is copied in. Returns the path the
    damaged file was moved to.
    """
    source = backup_store.find_backup(data_dir, name)
    if source is None:
        raise ValidationError("backup", translate(
            "validation", "there is no backup called {name}").format(name=name))
    check = connect_file(source, passphrase)
    try:
        try:
            problems = quick_check(check)
        except Exception:  # any driver error means it cannot be used
            problems = [translate("errors", "it cannot be read")]
    finally:
        check.close()
    if problems:
        raise JournalError(translate(
            "errors", "The backup {name} is damaged too ({problem}); nothing has been "
                      "changed.").format(name=source.name, problem=problems[0]))
    journal_path = paths.database_path(data_dir)
    aside = journal_path.with_name(f"{journal_path.name}.damaged-{now:%Y%m%d-%H%M%S}")
    if journal_path.exists():
        os.replace(journal_path, aside)
    for suffix in ("-wal", "-shm"):
        side = journal_path.with_name(journal_path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    temporary = journal_path.with_name(journal_path.name + ".restoring")
    paths.ensure_private_file(temporary)
    temporary.write_bytes(source.read_bytes())
    os.replace(temporary, journal_path)
    return aside
