"""Bearable: one row per reading, the mapping of each category, and bad files that write
nothing. Every file is generated here."""

import csv
import datetime as dt
from pathlib import Path

import pytest

from journal.cli import main
from journal.domain.errors import ValidationError
from journal.report.import_common import detect_format
from journal.services import Journal

HEADER = "date,weekday,time of day,category,rating/amount,detail,notes\n"
SAMPLE = (
    HEADER
    + """2026-03-10,Tue,pm,Mood,8,,
2026-03-10,Tue,am,Mood,5,,slow <start>
2026-03-10,Tue,2:30 pm,Mood,6,,
2026-03-10,Tue,all day,Energy,2,,
2026-03-10,Tue,all day,Energy,3,,
2026-03-10,Tue,am,Sleep,7:30,,
2026-03-10,Tue,mid,Sleep,0.5,nap,
2026-03-10,Tue,am,Sleep,4,Sleep quality,
2026-03-10,Tue,all day,Factors,,Friends | Walk | Caffeine ,
2026-03-10,Tue,14:30,Symptoms,2,Headache (Mild) | Nausea,
2026-03-10,Tue,am,Medication,1,Sertraline 50mg,
2026-03-09,Mon,all day,Energy,4,,no mood logged
2026-03-08,Sun,am,Mood,10,,
"""
)


def _write(tmp_path: Path, text: str, bom: bool = False) -> Path:
    path = tmp_path / "bearable.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


@pytest.mark.parametrize("bom", [False, True], ids=["plain", "bom"])
def test_each_category_becomes_what_the_preview_says(
    journal: Journal, tmp_path: Path, bom: bool
) -> None:
    path = _write(tmp_path, SAMPLE, bom)
    assert detect_format(path) == "bearable"
    preview = journal.import_bearable(path, {"friends": "friend/video", "caffeine": "none"})
    tenth = journal.day(dt.date(2026, 3, 10))
    assert tenth.mood == 6  # (8 + 5 + 6) / 3 = 6.33, rounded half up
    assert tenth.energy == 4  # mean 2.5 → (2.5 − 1) × 2.5 = 3.75, rounded half up
    assert tenth.sleep_hours == 8.0  # 7:30 and a half-hour nap; the quality 4 is not hours
    assert tenth.coping == ("Walk",)  # factors are coping tags unless mapped
    assert [(c.kind, c.mode, c.quality) for c in journal.contacts_on(tenth.date)] == [
        ("friend", "video", 3)
    ]
    # every other reading and every note is kept, in time order
    lines = tenth.note.split("\n\n")
    assert lines[0] == "am — slow <start>"
    assert "am — Sleep: Sleep quality — 4" in lines
    assert "am — Medication: Sertraline 50mg — 1" in lines
    assert "14:30 — Symptoms: Headache (Mild) | Nausea — 2" in lines
    assert "mid — nap" in lines
    assert preview.kept_in_notes == {"Sleep": 1, "Medication": 1, "Symptoms": 1}
    assert preview.days_without_mood == [dt.date(2026, 3, 9)]  # a check-in needs a mood
    assert journal.day(dt.date(2026, 3, 9)) is None
    assert journal.day(dt.date(2026, 3, 8)).mood == 10
    assert preview.unmapped_activities == ["Caffeine"]


@pytest.mark.parametrize(
    ("energy", "expected"), [("1", 0), ("2", 3), ("3", 5), ("4", 8), ("5", 10)]
)
def test_energy_1_to_5_is_spread_over_0_to_10(
    journal: Journal, tmp_path: Path, energy: str, expected: int
) -> None:
    path = _write(
        tmp_path, HEADER + f"2026-03-10,Tue,am,Mood,7,,\n2026-03-10,Tue,am,Energy,{energy},,\n"
    )
    assert journal.preview_bearable(path).days[0].energy == expected


