"""``import --merge`` keeps records that are identical within the file: it deduplicates only
against what the journal already has, one for one."""

from __future__ import annotations

import json
from pathlib import Path

from journal.cli import main
from journal.services import Journal
from tests.helpers import TODAY, fixed_clock


def texts_with_sam(journal: Journal, count: int) -> None:
    for _ in range(count):
        journal.save_contact_for(
            "Sam", kind="friend", mode="text", quality=3, minutes=5, date=TODAY
        )


def export_with(tmp_path: Path, texts: int) -> Path:
    source = Journal.open(tmp_path / "source", clock=fixed_clock)
    try:
        texts_with_sam(source, texts)
        return source.export_json(tmp_path / "export.json")
    finally:
        source.close()


def sams_texts(journal: Journal) -> int:
    return sum(c.minutes == 5 and c.mode == "text" for c in journal.contacts_on(TODAY))


def test_two_identical_texts_in_the_file_stay_two(journal: Journal, tmp_path: Path) -> None:
    path = export_with(tmp_path, texts=2)
    journal.add_person("Ana", "family")  # not empty: a real merge
    outcome = journal.import_json(path, "merge")
    assert outcome.added == {"people": 1, "contacts": 2} and outcome.conflicts == []
    assert sams_texts(journal) == 2


def test_one_already_in_the_journal_matches_one_of_the_file(
    journal: Journal, tmp_path: Path
) -> None:
    path = export_with(tmp_path, texts=2)
    texts_with_sam(journal, 1)
    outcome = journal.import_json(path, "merge")
    assert outcome.added == {"contacts": 1}
    assert sams_texts(journal) == 2
    assert journal.import_json(path, "merge").added == {}  # the same file again: nothing
    assert sams_texts(journal) == 2


def test_the_journal_having_more_than_the_file_adds_none(journal: Journal, tmp_path: Path) -> None:
    path = export_with(tmp_path, texts=2)
    texts_with_sam(journal, 3)
    assert journal.import_json(path, "merge").added == {}
    assert sams_texts(journal) == 3


def test_identical_topics_in_the_file_are_kept_too(journal: Journal, tmp_path: Path) -> None:
    document = json.loads(export_with(tmp_path, texts=0).read_text())
    document["tables"]["agenda"] = [
        {"id": i, "created_on": TODAY.isoformat(), "text": "sleep"} for i in (1, 2)
    ]
    path = tmp_path / "topics.json"
    path.write_text(json.dumps(document))
    journal.add_person("Ana", "family")
    assert journal.import_json(path, "merge").added == {"agenda": 2}


def test_the_command_line_reports_both_texts(tmp_path: Path, capsys) -> None:
    path = export_with(tmp_path, texts=2)
    target = tmp_path / "target"
    journal = Journal.open(target, clock=fixed_clock)
    journal.add_person("Ana", "family")
    journal.close()
    assert (
        main(["import", str(path), "--format", "json", "--merge", "--data-dir", str(target)]) == 0
    )
    assert "Imported: 1 person, 2 contacts." in capsys.readouterr().out
