"""The use cases the UI and the command line share: the one way into the core.

A new use case is a method in ``services/<area>.py``; the widgets and the CLI import only this
package, ``journal.domain`` and the leaves (``i18n``, ``paths``, ``desktop``, ``progress``,
``palette``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.progress import Cancelled as Cancelled
from journal.progress import IsCancelled as IsCancelled
from journal.progress import Progress as Progress
from journal.services.base import local_now as local_now
from journal.services.days import ContactSaved as ContactSaved
from journal.services.days import IsolationNudge as IsolationNudge
from journal.services.journal import Journal as Journal
from journal.services.privacy import BackupInfo as BackupInfo
from journal.services.privacy import FewerDays as FewerDays
from journal.services.privacy import backup_made as backup_made
from journal.services.privacy import backups as backups
from journal.services.privacy import restore_damaged as restore_damaged
from journal.services.privacy import unverified_backups as unverified_backups

if TYPE_CHECKING:
    from journal.analysis.adherence import WeeklyAdherence as WeeklyAdherence
    from journal.analysis.person import PersonFigures as PersonFigures
    from journal.report.import_common import ImportPreview as ImportPreview
    from journal.store.people import PersonOverview as PersonOverview
