"""Packaging and desktop integration: package list, menu entry, icons, metadata, autostart."""

import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from journal import desktop

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_in_pyproject() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(d.relative_to(ROOT).parts)
        for d in (ROOT / "journal").rglob("*")
        if d.is_dir() and (d / "__init__.py").exists()
    } | {"journal"}
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
        result = subprocess.run(
            ["desktop-file-validate", str(entry)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_autostart_is_written_and_removed(tmp_path: Path) -> None:
    path = desktop.set_autostart(True, home=tmp_path)
    assert path == tmp_path / ".config/autostart" / f"{desktop.APP_ID}.desktop"
    assert "--minimized" in path.read_text() and desktop.autostart_enabled(home=tmp_path)
    desktop.set_autostart(False, home=tmp_path)
    assert not path.exists() and not desktop.autostart_enabled(home=tmp_path)


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_packaged_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(ROOT / "packaging" / f"{desktop.APP_ID}.desktop")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        [
            "appstreamcli",
            "validate",
            "--no-net",
            "--strict",
            str(ROOT / "packaging" / f"{desktop.APP_ID}.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_uninstall_removes_exactly_what_install_wrote(tmp_path: Path) -> None:
    written = desktop.install_desktop_entry(home=tmp_path)
    other = tmp_path / ".local/share/applications/other-app.desktop"
    other.write_text("[Desktop Entry]\n")
    written[3].unlink()  # one icon already removed by hand: tolerated
    removed = desktop.uninstall_desktop_entry(home=tmp_path)
    assert removed == [p for p in written if p != written[3]]
    assert not any(p.exists() for p in written)
    assert other.exists()  # nothing that install did not write
    assert desktop.uninstall_desktop_entry(home=tmp_path) == []  # twice: calm


def test_the_cli_uninstalls_the_menu_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from journal.cli import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert main(["--install-desktop-entry"]) == 0
    entry = tmp_path / "data/applications" / f"{desktop.APP_ID}.desktop"
    assert entry.exists()
    assert main(["--uninstall-desktop-entry"]) == 0
    assert not entry.exists()
    assert f"({len(desktop.ICON_SIZES) + 3} files)" in capsys.readouterr().out
    assert main(["--uninstall-desktop-entry"]) == 0
    assert "nothing to remove" in capsys.readouterr().out
    assert not list((tmp_path / "data").rglob("*.*"))  # every file gone, folders may stay


def test_the_licence_is_the_full_gpl_3() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.lstrip().startswith(
        "GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007"
    )
    assert "END OF TERMS AND CONDITIONS" in text and len(text.splitlines()) == 674
    assert desktop.licence_text() == text  # from a checkout: the file beside the package
    assert (
        "LICENSE"
        in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license-files"]
    )
