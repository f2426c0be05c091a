"""``journal.heap``: a one-shot command keeps the memory it frees, and uses it again."""

import datetime as dt
import platform
import subprocess
import sys
from pathlib import Path

import pytest

from journal import heap
from journal.cli import journal_commands, main, report_commands
from journal.domain.records import Day
from journal.services import Journal
from tests.helpers import ROOT, TODAY, fixed_clock

#: Builds and drops 600 arrays of a 50-year series' length; prints the page faults it took.
CHURN = """
import resource, sys
import numpy as np
from journal.heap import keep_freed_memory
if sys.argv[1] == "keep" and not keep_freed_memory():
    sys.exit(3)
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(200):
    a = np.ones(18_250)
    b = a * 2.0
    c = b + a
    del a, b, c
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


GLIBC = platform.libc_ver()[0] == "glibc"


def _faults(mode: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", CHURN, mode], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    if done.returncode == 3 and not GLIBC:
        pytest.skip("this C library has no mallopt (not glibc): nothing to keep")
    assert done.returncode == 0, f"glibc refused to keep freed memory: {done.stderr}"
    return int(done.stdout)


@pytest.mark.skipif(not GLIBC, reason="glibc's malloc only")
def test_glibc_agrees_to_keep_freed_memory() -> None:
    assert heap.keep_freed_memory() is True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc only")
def test_freed_arrays_are_used_again_instead_of_faulted_in_anew() -> None:
    plain = _faults("plain")
    if plain < 2_000:  # this malloc reuses them already (glibc 2.36 faults ~15,000 times)
        pytest.skip(f"freed arrays are reused without asking ({plain} page faults)")
    assert _faults("keep") < plain / 10


def test_elsewhere_nothing_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heap.sys, "platform", "darwin")
    assert heap.keep_freed_memory() is False


def test_a_python_without_ctypes_runs_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ctypes", None)  # import ctypes now raises ImportError
    assert heap.keep_freed_memory() is False


@pytest.mark.parametrize(
    ("module", "command"),
    [
        (journal_commands, ["insights", "--json"]),
        (report_commands, ["export", "--format", "json", "--out", "{out}"]),
    ],
)
def test_the_one_shot_commands_keep_freed_memory(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    module: object,
    command: list[str],
) -> None:
    journal = Journal.open(data_dir, clock=fixed_clock)
    journal.save_day(Day(date=TODAY - dt.timedelta(days=1), mood=6))
    journal.close()
    calls: list[bool] = []
    monkeypatch.setattr(module, "keep_freed_memory", lambda: calls.append(True) or True)
    words = [w.replace("{out}", str(tmp_path / "out.json")) for w in command]
    assert main([*words, "--data-dir", str(data_dir)]) == 0
    capsys.readouterr()
    assert calls == [True]
