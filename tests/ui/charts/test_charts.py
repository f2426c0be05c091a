"""Each chart widget, fed small hand-made arrays: what it plots, gaps, words, PNG, palette."""

import datetime as dt

import numpy as np
import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QToolButton

from journal import palette
from journal.analysis.aggregate import distinct_pairs
from journal.analysis.stats import Association, Status, association
from journal.i18n import format_date
from journal.ui import theme
from journal.ui.charts.common import DAY, save_png, timestamps
from journal.ui.charts.connection_scatter import ConnectionScatter
from journal.ui.charts.group_means import GroupMeans, GroupMeansChart
from journal.ui.charts.mood_timeline import MoodTimeline
from journal.ui.charts.weekly_adherence import WeeklyAdherenceChart
from journal.ui.charts.year_pixels import CELL, YearPixels

NAN = np.nan
DAYS = np.arange(np.datetime64("2026-03-02"), np.datetime64("2026-03-09"))  # Mon..Sun
MOOD = np.array([6, 7, NAN, 5, 4, NAN, 8], dtype=float)
MEAN = np.array([6, 6.5, 6.5, 6, 5.5, 5.5, 6], dtype=float)
CONTACTS = np.array([2, 0, NAN, 3, 1, NAN, 4], dtype=float)
OTHER = np.array([1, 0, NAN, 0, 2, NAN, 0], dtype=float)  # contacts that did not feel good


def shown(day: int) -> str:
    """How a readout names a day of March 2026 (the locale's form, English by default)."""
    return format_date(dt.date(2026, 3, day), "weekday_date")


def original(item):
    x, y = item.getOriginalDataset()
    return np.asarray(x), np.asarray(y)


@pytest.fixture
def timeline(qtbot):
    chart = MoodTimeline()
    qtbot.addWidget(chart)
    chart.set_data(DAYS, MOOD, MEAN, CONTACTS, OTHER)
    return chart


def test_timeline_plots_mood_and_its_mean_at_noon_of_each_day(timeline):
    x, y = original(timeline.mood_item)
    assert x[0] == pytest.approx(np.datetime64("2026-03-02", "s").astype(int) + DAY / 2)
    np.testing.assert_array_equal(y, MOOD)
    np.testing.assert_array_equal(original(timeline.mean_item)[1], MEAN)


def test_timeline_leaves_days_without_a_check_in_as_gaps(timeline):
    assert timeline.mood_item.opts["connect"] == "finite"  # no line through a NaN
    assert np.isnan(original(timeline.mood_item)[1][[2, 5]]).all()
    bars = timeline.bars_item.opts
    np.testing.assert_array_equal(bars["height"], [2, 0, 3, 1, 4])  # no bar on unlogged days
    np.testing.assert_array_equal(bars["x"], timestamps(DAYS)[[0, 1, 3, 4, 6]])
    other = timeline.other_bars_item.opts  # stacked on the good ones
    np.testing.assert_array_equal(other["y0"], [2, 0, 3, 1, 4])
    np.testing.assert_array_equal(other["height"], [1, 0, 0, 2, 0])


def test_timeline_reuses_its_items_and_follows_the_range(timeline):
    items = (timeline.mood_item, timeline.mean_item, timeline.bars_item)
    count = len(timeline.mood_plot.items)
    longer = np.arange(np.datetime64("2026-01-01"), np.datetime64("2026-03-02"))
    values = np.full(len(longer), 5.0)
    timeline.set_data(longer, values, values, values)
    assert (timeline.mood_item, timeline.mean_item, timeline.bars_item) == items
    assert len(timeline.mood_plot.items) == count
    low, high = timeline.mood_plot.viewRange()[0]
    assert (high - low) / DAY == pytest.approx(len(longer))


def test_timeline_says_when_there_is_no_check_in(timeline):
    assert timeline.note == ""
    timeline.set_data(DAYS, np.full(7, NAN), np.full(7, NAN), np.full(7, NAN))
    assert "Not enough data yet" in timeline.note


def test_hovering_a_day_shows_its_values_in_words(timeline):
    assert timeline.show_day(3) == (
        f"{shown(5)} · mood 5 · 7-day mean 6.0 · contacts 3 (3 felt good)"
    )
    assert timeline.show_day(4).endswith("· contacts 3 (1 felt good)")
    assert timeline.show_day(2) == (f"{shown(4)} · no check-in · 7-day mean 6.5 · nothing logged")


