"""The import's column-wise path (issue 21) refuses exactly what the record-by-record path
refuses, with the same message, and writes exactly the rows it writes.

Each document is read twice: as now, and the old way (every table record by record, the keys
and references checked on the records), and the two outcomes must be equal.
"""

from __future__ import annotations

import copy
import json
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import journal.report.import_json as import_json
from journal.domain.errors import ValidationError
from journal.report.export_json import export_document
from journal.report.import_json import _row, parse_document
from journal.report.import_json_fast import COLUMNS
from journal.report.tables import SPECS
from journal.services import Journal
from journal.store.rows import _field_names
from tests.helpers import NOW, demo_document, fixed_clock


def _base(tmp_path_factory) -> dict:
    return demo_document(tmp_path_factory, days=25, seed=3)


@contextmanager
def _record_by_record():
    """The import as it was: no table read column-wise, the keys asked of the records."""
    with (
        mock.patch.object(import_json, "table_rows", lambda *args: None),
        mock.patch.object(import_json, "keys_hold", lambda *args: False),
    ):
        yield


def _written(parsed: Any) -> dict[str, list[dict[str, Any]]]:
    """Per table, the rows ``load`` writes."""
    written = {}
    for table in SPECS:
        fast = parsed.rows(table)
        if fast is not None:
            names, rows = fast
            written[table] = [dict(zip(names, row, strict=True)) for row in rows]
        else:
            records, kept = parsed.held(table)
            written[table] = [_row(table, r, k) for r, k in zip(records, kept, strict=True)]
    return written


def _outcome(document: dict, values_checked: bool) -> tuple:
    try:
        parsed = parse_document(copy.deepcopy(document), values_checked=values_checked)
    except ValidationError as error:
        return ("refused", error.field, error.message, str(error))
    written = _written(parsed)
    return ("read", parsed.count(), written, parsed.records, parsed.kept, parsed.settings)


def _same_both_ways(document: dict, values_checked: bool = False) -> tuple:
    now = _outcome(document, values_checked)
    with _record_by_record():
        before = _outcome(document, values_checked)
    assert now == before
    return now


def test_every_column_of_the_fast_tables_is_a_field_of_the_record_in_order() -> None:
    for table, columns in COLUMNS.items():
        names = [name for name, _ in columns]
        spec = SPECS[table]
        fields = [name for name in _field_names(spec.record) if name != "flags"]
        assert names == [*fields, *spec.kept]
        assert set(names) == spec.fields


def test_a_plain_export_is_read_column_wise_and_as_before(tmp_path_factory) -> None:
    document = _base(tmp_path_factory)
    parsed = parse_document(copy.deepcopy(document))
    assert all(parsed.rows(table) is not None for table in COLUMNS)
    assert _same_both_ways(document)[0] == "read"


_DATES = st.sampled_from(
    [
        "",
        " ",
        "2026-03-01",
        "1990-06-30",
        "2026-3-01",
        "2026-W09-7",
        "20260301",
        "2026-02-30",
        "1976-12-14 ",
        "0001-01-01",
        "9999-12-31",
        "2026-03-01T00:00:00",
        "2026-03-01T12:00:00",
    ]
)
_WORDS = st.sampled_from(
    [
        "friend",
        "Friend",
        "in_person",
        "text",
        "attended",
        "planned",
        "cancelled",
        "phq9",
        "carrier pigeon",
        "walk",
        " walk",
        "\ud800",
        "é ☃",
        "x" * 121,
        "x" * 20_001,
        "x" * 20_000,
    ]
)
_TAGS = st.lists(
    st.sampled_from(
        ["walk", "Walk", " walk", "walk ", "", "music", None, 3, "x" * 121, "é", "\ud800"]
    ),
    max_size=4,
)
_NUMBERS = st.one_of(
    st.integers(-3, 20),
    st.sampled_from([2**63 - 1, 2**63, -(2**63), 1440, 1441, 24, 25, 10**30, True, False]),
    st.floats(min_value=-1, max_value=30),
    st.sampled_from([7.0, 0.0, -0.0, 24.0, 24.5, 1.0, 5.0, 3.5, 1e-300]),
)
_TRICKY = st.one_of(
    st.none(),
    _NUMBERS,
    _DATES,
    _WORDS,
    _TAGS,
    st.text(max_size=6),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
)


