"""The proof that every visible string goes through ``tr()``: a pseudo-translated run.

``pyside6-lupdate`` collects the strings of all of ``journal``, each translation becomes
"⟦source⟧", ``pyside6-lrelease`` compiles that, and a window on a journal full of demo data
shows every page in it. Any word on screen outside ⟦…⟧ that is not the person's own data, a
date or a number was never offered to a translator. The second test checks the other half of
the goal: with a German locale, dates and decimals in the window are written the German way.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QWidget,
)

from journal.app import make_main_window
from journal.demo import generate
from journal.domain.questionnaires import QUESTIONNAIRES
from journal.services import Journal
from journal.ui import locale
from journal.ui.main_window import MainWindow
from journal.ui.sidebar import PAGES
from tests.helpers import fixed_clock

ROOT = Path(__file__).resolve().parents[2]
OPEN, CLOSE = "⟦", "⟧"
LUPDATE, LRELEASE = shutil.which("pyside6-lupdate"), shutil.which("pyside6-lrelease")

#: Key sequences written by ``QKeySequence.toString`` ("Ctrl+T", "Alt+Right").
KEYS = re.compile(r"\b(?:(?:Ctrl|Alt|Shift|Meta)\+)+\w+|\bF\d+\b|\b(?:Enter|Backspace|Esc)\b")

#: Widgets (by objectName) showing sentences the pure core words through ``journal.i18n``
#: that are not yet marked for translation there; remove an entry once the core marks it.
CORE_TEXT_PENDING: frozenset[str] = frozenset()


def pseudo_translation(ts: Path) -> None:
    """Fill every message of ``ts`` with "⟦source⟧" (plural forms too), in place.

    The source stays whole inside the marks, so ``{fields}``, ``%1`` and ``&`` mnemonics work
    as they do in English.
    """
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        marked = f"{OPEN}{source}{CLOSE}"
        if message.get("numerus") == "yes":
            for form in translation.findall("numerusform"):
                form.text = marked
        else:
            translation.text = marked
    tree.write(ts, encoding="utf-8", xml_declaration=True)


@pytest.fixture(scope="module")
def pseudo_qm(tmp_path_factory) -> Path:
    if not (LUPDATE and LRELEASE):
        pytest.skip("pyside6-lupdate and pyside6-lrelease are not on PATH")
    folder = tmp_path_factory.mktemp("pseudo")
    ts, qm = folder / "pseudo.ts", folder / "pseudo.qm"
    sources = [str(path) for path in sorted((ROOT / "journal").rglob("*.py"))]
    subprocess.run(
        [LUPDATE, *sources, "-ts", str(ts), "-no-obsolete"], check=True, capture_output=True
    )
    pseudo_translation(ts)
    subprocess.run([LRELEASE, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


@pytest.fixture
def pseudo_locale(qapp, pseudo_qm) -> Iterator[None]:
    """The app as it runs in a language whose every string is the pseudo-translation."""
    locale.install(qapp)
    translator = QTranslator()
    assert translator.load(str(pseudo_qm))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)
    locale.uninstall()


@pytest.fixture
def demo_dir(journal_dir) -> Path:
    journal = Journal.open(journal_dir, clock=fixed_clock)
    try:
        generate(journal, days=120, seed=5)
    finally:
        journal.close()
    return journal_dir


def journal_data(data_dir: Path) -> set[str]:
    """Every text value stored in the journal (the person's names, notes, tags, plans …), and
    the questionnaires' published names and credits, which are cited as published."""
    connection = sqlite3.connect(data_dir / "journal.sqlite3")
    try:
        values: set[str] = set()
        tables = [
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        for table in tables:
            for row in connection.execute(f"SELECT * FROM [{table}]"):
                values.update(v.strip() for v in row if isinstance(v, str) and v.strip())
                # the crisis message shows a plan's entries one by one (split at ; and lines)
                values.update(
                    p.strip()
                    for v in row
                    if isinstance(v, str)
                    for p in re.split(r"[\n;]+", v)
                    if p.strip()
                )
        for published in QUESTIONNAIRES.values():
            values.update((published.title, published.credit))
        return values
    finally:
        connection.close()


def locale_words() -> set[str]:
    """Month and day names of the locale: dates are formatted, not translated."""
    here = QLocale()
    words: set[str] = set()
    for form in (
        QLocale.FormatType.LongFormat,
        QLocale.FormatType.ShortFormat,
        QLocale.FormatType.NarrowFormat,
    ):
        words.update(here.monthName(m, form) for m in range(1, 13))
        words.update(here.standaloneMonthName(m, form) for m in range(1, 13))
        words.update(here.dayName(d, form) for d in range(1, 8))
    words.update((here.amText(), here.pmText()))
    return {word for word in words if word}


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for each string a person sees or hears on the visible widgets."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible():
            continue
        where = f"{type(widget).__name__}#{widget.objectName()}"
        yield from ((f"{where}.{kind}", text) for kind, text in _texts_of(widget) if text)
    if isinstance(root, MainWindow):
        for menu_action in root.menuBar().actions():
            yield f"menu {menu_action.objectName()}", menu_action.text()
            menu = menu_action.menu()
            for action in menu.actions() if menu else ():
                yield f"menu {action.objectName()}", action.text()
                for inner in action.menu().actions() if action.menu() else ():
                    yield f"menu {inner.objectName()}", inner.text()


def every_tab(window: QWidget, page: QWidget) -> Iterator[tuple[str, str]]:
    """The visible texts of ``window`` with each tab of ``page`` shown in turn."""
    yield from visible_texts(window)
    for tabs in page.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        shown = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            yield from visible_texts(tabs)
        tabs.setCurrentIndex(shown)


def _texts_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    yield "windowTitle", widget.windowTitle() if widget.isWindow() else ""
    yield "toolTip", widget.toolTip()
    yield "accessibleName", widget.accessibleName()
    yield "accessibleDescription", widget.accessibleDescription()
    if isinstance(widget, QLabel) or (
        isinstance(widget, QAbstractButton) and not _standard_button(widget)
    ):
        yield "text", widget.text()
    elif isinstance(widget, QGroupBox):
        yield "title", widget.title()
    elif isinstance(widget, QLineEdit | QPlainTextEdit) or (
        isinstance(widget, QTextEdit) and not isinstance(widget, QTextBrowser)
    ):
        yield "placeholder", widget.placeholderText()
    elif isinstance(widget, QTextBrowser):
        yield "text", widget.toPlainText()
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield f"item {index}", widget.itemText(index)
    elif isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            yield f"tab {index}", widget.tabText(index)
    elif isinstance(widget, QAbstractSpinBox) and not isinstance(widget, QDateEdit):
        yield "prefix", getattr(widget, "prefix", lambda: "")()
        yield "suffix", getattr(widget, "suffix", lambda: "")()
        yield "specialValueText", widget.specialValueText()
    if isinstance(widget, QListWidget):
        for row in range(widget.count()):
            yield f"row {row}", widget.item(row).text()
    elif (
        isinstance(widget, QAbstractItemView)
        and not isinstance(widget, QHeaderView)
        and widget.model() is not None
    ):
        model = widget.model()
        for column in range(model.columnCount()):
            yield (
                f"header {column}",
                str(
                    model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                    or ""
                ),
            )
        for row in range(min(model.rowCount(), 30)):
            for column in range(model.columnCount()):
                yield f"cell {row},{column}", str(model.index(row, column).data() or "")
    yield from _chart_texts(widget)


def _standard_button(button: QAbstractButton) -> bool:
    """A dialog's standard button ("Cancel", "Close"), which Qt's own catalogue translates."""
    box = button.parent()
    while box is not None and not isinstance(box, QDialogButtonBox | QMessageBox):
        box = box.parent()
    return box is not None and box.standardButton(button) != box.StandardButton.NoButton


def _chart_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """Axis labels, legends and titles drawn inside a pyqtgraph chart."""
    scene = getattr(widget, "scene", None)
    if not callable(scene) or type(widget).__module__.split(".")[0] != "pyqtgraph":
        return
    import pyqtgraph as pg

    for item in scene().items():
        if isinstance(item, pg.AxisItem) and item.isVisible():
            yield "axis label", re.sub(r"<[^>]+>", "", item.labelText or "")
        elif isinstance(item, pg.LabelItem) and item.isVisible():
            yield "label item", re.sub(r"<[^>]+>", "", item.text or "")
        elif isinstance(item, pg.TextItem) and item.isVisible():
            yield "text item", item.toPlainText()


def untranslated_words(text: str, data: set[str], words: set[str]) -> str:
    """What is left of ``text`` once translated parts, data, dates and numbers are removed."""
    text = re.sub(r"<[^>]+>|&(?:[a-z]+|#\d+);", " ", text)  # rich text markup
    while (inner := re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", text)) != text:
        text = inner
    text = KEYS.sub(" ", text)  # QKeySequence's own words (Qt's catalogue translates them)
    for value in sorted(data | words, key=len, reverse=True):
        if value in text:
            text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", text)
    return " ".join(re.findall(r"[^\W\d_][\w'’.-]*", text))


def test_pseudo_translation_marks_every_field_and_mnemonic(tmp_path: Path) -> None:
    ts = tmp_path / "one.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1"><context>'
        "<name>c</name><message><source>&amp;Save {n} days &lt;b&gt;%1&lt;/b&gt;</source>"
        '<translation type="unfinished"></translation></message></context></TS>',
        encoding="utf-8",
    )
    pseudo_translation(ts)
    message = ET.parse(ts).find(".//translation")
    assert message.text == "⟦&Save {n} days <b>%1</b>⟧" and "type" not in message.attrib


def test_untranslated_words_ignores_marks_data_dates_and_numbers() -> None:
    words = {"Mar", "Sun"}
    assert untranslated_words("⟦Saved {date}⟧ · Sun 15 Mar 2026 · 4.5", set(), words) == ""
    assert untranslated_words("⟦Mood⟧ of Sam", {"Sam"}, words) == "of"
    assert untranslated_words("⟦Saved ⟦2⟧⟧ days", set(), words) == "days"


def test_every_visible_string_is_translated(qtbot, pseudo_locale, demo_dir) -> None:
    window = make_main_window(demo_dir, clock=fixed_clock)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    data, words = journal_data(demo_dir), locale_words()
    problems: list[str] = []
    for key, *_ in PAGES:
        window.show_page(key)
        QApplication.processEvents()
        page = window.page(key)
        assert page.isVisible(), key
        for where, text in every_tab(window, page):
            if any(f"#{name}" in where for name in CORE_TEXT_PENDING):
                continue
            left = untranslated_words(text, data, words)
            if left:
                problems.append(f"{key}: {where}: {left!r} in {text!r}")
    unique = sorted(set(problems))
    assert not unique, f"{len(unique)} untranslated:\n" + "\n".join(unique)


def test_every_dialog_string_is_translated(qtbot, pseudo_locale, demo_dir) -> None:
    from journal.ui.dialogs.about import LICENCES, AboutDialog, ShortcutsDialog
    from journal.ui.dialogs.commitment_dialog import CommitmentDialog
    from journal.ui.dialogs.crisis_dialog import CrisisDialog
    from journal.ui.dialogs.damaged import DamagedJournalDialog
    from journal.ui.dialogs.medication_dialog import MedicationDialog
    from journal.ui.dialogs.session_dialog import SessionDialog
    from journal.ui.dialogs.unlock import UnlockDialog

    journal = Journal.open(demo_dir, clock=fixed_clock)
    try:
        backups = [journal.backup("manual"), journal.backup("before-restore")]
        dialogs = [
            AboutDialog(),
            ShortcutsDialog(),
            CommitmentDialog(journal),
            MedicationDialog(journal),
            SessionDialog(journal),
            UnlockDialog(),
            CrisisDialog(journal.crisis_info(QLocale().name()), after_item9=True),
            DamagedJournalDialog("", backups),
        ]
        # software names and SPDX licence names are names, the same in every language
        names = {part for entry in LICENCES for part in entry}
        data, words = journal_data(demo_dir) | names, locale_words()
        problems = []
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            dialog.show()
            QApplication.processEvents()
            for where, text in visible_texts(dialog):
                if left := untranslated_words(text, data, words):
                    problems.append(f"{dialog.objectName()}: {where}: {left!r} in {text!r}")
            dialog.close()
    finally:
        journal.close()
    assert not problems, f"{len(problems)} untranslated:\n" + "\n".join(sorted(set(problems)))


def test_dates_and_decimals_follow_a_german_locale(qtbot, demo_dir) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    locale.install(QCoreApplication.instance())
    try:
        window = make_main_window(demo_dir, clock=fixed_clock)
        qtbot.addWidget(window)
        window.show()
        window.show_page("trends")
        trends = window.page("trends")
        QApplication.processEvents()
        assert re.search(r"\b15\. März 2026\b", trends.summary), trends.summary
        readout = trends.timeline.show_day(len(trends.timeline._days) - 1)
        assert readout.startswith("So., 15. März 2026"), readout
        assert re.search(r"\d,\d", readout), readout
    finally:
        locale.uninstall()
        QLocale.setDefault(previous)


def test_locale_install_keeps_english_by_default(qapp) -> None:
    from journal import i18n

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        loaded = locale.install(qapp)  # Qt's own English, no catalogue of the journal's
        assert not any("connection_journal" in path for path in loaded), loaded
        assert i18n.format_date(dt.date(2026, 3, 5)) == "5 Mar 2026"
        assert i18n.format_number(-1234.5, 1) == "−1,234.5"
        assert i18n.translate("nowhere", "Mood") == "Mood"
    finally:
        locale.uninstall()
        QLocale.setDefault(QLocale.c())
    assert i18n.format_date(dt.date(2026, 3, 5)) == "5 Mar 2026"
    assert i18n.format_number(-1234.5, 1) == "−1234.5"
