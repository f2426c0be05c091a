"""The Trends and Insights pages on a demo journal and on an empty one."""

import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel

from journal import palette
from journal.analysis.stats import association
from journal.i18n import format_date
from journal.services import group_means
from journal.ui import theme
from journal.ui.charts.common import DAY, timestamps
from journal.ui.pages.insights import InsightsPage
from journal.ui.pages.trends import TrendsPage
from tests.helpers import TODAY


def choose(page, name: str, data) -> None:
    """Pick the entry of combo box ``name`` that carries ``data``, as a person would."""
    combo = page.findChild(QComboBox, name)
    combo.setCurrentIndex(combo.findData(data))


def shown_days(page: TrendsPage) -> tuple[dt.date, dt.date]:
    low, high = page.timeline.mood_plot.viewRange()[0]
    first = dt.date(1970, 1, 1) + dt.timedelta(days=round(low / DAY + 0.5))
    return first, dt.date(1970, 1, 1) + dt.timedelta(days=round(high / DAY - 0.5) - 1)


@pytest.fixture
def trends(qtbot, demo_journal):
    page = TrendsPage(demo_journal)
    qtbot.addWidget(page)
    page.refresh()
    return page


@pytest.fixture
def insights(qtbot, demo_journal):
    page = InsightsPage(demo_journal)
    qtbot.addWidget(page)
    page.refresh()
    return page


def test_the_range_switch_changes_the_days_plotted(trends, demo_journal):
    assert shown_days(trends) == (TODAY - dt.timedelta(days=89), TODAY)  # 90 days at first
    choose(trends, "range", "30d")
    assert shown_days(trends) == (TODAY - dt.timedelta(days=29), TODAY)
    mood = demo_journal.series(TODAY - dt.timedelta(days=29), TODAY).mood
    np.testing.assert_array_equal(trends.timeline.mood_item.getOriginalDataset()[1], mood)
    checkins = int((~np.isnan(mood)).sum())
    assert trends.summary == f"14 Feb 2026 to 15 Mar 2026 · {checkins} check-ins"

    choose(trends, "range", "all")
    assert shown_days(trends) == demo_journal.default_range()
    assert (
        trends.weekly_adherence.care_plot.viewRange()[0][0]
        < trends.timeline.mood_plot.viewRange()[0][0] + 7 * DAY
    )


def test_the_week_not_over_yet_is_not_plotted_as_a_fall(trends, demo_journal):
    """TODAY is a Sunday, its week not over: the care chart ends with the week before."""
    adherence = demo_journal.weekly_adherence(TODAY - dt.timedelta(days=89), TODAY)
    assert adherence.so_far[-1] and not adherence.so_far[:-1].any()
    assert not np.isnan(adherence.medication[-1])  # the figure exists; it is not drawn
    x, y = trends.weekly_adherence.lines["medication"].getOriginalDataset()
    this_week = (
        timestamps(np.array([adherence.weeks[-1]], dtype="datetime64[D]"), noon=False)[0]
        + 3.5 * DAY
    )
    drawn = dict(zip(x.tolist(), y.tolist(), strict=True))
    assert this_week not in drawn or np.isnan(drawn[this_week])
    assert np.isfinite(y).sum() >= 10


def test_the_scatter_switches_between_good_contacts_and_minutes(trends, demo_journal):
    series = demo_journal.series(TODAY - dt.timedelta(days=89), TODAY)
    result = association(series.meaningful, series.mood)
    assert trends.scatter.summary.startswith(f"Spearman ρ = {result.spearman:.2f}")
    assert trends.scatter.summary.endswith(f"n = {result.n} days")
    dots = trends.scatter.dots_item

    choose(trends, "scatter_metric", "minutes")
    result = association(series.minutes, series.mood)
    assert trends.scatter.summary.startswith(f"Spearman ρ = {result.spearman:.2f}")
    assert trends.scatter.plot.getAxis("bottom").labelText == "minutes of contact that day"
    assert trends.scatter.dots_item is dots


