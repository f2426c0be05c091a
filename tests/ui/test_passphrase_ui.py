"""The passphrase in the app: the unlock dialog, the idle lock, damage, backups kept aside."""

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QWidget

from journal import app as journal_app
from journal.domain.records import Day, SafetyPlan
from journal.services import Journal
from journal.store.connection import encryption_available
from journal.ui.dialogs.passphrase import NewPassphraseDialog
from journal.ui.dialogs.unlock import UnlockDialog
from journal.ui.pages.settings.page import SettingsPage
from tests.helpers import TODAY, fixed_clock

needs_cipher = pytest.mark.skipif(not encryption_available(), reason="sqlcipher3 not installed")
GOOD = "a good long passphrase"
NOTE = "words nobody else should read"


@pytest.fixture
def encrypted(journal_dir, fast_kdf):
    journal = Journal.open(journal_dir, clock=fixed_clock)
    journal.save_day(Day(date=TODAY, mood=6, note=NOTE))
    journal.set_passphrase(GOOD)
    journal.close()
    return journal_dir


def test_the_unlock_dialog_has_a_label_a_show_toggle_and_room(qtbot) -> None:
    dialog = UnlockDialog()
    qtbot.addWidget(dialog)
    field = dialog.findChild(QLineEdit, "passphrase")
    labels = [w for w in dialog.findChildren(QLabel) if w.buddy() is field]
    assert labels and "Passphrase" in labels[0].text().replace("&", "")
    assert field.accessibleName() == "Passphrase"
    assert dialog.minimumWidth() >= 40 * dialog.fontMetrics().averageCharWidth() > 0
    assert dialog.minimumWidth() > 243
    qtbot.mouseClick(dialog._show, Qt.MouseButton.LeftButton)
    assert field.echoMode() == QLineEdit.EchoMode.Normal
    qtbot.mouseClick(dialog._show, Qt.MouseButton.LeftButton)
    assert field.echoMode() == QLineEdit.EchoMode.Password
    asked_again = UnlockDialog("That passphrase does not open this journal.")
    qtbot.addWidget(asked_again)
    texts = [w.text() for w in asked_again.findChildren(QLabel) if w.text()]
    assert texts.count("That passphrase does not open this journal.") == 1
    assert not any("Your journal is protected" in t for t in texts)  # said once, not twice


def test_the_new_passphrase_dialog_shows_its_whole_intro(qtbot) -> None:
    dialog = NewPassphraseDialog("Set a passphrase")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    intro = next(w for w in dialog.findChildren(QLabel) if w.text().startswith("Your journal"))
    assert dialog.width() >= 40 * dialog.fontMetrics().averageCharWidth()  # not squeezed
    assert intro.height() >= intro.heightForWidth(intro.width())  # no line cut off
    assert intro.geometry().top() >= 0


@needs_cipher
def test_a_damaged_encrypted_journal_offers_its_backups(
    qapp, encrypted, monkeypatch, restore_theme
) -> None:
    path = encrypted / "journal.sqlite3"
    data = bytearray(path.read_bytes())
    data[200:500] = b"\xff" * 300  # its first page: SQLCipher cannot tell this from a wrong key
    path.write_bytes(bytes(data))
    asked, offered = [], []

    def ask(message):
        asked.append(message)
        return GOOD

    def choose(reason, backups):
        offered.append(reason)
        return backups[0].name

    monkeypatch.setattr(journal_app, "ask_passphrase", ask)
    monkeypatch.setattr(journal_app, "offer_backups", choose)
    monkeypatch.setattr(journal_app.MainWindow, "show", lambda self: None)
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    assert journal_app.run(encrypted) == 0
    assert len(asked) == 1  # asked once, not again and again
    assert offered and "damaged" in offered[0]
    reopened = Journal.open(encrypted, clock=fixed_clock, passphrase=GOOD, lock=False)
    assert reopened.day(TODAY).note == NOTE
    reopened.close()


@pytest.fixture
def locked_window(qtbot, encrypted):
    window = journal_app.make_main_window(encrypted, clock=fixed_clock, passphrase=GOOD)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@needs_cipher
def test_the_window_locks_when_left_alone_and_hides_everything(qtbot, locked_window) -> None:
    window = locked_window
    idle = window.idle_lock
    assert idle.timer.isActive() and idle.timer.interval() == 15 * 60_000  # the default
    window.show_page("people")
    qtbot.mouseClick(
        window.findChild(type(window._need_help), "need_help"), Qt.MouseButton.LeftButton
    )  # a dialog with the person's contacts open
    help_dialog = window._help_dialog
    assert help_dialog.isVisible()
    idle.timer.timeout.emit()  # the idle time passed (no waiting in tests)
    assert idle.is_locked
    for hidden in (window.centralWidget(), window.menuBar(), window.statusBar()):
        assert not hidden.isVisible()
    assert "Connection Journal" in window.windowTitle()
    for shown in (window, help_dialog):  # nothing of the journal is visible, anywhere
        visible = [w for w in shown.findChildren(QWidget) if w.isVisible() and w.window() is shown]
        assert visible and all(_inside_cover(w) for w in visible), shown
    covers = window.findChildren(QLineEdit, "lock_passphrase")
    field = next(f for f in covers if f.isVisible())
    qtbot.keyClicks(field, "not it at all")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert idle.is_locked and not window.centralWidget().isVisible()
    message = field.parent().findChild(QLabel, "lock_message")
    assert "does not open" in message.text()
    qtbot.keyClicks(field, GOOD)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not idle.is_locked
    assert window.centralWidget().isVisible() and window.menuBar().isVisible()
    assert window._stack.currentWidget() is window.page("people")  # back where it was
    assert help_dialog.isVisible() and idle.timer.isActive()
    help_dialog.close()


