"""The Share page's imports from other apps, driven as a person would: a Daylio backup whose
moods are placed by their level, a Daylio CSV with a mood it must ask about, and Bearable
with its mood scale asked. Every file is generated here."""

import base64
import datetime as dt
import json
import zipfile

import pytest
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QSpinBox

from journal.services import Journal
from journal.ui.dialogs.daylio_import import DaylioImportDialog
from journal.ui.pages.share.page import SharePage
from tests.helpers import fixed_clock

from .test_page import TASK_MS, click, when_modal

MARCH_10 = dt.date(2026, 3, 10)


@pytest.fixture
def open_file(monkeypatch):
    """The file dialog answers ``path``."""

    def answer(path):
        monkeypatch.setattr(
            "PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *args, **kwargs: (str(path), "")
        )

    return answer


@pytest.fixture
def empty(qtbot, tmp_path):
    journal = Journal.open(tmp_path / "fresh", clock=fixed_clock)
    page = SharePage(journal)
    qtbot.addWidget(page)
    yield journal, page
    page.close()
    journal.close()


def _backup(path):
    moods = [
        {"id": 1, "custom_name": "", "mood_group_id": 1, "predefined_name_id": 1},
        {"id": 6, "custom_name": "Chill", "mood_group_id": 2, "predefined_name_id": -1},
        {"id": 7, "custom_name": "Wiped", "mood_group_id": 5, "predefined_name_id": -1},
    ]
    document = {
        "customMoods": moods,
        "tags": [{"id": 1, "name": "friends"}],
        "dayEntries": [
            {
                "year": 2026,
                "month": 2,
                "day": 10,
                "hour": 20,
                "minute": 0,
                "mood": 6,
                "note": "Good<br>talk",
                "note_title": "",
                "tags": [1],
            },
            {
                "year": 2026,
                "month": 2,
                "day": 9,
                "hour": 9,
                "minute": 0,
                "mood": 7,
                "note": "",
                "note_title": "",
                "tags": [],
            },
            {
                "year": 2026,
                "month": 1,
                "day": 1,
                "hour": 9,
                "minute": 0,
                "mood": 1,
                "note": "",
                "note_title": "",
                "tags": [],
            },
        ],
    }
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("backup.daylio", base64.b64encode(json.dumps(document).encode()))
    return path


def _labels(dialog):
    form = dialog.findChild(QFormLayout)
    return [
        form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text()
        for row in range(form.rowCount())
    ]


def test_a_daylio_backup_comes_in_with_its_moods_placed_by_level(qtbot, tmp_path, open_file, empty):
    journal, page = empty
    open_file(_backup(tmp_path / "daylio-export.zip"))  # told by content, not by name
    seen = {}

    def look_and_import(dialog):
        seen["labels"] = _labels(dialog)
        seen["values"] = {s.accessibleName(): s.value() for s in dialog.findChildren(QSpinBox)}
        seen["preview"] = dialog.preview_text
        dialog.findChild(QPushButton, "daylio_import").click()

    state = when_modal(DaylioImportDialog, look_and_import)
    with qtbot.waitSignal(page.data_imported, timeout=TASK_MS):
        click(qtbot, page, "import_file")
    assert state["done"]
    assert seen["labels"] == ["Chill", "rad", "Wiped"]  # none asked
    assert seen["values"] == {
        "Value of the mood “Chill”": 7,
        "Value of the mood “rad”": 9,
        "Value of the mood “Wiped”": 1,
    }
    assert "3 moods mapped by their level, 0 asked" in seen["preview"]
    assert journal.day(MARCH_10).note == "Good\ntalk"
    assert journal.day(dt.date(2026, 2, 1)).mood == 9  # month 1 counted from 0: February
    assert [c.kind for c in journal.contacts_on(MARCH_10)] == ["friend"]  # suggested
    assert "Imported 3 days and 1 contact from Daylio" in page.message.text