def test_the_year_in_pixels_shows_the_year_chosen(trends, demo_journal):
    years = trends.findChild(QComboBox, "heatmap_year")
    assert [years.itemData(i) for i in range(years.count())] == ["last", 2026, 2025]
    choose(trends, "heatmap_year", 2025)
    image = trends.year_pixels.image_item.image
    assert image.shape[0] // 8 == 53  # 1 Jan 2025 was a Wednesday: 53 week columns
    assert trends.year_pixels.cell(0) == (0, 2)
    first = demo_journal.default_range()[0]
    assert trends.year_pixels.show_cell(
        *trends.year_pixels.cell((first - dt.date(2025, 1, 1)).days)
    ).startswith(format_date(first, "weekday_date"))


def test_pages_wait_until_shown_and_follow_a_changed_journal(qtbot, demo_journal, make_day):
    page = TrendsPage(demo_journal)
    qtbot.addWidget(page)
    assert len(page.timeline.mood_item.getOriginalDataset()[0] or []) == 0  # nothing yet
    page.show()
    qtbot.waitExposed(page)
    assert page.timeline.mood_item.getOriginalDataset()[1][-1] == demo_journal.day(TODAY).mood

    page.hide()
    demo_journal.save_day(make_day(mood=0))
    page.invalidate()  # hidden: waits
    assert page.timeline.mood_item.getOriginalDataset()[1][-1] != 0
    page.show()
    qtbot.waitExposed(page)
    assert page.timeline.mood_item.getOriginalDataset()[1][-1] == 0


def test_insights_shows_a_card_per_core_sentence_in_order(insights, demo_journal):
    start, end = demo_journal.default_range()
    report = demo_journal.insights(start, end)
    assert [card.finding.key for card in insights.cards] == [s.key for s in report.sentences]
    assert 3 <= len(insights.sentences()) <= 8
    assert insights.summary == (
        f"From {format_date(start)} to {format_date(end)} · {report.checkins} check-ins"
    )

    choose(insights, "range", "30d")
    month = demo_journal.insights(TODAY - dt.timedelta(days=29), TODAY)
    assert [card.finding.key for card in insights.cards] == [s.key for s in month.sentences]
    assert insights.summary.startswith("From 14 Feb 2026 to 15 Mar 2026 · ")


def test_the_disclaimer_and_the_range_are_said_once_at_the_foot(insights, demo_journal):
    texts = [label.text() for label in insights.findChildren(QLabel)]  # shown or not
    assert sum(text.count("not proof of cause") for text in texts) == 1
    start, _end = demo_journal.default_range()
    assert sum(text.count(format_date(start)) for text in texts) == 1
    assert (
        insights.findChild(QLabel, "insights_disclaimer")
        .text()
        .startswith("Each finding is an association, not proof of cause")
    )


def test_a_card_states_a_finding_only_where_the_analysis_calls_it_clear(insights):
    report = insights.report
    stated = 0
    for card in insights.cards:
        key = card.finding.key
        figure = report.comparisons.get(key) or report.associations.get(key)
        if figure is None:
            continue
        claims = not card.finding.headline.startswith("No clear")
        assert claims == figure.clear, card.finding.headline
        stated += claims
    assert stated >= 1  # the demo has clear findings
    main = next(c for c in insights.cards if c.finding.key == "meaningful_contacts_vs_mood")
    assert main.details.isHidden() and "ρ" not in main.text()
    main.toggle.click()
    assert not main.details.isHidden()
    rho = report.associations["meaningful_contacts_vs_mood"].spearman
    assert main.details.text().startswith(f"Spearman ρ {rho:.2f}, 95% CI ")


def test_insight_cards_use_the_ordinary_text_colour(insights):
    text = insights.palette().color(QPalette.ColorRole.WindowText)
    for number in range(1, len(insights.sentences()) + 1):
        label = insights.findChild(QLabel, f"insight_{number}")
        assert label.palette().color(QPalette.ColorRole.WindowText) == text
        assert label.styleSheet() == ""


def test_an_empty_journal_says_not_enough_data_yet(qtbot, journal):
    trends, insights = TrendsPage(journal), InsightsPage(journal)
    qtbot.addWidget(trends)
    qtbot.addWidget(insights)
    for key in ("30d", "all"):
        choose(trends, "range", key)
        choose(insights, "range", key)
        assert trends.timeline.note.startswith("Not enough data yet")
        assert trends.scatter.summary == "not enough data yet (n = 0)"
        assert trends.group_means.note.startswith("Not enough data yet")
        assert trends.year_pixels.note.startswith("Not enough data yet")
        assert insights.sentences()[0].startswith("Not enough data yet")
        assert insights.summary.endswith("· 0 check-ins")


