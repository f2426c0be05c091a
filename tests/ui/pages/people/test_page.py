"""The People page: the table and its filters, add, rename, kind, archive and merge."""

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
)

from journal.domain.records import Contact, Day
from journal.services import Journal
from journal.ui.dialogs.merge_dialog import MergeDialog
from journal.ui.dialogs.person_dialog import PersonDialog
from journal.ui.pages.today.contact_entry import ContactEntry
from tests.helpers import TODAY, fixed_clock


def find(parent, name, kind=QPushButton):
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


def click(qtbot, parent, name):
    qtbot.mouseClick(find(parent, name), Qt.MouseButton.LeftButton)


@pytest.fixture
def people_journal(journal_dir):
    """Ana (friend, three contacts), Ana S. (friend, one), Ben (family), Group (peer support)."""
    journal = Journal.open(journal_dir, clock=fixed_clock)
    try:
        ana = journal.add_person("Ana", "friend")
        ana_s = journal.add_person("Ana S.", "friend")
        journal.add_person("Ben", "family")
        journal.add_person("Tuesday group", "peer_support")
        for days_ago, person, quality in ((1, ana, 4), (3, ana, 5), (40, ana, 3), (2, ana_s, 2)):
            journal.add_contact(
                Contact(
                    date=TODAY - dt.timedelta(days=days_ago),
                    kind="friend",
                    mode="phone",
                    quality=quality,
                    person_id=person.id,
                )
            )
    finally:
        journal.close()


@pytest.fixture
def people(people_journal, open_window):
    """The window on the People page."""
    window = open_window()
    window.findChild(QListWidget, "pages").setCurrentRow(1)
    page = window.findChild(object, "people_page")
    assert page.isVisible()
    return window, page


def table_rows(page):
    model = find(page, "people_table", QTableView).model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def names(page):
    return [row[0] for row in table_rows(page)]


