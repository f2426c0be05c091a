"""Long work in a worker thread: its own connection, progress, failure, cancel."""

import threading

from journal.domain.errors import ValidationError
from journal.progress import check
from journal.services import Journal
from journal.ui.workers import TaskThread
from tests.helpers import fixed_clock

TASK_MS = 10_000


def test_a_task_runs_in_a_thread_on_its_own_connection(qtbot, journal_dir):
    journal = Journal.open(journal_dir, clock=fixed_clock)
    seen = {}

    def task(own, progress, cancelled):
        seen["own"] = own is not journal and own.data_dir == journal.data_dir
        seen["thread"] = threading.current_thread() is not threading.main_thread()
        progress(50)
        return own.is_empty()

    thread = TaskThread(journal, task)
    progress = []
    thread.progressed.connect(progress.append)
    with qtbot.waitSignal(thread.succeeded, timeout=TASK_MS) as done:
        thread.begin()
    assert done.args == [True]
    assert progress == [50]
    assert seen == {"own": True, "thread": True}
    journal.close()


def test_failure_and_cancel_are_reported(qtbot, journal_dir):
    journal = Journal.open(journal_dir, clock=fixed_clock)

    def invalid(_own, _progress, _cancelled):
        raise ValidationError("to", "the end of the range cannot be before its start")

    failing = TaskThread(journal, invalid)
    with qtbot.waitSignal(failing.failed, timeout=TASK_MS) as failed:
        failing.begin()
    assert isinstance(failed.args[0], ValidationError)

    def stops(_own, _progress, cancelled):
        check(cancelled)
        return "written"

    cancelled = TaskThread(journal, stops)
    cancelled.cancel()
    with qtbot.waitSignal(cancelled.cancelled, timeout=TASK_MS):
        cancelled.begin()
    journal.close()


def test_a_journal_in_memory_runs_its_task_here(qtbot):
    journal = Journal.in_memory(clock=fixed_clock)
    thread = TaskThread(journal, lambda own, _p, _c: own is journal)
    with qtbot.waitSignal(thread.succeeded, timeout=TASK_MS) as done:
        thread.begin()
    assert done.args == [True]
