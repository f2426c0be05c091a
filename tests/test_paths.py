import os
import stat
from pathlib import Path

import pytest

from journal import paths
from journal.services import Journal


def test_environment_variable_overrides_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "mine"))
    assert paths.default_data_dir() == tmp_path / "mine"
    assert paths.resolve_data_dir(None) == tmp_path / "mine"
    assert paths.resolve_data_dir(tmp_path / "flag") == tmp_path / "flag"


def test_default_is_platformdirs_user_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.ENV_VAR, raising=False)
    assert paths.default_data_dir().name == "connection-journal"
    assert paths.demo_data_dir() != paths.default_data_dir()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_folder_0700_and_files_0600(tmp_path: Path, make_day) -> None:
    old = os.umask(0o022)
    try:
        folder = tmp_path / "new" / "journal"
        journal = Journal.open(folder)
        journal.update_settings(display_name="x")
        mode = stat.S_IMODE(folder.stat().st_mode)
        assert mode == 0o700
        for file in folder.iterdir():
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
        journal.close()
    finally:
        os.umask(old)
