"""Days' use cases kept across saves (issue 21): the coping suggestions counted once and then
only the recent days, and "It's been a while" without reading every contact ever."""

from __future__ import annotations

import datetime as dt

from journal.services import Journal
from tests.helpers import TODAY


def test_coping_suggestions_follow_saves_deletes_and_other_writes(
    journal: Journal, make_day
) -> None:
    journal.save_day(make_day(coping=("walk",)))
    assert journal.coping_suggestions() == ["walk"]  # read once, then kept
    journal.save_day(make_day(date=TODAY - dt.timedelta(days=1), coping=("Music",)))
    journal.save_day(make_day(date=TODAY - dt.timedelta(days=2), coping=("music",)))
    journal.save_day(make_day(date=TODAY - dt.timedelta(days=3), coping=("music",)))
    assert journal.coping_suggestions() == ["music", "walk"]  # patched by the days saved
    journal.save_day(make_day(coping=("reading",)))  # today's tags replaced
    assert journal.coping_suggestions() == ["music", "reading"]
    journal.delete_day(TODAY - dt.timedelta(days=2))
    journal.delete_day(TODAY - dt.timedelta(days=3))
    assert journal.coping_suggestions() == ["Music", "reading"]
    journal.db.execute("UPDATE days SET coping = '[\"tea\"]'")  # not a recorded day's write
    assert journal.coping_suggestions() == ["tea"]


def test_coping_suggestions_count_days_before_the_cut_off(journal: Journal, make_day) -> None:
    for back in (200, 201, 202):
        journal.save_day(make_day(date=TODAY - dt.timedelta(days=back), coping=("swim",)))
    journal.save_day(make_day(coping=("walk",)))
    assert journal.coping_suggestions() == ["swim", "walk"]  # the old part counted once
    old = [TODAY - dt.timedelta(days=back) for back in (300, 301, 302)]
    for date in old:
        journal.save_day(make_day(date=date, coping=("walk",)))
    assert journal.coping_suggestions() == ["walk", "swim"]  # an old day's save: read again
    for date in old:
        journal.delete_day(date)
    assert journal.coping_suggestions() == ["swim", "walk"]


def test_been_a_while_reads_a_last_contact_older_than_every_wish(
    journal: Journal, make_contact
) -> None:
    sam = journal.add_person("Sam", "friend")
    noor = journal.add_person("Noor", "friend")
    journal.add_person("Quiet", "neighbour")
    journal.add_contact(make_contact(date=TODAY - dt.timedelta(days=400), person_id=sam.id))
    journal.add_contact(make_contact(date=TODAY - dt.timedelta(days=3), person_id=sam.id))
    journal.add_contact(make_contact(date=TODAY - dt.timedelta(days=500), person_id=noor.id))
    journal.set_keep_in_touch(sam.id, 2)
    journal.set_keep_in_touch(noor.id, 30)
    assert [(w.name, w.days) for w in journal.been_a_while()] == [("Noor", 500), ("Sam", 3)]
    quiet = journal.person_by_name("Quiet")
    journal.set_keep_in_touch(quiet.id, 7)
    first = journal.been_a_while()[0]
    assert (first.name, first.days) == ("Quiet", None)
