"""Calm failures in the app: the top-level handler (``sys.excepthook``) and the Today page's
contact with a new person written in one transaction."""

import sqlite3
import stat
import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from journal import buglog
from journal.app import install_excepthook
from journal.domain.errors import JournalError
from journal.ui.widgets.rating_picker import RatingPicker
from tests.helpers import TODAY

SECRET = "the words only the person may read"


@pytest.fixture
def hook(monkeypatch, journal_dir):
    """The app's handler installed for ``journal_dir``; restored afterwards."""
    journal_dir.mkdir(parents=True, exist_ok=True)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    return install_excepthook(journal_dir)


def type_contact(qtbot, window, name, quality="4"):
    person = window.findChild(QLineEdit, "contact_person")
    qtbot.keyClicks(person, name)
    qtbot.keyClicks(window.findChild(RatingPicker, "contact_quality"), quality)  # a digit picks
    qtbot.mouseClick(window.findChild(QPushButton, "add_contact"), Qt.MouseButton.LeftButton)


def test_a_refused_contact_write_creates_no_person_on_the_today_page(
    qtbot, main_window, monkeypatch
):
    def locked(*_):
        raise JournalError("The journal is busy in another program.")

    monkeypatch.setattr("journal.store.contacts.add_contact", locked)
    type_contact(qtbot, main_window, "Maya")
    error = main_window.findChild(QLabel, "contact_form_error")
    assert error.isVisible() and "busy in another program" in error.text()
    assert main_window.journal.people() == []  # before: Maya was stored on her own
    assert main_window.findChild(QLineEdit, "contact_person").text() == "Maya"  # kept

    monkeypatch.undo()
    qtbot.mouseClick(main_window.findChild(QPushButton, "add_contact"), Qt.MouseButton.LeftButton)
    (maya,) = main_window.journal.people()
    assert [c.person_id for c in main_window.journal.contacts_on(TODAY)] == [maya.id]


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_slot_is_logged_without_words_and_told_calmly(
    qtbot, main_window, journal_dir, hook, answer_dialog, monkeypatch
):
    def bug(*_, **__):
        raise RuntimeError(f"could not keep {SECRET}")

    monkeypatch.setattr("journal.store.contacts.add_contact", bug)
    dialog = answer_dialog("close_calm_failure")
    type_contact(qtbot, main_window, "Maya")
    qtbot.waitUntil(lambda: dialog.answered)

    log = buglog.log_path(journal_dir)
    assert dialog.texts == [
        "Something went wrong on our side.\nNothing you saved is lost. "
        f"Details were written to {log}."
    ]
    text = log.read_text()
    assert "RuntimeError" in text and "bug in app" in text and "in bug" in text
    assert SECRET not in text and "Maya" not in text
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert main_window.journal.people() == []  # the transaction took Maya back


@pytest.mark.qt_no_exception_capture
def test_a_full_disk_or_a_journal_error_from_a_slot_is_a_calm_dialog_and_not_a_bug(
    qtbot, main_window, journal_dir, hook, answer_dialog, monkeypatch
):
    for fault, words in (
        (sqlite3.OperationalError("database or disk is full"), "The disk is full"),
        (JournalError("The backup folder is gone."), "backup folder is gone"),
    ):

        def refuse(*_, fault=fault):
            raise fault

        button = QPushButton()
        button.clicked.connect(refuse)
        dialog = answer_dialog("close_calm_failure")
        button.click()
        qtbot.waitUntil(lambda dialog=dialog: dialog.answered)
        assert words in dialog.texts[0].splitlines()[0]
    assert not buglog.log_path(journal_dir).exists()  # not bugs: nothing to log


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_another_thread_is_shown_in_the_gui_thread(
    qtbot, journal_dir, hook, answer_dialog
):
    def work():
        raise KeyError(SECRET)

    dialog = answer_dialog("close_calm_failure")
    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: dialog.answered)
    assert "Details were written to" in dialog.texts[0]
    text = buglog.log_path(journal_dir).read_text()
    assert "KeyError" in text and SECRET not in text
    assert QApplication.activeModalWidget() is None


@pytest.fixture
def share_page(qtbot, journal_dir, monkeypatch, tmp_path):
    """The Share page of a small journal; "save as" answers ``tmp_path / out.json``."""
    from journal.services import Journal
    from journal.ui.pages.share.page import SharePage
    from tests.helpers import fixed_clock

    journal = Journal.open(journal_dir, clock=fixed_clock)
    journal.save_contact_for("Sam", kind="friend", mode="phone", quality=4)
    page = SharePage(journal)
    qtbot.addWidget(page)
    page.show()
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(tmp_path / "out.json"), ""),
    )
    yield page
    journal.close()


