"""The therapist summary as data: sections in and out, names, the safety flag, empty journals."""

import datetime as dt
import math

import numpy as np
import pytest

from journal.domain.errors import ValidationError
from journal.domain.kinds import Instrument, Mode, SessionStatus
from journal.domain.records import Assessment, Day, SafetyPlan, Session
from journal.domain.sections import DEFAULT_SECTIONS, SECTIONS
from journal.report.summary.blocks import Notice, RowsChart, TimeChart
from journal.report.summary.build import (
    check_names,
    default_paper,
    paper_for_locale,
    parse_sections,
)
from journal.report.summary.charts import group_rows
from journal.report.summary.names import Names, initials
from journal.store.assessments import add_assessment
from journal.store.safety_plan import save_safety_plan
from tests.helpers import TODAY

START = TODAY - dt.timedelta(days=27)
TWELVE_WEEKS = TODAY - dt.timedelta(days=83)


def summary_of(journal, sections=DEFAULT_SECTIONS, names="hidden", start=START, end=TODAY):
    return journal.build_summary(start, end, sections, names)


@pytest.fixture
def known(journal):
    """A small journal: a friend and a therapist, days with notes, a session, a topic."""
    sam = journal.add_person("Sam Kim", "friend")
    lee = journal.add_person("Dr. Lee", "therapist")
    for offset in range(20):
        date = TODAY - dt.timedelta(days=offset)
        journal.save_day(
            Day(
                date=date,
                mood=4 + offset % 5,
                note="Walked with Sam Kim to the figs" if offset == 3 else "",
            )
        )
    journal.add_session(
        Session(
            date=TODAY - dt.timedelta(days=7),
            person_id=lee.id,
            status=SessionStatus.ATTENDED,
            mode=Mode.VIDEO,
            felt_heard=4,
        )
    )
    journal.add_topic("Ask Dr. Lee about Sam's visit", created_on=TODAY - dt.timedelta(days=2))
    save_safety_plan(journal.db, SafetyPlan(people_to_ask="Sam; my sister", crisis_line="116 123"))
    return {"sam": sam, "lee": lee}


def test_the_defaults_leave_out_the_persons_own_notes_and_safety_plan():
    assert set(SECTIONS) - {"notes", "safety_plan"} == DEFAULT_SECTIONS
    assert list(SECTIONS) == [
        "overview",
        "charts",
        "insights",
        "treatment",
        "questionnaires",
        "topics",
        "notes",
        "safety_plan",
    ]


@pytest.mark.parametrize("key", list(SECTIONS))
def test_only_the_ticked_section_is_built(demo_journal, key):
    """Page 1 is always there, holding only what the ticked sections give it; "overview"
    and "topics" are on page 1 alone."""
    summary = summary_of(demo_journal, {key})
    assert summary.chosen == {key}
    assert summary.keys == ["glance"] + ([] if key in ("overview", "topics") else [key])
    glance = summary.glance
    assert (glance.mood is not None) == (key == "overview")
    assert (glance.scores is not None) == (key == "questionnaires")
    assert (glance.topics is not None) == (key == "topics")
    assert (glance.sessions_attended is not None) == (key == "treatment")


def test_notes_appear_only_when_ticked_and_are_not_even_read_otherwise(journal, known):
    assert journal.summary_inputs(START, TODAY, DEFAULT_SECTIONS).notes == {}
    assert "figs" not in summary_of(journal).text()
    assert "Walked with [friend] to the figs" in summary_of(journal, {"notes"}).text()


def test_unticked_safety_plan_and_topics_leave_nothing_behind(journal, known):
    text = summary_of(journal, {"overview", "insights"}).text()
    assert "116 123" not in text and "visit" not in text
    assert "116 123" in summary_of(journal, {"safety_plan"}).text()


def test_names_hidden_show_the_relationship_only(journal, known):
    text = summary_of(journal, set(SECTIONS), "hidden").text()
    assert "Sam" not in text and "Kim" not in text and "Lee" not in text
    assert "Ask [therapist] about [friend]'s visit" in text
    assert "[friend]; my sister" in text
    treatment = summary_of(journal, {"treatment"}).section("treatment")
    assert treatment.tables[0].rows[0][1] == "therapist"


def test_names_as_initials(journal, known):
    text = summary_of(journal, set(SECTIONS), "initials").text()
    assert "Sam" not in text and "Kim" not in text
    assert "Walked with S. K. to the figs" in text
    assert "L. (therapist)" in text


