"""Today's rows of steps, "Saved ✓", the growing note, the month calendar and the day start:
driven by mouse and by keys like a person would, results checked in the journal."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from journal import palette
from journal.domain.records import Day
from journal.i18n import format_date
from journal.services import Journal
from journal.ui.widgets.growing_note import NOTE_LINES
from journal.ui.widgets.rating_picker import RatingPicker
from journal.ui.widgets.saved_mark import FADE_MS, SAVED_MS
from tests.helpers import TODAY, fixed_clock

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def find(window, name, kind=QWidget):
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def click_step(qtbot, picker: RatingPicker, value: int) -> None:
    qtbot.mouseClick(picker, LEFT, pos=picker.step_rect(value).center().toPoint())


def key(qtbot, keys):
    qtbot.keyClick(QApplication.focusWidget(), keys)


@pytest.fixture
def seed(journal_dir):
    def run(fill):
        journal = Journal.open(journal_dir, clock=fixed_clock)
        try:
            return fill(journal)
        finally:
            journal.close()

    return run


def test_mood_is_one_click_and_the_other_ratings_too(qtbot, main_window):
    for name, value in (
        ("mood", 7),
        ("anxiety", 2),
        ("loneliness", 0),
        ("energy", 10),
        ("physical", 5),
    ):
        click_step(qtbot, find(main_window, name), value)
    qtbot.mouseClick(find(main_window, "save", QPushButton), LEFT)

    day = main_window.journal.day(TODAY)
    assert (day.mood, day.anxiety, day.loneliness, day.energy, day.physical) == (7, 2, 0, 10, 5)


def test_a_click_on_the_chosen_step_clears_it(qtbot, main_window):
    anxiety = find(main_window, "anxiety")
    click_step(qtbot, anxiety, 4)
    click_step(qtbot, anxiety, 4)
    click_step(qtbot, find(main_window, "mood"), 3)
    qtbot.mouseClick(find(main_window, "save", QPushButton), LEFT)
    day = main_window.journal.day(TODAY)
    assert (day.mood, day.anxiety) == (3, None)


def test_digits_arrows_home_end_and_backspace_pick_a_step(qtbot, main_window):
    mood = find(main_window, "mood")
    assert QApplication.focusWidget() is mood
    key(qtbot, Qt.Key.Key_Right)  # from nothing: the middle
    assert mood.value() == 5
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Up)
    assert mood.value() == 7
    key(qtbot, Qt.Key.Key_Left)
    assert mood.value() == 6
    key(qtbot, Qt.Key.Key_End)
    assert mood.value() == 10
    key(qtbot, Qt.Key.Key_Right)  # stays at the end
    assert mood.value() == 10
    key(qtbot, Qt.Key.Key_Home)
    assert mood.value() == 0
    qtbot.keyClicks(mood, "10")  # two digits make ten
    assert mood.value() == 10
    qtbot.keyClicks(mood, "1")
    assert mood.value() == 1
    key(qtbot, Qt.Key.Key_Backspace)
    assert mood.value() is None
    qtbot.keyClicks(mood, "8")
    key(qtbot, Qt.Key.Key_Return)  # Enter moves on
    assert QApplication.focusWidget() is find(main_window, "anxiety")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL)
    assert main_window.journal.day(TODAY).mood == 8


def test_every_picker_is_named_and_described(qtbot, main_window):
    pickers = main_window.today_page.findChildren(RatingPicker)
    assert {p.objectName() for p in pickers} == {
        "mood",
        "anxiety",
        "loneliness",
        "energy",
        "physical",
        "contact_quality",
    }
    for picker in pickers:
        assert picker.accessibleName() and picker.accessibleDescription(), picker.objectName()
        assert picker.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert "0 = worst, 10 = best" in find(main_window, "mood").accessibleDescription()
    mood = find(main_window, "mood")
    assert mood.accessibleName() == "Mood: none chosen"
    qtbot.keyClicks(mood, "7")  # the step chosen is said with the name
    assert mood.accessibleName() == "Mood: 7"
    assert (
        "1 = not at all, 5 = very" in find(main_window, "contact_quality").accessibleDescription()
    )


def test_the_steps_are_painted_in_the_palette(qtbot, main_window):
    mood = find(main_window, "mood")
    click_step(qtbot, mood, 9)
    image = mood.grab().toImage()
    ratio = mood.devicePixelRatioF()
    rect = mood.step_rect(9)
    chosen = image.pixelColor(
        QPoint(round((rect.left() + 6) * ratio), round(rect.center().y() * ratio))
    )
    assert chosen.name() == palette.mood_colour(9, "light")
    other = mood.step_rect(0)
    pale = image.pixelColor(
        QPoint(round((other.left() + 6) * ratio), round(other.center().y() * ratio))
    )
    assert pale.name() != palette.mood_colour(0, "light")  # only the chosen one is full


def test_how_connected_is_five_steps_clicked_or_typed(qtbot, seed, open_window):
    seed(lambda j: j.add_person("Ana", "friend"))
    window = open_window()
    person = find(window, "contact_person", QLineEdit)
    qtbot.mouseClick(person, LEFT)
    qtbot.keyClicks(person, "Ana")
    quality = find(window, "contact_quality")
    assert list(quality.steps()) == [1, 2, 3, 4, 5]
    click_step(qtbot, quality, 2)
    qtbot.mouseClick(find(window, "add_contact", QPushButton), LEFT)
    qtbot.keyClicks(find(window, "contact_person", QLineEdit), "Ana")
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is quality
    qtbot.keyClicks(quality, "5")
    key(qtbot, Qt.Key.Key_Return)
    assert [c.quality for c in window.journal.contacts_on(TODAY)] == [2, 5]


def test_saved_shows_beside_save_and_fades_with_its_timer(qtbot, main_window):
    mark = find(main_window, "saved_mark", QLabel)
    save = find(main_window, "save", QPushButton)
    assert not mark.isVisible()
    click_step(qtbot, find(main_window, "mood"), 6)
    qtbot.mouseClick(save, LEFT)

    assert main_window.journal.day(TODAY).mood == 6
    assert mark.isVisible() and mark.text() == "Saved ✓"
    centre = mark.mapTo(main_window, mark.rect().center())
    button = save.mapTo(main_window, save.rect().center())
    assert abs(centre.y() - button.y()) < save.height() and 0 < button.x() - centre.x() < 300
    assert mark.timer.isActive() and mark.timer.interval() == SAVED_MS
    mark.timer.timeout.emit()  # the few seconds have passed
    assert mark.fade.state() == mark.fade.State.Running and mark.isVisible()
    mark.fade.setCurrentTime(FADE_MS)
    assert not mark.isVisible()


def test_messages_and_the_new_name_note_do_not_move_the_page(qtbot, main_window):
    from PySide6.QtWidgets import QBoxLayout

    from journal.ui.geometry import DEFAULT_SIZE

    main_window.resize(DEFAULT_SIZE)  # the first window (a narrow one wraps the message)
    main_window.show()
    page = main_window.today_page
    qtbot.waitUntil(lambda: page._columns.direction() == QBoxLayout.Direction.LeftToRight)
    for _ in range(3):
        QApplication.processEvents()  # the side-by-side layout settles
    title = find(page, "check_in_title", QLabel)
    quality = find(page, "contact_quality")
    contacts = find(page, "contacts")
    before = (title.mapTo(page, QPoint()), quality.mapTo(page, QPoint()), contacts.height())
    person = find(page, "contact_person", QLineEdit)
    person.setFocus()
    qtbot.keyClicks(person, "Samantha Josephine")  # a new name: its note appears under it
    qtbot.keyClick(person, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # refused day
    QApplication.processEvents()
    assert find(page, "new_person_note", QLabel).isVisible()
    assert find(page, "message_text", QLabel).isVisible()
    assert (title.mapTo(page, QPoint()), quality.mapTo(page, QPoint()), contacts.height()) == before


def test_the_note_starts_small_and_grows_with_its_text(qtbot, main_window):
    note = main_window.findChild(QWidget, "note")
    empty = note.height()
    assert note.lines_shown() == NOTE_LINES[0]
    note.setFocus()
    qtbot.keyClicks(note, "one")
    for line in ("two", "three", "four", "five"):
        qtbot.keyClick(note, Qt.Key.Key_Return)
        qtbot.keyClicks(note, line)
    assert note.height() > empty and note.lines_shown() == 5
    note.setPlainText("\n".join(str(n) for n in range(40)))
    assert note.lines_shown() == NOTE_LINES[1]  # then it scrolls
    click_step(qtbot, find(main_window, "mood"), 4)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL)
    assert main_window.journal.day(TODAY).note.count("\n") == 39


def moods_of_march(journal):
    for day, mood in ((2, 1), (9, 4), (14, 9)):
        journal.save_day(Day(date=dt.date(2026, 3, day), mood=mood))


def _cell_of(calendar, day: int):
    """The calendar's cell showing ``day`` of the month shown (its first such cell)."""
    view = calendar.findChild(QTableView)
    model = view.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if str(model.data(index)) == str(day):
                return view, view.visualRect(index)
    raise AssertionError(day)