def select(page, *wanted):
    table = find(page, "people_table", QTableView)
    table.clearSelection()
    for row, name in enumerate(names(page)):
        if name in wanted:
            table.selectionModel().select(
                table.model().index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


def dialog_of(page, kind):
    """The dialog open now (a closed one may linger until Qt deletes it)."""
    [dialog] = [d for d in page.findChildren(kind) if d.isVisible()]
    return dialog


def test_the_table_shows_each_person_with_their_figures(people):
    _window, page = people
    rows = {row[0]: row[1:] for row in table_rows(page)}
    assert rows["Ana"] == ["friend", "14 Mar 2026", "2", "4.0 / 5"]
    assert rows["Ana S."] == ["friend", "13 Mar 2026", "1", "2.0 / 5"]
    assert rows["Ben"] == ["family", "never", "0", "—"]
    assert rows["Tuesday group"][0] == "peer-support group"


def test_search_and_kind_filter(qtbot, people):
    _window, page = people
    qtbot.keyClicks(find(page, "people_search", QLineEdit), "ana")
    assert names(page) == ["Ana", "Ana S."]
    find(page, "people_search", QLineEdit).clear()
    kind = find(page, "people_kind_filter", QComboBox)
    kind.setCurrentIndex(kind.findData("family"))
    assert names(page) == ["Ben"]


def test_add_a_person_and_a_duplicate_name_is_named_beside_the_field(qtbot, people):
    window, page = people
    click(qtbot, page, "add_person")
    dialog = dialog_of(page, PersonDialog)
    qtbot.keyClicks(dialog.name, "ben")  # Ben exists: names are unique, ignoring case
    click(qtbot, dialog, "person_save")
    assert dialog.isVisible()
    assert dialog.message("name").startswith("⚠ There is already someone called “Ben”")
    assert len(window.journal.people()) == 4

    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Maya")
    dialog.kind.setCurrentIndex(dialog.kind.findData("neighbour"))
    click(qtbot, dialog, "person_save")
    assert not dialog.isVisible()
    assert window.journal.person_by_name("Maya").relationship == "neighbour"
    assert "Maya" in names(page)


def test_an_empty_name_is_refused(qtbot, people):
    window, page = people
    click(qtbot, page, "add_person")
    dialog = dialog_of(page, PersonDialog)
    click(qtbot, dialog, "person_save")
    assert dialog.message("name") == "⚠ name must not be empty"
    assert len(window.journal.people()) == 4


def test_rename_and_change_kind(qtbot, people):
    window, page = people
    select(page, "Ben")
    click(qtbot, page, "rename_person")
    dialog = dialog_of(page, PersonDialog)
    assert dialog.name.text() == "Ben"
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Benjamin")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert window.journal.person_by_name("Benjamin").relationship == "family"

    select(page, "Benjamin")
    click(qtbot, page, "change_kind")
    dialog = dialog_of(page, PersonDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("partner"))
    click(qtbot, dialog, "person_save")
    assert window.journal.person_by_name("Benjamin").relationship == "partner"
    assert table_rows(page)[names(page).index("Benjamin")][1] == "partner"


def test_archive_keeps_history_and_leaves_the_completer(qtbot, people):
    window, page = people
    select(page, "Ana")
    click(qtbot, page, "archive_person")

    journal = window.journal
    ana = next(p for p in journal.people(include_archived=True) if p.name == "Ana")
    assert ana.archived
    assert (
        len(
            [
                c
                for d in (1, 3, 40)
                for c in journal.contacts_on(TODAY - dt.timedelta(d))
                if c.person_id == ana.id
            ]
        )
        == 3
    )  # the history stays
    assert "Ana" not in names(page)
    find(page, "show_archived", QCheckBox).setChecked(True)
    assert "Ana (archived)" in names(page)

    window.findChild(QListWidget, "pages").setCurrentRow(0)
    offered = window.findChild(ContactEntry).names_offered()
    assert "Ana" not in offered and "Ana S." in offered


def test_unarchive_is_refused_while_the_name_is_taken(qtbot, people):
    window, page = people
    select(page, "Ana")
    click(qtbot, page, "archive_person")
    window.journal.add_person("Ana", "family")  # a new, active Ana
    page.refresh()
    find(page, "show_archived", QCheckBox).setChecked(True)
    select(page, "Ana (archived)")
    assert find(page, "archive_person").text() == "Unarchive"
    click(qtbot, page, "archive_person")

    message = page.findChild(object, "message_text").text()
    assert message.startswith("⚠ There is already someone called “Ana”")
    assert len([p for p in window.journal.people(include_archived=True) if p.archived]) == 1


def test_merge_moves_the_contacts_and_removes_the_other_entry(qtbot, people):
    window, page = people
    select(page, "Ana", "Ana S.")
    click(qtbot, page, "merge_people")
    dialog = dialog_of(page, MergeDialog)
    summary = dialog.findChild(object, "merge_summary").text()
    assert "All contacts of “Ana S.” (1 contact) will move to “Ana”" in summary
    click(qtbot, dialog, "merge_confirm")

    journal = window.journal
    assert journal.person_by_name("Ana S.") is None
    ana = journal.person_by_name("Ana")
    [moved] = journal.contacts_on(TODAY - dt.timedelta(days=2))
    assert moved.person_id == ana.id
    assert names(page) == ["Ana", "Ben", "Tuesday group"]
    assert table_rows(page)[0][3] == "3"  # Ana's three contacts of the last 30 days


def test_merging_an_entry_with_itself_is_named_beside_the_field(qtbot, people):
    window, page = people
    select(page, "Ben")
    click(qtbot, page, "merge_people")
    dialog = dialog_of(page, MergeDialog)
    dialog.remove.setCurrentIndex(dialog.keep.currentIndex())
    click(qtbot, dialog, "merge_confirm")
    assert dialog.isVisible()
    assert dialog.message("remove") == "⚠ choose two different people to merge"
    assert len(window.journal.people()) == 4


def test_a_rename_on_people_reaches_the_today_page(qtbot, people):
    window, page = people
    select(page, "Tuesday group")
    click(qtbot, page, "rename_person")
    dialog = dialog_of(page, PersonDialog)
    dialog.name.setText("Thursday group")
    click(qtbot, dialog, "person_save")
    window.findChild(QListWidget, "pages").setCurrentRow(0)

    person = window.findChild(QLineEdit, "contact_person")
    assert "Thursday group" in window.findChild(ContactEntry).names_offered()
    qtbot.keyClicks(person, "thursday group")
    assert window.findChild(QComboBox, "contact_kind").currentData() == "peer_support"


def test_page_shortcuts_work_only_on_their_page(qtbot, people):
    window, page = people
    qtbot.keyClick(
        QApplication.focusWidget() or page, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier
    )  # Today's previous day: not here
    assert window.today_page.date == TODAY
    qtbot.keyClick(
        QApplication.focusWidget() or page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
    )
    assert QApplication.focusWidget() is find(page, "people_search", QLineEdit)


def test_ctrl_n_on_people_adds_a_person_and_not_a_contact(qtbot, people):
    window, page = people
    qtbot.keyClick(
        QApplication.focusWidget() or page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )
    dialog = dialog_of(page, PersonDialog)
    qtbot.keyClicks(dialog.name, "Rosa")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert window.journal.person_by_name("Rosa").relationship == "friend"


def inside_a_control(widget):
    """Qt's own parts of a control: a combo box's list, a line edit's clear button, a table's
    headers, a date box's calendar."""
    parent = widget.parent()
    while parent is not None:
        if any(parent.inherits(k) for k in ("QComboBox", "QLineEdit", "QDateEdit", "QTableView")):
            return True
        parent = parent.parent()
    return False


def test_every_control_is_named_for_tests_and_screen_readers(people):
    window, page = people
    controls = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QDateEdit)
    for root in (page, window.today_page):
        for control in (c for kind in controls for c in root.findChildren(kind)):
            if inside_a_control(control) or control.objectName().startswith("qt_"):
                continue
            assert control.objectName(), control
            assert control.accessibleName(), control.objectName()


