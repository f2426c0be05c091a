"""Days, contacts and people: check-ins' days, contacts (with the person created when new),
the people and one person's page, keeping in touch and the isolation nudge; and how far along a
new journal is, for the welcome and the pages that are still empty.

Every rule that is not a field range lives here (no future check-ins, a contact's person must
exist, one transaction per save), so the widgets and the CLI cannot drift apart. "It's been a
while" is a quiet list the person looks at on Today; nothing here ever sends a notification.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from dataclasses import dataclass

from journal.analysis.person import PersonFigures, WhileSince, been_a_while, person_figures
from journal.domain import validate as v
from journal.domain.errors import ValidationError
from journal.domain.kinds import Mode, Relationship
from journal.domain.records import KEEP_IN_TOUCH_DAYS, Contact, Day, Person
from journal.i18n import translate
from journal.services.base import JournalBase
from journal.store import contacts as contacts_store
from journal.store import days as days_store
from journal.store import people as people_store
from journal.store.people import PersonOverview
from journal.store.rows import count_rows, has_rows

NUDGE_AFTER_DAYS = 3
# ``coping_suggestions`` counts the days since this many days back on every call
_COPING_RECENT_DAYS = 62


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


class DaysUseCases(JournalBase):
    """Check-ins' days, contacts and people; mixed into ``Journal``."""

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

    def people_overview(self) -> list[PersonOverview]:
        return people_store.people_overview(self.db, self.today())

    def coping_suggestions(self) -> list[str]:
        """Coping tags used before, most used first (ties by spelling), each in its most
        used spelling; tags differing only in case are one.

        The counts of the days before a cut-off (two months back when first asked) are read
        once and kept; each call reads only the days since it. A save of an older day, or any
        write other than a day's, reads the old part again. So a save's reload does not count
        a lifetime of tags.
        """
        kept = self._coping
        if kept is not None and kept[0] is self.db.conn:
            dates = self._days_written_since(kept[1])
            if dates is None or any(d < kept[2] for d in dates):
                kept = None
        else:
            kept = None
        if kept is None:
            cutoff = self.today() - dt.timedelta(days=_COPING_RECENT_DAYS)
            kept = (self.db.conn, 0, cutoff, days_store.coping_counts(self.db, before=cutoff))
        self._coping = (kept[0], self.changes(), kept[2], kept[3])
        spellings: dict[str, Counter[str]] = {}
        for counts in (kept[3], days_store.coping_counts(self.db, since=kept[2])):
            for tag, uses in counts:
                spellings.setdefault(tag.casefold(), Counter())[tag] += uses
        ranked = [(sum(s.values()), max(s, key=lambda t: (s[t], t))) for s in spellings.values()]
        return [tag for _uses, tag in sorted(ranked, key=lambda u: (-u[0], u[1]))]

    def isolation_nudge(self, on: dt.date | None = None) -> IsolationNudge | None:
        """A gentle reminder when 3 or more logged days (a check-in or a contact) came after
        the last contact that felt good, up to ``on`` (default today), with the people whose
        contacts felt best lately. Days nobody logged do not count: they are unknown, not
        lonely (DESIGN.md, section 4)."""
        on = on or self.today()
        last = contacts_store.last_meaningful_date(self.db, on)
        if last is None:
            if not has_rows(self.db, "contacts"):
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

    # --- one person's page and keeping in touch ----------------------------------------------

    def person_figures(self, person_id: int) -> PersonFigures:
        """Contacts by month, how connected on average, last contact, mood with vs without."""
        self._stored_person(person_id)
        return person_figures(
            people_store.person_contacts(self.db, person_id),
            people_store.moods_with_person(self.db, person_id),
            self.today(),
            (days_store.first_and_last_date(self.db) or (None, None))[0],
        )

    def set_keep_in_touch(self, person_id: int, every: int | str | None) -> Person:
        """Wish to be in touch with someone every ``every`` days (``None`` or "": no wish).

        Text is read as a whole number; a wrong value is refused naming the field
        ``keep_in_touch_days``. Changing the wish forgets an earlier "set aside".
        """
        if isinstance(every, str):
            every = v.parse_int("keep_in_touch_days", every)
        v.optional_int("keep_in_touch_days", every, *KEEP_IN_TOUCH_DAYS)
        person = self._stored_person(person_id)
        updated = dataclasses.replace(person, keep_in_touch_days=every, touch_dismissed_on=None)
        with self.db.atomic():
            return people_store.update_person(self.db, updated)

    def been_a_while(self) -> list[WhileSince]:
        """Active people with a keep-in-touch wish whose last contact is that long ago."""
        today = self.today()
        return been_a_while(
            [
                (p.id, p.name, p.keep_in_touch_days, last, p.touch_dismissed_on)
                for p, last in people_store.keep_in_touch_due(self.db, today)
                if p.id
            ],
            today,
        )

    def set_aside_while(self, person_id: int) -> Person:
        """Hide someone from "It's been a while" for another of their intervals."""
        person = self._stored_person(person_id)
        updated = dataclasses.replace(person, touch_dismissed_on=self.today())
        with self.db.atomic():
            return people_store.update_person(self.db, updated)

    def questionnaires_taken(self) -> int:
        return count_rows(self.db, "assessments")
