"""The bug log: what went wrong on our side, written to ``<data folder>/logs/``, never the
person's words.

A bug (an exception that is not a ``JournalError``) is written as its type and its traceback:
the file, line and function of every frame, causes and contexts included. What an exception
*says* is left out — ``str(error)`` may quote a note, a name or a path the person typed, and
so may a value in a frame or a literal in a source line — so no message, no argument, no
local and no source line is written; for an ``OSError`` or an SQLite error only the error's
code (``ENOSPC``, ``SQLITE_FULL``).
A log record of ``logging`` keeps its format string, never its arguments.

The file rotates at 256 KiB and keeps three old ones; it and its folder are private (0600 and
0700). Writing the log never raises and never prints: when it cannot be written (a full or
read-only disk), the caller is told so by ``None`` instead of a path.

A leaf: imports nothing of ours and no Qt, so the command line and the app share it.
"""

from __future__ import annotations

import errno
import logging
import logging.handlers
import os
import platform
import sys
import traceback
from pathlib import Path

LOG_FOLDER = "logs"
LOG_NAME = "connection-journal.log"
MAX_BYTES = 256 * 1024
KEPT_FILES = 3
#: The logger of every module of the journal (``logging.getLogger(__name__)``).
LOGGER = "journal"

_FOLDER_MODE = 0o700
_FILE_MODE = 0o600
_LEFT_OUT = "(its message is left out: it may hold your words)"
_SHOWN_REPEATS = 3
_CAUSE = "The above exception was the direct cause of the following exception:"
_CONTEXT = "During handling of the above exception, another exception occurred:"

_installed: _PrivateFileHandler | None = None


def log_path(data_dir: Path) -> Path:
    """Where the bug log of the journal in ``data_dir`` is."""
    return Path(data_dir) / LOG_FOLDER / LOG_NAME


def describe(error: BaseException) -> str:
    """The bug as text without the person's words: types, codes and frames only."""
    parts: list[str] = []
    for position, (link, exc) in enumerate(_chain(error)):
        if position:
            parts.append(f"\n{link}\n\n")
        frames = _frames(exc)
        if frames:
            parts.append("Traceback (most recent call last):\n")
            parts.extend(frames)
        parts.append(f"{_type_name(exc)}{_code(exc)} {_LEFT_OUT}\n")
    return "".join(parts)


def record_bug(
    data_dir: Path | None, error: BaseException, *, where: str = "", version: str = ""
) -> Path | None:
    """Write ``error`` as a bug to the log of ``data_dir``; its path, or ``None`` when it
    could not be written (no folder, a full or read-only disk).

    ``where`` says what was running (``"cli log"``, ``"app"``) and ``version`` the app's
    version: neither may hold the person's words.
    """
    if data_dir is None or not Path(data_dir).is_dir():
        return None  # never create a journal folder just to complain in it
    path = log_path(data_dir)
    record = logging.LogRecord(LOGGER, logging.ERROR, __file__, 0, "bug%s", None, None)
    record.bug = describe(error)
    record.where = where
    record.version = version
    handler = (
        _installed
        if _installed is not None and Path(_installed.baseFilename) == path.absolute()
        else None
    )
    try:
        if handler is not None:
            return path if handler.write(record) else None
        try:
            handler = _PrivateFileHandler(path)
        except OSError:
            return None
        try:
            return path if handler.write(record) else None
        finally:
            handler.close()
    except Exception:  # the log is a courtesy: its failure must not hide the first problem
        return None


def install(data_dir: Path) -> Path | None:
    """Send the journal's own warnings and errors (``logging``, level WARNING) to the bug log
    of ``data_dir`` from now on; its path, or ``None`` when it cannot be opened."""
    global _installed
    uninstall()
    try:
        handler = _PrivateFileHandler(log_path(data_dir))
    except OSError:
        return None
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger(LOGGER)
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)
    _installed = handler
    return log_path(data_dir)


def uninstall() -> None:
    """Stop writing the journal's warnings to a bug log (closing the file)."""
    global _installed
    if _installed is not None:
        logging.getLogger(LOGGER).removeHandler(_installed)
        _installed.close()
        _installed = None


# --- the file ----------------------------------------------------------------------------------


