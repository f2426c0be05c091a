"""The one error family the person may see.

``JournalError`` is a fault of the environment or of the input, shown calmly to the person
(a locked or damaged file, invalid input naming its field). Anything else that escapes is a
bug: logged and reported as one, never dressed up as the person's mistake.
"""

from __future__ import annotations


class JournalError(Exception):
    """A problem the person can understand and act on; ``str()`` is the message to show."""


class ValidationError(JournalError):
    """Invalid input for one field; ``field`` names it so the UI can show the message beside it."""

    def __init__(self, field: str, message: str, *, others: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        #: Every invalid field of the input (this one first), so a form can mark them all.
        self.all: dict[str, str] = {field: message, **(others or {})}


class JournalNotFound(JournalError):
    """No journal exists where one was expected (the CLI's read-only commands never create one)."""


class JournalDamaged(JournalError):
    """The file is not a healthy journal: it is never written to."""
