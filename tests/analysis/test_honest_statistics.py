"""Issue 17: what the figures are allowed to say — family-wise control, logged-day isolation,
the real today, withheld reasons, one threshold, and the words around the numbers."""

import datetime as dt

import numpy as np
import pytest

from journal.analysis import insight_words as w
from journal.analysis.distributions import t_quantile
from journal.analysis.groups import mood_by_group
from journal.analysis.insight_sentences import NOT_CAUSE
from journal.analysis.insights import compute_insights
from journal.analysis.series import build_series
from journal.analysis.simulation import null_rate, power
from journal.analysis.stats import ALPHA, association, holm
from journal.analysis.streaks import isolation
from tests.analysis.test_insights import early_report
from tests.test_i18n import FakeLocale, hand_made, translated

START = dt.date(2026, 1, 1)
NAN = np.nan


def day(i: int) -> str:
    return (START + dt.timedelta(days=i)).isoformat()


def journal(
    moods: list[float | None],
    contacts: list[tuple[int, str, str, int]],
    length: int | None = None,
    today: dt.date | None = None,
):
    """Insights of START.. from a mood per day (None: no check-in) and (day, kind, mode,
    quality) contacts."""
    length = length or len(moods)
    rows = [(day(i), m, None, None, None, None, None) for i, m in enumerate(moods) if m is not None]
    contact_rows = [(day(i), kind, mode, 10, quality) for i, kind, mode, quality in contacts]
    end = START + dt.timedelta(days=length - 1)
    return compute_insights(build_series(START, end, rows, contact_rows), today=today)


# --- many comparisons, one claim at a time -----------------------------------------------------


def test_holm_by_hand() -> None:
    # sorted: a 0.01 x 3 = 0.03; c 0.03 x 2 = 0.06; b 0.04 x 1 = 0.04, raised to 0.06
    assert holm({"a": 0.01, "b": 0.04, "c": 0.03}) == pytest.approx(
        {"a": 0.03, "c": 0.06, "b": 0.06}
    )
    assert holm({"a": 0.6, "b": 0.9}) == pytest.approx({"a": 1.0, "b": 1.0})
    assert holm({}) == {}


def test_every_figure_carries_clear_from_one_holm_family() -> None:
    rng = np.random.default_rng(8)
    moods = list(rng.integers(2, 9, 60).astype(float))
    contacts = [
        (i, "friend" if i % 3 else "family", "phone" if i % 2 else "video", int(rng.integers(1, 6)))
        for i in range(60)
    ]
    figures = journal(moods, contacts, today=START + dt.timedelta(days=59)).to_json()
    family = [
        f
        for group in ("associations", "comparisons")
        for f in figures[group].values()
        if f["p_value"] is not None
    ]
    assert figures["multiple_comparisons"] == {
        "method": "holm",
        "alpha": ALPHA,
        "family_size": len(family),
    }
    expected = holm({str(i): f["p_value"] for i, f in enumerate(family)})
    for i, f in enumerate(family):
        assert f["p_adjusted"] == pytest.approx(expected[str(i)], abs=1e-6)
        assert f["clear"] is (f["p_adjusted"] < ALPHA)
    for group in ("associations", "comparisons"):
        for f in figures[group].values():
            assert isinstance(f["clear"], bool)


def test_a_difference_not_clear_after_holm_is_only_counted() -> None:
    """Raw p below 0.05 but not after allowing for the family: no sentence of its own, and
    the line says how many were checked."""
    rng = np.random.default_rng(11)
    for _attempt in range(200):
        moods = list(np.round(rng.normal(5, 1.5, 60)).clip(0, 10))
        contacts = [
            (
                i,
                str(rng.choice(["friend", "family", "colleague"])),
                str(rng.choice(["phone", "video", "in_person"])),
                int(rng.integers(1, 6)),
            )
            for i in range(60)
            if rng.random() < 0.8
        ]
        report = journal(moods, contacts)
        raw = [
            k
            for k, c in report.comparisons.items()
            if c.p_value is not None and c.p_value < ALPHA and not c.clear
        ]
        if raw and not any(c.clear for c in report.comparisons.values()):
            break
    else:
        pytest.fail("no journal with a raw-only difference")
    keys = [s.key for s in report.sentences]
    assert not set(raw) & set(keys)
    line = next(s.sentence for s in report.sentences if s.key == "comparisons_checked")
    checked = sum(c.reportable for c in report.comparisons.values())
    assert line.startswith(f"{checked} comparisons of mood on days with and without")
    assert "none clearly different once the number checked is allowed for" in line
    assert "On days with" not in " ".join(s.sentence for s in report.sentences)