def test_scatter_draws_each_pair_once_sized_by_its_days_with_a_fit_line(qtbot):
    chart = ConnectionScatter()
    qtbot.addWidget(chart)
    x = np.array([0, 1, 2, 3, 1, 2, 4, 0, 3, 2, 1, 5, 2, 3, 4, NAN], dtype=float)
    mood = np.array([3, 4, 6, 7, 5, 5, 8, 4, 6, 6, 4, 9, 5, 7, 7, 6], dtype=float)
    result = association(x, mood)
    chart.set_data(*distinct_pairs(x, mood), result, x_label="contacts", fit=(1.0, 3.5))
    shown_x, shown_y = chart.dots_item.getData()
    pairs = {(a, b) for a, b in zip(x[:15], mood[:15], strict=True)}
    assert len(shown_x) == len(pairs) == 11  # the day without x is left out; repeats once
    assert set(zip(shown_x.tolist(), shown_y.tolist(), strict=True)) == pairs  # no jitter
    sizes = dict(
        zip(
            zip(shown_x.tolist(), shown_y.tolist(), strict=True),
            chart.dots_item.data["size"].tolist(),
            strict=True,
        )
    )
    assert sizes[(1.0, 4.0)] > sizes[(0.0, 3.0)]  # two days, bigger than one
    index = list(zip(shown_x.tolist(), shown_y.tolist(), strict=True)).index((1.0, 4.0))
    assert chart.show_dot(index) == "contacts 1, mood 4: 2 days"
    fit_x, fit_y = chart.fit_item.getData()
    np.testing.assert_allclose(fit_x, [0, 5])
    np.testing.assert_allclose(fit_y, [3.5, 8.5])
    rho = f"{result.spearman:.2f}"
    assert chart.summary.startswith(f"early signal: Spearman ρ = {rho} (95% CI ")
    assert chart.summary.endswith("n = 15 days")
    assert "ρ" not in chart.caption and chart.caption.startswith("Each dot is")
    details = chart.findChild(QLabel, "connection_scatter_details_text")
    assert details.isHidden()
    chart.findChild(QToolButton, "connection_scatter_details").click()
    assert not details.isHidden() and details.text() == chart.summary


def test_scatter_with_too_few_days_says_so_and_draws_no_fit(qtbot):
    chart = ConnectionScatter()
    qtbot.addWidget(chart)
    dots = chart.dots_item
    x, mood = np.array([1.0, 2, 3, 0, 2]), np.array([5.0, 6, 7, 4, 6])
    chart.set_data(
        *distinct_pairs(x, mood), Association(5, Status.NOT_ENOUGH), x_label="contacts", fit=(1, 4)
    )
    assert chart.summary == "not enough data yet (n = 5)"
    assert "ρ" not in chart.summary and "CI" not in chart.summary
    assert chart.caption.startswith("Not enough data yet")
    fit_x, _fit_y = chart.fit_item.getData()
    assert fit_x is None or len(fit_x) == 0
    assert chart.dots_item is dots and len(dots.getData()[0]) == 4
    assert "Not enough data yet" in chart.note


def means(labels, n, mean, half, too_few=()):
    mean = np.array(mean, dtype=float)
    return GroupMeans(
        tuple(labels), np.array(n, dtype=float), mean, mean - half, mean + half, tuple(too_few)
    )


def test_group_means_plot_each_group_with_its_whiskers_and_n(qtbot):
    chart = GroupMeansChart()
    qtbot.addWidget(chart)
    kinds = means(["partner", "friend"], [12, 7], [6.5, 5.0], 0.5, [("clinician", 2)])
    modes = means(["in person"], [15], [6.0], 0.25)
    chart.set_data(kinds, modes, 5.8, min_days=5)
    x, y = chart.kind_panel.dots.getData()
    np.testing.assert_allclose(x, [6.5, 5.0])
    np.testing.assert_allclose(y, [0, 1])
    whiskers = chart.kind_panel.whiskers.opts
    np.testing.assert_allclose(whiskers["left"], [0.5, 0.5])
    np.testing.assert_allclose(whiskers["right"], [0.5, 0.5])
    ticks = chart.kind_panel.plot.getAxis("left")._tickLevels[0]
    assert [text for _pos, text in ticks] == ["partner  (n = 12)", "friend  (n = 7)"]
    assert chart.note == "Not shown, fewer than 5 days: clinician (2)."
    assert chart.kind_panel.overall.value() == pytest.approx(5.8)
    for panel in (chart.kind_panel, chart.mode_panel):  # the whole scale, never zoomed in
        low, high = panel.plot.viewRange()[0]
        assert low <= 0 and high >= 10 and high - low < 10.5

    dots = chart.mode_panel.dots
    chart.set_data(
        means([], [], [], 0.0, [("partner", 3)]), means([], [], [], 0.0), None, min_days=5
    )
    assert chart.mode_panel.dots is dots and len(dots.getData()[0]) == 0
    assert chart.note.startswith("Not enough data yet")
    assert not chart.kind_panel.overall.isVisible()