def test_enter_opens_the_person_and_escape_comes_back(qtbot, people):
    window, page = people
    table = find(page, "people_table", QTableView)
    select(page, "Ana")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert not [d for d in page.findChildren(PersonDialog) if d.isVisible()]  # not Rename
    person = find(page, "person_page", object)
    assert person.isVisible() and page.person_shown == window.journal.person_by_name("Ana").id
    said = person.text()
    assert "Ana" in said and "14 Mar 2026" in said and "days ago" not in said
    assert "●●●●○ 4.0 / 5, over 3 contacts" in said
    assert "Not enough data yet" in said  # no mood figure on 0 checked-in days
    assert find(person, "month_counts", object).counts()[-1] == 2  # March: 1 and 3 days ago
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert table.isVisible() and page.selected_ids() == [
        page.person_shown or window.journal.person_by_name("Ana").id
    ]


def test_double_click_opens_the_person_and_f2_still_renames(qtbot, people):
    window, page = people
    table = find(page, "people_table", QTableView)
    row = names(page).index("Ben")
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.person_shown == window.journal.person_by_name("Ben").id
    click(qtbot, page, "person_back")
    assert page.person_shown is None
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert dialog_of(page, PersonDialog).name.text() == "Ben"


def test_keep_in_touch_and_note_are_saved_and_a_wrong_number_is_named(qtbot, people):
    window, page = people
    page.open_person(window.journal.person_by_name("Ben").id)
    every = find(page, "keep_in_touch_days", QLineEdit)
    qtbot.mouseClick(every, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(every, "0")
    qtbot.keyClick(every, Qt.Key.Key_Return)
    error = page.findChild(object, "person_keep_in_touch_days_error")
    assert error.isVisible() and "keep in touch every (days)" in error.text()
    assert window.journal.person_by_name("Ben").keep_in_touch_days is None
    every.clear()
    qtbot.keyClicks(every, "21")
    note = page.findChild(object, "person_note")
    qtbot.mouseClick(note.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(note, "Call on Sundays")
    click(qtbot, page, "person_save")
    ben = window.journal.person_by_name("Ben")
    assert (ben.keep_in_touch_days, ben.note) == (21, "Call on Sundays")
    assert not error.isVisible()


def test_mood_with_and_without_is_an_association_with_its_figures(
    qtbot, people_journal, open_window, journal_dir
):
    journal = Journal.open(journal_dir, clock=fixed_clock)
    ben = journal.person_by_name("Ben")
    for back in range(20):
        date = TODAY - dt.timedelta(days=back)
        journal.save_day(Day(date=date, mood=(7 if back % 2 else 4) + back % 3 % 2))
        if back % 2:
            journal.add_contact(
                Contact(date=date, kind="family", mode="phone", quality=4, person_id=ben.id)
            )
    journal.close()
    window = open_window()
    window.show_page("people")
    page = window.page("people")
    page.open_person(ben.id)
    said = find(page, "person_mood", object).text()
    assert "On the 10 checked-in days with Ben your mood averaged" in said
    assert "95% interval" in said and "association, not proof of cause" in said


def test_a_note_typed_on_a_person_page_is_never_dropped(qtbot, people, journal_dir):
    window, page = people
    ben = window.journal.person_by_name("Ben")
    page.open_person(ben.id)
    note = page.findChild(object, "person_note")
    qtbot.mouseClick(note.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(note, "Likes long walks")
    qtbot.keyClick(note, Qt.Key.Key_Escape)  # back to the list: the words are saved
    assert window.journal.person(ben.id).note == "Likes long walks"
    page.open_person(ben.id)
    note.setFocus()
    qtbot.keyClick(note, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(note, ", and tea")
    every = find(page, "keep_in_touch_days", QLineEdit)
    qtbot.keyClicks(every, "soon")
    window.close()  # refused: the number is wrong, and it says so; the note is kept
    assert window.isVisible() and page.isVisible()
    assert window.journal.person(ben.id).note == "Likes long walks, and tea"
    assert (
        "keep in touch every (days)"
        in page.findChild(object, "person_keep_in_touch_days_error").text()
    )
    every.clear()
    qtbot.keyClicks(every, "10")
    window.close()
    journal = Journal.open(journal_dir, clock=fixed_clock)
    assert journal.person(ben.id).keep_in_touch_days == 10
    journal.close()
