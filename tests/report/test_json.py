"""JSON export and import: round trip, all-or-nothing, every kind of bad file."""

import json
from pathlib import Path

import pytest

from journal.domain.errors import JournalError, ValidationError
from journal.report.export_json import EXPORT_VERSION, export_document
from journal.services import Journal
from tests.helpers import NOW, fixed_clock


def _snapshot(journal: Journal) -> dict:
    return export_document(journal.db, now=NOW)["tables"]


def test_round_trip_is_identical(demo_journal: Journal, tmp_path: Path) -> None:
    out = demo_journal.export_json(tmp_path / "export.json")
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "connection-journal" and document["version"] == EXPORT_VERSION == 2
    fresh = Journal.open(tmp_path / "fresh", clock=fixed_clock)
    outcome = fresh.import_json(out)
    assert outcome.added["contacts"] == demo_journal.db["contacts"].count
    again = fresh.export_json(tmp_path / "again.json")
    assert json.loads(again.read_text(encoding="utf-8"))["tables"] == document["tables"]
    fresh.close()


def test_the_file_is_the_document_with_one_record_a_line(
    demo_journal: Journal, tmp_path: Path
) -> None:
    """Written through the C encoder record by record (``json.dump`` with an indent is pure
    Python: over a second for fifty years); still the same document, easy to read."""
    from journal.report.export_json import write_json

    document = export_document(demo_journal.db, now=NOW)
    document["tables"]["days"][0]["note"] = 'a note with "quotes", a brace }, and\na new line'
    text = write_json(document, tmp_path / "export.json").read_text(encoding="utf-8")
    assert json.loads(text) == document
    records = [line for line in text.splitlines() if line.startswith("   {")]
    assert len(records) == sum(len(rows) for rows in document["tables"].values())
    rows = [row for table in document["tables"].values() for row in table]
    assert [json.loads(line.strip().rstrip(",")) for line in records] == rows
    assert text.startswith('{\n "format": "connection-journal",\n') and text.endswith("}\n")


def test_the_export_written_by_sqlite_is_the_same_document(
    demo_journal: Journal, tmp_path: Path
) -> None:
    """``write_journal_json`` (each record a ``json_object`` of SQLite) writes the document
    and the layout of ``write_json(export_document(...))``; real numbers keep every digit."""
    from journal.report.export_json import write_journal_json, write_json

    day = demo_journal.db.execute("SELECT min(date) FROM days").fetchone()[0]
    demo_journal.db.execute(
        "UPDATE days SET sleep_hours = ?, note = ? WHERE date = ?",
        [445 / 60, 'a "note", a brace }, {\nand é ☃', day],
    )
    fast = write_journal_json(demo_journal.db, tmp_path / "fast.json", now=NOW)
    slow = write_json(export_document(demo_journal.db, now=NOW), tmp_path / "slow.json")
    fast_text, slow_text = fast.read_text(encoding="utf-8"), slow.read_text(encoding="utf-8")
    assert json.loads(fast_text) == json.loads(slow_text)
    assert json.loads(fast_text)["tables"]["days"][0]["sleep_hours"] == 445 / 60
    outline = [line for line in slow_text.splitlines() if not line.startswith("   {")]
    assert [line for line in fast_text.splitlines() if not line.startswith("   {")] == outline
    assert len(fast_text.splitlines()) == len(slow_text.splitlines())


def _journal_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _valid_document(demo_journal: Journal) -> dict:
    return export_document(demo_journal.db, now=NOW)


BAD_FILES = {
    "empty": b"",
    "not json": b"hello",
    "truncated": b'{"format": "connection-journal", "version": 1, "tables": {"days": [',
    "not an export": b'{"name": "something else"}',
    "newer version": b'{"format": "connection-journal", "version": 99, "tables": {}}',
    "tables not object": b'{"format": "connection-journal", "version": 1, "tables": []}',
    "unknown table": b'{"format": "connection-journal", "version": 1, "tables": {"x": []}}',
    "binary": b"\xff\xfe\x00\x01",
}


def _mutations() -> dict[str, tuple[str, int, dict]]:
    """Changes to one record of a valid export: (table, index, changes)."""
    return {
        "wrong type": ("days", 3, {"mood": "six"}),
        "out of range": ("contacts", 2, {"quality": 9}),
        "unknown enum": ("contacts", 0, {"mode": "carrier pigeon"}),
        "bad date": ("days", 1, {"date": "2026-02-30"}),
        "dangling person": ("contacts", 5, {"person_id": 999}),
        "dangling medication": ("doses", 0, {"medication_id": 999}),
        "too many doses": ("doses", 0, {"taken": 12}),
        "unknown field": ("people", 0, {"shoe_size": 42}),
        "duplicate id": ("people", 1, {"id": 1}),
        "bad answers": ("assessments", 0, {"answers": [9, 9]}),
    }


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_change_nothing(
    journal: Journal, data_dir: Path, tmp_path: Path, name: str
) -> None:
    journal.add_person("Sam", "friend")
    journal.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _journal_bytes(data_dir)
    bad = tmp_path / "bad.json"
    bad.write_bytes(BAD_FILES[name])
    with pytest.raises(ValidationError) as caught:
        journal.import_json(bad, "merge")
    assert str(caught.value)
    assert _journal_bytes(data_dir) == before


