import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from journal.domain.errors import ValidationError
from journal.services import Journal
from journal.store.schema import TABLES
from tests.helpers import TODAY


def test_csv_zip_has_every_table_and_a_wide_day_file(demo_journal: Journal, tmp_path: Path) -> None:
    out = demo_journal.export_csv(tmp_path / "journal.zip")
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        assert names == {f"{t}.csv" for t in TABLES} | {"days_wide.csv"}
        days = list(csv.DictReader(io.StringIO(archive.read("days.csv").decode())))
        wide = list(csv.DictReader(io.StringIO(archive.read("days_wide.csv").decode())))
    assert len(days) == demo_journal.db["days"].count
    row = next(r for r in wide if r["date"] == TODAY.isoformat())
    contacts = demo_journal.contacts_on(TODAY)
    assert int(row["contacts"]) == len(contacts)
    assert int(row["meaningful_contacts"]) == sum(c.quality >= 4 for c in contacts)
    assert int(row["contacts:friend"]) == sum(c.kind == "friend" for c in contacts)
    assert any(k.startswith("doses_taken:Sertraline") for k in row)


NEW_LAYOUT = """full_date,date,weekday,time,mood,activities,note_title,note
2026-03-10,March 10,Tuesday,21:00,good,friends | walk,,"Nice <b>evening</b>"
2026-03-10,March 10,Tuesday,08:00,awful,work,Morning,"Hard start"
2026-03-09,March 9,Monday,20:00,Chill,family | reading,,""
"""
OLD_LAYOUT = """year,date,weekday,time,mood,activities,note
2026,8 March,Sunday,11:54 pm,meh,"friends | gaming",""
2026,7 March,Saturday,10:21 pm,rad,"",""
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "daylio.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_daylio_current_layout_with_mapping(journal: Journal, tmp_path: Path) -> None:
    path = _write(tmp_path, NEW_LAYOUT)
    with pytest.raises(ValidationError, match="line 4: mood “Chill” is not mapped"):
        journal.preview_daylio(path)
    mapping = {
        "friends": "friend",
        "family": "family/video",
        "walk": "coping",
        "reading": "coping:books",
        "work": "none",
    }
    preview = journal.preview_daylio(path, {"chill": "6"}, mapping)
    assert journal.is_empty()  # a preview writes nothing
    assert preview.unmapped_activities == ["work"]
    journal.import_daylio(path, {"chill": "6"}, mapping)
    tenth = journal.day(dt.date(2026, 3, 10))
    assert tenth.mood == 4  # (awful 1 + good 7) / 2
    assert tenth.coping == ("walk",)
    assert tenth.note == "08:00 — Morning: Hard start\n\n21:00 — Nice evening"
    ninth = journal.day(dt.date(2026, 3, 9))
    assert (ninth.mood, ninth.coping) == (6, ("books",))
    contacts = journal.contacts_on(dt.date(2026, 3, 9))
    assert [(c.kind, c.mode, c.quality) for c in contacts] == [("family", "video", 3)]


def test_daylio_older_layout(journal: Journal, tmp_path: Path) -> None:
    path = _write(tmp_path, OLD_LAYOUT)
    journal.import_daylio(path, {}, {"friends": "friend"})
    assert journal.day(dt.date(2026, 3, 8)).mood == 5
    assert journal.day(dt.date(2026, 3, 7)).mood == 9
    assert len(journal.contacts_on(dt.date(2026, 3, 8))) == 1


def test_daylio_leaves_existing_days_alone(journal: Journal, tmp_path: Path, make_day) -> None:
    journal.save_day(make_day(date=dt.date(2026, 3, 7), mood=2, note="mine"))
    preview = journal.import_daylio(_write(tmp_path, OLD_LAYOUT))
    assert preview.skipped_days == [dt.date(2026, 3, 7)]
    assert journal.day(dt.date(2026, 3, 7)).note == "mine"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("full_date,date,weekday,time,activities,note_title,note\n", "missing column mood"),
        (
            "full_date,date,weekday,time,mood,activities,note_title,note\n"
            "2026-13-01,x,y,10:00,good,,,\n",
            "line 2: full_date “2026-13-01” is not a date",
        ),
        (
            "year,date,weekday,time,mood,activities,note\n2026,31 Smarch,x,10:00,good,,\n",
            "line 2: date “31 Smarch”",
        ),
        (
            "full_date,date,weekday,time,mood,activities,note_title,note\n"
            "2999-01-01,x,y,10:00,good,,,\n",
            "line 2: 2999-01-01 is in the future",
        ),
        (
            "full_date,date,weekday,time,mood,activities,note_title,note\n2026-01-01,x\n",
            "line 2: expected 8 columns",
        ),
    ],
)
def test_daylio_bad_files_write_nothing(
    journal: Journal, tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        journal.import_daylio(_write(tmp_path, text))
    assert journal.is_empty()
    assert TODAY  # the fixed clock keeps "future" stable
