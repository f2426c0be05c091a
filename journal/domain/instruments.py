"""Scoring of the standard questionnaires, exactly by their published rules.

Pure functions: the stored total and band of an assessment are always recomputed here from the
answers, never taken from input. The journal reports scores and the published band names; it
never diagnoses.

Sources
- PHQ-9: Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity
  measure. J Gen Intern Med 2001;16:606-613. Bands 0-4, 5-9, 10-14, 15-19, 20-27.
  Missing answers: the PHQ scoring guidance allows a total when no more than two items are
  missing, by scaling the mean of the answered items to nine (validated by Arrieta et al., 2017).
  Item 9 (thoughts of being better off dead or of hurting oneself) is never imputed: when it is
  unanswered the safety flag cannot be cleared, so the result carries ``item9_unanswered``.
- GAD-7: Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166:1092-1097.
  Bands 0-4, 5-9, 10-14, 15-21. One missing item is prorated the same way; more is not scored.
- WHO-5: World Health Organization Regional Office for Europe, 1998 (WHO-5 Wellbeing Index).
  Raw 0-25, percentage = raw x 4. A raw score below 13 (percentage <= 50) indicates poor
  wellbeing; a percentage <= 28 is the manual's cut-off for further assessment. No proration.
- UCLA 3-item loneliness scale: Hughes ME, Waite LJ, Hawkley LC, Cacioppo JT. Res Aging
  2004;26:655-672. Items 1-3, total 3-9; 6 or more is marked "lonely" by the common convention
  (Steptoe et al., 2013). No proration.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from journal.domain.errors import ValidationError
from journal.domain.kinds import Instrument
from journal.i18n import QT_TRANSLATE_NOOP, format_number, translate


@dataclass(frozen=True, slots=True)
class InstrumentSpec:
    """The shape of one questionnaire: item count, answer range, missing answers allowed."""

    title: str
    items: int
    low: int
    high: int
    max_missing: int


#: Titles and band names are the published English words, kept as they are in the journal (a
#: band is stored with its assessment); they are marked for translation in the context the
#: check-ins page uses for published wording, and translated where they are shown.
SPECS: dict[Instrument, InstrumentSpec] = {
    Instrument.PHQ9: InstrumentSpec(QT_TRANSLATE_NOOP("questionnaires", "PHQ-9"), 9, 0, 3, 2),
    Instrument.GAD7: InstrumentSpec(QT_TRANSLATE_NOOP("questionnaires", "GAD-7"), 7, 0, 3, 1),
    Instrument.WHO5: InstrumentSpec(QT_TRANSLATE_NOOP("questionnaires", "WHO-5"), 5, 0, 5, 0),
    Instrument.UCLA3: InstrumentSpec(QT_TRANSLATE_NOOP("questionnaires", "UCLA-3"), 3, 1, 3, 0),
}

#: Flag set when PHQ-9 item 9 is answered above 0: the crisis flow must show at once.
SAFETY_FLAG = "self_harm_thoughts"
ITEM9_UNANSWERED = "item9_unanswered"
POOR_WELLBEING = "poor_wellbeing"
WELLBEING_CUTOFF = "wellbeing_below_28"
LONELY = "lonely"


@dataclass(frozen=True, slots=True)
class Score:
    """A questionnaire's result: total, published band, flags and whether it was prorated."""

    instrument: Instrument
    total: int
    band: str  # the published English name (stored); translate("questionnaires", band) to show
    flags: frozenset[str]
    prorated: bool
    percentage: int | None = None


def _band(total: int, bands: Sequence[tuple[int, str]]) -> str:
    """The name of the last band whose lower edge ``total`` reaches."""
    name = bands[0][1]
    for low, band_name in bands:
        if total >= low:
            name = band_name
    return name


_PHQ9_BANDS = (
    (0, QT_TRANSLATE_NOOP("questionnaires", "minimal")),
    (5, QT_TRANSLATE_NOOP("questionnaires", "mild")),
    (10, QT_TRANSLATE_NOOP("questionnaires", "moderate")),
    (15, QT_TRANSLATE_NOOP("questionnaires", "moderately severe")),
    (20, QT_TRANSLATE_NOOP("questionnaires", "severe")),
)
_GAD7_BANDS = (
    (0, QT_TRANSLATE_NOOP("questionnaires", "minimal")),
    (5, QT_TRANSLATE_NOOP("questionnaires", "mild")),
    (10, QT_TRANSLATE_NOOP("questionnaires", "moderate")),
    (15, QT_TRANSLATE_NOOP("questionnaires", "severe")),
)


