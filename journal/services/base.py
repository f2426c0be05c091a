"""What every area of the use cases stands on: the open database, its folder, the clock, the
change counter, the kept results and the backup.

``JournalBase`` is subclassed by each area (``days``, ``treatment``, ``checkins``, ``sharing``,
``privacy``, ``figures``), and ``journal.Journal`` is composed of the areas, so an area calls
what another provides only through this base or by subclassing that area (sharing builds on
the figures), never through stubs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from journal.domain.errors import JournalError
from journal.domain.settings import Settings, day_of
from journal.domain.system_errors import calm_error
from journal.i18n import translate
from journal.store import backup as backup_store
from journal.store import settings as settings_store
from journal.store.rows import count_rows, has_rows
from journal.store.schema import TABLES

if TYPE_CHECKING:
    from sqlite_utils import Database

    from journal.analysis.series import DailySeries
    from journal.store.lock import JournalLock

Clock = Callable[[], dt.datetime]
T = TypeVar("T")

#: How many recorded day writes are kept; a result older than that is recomputed.
_KEEP_DAY_WRITES = 500
#: How many kept query results (``JournalBase._kept``) at most.
_KEEP_RESULTS = 32


def local_now() -> dt.datetime:
    """The wall clock in the person's local time zone; tests pass their own clock."""
    return dt.datetime.now().astimezone()


class JournalBase:
    """An open journal: its database, its folder (``None`` in memory) and the clock it uses."""

    def __init__(
        self,
        db: Database,
        data_dir: Path | None = None,
        *,
        clock: Clock = local_now,
        passphrase: str | None = None,
        lock: JournalLock | None = None,
    ) -> None:
        self.db = db
        self.data_dir = data_dir
        self.passphrase = passphrase
        self._clock = clock
        self._lock = lock
        self._closed = False
        #: Opened only for reading (``open(read_only=True)``): nothing may be written.
        self.read_only = False
        # what saves through this object may reuse (see ``series`` and ``_kept``): the
        # connection and change counter each was made at
        self._base_series: tuple[object, int, DailySeries] | None = None
        self._day_writes: list[tuple[int, int, tuple[dt.date, ...]]] = []
        self._kept_results: dict[Hashable, tuple[object, int, object]] = {}
        # ``days.coping_suggestions``: connection, change counter, cut-off, counts before it
        self._coping: tuple[object, int, dt.date, list[tuple[str, int]]] | None = None

    # --- the clock ---------------------------------------------------------------------------

    def now(self) -> dt.datetime:
        return self._clock()

    def today(self) -> dt.date:
        """The journal day of now: before the chosen hour ("day starts at") the day before."""
        starts_at = self.settings().day_starts_at if self.is_open else 0
        return day_of(self._clock(), starts_at)

    @property
    def is_open(self) -> bool:
        return not self._closed

    # --- what is held ------------------------------------------------------------------------

    def settings(self) -> Settings:
        return settings_store.load_settings(self.db)

    def changes(self) -> int:
        """A counter that grows with every change written through this journal, so a page
        can tell whether what it shows is stale."""
        return self.db.conn.total_changes

    def is_empty(self) -> bool:
        """True when no table holds a record (settings aside)."""
        return not any(has_rows(self.db, t) for t in TABLES if t != "settings")

    def warm_up(self) -> None:
        """Load now what the first save will need (sqlite-utils, ~75 ms): the app calls it
        once its window has painted, so the start does not wait for it and the first save
        does not either."""
        warm = getattr(type(self.db), "warm", None)
        if warm is not None:
            warm(self.db)

    def days_logged(self) -> int:
        """How many days have a check-in (what the empty chart pages count towards)."""
        return count_rows(self.db, "days")

    # --- the folder and its backups ----------------------------------------------------------

    def _folder(self) -> Path:
        if self.data_dir is None:
            raise JournalError(
                translate("errors", "This journal has no folder (it lives in memory).")
            )
        return self.data_dir

    def backup(self, reason: str) -> Path | None:
        """A checked backup in ``backups/`` (encrypted like the journal), then rotation."""
        if self.data_dir is None:
            return None
        if self.read_only:
            raise JournalError(
                translate(
                    "errors", "This journal was opened only for reading; nothing can be written."
                )
            )
        path = backup_store.make_backup(
            self.db, self.data_dir, reason, now=self.now(), passphrase=self.passphrase
        )
        backup_store.rotate(self.data_dir, self.now(), self.passphrase)
        return path

    # --- writes and the results kept across them ---------------------------------------------

    def _days_written_since(self, at: int) -> set[dt.date] | None:
        """The days whose check-in or contacts were written since the change counter was
        ``at``, or ``None`` when anything else was written (or the record does not reach
        back that far)."""
        now = self.changes()
        dates: set[dt.date] = set()
        for before, after, touched in self._day_writes:
            if after <= at:
                continue
            if before != at:
                return None  # something else was written in between
            dates.update(touched)
            at = after
        return dates if at == now else None

    @contextlib.contextmanager
    def _calm_writes(self) -> Iterator[None]:
        """A refusal of the system inside comes out as a ``StorageError``."""
        try:
            yield
        except Exception as error:
            calm = calm_error(error)
            if calm is None or calm is error:
                raise
            raise calm from error

    @contextlib.contextmanager
    def _writing_days(self, *dates: dt.date) -> Iterator[None]:
        """Record that the writes inside changed only ``dates`` (for kept results).

        A refusal of the system inside (a full disk, a read-only file) comes out as a
        ``StorageError``, so the Today page says it beside what is typed and keeps it.
        """
        before = self.changes()
        with self._calm_writes():
            yield
        after = self.changes()
        if after != before:
            recent = self._day_writes[-(_KEEP_DAY_WRITES - 1) :]
            self._day_writes = [*recent, (before, after, dates)]

    def _kept(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, kept until something other than a check-in or a contact is written.

        For results that do not depend on check-ins and contacts (questionnaires, sessions):
        after a day is saved, the pages showing them need not re-read years of them. Callers
        must not change the returned value.
        """
        kept = self._kept_results
        hit = kept.get(key)
        if (
            hit is not None
            and hit[0] is self.db.conn
            and self._days_written_since(hit[1]) is not None
        ):
            return hit[2]
        value = compute()
        self._keep(key, value)
        return value

    def _keep(self, key: Hashable, value: object) -> None:
        """Keep ``value`` under ``key`` as of now (``_kept``, or a result patched by the days
        written since, as ``figures.weekly_adherence`` does)."""
        kept = self._kept_results
        kept.pop(key, None)
        kept[key] = (self.db.conn, self.changes(), value)
        if len(kept) > _KEEP_RESULTS:  # a day's sessions per date browsed: drop the oldest
            del kept[next(iter(kept))]
