"""Treatment use cases: sessions, medications and doses, commitments, topics for next session.

An area of ``services.Journal`` (a ``JournalBase``). The rules that span records live here:
doses taken cannot exceed the medication's doses per day, a session in the future can only be
planned, check-offs are for days that have happened and on which the item was active.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from journal.domain import validate as v
from journal.domain.dates import week_start
from journal.domain.errors import ValidationError
from journal.domain.kinds import CARE_TEAM, SessionStatus
from journal.domain.records import (
    AgendaItem,
    Commitment,
    CommitmentLog,
    DoseLog,
    Medication,
    Person,
    Session,
)
from journal.i18n import format_date, format_number, translate
from journal.services.base import JournalBase
from journal.store import people as people_store
from journal.store import treatment as store


@dataclass(frozen=True, slots=True)
class WeekProgress:
    """A commitment's check-offs this week against its weekly target ("1 of 2 this week")."""

    commitment: Commitment
    done_today: int
    done_this_week: int

    @property
    def target(self) -> int:
        return self.commitment.per_week


@dataclass(frozen=True, slots=True)
class DoseStatus:
    """A medication active on a day and how many of its doses were checked off."""

    medication: Medication
    taken: int


class TreatmentUseCases(JournalBase):
    """Sessions, medications, commitments and topics; mixed into ``Journal``."""

    # --- care team and sessions -----------------------------------------------------------

    def care_team(self) -> list[Person]:
        return [
            p
            for p in people_store.list_people(self.db, include_archived=False)
            if p.relationship in CARE_TEAM
        ]

    def _check_session(self, session: Session) -> None:
        if session.date > self.today() and session.status is not SessionStatus.PLANNED:
            raise ValidationError(
                "status", translate("validation", "a session in the future can only be planned")
            )
        if (
            session.person_id is not None
            and people_store.get_person(self.db, session.person_id) is None
        ):
            raise ValidationError(
                "provider", translate("validation", "that provider is not in the journal")
            )

    def add_session(self, session: Session) -> Session:
        self._check_session(session)
        with self.db.atomic():
            return store.add_session(self.db, session)

    def update_session(self, session: Session) -> Session:
        self._check_session(session)
        with self.db.atomic():
            return store.update_session(self.db, session)

    def delete_session(self, session_id: int) -> Session | None:
        session = store.get_session(self.db, session_id)
        if session is not None:
            with self.db.atomic():
                store.delete_session(self.db, session_id)
        return session

    def sessions_between(self, start: dt.date, end: dt.date) -> list[Session]:
        return list(
            self._kept(
                ("sessions", start, end), lambda: store.sessions_between(self.db, start, end)
            )
        )

    # --- medications -----------------------------------------------------------------------

    def medications(self) -> list[Medication]:
        return store.list_medications(self.db)

    def medication_by_name(self, name: str) -> Medication:
        """The most recently started medication with this name (any case)."""
        wanted = name.strip().casefold()
        found = [m for m in self.medications() if m.name.casefold() == wanted]
        if not found:
            raise ValidationError(
                "medication",
                translate("validation", "there is no medication called “{name}”").format(name=name),
            )
        return found[-1]

    def add_medication(self, medication: Medication) -> Medication:
        with self.db.atomic():
            return store.add_medication(self.db, medication)

    def stop_medication(self, medication_id: int, on: dt.date) -> Medication:
        """Stop taking a medication; its history stays."""
        current = store.get_medication(self.db, medication_id)
        if current is None:
            raise ValidationError(
                "medication", translate("validation", "that medication is not in the journal")
            )
        stopped = dataclasses.replace(current, stopped_on=on)
        with self.db.atomic():
            return store.update_medication(self.db, stopped)

    def doses_on(self, date: dt.date) -> list[DoseStatus]:
        """Medications active on ``date`` with the doses checked off that day."""
        taken = {d.medication_id: d.taken for d in store.doses_between(self.db, date, date)}
        return [
            DoseStatus(m, taken.get(m.id or 0, 0)) for m in self.medications() if m.active_on(date)
        ]

    def set_doses(self, medication_id: int, date: dt.date, taken: int) -> DoseLog:
        medication = store.get_medication(self.db, medication_id)
        if medication is None:
            raise ValidationError(
                "medication", translate("validation", "that medication is not in the journal")
            )
        v.not_after("date", date, self.today())
        if not medication.active_on(date):
            raise ValidationError(
                "date",
                translate("validation", "{medication} was not being taken on {date}").format(
                    medication=medication.name, date=format_date(date, "date")
                ),
            )
        if isinstance(taken, int) and taken > medication.doses_per_day:
            raise ValidationError(
                "taken",
                translate(
                    "validation", "taken cannot be more than the {doses} doses per day"
                ).format(doses=format_number(medication.doses_per_day, 0)),
            )
        log = DoseLog(medication_id=medication_id, date=date, taken=taken)
        with self.db.atomic():
            store.set_doses(self.db, log)
        return log

    # --- commitments -----------------------------------------------------------------------

    def commitments(self) -> list[Commitment]:
        return store.list_commitments(self.db)

    def commitment_by_title(self, title: str) -> Commitment:
        wanted = title.strip().casefold()
        found = [c for c in self.commitments() if c.title.casefold() == wanted]
        if not found:
            raise ValidationError(
                "commitment",
                translate("validation", "there is no commitment called “{title}”").format(
                    title=title
                ),
            )
        return found[-1]

    def add_commitment(self, commitment: Commitment) -> Commitment:
        if (
            commitment.suggested_by is not None
            and people_store.get_person(self.db, commitment.suggested_by) is None
        ):
            raise ValidationError(
                "suggested_by", translate("validation", "that person is not in the journal")
            )
        with self.db.atomic():
            return store.add_commitment(self.db, commitment)

    def end_commitment(self, commitment_id: int, on: dt.date) -> Commitment:
        current = store.get_commitment(self.db, commitment_id)
        if current is None:
            raise ValidationError(
                "commitment", translate("validation", "that commitment is not in the journal")
            )
        with self.db.atomic():
            return store.update_commitment(self.db, dataclasses.replace(current, ended_on=on))

    def set_commitment_done(self, commitment_id: int, date: dt.date, done: int) -> CommitmentLog:
        commitment = store.get_commitment(self.db, commitment_id)
        if commitment is None:
            raise ValidationError(
                "commitment", translate("validation", "that commitment is not in the journal")
            )
        v.not_after("date", date, self.today())
        if not commitment.active_on(date):
            raise ValidationError(
                "date",
                translate("validation", "“{commitment}” was not running on {date}").format(
                    commitment=commitment.title, date=format_date(date, "date")
                ),
            )
        log = CommitmentLog(commitment_id=commitment_id, date=date, done=done)
        with self.db.atomic():
            store.set_commitment_done(self.db, log)
        return log

    def week_progress(self, date: dt.date) -> list[WeekProgress]:
        """Each commitment active on ``date`` with its check-offs that day and that week."""
        monday = week_start(date)
        logs = store.commitment_log_between(self.db, monday, monday + dt.timedelta(days=6))
        progress = []
        for item in self.commitments():
            if not item.active_on(date):
                continue
            mine = [log for log in logs if log.commitment_id == item.id]
            progress.append(
                WeekProgress(
                    item,
                    sum(log.done for log in mine if log.date == date),
                    sum(log.done for log in mine),
                )
            )
        return progress

    # --- topics for the next session -------------------------------------------------------

    def agenda(self, *, open_only: bool = True) -> list[AgendaItem]:
        return store.list_agenda(self.db, open_only=open_only)

    def add_topic(self, text: str, created_on: dt.date | None = None) -> AgendaItem:
        item = AgendaItem(text=text, created_on=created_on or self.today())
        with self.db.atomic():
            return store.add_agenda_item(self.db, item)

    def mark_discussed(self, item_id: int, on: dt.date | None = None) -> AgendaItem:
        current = store.get_agenda_item(self.db, item_id)
        if current is None:
            raise ValidationError(
                "topic", translate("validation", "that topic is not in the journal")
            )
        updated = dataclasses.replace(current, discussed_on=on or self.today())
        with self.db.atomic():
            return store.update_agenda_item(self.db, updated)
