"""The structure check of a plain journal, started in a thread before the app imports Qt.

Every open of an existing journal first looks at it read-only with ``PRAGMA quick_check``, so
nothing is merged into a damaged file (``connection.open_database``). At fifty years that check
reads the whole file: 30-40 ms of a start, while the app spends ~300 ms importing Qt and its
windows on one core. SQLite runs the check without Python's lock, so ``begin`` starts it on the
other core at once, and ``open_database`` takes its verdict instead of checking again.

The verdict is used only when the check found the file sound and neither the file nor its WAL
changed since it began (same inode, size, modification and change time: a restore or a
passphrase change finished at open replaces the file). Anything else (damage, an error, a
change, a check still running on a slow disk) makes ``open_database`` check again itself, as
before, so what the person is told about a damaged file never comes from here.
"""

from __future__ import annotations

import threading
from pathlib import Path

#: A file's identity and state: (inode, size, modification time and, for the journal itself,
#: change time in ns), ``None`` when absent. The change time moves with every write and every
#: ``utime``: a rewrite in place that keeps the size and sets the old modification time back
#: still shows. Not the WAL's: SQLite's own opening of it moves that.
State = tuple[int, ...] | None

_pending: dict[Path, _EarlyCheck] = {}


def _state(path: Path, *, changed: bool = False) -> State:
    try:
        status = path.stat()
    except OSError:
        return None
    state = (status.st_ino, status.st_size, status.st_mtime_ns)
    return (*state, status.st_ctime_ns) if changed else state


def _states(path: Path) -> tuple[State, State]:
    return _state(path, changed=True), _state(path.with_name(path.name + "-wal"))


class _EarlyCheck:
    """One structure check running in its own thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.before = _states(path)
        self.sound = False
        self.thread = threading.Thread(target=self._run, name="journal-early-check", daemon=True)

    def _run(self) -> None:
        from journal.store import connection

        try:
            connection._open_checked(self.path, None).close()  # the check open_database runs
        except Exception:  # damage or a refusal: open_database checks again and says it
            return
        self.sound = True


def begin(path: Path) -> None:
    """Start checking the structure of the plain, non-empty journal at ``path`` in a thread;
    nothing for a missing, empty or encrypted file (its key is not known yet)."""
    from journal.store.connection import looks_plain

    path = Path(path).absolute()
    try:
        if path in _pending or path.stat().st_size == 0 or not looks_plain(path):
            return
    except OSError:
        return
    check = _EarlyCheck(path)
    _pending[path] = check
    check.thread.start()


def found_sound(path: Path, *, wait: float = 5.0) -> bool:
    """Whether a check begun for ``path`` found it sound and it is unchanged since; the check
    is used once (a later open checks again)."""
    check = _pending.pop(Path(path).absolute(), None)
    if check is None:
        return False
    check.thread.join(wait)
    return not check.thread.is_alive() and check.sound and _states(check.path) == check.before