def test_a_full_disk_during_an_export_is_said_on_the_share_page(
    qtbot, share_page, tmp_path, monkeypatch
):
    import errno
    import os

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    share_page.findChild(QPushButton, "export_json").click()
    qtbot.waitUntil(lambda: share_page.task is None, timeout=20_000)
    assert share_page.message.text.startswith("Nothing was written: The disk is full")
    assert list(tmp_path.glob("out.json*")) == []


@pytest.mark.qt_no_exception_capture
def test_a_bug_during_an_export_is_logged_and_never_shown_raw(
    qtbot, share_page, journal_dir, hook, answer_dialog, monkeypatch
):
    from journal.services import Journal

    def bug(self, out, **kwargs):
        raise ValueError(f"{SECRET} in {out}")

    monkeypatch.setattr(Journal, "export_json", bug)
    dialog = answer_dialog("close_calm_failure")
    share_page.findChild(QPushButton, "export_json").click()
    qtbot.waitUntil(lambda: dialog.answered, timeout=20_000)
    assert share_page.message.text == "Something went wrong and nothing was written."
    assert "Details were written to" in dialog.texts[0] and SECRET not in dialog.texts[0]
    text = buglog.log_path(journal_dir).read_text()
    assert "ValueError" in text and SECRET not in text


def type_note(qtbot, window, words):
    from PySide6.QtWidgets import QPlainTextEdit

    mood = window.findChild(QLineEdit, "mood")
    qtbot.keyClicks(mood, "6")
    qtbot.keyClicks(window.findChild(QPlainTextEdit, "note"), words)


def test_closing_on_a_full_disk_keeps_the_window_and_the_words(
    qtbot, main_window, answer_dialog, monkeypatch
):
    import sqlite3 as sqlite

    from PySide6.QtWidgets import QPlainTextEdit

    def full(*_, **__):
        raise sqlite.OperationalError("database or disk is full")

    monkeypatch.setattr("journal.store.days.save_day", full)
    type_note(qtbot, main_window, "words typed just now")
    asked = answer_dialog("keep_editing")
    main_window.close()
    assert asked.answered and "The disk is full" in asked.texts[0]
    assert main_window.isVisible()  # before: an OperationalError, and the window closed
    assert main_window.findChild(QPlainTextEdit, "note").toPlainText() == "words typed just now"

    monkeypatch.undo()
    main_window.close()  # space again: saved on the way out
    assert not main_window.isVisible()


@pytest.mark.qt_no_exception_capture
def test_a_bug_while_closing_keeps_the_window_open_with_the_words(
    qtbot, main_window, hook, answer_dialog, monkeypatch
):
    from PySide6.QtWidgets import QPlainTextEdit

    def bug(*_, **__):
        raise AttributeError("a bug")

    monkeypatch.setattr("journal.store.days.save_day", bug)
    type_note(qtbot, main_window, "words typed just now")
    from PySide6.QtCore import QTimer

    dialog = answer_dialog("close_calm_failure")
    QTimer.singleShot(0, main_window.close)  # from the event loop, as the window manager does
    qtbot.waitUntil(lambda: dialog.answered)
    assert "Something went wrong on our side" in dialog.texts[0]
    assert main_window.isVisible()
    assert main_window.findChild(QPlainTextEdit, "note").toPlainText() == "words typed just now"
    monkeypatch.undo()
    main_window.close()
    assert not main_window.isVisible()


@pytest.mark.qt_no_exception_capture
def test_a_bug_while_opening_is_a_calm_dialog_not_a_silent_exit(
    qapp, journal_dir, answer_dialog, monkeypatch, restore_theme
):
    from journal import app as journal_app

    def bug(*_, **__):
        raise RuntimeError(SECRET)

    journal_dir.mkdir(parents=True)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(journal_app, "make_main_window", bug)
    dialog = answer_dialog("close_calm_failure")
    assert journal_app.run(journal_dir) == 1
    assert dialog.answered and "Details were written to" in dialog.texts[0]
    assert SECRET not in buglog.log_path(journal_dir).read_text()


@pytest.mark.qt_no_exception_capture
def test_a_failing_dialog_does_not_loop(hook, journal_dir, monkeypatch, capsys):
    def broken(*_, **__):
        raise RuntimeError("no dialog today")

    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox", broken)  # as journal.app takes it
    try:
        raise ValueError(SECRET)
    except ValueError as error:
        hook.excepthook(type(error), error, error.__traceback__)  # returns
    assert "RuntimeError" in capsys.readouterr().err  # the handler's own bug, on stderr
    assert "ValueError" in buglog.log_path(journal_dir).read_text()  # the first, logged