def _inside_cover(widget) -> bool:
    while widget is not None:
        if widget.objectName() == "lock_cover":
            return True
        widget = widget.parentWidget()
    return False


@needs_cipher
def test_input_restarts_the_count_and_settings_choose_the_time(qtbot, locked_window) -> None:
    window = locked_window
    idle = window.idle_lock
    idle.timer.stop()
    qtbot.keyClick(window.today_page, Qt.Key.Key_Shift)
    assert idle.timer.isActive()  # someone is here
    page = window.page("settings")
    window.show_page("settings")
    combo = page.passphrase._lock_after
    assert combo.isEnabled() and combo.accessibleName()
    combo.setCurrentIndex(combo.findData(5))
    assert idle.timer.interval() == 5 * 60_000
    assert window.journal.settings().lock_after_minutes == 5
    combo.setCurrentIndex(combo.findData(0))  # never
    assert not idle.timer.isActive()
    idle.timer.timeout.emit()
    idle.set_minutes(1)
    idle.timer.timeout.emit()
    assert idle.is_locked


def test_a_journal_without_passphrase_never_locks(qtbot, main_window) -> None:
    idle = main_window.idle_lock
    assert not idle.timer.isActive()
    idle.timer.timeout.emit()
    assert not idle.is_locked and main_window.centralWidget().isVisible()


@needs_cipher
@pytest.mark.usefixtures("fast_kdf")
def test_setting_a_passphrase_in_the_window_starts_the_idle_count(
    qtbot, main_window, monkeypatch
) -> None:
    def accept(dialog: NewPassphraseDialog) -> int:
        dialog._first.setText(GOOD)
        dialog._second.setText(GOOD)
        dialog._on_buttons_accepted()
        return dialog.result()

    monkeypatch.setattr(NewPassphraseDialog, "exec", accept)
    page = main_window.page("settings")
    main_window.show_page("settings")
    qtbot.mouseClick(page.passphrase._set, Qt.MouseButton.LeftButton)
    assert main_window.journal.encrypted and main_window.idle_lock.timer.isActive()


@needs_cipher
@pytest.mark.usefixtures("fast_kdf")
def test_settings_say_which_backup_stayed_unencrypted(qtbot, journal_dir, monkeypatch) -> None:
    journal = Journal.open(journal_dir, clock=fixed_clock)
    journal.save_day(Day(date=TODAY, mood=6, note=NOTE))
    garbled = journal.backup("manual")
    data = bytearray(garbled.read_bytes())
    data[4096 : 4096 + 300] = b"\xff" * 300
    garbled.write_bytes(bytes(data))
    page = SettingsPage(journal)
    qtbot.addWidget(page)

    def accept(dialog: NewPassphraseDialog) -> int:
        dialog._first.setText(GOOD)
        dialog._second.setText(GOOD)
        dialog._on_buttons_accepted()
        return dialog.result()

    told = []
    monkeypatch.setattr(NewPassphraseDialog, "exec", accept)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    qtbot.mouseClick(page.passphrase._set, Qt.MouseButton.LeftButton)
    assert journal.encrypted
    kept = journal_dir / "backups" / "unreadable" / garbled.name
    assert told and "UNENCRYPTED" in told[0] and str(kept) in told[0]
    assert kept.exists()
    journal.close()


@needs_cipher
def test_shortcuts_show_nothing_behind_the_lock(qtbot, locked_window) -> None:
    window = locked_window
    window.idle_lock.timer.timeout.emit()
    field = next(f for f in window.findChildren(QLineEdit, "lock_passphrase") if f.isVisible())
    before = window._stack.currentIndex()
    for key, modifier in (
        (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier),
    ):
        qtbot.keyClick(field, key, modifier)
    assert window._help_dialog is None or not window._help_dialog.isVisible()
    assert window._stack.currentIndex() == before
    assert window.idle_lock.is_locked


@needs_cipher
def test_help_is_never_behind_the_lock(qtbot, locked_window) -> None:
    """The crisis lines open from the cover (button and F1) without the passphrase, and
    show nothing of the person's own plan, which stays private behind the lock."""
    window = locked_window
    window.journal.save_safety_plan(SafetyPlan(people_to_ask="Robin 07700 900123"))
    window.idle_lock.timer.timeout.emit()
    field = next(f for f in window.findChildren(QLineEdit, "lock_passphrase") if f.isVisible())
    cover = field.parent()
    while cover.objectName() != "lock_cover":
        cover = cover.parentWidget()
    qtbot.keyClick(field, Qt.Key.Key_F1)
    dialog = cover.help_dialog
    assert dialog is not None and dialog.isVisible()
    assert "Robin" not in dialog.text() and "07700" not in " ".join(dialog.numbers())
    assert dialog.info.lines == window.journal.public_crisis_info(QLocale().name()).lines
    assert dialog.info.directory.name in dialog.text()  # the international directory
    dialog.close()
    qtbot.mouseClick(cover.help_button, Qt.MouseButton.LeftButton)
    assert cover.help_dialog.isVisible()
    assert window.idle_lock.is_locked and not window.centralWidget().isVisible()
    cover.help_dialog.close()