def test_the_month_calendar_is_coloured_by_mood_and_opens_a_day_by_click(qtbot, seed, open_window):
    seed(moods_of_march)
    window = open_window()
    calendar = find(window, "mood_calendar")
    assert calendar.mood_on(dt.date(2026, 3, 9)) == 4
    assert calendar.mood_on(dt.date(2026, 3, 10)) is None
    view, rect = _cell_of(calendar, 9)
    image = view.viewport().grab().toImage()
    ratio = view.devicePixelRatioF()
    fill = image.pixelColor(
        QPoint(round((rect.left() + 5) * ratio), round(rect.center().y() * ratio))
    )
    assert fill.name() == palette.mood_colour(4, "light")  # and the number "4" on it

    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())
    assert window.today_page.date == dt.date(2026, 3, 9)
    assert find(window, "mood").value() == 4
    assert find(window, "date", QDateEdit).date() == QDate(2026, 3, 9)


def test_the_month_calendar_opens_a_day_by_keys_and_follows_saves(qtbot, seed, open_window):
    seed(moods_of_march)
    window = open_window()
    calendar = find(window, "mood_calendar")
    view = calendar.findChild(QTableView)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Left)  # the 14th
    assert window.today_page.date == TODAY  # moving alone opens nothing
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.today_page.date == dt.date(2026, 3, 14)
    assert find(window, "mood").value() == 9
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, CTRL)
    click_step(qtbot, find(window, "mood"), 2)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL)
    assert calendar.mood_on(TODAY) == 2


