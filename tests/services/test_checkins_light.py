"""The Check-ins page's reminders and history read no more questionnaires than they show
(issue 21, memory): a reminder asks the last date taken, a history reads its instrument."""

import datetime as dt
import random

import pytest

from journal.domain.kinds import Instrument
from journal.domain.questionnaires import questionnaire
from journal.domain.records import Assessment
from journal.store import assessments as assessments_store
from tests.helpers import TODAY


def _fill(journal, rng: random.Random, count: int) -> list[Assessment]:
    saved = []
    for _ in range(count):
        instrument = rng.choice(list(Instrument))
        spec = questionnaire(instrument)
        low, high = spec.lowest // len(spec.items), spec.highest // len(spec.items)
        answers = tuple(rng.randrange(low, high + 1) for _ in spec.items)
        date = TODAY - dt.timedelta(days=rng.randrange(0, 120))
        saved.append(
            journal.save_assessment(Assessment(date=date, instrument=instrument, answers=answers))
        )
    return saved


def test_reminders_and_histories_are_those_of_every_questionnaire_read(
    journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(9)
    _fill(journal, rng, 60)
    everything = assessments_store.list_assessments(journal.db)
    read_all = assessments_store.list_assessments

    def one_instrument_only(db, *, assessment_id=None, instrument=None):
        assert instrument is not None or assessment_id is not None, "a lifetime read"
        return read_all(db, assessment_id=assessment_id, instrument=instrument)

    monkeypatch.setattr(assessments_store, "list_assessments", one_instrument_only)
    every = journal.settings().questionnaire_every_days
    for _ in range(25):
        on = TODAY - dt.timedelta(days=rng.randrange(0, 130))
        for instrument in Instrument:
            taken = [a.date for a in everything if a.instrument is instrument and a.date <= on]
            due = journal.questionnaire_due(instrument, on)
            if not taken:
                assert due is not None and (due.last, due.days_since) == (None, None)
            elif (on - taken[-1]).days >= every:
                assert due is not None and due.last == taken[-1]
                assert due.days_since == (on - taken[-1]).days
            else:
                assert due is None
    for instrument in Instrument:
        wanted = [a for a in everything if a.instrument is instrument]
        assert journal.assessments(instrument) == wanted
    _fill(journal, rng, 3)  # a new one shows at once (what is kept is read again)
    monkeypatch.setattr(assessments_store, "list_assessments", read_all)
    assert journal.assessments() == assessments_store.list_assessments(journal.db)
    for instrument in Instrument:
        last = max(a.date for a in journal.assessments(instrument))
        due = journal.questionnaire_due(instrument)
        assert due is None or due.last == last
