"""Insights on generated journals: the built-in dependence is found, said honestly."""

import datetime as dt
import re

import numpy as np
import pytest

from journal.analysis.insight_sentences import NOT_CAUSE
from journal.analysis.insights import InsightReport, compute_insights
from journal.analysis.series import build_series
from journal.analysis.stats import Status
from journal.services import Journal
from tests.helpers import TODAY

BLAME = re.compile(
    r"\b(fail\w*|should have|lazy|bad day|your fault|didn't bother|streak)\b", re.IGNORECASE
)


def test_demo_dependence_is_reported_with_n_range_and_ci(demo_journal: Journal) -> None:
    start = TODAY - dt.timedelta(days=119)
    report = demo_journal.insights(start, TODAY)
    main = report.associations["meaningful_contacts_vs_mood"]
    assert main.status is Status.OK and main.spearman > 0.2 and main.ci_low > 0
    assert 3 <= len(report.sentences) <= 8
    first = report.sentences[0].sentence
    assert str(main.n) in first and "95% CI" in first and NOT_CAUSE in first
    assert f"{start:%d %b %Y}" in first and f"{TODAY:%d %b %Y}" in first
    for insight in report.sentences:
        assert not BLAME.search(insight.sentence), insight.sentence


def test_short_range_says_not_enough_data(demo_journal: Journal) -> None:
    report = demo_journal.insights(TODAY - dt.timedelta(days=9), TODAY)
    # the figure withheld says why; the isolation sentence still stands
    assert [s.key for s in report.sentences] == ["not_enough_data", "isolation"]
    assert "Not enough data yet" in report.sentences[0].sentence
    figures = report.to_json()
    assert figures["associations"]["meaningful_contacts_vs_mood"]["spearman"] is None


def early_report() -> InsightReport:
    """Insights from 20 days: enough for figures, too few to be more than an early signal."""
    start = dt.date(2026, 1, 1)
    rng = np.random.default_rng(4)
    rows = [
        (
            (start + dt.timedelta(days=i)).isoformat(),
            int(rng.integers(0, 11)),
            None,
            None,
            None,
            None,
            None,
        )
        for i in range(20)
    ]
    contacts = [
        ((start + dt.timedelta(days=i)).isoformat(), "friend", "phone", 10, int(rng.integers(1, 6)))
        for i in range(20)
    ]
    end = start + dt.timedelta(days=19)
    return compute_insights(build_series(start, end, rows, contacts), today=end)


def test_early_signal_is_labelled() -> None:
    report = early_report()
    assert report.sentences[0].status is Status.EARLY
    assert report.sentences[0].sentence.startswith("Early signal, from only")


def _average_ranks(values: list[float]) -> list[float]:
    """Independent average ranking: each value's rank is the mean of its positions."""
    ordered = sorted(values)
    positions: dict[float, list[int]] = {}
    for position, value in enumerate(ordered, start=1):
        positions.setdefault(value, []).append(position)
    return [sum(positions[v]) / len(positions[v]) for v in values]


def test_json_figure_reproduced_independently_from_the_store(demo_journal: Journal) -> None:
    start = TODAY - dt.timedelta(days=119)
    figures = demo_journal.insights(start, TODAY).to_json()
    rows = list(
        demo_journal.db.query(
            "SELECT d.mood, (SELECT count(*) FROM contacts c WHERE c.date = d.date AND "
            "c.quality >= 4) AS good FROM days d WHERE d.date BETWEEN ? AND ?",
            [start.isoformat(), TODAY.isoformat()],
        )
    )
    mood = _average_ranks([r["mood"] for r in rows])
    good = _average_ranks([r["good"] for r in rows])
    expected = float(np.corrcoef(mood, good)[0, 1])
    figure = figures["associations"]["meaningful_contacts_vs_mood"]
    assert figure["n"] == len(rows)
    assert figure["spearman"] == pytest.approx(expected, abs=1e-6)
    assert figures["range"] == {"from": start.isoformat(), "to": TODAY.isoformat(), "days": 120}


def test_a_range_ending_before_today_speaks_in_dates(demo_journal: Journal) -> None:
    """The journal passes the real today in: a range that ended 30 days ago never says
    "today" or "N days ago" counted from its own end."""
    end = TODAY - dt.timedelta(days=30)
    report = demo_journal.insights(end - dt.timedelta(days=59), end)
    assert report.today == TODAY
    sentence = next(s.sentence for s in report.sentences if s.key == "isolation")
    last = report.isolation.last_meaningful
    assert f"was on {last.day} {last:%b %Y}." in sentence
    assert "today" not in sentence and "ago" not in sentence
    now = demo_journal.insights(TODAY - dt.timedelta(days=59), TODAY)
    assert "was today." in next(s.sentence for s in now.sentences if s.key == "isolation")
