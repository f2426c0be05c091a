"""How a backup is listed: when it was made and why, in the person's language and locale.

The reason is a key in the backup's file name (``journal-20260315-100000-before-restore``);
the list shows words for it, so the names stay the same in every language.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from journal.i18n import format_date, format_number
from journal.services import BackupInfo, backup_made

#: The reasons the journal makes backups for (see ``Journal.backup`` callers).
REASONS: dict[str, str] = {
    "daily": QT_TRANSLATE_NOOP("backups", "daily"),
    "manual": QT_TRANSLATE_NOOP("backups", "made by you"),
    "before-restore": QT_TRANSLATE_NOOP("backups", "before restore"),
    "before-import": QT_TRANSLATE_NOOP("backups", "before import"),
    "before-migration": QT_TRANSLATE_NOOP("backups", "before an update of the app"),
    "before-encryption": QT_TRANSLATE_NOOP("backups", "before encryption"),
    "before-passphrase-change": QT_TRANSLATE_NOOP("backups", "before a passphrase change"),
    "before-decryption": QT_TRANSLATE_NOOP("backups", "before removing encryption"),
    "before-demo": QT_TRANSLATE_NOOP("backups", "before demo data replaced the journal"),
}


def describe_backup(
    backup: BackupInfo | Path, days: int | None = None, last_entry: dt.date | None = None
) -> str:
    """ "15 Mar 2026 10:00 — before restore": the time it was made and why, and with ``days``
    what it holds ("120 days, last entry 15 Mar 2026"), so a person sees what they would get
    back. ``backup`` is one of ``journal.services.backups()`` or a backup's path."""
    when, reason = (
        (backup.time, backup.reason) if isinstance(backup, BackupInfo) else backup_made(backup)
    )
    text = _when_and_why(when, reason)
    if days is None:
        return text
    if last_entry is None:
        held = QCoreApplication.translate("backups", "no entries")
    else:
        held = (
            QCoreApplication.translate("backups", "1 day, last entry {date}")
            if days == 1
            else QCoreApplication.translate("backups", "{days} days, last entry {date}")
        ).format(days=format_number(days, 0), date=format_date(last_entry))
    return QCoreApplication.translate("backups", "{backup} · {held}").format(backup=text, held=held)


def _when_and_why(when: dt.datetime | None, reason: str) -> str:
    words = (
        QCoreApplication.translate("backups", REASONS[reason])
        if reason in REASONS
        else reason.replace("-", " ")
    )
    if when is None:
        return words
    return QCoreApplication.translate("backups", "{time} — {reason}").format(
        time=format_date(when, "date_time"), reason=words
    )
