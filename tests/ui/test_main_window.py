"""The window around the pages, the theme, and ``journal.app``'s wiring."""

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QListWidget, QMessageBox

from journal import app as journal_app
from journal.services import Journal
from journal.ui import theme
from tests.helpers import fixed_clock
from tests.ui.helpers import contrast

Role = QPalette.ColorRole


def test_the_window_lists_its_pages_today_then_people_first(main_window):
    assert main_window.windowTitle() == "Connection Journal"
    pages = main_window.findChild(QListWidget, "pages")
    assert pages.accessibleName() == "Pages"
    assert [pages.item(i).text() for i in range(pages.count())][:2] == ["Today", "People"]


def test_the_window_remembers_its_size(qtbot, open_window):
    window = open_window()
    window.resize(760, 560)
    qtbot.waitUntil(lambda: window.size().toTuple() == (760, 560))
    window.close()

    reopened = open_window()
    assert (reopened.width(), reopened.height()) == (760, 560)


def test_a_first_window_has_a_comfortable_size(main_window):
    assert main_window.width() >= 800 and main_window.height() >= 560


def test_closing_the_window_closes_the_journal(main_window):
    journal = main_window.journal
    main_window.close()
    with pytest.raises(Exception, match="closed"):
        journal.day(fixed_clock().date())


@pytest.mark.parametrize("mode, dark", [("dark", True), ("light", False)])
def test_apply_theme_gives_a_light_or_dark_window(restore_theme, mode, dark):
    theme.apply_theme(restore_theme, mode)
    window = QApplication.palette().color(Role.Window)
    assert (window.lightness() < 80) if dark else (window.lightness() > 200)
    assert restore_theme.style().name().casefold() == "fusion"


def test_system_theme_is_light_or_dark(restore_theme):
    assert theme.apply_theme(restore_theme, "system") in (theme.Scheme.LIGHT, theme.Scheme.DARK)


@pytest.mark.parametrize("scheme", list(theme.Scheme))
def test_text_meets_wcag_aa_in_both_palettes(scheme):
    palette = theme.palette_for(scheme)
    pairs = {
        "window text": (Role.WindowText, Role.Window),
        "text": (Role.Text, Role.Base),
        "alternate rows": (Role.Text, Role.AlternateBase),
        "buttons": (Role.ButtonText, Role.Button),
        "selection": (Role.HighlightedText, Role.Highlight),
        "hints on a field": (Role.PlaceholderText, Role.Base),
        "hints on the window": (Role.PlaceholderText, Role.Window),
        "tooltips": (Role.ToolTipText, Role.ToolTipBase),
        "links": (Role.Link, Role.Base),
    }
    for what, (fore, back) in pairs.items():
        ratio = contrast(palette.color(fore), palette.color(back))
        assert ratio >= 4.5, f"{scheme} {what}: {ratio:.2f}"
    notice = theme.notice_colour(palette)
    assert contrast(notice, palette.color(Role.Window)) >= 4.5


@pytest.mark.parametrize("scheme", list(theme.Scheme))
def test_fusion_outlines_of_controls_reach_3_to_1_in_both_palettes(scheme):
    palette = theme.palette_for(scheme)
    # Fusion outlines check boxes, radio buttons, progress bars and text boxes in Window
    # made 40 % darker (its check boxes 10 % lighter again); measure what it draws.
    window = theme.with_visible_outlines(palette).color(Role.Window)
    for outline in (window.darker(140), window.darker(140).lighter(110)):
        for back in (Role.Window, Role.Base):
            ratio = contrast(outline, palette.color(back))
            assert ratio >= 3, f"{scheme} outline on {back.name}: {ratio:.2f}"


def test_the_theme_setting_is_applied_when_the_window_is_made(qtbot, journal_dir, restore_theme):
    journal = Journal.open(journal_dir, clock=fixed_clock)
    journal.update_settings(theme="dark")
    journal.close()

    window = journal_app.make_main_window(journal_dir, clock=fixed_clock)
    qtbot.addWidget(window)
    assert theme.is_dark(QApplication.palette())


