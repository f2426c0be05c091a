"""Check-in use cases: saving questionnaires, history, reminders, safety plan, crisis info."""

import dataclasses
import datetime as dt

import pytest

from journal.domain.errors import ValidationError
from journal.domain.instruments import SAFETY_FLAG
from journal.domain.kinds import Instrument
from journal.domain.records import Assessment, SafetyPlan
from journal.domain.settings import Settings
from journal.store import assessments as assessments_store
from tests.helpers import TODAY


def _phq9(date=TODAY, item9=0, rest=1):
    return Assessment(date=date, instrument="phq9", answers=(rest,) * 8 + (item9,))


def test_saving_stores_the_total_band_and_flag(journal):
    saved = journal.save_assessment(_phq9(item9=1))
    assert saved.id is not None
    assert (saved.total, saved.band) == (9, "mild")
    assert SAFETY_FLAG in saved.flags
    stored = journal.assessments("phq9")
    assert stored == [saved]
    row = next(journal.db.query("SELECT total, band FROM assessments"))
    assert row == {"total": 9, "band": "mild"}


def test_a_questionnaire_cannot_be_dated_in_the_future(journal):
    with pytest.raises(ValidationError) as error:
        journal.save_assessment(_phq9(date=TODAY + dt.timedelta(days=1)))
    assert error.value.field == "date"
    assert journal.assessments() == []


def test_a_failed_save_writes_nothing(journal, monkeypatch):
    def fail(db, assessment):
        db["assessments"].insert(
            {
                "date": "2026-01-01",
                "instrument": "gad7",
                "answers": "[0,0,0,0,0,0,0]",
                "total": 0,
                "band": "minimal",
            }
        )
        raise RuntimeError("disk went away")

    monkeypatch.setattr(assessments_store, "add_assessment", fail)
    with pytest.raises(RuntimeError):
        journal.save_assessment(_phq9())
    monkeypatch.undo()
    assert journal.assessments() == []


def test_history_by_instrument_oldest_first(journal):
    journal.save_assessment(_phq9(date=TODAY))
    journal.save_assessment(_phq9(date=TODAY - dt.timedelta(days=14), rest=2))
    journal.save_assessment(Assessment(date=TODAY, instrument="ucla3", answers=(1, 2, 3)))
    assert [a.date for a in journal.assessments(Instrument.PHQ9)] == [
        TODAY - dt.timedelta(days=14),
        TODAY,
    ]
    assert [a.instrument for a in journal.assessments("ucla3")] == [Instrument.UCLA3]
    assert len(journal.assessments()) == 3
    assert journal.last_assessment("phq9").date == TODAY
    assert journal.last_assessment("gad7") is None


def test_a_questionnaire_never_taken_is_due(journal):
    due = journal.questionnaire_due("phq9")
    assert due is not None and due.last is None and due.days_since is None
    assert [d.instrument for d in journal.due_questionnaires()] == list(Instrument)


@pytest.mark.parametrize("days_ago, due", [(0, False), (13, False), (14, True), (30, True)])
def test_due_after_the_interval(journal, days_ago, due):
    journal.save_assessment(_phq9(date=TODAY - dt.timedelta(days=days_ago)))
    result = journal.questionnaire_due("phq9")
    assert (result is not None) is due
    if due:
        assert result.days_since == days_ago


def test_the_interval_is_a_setting_and_zero_turns_reminders_off(journal):
    journal.save_assessment(_phq9(date=TODAY - dt.timedelta(days=8)))
    journal.update_settings(questionnaire_every_days=7)
    assert journal.questionnaire_due("phq9").days_since == 8
    journal.update_settings(questionnaire_every_days=0)
    assert journal.questionnaire_due("phq9") is None
    assert journal.due_questionnaires() == []


def test_due_on_a_given_day_ignores_later_questionnaires(journal):
    journal.save_assessment(_phq9(date=TODAY))
    journal.save_assessment(_phq9(date=TODAY - dt.timedelta(days=20)))
    due = journal.questionnaire_due("phq9", on=TODAY - dt.timedelta(days=1))
    assert due is not None and due.days_since == 19


