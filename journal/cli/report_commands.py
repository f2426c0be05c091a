"""Sharing subcommands: export, import, backup."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from journal.cli.common import counted, data_dir, date, opened, subcommand
from journal.domain.errors import ValidationError
from journal.domain.sections import DEFAULT_SECTIONS, SECTIONS
from journal.heap import keep_freed_memory

#: The summary's range when --from is not given: the last four weeks, today included.
SUMMARY_DAYS = 28

if TYPE_CHECKING:
    from journal.services import ImportPreview, Journal


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    export = subcommand(
        commands,
        parent,
        "export",
        _export,
        "export the journal (pdf, json, csv)",
        "Export a summary for your care team as a PDF (you choose the sections "
        "and how people are named), or the whole journal as versioned JSON (to "
        "import elsewhere) or as a zip of CSV files for spreadsheets. The file is "
        "written atomically and readable only by you.",
    )
    export.add_argument("--format", required=True, choices=("pdf", "json", "csv"))
    export.add_argument("--out", required=True, type=Path, metavar="PATH")
    summary = export.add_argument_group("summary options (--format pdf)")
    summary.add_argument(
        "--from",
        dest="start",
        type=date,
        metavar="DATE",
        help=f"first day (default: {SUMMARY_DAYS - 1} days before --to)",
    )
    summary.add_argument(
        "--to", dest="end", type=date, metavar="DATE", help="last day (default: today)"
    )
    summary.add_argument(
        "--sections",
        type=_sections,
        metavar="LIST",
        help=f"comma-separated, or 'all': {', '.join(SECTIONS)} (default: "
        f"all but notes and safety_plan)",
    )
    summary.add_argument(
        "--names",
        choices=("hidden", "initials", "full"),
        help="people by relationship only (hidden, the default), initials or full names",
    )
    summary.add_argument(
        "--paper",
        type=str.lower,
        choices=("a4", "letter"),
        help="paper size (default: from the locale)",
    )

    imports = subcommand(
        commands,
        parent,
        "import",
        _import,
        "import a JSON export, a Daylio CSV or backup, or a Bearable CSV",
        "Import a file. It is validated whole first; a bad file writes nothing. "
        "A journal that already has entries needs --merge or --replace (JSON); "
        "Daylio and Bearable leave the days already in the journal as they are. "
        "Daylio: any of its four CSV layouts or its .daylio backup (told apart "
        "by content). Use --dry-run to see what would come in and what would "
        "not.",
    )
    imports.add_argument("path", type=Path, metavar="PATH")
    imports.add_argument("--format", required=True, choices=("json", "daylio", "bearable"))
    how = imports.add_mutually_exclusive_group()
    how.add_argument(
        "--merge",
        action="store_true",
        help="add what is not there yet (natural keys); conflicts are reported",
    )
    how.add_argument("--replace", action="store_true", help="replace everything, after a backup")
    imports.add_argument(
        "--mood-map",
        default="",
        metavar="MAP",
        help='Daylio mood names to 0-10, e.g. "rad=9,good=7,meh=5,bad=3,'
        'awful=1" (those five, and every mood of a backup, are placed '
        "by their level; a renamed mood in a CSV needs a value here)",
    )
    imports.add_argument(
        "--activity-map",
        default="",
        metavar="MAP",
        help='Daylio activities or Bearable factors, e.g. "friends=friend,'
        'family=family/phone,walk=coping,party=none" (Daylio: not '
        "imported unless mapped; Bearable: coping tags unless mapped)",
    )
    imports.add_argument(
        "--mood-scale",
        choices=("5", "10"),
        default=None,
        help="Bearable: the scale of its mood ratings, asked when every "
        "mood in the file is 1-5 (5 spreads them over 0-10)",
    )
    imports.add_argument(
        "--dry-run", action="store_true", help="show what would be imported and write nothing"
    )

    subcommand(
        commands,
        parent,
        "backup",
        _backup,
        "make a backup now",
        "Copy the journal into its backups/ folder.",
    )


def _sections(text: str) -> frozenset[str]:
    from journal.services import parse_sections

    try:
        return parse_sections(text)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def _export(args: argparse.Namespace) -> int:
    summary_options = [
        f"--{name}"
        for name, value in (
            ("from", args.start),
            ("to", args.end),
            ("sections", args.sections),
            ("names", args.names),
            ("paper", args.paper),
        )
        if value is not None
    ]
    if args.format != "pdf" and summary_options:
        raise ValidationError("format", f"{summary_options[0]} is for --format pdf only")
    keep_freed_memory()  # a summary's statistics drop and build many arrays (see journal.heap)
    with opened(args, read_only=True) as journal:
        if args.format == "pdf":
            return _export_pdf(args, journal)
        out = (
            journal.export_json(args.out) if args.format == "json" else journal.export_csv(args.out)
        )
    print(f"Exported to {out}.")
    return 0


def _export_pdf(args: argparse.Namespace, journal: Journal) -> int:
    from journal.services import default_paper

    end = args.end or journal.today()
    start = args.start or end - dt.timedelta(days=SUMMARY_DAYS - 1)
    sections = args.sections or DEFAULT_SECTIONS
    paper = {"a4": "A4", "letter": "Letter"}.get(args.paper or "", default_paper())
    out = journal.export_summary(args.out, start, end, sections, args.names or "hidden", paper)
    chosen = ", ".join(key for key in SECTIONS if key in sections)
    print(
        f"Exported the summary of {start} to {end} ({chosen}; names "
        f"{args.names or 'hidden'}; {paper}) to {out}."
    )
    left_out = journal.safety_left_out(start, end, sections)
    if left_out:  # said plainly; the choice of sections stays the person's
        print(
            f"Note: the PHQ-9 of {', '.join(map(str, left_out))} had item 9 answered above 0; "
            "the summary leaves this out because questionnaires are not among the sections."
        )
    return 0


SOURCES = {
    "daylio-csv-1": "Daylio CSV (oldest layout: year, date)",
    "daylio-csv-2": "Daylio CSV (full_date, no note title)",
    "daylio-csv-3": "Daylio CSV (full_date, note title)",
    "daylio-csv-4": "Daylio CSV (newest layout, with scales)",
    "daylio-backup": "Daylio backup (.daylio)",
    "bearable": "Bearable CSV",
}


def _print_preview(preview: ImportPreview, mood_scale: int | None = None) -> None:
    """What comes in, and what does not, in the words of the app's preview."""
    print(f"{SOURCES.get(preview.source, preview.source)}: {counted(preview.entries, 'row')}.")
    if preview.days:
        first, last = preview.days[0].date, preview.days[-1].date
        print(
            f"{counted(len(preview.days), 'day')} from {first} to {last}, "
            f"{counted(len(preview.contacts), 'contact')}."
        )
    else:
        print("No new days.")
    if preview.source == "bearable":
        from journal.services import bearable_rules

        for rule in bearable_rules(mood_scale):
            print(rule)
    else:
        print("Mood labels: " + ", ".join(preview.mood_labels))
        print(
            f"{len(preview.moods_mapped)} moods placed by their level, "
            f"{len(preview.moods_asked)} from --mood-map"
            + (f" ({', '.join(preview.moods_asked)})" if preview.moods_asked else "")
            + "; several entries on one day: the mean, rounded half up."
        )
    if preview.sleep_days:
        print(f"Sleep hours on {counted(preview.sleep_days, 'day')}.")
    if preview.kept_in_notes:
        print(
            f"{len(preview.kept_in_notes)} kinds of reading kept in the notes: "
            + ", ".join(f"{name} ({n})" for name, n in preview.kept_in_notes.items())
        )
    if preview.unmapped_activities:
        print(
            "Not imported (map them with --activity-map): " + ", ".join(preview.unmapped_activities)
        )
    if preview.days_without_mood:
        print(
            f"Not imported (a check-in needs a mood): "
            f"{counted(len(preview.days_without_mood), 'day')} with no mood reading."
        )
    if preview.skipped_days:
        print(
            f"Left as they were: {counted(len(preview.skipped_days), 'day')} already in "
            "the journal."
        )


