"""Turning encryption on, off or to a new passphrase by rewriting a journal file safely.

SQLCipher's ``sqlcipher_export`` copies every table, index and the schema into an attached
database with another key (an empty key means plain SQLite). The copy is checked (integrity,
schema version, the same number of rows in every table) before the caller swaps it in.

A key is always given as a quoted passphrase, NFC-normalised (see ``journal.domain.passphrase``);
a journal keyed before normalisation existed with another form of the same words still opens.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import Any

from journal import paths
from journal.domain.errors import (
    JournalDamaged,
    JournalError,
    WrongPassphrase,
)
from journal.domain.passphrase import usable
from journal.i18n import translate
from journal.store.connection import (
    _quote,
    connect_file,
    damaged_plain,
    database_errors,
    looks_plain,
    quick_check,
    required_cipher,
)
from journal.store.schema import TABLES

#: How many of the newest encrypted backups are tried to tell damage from a wrong passphrase.
PROBED_BACKUPS = 3


def key_forms(passphrase: str) -> list[str]:
    """The forms to try: NFC first (what new keys use), then as typed, then NFD."""
    forms: list[str] = []
    for form in (usable(passphrase), passphrase, unicodedata.normalize("NFD", passphrase)):
        if form not in forms:
            forms.append(form)
    return forms


def keyed(
    module: Any, path: Path | str, passphrase: str, options: dict[str, Any] | None = None
) -> Any:
    """A SQLCipher connection to ``path`` keyed with the form of ``passphrase`` that opens it.

    Only when the forms differ (accented letters) is each one tried; a wrong passphrase is
    reported later, by the first read.
    """
    forms = key_forms(passphrase)
    for index, form in enumerate(forms):
        conn = module.connect(str(path), **(options or {"isolation_level": None}))
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {_quote(form)}")
        if index == len(forms) - 1:
            return conn
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except module.DatabaseError:
            conn.close()
    raise AssertionError("unreachable")  # pragma: no cover


def opens_with(path: Path, passphrase: str | None) -> bool:
    """Whether ``passphrase`` (``None`` = plain) reads the first page of ``path``."""
    try:
        if passphrase is None and not looks_plain(path):
            return False
        conn = connect_file(path, passphrase)
    except (OSError, *database_errors()):
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except database_errors():
        return False
    finally:
        conn.close()


def not_opened(path: Path, passphrase: str) -> JournalError:
    """Why ``passphrase`` could not read the encrypted journal at ``path``: damage or the key.

    A damaged first page and a wrong key look alike to SQLCipher. When the key reads the
    journal's first page, or opens one of its backups, the journal is damaged (a backup can
    be restored); otherwise the passphrase is wrong.
    """
    from journal.store.backup import backup_files

    damaged = JournalDamaged(
        translate(
            "errors",
            "{path} is damaged; it has not been changed. Its passphrase opens its "
            "backups: a backup can be restored.",
        ).format(path=path)
    )
    if damaged_plain(path):  # a journal without a passphrase (its backups say so), damaged
        return JournalDamaged(
            translate(
                "errors",
                "{path} is damaged (it is not a journal file any more); it has not been "
                "changed. A backup can be restored.",
            ).format(path=path)
        )
    if opens_with(path, passphrase):
        return damaged
    # every backup has the journal's key (changes are all or nothing), so a few newest tell;
    # each try derives a key, which takes a noticeable moment
    tried = [b for b in backup_files(path.parent) if not looks_plain(b)][:PROBED_BACKUPS]
    if any(opens_with(backup, passphrase) for backup in tried):
        return damaged
    return WrongPassphrase(
        translate("errors", "That passphrase does not open this journal. Nothing has been changed.")
    )


def fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(path: Path) -> None:
    """Make renames in ``path`` durable (a no-op where folders cannot be opened)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def counts(conn: Any) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in TABLES}


def rewrite(source: Path, source_key: str | None, target: Path, target_key: str | None) -> None:
    """Copy ``source`` into a new file ``target`` with another key (``None`` = plain).

    The copy is checked and fsynced; ``target_key`` must already be normalised.
    """
    module = required_cipher("change")
    if target.exists():
        target.unlink()
    paths.ensure_private_file(target)
    target.unlink()  # SQLCipher creates it; the folder is private (0700) meanwhile
    if source_key is None:
        conn = module.connect(str(source), isolation_level=None)
        conn.execute("PRAGMA cipher_log_level = NONE")
    else:
        conn = keyed(module, source, source_key)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(
            f"ATTACH DATABASE {_quote(str(target))} AS target KEY {_quote(target_key or '')}"
        )
        # one sync at the end (``fsync_file``) instead of several per table: the copy is not
        # used before that, so this is as durable and many times faster
        conn.execute("PRAGMA target.synchronous = OFF")
        conn.execute("SELECT sqlcipher_export('target')")
        conn.execute(f"PRAGMA target.user_version = {int(version)}")
        conn.execute("DETACH DATABASE target")
        expected = counts(conn)
    finally:
        conn.close()
    paths.ensure_private_file(target)
    check = connect_file(target, target_key)
    try:
        problems = quick_check(check)
        if (
            problems
            or counts(check) != expected
            or check.execute("PRAGMA user_version").fetchone()[0] != version
        ):
            raise JournalError(
                translate(
                    "errors",
                    "The rewritten journal did not check out; the journal has not been changed.",
                )
            )
    finally:
        check.close()
    fsync_file(target)
