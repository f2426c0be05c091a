"""The journal's series — per-day totals summed by SQLite, kept and patched day by day after
saves — always equals a series built afresh, contact by contact."""

import datetime as dt
import random
from pathlib import Path

import numpy as np
import pytest

from journal.analysis.series import DailySeries, build_series, slice_series
from journal.demo import generate
from journal.domain.records import Contact, Day
from journal.services import Journal
from journal.store import contacts as contacts_store
from journal.store import days as days_store

#: The last day of the journals generated here (their own clock; not the shared ``TODAY``).
LAST_DAY = dt.date(2026, 6, 30)


def _fresh(journal: Journal, start: dt.date, end: dt.date) -> DailySeries:
    return build_series(
        start,
        end,
        days_store.rating_rows(journal.db, start, end),
        contacts_store.contact_rows(journal.db, start, end),
    )


def _assert_same(kept: DailySeries, fresh: DailySeries) -> None:
    np.testing.assert_array_equal(kept.days, fresh.days)
    np.testing.assert_array_equal(kept.logged, fresh.logged)
    for name in fresh.ratings:
        np.testing.assert_array_equal(kept.ratings[name], fresh.ratings[name], err_msg=name)
    for name in ("contacts", "minutes", "meaningful", "mean_quality"):
        np.testing.assert_allclose(getattr(kept, name), getattr(fresh, name), err_msg=name)
    for kind in fresh.by_kind:
        np.testing.assert_array_equal(kept.by_kind[kind], fresh.by_kind[kind], err_msg=kind)
    for mode in fresh.by_mode:
        np.testing.assert_array_equal(kept.by_mode[mode], fresh.by_mode[mode], err_msg=mode)


@pytest.fixture(scope="module")
def demo_journal() -> Journal:
    journal = Journal.in_memory(clock=lambda: dt.datetime(2026, 6, 30, 12))
    generate(journal, days=400, seed=3, today=LAST_DAY)
    return journal


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (dt.date(2025, 5, 27), LAST_DAY),  # the whole journal
        (dt.date(2026, 1, 15), dt.date(2026, 3, 2)),  # a range cutting into it
        (dt.date(2024, 1, 1), dt.date(2024, 2, 1)),  # before the first day: all unknown
    ],
)
def test_totals_give_the_same_series_as_single_contacts(
    demo_journal: Journal, start: dt.date, end: dt.date
) -> None:
    fast = demo_journal.series(start, end)
    assert fast.start == start and fast.end == end
    _assert_same(fast, _fresh(demo_journal, start, end))
    if start.year == 2026:
        assert np.nansum(fast.contacts) > 50  # the comparison saw real data


def test_series_stays_right_through_saves_edits_and_other_writes() -> None:
    journal = Journal.in_memory(clock=lambda: dt.datetime(2026, 6, 30, 12))
    generate(journal, days=120, seed=5, today=LAST_DAY)
    rng = random.Random(7)
    ranges = [
        (LAST_DAY - dt.timedelta(days=89), LAST_DAY),
        (LAST_DAY - dt.timedelta(days=364), LAST_DAY),
        (dt.date(2026, 4, 1), dt.date(2026, 5, 15)),
    ]
    full_builds = []
    build = journal._build_series

    def counting(start: dt.date, end: dt.date) -> DailySeries:
        if end > start:
            full_builds.append((start, end))
        return build(start, end)

    journal._build_series = counting  # type: ignore[method-assign]
    others = 0
    for step in range(60):
        date = LAST_DAY - dt.timedelta(days=rng.randrange(0, 130))
        action = rng.choice(["save", "save_with", "delete", "add", "edit", "remove", "other"])
        if action == "save":
            journal.save_day(Day(date=date, mood=rng.randrange(11)))
        elif action == "save_with":
            journal.save_day_with_contacts(
                Day(date=date, mood=rng.randrange(11)),
                [Contact(date=date, kind="friend", mode="phone", quality=rng.randrange(1, 6))],
            )
        elif action == "delete":
            journal.delete_day(date)
        elif action == "add":
            journal.add_contact(
                Contact(
                    date=date, kind="family", mode="video", quality=5, minutes=rng.randrange(90)
                )
            )
        elif action in ("edit", "remove"):
            contacts = journal.contacts_on(date)
            if contacts and action == "edit":  # moving a contact changes two days
                moved = LAST_DAY - dt.timedelta(days=rng.randrange(0, 130))
                journal.update_contact(
                    Contact(date=moved, kind="colleague", mode="text", quality=2, id=contacts[0].id)
                )
            elif contacts:
                journal.delete_contact(contacts[0].id)
        else:  # a write the kept series cannot account for: it must be rebuilt
            others += 1
            journal.db.execute("UPDATE contacts SET quality = 5 WHERE date = ?", [date.isoformat()])
        start, end = ranges[step % len(ranges)]
        kept = journal.series(start, end)
        _assert_same(kept, _fresh(journal, start, end))
    # saves were patched in; it was built whole only for the first range, once more when a
    # range reached before it, and after each write it could not account for
    assert others > 0 and len(full_builds) <= 2 + others


