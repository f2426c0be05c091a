"""Calm failures on the command line: a full disk during every writing command, and a bug.

Each is one line on stderr and exit 1, never a traceback, and leaves nothing half-written.
The full disk is injected in-process at the write (the function that writes, raising what
SQLite or the OS raises then); a real small tmpfs was also tried by hand (see the report).
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from journal import buglog
from journal.cli import main
from journal.services import Journal
from journal.store.schema import TABLES
from tests.helpers import TODAY, fixed_clock

DISK_FULL = "database or disk is full"


def sqlite_full(*_: object, **__: object) -> None:
    raise sqlite3.OperationalError(DISK_FULL)


def os_full(*_: object, **__: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def failing_after(calls: int, real: Callable[..., Any]) -> Callable[..., Any]:
    """``real`` for the first ``calls`` calls, then a full disk: a write that stops half-way."""
    made = 0

    def write(*args: object, **kwargs: object) -> Any:
        nonlocal made
        made += 1
        if made > calls:
            sqlite_full()
        return real(*args, **kwargs)

    return write


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A journal with a day, a person and two contacts."""
    path = tmp_path / "journal"
    journal = Journal.open(path, clock=fixed_clock)
    journal.save_day(journal_day())
    sam = journal.add_person("Sam", "friend")
    for minutes in (5, 20):
        journal.save_contact_for("Sam", mode="text", quality=4, minutes=minutes, date=TODAY)
    assert sam.id is not None
    journal.close()
    return path


def journal_day():  # type: ignore[no-untyped-def]
    from journal.domain.records import Day

    return Day(date=TODAY, mood=6, note="a note of the person")


def counts(folder: Path) -> dict[str, int]:
    journal = Journal.open(folder, create=False, clock=fixed_clock, lock=False)
    try:
        return {table: journal.db[table].count for table in TABLES}
    finally:
        journal.close()


def calm_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("\n") == 1, err  # one line
    return err.strip()


@pytest.mark.parametrize(
    "command, target",
    [
        (["log", "--mood", "3", "--note", "new words"], "journal.store.days.save_day"),
        (
            ["contact", "add", "--person", "Sam", "--mode", "phone", "--minutes", "30"],
            "journal.store.contacts.add_contact",
        ),
        (
            ["contact", "add", "--person", "Maya", "--kind", "friend", "--mode", "phone"],
            "journal.store.contacts.add_contact",
        ),
        (["backup"], "journal.store.backup.make_backup"),
    ],
)
def test_a_full_disk_is_one_calm_line_and_changes_nothing(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    target: str,
) -> None:
    before = counts(folder)
    main(["backup", "--data-dir", str(folder)])  # the day's backup is made, not in the way
    capsys.readouterr()
    for fault in (sqlite_full, os_full):
        monkeypatch.setattr(target, fault)
        assert main([*command, "--data-dir", str(folder)]) == 1
        assert "The disk is full" in calm_line(capsys)
    monkeypatch.undo()
    assert counts(folder) == before  # Maya was not created either


