"""Read Daylio's own backup (``.daylio``), which keeps what its CSV loses: each mood's level.

The file is a zip holding ``backup.daylio``: the base64 of a JSON document with

- ``customMoods``: ``id``, ``custom_name``, ``mood_group_id`` (the level, 1 = best … 5 =
  worst) and ``predefined_name_id`` (1-5 for Daylio's own names rad … awful, -1 for a mood
  the person named);
- ``tags`` (the activities): ``id``, ``name``;
- ``dayEntries``: ``year``, ``month`` (counted from 0), ``day``, ``hour``, ``minute`` (or,
  failing those, ``datetime`` and ``timeZoneOffset`` in milliseconds), ``mood`` (a
  ``customMoods`` id), ``note`` (HTML), ``note_title`` and ``tags`` (tag ids).

Photos and the other parts of the backup (goals, reminders, scales' own tables) are not read.
Errors name the entry by its number in ``dayEntries`` and the field.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import zipfile
import zlib
from pathlib import Path
from typing import Any

from journal.domain.errors import ValidationError
from journal.i18n import translate
from journal.report.import_common import note_from_html, unreadable_file
from journal.report.import_daylio import PREDEFINED, DaylioEntry, DaylioFile

INNER = "backup.daylio"
#: A backup bigger than this once decoded is refused rather than read into memory.
MAX_BYTES = 512 * 1024 * 1024


def _refused(reason: str) -> ValidationError:
    return ValidationError(
        "file", translate("imports", "file: not a Daylio backup ({reason})").format(reason=reason)
    )


def _document(path: Path) -> dict[str, Any]:
    try:
        archive_file = zipfile.ZipFile(path)
    except (PermissionError, FileNotFoundError) as error:
        raise unreadable_file(path, error) from None
    except (zipfile.BadZipFile, ValueError, NotImplementedError, EOFError, OSError) as error:
        raise _refused(str(error) or type(error).__name__) from None
    try:
        with archive_file as archive:
            try:
                info = archive.getinfo(INNER)
            except KeyError:
                raise _refused(
                    translate("imports", "it holds no {name}").format(name=INNER)
                ) from None
            if info.file_size > MAX_BYTES:
                raise _refused(translate("imports", "{name} is too large").format(name=INNER))
            data = archive.read(info)
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
        RuntimeError,
        ValueError,
        OSError,
    ) as error:  # OSError: a damaged offset makes seek fail
        raise _refused(str(error) or type(error).__name__) from None
    try:
        text = base64.b64decode(b"".join(data.split()), validate=True).decode("utf-8")
        document = json.loads(text)
    except (binascii.Error, ValueError, RecursionError):
        raise _refused(
            translate("imports", "{name} is not base64 of a JSON document").format(name=INNER)
        ) from None
    if not isinstance(document, dict):
        raise _refused(
            translate("imports", "{name} is not base64 of a JSON document").format(name=INNER)
        )
    return document


def _list(document: dict[str, Any], key: str) -> list[dict[str, Any]]:
    items = document.get(key, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise _refused(translate("imports", "{field} is not a list of records").format(field=key))
    return items


def _integer(entry: int, record: dict[str, Any], key: str, low: int, high: int) -> int:
    value = record.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(
            key,
            translate(
                "imports", "entry {entry}: {field} “{value}” is not a whole number {low}-{high}"
            ).format(entry=entry, field=key, value=value, low=low, high=high),
        )
    return value


def _text(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    return value.strip() if isinstance(value, str) else ""


def _moods(document: dict[str, Any]) -> dict[int, tuple[str, int | None]]:
    """Each mood id with its label and level (``None`` for a level Daylio does not have)."""
    moods: dict[int, tuple[str, int | None]] = {}
    for record in _list(document, "customMoods"):
        mood_id, group = record.get("id"), record.get("mood_group_id")
        if not isinstance(mood_id, int):
            continue
        level = group if isinstance(group, int) and group in PREDEFINED else None
        predefined = record.get("predefined_name_id")
        name = (
            _text(record, "custom_name")
            or (PREDEFINED.get(predefined) if isinstance(predefined, int) else None)
            or (PREDEFINED[level] if level else f"mood {mood_id}")
        )
        moods[mood_id] = (name, level)
    return moods


def _when(number: int, record: dict[str, Any]) -> tuple[dt.date, int, int]:
    """The entry's local date, hour and minute: from ``year``, ``month`` (from 0) and
    ``day``, or, in a backup without them, from ``datetime`` (milliseconds since 1970, UTC)
    shifted by ``timeZoneOffset`` (milliseconds)."""
    stamp, offset = record.get("datetime"), record.get("timeZoneOffset", 0)
    if "year" not in record and isinstance(stamp, int) and isinstance(offset, int):
        try:
            local = dt.datetime(1970, 1, 1) + dt.timedelta(milliseconds=stamp + offset)
        except OverflowError:
            raise ValidationError(
                "datetime",
                translate("imports", "entry {entry}: {field} “{value}” is not a time").format(
                    entry=number, field="datetime", value=stamp
                ),
            ) from None
        return local.date(), local.hour, local.minute
    year = _integer(number, record, "year", 1, 9999)
    month = _integer(number, record, "month", 0, 11)
    day = _integer(number, record, "day", 1, 31)
    hour = _integer(number, record, "hour", 0, 23) if "hour" in record else 0
    minute = _integer(number, record, "minute", 0, 59) if "minute" in record else 0
    try:
        return dt.date(year, month + 1, day), hour, minute
    except ValueError:
        raise ValidationError(
            "day",
            translate(
                "imports",
                "entry {entry}: year {year}, month {month} (counted from 0), "
                "day {day} is not a date",
            ).format(entry=number, year=year, month=month, day=day),
        ) from None


def read_backup(path: Path) -> DaylioFile:
    """The entries of a ``.daylio`` backup, each with its mood's level."""
    document = _document(path)
    moods = _moods(document)
    tags = {
        t["id"]: _text(t, "name") for t in _list(document, "tags") if isinstance(t.get("id"), int)
    }
    entries = []
    for number, record in enumerate(_list(document, "dayEntries"), start=1):
        date, hour, minute = _when(number, record)
        mood_id = record.get("mood")
        if not isinstance(mood_id, int) or mood_id not in moods:
            raise ValidationError(
                "mood",
                translate(
                    "imports", "entry {entry}: mood {value} is not one of the backup's moods"
                ).format(entry=number, value=mood_id),
            )
        ids = record.get("tags") or []
        unknown = (
            [i for i in ids if not isinstance(i, int) or i not in tags]
            if isinstance(ids, list)
            else [ids]
        )
        if unknown:
            raise ValidationError(
                "tags",
                translate(
                    "imports",
                    "entry {entry}: activity {value} is not one of the backup's activities",
                ).format(entry=number, value=unknown[0]),
            )
        label, level = moods[mood_id]
        note = record.get("note")
        entries.append(
            DaylioEntry(
                number,
                date,
                f"{hour:02d}:{minute:02d}",
                label,
                [tags[i] for i in ids if tags[i]],
                _text(record, "note_title"),
                note_from_html(note) if isinstance(note, str) else "",
                level=level,
                in_backup=True,
            )
        )
    return DaylioFile("daylio-backup", entries)
