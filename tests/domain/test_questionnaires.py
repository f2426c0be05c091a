"""The published wording, answers, credits and bands of the four questionnaires."""

import pytest

from journal.domain.instruments import SPECS, score
from journal.domain.kinds import Instrument
from journal.domain.questionnaires import GAD7, PHQ9, QUESTIONNAIRES, UCLA3, WHO5, score_line


def test_every_instrument_has_its_questionnaire():
    assert set(QUESTIONNAIRES) == set(Instrument)


@pytest.mark.parametrize("instrument", list(Instrument))
def test_item_count_and_answer_values_follow_the_scoring_spec(instrument):
    q, spec = QUESTIONNAIRES[instrument], SPECS[instrument]
    assert len(q.items) == spec.items
    assert sorted(o.value for o in q.options) == list(range(spec.low, spec.high + 1))
    assert q.title == spec.title


@pytest.mark.parametrize("instrument", list(Instrument))
def test_bands_cover_every_total_once_and_agree_with_the_scoring(instrument):
    q, spec = QUESTIONNAIRES[instrument], SPECS[instrument]
    assert q.bands[0].low == q.lowest and q.bands[-1].high == q.highest
    for before, after in zip(q.bands, q.bands[1:], strict=False):
        assert after.low == before.high + 1
    for total in range(q.lowest, q.highest + 1):
        # answers that add up to ``total``: fill items with the highest answer first
        answers, left = [], total - spec.low * spec.items
        for _ in range(spec.items):
            extra = min(left, spec.high - spec.low)
            answers.append(spec.low + extra)
            left -= extra
        result = score(instrument, answers)
        assert result.total == total
        assert q.band_of(total).name == result.band


def test_phq9_wording_time_frame_and_answers():
    assert PHQ9.instructions == (
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    )
    assert PHQ9.items[0] == "Little interest or pleasure in doing things"
    assert PHQ9.items[8] == (
        "Thoughts that you would be better off dead or of hurting yourself in some way"
    )
    assert PHQ9.safety_item == 8
    assert [o.text for o in PHQ9.options] == [
        "Not at all (0)",
        "Several days (1)",
        "More than half the days (2)",
        "Nearly every day (3)",
    ]


def test_gad7_wording():
    assert GAD7.time_frame == "over the last 2 weeks"
    assert GAD7.items[0] == "Feeling nervous, anxious, or on edge"
    assert GAD7.items[6] == "Feeling afraid, as if something awful might happen"
    assert GAD7.safety_item is None


def test_who5_wording_and_published_answer_order():
    assert "over the last two weeks" in WHO5.instructions
    assert WHO5.items[0] == "I have felt cheerful and in good spirits"
    assert [o.value for o in WHO5.options] == [5, 4, 3, 2, 1, 0]
    assert WHO5.options[0].text == "All of the time (5)"
    assert WHO5.options[-1].text == "At no time (0)"


def test_ucla3_wording_and_answers():
    assert UCLA3.items == (
        "How often do you feel that you lack companionship?",
        "How often do you feel left out?",
        "How often do you feel isolated from others?",
    )
    assert [o.text for o in UCLA3.options] == [
        "Hardly ever (1)",
        "Some of the time (2)",
        "Often (3)",
    ]


def test_sources_are_credited():
    for q in (PHQ9, GAD7):
        assert "Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke" in q.credit
        assert "educational grant from Pfizer Inc." in q.credit
    assert "World Health Organization Regional Office for Europe, 1998" in WHO5.credit
    assert "Mental Health Centre North Zealand" in WHO5.credit
    assert "Hughes, Waite, Hawkley & Cacioppo, 2004" in UCLA3.credit


def test_score_line_reports_the_score_and_the_band_name_only():
    assert score_line("phq9", 11, "moderate") == "PHQ-9: 11 — moderate"
    assert score_line(Instrument.WHO5, 14, "not below the cut-off") == (
        "WHO-5: 14 (56%) — not below the cut-off"
    )


def test_option_lookup():
    assert PHQ9.option(2).label == "More than half the days"
    assert PHQ9.option(4) is None
