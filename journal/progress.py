"""Long work (a PDF of a year, an import of years) reports progress and can be cancelled.

The work takes two plain callables, so it runs the same from the command line, a test or a
worker thread: ``progress(percent)`` and ``cancelled() -> bool``. When ``cancelled()`` turns
true the work raises ``Cancelled`` at its next check, having written nothing.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int], None]
IsCancelled = Callable[[], bool]


class Cancelled(Exception):
    """The person cancelled; nothing was written."""


def no_progress(_percent: int) -> None:
    """The ``progress`` of work nobody watches."""


def never_cancelled() -> bool:
    return False


def check(cancelled: IsCancelled) -> None:
    """Raise ``Cancelled`` when the person has asked to stop."""
    if cancelled():
        raise Cancelled