def test_run_explains_calmly_when_the_journal_cannot_be_opened(
    qapp, tmp_path, monkeypatch, restore_theme
):
    # text where the journal should be: no SQLite or SQLCipher file ends in part of a page,
    # so it is damage (told once, calmly), never a request for a passphrase
    (tmp_path / "journal.sqlite3").write_bytes(b"this is not a journal at all, just text")
    asked, told = [], []
    monkeypatch.setattr(journal_app, "ask_passphrase", lambda message: asked.append(message))
    monkeypatch.setattr(journal_app, "_tell_not_opened", lambda error: told.append(str(error)))

    assert journal_app.run(tmp_path) == 1
    assert not asked and told and "is damaged" in told[0] and "not been changed" in told[0]
    assert (tmp_path / "journal.sqlite3").read_bytes().startswith(b"this is not a journal")


def test_run_explains_a_foreign_database(qapp, tmp_path, monkeypatch, restore_theme):
    import sqlite3

    conn = sqlite3.connect(tmp_path / "journal.sqlite3")
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.close()
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()))
    assert journal_app.run(tmp_path) == 1
    assert shown and "not a Connection Journal" in shown[0]


def test_a_damaged_journal_offers_its_backups(qapp, tmp_path, monkeypatch, restore_theme):
    from journal.domain.records import Day

    journal = Journal.open(tmp_path, clock=fixed_clock)
    journal.save_day(Day(date=fixed_clock().date(), mood=7, note="kept safe"))
    name = journal.backup("manual").name
    journal.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    journal.close()
    path = tmp_path / "journal.sqlite3"
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 2 + 300] = b"\xff" * 300
    path.write_bytes(bytes(data))
    offered = []

    def choose(reason, backups):
        offered.append((reason, [b.name for b in backups]))
        return name

    monkeypatch.setattr(journal_app, "offer_backups", choose)
    monkeypatch.setattr(journal_app.MainWindow, "show", lambda self: None)
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    assert journal_app.run(tmp_path) == 0
    assert offered and "damaged" in offered[0][0] and name in offered[0][1]
    assert any(p.name.startswith("journal.sqlite3.damaged-") for p in tmp_path.iterdir())
    reopened = Journal.open(tmp_path, clock=fixed_clock, lock=False)
    assert reopened.day(fixed_clock().date()).note == "kept safe"
    reopened.close()


def test_an_emptied_journal_with_backups_offers_them(qapp, tmp_path, monkeypatch, restore_theme):
    from journal.domain.records import Day

    journal = Journal.open(tmp_path, clock=fixed_clock)
    journal.save_day(Day(date=fixed_clock().date(), mood=7, note="kept safe"))
    name = journal.backup("manual").name
    journal.close()
    (tmp_path / "journal.sqlite3").write_bytes(b"")
    offered = []
    monkeypatch.setattr(
        journal_app, "offer_backups", lambda reason, backups: offered.append(reason) or name
    )
    monkeypatch.setattr(journal_app.MainWindow, "show", lambda self: None)
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    assert journal_app.run(tmp_path) == 0
    assert offered and "empty" in offered[0]
    reopened = Journal.open(tmp_path, clock=fixed_clock, read_only=True)
    assert reopened.day(fixed_clock().date()).note == "kept safe"
    reopened.close()


def test_the_central_widget_is_placed_at_once_without_an_animation(qtbot, main_window):
    from PySide6.QtCore import QPropertyAnimation
    from PySide6.QtWidgets import QStyle

    central = main_window.centralWidget()
    main_window.resize(main_window.width() + 40, main_window.height() + 30)
    qtbot.waitUntil(lambda: central.width() == main_window.width())
    assert central.findChildren(QPropertyAnimation) == []  # Qt's would start its timer
    hint = QStyle.StyleHint.SH_Widget_Animation_Duration
    assert central.style().styleHint(hint, None, central) == 0
    assert QApplication.style().styleHint(hint) > 0  # the rest of the app keeps Fusion's
    assert central.style().baseStyle().name() == QApplication.style().name() == "fusion"
    page = main_window.today_page  # its children keep the app's style
    assert page.style() is QApplication.style()