@pytest.mark.parametrize("name", sorted(_mutations()))
def test_bad_records_name_table_record_and_field(
    demo_journal: Journal, tmp_path: Path, name: str
) -> None:
    document = _valid_document(demo_journal)
    table, index, changes = _mutations()[name]
    document["tables"][table][index].update(changes)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    fresh = Journal.open(tmp_path / "fresh", clock=fixed_clock)
    with pytest.raises(ValidationError) as caught:
        fresh.import_json(bad)
    assert str(caught.value).startswith(f"{table} record ")
    assert fresh.is_empty() and fresh.db["settings"].count == 0
    fresh.close()


def test_newer_version_is_refused_clearly(journal: Journal, tmp_path: Path) -> None:
    newer = tmp_path / "newer.json"
    newer.write_text(
        json.dumps({"format": "connection-journal", "version": EXPORT_VERSION + 1, "tables": {}})
    )
    with pytest.raises(ValidationError, match="newer version of the app"):
        journal.import_json(newer)


def test_non_empty_journal_needs_merge_or_replace(demo_journal: Journal, tmp_path: Path) -> None:
    out = demo_journal.export_json(tmp_path / "export.json")
    with pytest.raises(JournalError, match="choose merge"):
        demo_journal.import_json(out)


def test_merge_adds_only_what_is_new_and_reports_conflicts(
    demo_journal: Journal, tmp_path: Path
) -> None:
    document = _valid_document(demo_journal)
    first_day = document["tables"]["days"][0]
    first_day["mood"] = (first_day["mood"] + 1) % 11
    document["tables"]["people"].append(
        {"id": 99, "name": "New Friend", "relationship": "friend", "archived": 0, "note": ""}
    )
    document["tables"]["contacts"].append(
        {
            "id": 99999,
            "date": first_day["date"],
            "person_id": 99,
            "kind": "friend",
            "mode": "phone",
            "minutes": 5,
            "quality": 5,
            "note": "",
        }
    )
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    contacts = demo_journal.db["contacts"].count
    outcome = demo_journal.import_json(path, "merge")
    assert outcome.added == {"people": 1, "contacts": 1}
    assert outcome.conflicts == [f"days {first_day['date']}: the journal's check-in was kept"]
    assert outcome.backup is not None and outcome.backup.exists()
    assert demo_journal.db["contacts"].count == contacts + 1
    new = demo_journal.person_by_name("New Friend")
    assert any(
        c.person_id == new.id
        for c in demo_journal.contacts_on(
            __import__("datetime").date.fromisoformat(first_day["date"])
        )
    )


def test_replace_backs_up_first(demo_journal: Journal, tmp_path: Path) -> None:
    other = Journal.open(tmp_path / "other", clock=fixed_clock)
    other.add_person("Only Me", "friend")
    path = other.export_json(tmp_path / "other.json")
    other.close()
    outcome = demo_journal.import_json(path, "replace")
    assert outcome.backup is not None and outcome.backup.stat().st_size > 0
    assert [p.name for p in demo_journal.people()] == ["Only Me"]
    assert demo_journal.db["days"].count == 0


def test_a_version_1_export_without_keep_in_touch_imports(journal: Journal, tmp_path: Path) -> None:
    sam = journal.add_person("Sam", "friend")
    journal.set_keep_in_touch(sam.id, 14)
    document = export_document(journal.db, now=NOW)
    assert document["tables"]["people"][0]["keep_in_touch_days"] == 14
    document["version"] = 1
    for row in document["tables"]["people"]:
        del row["keep_in_touch_days"], row["touch_dismissed_on"]
    old = tmp_path / "v1.json"
    old.write_text(json.dumps(document), encoding="utf-8")
    fresh = Journal.open(tmp_path / "fresh", clock=fixed_clock)
    fresh.import_json(old)
    assert fresh.person_by_name("Sam").keep_in_touch_days is None
    fresh.close()


@pytest.mark.parametrize("table", ["doses", "commitment_log"])
def test_a_day_checked_off_twice_is_said_in_the_file_s_words(
    demo_journal: Journal, tmp_path: Path, table: str
) -> None:
    """The record's item and date as the file writes them ("(1, 2026-11-02)"), never Python's
    ``datetime.date(2026, 11, 2)``."""
    document = json.loads(demo_journal.export_json(tmp_path / "export.json").read_text())
    first = document["tables"][table][0]
    document["tables"][table].append(dict(first))
    twice = tmp_path / "twice.json"
    twice.write_text(json.dumps(document))
    item = first["medication_id" if table == "doses" else "commitment_id"]
    other = Journal.open(tmp_path / "other", clock=fixed_clock)
    with pytest.raises(ValidationError) as raised:
        other.import_json(twice)
    other.close()
    said = str(raised.value)
    assert f"({item}, {first['date']}) appears twice" in said and "datetime" not in said
