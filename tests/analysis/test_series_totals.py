"""The journal's series (per-day totals summed by SQLite) equal the series built contact by
contact, so the fast path cannot drift from the simple one."""

import datetime as dt

import numpy as np
import pytest

from journal.analysis.series import build_series
from journal.demo import generate
from journal.services import Journal
from journal.store import contacts as contacts_store
from journal.store import days as days_store

TODAY = dt.date(2026, 6, 30)


@pytest.fixture(scope="module")
def journal() -> Journal:
    journal = Journal.in_memory(clock=lambda: dt.datetime(2026, 6, 30, 12))
    generate(journal, days=400, seed=3, today=TODAY)
    return journal


@pytest.mark.parametrize(("start", "end"), [
    (dt.date(2025, 5, 27), TODAY),            # the whole journal
    (dt.date(2026, 1, 15), dt.date(2026, 3, 2)),  # a range cutting into it
    (dt.date(2024, 1, 1), dt.date(2024, 2, 1)),   # before the first day: all unknown
])
def test_totals_give_the_same_series_as_single_contacts(journal: Journal, start: dt.date,
                                                        end: dt.date) -> None:
    fast = journal.series(start, end)
    slow = build_series(start, end, days_store.rating_rows(journal.db, start, end),
                        contacts_store.contact_rows(journal.db, start, end))
    assert fast.start == slow.start and fast.end == slow.end
    np.testing.assert_array_equal(fast.days, slow.days)
    np.testing.assert_array_equal(fast.logged, slow.logged)
    for name in slow.ratings:
        np.testing.assert_array_equal(fast.ratings[name], slow.ratings[name], err_msg=name)
    for name in ("contacts", "minutes", "meaningful", "mean_quality"):
        np.testing.assert_allclose(getattr(fast, name), getattr(slow, name), err_msg=name)
    for kind in slow.by_kind:
        np.testing.assert_array_equal(fast.by_kind[kind], slow.by_kind[kind], err_msg=kind)
    for mode in slow.by_mode:
        np.testing.assert_array_equal(fast.by_mode[mode], slow.by_mode[mode], err_msg=mode)
    if start.year == 2026:
        assert np.nansum(fast.contacts) > 50  # the comparison saw real data
