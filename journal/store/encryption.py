"""Turning encryption on, off or to a new passphrase by rewriting a journal file safely.

SQLCipher's ``sqlcipher_export`` copies every table, index and the schema into an attached
database with another key (an empty key means plain SQLite). The copy is checked (integrity,
schema version, the same number of rows in every table) before the caller swaps it in.
"""

from __future__ import annotations

from pathlib import Path

from journal import paths
from journal.domain.errors import JournalError
from journal.i18n import translate
from journal.store.connection import (
    EncryptionUnavailable,
    _quote,
    cipher,
    connect_file,
    quick_check,
)
from journal.store.schema import TABLES


def _module():
    module = cipher()
    if module is None:
        raise EncryptionUnavailable(translate(
            "errors", "Encryption is not available on this computer (the sqlcipher3 package "
            "is not installed for this platform). The journal has not been changed."))
    return module


def counts(conn: object) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0]  # type: ignore[attr-defined]
            for t in TABLES}


def rewrite(source: Path, source_key: str | None, target: Path, target_key: str | None) -> None:
    """Copy ``source`` into a new file ``target`` with another key (``None`` = plain)."""
    module = _module()
    if target.exists():
        target.unlink()
    paths.ensure_private_file(target)
    target.unlink()  # SQLCipher creates it; the folder is private (0700) meanwhile
    conn = module.connect(str(source), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if source_key is not None:
            conn.execute(f"PRAGMA key = {_quote(source_key)}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"ATTACH DATABASE {_quote(str(target))} AS target KEY "
                     f"{_quote(target_key or '')}")
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
        if problems or counts(check) != expected or check.execute(
                "PRAGMA user_version").fetchone()[0] != version:
            raise JournalError(translate(
                "errors", "The rewritten journal did not check out; the journal has not been "
                "changed."))
    finally:
        check.close()