def test_year_pixels_paint_missing_days_apart_from_low_mood(qtbot):
    chart = YearPixels()
    qtbot.addWidget(chart)
    wednesday = np.datetime64("2026-03-04")
    mood = np.array([0, NAN, 10, 5, NAN, 7, 3, 2], dtype=float)  # Wed 4 .. Wed 11 March
    chart.set_data(wednesday, mood)
    image = chart.image_item.image
    assert image.shape == (2 * CELL, 7 * CELL, 4)

    def pixel(column, row):
        return tuple(int(v) for v in image[column * CELL + 1, row * CELL + 1])

    assert chart.cell(0) == (0, 2)  # a Wednesday: third row of the first week
    assert pixel(0, 2) == chart.colour_of(0.0)
    for mood_value, step in ((0.0, 0), (10.0, 10), (5.4, 5)):  # the one mood palette
        assert chart.colour_of(mood_value)[:3] == QColor(palette.MOOD_LIGHT[step]).getRgb()[:3]
    assert pixel(0, 3) == chart.colour_of(NAN) != chart.colour_of(0.0)
    assert pixel(0, 0)[3] == 0  # Monday 2 March is outside the range: left empty
    marks_x, marks_y = chart.missing_item.getData()
    cells = zip(np.floor(marks_x), np.floor(marks_y), strict=True)
    assert sorted(cells) == [(0, 3), (0, 6)]  # Thursday 5 and Sunday 8 March
    assert chart.show_cell(0, 3) == f"{shown(5)} · no check-in"

    item = chart.image_item
    chart.set_data(wednesday, np.full(3, NAN))
    assert chart.image_item is item
    assert chart.note.startswith("Not enough data yet")


def test_weekly_adherence_leaves_weeks_with_nothing_due_as_gaps(qtbot):
    chart = WeeklyAdherenceChart()
    qtbot.addWidget(chart)
    weeks = np.array(["2026-02-16", "2026-02-23", "2026-03-02"], dtype="datetime64[D]")
    medication = np.array([1.0, NAN, 0.5])
    sessions = np.array([NAN, 1.0, NAN])
    commitments = np.array([0.25, 0.75, 1.0])
    mood = np.array([5.5, NAN, 6.0])
    chart.set_data(weeks, medication, sessions, commitments, weeks, mood)
    lines = chart.lines
    x, y = original(lines["medication"])
    np.testing.assert_array_equal(y, [100.0, NAN, 50.0])
    assert lines["medication"].opts["connect"] == "finite"
    assert x[1] - x[0] == pytest.approx(7 * DAY)
    np.testing.assert_array_equal(original(chart.mood_item)[1], mood)
    assert chart.note == ""

    chart.set_data(weeks, np.full(3, NAN), np.full(3, NAN), np.full(3, NAN), weeks, mood)
    assert chart.lines == lines
    assert chart.note.startswith("Nothing scheduled in this range")


def test_save_as_png_writes_a_png_file(timeline, tmp_path):
    timeline.resize(600, 400)
    saved = []
    timeline.png_saved.connect(saved.append)
    written = timeline.save_png(tmp_path / "mood")
    assert written == tmp_path / "mood.png" and saved == [written]
    data = written.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 1000


def test_save_png_reports_a_folder_it_cannot_write(timeline, tmp_path):
    with pytest.raises(OSError):
        save_png(timeline, tmp_path / "no such folder" / "chart.png")