def test_a_file_whose_moods_are_all_1_to_5_asks_for_the_scale(
    journal: Journal, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        tmp_path,
        HEADER + "2026-03-10,Tue,am,Mood,2,,\n2026-03-10,Tue,pm,Mood,3,,\n"
        "2026-03-09,Mon,pm,Mood,5,,\n",
    )
    with pytest.raises(ValidationError, match="say whether Bearable's scale was 1-5 or 0-10"):
        journal.preview_bearable(path)
    assert journal.bearable_questions(path).asks_mood_scale
    assert [d.mood for d in journal.preview_bearable(path, mood_scale=10).days] == [5, 3]
    assert [d.mood for d in journal.preview_bearable(path, mood_scale="5").days] == [10, 4]
    folder = str(tmp_path / "cli")
    assert main(["import", str(path), "--format", "bearable", "--data-dir", folder]) == 2
    assert "--mood-scale 10" in capsys.readouterr().err
    assert (
        main(
            [
                "import",
                str(path),
                "--format",
                "bearable",
                "--mood-scale",
                "5",
                "--dry-run",
                "--data-dir",
                folder,
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Mood on a 1-5 scale" in out and "Nothing was written" in out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("date,category,rating\n2026-01-01,Mood,5\n", "missing column weekday"),
        (
            HEADER + "10/03/2026,Tue,am,Mood,7,,\n",
            "line 2, column date: “10/03/2026” is not a date like 2024-01-31",
        ),
        (
            HEADER + "2026-03-10,Tue,am,Mood,7,,\n2026-03-10,Tue,noon,Mood,7,,\n",
            "line 3, column time of day: “noon” is not a time",
        ),
        (
            HEADER + "2026-03-10,Tue,am,Mood,7,,\n2026-03-10,Tue,am,Mood,great,,\n",
            "line 3, column rating/amount: “great” is not a rating 0-10",
        ),
        (
            HEADER + "2026-03-10,Tue,am,Mood,7,,\n2026-03-10,Tue,am,Energy,9,,\n",
            "line 3, column rating/amount: “9” is not a rating 1-5",
        ),
        (
            HEADER + "2999-03-10,Tue,am,Mood,7,,\n",
            "line 2, column date: 2999-03-10 is in the future",
        ),
        (HEADER + "2026-03-10,Tue,am,Mood,7\n", "line 2: expected 7 columns"),
    ],
)
def test_bad_files_write_nothing(journal: Journal, tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        journal.import_bearable(_write(tmp_path, text), mood_scale=10)
    assert journal.is_empty()


def test_days_already_in_the_journal_are_left_alone(
    journal: Journal, tmp_path: Path, make_day
) -> None:
    journal.save_day(make_day(date=dt.date(2026, 3, 8), mood=2, note="mine"))
    preview = journal.import_bearable(_write(tmp_path, SAMPLE))
    assert preview.skipped_days == [dt.date(2026, 3, 8)]
    assert journal.day(dt.date(2026, 3, 8)).note == "mine"


def test_the_cli_names_the_rules_and_refuses_another_apps_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, SAMPLE)
    folder = str(tmp_path / "j")
    assert (
        main(
            [
                "import",
                str(path),
                "--format",
                "bearable",
                "--dry-run",
                "--activity-map",
                "friends=friend",
                "--data-dir",
                folder,
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Bearable CSV: 13 rows." in out and "rounded half up (6.5 → 7)" in out
    assert "0, 3, 5, 8 or 10" in out and "Symptoms (1)" in out
    assert "Not imported (a check-in needs a mood): 1 day with no mood reading." in out
    assert main(["import", str(path), "--format", "daylio", "--data-dir", folder]) == 2
    assert "looks like a Bearable export: use --format bearable" in capsys.readouterr().err
    assert main(["check", "--data-dir", folder]) == 0
    assert "days                   0" in capsys.readouterr().out
    assert (
        main(
            [
                "import",
                str(path),
                "--format",
                "bearable",
                "--activity-map",
                "friends=friend/phone",
                "--data-dir",
                folder,
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.endswith("Imported.\n")
    assert main(["check", "--data-dir", folder]) == 0
    out = capsys.readouterr().out
    assert "days                   2" in out and "contacts               1" in out


def test_a_field_over_the_csv_limit_names_its_line(journal: Journal, tmp_path: Path) -> None:
    huge = "y" * (csv.field_size_limit() + 1)
    path = _write(
        tmp_path, HEADER + f'2026-03-10,Tue,am,Mood,7,,\n2026-03-10,Tue,am,Mood,7,,"{huge}"\n'
    )
    with pytest.raises(ValidationError, match="line 3: a field is longer than"):
        journal.import_bearable(path)
    assert journal.is_empty()


def test_a_mood_outside_the_chosen_five_point_scale_names_its_line(
    journal: Journal, tmp_path: Path
) -> None:
    path = _write(tmp_path, HEADER + "2026-03-10,Tue,am,Mood,3,,\n2026-03-10,Tue,pm,Mood,8,,\n")
    with pytest.raises(
        ValidationError, match="line 3, column rating/amount: “8” is not a rating 1-5"
    ):
        journal.import_bearable(path, mood_scale=5)
    assert journal.is_empty()
