"""The use cases the UI and the command line share.

A ``Journal`` holds one open database and a clock. Every rule that is not a field range (no
future check-ins, a contact's person must exist, one transaction per save) lives here, so the
widgets and the CLI cannot drift apart.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlite_utils import Database

from journal import paths
from journal.domain import validate as v
from journal.domain.errors import JournalDamaged, JournalError, JournalNotFound, ValidationError
from journal.domain.kinds import Mode, Relationship
from journal.domain.records import Contact, Day, Person
from journal.domain.settings import Settings, day_of
from journal.domain.system_errors import calm_error
from journal.i18n import translate

# What the widgets may name, so they reach the core only through this module: progress and
# cancelling of long work at run time, the result types for type hints only (the analysis is
# imported when first used: start-up does not need it).
from journal.progress import Cancelled as Cancelled
from journal.progress import IsCancelled as IsCancelled
from journal.progress import Progress as Progress
from journal.services.checkins import CheckinUseCases
from journal.services.days import PeopleUseCases
from journal.services.privacy import PrivacyUseCases
from journal.services.sharing import SharingUseCases
from journal.services.treatment import TreatmentUseCases
from journal.store import backup as backup_store
from journal.store import contacts as contacts_store
from journal.store import days as days_store
from journal.store import integrity
from journal.store import people as people_store
from journal.store import restore as restore_store
from journal.store import settings as settings_store
from journal.store import treatment as treatment_store
from journal.store.backup import made_today, make_backup
from journal.store.connection import open_database, open_memory
from journal.store.lock import JournalLock
from journal.store.schema import TABLES

if TYPE_CHECKING:
    from journal.analysis.adherence import WeeklyAdherence as WeeklyAdherence
    from journal.analysis.insights import InsightReport
    from journal.analysis.person import PersonFigures as PersonFigures
    from journal.analysis.series import DailySeries
    from journal.report.import_common import ImportPreview as ImportPreview
    from journal.store.people import PersonOverview as PersonOverview

Clock = Callable[[], dt.datetime]
T = TypeVar("T")

#: How many recorded day writes are kept; a result older than that is recomputed.
_KEEP_DAY_WRITES = 500
#: How many kept query results (``Journal._kept``) at most.
_KEEP_RESULTS = 32


#: Days since the last contact that felt good after which Today shows a gentle nudge.
NUDGE_AFTER_DAYS = 3


@dataclass(frozen=True, slots=True)
class IsolationNudge:
    """Logged days since the last meaningful contact (``None``: none in the journal yet) and
    people the person might reach out to."""

    days: int | None
    people: list[Person]

    @property
    def message(self) -> str:
        if self.days is None:
            return translate(
                "nudge",
                "No contact has felt good in a while. Is there someone you could reach out to?",
            )
        return translate(
            "nudge",
            "It has been {days} logged days since a contact that felt "
            "good. Is there someone you could reach out to?",
        ).format(days=self.days)


@dataclass(frozen=True, slots=True)
class ContactSaved:
    """A contact stored with its person; ``created`` when this save created the person."""

    contact: Contact
    person: Person
    created: bool


def local_now() -> dt.datetime:
    """The wall clock in the person's local time zone; tests pass their own clock."""
    return dt.datetime.now().astimezone()