class _SafeFormatter(logging.Formatter):
    """A record's time, level, logger and format string; an exception only as ``describe``
    writes it. Never ``record.args`` nor an exception's message."""

    def format(self, record: logging.LogRecord) -> str:
        when = self.formatTime(record, "%Y-%m-%d %H:%M:%S")
        bug = getattr(record, "bug", None)
        if bug is not None:
            where = getattr(record, "where", "") or "?"
            version = getattr(record, "version", "") or "?"
            head = (
                f"{when} ERROR bug in {where} (Connection Journal {version}, Python "
                f"{platform.python_version()}, {sys.platform})"
            )
            return f"{head}\n{bug}".rstrip("\n")
        text = f"{when} {record.levelname} {record.name}: {record.msg}"
        if record.exc_info and record.exc_info[1] is not None:
            text += "\n" + describe(record.exc_info[1]).rstrip("\n")
        return text


class _PrivateFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file made 0600 (in a 0700 folder), never through a symbolic link."""

    def __init__(self, path: Path) -> None:
        folder = path.parent
        folder.mkdir(mode=_FOLDER_MODE, exist_ok=True)
        if os.name == "posix":
            os.chmod(folder, _FOLDER_MODE)
        self._failed = False
        super().__init__(
            path, maxBytes=MAX_BYTES, backupCount=KEPT_FILES, encoding="utf-8", delay=False
        )
        self.setFormatter(_SafeFormatter())

    def _open(self):  # type: ignore[no-untyped-def]  # logging's own signature
        flags = (
            os.O_WRONLY
            | os.O_CREAT
            | os.O_APPEND
            | getattr(os, "O_NOFOLLOW", 0)
            | getattr(os, "O_CLOEXEC", 0)
        )
        fd = os.open(self.baseFilename, flags, _FILE_MODE)
        try:
            if os.name == "posix":
                os.fchmod(fd, _FILE_MODE)
            return os.fdopen(fd, "a", encoding="utf-8", errors="backslashreplace")
        except BaseException:
            os.close(fd)
            raise

    def write(self, record: logging.LogRecord) -> bool:
        """Emit ``record``; False when it could not be written."""
        self._failed = False
        self.handle(record)
        return not self._failed

    def handleError(self, record: logging.LogRecord) -> None:
        # logging would print a traceback to stderr: a full disk must stay one calm line
        self._failed = True


# --- describing an exception -------------------------------------------------------------------


def _chain(error: BaseException) -> list[tuple[str, BaseException]]:
    """The exceptions behind ``error``, oldest first, each with the sentence Python's own
    traceback prints before it (how it follows from the one before)."""
    chain: list[tuple[str, BaseException]] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if current.__cause__ is not None:
            link, older = _CAUSE, current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            link, older = _CONTEXT, current.__context__
        else:
            link, older = "", None
        chain.append((link, current))
        current = older
    return list(reversed(chain))


def _frames(error: BaseException) -> list[str]:
    """Each frame as file, line and function only (a source line may quote words too), a
    run of the same frame (a recursion) said once with its count."""
    lines: list[str] = []
    last, repeated = None, 0
    for frame in traceback.extract_tb(error.__traceback__):
        line = f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n'
        if line == last:
            repeated += 1
            if repeated > _SHOWN_REPEATS:
                continue
        else:
            if repeated > _SHOWN_REPEATS:
                lines.append(f"  [Previous line repeated {repeated - _SHOWN_REPEATS} more times]\n")
            last, repeated = line, 0
        lines.append(line)
    if repeated > _SHOWN_REPEATS:
        lines.append(f"  [Previous line repeated {repeated - _SHOWN_REPEATS} more times]\n")
    return lines


def _type_name(error: BaseException) -> str:
    kind = type(error)
    module = kind.__module__
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


def _code(error: BaseException) -> str:
    """An error code that cannot hold words: an errno's name, SQLite's result code."""
    if isinstance(error, OSError) and isinstance(error.errno, int):
        return f" [{errno.errorcode.get(error.errno, error.errno)}]"
    name = getattr(error, "sqlite_errorname", None)
    return f" [{name}]" if isinstance(name, str) and name.isidentifier() else ""
