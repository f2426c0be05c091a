"""Page 1's words and blocks, from its figures (``glance.Glance``): the safety line, the table
of first and latest scores with the published markers, the lines of mood, contacts and care
kept, and the topics for the next session.
"""

from __future__ import annotations

import numpy as np

from journal.i18n import QT_TRANSLATE_NOOP, format_date, format_figure, format_number, translate
from journal.report.summary.blocks import Block, Bullets, Heading, Notice, Paragraph, Table
from journal.report.summary.glance import (
    MARKED,
    OTHER_RATINGS,
    Fortnight,
    Glance,
    Kept,
    ScoreChange,
)
from journal.report.summary.questionnaires import PHQ_ANSWERS, SafetyLine
from journal.report.summary.words import checkins, count, day, days, instrument_title, share, whole


def safety_text(line: SafetyLine) -> str:
    return translate(
        "summary",
        "Safety: PHQ-9 item 9 (thoughts of being better off dead or of "
        "hurting oneself) was answered “{answer}” on {date}.",
    ).format(
        answer=translate("summary", PHQ_ANSWERS[min(max(line.answer, 0), 3)]), date=day(line.date)
    )


def _number(value: float, percent: bool) -> str:
    text = format_figure(value)
    return translate("summary", "{percent}%").format(percent=text) if percent else text


def _signed(value: float) -> str:
    """A change: "+4", "−5" (a WHO-5 change is in percentage points, so without "%")."""
    text = _number(abs(value), False)
    return "+" + text if value > 0 else "−" + text if value < 0 else text


def _marker(reached: bool | None, why: str) -> str:
    if reached is None:
        return why
    return translate("summary", "reached") if reached else translate("summary", "not reached")


def scores_table(scores: tuple[ScoreChange, ...]) -> Table:
    rows = []
    for s in scores:
        title = instrument_title(s.instrument)
        one = s.times == 1
        none = (
            "—"
            if s.instrument not in MARKED
            else (
                translate("summary", "needs a second score")
                if one
                else translate("summary", "first score 0")
            )
        )
        rows.append(
            (
                title,
                translate("summary", "{score} on {date}").format(
                    score=_number(s.first, s.percent), date=format_date(s.first_date, "day_month")
                ),
                "—"
                if one
                else translate("summary", "{score} on {date}").format(
                    score=_number(s.latest, s.percent), date=format_date(s.latest_date, "day_month")
                ),
                "—" if s.change is None else _signed(s.change),
                translate("questionnaires", s.band),
                _marker(s.response, none),
                _marker(s.remission, "—"),
            )
        )
    return Table(
        (
            translate("summary", "Questionnaire"),
            translate("summary", "First"),
            translate("summary", "Latest"),
            translate("summary", "Change"),
            translate("summary", "Band (latest)"),
            translate("summary", "Response"),
            translate("summary", "Remission"),
        ),
        tuple(rows),
        numeric=(3,),
        widths=(17, 15, 15, 9, 18, 13, 13),
    )


def _fortnight(f: Fortnight, template: str) -> str:
    checkins_text = checkins(f.n)
    length = days((f.end - f.start).days + 1)
    if f.mean is None:
        return translate(
            "summary", "too few check-ins ({checkins}) in the {days} from {date}"
        ).format(checkins=checkins_text, days=length, date=format_date(f.start, "day_month"))
    return translate("summary", template).format(
        mean=format_number(f.mean, 1), days=length, checkins=checkins_text
    )


def _kept_text(k: Kept) -> str:
    text = translate("summary", "{done} of {due} ({share}) in {weeks}").format(
        done=whole(k.done),
        due=whole(k.due),
        share=share(k.done, k.due),
        weeks=count(
            QT_TRANSLATE_NOOP("summary", "{n} finished week"),
            QT_TRANSLATE_NOOP("summary", "{n} finished weeks"),
            k.weeks,
        ),
    )
    if k.so_far is not None:
        text += translate("summary", "; the week from {date} (not over) left out").format(
            date=format_date(k.so_far, "day_month")
        )
    return text


