"""Daylio: every CSV layout and quirk, the .daylio backup, and bad files that write nothing.

Every file is generated here; none is a real person's export.
"""

import base64
import csv
import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import pytest

from journal.cli import main
from journal.domain.errors import ValidationError
from journal.report.import_common import detect_format, note_from_html
from journal.report.import_daylio import read_daylio
from journal.report.import_daylio_csv import sleep_hours
from journal.services import Journal

MARCH_10, MARCH_9 = dt.date(2026, 3, 10), dt.date(2026, 3, 9)


def _write(tmp_path: Path, text: str, name: str = "daylio.csv", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


LAYOUT_1 = """year,date,weekday,time,mood,activities,note
2026,10 March,Tuesday,6:50 pm,good ,friends | walk ,"Evening <b>out</b>"
2026,10 March,Tuesday,8:05 am,awful,work,"Hard start"
2026,9 March,Monday,14:58,meh,,""
"""
LAYOUT_2 = """full_date,date,weekday,time,mood,activities,note
2026-03-10,March 10,Tuesday,6:50 pm,good ,friends | walk ,"Evening <b>out</b>"
2026-03-10,March 10,Tuesday,8:05 am,awful,work,"Hard start"
2026-03-09,March 9,Monday,14:58,meh,,""
"""
LAYOUT_3 = """full_date,date,weekday,time,mood,activities,note_title,note
2026-03-10,March 10,Tuesday,6:50 pm,good ,friends | walk ,Out,"Evening <b>out</b>"
2026-03-10,March 10,Tuesday,8:05 am,awful,work,,"Hard start"
2026-03-09,March 9,Monday,14:58,meh,,,""
"""
LAYOUT_4 = """full_date,date,weekday,time,mood,activities,scales,note_title,note
2026-03-10,March 10,Tuesday,6:50 pm,good ,friends | walk ,"Sleep Quality: 8/10 points | \
Sleep Time: 8:00",Out,"Evening <b>out</b>"
2026-03-10,March 10,Tuesday,8:05 am,awful,work,Stress: 4/5,,"Hard start"
2026-03-09,March 9,Monday,14:58,meh,,,,""
"""


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (LAYOUT_1, "daylio-csv-1"),
        (LAYOUT_2, "daylio-csv-2"),
        (LAYOUT_3, "daylio-csv-3"),
        (LAYOUT_4, "daylio-csv-4"),
    ],
    ids=["layout1", "layout2", "layout3", "layout4"],
)
@pytest.mark.parametrize("bom", [False, True], ids=["plain", "bom"])
def test_every_csv_layout_newest_first_several_a_day(
    journal: Journal, tmp_path: Path, text: str, source: str, bom: bool
) -> None:
    path = _write(tmp_path, text, bom=bom)
    assert detect_format(path) == "daylio"
    preview = journal.import_daylio(path, {}, {"friends": "friend/phone", "walk": "coping"})
    assert preview.source == source
    tenth = journal.day(MARCH_10)
    assert tenth.mood == 4  # (awful 1 + good 7) / 2: the entries' mean
    assert tenth.coping == ("walk",)  # " walk " padded, matched as walk
    title = "Out: " if source in ("daylio-csv-3", "daylio-csv-4") else ""
    evening = f"6:50 pm — {title}Evening out"
    # notes in time order (the file is newest first), each headed by its time, HTML gone
    assert tenth.note.startswith("8:05 am — Hard start")
    assert evening in tenth.note
    assert journal.day(MARCH_9).mood == 5  # meh
    contacts = journal.contacts_on(MARCH_10)
    assert [(c.kind, c.mode, c.quality) for c in contacts] == [("friend", "phone", 3)]
    if source == "daylio-csv-4":
        assert tenth.sleep_hours == 8.0  # the sleep scale, not the note
        assert "Sleep Quality: 8/10 points" in tenth.note and "Stress: 4/5" in tenth.note
        assert "Sleep Time" not in tenth.note
        assert preview.kept_in_notes == {"Sleep Quality": 1, "Stress": 1}
        assert preview.sleep_days == 1
    else:
        assert tenth.sleep_hours is None


def test_html_notes_become_text_with_their_line_breaks() -> None:
    assert (
        note_from_html("One<br>two<BR/>three <b>bold</b> &amp; &#39;quoted&#39; &lt;3")
        == "One\ntwo\nthree bold & 'quoted' <3"
    )
    assert note_from_html("<p>First</p><p>Second</p>") == "First\nSecond"


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("18 May", dt.date(2025, 5, 18)),
        ("18. Mai", dt.date(2025, 5, 18)),
        ("18 mai", dt.date(2025, 5, 18)),
        ("May 18", dt.date(2025, 5, 18)),
        ("3 déc.", dt.date(2025, 12, 3)),
        ("1 gen", dt.date(2025, 1, 1)),
    ],
)
def test_the_oldest_layout_reads_localised_dates(
    tmp_path: Path, date: str, expected: dt.date
) -> None:
    path = _write(
        tmp_path, f'year,date,weekday,time,mood,activities,note\n2025,"{date}",x,10:00,good,,\n'
    )
    assert read_daylio(path).entries[0].date == expected


