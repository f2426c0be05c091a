"""The whole-journal figures are read a stretch at a time (issue 21, memory): the daily series
and weekly adherence so read equal the same range read at once, on random ranges and stretch
lengths."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import numpy as np
import pytest

from journal.analysis.adherence import WeeklyAdherence
from journal.analysis.series import DailySeries, join_series
from journal.demo import generate
from journal.domain.records import Contact, Day
from journal.services import Journal, figures

TODAY = dt.date(2026, 6, 30)


@pytest.fixture(scope="module")
def journal() -> Journal:
    journal = Journal.in_memory(clock=lambda: dt.datetime(2026, 6, 30, 12))
    generate(journal, days=420, seed=8, today=TODAY)
    rng = random.Random(5)
    for _ in range(60):  # days unlike the demo's: crowded, without contacts, ratings left out
        date = TODAY - dt.timedelta(days=rng.randrange(0, 430))
        contacts = [
            Contact(date=date, kind="friend", mode="phone", quality=rng.randrange(1, 6))
            for _ in range(rng.randrange(0, 6))
        ]
        anxiety = rng.choice([None, rng.randrange(11)])
        day = Day(date=date, mood=rng.randrange(11), anxiety=anxiety, note="x")
        journal.save_day_with_contacts(day, contacts)
    return journal


def _ranges(rng: random.Random, count: int) -> list[tuple[dt.date, dt.date]]:
    ranges = [(dt.date(2025, 1, 1), TODAY), (TODAY, TODAY)]  # before the first day; one day
    for _ in range(count):
        start = TODAY - dt.timedelta(days=rng.randrange(0, 500))
        ranges.append((start, min(TODAY, start + dt.timedelta(days=rng.randrange(0, 450)))))
    return ranges


def _assert_series_identical(got: DailySeries, want: DailySeries) -> None:
    assert (got.start, got.end) == (want.start, want.end)
    np.testing.assert_array_equal(got.days, want.days)
    np.testing.assert_array_equal(got.logged, want.logged)
    assert list(got.ratings) == list(want.ratings)
    for name, values in want.ratings.items():
        np.testing.assert_array_equal(got.ratings[name], values, err_msg=name)
    for name in ("contacts", "minutes", "meaningful", "mean_quality"):
        np.testing.assert_array_equal(getattr(got, name), getattr(want, name), err_msg=name)
    assert list(got.by_kind) == list(want.by_kind) and list(got.by_mode) == list(want.by_mode)
    for kind, values in want.by_kind.items():
        np.testing.assert_array_equal(got.by_kind[kind], values, err_msg=kind)
    for mode, values in want.by_mode.items():
        np.testing.assert_array_equal(got.by_mode[mode], values, err_msg=mode)


def test_the_series_read_packed_in_stretches_is_the_series_read_plainly_at_once(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(21)
    for start, end in _ranges(rng, 12):
        at_once = journal._read_plainly(start, end)
        assert np.nansum(at_once.contacts) > 0 or start == TODAY or end < dt.date(2025, 5, 1)
        for stretch in (1, 2, 7, rng.randrange(3, 200)):
            monkeypatch.setattr(figures, "SERIES_STRETCH", stretch)
            _assert_series_identical(journal._build_series(start, end), at_once)


def test_join_series_refuses_parts_that_do_not_fit(journal: Journal) -> None:
    start, end = TODAY - dt.timedelta(days=9), TODAY
    first = journal._read_plainly(start, start + dt.timedelta(days=3))
    rest = journal._read_plainly(start + dt.timedelta(days=5), end)  # a day left out
    with pytest.raises(ValueError):
        join_series(start, end, [first, rest])
    with pytest.raises(ValueError):
        join_series(start, end, [first])  # not up to the end


def _assert_adherence_identical(got: WeeklyAdherence, want: WeeklyAdherence) -> None:
    assert got.weeks == want.weeks
    arrays = [f.name for f in dataclasses.fields(WeeklyAdherence)]
    for name in arrays:
        if name == "weeks" or name.startswith("per_"):
            continue  # the weeks above, the dicts below
        np.testing.assert_array_equal(getattr(got, name), getattr(want, name), err_msg=name)
    for kept, fresh in (
        (got.per_medication, want.per_medication),
        (got.per_commitment, want.per_commitment),
    ):
        assert list(kept) == list(fresh)
        for key, values in fresh.items():
            np.testing.assert_array_equal(kept[key], values, err_msg=key)


def test_weekly_adherence_read_in_stretches_is_read_at_once(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert journal.medications() and journal.sessions_between(dt.date.min, dt.date.max)
    rng = random.Random(34)
    for start, end in _ranges(rng, 10):
        monkeypatch.setattr(figures, "ADHERENCE_STRETCH", 10_000)
        at_once = journal._read_weekly_adherence(start, end)
        for weeks in (1, 2, rng.randrange(3, 40)):
            monkeypatch.setattr(figures, "ADHERENCE_STRETCH", weeks)
            _assert_adherence_identical(journal._read_weekly_adherence(start, end), at_once)
    assert np.nansum(at_once.doses_scheduled) > 0 or (end - start).days < 30