def _check_format(args: argparse.Namespace, journal: Journal) -> None:
    """Say so when the file is plainly another app's, rather than a puzzling column error."""
    found = journal.detect_import(args.path)
    wanted = {"daylio-backup": "daylio"}.get(found or "", found)
    if found and wanted != args.format:
        names = {
            "json": "a Connection Journal export",
            "daylio": "a Daylio CSV",
            "daylio-backup": "a Daylio backup",
            "bearable": "a Bearable export",
        }
        raise ValidationError(
            "format", f"{args.path} looks like {names[found]}: use --format {wanted}"
        )


def _dry_run_journal(args: argparse.Namespace) -> contextlib.AbstractContextManager[Journal]:
    """What a dry run reads: the journal opened read-only (no lock, no daily backup, nothing
    created), or an empty one in memory when there is no journal yet."""
    from journal import paths
    from journal.services import Journal as JournalClass

    if paths.database_path(data_dir(args)).exists():
        return opened(args, read_only=True)
    return contextlib.closing(JournalClass.in_memory())


def _import(args: argparse.Namespace) -> int:
    from journal.services import parse_map

    with _dry_run_journal(args) if args.dry_run else opened(args) as journal:
        if args.format in ("daylio", "bearable"):
            _check_format(args, journal)
            moods = parse_map(args.mood_map, "mood_map")
            activities = parse_map(args.activity_map, "activity_map")
            if args.format == "daylio":
                act = journal.preview_daylio if args.dry_run else journal.import_daylio
                preview = act(args.path, moods, activities)
            else:
                act = journal.preview_bearable if args.dry_run else journal.import_bearable
                preview = act(args.path, activities, args.mood_scale)
            _print_preview(preview, int(args.mood_scale or 0) or None)
            print("Nothing was written (dry run)." if args.dry_run else "Imported.")
            return 0
        mode = "merge" if args.merge else "replace" if args.replace else "new"
        if args.dry_run:
            from journal.services import read_export

            parsed = read_export(args.path)
            print(f"The file is valid: {counted(parsed.count(), 'record')}.")
            return 0
        outcome = journal.import_json(args.path, mode)
    if outcome.backup:
        print(f"Backup made first: {outcome.backup}")
    added = ", ".join(_records(t, n) for t, n in outcome.added.items()) or "nothing new"
    print(f"Imported: {added}.")
    for conflict in outcome.conflicts:
        print(f"  kept the journal's version: {conflict}")
    return 0


def _backup(args: argparse.Namespace) -> int:
    with opened(args, create=False) as journal:
        path = journal.backup("manual")
    print(f"Backup written to {path}.")
    return 0


#: What an import added to a table, in words (as the Share page says it): singular, plural.
RECORD_NOUNS = {
    "people": ("person", "people"),
    "days": ("day", "days"),
    "contacts": ("contact", "contacts"),
    "sessions": ("session", "sessions"),
    "medications": ("medication", "medications"),
    "doses": ("dose taken or missed", "doses taken or missed"),
    "commitments": ("commitment", "commitments"),
    "commitment_log": ("day of a commitment", "days of commitments"),
    "assessments": ("questionnaire", "questionnaires"),
    "agenda": ("topic", "topics"),
}


def _records(table: str, n: int) -> str:
    """ "1 person", "3 days of commitments", "the safety plan"."""
    if table in ("safety_plan", "settings"):
        return f"the {table.replace('_', ' ')}"
    one, many = RECORD_NOUNS.get(table, (table, table))
    return counted(n, one, many)
