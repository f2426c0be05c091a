"""One person's figures, for their page, and who it has been a while since.

Pure functions over plain data, so the page shows and the tests check the same numbers. Mood on
days with someone vs without uses the comparison and thresholds of Insights
(``stats.compare``: no figure under 14 days in all or 5 in a group); a page holds one
comparison, so "clear" is its 95% interval leaving out 0 (a family of one).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy loads with the first figure: "been a while" on Today needs none
    from journal.analysis.stats import Comparison

#: How many months the "contacts over time" view covers, the current one included.
MONTHS_SHOWN = 12


@dataclass(frozen=True, slots=True)
class MonthCount:
    """Contacts in one calendar month (``month`` is its first day)."""

    month: dt.date
    contacts: int


@dataclass(frozen=True, slots=True)
class PersonFigures:
    """What a person's page shows: contacts by month, how connected on average (1–5, ``None``
    without contacts), last contact and mood on days with them vs without."""

    contacts_total: int
    months: tuple[MonthCount, ...]
    average_quality: float | None
    last_contact: dt.date | None
    mood: Comparison

    @property
    def mood_reportable(self) -> bool:
        from journal.analysis.stats import Status

        return self.mood.status is not Status.NOT_ENOUGH and self.mood.difference is not None

    @property
    def mood_clear(self) -> bool:
        """The difference's 95% interval leaves out 0 (never without a figure)."""
        m = self.mood
        return (
            self.mood_reportable
            and m.ci_low is not None
            and m.ci_high is not None
            and (m.ci_low > 0 or m.ci_high < 0)
        )

    @property
    def days_needed(self) -> int:
        """How many more checked-in days a mood figure needs at least (0: it has enough)."""
        from journal.analysis.stats import MIN_GROUP, MIN_PAIRS

        m = self.mood
        return max(
            0, MIN_PAIRS - m.n_with - m.n_without, MIN_GROUP - m.n_with, MIN_GROUP - m.n_without
        )


def _month_start(date: dt.date, back: int = 0) -> dt.date:
    index = date.year * 12 + date.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def person_figures(
    contacts: Sequence[tuple[dt.date, int]],
    days: Sequence[tuple[dt.date, int, bool]],
    today: dt.date,
    journal_start: dt.date | None = None,
) -> PersonFigures:
    """Figures from (date, how connected) contacts and (date, mood, with them) days.

    Months are the ``MONTHS_SHOWN`` calendar months up to ``today``'s, oldest first, each with
    its count (0 included, so a gap shows as a gap) — but none before the journal began
    (``journal_start``, or the first contact if earlier): a month nobody wrote in is not a
    month without contact.
    """
    import numpy as np

    from journal.analysis.stats import compare

    starts = [_month_start(today, back) for back in range(MONTHS_SHOWN - 1, -1, -1)]
    began = min([d for d in (journal_start, *(date for date, _q in contacts)) if d], default=None)
    earliest = _month_start(began) if began is not None else starts[-1]
    starts = [month for month in starts if month >= earliest] or starts[-1:]
    counts = dict.fromkeys(starts, 0)
    for date, _quality in contacts:
        month = _month_start(date)
        if month in counts:
            counts[month] += 1
    qualities = [quality for _date, quality in contacts]
    mood = np.array([m for _d, m, _w in days], dtype=float)
    with_them = np.array([1.0 if w else 0.0 for _d, _m, w in days], dtype=float)
    return PersonFigures(
        contacts_total=len(contacts),
        months=tuple(MonthCount(month, counts[month]) for month in starts),
        average_quality=float(np.mean(qualities)) if qualities else None,
        last_contact=max((date for date, _q in contacts), default=None),
        mood=compare(mood, with_them),
    )


@dataclass(frozen=True, slots=True)
class WhileSince:
    """Someone the person wished to keep in touch with every ``every`` days, last contacted
    ``days`` days ago (``None``: no contact logged yet)."""

    person_id: int
    name: str
    every: int
    days: int | None


def been_a_while(
    people: Sequence[tuple[int, str, int | None, dt.date | None, dt.date | None]], today: dt.date
) -> list[WhileSince]:
    """From (id, name, keep in touch every N days, last contact, set aside on), those whose
    last contact is N days or more ago, longest first.

    Setting someone aside hides them for another N days; a contact after that day counts
    anew. People without a wish are never listed.
    """
    found = []
    for person_id, name, every, last, dismissed in people:
        if not every:
            continue
        days = (today - last).days if last is not None else None
        if days is not None and days < every:
            continue
        if dismissed is not None and (today - dismissed).days < every:
            continue
        found.append(WhileSince(person_id, name, every, days))
    return sorted(found, key=lambda w: (-(w.days if w.days is not None else 10**6), w.name))
