"""The ``connection-journal`` command: opens the app, or runs a subcommand over the services.

A thin layer: parse arguments, call ``Journal`` services, print. Qt is imported only when the
app is opened, so every subcommand runs without a display. Problems the person can act on
(``JournalError``) are one calm line on stderr with a non-zero exit, never a traceback:
exit 2 for bad input or arguments, 1 for everything else.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from journal import __version__, paths
from journal.cli.common import PROG, Parser, data_dir_parent, help_found_later
from journal.domain.errors import JournalError, ValidationError

#: The modules of the subcommands, in the order ``--help`` lists them.
MODULES = (
    "journal_commands",
    "treatment_commands",
    "report_commands",
    "privacy_commands",
    "people_commands",
)
#: Which module registers each subcommand (a test keeps it equal to what they register).
COMMAND_MODULES = {
    **dict.fromkeys(("demo", "check", "insights", "log", "contact"), "journal_commands"),
    **dict.fromkeys(
        ("session", "medication", "dose", "commitment", "done", "topic"), "treatment_commands"
    ),
    **dict.fromkeys(("export", "import", "backup"), "report_commands"),
    **dict.fromkeys(("passphrase", "restore"), "privacy_commands"),
    "person": "people_commands",
}
_TAKES_VALUE = frozenset({"--data-dir", "--passphrase-file"})
#: The options of the command line itself that take no value.
_FLAGS = frozenset(
    {"--version", "--demo", "--minimized", "--install-desktop-entry", "--uninstall-desktop-entry"}
)


def modules_for(argv: Sequence[str]) -> tuple[str, ...]:
    """The subcommand modules a command line needs: the one of the command it names; none when
    it names none (opening the app, ``--version``); all of them for help, an unknown word or
    anything unusual, so argparse's own messages (the list of commands) stay as they are.

    Building every subcommand costs ~10 ms and importing their modules as much again, at every
    start of the app and every command.
    """
    value_next = False
    for token in argv:
        if value_next:
            value_next = False
        elif token in _TAKES_VALUE:
            value_next = True
        elif token in _FLAGS or token.startswith(tuple(f"{o}=" for o in _TAKES_VALUE)):
            continue
        elif token.startswith("-"):  # help, an abbreviation ("--data"), "-1", "--": argparse's
            return MODULES
        else:
            module = COMMAND_MODULES.get(token)
            return (module,) if module else MODULES
    return ()


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line; ``--data-dir`` is accepted before or after a subcommand. Given
    ``argv``, only the subcommands it needs are built (``modules_for``); all without."""
    parent = data_dir_parent()
    parser = Parser(
        prog=PROG,
        parents=[parent],
        description="A private journal of connection, mood and treatment. Without a "
        "subcommand, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    help_found_later(
        parser.add_argument("--demo", action="store_true"),
        "open a generated demo journal kept in its own folder ({}), never your own journal",
        paths.demo_data_dir,
    )
    parser.add_argument(
        "--minimized",
        action="store_true",
        help="start with the window minimised (used by the login autostart)",
    )
    parser.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add Connection Journal to your application menu (with its icon "
        "and AppStream metadata) and exit",
    )
    parser.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="remove what --install-desktop-entry added (your journal is not touched) and exit",
    )
    modules = MODULES if argv is None else modules_for(argv)
    if not modules:
        parser.set_defaults(command=None)
        return parser
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in modules:
        importlib.import_module(f"journal.cli.{name}").register(commands, parent)
    return parser


def _open_app(args: argparse.Namespace) -> int:
    folder = paths.resolve_data_dir(getattr(args, "data_dir", None))
    if args.demo:
        from journal.cli.journal_commands import DEMO_DAYS
        from journal.services import Journal, generate_demo

        folder = paths.resolve_data_dir(getattr(args, "data_dir", None) or paths.demo_data_dir())
        journal = Journal.open(folder)
        try:
            if journal.is_empty():
                generate_demo(journal, days=DEMO_DAYS, seed=1)
                paths.mark_demo_dir(folder)  # the window then says "Demo journal"
        finally:
            journal.close()
    from journal.services import check_early

    check_early(folder)  # on the other core while Qt is imported
    from journal.app import run  # Qt is imported only here

    return run(folder, minimized=args.minimized)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``connection-journal`` and ``python -m journal``; returns the exit code."""
    args = argparse.Namespace()  # what the handler below knows if parsing itself fails
    try:
        given = sys.argv[1:] if argv is None else list(argv)
        args = build_parser(given).parse_args(given)
        if args.install_desktop_entry:
            from journal.desktop import install_desktop_entry

            written = install_desktop_entry()
            print(
                f"Installed the menu entry, icons and metadata ({len(written)} files), e.g. "
                f"{written[0]}."
            )
            return 0
        if args.uninstall_desktop_entry:
            from journal.desktop import uninstall_desktop_entry

            removed = uninstall_desktop_entry()
            print(
                f"Removed the menu entry, icons and metadata ({len(removed)} files); your "
                "journal is untouched."
                if removed
                else "The menu entry was not installed; nothing to remove."
            )
            return 0
        if args.command is None:
            return _open_app(args)
        return int(args.handler(args))
    except ValidationError as error:
        print(f"{PROG}: {'; '.join(error.all.values())}", file=sys.stderr)
        return 2
    except JournalError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. piped into `head`: not an error worth a message
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the one place a bug or a refusal of the system ends
        return _calm_failure(args, error)


def _calm_failure(args: argparse.Namespace, error: Exception) -> int:
    """One calm line for anything that is not a ``JournalError``: a refusal of the system (a
    full disk, a read-only file) as such; anything else is a bug, written to the bug log
    without the person's words, and the line says where."""
    from journal.buglog import record_bug
    from journal.domain.system_errors import calm_error

    calm = calm_error(error)
    if calm is not None:
        print(f"{PROG}: {calm}", file=sys.stderr)
        return 1
    where = " ".join(
        str(part)
        for part in ("cli", getattr(args, "command", None), getattr(args, "action", None))
        if part
    )
    folder = paths.resolve_data_dir(getattr(args, "data_dir", None))
    written = record_bug(folder, error, where=where, version=__version__)
    details = (
        f"Details were written to {written}."
        if written
        else "Details could not be written down (the data folder is missing or not writable)."
    )
    print(
        f"{PROG}: Something went wrong on our side. Nothing you saved is lost. {details}",
        file=sys.stderr,
    )
    return 1
