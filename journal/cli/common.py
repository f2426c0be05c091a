"""What every subcommand shares: the one-line-error parser, argument types, opening a journal."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

from journal import paths

if TYPE_CHECKING:
    from journal.services import Journal

PROG = "connection-journal"
T = TypeVar("T")


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line naming the problem, exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")

    def format_help(self) -> str:
        _finish_helps()
        return super().format_help()


#: Help texts finished only when a help is printed: action -> (text with "{}", what fills it).
_UNFINISHED: weakref.WeakKeyDictionary[argparse.Action, tuple[str, Callable[[], object]]] = (
    weakref.WeakKeyDictionary()
)


def help_found_later(action: argparse.Action, text: str, find: Callable[[], object]) -> None:
    """Give ``action`` the help ``text``, its ``{}`` filled with ``find()`` only when a help is
    printed (``Parser.format_help``): the default folders load platformdirs (~5 ms), which a
    command given ``--data-dir`` never needs. Until then ``{}`` reads "…" (Python 3.14 checks
    a help text as the argument is added: it holds no ``%`` placeholder to fail that)."""
    action.help = text.replace("{}", "…")
    _UNFINISHED[action] = (text, find)


def _finish_helps() -> None:
    for action, (text, find) in list(_UNFINISHED.items()):
        # a "%" of the folder is text, not a placeholder of argparse's
        action.help = text.replace("{}", str(find()).replace("%", "%%"))


def subcommand(
    commands: argparse._SubParsersAction,
    parent: argparse.ArgumentParser,
    name: str,
    handler: Callable[[argparse.Namespace], int] | None,
    summary: str,
    description: str | None = None,
) -> argparse.ArgumentParser:
    """The subcommand ``name`` with the shared options of ``parent`` (``--data-dir``,
    ``--passphrase-file``), run by ``handler``; ``summary`` is its line in the list of
    commands."""
    parser = commands.add_parser(name, parents=[parent], help=summary, description=description)
    if handler is not None:
        parser.set_defaults(handler=handler)
    return parser


def actions(
    commands: argparse._SubParsersAction,
    parent: argparse.ArgumentParser,
    name: str,
    summary: str,
    description: str | None = None,
) -> argparse._SubParsersAction:
    """A subcommand made of actions (``contact add``, ``session list``): where they go.
    Without ``description`` its help says ``summary``."""
    return subcommand(commands, parent, name, None, summary, description or summary).add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=Parser
    )


def counted(n: int, one: str, many: str | None = None) -> str:
    """``n`` and its noun, singular for one: "1 day", "2 days", "1,204 records"."""
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def nothing_to_list(message: str) -> None:
    """Say calmly that a list is empty, on stderr: a person sees it, a script reading the
    list's lines gets none."""
    print(message, file=sys.stderr)


def positive_int(text: str) -> int:
    value = whole_number(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None


def date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2026-03-31, got {text!r}") from None


def _folder(text: str) -> str:
    """A --data-dir that names a folder: an empty one (an unset variable in a script) would
    otherwise mean the person's own journal."""
    if not text.strip():
        raise argparse.ArgumentTypeError("--data-dir is empty; give a folder")
    return text


def data_dir_parent() -> argparse.ArgumentParser:
    """A parent parser so ``--data-dir`` works before or after any subcommand."""
    parent = argparse.ArgumentParser(add_help=False)
    folder = parent.add_argument(
        "--data-dir", metavar="DIR", default=argparse.SUPPRESS, type=_folder
    )
    help_found_later(
        folder, f"journal folder (default: ${paths.ENV_VAR} or {{}})", paths.default_data_dir
    )
    parent.add_argument(
        "--passphrase-file",
        metavar="FILE",
        type=Path,
        default=argparse.SUPPRESS,
        help="read the journal's passphrase from the first line of FILE (otherwise you are "
        "asked for it when the journal is encrypted; it is never given on the command "
        "line itself)",
    )
    return parent


def read_passphrase_file(path: Path) -> str:
    """The whole first line of a passphrase file, without its line ending.

    Only ``\n`` or ``\r\n`` ends the line (a form feed or U+2028 is part of the passphrase);
    a UTF-8 byte-order mark is not. The passphrase is NFC-normalised.
    """
    from journal.domain.errors import ValidationError
    from journal.domain.passphrase import usable

    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError(
            "passphrase_file", f"passphrase file: cannot read {path} ({error.strerror or error})"
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            "passphrase_file", f"passphrase file: {path} is not UTF-8 text"
        ) from None
    line = text.split("\n", 1)[0]
    line = line[:-1] if line.endswith("\r") else line
    if not line:
        raise ValidationError("passphrase_file", f"passphrase file: {path} is empty")
    if "\x00" in line:
        raise ValidationError(
            "passphrase_file",
            f"passphrase file: the first line of {path} "
            "holds a NUL character, which a passphrase cannot contain",
        )
    return usable(line)


def ask(prompt: str) -> str:
    """Ask on the terminal without echo; refuse when there is no terminal to ask on."""
    import getpass
    import sys

    from journal.domain.errors import JournalError
    from journal.domain.passphrase import usable

    if not sys.stdin.isatty():
        raise JournalError(
            "This needs a passphrase: give --passphrase-file FILE (there is no terminal to ask on)."
        )
    return usable(getpass.getpass(prompt))


#: Where ``opened`` keeps a passphrase it asked for, so a later step (restoring a damaged
#: journal) does not ask again.
_ASKED = "_asked_passphrase"


def passphrase_for(args: argparse.Namespace) -> str | None:
    """The passphrase given with --passphrase-file (or asked on the terminal), if any."""
    path = getattr(args, "passphrase_file", None)
    return read_passphrase_file(path) if path else getattr(args, _ASKED, None)


def data_dir(args: argparse.Namespace) -> Path:
    return paths.resolve_data_dir(getattr(args, "data_dir", None))


def with_passphrase(args: argparse.Namespace, open_with: Callable[[str | None], T]) -> T:
    """``open_with(passphrase)`` with ``--passphrase-file``'s passphrase, or, when the journal
    turns out to be encrypted and none was given, with one asked on the terminal."""
    from journal.domain.errors import PassphraseRequired

    passphrase = passphrase_for(args)
    try:
        return open_with(passphrase)
    except PassphraseRequired:
        if passphrase is not None:
            raise
        setattr(args, _ASKED, ask("Passphrase of the journal: "))
        return open_with(getattr(args, _ASKED))


@contextlib.contextmanager
def opened(
    args: argparse.Namespace,
    *,
    create: bool = True,
    lock: bool = True,
    read_only: bool = False,
    check_beside: bool = False,
) -> Iterator[Journal]:
    """The journal of ``--data-dir``, closed afterwards whatever happens.

    An encrypted journal is opened with ``--passphrase-file`` or a passphrase asked on the
    terminal. Commands that only read pass ``read_only=True``: no lock (they run beside the
    app), nothing written or created, a missing folder is "No journal in …". A command that
    only reads and prints after the block may pass ``check_beside``: the journal's structure
    is checked in a thread while it reads, and leaving the block says any damage found
    (as the open would have) before a word is printed.
    """
    from journal.services import Journal

    options = {"create": create and not read_only, "lock": lock, "read_only": read_only}
    journal = with_passphrase(
        args,
        lambda passphrase: Journal.open(
            data_dir(args), passphrase=passphrase, check_beside=check_beside, **options
        ),
    )
    try:
        yield journal
        journal.confirm_sound()
    except Exception:
        journal.confirm_sound()  # damage is what to say, not what reading it did
        raise
    finally:
        journal.close()
