"""kill -9 at every write, fsync and rename of ``backup`` and ``restore``.

Each interruption runs in a forked child that kills itself (SIGKILL) at one named point of
``journal.store.faults``; then the journal must open with everything committed, nothing
half-made may be left or offered, and every backup offered must check out. With strace
installed the CLI is also killed at its real rename and fsync system calls.
"""

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from journal.domain.errors import JournalDamaged
from journal.domain.records import Day
from journal.services import Journal
from journal.services.privacy import restore_damaged
from journal.store import backup as backup_store
from journal.store import faults
from tests.helpers import ROOT, TODAY, fixed_clock

pytestmark = pytest.mark.skipif(
    os.name != "posix" or not hasattr(os, "fork"), reason="SIGKILL and fork"
)
BACKUP_POINTS = [
    "backup:create",
    "backup:write",
    "backup:fsync",
    "backup:check",
    "backup:rename",
    "backup:fsync-folder",
]
COPY_POINTS = ["restore:create", "restore:write", "restore:fsync", "restore:check"]
SWAP_POINTS = [
    "restore:ready",
    "restore:keep-aside",
    "restore:move-side-file",
    "restore:rename",
    "restore:fsync-folder",
]


def _killed_at(point: str, work: Callable[[], object]) -> bool:
    """Run ``work`` in a child killed at ``point``; whether the kill happened."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:

            def kill(name: str) -> None:
                if name == point:
                    os.kill(os.getpid(), signal.SIGKILL)

            faults.hook = kill
            work()
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def _journal(data_dir: Path, days: int) -> str:
    journal = Journal.open(data_dir, clock=fixed_clock)
    for i in range(days):
        journal.save_day(Day(date=TODAY - dt.timedelta(days=i), mood=5, note=f"day {i}"))
    name = journal.backup("manual").name
    journal.close()
    return name


def _assert_whole(data_dir: Path, allowed_days: set[int]) -> None:
    journal = Journal.open(data_dir, clock=fixed_clock)  # clears what the kill left
    assert journal.days_held() in allowed_days
    assert journal.check().healthy
    assert journal.unverified_backups() == []
    for path in journal.backups():
        assert isinstance(backup_store.inspect(path), backup_store.BackupInfo)
    journal.close()
    leftovers = [
        p.name
        for p in data_dir.rglob("*")
        if p.name.endswith((".partial", ".restoring", ".restored"))
    ]
    assert leftovers == []


@pytest.mark.parametrize("point", BACKUP_POINTS)
def test_kill_during_a_backup(data_dir: Path, point: str) -> None:
    _journal(data_dir, 5)

    def work() -> None:
        journal = Journal.open(data_dir, clock=fixed_clock)
        journal.save_day(Day(date=TODAY - dt.timedelta(days=9), mood=1, note="committed"))
        journal.backup("manual")

    assert _killed_at(point, work)
    _assert_whole(data_dir, {6})


@pytest.mark.parametrize("point", [*COPY_POINTS, "restore:copy-into-journal"])
def test_kill_during_a_restore_of_the_open_journal(data_dir: Path, point: str) -> None:
    name = _journal(data_dir, 2)
    journal = Journal.open(data_dir, clock=fixed_clock)
    for i in range(2, 6):
        journal.save_day(Day(date=TODAY - dt.timedelta(days=i), mood=5))
    journal.close()

    def work() -> None:
        Journal.open(data_dir, clock=fixed_clock).restore(name, allow_fewer_days=True)

    assert _killed_at(point, work)
    _assert_whole(data_dir, {6})  # every kill point is before the one-transaction copy


@pytest.mark.parametrize("point", COPY_POINTS + SWAP_POINTS)
def test_kill_during_a_restore_of_a_damaged_journal(
    data_dir: Path, tmp_path: Path, point: str
) -> None:
    name = _journal(data_dir, 3)
    writer = Journal.open(data_dir, clock=fixed_clock)
    writer.save_day(Day(date=TODAY, mood=2, note="in the WAL"))
    crashed = tmp_path / "crashed"  # as a crash leaves it: a journal with its WAL
    shutil.copytree(data_dir, crashed)
    writer.close()
    path = crashed / "journal.sqlite3"
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 2 + 300] = b"\xff" * 300
    path.write_bytes(bytes(data))
    assert (crashed / "journal.sqlite3-wal").exists()

    def work() -> None:
        restore_damaged(crashed, name, now=fixed_clock())

    assert _killed_at(point, work)
    assert path.exists()  # never a moment without a journal file
    try:
        _assert_whole(crashed, {3})  # restored (a swap half done is completed at open)
    except JournalDamaged:  # or still the damaged journal, kept as it was
        assert point in [*COPY_POINTS, "restore:ready"]
        assert path.read_bytes() == bytes(data)
        assert backup_store.unverified_backups(crashed) == []
        restore_damaged(crashed, name, now=fixed_clock())  # and restoring works again
        _assert_whole(crashed, {3})
    kept = [
        p
        for p in crashed.iterdir()
        if p.name.startswith("journal.sqlite3.damaged-") and not p.name.endswith(("-wal", "-shm"))
    ]
    assert [p.read_bytes() for p in kept] == [bytes(data)]


def _strace() -> str | None:
    return shutil.which("strace")


@pytest.mark.skipif(_strace() is None, reason="strace is not installed")
@pytest.mark.parametrize(
    ("syscall", "when"),
    [
        ("fdatasync", 1),
        ("fdatasync", 4),
        ("fdatasync", 8),  # SQLite writing the copy
        ("fsync", 1),
        ("rename", 1),
        ("fsync", 2),
    ],
)  # the copy, its name, the folder
def test_kill_at_real_system_calls_of_the_backup_command(
    data_dir: Path, syscall: str, when: int
) -> None:
    _journal(data_dir, 4)  # today's backup exists: the command makes exactly one more
    names = "rename,renameat,renameat2" if syscall == "rename" else syscall
    result = subprocess.run(
        [
            _strace(),
            "-f",
            "-qq",
            "-o",
            os.devnull,
            "-e",
            f"trace={names}",
            "-e",
            f"inject={names}:signal=KILL:when={when}",
            sys.executable,
            "-m",
            "journal",
            "backup",
            "--data-dir",
            str(data_dir),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode in (-signal.SIGKILL, 128 + signal.SIGKILL), result.stderr
    assert "Traceback" not in result.stderr
    _assert_whole(data_dir, {4})
