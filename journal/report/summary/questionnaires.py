"""The summary's questionnaire history: every score of the range with its published band, a
chart of the scores over time when there are enough, and the safety flags.

Scores are reported with their published band names, never as a diagnosis. A PHQ-9 whose
item 9 was answered above 0 gives a safety flag, stated plainly with its date.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from journal.domain.instruments import (
    ITEM9_UNANSWERED,
    SAFETY_FLAG,
    SPECS,
    WELLBEING_CUTOFF,
    score,
)
from journal.domain.kinds import Instrument
from journal.domain.records import Assessment
from journal.i18n import QT_TRANSLATE_NOOP, translate
from journal.report.summary.blocks import (
    MAX_ROWS,
    Block,
    Heading,
    Panel,
    Paragraph,
    Section,
    Series,
    Table,
    TimeChart,
    section_title,
)
from journal.report.summary.charts import date_ticks
from journal.report.summary.inputs import SummaryInputs
from journal.report.summary.names import Names
from journal.report.summary.words import day, instrument_title, of, whole

#: PHQ-9 answers as published, for the safety flag's wording (lower case inside a sentence;
#: the check-ins page shows them capitalised in the context ``questionnaires``).
PHQ_ANSWERS = (
    QT_TRANSLATE_NOOP("summary", "not at all"),
    QT_TRANSLATE_NOOP("summary", "several days"),
    QT_TRANSLATE_NOOP("summary", "more than half the days"),
    QT_TRANSLATE_NOOP("summary", "nearly every day"),
)
#: Fewest scores of one questionnaire for the chart of scores over time.
CHART_SCORES = 4
#: Beside that chart, a history longer than this lists only the scores with a note.
CHARTED_ROWS = 12
#: Each questionnaire's axis: lowest, highest and the published band edges as ticks.
_SCORE_AXES = {
    Instrument.PHQ9: (0, 27, (0, 5, 10, 15, 20, 27)),
    Instrument.GAD7: (0, 21, (0, 5, 10, 15, 21)),
    Instrument.WHO5: (0, 100, (28, 50, 100)),
    Instrument.UCLA3: (3, 9, (3, 6, 9)),
}
_SCORE_STYLES = (
    ("blue", "circle"),
    ("vermillion", "square"),
    ("bluish_green", "triangle"),
    ("reddish_purple", "circle"),
)
_SOURCES = QT_TRANSLATE_NOOP(
    "summary",
    "Scores and band names follow each questionnaire's published scoring (PHQ-9: Kroenke, "
    "Spitzer & Williams 2001; GAD-7: Spitzer et al. 2006; WHO-5: WHO Regional Office for "
    "Europe 1998; UCLA 3-item: Hughes et al. 2004). They describe the answers given; they are "
    "not a diagnosis. A prorated total was scaled up from the items answered, as the published "
    "scoring allows.",
)


@dataclass(frozen=True, slots=True)
class SafetyLine:
    """A PHQ-9 of the range whose item 9 was answered above 0: its day and the answer (1–3)."""

    date: dt.date
    answer: int


def safety_lines(assessments: Iterable[Assessment]) -> tuple[SafetyLine, ...]:
    """Each PHQ-9 whose item 9 was answered above 0, oldest first: page 1's safety line and
    the summary's safety flags."""
    return tuple(
        SafetyLine(a.date, int(a.answers[8] or 0))
        for a in sorted(assessments, key=lambda a: a.date)
        if a.instrument == Instrument.PHQ9 and SAFETY_FLAG in a.flags
    )


def safety_flags(assessments: Iterable[Assessment]) -> list[str]:
    """One plain sentence per PHQ-9 whose item 9 was answered above 0."""
    return [
        translate(
            "summary",
            "PHQ-9 item 9 was answered above 0 on {date} (“{answer}”). This item "
            "asks about thoughts of being better off dead or of hurting "
            "oneself.",
        ).format(date=day(line.date), answer=translate("summary", PHQ_ANSWERS[line.answer]))
        for line in safety_lines(assessments)
    ]


def _score_text(item: Assessment) -> tuple[str, str]:
    result = score(item.instrument, item.answers)
    spec = SPECS[Instrument(item.instrument)]
    most = spec.items * spec.high
    if result.percentage is not None:
        total = translate("summary", "{percent}% ({total} of {most})").format(
            percent=whole(result.percentage), total=whole(result.total), most=whole(most)
        )
    else:
        total = of(result.total, most)
    notes = []
    if result.prorated:
        missing = [i for i, a in enumerate(item.answers, start=1) if a is None]
        items = ", ".join(whole(i) for i in missing)
        notes.append(
            translate("summary", "prorated (item {items} unanswered)")
            if len(missing) == 1
            else translate("summary", "prorated (items {items} unanswered)")
        )
        notes[-1] = notes[-1].format(items=items)
    if SAFETY_FLAG in result.flags:
        notes.append(translate("summary", "item 9 above 0"))
    if ITEM9_UNANSWERED in result.flags:
        notes.append(translate("summary", "item 9 unanswered"))
    if WELLBEING_CUTOFF in result.flags:
        notes.append(
            translate("summary", "at or below 28%, the WHO-5 cut-off for further assessment")
        )
    return total, "; ".join(notes)


