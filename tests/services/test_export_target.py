"""An export never lands in the journal's own folder: renamed over the journal or a backup, it
would replace it silently."""

from pathlib import Path

import pytest

from journal.cli import main
from journal.domain.errors import ValidationError
from journal.services import Journal
from tests.helpers import TODAY, fixed_clock


@pytest.fixture
def folder(data_dir: Path, make_day) -> Path:
    journal = Journal.open(data_dir, clock=fixed_clock)
    journal.save_day(make_day(date=TODAY, note="words to keep"))
    journal.backup("manual")
    journal.close()
    return data_dir


@pytest.mark.parametrize("kind", ["json", "csv", "pdf"])
def test_an_export_over_the_journal_or_a_backup_is_refused(folder: Path, kind: str, capsys) -> None:
    journal_file = folder / "journal.sqlite3"
    (backup,) = (folder / "backups").glob("journal-*.sqlite3")
    targets = [journal_file, backup, folder / "summary.pdf", folder]
    before = {p: p.read_bytes() for p in (journal_file, backup)}
    for target in targets:
        code = main(["export", "--format", kind, "--out", str(target), "--data-dir", str(folder)])
        err = capsys.readouterr().err
        assert code == 2 and "journal's own folder" in err, target
        assert err.count("\n") == 1
    assert {p: p.read_bytes() for p in before} == before
    assert not (folder / "summary.pdf").exists()


def test_the_use_case_refuses_a_relative_path_into_the_folder(folder: Path, monkeypatch) -> None:
    monkeypatch.chdir(folder / "backups")
    journal = Journal.open(folder, clock=fixed_clock)
    try:
        with pytest.raises(ValidationError, match="own folder"):
            journal.export_json(Path("../journal.sqlite3"))
        outside = folder.parent / "export.json"
        assert journal.export_json(outside) == outside  # anywhere else is fine
    finally:
        journal.close()


@pytest.mark.parametrize("content", [b"hello\n", b"%PDF-1.4 " + b"x" * 4087])
def test_a_foreign_file_in_place_of_a_plain_journal_is_damage_with_backups_offered(
    folder: Path, content: bytes, tmp_path: Path, capsys
) -> None:
    """Not taken for an encrypted journal (its backups are plain), with or without a
    passphrase given, and its backups restore it."""
    (folder / "journal.sqlite3").write_bytes(content)
    secret = tmp_path / "passphrase.txt"
    secret.write_text("a good long passphrase\n")
    for extra in ([], ["--passphrase-file", str(secret)]):
        assert main(["check", "--data-dir", str(folder), *extra]) == 1
        err = capsys.readouterr().err
        assert "is damaged" in err and "passphrase" not in err.replace("--passphrase", "")
    assert main(["restore", "--list", "--data-dir", str(folder)]) == 1
    name = capsys.readouterr().out.strip().splitlines()[-1].split("\t")[0]
    assert main(["restore", name, "--data-dir", str(folder)]) == 0
    journal = Journal.open(folder, clock=fixed_clock)
    assert journal.day(TODAY).note == "words to keep"
    journal.close()


def test_an_import_dry_run_writes_nothing_and_creates_nothing(
    folder: Path, tmp_path: Path, capsys
) -> None:
    daylio = tmp_path / "daylio.csv"
    daylio.write_text(
        "full_date,date,weekday,time,mood,activities,note\n"
        "2026-03-10,March 10,Tuesday,20:00,good,,a note\n",
        encoding="utf-8",
    )
    missing = tmp_path / "no-journal-yet"
    assert (
        main(["import", str(daylio), "--format", "daylio", "--dry-run", "--data-dir", str(missing)])
        == 0
    )
    assert "Nothing was written" in capsys.readouterr().out and not missing.exists()
    before = sorted(p.name for p in folder.rglob("*"))
    assert (
        main(["import", str(daylio), "--format", "daylio", "--dry-run", "--data-dir", str(folder)])
        == 0
    )
    assert sorted(p.name for p in folder.rglob("*")) == before  # no lock, no daily backup


def test_an_empty_data_dir_is_refused_rather_than_taken_for_your_own(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--data-dir", ""])
    assert exit_.value.code == 2 and "--data-dir is empty" in capsys.readouterr().err


def test_person_commands_read_without_writing(folder: Path, capsys) -> None:
    journal = Journal.open(folder, clock=fixed_clock)
    journal.add_person("Mum", "family")
    journal.close()
    before = sorted(p.name for p in folder.rglob("*"))
    assert main(["person", "show", "Mum", "--data-dir", str(folder)]) == 0
    assert sorted(p.name for p in folder.rglob("*")) == before


def test_log_says_when_an_empty_value_clears_a_field(folder: Path, capsys) -> None:
    assert (
        main(
            [
                "log",
                "--date",
                TODAY.isoformat(),
                "--mood",
                "6",
                "--note",
                "",
                "--data-dir",
                str(folder),
            ]
        )
        == 0
    )
    assert "Cleared: note." in capsys.readouterr().out
    assert (
        main(
            [
                "log",
                "--date",
                TODAY.isoformat(),
                "--mood",
                "7",
                "--note",
                "",
                "--data-dir",
                str(folder),
            ]
        )
        == 0
    )  # nothing left to clear: nothing said
    assert "Cleared" not in capsys.readouterr().out