def _value_for(key: str) -> st.SearchStrategy[Any]:
    """Values near the ones a field holds (half the time), or anything tricky."""
    if key == "coping":
        near = _TAGS
    elif key == "answers":
        near = st.lists(st.one_of(st.integers(-1, 4), st.none(), st.booleans()), max_size=10)
    elif key in ("date", "started_on", "stopped_on", "ended_on", "created_on", "discussed_on"):
        near = _DATES
    elif key in ("kind", "mode", "status", "relationship", "instrument", "note", "name"):
        near = st.one_of(_WORDS, st.none())
    else:
        near = st.one_of(_NUMBERS, st.none())
    return st.one_of(near, _TRICKY)


_TABLES = [*COLUMNS, *COLUMNS, "people", "medications", "commitments", "agenda"]


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_mutated_documents_are_refused_or_read_exactly_as_before(tmp_path_factory, data) -> None:
    document = _base(tmp_path_factory)
    tables = document["tables"]
    for _ in range(data.draw(st.integers(1, 3))):
        table = data.draw(st.sampled_from([t for t in _TABLES if tables[t]]))
        rows = tables[table]
        index = data.draw(st.integers(0, len(rows) - 1))
        key = data.draw(st.sampled_from(sorted(SPECS[table].fields)))
        change = data.draw(
            st.sampled_from(["value", "value", "value", "column", "drop", "extra", "copy", "kind"])
        )
        value = data.draw(_value_for(key))
        if change == "column":  # every record at once: what the columns may take whole
            for row in rows:
                if isinstance(row, dict):
                    row[key] = copy.deepcopy(value)
        elif not isinstance(rows[index], dict):
            continue
        elif change == "value":
            rows[index][key] = value
        elif change == "drop":
            rows[index].pop(key, None)
        elif change == "extra":
            rows[index]["shoe_size"] = value
        elif change == "copy":
            rows.insert(index, copy.deepcopy(rows[index]))
        else:
            rows[index] = value
    _same_both_ways(document, values_checked=data.draw(st.booleans()))


def test_each_kind_of_refusal_names_the_same_record_and_field(tmp_path_factory) -> None:
    cases = [
        ("days", 3, "mood", None),
        ("days", 4, "sleep_hours", 24.5),
        ("days", 5, "coping", ["walk", 3]),
        ("days", 6, "date", "2026-W09-7"),
        ("contacts", 2, "quality", True),
        ("contacts", 3, "kind", "Friend"),
        ("contacts", 4, "person_id", 999),
        ("contacts", 5, "id", 1),
        ("contacts", 6, "note", "x" * 20_001),
        ("sessions", 0, "felt_heard", 9),
        ("doses", 1, "taken", 12),
        ("doses", 2, "medication_id", 0),
        ("commitment_log", 0, "commitment_id", 999),
        ("commitment_log", 1, "done", 15),
        ("assessments", 0, "answers", [1, 2]),
        ("assessments", 1, "answers", [True, 0, 0, 0, 0, 0, 0, 0, 0]),
        ("assessments", 2, "instrument", "PHQ9"),
        ("contacts", 7, "id", None),
        ("sessions", 1, "id", None),
        ("contacts", 8, "note", "a lone \ud800"),  # reached only when no walk ran first
        ("days", 7, "coping", ["walk", "\udfff"]),
        ("days", 8, "updated_at", 5),
    ]
    base = _base(tmp_path_factory)
    heard = next(i for i, s in enumerate(base["tables"]["sessions"]) if s["felt_heard"])
    cases.append(("sessions", heard, "status", "planned"))
    for table, index, key, value in cases:
        document = _base(tmp_path_factory)
        document["tables"][table][index][key] = value
        outcome = _same_both_ways(document, values_checked=True)
        assert outcome[0] == "refused" and outcome[3].startswith(f"{table} record "), outcome


