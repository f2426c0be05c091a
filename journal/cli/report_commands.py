"""Sharing subcommands: export, import, backup."""

from __future__ import annotations

import argparse
from pathlib import Path

from journal.cli.common import opened


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    export = commands.add_parser(
        "export", parents=[parent], help="export the journal (json, csv)",
        description="Export the whole journal as versioned JSON (to import elsewhere) or as a "
                    "zip of CSV files for spreadsheets. The file is written atomically and "
                    "readable only by you.")
    export.add_argument("--format", required=True, choices=("json", "csv"))
    export.add_argument("--out", required=True, type=Path, metavar="PATH")
    export.set_defaults(handler=_export)

    imports = commands.add_parser(
        "import", parents=[parent], help="import a JSON export or a Daylio CSV",
        description="Import a file. It is validated whole first; a bad file writes nothing. "
                    "A journal that already has entries needs --merge or --replace (JSON).")
    imports.add_argument("path", type=Path, metavar="PATH")
    imports.add_argument("--format", required=True, choices=("json", "daylio"))
    how = imports.add_mutually_exclusive_group()
    how.add_argument("--merge", action="store_true",
                     help="add what is not there yet (natural keys); conflicts are reported")
    how.add_argument("--replace", action="store_true",
                     help="replace everything, after a backup")
    imports.add_argument("--mood-map", default="", metavar="MAP",
                         help='Daylio mood labels to 0-10, e.g. "rad=9,good=7,meh=5,bad=3,'
                              'awful=1" (those five are the defaults)')
    imports.add_argument("--activity-map", default="", metavar="MAP",
                         help='Daylio activities, e.g. "friends=friend,family=family/phone,'
                              'walk=coping,party=none"')
    imports.add_argument("--dry-run", action="store_true",
                         help="show what would be imported and write nothing")
    imports.set_defaults(handler=_import)

    backup = commands.add_parser("backup", parents=[parent], help="make a backup now",
                                 description="Copy the journal into its backups/ folder.")
    backup.set_defaults(handler=_backup)


def _export(args: argparse.Namespace) -> int:
    with opened(args, create=False) as journal:
        out = journal.export_json(args.out) if args.format == "json" else \
            journal.export_csv(args.out)
    print(f"Exported to {out}.")
    return 0


def _print_preview(preview: object) -> None:
    from journal.report.import_daylio import DaylioPreview

    assert isinstance(preview, DaylioPreview)
    if preview.days:
        print(f"{len(preview.days)} days from {preview.days[0].date} to {preview.days[-1].date}"
              f", {len(preview.contacts)} contacts.")
    else:
        print("No new days.")
    print("Mood labels: " + ", ".join(preview.mood_labels))
    if preview.unmapped_activities:
        print("Activities not imported (map them with --activity-map): "
              + ", ".join(preview.unmapped_activities))
    if preview.skipped_days:
        print(f"{len(preview.skipped_days)} days already in the journal were left as they are.")


def _import(args: argparse.Namespace) -> int:
    from journal.report.import_daylio import parse_map

    with opened(args) as journal:
        if args.format == "daylio":
            moods = parse_map(args.mood_map, "mood_map")
            activities = parse_map(args.activity_map, "activity_map")
            if args.dry_run:
                _print_preview(journal.preview_daylio(args.path, moods, activities))
                return 0
            preview = journal.import_daylio(args.path, moods, activities)
            _print_preview(preview)
            print("Imported.")
            return 0
        mode = "merge" if args.merge else "replace" if args.replace else "new"
        if args.dry_run:
            from journal.report.import_json import read_export

            parsed = read_export(args.path)
            print(f"The file is valid: {parsed.count():,} records.")
            return 0
        outcome = journal.import_json(args.path, mode)
    if outcome.backup:
        print(f"Backup made first: {outcome.backup}")
    added = ", ".join(f"{n:,} {t}" for t, n in outcome.added.items()) or "nothing new"
    print(f"Imported: {added}.")
    for conflict in outcome.conflicts:
        print(f"  kept the journal's version: {conflict}")
    return 0


def _backup(args: argparse.Namespace) -> int:
    with opened(args, create=False) as journal:
        path = journal.backup("manual")
    print(f"Backup written to {path}.")
    return 0
