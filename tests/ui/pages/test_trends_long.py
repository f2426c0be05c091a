"""Trends on a ten-year journal: every range stays readable (no series over 1,000 points),
long ranges are weeks or months, and the date axis names the month and year it starts in."""

import datetime as dt

import numpy as np
import pyqtgraph as pg
import pytest

from journal.demo import generate
from journal.services import Journal
from journal.ui.charts.common import DAY, date_ticks
from journal.ui.pages.trends import TrendsPage
from tests.helpers import TODAY, fixed_clock

MOST_POINTS = 1000


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory):
    journal = Journal.open(tmp_path_factory.mktemp("ten") / "journal", clock=fixed_clock)
    generate(journal, days=3650, seed=7)
    yield journal
    journal.close()


@pytest.fixture(scope="module")
def page(qapp, ten_years):
    """One page for the module (each test picks its range): ten years refresh in a second."""
    trends = TrendsPage(ten_years)
    trends.resize(1200, 900)
    trends.show()
    qapp.processEvents()
    yield trends
    trends.close()
    trends.deleteLater()


def drawn(item) -> int:
    if isinstance(item, pg.PlotDataItem):
        x, _y = item.getOriginalDataset()
        return 0 if x is None else len(x)
    if isinstance(item, pg.ScatterPlotItem):
        return len(item.data)
    if isinstance(item, pg.BarGraphItem):
        x = item.opts.get("x")
        return 0 if x is None else len(x)
    return 0


def series_drawn(page: TrendsPage) -> dict[str, int]:
    """Points of every series of every chart on the page, by chart and item."""
    counts = {}
    for chart in (
        page.headline,
        page.timeline,
        page.scatter,
        page.group_means,
        page.weekly_adherence,
    ):
        for number, item in enumerate(chart.graphics.scene().items()):
            if isinstance(item, pg.PlotDataItem | pg.ScatterPlotItem | pg.BarGraphItem):
                counts[f"{chart.objectName()}:{type(item).__name__}:{number}"] = drawn(item)
    return counts


@pytest.mark.parametrize(
    ("key", "unit"), [("30d", "day"), ("90d", "day"), ("1y", "week"), ("all", "month")]
)
def test_no_series_draws_more_than_a_thousand_points(page, key, unit):
    page.range_switch.set_key(key)
    counts = series_drawn(page)
    assert max(counts.values()) <= MOST_POINTS, counts
    assert page.timeline.unit == unit
    points = page.timeline.drawn_points()
    expected = {"30d": 30, "90d": 90, "1y": 53, "all": 121}[key]
    assert expected - 1 <= points["mood"] <= expected + 1
    assert points["good"] == points["other"] <= expected + 1
    assert (points["band"] > 0) == (unit != "day")  # the spread of a week or month


def test_a_year_and_ten_years_are_different_pictures(page, ten_years):
    page.range_switch.set_key("1y")
    year = page.timeline.mood_item.getOriginalDataset()[0]
    page.range_switch.set_key("all")
    whole = page.timeline.mood_item.getOriginalDataset()[0]
    assert page.timeline.title == "Mood and contacts, month by month"
    assert page.weekly_adherence.title == "Care kept each month, and mood"
    assert len(whole) > 2 * len(year) or whole[0] < year[0] - 300 * DAY
    low, _high = page.timeline.mood_plot.viewRange()[0]
    assert low <= (ten_years.default_range()[0] - dt.date(1970, 1, 1)).days * DAY


def labels(first: dt.date, last: dt.date, pixels: float = 900) -> list[str]:
    low = (first - dt.date(1970, 1, 1)).days * DAY
    high = (last - dt.date(1970, 1, 1)).days * DAY + DAY
    return [label for _v, label, _major in date_ticks(low, high, pixels, 80)]


def test_the_date_axis_names_month_and_year_where_the_range_starts():
    month = labels(TODAY - dt.timedelta(days=29), TODAY)
    assert month[0] == "14 Feb 2026" and "Mar" in month
    quarter = labels(TODAY - dt.timedelta(days=89), TODAY)
    assert quarter[:2] == ["16 Dec 2025", "Jan 2026"]
    decade = labels(dt.date(2016, 3, 18), TODAY)
    assert decade[0] == "18 Mar 2016" and all(label.isdigit() for label in decade[1:])
    assert labels(TODAY, TODAY - dt.timedelta(days=1)) == []  # empty: no 00.100 … 00.900
    for shown in (month, quarter):  # day numbers only rise between two month names
        numbers = [int(label) for label in shown[1:] if label.isdigit()]
        runs = [
            int(x)
            for x in " ".join(label if label.isdigit() else "|" for label in shown[1:])
            .split("|")[0]
            .split()
        ]
        assert runs == sorted(runs) and all(1 <= n <= 31 for n in numbers)


def test_the_shown_axis_labels_the_range_start(page):
    page.range_switch.set_key("30d")
    axis = page.timeline.contact_plot.getAxis("bottom")
    low, high = page.timeline.mood_plot.viewRange()[0]
    levels = axis.tickValues(low, high, axis.width())
    strings = [axis.tickStrings(values, 1, spacing) for spacing, values in levels]
    assert "14 Feb 2026" in strings[0] and "Mar" in strings[0]
    assert np.all(np.diff(sorted(v for _s, values in levels for v in values)) > 0)


@pytest.mark.parametrize("key", ["30d", "1y", "all"])
def test_the_headline_means_match_an_independent_count(page, ten_years, key):
    page.range_switch.set_key(key)
    start, end = page.dates()
    series = ten_years.series(start, end)
    means = page.headline.bar_means()
    for bar in range(4):
        days = [
            m
            for m, g in zip(series.mood, series.meaningful, strict=True)
            if m == m and g == g and min(int(g), 3) == bar
        ]
        if len(days) >= 5:
            assert abs(means[bar] - sum(days) / len(days)) < 1e-9
            assert page.headline.words_under()[bar] == f"n = {len(days)} days"
        else:
            assert np.isnan(means[bar])
            assert page.headline.words_under()[bar].startswith("not enough data yet")
    report = ten_years.insights(start, end)
    claimed = "association, not proof of cause" in page.headline.sentence
    assert claimed == (
        report.associations["meaningful_contacts_vs_mood"].clear
        or report.comparisons["meaningful_contact"].clear
    )
    assert page.headline.show_bar(3).startswith("3 or more contacts that felt good: ")


def test_back_from_months_to_days_redraws_without_a_hitch(page):
    page.range_switch.set_key("all")
    page.range_switch.set_key("30d")  # the band's month widths once broke the daily redraw
    assert page.timeline.unit == "day"
    assert page.timeline.drawn_points()["band"] == 0
    assert page.timeline.drawn_points()["mood"] == 30
