"""Writing a file whole or not at all, readable only by its owner: every export goes here.

The new content goes to a temporary file of a fresh, unguessable name in the target's own
folder, created with ``O_CREAT | O_EXCL | O_NOFOLLOW`` and mode 0600 (so a planted symbolic
link or a file left there is never followed nor reused), is fsynced, renamed over the target,
and then the folder is fsynced so the rename itself survives a power cut. Until the rename
the target is the old file (or absent); on any failure the temporary file is removed.

A leaf: imports nothing of ours and no Qt.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

FILE_MODE = 0o600
#: The temporary file is ``<name>.<random>.part`` beside the target.
SUFFIX = ".part"
_ATTEMPTS = 16

_FLAGS = (
    os.O_CREAT
    | os.O_EXCL
    | os.O_WRONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def temporary_name(out: Path) -> Path:
    """A fresh temporary name beside ``out`` (not created)."""
    return out.with_name(f"{out.name}.{secrets.token_hex(6)}{SUFFIX}")


def create_temporary(out: Path) -> tuple[int, Path]:
    """Create a new, empty, private temporary file beside ``out``: its descriptor and path.

    A name that already exists (a file or a link anyone left there) is never opened; another
    is drawn instead.
    """
    for _ in range(_ATTEMPTS):
        candidate = temporary_name(out)
        try:
            fd = os.open(candidate, _FLAGS, FILE_MODE)
        except FileExistsError:
            continue
        if os.name == "posix":
            os.fchmod(fd, FILE_MODE)  # whatever the umask
        return fd, candidate
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(out))


@contextlib.contextmanager
def atomic_output(out: Path) -> Iterator[BinaryIO]:
    """A binary file to write ``out``'s new content to; it replaces ``out`` (0600) when the
    block ends without an exception and is removed when it raises."""
    out = Path(out)
    _refuse_special(out)
    try:
        fd, temporary = create_temporary(out)
    except OSError as error:
        raise _about(error, out) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, out)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError) and error.filename == str(temporary):
            raise _about(error, out) from None
        raise
    fsync_folder(out.parent)


def _refuse_special(out: Path) -> None:
    """Only a file (or a link, which is replaced, not followed) may be replaced: never a
    folder, a device such as ``/dev/full``, a pipe or a socket."""
    try:
        mode = os.lstat(out).st_mode
    except FileNotFoundError:
        return
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        number = errno.EISDIR if stat.S_ISDIR(mode) else errno.EEXIST
        reason = (
            os.strerror(number) if stat.S_ISDIR(mode) else "it exists and is not a regular file"
        )
        raise OSError(number, reason, str(out))


def _about(error: OSError, out: Path) -> OSError:
    """``error`` naming the file the person asked for, not its temporary name."""
    return OSError(error.errno, error.strerror or str(error), str(out))


def write_bytes(out: Path, data: bytes) -> Path:
    """Write ``data`` to ``out`` atomically and privately; returns ``out``."""
    with atomic_output(out) as handle:
        handle.write(data)
    return Path(out)


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (POSIX; elsewhere a no-op)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as error:
        # some file systems cannot sync a folder; the file itself is already synced
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)