class Journal(TreatmentUseCases, SharingUseCases, PrivacyUseCases, CheckinUseCases, PeopleUseCases):
    """An open journal: its database, its folder (``None`` in memory) and the clock it uses.

    Opened with ``lock=True`` (the default) it holds the folder's lock until ``close``, so a
    second window or writing command on the same journal is refused.
    """

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
        #: Opened only for reading (``open(read_only=True)``): nothing may be written.
        self.read_only = False
        # what saves through this object may reuse (see ``series`` and ``_kept``): the
        # connection and change counter each was made at
        self._base_series: tuple[object, int, DailySeries] | None = None
        self._day_writes: list[tuple[int, int, tuple[dt.date, ...]]] = []
        self._kept_results: dict[Hashable, tuple[object, int, object]] = {}

    # --- opening -----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        create: bool = True,
        clock: Clock = local_now,
        passphrase: str | None = None,
        lock: bool = True,
        read_only: bool = False,
        full_check: bool = True,
        daily_backup: bool = True,
    ) -> Journal:
        """Open the journal in ``data_dir`` (created 0700 with its file 0600 if ``create``).

        ``read_only=True`` is for commands that only read: no lock (they run beside the app),
        nothing written, nothing created, a read-only folder is fine. ``lock=False`` opens for
        writing without the lock (tests). A writer first clears what an interrupted backup or
        restore left, then makes the day's first backup. ``full_check`` evaluates every row's
        CHECK constraints at open; the app passes ``False`` for a faster start and relies on
        the check of its daily backup (see ``journal.store.backup``). ``daily_backup=False``
        leaves the day's first backup to the caller (``make_daily_backup``): the app makes it
        in a thread once its window has painted.
        """
        path = paths.database_path(data_dir)
        if (read_only or not create) and not path.exists():
            raise JournalNotFound(
                translate("errors", "No journal in {folder}.").format(folder=data_dir)
            )
        held = None
        try:
            if lock and not read_only:
                paths.ensure_private_dir(data_dir)
                held = JournalLock(data_dir).acquire()
                from journal.store.rekey import recover

                recover(data_dir)  # a passphrase change interrupted: finished or undone
                backup_store.remove_leftovers(data_dir)
                restore_store.finish_interrupted(data_dir, now=clock(), passphrase=passphrase)
            if (
                path.exists()
                and path.stat().st_size == 0
                and backup_store.has_backup_files(data_dir)
            ):
                raise JournalDamaged(
                    translate(
                        "errors",
                        "{path} is empty (0 bytes) although backups exist; it has not "
                        "been changed. A backup can be restored.",
                    ).format(path=path)
                )

            def backup_now(db: Database, reason: str) -> None:
                make_backup(db, data_dir, reason, now=clock(), passphrase=passphrase)

            db = open_database(
                path,
                create=create and not read_only,
                passphrase=passphrase,
                backup_now=backup_now,
                read_only=read_only,
                full_check=full_check,
            )
        except OSError as error:
            if held:
                held.release()
            raise JournalError(
                translate("errors", "Could not open the journal in {folder}: {error}").format(
                    folder=data_dir, error=error.strerror or error
                )
            ) from None
        except BaseException:
            if held:
                held.release()
            raise
        journal = cls(db, data_dir, clock=clock, passphrase=passphrase, lock=held)
        journal.read_only = read_only
        if held and daily_backup:
            try:
                journal.make_daily_backup()
            except backup_store.BackupFailed:
                pass  # opening matters more (a full disk): the next open tries again
            except BaseException:
                journal.close()  # e.g. rows breaking the journal's rules: JournalDamaged
                raise
        return journal

    def make_daily_backup(self) -> Path | None:
        """The day's first backup when none was made today (``None`` when none was due).

        Copied and counted inside one read transaction: on a connection of its own (the app's
        backup thread) a save made meanwhile neither waits for it (WAL) nor makes the copy's
        row counts differ from those it is checked against.
        """
        if (
            self.data_dir is None
            or self.is_empty()
            or made_today(self.data_dir, self.today(), self.passphrase)
        ):
            return None
        conn = self.db.conn
        conn.execute("BEGIN")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot
            return self.backup("daily")
        finally:
            conn.execute("COMMIT")

    @classmethod
    def in_memory(cls, *, clock: Clock = local_now) -> Journal:
        return cls(open_memory(), None, clock=clock)

    @property
    def is_open(self) -> bool:
        return not getattr(self, "_closed", False)

    def close(self) -> None:
        self._closed = True
        self.db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def now(self) -> dt.datetime:
        return self._clock()

    def today(self) -> dt.date:
        """The journal day of now: before the chosen hour ("day starts at") the day before."""
        starts_at = self.settings().day_starts_at if self.is_open else 0
        return day_of(self._clock(), starts_at)

    def changes(self) -> int:
        """A counter that grows with every change written through this journal, so a page
        can tell whether what it shows is stale."""
        return self.db.conn.total_changes

    def is_empty(self) -> bool:
        """True when no table holds a record (settings aside)."""
        return all(self.db[t].count == 0 for t in TABLES if t != "settings")

    def check(self) -> integrity.CheckReport:
        return integrity.check(self.db)

    # --- check-ins ---------------------------------------------------------------------------

    def day(self, date: dt.date) -> Day | None:
        return days_store.get_day(self.db, date)

    def save_day(self, day: Day) -> Day:
        """Save a day's check-in in one transaction; a future date is refused."""
        v.not_after("date", day.date, self.today())
        with self._writing_days(day.date), self.db.atomic():
            days_store.save_day(self.db, day, updated_at=self._clock())
        return day

    def save_day_with_contacts(self, day: Day, contacts: list[Contact]) -> list[Contact]:
        """Save a check-in and add its contacts in one transaction (one fsync, all or
        nothing) — what scripts and the benchmark use for a whole day at once."""
        v.not_after("date", day.date, self.today())
        for contact in contacts:
            if contact.date != day.date:
                raise ValidationError(
                    "date", translate("validation", "every contact must be on the check-in's day")
                )
            self._check_contact(contact)
        with self._writing_days(day.date), self.db.atomic():
            days_store.save_day(self.db, day, updated_at=self._clock())
            return [contacts_store.add_contact(self.db, c) for c in contacts]

    def delete_day(self, date: dt.date) -> Day | None:
        """Remove a day's check-in (its contacts stay); returns it so the caller can undo."""
        day = days_store.get_day(self.db, date)
        if day is not None:
            with self._writing_days(date), self.db.atomic():
                days_store.delete_day(self.db, date)
        return day

    def dates_with_checkins(self, start: dt.date, end: dt.date) -> set[dt.date]:
        return days_store.dates_with_checkins(self.db, start, end)

    def moods_between(self, start: dt.date, end: dt.date) -> dict[dt.date, int]:
        """Each checked-in day's mood from ``start`` to ``end``, for the month calendar."""
        return {d.date: d.mood for d in days_store.days_between(self.db, start, end)}

    # --- contacts ----------------------------------------------------------------------------

    def contacts_on(self, date: dt.date) -> list[Contact]:
        return contacts_store.contacts_on(self.db, date)

    def _check_contact(self, contact: Contact) -> None:
        v.not_after("date", contact.date, self.today())
        if (
            contact.person_id is not None
            and people_store.get_person(self.db, contact.person_id) is None
        ):
            raise ValidationError(
                "person", translate("validation", "that person is not in the journal")
            )

    def add_contact(self, contact: Contact) -> Contact:
        self._check_contact(contact)
        with self._writing_days(contact.date), self.db.atomic():
            return contacts_store.add_contact(self.db, contact)

    def save_contact_for(
        self,
        person_name: str,
        *,
        mode: Mode | str,
        quality: int | None,
        kind: Relationship | str | None = None,
        date: dt.date | None = None,
        minutes: int | None = None,
        note: str = "",
        contact_id: int | None = None,
    ) -> ContactSaved:
        """Add (or, with ``contact_id``, change) a contact with the active person called
        ``person_name``, who is created with ``kind`` when nobody has that name yet.

        Everything is checked before anything is written, and the person and the contact are
        written in one transaction: a refused contact creates nobody. Without ``kind`` the
        contact takes the person's relationship (a new person then needs one).
        """
        name = v.name("person", person_name)
        person = people_store.find_active_by_name(self.db, name)
        if kind is None:
            if person is None:
                raise ValidationError(
                    "kind",
                    translate(
                        "validation",
                        "“{name}” is not in the journal yet: choose their kind to add them",
                    ).format(name=name),
                )
            kind = person.relationship
        # Contact checks and converts kind, mode and quality (the strings of the CLI too)
        contact = Contact(
            date=date or self.today(),
            kind=kind,
            mode=mode,  # type: ignore[arg-type]
            quality=quality,
            minutes=minutes,
            note=note,  # type: ignore[arg-type]
            id=contact_id,
            person_id=person.id if person else None,
        )
        new = Person(name=name, relationship=contact.kind) if person is None else None
        self._check_contact(contact)
        stored = None if contact_id is None else contacts_store.get_contact(self.db, contact_id)
        if contact_id is not None and stored is None:
            raise ValidationError(
                "contact", translate("validation", "that contact is no longer in the journal")
            )
        dates = (contact.date,) if stored is None else (contact.date, stored.date)
        # a new person is not only a day's write: kept results are then recomputed
        with self._writing_days(*dates) if new is None else self._calm_writes(), self.db.atomic():
            if new is not None:
                person = people_store.add_person(self.db, new)
            assert person is not None
            contact = dataclasses.replace(contact, person_id=person.id)
            saved = (
                contacts_store.add_contact(self.db, contact)
                if stored is None
                else contacts_store.update_contact(self.db, contact)
            )
        return ContactSaved(saved, person, new is not None)

    def update_contact(self, contact: Contact) -> Contact:
        self._check_contact(contact)
        stored = contacts_store.get_contact(self.db, contact.id) if contact.id else None
        dates = (contact.date,) if stored is None else (contact.date, stored.date)
        with self._writing_days(*dates), self.db.atomic():
            return contacts_store.update_contact(self.db, contact)

    def delete_contact(self, contact_id: int) -> Contact | None:
        """Delete a contact; returns it so the caller can offer to undo."""
        contact = contacts_store.get_contact(self.db, contact_id)
        if contact is not None:
            with self._writing_days(contact.date), self.db.atomic():
                contacts_store.delete_contact(self.db, contact_id)
        return contact

    # --- people ------------------------------------------------------------------------------

    def people(self, *, include_archived: bool = False) -> list[Person]:
        return people_store.list_people(self.db, include_archived=include_archived)

    def person(self, person_id: int) -> Person | None:
        return people_store.get_person(self.db, person_id)

    def person_by_name(self, name: str) -> Person | None:
        return people_store.find_active_by_name(self.db, name)

    def add_person(self, name: str, relationship: Relationship | str, note: str = "") -> Person:
        person = Person(name=name, relationship=relationship, note=note)
        with self.db.atomic():
            return people_store.add_person(self.db, person)

    def _stored_person(self, person_id: int) -> Person:
        person = people_store.get_person(self.db, person_id)
        if person is None:
            raise ValidationError(
                "person", translate("validation", "that person is not in the journal")
            )
        return person

    def update_person(self, person_id: int, **changes: object) -> Person:
        """Rename, change kind, note, archive or unarchive (``archived=``) one person.

        Names stay unique among active people, so unarchiving someone whose name is now used
        by another active person is refused with a message naming the field.
        """
        current = self._stored_person(person_id)
        updated = dataclasses.replace(current, **changes)  # type: ignore[arg-type]
        with self.db.atomic():
            return people_store.update_person(self.db, updated)

    def merge_people(self, keep_id: int, remove_id: int) -> Person:
        """Two entries are the same person: move everything to ``keep_id``, drop the other."""
        if keep_id == remove_id:
            raise ValidationError(
                "person", translate("validation", "choose two different people to merge")
            )
        keep = self._stored_person(keep_id)
        self._stored_person(remove_id)
        with self.db.atomic():
            people_store.merge_people(self.db, keep_id, remove_id)
        return keep

    def people_overview(self) -> list[people_store.PersonOverview]:
        return people_store.people_overview(self.db, self.today())

    def coping_suggestions(self) -> list[str]:
        """Coping tags used before, most used first."""
        return days_store.coping_tags(self.db)

    def isolation_nudge(self, on: dt.date | None = None) -> IsolationNudge | None:
        """A gentle reminder when 3 or more logged days (a check-in or a contact) came after
        the last contact that felt good, up to ``on`` (default today), with the people whose
        contacts felt best lately. Days nobody logged do not count: they are unknown, not
        lonely (DESIGN.md, section 4)."""
        on = on or self.today()
        last = contacts_store.last_meaningful_date(self.db, on)
        if last is None:
            if self.db["contacts"].count == 0:
                return None  # a new journal: nothing to go on yet
            days = None
        else:
            days = days_store.logged_days_between(self.db, last, on)
            if days < NUDGE_AFTER_DAYS:
                return None
        people = [
            p
            for p in (
                people_store.get_person(self.db, i)
                for i in contacts_store.closest_people(self.db, on)
            )
            if p
        ]
        return IsolationNudge(days, people)

    # --- analysis ----------------------------------------------------------------------------

    def journal_span(self) -> tuple[dt.date, dt.date] | None:
        """First and last day with a check-in, or ``None`` for an empty journal."""
        return days_store.first_and_last_date(self.db)

    def default_range(self) -> tuple[dt.date, dt.date]:
        """From the first check-in (or today) to today."""
        span = self.journal_span()
        today = self.today()
        return (min(span[0], today) if span else today), today

    def series(self, start: dt.date, end: dt.date, *, keep: bool = True) -> DailySeries:
        """Daily series of ``start..end``, cut from one kept series of the whole journal.

        The kept series is patched day by day after saves made through this object and
        rebuilt after any other write: every write goes through this connection, so its
        ``total_changes`` counter shows a write that was not a recorded day's (an import, a
        merge, a restore). A refresh after a save then costs the same on the tenth year as on
        the first.

        ``keep=False`` is for one-shot work (the CLI's insights and export, the summary's PDF
        and preview): it is cut from a kept series that covers the range, or else only the
        range is read and nothing is kept, so four weeks of a lifetime cost four weeks. The
        days are the same either way (``tests/test_series_cache.py``).
        """
        from journal.analysis.series import slice_series

        base = self._fresh_base_series()
        if not keep:
            if base is not None and base.start <= start and end <= base.end:
                return slice_series(base, start, end)
            return self._build_series(start, end)
        if base is None or start < base.start or end > base.end:
            first = self.journal_span()
            base_start = min(start, first[0] if first else start)
            if base is not None:
                base_start = min(base_start, base.start)
            base = self._build_series(base_start, max(end, self.today()))
            self._base_series = (self.db.conn, self.changes(), base)
        return slice_series(base, start, end)

    def _build_series(self, start: dt.date, end: dt.date) -> DailySeries:
        from journal.analysis.series import series_from_totals, unpack_totals

        packed = contacts_store.packed_daily_totals(self.db, start, end)
        totals = (
            contacts_store.daily_totals(self.db, start, end)
            if packed is None
            else unpack_totals(packed, contacts_store.PACK_BITS, contacts_store.PACK_WIDTH)
        )
        return series_from_totals(
            start, end, days_store.rating_rows_by_offset(self.db, start, end), totals
        )

    def _fresh_base_series(self) -> DailySeries | None:
        """The kept series brought up to date by patching the days written since, or
        ``None`` when a write it cannot account for happened."""
        from journal.analysis.series import replace_days

        kept = self._base_series
        if kept is None or kept[0] is not self.db.conn:
            return None
        _, at, base = kept
        dates = self._days_written_since(at)
        if dates is None or any(not base.start <= d <= base.end for d in dates):
            return None
        if dates:
            base = replace_days(base, [self._build_series(d, d) for d in sorted(dates)])
            self._base_series = (self.db.conn, self.changes(), base)
        return base

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
        kept.pop(key, None)
        kept[key] = (self.db.conn, self.changes(), value)
        if len(kept) > _KEEP_RESULTS:  # a day's sessions per date browsed: drop the oldest
            del kept[next(iter(kept))]
        return value

    def insights(
        self, start: dt.date, end: dt.date, *, keep: bool = True, series: DailySeries | None = None
    ) -> InsightReport:
        """Every figure and the ranked sentences for ``start..end``.

        ``keep=False``: one-shot work (see ``series``); ``series``: the series of
        ``start..end`` already at hand (the summary reads it once for its charts and this).
        """
        import numpy as np

        from journal.analysis.insights import compute_insights

        if end < start:
            raise ValidationError(
                "to", translate("validation", "the end of the range cannot be before its start")
            )
        if series is None:
            series = self.series(start, end, keep=keep)
        sessions = np.zeros(len(series))
        for iso_date in treatment_store.attended_session_dates(self.db, start, end):
            sessions[(dt.date.fromisoformat(iso_date) - start).days] = 1.0
        return compute_insights(series, sessions, today=self.today())

    def weekly_adherence(self, start: dt.date, end: dt.date) -> WeeklyAdherence:
        """Medication, session and commitment adherence per week of ``start..end``; the week
        holding today is marked ``so_far``."""
        from journal.analysis.adherence import weekly_adherence

        db = self.db
        return weekly_adherence(
            start,
            end,
            medications=treatment_store.list_medications(db),
            doses=treatment_store.dose_rows(db, start, end),
            checkin_dates=days_store.dates_with_checkins(db, start, end),
            sessions=treatment_store.sessions_between(db, start, end),
            commitments=treatment_store.list_commitments(db),
            commitment_log=treatment_store.done_rows(db, start, end),
            today=self.today(),
        )

    # --- settings ----------------------------------------------------------------------------

    def settings(self) -> Settings:
        return settings_store.load_settings(self.db)

    def update_settings(self, **changes: object) -> Settings:
        """Change some settings (validated by ``Settings``) and store them."""
        new = dataclasses.replace(self.settings(), **changes)  # type: ignore[arg-type]
        with self.db.atomic():
            settings_store.save_settings(self.db, new)
        return new
