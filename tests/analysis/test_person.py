"""One person's figures: months, average, last contact, mood with vs without, the thresholds."""

import datetime as dt

import numpy as np

from journal.analysis.person import been_a_while, person_figures
from tests.helpers import TODAY


def _days(moods_with: list[int], moods_without: list[int]) -> list[tuple[dt.date, int, bool]]:
    start = TODAY - dt.timedelta(days=len(moods_with) + len(moods_without))
    days = [(True, m) for m in moods_with] + [(False, m) for m in moods_without]
    return [(start + dt.timedelta(days=i), m, w) for i, (w, m) in enumerate(days)]


def test_months_average_and_last_contact() -> None:
    contacts = [
        (dt.date(2025, 3, 31), 5),
        (dt.date(2025, 4, 1), 2),
        (dt.date(2026, 3, 1), 4),
        (dt.date(2026, 3, 14), 3),
    ]
    figures = person_figures(contacts, [], TODAY)
    assert len(figures.months) == 12
    assert figures.months[0].month == dt.date(2025, 4, 1)  # March 2025 is outside the year
    assert figures.months[0].contacts == 1
    assert figures.months[-1].month == dt.date(2026, 3, 1) and figures.months[-1].contacts == 2
    assert figures.average_quality == 3.5 and figures.contacts_total == 4
    assert figures.last_contact == dt.date(2026, 3, 14)


def test_no_month_before_the_journal_began() -> None:
    contacts = [(dt.date(2026, 1, 20), 4), (dt.date(2026, 3, 2), 5)]
    began_in_december = person_figures(contacts, [], TODAY, journal_start=dt.date(2025, 12, 5))
    assert [m.month for m in began_in_december.months] == [
        dt.date(2025, 12, 1),
        dt.date(2026, 1, 1),
        dt.date(2026, 2, 1),
        dt.date(2026, 3, 1),
    ]  # not nine months of 0 before anything was written
    # a contact logged before the first check-in counts as the start
    early_contact = person_figures(contacts, [], TODAY, journal_start=dt.date(2026, 2, 10))
    assert early_contact.months[0].month == dt.date(2026, 1, 1)
    nothing_yet = person_figures([], [], TODAY)
    assert [m.month for m in nothing_yet.months] == [dt.date(2026, 3, 1)]
    long_ago = person_figures(contacts, [], TODAY, journal_start=dt.date(2020, 1, 1))
    assert len(long_ago.months) == 12


def test_no_mood_figure_under_14_days_or_5_in_a_group() -> None:
    thirteen = person_figures([], _days([7] * 6 + [8], [4, 5, 4, 5, 4, 5]), TODAY)
    assert not thirteen.mood_reportable and thirteen.days_needed == 1
    few_with = person_figures([], _days([7, 8, 7, 8], [4, 5] * 8), TODAY)
    assert not few_with.mood_reportable and few_with.days_needed == 1
    no_contacts = person_figures([], [], TODAY)
    assert no_contacts.average_quality is None and no_contacts.last_contact is None
    assert no_contacts.days_needed == 14


def test_mood_with_and_without_matches_welch_by_hand() -> None:
    with_them, without = [7, 8, 7, 8, 9, 7, 8], [4, 5, 4, 5, 6, 5, 4, 5]
    figures = person_figures([], _days(with_them, without), TODAY)
    assert figures.mood_reportable and figures.mood_clear
    assert np.isclose(figures.mood.difference, np.mean(with_them) - np.mean(without))
    same = person_figures([], _days([5, 6, 5, 6, 5, 6, 5], [6, 5, 6, 5, 6, 5, 5, 6]), TODAY)
    assert same.mood_reportable and not same.mood_clear


def test_been_a_while_lists_only_wishes_past_their_interval() -> None:
    people = [
        (1, "Sam", 7, TODAY - dt.timedelta(days=10), None),  # listed, 10 days
        (2, "Ana", 7, TODAY - dt.timedelta(days=6), None),  # not yet
        (3, "Bo", None, TODAY - dt.timedelta(days=99), None),  # no wish: never listed
        (4, "Cy", 14, None, None),  # never logged: listed first
        (5, "Di", 7, TODAY - dt.timedelta(days=30), TODAY - dt.timedelta(days=3)),  # set aside
        (6, "Ed", 7, TODAY - dt.timedelta(days=30), TODAY - dt.timedelta(days=7)),  # back
    ]
    found = been_a_while(people, TODAY)
    assert [(w.name, w.days) for w in found] == [("Cy", None), ("Ed", 30), ("Sam", 10)]
