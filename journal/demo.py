"""Realistic generated journals for trying the app, screenshots, tests and the benchmark.

Everything is drawn from a seeded generator, so the same ``--days`` and ``--seed`` give the same
journal (relative to its last day). The data is built to carry what the analysis should find:
mood rises with meaningful contact on the same day and a little on the next, on top of a slowly
wandering baseline, a weekly rhythm and noise. No real person's words or names are used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from journal.domain import records
from journal.domain.errors import JournalError
from journal.domain.kinds import CommitmentKind, Instrument, Mode, Relationship, SessionStatus
from journal.domain.records import FIVE_POINT
from journal.domain.settings import Settings
from journal.services import Journal
from journal.store.rows import delete_every_row, insert_many, insert_rows, to_row
from journal.store.safety_plan import save_safety_plan
from journal.store.settings import save_settings

R = Relationship

#: (name, relationship, weight of being contacted on a given contact)
PEOPLE: tuple[tuple[str, Relationship, float], ...] = (
    ("Jamie", R.PARTNER, 0.22),
    ("Mum", R.FAMILY, 0.08),
    ("Robin", R.FAMILY, 0.05),
    ("Sam", R.FRIEND, 0.10),
    ("Noor", R.FRIEND, 0.07),
    ("Theo", R.FRIEND, 0.04),
    ("Chris", R.COLLEAGUE, 0.16),
    ("Dana", R.COLLEAGUE, 0.08),
    ("Pat next door", R.NEIGHBOUR, 0.06),
    ("Tuesday peer group", R.PEER_SUPPORT, 0.0),
    ("Dr. Lee", R.THERAPIST, 0.01),
    ("Dr. Patel (GP)", R.CLINICIAN, 0.0),
    ("Saturday walking group", R.COMMUNITY, 0.0),
    ("Community garden", R.COMMUNITY, 0.05),
    ("Café regulars", R.OTHER, 0.08),
)

_MODES_BY_KIND: dict[Relationship, tuple[tuple[Mode, ...], tuple[float, ...]]] = {
    R.PARTNER: ((Mode.IN_PERSON, Mode.PHONE, Mode.TEXT), (0.75, 0.1, 0.15)),
    R.FAMILY: ((Mode.PHONE, Mode.VIDEO, Mode.IN_PERSON, Mode.TEXT), (0.4, 0.2, 0.2, 0.2)),
    R.FRIEND: ((Mode.IN_PERSON, Mode.TEXT, Mode.PHONE, Mode.VIDEO), (0.4, 0.3, 0.15, 0.15)),
    R.COLLEAGUE: ((Mode.IN_PERSON, Mode.VIDEO, Mode.TEXT), (0.6, 0.3, 0.1)),
    R.NEIGHBOUR: ((Mode.IN_PERSON,), (1.0,)),
    R.PEER_SUPPORT: ((Mode.ONLINE_GROUP, Mode.IN_PERSON), (0.6, 0.4)),
    R.THERAPIST: ((Mode.TEXT, Mode.PHONE), (0.7, 0.3)),
    R.CLINICIAN: ((Mode.PHONE,), (1.0,)),
    R.COMMUNITY: ((Mode.IN_PERSON,), (1.0,)),
    R.OTHER: ((Mode.IN_PERSON,), (1.0,)),
}

_QUALITY_BY_KIND = {
    R.PARTNER: 4.0,
    R.FAMILY: 3.4,
    R.FRIEND: 4.1,
    R.COLLEAGUE: 2.9,
    R.NEIGHBOUR: 3.1,
    R.PEER_SUPPORT: 4.0,
    R.THERAPIST: 3.8,
    R.CLINICIAN: 3.0,
    R.COMMUNITY: 3.7,
    R.OTHER: 2.8,
}

_NOTES = (
    "Slow start, better after lunch.",
    "Long walk by the river.",
    "Felt tired most of the day.",
    "Good talk in the evening.",
    "Hard to get going today.",
    "Cooked something new.",
    "Busy day at work, calm evening.",
    "Rain all day, stayed in.",
    "Felt more like myself.",
    "Didn't sleep well, took it easy.",
)
_CONTACT_NOTES = (
    "Coffee together.",
    "Quick catch-up.",
    "Talked about the weekend.",
    "Helped with the shopping.",
    "Shared a meal.",
)
_COPING = ("walk", "music", "breathing", "journaling", "cooking", "reading", "shower", "stretching")


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """How much was generated, for the command line to report."""

    first_day: dt.date
    last_day: dt.date
    days: int
    contacts: int


class _Builder:
    """Draws every table of a demo journal from one random generator."""

    def __init__(self, days: int, seed: int, today: dt.date) -> None:
        self.rng = np.random.default_rng(seed)
        self.today = today
        self.dates = [today - dt.timedelta(days=days - 1 - i) for i in range(days)]
        self.people = [
            records.Person(name=n, relationship=k, id=i + 1) for i, (n, k, _) in enumerate(PEOPLE)
        ]
        self.by_name = {p.name: p for p in self.people}
        weights = np.array([w for _, _, w in PEOPLE])
        self.weights = weights / weights.sum()

    def person(self, name: str) -> records.Person:
        return self.by_name[name]

    def contact(
        self,
        date: dt.date,
        person: records.Person,
        mode: Mode | None = None,
        minutes: int | None = None,
    ) -> records.Contact:
        rng = self.rng
        if mode is None:
            modes, p = _MODES_BY_KIND[person.relationship]
            mode = modes[rng.choice(len(modes), p=p)]
        if minutes is None and rng.random() > 0.1:
            minutes = int(np.clip(rng.lognormal(3.2, 0.7), 2, 600))
        quality = int(
            np.clip(round(_QUALITY_BY_KIND[person.relationship] + rng.normal(0, 0.8)), *FIVE_POINT)
        )
        note = _CONTACT_NOTES[rng.integers(len(_CONTACT_NOTES))] if rng.random() < 0.08 else ""
        return records.Contact(
            date=date,
            kind=person.relationship,
            mode=mode,
            quality=quality,
            person_id=person.id,
            minutes=minutes,
            note=note,
        )

    def contacts(self) -> list[records.Contact]:
        """0-6 contacts a day; sociability wanders slowly; groups meet on their weekdays."""
        rng, out = self.rng, []
        sociable = 0.0
        group, walk = self.person("Tuesday peer group"), self.person("Saturday walking group")
        for date in self.dates:
            sociable = 0.93 * sociable + rng.normal(0, 0.25)
            weekend = date.weekday() >= 5
            rate = float(np.clip(3.8 + sociable + (0.4 if weekend else 0.0), 0.5, 6.0))
            count = int(min(rng.poisson(rate), 6))
            picks = rng.choice(len(self.people), size=count, p=self.weights, replace=False)
            out += [self.contact(date, self.people[i]) for i in picks]
            if date.weekday() == 1 and rng.random() < 0.8:
                out.append(self.contact(date, group, minutes=90))
            if date.weekday() == 5 and rng.random() < 0.6:
                out.append(self.contact(date, walk, minutes=60))
        return out

    def days(
        self, contacts: list[records.Contact], missed_doses: dict[dt.date, int]
    ) -> list[records.Day]:
        """Mood built from meaningful contact (today and yesterday), a baseline and noise."""
        rng = self.rng
        meaningful: dict[dt.date, int] = {}
        for c in contacts:
            if c.meaningful:
                meaningful[c.date] = meaningful.get(c.date, 0) + 1
        baseline, out = 0.0, []
        for date in self.dates:
            baseline = 0.9 * baseline + rng.normal(0, 0.45)
            if rng.random() < 0.07:  # days without a check-in happen, and that is fine
                continue
            today_m = min(meaningful.get(date, 0), 3)
            yesterday_m = min(meaningful.get(date - dt.timedelta(days=1), 0), 3)
            raw = (
                3.9
                + baseline
                + 0.7 * today_m
                + 0.3 * yesterday_m
                + (0.3 if date.weekday() >= 5 else 0.0)
                - 0.6 * missed_doses.get(date, 0)
                + rng.normal(0, 1.0)
            )
            mood = int(np.clip(round(raw), 0, 10))
            anxiety = int(np.clip(round(9.5 - 0.7 * raw + rng.normal(0, 1.3)), 0, 10))
            lonely = int(
                np.clip(round(7.0 - 1.3 * today_m - 0.25 * raw + rng.normal(0, 1.2)), 0, 10)
            )
            energy = int(np.clip(round(0.6 * raw + 1.5 + rng.normal(0, 1.2)), 0, 10))
            physical = (
                None if rng.random() < 0.3 else int(np.clip(round(7 + rng.normal(0, 1.3)), 0, 10))
            )
            sleep = (
                None
                if rng.random() < 0.1
                else float(np.clip(round(rng.normal(7.1, 1.0) * 2) / 2, 3, 12))
            )
            coping = tuple(
                str(t) for t in rng.choice(_COPING, size=rng.integers(0, 3), replace=False)
            )
            note = _NOTES[rng.integers(len(_NOTES))] if rng.random() < 0.15 else ""
            out.append(
                records.Day(
                    date=date,
                    mood=mood,
                    anxiety=anxiety,
                    loneliness=lonely,
                    energy=energy,
                    physical=physical,
                    sleep_hours=sleep,
                    coping=coping,
                    note=note,
                )
            )
        return out

    def sessions(self) -> list[records.Session]:
        """Weekly therapy for the first months, then fortnightly; a GP review each quarter."""
        rng, out = self.rng, []
        therapist, gp = self.person("Dr. Lee"), self.person("Dr. Patel (GP)")
        statuses = (
            SessionStatus.ATTENDED,
            SessionStatus.MISSED,
            SessionStatus.CANCELLED_BY_ME,
            SessionStatus.CANCELLED_BY_PROVIDER,
        )
        for index, date in enumerate(self.dates):
            if date.weekday() != 2:
                continue
            week = index // 7
            if week >= 16 and week % 2:
                continue
            status = statuses[rng.choice(4, p=(0.85, 0.06, 0.05, 0.04))]
            felt = (
                int(np.clip(round(rng.normal(4.0, 0.7)), *FIVE_POINT))
                if status is SessionStatus.ATTENDED
                else None
            )
            mode = Mode.VIDEO if rng.random() < 0.4 else Mode.IN_PERSON
            out.append(
                records.Session(
                    date=date, status=status, mode=mode, person_id=therapist.id, felt_heard=felt
                )
            )
        for date in self.dates[20::91]:
            out.append(
                records.Session(
                    date=date,
                    status=SessionStatus.ATTENDED,
                    mode=Mode.IN_PERSON,
                    person_id=gp.id,
                    felt_heard=4,
                )
            )
        ahead = self.today + dt.timedelta(days=(2 - self.today.weekday()) % 7 or 7)
        out.append(
            records.Session(
                date=ahead, status=SessionStatus.PLANNED, mode=Mode.VIDEO, person_id=therapist.id
            )
        )
        return sorted(out, key=lambda s: s.date)

    def medications(
        self,
    ) -> tuple[list[records.Medication], list[records.DoseLog], dict[dt.date, int]]:
        """One daily medication throughout; a second twice-daily one for a stretch."""
        rng = self.rng
        first, last = self.dates[0], self.dates[-1]
        meds = [
            records.Medication(
                name="Sertraline", dose="50 mg", doses_per_day=1, started_on=first, id=1
            )
        ]
        if len(self.dates) > 60:
            start = self.dates[len(self.dates) // 3]
            stop = self.dates[min(len(self.dates) - 1, len(self.dates) // 3 + 120)]
            meds.append(
                records.Medication(
                    name="Propranolol",
                    dose="10 mg",
                    doses_per_day=2,
                    started_on=start,
                    stopped_on=stop if stop < last else None,
                    id=2,
                )
            )
        logs, missed = [], {}
        for med in meds:
            for date in self.dates:
                if not med.active_on(date):
                    continue
                taken = med.doses_per_day - int(rng.binomial(med.doses_per_day, 0.06))
                logs.append(records.DoseLog(medication_id=med.id or 0, date=date, taken=taken))
                missed[date] = missed.get(date, 0) + med.doses_per_day - taken
        return meds, logs, missed

    def commitments(self) -> tuple[list[records.Commitment], list[records.CommitmentLog]]:
        rng, first = self.rng, self.dates[0]
        therapist, gp = self.person("Dr. Lee").id, self.person("Dr. Patel (GP)").id
        plans = (  # title, kind, times a week, suggested by
            ("Breathing exercise", CommitmentKind.HOMEWORK, 5, therapist),
            ("Walking group", CommitmentKind.SOCIAL_PRESCRIPTION, 1, gp),
            ("Call a friend", CommitmentKind.GOAL, 2, None),
        )
        items = [
            records.Commitment(title=t, kind=k, per_week=n, started_on=first, suggested_by=by, id=i)
            for i, (t, k, n, by) in enumerate(plans, start=1)
        ]
        logs = []
        for date in self.dates:
            if rng.random() < 0.6:
                logs.append(records.CommitmentLog(commitment_id=1, date=date, done=1))
            if date.weekday() == 5 and rng.random() < 0.6:
                logs.append(records.CommitmentLog(commitment_id=2, date=date, done=1))
            if rng.random() < 0.25:
                logs.append(records.CommitmentLog(commitment_id=3, date=date, done=1))
        return items, logs

    def assessments(self, days: list[records.Day]) -> list[records.Assessment]:
        """PHQ-9 and GAD-7 every two weeks, WHO-5 and UCLA-3 every four; answers follow mood."""
        rng, out = self.rng, []
        mood = {d.date: d.mood for d in days}
        lonely = {d.date: d.loneliness for d in days}
        for index in range(13, len(self.dates), 14):
            date = self.dates[index]
            window = [mood[d] for d in self.dates[index - 13 : index + 1] if d in mood]
            alone = [
                lonely[d] for d in self.dates[index - 13 : index + 1] if lonely.get(d) is not None
            ]
            low = float(np.clip((7.0 - np.mean(window)) / 5.0, 0, 1)) if window else 0.3

            def items(n: int, top: int, level: float) -> list[int]:
                return [
                    int(np.clip(round(level * top + rng.normal(0, 0.6)), 0, top)) for _ in range(n)
                ]

            phq = [*items(8, 3, low), 0]  # the demo never invents thoughts of self-harm
            out.append(
                records.Assessment(date=date, instrument=Instrument.PHQ9, answers=tuple(phq))
            )
            out.append(
                records.Assessment(
                    date=date, instrument=Instrument.GAD7, answers=tuple(items(7, 3, low * 0.9))
                )
            )
            if (index // 14) % 2 == 0:
                out.append(
                    records.Assessment(
                        date=date, instrument=Instrument.WHO5, answers=tuple(items(5, 5, 1 - low))
                    )
                )
                level = float(np.mean(alone)) / 10 if alone else 0.4
                out.append(
                    records.Assessment(
                        date=date,
                        instrument=Instrument.UCLA3,
                        answers=tuple(1 + a for a in items(3, 2, level)),
                    )
                )
        return out

    def agenda(self) -> list[records.AgendaItem]:
        topics = (
            "Sleep has been patchy again",
            "How to say no at work",
            "The walking group is helping",
            "Visiting family next month",
            "Side effects in the mornings",
            "What to do on the hard evenings",
        )
        out = []
        for i, text in enumerate(topics):
            created = self.dates[max(0, len(self.dates) - 1 - 9 * (len(topics) - i))]
            discussed = created + dt.timedelta(days=7) if i < 3 else None
            if discussed is not None and discussed > self.today:
                discussed = None
            out.append(records.AgendaItem(text=text, created_on=created, discussed_on=discussed))
        return out


_SAFETY_PLAN = records.SafetyPlan(
    warning_signs="Staying in bed past noon; not answering messages; skipping meals.",
    coping_strategies="Go for a short walk; a hot shower; breathing exercise; music.",
    distractions="The café on the corner; the community garden; calling Sam.",
    people_to_ask="Jamie; Sam; Mum.",
    professionals="Dr. Lee (therapist); Dr. Patel (GP); the out-of-hours line.",
    crisis_line="",
    safer_surroundings="Ask Jamie to keep the spare medication.",
    reasons_for_living="Jamie, the garden in spring, my sister's kids.",
)


def generate(
    journal: Journal,
    *,
    days: int = 365,
    seed: int = 1,
    today: dt.date | None = None,
    force: bool = False,
) -> DemoSummary:
    """Fill ``journal`` with ``days`` days of demo data ending ``today``, in one transaction.

    A journal that already holds records is refused unless ``force``, which replaces them.
    """
    if days < 1 or days > 36_500:
        raise JournalError("days must be between 1 and 36500")
    if not force and not journal.is_empty():
        raise JournalError(
            "This journal already has entries; the demo only fills an empty "
            "journal (use --force to replace everything with demo data)."
        )
    builder = _Builder(days, seed, today or journal.today())
    contacts = builder.contacts()
    medications, doses, missed = builder.medications()
    day_records = builder.days(contacts, missed)
    commitments, commitment_log = builder.commitments()
    db = journal.db
    with db.atomic():
        delete_every_row(db)
        insert_many(db, "people", builder.people)
        insert_rows(
            db, "days", ({**to_row(d), "updated_at": f"{d.date}T21:00:00"} for d in day_records)
        )
        insert_many(db, "contacts", contacts, exclude=("id",))
        insert_many(db, "sessions", builder.sessions(), exclude=("id",))
        insert_many(db, "medications", medications)
        insert_many(db, "doses", doses)
        insert_many(db, "commitments", commitments)
        insert_many(db, "commitment_log", commitment_log)
        insert_many(db, "assessments", builder.assessments(day_records), exclude=("id", "flags"))
        insert_many(db, "agenda", builder.agenda(), exclude=("id",))
        save_safety_plan(db, _SAFETY_PLAN)
        save_settings(db, Settings(display_name="Jordan (demo)"))
    return DemoSummary(builder.dates[0], builder.dates[-1], len(day_records), len(contacts))
