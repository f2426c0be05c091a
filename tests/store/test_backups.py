"""Backups you can trust: checked before they get their name, only checked ones offered."""

import datetime as dt
import errno
import sqlite3
from pathlib import Path

import pytest

from journal.cli import main
from journal.domain.errors import JournalError
from journal.domain.records import Day
from journal.services import Journal
from journal.services.privacy import FewerDays, restore_damaged
from journal.store import backup as backup_store
from journal.store import faults
from journal.store.connection import encryption_available
from tests.helpers import TODAY, fixed_clock

needs_cipher = pytest.mark.skipif(not encryption_available(), reason="sqlcipher3 not installed")


def _fill(journal: Journal, days: int, first: dt.date = TODAY) -> None:
    for i in range(days):
        journal.save_day(Day(date=first - dt.timedelta(days=i), mood=5, note=f"day {i}"))


@pytest.fixture
def hook(monkeypatch: pytest.MonkeyPatch):
    def install(function) -> None:
        monkeypatch.setattr(faults, "hook", function)

    return install


def test_a_backup_gets_its_name_only_after_it_checked_out(
    journal: Journal, data_dir: Path, hook
) -> None:
    _fill(journal, 3)
    seen: dict[str, list[str]] = {}

    def record(name: str) -> None:
        seen[name] = sorted(p.name for p in (data_dir / "backups").iterdir())

    hook(record)
    path = journal.backup("manual")
    assert list(seen) == [
        "backup:create",
        "backup:write",
        "backup:fsync",
        "backup:check",
        "backup:rename",
        "backup:fsync-folder",
    ]
    assert seen["backup:rename"] == [path.name + ".partial"]  # checked, not yet named
    assert [p.name for p in (data_dir / "backups").iterdir()] == [path.name]
    info = backup_store.inspect(path)
    assert isinstance(info, backup_store.BackupInfo)
    assert (info.days, info.last_entry, info.reason) == (3, TODAY, "manual")


