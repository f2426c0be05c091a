"""What the imports share, most of it for the files of other mood apps (Daylio, Bearable).

The calm errors about a file itself (missing, empty, unreadable; the JSON import's too).
Reading a CSV calmly (a BOM, a field over the ``csv`` module's 128 KiB limit, a NUL byte or a
ragged row is one message naming the line, never a traceback), notes written in HTML, clock
times ("6:50 pm", "14:58"), the activity mapping of the command line's ``--activity-map``,
telling a file's format by its content, and the preview: what an import would write and what
it leaves out, worked out whole before anything is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from journal.domain.errors import ValidationError
from journal.domain.kinds import Mode, Relationship
from journal.domain.records import Contact, Day
from journal.domain.validate import number
from journal.i18n import QT_TRANSLATE_NOOP, translate

IMPORTED_QUALITY = 3
#: The words for the command line's ``--mood-map`` and ``--activity-map`` in a message (the
#: names themselves are the errors' field keys and stay as they are).
MAP_LABELS = {
    "mood_map": QT_TRANSLATE_NOOP("imports", "mood map"),
    "activity_map": QT_TRANSLATE_NOOP("imports", "activity map"),
}

# Messages go through ``translate("imports", …)``. What the file or the command line spells
# (column names, moods, activities, the mapping's own words such as ``coping`` and ``none``,
# ISO dates) is passed in as a field and never translated. A line number is written as plain
# digits, as a text editor or spreadsheet numbers its rows, so the person finds the line.


@dataclass(frozen=True, slots=True)
class ActivityTarget:
    """What one activity (Daylio) or factor (Bearable) becomes: a contact of ``kind`` (by
    ``mode``), a coping tag, or nothing."""

    kind: Relationship | None = None
    mode: Mode = Mode.IN_PERSON
    coping: str | None = None


NOTHING = ActivityTarget()


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
        raise ValidationError(
            "activity_map",
            translate(
                "imports",
                "activity map: “{mapping}” is not a contact kind (e.g. {kind} or "
                "{kind_and_mode}), {coping} or {none}",
            ).format(
                mapping=f"{activity}={text}",
                kind="friend",
                kind_and_mode="friend/video",
                coping="coping",
                none="none",
            ),
        ) from None


def parse_map(text: str, name: str) -> dict[str, str]:
    """``"a=b,c=d"`` into a dict (labels compared without case)."""
    result: dict[str, str] = {}
    for part in (p for p in text.split(",") if p.strip()):
        key, sep, value = part.partition("=")
        if not sep or not key.strip():
            words = MAP_LABELS.get(name)
            raise ValidationError(
                name,
                translate("imports", "{name}: expected label=value, got “{part}”").format(
                    name=translate("imports", words) if words else name.replace("_", " "),
                    part=part.strip(),
                ),
            )
        result[key.strip().casefold()] = value.strip()
    return result


@dataclass(slots=True)
class ImportPreview:
    """What an import would write, and what it leaves out, shown before anything is written.

    ``source`` is ``daylio-csv-1`` … ``daylio-csv-4`` (Daylio's four CSV layouts, oldest
    first), ``daylio-backup`` or ``bearable``.
    """

    source: str = ""
    entries: int = 0
    days: list[Day] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    skipped_days: list[dt.date] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    unmapped_activities: list[str] = field(default_factory=list)
    mood_labels: list[str] = field(default_factory=list)
    #: Moods placed without asking: by the level the backup stores, or as Daylio's defaults.
    moods_mapped: list[str] = field(default_factory=list)
    #: Moods only the person can place (a renamed mood in a CSV): asked, or ``--mood-map``.
    moods_asked: list[str] = field(default_factory=list)
    #: Daylio scales (other than sleep) and Bearable categories kept in the notes, with the
    #: number of readings of each.
    kept_in_notes: dict[str, int] = field(default_factory=dict)
    #: Days whose sleep hours came from a sleep scale (Daylio) or reading (Bearable).
    sleep_days: int = 0
    #: Days with readings but no mood (Bearable): a check-in needs a mood, so not imported.
    days_without_mood: list[dt.date] = field(default_factory=list)


_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>|</div>\s*<div[^>]*>|</?p>|</?div>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def note_from_html(text: str) -> str:
    """A note as plain text: ``<br>`` and paragraphs become line breaks, other tags go,
    entities (``&amp;``, ``&#39;``) become their characters."""
    text = _BREAK.sub("\n", text)
    return html.unescape(_TAG.sub("", text)).strip()


_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*([AaPp]\.?\s*[Mm]\.?)?\s*$")


def clock_minutes(time: str) -> int | None:
    """Minutes after midnight of "21:05", "9:05 pm" or "9.05 p.m."; ``None`` when unreadable."""
    match = _TIME.match(time)
    if not match:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2)), match.group(3)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half[0].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return hour * 60 + minute


@dataclass(slots=True)
class CsvRow:
    """One row: the line it starts on, its values by column (``""`` where a short row ends),
    and whether it had more or fewer fields than the header."""

    line: int
    values: dict[str, str]
    ragged: bool


