"""A cancelled JSON or CSV export leaves no file, and an earlier file as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.domain.records import Day
from journal.progress import Cancelled
from journal.services import Journal
from tests.helpers import TODAY


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_a_cancel_before_the_file_is_in_place_writes_nothing(
    journal: Journal, tmp_path: Path, kind: str
) -> None:
    journal.save_day(Day(date=TODAY, mood=6))
    export = journal.export_json if kind == "json" else journal.export_csv
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / f"export.{kind}"
    with pytest.raises(Cancelled):
        export(out, cancelled=lambda: True)
    assert list(folder.iterdir()) == []
    out.write_bytes(b"earlier")
    asked = []

    def late() -> bool:  # false at the start, true once the file is written
        asked.append(True)
        return len(asked) > 1

    with pytest.raises(Cancelled):
        export(out, cancelled=late)
    assert out.read_bytes() == b"earlier"
    assert [p.name for p in folder.iterdir()] == [out.name]
    assert export(out) == out and out.read_bytes() != b"earlier"
