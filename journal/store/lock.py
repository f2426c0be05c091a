"""One app or writing command per journal at a time, with an OS file lock.

The lock is ``journal.lock`` in the data folder, held with ``flock`` for as long as the journal
is open; the OS releases it if the process dies, so a crash never leaves a stale lock.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from journal import paths
from journal.domain.errors import JournalInUse
from journal.i18n import translate

LOCK_NAME = "journal.lock"


class JournalLock:
    """Hold the journal's lock until ``release``."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._handle: IO[str] | None = None

    def acquire(self) -> JournalLock:
        paths.ensure_private_file(self.path)
        handle = self.path.open("r+", encoding="utf-8")
        try:
            import fcntl
        except ImportError:  # not POSIX: no advisory locks; rely on SQLite's own locking
            self._handle = handle
            return self
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise JournalInUse(
                translate(
                    "errors",
                    "This journal is already open in Connection Journal (or a command "
                    "is writing to it). Close it there first; nothing has been changed.",
                )
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle
        return self

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
