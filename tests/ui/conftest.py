"""Fixtures for the Qt shell: a window on a journal in ``tmp_path`` with a fixed clock."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from journal.app import make_main_window
from journal.services import Journal
from journal.ui import locale, theme
from journal.ui.main_window import MainWindow

TODAY = dt.date(2026, 3, 15)


def fixed_clock() -> dt.datetime:
    """10:00 local time on ``TODAY``, whatever the wall clock says."""
    return dt.datetime(2026, 3, 15, 10, 0).astimezone()


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


class DialogAnswer:
    """Clicks a button of the next modal message box, as the person would."""

    def __init__(self, button: str) -> None:
        self.button = button
        self.texts: list[str] = []
        self._tries = 0
        QTimer.singleShot(0, self._answer)

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            self._tries += 1
            if self._tries < 300:  # about 3 s, then give up so no later dialog is answered
                QTimer.singleShot(10, self._answer)
            return
        self.texts.append(f"{box.text()}\n{box.informativeText()}")
        box.findChild(QAbstractButton, self.button).click()

    @property
    def answered(self) -> bool:
        return bool(self.texts)


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


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, from its definition of relative luminance."""

    def luminance(colour: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b_ = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
