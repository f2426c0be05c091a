"""Import from Bearable's CSV export, with a mapping the person confirms.

Bearable writes one row per reading::

    date,weekday,time of day,category,rating/amount,detail,notes

``time of day`` is a clock time ("14:30", "2:30 pm") or one of ``am``, ``mid``, ``pm`` and
``all day``; ``detail`` holds lists joined by ``" | "``. What each category becomes:

- **Mood**: Bearable's mood rating, 0-10 as Bearable shows it, is kept as the same number on
  the journal's 0-10 mood. Several readings on one day: their mean, rounded half up
  (6.5 → 7). A file whose moods are all 1-5 may come from a five-point scale: then the
  person says which it is (the mapping step, or ``--mood-scale 5`` / ``10``), and a 1-5 mood
  is spread over 0-10 as energy is.
- **Energy**: Bearable's 1-5 is spread over 0-10 as (energy − 1) × 2.5, after the day's mean,
  rounded half up: 1 → 0, 2 → 3, 3 → 5, 4 → 8, 5 → 10.
- **Sleep**: an amount of hours ("7:30", "7.5") fills the day's sleep hours; several on one
  day (a nap) are added up. A sleep-quality reading is kept in the note.
- **Factors**: each factor in ``detail`` is a coping tag by default; ``--activity-map``
  (or the app's mapping step) makes it a contact of a kind, another tag, or nothing.
- Every other category (Symptoms, Medication, Emotions, custom ratings …) and every note is
  kept, as written, in the day's note, in time order, so nothing the person wrote is lost.

A check-in needs a mood, so a day with readings but no mood is not imported (the preview
lists it). A day that already has a check-in in the journal is left as it is and reported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from journal.domain.errors import ValidationError
from journal.domain.records import Day
from journal.domain.validate import number
from journal.i18n import QT_TRANSLATE_NOOP, translate
from journal.report.import_common import (
    ActivityTarget,
    CsvRow,
    ImportPreview,
    activities_of_day,
    check_columns,
    check_width,
    clock_minutes,
    mean_rounded,
    read_csv,
)

COLUMNS = ("date", "weekday", "time of day", "category", "rating/amount", "detail", "notes")
#: Where the words of ``time of day`` fall in the day, for putting notes in order.
PARTS_OF_DAY = {"all day": -1, "am": 9 * 60, "mid": 13 * 60, "pm": 19 * 60}
MOOD_RANGE = (0.0, 10.0)
ENERGY_RANGE = (1.0, 5.0)
#: The rules above, in the words the preview states them (app and command line).
RULES = (
    QT_TRANSLATE_NOOP(
        "imports",
        "Mood: Bearable's 0-10 kept as it is; several readings on one "
        "day become their mean, rounded half up (6.5 → 7).",
    ),
    QT_TRANSLATE_NOOP(
        "imports",
        "Energy: Bearable's 1-5 becomes 0, 3, 5, 8 or 10 (the day's "
        "mean × 2.5 from 0, rounded half up).",
    ),
    QT_TRANSLATE_NOOP(
        "imports", "Mood on a 1-5 scale: spread over 0-10 as energy is (the day's mean first)."
    ),
    QT_TRANSLATE_NOOP(
        "imports",
        "Sleep: hours are added up per day; sleep quality, symptoms, "
        "medication and other readings are kept in the note.",
    ),
)


def rules(mood_scale: int | None) -> list[str]:
    """The rules that apply (untranslated; the caller translates in ``imports``)."""
    return [rule for rule in RULES if mood_scale == 5 or "1-5 scale" not in rule]


@dataclass(slots=True)
class BearableDay:
    """The readings of one day, gathered before they become a check-in."""

    first_line: int
    moods: list[float] = field(default_factory=list)
    mood_lines: list[int] = field(default_factory=list)
    energy: list[float] = field(default_factory=list)
    sleep: float | None = None
    factors: list[str] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)


def _where(line: int, column: str) -> str:
    return translate("imports", "line {line}, column {column}").format(line=line, column=column)


def _bad(line: int, column: str, value: str, what: str) -> ValidationError:
    return ValidationError(
        column,
        translate("imports", "{where}: “{value}” is not {what}").format(
            where=_where(line, column), value=value, what=what
        ),
    )


def _date(line: int, text: str) -> dt.date:
    value = text.strip()
    try:
        return dt.date.fromisoformat(value[:10] if len(value) > 10 and value[10] in "T " else value)
    except ValueError:
        raise _bad(
            line,
            "date",
            text,
            translate("imports", "a date like {example}").format(example="2024-01-31"),
        ) from None


def _time(line: int, text: str) -> int:
    value = " ".join(text.casefold().split())
    if value in PARTS_OF_DAY:
        return PARTS_OF_DAY[value]
    minutes = clock_minutes(value) if value else -1
    if minutes is None:
        raise _bad(
            line,
            "time of day",
            text,
            translate("imports", "a time (14:30 or 2:30 pm) or one of {words}").format(
                words="am, mid, pm, all day"
            ),
        )
    return minutes


def _rating(line: int, text: str, low: float, high: float) -> float:
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        value = float("nan")
    if not low <= value <= high:  # also false for nan
        raise _bad(
            line,
            "rating/amount",
            text,
            translate("imports", "a rating {low}-{high}").format(
                low=number(int(low)), high=number(int(high))
            ),
        )
    return value


_HOURS = re.compile(r"^\s*(\d{1,2})(?::(\d{2})|[.,](\d+))?\s*(?:h|hrs?|hours?)?\s*$", re.IGNORECASE)


def _hours(text: str) -> float | None:
    match = _HOURS.match(text)
    if not match or (match.group(2) and int(match.group(2)) > 59):
        return None
    hours = float(match.group(1)) + (int(match.group(2)) / 60 if match.group(2) else 0)
    if match.group(3):
        hours += float("0." + match.group(3))
    return round(hours, 2)


def _note_line(category: str, amount: str, detail: str, notes: str) -> str:
    text = ": ".join(filter(None, [category, " — ".join(filter(None, [detail, amount]))]))
    return "\n".join(filter(None, [text, notes]))


def _gather(row: CsvRow, days: dict[dt.date, BearableDay], preview: ImportPreview) -> None:
    check_width(row, len(COLUMNS))
    values, line = row.values, row.line
    date = _date(line, values["date"])
    minutes = _time(line, values["time of day"])
    day = days.setdefault(date, BearableDay(line))
    category = values["category"].strip()
    kind = category.casefold()
    amount, detail = values["rating/amount"].strip(), values["detail"].strip()
    notes = values["notes"].strip()
    time = values["time of day"].strip()
    if kind == "mood" and amount:
        day.moods.append(_rating(line, amount, *MOOD_RANGE))
        day.mood_lines.append(line)
        kept = notes
    elif kind == "energy" and amount:
        day.energy.append(_rating(line, amount, *ENERGY_RANGE))
        kept = notes
    elif kind == "sleep" and "quality" not in detail.casefold() and _hours(amount) is not None:
        day.sleep = (day.sleep or 0.0) + (_hours(amount) or 0.0)
        kept = "\n".join(filter(None, [detail, notes]))
    elif kind in ("factors", "factor"):
        day.factors.extend(f.strip() for f in detail.split("|") if f.strip())
        kept = notes
    else:
        kept = _note_line(category, amount, detail, notes)
        if category and (amount or detail):
            preview.kept_in_notes[category] = preview.kept_in_notes.get(category, 0) + 1
    if kept:
        day.notes.append((minutes, f"{time} — {kept}" if time else kept))


def read_bearable(path: Path) -> tuple[dict[dt.date, BearableDay], ImportPreview]:
    """Read the CSV whole into days; errors name the line and the column."""
    table = read_csv(path, lower=True)
    check_columns(
        table.header,
        COLUMNS,
        translate(
            "imports", "line {line}: missing column {column} (a Bearable export has {columns})"
        ),
        columns=",".join(COLUMNS),
    )
    preview = ImportPreview(source="bearable", entries=len(table.rows))
    days: dict[dt.date, BearableDay] = {}
    for row in table.rows:
        _gather(row, days, preview)
    return days, preview


@dataclass(frozen=True, slots=True)
class BearableQuestions:
    """What the mapping step asks about a file: its factors, and the mood scale when every
    mood is 1-5."""

    factors: list[str]
    asks_mood_scale: bool


def questions(path: Path) -> BearableQuestions:
    days, _preview = read_bearable(path)
    return BearableQuestions(
        sorted({f for d in days.values() for f in d.factors}, key=str.casefold),
        needs_mood_scale(days) and any(d.moods for d in days.values()),
    )


def needs_mood_scale(days: dict[dt.date, BearableDay]) -> bool:
    """Every mood is 1-5 (or there are none): it may be a five-point scale, so ask."""
    moods = [m for d in days.values() for m in d.moods]
    return all(1 <= m <= 5 for m in moods)


def check_mood_scale(text: str | int | None) -> int | None:
    """``5``, ``10`` or ``None`` (not given)."""
    if text in (None, ""):
        return None
    if str(text).strip() in ("5", "10"):
        return int(str(text).strip())
    raise ValidationError(
        "mood_scale",
        translate("imports", "mood scale: “{value}” must be {five} or {ten}").format(
            value=text, five=number(5), ten=number(10)
        ),
    )


def plan_import(
    path: Path,
    activity_map: Mapping[str, ActivityTarget],
    existing_days: set[dt.date],
    today: dt.date,
    mood_scale: int | None = None,
) -> ImportPreview:
    """What importing the file would write with this mapping (factors not in it are coping
    tags); raises ``ValidationError`` naming the line and column of the first bad value, or
    asking for ``mood_scale`` when every mood is 1-5."""
    days, preview = read_bearable(path)
    if mood_scale is None and needs_mood_scale(days) and any(d.moods for d in days.values()):
        raise ValidationError(
            "mood_scale",
            translate(
                "imports",
                "mood scale: every mood in this file is between {low} and {high}; say "
                "whether Bearable's scale was 1-5 or 0-10, e.g. {example}",
            ).format(low=number(1), high=number(5), example="--mood-scale 10"),
        )
    five = mood_scale == 5
    if five:
        for line, mood in (
            (n, m) for d in days.values() for n, m in zip(d.mood_lines, d.moods, strict=True)
        ):
            if not 1 <= mood <= 5:
                raise _bad(
                    line,
                    "rating/amount",
                    f"{mood:g}",
                    translate("imports", "a rating {low}-{high}").format(
                        low=number(1), high=number(5)
                    ),
                )
    targets = {k.casefold(): v for k, v in activity_map.items()}
    preview.activities = sorted({f for d in days.values() for f in d.factors}, key=str.casefold)
    for name in preview.activities:
        targets.setdefault(name.casefold(), ActivityTarget(coping=name))
    preview.unmapped_activities = [
        a for a in preview.activities if targets[a.casefold()] == ActivityTarget()
    ]
    for date in sorted(days):
        day = days[date]
        if date > today:
            raise ValidationError(
                "date",
                translate("imports", "{where}: {date} is in the future").format(
                    where=_where(day.first_line, "date"), date=date.isoformat()
                ),
            )
        if date in existing_days:
            preview.skipped_days.append(date)
            continue
        if not day.moods:
            preview.days_without_mood.append(date)
            continue
        energy = (
            mean_rounded([(sum(day.energy) / len(day.energy) - 1) * 2.5]) if day.energy else None
        )
        coping, contacts = activities_of_day(date, day.factors, targets, "Bearable")
        note = "\n\n".join(text for _minutes, text in sorted(day.notes, key=lambda n: n[0]))
        try:
            mood = (
                mean_rounded([(sum(day.moods) / len(day.moods) - 1) * 2.5])
                if five
                else mean_rounded(day.moods)
            )
            preview.days.append(
                Day(
                    date=date,
                    mood=mood,
                    energy=energy,
                    sleep_hours=day.sleep,
                    coping=tuple(coping),
                    note=note,
                )
            )
        except ValidationError as error:
            raise ValidationError(
                error.field,
                translate("imports", "line {line}: {message}").format(
                    line=day.first_line, message=error.message
                ),
            ) from None
        preview.sleep_days += day.sleep is not None
        preview.contacts.extend(contacts)
    return preview
