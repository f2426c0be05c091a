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


_COMMANDS = {"demo": _cmd_demo, "check": _cmd_check, "insights": _cmd_insights}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``connection-journal`` and ``python -m journal``; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            return _open_app(args)
        return _COMMANDS[args.command](args)
    except ValidationError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
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