def test_safety_plan_round_trip(journal):
    assert journal.safety_plan() == SafetyPlan()
    plan = SafetyPlan(
        warning_signs="Not sleeping",
        people_to_ask="Sam — 0123 456",
        crisis_line="Local crisis team 0800 000 000",
    )
    journal.save_safety_plan(plan)
    assert journal.safety_plan() == plan


def test_help_contacts_come_from_people_with_a_number_from_their_note(journal):
    journal.add_person("Sam", "friend", note="mobile +44 7700 900123, evenings")
    journal.add_person("Mum", "family")
    journal.add_person("Dr. Lee", "therapist", note="clinic (020) 7946 0000")
    friends = {c.person.name: c for c in journal.help_contacts()}
    assert friends["Sam"].number == "+44 7700 900123"
    assert friends["Sam"].line == "Sam (friend) — +44 7700 900123"
    assert friends["Mum"].line == "Mum (family)"
    team = journal.help_contacts(care_team=True)
    assert [(c.person.name, c.number) for c in team] == [("Dr. Lee", "(020) 7946 0000")]


def test_crisis_info_puts_the_persons_own_plan_first_then_the_locale(journal):
    journal.save_safety_plan(
        SafetyPlan(
            people_to_ask="Sam — 0123",
            professionals="Dr. Lee",
            crisis_line="  My crisis team 0800 1  ",
        )
    )
    info = journal.crisis_info("en_GB")
    assert info.own_crisis_line == "My crisis team 0800 1"
    assert info.people_to_ask == "Sam — 0123"
    assert info.professionals == "Dr. Lee"
    assert info.has_own_contacts
    assert info.region == "GB"
    assert [line.number for line in info.lines] == ["116 123", "999 or 112"]
    assert info.directory.address == "findahelpline.com"
    assert [line.number for line in journal.crisis_info(region="US").lines] == ["988", "911"]


def test_crisis_info_without_a_plan_or_a_known_region(journal):
    info = journal.crisis_info("C")
    assert not info.has_own_contacts
    assert info.lines == () and info.region is None
    assert info.directory.address == "findahelpline.com"


def test_crisis_info_survives_an_unreadable_plan(journal, monkeypatch):
    import sqlite3

    def broken():
        raise sqlite3.DatabaseError("file is not a database")

    monkeypatch.setattr(journal, "safety_plan", broken)
    info = journal.crisis_info("en_US")
    assert [line.number for line in info.lines] == ["988", "911"]


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(Settings)])
def test_no_setting_skips_the_crisis_message(journal, field):
    """Whatever any setting holds, a PHQ-9 with item 9 above 0 needs the crisis message."""
    values = {
        "display_name": "x",
        "theme": "dark",
        "reminder_time": "09:00",
        "questionnaire_every_days": 0,
        "window_geometry": "00",
    }
    if field in values:
        journal.update_settings(**{field: values[field]})
    saved = journal.save_assessment(_phq9(item9=2))
    assert journal.crisis_message_required(saved)
    assert not journal.crisis_message_required(journal.save_assessment(_phq9()))


def test_an_imported_recent_item9_answer_is_offered_once(journal):
    """A PHQ-9 with item 9 above 0 that came in without the form (as an import writes it):
    the crisis message is due once, within 14 days, and remembered when shown."""
    import datetime as dt

    from journal.store.assessments import add_assessment

    assert journal.unseen_item9_answer() is None
    add_assessment(journal.db, _phq9(date=TODAY - dt.timedelta(days=14), item9=2))  # too old
    add_assessment(journal.db, _phq9(date=TODAY - dt.timedelta(days=3), item9=0))
    assert journal.unseen_item9_answer() is None
    recent = add_assessment(journal.db, _phq9(date=TODAY - dt.timedelta(days=13), item9=1))
    assert journal.unseen_item9_answer() == recent
    journal.item9_message_shown(recent)
    assert journal.unseen_item9_answer() is None
    journal.item9_message_shown(recent)  # twice is still once
    assert (
        journal.db.execute(
            "SELECT value FROM settings WHERE key = ?", ["item9_messages_shown"]
        ).fetchone()[0]
        == '["2026-03-02:1,1,1,1,1,1,1,1,1"]'
    )
    # the settings the person sees are untouched
    assert journal.settings() == type(journal.settings())()
