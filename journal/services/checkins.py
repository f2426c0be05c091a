"""Check-in use cases: questionnaires, when one is due, the safety plan and crisis information.

An area of ``services.Journal`` (a ``JournalBase``). The crisis information never depends on a
setting, and it is built even when the journal cannot be read, so "Need help now" and the
crisis message always have something to show.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from dataclasses import dataclass

from journal.domain import validate as v
from journal.domain.errors import JournalError
from journal.domain.kinds import CARE_TEAM, Instrument
from journal.domain.records import Assessment, Person, SafetyPlan
from journal.domain.safety import (
    DIRECTORY,
    CrisisLine,
    Directory,
    crisis_message_required,
    lines_for_region,
    region_of,
)
from journal.i18n import translate
from journal.services.base import JournalBase
from journal.store import assessments as assessments_store
from journal.store import people as people_store
from journal.store import safety_plan as safety_plan_store
from journal.store import settings as settings_store

#: A PHQ-9 whose item 9 was above 0 that arrives without the form (an import) shows the
#: crisis message when it is this recent (days, today included).
ITEM9_RECENT_DAYS = 14
#: Where the assessments whose crisis message was shown are remembered (``settings`` table).
ITEM9_SHOWN_KEY = "item9_messages_shown"
_ITEM9_KEPT = 64


def _item9_key(assessment: Assessment) -> str:
    """An assessment by its date and answers: the same after an export and an import."""
    answers = ",".join("-" if a is None else str(a) for a in assessment.answers)
    return f"{assessment.date.isoformat()}:{answers}"


log = logging.getLogger(__name__)

#: A phone number written in a person's note ("+44 7700 900123", "(555) 010-2030").
_PHONE = re.compile(r"[+(]?\d[\d ()./-]{4,}\d")


@dataclass(frozen=True, slots=True)
class DueQuestionnaire:
    """A questionnaire whose interval has passed: ``last`` taken on (``None``: never)."""

    instrument: Instrument
    last: dt.date | None
    days_since: int | None


@dataclass(frozen=True, slots=True)
class HelpContact:
    """Someone from People the person could add to their safety plan, with a number found in
    their note (``""`` when there is none)."""

    person: Person
    number: str

    @property
    def line(self) -> str:
        """A line for the safety plan: "Sam (friend) — 07700 900123"."""
        who = translate("checkins", "{name} ({relationship})").format(
            name=self.person.name, relationship=self.person.relationship.label
        )
        if not self.number:
            return who
        return translate("checkins", "{who} — {number}").format(who=who, number=self.number)


@dataclass(frozen=True, slots=True)
class CrisisInfo:
    """What the crisis message and "Need help now" show, in this order: the person's own
    crisis line, the people they can ask, the professionals, then the lines of their region
    and the international directory."""

    own_crisis_line: str
    people_to_ask: str
    professionals: str
    region: str | None
    lines: tuple[CrisisLine, ...]
    directory: Directory = DIRECTORY

    @property
    def has_own_contacts(self) -> bool:
        return any(
            s.strip() for s in (self.own_crisis_line, self.people_to_ask, self.professionals)
        )


class CheckinUseCases(JournalBase):
    """Questionnaires, the safety plan and crisis information; mixed into ``Journal``."""

    # --- questionnaires ----------------------------------------------------------------------

    def save_assessment(self, assessment: Assessment) -> Assessment:
        """Store a questionnaire in one transaction; a future date is refused. Returns the
        stored assessment (with its id, total, band and flags recomputed from the answers)."""
        v.not_after("date", assessment.date, self.today())
        with self.db.atomic():
            return assessments_store.add_assessment(self.db, assessment)

    def assessments(self, instrument: Instrument | str | None = None) -> list[Assessment]:
        """The history, oldest first: every questionnaire, or only ``instrument``'s."""
        wanted = None if instrument is None else Instrument(instrument)

        def load() -> list[Assessment]:
            instrument = None if wanted is None else wanted.value
            return assessments_store.list_assessments(self.db, instrument=instrument)

        return list(self._kept(("assessments", wanted), load))

    def last_assessment(self, instrument: Instrument | str) -> Assessment | None:
        history = self.assessments(instrument)
        return history[-1] if history else None

    def questionnaire_due(
        self, instrument: Instrument | str, on: dt.date | None = None
    ) -> DueQuestionnaire | None:
        """Whether ``instrument`` is due on ``on`` (default today): never taken, or taken
        ``questionnaire_every_days`` or more days ago. ``None`` when not due or reminders are
        off (an interval of 0)."""
        every = self.settings().questionnaire_every_days
        if every == 0:
            return None
        on = on or self.today()
        instrument = Instrument(instrument)
        key = ("last_taken", instrument, on)  # a date, not every questionnaire scored
        last = self._kept(key, lambda: assessments_store.last_taken(self.db, instrument.value, on))
        if last is None:
            return DueQuestionnaire(instrument, None, None)
        days = (on - last).days
        return DueQuestionnaire(instrument, last, days) if days >= every else None

    def due_questionnaires(self, on: dt.date | None = None) -> list[DueQuestionnaire]:
        """Every questionnaire that is due, in the order of ``Instrument``."""
        return [due for due in (self.questionnaire_due(i, on) for i in Instrument) if due]

    # --- safety plan -------------------------------------------------------------------------

    def safety_plan(self) -> SafetyPlan:
        return safety_plan_store.get_safety_plan(self.db)

    def save_safety_plan(self, plan: SafetyPlan) -> SafetyPlan:
        with self.db.atomic():
            safety_plan_store.save_safety_plan(self.db, plan)
        return plan

    def help_contacts(self, *, care_team: bool = False) -> list[HelpContact]:
        """Active people (only the care team with ``care_team``), each with a phone number
        found in their note, for adding to the safety plan."""
        people = people_store.list_people(self.db, include_archived=False)
        chosen = [p for p in people if (p.relationship in CARE_TEAM) == care_team]
        return [HelpContact(p, _number_in(p.note)) for p in chosen]

    # --- crisis ------------------------------------------------------------------------------

    def crisis_info(self, locale: str = "", *, region: str | None = None) -> CrisisInfo:
        """The crisis information for ``locale`` (e.g. "en_GB") or an explicit ``region``.

        The person's own plan comes first; if it cannot be read (a damaged or locked file),
        the lines and the directory are still returned.
        """
        try:
            plan = self.safety_plan()
        except (JournalError, sqlite3.Error):
            log.warning("could not read the safety plan for the crisis message", exc_info=True)
            plan = SafetyPlan()
        region = region if region is not None else region_of(locale)
        return CrisisInfo(
            own_crisis_line=plan.crisis_line.strip(),
            people_to_ask=plan.people_to_ask.strip(),
            professionals=plan.professionals.strip(),
            region=region,
            lines=lines_for_region(region),
        )

    def public_crisis_info(self, locale: str = "") -> CrisisInfo:
        """The crisis lines of ``locale``'s region without the person's own plan: what a
        locked window may show to anyone at the computer (the lines are public, the plan's
        people are not), so help is never behind the passphrase."""
        region = region_of(locale)
        return CrisisInfo(
            own_crisis_line="",
            people_to_ask="",
            professionals="",
            region=region,
            lines=lines_for_region(region),
        )

    def unseen_item9_answer(self) -> Assessment | None:
        """The latest PHQ-9 of the last ``ITEM9_RECENT_DAYS`` days whose item 9 was answered
        above 0 and whose crisis message has not been shown yet — one that came in by an
        import or a restore, not through the questionnaire form. Each is shown once."""
        today = self.today()
        since = today - dt.timedelta(days=ITEM9_RECENT_DAYS - 1)
        shown = self._item9_shown()
        # those days' questionnaires only: at start, not a lifetime of them read and scored
        recent = assessments_store.assessments_between(self.db, since, today)
        for item in reversed(recent):
            if (
                item.instrument is Instrument.PHQ9
                and crisis_message_required(item.flags)
                and _item9_key(item) not in shown
            ):
                return item
        return None

    def item9_message_shown(self, assessment: Assessment) -> None:
        """Remember that the crisis message for ``assessment`` was shown (kept in the
        ``settings`` table, the most recent ``_ITEM9_KEPT``)."""
        shown = [k for k in self._item9_shown() if k != _item9_key(assessment)]
        with self.db.atomic():
            settings_store.save_note(
                self.db, ITEM9_SHOWN_KEY, [*shown, _item9_key(assessment)][-_ITEM9_KEPT:]
            )

    def _item9_shown(self) -> list[str]:
        value = settings_store.load_note(self.db, ITEM9_SHOWN_KEY)
        return [str(k) for k in value] if isinstance(value, list) else []

    @staticmethod
    def crisis_message_required(assessment: Assessment) -> bool:
        """True when saving ``assessment`` must show the crisis message (no setting applies)."""
        return crisis_message_required(assessment.flags)


def _number_in(note: str) -> str:
    match = _PHONE.search(note or "")
    return match.group(0).strip() if match else ""
