"""Page 1 of the summary, the part a clinician reads first, as plain data: ``Glance`` and
``build_glance`` (its words and blocks are in ``glance_blocks``).

In the order a session needs it: a safety line when PHQ-9 item 9 was answered above 0 in the
range (only when the person included their questionnaires); each questionnaire's first and
latest score with the change, the published band and, for PHQ-9 and GAD-7, the published
markers (response: a fall of 50% or more from the first score; remission: the latest score
under 5); mood in the first and the last fortnight; contacts a week and the share that felt
good; sessions attended of those booked and how heard the person felt; doses and
commitments kept over the finished weeks only (a week not over yet is no fall); the topics
for the next session. A part appears only when the section it comes from is ticked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from journal.domain.instruments import SPECS, Score, score
from journal.domain.kinds import Instrument, Relationship, SessionStatus
from journal.i18n import QT_TRANSLATE_NOOP, translate
from journal.report.summary.inputs import SummaryInputs
from journal.report.summary.names import Names
from journal.report.summary.questionnaires import SafetyLine, safety_lines
from journal.report.summary.words import day

#: Instruments with the published response and remission markers, and the remission edge.
MARKED = {Instrument.PHQ9: 5, Instrument.GAD7: 5}
#: A response is a fall of at least this share of the first score.
RESPONSE_DROP = 0.5
#: Days in a "fortnight" of the mood line (a shorter range is split in halves).
FORTNIGHT = 14
#: Fewest check-ins in a fortnight for its mean to be shown.
MIN_FORTNIGHT = 4
#: The ratings beside mood on page 1, and their words.
OTHER_RATINGS = (
    ("anxiety", QT_TRANSLATE_NOOP("summary", "anxiety {value}")),
    ("loneliness", QT_TRANSLATE_NOOP("summary", "loneliness {value}")),
    ("energy", QT_TRANSLATE_NOOP("summary", "energy {value}")),
    ("sleep_hours", QT_TRANSLATE_NOOP("summary", "sleep {value} h a night")),
)


@dataclass(frozen=True, slots=True)
class ScoreChange:
    """One questionnaire's first and latest score in the range.

    ``response`` and ``remission`` are ``None`` where the marker does not apply: an
    instrument without published markers, a response with a single score or a first score
    of 0 (no fall to measure). ``shown`` scores are the WHO-5 percentage, else the total.
    """

    instrument: Instrument
    first_date: dt.date
    first: float
    latest_date: dt.date
    latest: float
    band: str
    times: int
    percent: bool = False
    response: bool | None = None
    remission: bool | None = None

    @property
    def change(self) -> float | None:
        return self.latest - self.first if self.times > 1 else None


@dataclass(frozen=True, slots=True)
class Fortnight:
    """Mean mood over ``start..end`` from ``n`` check-ins (``None`` under ``MIN_FORTNIGHT``)."""

    start: dt.date
    end: dt.date
    n: int
    mean: float | None


@dataclass(frozen=True, slots=True)
class Kept:
    """Done of due over the finished weeks of the range (``weeks``); ``so_far`` is the Monday
    of the week left out because it is not over yet."""

    done: float
    due: float
    weeks: int
    so_far: dt.date | None


@dataclass(frozen=True, slots=True)
class Glance:
    """Everything page 1 says, as numbers and dates; ``None``: its section is not ticked."""

    safety: tuple[SafetyLine, ...] = ()
    scores: tuple[ScoreChange, ...] | None = None
    mood: tuple[Fortnight, Fortnight] | None = None
    mood_all: Fortnight | None = None
    ratings: tuple[tuple[str, float], ...] = ()
    contacts: int | None = None
    contacts_good: int = 0
    weeks: float = 1.0
    days: int = 0
    top_kinds: tuple[tuple[str, int], ...] = ()
    sessions_attended: int | None = None
    sessions_booked: int = 0
    felt_heard: tuple[tuple[dt.date, int], ...] = ()
    doses: Kept | None = None
    commitments: Kept | None = None
    topics: tuple[str, ...] | None = None
    #: "overview" is ticked but nothing was logged in the range
    nothing_logged: bool = False

    @property
    def contacts_a_week(self) -> float | None:
        return None if self.contacts is None else self.contacts / self.weeks


def score_changes(data: SummaryInputs) -> tuple[ScoreChange, ...]:
    """Each instrument filled in during the range, in the published order."""
    changes = []
    for instrument in SPECS:
        taken = sorted(
            (a for a in data.assessments if a.instrument == instrument), key=lambda a: a.date
        )
        if not taken:
            continue
        first, latest = score(instrument, taken[0].answers), score(instrument, taken[-1].answers)
        response = remission = None
        if instrument in MARKED:
            remission = latest.total < MARKED[instrument]
            if len(taken) > 1 and first.total > 0:
                response = latest.total <= first.total * (1 - RESPONSE_DROP)
        changes.append(
            ScoreChange(
                Instrument(instrument),
                taken[0].date,
                _shown(first),
                taken[-1].date,
                _shown(latest),
                taken[-1].band,
                len(taken),
                percent=first.percentage is not None,
                response=response,
                remission=remission,
            )
        )
    return tuple(changes)


def _shown(result: Score) -> float:
    """The WHO-5 percentage, else the total."""
    return float(result.percentage if result.percentage is not None else result.total)


def fortnights(data: SummaryInputs) -> tuple[Fortnight, Fortnight]:
    """Mean mood of the first and the last 14 days (the two halves of a shorter range)."""
    mood = data.series.mood
    size = min(FORTNIGHT, len(mood) // 2) or 1

    def window(offset: int) -> Fortnight:
        values = mood[offset : offset + size]
        known = values[~np.isnan(values)]
        start = data.start + dt.timedelta(days=offset)
        return Fortnight(
            start,
            start + dt.timedelta(days=len(values) - 1),
            len(known),
            float(known.mean()) if len(known) >= MIN_FORTNIGHT else None,
        )

    return window(0), window(max(len(mood) - size, 0))


def kept(
    done: np.ndarray, due: np.ndarray, weeks: list[dt.date], so_far: np.ndarray
) -> Kept | None:
    """Totals over the finished weeks; ``None`` when nothing was due in any of them."""
    unfinished = (
        np.asarray(so_far, dtype=bool)
        if len(so_far) == len(weeks)
        else np.zeros(len(weeks), dtype=bool)
    )
    finished = ~unfinished
    total_due = float(np.asarray(due, dtype=float)[finished].sum()) if len(due) else 0.0
    if not total_due:
        return None
    left_out = next((w for w, u in zip(weeks, unfinished, strict=True) if u), None)
    return Kept(
        float(np.asarray(done, dtype=float)[finished].sum()),
        total_due,
        int((finished & (np.asarray(due, dtype=float) > 0)).sum()),
        left_out,
    )


def build_glance(data: SummaryInputs, chosen: Iterable[str], names: Names) -> Glance:
    """Page 1's figures, from the ticked sections only."""
    chosen = set(chosen)
    parts: dict[str, object] = {}
    if "questionnaires" in chosen:
        parts["safety"] = safety_lines(data.assessments)
        parts["scores"] = score_changes(data)
    s = data.series
    if "overview" in chosen and not s.logged.any():
        parts["nothing_logged"] = True
    elif "overview" in chosen:
        parts["mood"] = fortnights(data)
        known = s.mood[~np.isnan(s.mood)]
        parts["mood_all"] = Fortnight(
            data.start, data.end, len(known), float(known.mean()) if len(known) else None
        )
        parts["ratings"] = tuple(
            (key, float(np.nanmean(s.ratings[key])))
            for key, _words in OTHER_RATINGS
            if (~np.isnan(s.ratings[key])).any()
        )
        parts["contacts"] = int(np.nansum(s.contacts))
        parts["contacts_good"] = int(np.nansum(s.meaningful))
        parts["weeks"] = max(len(s) / 7, 1.0)
        parts["days"] = len(s)
        kinds = sorted(
            ((Relationship(k).label, int(np.nansum(c))) for k, c in s.by_kind.items()),
            key=lambda row: -row[1],
        )
        parts["top_kinds"] = tuple(row for row in kinds if row[1])[:3]
    if "treatment" in chosen:
        a = data.adherence
        parts["sessions_attended"] = int(np.sum(a.sessions_attended))
        parts["sessions_booked"] = int(np.sum(a.sessions_booked))
        attended = (
            x
            for x in sorted(data.sessions, key=lambda x: x.date)
            if SessionStatus(x.status) is SessionStatus.ATTENDED
        )
        parts["felt_heard"] = tuple((x.date, int(x.felt_heard)) for x in attended if x.felt_heard)
        parts["doses"] = kept(a.doses_taken, a.doses_scheduled, a.weeks, a.so_far)
        parts["commitments"] = kept(a.commitments_done, a.commitments_target, a.weeks, a.so_far)
    if "topics" in chosen:
        parts["topics"] = tuple(
            translate("summary", "{topic} (added {date})").format(
                topic=names.text(t.text), date=day(t.created_on)
            )
            for t in sorted(
                (t for t in data.topics if t.discussed_on is None), key=lambda t: t.created_on
            )
        )
    return Glance(**parts)  # type: ignore[arg-type]
