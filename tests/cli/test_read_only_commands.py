"""Commands that only read: no lock, no writes, beside the app, on a read-only folder."""

import contextlib
import datetime as dt
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.cli import main
from journal.domain.errors import JournalError
from journal.domain.records import Day
from journal.services import Journal
from tests.helpers import TODAY, fixed_clock

READERS = [
    ["check"],
    ["insights", "--json"],
    ["contact", "list"],
    ["restore", "--list"],
    ["export", "--format", "json", "--out", "{out}"],
    ["session", "list"],
    ["medication", "list"],
    ["commitment", "list"],
    ["topic", "list"],
]


def _snapshot(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _args(command: list[str], folder: Path, out: Path) -> list[str]:
    return [part.replace("{out}", str(out)) for part in command] + ["--data-dir", str(folder)]


@pytest.fixture
def filled(data_dir: Path) -> Path:
    journal = Journal.open(data_dir, clock=fixed_clock)
    for i in range(5):
        journal.save_day(Day(date=TODAY - dt.timedelta(days=i), mood=6))
    journal.close()
    assert not (data_dir / "backups").exists()  # a writer opening now makes the day's backup
    return data_dir


@pytest.mark.parametrize("command", READERS, ids=lambda c: "-".join(c[:2]))
def test_a_reader_runs_beside_the_app_and_writes_nothing(
    filled: Path, tmp_path: Path, command: list[str]
) -> None:
    app = Journal.open(filled, clock=fixed_clock, full_check=False)  # holds the lock
    for path in (filled / "backups").iterdir():
        path.unlink()  # so a writer would make the day's backup again
    before = _snapshot(filled)
    assert main(_args(command, filled, tmp_path / "out.json")) == 0
    assert _snapshot(filled) == before  # no daily backup, no rotation, no side file
    app.close()


@contextlib.contextmanager
def _read_only(folder: Path) -> Iterator[None]:
    """The folder made read-only: chmod for a normal user, a read-only bind mount for root."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
        for path in modes:
            path.chmod(0o500 if path.is_dir() else 0o400)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    mounted = (
        subprocess.run(
            ["mount", "--bind", str(folder), str(folder)], capture_output=True
        ).returncode
        == 0
        and subprocess.run(
            ["mount", "-o", "remount,ro,bind", str(folder)], capture_output=True
        ).returncode
        == 0
    )
    if not mounted:
        subprocess.run(["umount", str(folder)], capture_output=True)
        pytest.skip("cannot make a read-only folder here (root without mount)")
    try:
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("crashed", [False, True], ids=["closed", "wal-left"])
def test_readers_work_on_a_read_only_folder(filled: Path, tmp_path: Path, crashed: bool) -> None:
    if crashed:  # a WAL and its shared memory left by a writer that died
        conn = Journal.open(filled, clock=fixed_clock, lock=False)
        conn.save_day(Day(date=TODAY, mood=1, note="after the crash"))
        import shutil

        copy = tmp_path / "copy"
        shutil.copytree(filled, copy)
        conn.close()
        filled = copy
    before = _snapshot(filled)
    with _read_only(filled):
        for command in READERS:
            assert main(_args(command, filled, tmp_path / "out.json")) == 0, command
        reader = Journal.open(filled, read_only=True)
        assert reader.day(TODAY).mood == (1 if crashed else 6)
        with pytest.raises(JournalError, match="only for reading"):
            reader.backup("manual")
        reader.close()
    assert _snapshot(filled) == before


@pytest.mark.parametrize("command", READERS, ids=lambda c: "-".join(c[:2]))
def test_a_reader_on_a_missing_folder_creates_nothing(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "jounral"
    assert main(_args(command, typo, tmp_path / "out.json")) == 1
    err = capsys.readouterr().err
    assert f"No journal in {typo}" in err and len(err.strip().splitlines()) == 1
    assert not typo.exists()


def test_a_journal_needing_an_update_is_refused_calmly_when_reading(
    filled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from journal.store import connection

    before = _snapshot(filled)
    # as if the app had been updated to the next schema
    monkeypatch.setattr(connection, "CURRENT_VERSION", connection.CURRENT_VERSION + 1)
    assert main(["check", "--data-dir", str(filled)]) == 1
    assert "needs a small update" in capsys.readouterr().err
    assert _snapshot(filled) == before


@pytest.mark.parametrize("page", [3, -3], ids=["early-page", "late-page"])
def test_damage_found_beside_the_reads_is_said_and_nothing_printed(
    data_dir: Path, capsys: pytest.CaptureFixture[str], page: int
) -> None:
    """``insights`` checks the structure in a thread while it reads: a damaged page (whether
    the reads stumble on it or not) is said in the same one calm line as any other reader
    says it, and not a figure is printed."""
    from journal import paths
    from journal.demo import generate

    journal = Journal.open(data_dir, clock=fixed_clock)
    generate(journal, days=200, seed=4)
    journal.close()
    path = paths.database_path(data_dir)
    size = 4096
    pages = path.stat().st_size // size
    with path.open("r+b") as file:
        file.seek((page % pages) * size + 8)
        file.write(b"\xff" * (size - 16))

    assert main(["contact", "list", "--data-dir", str(data_dir)]) == 1
    said = capsys.readouterr().err
    assert "it has not been changed" in said and len(said.splitlines()) == 1
    assert main(["insights", "--json", "--data-dir", str(data_dir)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == said
