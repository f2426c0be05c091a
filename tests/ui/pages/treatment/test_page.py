"""The Treatment page, its dialogs and the day's treatment panel, driven as a person does;
results checked in the journal."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from journal.domain.kinds import Mode, SessionStatus
from journal.domain.records import Commitment, Medication, Session
from journal.i18n import format_date
from journal.ui.dialogs.commitment_dialog import CommitmentDialog
from journal.ui.dialogs.medication_dialog import MedicationDialog
from journal.ui.dialogs.session_dialog import SessionDialog
from journal.ui.pages.today.treatment import TodayTreatmentPanel
from journal.ui.pages.treatment.page import TreatmentPage
from journal.ui.widgets.forms import DateDialog
from tests.helpers import TODAY  # Sunday 2026-03-15: its week runs from Monday 9 March

ALL_TIME = (dt.date.min, dt.date.max)


@pytest.fixture
def page(qtbot, journal):
    shown = TreatmentPage(journal)
    qtbot.addWidget(shown)
    shown.resize(1000, 700)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def panel(qtbot, journal):
    host = QWidget()
    qtbot.addWidget(host)
    shown = TodayTreatmentPanel(journal, host)
    host.resize(500, 300)
    host.show()
    qtbot.waitExposed(host)
    yield shown  # the host lives as long as the test


def child(parent, kind, name):
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


def click(qtbot, parent, name, kind=QPushButton):
    qtbot.mouseClick(child(parent, kind, name), Qt.MouseButton.LeftButton)


def dialog_of(parent, kind):
    """The dialog of ``kind`` that a click just opened (closed ones are on their way out)."""
    shown = [d for d in parent.findChildren(kind) if d.isVisible()]
    assert len(shown) == 1, shown
    return shown[0]


def retype(qtbot, widget, text):
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def tick(qtbot, box):
    """Tick or untick with the keyboard: focus the box, press Space."""
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def select_row(qtbot, table: QTableView, text: str):
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == text)
    table.setFocus()
    table.selectRow(row)


# --- the proof of the issue ------------------------------------------------------------------


def test_doses_checked_off_on_today_add_up_on_the_overview(qtbot, journal, page, panel):
    page.show_section("medications")
    click(qtbot, page, "add_medication")
    dialog = dialog_of(page, MedicationDialog)
    qtbot.keyClicks(dialog.name, "Sertraline")
    qtbot.keyClicks(dialog.dose, "50 mg")
    retype(qtbot, dialog.doses_per_day, "2")
    dialog.started_on.setDate(QDate(2026, 3, 10))
    with qtbot.waitSignal(page.treatment_changed):
        click(qtbot, dialog, "save")
    assert not dialog.isVisible()
    [stored] = journal.medications()
    assert stored == Medication(
        name="Sertraline",
        dose="50 mg",
        doses_per_day=2,
        started_on=dt.date(2026, 3, 10),
        id=stored.id,
    )

    # Friday both doses, Saturday one, Sunday (today) both: 5 of the 6 scheduled.
    taken = {dt.date(2026, 3, 13): 2, dt.date(2026, 3, 14): 1, TODAY: 2}
    for day, count in taken.items():
        panel.set_date(day)
        for number in range(1, count + 1):
            with qtbot.waitSignal(panel.treatment_changed):
                tick(qtbot, child(panel, QCheckBox, f"dose_{stored.id}_{number}"))
        summary = child(panel, QLabel, f"medication_{stored.id}_summary").text()
        assert summary == f"{count} of 2 taken"
    assert {day: journal.doses_on(day)[0].taken for day in taken} == taken

    page.show_section("overview")
    page.refresh()
    # 10-12 March have nothing logged at all: unknown days, not missed doses.
    # Today (Sunday) is not over: this week is "so far", and not in the 12 weeks that are.
    assert page.overview.figure("this_week", "medication") == "5 of 6 doses so far"
    assert page.overview.figure("last_weeks", "medication") == "— nothing scheduled"
    assert page.overview.figure("this_week", "sessions") == "— nothing scheduled"
    weeks = child(page, QTableWidget, "adherence_weeks")
    assert weeks.rowCount() == 13
    monday = format_date(dt.date(2026, 3, 9))
    assert [weeks.item(0, c).text() for c in range(4)] == [monday, "5 of 6 so far", "—", "—"]
    assert weeks.item(1, 1).text() == "—"  # a week with nothing scheduled is not 0%


def test_a_dose_ticked_off_again_is_saved_at_once(qtbot, journal, panel):
    med = journal.add_medication(Medication(name="Propranolol", doses_per_day=2, started_on=TODAY))
    panel.refresh()
    first = child(panel, QCheckBox, f"dose_{med.id}_1")
    tick(qtbot, first)
    tick(qtbot, first)
    assert journal.doses_on(TODAY)[0].taken == 0


def test_a_session_ahead_can_only_be_planned(qtbot, journal, page):
    page.show_section("sessions")
    click(qtbot, page, "add_session")
    dialog = dialog_of(page, SessionDialog)
    assert dialog.status.currentData() == SessionStatus.ATTENDED  # today's default
    dialog.date.setDate(QDate(TODAY + dt.timedelta(days=5)))
    assert dialog.status.currentData() == SessionStatus.PLANNED
    assert not dialog.felt_heard.isEnabled()

    dialog.status.setFocus()
    qtbot.keyClicks(dialog.status, "att")
    assert dialog.status.currentData() == SessionStatus.ATTENDED
    assert dialog.felt_heard.isEnabled()
    click(qtbot, dialog, "save")
    assert dialog.isVisible()
    assert dialog.message("status") == "⚠ a session in the future can only be planned"
    assert journal.sessions_between(*ALL_TIME) == []

    dialog.status.setFocus()
    qtbot.keyClick(dialog.status, Qt.Key.Key_Home)  # planned, the first status
    with qtbot.waitSignal(page.treatment_changed):
        click(qtbot, dialog, "save")
    [planned] = journal.sessions_between(*ALL_TIME)
    assert (planned.date, planned.status) == (TODAY + dt.timedelta(days=5), SessionStatus.PLANNED)


def test_an_attended_session_is_rated_and_can_be_edited_and_deleted(
    qtbot, journal, page, answer_dialog
):
    therapist = journal.add_person("Dr. Lee", "therapist")
    page.show_section("sessions")
    click(qtbot, page, "add_session")
    dialog = dialog_of(page, SessionDialog)
    dialog.provider.setFocus()
    qtbot.keyClicks(dialog.provider, "Dr")
    dialog.mode.setFocus()
    qtbot.keyClicks(dialog.mode, "v")
    dialog.felt_heard.setFocus()
    qtbot.keyClick(dialog.felt_heard, Qt.Key.Key_4)
    qtbot.keyClicks(dialog.note, "Talked about sleep")
    click(qtbot, dialog, "save")
    [session] = journal.sessions_between(*ALL_TIME)
    assert session == Session(
        date=TODAY,
        status=SessionStatus.ATTENDED,
        mode=Mode.VIDEO,
        person_id=therapist.id,
        felt_heard=4,
        note="Talked about sleep",
        id=session.id,
    )

    table = child(page, QTableView, "sessions")
    select_row(qtbot, table, format_date(TODAY))
    click(qtbot, page, "edit_session")
    dialog = dialog_of(page, SessionDialog)
    dialog.status.setFocus()
    qtbot.keyClicks(dialog.status, "m")
    assert not dialog.felt_heard.isEnabled()
    click(qtbot, dialog, "save")
    [edited] = journal.sessions_between(*ALL_TIME)
    assert (edited.id, edited.status, edited.felt_heard) == (session.id, SessionStatus.MISSED, None)

    select_row(qtbot, table, format_date(TODAY))
    answer = answer_dialog("delete")
    click(qtbot, page, "delete_session")
    assert answer.answered
    assert journal.sessions_between(*ALL_TIME) == []


def test_a_planned_session_on_its_day_is_marked_attended_and_rated(qtbot, journal, panel):
    planned = journal.add_session(
        Session(date=TODAY, status=SessionStatus.PLANNED, mode=Mode.VIDEO)
    )
    panel.refresh()
    rating = child(panel, QComboBox, f"session_{planned.id}_felt_heard")
    assert not rating.isEnabled()  # felt heard belongs to an attended session
    with qtbot.waitSignal(panel.treatment_changed):
        click(qtbot, panel, f"session_{planned.id}_attended")
    assert rating.isEnabled() and rating.window().focusWidget() is rating
    qtbot.keyClick(rating, Qt.Key.Key_4)
    [stored] = journal.sessions_between(TODAY, TODAY)
    assert (stored.status, stored.felt_heard) == (SessionStatus.ATTENDED, 4)


def test_a_day_ahead_is_read_only_and_an_empty_day_takes_one_line(qtbot, journal, panel):
    med = journal.add_medication(Medication(name="Sertraline", doses_per_day=1, started_on=TODAY))
    journal.add_session(Session(date=TODAY + dt.timedelta(days=3), status="planned", mode="video"))
    panel.set_date(TODAY + dt.timedelta(days=3))
    assert not child(panel, QCheckBox, f"dose_{med.id}_1").isEnabled()
    assert panel.findChild(QPushButton) is None  # nothing to mark attended yet

    panel.set_date(TODAY - dt.timedelta(days=30))
    assert child(panel, QLabel, "treatment_state").text() == "nothing planned for this day"
    assert not child(panel, QWidget, "treatment_rows").isVisible()


def test_tab_walks_the_panel_in_reading_order_after_any_day_change(qtbot, journal):
    med = journal.add_medication(
        Medication(name="Propranolol", doses_per_day=2, started_on=dt.date(2026, 3, 1))
    )
    walk = journal.add_commitment(
        Commitment(title="Walk", kind="goal", per_week=3, started_on=dt.date(2026, 3, 1))
    )
    session = journal.add_session(Session(date=TODAY, status="planned", mode="video"))
    host = QWidget()
    qtbot.addWidget(host)
    before, after = QLineEdit(objectName="before"), QPushButton("after", objectName="after")
    panel = TodayTreatmentPanel(journal)
    layout = QVBoxLayout(host)
    for widget in (before, panel, after):
        layout.addWidget(widget)
    QWidget.setTabOrder(before, panel)  # as the Today page chains a panel
    QWidget.setTabOrder(panel, after)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)

    def walk_with_tab():
        before.setFocus()
        names = []
        while QApplication.focusWidget() is not after:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            names.append(QApplication.focusWidget().objectName())
        return names

    expected = [
        f"dose_{med.id}_1",
        f"dose_{med.id}_2",
        f"commitment_{walk.id}_done",
        f"session_{session.id}_attended",
        "after",
    ]
    assert walk_with_tab() == expected
    panel.set_date(TODAY - dt.timedelta(days=1))
    panel.set_date(TODAY)
    assert walk_with_tab() == expected
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # the first dose box
    assert journal.doses_on(TODAY)[0].taken == 1


# --- commitments -----------------------------------------------------------------------------


def test_a_commitment_needs_a_weekly_target_then_shows_its_progress(qtbot, journal, page, panel):
    gp = journal.add_person("Dr. Patel", "clinician")
    page.show_section("commitments")
    click(qtbot, page, "add_commitment")
    dialog = dialog_of(page, CommitmentDialog)
    qtbot.keyClicks(dialog.title, "Walking group")
    dialog.kind.setFocus()
    qtbot.keyClicks(dialog.kind, "so")
    dialog.suggested_by.setFocus()
    qtbot.keyClicks(dialog.suggested_by, "Dr")
    retype(qtbot, dialog.per_week, "0")
    dialog.started_on.setDate(QDate(2026, 3, 9))
    click(qtbot, dialog, "save")
    assert dialog.isVisible()
    assert dialog.message("per_week") == "⚠ per week must be between 1 and 14"
    assert dialog.focusWidget() is dialog.per_week
    assert journal.commitments() == []

    retype(qtbot, dialog.per_week, "2")
    click(qtbot, dialog, "save")
    [stored] = journal.commitments()
    assert stored == Commitment(
        title="Walking group",
        kind="social_prescription",
        per_week=2,
        started_on=dt.date(2026, 3, 9),
        suggested_by=gp.id,
        id=stored.id,
    )
    table = child(page, QTableWidget, "commitments")
    assert table.item(0, 6).text() == "0 of 2 this week"

    panel.refresh()
    with qtbot.waitSignal(panel.treatment_changed):
        tick(qtbot, child(panel, QCheckBox, f"commitment_{stored.id}_done"))
    assert child(panel, QLabel, f"commitment_{stored.id}_summary").text() == "1 of 2 this week"
    assert journal.week_progress(TODAY)[0].done_today == 1
    page.refresh()
    assert table.item(0, 6).text() == "1 of 2 this week"
    assert page.overview.figure("this_week", "commitments") == "1 of 2 done so far"


def test_ending_a_commitment_before_it_started_is_refused(qtbot, journal, page):
    item = journal.add_commitment(
        Commitment(title="Call a friend", kind="goal", per_week=2, started_on=TODAY)
    )
    page.show_section("commitments")
    page.refresh()
    select_row(qtbot, child(page, QTableWidget, "commitments"), "Call a friend")
    click(qtbot, page, "end_commitment")
    dialog = dialog_of(page, DateDialog)
    dialog.date.setDate(QDate(TODAY - dt.timedelta(days=1)))
    click(qtbot, dialog, "save")
    assert dialog.message("ended_on") == "⚠ ended on cannot be before started on"
    assert journal.commitments()[0].ended_on is None
    dialog.date.setDate(QDate(TODAY))
    click(qtbot, dialog, "save")
    assert journal.commitments()[0] == Commitment(
        title="Call a friend", kind="goal", per_week=2, started_on=TODAY, ended_on=TODAY, id=item.id
    )


# --- medications -----------------------------------------------------------------------------


def test_a_medication_needs_a_name_and_a_stop_date_after_its_start(qtbot, journal, page):
    page.show_section("medications")
    click(qtbot, page, "add_medication")
    dialog = dialog_of(page, MedicationDialog)
    click(qtbot, dialog, "save")
    assert dialog.message("name") == "⚠ name must not be empty"
    assert dialog.focusWidget() is dialog.name
    qtbot.keyClicks(dialog.name, "Sertraline")
    dialog.started_on.setDate(QDate(2026, 3, 10))
    tick(qtbot, dialog.stopped_on.check)
    dialog.stopped_on.edit.setDate(QDate(2026, 3, 1))
    click(qtbot, dialog, "save")
    assert dialog.message("stopped_on") == "⚠ stopped on cannot be before started on"
    assert dialog.message("name") == ""
    assert journal.medications() == []
    tick(qtbot, dialog.stopped_on.check)
    click(qtbot, dialog, "save")
    assert [m.name for m in journal.medications()] == ["Sertraline"]


def test_stopping_a_medication_keeps_its_history(qtbot, journal, page):
    med = journal.add_medication(
        Medication(name="Propranolol", doses_per_day=2, started_on=dt.date(2026, 3, 1))
    )
    journal.set_doses(med.id, dt.date(2026, 3, 2), 2)
    page.refresh()
    page.show_section("medications")
    table = child(page, QTableWidget, "medications")
    select_row(qtbot, table, "Propranolol")
    click(qtbot, page, "end_medication")
    dialog = dialog_of(page, DateDialog)
    dialog.date.setDate(QDate(2026, 2, 1))
    click(qtbot, dialog, "save")
    assert dialog.message("stopped_on") == "⚠ stopped on cannot be before started on"
    assert journal.medications()[0].stopped_on is None
    dialog.date.setDate(QDate(2026, 3, 10))
    click(qtbot, dialog, "save")
    assert journal.medications()[0].stopped_on == dt.date(2026, 3, 10)
    assert journal.doses_on(dt.date(2026, 3, 2))[0].taken == 2
    assert table.item(0, 4).text() == f"stopped on {format_date(dt.date(2026, 3, 10))}"
    assert not child(page, QPushButton, "end_medication").isEnabled()


# --- topics for my next session --------------------------------------------------------------


def test_a_topic_is_added_with_enter_and_marked_discussed(qtbot, journal, page):
    page.show_section("topics")
    entry = child(page, QLineEdit, "new_topic")
    entry.setFocus()
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert child(page, QLabel, "new_topic_error").text() == "⚠ text must not be empty"
    for text in ("Sleep has been patchy", "How to say no at work"):
        qtbot.keyClicks(entry, text)
        qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert [t.text for t in journal.agenda()] == ["Sleep has been patchy", "How to say no at work"]
    assert entry.text() == ""

    open_topics = child(page, QListWidget, "open_topics")
    open_topics.setFocus()
    open_topics.setCurrentRow(0)
    with qtbot.waitSignal(page.treatment_changed):
        click(qtbot, page, "mark_discussed")
    discussed = [t for t in journal.agenda(open_only=False) if t.discussed_on]
    assert [(t.text, t.discussed_on) for t in discussed] == [("Sleep has been patchy", TODAY)]
    assert [t.text for t in journal.agenda()] == ["How to say no at work"]
    assert open_topics.count() == 1
    done = child(page, QListWidget, "discussed_topics")
    assert done.item(0).text() == f"Sleep has been patchy — discussed on {format_date(TODAY)}"


# --- the demo journal ------------------------------------------------------------------------


def test_the_page_and_panel_show_a_demo_journal(qtbot, demo_journal):
    page = TreatmentPage(demo_journal)
    qtbot.addWidget(page)
    assert child(page, QTableView, "sessions").model().rowCount() == len(
        demo_journal.sessions_between(*ALL_TIME)
    )
    assert "%" in page.overview.figure("last_weeks", "medication")
    panel = TodayTreatmentPanel(demo_journal)
    qtbot.addWidget(panel)
    assert panel.findChildren(QCheckBox)
    for control in panel.findChildren(QWidget):
        if control.focusPolicy() & Qt.FocusPolicy.TabFocus:
            assert control.objectName() and control.accessibleName(), control
