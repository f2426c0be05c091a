"""The privacy and durability promises, each tried for real."""

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from journal.domain.errors import (
    JournalError,
    JournalInUse,
    PassphraseRequired,
    ValidationError,
    WrongPassphrase,
)
from journal.services import Journal
from journal.store import backup as backup_store
from journal.store.connection import encryption_available
from tests.helpers import TODAY, fixed_clock

SECRET = "zebra-unicorn-marmalade"
needs_cipher = pytest.mark.skipif(not encryption_available(), reason="sqlcipher3 not installed")


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _contains(folder: Path, text: str) -> list[str]:
    return [p.name for p in _files(folder) if text.encode() in p.read_bytes()]


@pytest.fixture
def noted(data_dir: Path, make_day) -> Journal:
    journal = Journal.open(data_dir, clock=fixed_clock)
    journal.save_day(make_day(note=f"my {SECRET} words"))
    journal.backup("manual")
    return journal


@needs_cipher
def test_encryption_leaves_no_plaintext_anywhere(noted: Journal, data_dir: Path, make_day) -> None:
    assert _contains(data_dir, SECRET)  # plain before
    noted.set_passphrase("correct horse")
    noted.save_day(make_day(date=TODAY - dt.timedelta(days=1), note=f"later {SECRET}"))
    noted.backup("manual")
    assert noted.day(TODAY).note == f"my {SECRET} words"
    assert _contains(data_dir, SECRET) == []  # journal, WAL and every backup
    noted.close()
    with pytest.raises(PassphraseRequired):
        Journal.open(data_dir, clock=fixed_clock)
    before = {p.name: p.read_bytes() for p in _files(data_dir) if p.suffix == ".sqlite3"}
    with pytest.raises(WrongPassphrase):
        Journal.open(data_dir, clock=fixed_clock, passphrase="wrong horse")
    assert {p.name: p.read_bytes() for p in _files(data_dir) if p.suffix == ".sqlite3"} == before
    reopened = Journal.open(data_dir, clock=fixed_clock, passphrase="correct horse")
    assert reopened.day(TODAY).note == f"my {SECRET} words"
    reopened.close()


@needs_cipher
def test_change_and_remove_passphrase_keep_everything(noted: Journal, data_dir: Path) -> None:
    noted.set_passphrase("first passphrase")
    noted.change_passphrase("second passphrase")
    noted.close()
    with pytest.raises(WrongPassphrase):
        Journal.open(data_dir, passphrase="first passphrase")
    journal = Journal.open(data_dir, clock=fixed_clock, passphrase="second passphrase")
    backups = journal.backups()
    assert backups
    journal.restore(backups[-1].name)  # backups are readable with the new passphrase
    assert journal.day(TODAY).note == f"my {SECRET} words"
    journal.remove_passphrase()
    journal.close()
    plain = Journal.open(data_dir, clock=fixed_clock)
    assert plain.day(TODAY) is not None
    plain.close()


def test_short_passphrase_is_refused(noted: Journal) -> None:
    with pytest.raises(ValidationError, match="at least 8 characters"):
        noted.set_passphrase("short")
    assert not noted.encrypted


def test_restore_backs_up_first_and_brings_back_the_day(noted: Journal, make_day) -> None:
    yesterday = noted.backups()[0]
    noted.save_day(make_day(note="changed my mind"))
    safety = noted.restore(yesterday.name)
    assert noted.day(TODAY).note == f"my {SECRET} words"
    assert safety.exists() and "before-restore" in safety.name
    with pytest.raises(ValidationError):
        noted.restore("no-such-backup")


def test_a_damaged_backup_is_refused(noted: Journal) -> None:
    path = noted.backups()[0]
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100 + b"junk" * 1000)
    with pytest.raises(JournalError):
        noted.restore(path.name)
    assert noted.day(TODAY).note == f"my {SECRET} words"


def test_daily_backup_once_a_day_on_open(data_dir: Path, make_day) -> None:
    journal = Journal.open(data_dir, clock=fixed_clock)
    assert journal.backups() == []  # an empty journal has nothing to back up
    journal.save_day(make_day())
    journal.close()
    for _ in range(2):
        Journal.open(data_dir, clock=fixed_clock).close()
    assert [backup_store.backup_reason(p) for p in backup_store.list_backups(data_dir)] == ["daily"]


def test_rotation_keeps_7_daily_and_8_weekly(tmp_path: Path, make_day) -> None:
    journal = Journal.open(tmp_path / "j", clock=fixed_clock)
    journal.save_day(make_day())
    good = journal.backup("manual").read_bytes()
    journal.close()
    folder = tmp_path / "backups"
    folder.mkdir()
    now = dt.datetime(2026, 3, 15, 12, 0)
    for days_ago in range(120):
        for hour in (9, 18):
            moment = now - dt.timedelta(days=days_ago) - dt.timedelta(hours=12 - hour)
            (folder / f"journal-{moment:%Y%m%d-%H%M%S}-daily.sqlite3").write_bytes(good)
    backup_store.rotate(tmp_path, now)
    kept = backup_store.list_backups(tmp_path)
    times = [backup_store.backup_time(p) for p in kept]
    days = {t.date() for t in times}
    weeks = {t.isocalendar()[:2] for t in times}
    assert len(weeks) == 8
    assert {now.date() - dt.timedelta(days=i) for i in range(7)} <= days
    assert len(kept) <= 1 + 7 + 8 + 1  # the last 24 hours may hold two


def test_one_instance_per_journal(data_dir: Path) -> None:
    first = Journal.open(data_dir, clock=fixed_clock)
    with pytest.raises(JournalInUse, match="already open"):
        Journal.open(data_dir, clock=fixed_clock)
    reader = Journal.open(data_dir, clock=fixed_clock, lock=False)  # read-only commands
    reader.close()
    first.close()
    Journal.open(data_dir, clock=fixed_clock).close()  # released on close


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_everything_written_is_private(noted: Journal, data_dir: Path) -> None:
    noted.export_json(data_dir.parent / "export.json")
    for path in [data_dir, *data_dir.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path
    assert stat.S_IMODE((data_dir.parent / "export.json").stat().st_mode) == 0o600


def test_a_damaged_journal_is_restored_from_a_backup_and_kept_aside(
    noted: Journal, data_dir: Path
) -> None:
    from journal.domain.errors import JournalDamaged
    from journal.services.privacy import restore_damaged

    name = noted.backups()[0].name
    noted.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    noted.close()
    path = data_dir / "journal.sqlite3"
    damaged = bytearray(path.read_bytes())
    damaged[4096 * 2 : 4096 * 2 + 300] = b"\xff" * 300
    path.write_bytes(bytes(damaged))
    with pytest.raises(JournalDamaged):
        Journal.open(data_dir, clock=fixed_clock)
    aside = restore_damaged(data_dir, name, now=fixed_clock())
    assert aside.read_bytes() == bytes(damaged)  # never written to, kept
    restored = Journal.open(data_dir, clock=fixed_clock)
    assert restored.day(TODAY).note == f"my {SECRET} words"
    restored.close()
