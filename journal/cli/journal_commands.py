"""Subcommands about the journal itself and daily logging: demo, check, insights, log, contact."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from journal import paths
from journal.cli.common import (
    actions,
    counted,
    data_dir,
    date,
    nothing_to_list,
    opened,
    positive_int,
    subcommand,
    whole_number,
    with_passphrase,
)
from journal.domain.errors import ValidationError
from journal.domain.kinds import RATINGS, Mode, Relationship
from journal.heap import keep_freed_memory

if TYPE_CHECKING:
    from journal.services import Journal

DEMO_DAYS = 365
#: The longest demo journal (a hundred years; ``journal.demo.generate`` refuses more).
DEMO_MAX_DAYS = 36_500


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    demo = subcommand(
        commands,
        parent,
        "demo",
        _demo,
        "fill an empty journal with realistic generated data",
        "Fill an empty journal with realistic generated data ending today.",
    )
    demo.add_argument(
        "--days",
        type=demo_days,
        default=DEMO_DAYS,
        help=f"number of days to generate, 1 to {DEMO_MAX_DAYS} (default {DEMO_DAYS})",
    )
    demo.add_argument("--seed", type=whole_number, default=1, help="random seed (default 1)")
    demo.add_argument(
        "--force",
        action="store_true",
        help="replace a journal that already has entries (after a backup)",
    )
    demo.add_argument(
        "--yes",
        action="store_true",
        help="with --force on your own journal: replace it without asking",
    )

    subcommand(
        commands,
        parent,
        "check",
        _check,
        "check the journal's integrity and count its records",
        "Check the journal's integrity, schema version and records. Exit 0 when "
        "healthy, 1 otherwise. Never changes the journal.",
    )

    insights = subcommand(
        commands,
        parent,
        "insights",
        _insights,
        "the figures and sentences of the Insights page",
        "How connection and mood moved together: every figure with its n, range "
        "and 95%% CI. Associations, not proof of cause.",
    )
    insights.add_argument(
        "--from",
        dest="start",
        type=date,
        metavar="DATE",
        help="first day (default: the first check-in)",
    )
    insights.add_argument(
        "--to", dest="end", type=date, metavar="DATE", help="last day (default: today)"
    )
    insights.add_argument(
        "--json", action="store_true", help="print every figure as JSON (schema in the README)"
    )

    log = subcommand(
        commands,
        parent,
        "log",
        _log,
        "save a day's check-in (only the fields given change)",
        "Save a day's check-in. On a day already logged, only the fields given "
        "change. Ratings are whole numbers 0-10 (mood: 10 best; anxiety and "
        "loneliness: 0 none).",
    )
    log.add_argument("--date", type=date, metavar="DATE", help="the day (default: today)")
    for name in RATINGS:
        log.add_argument(f"--{name}", metavar="N", help=f"{name} 0-10")
    log.add_argument("--sleep", dest="sleep_hours", metavar="HOURS", help="hours slept, 0-24")
    log.add_argument("--coping", metavar="TAGS", help='what helped, comma separated: "walk, music"')
    log.add_argument("--note", metavar="TEXT", help="a note for the day")

    contact = actions(
        commands, parent, "contact", "add or list contacts", "Add or list the contacts of a day."
    )
    add = subcommand(
        contact,
        parent,
        "add",
        _contact_add,
        "add a contact",
        "Add a contact. A new person needs --kind and is created with it.",
    )
    add.add_argument("--date", type=date, metavar="DATE", help="the day (default: today)")
    add.add_argument("--person", required=True, metavar="NAME", help="person or group")
    add.add_argument(
        "--mode", required=True, choices=[m.value for m in Mode], help="how you connected"
    )
    add.add_argument(
        "--kind",
        choices=[k.value for k in Relationship],
        help="relationship kind (default: the person's)",
    )
    add.add_argument("--minutes", metavar="M", help="how long, 0-1440")
    add.add_argument(
        "--quality", metavar="Q", default="3", help="how connected did you feel, 1-5 (default 3)"
    )
    add.add_argument("--note", metavar="TEXT", default="", help="a note")
    listing = subcommand(contact, parent, "list", _contact_list, "list a day's contacts")
    listing.add_argument("--date", type=date, metavar="DATE", help="the day (default: today)")


def demo_days(text: str) -> int:
    """``--days`` of ``demo``: a wrong number is a usage error (exit 2), like any bad argument."""
    value = positive_int(text)
    if value > DEMO_MAX_DAYS:
        raise argparse.ArgumentTypeError(f"expected at most {DEMO_MAX_DAYS} days, got {value}")
    return value


def _demo(args: argparse.Namespace) -> int:
    from journal.services import generate_demo

    with opened(args) as journal:
        backup = None
        if args.force and not journal.is_empty():
            if _own_journal(args):
                _confirm_replacing(journal, args.yes)
            backup = journal.backup("before-demo")
        summary = generate_demo(journal, days=args.days, seed=args.seed, force=args.force)
    if backup is not None:
        print(f"Your journal was backed up first, as {backup}.")
    print(
        f"Demo journal in {data_dir(args)}: {counted(summary.days, 'check-in')} and "
        f"{counted(summary.contacts, 'contact')} from {summary.first_day} to {summary.last_day}."
    )
    return 0


def _own_journal(args: argparse.Namespace) -> bool:
    """Whether the person's own journal is meant: no --data-dir, no environment variable."""
    import os

    return not getattr(args, "data_dir", None) and not os.environ.get(paths.ENV_VAR)