@pytest.mark.parametrize("page_class", [TrendsPage, InsightsPage])
def test_every_control_is_named_for_tests_and_screen_readers(qtbot, journal, page_class):
    page = page_class(journal)
    qtbot.addWidget(page)
    controls = [*page.findChildren(QComboBox), *page.findChildren(QAbstractButton)]
    assert controls
    for control in controls:
        assert control.objectName() and control.accessibleName(), control


def test_group_means_give_the_mean_and_its_t_interval():
    """15 days with a mood in all; the partner's five days alternate (lag-1 below 0: n_eff
    = n, the plain t interval)."""
    mood = np.array([4, 3, 8, 3, 5, 3, 7, 3, 6, 3, 3, 3, 9, 3, np.nan, 3], dtype=float)
    partner = np.array([1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 0, 0, 0, 0, 1, np.nan])
    family = np.array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0])
    result = group_means(mood, {"partner": partner, "family": family})
    assert result.labels == ("partner",)
    assert result.too_few == (("family", 2),)
    # moods 4, 8, 5, 7, 6: mean 6, s = √2.5, t(0.975, 4) = 2.776445 (tables)
    half = 2.776445 * np.sqrt(2.5) / np.sqrt(5)
    np.testing.assert_allclose(result.mean, [6.0])
    np.testing.assert_allclose(result.ci_low, [6.0 - half], atol=1e-5)
    np.testing.assert_allclose(result.ci_high, [6.0 + half], atol=1e-5)
    np.testing.assert_array_equal(result.n, [5])
    # two days fewer with a mood (13 in all): the chart shows no number either
    mood[[13, 15]] = np.nan
    fewer = group_means(mood, {"partner": partner, "family": family})
    assert fewer.labels == () and fewer.too_few == (("partner", 5), ("family", 2))


def test_the_headline_withholds_bars_under_the_thresholds(qtbot, journal):
    empty = TrendsPage(journal)
    qtbot.addWidget(empty)
    empty.refresh()
    assert np.isnan(empty.headline.bar_means()).all()
    assert empty.headline.note == ""  # said once, under the chart, not three times
    assert empty.headline.sentence.startswith("Not enough data yet")
    assert all(w.startswith("not enough data yet") for w in empty.headline.words_under())


def test_a_click_in_the_year_in_pixels_opens_that_day_on_today(
    qtbot, seed_days, make_day, open_window
):
    seed_days(*(make_day(date=TODAY - dt.timedelta(days=d), mood=d % 11) for d in range(30)))
    window = open_window()
    window.resize(1300, 900)
    window.show_page("trends")
    pixels = window.page("trends").year_pixels
    wanted = TODAY - dt.timedelta(days=12)
    column, row = next((c, r) for c in range(53) for r in range(7) if pixels.day_at(c, r) == wanted)
    pixels.graphics.ensurePolished()
    scene = pixels.plot.vb.mapViewToScene(QPointF(column + 0.5, row + 0.5))
    point = pixels.graphics.mapFromScene(scene)
    assert pixels.digits_shown().get((column, row)) == 12 % 11  # the number, beside colour
    qtbot.mouseClick(pixels.graphics.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.today_page.date == wanted
    assert window.today_page.isVisible()


def test_every_trends_chart_saves_a_png_and_takes_the_dark_mood_palette(
    trends, tmp_path, qtbot, restore_theme
):
    charts = (
        trends.headline,
        trends.timeline,
        trends.scatter,
        trends.group_means,
        trends.year_pixels,
        trends.weekly_adherence,
    )
    for chart in charts:
        written = chart.save_png(tmp_path / chart.objectName())
        assert written.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    means = trends.headline.bar_means()
    shown = np.round(means[~np.isnan(means)]).astype(int).tolist()

    def fills() -> list[str]:
        return [QColor(b).name() for b in trends.headline.bars_item.opts["brushes"]]

    assert fills() == [palette.MOOD_LIGHT[step] for step in shown]
    theme.apply_theme(restore_theme, "dark")
    qtbot.waitUntil(lambda: fills() == [palette.MOOD_DARK[step] for step in shown])
    first = trends.year_pixels.colour_of(0.0)[:3]
    assert first == QColor(palette.MOOD_DARK[0]).getRgb()[:3]
