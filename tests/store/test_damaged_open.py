"""A possibly damaged journal is looked at read-only first and never written to."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from journal.cli import main
from journal.domain.errors import JournalDamaged
from journal.domain.records import Day
from journal.services import Journal
from tests.helpers import TODAY, fixed_clock


def _journal_with_backup(data_dir: Path) -> str:
    journal = Journal.open(data_dir, clock=fixed_clock)
    journal.save_day(Day(date=TODAY, mood=6, note="kept"))
    name = journal.backup("manual").name
    journal.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    journal.close()
    return name


@pytest.mark.parametrize("index", [0, 6, 15, "zeroed"])
def test_a_flipped_header_byte_is_damage_not_encryption(
    data_dir: Path, index: int | str, capsys: pytest.CaptureFixture[str]
) -> None:
    _journal_with_backup(data_dir)
    path = data_dir / "journal.sqlite3"
    data = bytearray(path.read_bytes())
    if index == "zeroed":
        data[:4096] = bytes(4096)
    else:
        data[index] ^= 0x20
    path.write_bytes(bytes(data))
    with pytest.raises(JournalDamaged, match="is damaged"):
        Journal.open(data_dir, clock=fixed_clock)
    assert main(["check", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "passphrase" not in err
    assert path.read_bytes() == bytes(data)


def test_a_leftover_wal_is_not_merged_into_a_damaged_file(data_dir: Path, tmp_path: Path) -> None:
    _journal_with_backup(data_dir)
    writer = Journal.open(data_dir, clock=fixed_clock)
    writer.save_day(Day(date=TODAY, mood=2, note="in the WAL only"))
    crashed = tmp_path / "crashed"  # the files as a crash would leave them
    shutil.copytree(data_dir, crashed)
    writer.close()
    main_file, wal = crashed / "journal.sqlite3", crashed / "journal.sqlite3-wal"
    assert wal.stat().st_size > 0
    data = bytearray(main_file.read_bytes())
    data[4096 * 2 : 4096 * 2 + 300] = b"\xff" * 300
    main_file.write_bytes(bytes(data))
    wal_bytes = wal.read_bytes()
    with pytest.raises(JournalDamaged):
        Journal.open(crashed, clock=fixed_clock)
    assert main_file.read_bytes() == bytes(data) and wal.read_bytes() == wal_bytes


def test_a_zero_byte_journal_with_backups_is_damaged(data_dir: Path, tmp_path: Path) -> None:
    name = _journal_with_backup(data_dir)
    path = data_dir / "journal.sqlite3"
    path.write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        (data_dir / f"journal.sqlite3{suffix}").unlink(missing_ok=True)
    with pytest.raises(JournalDamaged, match="empty"):
        Journal.open(data_dir, clock=fixed_clock)
    assert path.read_bytes() == b""
    assert main(["restore", name, "--data-dir", str(data_dir)]) == 0
    restored = Journal.open(data_dir, clock=fixed_clock, read_only=True)
    assert restored.day(TODAY).note == "kept"
    restored.close()
    alone = tmp_path / "alone"  # no backups: an empty file is a journal not yet begun
    alone.mkdir()
    (alone / "journal.sqlite3").write_bytes(b"")
    Journal.open(alone, clock=fixed_clock).close()


def _break_a_rule(data_dir: Path) -> None:
    conn = sqlite3.connect(data_dir / "journal.sqlite3")
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE days SET mood = 99")
    conn.commit()
    conn.close()


def test_rows_breaking_a_check_constraint_block_writes(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _journal_with_backup(data_dir)
    _break_a_rule(data_dir)
    folder = str(data_dir)
    before = (data_dir / "journal.sqlite3").read_bytes()
    for args in (
        ["log", "--mood", "5", "--date", "2026-03-01"],
        ["contact", "add", "--person", "Sam", "--kind", "friend", "--mode", "phone"],
    ):
        assert main([*args, "--data-dir", folder]) == 1
        err = capsys.readouterr().err
        assert "is damaged (CHECK constraint failed in days)" in err
        assert "backup can be restored" in err
    assert (data_dir / "journal.sqlite3").read_bytes() == before
    assert main(["check", "--data-dir", folder]) == 1
    assert "CHECK constraint failed in days" in capsys.readouterr().out


def test_the_app_finds_broken_rules_with_its_daily_backup(data_dir: Path) -> None:
    _journal_with_backup(data_dir)
    for path in (data_dir / "backups").iterdir():
        path.unlink()  # no backup today yet: the app's open makes one and checks it
    _break_a_rule(data_dir)
    with pytest.raises(JournalDamaged, match="CHECK constraint failed in days"):
        Journal.open(data_dir, clock=fixed_clock, full_check=False)
    assert list((data_dir / "backups").iterdir()) == []  # no copy kept of a broken journal


def test_a_garbled_header_with_a_plain_wal_is_damage_not_encryption(
    data_dir: Path, tmp_path: Path
) -> None:
    _journal_with_backup(data_dir)
    writer = Journal.open(data_dir, clock=fixed_clock)
    writer.db.execute("PRAGMA user_version = 1")  # page 1 into the WAL
    writer.save_day(Day(date=TODAY, mood=3))
    crashed = tmp_path / "crashed"
    shutil.copytree(data_dir, crashed)
    writer.close()
    path = crashed / "journal.sqlite3"
    data = bytearray(path.read_bytes())
    data[:100] = bytes(range(100, 200))  # nothing of the header left
    path.write_bytes(bytes(data))
    with pytest.raises(JournalDamaged, match="first bytes"):
        Journal.open(crashed, clock=fixed_clock)
    assert path.read_bytes() == bytes(data)