def test_a_range_before_the_journal_and_a_new_day_are_covered() -> None:
    now = [dt.datetime(2026, 6, 30, 12)]
    journal = Journal.in_memory(clock=lambda: now[0])
    generate(journal, days=30, seed=2, today=LAST_DAY)
    start = LAST_DAY - dt.timedelta(days=364)
    _assert_same(journal.series(start, LAST_DAY), _fresh(journal, start, LAST_DAY))
    now[0] += dt.timedelta(days=1)  # midnight passed with the app open
    tomorrow = LAST_DAY + dt.timedelta(days=1)
    journal.save_day(Day(date=tomorrow, mood=9))
    _assert_same(journal.series(start, tomorrow), _fresh(journal, start, tomorrow))
    assert journal.series(start, tomorrow).mood[-1] == 9


def test_questionnaires_and_sessions_are_kept_across_day_saves_only() -> None:
    from journal.domain.records import Assessment

    journal = Journal.in_memory(clock=lambda: dt.datetime(2026, 6, 30, 12))
    generate(journal, days=60, seed=4, today=LAST_DAY)
    first = journal.assessments("phq9")
    sessions = journal.sessions_between(LAST_DAY - dt.timedelta(days=59), LAST_DAY)
    journal.save_day(Day(date=LAST_DAY, mood=6))  # a day's save: the history cannot have changed
    assert journal._kept(("assessments", first[0].instrument), list) is journal._kept(
        ("assessments", first[0].instrument), list
    )
    assert journal.assessments("phq9") == first
    assert journal.sessions_between(LAST_DAY - dt.timedelta(days=59), LAST_DAY) == sessions
    journal.save_assessment(Assessment(date=LAST_DAY, instrument="phq9", answers=(0,) * 9))
    assert len(journal.assessments("phq9")) == len(first) + 1  # any other write: read again


def _assert_identical(one: DailySeries, other: DailySeries) -> None:
    """Exactly the same days and values (NaN where unknown on both), floats included."""
    assert (one.start, one.end) == (other.start, other.end)
    for name in ("days", "logged", "contacts", "minutes", "meaningful", "mean_quality"):
        np.testing.assert_array_equal(getattr(one, name), getattr(other, name), err_msg=name)
    for group in ("ratings", "by_kind", "by_mode"):
        mine, theirs = getattr(one, group), getattr(other, group)
        assert mine.keys() == theirs.keys()
        for key in mine:
            np.testing.assert_array_equal(mine[key], theirs[key], err_msg=f"{group} {key}")


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (LAST_DAY - dt.timedelta(days=27), LAST_DAY),  # the summary's four weeks
        (dt.date(2025, 5, 27), LAST_DAY),  # the whole journal
        (dt.date(2025, 12, 30), dt.date(2026, 1, 2)),  # across a new year
        (dt.date(2024, 1, 1), dt.date(2025, 6, 1)),  # reaching before the first day
        (LAST_DAY, LAST_DAY),
    ],
)
def test_a_one_shot_range_is_the_whole_journal_cut_to_it(
    demo_journal: Journal, start: dt.date, end: dt.date
) -> None:
    whole = demo_journal.series(dt.date(2024, 1, 1), LAST_DAY)  # kept, as the window does
    one_shot = Journal(demo_journal.db, clock=lambda: dt.datetime(2026, 6, 30, 12))
    built = one_shot.series(start, end, keep=False)
    assert one_shot._base_series is None  # read for the range only, nothing kept
    _assert_identical(built, slice_series(whole, start, end))
    # with a kept series that covers the range, one-shot work cuts it instead of reading
    assert demo_journal.series(start, end, keep=False).days.base is not None