def test_full_names_are_shown_as_written(journal, known):
    text = summary_of(journal, set(SECTIONS), "full").text()
    assert "Dr. Lee (therapist)" in text
    assert "Walked with Sam Kim to the figs" in text


def test_initials_and_name_matching():
    assert initials("Sam Kim") == "S. K."
    assert initials("Dr. Patel (GP)") == "P."
    from journal.domain.records import Person

    names = Names(
        [
            Person(name="Will", relationship="friend", id=1),
            Person(name="Tuesday peer group", relationship="peer_support", id=2),
        ],
        check_names("hidden"),
    )
    assert names.text("I will call Will on Tuesday") == "I will call [friend] on Tuesday"
    assert names.text("the tuesday peer group met") == "the [peer-support group] met"
    assert names.of(1) == "friend" and names.of(None) == "—"


def test_a_phq9_with_item_9_above_0_gives_a_safety_flag(journal, known):
    add_assessment(
        journal.db,
        Assessment(
            date=dt.date(2026, 3, 2),
            instrument=Instrument.PHQ9,
            answers=(1, 1, 2, 1, 0, 1, 1, 0, 1),
        ),
    )
    summary = summary_of(journal, {"questionnaires"})
    assert summary.safety_flags
    assert summary.safety_flags[0].startswith("PHQ-9 item 9 was answered above 0 on 2 Mar 2026")
    # the safety line opens page 1, once, with the day and the answer
    glance = summary.section("glance")
    assert summary.sections[0] is glance
    notices = [b for s in summary.sections for b in s.blocks if isinstance(b, Notice)]
    assert len(notices) == 1 and glance.blocks[0] is notices[0]
    assert notices[0].text == (
        "Safety: PHQ-9 item 9 (thoughts of being better off dead or of "
        "hurting oneself) was answered “several days” on 2 Mar 2026."
    )
    section = summary.section("questionnaires")
    assert "item 9 above 0" in section.tables[0].rows[0][4]
    assert "mild" in section.tables[0].rows[0][3]
    text = summary.text().lower()
    assert "depression" not in text and "disorder" not in text and "you have" not in text
    assert not summary_of(journal, {"overview"}).safety_flags


def test_scores_show_their_band_and_a_prorated_marker(journal):
    add_assessment(
        journal.db,
        Assessment(date=TODAY, instrument=Instrument.PHQ9, answers=(2, 2, 2, 2, None, 2, 2, 2, 0)),
    )
    add_assessment(
        journal.db, Assessment(date=TODAY, instrument=Instrument.WHO5, answers=(3, 3, 3, 3, 3))
    )
    add_assessment(
        journal.db,
        Assessment(
            date=TODAY - dt.timedelta(days=1), instrument=Instrument.WHO5, answers=(2, 1, 2, 1, 1)
        ),
    )
    rows = summary_of(journal, {"questionnaires"}).section("questionnaires").tables[0].rows
    phq = next(r for r in rows if r[1] == "PHQ-9")
    assert phq[2] == "16 of 27" and phq[3] == "moderately severe"
    assert phq[4] == "prorated (item 5 unanswered)"  # which item, not only how many
    who = [r for r in rows if r[1] == "WHO-5"]
    assert who[1][2] == "60% (15 of 25)" and who[1][4] == "—"
    # raw 7 of 25 = 28%: at the manual's cut-off
    assert who[0][2] == "28% (7 of 25)"
    assert who[0][4] == "at or below 28%, the WHO-5 cut-off for further assessment"


def test_an_empty_journal_says_not_enough_data_yet(journal):
    summary = summary_of(journal, set(SECTIONS))
    for key in ("charts", "insights"):
        assert summary.section(key).paragraphs[0].startswith("Not enough data yet"), key
    assert summary.glance.nothing_logged and summary.glance.mood is None
    facts = summary.section("glance").tables[0]
    assert facts.rows[0][1].startswith("Not enough data yet: nothing was logged")
    assert summary.charts == []
    assert "No questionnaires were filled in" in summary.text()
    assert "The safety plan has not been filled in yet." in summary.text()


def test_title_carries_the_range_and_the_display_name(journal):
    journal.update_settings(display_name="Alex")
    summary = summary_of(journal)
    assert summary.title == "Connection Journal summary"
    assert summary.subtitle == "Alex · 16 Feb 2026 to 15 Mar 2026 (28 days)"
    assert "Alex chose what this summary holds" in summary.intro
    assert summary.intro.endswith(
        "Sections included: Overview figures, Charts, Insights, "
        "Treatment and adherence, Questionnaire scores, Topics for my "
        "next session."
    )


