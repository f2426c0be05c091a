"""A contact from typed text: every bad field named at once, in the words of the Today row."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.domain.errors import ValidationError
from journal.domain.kinds import Mode, Relationship
from journal.domain.parse import parse_contact

DAY = dt.date(2026, 3, 15)
ROW = {"person": " Ana ", "kind": "friend", "mode": "phone", "minutes": "20", "quality": "4"}


def test_a_good_row_gives_the_name_and_the_contact() -> None:
    name, contact = parse_contact(DAY, {**ROW, "note": "walk"})
    assert name == "Ana"
    assert (contact.date, contact.kind, contact.mode) == (DAY, Relationship.FRIEND, Mode.PHONE)
    assert (contact.minutes, contact.quality, contact.note, contact.person_id) == (
        20,
        4,
        "walk",
        None,
    )


def test_every_bad_field_is_named_at_once() -> None:
    raw = {"person": "", "kind": "pen pal", "mode": "text", "minutes": "-1", "quality": "6"}
    with pytest.raises(ValidationError) as caught:
        parse_contact(DAY, {**raw, "note": ""})
    assert set(caught.value.all) == {"person", "kind", "minutes", "how_connected"}
    assert caught.value.all["how_connected"] == "how connected must be between 1 and 5"
