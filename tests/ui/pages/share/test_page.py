"""The Share page driven as a person would: tick, choose, save, cancel, import."""

import datetime as dt
import subprocess
import threading

import pytest
from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLabel,
    QProgressDialog,
    QPushButton,
    QSpinBox,
)

from journal.demo import generate
from journal.domain.sections import DEFAULT_SECTIONS, SECTIONS
from journal.i18n import format_date
from journal.services import Journal
from journal.ui.dialogs.daylio_import import DaylioImportDialog
from journal.ui.dialogs.page_preview import PagePreviewDialog
from journal.ui.pages.share.page import SharePage
from tests.helpers import TODAY, fixed_clock

TASK_MS = 20_000


@pytest.fixture
def opened(journal_dir):
    journal = Journal.open(journal_dir, clock=fixed_clock)
    yield journal
    journal.close()


@pytest.fixture
def demo(opened):
    generate(opened, days=90, seed=3)
    return opened


@pytest.fixture
def page(qtbot, demo):
    shown = SharePage(demo)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def save_to(monkeypatch):
    """Answer the next "save as" dialog with ``path``."""

    def answer(path):
        monkeypatch.setattr(
            "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *args, **kwargs: (str(path), "")
        )

    return answer


@pytest.fixture
def open_file(monkeypatch):
    def answer(path):
        monkeypatch.setattr(
            "PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *args, **kwargs: (str(path), "")
        )

    return answer


def when_modal(kind, act):
    """Run ``act(dialog)`` on the next modal dialog of ``kind``, once it is open."""
    state = {"tries": 0, "done": False}

    def look():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
            state["done"] = True
        elif state["tries"] < 1000:
            state["tries"] += 1
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    return state


def click(qtbot, page, name):
    button = page.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    button.click()


def pdf_text(path):
    return subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_the_page_starts_with_the_private_defaults(page):
    assert set(page.sections()) == DEFAULT_SECTIONS
    assert not page.section_box("notes").isChecked()
    assert not page.section_box("safety_plan").isChecked()
    assert page.names() == "hidden"
    assert page.paper() in ("A4", "Letter")
    assert page.dates() == (TODAY - dt.timedelta(days=27), TODAY)
    for key in SECTIONS:
        assert page.section_box(key).accessibleName()


def test_since_the_last_session(page, demo):
    combo = page.findChild(QComboBox, "summary_range")
    combo.setCurrentIndex(combo.findData("session"))
    assert page.dates() == (demo.last_session_date(), TODAY)
    combo.setCurrentIndex(combo.findData("custom"))
    assert page.findChild(QComboBox, "summary_range").currentData() == "custom"


@pytest.mark.usefixtures("poppler")
def test_ticked_sections_are_saved_through_the_worker(qtbot, page, save_to, tmp_path):
    page.section_box("charts").click()  # untick
    page.section_box("notes").click()  # tick
    out = tmp_path / "for-my-therapist.pdf"
    save_to(out)
    with qtbot.waitSignal(page.summary_saved, timeout=TASK_MS) as saved:
        click(qtbot, page, "summary_save")
    assert saved.args == [out]
    text = pdf_text(out)
    assert "My notes" in text and "Overview figures" in text
    assert "Mood and contacts, day by day" not in text and "Safety plan" not in text
    assert "Summary saved" in page.message.text
    qtbot.waitUntil(lambda: page.task is None)


def test_cancel_writes_nothing(qtbot, page, save_to, tmp_path, monkeypatch):
    gate = threading.Event()
    real = Journal.export_summary

    def held(self, *args, **kwargs):  # waits in the worker until Cancel has been pressed
        gate.wait(10)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Journal, "export_summary", held)
    out = tmp_path / "summary.pdf"
    save_to(out)
    click(qtbot, page, "summary_save")
    qtbot.waitUntil(lambda: page.findChild(QPushButton, "summary_save").isEnabled() is False)
    task = page.task
    with qtbot.waitSignal(task.cancelled, timeout=TASK_MS):
        progress = page.findChild(QProgressDialog, "task_progress")
        assert progress.isVisible()
        progress.findChild(QPushButton).click()  # its Cancel
        gate.set()
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    assert "Nothing was written" in page.message.text
    qtbot.waitUntil(lambda: page.task is None)
    assert page.findChild(QPushButton, "summary_save").isEnabled()


