"""Crash safety and no network, tried for real in child processes."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from journal.services import Journal
from journal.store.connection import quick_check

ROOT = Path(__file__).resolve().parents[1]

WRITER = textwrap.dedent("""
    import datetime as dt, sys
    from pathlib import Path
    from journal.domain.records import Contact, Day
    from journal.services import Journal
    folder, start = Path(sys.argv[1]), int(sys.argv[2])
    journal = Journal.open(folder)
    first = dt.date(2020, 1, 1)
    i = start
    while True:
        date = first + dt.timedelta(days=i)
        journal.save_day(Day(date=date, mood=i % 11, note=f"entry {i}"))
        journal.add_contact(Contact(date=date, kind="friend", mode="phone", quality=4))
        print(i, flush=True)
        i += 1
""")


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_kill_9_at_any_moment_loses_nothing_committed(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    committed: set[int] = set()
    start = 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for round_number in range(5):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder), str(start)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        wanted = 20 + 17 * round_number  # kill at a different point each round
        for line in child.stdout:
            committed.add(int(line))
            if len(committed) >= start + wanted:
                break
        child.send_signal(signal.SIGKILL)
        child.wait()
        journal = Journal.open(folder)  # opens cleanly; the lock died with the child
        assert quick_check(journal.db.conn) == []
        stored = {int(row["note"].split()[1]) for row in journal.db.query("SELECT note FROM days")}
        assert committed <= stored
        assert journal.db["contacts"].count >= len(committed)
        start = max(stored) + 1
        journal.close()


NO_NETWORK = textwrap.dedent("""
    import socket, sys
    def refuse(*args, **kwargs):
        raise AssertionError("a socket was opened")
    socket.socket = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    from journal.cli import main
    sys.exit(main(sys.argv[1:]))
""")


def test_a_full_session_of_commands_opens_no_socket(tmp_path: Path) -> None:
    folder = str(tmp_path / "j")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    steps = [
        ["demo", "--days", "60", "--data-dir", folder],
        ["check", "--data-dir", folder],
        ["insights", "--json", "--data-dir", folder],
        ["log", "--mood", "6", "--data-dir", folder],
        ["export", "--format", "json", "--out", str(tmp_path / "e.json"), "--data-dir", folder],
        ["export", "--format", "csv", "--out", str(tmp_path / "e.zip"), "--data-dir", folder],
        ["import", str(tmp_path / "e.json"), "--format", "json", "--merge", "--data-dir", folder],
        ["backup", "--data-dir", folder],
        ["restore", "--list", "--data-dir", folder],
    ]
    for args in steps:
        result = subprocess.run(
            [sys.executable, "-c", NO_NETWORK, *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, (args, result.stderr)
        assert "socket was opened" not in result.stderr
    name = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, "restore", "--list", "--data-dir", folder],
        env=env,
        capture_output=True,
        text=True,
    ).stdout.split()[0]
    result = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, "restore", name, "--data-dir", folder],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
