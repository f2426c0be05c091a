"""Hostile files given to ``import --format json``: each is one calm line naming the place in
the file (the table, the record, the field — or the line and column), exit 2, and nothing is
written (not even the backup a merge makes first)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journal.cli import main
from journal.domain.errors import ValidationError
from journal.report import import_json
from journal.report.import_json import read_export
from journal.services import Journal
from tests.helpers import fixed_clock

HEAD = '{"format": "connection-journal", "version": 1, "tables": '
BIG = "1" + "0" * 400  # 401 digits
HUGE = "9" * 5000  # over Python's own limit of 4,300 digits for int()
PERSON = '{"id": 1, "name": "Sam", "relationship": "friend"}'

HOSTILE = {
    "deep": (
        HEAD
        + '{"people": [{"id": 1, "name": "Sam", "relationship": "friend", "note": '
        + "[" * 5000
        + "]" * 5000
        + "}]}}",
        "file: nested too deeply to be a journal export (line 1, column ",
    ),
    "deep_alone": (
        "[" * 5000 + "]" * 5000,
        "file: nested too deeply to be a journal export (line 1, column 65)",
    ),
    "surrogate": (
        HEAD + '{"people": [' + PERSON + ', {"id": 2, "name": "A\\ud800", '
        '"relationship": "friend"}]}}',
        "people record 2, field name: holds a character that is not valid text",
    ),
    "surrogate_key": (
        HEAD + '{"days": [{"date": "2026-01-01", "mood": 5, "n\\udfff": 1}]}}',
        "days record 1, field n\\udfff: holds a character that is not valid",
    ),
    "surrogate_setting": (
        HEAD + '{"settings": [{"key": "display_name", "value": "Al\\udc00"}]}}',
        "settings record 1, field value: holds a ",
    ),
    "surrogate_table": (HEAD + '{"p\\ud800": []}}', "tables, field p\\ud800: holds a "),
    "number_id": (
        HEAD + '{"people": [{"id": ' + BIG + ', "name": "Sam", "relationship": "friend"}]}}',
        "people record 1, field id: a number no journal holds",
    ),
    "number_sleep": (
        HEAD + '{"days": [{"date": "2026-01-01", "mood": 5, "sleep_hours": ' + BIG + "}]}}",
        "days record 1, field sleep_hours: a number no journal",
    ),
    "number_version": (
        '{"format": "connection-journal", "version": ' + BIG + ', "tables": {}}',
        "version: a number no journal holds",
    ),
    "number_huge": (
        HEAD + '{"people": [{"id": ' + HUGE + ', "name": "Sam", "relationship": "friend"}]}}',
        "people record 1, field id: a number no journal holds",
    ),
    "number_nested": (
        HEAD + '{"assessments": [{"id": 1, "date": "2026-01-01", "instrument": '
        '"phq9", "answers": [0, 0, ' + BIG + "]}]}}",
        "assessments record 1, field answers: a number no journal holds",
    ),
    "not_finite": (
        HEAD + '{"days": [{"date": "2026-01-01", "mood": 5, "sleep_hours": NaN}]}}',
        "days record 1, field sleep_hours: a number no journal holds",
    ),
    "infinite": (
        HEAD + '{"settings": [{"key": "x", "value": -Infinity}]}}',
        "settings record 1, field value: a number no journal holds",
    ),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_values_are_named_where_they_are(tmp_path: Path, name: str) -> None:
    text, message = HOSTILE[name]
    path = tmp_path / f"{name}.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as refused:
        read_export(path)
    assert str(refused.value).startswith(message), str(refused.value)
    str(refused.value).encode("utf-8")  # printable and showable: no lone surrogate in it


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(import_json.MAX_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(ValidationError, match="too large to be a journal export"):
        read_export(path)


def test_running_out_of_memory_while_reading_is_calm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.json"
    path.write_text(HEAD + "{}}")

    def no_memory(*_: object, **__: object) -> str:
        raise MemoryError

    monkeypatch.setattr(Path, "read_text", no_memory)
    with pytest.raises(ValidationError, match="is too large to read"):
        read_export(path)


def test_a_folder_or_unreadable_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="file: cannot read"):
        read_export(tmp_path)  # a folder has a size but cannot be read as text


@pytest.mark.parametrize("name", ["deep", "surrogate", "number_sleep", "number_huge"])
@pytest.mark.parametrize("how", [[], ["--merge"], ["--dry-run"]])
def test_the_command_line_says_one_line_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, how: list[str]
) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(HOSTILE[name][0], encoding="utf-8")
    folder = tmp_path / "journal"
    journal = Journal.open(folder, clock=fixed_clock)
    if how == ["--merge"]:
        journal.add_person("Ana", "family")
    before = {t: journal.db[t].count for t in journal.db.table_names()}
    journal.close()

    assert main(["import", str(path), "--format", "json", *how, "--data-dir", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1
    assert HOSTILE[name][1].split(":")[0] in err
    journal = Journal.open(folder, create=False, clock=fixed_clock, lock=False)
    try:
        assert {t: journal.db[t].count for t in journal.db.table_names()} == before
    finally:
        journal.close()
    assert not list(folder.glob("backups/*before-import*"))  # not even a merge's backup


def test_a_valid_export_still_imports_whole(journal: Journal, tmp_path: Path, make_day) -> None:
    journal.save_day(make_day(note="emoji 😀 and a pair \U0001f600", sleep_hours=7.5))
    journal.update_settings(display_name="Zoë")
    path = journal.export_json(tmp_path / "export.json")
    document = json.loads(path.read_text())
    assert read_export(path).count() == 1 and document["tables"]["days"][0]["note"]


@pytest.mark.parametrize("document", [0, "text", None, 1.5, "\ud800", float("nan"), [], True])
def test_a_document_that_is_no_object_is_refused_calmly(document: object) -> None:
    with pytest.raises(ValidationError):
        import_json.parse_document(document)
