"""``passphrase set/change/remove`` killed (SIGKILL) at a rename or fsync, by strace.

strace's fault injection kills the command at the N-th ``rename`` or ``fsync``/``fdatasync``
(SQLite's own syncs included, so also in the middle of writing a copy); the journal is then
opened as the next command would. Skipped where strace is missing or cannot trace. By default
one point each is tried; ``JOURNAL_KILL_SWEEP=1`` tries every one.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from journal.store.connection import encryption_available
from tests.helpers import ROOT, SETUP
from tests.store.test_passphrase_changes import NEW, OLD, _assert_whole, _seed

STRACE = shutil.which("strace")
#: strace counts ``when`` per system call, so each is tried on its own.
CALLS = ("rename", "fsync", "fdatasync")
#: Every point of every action and call; otherwise (the suite) the middle rename and fsync of
#: ``change``, the in-process tests of test_passphrase_changes trying every step.
SWEEP = bool(os.environ.get("JOURNAL_KILL_SWEEP"))


def _strace_works() -> bool:
    if STRACE is None:
        return False
    done = subprocess.run(
        [STRACE, "-qq", "-o", os.devnull, sys.executable, "-c", "pass"],
        capture_output=True,
        timeout=60,
    )
    return done.returncode == 0


pytestmark = [
    pytest.mark.skipif(not encryption_available(), reason="sqlcipher3 not installed"),
    pytest.mark.skipif(not _strace_works(), reason="strace missing or not allowed to trace"),
    pytest.mark.usefixtures("fast_kdf"),
]


def _command(folder: Path, action: str, files: Path) -> list[str]:
    (files / "old").write_text(OLD + "\n", encoding="utf-8")
    (files / "new").write_text(NEW + "\n", encoding="utf-8")
    args = ["--data-dir", str(folder)]
    if action != "set":
        args += ["--passphrase-file", str(files / "old")]
    args += ["passphrase", action]
    if action != "remove":
        args += ["--new-passphrase-file", str(files / "new")]
    script = textwrap.dedent(f"""
        import sys
        from journal.store.connection import cipher
        cipher().connect(":memory:").execute({SETUP!r})
        import journal.services.journal as services
        # the seeded journal has its backups on the fixed test date; no daily one today
        services.made_today = lambda *args, **kwargs: True
        from journal.cli import main
        sys.exit(main({args!r}))
    """)
    return [sys.executable, "-c", script]


def _run(command: list[str], calls: str, when: int | None, log: Path | None = None):
    trace = [
        STRACE,
        "-f",
        "-qq",
        "-e",
        "signal=none",
        "-o",
        str(log or os.devnull),
        "-e",
        f"trace={calls}",
    ]
    if when is not None:
        trace += ["-e", f"inject={calls}:signal=SIGKILL:when={when}"]
    return subprocess.run([*trace, *command], cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("kind", CALLS if SWEEP else CALLS[:2])
@pytest.mark.parametrize("action", ["set", "change", "remove"] if SWEEP else ["change"])
def test_killed_at_a_rename_or_fsync(tmp_path, make_day, action, kind) -> None:
    seeded = tmp_path / "seeded"
    _seed(seeded, make_day, None if action == "set" else OLD)
    probe = tmp_path / "probe"
    shutil.copytree(seeded, probe)
    log = tmp_path / "calls.log"
    done = _run(_command(probe, action, tmp_path), kind, None, log)
    assert done.returncode == 0, done.stderr
    called = re.compile(rf"^(?:\d+\s+)?{kind}\(")  # with or without the process id
    total = sum(1 for line in log.read_text().splitlines() if called.match(line))
    if kind == "rename":
        assert total > 0  # the change's own renames
    points: list[int] = list(range(1, total + 1))
    if not SWEEP:
        points = [(total + 1) // 2] if total else []
    tracebacks = leftovers = reached = 0
    for when in points:
        folder = tmp_path / f"{kind}-{when}"
        shutil.copytree(seeded, folder)
        killed = _run(_command(folder, action, tmp_path), kind, when)
        # 0: that call did not come this time (SQLite syncs a little differently run to run)
        assert killed.returncode in (-9, 137, 0), (when, killed.returncode, killed.stderr)
        reached += killed.returncode != 0
        tracebacks += "Traceback" in killed.stderr
        # data intact, one protection everywhere, no leftover of the change
        outcome, partial = _assert_whole(folder, action, backup_leftovers_allowed=True)
        leftovers += partial
        if outcome == "rolled back":  # the same command again works
            again = _run(_command(folder, action, tmp_path), kind, None)
            assert again.returncode == 0, again.stderr
            assert _assert_whole(folder, action, backup_leftovers_allowed=True)[0] == "completed"
    assert tracebacks == 0
    print(
        f"{action} {kind}: {reached} kills at {len(points)} of {total} points, all whole; "
        f"{leftovers} leftovers of an interrupted backup (not of the change)"
    )
