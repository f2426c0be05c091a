"""Import from Daylio: its four CSV layouts and its own backup, with a mapping the person
confirms.

The entries of a file (``DaylioEntry``) come from ``import_daylio_csv`` (the four CSV layouts
Daylio has written over the years) or ``import_daylio_backup`` (its own ``.daylio`` backup,
which keeps each mood's level, which the CSV loses); ``read_daylio`` tells them apart by
content. Here they become a preview of the days the import would write.

Moods are labels the person may have renamed. Daylio's five levels (1 best … 5 worst) become
9, 7, 5, 3 and 1 on the journal's 0-10 mood; a mood whose level is known (every mood of a
backup, and Daylio's five default names rad, good, meh, bad, awful) is placed without asking,
any other is asked (the app) or taken from ``--mood-map`` (the command line), which also
overrides. Each activity maps to a contact kind (optionally with a mode, ``friend/video``), to
a coping tag (``coping`` keeps its name, ``coping:walk`` renames it) or to nothing (``none``,
also the default). A sleep scale ("Sleep Time: 8:00", "Sleep hours: 7.5") fills the day's
sleep hours; every other scale is kept, as written, in the note.

Several entries on one day are combined: mood is the mean of the entries' moods rounded half
up; activities are united (one contact per mapped kind and mode per day, "how connected" 3
because Daylio does not record it); notes are joined in time order, each headed by its time;
sleep comes from the first entry that has it. A day that already has a check-in in the journal
is left as it is and reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from journal.domain.errors import ValidationError
from journal.domain.records import Day
from journal.domain.validate import number
from journal.i18n import translate
from journal.report.import_common import (
    ActivityTarget,
    ImportPreview,
    activities_of_day,
    clock_minutes,
    detect_format,
    mean_rounded,
)

#: Daylio's five levels (1 = best … 5 = worst) on the journal's 0-10 mood.
LEVEL_MOODS = {1: 9, 2: 7, 3: 5, 4: 3, 5: 1}
#: The names Daylio gives its five levels before the person renames them.
PREDEFINED = {1: "rad", 2: "good", 3: "meh", 4: "bad", 5: "awful"}
DEFAULT_MOODS = {name: LEVEL_MOODS[level] for level, name in PREDEFINED.items()}


@dataclass(slots=True)
class DaylioEntry:
    """One Daylio entry; ``line`` is the CSV's line, or the entry's number in a backup."""

    line: int
    date: dt.date
    time: str
    mood: str
    activities: list[str]
    title: str
    note: str
    level: int | None = None
    sleep_hours: float | None = None
    #: Scales kept in the note, as written ("Sleep Quality: 8/10 points").
    scales: list[str] = field(default_factory=list)
    in_backup: bool = False


@dataclass(slots=True)
class DaylioFile:
    """The entries of one file and which of Daylio's formats it is (``LAYOUTS`` or
    ``daylio-backup``)."""

    source: str
    entries: list[DaylioEntry]

    def suggested_moods(self) -> dict[str, int | None]:
        """Each mood label with the value its level gives, ``None`` where only the person
        can say (what the app's mapping step asks)."""
        result: dict[str, int | None] = {}
        for entry in sorted(self.entries, key=lambda e: e.mood.casefold()):
            known = (
                LEVEL_MOODS.get(entry.level)
                if entry.level is not None
                else DEFAULT_MOODS.get(entry.mood.casefold())
            )
            if result.get(entry.mood) is None:
                result[entry.mood] = known
        return result

    def activity_names(self) -> list[str]:
        return sorted({a for e in self.entries for a in e.activities}, key=str.casefold)


def read_daylio(path: Path) -> DaylioFile:
    """Read a Daylio CSV (any of the four layouts) or backup, told apart by content; errors
    name the line (or the backup's entry) and the column."""
    if detect_format(path) == "daylio-backup":
        from journal.report.import_daylio_backup import read_backup

        return read_backup(path)
    from journal.report.import_daylio_csv import read_daylio_csv

    return read_daylio_csv(path)


def read_entries(path: Path) -> list[DaylioEntry]:
    """The entries of a Daylio CSV or backup."""
    return read_daylio(path).entries


def _unmapped(entries: list[DaylioEntry], labels: list[str]) -> ValidationError:
    if len(labels) == 1:
        line = next(e.line for e in entries if e.mood == labels[0])
        return ValidationError(
            "mood_map",
            translate(
                "imports", "line {line}: mood “{mood}” is not mapped; add it, e.g. {example}"
            ).format(line=line, mood=labels[0], example=f'--mood-map "{labels[0]}=5"'),
        )
    return ValidationError(
        "mood_map",
        translate(
            "imports", "{count} moods are not mapped: {moods}; add them, e.g. {example}"
        ).format(
            count=number(len(labels)),
            moods=", ".join(f"“{m}”" for m in labels),
            example='--mood-map "' + ",".join(f"{m}=5" for m in labels) + '"',
        ),
    )


def _day_note(day_entries: list[DaylioEntry]) -> str:
    def body(entry: DaylioEntry) -> str:
        return "\n".join(filter(None, [entry.note, *entry.scales]))

    if len(day_entries) == 1:
        return "\n\n".join(filter(None, [day_entries[0].title, body(day_entries[0])]))
    notes = []
    for entry in day_entries:
        text = ": ".join(filter(None, [entry.title, body(entry)]))
        if text:
            notes.append(f"{entry.time} — {text}")
    return "\n\n".join(notes)


def plan_import(
    entries: list[DaylioEntry],
    mood_map: Mapping[str, int],
    activity_map: Mapping[str, ActivityTarget],
    existing_days: set[dt.date],
    today: dt.date,
    source: str = "",
) -> ImportPreview:
    """Combine entries per day and apply the mapping (``mood_map``: the person's values, which
    win over a level); raises ``ValidationError`` naming the line for a mood no one placed or
    a future date, and naming every mood no one placed when there are several."""
    moods = {k.casefold(): v for k, v in mood_map.items()}
    targets = {k.casefold(): v for k, v in activity_map.items()}
    preview = ImportPreview(source=source, entries=len(entries))
    suggested = DaylioFile(source, entries).suggested_moods()
    preview.mood_labels = list(suggested)
    preview.moods_mapped = [label for label, value in suggested.items() if value is not None]
    preview.moods_asked = [label for label, value in suggested.items() if value is None]
    unmapped = [label for label in preview.moods_asked if label.casefold() not in moods]
    if unmapped:
        raise _unmapped(entries, unmapped)
    by_day: dict[dt.date, list[DaylioEntry]] = {}
    for entry in entries:
        if entry.date > today:
            message = (
                translate("imports", "entry {entry}: {date} is in the future").format(
                    entry=entry.line, date=entry.date.isoformat()
                )
                if entry.in_backup
                else translate("imports", "line {line}: {date} is in the future").format(
                    line=entry.line, date=entry.date.isoformat()
                )
            )
            raise ValidationError("date", message)
        by_day.setdefault(entry.date, []).append(entry)
    preview.activities = DaylioFile(source, entries).activity_names()
    preview.unmapped_activities = [
        a
        for a in preview.activities
        if targets.get(a.casefold(), ActivityTarget()) == ActivityTarget()
    ]
    for entry in entries:
        for scale in entry.scales:
            name = scale.partition(":")[0].strip()
            preview.kept_in_notes[name] = preview.kept_in_notes.get(name, 0) + 1
    for date in sorted(by_day):
        if date in existing_days:
            preview.skipped_days.append(date)
            continue
        day_entries = sorted(by_day[date], key=lambda e: clock_minutes(e.time) or 0)
        values = [moods.get(e.mood.casefold(), suggested.get(e.mood)) for e in day_entries]
        mood = mean_rounded([float(v) for v in values if v is not None])
        coping, contacts = activities_of_day(
            date, [a for e in day_entries for a in e.activities], targets, "Daylio"
        )
        sleep = next((e.sleep_hours for e in day_entries if e.sleep_hours is not None), None)
        preview.sleep_days += sleep is not None
        try:
            preview.days.append(
                Day(
                    date=date,
                    mood=mood,
                    sleep_hours=sleep,
                    coping=tuple(coping),
                    note=_day_note(day_entries),
                )
            )
        except ValidationError as error:
            first = day_entries[0]
            message = (
                translate("imports", "entry {entry}: {message}").format(
                    entry=first.line, message=error.message
                )
                if first.in_backup
                else translate("imports", "line {line}: {message}").format(
                    line=first.line, message=error.message
                )
            )
            raise ValidationError(error.field, message) from None
        preview.contacts.extend(contacts)
    return preview


def check_mood_map(raw: Mapping[str, str]) -> dict[str, int]:
    """The person's mood values, validated 0-10 (Daylio's defaults and levels are applied by
    ``plan_import`` where the person gives none)."""
    result: dict[str, int] = {}
    for label, value in raw.items():
        try:
            mood = int(value)
        except ValueError:
            raise ValidationError(
                "mood_map",
                translate(
                    "imports", "mood map: “{label}” must map to a whole number {low}-{high}"
                ).format(label=label, low=number(0), high=number(10)),
            ) from None
        if not 0 <= mood <= 10:
            raise ValidationError(
                "mood_map",
                translate("imports", "mood map: “{label}” must map to {low}-{high}").format(
                    label=label, low=number(0), high=number(10)
                ),
            )
        result[label.casefold()] = mood
    return result
