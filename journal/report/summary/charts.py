"""The summary's charts section: mood and contacts day by day, mood on days with each kind
and way of contact, and care kept week by week; and the date axis every summary chart shares.

A chart is a spec (``blocks.TimeChart``, ``blocks.RowsChart``) of plain arrays; ``pdf_charts``
draws it. With no check-in in the range the section says so in words instead.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence

import numpy as np

from journal.analysis.groups import mood_by_group
from journal.analysis.series import DailySeries, rolling_mean, weekly_mean
from journal.analysis.stats import MIN_GROUP
from journal.domain.kinds import Mode, Relationship
from journal.i18n import QT_TRANSLATE_NOOP, format_date, format_number, translate
from journal.report.summary.blocks import (
    Panel,
    Row,
    RowsChart,
    Section,
    Series,
    TimeChart,
    section_title,
)
from journal.report.summary.inputs import SummaryInputs
from journal.report.summary.names import Names
from journal.report.summary.words import checkins as checkins_text
from journal.report.summary.words import not_enough, share, span, whole

#: Up to this many days a chart marks each day's mood with a dot.
DOTS_UP_TO = 120
#: Fewest finished weeks for the weekly care chart (fewer are a table in treatment).
CARE_CHART_WEEKS = 8
#: The care chart's medication, sessions and commitments: colour, line and marker, as on the
#: Trends page (its first three series, solid, dashed and dotted, circle, square, triangle).
CARE_STYLES = (
    ("blue", "solid", "circle"),
    ("vermillion", "dash", "square"),
    ("bluish_green", "dot", "triangle"),
)


def date_ticks(first: dt.date, days: int) -> tuple[tuple[int, str], ...]:
    """(days from ``first``, label) for a date axis: the first of each month (every 3rd or
    12th over years) on ranges over 120 days, else Mondays (at most 9 of them)."""
    dates = [first + dt.timedelta(days=i) for i in range(days)]
    if days > 120:
        every = 1 if days <= 550 else 3 if days <= 1500 else 12
        return tuple(
            (
                i,
                format_date(d, "month")
                if d.month != 1 and i > 31
                else format_date(d, "month_year"),
            )
            for i, d in enumerate(dates)
            if d.day == 1 and (d.month - 1) % every == 0
        )
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
        return Section(
            "charts",
            title,
            (
                not_enough(
                    translate(
                        "summary", "no check-ins from {span}, so there is nothing to chart yet."
                    ).format(span=span(data.start, data.end))
                ),
            ),
        )
    blocks: list = [_timeline(data, checkins)]
    rows = _group_means(s)
    if rows is not None:
        blocks.append(rows)
    care = _care_chart(data) if care_chart_shown(data) else None
    if care is not None:
        blocks.append(care)
    return Section("charts", title, tuple(blocks))


def _timeline(data: SummaryInputs, checkins: int) -> TimeChart:
    s = data.series
    dots = "circle" if len(s) <= DOTS_UP_TO else "none"
    most = float(np.nanmax(s.contacts)) if s.logged.any() else 0.0
    high = float(max(4, math.ceil(most)))
    step = max(1, math.ceil(high / 4))
    weekly = rolling_mean(s.mood, 7)
    known = weekly[~np.isnan(weekly)]
    caption = (
        translate(
            "summary",
            "The 7-day mean of mood (thick line) was {first} at the start and {last} at "
            "the end ({checkins}); the bars count each day's contacts, darker for those "
            "that felt good.",
        ).format(
            first=format_number(float(known[0]), 1),
            last=format_number(float(known[-1]), 1),
            checkins=checkins_text(checkins),
        )
        if len(known)
        else translate(
            "summary",
            "Mood day by day ({checkins}); the bars count each day's contacts, darker "
            "for those that felt good.",
        ).format(checkins=checkins_text(checkins))
    )
    return TimeChart(
        title=translate("summary", "Mood and contacts, day by day"),
        caption=caption,
        aspect=0.26,
        days=s.days,
        ticks=date_ticks(data.start, len(s)),
        panels=(
            Panel(
                translate("summary", "mood (0–10)"),
                0,
                10,
                (0, 2, 4, 6, 8, 10),
                (
                    Series(
                        translate("summary", "daily mood"),
                        s.mood,
                        colour="grey",
                        width=0.7,
                        marker=dots,
                        mood_dots=True,
                    ),
                    Series(
                        translate("summary", "7-day mean"),
                        rolling_mean(s.mood, 7),
                        colour="ink",
                        width=2.0,
                    ),
                ),
                weight=3,
            ),
            Panel(
                translate("summary", "contacts"),
                0,
                high,
                tuple(float(v) for v in range(0, int(high) + 1, step)),
                (
                    Series(
                        translate("summary", "contacts"),
                        s.contacts,
                        draw="bars",
                        colour="pale_bluish_green",
                    ),
                    Series(
                        translate("summary", "felt good (4–5)"),
                        s.meaningful,
                        draw="bars",
                        colour="bluish_green",
                    ),
                ),
                weight=2,
            ),
        ),
    )


def group_rows(mood: np.ndarray, groups: Mapping[str, np.ndarray]) -> tuple[list[Row], list[str]]:
    """Mean mood with a 95% CI on the days each group's count is above 0, by the one rule of
    the page and the sentences (``analysis.groups.mood_by_group``); the groups withheld that
    had some days are named apart."""
    shown, left_out = [], []
    for label, result in mood_by_group(mood, groups).items():
        if result.mean is None or result.ci_low is None or result.ci_high is None:
            if result.n:
                left_out.append(
                    translate("summary", "{group} ({n})").format(group=label, n=whole(result.n))
                )
            continue
        shown.append(Row(label, result.n, result.mean, result.ci_low, result.ci_high))
    return shown, left_out


def _group_means(s: DailySeries) -> RowsChart | None:
    kinds, few_kinds = group_rows(s.mood, {Relationship(k).label: c for k, c in s.by_kind.items()})
    modes, few_modes = group_rows(s.mood, {Mode(m).label: c for m, c in s.by_mode.items()})
    if not kinds and not modes:
        return None
    overall = float(np.nanmean(s.mood))
    caption = translate(
        "summary",
        "Mean mood on days with each kind and way of contact, with "
        "its 95% confidence interval and number of days (n), beside "
        "the mean of all days ({overall}, dashed).",
    ).format(overall=format_number(overall, 1))
    if few_kinds or few_modes:
        caption = translate(
            "summary",
            "Mean mood on days with each kind and way of contact, "
            "with its 95% confidence interval and number of days "
            "(n), beside the mean of all days ({overall}, dashed); "
            "left out, under {n} days or too alike to tell: "
            "{groups}.",
        ).format(
            overall=format_number(overall, 1),
            n=whole(MIN_GROUP),
            groups=", ".join(few_kinds + few_modes),
        )
    titled = (
        (translate("summary", "By kind of contact"), kinds),
        (translate("summary", "By how"), modes),
    )
    groups = tuple(
        (title, tuple(sorted(rows, key=lambda r: -r.n))) for title, rows in titled if rows
    )
    low, high, step = axis_range([overall, *(v for r in kinds + modes for v in (r.low, r.high))])
    return RowsChart(
        translate("summary", "Mood on days with each kind of contact"),
        caption,
        groups,
        translate("summary", "mean mood (0–10)"),
        overall,
        translate("summary", "all days"),
        low,
        high,
        step,
    )


def care_chart_shown(data: SummaryInputs) -> bool:
    """Whether there are enough finished weeks (``CARE_CHART_WEEKS``) for a weekly chart;
    with fewer, the treatment section tables the weeks instead."""
    a = data.adherence
    return (
        int(
            (~np.asarray(a.so_far, dtype=bool)).sum()
            if len(a.so_far) == len(a.weeks)
            else len(a.weeks)
        )
        >= CARE_CHART_WEEKS
    )


def _kept_share(done: np.ndarray, due: np.ndarray, so_far: np.ndarray) -> str | None:
    finished = ~np.asarray(so_far, dtype=bool) if len(so_far) == len(due) else slice(None)
    total = float(np.asarray(due, dtype=float)[finished].sum())
    return share(float(np.asarray(done, dtype=float)[finished].sum()), total) if total else None


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
    marked = len(weeks) <= 60
    kept = tuple(
        Series(label, ratio * 100, colour=colour, width=1.4, dash=dash, marker=shape)
        for label, ratio, (colour, dash, shape) in zip(
            (
                translate("summary", "medication"),
                translate("summary", "sessions"),
                translate("summary", "commitments"),
            ),
            ratios,
            CARE_STYLES if marked else [(c, d, "none") for c, d, _s in CARE_STYLES],
            strict=True,
        )
    )
    return TimeChart(
        title=translate("summary", "Care kept, week by week"),
        caption=_care_caption(data),
        days=weeks,
        step_days=7,
        aspect=0.38,
        ticks=date_ticks(a.weeks[0], 7 * len(weeks)),
        panels=(
            Panel(
                translate("summary", "% kept"),
                0,
                100,
                (0, 25, 50, 75, 100),
                kept,
                weight=3,
                percent=True,
            ),
            Panel(
                translate("summary", "weekly mood"),
                0,
                10,
                (0, 5, 10),
                (
                    Series(
                        translate("summary", "mean mood of the week"),
                        mood,
                        colour="reddish_purple",
                        width=1.4,
                    ),
                ),
                weight=1.4,
            ),
        ),
    )


def _care_caption(data: SummaryInputs) -> str:
    """One sentence: the shares kept over the finished weeks, which the lines break down."""
    a = data.adherence
    parts = []
    for done, due, words in (
        (a.doses_taken, a.doses_scheduled, QT_TRANSLATE_NOOP("summary", "{share} of doses taken")),
        (
            a.sessions_attended,
            a.sessions_booked,
            QT_TRANSLATE_NOOP("summary", "{share} of booked sessions attended"),
        ),
        (
            a.commitments_done,
            a.commitments_target,
            QT_TRANSLATE_NOOP("summary", "{share} of commitments done"),
        ),
    ):
        kept = _kept_share(done, due, a.so_far)
        if kept is not None:
            parts.append(translate("summary", words).format(share=kept))
    return translate(
        "summary",
        "Over the finished weeks, {kept}: week by week above (a gap: "
        "nothing was due, or the week is not over yet), with each "
        "week's mean mood below.",
    ).format(kept=", ".join(parts))