def facts(glance: Glance) -> tuple[tuple[str, str], ...]:
    """Page 1's lines after the scores: (what, figures)."""
    rows: list[tuple[str, str]] = []
    if glance.nothing_logged:
        rows.append(
            (
                translate("summary", "Mood and contacts"),
                translate("summary", "Not enough data yet: nothing was logged in this range."),
            )
        )
    if (
        glance.mood is not None
        and glance.mood_all is not None
        and (glance.mood[0].mean is None or glance.mood[1].mean is None)
    ):
        # too short, or too sparse, to set the start beside the end: the whole range, once
        rows.append(
            (
                translate("summary", "Mood (0–10), mean"),
                _fortnight(
                    glance.mood_all, QT_TRANSLATE_NOOP("summary", "{mean} over {days} ({checkins})")
                ),
            )
        )
    elif glance.mood is not None:
        first, last = glance.mood
        rows.append(
            (
                translate("summary", "Mood (0–10), mean"),
                translate("summary", "{first}; {last}").format(
                    first=_fortnight(
                        first,
                        QT_TRANSLATE_NOOP("summary", "{mean} in the first {days} ({checkins})"),
                    ),
                    last=_fortnight(
                        last, QT_TRANSLATE_NOOP("summary", "{mean} in the last {days} ({checkins})")
                    ),
                ),
            )
        )
    if glance.ratings:
        rows.append(
            (
                translate("summary", "Other ratings (mean)"),
                ", ".join(
                    translate("summary", words).format(value=format_number(value, 1))
                    for (key, value) in glance.ratings
                    for k, words in OTHER_RATINGS
                    if k == key
                ),
            )
        )
    if glance.contacts is not None:
        if glance.weeks > 1:
            text = translate(
                "summary", "{per_week} a week ({count} in all), {share} felt good"
            ).format(
                per_week=format_number(glance.contacts_a_week or 0.0, 1),
                count=whole(glance.contacts),
                share=share(glance.contacts_good, glance.contacts),
            )
        else:  # under a week: no rate a week
            text = translate("summary", "{count} in {days}, {share} felt good").format(
                count=whole(glance.contacts),
                days=days(glance.days),
                share=share(glance.contacts_good, glance.contacts),
            )
        if glance.top_kinds:
            text += translate("summary", "; most with {kinds}").format(
                kinds=", ".join(
                    translate("summary", "{kind} {n}").format(kind=k, n=whole(n))
                    for k, n in glance.top_kinds
                )
            )
        rows.append((translate("summary", "Contacts"), text))
    if glance.sessions_attended is not None:
        if glance.sessions_booked:
            text = translate("summary", "{attended} of {booked} booked sessions attended").format(
                attended=whole(glance.sessions_attended), booked=whole(glance.sessions_booked)
            )
        else:
            text = translate("summary", "no sessions booked in the range")
        heard = glance.felt_heard
        if heard:
            mean = format_number(float(np.mean([r for _d, r in heard])), 1)
            if len(heard) > 1:
                text += translate(
                    "summary", "; felt heard: {first} of 5 first, {latest} latest ({n} rated)"
                ).format(first=whole(heard[0][1]), latest=whole(heard[-1][1]), n=whole(len(heard)))
            else:
                text += translate("summary", "; felt heard: {mean} of 5 (1 rated)").format(
                    mean=mean
                )
        rows.append((translate("summary", "Care team"), text))
    if glance.doses is not None:
        rows.append((translate("summary", "Doses taken"), _kept_text(glance.doses)))
    if glance.commitments is not None:
        rows.append((translate("summary", "Commitments kept"), _kept_text(glance.commitments)))
    return tuple(rows)


def glance_blocks(glance: Glance) -> tuple[Block, ...]:
    """The blocks of page 1 (after the title lines), in the order a session needs them."""
    blocks: list[Block] = [Notice(safety_text(line)) for line in glance.safety]
    if glance.scores is not None:
        if glance.scores:
            blocks.append(scores_table(glance.scores))
            if any(s.instrument in MARKED for s in glance.scores):
                blocks.append(
                    Paragraph(
                        translate(
                            "summary",
                            "PHQ-9 and GAD-7 markers as published: response, the latest "
                            "score 50% or more below the first in the range; remission, the "
                            "latest score under 5.",
                        ),
                        small=True,
                    )
                )
        else:
            blocks.append(
                Paragraph(
                    translate("summary", "No questionnaires were filled in during this range.")
                )
            )
    rows = facts(glance)
    if rows:
        blocks.append(Table((), rows, widths=(21, 79)))  # label and figures: no header
    if glance.topics is not None:
        blocks.append(Heading(translate("summary", "Topics for the next session")))
        blocks.append(
            Bullets(glance.topics)
            if glance.topics
            else Paragraph(translate("summary", "No open topics."))
        )
    return tuple(blocks)
