"""Import from Daylio's CSV export, with a mapping the person confirms.

Both layouts Daylio has written are read::

    full_date,date,weekday,time,mood,activities,note_title,note      (current)
    year,date,weekday,time,mood,activities,note                       (older; date "18 May")

Moods are labels the person may have renamed: each is mapped to 0-10 (Daylio's five defaults
are pre-filled: rad 9, good 7, meh 5, bad 3, awful 1). Each activity (``" | "``-separated) maps
to a contact kind (optionally with a mode, ``friend/video``), to a coping tag (``coping`` keeps
its name, ``coping:walk`` renames it) or to nothing (``none``, also the default).

Several entries on one day are combined: mood is the mean of the entries' moods rounded half
up; activities are united (one contact per mapped activity per day, "how connected" 3 because
Daylio does not record it); notes are joined in time order, each headed by its time. A day that
already has a check-in in the journal is left as it is and reported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from journal.domain.errors import ValidationError
from journal.domain.kinds import Mode, Relationship
from journal.domain.records import Contact, Day
from journal.domain.validate import number
from journal.i18n import QT_TRANSLATE_NOOP, translate

DEFAULT_MOODS = {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}
NEW_COLUMNS = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title",
               "note")
OLD_COLUMNS = ("year", "date", "weekday", "time", "mood", "activities", "note")
IMPORTED_QUALITY = 3
#: The words for the command line's ``--mood-map`` and ``--activity-map`` in a message (the
#: names themselves are the errors' field keys and stay as they are).
MAP_LABELS = {"mood_map": QT_TRANSLATE_NOOP("imports", "mood map"),
              "activity_map": QT_TRANSLATE_NOOP("imports", "activity map")}

# Messages go through ``translate("imports", …)``. What the file or the command line spells
# (column names, moods, activities, the mapping's own words such as ``coping`` and ``none``,
# ISO dates) is passed in as a field and never translated. A line number is written as plain
# digits, as a text editor or spreadsheet numbers its rows, so the person finds the line.


@dataclass(frozen=True, slots=True)
class ActivityTarget:
    """What one Daylio activity becomes: a contact of ``kind`` (by ``mode``), a coping tag,
    or nothing."""

    kind: Relationship | None = None
    mode: Mode = Mode.IN_PERSON
    coping: str | None = None


def parse_activity_target(activity: str, text: str) -> ActivityTarget:
    """``friend``, ``friend/video``, ``coping``, ``coping:walk`` or ``none``."""
    text = text.strip()
    if text in ("", "none"):
        return ActivityTarget()
    if text == "coping":
        return ActivityTarget(coping=activity)
    if text.startswith("coping:"):
        return ActivityTarget(coping=text[7:].strip() or activity)
    kind, _, mode = text.partition("/")
    try:
        return ActivityTarget(kind=Relationship(kind), mode=Mode(mode or "in_person"))
    except ValueError:
        raise ValidationError("activity_map", translate(
            "imports", "activity map: “{mapping}” is not a contact kind (e.g. {kind} or "
            "{kind_and_mode}), {coping} or {none}").format(
                mapping=f"{activity}={text}", kind="friend", kind_and_mode="friend/video",
                coping="coping", none="none")) from None


def parse_map(text: str, name: str) -> dict[str, str]:
    """``"a=b,c=d"`` into a dict (labels compared without case)."""
    result: dict[str, str] = {}
    for part in (p for p in text.split(",") if p.strip()):
        key, sep, value = part.partition("=")
        if not sep or not key.strip():
            words = MAP_LABELS.get(name)
            raise ValidationError(name, translate(
                "imports", "{name}: expected label=value, got “{part}”").format(
                    name=translate("imports", words) if words else name.replace("_", " "),
                    part=part.strip()))
        result[key.strip().casefold()] = value.strip()
    return result


@dataclass(slots=True)
class DaylioEntry:
    line: int
    date: dt.date
    time: str
    mood: str
    activities: list[str]
    title: str
    note: str


@dataclass(slots=True)
class DaylioPreview:
    """What an import would write, shown before anything is written."""

    days: list[Day] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    skipped_days: list[dt.date] = field(default_factory=list)
    unmapped_activities: list[str] = field(default_factory=list)
    mood_labels: list[str] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)


_TAG = re.compile(r"<[^>]+>")


def _clean_note(text: str) -> str:
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    return _TAG.sub("", text).strip()


def _parse_date(row: Mapping[str, str], line: int) -> dt.date:
    if "full_date" in row:
        try:
            return dt.date.fromisoformat(row["full_date"].strip())
        except ValueError:
            raise ValidationError("full_date", translate(
                "imports", "line {line}: {column} “{value}” is not a date like {example}").format(
                    line=line, column="full_date", value=row["full_date"],
                    example="2024-01-31")) from None
    text = f"{row['date'].strip()} {row['year'].strip()}"
    for pattern in ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValidationError("date", translate(
        "imports", "line {line}: date “{date}” with year “{year}” is not a date").format(
            line=line, date=row["date"], year=row["year"]))


def read_entries(path: Path) -> list[DaylioEntry]:
    """Read the CSV; errors name the line and column."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError("file", translate(
            "imports", "file: {path} does not exist").format(path=path)) from None
    except UnicodeDecodeError:
        raise ValidationError("file", translate("imports", "file: not a UTF-8 text file")) from None
    if not text.strip():
        raise ValidationError("file", translate("imports", "file: {path} is empty").format(
            path=path))
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    reader.fieldnames = header
    expected = NEW_COLUMNS if "full_date" in header else OLD_COLUMNS
    missing = [c for c in expected if c not in header]
    if missing:
        raise ValidationError("columns", translate(
            "imports", "line {line}: missing column {column} (a Daylio export has "
            "{columns})").format(line=1, column=missing[0], columns=",".join(NEW_COLUMNS)))
    entries = []
    for line, row in enumerate(reader, start=2):
        if None in row or any(row.get(c) is None for c in expected):
            raise ValidationError("row", translate(
                "imports", "line {line}: expected {count} columns").format(
                    line=line, count=number(len(expected))))
        activities = [a.strip() for a in row["activities"].split("|") if a.strip()]
        entries.append(DaylioEntry(line, _parse_date(row, line), row["time"].strip(),
                                   row["mood"].strip(), activities,
                                   row.get("note_title", "").strip(), _clean_note(row["note"])))
    return entries