def check_answers(instrument: Instrument, answers: Sequence[int | None]) -> list[int | None]:
    """Validate the count and range of answers (``None`` = unanswered)."""
    spec = SPECS[instrument]
    title = translate("questionnaires", spec.title)
    if isinstance(answers, str | bytes) or not isinstance(answers, Sequence):
        raise ValidationError(
            "answers", translate("validation", "{title} answers must be a list").format(title=title)
        )
    if len(answers) != spec.items:
        raise ValidationError(
            "answers",
            translate("validation", "{title} needs {needed} answers, got {given}").format(
                title=title,
                needed=format_number(spec.items, 0),
                given=format_number(len(answers), 0),
            ),
        )
    checked: list[int | None] = []
    for number, answer in enumerate(answers, start=1):
        if answer is None:
            checked.append(None)
            continue
        if isinstance(answer, bool) or not isinstance(answer, int):
            raise ValidationError(
                "answers",
                translate("validation", "{title} answer {number} must be a number").format(
                    title=title, number=format_number(number, 0)
                ),
            )
        if not spec.low <= answer <= spec.high:
            raise ValidationError(
                "answers",
                translate(
                    "validation", "{title} answer {number} must be between {low} and {high}"
                ).format(
                    title=title,
                    number=format_number(number, 0),
                    low=format_number(spec.low, 0),
                    high=format_number(spec.high, 0),
                ),
            )
        checked.append(answer)
    missing = sum(answer is None for answer in checked)
    if missing > spec.max_missing:
        if spec.max_missing == 0:
            message = translate("validation", "{title} can be scored with no unanswered items")
        else:
            message = translate(
                "validation", "{title} can be scored with at most {allowed} unanswered items"
            )
        raise ValidationError(
            "answers", message.format(title=title, allowed=format_number(spec.max_missing, 0))
        )
    return checked


def _total(answers: Sequence[int | None], items: int) -> tuple[int, bool]:
    """Sum, prorated to the full item count when some are missing (round half up)."""
    given = [a for a in answers if a is not None]
    if len(given) == items:
        return sum(given), False
    return int(sum(given) * items / len(given) + 0.5), True


def score(instrument: Instrument | str, answers: Sequence[int | None]) -> Score:
    """Score a questionnaire by its published rules; raises ``ValidationError`` on bad answers."""
    try:
        instrument = Instrument(instrument)
    except ValueError:
        raise ValidationError(
            "instrument",
            translate("validation", "instrument must be one of: phq9, gad7, who5, ucla3"),
        ) from None
    checked = check_answers(instrument, answers)
    spec = SPECS[instrument]
    total, prorated = _total(checked, spec.items)
    flags: set[str] = set()
    percentage = None
    if instrument is Instrument.PHQ9:
        band = _band(total, _PHQ9_BANDS)
        item9 = checked[8]
        if item9 is None:
            flags.add(ITEM9_UNANSWERED)
        elif item9 > 0:
            flags.add(SAFETY_FLAG)
    elif instrument is Instrument.GAD7:
        band = _band(total, _GAD7_BANDS)
    elif instrument is Instrument.WHO5:
        percentage = total * 4
        band = (
            QT_TRANSLATE_NOOP("questionnaires", "poor wellbeing")
            if percentage <= 50
            else QT_TRANSLATE_NOOP("questionnaires", "not below the cut-off")
        )
        if percentage <= 50:
            flags.add(POOR_WELLBEING)
        if percentage <= 28:
            flags.add(WELLBEING_CUTOFF)
    else:
        band = (
            QT_TRANSLATE_NOOP("questionnaires", "lonely")
            if total >= 6
            else QT_TRANSLATE_NOOP("questionnaires", "not lonely")
        )
        if total >= 6:
            flags.add(LONELY)
    return Score(instrument, total, band, frozenset(flags), prorated, percentage)
