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
from journal.analysis.groups import mood_by_group
from journal.analysis.insights import InsightReport
from journal.analysis.series import DailySeries, rolling_mean, weekly_mean
from journal.analysis.stats import MIN_GROUP, MIN_PAIRS, SOLID_PAIRS
from journal.domain.kinds import Mode, Relationship
from journal.domain.records import (
    AgendaItem,
    Assessment,
    Contact,
    Person,
    SafetyPlan,
    Session,
)
from journal.i18n import QT_TRANSLATE_NOOP, format_date, format_number, translate
from journal.report.summary_blocks import (
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
    section_title,
)
from journal.report.summary_names import Names

#: Up to this many days a chart marks each day's mood with a dot.
DOTS_UP_TO = 120
#: People listed by name or initials in the overview (never when names are hidden).
TOP_PEOPLE = 8

_RATING_WORDS = {
    "anxiety": QT_TRANSLATE_NOOP("summary", "Anxiety (0–10, higher is more anxious)"),
    "loneliness": QT_TRANSLATE_NOOP("summary", "Loneliness (0–10, higher is lonelier)"),
    "energy": QT_TRANSLATE_NOOP("summary", "Energy (0–10, higher is more energy)"),
    "physical": QT_TRANSLATE_NOOP("summary", "Physical health (0–10, higher is better)"),
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
# Every word goes through ``translate("summary", …)``, every date through ``format_date`` and
# every number through ``format_number``, so the summary follows the app's language and locale.

def day(date: dt.date) -> str:
    return format_date(date, "date")


def span(start: dt.date, end: dt.date) -> str:
    return translate("summary", "{start} to {end}").format(start=day(start), end=day(end))


def whole(n: float) -> str:
    """A count as the locale writes it."""
    return format_number(n, 0)


def plain(value: float) -> str:
    """A value with the decimals it has (up to 2), as ``:g`` would: 7, 7.5, 7.25."""
    value = float(value)
    return format_number(value, 0 if value.is_integer() else 1 if round(value, 1) == value
                         else 2)


def share(part: float, whole_: float) -> str:
    if not whole_:
        return "—"
    return translate("summary", "{percent}%").format(percent=whole(100 * part / whole_))


def count(one: str, many: str, n: int) -> str:
    """``one`` or ``many`` (marked with ``QT_TRANSLATE_NOOP`` by the caller) for ``n``,
    translated, with ``n`` written by the locale's number hook."""
    return translate("summary", one if n == 1 else many).format(n=whole(n))


def days(n: int) -> str:
    return count(QT_TRANSLATE_NOOP("summary", "{n} day"), QT_TRANSLATE_NOOP("summary", "{n} days"),
                 n)


def not_enough(what: str) -> Paragraph:
    return Paragraph(translate("summary", "Not enough data yet: {what}").format(what=what))


def _mean_text(values: np.ndarray) -> str:
    known = values[~np.isnan(values)]
    return translate("summary", "mean {mean} (lowest {lowest}, highest {highest}) on "
                                "{days}").format(mean=format_number(float(known.mean()), 1),
                                                 lowest=plain(known.min()),
                                                 highest=plain(known.max()),
                                                 days=days(len(known)))


# --- overview ----------------------------------------------------------------------------------

def overview(data: SummaryInputs, names: Names) -> Section:
    s = data.series
    title = section_title("overview")
    if not s.logged.any():
        return Section("overview", title, (not_enough(translate(
            "summary", "nothing was logged from {span}. Figures will show here as days are "
                       "added.").format(span=span(data.start, data.end))),))
    mood = s.mood
    checkins = int((~np.isnan(mood)).sum())
    rows = [(translate("summary", "Days in the range"), whole(len(s))),
            (translate("summary", "Days with a check-in"),
             translate("summary", "{count} ({share})").format(count=whole(checkins),
                                                              share=share(checkins, len(s))))]
    if checkins:
        rows.append((translate("summary", "Mood (0–10, 10 best)"), _mean_text(mood)))
        half = len(mood) // 2
        first, second = mood[:half], mood[half:]
        if min((~np.isnan(first)).sum(), (~np.isnan(second)).sum()) >= 4:
            rows.append((translate("summary", "Mood, first and second half"),
                         translate("summary", "mean {first}, then {second}").format(
                             first=format_number(float(np.nanmean(first)), 1),
                             second=format_number(float(np.nanmean(second)), 1))))
    for name, words in _RATING_WORDS.items():
        if (~np.isnan(s.ratings[name])).any():
            rows.append((translate("summary", words), _mean_text(s.ratings[name])))
    sleep = s.ratings["sleep_hours"]
    if (~np.isnan(sleep)).any():
        nights = count(QT_TRANSLATE_NOOP("summary", "{n} night"),
                       QT_TRANSLATE_NOOP("summary", "{n} nights"), int((~np.isnan(sleep)).sum()))
        rows.append((translate("summary", "Sleep"),
                     translate("summary", "{hours} hours a night on average ({nights})").format(
                         hours=format_number(float(np.nanmean(sleep)), 1), nights=nights)))
    total = int(np.nansum(s.contacts))
    logged = int(s.logged.sum())
    contact_days = int((np.nan_to_num(s.contacts) > 0).sum())
    weeks = max(len(s) / 7, 1.0)
    rows.append((translate("summary", "Contacts logged"),
                 translate("summary", "{count} on {days} ({per_week} a week)").format(
                     count=whole(total), days=days(contact_days),
                     per_week=format_number(total / weeks, 1))))
    good = int(np.nansum(s.meaningful))
    good_days = int((np.nan_to_num(s.meaningful) > 0).sum())
    rows.append((translate("summary", "Contacts that felt good (rated 4–5 of 5)"),
                 translate("summary", "{count} ({share} of contacts); at least one on "
                                      "{good_days} of {logged} logged").format(
                     count=whole(good), share=share(good, total), good_days=whole(good_days),
                     logged=days(logged))))
    minutes = float(np.nansum(s.minutes))
    if minutes:
        rows.append((translate("summary", "Time in contact"),
                     translate("summary", "{hours} hours ({minutes} minutes a logged "
                                          "day)").format(
                         hours=whole(minutes / 60), minutes=whole(minutes / max(logged, 1)))))
    iso = data.insights.isolation
    if iso.current is not None:  # counted over logged days only (an unlogged day is unknown)
        rows.append((translate("summary", "Longest stretch of logged days without a contact "
                                          "that felt good"),
                     count(QT_TRANSLATE_NOOP("summary", "{n} logged day"),
                           QT_TRANSLATE_NOOP("summary", "{n} logged days"), iso.longest)))
    blocks: list = [Table((translate("summary", "Figure"), translate("summary", "Value")),
                          tuple(rows))]
    blocks.extend(_contact_tables(data, names))
    return Section("overview", title, tuple(blocks))


def _contact_tables(data: SummaryInputs, names: Names) -> list[Table]:
    s = data.series
    kinds = sorted(((k, int(np.nansum(c)), int((np.nan_to_num(c) > 0).sum()))
                    for k, c in s.by_kind.items()), key=lambda row: -row[1])
    contacts = translate("summary", "Contacts")
    tables = [Table((translate("summary", "Kind of contact"), contacts,
                     translate("summary", "Days")),
                    tuple((Relationship(k).label, whole(n), whole(d))
                          for k, n, d in kinds if n), numeric=(1, 2))]
    modes = sorted(((m, int(np.nansum(c))) for m, c in s.by_mode.items()), key=lambda r: -r[1])
    tables.append(Table((translate("summary", "How"), contacts),
                        tuple((Mode(m).label, whole(n)) for m, n in modes if n), numeric=(1,)))
    if names.style is not NameStyle.HIDDEN:
        counts = Counter(c.person_id for c in data.contacts if c.person_id is not None)
        quality: dict[int, list[int]] = {}
        for contact in data.contacts:
            if contact.person_id is not None:
                quality.setdefault(contact.person_id, []).append(contact.quality)
        rows = tuple((names.of(pid), whole(n), format_number(float(np.mean(quality[pid])), 1))
                     for pid, n in counts.most_common(TOP_PEOPLE))
        if rows:
            tables.append(Table((translate("summary", "Person"), contacts,
                                 translate("summary", "Felt connected (mean, 1–5)")), rows,
                                numeric=(1, 2)))
    return [t for t in tables if t.rows]


# --- charts ------------------------------------------------------------------------------------

def date_ticks(first: dt.date, days: int) -> tuple[tuple[int, str], ...]:
    """(days from ``first``, label) for a date axis: the first of each month (every 3rd or
    12th over years) on ranges over 120 days, else Mondays (at most 9 of them)."""
    dates = [first + dt.timedelta(days=i) for i in range(days)]
    if days > 120:
        every = 1 if days <= 550 else 3 if days <= 1500 else 12
        return tuple((i, format_date(d, "month") if d.month != 1 and i > 31
                      else format_date(d, "month_year"))
                     for i, d in enumerate(dates) if d.day == 1 and (d.month - 1) % every == 0)
    mondays = [(i, d) for i, d in enumerate(dates) if d.weekday() == 0]
    step = max(1, math.ceil(len(mondays) / 9))
    return tuple((i, format_date(d, "day_month")) for i, d in mondays[::step])


def axis_range(values: Sequence[float]) -> tuple[float, float, float]:
    """(low, high, tick step) of a 0-10 axis around ``values``, at least 2 wide."""
    low = max(0.0, math.floor(min(values) - 0.25))
    high = min(10.0, math.ceil(max(values) + 0.25))
    if high - low < 2:
        low, high = (low, low + 2) if low + 2 <= 10 else (high - 2, high)
    return low, high, 0.5 if high - low <= 3 else 1.0 if high - low <= 6 else 2.0


def charts(data: SummaryInputs, names: Names) -> Section:
    s = data.series
    title = section_title("charts")
    checkins = int((~np.isnan(s.mood)).sum())
    if not checkins:
        return Section("charts", title, (not_enough(translate(
            "summary", "no check-ins from {span}, so there is nothing to chart yet.").format(
                span=span(data.start, data.end))),))
    blocks: list = [_timeline(data, checkins)]
    rows = _group_means(s)
    if rows is not None:
        blocks.append(rows)
    care = _care_chart(data)
    if care is not None:
        blocks.append(care)
    return Section("charts", title, tuple(blocks))


def _checkins(n: int) -> str:
    return count(QT_TRANSLATE_NOOP("summary", "{n} check-in"),
                 QT_TRANSLATE_NOOP("summary", "{n} check-ins"), n)


def _timeline(data: SummaryInputs, checkins: int) -> TimeChart:
    s = data.series
    dots = "circle" if len(s) <= DOTS_UP_TO else "none"
    most = float(np.nanmax(s.contacts)) if s.logged.any() else 0.0
    high = float(max(4, math.ceil(most)))
    step = max(1, math.ceil(high / 4))
    return TimeChart(
        title=translate("summary", "Mood and contacts, day by day"),
        caption=translate(
            "summary", "Daily mood (thin line) and its 7-day mean (thick line), above the "
                       "number of contacts each day; the darker part of a bar is contacts that "
                       "felt good. {checkins}, {span}. Gaps are days with nothing logged.").format(
            checkins=_checkins(checkins), span=span(data.start, data.end)),
        days=s.days, ticks=date_ticks(data.start, len(s)),
        panels=(
            Panel(translate("summary", "mood (0–10)"), 0, 10, (0, 2, 4, 6, 8, 10), (
                Series(translate("summary", "daily mood"), s.mood, colour="blue", width=0.7,
                       marker=dots),
                Series(translate("summary", "7-day mean"), rolling_mean(s.mood, 7),
                       colour="vermillion", width=2.0),
            ), weight=3),
            Panel(translate("summary", "contacts"), 0, high,
                  tuple(float(v) for v in range(0, int(high) + 1, step)), (
                Series(translate("summary", "contacts"), s.contacts, draw="bars",
                       colour="green_light"),
                Series(translate("summary", "felt good (4–5)"), s.meaningful, draw="bars",
                       colour="green"),
            ), weight=2),
        ))


def group_rows(mood: np.ndarray, groups: Mapping[str, np.ndarray]) -> tuple[list[Row],
                                                                              list[str]]:
    """Mean mood with a 95% CI on the days each group's count is above 0, by the one rule of
    the page and the sentences (``analysis.groups.mood_by_group``); the groups withheld that
    had some days are named apart."""
    shown, left_out = [], []
    for label, result in mood_by_group(mood, groups).items():
        if result.mean is None or result.ci_low is None or result.ci_high is None:
            if result.n:
                left_out.append(translate("summary", "{group} ({n})").format(
                    group=label, n=whole(result.n)))
            continue
        shown.append(Row(label, result.n, result.mean, result.ci_low, result.ci_high))
    return shown, left_out


def _group_means(s: DailySeries) -> RowsChart | None:
    kinds, few_kinds = group_rows(s.mood, {Relationship(k).label: c
                                           for k, c in s.by_kind.items()})
    modes, few_modes = group_rows(s.mood, {Mode(m).label: c for m, c in s.by_mode.items()})
    if not kinds and not modes:
        return None
    caption = translate("summary", "Mean mood on days with each kind of contact and each way of "
                                   "meeting, with its 95% confidence interval (the whisker, "
                                   "allowing for one day resembling the next) and the number of "
                                   "days (n). The dashed line is the mean of all days with a "
                                   "check-in.")
    if few_kinds or few_modes:
        caption += " " + translate("summary", "Left out, fewer than {n} days (or days too "
                                              "alike to tell): {groups}.").format(
            n=whole(MIN_GROUP), groups=", ".join(few_kinds + few_modes))
    titled = ((translate("summary", "By kind of contact"), kinds),
              (translate("summary", "By how"), modes))
    groups = tuple((title, tuple(sorted(rows, key=lambda r: -r.n)))
                   for title, rows in titled if rows)
    overall = float(np.nanmean(s.mood))
    low, high, step = axis_range([overall, *(v for r in kinds + modes for v in (r.low, r.high))])
    return RowsChart(translate("summary", "Mood on days with each kind of contact"), caption,
                     groups, translate("summary", "mean mood (0–10)"), overall,
                     translate("summary", "all days"), low, high, step)


def _care_chart(data: SummaryInputs) -> TimeChart | None:
    a = data.adherence
    # the week not over yet is left out: a week half done is not a fall
    ratios = (a.finished(a.medication), a.finished(a.sessions), a.finished(a.commitments))
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
        title=translate("summary", "Care kept, week by week"),
        caption=translate("summary", "The share of doses taken, of booked sessions attended and "
                                     "of commitments done each week (a gap: nothing was due, or "
                                     "the week is not over yet), above the mean mood of each "
                                     "week."),
        days=weeks, step_days=7, aspect=0.38, ticks=date_ticks(a.weeks[0], 7 * len(weeks)),
        panels=(
            Panel(translate("summary", "% kept"), 0, 100, (0, 25, 50, 75, 100), (
                Series(translate("summary", "medication"), ratios[0] * 100, colour="blue",
                       width=1.4, marker=marker),
                Series(translate("summary", "sessions"), ratios[1] * 100, colour="vermillion",
                       width=1.4, dash="dash", marker="square" if marker != "none" else "none"),
                Series(translate("summary", "commitments"), ratios[2] * 100, colour="green",
                       width=1.4, dash="dot",
                       marker="triangle" if marker != "none" else "none"),
            ), weight=3, percent=True),
            Panel(translate("summary", "weekly mood"), 0, 10, (0, 5, 10), (
                Series(translate("summary", "mean mood of the week"), mood, colour="purple",
                       width=1.4),
            ), weight=1.4),
        ))