@pytest.mark.parametrize(
    ("name", "value", "hours"),
    [
        ("Sleep Time", "8:00", 8.0),
        ("Sleep hours", "7.5", 7.5),
        ("Sleep Time", "7:30", 7.5),
        ("sleep duration", "6h 45m", 6.75),
        ("Sleep Quality", "8/10 points", None),
        ("Sleep Time", "25:00", None),
        ("Mood", "8:00", None),
    ],
)
def test_only_a_sleep_duration_scale_fills_sleep_hours(
    name: str, value: str, hours: float | None
) -> None:
    assert sleep_hours(name, value) == hours


def test_a_renamed_mood_is_asked_and_every_unknown_one_named(
    journal: Journal, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2026-03-10,x,y,10:00,Super,,,\n2026-03-09,x,y,10:00,Chill,,,\n"
        "2026-03-08,x,y,10:00,rad,,,\n",
    )
    with pytest.raises(
        ValidationError,
        match=re.escape(
            '2 moods are not mapped: “Chill”, “Super”; add them, e.g. --mood-map "Chill=5,Super=5"'
        ),
    ):
        journal.import_daylio(path)
    assert journal.is_empty()
    assert (
        main(["import", str(path), "--format", "daylio", "--data-dir", str(tmp_path / "cli")]) == 2
    )
    preview = journal.import_daylio(path, {"super": "10", "chill": "6"})
    assert (preview.moods_mapped, preview.moods_asked) == (["rad"], ["Chill", "Super"])
    assert [d.mood for d in preview.days] == [9, 6, 10]


def _backup(tmp_path: Path, document: dict, name: str = "export.daylio") -> Path:
    path = tmp_path / name
    encoded = base64.b64encode(json.dumps(document).encode())
    with zipfile.ZipFile(path, "w") as archive:
        # Daylio wraps its base64 in lines; the photos beside it are not read
        archive.writestr(
            "backup.daylio", b"\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76))
        )
        archive.writestr("assets/photos/2026/2/abc", b"\x89PNG")
    return path


def _document() -> dict:
    moods = [
        {"id": level, "custom_name": "", "mood_group_id": level, "predefined_name_id": level}
        for level in range(1, 6)
    ]
    moods += [
        {"id": 6, "custom_name": "Chill ", "mood_group_id": 2, "predefined_name_id": -1},
        {"id": 7, "custom_name": "Wiped", "mood_group_id": 5, "predefined_name_id": -1},
    ]
    return {
        "version": 15,
        "customMoods": moods,
        "tags": [{"id": 1, "name": "friends"}, {"id": 2, "name": "walk "}],
        "dayEntries": [  # newest first, months counted from 0
            {
                "year": 2026,
                "month": 2,
                "day": 10,
                "hour": 18,
                "minute": 50,
                "mood": 6,
                "note": "Met Sam<br>then home",
                "note_title": "Out",
                "tags": [1, 2],
            },
            {
                "year": 2026,
                "month": 2,
                "day": 10,
                "hour": 8,
                "minute": 5,
                "mood": 7,
                "note": "",
                "note_title": "",
                "tags": [],
            },
            {
                "year": 2026,
                "month": 0,
                "day": 31,
                "hour": 9,
                "minute": 0,
                "mood": 1,
                "note": "",
                "note_title": "",
                "tags": [2],
            },
        ],
    }


def test_the_backup_places_custom_moods_by_level_and_counts_months_from_zero(
    journal: Journal, tmp_path: Path
) -> None:
    path = _backup(tmp_path, _document(), name="renamed.zip")  # told by content, not name
    assert detect_format(path) == "daylio-backup"
    preview = journal.import_daylio(path, {}, {"friends": "friend", "walk": "coping"})
    assert preview.source == "daylio-backup" and preview.moods_asked == []
    assert preview.moods_mapped == ["Chill", "rad", "Wiped"]
    tenth = journal.day(MARCH_10)
    assert tenth.mood == 4  # (Chill level 2 → 7, Wiped level 5 → 1) / 2
    assert tenth.note == "18:50 — Out: Met Sam\nthen home"
    assert tenth.coping == ("walk",)
    assert journal.day(dt.date(2026, 1, 31)).mood == 9  # month 0 is January
    assert [c.kind for c in journal.contacts_on(MARCH_10)] == ["friend"]


