"""What the Trends page draws, as plain arrays from journal.services (the charts only show)."""

from __future__ import annotations

import datetime as dt

import numpy as np

from journal.domain.dates import week_start
from journal.services import Journal, care_kept, contact_groups, headline, scatter, timeline
from tests.helpers import TODAY


def test_the_year_in_pixels_is_cut_from_the_series_or_read(demo_journal: Journal) -> None:
    start = week_start(TODAY) - dt.timedelta(weeks=52)
    held = demo_journal.series(start, TODAY)
    first, cut = demo_journal.year_mood(None, held)
    again, read = demo_journal.year_mood(None, demo_journal.series(TODAY, TODAY))
    assert first == again == start
    np.testing.assert_array_equal(cut, read)
    calendar, mood = demo_journal.year_mood(TODAY.year)
    assert calendar == dt.date(TODAY.year, 1, 1) and len(mood) == TODAY.timetuple().tm_yday


def test_days_up_to_three_months_then_weeks(demo_journal: Journal) -> None:
    days = timeline(demo_journal.series(TODAY - dt.timedelta(days=29), TODAY))
    assert days.unit == "day" and days.rolling is not None and len(days.starts) == 30
    weeks = timeline(demo_journal.series(TODAY - dt.timedelta(days=119), TODAY))
    assert weeks.unit == "week" and weeks.rolling is None
    assert len(weeks.starts) == len(weeks.mean) == len(weeks.good)


def test_each_chart_gets_aligned_arrays(demo_journal: Journal) -> None:
    start = TODAY - dt.timedelta(days=89)
    series = demo_journal.series(start, TODAY)
    report = demo_journal.insights(start, TODAY)
    bars = headline(series)
    assert len(bars.n) == len(bars.mean) == 4 and bars.enough
    groups = contact_groups(series)
    assert len(groups.by_kind.labels) == len(groups.by_kind.mean) and groups.overall is not None
    for measure in ("meaningful", "minutes"):
        pairs = scatter(series, report, measure)
        assert len(pairs.x) == len(pairs.mood) == len(pairs.days) > 0
    kept = care_kept(demo_journal.weekly_adherence(start, TODAY), series)
    assert kept.unit == "week" and len(kept.starts) == len(kept.medication)
