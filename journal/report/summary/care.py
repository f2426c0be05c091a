"""The summary's care sections: treatment and adherence, questionnaire scores, topics for the
next session, the person's notes and their safety plan.

Scores are reported with their published band names, never as a diagnosis. A PHQ-9 whose
item 9 was answered above 0 gives a safety flag, stated plainly with its date.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import numpy as np

from journal.domain.instruments import (
    ITEM9_UNANSWERED,
    SAFETY_FLAG,
    SPECS,
    WELLBEING_CUTOFF,
    score,
)
from journal.domain.kinds import CommitmentKind, Instrument, Mode, SessionStatus
from journal.domain.records import Assessment
from journal.i18n import QT_TRANSLATE_NOOP, format_date, format_number, translate
from journal.report.summary.blocks import (
    Block,
    Bullets,
    Entries,
    Heading,
    Panel,
    Paragraph,
    Section,
    Series,
    Table,
    TimeChart,
    section_title,
)
from journal.report.summary.names import Names
from journal.report.summary.sections import (
    SummaryInputs,
    count,
    date_ticks,
    day,
    share,
    whole,
)

#: PHQ-9 answers as published, for the safety flag's wording (lower case inside a sentence;
#: the check-ins page shows them capitalised in the context ``questionnaires``).
PHQ_ANSWERS = (
    QT_TRANSLATE_NOOP("summary", "not at all"),
    QT_TRANSLATE_NOOP("summary", "several days"),
    QT_TRANSLATE_NOOP("summary", "more than half the days"),
    QT_TRANSLATE_NOOP("summary", "nearly every day"),
)
_SAFETY_PLAN_LABELS = {
    "warning_signs": QT_TRANSLATE_NOOP("summary", "Warning signs"),
    "coping_strategies": QT_TRANSLATE_NOOP("summary", "Things I can do on my own"),
    "distractions": QT_TRANSLATE_NOOP("summary", "People and places that take my mind off things"),
    "people_to_ask": QT_TRANSLATE_NOOP("summary", "People I can ask for help"),
    "professionals": QT_TRANSLATE_NOOP("summary", "Professionals and services"),
    "crisis_line": QT_TRANSLATE_NOOP("summary", "Crisis line"),
    "safer_surroundings": QT_TRANSLATE_NOOP("summary", "Making my surroundings safer"),
    "reasons_for_living": QT_TRANSLATE_NOOP("summary", "My reasons for living"),
}
#: Lists longer than this are shortened (the full record is in the JSON export).
MAX_ROWS = 24
RECENT_SESSIONS = 12
#: Fewest scores of one questionnaire for the chart of scores over time.
CHART_SCORES = 4
#: Beside that chart, a history longer than this lists only the scores with a note.
CHARTED_ROWS = 12
#: Above this many weeks, care kept is tabled by month.
MAX_WEEKS = 16
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
    ("green", "triangle"),
    ("purple", "circle"),
)
_SOURCES = QT_TRANSLATE_NOOP(
    "summary",
    "Scores and band names follow each questionnaire's published scoring (PHQ-9: Kroenke, "
    "Spitzer & Williams 2001; GAD-7: Spitzer et al. 2006; WHO-5: WHO Regional Office for "
    "Europe 1998; UCLA 3-item: Hughes et al. 2004). They describe the answers given; they are "
    "not a diagnosis. A prorated total was scaled up from the items answered, as the published "
    "scoring allows.",
)


def _sessions_count(n: int) -> str:
    return count(
        QT_TRANSLATE_NOOP("summary", "{n} session"), QT_TRANSLATE_NOOP("summary", "{n} sessions"), n
    )


def _of(done: float, due: float) -> str:
    """ "3 of 7": a count done of those due."""
    return translate("summary", "{done} of {due}").format(done=whole(done), due=whole(due))


def _instrument_title(instrument: Instrument | str) -> str:
    return translate("questionnaires", SPECS[Instrument(instrument)].title)


# --- treatment ---------------------------------------------------------------------------------


def treatment(data: SummaryInputs, names: Names, *, week_table: bool = True) -> Section:
    """Sessions, medication and commitments in detail; the week-by-week table only when no
    chart shows the same weeks (``week_table``)."""
    blocks: list[Block] = []
    blocks.extend(_sessions(data, names))
    if data.medications:
        blocks.append(Heading(translate("summary", "Medication")))
        blocks.append(
            Table(
                (
                    translate("summary", "Medication"),
                    translate("summary", "Dose"),
                    translate("summary", "Doses a day"),
                    translate("summary", "Taken"),
                    translate("summary", "Share taken"),
                ),
                tuple(
                    (
                        m.name,
                        m.dose or "—",
                        whole(m.doses_per_day),
                        _of(m.taken, m.scheduled),
                        share(m.taken, m.scheduled),
                    )
                    for m in data.medications
                ),
                numeric=(2, 3, 4),
            )
        )
        blocks.append(
            Paragraph(
                translate(
                    "summary",
                    "Days with nothing logged at all are left out, not counted as missed doses.",
                ),
                small=True,
            )
        )
    if data.commitments:
        blocks.append(Heading(translate("summary", "Commitments")))
        blocks.append(
            Table(
                (
                    translate("summary", "Commitment"),
                    translate("summary", "Kind"),
                    translate("summary", "Suggested by"),
                    translate("summary", "Done"),
                    translate("summary", "Share of target"),
                ),
                tuple(
                    (
                        names.text(c.title),
                        CommitmentKind(c.kind).label,
                        names.of(c.suggested_by)
                        if c.suggested_by
                        else translate("summary", "self"),
                        _of(c.done, c.target),
                        share(c.done, c.target),
                    )
                    for c in data.commitments
                ),
                numeric=(3, 4),
            )
        )
    kept = _kept_table(data) if week_table else None
    if kept is not None:
        blocks.extend((Heading(kept[0]), kept[1]))
    if not blocks:
        blocks.append(
            Paragraph(
                translate(
                    "summary",
                    "No sessions, medications or commitments were recorded in this range.",
                )
            )
        )
    return Section("treatment", section_title("treatment"), tuple(blocks))


def _sessions(data: SummaryInputs, names: Names) -> list[Block]:
    sessions = sorted(data.sessions, key=lambda s: s.date)
    heading = Heading(translate("summary", "Sessions"))
    if not sessions:
        return [
            heading,
            Paragraph(
                translate("summary", "No therapy or clinic sessions were logged in this range.")
            ),
        ]
    counts = Counter(SessionStatus(s.status) for s in sessions)
    parts = [
        translate("summary", "{n} {status}").format(n=whole(n), status=status.label)
        for status, n in counts.items()
    ]
    heard = [s.felt_heard for s in sessions if s.felt_heard is not None]
    text = translate("summary", "{sessions}: {statuses}.").format(
        sessions=_sessions_count(len(sessions)), statuses=", ".join(parts)
    )
    if heard:
        rated = count(
            QT_TRANSLATE_NOOP("summary", "{n} session rated"),
            QT_TRANSLATE_NOOP("summary", "{n} sessions rated"),
            len(heard),
        )
        text += " " + translate("summary", "“Felt heard” averaged {mean} of 5 ({rated}).").format(
            mean=format_number(float(np.mean(heard)), 1), rated=rated
        )
    listed = sessions[-RECENT_SESSIONS:] if len(sessions) > MAX_ROWS else sessions
    rows = tuple(
        (
            day(s.date),
            names.of(s.person_id),
            Mode(s.mode).label,
            SessionStatus(s.status).label,
            whole(s.felt_heard) if s.felt_heard else "—",
        )
        for s in listed
    )
    blocks: list[Block] = [
        heading,
        Paragraph(text),
        Table(
            (
                translate("summary", "Date"),
                translate("summary", "With"),
                translate("summary", "How"),
                translate("summary", "Status"),
                translate("summary", "Felt heard (1–5)"),
            ),
            rows,
            numeric=(4,),
        ),
    ]
    if len(listed) < len(sessions):
        blocks.append(
            Paragraph(
                translate(
                    "summary", "The {listed} most recent of {total} sessions are listed."
                ).format(listed=whole(len(listed)), total=whole(len(sessions))),
                small=True,
            )
        )
    return blocks


def _kept_table(data: SummaryInputs) -> tuple[str, Table] | None:
    """Care kept per week, or per month (of the weeks' Mondays) over more than 16 weeks."""
    a = data.adherence
    monthly = len(a.weeks) > MAX_WEEKS

    def period(week: dt.date) -> dt.date:
        return week.replace(day=1) if monthly else week

    totals: dict[dt.date, np.ndarray] = {}
    so_far = {week for week, unfinished in zip(a.weeks, a.so_far, strict=False) if unfinished}
    for i, week in enumerate(a.weeks):
        if monthly and week in so_far:
            continue  # a week not over yet would read as a fall in its month's total
        figures = np.array(
            [
                a.doses_taken[i],
                a.doses_scheduled[i],
                a.sessions_attended[i],
                a.sessions_booked[i],
                a.commitments_done[i],
                a.commitments_target[i],
            ]
        )
        totals[period(week)] = totals.get(period(week), np.zeros(6)) + figures
    moods: dict[dt.date, list[float]] = {}
    for date, mood in zip(data.series.days.tolist(), data.series.mood, strict=True):
        if not np.isnan(mood):
            moods.setdefault(period(date - dt.timedelta(days=date.weekday())), []).append(mood)

    def cell(done: float, due: float) -> str:
        if not due:
            return "—"
        return translate("summary", "{done} of {due} ({share})").format(
            done=_plain(done), due=_plain(due), share=share(done, due)
        )

    def label(start: dt.date) -> str:
        if monthly:
            return format_date(start, "month_year")
        if start in so_far:
            return translate("summary", "{week} (so far)").format(week=day(start))
        return day(start)

    rows = tuple(
        (
            label(start),
            cell(*t[0:2]),
            cell(*t[2:4]),
            cell(*t[4:6]),
            format_number(float(np.mean(moods[start])), 1) if moods.get(start) else "—",
        )
        for start, t in totals.items()
        if t[1] or t[3] or t[5]
    )
    if not rows:
        return None
    if monthly:
        title = translate("summary", "Month by month (weeks starting in each month)")
        first = translate("summary", "Month")
    else:
        title, first = translate("summary", "Week by week"), translate("summary", "Week of")
    return (
        title,
        Table(
            (
                first,
                translate("summary", "Doses taken"),
                translate("summary", "Sessions attended"),
                translate("summary", "Commitments done"),
                translate("summary", "Mean mood"),
            ),
            rows,
            numeric=(1, 2, 3, 4),
        ),
    )


def _plain(value: float) -> str:
    """A total as ``:g`` writes it (sums of counts are whole; a half is kept)."""
    value = float(value)
    return format_number(value, 0 if value.is_integer() else 1)


# --- questionnaires ----------------------------------------------------------------------------


def safety_flags(assessments: list[Assessment]) -> list[str]:
    """One plain sentence per PHQ-9 whose item 9 was answered above 0."""
    flags = []
    for item in sorted(assessments, key=lambda a: a.date):
        if SAFETY_FLAG in item.flags:
            answer = item.answers[8] or 0
            flags.append(
                translate(
                    "summary",
                    "PHQ-9 item 9 was answered above 0 on {date} (“{answer}”). This item "
                    "asks about thoughts of being better off dead or of hurting "
                    "oneself.",
                ).format(date=day(item.date), answer=translate("summary", PHQ_ANSWERS[answer]))
            )
    return flags


def _score_text(item: Assessment) -> tuple[str, str]:
    result = score(item.instrument, item.answers)
    spec = SPECS[Instrument(item.instrument)]
    most = spec.items * spec.high
    if result.percentage is not None:
        total = translate("summary", "{percent}% ({total} of {most})").format(
            percent=whole(result.percentage), total=whole(result.total), most=whole(most)
        )
    else:
        total = _of(result.total, most)
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
                    (day(a.date), _instrument_title(a.instrument), *_row_score(a)) for a in listed
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
        title = _instrument_title(instrument)
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


# --- the person's own words --------------------------------------------------------------------


def topics(data: SummaryInputs, names: Names) -> Section:
    open_topics = [t for t in data.topics if t.discussed_on is None]
    blocks: tuple[Block, ...] = (
        (
            Bullets(
                tuple(
                    translate("summary", "{topic} (added {date})").format(
                        topic=names.text(t.text), date=day(t.created_on)
                    )
                    for t in sorted(open_topics, key=lambda t: t.created_on)
                )
            ),
        )
        if open_topics
        else (Paragraph(translate("summary", "No open topics.")),)
    )
    return Section("topics", section_title("topics"), blocks)


def notes(data: SummaryInputs, names: Names) -> Section:
    written = [(d, text) for d, text in sorted(data.notes.items()) if text.strip()]
    blocks: tuple[Block, ...] = (
        (
            Entries(
                tuple(
                    (format_date(d, "weekday_date"), names.text(text.strip()))
                    for d, text in written
                )
            ),
        )
        if written
        else (Paragraph(translate("summary", "No notes were written in this range.")),)
    )
    return Section("notes", section_title("notes"), blocks)


def safety_plan(data: SummaryInputs, names: Names) -> Section:
    plan = data.safety_plan
    items = tuple(
        (translate("summary", label), names.text(getattr(plan, key).strip()))
        for key, label in _SAFETY_PLAN_LABELS.items()
        if getattr(plan, key).strip()
    )
    blocks: tuple[Block, ...] = (
        (Entries(items),)
        if items
        else (Paragraph(translate("summary", "The safety plan has not been filled in yet.")),)
    )
    return Section("safety_plan", section_title("safety_plan"), blocks)