@pytest.mark.parametrize(
    ("key", "value", "written"),
    [
        ("sleep_hours", 7, 7.0),
        ("coping", [" walk"], '["walk"]'),
        ("coping", ["walk", "Walk"], '["walk"]'),
        ("coping", ["walk", ""], '["walk"]'),
        ("note", None, ""),
    ],
)
def test_values_the_records_normalise_are_written_as_they_write_them(
    tmp_path_factory, key: str, value: object, written: object
) -> None:
    document = _base(tmp_path_factory)
    document["tables"]["days"][0][key] = value
    row = _same_both_ways(document)[2]["days"][0]
    assert row[key] == written and type(row[key]) is type(written)


def test_a_questionnaire_is_scored_again_whatever_total_the_file_says(tmp_path_factory) -> None:
    document = _base(tmp_path_factory)
    rows = document["tables"]["assessments"]
    expected = [(row["total"], row["band"]) for row in rows]
    rows[0]["total"], rows[0]["band"] = 99, "made up"
    rows[1]["answers"] = [*rows[1]["answers"][:-1], None]  # scored with one unanswered
    written = _same_both_ways(document)[2]["assessments"]
    assert (written[0]["total"], written[0]["band"]) == expected[0]
    assert written[1]["answers"].endswith("null]")


def _filled(journal: Journal) -> None:
    from journal.demo import generate

    generate(journal, days=60, seed=11)
    first = journal.db.execute("SELECT min(date) FROM days").fetchone()[0]
    journal.db.execute(
        "UPDATE days SET sleep_hours = ?, note = ?, coping = ? WHERE date = ?",
        [445 / 60, 'a "note" with é, ☃, \\ and\na new line', '["walk", "Café"]', first],
    )
    journal.db.execute("UPDATE contacts SET note = 'tab\tand \U0001f600' WHERE id = 1")


def test_round_trip_through_the_column_wise_path_is_identical(tmp_path: Path) -> None:
    source = Journal.open(tmp_path / "source", clock=fixed_clock)
    _filled(source)
    out = source.export_json(tmp_path / "export.json")
    source.close()
    fresh = Journal.open(tmp_path / "fresh", clock=fixed_clock)
    fresh.import_json(out)
    again = fresh.export_json(tmp_path / "again.json")
    fresh.close()
    old = Journal.open(tmp_path / "old", clock=fixed_clock)
    with _record_by_record():
        old.import_json(out)
    old_again = old.export_json(tmp_path / "old.json")
    old.close()
    tables = json.loads(out.read_text(encoding="utf-8"))["tables"]
    assert json.loads(again.read_text(encoding="utf-8"))["tables"] == tables
    assert json.loads(old_again.read_text(encoding="utf-8"))["tables"] == tables


def test_a_merge_adds_and_reports_as_before(tmp_path: Path) -> None:
    source = Journal.open(tmp_path / "source", clock=fixed_clock)
    _filled(source)
    out = source.export_json(tmp_path / "export.json")
    source.close()
    outcomes = []
    for name, way in (("now", None), ("before", _record_by_record)):
        target = Journal.open(tmp_path / name, clock=fixed_clock)
        from journal.demo import generate

        generate(target, days=30, seed=11)
        if way is None:
            outcome = target.import_json(out, "merge")
        else:
            with way():
                outcome = target.import_json(out, "merge")
        outcomes.append((outcome.added, outcome.conflicts, export_document(target.db, now=NOW)))
        target.close()
    assert outcomes[0] == outcomes[1] and outcomes[0][0]
