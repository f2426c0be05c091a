"""One table of chart colours for the screen and the PDF (``journal.palette.CHART``)."""

import datetime as dt

import pytest

from journal import palette
from journal.domain.sections import SECTIONS
from journal.report.summary.blocks import TimeChart
from tests.helpers import TODAY


def test_every_colour_a_summary_chart_names_is_in_the_one_table(demo_journal) -> None:
    summary = demo_journal.build_summary(TODAY - dt.timedelta(days=119), TODAY, frozenset(SECTIONS))
    names = {
        series.colour
        for chart in summary.charts
        if isinstance(chart, TimeChart)
        for panel in chart.panels
        for series in panel.series
    }
    assert names and names <= set(palette.CHART)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_screen_charts_take_their_series_from_the_table(qapp, scheme) -> None:
    from journal.ui import theme
    from journal.ui.charts.common import chart_colours

    colours = chart_colours(theme.palette_for(scheme))
    shown = (colours.primary, colours.secondary, colours.tertiary, colours.quaternary)
    assert colours.dark is (scheme == "dark")
    assert tuple(c.name() for c in shown) == tuple(
        c.lower() for c in palette.series_colours(scheme)
    )
