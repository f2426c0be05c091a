"""Contacts on the Today page, the keyboard flow of a whole day, undo and the gentle nudge."""

import datetime as dt
import time

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLabel,
    QListWidget,
    QPushButton,
    QWidget,
)

from journal.domain.errors import ValidationError
from journal.domain.kinds import Relationship
from journal.domain.parse import parse_contact
from journal.domain.records import Contact, Day
from journal.services import Journal
from tests.helpers import TODAY, fixed_clock

YESTERDAY = TODAY - dt.timedelta(days=1)
NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier


class Keyboard:
    """Types into whatever has the focus, as a person would, and counts the keys pressed
    (``count``: all of them; ``commands``: Tab, Enter and shortcuts, not the text typed)."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.count = 0
        self.commands = 0

    def type(self, text):
        self.qtbot.keyClicks(QApplication.focusWidget(), text)
        self.count += len(text)

    def press(self, key, modifier=NO, times=1):
        for _ in range(times):
            self.qtbot.keyClick(QApplication.focusWidget(), key, modifier)
            self.count += 1
            self.commands += 1


def find(window, name, kind=QWidget):
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


@pytest.fixture
def seed(journal_dir):
    """Run ``fill(journal)`` on the journal before a window opens it."""

    def run(fill):
        journal = Journal.open(journal_dir, clock=fixed_clock)
        try:
            return fill(journal)
        finally:
            journal.close()

    return run


def with_friends(journal):
    ana = journal.add_person("Ana", "friend")
    ben = journal.add_person("Ben", "family")
    return ana, ben


def test_a_day_with_three_contacts_one_a_new_person_by_keyboard_alone(
    qtbot, seed, open_window, capsys
):
    seed(with_friends)
    window = open_window()
    keys = Keyboard(qtbot)
    assert QApplication.focusWidget() is find(window, "mood")
    started = time.perf_counter()

    for text in ("6", "3", "7", "5", "8", "7.5", "walk, music"):
        keys.type(text)  # a digit picks a rating; Tab moves on
        keys.press(Qt.Key.Key_Tab)
    keys.type("Good day.")
    keys.press(Qt.Key.Key_N, CTRL)  # straight to the contact row
    assert QApplication.focusWidget() is find(window, "contact_person")

    keys.type("An")  # completes to Ana; kind comes from Ana: friend
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is find(window, "contact_quality")
    keys.type("4")
    keys.press(Qt.Key.Key_Tab)
    keys.type("p")  # phone
    keys.press(Qt.Key.Key_Tab)
    keys.type("20")
    keys.press(Qt.Key.Key_Return)
    assert QApplication.focusWidget() is find(window, "contact_person")  # ready for the next

    keys.type("Be")  # Ben, family; minutes left empty
    keys.press(Qt.Key.Key_Return)  # how connected is missing: Enter goes there, no warning
    assert QApplication.focusWidget() is find(window, "contact_quality")
    assert not find(window, "contact_how_connected_error", QLabel).isVisible()
    keys.type("5")
    keys.press(Qt.Key.Key_Tab)
    keys.type("v")  # video
    keys.press(Qt.Key.Key_Return)

    keys.type("Maya")  # nobody yet: Tab goes to her kind first
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is find(window, "contact_kind", QComboBox)
    keys.type("fr")
    keys.press(Qt.Key.Key_Tab)
    keys.type("3")
    keys.press(Qt.Key.Key_Tab)
    keys.type("i")  # in person
    keys.press(Qt.Key.Key_Tab)
    keys.type("45")
    keys.press(Qt.Key.Key_Tab)
    keys.type("walk in the park")
    keys.press(Qt.Key.Key_Return)

    with qtbot.waitSignal(window.today_page.day_saved):
        keys.press(Qt.Key.Key_S, CTRL)
    elapsed = time.perf_counter() - started
    with capsys.disabled():
        print(
            f"\nkeyboard flow: {keys.count} keystrokes ({keys.commands} Tab/Enter/shortcut "
            f"keys), {elapsed * 1000:.0f} ms of simulated input"
        )

    journal = window.journal
    assert journal.day(TODAY) == Day(
        date=TODAY,
        mood=6,
        anxiety=3,
        loneliness=7,
        energy=5,
        physical=8,
        sleep_hours=7.5,
        coping=("walk", "music"),
        note="Good day.",
    )
    ana, ben, maya = (journal.person_by_name(n) for n in ("Ana", "Ben", "Maya"))
    assert maya.relationship == "friend"
    stored = [
        (c.person_id, c.kind, c.mode, c.minutes, c.quality, c.note)
        for c in journal.contacts_on(TODAY)
    ]
    assert stored == [
        (ana.id, "friend", "phone", 20, 4, ""),
        (ben.id, "family", "video", None, 5, ""),
        (maya.id, "friend", "in_person", 45, 3, "walk in the park"),
    ]
    assert find(window, "contacts", QListWidget).count() == 3
    assert keys.commands <= 25 and keys.count <= 100


def test_the_short_daily_flow_by_keyboard_alone_counts_every_key(qtbot, seed, open_window, capsys):
    """Mood, three ratings and two contacts (one a new person): every key counted, names too."""
    seed(with_friends)
    window = open_window()
    keys = Keyboard(qtbot)
    for text in ("6", "3", "7"):
        keys.type(text)
        keys.press(Qt.Key.Key_Return)  # Enter moves on
    keys.type("5")
    keys.press(Qt.Key.Key_N, CTRL)
    keys.type("An")  # Ana
    keys.press(Qt.Key.Key_Tab)
    keys.type("4")
    keys.press(Qt.Key.Key_Return)
    keys.type("Maya")  # new: added as a friend, the kind beside her name
    keys.press(Qt.Key.Key_Return)  # to how connected, without a warning
    keys.type("3")
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_S, CTRL)
    with capsys.disabled():
        print(f"\nshort keyboard flow: {keys.count} keystrokes, names included")

    journal = window.journal
    day = journal.day(TODAY)
    assert (day.mood, day.anxiety, day.loneliness, day.energy) == (6, 3, 7, 5)
    ana, maya = journal.person_by_name("Ana"), journal.person_by_name("Maya")
    assert maya is not None and maya.relationship == "friend"
    assert [(c.person_id, c.quality, c.mode) for c in journal.contacts_on(TODAY)] == [
        (ana.id, 4, "in_person"),
        (maya.id, 3, "in_person"),
    ]
    assert keys.count <= 25


def test_a_known_name_completes_from_its_first_letters(qtbot, seed, open_window):
    seed(with_friends)
    window = open_window()
    person = find(window, "contact_person")
    person.setFocus()
    qtbot.keyClicks(person, "be")
    assert person.text() == "Ben" and person.selectedText() == "n"  # typing on replaces it
    assert find(window, "contact_kind", QComboBox).currentData() == "family"
    assert not find(window, "new_person_note", QLabel).isVisible()
    qtbot.keyClick(person, Qt.Key.Key_Backspace)  # the completed rest goes, no new completion
    assert person.text() == "Be"
    assert window.journal.contacts_on(TODAY) == []


def test_a_new_name_typed_over_a_completion_gets_the_kind_chosen_before(qtbot, seed, open_window):
    seed(with_friends)
    window = open_window()
    person = find(window, "contact_person")
    kind = find(window, "contact_kind", QComboBox)
    person.setFocus()
    qtbot.keyClicks(person, "B")  # Ben, family, for a moment
    assert kind.currentData() == "family"
    qtbot.keyClicks(person, "o")  # "Bo": nobody yet
    assert person.text() == "Bo" and kind.currentData() == "friend"
    assert "as friend" in find(window, "new_person_note", QLabel).text()
    qtbot.keyClick(person, Qt.Key.Key_Return)  # on to how connected
    qtbot.keyClicks(QApplication.focusWidget(), "4")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.journal.person_by_name("Bo").relationship == "friend"


def test_the_kind_comes_from_the_person_and_can_be_changed(qtbot, seed, open_window):
    seed(with_friends)
    window = open_window()
    qtbot.keyClicks(find(window, "contact_person"), "ben")  # any case
    kind = find(window, "contact_kind", QComboBox)
    assert kind.currentData() == "family"
    kind.setFocus()
    qtbot.keyClicks(kind, "neigh")
    qtbot.keyClicks(find(window, "contact_quality"), "4")
    qtbot.keyClick(find(window, "contact_quality"), Qt.Key.Key_Return)

    [contact] = window.journal.contacts_on(TODAY)
    assert contact.kind == "neighbour"
    assert window.journal.person_by_name("Ben").relationship == "family"


def test_a_new_name_is_announced_and_the_person_created_with_the_kind(qtbot, seed, open_window):
    seed(with_friends)
    window = open_window()
    qtbot.keyClicks(find(window, "contact_person"), "Sam")
    note = find(window, "new_person_note", QLabel)
    assert note.isVisible() and "“Sam” is new" in note.text()
    kind = find(window, "contact_kind", QComboBox)
    kind.setFocus()
    qtbot.keyClicks(kind, "coll")
    qtbot.keyClicks(find(window, "contact_quality"), "2")
    qtbot.keyClick(find(window, "contact_quality"), Qt.Key.Key_Return)

    sam = window.journal.person_by_name("Sam")
    assert sam is not None and sam.relationship == "colleague"
    assert [c.person_id for c in window.journal.contacts_on(TODAY)] == [sam.id]
    assert "Added Sam to your people" in find(window.today_page, "message_text", QLabel).text()
    assert not note.isVisible()


@pytest.mark.parametrize(
    "person, minutes, quality, field, message",
    [
        ("", "", "4", "person", "person must not be empty"),
        ("   ", "", "4", "person", "person must not be empty"),
        ("Ana", "-1", "4", "minutes", "minutes must be between 0 and 1440"),
        ("Ana", "1441", "4", "minutes", "minutes must be between 0 and 1440"),
        ("Ana", "half", "4", "minutes", "minutes must be a whole number"),
        ("Ana", "", "", "how_connected", "how connected is required"),
        ("Ana", "", "6", "how_connected", "how connected is required"),  # no such step
    ],
)
def test_bad_contact_input_is_named_beside_its_field_and_nothing_is_stored(
    qtbot, seed, open_window, person, minutes, quality, field, message
):
    seed(with_friends)
    window = open_window()
    qtbot.keyClicks(find(window, "contact_person"), person)
    qtbot.keyClicks(find(window, "contact_minutes"), minutes)
    qtbot.keyClicks(find(window, "contact_quality"), quality)
    qtbot.mouseClick(find(window, "add_contact", QPushButton), Qt.MouseButton.LeftButton)

    error = find(window, f"contact_{field}_error", QLabel)
    assert error.isVisible() and error.text() == f"⚠ {message}"
    assert window.journal.contacts_on(TODAY) == []
    assert len(window.journal.people()) == 2


def test_a_new_person_is_not_created_when_the_contact_is_invalid(qtbot, open_window):
    window = open_window()
    qtbot.keyClicks(find(window, "contact_person"), "Maya")
    qtbot.keyClicks(find(window, "contact_quality"), "3")
    qtbot.keyClicks(find(window, "contact_minutes"), "2000")
    qtbot.keyClick(find(window, "contact_minutes"), Qt.Key.Key_Return)

    assert "between 0 and 1440" in find(window, "contact_minutes_error", QLabel).text()
    assert window.journal.people() == []  # nothing half-saved


def add_contacts(journal, *people_and_quality):
    for person, quality in people_and_quality:
        journal.add_contact(
            Contact(
                date=TODAY,
                kind=person.relationship,
                mode="phone",
                quality=quality,
                person_id=person.id,
            )
        )


def test_a_deleted_contact_comes_back_with_ctrl_z(qtbot, seed, open_window):
    seed(lambda j: add_contacts(j, *zip(with_friends(j), (4, 2), strict=True)))
    window = open_window()
    contacts = find(window, "contacts", QListWidget)
    contacts.setFocus()
    contacts.setCurrentRow(0)
    qtbot.keyClick(contacts, Qt.Key.Key_Delete)

    assert [c.quality for c in window.journal.contacts_on(TODAY)] == [2]
    message = find(window.today_page, "message_text", QLabel)
    assert message.isVisible() and message.text() == "Deleted the contact with Ana."
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)

    restored = sorted(c.quality for c in window.journal.contacts_on(TODAY))
    assert restored == [2, 4]
    assert contacts.count() == 2


def test_a_deleted_contact_comes_back_with_the_undo_button(qtbot, seed, open_window):
    seed(lambda j: add_contacts(j, (with_friends(j)[1], 5)))
    window = open_window()
    contacts = find(window, "contacts", QListWidget)
    contacts.setCurrentRow(0)
    qtbot.mouseClick(find(window, "delete_contact", QPushButton), Qt.MouseButton.LeftButton)
    assert window.journal.contacts_on(TODAY) == []

    qtbot.mouseClick(find(window.today_page, "undo", QPushButton), Qt.MouseButton.LeftButton)
    [back] = window.journal.contacts_on(TODAY)
    assert (back.quality, back.mode, back.kind) == (5, "phone", "family")
    assert "Brought back" in find(window.today_page, "message_text", QLabel).text()


def test_a_contact_is_changed_in_place(qtbot, seed, open_window):
    seed(lambda j: add_contacts(j, (with_friends(j)[0], 3)))
    window = open_window()
    contacts = find(window, "contacts", QListWidget)
    contacts.setFocus()
    contacts.setCurrentRow(0)
    qtbot.keyClick(contacts, Qt.Key.Key_Return)
    quality = find(window, "contact_quality")
    assert quality.text() == "3"
    assert find(window, "add_contact", QPushButton).text() == "Save contact"
    qtbot.keyClicks(quality, "5")
    qtbot.keyClick(quality, Qt.Key.Key_Return)

    [contact] = window.journal.contacts_on(TODAY)
    assert contact.quality == 5
    assert find(window, "add_contact", QPushButton).text() == "Add contact"


def test_a_contact_left_in_the_row_is_added_when_moving_to_another_day(qtbot, seed, open_window):
    seed(with_friends)
    window = open_window()
    qtbot.keyClicks(find(window, "contact_person"), "Ana")
    qtbot.keyClicks(find(window, "contact_quality"), "4")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)

    assert window.today_page.date == YESTERDAY
    assert [c.quality for c in window.journal.contacts_on(TODAY)] == [4]


def test_an_invalid_contact_left_in_the_row_asks_before_leaving(
    qtbot, seed, open_window, answer_dialog
):
    seed(with_friends)
    window = open_window()
    qtbot.keyClicks(find(window, "contact_person"), "Ana")
    qtbot.keyClicks(find(window, "contact_minutes"), "2000")
    answer = answer_dialog("keep_editing")
    qtbot.mouseClick(find(window, "previous_day", QPushButton), Qt.MouseButton.LeftButton)

    assert answer.answered and "minutes must be between 0 and 1440" in answer.texts[0]
    assert window.today_page.date == TODAY
    assert find(window, "contact_minutes").text() == "2000"


def test_a_future_day_is_refused_with_a_message(qtbot, main_window):
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)

    assert main_window.today_page.date == TODAY
    message = find(main_window.today_page, "message_text", QLabel)
    assert message.isVisible() and "has not happened yet" in message.text()


def test_ctrl_t_goes_back_to_today(qtbot, main_window):
    page = main_window.today_page
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.date == YESTERDAY
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, CTRL)
    assert page.date == TODAY


def test_the_calendar_marks_days_with_a_check_in(seed, open_window):
    marked = dt.date(2026, 3, 3)
    seed(lambda j: j.save_day(Day(date=marked, mood=5)))
    window = open_window()
    calendar = find(window, "date", QDateEdit).calendarWidget()

    day_format = calendar.dateTextFormat(QDate(marked))
    assert day_format.fontUnderline() and day_format.fontWeight() > 400  # not colour alone
    assert not calendar.dateTextFormat(QDate(2026, 3, 4)).fontUnderline()


def test_earlier_coping_tags_are_suggested_for_the_tag_being_typed(qtbot, seed, open_window):
    seed(lambda j: j.save_day(Day(date=YESTERDAY, mood=5, coping=("walk", "music"))))
    window = open_window()
    coping = find(window, "coping")
    coping.setFocus()
    qtbot.keyClicks(coping, "walk, mu")
    popup = coping.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)

    assert coping.text() == "walk, music"
    assert QApplication.focusWidget() is coping  # Enter picked the tag, it did not move on


def quiet_days(journal):
    ana, ben = with_friends(journal)
    for days_ago, person, quality in ((4, ana, 5), (2, ben, 2)):
        journal.add_contact(
            Contact(
                date=TODAY - dt.timedelta(days=days_ago),
                mode="phone",
                kind=person.relationship,
                quality=quality,
                person_id=person.id,
            )
        )
    for days_ago in (3, 1):  # check-ins: four logged days since Ana, counting Ben's
        journal.save_day(Day(date=TODAY - dt.timedelta(days=days_ago), mood=5))
    journal.save_day(Day(date=TODAY, mood=4))


def test_a_calm_nudge_after_days_without_a_contact_that_felt_good(qtbot, seed, open_window):
    seed(quiet_days)
    window = open_window()
    nudge = find(window, "nudge_text", QLabel)
    assert nudge.isVisible()
    assert nudge.text().startswith(
        "It has been 4 logged days since a contact that felt good. Is there someone you could "
        "reach out"
    )
    assert "Ana" in nudge.text()
    palette = nudge.palette()  # the ordinary text colour: no warning, no red
    assert palette.color(nudge.foregroundRole()) == palette.color(QPalette.ColorRole.WindowText)
    assert "⚠" not in nudge.text()

    qtbot.keyClicks(find(window, "contact_person"), "Ana")
    qtbot.keyClicks(find(window, "contact_quality"), "4")
    qtbot.keyClick(find(window, "contact_quality"), Qt.Key.Key_Return)
    assert not nudge.isVisible()


def test_the_nudge_is_for_today_only(qtbot, seed, open_window):
    seed(quiet_days)
    window = open_window()
    qtbot.mouseClick(find(window, "previous_day", QPushButton), Qt.MouseButton.LeftButton)
    assert not find(window, "nudge_text", QLabel).isVisible()


def test_tab_runs_from_the_check_in_through_the_contact_row(qtbot, main_window):
    find(main_window, "save", QPushButton).setFocus()
    order = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())
    assert order == [
        "contacts",
        "contact_person",
        "contact_quality",
        "contact_mode",
        "contact_minutes",
        "contact_note",
        "contact_kind",
        "add_contact",
    ]


def test_ctrl_s_with_only_a_contact_typed_adds_it_and_asks_nothing_of_the_check_in(
    qtbot, seed, open_window
):
    seed(with_friends)
    window = open_window()
    qtbot.keyClicks(find(window, "contact_person"), "Ben")
    qtbot.keyClicks(find(window, "contact_quality"), "3")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL)

    assert [c.quality for c in window.journal.contacts_on(TODAY)] == [3]
    assert not find(window, "mood_error", QLabel).isVisible()
    assert window.journal.day(TODAY) is None


def test_an_unknown_mode_or_kind_is_named_by_the_parser():
    raw = {
        "person": "Ana",
        "kind": "pen pal",
        "mode": "carrier pigeon",
        "minutes": "",
        "quality": "4",
        "note": "",
    }
    with pytest.raises(ValidationError) as caught:
        parse_contact(TODAY, raw)
    assert caught.value.all == {
        "kind": "kind must be one of: " + ", ".join(k.value for k in Relationship),
        "mode": "mode must be one of: in_person, video, phone, text, online_group",
    }


def test_reload_shows_what_changed_underneath(qtbot, main_window):
    journal = main_window.journal
    ana = journal.add_person("Ana", "friend")
    journal.add_contact(
        Contact(date=TODAY, kind="friend", mode="video", quality=4, person_id=ana.id)
    )
    journal.save_day(Day(date=TODAY, mood=8))
    main_window.today_page.reload()

    assert find(main_window, "mood").text() == "8"
    assert find(main_window, "contacts", QListWidget).count() == 1