def test_charts_follow_the_dark_palette(qtbot, restore_theme, timeline):
    theme.apply_theme(restore_theme, "light")
    qtbot.waitUntil(lambda: timeline.graphics.backgroundBrush().color().lightness() > 192)
    light_pen = QColor(timeline.mean_item.opts["pen"].color())
    assert timeline.mood_plot.getAxis("left").textPen().color().lightness() < 96

    theme.apply_theme(restore_theme, "dark")  # the palette change reaches the chart by itself
    qtbot.waitUntil(lambda: timeline.graphics.backgroundBrush().color().lightness() < 64)
    timeline.apply_palette()  # and asking again changes nothing
    base = theme.palette_for("dark").color(QPalette.ColorRole.Base)
    assert timeline.graphics.backgroundBrush().color() == base
    assert QColor(timeline.mean_item.opts["pen"].color()) != light_pen
    assert timeline.mood_plot.getAxis("left").textPen().color().lightness() > 160


def test_year_pixels_leave_days_before_the_journal_empty(qtbot):
    chart = YearPixels()
    qtbot.addWidget(chart)
    chart.set_data(np.datetime64("2026-03-02"), np.full(7, NAN), journal_start="2026-03-05")
    image = chart.image_item.image
    assert image[1, 1 * CELL + 1, 3] == 0  # Tuesday, before the journal: empty
    assert tuple(image[1, 3 * CELL + 1]) == chart.colour_of(NAN)  # Thursday: missing
    assert len(chart.missing_item.getData()[0]) == 4
    assert chart.show_cell(0, 1) == f"{shown(3)} · before the journal began"


def test_scatter_at_rho_one_says_so_without_an_interval(qtbot):
    chart = ConnectionScatter()
    qtbot.addWidget(chart)
    x = np.arange(40.0) % 6
    result = association(x, x + 2)
    assert result.perfect and result.ci_low is None
    chart.set_data(*distinct_pairs(x, x + 2), result, x_label="contacts", fit=(1, 2))
    assert chart.summary == "Spearman ρ = 1: the days rank in exactly the same order, n = 40 days"


def test_score_bands_are_shaded_by_severity_and_an_empty_chart_has_no_tick_labels(qtbot):
    from journal.ui.charts.score_history import ScoreHistoryChart, severity_step

    chart = ScoreHistoryChart()
    qtbot.addWidget(chart)
    bands = [
        (0, 4, "minimal"),
        (5, 9, "mild"),
        (10, 14, "moderate"),
        (15, 19, "moderately severe"),
        (20, 27, "severe"),
    ]
    chart.set_data(
        np.array([], dtype="datetime64[D]"),
        np.array([]),
        np.array([], dtype=bool),
        bands,
        empty_note="No PHQ-9 yet.",
    )
    shades = [region.brush.color().getRgb()[:3] for region in chart.regions]
    assert len(set(shades)) == 5  # five different shades, not one even grey
    assert chart.band_labels() == [name for *_edges, name in bands]
    assert [severity_step(i, 5) for i in range(5)] == [7, 6, 4, 2, 1]  # warm to deep blue
    assert severity_step(0, 2, higher_is_better=True) == 1  # WHO-5: the low band is worse
    axis = chart.plot.getAxis("bottom")
    low, high = chart.plot.viewRange()[0]
    levels = axis.tickValues(low, high, 600)
    assert all(not values for _spacing, values in levels)  # no "00.100 … 00.900"
    assert chart.note == "No PHQ-9 yet."


def test_weeks_and_months_draw_a_band_and_read_out_in_words(qtbot):
    chart = MoodTimeline()
    qtbot.addWidget(chart)
    starts = np.array(["2026-01-01", "2026-02-01", "2026-03-01"], dtype="datetime64[D]")
    ends = np.array(["2026-01-31", "2026-02-28", "2026-03-15"], dtype="datetime64[D]")
    chart.set_periods(
        "month",
        starts,
        ends,
        np.array([20, 0, 14]),
        np.array([5.4, NAN, 6.0]),
        np.array([4, NAN, 5]),
        np.array([6, NAN, 7]),
        np.array([0.9, NAN, 1.5]),
        np.array([0.4, NAN, 1.0]),
    )
    assert chart.title == "Mood and contacts, month by month"
    assert chart.drawn_points() == {"mood": 3, "mean": 0, "band": 2, "good": 2, "other": 2}
    band = chart.band_item.opts
    np.testing.assert_array_equal(band["y0"], [4, 5])
    np.testing.assert_array_equal(band["height"], [2, 2])
    assert chart.show_day(0) == (
        "1 Jan to 31 Jan 2026 · mean mood 5.4 · middle half of days "
        "4–6 · 20 check-ins · contacts a day 1.3 (0.9 felt good)"
    )
    assert chart.show_day(1) == "1 Feb to 28 Feb 2026 · no check-in"
