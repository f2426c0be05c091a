"""What ``journal/__init__`` sets up for every entry point: sqlite-utils imported without
numpy (``_SqliteUtilsWithoutNumpy``), and numpy, loaded later, still on one BLAS thread.

In a fresh interpreter each, as a person's start is: the test process has numpy already.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_SCRIPT = r"""
import ctypes, datetime as dt, json, os, sys, tempfile
from pathlib import Path

import journal
assert Path(journal.__file__).resolve().parent == Path.cwd().resolve() / "journal"
from journal.services import Journal

import sqlite_utils.db
assert "numpy" not in sys.modules, "sqlite-utils brought numpy in"
assert "pandas" not in sys.modules
assert sqlite_utils.db.np is None and sqlite_utils.db.pd is None
assert journal._SqliteUtilsWithoutNumpy not in map(type, sys.meta_path)  # done: removed

# every table of the journal written and read through sqlite-utils, numpy loaded meanwhile
# (the demo computes with it, as the charts do after the first paint)
from journal.demo import generate
from journal.store.schema import TABLES

today = dt.date(2026, 3, 15)
clock = lambda: dt.datetime(2026, 3, 15, 12)
source = Journal.in_memory(clock=clock)
generate(source, days=120, seed=3, today=today)
counts = {t: source.db[t].count for t in TABLES}
assert all(counts[t] for t in ("days", "contacts", "people", "doses", "sessions")), counts
with tempfile.TemporaryDirectory() as folder:
    out = source.export_json(Path(folder) / "all.json")
    copy = Journal.in_memory(clock=clock)
    copy.import_json(out)
    assert {t: copy.db[t].count for t in TABLES} == counts
    again = copy.export_json(Path(folder) / "again.json")
    first, second = json.loads(out.read_text("utf-8")), json.loads(again.read_text("utf-8"))
    assert first["tables"] == second["tables"]
copy.db["people"].insert({"name": "Through sqlite-utils", "relationship": "friend"})
assert copy.db["people"].count == counts["people"] + 1
assert copy.db.execute("PRAGMA foreign_key_check").fetchall() == []

# numpy came after journal set the BLAS default: OpenBLAS runs one thread
import numpy
assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
threads = None
for line in open("/proc/self/maps", encoding="utf-8") if os.path.exists("/proc/self/maps") else ():
    path = line.split()[-1]
    if "openblas" in path.lower() and ".so" in path:
        lib = ctypes.CDLL(path)
        for name in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads"):
            if hasattr(lib, name):
                threads = getattr(lib, name)()
                break
        if threads is not None:
            break
print("blas threads", threads)
assert threads in (None, 1), threads
print("ok")
"""


def test_sqlite_utils_serves_the_journal_without_numpy_and_blas_keeps_one_thread() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
    }
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "ok"


def test_sqlite_utils_imported_after_numpy_is_left_alone() -> None:
    code = (
        "import numpy, journal, sqlite_utils.db, sys\n"
        "assert sqlite_utils.db.np is numpy\n"
        "print('ok')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
