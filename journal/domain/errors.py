"""Every error the person may see, in one place.

``JournalError`` is a fault of the environment or of the input, shown calmly to the person
(a locked or damaged file, invalid input naming its field). Anything else that escapes is a
bug: logged and reported as one, never dressed up as the person's mistake. The store raises
these; the app, the CLI and the pages catch them by these names.

The functions at the end build the messages said in more than one place (a damaged or
unreadable file, no journal, a journal that could not be opened), so they read the same
wherever they are raised.
"""

from __future__ import annotations

from pathlib import Path

from journal.i18n import QT_TRANSLATE_NOOP, count_days, count_fewer_days, format_number, translate


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


class JournalInUse(JournalError):
    """Another window or command has this journal open."""


class PassphraseRequired(JournalError):
    """The journal is encrypted (or not a journal at all) and no passphrase was given."""


class WrongPassphrase(JournalError):
    """The passphrase does not open this journal; nothing was written."""


class EncryptionUnavailable(JournalError):
    """SQLCipher (the ``sqlcipher3`` package) is not installed for this platform."""


class BackupFailed(JournalError):
    """A backup could not be written or did not check out; the journal is unchanged."""


class StorageError(JournalError):
    """The disk, the file system or SQLite refused: full, read-only, not permitted, failing
    (made by ``journal.domain.system_errors.calm_error``)."""


class FewerDays(JournalError):
    """A restore that would remove days: refused until the person confirms it."""

    def __init__(self, backup_days: int, journal_days: int) -> None:
        super().__init__(
            translate(
                "errors",
                "This backup holds {backup}, your journal {journal}: restoring it "
                "would leave your journal with {lost}. Nothing has been changed.",
            ).format(
                backup=count_days(backup_days),
                journal=format_number(journal_days, 0),
                lost=count_fewer_days(journal_days - backup_days),
            )
        )
        self.backup_days = backup_days
        self.journal_days = journal_days


def not_found(folder: Path) -> JournalNotFound:
    """No journal file in ``folder``."""
    return JournalNotFound(translate("errors", "No journal in {folder}.").format(folder=folder))


def could_not_open(folder: Path, error: OSError) -> JournalError:
    """The system refused to open the journal in ``folder`` (its folder, lock or file)."""
    return JournalError(
        translate("errors", "Could not open the journal in {folder}: {error}").format(
            folder=folder, error=error.strerror or error
        )
    )


# How a journal file is refused as damage (it is never written to), each said one way.
_DAMAGE = {
    "damaged": QT_TRANSLATE_NOOP(
        "errors",
        "{path} is damaged ({problem}); it has not been changed. A backup can be restored.",
    ),
    "unreadable": QT_TRANSLATE_NOOP(
        "errors", "{path} could not be read as a journal ({error}); it has not been changed."
    ),
    "empty": QT_TRANSLATE_NOOP(
        "errors",
        "{path} is empty (0 bytes) although backups exist; it has not "
        "been changed. A backup can be restored.",
    ),
}


def _damage(how: str, path: Path, problem: object = "") -> JournalDamaged:
    return JournalDamaged(
        translate("errors", _DAMAGE[how]).format(path=path, problem=problem, error=problem)
    )


def damaged(path: Path, problem: str) -> JournalDamaged:
    """The one message for a journal that must not be written to, with its first problem.

    SQLite's first finding can run to a hundred lines ("*** in database main ***" and a line
    per broken cell): only its first line that says where is kept, so the message stays one
    calm line."""
    said = [line.strip() for line in problem.splitlines() if line.strip()]
    where = [line for line in said if not line.startswith("***")]
    return _damage("damaged", path, (where or said or [problem])[0])


def unreadable(path: Path, error: BaseException) -> JournalDamaged:
    """The one message for a file SQLite cannot read as a journal (read-only or not)."""
    return _damage("unreadable", path, error)


def empty_with_backups(path: Path) -> JournalDamaged:
    """The journal file is empty although backups exist: damage, never a new journal."""
    return _damage("empty", path)


# Where SQLCipher (the ``sqlcipher3`` package) is missing: what cannot be done then.
_UNAVAILABLE = {
    "open": QT_TRANSLATE_NOOP(
        "errors",
        "Encryption is not available on this computer (the sqlcipher3 package "
        "is not installed), so an encrypted journal cannot be opened here.",
    ),
    "change": QT_TRANSLATE_NOOP(
        "errors",
        "Encryption is not available on this computer (the sqlcipher3 package "
        "is not installed for this platform). The journal has not been changed.",
    ),
}


def encryption_unavailable(doing: str) -> EncryptionUnavailable:
    """SQLCipher is missing while opening an encrypted journal (``doing`` "open") or
    changing a journal's protection ("change")."""
    return EncryptionUnavailable(translate("errors", _UNAVAILABLE[doing]))
