"""Desktop integration without Qt: the menu entry, icons, metadata and the login autostart.

Files follow the XDG base-directory and icon-theme specifications: the ``.desktop`` file in
``$XDG_DATA_HOME/applications``, icons in ``$XDG_DATA_HOME/icons/hicolor``, the AppStream file
in ``$XDG_DATA_HOME/metainfo``, and the autostart entry in ``$XDG_CONFIG_HOME/autostart``.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

APP_ID = "io.github.connectionjournal.ConnectionJournal"
ICON_NAME = "connection-journal"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
_REPO = Path(__file__).resolve().parents[1]


def bundled(kind: str) -> Path:
    """The folder ``resources`` or ``packaging``: inside the installed package
    (``journal/resources``), else beside the package as in a source checkout or the bundle."""
    installed = Path(__file__).resolve().parent / kind
    return installed if installed.is_dir() else _REPO / kind


def icon_path(size: int | None = None) -> Path:
    """The application icon: the SVG, or the PNG of ``size`` pixels."""
    icons = bundled("resources") / "icons"
    return icons / (f"{ICON_NAME}-{size}.png" if size else f"{ICON_NAME}.svg")


def _xdg(variable: str, fallback: str, home: Path | None) -> Path:
    value = os.environ.get(variable)
    if value and home is None:
        return Path(value)
    return (home or Path.home()) / fallback


def launch_command(*extra: str) -> str:
    """How the menu starts the app: the installed command if it is on PATH, else python -m."""
    found = shutil.which("connection-journal")
    parts = [found] if found else [sys.executable, "-m", "journal"]
    return shlex.join([*parts, *extra])


def _entry_text(*extra: str) -> str:
    text = (bundled("packaging") / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    return text.replace("Exec=connection-journal", f"Exec={launch_command(*extra)}")


def _installed_files(home: Path | None) -> list[tuple[Path, Path | None]]:
    """Every file the menu entry consists of, with its source (``None``: the desktop file,
    written from a template). The one list install and uninstall share, so uninstall removes
    exactly what install wrote."""
    data = _xdg("XDG_DATA_HOME", ".local/share", home)
    icons = data / "icons" / "hicolor"
    files: list[tuple[Path, Path | None]] = [
        (data / "applications" / f"{APP_ID}.desktop", None),
        (icons / "scalable" / "apps" / f"{ICON_NAME}.svg", icon_path()),
    ]
    files += [
        (icons / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png", icon_path(size))
        for size in ICON_SIZES
    ]
    files.append(
        (
            data / "metainfo" / f"{APP_ID}.metainfo.xml",
            bundled("packaging") / f"{APP_ID}.metainfo.xml",
        )
    )
    return files


def install_desktop_entry(home: Path | None = None) -> list[Path]:
    """Install the menu entry, the icons and the AppStream file for the current user."""
    written: list[Path] = []
    for target, source in _installed_files(home):
        target.parent.mkdir(parents=True, exist_ok=True)
        if source is None:
            target.write_text(_entry_text(), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    return written


def uninstall_desktop_entry(home: Path | None = None) -> list[Path]:
    """Remove what ``install_desktop_entry`` wrote, and nothing else; returns the files that
    were there. Missing files are fine (never installed, or removed by hand); folders are
    left, as other applications share them."""
    removed: list[Path] = []
    for target, _source in _installed_files(home):
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        removed.append(target)
    return removed


def licence_text() -> str:
    """The full text of the GPL-3.0 the app is released under: the ``LICENSE`` file installed
    with the package's metadata (``*.dist-info/licenses/LICENSE``, or ``*.dist-info/LICENSE``
    from older setuptools), else the one beside the package (a checkout or the bundle).
    Empty when neither is found, so the caller can say so."""
    from importlib import metadata  # slow to import (~15 ms): only the licence needs it

    try:
        distribution = metadata.distribution("connection-journal")
    except metadata.PackageNotFoundError:
        distribution = None
    if distribution is not None:
        for name in ("licenses/LICENSE", "LICENSE"):
            text = distribution.read_text(name)
            if text:
                return text
    try:
        return (_REPO / "LICENSE").read_text(encoding="utf-8")
    except OSError:
        return ""


def autostart_path(home: Path | None = None) -> Path:
    return _xdg("XDG_CONFIG_HOME", ".config", home) / "autostart" / f"{APP_ID}.desktop"


def set_autostart(enabled: bool, home: Path | None = None) -> Path:
    """Write or remove the entry that starts the app, minimised, at login."""
    path = autostart_path(home)
    if enabled:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_entry_text("--minimized"), encoding="utf-8")
    else:
        path.unlink(missing_ok=True)
    return path


def autostart_enabled(home: Path | None = None) -> bool:
    return autostart_path(home).exists()