def test_preview_shows_the_pages(qtbot, page):
    seen = {}

    def look(dialog):
        seen["pages"], seen["held"] = dialog.page_count, dialog.holds_images
        dialog.reject()
        seen["kept"] = dialog.holds_images

    state = when_modal(PagePreviewDialog, look)
    click(qtbot, page, "summary_preview")
    qtbot.waitUntil(lambda: state["done"], timeout=TASK_MS)
    assert seen["pages"] >= 1
    assert seen["held"] and not seen["kept"]  # the page images go when the preview closes


@pytest.mark.usefixtures("poppler")
def test_saving_from_the_preview_saves_the_same_choices(qtbot, page, save_to, tmp_path):
    page.findChild(QComboBox, "summary_names").setCurrentIndex(2)  # full names
    page.section_box("safety_plan").click()
    out = tmp_path / "from-preview.pdf"
    save_to(out)
    when_modal(
        PagePreviewDialog, lambda dialog: dialog.findChild(QPushButton, "preview_save").click()
    )
    with qtbot.waitSignal(page.summary_saved, timeout=TASK_MS):
        click(qtbot, page, "summary_preview")
    text = pdf_text(out)
    assert "Safety plan" in text and "Jamie" in text


def test_json_export_then_import_asks_merge_replace_or_cancel(
    qtbot, page, demo, save_to, open_file, answer_dialog, tmp_path
):
    out = tmp_path / "journal.json"
    save_to(out)
    with qtbot.waitSignal(page.exported, timeout=TASK_MS):
        click(qtbot, page, "export_json")
    assert out.exists()
    qtbot.waitUntil(lambda: page.task is None)
    days = demo.db["days"].count

    open_file(out)
    asked = answer_dialog("import_cancel")
    click(qtbot, page, "import_file")
    assert asked.answered and "already has entries" in asked.texts[0]
    assert page.task is None and demo.db["days"].count == days

    asked = answer_dialog("import_merge")
    with qtbot.waitSignal(page.data_imported, timeout=TASK_MS):
        click(qtbot, page, "import_file")
    assert "Nothing new to import" in page.message.text
    assert demo.db["days"].count == days


def test_cancelling_an_import_writes_nothing(qtbot, qapp, tmp_path, open_file, monkeypatch):
    source = Journal.open(tmp_path / "source", clock=fixed_clock)
    generate(source, days=60, seed=2)
    exported = source.export_json(tmp_path / "old.json")
    source.close()
    empty = Journal.open(tmp_path / "empty", clock=fixed_clock)
    page = SharePage(empty)
    gate = threading.Event()
    real = Journal.import_json

    def held(self, *args, **kwargs):
        gate.wait(10)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Journal, "import_json", held)
    open_file(exported)
    page.show()
    click(qtbot, page, "import_file")  # an empty journal: no question
    task = page.task
    with qtbot.waitSignal(task.cancelled, timeout=TASK_MS):
        task.cancel()
        gate.set()
    assert empty.is_empty()
    page.close()
    empty.close()


DAYLIO = """full_date,date,weekday,time,mood,activities,note_title,note
2026-03-10,March 10,Tuesday,20:00,good,friends | walk,,Nice day
2026-03-11,March 11,Wednesday,21:00,super,family,,
2026-03-12,March 12,Thursday,19:30,meh,,,
"""


