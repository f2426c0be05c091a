"""Where journals live: platformdirs' user data folder unless told otherwise.

Precedence: ``--data-dir`` on the command line, then ``CONNECTION_JOURNAL_DIR``, then the
platform's user data folder. The folder is private to the person (0700) and the database file
is created 0600 before SQLite ever opens it, so there is no moment it is readable by others.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "connection-journal"
ENV_VAR = "CONNECTION_JOURNAL_DIR"
DB_NAME = "journal.sqlite3"

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def default_data_dir() -> Path:
    """The person's own journal folder (never the demo's)."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    import platformdirs  # here, not above: ~5 ms a command told its folder never spends

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def demo_data_dir() -> Path:
    """A folder of its own for the generated demo journal, beside but apart from the real one."""
    import platformdirs

    return platformdirs.user_data_path(APP_NAME + "-demo", appauthor=False)


#: A file in a journal's folder that says the journal is a generated demo (``--demo`` writes it).
DEMO_MARKER = "demo-journal.txt"


def mark_demo_dir(folder: Path) -> None:
    """Say in ``folder`` that its journal is the generated demo, so the window marks it."""
    (folder / DEMO_MARKER).write_text(
        "This folder holds a generated demo journal of Connection Journal.\n", encoding="utf-8"
    )


def is_demo_dir(folder: Path | None) -> bool:
    """True for the demo folder, or any folder ``--demo`` filled (it holds ``DEMO_MARKER``)."""
    if folder is None:
        return False
    if (folder / DEMO_MARKER).is_file():
        return True
    try:
        return folder.resolve() == demo_data_dir().resolve()
    except OSError:
        return False


def resolve_data_dir(data_dir: str | os.PathLike[str] | None) -> Path:
    """The folder to use: the explicit one if given, else the environment's, else the default."""
    if data_dir:
        return Path(data_dir).expanduser()
    return default_data_dir()


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_NAME


def ensure_private_dir(path: Path) -> Path:
    """Create the folder (and parents) if needed and make it 0700 on POSIX."""
    path.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    if os.name == "posix":
        os.chmod(path, FOLDER_MODE)
    return path


def ensure_private_file(path: Path) -> Path:
    """Create an empty file 0600 if it does not exist; tighten its mode if it does."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR, FILE_MODE)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, FILE_MODE)
    return path
