"""Privacy subcommands: passphrase set|change|remove, restore."""

from __future__ import annotations

import argparse
from pathlib import Path

from journal import paths
from journal.cli.common import (
    Parser,
    ask,
    data_dir,
    opened,
    passphrase_for,
    read_passphrase_file,
)
from journal.domain.errors import ValidationError


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    passphrase = commands.add_parser(
        "passphrase", parents=[parent], help="set, change or remove the journal's passphrase",
        description="Encrypt the journal (and its backups) with a passphrase, change it or "
                    "remove it. The journal is backed up first and rewritten safely. The new "
                    "passphrase is asked twice on the terminal, or read from --new-passphrase-"
                    "file; it is never given on the command line itself.",
    ).add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=Parser)
    for action, summary in (("set", "encrypt a plain journal"),
                            ("change", "choose a new passphrase"),
                            ("remove", "decrypt the journal")):
        sub = passphrase.add_parser(action, parents=[parent], help=summary)
        if action != "remove":
            sub.add_argument("--new-passphrase-file", metavar="FILE",
                             type=Path,
                             help="read the new passphrase from the first line of FILE")
        sub.set_defaults(handler=_passphrase)

    restore = commands.add_parser(
        "restore", parents=[parent], help="list backups or restore one",
        description="Without NAME (or with --list): list the backups, newest first. With "
                    "NAME: back up the current state, then restore that backup.")
    restore.add_argument("name", nargs="?", metavar="NAME")
    restore.add_argument("--list", action="store_true", help="list the backups")
    restore.set_defaults(handler=_restore)


def _new_passphrase(args: argparse.Namespace) -> str:
    if getattr(args, "new_passphrase_file", None):
        return read_passphrase_file(args.new_passphrase_file)
    first = ask("New passphrase: ")
    if ask("Once more: ") != first:
        raise ValidationError("passphrase", "the two passphrases are not the same")
    return first


def _passphrase(args: argparse.Namespace) -> int:
    """Set, change or remove; a retry after an interrupted change that was finished says so."""
    from journal.domain.errors import JournalError
    from journal.store.connection import WrongPassphrase, looks_plain
    from journal.store.encryption import opens_with

    path = paths.database_path(data_dir(args))
    try:
        with opened(args, create=False) as journal:
            if args.action == "set":
                done = journal.set_passphrase(_new_passphrase(args))
                print("The journal and its backups are now encrypted. Keep the passphrase "
                      "safe: without it the journal cannot be opened.")
            elif args.action == "change":
                done = journal.change_passphrase(_new_passphrase(args))
                print("Passphrase changed (backups too).")
            else:
                done = journal.remove_passphrase()
                print("The journal and its backups are no longer encrypted.")
    except WrongPassphrase:
        if args.action != "change" or not opens_with(path, _new_passphrase(args)):
            raise
        print("The journal already has the new passphrase (the change was finished when the "
              "journal was last opened).")
        return 0
    except JournalError:
        if not path.exists() or path.stat().st_size == 0:
            raise
        if args.action == "remove" and looks_plain(path):
            print("The journal is not encrypted (the removal was finished when the journal "
                  "was last opened).")
            return 0
        if args.action == "set" and getattr(args, "new_passphrase_file", None) and \
                not looks_plain(path) and opens_with(path, _new_passphrase(args)):
            print("The journal is already encrypted with this passphrase (the change was "
                  "finished when the journal was last opened).")
            return 0
        raise
    if done.message():
        print(done.message())
    return 0


def _restore(args: argparse.Namespace) -> int:
    from journal.domain.errors import JournalDamaged
    from journal.store.backup import backup_reason, backup_time, list_backups

    try:
        return _restore_open(args)
    except JournalDamaged as error:
        folder = data_dir(args)
        if args.list or not args.name:
            print(f"{error}\nBackups you can restore with `restore NAME`:")
            for path in list_backups(folder):
                when = backup_time(path)
                print(f"{path.name}\t{when:%Y-%m-%d %H:%M}\t{backup_reason(path)}")
            return 1
        from journal.privacy import restore_damaged
        from journal.services import local_now

        aside = restore_damaged(folder, args.name, now=local_now(),
                                passphrase=passphrase_for(args))
        print(f"Restored {args.name}. The damaged journal was kept, unchanged, as {aside.name}.")
        return 0


def _restore_open(args: argparse.Namespace) -> int:
    from journal.store.backup import backup_reason, backup_time

    with opened(args, create=False) as journal:
        if args.list or not args.name:
            backups = journal.backups()
            if not backups:
                print("No backups yet.")
            for path in backups:
                when = backup_time(path)
                print(f"{path.name}\t{when:%Y-%m-%d %H:%M}\t{backup_reason(path)}"
                      f"\t{path.stat().st_size:,} bytes")
            return 0
        safety = journal.restore(args.name)
    print(f"Restored {args.name}. The state before it was backed up as {safety.name}.")
    return 0