@dataclass(slots=True)
class CsvFile:
    """A CSV's header (stripped; casefolded when asked) and its rows."""

    header: list[str]
    rows: list[CsvRow]


def missing_file(path: Path) -> ValidationError:
    return ValidationError(
        "file", translate("imports", "file: {path} does not exist").format(path=path)
    )


def empty_file(path: Path) -> ValidationError:
    return ValidationError("file", translate("imports", "file: {path} is empty").format(path=path))


def unreadable_file(path: Path, error: OSError) -> ValidationError:
    return ValidationError(
        "file",
        translate("imports", "file: {path} cannot be read ({reason})").format(
            path=path, reason=error.strerror or error
        ),
    )


def read_text(path: Path) -> str:
    """The file as text (a UTF-8 BOM dropped); calm errors for a missing, unreadable or
    empty file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise missing_file(path) from None
    except IsADirectoryError:
        raise ValidationError(
            "file", translate("imports", "file: {path} is a folder, not a file").format(path=path)
        ) from None
    except OSError as error:
        raise unreadable_file(path, error) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError("file", translate("imports", "file: not a UTF-8 text file")) from None
    if not text.strip():
        raise empty_file(path)
    return text


def read_csv(path: Path, *, lower: bool = False) -> CsvFile:
    """Read a CSV whole; a row the ``csv`` module refuses (a field over its 128 KiB limit, a
    NUL byte) is one message naming its line. Blank lines are passed over."""
    reader = csv.reader(io.StringIO(read_text(path), newline=""))
    rows: list[CsvRow] = []
    header: list[str] = []
    line = 1
    try:
        for values in reader:
            if not header:
                header = [h.strip().casefold() if lower else h.strip() for h in values]
            elif any(v.strip() for v in values):
                row = dict(zip(header, values, strict=False))
                rows.append(
                    CsvRow(line, {c: row.get(c, "") for c in header}, len(values) != len(header))
                )
            line = reader.line_num + 1
    except csv.Error as error:
        reason = (
            translate("imports", "a field is longer than {count} characters").format(
                count=number(csv.field_size_limit())
            )
            if "field larger" in str(error)
            else translate("imports", "the line cannot be read as CSV ({reason})").format(
                reason=error
            )
        )
        raise ValidationError(
            "row", translate("imports", "line {line}: {message}").format(line=line, message=reason)
        ) from None
    return CsvFile(header, rows)


def check_columns(
    header: list[str], expected: Sequence[str], message: str, **fields: object
) -> None:
    """Raise ``message`` (translated by the caller, naming ``{line}``, ``{column}`` and its own
    ``fields``) for the first of the ``expected`` columns missing from ``header``."""
    missing = [c for c in expected if c not in header]
    if missing:
        raise ValidationError("columns", message.format(line=1, column=missing[0], **fields))


def check_width(row: CsvRow, columns: int) -> None:
    """A row with more or fewer fields than the header's ``columns`` is an error naming it."""
    if row.ragged:
        raise ValidationError(
            "row",
            translate("imports", "line {line}: expected {count} columns").format(
                line=row.line, count=number(columns)
            ),
        )


def detect_format(path: Path) -> str | None:
    """``json``, ``daylio`` (a CSV), ``daylio-backup`` (a zip), ``bearable`` or ``None``, told
    by the file's first bytes rather than its name (a backup renamed ``.zip``, a CSV saved as
    ``.txt``)."""
    try:
        with path.open("rb") as file:
            start = file.read(4096)
    except OSError:
        return None
    if start.startswith(b"PK\x03\x04"):
        return "daylio-backup"
    text = start.decode("utf-8-sig", errors="replace").lstrip()
    if text.startswith("{"):
        return "json"
    header = text.splitlines()[0].casefold().replace('"', "") if text else ""
    columns = [c.strip() for c in header.split(",")]
    if columns[:1] in (["full_date"], ["year"]) and "mood" in columns:
        return "daylio"
    if columns[:4] == ["date", "weekday", "time of day", "category"]:
        return "bearable"
    return None


def activities_of_day(
    date: dt.date, activities: list[str], targets: dict[str, ActivityTarget], app: str
) -> tuple[list[str], list[Contact]]:
    """The coping tags and contacts (one per kind and mode) the day's activities map to;
    ``targets`` is keyed by the casefolded name, ``app`` names the source in the note."""
    coping: list[str] = []
    kinds: dict[tuple[Relationship, Mode], list[str]] = {}
    for activity in dict.fromkeys(activities):
        target = targets.get(activity.casefold(), NOTHING)
        if target.coping:
            coping.append(target.coping)
        elif target.kind is not None:
            kinds.setdefault((target.kind, target.mode), []).append(activity)
    contacts = [
        Contact(
            date=date,
            kind=kind,
            mode=mode,
            quality=IMPORTED_QUALITY,
            note=f"From {app}: " + ", ".join(names),
        )
        for (kind, mode), names in kinds.items()
    ]
    return coping, contacts


def mean_rounded(values: list[float]) -> int:
    """The mean, rounded half up (6.5 → 7), as every preview says."""
    return int(sum(values) / len(values) + 0.5)
