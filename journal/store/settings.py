"""Settings as JSON values in the ``settings`` table, loaded into the declared ``Settings``."""

from __future__ import annotations

import dataclasses
import json

from sqlite_utils import Database

from journal.domain.settings import Settings


def load_settings(db: Database) -> Settings:
    values = {row["key"]: json.loads(row["value"]) for row in db.query("SELECT key, value FROM "
                                                                       "settings")}
    return Settings.from_mapping(values)


def save_settings(db: Database, settings: Settings) -> None:
    rows = [{"key": f.name, "value": json.dumps(getattr(settings, f.name))}
            for f in dataclasses.fields(settings)]
    db["settings"].upsert_all(rows, pk="key")