def test_a_full_disk_half_way_through_an_import_writes_nothing(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    export = tmp_path / "export.json"
    assert (
        main(["export", "--format", "json", "--out", str(export), "--data-dir", str(folder)]) == 0
    )
    empty = tmp_path / "empty"
    import journal.report.import_json as import_json
    import journal.report.merge as merge

    monkeypatch.setattr(import_json, "insert_rows", failing_after(2, import_json.insert_rows))
    # the big tables are written as value tuples: the contacts, after the days, fail
    monkeypatch.setattr(import_json, "insert_tuples", failing_after(1, import_json.insert_tuples))
    assert main(["import", str(export), "--format", "json", "--data-dir", str(empty)]) == 1
    assert "The disk is full" in calm_line(capsys)
    assert set(counts(empty).values()) == {0}

    other = tmp_path / "other"
    journal = Journal.open(other, clock=fixed_clock)
    journal.add_person("Ana", "family")
    journal.close()
    before = counts(other)
    monkeypatch.setattr(merge, "_insert", failing_after(2, merge._insert))
    assert (
        main(["import", str(export), "--format", "json", "--merge", "--data-dir", str(other)]) == 1
    )
    assert "The disk is full" in calm_line(capsys)
    assert counts(other) == before


def test_a_full_disk_while_setting_a_passphrase_leaves_the_journal_as_it_was(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = counts(folder)
    secret = tmp_path / "passphrase.txt"
    secret.write_text("correct horse battery staple\n")
    monkeypatch.setattr("journal.store.rekey.rewrite", sqlite_full)
    assert (
        main(["passphrase", "set", "--new-passphrase-file", str(secret), "--data-dir", str(folder)])
        == 1
    )
    assert "The disk is full" in calm_line(capsys)
    assert counts(folder) == before  # still opens without a passphrase, everything there
    assert not list(folder.glob("*.rewrite*")) and not list(folder.rglob("*.rekey"))


def test_a_full_disk_during_an_export_leaves_no_file(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(os, "fsync", os_full)
    for kind in ("json", "csv"):
        out = tmp_path / f"out.{kind}"
        assert main(["export", "--format", kind, "--out", str(out), "--data-dir", str(folder)]) == 1
        assert "The disk is full" in calm_line(capsys)
        assert not out.exists() and not list(tmp_path.glob("out.*"))


@pytest.mark.parametrize(
    "fault, words",
    [
        (OSError(errno.EROFS, "Read-only file system", "/media/x/journal.sqlite3"), "read-only"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "read-only"),
        (PermissionError(errno.EACCES, "Permission denied", "/srv/j"), "Permission was refused"),
        (sqlite3.OperationalError("disk I/O error"), "The disk reported an error"),
        (
            OSError(errno.ENOTCONN, "Transport endpoint is not connected", "/mnt/j"),
            "Could not read or write /mnt/j (Transport endpoint is not connected)",
        ),
    ],
)
def test_other_refusals_of_the_system_are_one_calm_line(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fault: Exception,
    words: str,
) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise fault

    monkeypatch.setattr("journal.store.days.save_day", refuse)
    assert main(["log", "--mood", "4", "--data-dir", str(folder)]) == 1
    assert words in calm_line(capsys)


def test_a_bug_is_logged_without_the_persons_words_and_the_line_says_where(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def bug(db: object, day: object, **_: object) -> None:
        words = {"the note": "my very private words"}
        raise RuntimeError(f"cannot save {words}") from KeyError("my very private words")

    monkeypatch.setattr("journal.store.days.save_day", bug)
    assert (
        main(["log", "--mood", "4", "--note", "my very private words", "--data-dir", str(folder)])
        == 1
    )
    line = calm_line(capsys)
    log = buglog.log_path(folder)
    assert line == (
        "connection-journal: Something went wrong on our side. Nothing you saved "
        f"is lost. Details were written to {log}."
    )
    text = log.read_text()
    assert "my very private" not in text and "private words" not in text
    assert "bug in cli log" in text
    assert "RuntimeError" in text and "KeyError" in text and ", in bug" in text
    assert "direct cause" in text and "_log" in text  # the frames, file and function names
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700


def test_a_bug_with_no_folder_to_log_in_still_says_so_calmly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def bug(*_: object, **__: object) -> None:
        raise ValueError("x")

    # check opens the journal with the standard library alone (check_journal)
    monkeypatch.setattr("journal.cli.journal_commands.with_passphrase", bug)
    missing = tmp_path / "absent"
    assert main(["check", "--data-dir", str(missing)]) == 1
    assert "Details could not be written down" in calm_line(capsys)
    assert not missing.exists()  # no folder made just to complain in it


def test_the_log_rotates_and_keeps_three_old_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(buglog, "MAX_BYTES", 2048)
    for n in range(60):
        try:
            raise RuntimeError(str(n))
        except RuntimeError as error:
            assert buglog.record_bug(tmp_path, error, where="test") is not None
    logs = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert logs == ["connection-journal.log", *(f"connection-journal.log.{i}" for i in (1, 2, 3))]
    for path in (tmp_path / "logs").iterdir():
        assert 0 < path.stat().st_size <= 2048
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_log_that_cannot_be_written_is_none_and_prints_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "logs").write_text("a file where the folder would be")
    assert buglog.record_bug(tmp_path, RuntimeError("x")) is None
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize(
    "command, field",
    [
        (["log", "--mood", "5", "--note", "caf\udce9"], "note"),  # b"caf\xe9" on a UTF-8 terminal
        (
            ["contact", "add", "--person", "J\udcf6rg", "--kind", "friend", "--mode", "phone"],
            "person",
        ),
    ],
)
def test_undecodable_bytes_on_the_command_line_are_named_and_nothing_is_saved(
    folder: Path, capsys: pytest.CaptureFixture[str], command: list[str], field: str
) -> None:
    before = counts(folder)
    assert main([*command, "--data-dir", str(folder)]) == 2
    assert f"{field} holds a character that is not valid text" in calm_line(capsys)
    assert counts(folder) == before


def test_a_bug_while_reading_the_arguments_is_calm_too(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def bug() -> None:
        raise TypeError("x")

    monkeypatch.setattr("journal.cli.build_parser", bug)
    assert main(["check"]) == 1
    assert "Something went wrong on our side" in calm_line(capsys)
    assert main(["--version"]) == 1  # even where argparse would have exited


def test_the_one_mapping_of_system_errors() -> None:
    import sqlcipher3.dbapi2 as sqlcipher

    from journal.domain.errors import StorageError
    from journal.domain.system_errors import calm_error

    cases: list[tuple[BaseException, str | None]] = [
        (sqlcipher.OperationalError(DISK_FULL), "The disk is full"),  # not sqlite3's class
        (sqlcipher.DatabaseError("file is not a database"), "could not be read as a journal"),
        (sqlite3.OperationalError("database is locked"), "busy in another program"),
        (OSError(errno.EDQUOT, "Disk quota exceeded", "/home/x"), "The disk is full (/home/x)"),
        (MemoryError(), "not enough memory"),
        (
            UnicodeEncodeError("utf-8", "\udcff", 0, 1, "surrogates not allowed"),
            "not valid Unicode",
        ),
        (
            UnicodeEncodeError("ascii", "Zoë", 2, 3, "ordinal not in range"),
            "cannot be shown here (ascii)",
        ),
        (sqlite3.OperationalError("no such table: people"), None),  # a bug
        (ValueError("x"), None),
    ]
    for error, words in cases:
        calm = calm_error(error)
        if words is None:
            assert calm is None, error
        else:
            assert isinstance(calm, StorageError) and words in str(calm), (error, calm)
