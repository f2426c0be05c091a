"""Settings: preferences stored, passphrase set from the page, backups restored."""

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication, QMessageBox

from journal.desktop import APP_ID
from journal.domain.records import Day
from journal.services import Journal
from journal.store.connection import encryption_available
from journal.ui import theme
from journal.ui.dialogs.passphrase import NewPassphraseDialog
from journal.ui.pages.settings.page import SettingsPage
from tests.helpers import TODAY, fixed_clock


@pytest.fixture
def page(qtbot, journal_dir):
    journal = Journal.open(journal_dir, clock=fixed_clock)
    journal.save_day(Day(date=TODAY, mood=6, note="the words I wrote"))
    widget = SettingsPage(journal)
    qtbot.addWidget(widget)
    yield widget
    journal.close()


def test_preferences_are_stored(qtbot, page, restore_theme) -> None:
    journal = page._journal
    page.findChild(type(page.preferences._name), "display_name").setText("Alex")
    page.preferences._name.editingFinished.emit()
    page.preferences._theme.setCurrentIndex(page.preferences._theme.findData("dark"))
    page.preferences._every.setValue(0)
    settings = journal.settings()
    assert (settings.display_name, settings.theme, settings.questionnaire_every_days) == (
        "Alex",
        "dark",
        0,
    )
    assert theme.is_dark(QApplication.palette())


@pytest.mark.skipif(not encryption_available(), reason="sqlcipher3 not installed")
def test_set_passphrase_from_the_page(qtbot, page, journal_dir, monkeypatch) -> None:
    def accept(dialog: NewPassphraseDialog) -> int:
        dialog._first.setText("a good long passphrase")
        dialog._second.setText("a good long passphrase")
        dialog._on_buttons_accepted()
        return dialog.result()

    monkeypatch.setattr(NewPassphraseDialog, "exec", accept)
    qtbot.mouseClick(page.passphrase._set, Qt.MouseButton.LeftButton)
    assert page._journal.encrypted
    assert not page.passphrase._set.isEnabled() and page.passphrase._change.isEnabled()
    for path in journal_dir.rglob("*.sqlite3"):
        assert b"the words I wrote" not in path.read_bytes()


def test_passphrase_dialog_names_the_problem(qtbot) -> None:
    dialog = NewPassphraseDialog("Set")
    qtbot.addWidget(dialog)
    dialog._first.setText("short")
    dialog._on_buttons_accepted()
    assert "at least 8 characters" in dialog._error.text()
    dialog._first.setText("long enough phrase")
    dialog._second.setText("different phrase")
    dialog._on_buttons_accepted()
    assert "not the same" in dialog._error.text()
    assert not dialog.result()


def test_backup_and_restore(qtbot, page, monkeypatch) -> None:
    journal = page._journal
    qtbot.mouseClick(page.backups._backup_now, Qt.MouseButton.LeftButton)
    assert page.backups._list.count() == len(journal.backups()) >= 1
    journal.save_day(Day(date=TODAY, mood=2, note="changed"))
    page.refresh()
    page.backups._list.setCurrentRow(0)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    with qtbot.waitSignal(page.data_replaced):
        page.backups._on_restore_clicked()
    assert journal.day(TODAY).note == "the words I wrote"
    assert any(
        "before restore" in page.backups._list.item(i).text()
        for i in range(page.backups._list.count())
    )


def test_daily_reminder_and_autostart(qtbot, page, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    page.preferences._remind_at.setTime(QTime(21, 15))
    assert page._journal.settings().reminder_time == ""  # off until the box is ticked
    page.preferences._remind.setChecked(True)
    assert page._journal.settings().reminder_time == "21:15"
    page.preferences._remind.setChecked(False)
    assert page._journal.settings().reminder_time == ""
    page.preferences._autostart.setChecked(True)
    entry = tmp_path / "config" / "autostart" / f"{APP_ID}.desktop"
    assert "--minimized" in entry.read_text()
    page.preferences._autostart.setChecked(False)
    assert not entry.exists()


def test_restoring_fewer_days_says_what_would_be_lost(qtbot, page, monkeypatch) -> None:
    import datetime as dt

    journal = page._journal
    qtbot.mouseClick(page.backups._backup_now, Qt.MouseButton.LeftButton)  # holds 1 day
    for i in range(1, 4):
        journal.save_day(Day(date=TODAY - dt.timedelta(days=i), mood=5))
    page.refresh()
    assert "1 day, last entry" in page.backups._list.item(0).text()
    asked = []

    def answer(parent, title, text):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    page.backups._list.setCurrentRow(0)
    page.backups._on_restore_clicked()
    assert "holds 1 day, your journal 4" in asked[0] and "with 3 fewer days" in asked[0]
    assert journal.days_held() == 4  # "No": nothing changed
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    with qtbot.waitSignal(page.data_replaced):
        page.backups._on_restore_clicked()
    assert journal.days_held() == 1


def test_a_backup_that_does_not_check_out_is_named_but_not_listed(qtbot, page) -> None:
    folder = page._journal.data_dir / "backups"
    folder.mkdir(exist_ok=True)
    (folder / "journal-20260315-090000-daily.sqlite3").write_bytes(b"SQLite format 3\0half")
    page.refresh()
    texts = [page.backups._list.item(i).text() for i in range(page.backups._list.count())]
    assert not any("09:00" in text for text in texts)
    assert page.backups._unchecked.isVisibleTo(page)
    assert "journal-20260315-090000-daily.sqlite3" in page.backups._unchecked.text()


def test_start_at_login_has_its_own_labelled_row_under_the_reminder(qtbot, page) -> None:
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    form = page.preferences._autostart.parentWidget().layout()
    label = form.labelForField(page.preferences._autostart)
    assert label is not None and label.text() == "When you log in"  # not a blank label
    reminder = page.preferences._remind.mapTo(page, page.preferences._remind.rect().topLeft())
    login = page.preferences._autostart.mapTo(page, page.preferences._autostart.rect().topLeft())
    assert login.x() == reminder.x() and login.y() > reminder.y()
