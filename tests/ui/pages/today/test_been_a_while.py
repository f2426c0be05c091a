"""“It's been a while” on Today: listed from a keep-in-touch wish, set aside by mouse or key."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from journal.domain.records import Contact
from journal.services import Journal
from tests.helpers import TODAY, fixed_clock


def _seed(journal_dir) -> tuple[int, int]:
    journal = Journal.open(journal_dir, clock=fixed_clock)
    try:
        sam = journal.add_person("Sam", "friend")
        noor = journal.add_person("Noor", "family")
        journal.add_person("Ben", "friend")  # no wish: never listed
        journal.add_contact(
            Contact(
                date=TODAY - dt.timedelta(days=10),
                kind="friend",
                mode="phone",
                quality=4,
                person_id=sam.id,
            )
        )
        journal.set_keep_in_touch(sam.id, 7)
        journal.set_keep_in_touch(noor.id, 30)
        return sam.id, noor.id
    finally:
        journal.close()


def test_listed_gently_and_set_aside_with_the_mouse_and_the_keyboard(
    qtbot, journal_dir, open_window
):
    sam_id, noor_id = _seed(journal_dir)
    window = open_window()
    panel = window.findChild(object, "been_a_while")
    assert panel.isVisible() and panel.names() == ["Noor", "Sam"]  # never logged first
    said = " ".join(
        label.text()
        for label in panel.findChildren(object)
        if hasattr(label, "wordWrap") and label.isVisible()
    )
    assert "about 10 days since you were last in touch" in said
    assert not any(word in said.lower() for word in ("haven't", "should", "neglect", "!"))
    qtbot.mouseClick(
        window.findChild(QPushButton, f"while_not_now_{sam_id}"), Qt.MouseButton.LeftButton
    )
    assert window.journal.person(sam_id).touch_dismissed_on == TODAY
    assert panel.names() == ["Noor"]
    button = window.findChild(QPushButton, f"while_not_now_{noor_id}")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert window.journal.person(noor_id).touch_dismissed_on == TODAY
    assert not panel.isVisible()


def test_a_wish_set_on_a_person_page_shows_on_today(qtbot, journal_dir, open_window):
    journal = Journal.open(journal_dir, clock=fixed_clock)
    ben = journal.add_person("Ben", "friend")
    journal.close()
    window = open_window()
    panel = window.findChild(object, "been_a_while")
    assert not panel.isVisible()
    window.show_page("people")
    page = window.page("people")
    page.open_person(ben.id)
    every = page.findChild(object, "keep_in_touch_days")
    qtbot.keyClicks(every, "14")
    qtbot.keyClick(every, Qt.Key.Key_Return)
    window.show_page("today")
    assert panel.isVisible() and panel.names() == ["Ben"]
