import datetime as dt

import pytest

from journal.domain.errors import ValidationError
from journal.domain.kinds import Mode, Relationship
from journal.domain.parse import parse_day
from journal.domain.records import (
    AgendaItem,
    Assessment,
    Commitment,
    Contact,
    Day,
    DoseLog,
    Medication,
    Person,
    Session,
)


def test_mood_out_of_range_names_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        Day(date="2026-03-01", mood=11)
    assert caught.value.field == "mood"
    assert str(caught.value) == "mood must be between 0 and 10"


@pytest.mark.parametrize("field", ["anxiety", "loneliness", "energy", "physical"])
@pytest.mark.parametrize("value", [-1, 11])
def test_optional_ratings_are_checked(field: str, value: int) -> None:
    with pytest.raises(ValidationError) as caught:
        Day(date="2026-03-01", mood=5, **{field: value})
    assert caught.value.field == field


def test_day_normalises_types() -> None:
    day = Day(date="2026-03-01", mood=0, anxiety=10, sleep_hours=7, coping=["Walk", "walk", " "])
    assert day.date == dt.date(2026, 3, 1)
    assert day.sleep_hours == 7.0
    assert day.coping == ("Walk",)


@pytest.mark.parametrize("bad", [True, 5.5, "5", None])
def test_mood_must_be_a_whole_number(bad: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Day(date="2026-03-01", mood=bad)  # type: ignore[arg-type]
    assert caught.value.field == "mood"


@pytest.mark.parametrize("bad", ["2026-13-01", "01/03/2026", "", 20260301])
def test_bad_dates_are_refused(bad: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Day(date=bad, mood=5)  # type: ignore[arg-type]
    assert caught.value.field == "date"


def test_sleep_hours_range() -> None:
    with pytest.raises(ValidationError, match="sleep hours must be between 0 and 24"):
        Day(date="2026-03-01", mood=5, sleep_hours=25)


def test_contact_rules() -> None:
    contact = Contact(date="2026-03-01", kind="peer_support", mode="online_group", quality=4)
    assert contact.kind is Relationship.PEER_SUPPORT and contact.mode is Mode.ONLINE_GROUP
    assert contact.meaningful
    for field, change in [
        ("quality", {"quality": 6}),
        ("minutes", {"minutes": 1441}),
        ("minutes", {"minutes": -1}),
        ("mode", {"mode": "pigeon"}),
        ("kind", {"kind": "stranger"}),
    ]:
        values = {"date": "2026-03-01", "kind": "friend", "mode": "phone", "quality": 3, **change}
        with pytest.raises(ValidationError) as caught:
            Contact(**values)
        assert caught.value.field == field


def test_unknown_enum_lists_the_choices() -> None:
    with pytest.raises(ValidationError, match="mode must be one of: in_person, video"):
        Contact(date="2026-03-01", kind="friend", mode="fax", quality=3)


def test_person_name_required_and_trimmed() -> None:
    assert Person(name="  Sam ", relationship="friend").name == "Sam"
    with pytest.raises(ValidationError, match="name must not be empty"):
        Person(name="   ", relationship="friend")


def test_session_felt_heard_only_when_attended() -> None:
    Session(date="2026-03-01", status="attended", mode="video", felt_heard=5)
    with pytest.raises(ValidationError) as caught:
        Session(date="2026-03-01", status="missed", mode="video", felt_heard=3)
    assert caught.value.field == "felt_heard"


def test_spans_cannot_end_before_they_start() -> None:
    with pytest.raises(ValidationError, match="stopped on cannot be before started on"):
        Medication(name="X", doses_per_day=1, started_on="2026-03-02", stopped_on="2026-03-01")
    with pytest.raises(ValidationError) as caught:
        Commitment(title="Walk", kind="goal", per_week=0, started_on="2026-03-01")
    assert caught.value.field == "per_week"
    with pytest.raises(ValidationError):
        AgendaItem(text="x", created_on="2026-03-02", discussed_on="2026-03-01")
    with pytest.raises(ValidationError):
        DoseLog(medication_id=1, date="2026-03-01", taken=-1)


def test_medication_active_on() -> None:
    med = Medication(name="X", doses_per_day=2, started_on="2026-03-01", stopped_on="2026-03-10")
    assert med.active_on(dt.date(2026, 3, 1)) and med.active_on(dt.date(2026, 3, 10))
    assert not med.active_on(dt.date(2026, 3, 11))


def test_assessment_total_is_recomputed() -> None:
    assessment = Assessment(date="2026-03-01", instrument="gad7", answers=[3, 3, 3, 3, 3, 0, 0])
    assert (assessment.total, assessment.band) == (15, "severe")


def test_parse_day_reports_every_bad_field() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_day(
            dt.date(2026, 3, 1), {"mood": "11", "anxiety": "x", "energy": "4", "sleep_hours": "30"}
        )
    assert caught.value.all == {
        "mood": "mood must be between 0 and 10",
        "anxiety": "anxiety must be a whole number",
        "sleep_hours": "sleep hours must be between 0 and 24",
    }


def test_parse_day_blank_mood_is_required() -> None:
    with pytest.raises(ValidationError, match="mood is required"):
        parse_day(dt.date(2026, 3, 1), {"mood": "  "})


def test_parse_day_accepts_typed_text() -> None:
    day = parse_day(
        dt.date(2026, 3, 1),
        {
            "mood": " 7",
            "anxiety": "",
            "sleep_hours": "6,5",
            "coping": "walk, music,",
            "note": "  words  ",
        },
    )
    assert (day.mood, day.anxiety, day.sleep_hours) == (7, None, 6.5)
    assert day.coping == ("walk", "music")
    assert day.note == "  words  "
