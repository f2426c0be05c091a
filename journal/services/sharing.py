"""Sharing use cases: the therapist summary (PDF), JSON and CSV export, validated JSON import,
Daylio (CSV and backup) and Bearable imports, backups.

An area of ``services.Journal`` built on its figures (``FiguresUseCases``). Every import is
validated whole first and written in one transaction: a bad file writes nothing, and a journal
that already has data is only changed by an explicit merge or (after a backup) replace. Long
work takes ``cancelled()``: when it turns true before the end, ``Cancelled`` is raised and
nothing is written.

The summary gathers only what its ticked sections need (a note is never even read unless
"notes" is ticked), builds the pure ``Summary`` and hands it to ``report.summary.pdf`` — imported
only then, so the services stay free of Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal.domain.errors import JournalError, ValidationError
from journal.domain.kinds import SessionStatus
from journal.i18n import translate
from journal.progress import IsCancelled, Progress, check, never_cancelled
from journal.services.figures import FiguresUseCases, check_range
from journal.store import assessments as assessments_store
from journal.store import contacts as contacts_store
from journal.store import days as days_store
from journal.store import people as people_store
from journal.store import safety_plan as safety_plan_store
from journal.store import treatment as treatment_store
from journal.store.rows import delete_every_row, insert_many, insert_rows, to_row

if TYPE_CHECKING:  # the analysis is imported when a summary is made, not at start
    from journal.report import import_bearable as bearable
    from journal.report import import_daylio as daylio
    from journal.report.import_common import ImportPreview
    from journal.report.summary.blocks import Summary
    from journal.report.summary.inputs import CommitmentKept, MedicationKept, SummaryInputs
    from journal.report.summary.names import NameStyle

IMPORT_MODES = ("new", "merge", "replace")


@dataclass(slots=True)
class ImportOutcome:
    """What an import did: records added per table, conflicts kept, the backup made first."""

    added: dict[str, int] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    backup: Path | None = None


def _targets(activity_map: Mapping[str, str] | None) -> dict[str, Any]:
    """``--activity-map``'s words (``friend/video``, ``coping``, ``none``) as targets."""
    from journal.report.import_common import parse_activity_target

    return {
        name: parse_activity_target(name, value) for name, value in (activity_map or {}).items()
    }


