"""The one place where errors of the system (the disk, the file system, SQLite) become calm
sentences for the person.

``calm_error`` turns an ``OSError`` or an SQLite error into a ``StorageError`` (a
``JournalError``) — a full disk, a read-only disk, a permission refused, an I/O error, a busy
or damaged file — or returns ``None`` for anything else, which is a bug. Every write of the
journal is one transaction, so when one of these stops it nothing of it was kept and nothing
saved before is touched: the messages may say so.

SQLite errors are recognised by their result code or their fixed English message, for the
``sqlite3`` and the ``sqlcipher3`` driver alike (SQLCipher's classes do not subclass
sqlite3's). Only the error's code, the system's own text and a file name are shown, never
the SQLite message itself.
"""

from __future__ import annotations

import errno

from journal.domain.errors import JournalError, StorageError
from journal.i18n import translate

_FULL = "full"
_READ_ONLY = "read_only"
_DENIED = "denied"
_IO = "io"
_BUSY = "busy"
_DAMAGED = "damaged"
_TOO_BIG = "too_big"

_ERRNO = {
    errno.ENOSPC: _FULL,
    errno.EDQUOT: _FULL,
    errno.EFBIG: _TOO_BIG,
    errno.EROFS: _READ_ONLY,
    errno.EACCES: _DENIED,
    errno.EPERM: _DENIED,
    errno.EIO: _IO,
}
#: SQLite's primary result codes (``sqlite_errorcode & 0xff``).
_SQLITE_CODE = {
    13: _FULL,
    8: _READ_ONLY,
    3: _DENIED,
    10: _IO,
    5: _BUSY,
    6: _BUSY,
    11: _DAMAGED,
    26: _DAMAGED,
    14: _IO,
}
#: SQLite's messages for the same, when the driver gives no code (sqlcipher3).
_SQLITE_TEXT = {
    "database or disk is full": _FULL,
    "attempt to write a readonly database": _READ_ONLY,
    "disk i/o error": _IO,
    "database is locked": _BUSY,
    "database table is locked": _BUSY,
    "database disk image is malformed": _DAMAGED,
    "file is not a database": _DAMAGED,
    "unable to open database file": _IO,
}


def calm_error(error: BaseException) -> JournalError | None:
    """``error`` as the person's calm message, or ``None`` when it is not an error of the
    system (then it is a bug)."""
    if isinstance(error, JournalError):
        return error
    if isinstance(error, MemoryError):
        return StorageError(
            translate(
                "errors",
                "There was not enough memory to finish this, "
                "so it was not done. What you saved before is safe.",
            )
        )
    if isinstance(error, UnicodeEncodeError):
        if error.encoding.replace("-", "").casefold() == "utf8":  # a lone surrogate
            return StorageError(
                translate(
                    "errors",
                    "Some text holds a character that is not "
                    "valid Unicode, so it was not saved. Please type "
                    "it again.",
                )
            )
        return StorageError(
            translate(  # printing to a terminal that is not UTF-8
                "errors",
                "Some characters cannot be shown here ({encoding}); use a UTF-8 "
                "terminal, e.g. LANG=C.UTF-8.",
            ).format(encoding=error.encoding)
        )
    if isinstance(error, OSError):
        return _os_error(error)
    if _is_sqlite(error):
        problem = _sqlite_problem(error)
        return _message(problem, None) if problem else None
    return None


def _os_error(error: OSError) -> StorageError:
    where = error.filename if isinstance(error.filename, str) else None
    problem = _ERRNO.get(error.errno) if isinstance(error.errno, int) else None
    if problem is None and isinstance(error, PermissionError):
        problem = _DENIED
    if problem:
        return _message(problem, where)
    reason = error.strerror or str(error) or type(error).__name__
    if where:
        return StorageError(
            translate(
                "errors", "Could not read or write {path} ({reason}), so this was not done."
            ).format(path=where, reason=reason)
        )
    return StorageError(
        translate("errors", "The system refused ({reason}), so this was not done.").format(
            reason=reason
        )
    )


def _is_sqlite(error: BaseException) -> bool:
    module = type(error).__module__.split(".")[0]
    return module in ("sqlite3", "sqlcipher3", "_sqlite3")


def _sqlite_problem(error: BaseException) -> str | None:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _SQLITE_CODE:
        return _SQLITE_CODE[code & 0xFF]
    text = str(error).strip().casefold()
    return _SQLITE_TEXT.get(text)


def _message(problem: str, where: str | None) -> StorageError:
    place = f" ({where})" if where else ""
    text = {
        _FULL: translate(
            "errors",
            "The disk is full{place}, so this was not done. What you "
            "saved before is safe; free some space and try again.",
        ),
        _TOO_BIG: translate(
            "errors",
            "The file would be too large for this disk{place}, so "
            "this was not done. What you saved before is safe.",
        ),
        _READ_ONLY: translate(
            "errors",
            "The disk or folder is read-only{place}, so this was "
            "not done. What you saved before is safe.",
        ),
        _DENIED: translate(
            "errors",
            "Permission was refused{place}, so this was not done. What you saved before is safe.",
        ),
        _IO: translate(
            "errors",
            "The disk reported an error{place}, so this was not done. "
            "What you saved before is safe; if it happens again, check the disk "
            "and your backups.",
        ),
        _BUSY: translate(
            "errors",
            "The journal is busy in another program, so this was not "
            "done. Please try again in a moment.",
        ),
        _DAMAGED: translate(
            "errors",
            "The journal file could not be read as a journal (it "
            "may be damaged), so this was not done. Nothing was changed; "
            "your backups can restore it.",
        ),
    }[problem]
    return StorageError(text.format(place=place))
