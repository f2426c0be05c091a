"""People use cases beyond the list: one person's page and keeping in touch; and how far
along a new journal is, for the welcome and the pages that are still empty.

A mixin of ``services.Journal`` (it uses ``self.db`` and ``self.today()``). "It's been a while"
is a quiet list the person looks at on Today; nothing here ever sends a notification.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlite_utils import Database

from journal.analysis.person import PersonFigures, WhileSince, been_a_while, person_figures
from journal.domain import validate as v
from journal.domain.errors import ValidationError
from journal.domain.records import KEEP_IN_TOUCH_DAYS, Person
from journal.i18n import translate
from journal.store import people as people_store


class PeopleUseCases:
    """Mixed into ``Journal``."""

    db: Database

    def today(self) -> dt.date:  # provided by Journal
        raise NotImplementedError

    def person_figures(self, person_id: int) -> PersonFigures:
        """Contacts by month, how connected on average, last contact, mood with vs without."""
        self._known_person(person_id)
        return person_figures(
            people_store.person_contacts(self.db, person_id),
            people_store.moods_with_person(self.db, person_id),
            self.today(),
        )

    def set_keep_in_touch(self, person_id: int, every: int | str | None) -> Person:
        """Wish to be in touch with someone every ``every`` days (``None`` or "": no wish).

        Text is read as a whole number; a wrong value is refused naming the field
        ``keep_in_touch_days``. Changing the wish forgets an earlier "set aside".
        """
        if isinstance(every, str):
            every = v.parse_int("keep_in_touch_days", every)
        v.optional_int("keep_in_touch_days", every, *KEEP_IN_TOUCH_DAYS)
        person = self._known_person(person_id)
        updated = dataclasses.replace(person, keep_in_touch_days=every, touch_dismissed_on=None)
        with self.db.atomic():
            return people_store.update_person(self.db, updated)

    def been_a_while(self) -> list[WhileSince]:
        """Active people with a keep-in-touch wish whose last contact is that long ago."""
        overview = people_store.people_overview(self.db, self.today())
        return been_a_while(
            [
                (
                    e.person.id,
                    e.person.name,
                    e.person.keep_in_touch_days,
                    e.last_contact,
                    e.person.touch_dismissed_on,
                )
                for e in overview
                if not e.person.archived and e.person.id
            ],
            self.today(),
        )

    def set_aside_while(self, person_id: int) -> Person:
        """Hide someone from "It's been a while" for another of their intervals."""
        person = self._known_person(person_id)
        updated = dataclasses.replace(person, touch_dismissed_on=self.today())
        with self.db.atomic():
            return people_store.update_person(self.db, updated)

    def days_logged(self) -> int:
        """How many days have a check-in (what the empty chart pages count towards)."""
        return int(self.db["days"].count)

    def questionnaires_taken(self) -> int:
        return int(self.db["assessments"].count)

    def _known_person(self, person_id: int) -> Person:
        person = people_store.get_person(self.db, person_id)
        if person is None:
            raise ValidationError(
                "person", translate("validation", "that person is not in the journal")
            )
        return person