class SharingUseCases(FiguresUseCases):
    """The summary, exports and imports; mixed into ``Journal``."""

    def _check_export_target(self, out: Path) -> None:
        """Refuse to write an export into the journal's own folder: a file there is the
        journal, its side files or a backup, and an export renamed over one of them would
        replace it silently (the rename is atomic, so nothing would warn)."""
        if self.data_dir is None:
            return
        folder = Path(self.data_dir).resolve()
        target = Path(out).expanduser().resolve()
        if target == folder or folder in target.parents:
            raise ValidationError(
                "out",
                translate(
                    "validation",
                    "{path} is inside the journal's own folder ({folder}), where the "
                    "journal and its backups live; choose another place for the export",
                ).format(path=out, folder=folder),
            )

    def export_json(self, out: Path, *, cancelled: IsCancelled = never_cancelled) -> Path:
        """The whole journal as JSON in ``out``, written atomically (0600). When
        ``cancelled()`` turns true before the file is in place, ``Cancelled`` is raised and
        ``out`` is as it was (or absent)."""
        from journal.report.export_json import write_journal_json

        self._check_export_target(out)
        check(cancelled)
        return write_journal_json(self.db, out, now=self.now(), cancelled=cancelled)

    def export_csv(self, out: Path, *, cancelled: IsCancelled = never_cancelled) -> Path:
        """The whole journal as a zip of CSV files in ``out``, like ``export_json``."""
        from journal.report.export_csv import export_csv_zip

        self._check_export_target(out)
        check(cancelled)
        return export_csv_zip(self.db, out, cancelled=cancelled)

    def import_json(
        self, path: Path, mode: str = "new", *, cancelled: IsCancelled = never_cancelled
    ) -> ImportOutcome:
        """Import an export file. ``new`` needs an empty journal; ``merge`` adds what is not
        there yet; ``replace`` backs up, then replaces everything. When ``cancelled()`` turns
        true before the end, the transaction is rolled back and ``Cancelled`` raised."""
        if mode not in IMPORT_MODES:
            raise ValueError(f"mode must be one of {IMPORT_MODES}")
        from journal.report.import_json import load, read_export
        from journal.report.merge import merge

        parsed = read_export(path)  # validated whole before anything is written
        if mode == "new" and not self.is_empty():
            raise JournalError(
                translate(
                    "errors",
                    "This journal already has entries: choose "
                    "merge (add what is not there yet) or replace "
                    "(after a backup).",
                )
            )
        check(cancelled)
        outcome = ImportOutcome()
        if mode == "replace" or (mode == "merge" and not self.is_empty()):
            outcome.backup = self.backup("before-import")
        with self.db.atomic():
            if mode == "merge":
                result = merge(self.db, parsed)
                outcome.added, outcome.conflicts = result.added, result.conflicts
            else:
                delete_every_row(self.db)
                outcome.added = {k: v for k, v in load(self.db, parsed).items() if v}
            check(cancelled)  # raised inside the transaction, so it is rolled back
        return outcome

    def detect_import(self, path: Path) -> str | None:
        """``json``, ``daylio``, ``daylio-backup``, ``bearable`` or ``None``, by content."""
        from journal.report.import_common import detect_format

        return detect_format(path)

    def read_daylio(self, path: Path) -> daylio.DaylioFile:
        """The entries of a Daylio CSV or backup, for the mapping step; writes nothing."""
        from journal.report import import_daylio as daylio

        return daylio.read_daylio(path)

    def preview_daylio(
        self,
        path: Path,
        mood_map: Mapping[str, str] | None = None,
        activity_map: Mapping[str, str] | None = None,
    ) -> ImportPreview:
        """What a Daylio import would write, with the mapping applied; writes nothing."""
        from journal.report import import_daylio as daylio

        read = daylio.read_daylio(path)
        moods = daylio.check_mood_map(mood_map or {})
        existing = days_store.dates_with_checkins(self.db, dt.date.min, dt.date.max)
        return daylio.plan_import(
            read.entries, moods, _targets(activity_map), existing, self.today(), read.source
        )

    def import_daylio(
        self,
        path: Path,
        mood_map: Mapping[str, str] | None = None,
        activity_map: Mapping[str, str] | None = None,
        *,
        cancelled: IsCancelled = never_cancelled,
    ) -> ImportPreview:
        """Import a Daylio export or backup in one transaction; returns what was written."""
        return self._write_import(self.preview_daylio(path, mood_map, activity_map), cancelled)

    def bearable_questions(self, path: Path) -> bearable.BearableQuestions:
        """What the mapping step asks about a Bearable export; writes nothing."""
        from journal.report import import_bearable as bearable

        return bearable.questions(path)

    def preview_bearable(
        self,
        path: Path,
        activity_map: Mapping[str, str] | None = None,
        mood_scale: int | str | None = None,
    ) -> ImportPreview:
        """What a Bearable import would write, with the mapping applied; writes nothing."""
        from journal.report import import_bearable as bearable

        scale = bearable.check_mood_scale(mood_scale)
        existing = days_store.dates_with_checkins(self.db, dt.date.min, dt.date.max)
        return bearable.plan_import(path, _targets(activity_map), existing, self.today(), scale)

    def import_bearable(
        self,
        path: Path,
        activity_map: Mapping[str, str] | None = None,
        mood_scale: int | str | None = None,
        *,
        cancelled: IsCancelled = never_cancelled,
    ) -> ImportPreview:
        """Import a Bearable export in one transaction; returns what was written."""
        return self._write_import(self.preview_bearable(path, activity_map, mood_scale), cancelled)

    def _write_import(self, preview: ImportPreview, cancelled: IsCancelled) -> ImportPreview:
        """Write a preview's days and contacts all at once, or nothing."""
        check(cancelled)
        stamp = self.now().isoformat(timespec="seconds")
        with self.db.atomic():
            insert_rows(self.db, "days", ({**to_row(d), "updated_at": stamp} for d in preview.days))
            insert_many(self.db, "contacts", preview.contacts, exclude=("id",))
            check(cancelled)  # raised inside the transaction, so it is rolled back
        return preview

    # --- the therapist summary ---------------------------------------------------------------

    def last_session_date(self) -> dt.date | None:
        """The day of the last attended session up to today ("since the last session")."""
        sessions = treatment_store.sessions_between(self.db, dt.date.min, self.today())
        attended = [s.date for s in sessions if s.status is SessionStatus.ATTENDED]
        return max(attended) if attended else None

    def safety_left_out(
        self, start: dt.date, end: dt.date, sections: Iterable[str] | None = None
    ) -> list[dt.date]:
        """The days of ``start..end`` with a PHQ-9 whose item 9 was answered above 0 that the
        summary will not show, because the questionnaires are not among ``sections`` (the
        Share page says so plainly; the choice stays the person's)."""
        from journal.domain.instruments import SAFETY_FLAG
        from journal.report.summary.build import check_sections

        if "questionnaires" in check_sections(sections):
            return []
        return sorted(
            a.date
            for a in assessments_store.assessments_between(self.db, start, end)
            if SAFETY_FLAG in a.flags
        )

    def summary_inputs(
        self, start: dt.date, end: dt.date, sections: Iterable[str] | None = None
    ) -> SummaryInputs:
        """What the ticked ``sections`` need for ``start..end``, and nothing more."""
        from journal.report.summary.build import check_sections
        from journal.report.summary.inputs import SummaryInputs

        chosen = check_sections(sections)
        check_range(start, end)
        db = self.db
        inputs: dict[str, Any] = {}
        if "overview" in chosen:
            inputs["contacts"] = contacts_store.contacts_between(db, start, end)
        if "treatment" in chosen:
            inputs["sessions"] = treatment_store.sessions_between(db, start, end)
            inputs["medications"], inputs["commitments"] = self._care_kept(start, end)
        if "questionnaires" in chosen:
            inputs["assessments"] = assessments_store.assessments_between(db, start, end)
        if "topics" in chosen:
            inputs["topics"] = treatment_store.list_agenda(db, open_only=True)
        if "notes" in chosen:
            inputs["notes"] = {
                d.date: d.note for d in days_store.days_between(db, start, end) if d.note
            }
        if "safety_plan" in chosen:
            inputs["safety_plan"] = safety_plan_store.get_safety_plan(db)
        # one-shot: only the range is read (not the whole journal), once for charts and figures
        series = self.series(start, end, keep=False)
        return SummaryInputs(
            start=start,
            end=end,
            made_on=self.today(),
            display_name=self.settings().display_name,
            series=series,
            insights=self.insights(start, end, series=series),
            adherence=self.weekly_adherence(start, end),
            people=people_store.list_people(db, include_archived=True),
            **inputs,
        )

    def _care_kept(
        self, start: dt.date, end: dt.date
    ) -> tuple[list[MedicationKept], list[CommitmentKept]]:
        """Each medication's doses and each commitment's check-offs over the range."""
        from journal.analysis.adherence import weekly_adherence
        from journal.report.summary.inputs import CommitmentKept, MedicationKept

        db = self.db
        doses = treatment_store.doses_between(db, start, end)
        checkins = days_store.dates_with_checkins(db, start, end)
        log = treatment_store.commitment_log_between(db, start, end)
        medications, commitments = [], []
        for med in treatment_store.list_medications(db):
            kept = weekly_adherence(
                start,
                end,
                medications=[med],
                doses=doses,
                checkin_dates=checkins,
                sessions=[],
                commitments=[],
                commitment_log=[],
            )
            if kept.doses_scheduled.sum():
                medications.append(
                    MedicationKept(
                        med.name,
                        med.dose,
                        med.doses_per_day,
                        int(kept.doses_taken.sum()),
                        int(kept.doses_scheduled.sum()),
                    )
                )
        for item in treatment_store.list_commitments(db):
            kept = weekly_adherence(
                start,
                end,
                medications=[],
                doses=[],
                checkin_dates=set(),
                sessions=[],
                commitments=[item],
                commitment_log=log,
            )
            if kept.commitments_target.sum():
                commitments.append(
                    CommitmentKept(
                        item.title,
                        item.kind,
                        item.per_week,
                        item.suggested_by,
                        int(kept.commitments_done.sum()),
                        int(kept.commitments_target.sum()),
                    )
                )
        return medications, commitments

    def build_summary(
        self,
        start: dt.date,
        end: dt.date,
        sections: Iterable[str] | None = None,
        names: NameStyle | str = "hidden",
    ) -> Summary:
        """The summary of ``start..end`` with only the chosen sections."""
        from journal.report.summary.build import build_summary, check_sections

        chosen = check_sections(sections)
        return build_summary(self.summary_inputs(start, end, chosen), chosen, names)

    def export_summary(
        self,
        out: Path,
        start: dt.date,
        end: dt.date,
        sections: Iterable[str] | None = None,
        names: NameStyle | str = "hidden",
        paper: str = "A4",
        *,
        progress: Progress | None = None,
        cancelled: IsCancelled = never_cancelled,
    ) -> Path:
        """Write the summary PDF to ``out`` (atomically, 0600); ``Cancelled`` writes nothing."""
        from journal.report.summary.pdf import render_pdf  # Qt is loaded only to make a PDF

        self._check_export_target(out)
        summary = self.build_summary(start, end, sections, names)
        check(cancelled)
        return render_pdf(summary, out, paper=paper, progress=progress, cancelled=cancelled)

    def preview_summary(
        self,
        start: dt.date,
        end: dt.date,
        sections: Iterable[str] | None = None,
        names: NameStyle | str = "hidden",
        paper: str = "A4",
        *,
        dpi: int = 96,
        progress: Progress | None = None,
        cancelled: IsCancelled = never_cancelled,
    ) -> list[Any]:
        """The summary's pages as ``QImage``s, laid out exactly as the PDF is."""
        from journal.report.summary.pdf import render_pages

        summary = self.build_summary(start, end, sections, names)
        check(cancelled)
        return render_pages(summary, paper=paper, dpi=dpi, progress=progress, cancelled=cancelled)
