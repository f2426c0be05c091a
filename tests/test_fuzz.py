"""Property tests: random and mutated input never crashes and never half-writes."""

import datetime as dt
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.errors import ValidationError
from journal.domain.records import Contact, Day
from journal.report.import_json import parse_document
from journal.services import Journal
from tests.helpers import demo_document, fixed_clock

anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.lists(st.integers(-5, 20), max_size=12),
)


@given(
    date=anything, mood=anything, anxiety=anything, sleep=anything, coping=anything, note=anything
)
def test_day_validation_either_builds_or_names_a_field(
    date, mood, anxiety, sleep, coping, note
) -> None:
    try:
        day = Day(
            date=date, mood=mood, anxiety=anxiety, sleep_hours=sleep, coping=coping, note=note
        )
    except ValidationError as error:
        assert error.field in {"date", "mood", "anxiety", "sleep_hours", "coping", "note"}
        assert str(error)
    else:
        assert 0 <= day.mood <= 10 and isinstance(day.date, dt.date)


@given(kind=anything, mode=anything, quality=anything, minutes=anything)
def test_contact_validation_either_builds_or_names_a_field(kind, mode, quality, minutes) -> None:
    try:
        Contact(date="2026-01-01", kind=kind, mode=mode, quality=quality, minutes=minutes)
    except ValidationError as error:
        assert error.field in {"kind", "mode", "quality", "minutes"}


def _base_document(tmp_path_factory) -> dict:
    return demo_document(tmp_path_factory, days=20, seed=5)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_mutated_exports_fail_cleanly_and_write_nothing(tmp_path_factory, data) -> None:
    document = _base_document(tmp_path_factory)
    tables = document["tables"]
    table = data.draw(st.sampled_from(sorted(t for t in tables if tables[t])))
    record = data.draw(st.sampled_from(tables[table]))
    key = data.draw(st.sampled_from(sorted(record)))
    record[key] = data.draw(anything)
    try:
        parse_document(document)
    except ValidationError as error:
        assert str(error)
        return
    # a mutation that is still valid must load completely into an empty journal
    folder: Path = tmp_path_factory.mktemp("fuzz")
    path = folder / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    journal = Journal.open(folder / "journal", clock=fixed_clock)
    try:
        journal.import_json(path)
        assert journal.db["days"].count == len(tables["days"])
    finally:
        journal.close()


@settings(max_examples=40, deadline=None)
@given(raw=st.binary(max_size=300))
def test_random_bytes_are_refused_with_a_message(raw: bytes) -> None:
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return
    try:
        parse_document(document)
    except ValidationError as error:
        assert str(error)