# --- insights ----------------------------------------------------------------------------------

def insights(data: SummaryInputs, names: Names) -> Section:
    report = data.insights
    # every sentence that stands, a withheld figure's reason among them; "not enough data"
    # alone is a paragraph
    items = tuple(i.sentence for i in report.sentences)
    if [i.key for i in report.sentences] == ["not_enough_data"]:
        blocks: list = [Paragraph(items[0])]
    else:
        blocks = [Bullets(items)] if items else [
            not_enough(translate("summary", "nothing to go on."))]
    if report.checkins:
        blocks.append(Paragraph(translate(
            "summary", "From {checkins} over {span}. Links are Spearman's ρ with 95% confidence "
                       "intervals that allow for one day resembling the next; figures are shown "
                       "from {min_days} days, and as an early signal under {solid_days}. A link "
                       "or difference is called clear only when it holds after allowing for "
                       "all {family} figures checked (Holm's method). An association is not "
                       "proof of cause. The sentences are worded as the journal shows them to "
                       "the person.").format(
            checkins=_checkins(report.checkins), span=span(report.start, report.end),
            min_days=whole(MIN_PAIRS), solid_days=whole(SOLID_PAIRS),
            family=whole(report.family_size)), small=True))
    return Section("insights", section_title("insights"), tuple(blocks))
