"""The structure check begun in a thread before the app imports Qt (``store.early_check``):
its verdict replaces the open's own check only when the file was sound and is unchanged."""

import os
import threading
from pathlib import Path

import pytest

from journal.domain.errors import JournalDamaged
from journal.domain.records import Day
from journal.services import Journal, check_early
from journal.store import connection, early_check
from tests.helpers import TODAY, fixed_clock


@pytest.fixture(autouse=True)
def _no_checks_left() -> None:
    early_check._pending.clear()


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of the thread of every read-only structure check made."""
    made: list[str] = []
    real = connection._open_checked

    def counted(path: Path, passphrase: str | None) -> object:
        made.append(threading.current_thread().name)
        return real(path, passphrase)

    monkeypatch.setattr(connection, "_open_checked", counted)
    return made


def _journal(data_dir: Path, note: str = "kept") -> Path:
    journal = Journal.open(data_dir, clock=fixed_clock)
    journal.save_day(Day(date=TODAY, mood=6, note=note))
    journal.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    journal.close()
    return data_dir / "journal.sqlite3"


def test_a_sound_journal_is_checked_once_in_the_thread(data_dir: Path, checks: list[str]) -> None:
    _journal(data_dir)
    checks.clear()
    check_early(data_dir)
    journal = Journal.open(data_dir, clock=fixed_clock)
    try:
        assert journal.day(TODAY).note == "kept"
    finally:
        journal.close()
    assert checks == ["journal-early-check"]


def test_the_verdict_is_used_once(data_dir: Path, checks: list[str]) -> None:
    _journal(data_dir)
    check_early(data_dir)
    Journal.open(data_dir, clock=fixed_clock).close()
    checks.clear()
    Journal.open(data_dir, clock=fixed_clock).close()  # a later open checks again itself
    assert checks == [threading.current_thread().name]


def test_a_file_changed_after_the_check_began_is_checked_again(
    data_dir: Path, checks: list[str]
) -> None:
    path = _journal(data_dir)
    check_early(data_dir)
    while early_check._pending[path.absolute()].thread.is_alive():
        early_check._pending[path.absolute()].thread.join(0.01)
    status = path.stat()
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000))  # written since
    checks.clear()
    Journal.open(data_dir, clock=fixed_clock).close()
    assert checks == [threading.current_thread().name]


def test_a_damaged_journal_is_refused_as_before(data_dir: Path, checks: list[str]) -> None:
    path = _journal(data_dir)
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 2 + 300] = b"\xff" * 300
    path.write_bytes(bytes(data))
    check_early(data_dir)
    with pytest.raises(JournalDamaged):
        Journal.open(data_dir, clock=fixed_clock)
    assert checks[-1] == threading.current_thread().name  # said by the open's own check
    assert path.read_bytes() == bytes(data)


def test_nothing_begins_for_a_missing_empty_or_locked_file(data_dir: Path) -> None:
    check_early(data_dir)  # no journal yet
    path = data_dir / "journal.sqlite3"
    data_dir.mkdir(exist_ok=True)
    path.write_bytes(b"")
    check_early(data_dir)
    path.write_bytes(os.urandom(4096))  # how an encrypted file starts: the key is not known
    check_early(data_dir)
    assert early_check._pending == {}


def test_the_app_begins_the_check_before_it_imports_qt(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import journal.app
    from journal import cli

    _journal(data_dir)
    seen: list[bool] = []
    monkeypatch.setattr(
        journal.app, "run", lambda folder, minimized: seen.append(bool(early_check._pending))
    )
    assert cli.main(["--data-dir", str(data_dir)]) in (0, None)
    assert seen == [True]
    assert early_check.found_sound(data_dir / "journal.sqlite3")


def test_a_rewrite_in_place_with_the_old_times_set_back_is_checked_again(
    data_dir: Path, checks: list[str]
) -> None:
    path = _journal(data_dir)
    check_early(data_dir)
    pending = early_check._pending[path.absolute()]
    pending.thread.join(5)
    status = path.stat()
    with path.open("r+b") as handle:  # damage of the same size, its times put back
        handle.seek(4096 * 2)
        handle.write(b"\xff" * 300)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    with pytest.raises(JournalDamaged):
        Journal.open(data_dir, clock=fixed_clock)
    assert checks[-1] == threading.current_thread().name


def test_the_verdict_holds_with_a_wal_left_by_a_crash(data_dir: Path, checks: list[str]) -> None:
    path = _journal(data_dir)
    path.with_name(path.name + "-wal").write_bytes(b"")  # as a killed app leaves it
    checks.clear()
    check_early(data_dir)
    Journal.open(data_dir, clock=fixed_clock).close()
    assert checks == ["journal-early-check"]
