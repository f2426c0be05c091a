"""Page 1 of the summary and its insights, as data: the published markers from the first and
latest scores, the safety line, finished weeks only, the third person, one disclaimer."""

import datetime as dt
import re

import numpy as np
import pytest

from journal.domain.kinds import Instrument
from journal.domain.records import Assessment, Person
from journal.domain.sections import DEFAULT_SECTIONS, SECTIONS
from journal.report.summary.blocks import Bullets, Notice
from journal.report.summary.glance_blocks import scores_table
from journal.report.summary.names import Names, NameStyle
from journal.store.assessments import add_assessment
from tests.helpers import TODAY

START = TODAY - dt.timedelta(days=27)
PHQ = {
    14: (2, 2, 2, 2, 2, 2, 1, 1, 0),
    20: (3, 3, 3, 3, 2, 2, 2, 2, 0),
    7: (1, 1, 1, 1, 1, 1, 1, 0, 0),
    8: (1, 1, 1, 1, 1, 1, 1, 1, 0),
    4: (1, 1, 1, 1, 0, 0, 0, 0, 0),
}
GAD = {10: (2, 2, 2, 1, 1, 1, 1), 4: (1, 1, 1, 1, 0, 0, 0), 6: (1, 1, 1, 1, 1, 1, 0)}


def take(journal, days_ago, instrument, answers):
    add_assessment(
        journal.db,
        Assessment(
            date=TODAY - dt.timedelta(days=days_ago), instrument=instrument, answers=answers
        ),
    )


def glance_of(journal, sections=DEFAULT_SECTIONS, start=START):
    return journal.build_summary(start, TODAY, sections).glance


def by_instrument(glance):
    return {s.instrument: s for s in glance.scores}


def test_response_and_remission_come_from_the_first_and_latest_scores(journal):
    # PHQ-9 14 → (a peak of 20 between) → 7: a fall of exactly 50%, still 5 or more
    take(journal, 25, Instrument.PHQ9, PHQ[14])
    take(journal, 12, Instrument.PHQ9, PHQ[20])
    take(journal, 1, Instrument.PHQ9, PHQ[7])
    # GAD-7 10 → 4: both markers; a score before the range does not count
    take(journal, 40, Instrument.GAD7, GAD[4])
    take(journal, 20, Instrument.GAD7, GAD[10])
    take(journal, 2, Instrument.GAD7, GAD[4])
    scores = by_instrument(glance_of(journal, {"questionnaires"}))
    phq, gad = scores[Instrument.PHQ9], scores[Instrument.GAD7]
    assert (phq.first, phq.latest, phq.change, phq.times) == (14, 7, -7, 3)
    assert phq.first_date == TODAY - dt.timedelta(days=25)
    assert phq.latest_date == TODAY - dt.timedelta(days=1)
    assert phq.response is True and phq.remission is False
    assert (gad.first, gad.latest, gad.times) == (10, 4, 2)
    assert gad.response is True and gad.remission is True
    table = scores_table((phq, gad))
    assert table.header[5:] == ("Response", "Remission")
    assert table.rows[0][1:] == (
        "14 on 18 Feb",
        "7 on 14 Mar",
        "−7",
        "mild",
        "reached",
        "not reached",
    )
    assert table.rows[1][5:] == ("reached", "reached")


def test_a_fall_under_half_is_not_a_response_and_one_score_cannot_be(journal):
    take(journal, 20, Instrument.PHQ9, PHQ[14])
    take(journal, 3, Instrument.PHQ9, PHQ[8])  # 14 → 8: 43% down
    take(journal, 3, Instrument.GAD7, GAD[4])  # a single score
    take(journal, 3, Instrument.WHO5, (3, 3, 3, 3, 3))
    scores = by_instrument(glance_of(journal, {"questionnaires"}))
    assert scores[Instrument.PHQ9].response is False
    assert scores[Instrument.GAD7].response is None  # nothing to fall from
    assert scores[Instrument.GAD7].remission is True  # the latest is under 5
    assert scores[Instrument.WHO5].response is None and scores[Instrument.WHO5].percent
    rows = {r[0]: r for r in scores_table(tuple(scores.values())).rows}
    assert rows["PHQ-9"][5:] == ("not reached", "not reached")
    assert rows["GAD-7"][2:6] == ("—", "—", "minimal", "needs a second score")
    assert rows["WHO-5"][1] == "60% on 12 Mar" and rows["WHO-5"][5:] == ("—", "—")


def test_the_safety_line_opens_page_1_only_with_the_questionnaires(journal):
    take(journal, 9, Instrument.PHQ9, (1, 1, 2, 1, 0, 1, 1, 0, 2))
    take(journal, 2, Instrument.PHQ9, PHQ[4])
    summary = journal.build_summary(START, TODAY, DEFAULT_SECTIONS)
    (line,) = summary.glance.safety
    assert (line.date, line.answer) == (TODAY - dt.timedelta(days=9), 2)
    first = summary.sections[0]
    assert first.key == "glance" and isinstance(first.blocks[0], Notice)
    assert first.blocks[0].text.startswith("Safety: PHQ-9 item 9")
    assert "“more than half the days” on 6 Mar 2026" in first.blocks[0].text
    left_out = journal.build_summary(START, TODAY, DEFAULT_SECTIONS - {"questionnaires"})
    assert left_out.glance.safety == () and "Safety" not in left_out.text()


