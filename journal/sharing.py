"""Sharing use cases: JSON and CSV export, validated JSON import, Daylio import, backups.

A mixin of ``services.Journal``. Every import is validated whole first and written in one
transaction: a bad file writes nothing, and a journal that already has data is only changed
by an explicit merge or (after a backup) replace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from journal.domain.errors import JournalError
from journal.report import import_daylio as daylio
from journal.report.export_csv import export_csv_zip
from journal.report.export_json import export_document, write_json
from journal.report.import_json import load, read_export
from journal.report.merge import merge
from journal.store import days as days_store
from journal.store.rows import insert_many, to_row
from journal.store.schema import TABLES

IMPORT_MODES = ("new", "merge", "replace")


@dataclass(slots=True)
class ImportOutcome:
    """What an import did: records added per table, conflicts kept, the backup made first."""

    added: dict[str, int] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    backup: Path | None = None


class SharingUseCases:
    """Mixed into ``Journal`` (uses its ``backup`` from ``PrivacyUseCases``)."""

    db: Database
    data_dir: Path | None

    def now(self) -> dt.datetime:  # provided by Journal
        raise NotImplementedError

    def today(self) -> dt.date:  # provided by Journal
        raise NotImplementedError

    def is_empty(self) -> bool:  # provided by Journal
        raise NotImplementedError

    def export_json(self, out: Path) -> Path:
        return write_json(export_document(self.db, now=self.now()), out)

    def export_csv(self, out: Path) -> Path:
        return export_csv_zip(self.db, out)

    def import_json(self, path: Path, mode: str = "new") -> ImportOutcome:
        """Import an export file. ``new`` needs an empty journal; ``merge`` adds what is not
        there yet; ``replace`` backs up, then replaces everything."""
        if mode not in IMPORT_MODES:
            raise ValueError(f"mode must be one of {IMPORT_MODES}")
        parsed = read_export(path)  # validated whole before anything is written
        if mode == "new" and not self.is_empty():
            raise JournalError("This journal already has entries: choose merge (add what is "
                               "not there yet) or replace (after a backup).")
        outcome = ImportOutcome()
        if mode == "replace" or (mode == "merge" and not self.is_empty()):
            outcome.backup = self.backup("before-import")  # type: ignore[attr-defined]
        with self.db.atomic():
            if mode == "merge":
                result = merge(self.db, parsed)
                outcome.added, outcome.conflicts = result.added, result.conflicts
            else:
                for table in reversed(TABLES):
                    self.db.execute(f"DELETE FROM [{table}]")
                outcome.added = {k: v for k, v in load(self.db, parsed).items() if v}
        return outcome

    def preview_daylio(self, path: Path, mood_map: Mapping[str, str] | None = None,
                       activity_map: Mapping[str, str] | None = None) -> daylio.DaylioPreview:
        """What a Daylio import would write, with the mapping applied; writes nothing."""
        entries = daylio.read_entries(path)
        moods = daylio.check_mood_map(mood_map or {})
        targets = {name: daylio.parse_activity_target(name, value)
                   for name, value in (activity_map or {}).items()}
        existing = days_store.dates_with_checkins(self.db, dt.date.min, dt.date.max)
        return daylio.plan_import(entries, moods, targets, existing, self.today())

    def import_daylio(self, path: Path, mood_map: Mapping[str, str] | None = None,
                      activity_map: Mapping[str, str] | None = None) -> daylio.DaylioPreview:
        """Import a Daylio export in one transaction; returns what was written."""
        preview = self.preview_daylio(path, mood_map, activity_map)
        stamp = self.now().isoformat(timespec="seconds")
        with self.db.atomic():
            self.db["days"].insert_all(({**to_row(d), "updated_at": stamp}
                                        for d in preview.days), batch_size=500)
            insert_many(self.db, "contacts", preview.contacts, exclude=("id",))
        return preview
