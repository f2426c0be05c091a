"""A quick start: charts load with the first chart page, the daily backup after the first
paint on a thread of its own, and it never holds up a save."""

import datetime as dt
import logging
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from journal import app as journal_app
from journal import buglog
from journal.app import after_first_paint, make_main_window
from journal.domain.errors import JournalDamaged
from journal.domain.records import Day
from journal.services import Journal
from journal.store import backup as backup_store
from journal.store import faults
from tests.helpers import TODAY, fixed_clock

ROOT = Path(__file__).resolve().parents[2]

#: Builds the window offscreen in a fresh process and says which modules the start loaded.
#: sqlite-utils' own optional numpy import is kept out first: what is checked is that none of
#: the app's modules needs numpy (or pyqtgraph) to show Today.
_START = """
import sys
sys.modules["numpy"] = None
import sqlite_utils
del sys.modules["numpy"]
from pathlib import Path
from PySide6.QtWidgets import QApplication
from journal.app import make_main_window
window = make_main_window(Path(sys.argv[1]))
window.show()
QApplication.instance().processEvents()
loaded = lambda: [m for m in ("numpy", "pyqtgraph") if m in sys.modules]
print("START", *loaded())
window.show_page("trends")
QApplication.instance().processEvents()
import linecache
sources = [name for name in linecache.cache if "pyqtgraph" in name or "numpy" in name]
print("TRENDS", *loaded(), *(["sources-kept"] if sources else []))
window.close()
"""


def _seed(folder: Path, *days: Day) -> None:
    journal = Journal.open(folder, clock=fixed_clock)
    for day in days:
        journal.save_day(day)
    journal.close()


def _marked_lines(script: str, folder: Path, *marks: str) -> tuple[dict[str, str], str]:
    """Run ``script`` on the journal in ``folder`` in a fresh offscreen process: its lines
    that begin with one of ``marks`` (mark -> the rest), and what it said, for a failure."""
    _seed(folder, Day(date=TODAY, mood=6))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", script, str(folder)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = dict(
        line.split(" ", 1) if " " in line else (line, "")
        for line in result.stdout.splitlines()
        if line.startswith(marks)
    )
    return lines, result.stdout + result.stderr[-2000:]


def test_charts_load_with_the_first_chart_page_not_at_start(journal_dir: Path) -> None:
    lines, said = _marked_lines(_START, journal_dir, "START", "TRENDS")
    assert lines.get("START") == "", said
    after = set(lines["TRENDS"].split())
    assert {"numpy", "pyqtgraph"} <= after
    assert "sources-kept" not in after  # what PySide6 read of their sources was let go


def _no_backups(folder: Path) -> None:
    for path in (folder / "backups").glob("*"):
        path.unlink()


def test_the_days_first_backup_is_made_after_the_first_paint_off_the_gui_thread(
    qtbot, journal_dir: Path, open_window, monkeypatch
) -> None:
    _seed(journal_dir, Day(date=TODAY, mood=6, note="kept"))
    _no_backups(journal_dir)  # the first start of the day
    threads = []
    made = Journal.make_daily_backup

    def watched(journal: Journal):
        threads.append(threading.current_thread())
        return made(journal)

    monkeypatch.setattr(Journal, "make_daily_backup", watched)
    window = open_window()
    assert backup_store.list_backups(journal_dir) == []  # not while the window was built
    fired = []
    after_first_paint(window, lambda: fired.append(window.begin_daily_backup()))
    window.update()
    qtbot.waitUntil(lambda: bool(fired))
    qtbot.waitUntil(lambda: bool(backup_store.list_backups(journal_dir)), timeout=10000)
    assert [backup_store.backup_reason(p) for p in backup_store.list_backups(journal_dir)] == [
        "daily"
    ]
    assert threads and threads[0] is not threading.main_thread()
    qtbot.waitUntil(lambda: window.begin_daily_backup() is None)  # ended; never again
    assert len(threads) == 1
    window.close()
    later = Journal.open(journal_dir, clock=fixed_clock, daily_backup=False)
    assert later.make_daily_backup() is None  # a later start: already made today
    later.close()


def test_a_save_during_the_daily_backup_is_not_held_up(journal_dir: Path, monkeypatch) -> None:
    _seed(journal_dir, Day(date=TODAY, mood=6))
    _no_backups(journal_dir)
    window_journal = Journal.open(journal_dir, clock=fixed_clock, daily_backup=False)
    backup_journal = Journal.open(
        journal_dir, clock=fixed_clock, lock=False, full_check=False
    )  # as the backup thread opens it
    yesterday = TODAY.replace(day=TODAY.day - 1)

    def save_meanwhile(name: str) -> None:
        if name == "backup:check":  # copied, not yet checked against its counts
            window_journal.save_day(Day(date=yesterday, mood=3, note="while backing up"))

    monkeypatch.setattr(faults, "hook", save_meanwhile)
    path = backup_journal.make_daily_backup()
    monkeypatch.setattr(faults, "hook", None)
    assert path is not None and backup_store.backup_reason(path) == "daily"
    assert window_journal.day(yesterday).note == "while backing up"  # saved, not refused
    copy = sqlite3.connect(path)
    assert copy.execute("SELECT count(*) FROM days").fetchone()[0] == 1  # one snapshot
    copy.close()
    backup_journal.close()
    window_journal.close()


