"""The summary's inputs, and its first sections: overview figures, charts and insights.

Each builder takes the plain data the services gathered (``SummaryInputs``) and the ``Names``
in force, and returns one ``Section``; a builder runs only for a ticked section. With too
little data a section says so in words ("Not enough data yet …") instead of showing figures.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from journal.analysis.adherence import WeeklyAdherence
from journal.analysis.distributions import t_quantile
from journal.analysis.insights import InsightReport
from journal.analysis.series import DailySeries, rolling_mean, weekly_mean
from journal.analysis.stats import MIN_GROUP
from journal.domain.kinds import Mode, Relationship
from journal.domain.records import (
    AgendaItem,
    Assessment,
    Contact,
    Person,
    SafetyPlan,
    Session,
)
from journal.report.summary_blocks import (
    SECTIONS,
    Bullets,
    NameStyle,
    Panel,
    Paragraph,
    Row,
    RowsChart,
    Section,
    Series,
    Table,
    TimeChart,
)
from journal.report.summary_names import Names

#: Up to this many days a chart marks each day's mood with a dot.
DOTS_UP_TO = 120
#: People listed by name or initials in the overview (never when names are hidden).
TOP_PEOPLE = 8

_RATING_WORDS = {
    "anxiety": "Anxiety (0–10, higher is more anxious)",
    "loneliness": "Loneliness (0–10, higher is lonelier)",
    "energy": "Energy (0–10, higher is more energy)",
    "physical": "Physical health (0–10, higher is better)",
}


@dataclass(frozen=True, slots=True)
class MedicationKept:
    """A medication active in the range and its doses taken of those scheduled there."""

    name: str
    dose: str
    doses_per_day: int
    taken: int
    scheduled: int


@dataclass(frozen=True, slots=True)
class CommitmentKept:
    """A commitment active in the range, done against its weekly targets there."""

    title: str
    kind: str
    per_week: int
    suggested_by: int | None
    done: int
    target: int


@dataclass(frozen=True, slots=True)
class SummaryInputs:
    """Everything a summary may show, gathered by the services for ``start..end``."""

    start: dt.date
    end: dt.date
    made_on: dt.date
    display_name: str
    series: DailySeries
    insights: InsightReport
    adherence: WeeklyAdherence
    people: Sequence[Person] = ()
    contacts: Sequence[Contact] = ()
    sessions: Sequence[Session] = ()
    medications: Sequence[MedicationKept] = ()
    commitments: Sequence[CommitmentKept] = ()
    assessments: Sequence[Assessment] = ()
    topics: Sequence[AgendaItem] = ()
    notes: Mapping[dt.date, str] = field(default_factory=dict)
    safety_plan: SafetyPlan = field(default_factory=SafetyPlan)


# --- formatting ------------------------------------------------------------------------------

def day(date: dt.date) -> str:
    return f"{date.day} {date:%b %Y}"


def span(start: dt.date, end: dt.date) -> str:
    return f"{day(start)} to {day(end)}"


def share(part: float, whole: float) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def not_enough(what: str) -> Paragraph:
    return Paragraph(f"Not enough data yet: {what}")


def _mean_text(values: np.ndarray) -> str:
    known = values[~np.isnan(values)]
    return (f"mean {known.mean():.1f} (lowest {known.min():g}, highest {known.max():g}) "
            f"on {plural(len(known), 'day')}")


# --- overview ----------------------------------------------------------------------------------

def overview(data: SummaryInputs, names: Names) -> Section:
    s = data.series
    title = SECTIONS["overview"]
    if not s.logged.any():
        return Section("overview", title, (not_enough(
            f"nothing was logged from {span(data.start, data.end)}. Figures will show here "
            "as days are added."),))
    mood = s.mood
    checkins = int((~np.isnan(mood)).sum())
    rows = [("Days in the range", f"{len(s):,}"),
            ("Days with a check-in", f"{checkins:,} ({share(checkins, len(s))})")]
    if checkins:
        rows.append(("Mood (0–10, 10 best)", _mean_text(mood)))
        half = len(mood) // 2
        first, second = mood[:half], mood[half:]
        if min((~np.isnan(first)).sum(), (~np.isnan(second)).sum()) >= 4:
            rows.append(("Mood, first and second half", f"mean {np.nanmean(first):.1f}, then "
                                                         f"{np.nanmean(second):.1f}"))
    for name, words in _RATING_WORDS.items():
        if (~np.isnan(s.ratings[name])).any():
            rows.append((words, _mean_text(s.ratings[name])))
    sleep = s.ratings["sleep_hours"]
    if (~np.isnan(sleep)).any():
        rows.append(("Sleep", f"{np.nanmean(sleep):.1f} hours a night on average "
                              f"({plural(int((~np.isnan(sleep)).sum()), 'night')})"))
    total = int(np.nansum(s.contacts))
    logged = int(s.logged.sum())
    contact_days = int((np.nan_to_num(s.contacts) > 0).sum())
    weeks = max(len(s) / 7, 1.0)
    rows.append(("Contacts logged", f"{total:,} on {plural(contact_days, 'day')} "
                                    f"({total / weeks:.1f} a week)"))
    good = int(np.nansum(s.meaningful))
    good_days = int((np.nan_to_num(s.meaningful) > 0).sum())
    rows.append(("Contacts that felt good (rated 4–5 of 5)",
                 f"{good:,} ({share(good, total)} of contacts); at least one on "
                 f"{good_days:,} of {plural(logged, 'day')} logged"))
    minutes = float(np.nansum(s.minutes))
    if minutes:
        rows.append(("Time in contact", f"{minutes / 60:.0f} hours "
                                        f"({minutes / max(logged, 1):.0f} minutes a logged day)"))
    iso = data.insights.isolation
    if iso.current is not None:
        rows.append(("Longest stretch without a contact that felt good",
                     plural(iso.longest, "day")))
    blocks: list = [Table(("Figure", "Value"), tuple(rows))]
    blocks.extend(_contact_tables(data, names))
    return Section("overview", title, tuple(blocks))


def _contact_tables(data: SummaryInputs, names: Names) -> list[Table]:
    s = data.series
    kinds = sorted(((k, int(np.nansum(c)), int((np.nan_to_num(c) > 0).sum()))
                    for k, c in s.by_kind.items()), key=lambda row: -row[1])
    tables = [Table(("Kind of contact", "Contacts", "Days"),
                    tuple((Relationship(k).label, f"{n:,}", f"{d:,}")
                          for k, n, d in kinds if n), numeric=(1, 2))]
    modes = sorted(((m, int(np.nansum(c))) for m, c in s.by_mode.items()), key=lambda r: -r[1])
    tables.append(Table(("How", "Contacts"), tuple((Mode(m).label, f"{n:,}")
                                                   for m, n in modes if n), numeric=(1,)))
    if names.style is not NameStyle.HIDDEN:
        counts = Counter(c.person_id for c in data.contacts if c.person_id is not None)
        quality: dict[int, list[int]] = {}
        for contact in data.contacts:
            if contact.person_id is not None:
                quality.setdefault(contact.person_id, []).append(contact.quality)
        rows = tuple((names.of(pid), f"{n:,}", f"{np.mean(quality[pid]):.1f}")
                     for pid, n in counts.most_common(TOP_PEOPLE))
        if rows:
            tables.append(Table(("Person", "Contacts", "Felt connected (mean, 1–5)"), rows,
                                numeric=(1, 2)))
    return [t for t in tables if t.rows]


# --- charts ------------------------------------------------------------------------------------

def date_ticks(first: dt.date, days: int) -> tuple[tuple[int, str], ...]:
    """(days from ``first``, label) for a date axis: the first of each month (every 3rd or
    12th over years) on ranges over 120 days, else Mondays (at most 9 of them)."""
    dates = [first + dt.timedelta(days=i) for i in range(days)]
    if days > 120:
        every = 1 if days <= 550 else 3 if days <= 1500 else 12
        return tuple((i, f"{d:%b}" if d.month != 1 and i > 31 else f"{d:%b %Y}")
                     for i, d in enumerate(dates) if d.day == 1 and (d.month - 1) % every == 0)
    mondays = [(i, d) for i, d in enumerate(dates) if d.weekday() == 0]
    step = max(1, math.ceil(len(mondays) / 9))
    return tuple((i, f"{d.day} {d:%b}") for i, d in mondays[::step])


def axis_range(values: Sequence[float]) -> tuple[float, float, float]:
    """(low, high, tick step) of a 0-10 axis around ``values``, at least 2 wide."""
    low = max(0.0, math.floor(min(values) - 0.25))
    high = min(10.0, math.ceil(max(values) + 0.25))
    if high - low < 2:
        low, high = (low, low + 2) if low + 2 <= 10 else (high - 2, high)
    return low, high, 0.5 if high - low <= 3 else 1.0 if high - low <= 6 else 2.0


def charts(data: SummaryInputs, names: Names) -> Section:
    s = data.series
    title = SECTIONS["charts"]
    checkins = int((~np.isnan(s.mood)).sum())
    if not checkins:
        return Section("charts", title, (not_enough(
            f"no check-ins from {span(data.start, data.end)}, so there is nothing to chart "
            "yet."),))
    blocks: list = [_timeline(data, checkins)]
    rows = _group_means(s)
    if rows is not None:
        blocks.append(rows)
    care = _care_chart(data)
    if care is not None:
        blocks.append(care)
    return Section("charts", title, tuple(blocks))


def _timeline(data: SummaryInputs, checkins: int) -> TimeChart:
    s = data.series
    dots = "circle" if len(s) <= DOTS_UP_TO else "none"
    most = float(np.nanmax(s.contacts)) if s.logged.any() else 0.0
    high = float(max(4, math.ceil(most)))
    step = max(1, math.ceil(high / 4))
    return TimeChart(
        title="Mood and contacts, day by day",
        caption=(f"Daily mood (thin line) and its 7-day mean (thick line), above the number "
                 f"of contacts each day; the darker part of a bar is contacts that felt good. "
                 f"{plural(checkins, 'check-in')}, {span(data.start, data.end)}. Gaps are "
                 f"days with nothing logged."),
        days=s.days, ticks=date_ticks(data.start, len(s)),
        panels=(
            Panel("mood (0–10)", 0, 10, (0, 2, 4, 6, 8, 10), (
                Series("daily mood", s.mood, colour="blue", width=0.7, marker=dots),
                Series("7-day mean", rolling_mean(s.mood, 7), colour="vermillion", width=2.0),
            ), weight=3),
            Panel("contacts", 0, high, tuple(float(v) for v in range(0, int(high) + 1, step)), (
                Series("contacts", s.contacts, draw="bars", colour="green_light"),
                Series("felt good (4–5)", s.meaningful, draw="bars", colour="green"),
            ), weight=2),
        ))


def group_rows(mood: np.ndarray, groups: Mapping[str, np.ndarray]) -> tuple[list[Row],
                                                                              list[str]]:
    """Mean mood with a 95% CI (mean ± t·s/√n) on the days each group's count is above 0;
    the groups with fewer than ``MIN_GROUP`` such days are named apart."""
    shown, left_out = [], []
    known = ~np.isnan(mood)
    for label, counts in groups.items():
        values = mood[known & (np.nan_to_num(counts) > 0)]
        if len(values) < MIN_GROUP:
            if len(values):
                left_out.append(f"{label} ({len(values)})")
            continue
        half = t_quantile(0.975, len(values) - 1) * float(values.std(ddof=1)) / math.sqrt(
            len(values))
        mean = float(values.mean())
        shown.append(Row(label, len(values), mean, mean - half, mean + half))
    return shown, left_out


def _group_means(s: DailySeries) -> RowsChart | None:
    kinds, few_kinds = group_rows(s.mood, {Relationship(k).label: c
                                           for k, c in s.by_kind.items()})
    modes, few_modes = group_rows(s.mood, {Mode(m).label: c for m, c in s.by_mode.items()})
    if not kinds and not modes:
        return None
    caption = ("Mean mood on days with each kind of contact and each way of meeting, with its "
               "95% confidence interval (the whisker) and the number of days (n). The dashed "
               "line is the mean of all days with a check-in.")
    if few_kinds or few_modes:
        caption += (f" Left out, fewer than {MIN_GROUP} days: "
                    f"{', '.join(few_kinds + few_modes)}.")
    groups = tuple((title, tuple(sorted(rows, key=lambda r: -r.n)))
                   for title, rows in (("By kind of contact", kinds), ("By how", modes)) if rows)
    overall = float(np.nanmean(s.mood))
    low, high, step = axis_range([overall, *(v for r in kinds + modes for v in (r.low, r.high))])
    return RowsChart("Mood on days with each kind of contact", caption, groups,
                     "mean mood (0–10)", overall, "all days", low, high, step)


def _care_chart(data: SummaryInputs) -> TimeChart | None:
    a = data.adherence
    ratios = (a.medication, a.sessions, a.commitments)
    if not a.weeks or all(np.isnan(r).all() for r in ratios):
        return None
    weeks = np.array(a.weeks, dtype="datetime64[D]")
    mood_weeks, weekly = weekly_mean(data.series.days, data.series.mood)
    mood = np.full(len(weeks), np.nan)
    index = {w: i for i, w in enumerate(weeks.tolist())}
    for week, value in zip(mood_weeks.tolist(), weekly, strict=True):
        if week in index:
            mood[index[week]] = value
    marker = "circle" if len(weeks) <= 60 else "none"
    return TimeChart(
        title="Care kept, week by week",
        caption=("The share of doses taken, of booked sessions attended and of commitments "
                 "done each week (a gap: nothing was due), above the mean mood of each week."),
        days=weeks, step_days=7, aspect=0.38, ticks=date_ticks(a.weeks[0], 7 * len(weeks)),
        panels=(
            Panel("% kept", 0, 100, (0, 25, 50, 75, 100), (
                Series("medication", a.medication * 100, colour="blue", width=1.4,
                       marker=marker),
                Series("sessions", a.sessions * 100, colour="vermillion", width=1.4,
                       dash="dash", marker="square" if marker != "none" else "none"),
                Series("commitments", a.commitments * 100, colour="green", width=1.4,
                       dash="dot", marker="triangle" if marker != "none" else "none"),
            ), weight=3, percent=True),
            Panel("weekly mood", 0, 10, (0, 5, 10), (
                Series("mean mood of the week", mood, colour="purple", width=1.4),
            ), weight=1.4),
        ))


# --- insights ----------------------------------------------------------------------------------

def insights(data: SummaryInputs, names: Names) -> Section:
    report = data.insights
    items = tuple(i.sentence for i in report.sentences if i.key != "not_enough_data")
    missing = [i.sentence for i in report.sentences if i.key == "not_enough_data"]
    blocks: list = [Bullets(items)] if items else [
        Paragraph(missing[0]) if missing else not_enough("nothing to go on.")]
    if report.checkins:
        blocks.append(Paragraph(
            f"From {plural(report.checkins, 'check-in')} over {span(report.start, report.end)}. "
            "Links are Spearman's ρ with 95% confidence intervals that allow for one day "
            "resembling the next; figures are shown from 14 days, and as an early signal "
            "under 30. An association is not proof of cause. The sentences are worded as the "
            "journal shows them to the person.", small=True))
    return Section("insights", SECTIONS["insights"], tuple(blocks))
