"""The command line as a newcomer drives it: help, demo, check, and every kind of mistake."""

import subprocess
import sys
from pathlib import Path

import pytest

from journal import __version__
from journal.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "journal", *args], capture_output=True,
                          text=True, timeout=120)


def test_version_and_help_through_python_m() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"connection-journal {__version__}"
    result = run("--help")
    assert result.returncode == 0
    for word in ("demo", "check", "--data-dir", "--demo"):
        assert word in result.stdout


def test_demo_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(tmp_path / "d")
    assert main(["demo", "--days", "90", "--seed", "2", "--data-dir", folder]) == 0
    assert "check-ins" in capsys.readouterr().out
    assert main(["--data-dir", folder, "check"]) == 0  # --data-dir before the subcommand too
    out = capsys.readouterr().out
    assert "Health: ok" in out and "Schema version: 1 (current)" in out
    assert "contacts" in out


def test_demo_refuses_non_empty_journal(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(tmp_path / "d")
    assert main(["demo", "--days", "5", "--data-dir", folder]) == 0
    capsys.readouterr()
    assert main(["demo", "--days", "5", "--data-dir", folder]) == 1
    err = capsys.readouterr().err
    assert "already has entries" in err and "--force" in err
    assert main(["demo", "--days", "5", "--force", "--data-dir", folder]) == 0


def test_check_of_missing_journal_fails_without_creating_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "absent"
    assert main(["check", "--data-dir", str(folder)]) == 1
    assert "No journal found" in capsys.readouterr().err
    assert not folder.exists()


def test_check_of_a_damaged_file_is_one_line_and_non_zero(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "journal.sqlite3").write_bytes(b"not a journal" * 50)
    result = run("check", "--data-dir", str(folder))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert (folder / "journal.sqlite3").read_bytes() == b"not a journal" * 50


@pytest.mark.parametrize("args", [
    ["frobnicate"],
    ["demo", "--days", "ten"],
    ["demo", "--days", "0"],
    ["demo", "--seed", "x"],
    ["check", "--unknown"],
])
def test_wrong_arguments_are_one_line_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--help" in result.stderr


def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("demo", "--days", "3", "--data-dir", str(blocker / "inside"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr.strip()


def test_insights_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    folder = str(tmp_path / "d")
    assert main(["demo", "--days", "365", "--seed", "4", "--data-dir", folder]) == 0
    capsys.readouterr()
    assert main(["insights", "--data-dir", folder]) == 0
    assert "not proof of cause" in capsys.readouterr().out
    assert main(["insights", "--json", "--data-dir", folder]) == 0
    figures = json.loads(capsys.readouterr().out)
    main_figure = figures["associations"]["meaningful_contacts_vs_mood"]
    assert main_figure["status"] == "ok" and main_figure["spearman"] > 0
    assert main_figure["ci_low"] > 0


@pytest.mark.parametrize("args", [["--from", "2026-02-30"], ["--to", "soon"]])
def test_insights_bad_dates(tmp_path: Path, args: list[str]) -> None:
    result = run("insights", "--data-dir", str(tmp_path), *args)
    assert result.returncode == 2 and "expected a date" in result.stderr


def test_insights_range_backwards(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(tmp_path / "d")
    main(["demo", "--days", "20", "--data-dir", folder])
    assert main(["insights", "--from", "2026-02-01", "--to", "2026-01-01",
                 "--data-dir", folder]) == 2
    assert "end of the range" in capsys.readouterr().err