def test_null_simulation_finds_at_most_five_percent_with_a_clear_figure() -> None:
    """Mood independent of contacts (AR(1), lag-1 0.6 and 0.85; contacts in spells)."""
    found = journal_count = 0
    for phi, seed in ((0.6, 101), (0.85, 202)):
        hits, n = null_rate(50, phi=phi, seed=seed)
        found, journal_count = found + hits, journal_count + n
    assert found <= 0.05 * journal_count, (found, journal_count)


def test_power_simulation_finds_a_true_partner_difference() -> None:
    """+1.5 mood on days with a partner contact (about 40% of 365 days)."""
    for phi, seed in ((0.6, 303), (0.85, 404)):
        hits, n = power(20, phi=phi, seed=seed)
        assert hits >= 0.8 * n, (phi, hits, n)


# --- isolation over logged days ----------------------------------------------------------------


def test_isolation_counts_logged_days_only() -> None:
    days = np.arange(np.datetime64("2026-01-01"), np.datetime64("2026-01-12"))
    # logged: 1 0 | gap of 5 unlogged | 0 1 0 0  → logged runs without: 1+1 = 2, then 2
    meaningful = np.array([1, 0, NAN, NAN, NAN, NAN, NAN, 0, 1, 0, 0.0])
    result = isolation(days, meaningful)
    assert (result.current, result.longest, result.logged_days) == (2, 2, 6)
    assert result.last_meaningful == dt.date(2026, 1, 9)


def test_a_gap_in_logging_is_not_a_lonely_stretch() -> None:
    """Every logged day had a good contact; 60 days in between nothing was logged."""
    logged = [*range(20), *range(80, 100)]
    moods: list[float | None] = [None] * 100
    for i in logged:
        moods[i] = float(3 + i % 5)
    contacts = [(i, "friend", "phone", 5) for i in logged]
    report = journal(moods, contacts, today=START + dt.timedelta(days=99))
    assert report.isolation.longest == 0 and report.isolation.current == 0
    sentence = next(s.sentence for s in report.sentences if s.key == "isolation")
    assert sentence == (
        "Your last contact that felt good was today. Every logged day in "
        "1 Jan 2026 to 10 Apr 2026 had one."
    )
    assert "0 days" not in sentence and "0 logged days" not in sentence


def test_the_stretch_sentence_says_logged_days() -> None:
    moods = [5.0] * 30
    contacts = [(i, "friend", "phone", 5 if i in (0, 10, 20) else 2) for i in range(30)]
    report = journal(moods, contacts, today=START + dt.timedelta(days=29))
    sentence = next(s.sentence for s in report.sentences if s.key == "isolation")
    assert sentence.endswith("was 9 logged days.")
    assert "was 9 days ago" in sentence  # day 20 → day 29


# --- relative words from the real today --------------------------------------------------------


@pytest.mark.parametrize(
    ("today_offset", "words"),
    [
        (29, "was today."),
        (30, "was yesterday."),
        (33, "was 4 days ago."),
        (None, "was on 30 Jan 2026."),
        (400, "was 371 days ago."),
    ],
)
def test_relative_words_count_from_the_real_today(today_offset, words) -> None:
    """The range ends on day 29 (30 Jan), its last good contact that day."""
    moods = [5.0] * 30
    contacts = [(i, "friend", "phone", 5) for i in range(30)]
    today = None if today_offset is None else START + dt.timedelta(days=today_offset)
    # a range that reaches a later today has nothing logged after day 29
    length = 30 if today_offset is None or today_offset <= 29 else today_offset + 1
    report = journal(moods, contacts, length=length, today=today)
    sentence = next(s.sentence for s in report.sentences if s.key == "isolation")
    assert words in sentence


def test_a_range_that_ended_before_today_speaks_in_dates() -> None:
    moods = [5.0] * 30
    contacts = [(i, "friend", "phone", 5) for i in range(30)]
    report = journal(moods, contacts, today=START + dt.timedelta(days=200))
    sentence = next(s.sentence for s in report.sentences if s.key == "isolation")
    assert "was on 30 Jan 2026." in sentence and "today" not in sentence


