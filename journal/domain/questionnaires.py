"""The four questionnaires as they are published: instructions, items, answers, credits, bands.

The wording is the published English wording, kept here once so the check-ins page, the
therapist summary and the tests all show the same text. Each piece is marked for translation
in the context ``questionnaires``, the one the check-ins page translates published wording in
(``tr_published``): only official translations of these instruments should be filled in.
Scoring lives in ``instruments``; the bands listed here are the same published cut-offs,
written as ranges of the total so a chart can draw them
(``tests/domain/test_questionnaires.py`` checks that they agree).

Sources
- PHQ-9 and GAD-7: the PHQ screeners (phqscreeners.com), "Developed by Drs. Robert L. Spitzer,
  Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc.
  No permission required to reproduce, translate, display or distribute."
- WHO-5: World Health Organization Regional Office for Europe, 1998 (Wellbeing Measures in
  Primary Health Care / the DepCare project); developed at the Psychiatric Research Unit,
  Mental Health Centre North Zealand, Hillerød, Denmark.
- UCLA 3-item loneliness scale: Hughes ME, Waite LJ, Hawkley LC, Cacioppo JT. A short scale for
  measuring loneliness in large surveys. Research on Aging 2004;26:655-672.
"""

from __future__ import annotations

from dataclasses import dataclass

from journal.domain.instruments import SPECS
from journal.domain.kinds import Instrument
from journal.i18n import QT_TRANSLATE_NOOP, format_number, translate


@dataclass(frozen=True, slots=True)
class AnswerOption:
    """One published answer and the points it scores."""

    value: int
    label: str

    @property
    def text(self) -> str:
        """The answer with its points, as the form shows it: "Several days (1)"."""
        return translate("questionnaires", "{answer} ({points})").format(
            answer=translate("questionnaires", self.label), points=format_number(self.value, 0)
        )


@dataclass(frozen=True, slots=True)
class Band:
    """A published band of totals, ``low``..``high`` inclusive."""

    low: int
    high: int
    name: str

    def __contains__(self, total: object) -> bool:
        return isinstance(total, int) and self.low <= total <= self.high


@dataclass(frozen=True, slots=True)
class Questionnaire:
    """A questionnaire as published. ``safety_item`` is the 0-based index of an item whose
    answer above 0 starts the crisis flow (PHQ-9 item 9), or ``None``."""

    instrument: Instrument
    title: str
    name: str
    instructions: str
    time_frame: str
    items: tuple[str, ...]
    options: tuple[AnswerOption, ...]
    credit: str
    bands: tuple[Band, ...]
    safety_item: int | None = None

    @property
    def lowest(self) -> int:
        return SPECS[self.instrument].low * len(self.items)

    @property
    def highest(self) -> int:
        return SPECS[self.instrument].high * len(self.items)

    def option(self, value: int) -> AnswerOption | None:
        """The answer scoring ``value`` points, or ``None`` when there is none."""
        return next((o for o in self.options if o.value == value), None)

    def band_of(self, total: int) -> Band:
        for band in self.bands:
            if total in band:
                return band
        raise ValueError(f"{self.title} total {total} is outside {self.lowest}..{self.highest}")


_PHQ_OPTIONS = (
    AnswerOption(0, QT_TRANSLATE_NOOP("questionnaires", "Not at all")),
    AnswerOption(1, QT_TRANSLATE_NOOP("questionnaires", "Several days")),
    AnswerOption(2, QT_TRANSLATE_NOOP("questionnaires", "More than half the days")),
    AnswerOption(3, QT_TRANSLATE_NOOP("questionnaires", "Nearly every day")),
)

_PHQ_CREDIT = QT_TRANSLATE_NOOP(
    "questionnaires",
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
    "with an educational grant from Pfizer Inc. No permission required to reproduce, "
    "translate, display or distribute.",
)

