"""Settings as JSON values in the ``settings`` table, loaded into the declared ``Settings``."""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING

from journal.domain.errors import ValidationError
from journal.domain.settings import Settings

if TYPE_CHECKING:
    from sqlite_utils import Database


def load_settings(db: Database) -> Settings:
    """The stored settings; a value that is unreadable or invalid falls back to its default
    (a bad preference must never keep the journal from opening)."""
    values: dict[str, object] = {}
    for row in db.query("SELECT key, value FROM settings"):
        try:
            values[row["key"]] = json.loads(row["value"])
        except ValueError:
            continue
    try:
        return Settings.from_mapping(values)
    except (ValidationError, TypeError):
        good: dict[str, object] = {}
        for key, value in values.items():
            try:
                Settings.from_mapping({**good, key: value})
            except (ValidationError, TypeError):
                continue
            good[key] = value
        return Settings.from_mapping(good)


def save_settings(db: Database, settings: Settings) -> None:
    rows = [
        {"key": f.name, "value": json.dumps(getattr(settings, f.name))}
        for f in dataclasses.fields(settings)
    ]
    db["settings"].upsert_all(rows, pk="key")


def load_note(db: Database, key: str) -> object | None:
    """A value the app keeps for itself in the ``settings`` table beside the preferences
    (never a preference: ``Settings`` ignores such keys), or ``None``."""
    for row in db.query("SELECT value FROM settings WHERE key = ?", [key]):
        try:
            return json.loads(row["value"])
        except ValueError:
            return None
    return None


def save_note(db: Database, key: str, value: object) -> None:
    db["settings"].upsert({"key": key, "value": json.dumps(value)}, pk="key")