def _confirm_replacing(journal: Journal, yes: bool) -> None:
    """Replacing the person's own journal by demo data needs a yes (asked on a terminal)."""
    import sys

    from journal.domain.errors import JournalError

    if yes:
        return
    days = journal.days_held()
    if not sys.stdin.isatty():
        raise JournalError(
            f"This would replace your own journal ({counted(days, 'day')}) with demo "
            "data; nothing has been changed. Add --yes to do it (a backup is "
            "made first), or use --data-dir for a demo journal of its own."
        )
    answer = input(
        f"Replace your own journal ({counted(days, 'day')}) with demo data? A backup is "
        "made first. Type yes to go on: "
    )
    if answer.strip().casefold() not in ("y", "yes"):
        raise JournalError("Nothing has been changed.")


def _check(args: argparse.Namespace) -> int:
    # The one command that reaches the store itself: it reads with the standard library's
    # sqlite3 alone (no sqlite-utils, no numpy, not journal.services), so a check starts as
    # fast as Python does (tests/test_cli_start.py).
    from journal.store.integrity import check_journal

    report = with_passphrase(args, lambda passphrase: check_journal(data_dir(args), passphrase))
    print(f"Journal: {paths.database_path(data_dir(args))}")
    expected = report.expected_version
    current = "current" if report.version == expected else f"expected {expected}"
    print(f"Schema version: {report.version} ({current})")
    print("Health: " + ("ok" if report.healthy else "PROBLEMS FOUND"))
    for problem in report.problems:
        print(f"  - {problem}")
    print("Records:")
    for table, count in report.counts.items():
        print(f"  {table:<15} {count:>8,}")
    return 0 if report.healthy else 1


def _insights(args: argparse.Namespace) -> int:
    keep_freed_memory()  # a lifetime's statistics drop and build hundreds of arrays
    with opened(args, read_only=True, check_beside=True) as journal:  # prints after it
        default_start, default_end = journal.default_range()
        # one-shot: reads only the range asked for, keeps nothing
        report = journal.insights(args.start or default_start, args.end or default_end, keep=False)
    if args.json:
        import json

        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
        return 0
    checkins = counted(report.checkins, "check-in")
    print(f"Insights for {report.start} to {report.end} ({checkins}):")
    for sentence in report.sentences:
        print(f"\n- {sentence.sentence}")
    return 0


def _log(args: argparse.Namespace) -> int:
    from journal.domain.parse import day_as_text, parse_day

    with opened(args) as journal:
        day_date = args.date or journal.today()
        raw = day_as_text(journal.day(day_date))
        given = {name: getattr(args, name) for name in raw if getattr(args, name) is not None}
        if not given:
            raise ValidationError("mood", "give at least one field to log, e.g. --mood 6")
        day = journal.save_day(parse_day(day_date, {**raw, **given}))
    # an empty value clears a field: say so, so no words go without a trace
    cleared = [name for name, value in given.items() if not str(value).strip() and raw.get(name)]
    print(
        f"Saved {day.date}: mood {day.mood}."
        + (f" Cleared: {', '.join(cleared)}." if cleared else "")
    )
    return 0


def _contact_add(args: argparse.Namespace) -> int:
    from journal.domain.validate import parse_int

    minutes = parse_int("minutes", args.minutes or "")
    quality = parse_int("quality", args.quality, required=True)
    with opened(args) as journal:
        if not args.kind and journal.person_by_name(args.person) is None:
            raise ValidationError(
                "person", f"there is nobody called “{args.person}” yet; add --kind to create them"
            )
        saved = journal.save_contact_for(  # checked whole first; one transaction
            args.person,
            kind=args.kind,
            mode=args.mode,
            quality=quality,
            minutes=minutes,
            date=args.date or journal.today(),
            note=args.note,
        )
    print(f"Added contact {saved.contact.id}: {saved.person.name} on {saved.contact.date}.")
    return 0


def _contact_list(args: argparse.Namespace) -> int:
    with opened(args, read_only=True) as journal:
        day = args.date or journal.today()
        contacts = journal.contacts_on(day)
        for c in contacts:
            person = journal.person(c.person_id) if c.person_id else None
            who = person.name if person else c.kind.label
            minutes = f", {c.minutes} min" if c.minutes is not None else ""
            print(f"{c.id}\t{who}\t{c.mode.label}{minutes}\thow connected {c.quality}/5")
    if not contacts:
        nothing_to_list(f"No contacts on {day}.")
    return 0