def test_doses_and_commitments_count_the_finished_weeks_only(demo_journal):
    """TODAY is a Sunday, so its week (from Monday 9 March) is not over."""
    glance = glance_of(demo_journal)
    a = demo_journal.weekly_adherence(START, TODAY)
    assert a.so_far[-1] and not a.so_far[:-1].any()
    assert glance.doses.so_far == dt.date(2026, 3, 9)
    assert glance.doses.done == a.doses_taken[:-1].sum()
    assert glance.doses.due == a.doses_scheduled[:-1].sum()
    assert glance.commitments.done == a.commitments_done[:-1].sum()
    assert glance.commitments.due == a.commitments_target[:-1].sum() < a.commitments_target.sum()
    text = demo_journal.build_summary(START, TODAY).section("glance").tables[-1].rows
    kept = dict(text)["Commitments kept"]
    assert kept.endswith("in 3 finished weeks; the week from 9 Mar (not over) left out")


def test_mood_in_the_first_and_last_fortnight(demo_journal):
    first, last = glance_of(demo_journal).mood
    mood = demo_journal.series(START, TODAY).mood
    assert (first.start, first.end) == (START, START + dt.timedelta(days=13))
    assert (last.start, last.end) == (TODAY - dt.timedelta(days=13), TODAY)
    assert first.mean == pytest.approx(np.nanmean(mood[:14]))
    assert last.mean == pytest.approx(np.nanmean(mood[14:]))


def _own_words(summary):
    """The person's own words (notes, safety plan, topics), which keep their own voice."""
    own = {t for t in summary.glance.topics or ()}
    for key in ("notes", "safety_plan"):
        section = summary.section(key)
        if section:
            own.update(_text for b in section.blocks for _label, _text in getattr(b, "items", ()))
    return own


@pytest.mark.parametrize("days", [28, 120])
def test_the_summary_speaks_about_the_person_and_says_each_caveat_once(demo_journal, days):
    start = TODAY - dt.timedelta(days=days - 1)
    summary = demo_journal.build_summary(start, TODAY, set(SECTIONS))
    own = _own_words(summary)
    lines = [line for line in summary.text().split("\n") if line not in own]
    spoken_to = [line for line in lines if re.search(r"\b(you|your|yours)\b", line, re.I)]
    assert not spoken_to
    text = summary.text()
    assert text.count("not proof of cause") == 1
    assert text.lower().count("early signal") == (1 if days < 30 else 0)
    insights = summary.section("insights")
    report = demo_journal.insights(start, TODAY)
    clear = [f for f in (*report.associations.values(), *report.comparisons.values()) if f.clear]
    (findings,) = [b for b in insights.blocks if isinstance(b, Bullets)][:1] or [Bullets(())]
    if clear:
        assert 1 <= len(findings.items) <= len(clear)
        assert all(
            item.startswith(("Mood was", "More ", "A higher mood")) for item in findings.items
        )
    assert not [
        item
        for b in insights.blocks
        if isinstance(b, Bullets)
        for item in b.items
        if "no clear" in item.lower()
    ]


def test_four_months_state_clear_findings_about_the_person(demo_journal):
    start = TODAY - dt.timedelta(days=119)
    insights = demo_journal.build_summary(start, TODAY, {"insights"}).section("insights")
    stated = insights.blocks[0].items
    assert any(
        item.startswith("Mood was higher on days with") or " mood" in item for item in stated
    )
    assert "Holm's method" in insights.paragraphs[-1]


def test_no_doubled_relationship_when_the_person_wrote_it_beside_the_name():
    people = [
        Person(name="Dr. Lee", relationship="therapist", id=1),
        Person(name="Dr. Patel (GP)", relationship="clinician", id=2),
    ]
    words = "Call Dr. Lee (therapist) or Dr. Patel (GP)"
    assert Names(people, NameStyle.HIDDEN).text(words) == "Call [therapist] or [clinician]"
    assert Names(people, NameStyle.INITIALS).text(words) == "Call L. (therapist) or P."
    full = Names(people, NameStyle.FULL)
    assert full.of(1) == "Dr. Lee (therapist)" and full.of(2) == "Dr. Patel (GP, clinician)"


def test_a_few_days_give_one_mean_and_no_rate_a_week(demo_journal):
    start = TODAY - dt.timedelta(days=4)
    summary = demo_journal.build_summary(start, TODAY, {"overview"})
    facts = dict(summary.section("glance").tables[0].rows)
    mood = demo_journal.series(start, TODAY).mood
    assert facts["Mood (0–10), mean"] == (
        f"{np.nanmean(mood):.1f} over 5 days ({int((~np.isnan(mood)).sum())} check-ins)"
    )
    assert " in 5 days, " in facts["Contacts"] and "a week" not in facts["Contacts"]
