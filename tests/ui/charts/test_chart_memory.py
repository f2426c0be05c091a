"""What the charts leave out to stay light (issue 21, memory): no cached background pixmap
per view and no context menus of pyqtgraph's (they are off), yet they draw as before."""

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QGraphicsView

from journal.ui.charts.common import ChartCard
from journal.ui.charts.connection_scatter import ConnectionScatter
from journal.ui.charts.group_means import GroupMeansChart
from journal.ui.charts.headline import HeadlineChart
from journal.ui.charts.mood_timeline import MoodTimeline
from journal.ui.charts.score_history import ScoreHistoryChart
from journal.ui.charts.weekly_adherence import WeeklyAdherenceChart
from journal.ui.charts.year_pixels import YearPixels

CHARTS = (
    ConnectionScatter,
    GroupMeansChart,
    HeadlineChart,
    MoodTimeline,
    ScoreHistoryChart,
    WeeklyAdherenceChart,
    YearPixels,
)


@pytest.mark.parametrize("kind", CHARTS, ids=lambda kind: kind.__name__)
def test_a_chart_keeps_no_background_pixmap_nor_menus(qtbot, kind: type[ChartCard]) -> None:
    chart = kind()
    qtbot.addWidget(chart)
    chart.resize(600, 400)
    chart.show()
    qtbot.waitExposed(chart)
    assert chart.graphics.cacheMode() == QGraphicsView.CacheModeFlag.CacheNone
    plots = [item for item in chart.graphics.ci.items if isinstance(item, pg.PlotItem)]
    assert plots
    for plot in plots:
        assert plot.vb.menu is None and not plot.menuEnabled()
    image = chart.graphics.grab().toImage()
    background = chart.graphics.backgroundBrush().color()
    assert image.pixelColor(2, image.height() // 2) == background  # still filled
