"""Packaging and desktop integration: package list, menu entry, icons, metadata, autostart."""

import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from journal import desktop

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
                 ["packages"])
    found = {".".join(d.relative_to(ROOT).parts) for d in (ROOT / "journal").rglob("*")
             if d.is_dir() and (d / "__init__.py").exists()} | {"journal"}
    assert found <= listed, f"add to pyproject's packages: {sorted(found - listed)}"


def test_icons_exist_in_every_size() -> None:
    assert desktop.icon_path().read_text().startswith("<?xml")
    for size in desktop.ICON_SIZES:
        assert desktop.icon_path(size).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_install_desktop_entry_for_the_current_user(tmp_path: Path) -> None:
    written = desktop.install_desktop_entry(home=tmp_path)
    entry = tmp_path / ".local/share/applications" / f"{desktop.APP_ID}.desktop"
    assert entry in written and "Exec=" in entry.read_text()
    assert "Exec=connection-journal\n" not in entry.read_text()  # an absolute command
    assert (tmp_path / ".local/share/icons/hicolor/48x48/apps/connection-journal.png").exists()
    assert (tmp_path / ".local/share/icons/hicolor/scalable/apps/connection-journal.svg").exists()
    assert (tmp_path / ".local/share/metainfo" / f"{desktop.APP_ID}.metainfo.xml").exists()
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                                text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_autostart_is_written_and_removed(tmp_path: Path) -> None:
    path = desktop.set_autostart(True, home=tmp_path)
    assert path == tmp_path / ".config/autostart" / f"{desktop.APP_ID}.desktop"
    assert "--minimized" in path.read_text() and desktop.autostart_enabled(home=tmp_path)
    desktop.set_autostart(False, home=tmp_path)
    assert not path.exists() and not desktop.autostart_enabled(home=tmp_path)


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_packaged_desktop_file_validates() -> None:
    result = subprocess.run(["desktop-file-validate",
                             str(ROOT / "packaging" / f"{desktop.APP_ID}.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_metainfo_validates() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", "--strict",
                             str(ROOT / "packaging" / f"{desktop.APP_ID}.metainfo.xml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
