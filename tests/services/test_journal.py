import datetime as dt
from pathlib import Path

import pytest

from journal.domain.errors import ValidationError
from journal.services import Journal
from tests.helpers import TODAY, fixed_clock


def test_save_day_refuses_the_future(journal: Journal, make_day) -> None:
    with pytest.raises(ValidationError, match="date cannot be in the future") as caught:
        journal.save_day(make_day(date=TODAY + dt.timedelta(days=1)))
    assert caught.value.field == "date"
    assert journal.db["days"].count == 0


def test_saved_day_survives_reopening(data_dir: Path, make_day) -> None:
    first = Journal.open(data_dir, clock=fixed_clock)
    first.save_day(make_day(mood=3, note="kept"))
    first.close()
    again = Journal.open(data_dir, clock=fixed_clock)
    assert again.day(TODAY).note == "kept"
    assert again.db["days"].get(TODAY.isoformat())["updated_at"].startswith("2026-03-15T10:00")
    again.close()


def test_contacts_need_a_known_person_and_a_past_date(journal: Journal, make_contact) -> None:
    with pytest.raises(ValidationError) as caught:
        journal.add_contact(make_contact(person_id=42))
    assert caught.value.field == "person"
    with pytest.raises(ValidationError):
        journal.add_contact(make_contact(date=TODAY + dt.timedelta(days=1)))
    assert journal.db["contacts"].count == 0


def test_delete_contact_returns_it_for_undo(journal: Journal, make_contact) -> None:
    sam = journal.add_person("Sam", "friend")
    added = journal.add_contact(make_contact(person_id=sam.id))
    removed = journal.delete_contact(added.id)
    assert removed == added and journal.contacts_on(TODAY) == []
    assert journal.delete_contact(added.id) is None


def test_is_empty_ignores_settings(journal: Journal) -> None:
    journal.update_settings(display_name="Alex")
    assert journal.is_empty()
    journal.add_person("Sam", "friend")
    assert not journal.is_empty()


def test_update_settings_validates(journal: Journal) -> None:
    with pytest.raises(ValidationError) as caught:
        journal.update_settings(theme="purple")
    assert caught.value.field == "theme"
    assert journal.settings().theme == "system"


def test_delete_day_returns_it_and_keeps_contacts(journal: Journal, make_day, make_contact) -> None:
    journal.save_day(make_day(note="x"))
    journal.add_contact(make_contact())
    assert journal.delete_day(TODAY).note == "x"
    assert journal.day(TODAY) is None and len(journal.contacts_on(TODAY)) == 1
    assert journal.delete_day(TODAY) is None


def test_open_in_an_unwritable_place_is_a_journal_error(tmp_path: Path) -> None:
    from journal.domain.errors import JournalError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(JournalError, match="Could not open the journal"):
        Journal.open(blocker / "inside")


def test_save_day_with_contacts_is_all_or_nothing(journal: Journal, make_day, make_contact) -> None:
    with pytest.raises(ValidationError):
        journal.save_day_with_contacts(make_day(), [make_contact(), make_contact(person_id=404)])
    assert journal.day(TODAY) is None and journal.contacts_on(TODAY) == []
    added = journal.save_day_with_contacts(make_day(mood=7), [make_contact(), make_contact()])
    assert len(added) == 2 and journal.day(TODAY).mood == 7