# --- withheld figures say their own reason -----------------------------------------------------


def test_mood_the_same_every_day_says_so_and_keeps_the_rest() -> None:
    moods = [6.0] * 40
    contacts = [(i, "friend", "phone", 5 if i % 2 else 2) for i in range(40)]
    report = journal(moods, contacts, today=START + dt.timedelta(days=39))
    texts = {s.key: s.sentence for s in report.sentences}
    assert report.associations["meaningful_contacts_vs_mood"].withheld == "second_same_every_day"
    assert texts["meaningful_contacts_vs_mood"] == (
        "Your mood was the same on every day with a check-in in 1 Jan 2026 to 9 Feb 2026, so "
        "how it goes with contacts cannot be measured."
    )
    assert "not_enough_data" not in texts and "isolation" in texts


def test_no_good_contact_ever_is_said_by_the_isolation_sentence() -> None:
    moods = [float(3 + i % 5) for i in range(40)]
    contacts = [(i, "friend", "phone", 2) for i in range(40)]
    report = journal(moods, contacts, today=START + dt.timedelta(days=39))
    keys = [s.key for s in report.sentences]
    assert "not_enough_data" not in keys and "meaningful_contacts_vs_mood" not in keys
    texts = " ".join(s.sentence for s in report.sentences)
    assert (
        "No contact rated 4 or 5 for how connected it felt was logged in 1 Jan 2026 to "
        "9 Feb 2026." in texts
    )
    assert "insights need at least" not in texts


def test_a_good_contact_every_day_says_so() -> None:
    moods = [float(3 + i % 5) for i in range(40)]
    contacts = [(i, "friend", "phone", 5) for i in range(40)]
    report = journal(moods, contacts, today=START + dt.timedelta(days=39))
    texts = {s.key: s.sentence for s in report.sentences}
    assert texts["meaningful_contacts_vs_mood"] == (
        "Every day with a mood in 1 Jan 2026 to 9 Feb 2026 had the same number of contacts "
        "that felt good (1), so how they go with mood cannot be measured yet."
    )
    assert texts["isolation"].endswith("Every logged day in 1 Jan 2026 to 9 Feb 2026 had one.")


# --- one threshold everywhere ------------------------------------------------------------------


def test_thirteen_days_give_no_number_anywhere() -> None:
    moods = [float(2 + (i * 3) % 7) for i in range(13)]
    contacts = [(i, "friend", "phone", 5) for i in range(0, 13, 2)]
    report = journal(moods, contacts)
    figures = report.to_json()
    friend = figures["comparisons"]["kind:friend"]
    assert (friend["n_with"], friend["n_without"]) == (7, 6)
    assert friend["difference"] is None and friend["mean_with"] is None
    assert friend["withheld"] == "too_few_days" and friend["clear"] is False
    mood = np.array(moods)
    groups = mood_by_group(mood, {"friend": np.r_[np.tile([1.0, 0.0], 6), 1.0]})
    assert groups["friend"].n == 7 and groups["friend"].mean is None
    assert groups["friend"].withheld == "too_few_days"
    # one more day: the chart's group shows (7 of 14 days in the group)
    more = mood_by_group(np.r_[mood, 5.0], {"friend": np.tile([1.0, 0.0], 7)})
    assert more["friend"].reportable


def test_group_interval_allows_for_consecutive_days_alike() -> None:
    values = np.array([3.0, 4, 3, 5, 4, 6, 5, 6, 7, 5, 6, 4, 5, 3])
    groups = mood_by_group(values, {"all": np.ones(14)})
    r = np.corrcoef(values[:-1], values[1:])[0, 1]
    n_eff = 14 * (1 - r) / (1 + r)
    assert r > 0.2 and groups["all"].n_eff == pytest.approx(n_eff)
    half = t_quantile(0.975, n_eff - 1) * values.std(ddof=1) / np.sqrt(n_eff)
    assert groups["all"].ci_high == pytest.approx(values.mean() + half)
    smooth = np.array([3.0, 3, 4, 4, 5, 5, 6, 6, 7, 7, 6, 6, 5, 5])  # r ≈ 0.77: n_eff ≈ 1.1
    assert mood_by_group(smooth, {"all": np.ones(14)})["all"].withheld == "days_too_alike"