def test_charts_carry_the_series_as_plain_arrays(demo_journal):
    summary = summary_of(demo_journal, {"charts"})
    timeline, rows = summary.charts  # 4 weeks: too few for a weekly care chart
    assert isinstance(timeline, TimeChart) and isinstance(rows, RowsChart)
    series = demo_journal.series(START, TODAY)
    np.testing.assert_array_equal(timeline.panels[0].series[0].values, series.mood)
    assert len(timeline.days) == 28
    assert {r.label for _t, group in rows.groups for r in group} >= {"partner", "in person"}
    (care,) = [
        c
        for c in summary_of(demo_journal, {"charts"}, start=TWELVE_WEEKS).charts
        if c.title == "Care kept, week by week"
    ]
    assert isinstance(care, TimeChart) and care.step_days == 7


def test_group_means_match_a_hand_computed_interval():
    """14 days with a mood; a friend on six of them, whose moods alternate (their lag-1
    autocorrelation is below 0, so n_eff = n and the interval is the plain t one)."""
    mood = np.array([5.0, 3, 7, 4, 5, 3, 7, 4, 6, 3, 6, 4, 3, 4, np.nan])
    counts = np.array([1, 0, 2, 0, 1, 0, 1, 0, 1, 0, 3, 0, 0, 0, 2], dtype=float)
    rare = np.r_[1.0, np.zeros(14)]
    shown, left_out = group_rows(mood, {"friend": counts, "rare": rare})
    (row,) = shown
    # mean 6, sample SD sqrt(0.8), t(0.975, 5) = 2.570582
    half = 2.570582 * math.sqrt(0.8) / math.sqrt(6)
    assert row.n == 6 and row.mean == pytest.approx(6.0)
    assert row.low == pytest.approx(6 - half, abs=1e-5)
    assert left_out == ["rare (1)"]
    # 13 days with a mood in all: no number, however large the group (the one threshold rule)
    mood[13] = np.nan
    shown, left_out = group_rows(mood, {"friend": counts, "rare": rare})
    assert shown == [] and left_out == ["friend (6)", "rare (1)"]


def test_unknown_sections_and_names_are_refused_naming_them():
    with pytest.raises(ValidationError, match="unknown section “diary”"):
        parse_sections("overview,diary")
    with pytest.raises(ValidationError):
        parse_sections(" , ")
    assert parse_sections("all") == set(SECTIONS)
    assert parse_sections("charts, notes") == {"charts", "notes"}
    with pytest.raises(ValidationError, match="hidden, initials, full"):
        check_names("nicknames")


def test_paper_follows_the_locale():
    assert paper_for_locale("en_US.UTF-8") == "Letter"
    assert paper_for_locale("fr-CA") == "Letter"
    assert paper_for_locale("en_GB.UTF-8") == "A4"
    assert paper_for_locale("C") == "A4"
    assert default_paper({"LANG": "de_DE.UTF-8", "LC_PAPER": "en_US.UTF-8"}) == "Letter"
    assert default_paper({"LC_ALL": "en_AU.UTF-8", "LC_PAPER": "en_US"}) == "A4"
    assert default_paper({}) == "A4"


def test_a_range_ending_before_it_starts_is_refused(journal):
    with pytest.raises(ValidationError, match="before its start"):
        journal.build_summary(TODAY, START)


def test_since_the_last_session(journal, known):
    assert journal.last_session_date() == TODAY - dt.timedelta(days=7)


def test_the_week_not_over_yet_is_so_far_in_the_table_and_left_out_of_the_chart(demo_journal):
    """TODAY is a Sunday: its week (from Monday 9 March) is not over."""
    summary = summary_of(demo_journal, {"charts", "treatment"}, start=TWELVE_WEEKS)
    care = summary.charts[-1]
    assert care.step_days == 7 and care.days[-1] == np.datetime64("2026-03-09")
    for series in care.panels[0].series:
        assert np.isnan(series.values[-1])  # left out: a week half done is no fall
    assert "Week by week" not in summary.text()  # the chart shows the weeks
    week_table = summary_of(demo_journal, {"treatment"}).section("treatment").tables[-1]
    assert week_table.rows[-1][0] == "9 Mar 2026 (so far)"
    assert week_table.rows[-2][0] == "2 Mar 2026"
