"""Fixtures for the Qt shell: a window on a journal in ``tmp_path`` with the fixed clock.

What they are built on is in ``tests/helpers.py`` (``TODAY``, ``fixed_clock``) and
``tests/ui/helpers.py`` (answering a message box, contrast); tests import it from there."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
from collections.abc import Callable

import pytest

from journal.app import make_main_window
from journal.services import Journal
from journal.ui import locale, theme
from journal.ui.main_window import MainWindow
from tests.helpers import TODAY, fixed_clock
from tests.ui.helpers import DialogAnswer


@pytest.fixture
def journal_dir(tmp_path):
    return tmp_path / "journal"


@pytest.fixture
def open_window(qtbot, journal_dir) -> Callable[[], MainWindow]:
    """Build, show and focus a window on ``journal_dir``; call again to reopen it."""

    def open_() -> MainWindow:
        window = make_main_window(journal_dir, clock=fixed_clock)
        qtbot.addWidget(window, before_close_func=_drop_unsaved_edits)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return open_


def _drop_unsaved_edits(window: MainWindow) -> None:
    """At teardown, a test's half-typed invalid entry must not open a question and hang."""
    if window.isVisible():
        window.today_page.discard_changes()


@pytest.fixture
def main_window(open_window) -> MainWindow:
    return open_window()


@pytest.fixture
def seed_days(journal_dir) -> Callable[..., None]:
    """Save days into the journal before a window opens it."""

    def seed(*days) -> None:
        journal = Journal.open(journal_dir, clock=fixed_clock)
        try:
            for day in days:
                journal.save_day(day)
        finally:
            journal.close()

    return seed


@pytest.fixture
def stored_day(journal_dir) -> Callable[[dt.date], object]:
    """Read a day from the journal on disk (for after the window is closed)."""

    def read(date: dt.date = TODAY):
        journal = Journal.open(journal_dir, clock=fixed_clock)
        try:
            return journal.day(date)
        finally:
            journal.close()

    return read


@pytest.fixture
def answer_dialog() -> Callable[[str], DialogAnswer]:
    """``answer_dialog("discard_changes")`` before the action that asks."""
    return DialogAnswer


@pytest.fixture
def restore_theme(qapp):
    """For tests that change the theme: the next test starts light again."""
    yield qapp
    theme.apply_theme(qapp, "light")


@pytest.fixture(autouse=True)
def _english_by_default():
    """``journal.app.run`` installs the locale's translators and formats; the next test (and
    the command-line tests in the same process) start from English again."""
    yield
    locale.uninstall()