def test_a_mood_daylio_cannot_place_is_asked(qtbot, tmp_path, open_file, empty):
    journal, page = empty
    path = tmp_path / "daylio.csv"
    path.write_text(
        "\ufefffull_date,date,weekday,time,mood,activities,scales,note_title,note\n"
        "2026-03-10,x,y,9:00 pm,Blah ,,Sleep Time: 7:30 | Stress: 2/5,,\n"
        "2026-03-09,x,y,8:00 am,good,,,,\n",
        encoding="utf-8",
    )
    open_file(path)
    seen = {}

    def set_and_import(dialog):
        seen["labels"] = _labels(dialog)
        seen["before"] = dialog.preview_text
        spin = next(s for s in dialog.findChildren(QSpinBox) if "Blah" in s.accessibleName())
        spin.setValue(2)
        dialog.refresh_preview()
        dialog.findChild(QPushButton, "daylio_import").click()

    state = when_modal(DaylioImportDialog, set_and_import)
    with qtbot.waitSignal(page.data_imported, timeout=TASK_MS):
        click(qtbot, page, "import_file")
    assert state["done"]
    assert seen["labels"] == ["Blah (set this one)", "good"]
    assert "1 mood mapped by their level, 1 asked" in seen["before"]
    assert "Kept in the notes: Stress" in seen["before"]
    assert "Sleep hours on 1 day" in seen["before"]
    tenth = journal.day(MARCH_10)
    assert (tenth.mood, tenth.sleep_hours, tenth.note) == (2, 7.5, "Stress: 2/5")


def test_bearable_asks_its_mood_scale_before_anything_can_be_imported(
    qtbot, tmp_path, open_file, empty
):
    journal, page = empty
    path = tmp_path / "bearable.csv"
    path.write_text(
        "date,weekday,time of day,category,rating/amount,detail,notes\n"
        "2026-03-10,Tue,am,Mood,2,,\n2026-03-10,Tue,pm,Mood,5,,\n"
        "2026-03-10,Tue,all day,Factors,,Friends | Walk,\n"
        "2026-03-10,Tue,pm,Symptoms,3,Headache,\n",
        encoding="utf-8",
    )
    open_file(path)
    seen = {}

    def choose_and_import(dialog):
        button = dialog.findChild(QPushButton, "daylio_import")
        seen["enabled before"] = button.isEnabled()
        scale = dialog.findChild(QComboBox, "bearable_mood_scale")
        scale.setCurrentIndex(scale.findData(5))
        friends = next(
            c
            for c in dialog.findChildren(QComboBox)
            if c.accessibleName() == "What “Friends” becomes"
        )
        friends.setCurrentIndex(friends.findData("friend"))
        dialog.refresh_preview()
        seen["preview"] = dialog.preview_text
        seen["intro"] = [label.text() for label in dialog.findChildren(QLabel)]
        button.click()

    state = when_modal(DaylioImportDialog, choose_and_import)
    with qtbot.waitSignal(page.data_imported, timeout=TASK_MS):
        click(qtbot, page, "import_file")
    assert state["done"] and not seen["enabled before"]
    assert "Would import 1 day" in seen["preview"]
    assert "Kept in the notes: Symptoms" in seen["preview"]
    assert "Energy: Bearable's 1-5 becomes 0, 3, 5, 8 or 10" in seen["preview"]
    assert "Mood on a 1-5 scale" in seen["preview"]
    tenth = journal.day(MARCH_10)
    assert tenth.mood == 6  # mean 3.5 on 1-5 → (3.5 − 1) × 2.5 = 6.25, rounded half up
    assert tenth.coping == ("Walk",)
    assert [c.kind for c in journal.contacts_on(MARCH_10)] == ["friend"]
    assert "pm — Symptoms: Headache — 3" in tenth.note
    assert "from Bearable" in page.message.text


def test_a_file_of_no_known_kind_is_explained(qtbot, tmp_path, open_file, empty):
    journal, page = empty
    path = tmp_path / "notes.txt"
    path.write_text("just some words\n", encoding="utf-8")
    open_file(path)
    click(qtbot, page, "import_file")
    assert "cannot be imported" in page.message.text and "Bearable" in page.message.text
    assert journal.is_empty()