def test_one_shot_work_reads_only_its_range(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summary (PDF and preview) and CLI ``insights --from/--to`` build the series of
    their range alone, never of the whole journal."""
    from journal.cli import main

    folder = tmp_path / "journal"
    journal = Journal.open(folder, clock=lambda: dt.datetime(2026, 6, 30, 12))
    generate(journal, days=400, seed=3, today=LAST_DAY)
    built: list[tuple[dt.date, dt.date]] = []
    build = Journal._build_series

    def recording(self: Journal, start: dt.date, end: dt.date) -> DailySeries:
        built.append((start, end))
        return build(self, start, end)

    monkeypatch.setattr(Journal, "_build_series", recording)
    four_weeks = (LAST_DAY - dt.timedelta(days=27), LAST_DAY)
    from journal.store import assessments as assessments_store

    in_range = [
        a
        for a in assessments_store.list_assessments(journal.db)
        if four_weeks[0] <= a.date <= four_weeks[1]
    ]
    monkeypatch.setattr(assessments_store, "list_assessments", None)  # not a lifetime of them
    assert journal.summary_inputs(*four_weeks, ["questionnaires"]).assessments == in_range
    assert in_range and journal.safety_left_out(*four_weeks, sections=["charts"]) == []
    summary = journal.build_summary(*four_weeks)
    assert summary.sections and built == [four_weeks] * 2
    journal.close()
    built.clear()
    assert (
        main(
            [
                "insights",
                "--json",
                "--data-dir",
                str(folder),
                "--from",
                str(four_weeks[0]),
                "--to",
                str(four_weeks[1]),
            ]
        )
        == 0
    )
    assert built == [four_weeks]


@pytest.mark.parametrize(
    "edit",
    [None, "crowded", "half-minutes", "half-a-point", "above-fourteen"],
    ids=["packed", "too-full-to-pack", "fractional-minutes", "fractional-rating", "rating-15"],
)
def test_packed_figures_are_the_exact_figures(edit: str | None) -> None:
    """A day's ratings, contact figures and counts per kind and mode are read packed; they
    come out exactly as read one by one, and a day that does not fit (32 contacts, minutes or
    a rating a hand edit made fractional, a rating of 15; the CHECKs let 5.5 through) makes
    the whole range be read the long way, with the same series."""
    from journal.analysis.series import series_from_figures
    from journal.store import day_figures

    journal = Journal.in_memory(clock=lambda: dt.datetime(2026, 6, 30, 12))
    generate(journal, days=200, seed=6, today=LAST_DAY)
    journal.db.execute("UPDATE days SET energy = NULL, sleep_hours = NULL WHERE mood < 4")
    start, end = LAST_DAY - dt.timedelta(days=199), LAST_DAY
    insert = "INSERT INTO contacts (date, kind, mode, minutes, quality) VALUES (?, ?, ?, ?, ?)"
    journal.db.conn.execute("PRAGMA ignore_check_constraints = ON")
    if edit == "crowded":
        rows = [(LAST_DAY.isoformat(), "neighbour", "online_group", 1440, 5)] * 32
        journal.db.conn.executemany(insert, rows)
    elif edit == "half-minutes":
        journal.db.conn.execute(insert, (LAST_DAY.isoformat(), "friend", "text", 2.5, 3))
    elif edit in ("half-a-point", "above-fourteen"):
        journal.db.execute(
            "UPDATE days SET physical = ? WHERE date = ?",
            [5.5 if edit == "half-a-point" else 15, "2026-06-01"],
        )
    packed = series_from_figures(
        start,
        end,
        [day_figures.packed_rows(journal.db, start, end)],
        day_figures.RATING_BITS,
        day_figures.HEAD_BITS,
        day_figures.COUNT_BITS,
    )
    plain = journal._read_plainly(start, end)  # from the check-ins and contacts themselves
    if edit:
        assert packed is None
    else:
        assert packed is not None and np.isnan(plain.ratings["energy"]).any()  # gaps to read
        _assert_same(packed, plain)
        np.testing.assert_array_equal(packed.mean_quality, plain.mean_quality)
    _assert_same(journal.series(start, end), _fresh(journal, start, end))