def test_the_person_may_override_a_level(journal: Journal, tmp_path: Path) -> None:
    path = _backup(tmp_path, _document())
    preview = journal.preview_daylio(path, {"chill": "10", "wiped": "0"})
    assert preview.days[-1].mood == 5
    assert journal.is_empty()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["dayEntries"][1].update(month=12),
            "entry 2: month “12” is not a whole number",
        ),
        (
            lambda d: d["dayEntries"][0].update(month=1, day=30),
            "entry 1: year 2026, month 1 \\(counted from 0\\), day 30 is not a date",
        ),
        (lambda d: d["dayEntries"][2].update(mood=99), "entry 3: mood 99 is not one of"),
        (lambda d: d["dayEntries"][2].update(tags=[5]), "entry 3: activity 5 is not one of"),
        (lambda d: d["dayEntries"][0].update(year=2999), "entry 1: 2999-03-10 is in the future"),
    ],
)
def test_a_bad_backup_writes_nothing(
    journal: Journal, tmp_path: Path, change, message: str
) -> None:
    document = _document()
    change(document)
    with pytest.raises(ValidationError, match=message):
        journal.import_daylio(_backup(tmp_path, document))
    assert journal.is_empty()


@pytest.mark.parametrize("content", [b"PK\x03\x04broken", "zip-without-backup", "not-base64"])
def test_a_damaged_backup_is_refused_calmly(
    journal: Journal, tmp_path: Path, content: object
) -> None:
    path = tmp_path / "x.daylio"
    if content == "zip-without-backup":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("other.txt", "x")
    elif content == "not-base64":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("backup.daylio", "%%% not base64 %%%")
    else:
        path.write_bytes(content)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="not a Daylio backup"):
        journal.import_daylio(path)
    assert journal.is_empty()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("\ufeff\n\n", "is empty"),
        ("date,mood,note\n2026-01-01,good,\n", "missing column year"),
        (
            "full_date,date,weekday,time,mood,activities,note\n2026-02-30,x,y,1:00 pm,good,,\n",
            "line 2: full_date “2026-02-30” is not a date",
        ),
        (
            "year,date,weekday,time,mood,activities,note\n2026,31 Smarch,x,10:00,good,,\n",
            "line 2: date “31 Smarch”",
        ),
        (
            "full_date,date,weekday,time,mood,activities,note\n2026-01-01,x,y,1:00,Blue,,\n",
            "line 2: mood “Blue” is not mapped",
        ),
        (
            "full_date,date,weekday,time,mood,activities,note\n2026-01-01,x,y,1:00,good,,\n"
            "2026-01-02,x\n",
            "line 3: expected 7 columns",
        ),
    ],
)
def test_bad_csv_files_write_nothing(
    journal: Journal, tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        journal.import_daylio(_write(tmp_path, text))
    assert journal.is_empty()


def test_a_field_over_the_csv_limit_is_a_calm_error_naming_its_line(
    journal: Journal, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = "x" * (csv.field_size_limit() + 10)
    path = _write(
        tmp_path,
        "full_date,date,weekday,time,mood,activities,note\n"
        "2026-01-01,x,y,1:00,good,,\n"
        f'2026-01-02,x,y,1:00,good,,"{huge}"\n',
    )
    with pytest.raises(ValidationError, match="line 3: a field is longer than"):
        journal.preview_daylio(path)
    assert (
        main(["import", str(path), "--format", "daylio", "--data-dir", str(tmp_path / "cli")]) == 2
    )
    error = capsys.readouterr().err
    assert "line 3: a field is longer than" in error and "Traceback" not in error
    assert journal.is_empty()


def test_the_cli_dry_run_says_what_comes_in_and_what_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, LAYOUT_4)
    folder = str(tmp_path / "j")
    assert (
        main(
            [
                "import",
                str(path),
                "--format",
                "daylio",
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
    assert "newest layout, with scales" in out and "2 days from 2026-03-09" in out
    assert "Sleep hours on 1 day" in out and "Sleep Quality (1), Stress (1)" in out
    assert "Not imported (map them with --activity-map): walk, work" in out
    assert "Nothing was written" in out
    assert (
        main(
            [
                "import",
                str(_backup(tmp_path, _document())),
                "--format",
                "daylio",
                "--data-dir",
                folder,
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Daylio backup" in out and "3 moods placed by their level, 0 from" in out


def test_a_backup_without_year_month_day_uses_its_datetime_and_offset(
    journal: Journal, tmp_path: Path
) -> None:
    document = _document()
    for entry in document["dayEntries"]:
        del entry["year"], entry["month"], entry["day"]
    # 2026-03-09 23:30 UTC, two hours east: 2026-03-10 01:30 where it was written
    stamp = int(dt.datetime(2026, 3, 9, 23, 30, tzinfo=dt.UTC).timestamp() * 1000)
    document["dayEntries"] = [
        dict(document["dayEntries"][0], datetime=stamp, timeZoneOffset=2 * 3600 * 1000)
    ]
    entry = read_daylio(_backup(tmp_path, document)).entries[0]
    assert (entry.date, entry.time) == (MARCH_10, "01:30")