def _break_mood(folder: Path, date: dt.date) -> None:
    conn = sqlite3.connect(folder / "journal.sqlite3")
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE days SET mood = 99 WHERE date = ?", (date.isoformat(),))
    conn.commit()
    conn.close()


def test_broken_rules_found_by_the_daily_backup_are_said_calmly(
    qtbot, journal_dir: Path, open_window
) -> None:
    long_ago = TODAY - dt.timedelta(days=200)
    _seed(journal_dir, Day(date=TODAY, mood=6), Day(date=long_ago, mood=4))
    _no_backups(journal_dir)
    _break_mood(journal_dir, long_ago)  # a row the window does not read at start
    window = open_window()  # the app's quick open does not evaluate every row
    assert window.begin_daily_backup() is not None

    def said() -> QMessageBox | None:
        return window.findChild(QMessageBox, "daily_backup_damaged")

    qtbot.waitUntil(lambda: said() is not None and said().isVisible(), timeout=10000)
    assert "CHECK constraint failed in days" in said().informativeText()
    assert backup_store.list_backups(journal_dir) == []  # no copy kept of a broken journal
    said().close()


def test_a_broken_row_shown_at_start_is_damage_so_a_backup_is_offered(
    qapp, journal_dir: Path
) -> None:
    _seed(journal_dir, Day(date=TODAY, mood=6))
    _break_mood(journal_dir, TODAY)
    with pytest.raises(JournalDamaged, match="CHECK constraint failed in days"):
        make_main_window(journal_dir, clock=fixed_clock)
    Journal.open(
        journal_dir, clock=fixed_clock, full_check=False, daily_backup=False
    ).close()  # nothing was left open


#: The real start (``journal.app.run``) in a fresh process: which of the modules a start need
#: not load are loaded when the window has painted, and once the work after the paint ran.
_RUN = """
import logging, sys
from pathlib import Path
import journal.app as app
WATCHED = ("logging.handlers", "journal.ui.dialogs.unlock", "journal.ui.widgets.welcome",
           "journal.ui.widgets.demo_banner", "journal.ui.dialogs.unsaved_changes",
           "journal.ui.dialogs.crisis_dialog", "sqlite_utils")
loaded = lambda: [m for m in WATCHED if m in sys.modules]
first_paint = app.after_first_paint
def watched(window, action):
    logging.getLogger("journal.test").warning("held %s", "until the log opens")
    def then():
        print("PAINTED", *loaded(), flush=True)
        action()
        print("AFTER", *loaded(), flush=True)
        window.close()
    first_paint(window, then)
app.after_first_paint = watched
sys.exit(app.run(Path(sys.argv[1])))
"""


def test_the_start_leaves_dialogs_the_bug_log_and_sqlite_utils_until_after_the_first_paint(
    journal_dir: Path,
) -> None:
    lines, said = _marked_lines(_RUN, journal_dir, "PAINTED", "AFTER")
    assert lines.get("PAINTED") == "", said
    # the bug log, opened after it, and sqlite-utils, loaded for the first save after it
    assert lines["AFTER"].split() == ["logging.handlers", "sqlite_utils"]
    log = buglog.log_path(journal_dir).read_text()
    assert "WARNING journal.test: held %s" in log  # what was said before the paint is kept


def test_warnings_held_until_the_bug_log_opens_are_written_to_it_in_order(
    journal_dir: Path, monkeypatch
) -> None:
    journal_dir.mkdir(parents=True)
    logger = logging.getLogger(journal_app.JOURNAL_LOGGER)
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.setattr(logger, "level", logging.NOTSET)
    held = journal_app.HeldWarnings.begin()
    logging.getLogger("journal.store").warning("first")
    logging.getLogger("journal.ui").info("not a warning")
    logging.getLogger("journal.ui").error("second")
    assert not buglog.log_path(journal_dir).exists()  # not opened yet
    held.open_bug_log(journal_dir)
    held.open_bug_log(journal_dir)  # once
    logging.getLogger("journal.ui").warning("third, straight to the log")
    buglog.uninstall()
    lines = buglog.log_path(journal_dir).read_text().splitlines()
    assert [line.split(" ", 2)[2] for line in lines] == [
        "WARNING journal.store: first",
        "ERROR journal.ui: second",
        "WARNING journal.ui: third, straight to the log",
    ]
    assert held not in logger.handlers
    assert journal_app.JOURNAL_LOGGER == buglog.LOGGER


def test_the_work_after_the_first_paint_waits_for_its_own_window(qtbot) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    window, other = QMainWindow(), QWidget()
    qtbot.addWidget(window)
    qtbot.addWidget(other)
    fired: list[str] = []
    after_first_paint(window, lambda: fired.append("after"))
    other.show()  # another window painting is not this one
    qtbot.waitExposed(other)
    other.repaint()
    QApplication.processEvents()
    assert fired == []
    window.show()
    qtbot.waitUntil(lambda: fired == ["after"])
    window.repaint()  # once only
    QApplication.processEvents()
    assert fired == ["after"]