_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*([AaPp][Mm])?\s*$")


def _minutes(time: str) -> int:
    """Minutes after midnight of "21:05" or "9:05 pm" (0 when unreadable), for ordering."""
    match = _TIME.match(time)
    if not match:
        return 0
    hour, minute, half = int(match.group(1)), int(match.group(2)), match.group(3)
    if half:
        hour = hour % 12 + (12 if half.lower() == "pm" else 0)
    return hour * 60 + minute


def plan_import(entries: list[DaylioEntry], mood_map: Mapping[str, int],
                activity_map: Mapping[str, ActivityTarget], existing_days: set[dt.date],
                today: dt.date) -> DaylioPreview:
    """Combine entries per day and apply the mapping; raises ``ValidationError`` naming the
    line for an unmapped mood, a bad mood value or a future date."""
    moods = {k.casefold(): v for k, v in mood_map.items()}
    targets = {k.casefold(): v for k, v in activity_map.items()}
    preview = DaylioPreview()
    by_day: dict[dt.date, list[DaylioEntry]] = {}
    for entry in entries:
        if entry.mood.casefold() not in moods:
            raise ValidationError("mood_map", translate(
                "imports", "line {line}: mood “{mood}” is not mapped; add it, e.g. "
                "{example}").format(line=entry.line, mood=entry.mood,
                                    example=f'--mood-map "{entry.mood}=5"'))
        if entry.date > today:
            raise ValidationError("date", translate(
                "imports", "line {line}: {date} is in the future").format(
                    line=entry.line, date=entry.date.isoformat()))
        by_day.setdefault(entry.date, []).append(entry)
    preview.mood_labels = sorted({e.mood for e in entries}, key=str.casefold)
    preview.activities = sorted({a for e in entries for a in e.activities}, key=str.casefold)
    nothing = ActivityTarget()
    preview.unmapped_activities = [a for a in preview.activities
                                   if targets.get(a.casefold(), nothing) == nothing]
    for date in sorted(by_day):
        day_entries = by_day[date]
        if len(day_entries) > 1:
            day_entries = sorted(day_entries, key=lambda e: _minutes(e.time))
        if date in existing_days:
            preview.skipped_days.append(date)
            continue
        values = [moods[e.mood.casefold()] for e in day_entries]
        mood = int(sum(values) / len(values) + 0.5)
        coping: list[str] = []
        kinds: dict[tuple[Relationship, Mode], list[str]] = {}
        for activity in dict.fromkeys(a for e in day_entries for a in e.activities):
            target = targets.get(activity.casefold(), ActivityTarget())
            if target.coping:
                coping.append(target.coping)
            elif target.kind is not None:
                kinds.setdefault((target.kind, target.mode), []).append(activity)
        notes = [f"{e.time} — {e.title}: {e.note}" if e.title else f"{e.time} — {e.note}"
                 for e in day_entries if e.note or e.title]
        note = "\n\n".join(notes) if len(day_entries) > 1 else (
            "\n\n".join(filter(None, [day_entries[0].title, day_entries[0].note])))
        try:
            preview.days.append(Day(date=date, mood=mood, coping=tuple(coping), note=note))
        except ValidationError as error:
            raise ValidationError(error.field, translate(
                "imports", "line {line}: {message}").format(
                    line=day_entries[0].line, message=error.message)) from None
        for (kind, mode), names in kinds.items():
            preview.contacts.append(Contact(date=date, kind=kind, mode=mode,
                                            quality=IMPORTED_QUALITY,
                                            note="From Daylio: " + ", ".join(names)))
    return preview


def check_mood_map(raw: Mapping[str, str]) -> dict[str, int]:
    """Mood labels to 0-10, validated; defaults for Daylio's five labels."""
    result = dict(DEFAULT_MOODS)
    for label, value in raw.items():
        try:
            mood = int(value)
        except ValueError:
            raise ValidationError("mood_map", translate(
                "imports", "mood map: “{label}” must map to a whole number {low}-{high}").format(
                    label=label, low=number(0), high=number(10))) from None
        if not 0 <= mood <= 10:
            raise ValidationError("mood_map", translate(
                "imports", "mood map: “{label}” must map to {low}-{high}").format(
                    label=label, low=number(0), high=number(10)))
        result[label.casefold()] = mood
    return result
