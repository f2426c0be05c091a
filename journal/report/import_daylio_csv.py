"""Daylio's four CSV layouts, read into entries (``import_daylio.DaylioEntry``).

As Daylio has written them over the years (oldest first)::

    1  year,date,weekday,time,mood,activities,note                      (date "18 May")
    2  full_date,date,weekday,time,mood,activities,note
    3  full_date,date,weekday,time,mood,activities,note_title,note
    4  full_date,date,weekday,time,mood,activities,scales,note_title,note

Rows come newest first, several a day, times as "6:50 pm" or "14:58", activities joined by
``" | "``, names with trailing spaces, notes in HTML, sometimes after a UTF-8 BOM. The oldest
layout names its month in the phone's language. A sleep scale ("Sleep Time: 8:00", "Sleep
hours: 7.5") fills the day's sleep hours; every other scale is kept, as written, for the note.
Errors name the line and the column.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from journal.domain.errors import ValidationError
from journal.i18n import translate
from journal.report.import_common import (
    CsvRow,
    check_columns,
    check_width,
    note_from_html,
    read_csv,
)
from journal.report.import_daylio import DaylioEntry, DaylioFile

#: The columns of each layout, by the name ``ImportPreview.source`` gives it.
_SINCE_2 = ("full_date", "date", "weekday", "time", "mood", "activities")
LAYOUTS = {
    "daylio-csv-1": ("year", *_SINCE_2[1:], "note"),
    "daylio-csv-2": (*_SINCE_2, "note"),
    "daylio-csv-3": (*_SINCE_2, "note_title", "note"),
    "daylio-csv-4": (*_SINCE_2, "scales", "note_title", "note"),
}
#: The columns a message names as a Daylio export's.
NEW_COLUMNS = LAYOUTS["daylio-csv-3"]


# Month names as Daylio's older layout writes them in the phone's language ("18 May",
# "18. Mai", "18 mai", "May 18"): the common European languages, full and abbreviated.
_MONTHS = {
    1: "january jan januar janvier janv enero ene gennaio gen janeiro jan januari styczeń sty",
    2: "february feb februar février févr fevrier febrero febbraio fevereiro fev februari luty lut",
    3: "march mar märz maerz mars marzo março marco maart marzec",
    4: "april apr avril avr abril abr aprile apr april kwiecień kwi",
    5: "may mai mayo maggio mag maio mei maj",
    6: "june jun juni juin junio giugno giu junho czerwiec cze",
    7: "july jul juli juillet juil julio luglio lug julho lipiec lip",
    8: "august aug août aout agosto ago augustus sierpień sie",
    9: "september sep sept septembre septiembre settembre set setembro wrzesień wrz",
    10: "october oct oktober okt octobre octubre ottobre ott outubro out październik paź",
    11: "november nov novembre noviembre novembre novembro listopad lis",
    12: "december dec dezember dez décembre decembre diciembre dic dicembre dezembro grudzień gru",
}


def _plain(word: str) -> str:
    """``word`` without case or accents, as month names are compared ("déc" is "dec")."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c)
    )


MONTH_NAMES = {_plain(name): month for month, names in _MONTHS.items() for name in names.split()}
_DAY_MONTH = re.compile(r"^\s*(\d{1,2})\.?\s+([^\W\d_]+)\.?\s*$")
_MONTH_DAY = re.compile(r"^\s*([^\W\d_]+)\.?\s+(\d{1,2})\.?\s*$")


def _old_date(date: str, year: str) -> dt.date | None:
    match = _DAY_MONTH.match(date)
    if match:
        day, month_name = match.group(1), match.group(2)
    else:
        match = _MONTH_DAY.match(date)
        if not match:
            return None
        month_name, day = match.group(1), match.group(2)
    month = MONTH_NAMES.get(_plain(month_name))
    try:
        return dt.date(int(year), month, int(day)) if month else None
    except ValueError:
        return None


def _parse_date(row: Mapping[str, str], line: int) -> dt.date:
    if "full_date" in row:
        try:
            return dt.date.fromisoformat(row["full_date"].strip())
        except ValueError:
            raise ValidationError(
                "full_date",
                translate(
                    "imports", "line {line}: {column} “{value}” is not a date like {example}"
                ).format(
                    line=line, column="full_date", value=row["full_date"], example="2024-01-31"
                ),
            ) from None
    found = _old_date(row["date"], row["year"].strip())
    if found is None:
        raise ValidationError(
            "date",
            translate(
                "imports", "line {line}: date “{date}” with year “{year}” is not a date"
            ).format(line=line, date=row["date"], year=row["year"]),
        )
    return found


_SLEEP_WORDS = ("time", "hour", "duration", "length", "amount", "slept")
_HOURS = re.compile(
    r"^\s*(\d{1,2})(?:[:h]\s*(\d{1,2})\s*m?|[.,](\d+))?\s*"
    r"(?:h|hrs?|hours?)?\s*$",
    re.IGNORECASE,
)


def sleep_hours(name: str, value: str) -> float | None:
    """Hours of sleep when ``name: value`` is a sleep-duration scale ("Sleep Time: 8:00",
    "Sleep hours: 7.5", "Sleep duration: 7h 30m"), else ``None`` (kept in the note)."""
    words = name.casefold()
    if "sleep" not in words or not any(w in words for w in _SLEEP_WORDS):
        return None
    match = _HOURS.match(value)
    if not match:
        return None
    hours = float(match.group(1))
    if match.group(2):
        if int(match.group(2)) > 59:
            return None
        hours += int(match.group(2)) / 60
    elif match.group(3):
        hours += float("0." + match.group(3))
    return round(hours, 2) if hours <= 24 else None


def _scales(text: str) -> tuple[float | None, list[str]]:
    """The sleep hours among Daylio's scales, and the others as written."""
    hours: float | None = None
    kept: list[str] = []
    for part in (p.strip() for p in text.split("|") if p.strip()):
        name, sep, value = part.partition(":")
        found = sleep_hours(name, value) if sep else None
        if found is not None and hours is None:
            hours = found
        else:
            kept.append(part)
    return hours, kept


def _layout(header: list[str]) -> str:
    columns = set(header)
    if "full_date" not in columns:
        return "daylio-csv-1"
    if "scales" in columns:
        return "daylio-csv-4"
    return "daylio-csv-3" if "note_title" in columns else "daylio-csv-2"


def _entry(row: CsvRow, expected: tuple[str, ...]) -> DaylioEntry:
    check_width(row, len(expected))
    values, line = row.values, row.line
    activities = [a.strip() for a in values["activities"].split("|") if a.strip()]
    hours, scales = _scales(values.get("scales", ""))
    return DaylioEntry(
        line,
        _parse_date(values, line),
        values["time"].strip(),
        values["mood"].strip(),
        activities,
        values.get("note_title", "").strip(),
        note_from_html(values["note"]),
        sleep_hours=hours,
        scales=scales,
    )


def read_daylio_csv(path: Path) -> DaylioFile:
    """Read a Daylio CSV of any of the four layouts, told apart by its columns."""
    table = read_csv(path)
    source = _layout(table.header)
    expected = LAYOUTS[source]
    check_columns(
        table.header,
        expected,
        translate(
            "imports", "line {line}: missing column {column} (a Daylio export has {columns})"
        ),
        columns=",".join(NEW_COLUMNS),
    )
    return DaylioFile(source, [_entry(row, expected) for row in table.rows])