def test_a_file_that_does_not_check_out_is_never_offered_counted_or_kept(
    journal: Journal, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(journal, 3)
    good = journal.backup("manual")
    folder = data_dir / "backups"
    empty = folder / "journal-20260315-110000-daily.sqlite3"
    empty.write_bytes(b"")
    partial = folder / "journal-20260315-120000-manual.sqlite3"
    partial.write_bytes(good.read_bytes()[:5000])
    assert journal.backups() == [good]
    assert set(journal.unverified_backups()) == {empty, partial}
    assert backup_store.made_today(data_dir, TODAY)
    good.unlink()
    assert not backup_store.made_today(data_dir, TODAY)  # the bad ones are not the day's
    journal.close()
    reopened = Journal.open(data_dir, clock=fixed_clock)  # so the daily backup is made
    assert [backup_store.backup_reason(p) for p in reopened.backups()] == ["daily"]
    for bad in (empty, partial):
        with pytest.raises(JournalError, match="does not check out"):
            reopened.restore(bad.name)
    assert reopened.days_held() == 3
    reopened.close()
    # rotation neither keeps a bad file in place of a good one nor deletes it
    later = dt.datetime(2026, 6, 1, 12, 0)
    backup_store.rotate(data_dir, later)
    assert empty.exists() and partial.exists()
    assert backup_store.list_backups(data_dir)  # the good one of its day is kept
    assert main(["restore", "--list", "--data-dir", str(data_dir)]) == 0
    out, err = capsys.readouterr()
    assert partial.name not in out and empty.name not in out
    assert partial.name in err and "do not check out" in err


def test_leftovers_of_interrupted_backups_and_restores_are_removed_at_open(
    journal: Journal, data_dir: Path
) -> None:
    _fill(journal, 1)
    good = journal.backup("manual")
    journal.close()
    folder = data_dir / "backups"
    leftovers = [
        folder / "journal-20260315-110000-daily.sqlite3.partial",
        folder / "journal-20260315-110000-daily.sqlite3.partial-journal",
        folder / "journal-20260315-110000-daily.sqlite3.partial-wal",
        data_dir / "journal.sqlite3.restoring",
        data_dir / "journal.sqlite3.restoring-journal",
    ]
    for path in leftovers:
        path.write_bytes(b"half")
    Journal.open(data_dir, clock=fixed_clock).close()
    assert not any(p.exists() for p in leftovers)
    assert good.exists()


def test_restore_list_shows_what_each_backup_holds(
    journal: Journal, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(journal, 2, TODAY - dt.timedelta(days=1))
    name = journal.backup("manual").name
    _fill(journal, 5)
    journal.close()
    assert main(["restore", "--list", "--data-dir", str(data_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    first = next(line.split("\t") for line in lines if line.startswith(name))
    assert first[0] == name and first[2] == "manual"
    assert first[4:] == ["2 days", f"last entry {TODAY - dt.timedelta(days=1)}"]


def test_restore_of_fewer_days_needs_a_yes(
    journal: Journal, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(journal, 2)
    name = journal.backup("manual").name
    _fill(journal, 6)
    with pytest.raises(FewerDays, match="holds 2 days, your journal 6"):
        journal.restore(name)
    journal.close()
    folder = str(data_dir)
    assert main(["restore", name, "--data-dir", folder]) == 1
    err = capsys.readouterr().err
    assert "holds 2 days, your journal 6" in err and "--yes" in err
    assert len(err.strip().splitlines()) == 1
    assert main(["restore", name, "--yes", "--data-dir", folder]) == 0
    reopened = Journal.open(data_dir, clock=fixed_clock, read_only=True)
    assert reopened.days_held() == 2
    reopened.close()


def test_restoring_a_damaged_journal_never_leaves_no_journal(
    journal: Journal, data_dir: Path, hook
) -> None:
    _fill(journal, 4)
    name = journal.backup("manual").name
    journal.close()
    path = data_dir / "journal.sqlite3"
    damaged = bytearray(path.read_bytes())
    damaged[4096 * 2 : 4096 * 2 + 300] = b"\xff" * 300
    path.write_bytes(bytes(damaged))
    steps = []

    def watch(step: str) -> None:
        steps.append(step)
        assert path.exists(), step

    hook(watch)
    aside = restore_damaged(data_dir, name, now=fixed_clock())
    assert {
        "restore:write",
        "restore:fsync",
        "restore:check",
        "restore:keep-aside",
        "restore:rename",
        "restore:fsync-folder",
    } <= set(steps)
    assert aside is not None and aside.read_bytes() == bytes(damaged)
    restored = Journal.open(data_dir, clock=fixed_clock)
    assert restored.days_held() == 4
    restored.close()


def test_an_empty_backup_is_refused_for_a_damaged_journal_too(
    data_dir: Path, journal: Journal
) -> None:
    _fill(journal, 1)
    journal.close()
    folder = data_dir / "backups"
    folder.mkdir(exist_ok=True)
    (folder / "journal-20260315-090000-daily.sqlite3").write_bytes(b"")
    before = (data_dir / "journal.sqlite3").read_bytes()
    with pytest.raises(JournalError, match="does not check out"):
        restore_damaged(data_dir, "journal-20260315-090000-daily", now=fixed_clock())
    assert (data_dir / "journal.sqlite3").read_bytes() == before


@pytest.mark.parametrize(
    "failure",
    [
        OSError(errno.ENOSPC, "No space left on device"),
        sqlite3.OperationalError("database or disk is full"),
    ],
)
@pytest.mark.parametrize("step", ["backup:write", "backup:fsync", "backup:rename"])
def test_a_full_disk_during_a_backup_is_one_calm_line_and_leaves_nothing(
    journal: Journal, data_dir: Path, hook, step: str, failure: Exception
) -> None:
    _fill(journal, 3)
    good = journal.backup("manual")

    def full(name: str) -> None:
        if name == step:
            raise failure

    hook(full)
    with pytest.raises(backup_store.BackupFailed, match="the disk is full"):
        journal.backup("manual")
    assert sorted((data_dir / "backups").iterdir()) == [good]  # no partial file
    assert journal.days_held() == 3
    journal.save_day(Day(date=TODAY, mood=9))  # the journal still works


def test_the_backup_command_on_a_full_disk(
    journal: Journal, data_dir: Path, hook, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(journal, 1)
    journal.close()

    def full(name: str) -> None:
        if name == "backup:write":
            raise OSError(errno.ENOSPC, "No space left on device")

    hook(full)
    assert main(["backup", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "disk is full" in err and len(err.strip().splitlines()) == 1


@needs_cipher
def test_an_encrypted_journal_is_restored_with_its_passphrase_both_ways(data_dir: Path) -> None:
    key = "correct horse battery"
    journal = Journal.open(data_dir, clock=fixed_clock, passphrase=key)  # encrypted from birth
    _fill(journal, 3)
    name = journal.backup("manual").name
    _fill(journal, 5)
    journal.restore(name, allow_fewer_days=True)  # the open journal
    assert journal.days_held() == 3
    assert sorted(info.days for info in journal.backup_details()) == [3, 5]  # + before-restore
    assert backup_store.list_backups(data_dir) == []  # none checks out without the key
    journal.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    journal.close()
    path = data_dir / "journal.sqlite3"
    damaged = bytearray(path.read_bytes())
    damaged[4096 * 2 : 4096 * 2 + 300] = b"\xff" * 300
    path.write_bytes(bytes(damaged))
    restore_damaged(data_dir, name, now=fixed_clock(), passphrase=key)
    reopened = Journal.open(data_dir, clock=fixed_clock, passphrase=key)
    assert reopened.days_held() == 3
    reopened.close()


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 1 MB tmpfs (needs root and mount; skipped elsewhere, the injected ENOSPC stays)."""
    import os
    import subprocess

    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    if (
        os.name != "posix"
        or os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
            capture_output=True,
        ).returncode
        != 0
    ):
        pytest.skip("no tmpfs can be mounted here")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=True)


def test_a_really_full_disk_during_a_backup(small_disk: Path) -> None:
    import os

    folder = small_disk / "journal"
    journal = Journal.open(folder, clock=fixed_clock)
    _fill(journal, 60)
    journal.close()
    journal = Journal.open(folder, clock=fixed_clock)  # today's backup made
    ballast = small_disk / "ballast"
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    ballast.write_bytes(b"\0" * (free - 8192))
    before = sorted((folder / "backups").iterdir())
    with pytest.raises(backup_store.BackupFailed, match="the disk is full"):
        journal.backup("manual")
    assert sorted((folder / "backups").iterdir()) == before
    assert journal.unverified_backups() == []
    ballast.unlink()
    assert journal.backup("manual").exists()
    assert journal.days_held() == 60
    journal.close()


def test_a_restore_of_one_day_fewer_says_it_in_the_singular(journal: Journal) -> None:
    _fill(journal, 1)
    name = journal.backup("manual").name
    _fill(journal, 2)
    with pytest.raises(FewerDays) as refused:
        journal.restore(name)
    assert "This backup holds 1 day, your journal 2" in str(refused.value)
    assert "with 1 fewer day." in str(refused.value)