PHQ9 = Questionnaire(
    instrument=Instrument.PHQ9,
    title=QT_TRANSLATE_NOOP("questionnaires", "PHQ-9"),
    name=QT_TRANSLATE_NOOP("questionnaires", "Patient Health Questionnaire (PHQ-9)"),
    instructions=QT_TRANSLATE_NOOP(
        "questionnaires",
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    ),
    time_frame=QT_TRANSLATE_NOOP("questionnaires", "over the last 2 weeks"),
    items=(
        QT_TRANSLATE_NOOP("questionnaires", "Little interest or pleasure in doing things"),
        QT_TRANSLATE_NOOP("questionnaires", "Feeling down, depressed, or hopeless"),
        QT_TRANSLATE_NOOP(
            "questionnaires", "Trouble falling or staying asleep, or sleeping too much"
        ),
        QT_TRANSLATE_NOOP("questionnaires", "Feeling tired or having little energy"),
        QT_TRANSLATE_NOOP("questionnaires", "Poor appetite or overeating"),
        QT_TRANSLATE_NOOP(
            "questionnaires",
            "Feeling bad about yourself — or that you are a failure or have let "
            "yourself or your family down",
        ),
        QT_TRANSLATE_NOOP(
            "questionnaires",
            "Trouble concentrating on things, such as reading the newspaper or watching television",
        ),
        QT_TRANSLATE_NOOP(
            "questionnaires",
            "Moving or speaking so slowly that other people could have noticed? "
            "Or the opposite — being so fidgety or restless that you have been "
            "moving around a lot more than usual",
        ),
        QT_TRANSLATE_NOOP(
            "questionnaires",
            "Thoughts that you would be better off dead or of hurting yourself in some way",
        ),
    ),
    options=_PHQ_OPTIONS,
    credit=_PHQ_CREDIT,
    bands=(
        Band(0, 4, QT_TRANSLATE_NOOP("questionnaires", "minimal")),
        Band(5, 9, QT_TRANSLATE_NOOP("questionnaires", "mild")),
        Band(10, 14, QT_TRANSLATE_NOOP("questionnaires", "moderate")),
        Band(15, 19, QT_TRANSLATE_NOOP("questionnaires", "moderately severe")),
        Band(20, 27, QT_TRANSLATE_NOOP("questionnaires", "severe")),
    ),
    safety_item=8,
)

GAD7 = Questionnaire(
    instrument=Instrument.GAD7,
    title=QT_TRANSLATE_NOOP("questionnaires", "GAD-7"),
    name=QT_TRANSLATE_NOOP("questionnaires", "GAD-7"),
    instructions=QT_TRANSLATE_NOOP(
        "questionnaires",
        "Over the last 2 weeks, how often have you been bothered by the following problems?",
    ),
    time_frame=QT_TRANSLATE_NOOP("questionnaires", "over the last 2 weeks"),
    items=(
        QT_TRANSLATE_NOOP("questionnaires", "Feeling nervous, anxious, or on edge"),
        QT_TRANSLATE_NOOP("questionnaires", "Not being able to stop or control worrying"),
        QT_TRANSLATE_NOOP("questionnaires", "Worrying too much about different things"),
        QT_TRANSLATE_NOOP("questionnaires", "Trouble relaxing"),
        QT_TRANSLATE_NOOP("questionnaires", "Being so restless that it is hard to sit still"),
        QT_TRANSLATE_NOOP("questionnaires", "Becoming easily annoyed or irritable"),
        QT_TRANSLATE_NOOP("questionnaires", "Feeling afraid, as if something awful might happen"),
    ),
    options=_PHQ_OPTIONS,
    credit=_PHQ_CREDIT,
    bands=(
        Band(0, 4, QT_TRANSLATE_NOOP("questionnaires", "minimal")),
        Band(5, 9, QT_TRANSLATE_NOOP("questionnaires", "mild")),
        Band(10, 14, QT_TRANSLATE_NOOP("questionnaires", "moderate")),
        Band(15, 21, QT_TRANSLATE_NOOP("questionnaires", "severe")),
    ),
)

