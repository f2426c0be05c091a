"""Figures kept across saves (issue 21): weekly adherence patched week by week after a day's
save always equals the figures read afresh."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np

from journal.demo import generate
from journal.domain.records import Day
from journal.services import Journal

TODAY = dt.date(2026, 6, 30)


def test_weekly_adherence_is_patched_week_by_week_through_saves() -> None:
    journal = Journal.in_memory(clock=lambda: dt.datetime(2026, 6, 30, 12))
    generate(journal, days=200, seed=6, today=TODAY)
    rng = random.Random(11)
    ranges = [(dt.date(2025, 12, 13), TODAY), (dt.date(2026, 3, 4), dt.date(2026, 5, 20))]
    for start, end in ranges:
        journal.weekly_adherence(start, end)  # kept
    read = journal._read_weekly_adherence
    reads: list[tuple[dt.date, dt.date]] = []

    def counting(start: dt.date, end: dt.date):
        reads.append((start, end))
        return read(start, end)

    journal._read_weekly_adherence = counting  # type: ignore[method-assign]
    meds = journal.medications()
    for step in range(30):
        date = TODAY - dt.timedelta(days=rng.randrange(0, 210))
        if rng.random() < 0.5:
            journal.save_day(Day(date=date, mood=rng.randrange(11)))
        else:
            journal.delete_day(date)
        if step == 20 and meds:  # a dose: not a day's write, so everything is read again
            journal.set_doses(meds[0].id, date, 0)
        start, end = ranges[step % 2]
        kept = journal.weekly_adherence(start, end)
        fresh = read(start, end)
        assert kept.weeks == fresh.weeks
        for name in ("medication", "sessions", "commitments", "doses_scheduled", "so_far"):
            np.testing.assert_array_equal(getattr(kept, name), getattr(fresh, name), name)
        for name, values in fresh.per_medication.items():
            np.testing.assert_array_equal(kept.per_medication[name], values, name)
    # saves read their weeks; only the dose (one range, then the other) read a range whole
    assert [r for r in reads if (r[1] - r[0]).days > 6] == ranges
