"""Each published scoring rule, with the edges of every band."""

import pytest

from journal.domain.errors import ValidationError
from journal.domain.instruments import (
    ITEM9_UNANSWERED,
    LONELY,
    POOR_WELLBEING,
    SAFETY_FLAG,
    WELLBEING_CUTOFF,
    score,
)


def _phq(total: int, item9: int = 0) -> list[int]:
    """Nine answers summing to ``total`` with item 9 as given."""
    answers, rest = [0] * 9, total - item9
    answers[8] = item9
    for i in range(8):
        answers[i] = min(3, rest)
        rest -= answers[i]
    assert rest == 0
    return answers


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (24, "severe"),
    ],
)
def test_phq9_bands(total: int, band: str) -> None:
    result = score("phq9", _phq(total))
    assert (result.total, result.band, result.prorated) == (total, band, False)
    assert SAFETY_FLAG not in result.flags


def test_phq9_maximum() -> None:
    assert score("phq9", [3] * 9).total == 27


def test_phq9_item9_alone_sets_the_safety_flag() -> None:
    result = score("phq9", [0, 0, 0, 0, 0, 0, 0, 0, 1])
    assert result.total == 1 and result.band == "minimal"
    assert SAFETY_FLAG in result.flags


def test_phq9_prorates_up_to_two_missing() -> None:
    result = score("phq9", [2, 2, 2, 2, 2, 2, 2, None, 0])
    # eight answered items sum to 14; 14 / 8 * 9 = 15.75, rounded half up to 16
    assert result.prorated and result.total == 16
    assert result.band == "moderately severe"


def test_phq9_prorated_value_by_hand() -> None:
    result = score("phq9", [3, 3, 3, 3, 3, 3, None, None, 0])
    assert result.prorated
    assert result.total == round(18 * 9 / 7)  # 23.14 -> 23


def test_phq9_three_missing_is_not_scored() -> None:
    with pytest.raises(ValidationError, match="at most 2 unanswered"):
        score("phq9", [1, 1, 1, 1, 1, 1, None, None, None])


def test_phq9_item9_is_never_imputed() -> None:
    result = score("phq9", [3, 3, 3, 3, 3, 3, 3, 3, None])
    assert ITEM9_UNANSWERED in result.flags and SAFETY_FLAG not in result.flags


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "severe"),
        (21, "severe"),
    ],
)
def test_gad7_bands(total: int, band: str) -> None:
    answers, rest = [], total
    for _ in range(7):
        answers.append(min(3, rest))
        rest -= answers[-1]
    assert score("gad7", answers).band == band


def test_gad7_one_missing_prorated_two_refused() -> None:
    assert score("gad7", [2, 2, 2, 2, 2, 2, None]).total == 14
    with pytest.raises(ValidationError):
        score("gad7", [2, 2, 2, 2, 2, None, None])


@pytest.mark.parametrize(
    ("answers", "pct", "flags"),
    [
        ([5, 5, 5, 5, 5], 100, set()),
        ([3, 3, 3, 2, 2], 52, set()),
        ([3, 3, 2, 2, 2], 48, {POOR_WELLBEING}),
        ([2, 2, 1, 1, 1], 28, {POOR_WELLBEING, WELLBEING_CUTOFF}),
        ([2, 2, 2, 1, 1], 32, {POOR_WELLBEING}),
        ([0, 0, 0, 0, 0], 0, {POOR_WELLBEING, WELLBEING_CUTOFF}),
    ],
)
def test_who5_percentage_and_cutoffs(answers: list[int], pct: int, flags: set[str]) -> None:
    result = score("who5", answers)
    assert result.percentage == pct == result.total * 4
    assert set(result.flags) == flags


def test_who5_takes_no_missing_answers() -> None:
    with pytest.raises(ValidationError):
        score("who5", [5, 5, 5, 5, None])


@pytest.mark.parametrize(
    ("answers", "band"),
    [
        ([1, 1, 1], "not lonely"),
        ([2, 2, 1], "not lonely"),
        ([2, 2, 2], "lonely"),
        ([3, 3, 3], "lonely"),
    ],
)
def test_ucla3_convention(answers: list[int], band: str) -> None:
    result = score("ucla3", answers)
    assert result.band == band
    assert (LONELY in result.flags) == (band == "lonely")


@pytest.mark.parametrize(
    ("instrument", "answers", "message"),
    [
        ("phq9", [0] * 8, "needs 9 answers, got 8"),
        ("phq9", [0] * 8 + [4], "answer 9 must be between 0 and 3"),
        ("gad7", [0] * 6 + [-1], "answer 7 must be between 0 and 3"),
        ("who5", [6, 0, 0, 0, 0], "answer 1 must be between 0 and 5"),
        ("ucla3", [0, 1, 1], "answer 1 must be between 1 and 3"),
        ("ucla3", "123", "must be a list"),
        ("ucla3", [1, True, 1], "answer 2 must be a number"),
        ("bdi", [1], "instrument must be one of"),
    ],
)
def test_bad_answers_raise_validation_error(instrument: str, answers: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        score(instrument, answers)  # type: ignore[arg-type]
