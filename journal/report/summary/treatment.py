"""The summary's treatment detail: sessions, medication and commitments, and care kept week
by week (or month by month) when no chart shows the same weeks.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import numpy as np

from journal.domain.dates import week_start
from journal.domain.kinds import CommitmentKind, Mode, SessionStatus
from journal.i18n import QT_TRANSLATE_NOOP, format_date, format_figure, format_number, translate
from journal.report.summary.blocks import (
    MAX_ROWS,
    Block,
    Heading,
    Paragraph,
    Section,
    Table,
    section_title,
)
from journal.report.summary.inputs import SummaryInputs
from journal.report.summary.names import Names
from journal.report.summary.words import count, day, of, share, whole

RECENT_SESSIONS = 12
#: Above this many weeks, care kept is tabled by month.
MAX_WEEKS = 16


def _sessions_count(n: int) -> str:
    return count(
        QT_TRANSLATE_NOOP("summary", "{n} session"), QT_TRANSLATE_NOOP("summary", "{n} sessions"), n
    )


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
                        of(m.taken, m.scheduled),
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
                        of(c.done, c.target),
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
            moods.setdefault(period(week_start(date)), []).append(mood)

    def cell(done: float, due: float) -> str:
        if not due:
            return "—"
        return translate("summary", "{done} of {due} ({share})").format(
            done=format_figure(done), due=format_figure(due), share=share(done, due)
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
