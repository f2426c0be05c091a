"""The ``connection-journal`` command: opens the app, or runs a subcommand over the services.

A thin layer: parse arguments, call ``Journal`` services, print. Qt is imported only when the
app is opened, so every subcommand runs without a display. Problems the person can act on
(``JournalError``) are one calm line on stderr with a non-zero exit, never a traceback:
exit 2 for bad input or arguments, 1 for everything else.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from journal import __version__, paths
from journal.domain.errors import JournalError, ValidationError
from journal.domain.kinds import Mode, Relationship
from journal.domain.records import RATINGS

PROG = "connection-journal"
DEMO_DAYS = 365


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line naming the problem, exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2026-03-31, got {text!r}") \
            from None


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; ``--data-dir`` is accepted before or after a subcommand."""
    data_dir = argparse.ArgumentParser(add_help=False)
    data_dir.add_argument(
        "--data-dir", metavar="DIR", default=argparse.SUPPRESS,
        help=f"journal folder (default: ${paths.ENV_VAR} or {paths.default_data_dir()})",
    )
    parser = _Parser(
        prog=PROG, parents=[data_dir],
        description="A private journal of connection, mood and treatment. Without a "
                    "subcommand, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--demo", action="store_true",
        help="open a generated demo journal kept in its own folder "
             f"({paths.demo_data_dir()}), never your own journal",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser(
        "demo", parents=[data_dir], help="fill an empty journal with realistic generated data",
        description="Fill an empty journal with realistic generated data ending today.",
    )
    demo.add_argument("--days", type=_positive_int, default=DEMO_DAYS,
                      help=f"number of days to generate (default {DEMO_DAYS})")
    demo.add_argument("--seed", type=_int, default=1, help="random seed (default 1)")
    demo.add_argument("--force", action="store_true",
                      help="replace a journal that already has entries")

    commands.add_parser(
        "check", parents=[data_dir], help="check the journal's integrity and count its records",
        description="Check the journal's integrity, schema version and records. Exit 0 when "
                    "healthy, 1 otherwise. Never changes the journal.",
    )
    log = commands.add_parser(
        "log", parents=[data_dir], help="save a day's check-in (only the fields given change)",
        description="Save a day's check-in. On a day already logged, only the fields given "
                    "change. Ratings are whole numbers 0-10 (mood: 10 best; anxiety and "
                    "loneliness: 0 none).",
    )
    log.add_argument("--date", type=_date, metavar="DATE", help="the day (default: today)")
    for name in RATINGS:
        log.add_argument(f"--{name}", metavar="N", help=f"{name} 0-10")
    log.add_argument("--sleep", dest="sleep_hours", metavar="HOURS", help="hours slept, 0-24")
    log.add_argument("--coping", metavar="TAGS", help='what helped, comma separated: "walk, music"')
    log.add_argument("--note", metavar="TEXT", help="a note for the day")

    contact = commands.add_parser(
        "contact", parents=[data_dir], help="add or list contacts",
        description="Add or list the contacts of a day.",
    ).add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    add = contact.add_parser("add", parents=[data_dir], help="add a contact",
                             description="Add a contact. A new person needs --kind and is "
                                         "created with it.")
    add.add_argument("--date", type=_date, metavar="DATE", help="the day (default: today)")
    add.add_argument("--person", required=True, metavar="NAME", help="person or group")
    add.add_argument("--mode", required=True, choices=[m.value for m in Mode],
                     help="how you connected")
    add.add_argument("--kind", choices=[k.value for k in Relationship],
                     help="relationship kind (default: the person's)")
    add.add_argument("--minutes", metavar="M", help="how long, 0-1440")
    add.add_argument("--quality", metavar="Q", default="3",
                     help="how connected did you feel, 1-5 (default 3)")
    add.add_argument("--note", metavar="TEXT", default="", help="a note")
    listing = contact.add_parser("list", parents=[data_dir], help="list a day's contacts")
    listing.add_argument("--date", type=_date, metavar="DATE", help="the day (default: today)")

    insights = commands.add_parser(
        "insights", parents=[data_dir], help="the figures and sentences of the Insights page",
        description="How connection and mood moved together: every figure with its n, range "
                    "and 95%% CI. Associations, not proof of cause.",
    )
    insights.add_argument("--from", dest="start", type=_date, metavar="DATE",
                          help="first day (default: the first check-in)")
    insights.add_argument("--to", dest="end", type=_date, metavar="DATE",
                          help="last day (default: today)")
    insights.add_argument("--json", action="store_true",
                          help="print every figure as JSON (schema in the README)")
    return parser


def _data_dir(args: argparse.Namespace) -> Path:
    return paths.resolve_data_dir(getattr(args, "data_dir", None))


def _cmd_demo(args: argparse.Namespace) -> int:
    from journal.demo import generate
    from journal.services import Journal

    folder = _data_dir(args)
    journal = Journal.open(folder)
    try:
        summary = generate(journal, days=args.days, seed=args.seed, force=args.force)
    finally:
        journal.close()
    print(f"Demo journal in {folder}: {summary.days:,} check-ins and {summary.contacts:,} "
          f"contacts from {summary.first_day} to {summary.last_day}.")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from journal.services import Journal
    from journal.store.migrations import CURRENT_VERSION

    folder = _data_dir(args)
    journal = Journal.open(folder, create=False)
    try:
        report = journal.check()
    finally:
        journal.close()
    print(f"Journal: {paths.database_path(folder)}")
    current = "current" if report.version == CURRENT_VERSION else f"expected {CURRENT_VERSION}"
    print(f"Schema version: {report.version} ({current})")
    print("Health: " + ("ok" if report.healthy else "PROBLEMS FOUND"))
    for problem in report.problems:
        print(f"  - {problem}")
    print("Records:")
    for table, count in report.counts.items():
        print(f"  {table:<15} {count:>8,}")
    return 0 if report.healthy else 1


def _cmd_insights(args: argparse.Namespace) -> int:
    from journal.services import Journal

    journal = Journal.open(_data_dir(args), create=False)
    try:
        default_start, default_end = journal.default_range()
        report = journal.insights(args.start or default_start, args.end or default_end)
    finally:
        journal.close()
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
        return 0
    print(f"Insights for {report.start} to {report.end} ({report.checkins} check-ins):")
    for sentence in report.sentences:
        print(f"\n- {sentence.sentence}")
    return 0


def _cmd_log(args: argparse.Namespace) -> int:
    from journal.domain.parse import day_as_text, parse_day
    from journal.services import Journal

    journal = Journal.open(_data_dir(args))
    try:
        date = args.date or journal.today()
        raw = day_as_text(journal.day(date))
        given = {name: getattr(args, name) for name in raw if getattr(args, name) is not None}
        if not given:
            raise ValidationError("mood", "give at least one field to log, e.g. --mood 6")
        day = journal.save_day(parse_day(date, {**raw, **given}))
    finally:
        journal.close()
    print(f"Saved {day.date}: mood {day.mood}.")
    return 0


def _cmd_contact(args: argparse.Namespace) -> int:
    from journal.domain.records import Contact
    from journal.domain.validate import parse_int
    from journal.services import Journal

    journal = Journal.open(_data_dir(args))
    try:
        date = args.date or journal.today()
        if args.action == "list":
            for c in journal.contacts_on(date):
                who = journal.person(c.person_id).name if c.person_id else c.kind.label
                minutes = f", {c.minutes} min" if c.minutes is not None else ""
                print(f"{c.id}\t{who}\t{c.mode.label}{minutes}\thow connected {c.quality}/5")
            return 0
        person = journal.person_by_name(args.person)
        if person is None:
            if not args.kind:
                raise ValidationError("person", f"there is nobody called “{args.person}” yet; "
                                      "add --kind to create them")
            person = journal.add_person(args.person, args.kind)
        contact = Contact(
            date=date, person_id=person.id, kind=args.kind or person.relationship,
            mode=args.mode, minutes=parse_int("minutes", args.minutes or ""),
            quality=parse_int("quality", args.quality, required=True), note=args.note)
        contact = journal.add_contact(contact)
    finally:
        journal.close()
    print(f"Added contact {contact.id}: {person.name} on {contact.date}.")
    return 0


def _open_app(args: argparse.Namespace) -> int:
    if args.demo:
        from journal.demo import generate
        from journal.services import Journal

        folder = paths.resolve_data_dir(getattr(args, "data_dir", None) or paths.demo_data_dir())
        journal = Journal.open(folder)
        try:
            if journal.is_empty():
                generate(journal, days=DEMO_DAYS, seed=1)
        finally:
            journal.close()
    else:
        folder = _data_dir(args)
    from journal.app import run  # Qt is imported only here

    return run(folder)


_COMMANDS = {"demo": _cmd_demo, "check": _cmd_check, "insights": _cmd_insights,
             "log": _cmd_log, "contact": _cmd_contact}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``connection-journal`` and ``python -m journal``; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            return _open_app(args)
        return _COMMANDS[args.command](args)
    except ValidationError as error:
        print(f"{PROG}: {'; '.join(error.all.values())}", file=sys.stderr)
        return 2
    except JournalError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. piped into `head`: not an error worth a message
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:
        print(f"{PROG}: {error.strerror or error}: {error.filename or ''}".rstrip(": "),
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
