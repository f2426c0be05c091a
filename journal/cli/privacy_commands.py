"""Privacy subcommands: passphrase set|change|remove, restore."""

from __future__ import annotations

import argparse
from pathlib import Path

from journal import paths
from journal.cli.common import (
    actions,
    ask,
    counted,
    data_dir,
    opened,
    passphrase_for,
    read_passphrase_file,
    subcommand,
)
from journal.domain.errors import JournalError, ValidationError


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    passphrase = actions(
        commands,
        parent,
        "passphrase",
        "set, change or remove the journal's passphrase",
        "Encrypt the journal (and its backups) with a passphrase, change it or "
        "remove it. The journal is backed up first and rewritten safely. The new "
        "passphrase is asked twice on the terminal, or read from --new-passphrase-"
        "file; it is never given on the command line itself.",
    )
    for action, summary in (
        ("set", "encrypt a plain journal"),
        ("change", "choose a new passphrase"),
        ("remove", "decrypt the journal"),
    ):
        sub = subcommand(passphrase, parent, action, _passphrase, summary)
        if action != "remove":
            sub.add_argument(
                "--new-passphrase-file",
                metavar="FILE",
                type=Path,
                help="read the new passphrase from the first line of FILE",
            )

    restore = subcommand(
        commands,
        parent,
        "restore",
        _restore,
        "list backups or restore one",
        "Without NAME (or with --list): list the backups that check out, newest "
        "first, with the days each holds and its last entry. With NAME: back up "
        "the current state, then restore that backup.",
    )
    restore.add_argument("name", nargs="?", metavar="NAME")
    restore.add_argument("--list", action="store_true", help="list the backups")
    restore.add_argument(
        "--yes",
        action="store_true",
        help="restore even a backup that holds fewer days than the journal",
    )


def _new_passphrase(args: argparse.Namespace) -> str:
    if getattr(args, "new_passphrase_file", None):
        return read_passphrase_file(args.new_passphrase_file)
    first = ask("New passphrase: ")
    if ask("Once more: ") != first:
        raise ValidationError("passphrase", "the two passphrases are not the same")
    return first


def _passphrase(args: argparse.Namespace) -> int:
    """Set, change or remove; a retry after an interrupted change that was finished says so."""
    from journal.domain.errors import JournalError, WrongPassphrase
    from journal.services import journal_is_plain, journal_opens_with

    folder = data_dir(args)
    path = paths.database_path(folder)
    try:
        with opened(args, create=False) as journal:
            if args.action == "set":
                done = journal.set_passphrase(_new_passphrase(args))
                print(
                    "The journal and its backups are now encrypted. Keep the passphrase "
                    "safe: without it the journal cannot be opened."
                )
            elif args.action == "change":
                done = journal.change_passphrase(_new_passphrase(args))
                print("Passphrase changed (backups too).")
            else:
                done = journal.remove_passphrase()
                print("The journal and its backups are no longer encrypted.")
    except WrongPassphrase:
        if args.action != "change" or not journal_opens_with(folder, _new_passphrase(args)):
            raise
        print(
            "The journal already has the new passphrase (the change was finished when the "
            "journal was last opened)."
        )
        return 0
    except JournalError:
        if not path.exists() or path.stat().st_size == 0:
            raise
        if args.action == "remove" and journal_is_plain(folder):
            print(
                "The journal is not encrypted (the removal was finished when the journal "
                "was last opened)."
            )
            return 0
        if (
            args.action == "set"
            and getattr(args, "new_passphrase_file", None)
            and not journal_is_plain(folder)
            and journal_opens_with(folder, _new_passphrase(args))
        ):
            print(
                "The journal is already encrypted with this passphrase (the change was "
                "finished when the journal was last opened)."
            )
            return 0
        raise
    if done.message():
        print(done.message())
    return 0


def _restore(args: argparse.Namespace) -> int:
    from journal.domain.errors import JournalDamaged, JournalNotFound
    from journal.services import backups, unverified_backups

    listing = args.list or not args.name
    try:
        return _restore_open(args, listing)
    except (JournalDamaged, JournalNotFound) as error:
        folder = data_dir(args)
        passphrase = passphrase_for(args)
        checked = backups(folder, passphrase)
        if not checked:
            raise
        if listing:
            print(f"{error}\nBackups you can restore with `restore NAME`:")
            _print_backups(checked, unverified_backups(folder, passphrase))
            return 1
        from journal.services import local_now, restore_damaged

        aside = restore_damaged(folder, args.name, now=local_now(), passphrase=passphrase)
        kept = f" The damaged journal was kept, unchanged, as {aside.name}." if aside else ""
        print(f"Restored {args.name}.{kept}")
        return 0


def _print_backups(backups: list, unverified: list[Path]) -> None:
    """One line per backup: name, time, reason, size, days held and last entry."""
    import sys

    for info in backups:
        last = f"last entry {info.last_entry}" if info.last_entry else "no entries"
        print(
            f"{info.name}\t{info.time:%Y-%m-%d %H:%M}\t{info.reason}\t{info.size:,} bytes"
            f"\t{counted(info.days, 'day')}\t{last}"
        )
    if unverified:
        names = ", ".join(p.name for p in unverified)
        print(
            f"Not offered, because they do not check out (left in place): {names}", file=sys.stderr
        )


def _restore_open(args: argparse.Namespace, listing: bool) -> int:
    from journal.services import FewerDays

    if listing:
        with opened(args, read_only=True) as journal:
            backups = journal.backup_details()
            if not backups:
                print("No backups yet.")
            _print_backups(backups, journal.unverified_backups())
        return 0
    with opened(args, create=False) as journal:
        try:
            safety = journal.restore(args.name, allow_fewer_days=args.yes)
        except FewerDays as error:
            raise JournalError(
                f"{error} Add --yes to restore it anyway (your journal is backed up first)."
            ) from None
    print(f"Restored {args.name}. The state before it was backed up as {safety.name}.")
    return 0