WHO5 = Questionnaire(
    instrument=Instrument.WHO5,
    title=QT_TRANSLATE_NOOP("questionnaires", "WHO-5"),
    name=QT_TRANSLATE_NOOP("questionnaires", "WHO-5 Well-Being Index"),
    instructions=QT_TRANSLATE_NOOP(
        "questionnaires",
        "Please indicate for each of the five statements which is closest to how you have "
        "been feeling over the last two weeks.",
    ),
    time_frame=QT_TRANSLATE_NOOP("questionnaires", "over the last two weeks"),
    items=(
        QT_TRANSLATE_NOOP("questionnaires", "I have felt cheerful and in good spirits"),
        QT_TRANSLATE_NOOP("questionnaires", "I have felt calm and relaxed"),
        QT_TRANSLATE_NOOP("questionnaires", "I have felt active and vigorous"),
        QT_TRANSLATE_NOOP("questionnaires", "I woke up feeling fresh and rested"),
        QT_TRANSLATE_NOOP(
            "questionnaires", "My daily life has been filled with things that interest me"
        ),
    ),
    # In the published order: the highest-scoring answer first.
    options=(
        AnswerOption(5, QT_TRANSLATE_NOOP("questionnaires", "All of the time")),
        AnswerOption(4, QT_TRANSLATE_NOOP("questionnaires", "Most of the time")),
        AnswerOption(3, QT_TRANSLATE_NOOP("questionnaires", "More than half of the time")),
        AnswerOption(2, QT_TRANSLATE_NOOP("questionnaires", "Less than half of the time")),
        AnswerOption(1, QT_TRANSLATE_NOOP("questionnaires", "Some of the time")),
        AnswerOption(0, QT_TRANSLATE_NOOP("questionnaires", "At no time")),
    ),
    credit=QT_TRANSLATE_NOOP(
        "questionnaires",
        "WHO-5 Well-Being Index: World Health Organization Regional Office for Europe, 1998 "
        "(Psychiatric Research Unit, Mental Health Centre North Zealand, Denmark).",
    ),
    # Raw 0-25; a raw score below 13 (50% or less) is the published "poor wellbeing" cut-off.
    bands=(
        Band(0, 12, QT_TRANSLATE_NOOP("questionnaires", "poor wellbeing")),
        Band(13, 25, QT_TRANSLATE_NOOP("questionnaires", "not below the cut-off")),
    ),
)

UCLA3 = Questionnaire(
    instrument=Instrument.UCLA3,
    title=QT_TRANSLATE_NOOP("questionnaires", "UCLA-3"),
    name=QT_TRANSLATE_NOOP("questionnaires", "UCLA 3-item Loneliness Scale"),
    instructions=QT_TRANSLATE_NOOP(
        "questionnaires",
        "The next questions are about how you feel about different aspects of your life. For "
        "each one, tell me how often you feel that way.",
    ),
    time_frame=QT_TRANSLATE_NOOP("questionnaires", "how often you feel that way"),
    items=(
        QT_TRANSLATE_NOOP("questionnaires", "How often do you feel that you lack companionship?"),
        QT_TRANSLATE_NOOP("questionnaires", "How often do you feel left out?"),
        QT_TRANSLATE_NOOP("questionnaires", "How often do you feel isolated from others?"),
    ),
    options=(
        AnswerOption(1, QT_TRANSLATE_NOOP("questionnaires", "Hardly ever")),
        AnswerOption(2, QT_TRANSLATE_NOOP("questionnaires", "Some of the time")),
        AnswerOption(3, QT_TRANSLATE_NOOP("questionnaires", "Often")),
    ),
    credit=QT_TRANSLATE_NOOP(
        "questionnaires",
        "UCLA 3-item Loneliness Scale: Hughes, Waite, Hawkley & Cacioppo, 2004 (Research on "
        "Aging 26:655-672).",
    ),
    bands=(
        Band(3, 5, QT_TRANSLATE_NOOP("questionnaires", "not lonely")),
        Band(6, 9, QT_TRANSLATE_NOOP("questionnaires", "lonely")),
    ),
)

QUESTIONNAIRES: dict[Instrument, Questionnaire] = {
    q.instrument: q for q in (PHQ9, GAD7, WHO5, UCLA3)
}


def questionnaire(instrument: Instrument | str) -> Questionnaire:
    return QUESTIONNAIRES[Instrument(instrument)]


def score_line(instrument: Instrument | str, total: int, band: str) -> str:
    """A result as the journal reports it, score and published band name only:
    "PHQ-9: 11 — moderate" (WHO-5 adds its percentage)."""
    q = questionnaire(instrument)
    title = translate("questionnaires", q.title)
    shown = translate("questionnaires", band)
    if q.instrument is Instrument.WHO5:
        return translate("questionnaires", "{title}: {total} ({percent}%) — {band}").format(
            title=title,
            total=format_number(total, 0),
            percent=format_number(total * 4, 0),
            band=shown,
        )
    return translate("questionnaires", "{title}: {total} — {band}").format(
        title=title, total=format_number(total, 0), band=shown
    )