def _band(item: Assessment) -> str:
    """The published band name, translated where the check-ins page translates it."""
    return translate("questionnaires", item.band)


def questionnaires(data: SummaryInputs, names: Names) -> Section:
    """Every score of the range (first and latest, with the markers, are on page 1)."""
    items = sorted(data.assessments, key=lambda a: (a.date, a.instrument))
    title = section_title("questionnaires")
    if not items:
        return Section(
            "questionnaires",
            title,
            (
                Paragraph(
                    translate("summary", "No questionnaires were filled in during this range.")
                ),
            ),
        )
    blocks: list[Block] = []
    chart = _scores_chart(data, items)
    if chart is not None:
        blocks.append(chart)
    # with a chart of the scores, a long history lists only the scores with a note
    most = MAX_ROWS if chart is None else CHARTED_ROWS
    listed = items if len(items) <= most else [a for a in items if _score_text(a)[1]]
    times = Counter(a.instrument for a in items)
    if listed is items and max(times.values()) <= 2 and not any(_score_text(a)[1] for a in items):
        # page 1 already holds each first and latest score, and no score has a note
        listed = []
        blocks.append(
            Paragraph(
                translate(
                    "summary",
                    "The first and latest scores on page 1 are all the scores of this range.",
                )
            )
        )
    if listed:
        blocks.append(
            Heading(
                translate("summary", "All scores")
                if listed is items
                else translate("summary", "Scores with a note")
            )
        )
        blocks.append(
            Table(
                (
                    translate("summary", "Date"),
                    translate("summary", "Questionnaire"),
                    translate("summary", "Score"),
                    translate("summary", "Published band"),
                    translate("summary", "Notes"),
                ),
                tuple(
                    (day(a.date), instrument_title(a.instrument), *_row_score(a)) for a in listed
                ),
            )
        )
    blocks.append(Paragraph(translate("summary", _SOURCES), small=True))
    return Section("questionnaires", title, tuple(blocks))


def _scores_chart(data: SummaryInputs, items: list[Assessment]) -> TimeChart | None:
    """Each questionnaire's totals over the range, one panel each, ticks at the published
    band edges; a PHQ-9 with item 9 above 0 is marked with a triangle."""
    times = Counter(a.instrument for a in items)
    if max(times.values()) < CHART_SCORES:
        return None  # a line needs a few points; page 1 and the table say the rest
    days_shown = (data.end - data.start).days + 1
    panels = []
    for number, (instrument, (low, high, ticks)) in enumerate(_SCORE_AXES.items()):
        mine = [a for a in items if a.instrument == instrument]
        if len(mine) < 2:  # a single score is on page 1
            continue
        values, flagged = np.full(days_shown, np.nan), np.full(days_shown, np.nan)
        for item in mine:
            result = score(item.instrument, item.answers)
            shown = result.percentage if result.percentage is not None else result.total
            values[(item.date - data.start).days] = shown
            if SAFETY_FLAG in result.flags:
                flagged[(item.date - data.start).days] = shown
        title = instrument_title(instrument)
        label = (
            translate("summary", "{questionnaire} %")
            if instrument is Instrument.WHO5
            else translate("summary", "{questionnaire} total")
        ).format(questionnaire=title)
        series = [
            Series(
                label,
                values,
                colour=_SCORE_STYLES[number][0],
                width=1.2,
                marker=_SCORE_STYLES[number][1],
                joined=True,
            )
        ]
        if not np.isnan(flagged).all():
            series.append(
                Series(
                    translate("summary", "PHQ-9 item 9 above 0"),
                    flagged,
                    draw="points",
                    colour="orange",
                    marker="triangle",
                )
            )
        panels.append(
            Panel(title, low, high, ticks, tuple(series), percent=instrument is Instrument.WHO5)
        )
    return TimeChart(
        translate("summary", "Questionnaire scores over time"),
        translate(
            "summary",
            "Each questionnaire's total on the days it was filled in; the axis "
            "marks fall on the edges of the published bands.",
        ),
        np.arange(np.datetime64(data.start, "D"), np.datetime64(data.end, "D") + 1),
        tuple(panels),
        aspect=0.07 + 0.11 * len(panels),
        ticks=date_ticks(data.start, days_shown),
    )


def _row_score(item: Assessment) -> tuple[str, str, str]:
    total, notes = _score_text(item)
    return total, _band(item), notes or "—"
