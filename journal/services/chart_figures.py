"""What the Trends and Insights pages draw, as plain arrays and dataclasses computed from a
daily series and an insight report (the charts only show). Pure functions: the use cases that
read the journal are in ``figures.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from journal.analysis.adherence import WeeklyAdherence
    from journal.analysis.insights import InsightReport
    from journal.analysis.series import DailySeries
    from journal.analysis.stats import Association


@dataclass(frozen=True, slots=True)
class GroupFigures:
    """Mean mood per group of days (one element per group shown, ``NaN``-free) and the
    groups left out with their days (``too_few``): one panel of the group means chart."""

    labels: tuple[str, ...]
    n: np.ndarray
    mean: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    too_few: tuple[tuple[str, int], ...] = ()


def group_means(mood: np.ndarray, groups: Mapping[str, np.ndarray]) -> GroupFigures:
    """Mean mood and its 95% CI on the days each group's count is above 0
    (``analysis.groups.mood_by_group``: the thresholds of the insight sentences).

    Groups withheld (fewer than ``MIN_GROUP`` such days, or under ``MIN_PAIRS`` days with a
    mood in all) are listed in ``too_few`` instead.
    """
    import numpy as np

    from journal.analysis.groups import mood_by_group

    results = mood_by_group(mood, groups).items()
    shown = [(k, r) for k, r in results if r.reportable]
    too_few = tuple((k, r.n) for k, r in results if not r.reportable)

    def column(name: str) -> np.ndarray:
        return np.array([getattr(r, name) for _, r in shown], dtype=float)

    return GroupFigures(
        tuple(k for k, _ in shown),
        column("n"),
        column("mean"),
        column("ci_low"),
        column("ci_high"),
        too_few,
    )


@dataclass(frozen=True, slots=True)
class ContactGroups:
    """Mean mood by kind and by mode of contact, the mean of every day with a mood
    (``None``: none) and the thresholds that left groups out (for the chart's words)."""

    by_kind: GroupFigures
    by_mode: GroupFigures
    overall: float | None
    min_days: int
    min_total: int


def contact_groups(series: DailySeries) -> ContactGroups:
    import numpy as np

    from journal.analysis.stats import MIN_GROUP, MIN_PAIRS

    mood = series.mood
    return ContactGroups(
        group_means(mood, {kind.label: c for kind, c in series.by_kind.items()}),
        group_means(mood, {mode.label: c for mode, c in series.by_mode.items()}),
        float(np.nanmean(mood)) if checkin_count(series) else None,
        MIN_GROUP,
        MIN_PAIRS,
    )


def checkin_count(series: DailySeries) -> int:
    """How many days of ``series`` have a mood."""
    import numpy as np

    return int((~np.isnan(series.mood)).sum())


@dataclass(frozen=True, slots=True)
class Headline:
    """Mood on days with 0, 1, 2 and 3+ contacts that felt good (``NaN``: withheld), the
    days behind them (``total``) and the days needed (``needed``)."""

    n: np.ndarray
    mean: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    total: int
    needed: int

    @property
    def enough(self) -> bool:
        return self.total >= self.needed


def headline(series: DailySeries) -> Headline:
    import numpy as np

    from journal.analysis.aggregate import mood_by_good_contacts
    from journal.analysis.stats import MIN_PAIRS

    bars = mood_by_good_contacts(series.mood, series.meaningful)

    def column(name: str) -> np.ndarray:
        values = [getattr(b, name) for b in bars.bars]
        return np.array([np.nan if v is None else v for v in values], dtype=float)

    return Headline(
        column("n"), column("mean"), column("ci_low"), column("ci_high"), bars.total, MIN_PAIRS
    )


@dataclass(frozen=True, slots=True)
class Timeline:
    """Mood and contacts over a range, in ``unit`` "day", "week" or "month": from ``starts``
    to ``ends`` (inclusive; by day the same days), the check-ins ``n``, mean mood and its
    middle half ``low``–``high`` (by day: the day's mood), and contacts that felt good and
    not, per logged day; by day also the trailing 7-day mean of mood (``rolling``)."""

    unit: str
    starts: np.ndarray
    ends: np.ndarray
    n: np.ndarray
    mean: np.ndarray
    low: np.ndarray
    high: np.ndarray
    good: np.ndarray
    other: np.ndarray
    rolling: np.ndarray | None = None


def timeline(series: DailySeries) -> Timeline:
    """Days up to about 90 of them; weeks, or months over years (``analysis.aggregate``)."""
    import numpy as np

    from journal.analysis.aggregate import Unit, aggregate, per_day, unit_for
    from journal.analysis.series import rolling_mean

    mood, good = series.mood, series.meaningful
    other = series.contacts - good
    unit = unit_for(len(series))
    if unit is Unit.DAY:
        days, known = series.days, (~np.isnan(mood)).astype(float)
        return Timeline("day", days, days, known, mood, mood, mood, good, other, rolling_mean(mood))
    periods = aggregate(series.days, mood, unit)
    return Timeline(
        unit.value,
        periods.start,
        periods.end,
        periods.n,
        periods.mean,
        periods.low,
        periods.high,
        per_day(series.days, good, unit),
        per_day(series.days, other, unit),
    )


@dataclass(frozen=True, slots=True)
class CareKept:
    """Care kept per ``unit`` ("week", or "month" over several years) from each of
    ``starts`` (ratios 0–1, ``NaN``: nothing due; a week not over yet is left out, never a
    fall), and the mean mood per the same periods."""

    unit: str
    starts: np.ndarray
    medication: np.ndarray
    sessions: np.ndarray
    commitments: np.ndarray
    mood_starts: np.ndarray
    mood: np.ndarray


def care_kept(adherence: WeeklyAdherence, series: DailySeries) -> CareKept:
    import numpy as np

    from journal.analysis.aggregate import Unit, aggregate, ratio_by, unit_for
    from journal.analysis.series import weekly_mean

    # consecutive Mondays: from the first, without converting thousands of dates one by one
    weeks = (
        np.datetime64(adherence.weeks[0], "D") + 7 * np.arange(len(adherence.weeks))
        if adherence.weeks
        else np.zeros(0, dtype="datetime64[D]")
    )
    if unit_for(len(series)) is not Unit.MONTH:
        mood_weeks, weekly_mood = weekly_mean(series.days, series.mood)
        return CareKept(
            Unit.WEEK.value,
            weeks,
            adherence.finished(adherence.medication),
            adherence.finished(adherence.sessions),
            adherence.finished(adherence.commitments),
            mood_weeks,
            weekly_mood,
        )
    finished = (
        ~np.asarray(adherence.so_far, dtype=bool)
        if len(adherence.so_far)
        else np.ones(len(weeks), dtype=bool)
    )
    ratios, months = [], weeks
    for done, due in (
        (adherence.doses_taken, adherence.doses_scheduled),
        (adherence.sessions_attended, adherence.sessions_booked),
        (adherence.commitments_done, adherence.commitments_target),
    ):
        done, due = np.asarray(done, dtype=float), np.asarray(due, dtype=float)
        if len(done) != len(weeks):  # no totals kept: nothing to add up
            done = due = np.zeros(len(weeks))
        months, ratio = ratio_by(
            weeks, np.where(finished, done, 0), np.where(finished, due, 0), Unit.MONTH
        )
        ratios.append(ratio)
    monthly = aggregate(series.days, series.mood, Unit.MONTH)
    return CareKept(Unit.MONTH.value, months, *ratios, monthly.start, monthly.mean)


@dataclass(frozen=True, slots=True)
class Scatter:
    """Each distinct (``x``, ``mood``) pair once with the ``days`` it holds, the figures of
    the link (``association``), its line (``None`` unless reportable) and the bin width of x."""

    x: np.ndarray
    mood: np.ndarray
    days: np.ndarray
    association: Association
    fit: tuple[float, float] | None
    step: float


def scatter(series: DailySeries, report: InsightReport, measure: str) -> Scatter:
    """Connection and mood: ``measure`` "meaningful" (contacts that felt good) or "minutes"."""
    from journal.analysis.aggregate import distinct_pairs, minutes_step
    from journal.analysis.stats import fit_line

    if measure == "minutes":
        x, step = series.minutes, minutes_step(series.minutes)
        result = report.associations["contact_minutes_vs_mood"]
    else:
        x, step = series.meaningful, 1.0
        result = report.associations["meaningful_contacts_vs_mood"]
    fit = fit_line(x, series.mood) if result.reportable else None
    xs, moods, days = distinct_pairs(x, series.mood, step)
    return Scatter(xs, moods, days, result, fit, step)


# --- what the Insights cards say -----------------------------------------------------------


def same_figures(report: InsightReport, key: str) -> list[str]:
    """The comparisons of ``report`` with exactly the figures of ``key`` (the same days with
    and without): one card names them together ("a phone call or a video call")."""
    result = report.comparisons[key]
    figures = (result.n_with, result.n_without, result.mean_with, result.mean_without)
    return [
        k
        for k, c in report.comparisons.items()
        if c.reportable and (c.n_with, c.n_without, c.mean_with, c.mean_without) == figures
    ]
