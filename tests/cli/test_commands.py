"""The command line as a newcomer drives it: help, demo, check, and every kind of mistake."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from journal import __version__
from journal.cli import main
from journal.store.migrations import CURRENT_VERSION


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "journal", *args], capture_output=True, text=True, timeout=120
    )


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
    assert "Health: ok" in out and f"Schema version: {CURRENT_VERSION} (current)" in out
    assert "contacts" in out


@pytest.mark.parametrize(("days", "said"), [("100000", "at most 36500"), ("0", "at least 1")])
def test_demo_days_out_of_range_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], days: str, said: str
) -> None:
    folder = tmp_path / "j"
    with pytest.raises(SystemExit) as exit_:
        main(["demo", "--days", days, "--data-dir", str(folder)])
    assert exit_.value.code == 2  # like any bad argument, not 1 (a journal problem)
    assert said in capsys.readouterr().err
    assert not folder.exists()  # nothing created


def test_demo_refuses_non_empty_journal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(tmp_path / "d")
    assert main(["demo", "--days", "5", "--data-dir", folder]) == 0
    capsys.readouterr()
    assert main(["demo", "--days", "5", "--data-dir", folder]) == 1
    err = capsys.readouterr().err
    assert "already has entries" in err and "--force" in err
    assert main(["demo", "--days", "5", "--force", "--data-dir", folder]) == 0


def test_check_of_missing_journal_fails_without_creating_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "absent"
    assert main(["check", "--data-dir", str(folder)]) == 1
    assert "No journal in" in capsys.readouterr().err
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


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["demo", "--days", "ten"],
        ["demo", "--days", "0"],
        ["demo", "--seed", "x"],
        ["check", "--unknown"],
    ],
)
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
    assert (
        main(["insights", "--from", "2026-02-01", "--to", "2026-01-01", "--data-dir", folder]) == 2
    )
    assert "end of the range" in capsys.readouterr().err


def test_log_changes_only_the_fields_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from journal.services import Journal

    folder = str(tmp_path / "j")
    assert (
        main(["log", "--date", "2026-01-02", "--mood", "6", "--note", "kept", "--data-dir", folder])
        == 0
    )
    assert (
        main(
            ["log", "--date", "2026-01-02", "--energy", "4", "--sleep", "7.5", "--data-dir", folder]
        )
        == 0
    )
    journal = Journal.open(Path(folder))
    day = journal.day(dt.date(2026, 1, 2))
    journal.close()
    assert (day.mood, day.energy, day.sleep_hours, day.note) == (6, 4, 7.5, "kept")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--mood", "11"], "mood must be between 0 and 10"),
        (["--mood", "5", "--anxiety", "x"], "anxiety must be a whole number"),
        (["--mood", "5", "--date", "2999-01-01"], "date cannot be in the future"),
        ([], "give at least one field"),
    ],
)
def test_log_bad_input_saves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    folder = tmp_path / "j"
    assert main(["log", *args, "--data-dir", str(folder)]) == 2
    assert message in capsys.readouterr().err
    assert main(["check", "--data-dir", str(folder)]) == 0
    assert "days                   0" in capsys.readouterr().out


def test_contact_add_and_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(tmp_path / "j")
    base = ["contact", "add", "--date", "2026-01-02", "--data-dir", folder]
    assert main([*base, "--person", "Sam", "--mode", "phone"]) == 2
    assert "add --kind to create them" in capsys.readouterr().err
    assert (
        main(
            [
                *base,
                "--person",
                "Sam",
                "--mode",
                "phone",
                "--kind",
                "friend",
                "--quality",
                "5",
                "--minutes",
                "20",
            ]
        )
        == 0
    )
    assert main([*base, "--person", "sam", "--mode", "text"]) == 0  # known, any case
    for bad, message in [
        (["--quality", "6"], "quality must be between 1 and 5"),
        (["--minutes", "2000"], "minutes must be between 0 and 1440"),
        (["--minutes", "-1"], "minutes must be between 0 and 1440"),
    ]:
        capsys.readouterr()
        assert main([*base, "--person", "Sam", "--mode", "text", *bad]) == 2
        assert message in capsys.readouterr().err
    assert (
        run("contact", "add", "--person", "Sam", "--mode", "fax", "--data-dir", folder).returncode
        == 2
    )
    capsys.readouterr()
    assert main(["contact", "list", "--date", "2026-01-02", "--data-dir", folder]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2 and "Sam" in lines[0] and "20 min" in lines[0]


def test_export_import_and_backup_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = str(tmp_path / "a"), str(tmp_path / "b")
    main(["demo", "--days", "30", "--data-dir", source])
    assert (
        main(
            ["export", "--format", "json", "--out", str(tmp_path / "a.json"), "--data-dir", source]
        )
        == 0
    )
    assert (
        main(["export", "--format", "csv", "--out", str(tmp_path / "a.zip"), "--data-dir", source])
        == 0
    )
    assert main(["import", str(tmp_path / "a.json"), "--format", "json", "--data-dir", target]) == 0
    assert main(["import", str(tmp_path / "a.json"), "--format", "json", "--data-dir", target]) == 1
    assert "choose merge" in capsys.readouterr().err
    assert (
        main(
            [
                "import",
                str(tmp_path / "a.json"),
                "--format",
                "json",
                "--merge",
                "--data-dir",
                target,
            ]
        )
        == 0
    )
    assert "nothing new" in capsys.readouterr().out
    assert main(["backup", "--data-dir", target]) == 0
    assert "backups" in capsys.readouterr().out
    (tmp_path / "bad.json").write_text(
        '{"format": "connection-journal", "version": 1, '
        '"tables": {"days": [{"date": "2026-01-01", '
        '"mood": 12}]}}'
    )
    assert (
        main(
            [
                "import",
                str(tmp_path / "bad.json"),
                "--format",
                "json",
                "--merge",
                "--data-dir",
                target,
            ]
        )
        == 2
    )
    assert "days record 1, field mood: mood must be between 0 and 10" in capsys.readouterr().err


def test_daylio_dry_run_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = tmp_path / "daylio.csv"
    sample.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2026-01-02,Jan 2,Friday,20:00,good,friends | walk,,\n"
    )
    folder = str(tmp_path / "j")
    assert (
        main(
            [
                "import",
                str(sample),
                "--format",
                "daylio",
                "--dry-run",
                "--activity-map",
                "friends=friend",
                "--data-dir",
                folder,
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "1 day from 2026-01-02 to 2026-01-02, 1 contact." in out and "walk" in out
    assert "1 rows" not in out and "1 days" not in out
    assert not (tmp_path / "j").exists()  # not even an empty journal was made
    assert (
        main(
            [
                "import",
                str(sample),
                "--format",
                "daylio",
                "--activity-map",
                "friends",
                "--data-dir",
                folder,
            ]
        )
        == 2
    )
    assert "expected label=value" in capsys.readouterr().err


def test_person_show_keep_in_touch_and_while(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "p")
    assert (
        main(
            [
                "contact",
                "add",
                "--date",
                "2026-01-02",
                "--person",
                "Sam",
                "--kind",
                "friend",
                "--mode",
                "phone",
                "--quality",
                "4",
                "--data-dir",
                folder,
            ]
        )
        == 0
    )
    assert main(["person", "keep-in-touch", "Sam", "7", "--data-dir", folder]) == 0
    assert "every 7 days" in capsys.readouterr().out
    assert main(["person", "while", "--data-dir", folder]) == 0
    listed = capsys.readouterr().out
    assert listed.startswith("Sam\t") and "every 7 days" in listed
    assert main(["person", "show", "Sam", "--data-dir", folder]) == 0
    shown = capsys.readouterr().out
    assert "Last contact: 2026-01-02" in shown and "4.0 / 5 over 1 contact\n" in shown
    assert "not enough data yet" in shown and "Keep in touch: every 7 days" in shown
    assert main(["person", "keep-in-touch", "Sam", "0", "--data-dir", folder]) == 2
    assert "keep in touch every (days) must be between 1 and 365" in capsys.readouterr().err
    assert main(["person", "keep-in-touch", "Sam", "off", "--data-dir", folder]) == 0
    assert main(["person", "while", "--data-dir", folder]) == 0
    assert "No keep-in-touch wish" in capsys.readouterr().out
    assert main(["person", "show", "Nobody", "--data-dir", folder]) == 2


def test_an_empty_list_says_so_on_stderr_and_prints_no_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "journal")
    assert main(["--data-dir", folder, "log", "--mood", "5"]) == 0
    capsys.readouterr()
    said = {
        "contact": "No contacts on ",
        "session": "No sessions from ",
        "medication": "No medications yet.",
        "commitment": "No commitments in the week of ",
        "topic": "No open topics.",
    }
    for command, words in said.items():
        assert main(["--data-dir", folder, command, "list"]) == 0
        out, err = capsys.readouterr()
        assert out == "" and err.startswith(words), command
    assert main(["--data-dir", folder, "topic", "list", "--all"]) == 0
    assert capsys.readouterr().err == "No topics yet.\n"


def test_insights_count_one_check_in_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "journal")
    assert main(["--data-dir", folder, "log", "--mood", "5"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", folder, "insights"]) == 0
    out = capsys.readouterr().out
    assert "(1 check-in):" in out and "has 1 day." in out


def test_an_import_says_what_it_added_in_words() -> None:
    from journal.cli.report_commands import _records

    assert _records("medications", 1) == "1 medication"
    assert _records("commitment_log", 3) == "3 days of commitments"
    assert _records("agenda", 1_204) == "1,204 topics"
    assert _records("safety_plan", 1) == "the safety plan"
