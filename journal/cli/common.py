"""What every subcommand shares: the one-line-error parser, argument types, opening a journal."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from journal import paths

if TYPE_CHECKING:
    from journal.services import Journal

PROG = "connection-journal"


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line naming the problem, exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


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
        raise argparse.ArgumentTypeError(f"expected a date like 2026-03-31, got {text!r}") \
            from None


def data_dir_parent() -> argparse.ArgumentParser:
    """A parent parser so ``--data-dir`` works before or after any subcommand."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data-dir", metavar="DIR", default=argparse.SUPPRESS,
        help=f"journal folder (default: ${paths.ENV_VAR} or {paths.default_data_dir()})",
    )
    return parent


def data_dir(args: argparse.Namespace) -> Path:
    return paths.resolve_data_dir(getattr(args, "data_dir", None))


@contextlib.contextmanager
def opened(args: argparse.Namespace, *, create: bool = True) -> Iterator[Journal]:
    """The journal of ``--data-dir``, closed afterwards whatever happens."""
    from journal.services import Journal

    journal = Journal.open(data_dir(args), create=create)
    try:
        yield journal
    finally:
        journal.close()