def test_a_day_after_today_cannot_be_opened_from_the_calendar(qtbot, main_window):
    calendar = find(main_window, "mood_calendar")
    assert calendar.maximumDate() == QDate(TODAY)
    calendar.day_opened.emit(TODAY)  # sanity: the signal path works
    view, rect = _cell_of(calendar, 16)
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())
    assert main_window.today_page.date == TODAY


def test_the_day_box_and_the_heading_write_the_date_alike(qtbot, main_window):
    written = format_date(TODAY)
    assert find(main_window, "date", QDateEdit).text() == written
    assert written in find(main_window, "day_heading", QLabel).text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    yesterday = format_date(TODAY - dt.timedelta(days=1))
    assert find(main_window, "date", QDateEdit).text() == yesterday
    assert yesterday in find(main_window, "day_heading", QLabel).text()


def test_day_starts_at_is_chosen_in_settings_by_mouse_and_keys(qtbot, main_window):
    main_window.show_page("settings")
    combo = find(main_window, "day_starts_at", QComboBox)
    assert combo.currentData() == 0 and combo.accessibleDescription()
    combo.setFocus()
    for _ in range(4):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert main_window.journal.settings().day_starts_at == 4
    combo.showPopup()
    view = combo.view()
    index = view.model().index(2, 0)
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(index).center())
    assert main_window.journal.settings().day_starts_at == 2


def test_the_mouse_only_day_takes_few_clicks(qtbot, seed, open_window, capsys):
    """Mood, three ratings and two contacts (one a new person), by mouse and typed names."""
    seed(lambda j: j.add_person("Ana", "friend"))
    window = open_window()
    clicks = 0

    def click(widget, pos=None):
        nonlocal clicks
        clicks += 1
        qtbot.mouseClick(widget, LEFT, pos=pos if pos is not None else widget.rect().center())

    for name, value in (("mood", 6), ("anxiety", 3), ("loneliness", 7), ("energy", 5)):
        picker = find(window, name)
        click(picker, picker.step_rect(value).center().toPoint())
    click(find(window, "save", QPushButton))
    person = find(window, "contact_person", QLineEdit)
    quality = find(window, "contact_quality")
    add = find(window, "add_contact", QPushButton)
    click(person)
    qtbot.keyClicks(person, "Ana")
    click(quality, quality.step_rect(4).center().toPoint())
    click(add)
    click(person)
    qtbot.keyClicks(person, "Maya")  # new: added as a friend, the kind shown beside her name
    assert "“Maya” is new" in find(window, "new_person_note", QLabel).text()
    click(quality, quality.step_rect(3).center().toPoint())
    click(add)
    with capsys.disabled():
        print(f"\nmouse flow: {clicks} clicks plus the names typed")

    journal = window.journal
    day = journal.day(TODAY)
    assert (day.mood, day.anxiety, day.loneliness, day.energy) == (6, 3, 7, 5)
    maya = journal.person_by_name("Maya")
    assert maya is not None and maya.relationship == "friend"
    assert [(c.person_id, c.quality) for c in journal.contacts_on(TODAY)] == [
        (journal.person_by_name("Ana").id, 4),
        (maya.id, 3),
    ]
    assert clicks <= 12