# --- the words around the numbers --------------------------------------------------------------


def test_no_negative_zero() -> None:
    assert w.number(-0.04, 1) == "−0.04"
    assert w.number(-0.0, 1) == "0.0" and w.number(-0.0001, 1) == "0.0"
    assert w.number(-0.44, 1) == "−0.4" and w.number(0.004, 2) == "0.004"


def test_rho_of_one_says_so_without_an_interval() -> None:
    moods = [float(i % 6) for i in range(30)]
    contacts = [(i, "friend", "phone", 5) for i in range(30) for _ in range(i % 6)]
    report = journal(moods, contacts)
    main = report.associations["meaningful_contacts_vs_mood"]
    assert main.spearman == 1.0 and main.ci_low is None and main.clear
    first = report.sentences[0].sentence
    assert "ρ 1: the days rank in exactly the same order; 30 days" in first
    assert "CI 1.00 to 1.00" not in first
    assert association(np.arange(20.0), -np.arange(20.0) % 7).spearman != -1.0


def test_a_null_next_day_result_is_no_clear_link() -> None:
    rng = np.random.default_rng(5)
    moods = list(rng.integers(2, 9, 40).astype(float))
    contacts = [(i, "friend", "phone", int(rng.integers(1, 6))) for i in range(40)]
    report = journal(moods, contacts)
    lag = next(s.sentence for s in report.sentences if s.key == "next_day")
    assert not report.associations["meaningful_contacts_vs_next_day_mood"].clear
    assert lag.startswith(
        "There is no clear link between contacts that felt good on one day and mood the next day"
    )
    assert "association" not in lag


def test_comparisons_over_the_same_days_are_said_once() -> None:
    """Every contact is one friend by phone: kind, mode and "felt good" fall on the same days."""
    moods = [8.0 if i % 2 else 3.0 + i % 3 for i in range(60)]
    contacts = [(i, "friend", "phone", 5) for i in range(1, 60, 2)]
    report = journal(moods, contacts)
    sentences = [s.sentence for s in report.sentences]
    assert len(sentences) == len(set(sentences))
    said = [s for s in sentences if s.startswith("On days with")]
    assert len(said) == 1
    assert said[0].startswith(
        "On days with at least one contact that felt good, or contact "
        "with a friend, or a phone call (the same days), your mood "
        "averaged 8.0 vs 4.0"
    )
    assert NOT_CAUSE in said[0]
    for sentence in sentences:
        assert "−0.0" not in sentence


# --- every new sentence through the translation hooks ------------------------------------------


@pytest.fixture
def fake_locale():
    from journal import i18n

    fake = FakeLocale()
    i18n.install(fake.translate, fake.date, fake.number)
    yield fake
    i18n.reset()


def test_the_new_sentences_are_built_from_translated_parts(fake_locale) -> None:
    rng = np.random.default_rng(5)
    reports = [
        journal([6.0] * 40, [(i, "friend", "phone", 5 if i % 2 else 2) for i in range(40)]),
        journal(
            [float(3 + i % 5) for i in range(40)], [(i, "friend", "phone", 2) for i in range(40)]
        ),
        journal(
            [float(3 + i % 5) for i in range(40)], [(i, "friend", "phone", 5) for i in range(40)]
        ),
        journal(
            [float(i % 6) for i in range(30)],
            [(i, "friend", "phone", 5) for i in range(30) for _ in range(i % 6)],
        ),
        journal(
            [8.0 if i % 2 else 3.0 + i % 3 for i in range(60)],
            [(i, "friend", "phone", 5) for i in range(1, 60, 2)],
        ),
        journal(
            list(rng.integers(2, 9, 40).astype(float)),
            [(i, "friend", "phone", int(rng.integers(1, 6))) for i in range(40)],
            today=START + dt.timedelta(days=45),
        ),
        early_report(),
    ]
    keys = set()
    for report in reports:
        for insight in report.sentences:
            keys.add(insight.key)
            assert translated(insight.sentence), insight.sentence
            assert not hand_made(insight.sentence, fake_locale), insight.sentence
    assert {"meaningful_contacts_vs_mood", "comparisons_checked", "isolation", "next_day"} <= keys