def test_daylio_import_maps_moods_and_activities_after_a_preview(qtbot, tmp_path, open_file, qapp):
    empty = Journal.open(tmp_path / "fresh", clock=fixed_clock)
    page = SharePage(empty)
    path = tmp_path / "daylio.csv"
    path.write_text(DAYLIO, encoding="utf-8")
    open_file(path)
    seen = {}

    def map_and_import(dialog):
        combos = {
            dialog.findChild(QComboBox, f"daylio_activity_{i}").accessibleName(): i
            for i in range(3)
        }
        seen["before"] = dialog.preview_text
        friends = combos["What “friends” becomes"]
        dialog.findChild(QComboBox, f"daylio_mode_{friends}").setCurrentIndex(1)  # video
        walk = dialog.findChild(QComboBox, f"daylio_activity_{combos['What “walk” becomes']}")
        walk.setCurrentIndex(walk.findData("coping"))
        super_spin = next(s for s in dialog.findChildren(QSpinBox) if "super" in s.accessibleName())
        super_spin.setValue(10)
        dialog.refresh_preview()
        seen["after"] = dialog.preview_text
        dialog.findChild(QPushButton, "daylio_import").click()

    state = when_modal(DaylioImportDialog, map_and_import)
    with qtbot.waitSignal(page.data_imported, timeout=TASK_MS):
        click(qtbot, page, "import_file")
    assert state["done"]
    first, last = format_date(dt.date(2026, 3, 10)), format_date(dt.date(2026, 3, 12))
    assert f"Would import 3 days from {first} to {last} and 2 contacts" in seen["before"]
    assert empty.day(dt.date(2026, 3, 11)).mood == 10
    assert empty.day(dt.date(2026, 3, 10)).coping == ("walk",)
    kinds = {(c.kind.value, c.mode.value) for c in empty.contacts_on(dt.date(2026, 3, 10))}
    assert kinds == {("friend", "video")}
    assert "Imported 3 days and 2 contacts" in page.message.text
    page.close()
    empty.close()


def test_a_bad_daylio_file_is_explained(qtbot, tmp_path, open_file, page):
    path = tmp_path / "broken.csv"
    path.write_text("date,mood\n1,2\n", encoding="utf-8")
    open_file(path)
    click(qtbot, page, "import_file")
    assert "cannot be imported" in page.message.text
    assert page.task is None


def test_a_safety_answer_left_out_is_said_plainly_and_the_choice_stays(qtbot, page, demo):
    from journal.domain.records import Assessment
    from journal.store.assessments import add_assessment

    add_assessment(
        demo.db,
        Assessment(
            date=TODAY - dt.timedelta(days=4),
            instrument="phq9",
            answers=(1, 1, 1, 1, 1, 1, 1, 1, 1),
        ),
    )
    page.refresh_range()
    assert page.safety_note == ""  # the questionnaires are ticked: page 1 shows it
    page.section_box("questionnaires").click()
    note = page.safety_note
    assert format_date(TODAY - dt.timedelta(days=4), "date") in note
    assert "leaves this out" in note and "the choice is yours" in note
    assert not page.section_box("questionnaires").isChecked()  # nothing ticked for them
    seen = {}

    def look(dialog):
        seen["note"], seen["first"] = dialog.note, dialog.findChild(QLabel, "preview_first_page")
        seen["first"] = seen["first"].text() if seen["first"] else ""
        dialog.reject()

    state = when_modal(PagePreviewDialog, look)
    click(qtbot, page, "summary_preview")
    qtbot.waitUntil(lambda: state["done"], timeout=TASK_MS)
    assert seen["note"] == note and seen["first"].startswith("Page 1, at a glance")
    page.section_box("questionnaires").click()
    assert page.safety_note == ""
    # a range without the answer says nothing
    page.section_box("questionnaires").click()
    page.findChild(QComboBox, "summary_range").setCurrentIndex(4)  # dates I choose
    page.findChild(QDateEdit, "summary_to").setDate(QDate(2026, 3, 1))
    assert page.safety_note == ""
