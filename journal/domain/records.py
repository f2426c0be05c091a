"""Every record of the journal as a frozen dataclass that is valid by construction.

Each ``__post_init__`` checks ranges and enumerations and normalises types (an ISO string
becomes a ``date``, ``"friend"`` becomes ``Relationship.FRIEND``), raising ``ValidationError``
that names the field. So the store, the importers and the UI can only ever hold a valid record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from journal.domain import validate as v
from journal.domain.errors import ValidationError
from journal.domain.instruments import score
from journal.domain.kinds import (  # re-exported: the records' ranges and threshold
    FIVE_POINT,
    MEANINGFUL_QUALITY,
    RATINGS,
    CommitmentKind,
    Instrument,
    Mode,
    Relationship,
    SessionStatus,
)
from journal.i18n import translate

KEEP_IN_TOUCH_DAYS = (1, 365)
"""The range of "keep in touch every N days": at least daily, at most yearly."""


def _set(record: object, name: str, value: object) -> None:
    object.__setattr__(record, name, value)


@dataclass(frozen=True, slots=True)
class Person:
    """A person or group the journal's owner connects with."""

    name: str
    relationship: Relationship
    id: int | None = None
    archived: bool = False
    note: str = ""
    #: "Keep in touch every N days" (``None``: no wish set); see ``KEEP_IN_TOUCH_DAYS``.
    keep_in_touch_days: int | None = None
    #: The day "It's been a while" was last set aside for this person (``None``: never).
    touch_dismissed_on: dt.date | None = None

    def __post_init__(self) -> None:
        _set(self, "name", v.name("name", self.name))
        _set(self, "relationship", v.choice("relationship", self.relationship, Relationship))
        _set(self, "id", v.optional_id("id", self.id))
        if self.archived not in (True, False, 0, 1):
            raise ValidationError("archived", translate("validation", "archived must be yes or no"))
        _set(self, "archived", bool(self.archived))
        _set(self, "note", v.text("note", self.note))
        _set(
            self,
            "keep_in_touch_days",
            v.optional_int("keep_in_touch_days", self.keep_in_touch_days, *KEEP_IN_TOUCH_DAYS),
        )
        _set(
            self,
            "touch_dismissed_on",
            v.optional_date("touch_dismissed_on", self.touch_dismissed_on),
        )


