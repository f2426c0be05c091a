"""The summary's care sections: treatment and adherence, questionnaire scores, topics for the
next session, the person's notes and their safety plan.

Scores are reported with their published band names, never as a diagnosis. A PHQ-9 whose
item 9 was answered above 0 gives a safety flag, stated plainly with its date.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import numpy as np

from journal.domain.instruments import ITEM9_UNANSWERED, SAFETY_FLAG, SPECS, score
from journal.domain.kinds import CommitmentKind, Instrument, Mode, SessionStatus
from journal.domain.records import Assessment
from journal.report.summary_blocks import (
    SECTIONS,
    Block,
    Bullets,
    Entries,
    Heading,
    Notice,
    Panel,
    Paragraph,
    Section,
    Series,
    Table,
    TimeChart,
)
from journal.report.summary_names import Names
from journal.report.summary_sections import SummaryInputs, date_ticks, day, plural, share

#: PHQ-9 answers as published, for the safety flag's wording.
_PHQ_ANSWERS = ("not at all", "several days", "more than half the days", "nearly every day")
_SAFETY_PLAN_LABELS = {
    "warning_signs": "Warning signs",
    "coping_strategies": "Things I can do on my own",
    "distractions": "People and places that take my mind off things",
    "people_to_ask": "People I can ask for help",
    "professionals": "Professionals and services",
    "crisis_line": "Crisis line",
    "safer_surroundings": "Making my surroundings safer",
    "reasons_for_living": "My reasons for living",
}
#: Lists longer than this are shortened (the full record is in the JSON export).
MAX_ROWS = 24
RECENT_SESSIONS = 12
#: Above this many weeks, care kept is tabled by month.
MAX_WEEKS = 16
#: Each questionnaire's axis: lowest, highest and the published band edges as ticks.
_SCORE_AXES = {Instrument.PHQ9: (0, 27, (0, 5, 10, 15, 20, 27)),
               Instrument.GAD7: (0, 21, (0, 5, 10, 15, 21)),
               Instrument.WHO5: (0, 100, (28, 50, 100)),
               Instrument.UCLA3: (3, 9, (3, 6, 9))}
_SCORE_STYLES = (("blue", "circle"), ("vermillion", "square"), ("green", "triangle"),
                 ("purple", "circle"))
_SOURCES = ("Scores and band names follow each questionnaire's published scoring (PHQ-9: "
            "Kroenke, Spitzer & Williams 2001; GAD-7: Spitzer et al. 2006; WHO-5: WHO Regional "
            "Office for Europe 1998; UCLA 3-item: Hughes et al. 2004). They describe the "
            "answers given; they are not a diagnosis. A prorated total was scaled up from the "
            "items answered, as the published scoring allows.")


# --- treatment ---------------------------------------------------------------------------------

def treatment(data: SummaryInputs, names: Names) -> Section:
    blocks: list[Block] = []
    blocks.extend(_sessions(data, names))
    if data.medications:
        blocks.append(Heading("Medication"))
        blocks.append(Table(
            ("Medication", "Dose", "Doses a day", "Taken", "Share taken"),
            tuple((m.name, m.dose or "—", str(m.doses_per_day), f"{m.taken:,} of {m.scheduled:,}",
                   share(m.taken, m.scheduled)) for m in data.medications),
            numeric=(2, 3, 4)))
        blocks.append(Paragraph("Days with nothing logged at all are left out, not counted "
                                "as missed doses.", small=True))
    if data.commitments:
        blocks.append(Heading("Commitments"))
        blocks.append(Table(
            ("Commitment", "Kind", "Suggested by", "Done", "Share of target"),
            tuple((names.text(c.title), CommitmentKind(c.kind).label,
                   names.of(c.suggested_by) if c.suggested_by else "self",
                   f"{c.done:,} of {c.target:,}", share(c.done, c.target))
                  for c in data.commitments),
            numeric=(3, 4)))
    kept = _kept_table(data)
    if kept is not None:
        blocks.extend((Heading(kept[0]), kept[1]))
    if not blocks:
        blocks.append(Paragraph("No sessions, medications or commitments were recorded in "
                                "this range."))
    return Section("treatment", SECTIONS["treatment"], tuple(blocks))


def _sessions(data: SummaryInputs, names: Names) -> list[Block]:
    sessions = sorted(data.sessions, key=lambda s: s.date)
    if not sessions:
        return [Heading("Sessions"),
                Paragraph("No therapy or clinic sessions were logged in this range.")]
    counts = Counter(SessionStatus(s.status) for s in sessions)
    parts = [f"{n} {status.label}" for status, n in counts.items()]
    heard = [s.felt_heard for s in sessions if s.felt_heard is not None]
    text = f"{plural(len(sessions), 'session')}: {', '.join(parts)}."
    if heard:
        text += (f" “Felt heard” averaged {np.mean(heard):.1f} of 5 "
                 f"({plural(len(heard), 'session')} rated).")
    listed = sessions[-RECENT_SESSIONS:] if len(sessions) > MAX_ROWS else sessions
    rows = tuple((day(s.date), names.of(s.person_id), Mode(s.mode).label,
                  SessionStatus(s.status).label, str(s.felt_heard or "—")) for s in listed)
    blocks: list[Block] = [
        Heading("Sessions"), Paragraph(text),
        Table(("Date", "With", "How", "Status", "Felt heard (1–5)"), rows, numeric=(4,))]
    if len(listed) < len(sessions):
        blocks.append(Paragraph(f"The {len(listed)} most recent of {len(sessions)} sessions "
                                "are listed.", small=True))
    return blocks


def _kept_table(data: SummaryInputs) -> tuple[str, Table] | None:
    """Care kept per week, or per month (of the weeks' Mondays) over more than 16 weeks."""
    a = data.adherence
    monthly = len(a.weeks) > MAX_WEEKS

    def period(week: dt.date) -> dt.date:
        return week.replace(day=1) if monthly else week

    totals: dict[dt.date, np.ndarray] = {}
    for i, week in enumerate(a.weeks):
        figures = np.array([a.doses_taken[i], a.doses_scheduled[i], a.sessions_attended[i],
                            a.sessions_booked[i], a.commitments_done[i],
                            a.commitments_target[i]])
        totals[period(week)] = totals.get(period(week), np.zeros(6)) + figures
    moods: dict[dt.date, list[float]] = {}
    for date, mood in zip(data.series.days.tolist(), data.series.mood, strict=True):
        if not np.isnan(mood):
            moods.setdefault(period(date - dt.timedelta(days=date.weekday())), []).append(mood)

    def cell(done: float, due: float) -> str:
        return f"{done:g} of {due:g} ({share(done, due)})" if due else "—"

    rows = tuple((f"{start:%b %Y}" if monthly else day(start), cell(*t[0:2]), cell(*t[2:4]),
                  cell(*t[4:6]), f"{np.mean(moods[start]):.1f}" if moods.get(start) else "—")
                 for start, t in totals.items() if t[1] or t[3] or t[5])
    if not rows:
        return None
    return ("Month by month (weeks starting in each month)" if monthly else "Week by week",
            Table(("Month" if monthly else "Week of", "Doses taken", "Sessions attended",
                   "Commitments done", "Mean mood"), rows, numeric=(1, 2, 3, 4)))


# --- questionnaires ----------------------------------------------------------------------------

def safety_flags(assessments: list[Assessment]) -> list[str]:
    """One plain sentence per PHQ-9 whose item 9 was answered above 0."""
    flags = []
    for item in sorted(assessments, key=lambda a: a.date):
        if SAFETY_FLAG in item.flags:
            answer = item.answers[8] or 0
            flags.append(f"PHQ-9 item 9 was answered above 0 on {day(item.date)} "
                         f"(“{_PHQ_ANSWERS[answer]}”). This item asks about thoughts of being "
                         "better off dead or of hurting oneself.")
    return flags


def _score_text(item: Assessment) -> tuple[str, str]:
    result = score(item.instrument, item.answers)
    spec = SPECS[Instrument(item.instrument)]
    if result.percentage is not None:
        total = f"{result.percentage}% ({result.total} of {spec.items * spec.high})"
    else:
        total = f"{result.total} of {spec.items * spec.high}"
    notes = []
    if result.prorated:
        missing = sum(a is None for a in item.answers)
        notes.append(f"prorated ({plural(missing, 'item')} unanswered)")
    if SAFETY_FLAG in result.flags:
        notes.append("item 9 above 0")
    if ITEM9_UNANSWERED in result.flags:
        notes.append("item 9 unanswered")
    return total, "; ".join(notes)


def questionnaires(data: SummaryInputs, names: Names, *, safety_plan_shown: bool = False,
                   ) -> Section:
    items = sorted(data.assessments, key=lambda a: (a.date, a.instrument))
    title = SECTIONS["questionnaires"]
    if not items:
        return Section("questionnaires", title, (
            Paragraph("No questionnaires were filled in during this range."),))
    blocks: list[Block] = []
    flags = safety_flags(items)
    if flags:
        extra = (" The person's safety plan is included in this summary."
                 if safety_plan_shown else "")
        blocks.extend(Notice(f"Safety flag: {flag}{extra if i == len(flags) - 1 else ''}")
                      for i, flag in enumerate(flags))
    latest: dict[str, list[Assessment]] = {}
    for item in items:
        latest.setdefault(SPECS[Instrument(item.instrument)].title, []).append(item)
    rows = []
    for name, taken in latest.items():
        last, first = taken[-1], taken[0]
        change = f"{_score_text(first)[0]} on {day(first.date)}" if len(taken) > 1 else "—"
        rows.append((name, _score_text(last)[0], last.band, day(last.date), change,
                     str(len(taken))))
    blocks.append(Heading("Latest scores"))
    blocks.append(Table(("Questionnaire", "Latest score", "Published band", "On",
                         "First in range", "Times"), tuple(rows), numeric=(5,)))
    chart = _scores_chart(data, items)
    if chart is not None:
        blocks.append(chart)
    listed = items if len(items) <= MAX_ROWS else [a for a in items if _score_text(a)[1]]
    if listed:
        blocks.append(Heading("All scores" if listed is items else "Scores with a note"))
        blocks.append(Table(("Date", "Questionnaire", "Score", "Published band", "Notes"),
                            tuple((day(a.date), SPECS[Instrument(a.instrument)].title,
                                   *_row_score(a)) for a in listed)))
    blocks.append(Paragraph(_SOURCES, small=True))
    return Section("questionnaires", title, tuple(blocks))


def _scores_chart(data: SummaryInputs, items: list[Assessment]) -> TimeChart | None:
    """Each questionnaire's totals over the range, one panel each, ticks at the published
    band edges; a PHQ-9 with item 9 above 0 is marked with a triangle."""
    if max(Counter(a.instrument for a in items).values()) < 3:
        return None  # a line needs a few points; the tables say the rest
    count = (data.end - data.start).days + 1
    panels = []
    for number, (instrument, (low, high, ticks)) in enumerate(_SCORE_AXES.items()):
        mine = [a for a in items if a.instrument == instrument]
        if not mine:
            continue
        values, flagged = np.full(count, np.nan), np.full(count, np.nan)
        for item in mine:
            result = score(item.instrument, item.answers)
            shown = result.percentage if result.percentage is not None else result.total
            values[(item.date - data.start).days] = shown
            if SAFETY_FLAG in result.flags:
                flagged[(item.date - data.start).days] = shown
        title = SPECS[instrument].title
        series = [Series(title + (" %" if instrument is Instrument.WHO5 else " total"),
                         values, colour=_SCORE_STYLES[number][0], width=1.2,
                         marker=_SCORE_STYLES[number][1], joined=True)]
        if not np.isnan(flagged).all():
            series.append(Series("PHQ-9 item 9 above 0", flagged, draw="points",
                                 colour="orange", marker="triangle"))
        panels.append(Panel(title, low, high, ticks, tuple(series),
                            percent=instrument is Instrument.WHO5))
    return TimeChart(
        "Questionnaire scores over time",
        "Each questionnaire's total on the days it was filled in; the axis marks fall on the "
        "edges of the published bands.",
        np.arange(np.datetime64(data.start, "D"), np.datetime64(data.end, "D") + 1),
        tuple(panels), aspect=0.08 + 0.14 * len(panels), ticks=date_ticks(data.start, count))


def _row_score(item: Assessment) -> tuple[str, str, str]:
    total, notes = _score_text(item)
    return total, item.band, notes or "—"


# --- the person's own words --------------------------------------------------------------------

def topics(data: SummaryInputs, names: Names) -> Section:
    open_topics = [t for t in data.topics if t.discussed_on is None]
    blocks: tuple[Block, ...] = (
        (Bullets(tuple(f"{names.text(t.text)} (added {day(t.created_on)})"
                       for t in sorted(open_topics, key=lambda t: t.created_on))),)
        if open_topics else (Paragraph("No open topics."),))
    return Section("topics", SECTIONS["topics"], blocks)


def notes(data: SummaryInputs, names: Names) -> Section:
    written = [(d, text) for d, text in sorted(data.notes.items()) if text.strip()]
    blocks: tuple[Block, ...] = (
        (Entries(tuple((f"{d:%a} {day(d)}", names.text(text.strip())) for d, text in written)),)
        if written else (Paragraph("No notes were written in this range."),))
    return Section("notes", SECTIONS["notes"], blocks)


def safety_plan(data: SummaryInputs, names: Names) -> Section:
    plan = data.safety_plan
    items = tuple((label, names.text(getattr(plan, key).strip()))
                  for key, label in _SAFETY_PLAN_LABELS.items() if getattr(plan, key).strip())
    blocks: tuple[Block, ...] = ((Entries(items),) if items else
                                 (Paragraph("The safety plan has not been filled in yet."),))
    return Section("safety_plan", SECTIONS["safety_plan"], blocks)