def _coping(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise ValidationError("coping", translate("validation", "coping must be a list of tags"))
    tags: list[str] = []
    for tag in value:
        tag = v.text("coping", tag, max_len=v.MAX_NAME).strip()
        if tag and tag.casefold() not in {t.casefold() for t in tags}:
            tags.append(tag)
    return tuple(tags)


@dataclass(frozen=True, slots=True)
class Day:
    """One day's check-in: mood is required, every other rating is optional."""

    date: dt.date
    mood: int
    anxiety: int | None = None
    loneliness: int | None = None
    energy: int | None = None
    physical: int | None = None
    sleep_hours: float | None = None
    coping: tuple[str, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        _set(self, "date", v.date_value("date", self.date))
        if self.mood is None:
            raise ValidationError("mood", translate("validation", "mood is required"))
        _set(self, "mood", v.int_in_range("mood", self.mood, 0, 10))
        for name in RATINGS[1:]:
            _set(self, name, v.optional_int(name, getattr(self, name), 0, 10))
        _set(self, "sleep_hours", v.optional_float("sleep_hours", self.sleep_hours, 0, 24))
        _set(self, "coping", _coping(self.coping))
        _set(self, "note", v.text("note", self.note))


@dataclass(frozen=True, slots=True)
class Contact:
    """One connection with someone on a day, in some mode, and how connected it felt (1-5)."""

    date: dt.date
    kind: Relationship
    mode: Mode
    quality: int
    person_id: int | None = None
    minutes: int | None = None
    note: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        _set(self, "date", v.date_value("date", self.date))
        _set(self, "kind", v.choice("kind", self.kind, Relationship))
        _set(self, "mode", v.choice("mode", self.mode, Mode))
        _set(self, "quality", v.int_in_range("quality", self.quality, *FIVE_POINT))
        _set(self, "person_id", v.optional_id("person_id", self.person_id))
        _set(self, "minutes", v.optional_int("minutes", self.minutes, 0, 1440))
        _set(self, "note", v.text("note", self.note))
        _set(self, "id", v.optional_id("id", self.id))

    @property
    def meaningful(self) -> bool:
        return self.quality >= MEANINGFUL_QUALITY


@dataclass(frozen=True, slots=True)
class Session:
    """A therapy or clinic session, planned or past, and how heard the person felt (1-5)."""

    date: dt.date
    status: SessionStatus
    mode: Mode
    person_id: int | None = None
    felt_heard: int | None = None
    note: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        _set(self, "date", v.date_value("date", self.date))
        _set(self, "status", v.choice("status", self.status, SessionStatus))
        _set(self, "mode", v.choice("mode", self.mode, Mode))
        _set(self, "person_id", v.optional_id("person_id", self.person_id))
        _set(self, "felt_heard", v.optional_int("felt_heard", self.felt_heard, *FIVE_POINT))
        if self.felt_heard is not None and self.status is not SessionStatus.ATTENDED:
            raise ValidationError(
                "felt_heard",
                translate("validation", "felt heard can only be rated for an attended session"),
            )
        _set(self, "note", v.text("note", self.note))
        _set(self, "id", v.optional_id("id", self.id))


def _check_span(start_field: str, start: dt.date, end_field: str, end: dt.date | None) -> None:
    if end is not None and end < start:
        raise ValidationError(
            end_field,
            translate("validation", "{end} cannot be before {start}").format(
                end=v.label(end_field), start=v.label(start_field)
            ),
        )


@dataclass(frozen=True, slots=True)
class Medication:
    """A medication taken ``doses_per_day`` times a day from ``started_on`` to ``stopped_on``."""

    name: str
    doses_per_day: int
    started_on: dt.date
    dose: str = ""
    stopped_on: dt.date | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        _set(self, "name", v.name("name", self.name))
        _set(self, "doses_per_day", v.int_in_range("doses_per_day", self.doses_per_day, 1, 12))
        _set(self, "started_on", v.date_value("started_on", self.started_on))
        _set(self, "dose", v.text("dose", self.dose, max_len=v.MAX_NAME))
        _set(self, "stopped_on", v.optional_date("stopped_on", self.stopped_on))
        _check_span("started_on", self.started_on, "stopped_on", self.stopped_on)
        _set(self, "id", v.optional_id("id", self.id))

    def active_on(self, date: dt.date) -> bool:
        return self.started_on <= date and (self.stopped_on is None or date <= self.stopped_on)


@dataclass(frozen=True, slots=True)
class DoseLog:
    """How many of a medication's doses were taken on a day (checked against doses per day
    by the service, which knows the medication)."""

    medication_id: int
    date: dt.date
    taken: int

    def __post_init__(self) -> None:
        _set(
            self, "medication_id", v.int_in_range("medication_id", self.medication_id, 1, 2**63 - 1)
        )
        _set(self, "date", v.date_value("date", self.date))
        _set(self, "taken", v.int_in_range("taken", self.taken, 0, 12))


@dataclass(frozen=True, slots=True)
class Commitment:
    """Homework, a social prescription or a goal, with a weekly target."""

    title: str
    kind: CommitmentKind
    per_week: int
    started_on: dt.date
    suggested_by: int | None = None
    ended_on: dt.date | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        _set(self, "title", v.name("title", self.title))
        _set(self, "kind", v.choice("kind", self.kind, CommitmentKind))
        _set(self, "per_week", v.int_in_range("per_week", self.per_week, 1, 14))
        _set(self, "started_on", v.date_value("started_on", self.started_on))
        _set(self, "suggested_by", v.optional_id("suggested_by", self.suggested_by))
        _set(self, "ended_on", v.optional_date("ended_on", self.ended_on))
        _check_span("started_on", self.started_on, "ended_on", self.ended_on)
        _set(self, "id", v.optional_id("id", self.id))

    def active_on(self, date: dt.date) -> bool:
        return self.started_on <= date and (self.ended_on is None or date <= self.ended_on)


@dataclass(frozen=True, slots=True)
class CommitmentLog:
    """How many times a commitment was done on a day."""

    commitment_id: int
    date: dt.date
    done: int

    def __post_init__(self) -> None:
        _set(
            self, "commitment_id", v.int_in_range("commitment_id", self.commitment_id, 1, 2**63 - 1)
        )
        _set(self, "date", v.date_value("date", self.date))
        _set(self, "done", v.int_in_range("done", self.done, 0, 14))


@dataclass(frozen=True, slots=True)
class Assessment:
    """A questionnaire taken on a day; ``total`` and ``band`` are always computed from answers."""

    date: dt.date
    instrument: Instrument
    answers: tuple[int | None, ...]
    id: int | None = None
    total: int = field(init=False, default=0)
    band: str = field(init=False, default="")
    flags: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        _set(self, "date", v.date_value("date", self.date))
        _set(self, "instrument", v.choice("instrument", self.instrument, Instrument))
        result = score(self.instrument, self.answers)
        _set(self, "answers", tuple(self.answers))
        _set(self, "total", result.total)
        _set(self, "band", result.band)
        _set(self, "flags", result.flags)
        _set(self, "id", v.optional_id("id", self.id))


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """A topic the person wants to bring to their next session."""

    text: str
    created_on: dt.date
    discussed_on: dt.date | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        _set(self, "text", v.text("text", self.text, required=True, max_len=2_000))
        _set(self, "created_on", v.date_value("created_on", self.created_on))
        _set(self, "discussed_on", v.optional_date("discussed_on", self.discussed_on))
        _check_span("created_on", self.created_on, "discussed_on", self.discussed_on)
        _set(self, "id", v.optional_id("id", self.id))


#: The sections of a standard personal safety plan (Stanley & Brown), in order.
SAFETY_PLAN_SECTIONS = (
    "warning_signs",
    "coping_strategies",
    "distractions",
    "people_to_ask",
    "professionals",
    "crisis_line",
    "safer_surroundings",
    "reasons_for_living",
)


@dataclass(frozen=True, slots=True)
class SafetyPlan:
    """The person's own safety plan: free text per standard section."""

    warning_signs: str = ""
    coping_strategies: str = ""
    distractions: str = ""
    people_to_ask: str = ""
    professionals: str = ""
    crisis_line: str = ""
    safer_surroundings: str = ""
    reasons_for_living: str = ""

    def __post_init__(self) -> None:
        for name in SAFETY_PLAN_SECTIONS:
            _set(self, name, v.text(name, getattr(self, name)))
