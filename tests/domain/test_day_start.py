""" "Day starts at": before the chosen hour an entry belongs to the day before — in the journal,
the command line's default date and the daily reminder."""

import datetime as dt
import types
from pathlib import Path

import pytest

from journal.cli import main
from journal.domain.errors import ValidationError
from journal.domain.records import Day
from journal.domain.reminders import reminder_due
from journal.domain.settings import Settings, day_of
from journal.services import Journal
from journal.services import base as services

NIGHT = dt.datetime(2026, 3, 15, 1, 30)  # half past one in the night of the 14th to the 15th
EVENING = dt.date(2026, 3, 14)


def test_the_default_is_midnight() -> None:
    assert Settings().day_starts_at == 0
    assert day_of(NIGHT) == NIGHT.date()


@pytest.mark.parametrize(
    ("hour", "expected"),
    [(0, NIGHT.date()), (1, NIGHT.date()), (2, EVENING), (4, EVENING), (23, EVENING)],
)
def test_before_the_hour_it_is_still_the_day_before(hour: int, expected: dt.date) -> None:
    assert day_of(NIGHT, hour) == expected


@pytest.mark.parametrize("bad", [-1, 24, "4", True, 2.5])
def test_the_hour_is_a_whole_hour_of_the_day(bad: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(day_starts_at=bad)  # type: ignore[arg-type]
    assert caught.value.field == "day_starts_at"


def test_journal_today_follows_the_setting_and_refuses_the_calendar_day() -> None:
    journal = Journal.in_memory(clock=lambda: NIGHT.astimezone())
    assert journal.today() == NIGHT.date()
    journal.update_settings(day_starts_at=4)
    assert journal.settings().day_starts_at == 4
    assert journal.today() == EVENING
    with pytest.raises(ValidationError):  # the 15th has not begun yet
        journal.save_day(Day(date=NIGHT.date(), mood=5))
    journal.save_day(Day(date=EVENING, mood=5))
    journal.close()


@pytest.fixture
def at_night(monkeypatch: pytest.MonkeyPatch) -> None:
    """The wall clock the command line reads shows half past one in the night."""

    class Night(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> "Night":  # type: ignore[override]
            return cls.fromtimestamp(NIGHT.timestamp(), tz)

    monkeypatch.setattr(
        services,
        "dt",
        types.SimpleNamespace(datetime=Night, date=dt.date, timedelta=dt.timedelta, time=dt.time),
    )


@pytest.mark.parametrize(("hour", "expected"), [(0, NIGHT.date()), (4, EVENING)])
def test_the_cli_default_date_is_the_journal_day(
    tmp_path: Path, at_night: None, hour: int, expected: dt.date
) -> None:
    folder = tmp_path / "j"
    journal = Journal.open(folder)
    journal.update_settings(day_starts_at=hour)
    journal.close()
    assert main(["log", "--mood", "6", "--data-dir", str(folder)]) == 0
    journal = Journal.open(folder)
    try:
        assert journal.day(expected) is not None and journal.day(expected).mood == 6
        assert journal.dates_with_checkins(EVENING, NIGHT.date()) == {expected}
    finally:
        journal.close()


def test_the_reminder_counts_the_night_as_the_evening_before() -> None:
    night = NIGHT.astimezone()
    # at midnight-start days, 1:30 is early on the 15th: a 20:00 reminder is not due yet
    assert not reminder_due(night, "20:00", checked_in_today=False, last_shown=None)
    # with days that start at 4, 1:30 is late on the 14th: still due, once for that day
    assert reminder_due(night, "20:00", checked_in_today=False, last_shown=None, day_starts_at=4)
    assert not reminder_due(
        night, "20:00", checked_in_today=False, last_shown=EVENING, day_starts_at=4
    )
    assert reminder_due(
        night,
        "20:00",
        checked_in_today=False,
        last_shown=EVENING - dt.timedelta(days=1),
        day_starts_at=4,
    )
    morning = night.replace(hour=5)  # the 15th has begun: not before its own 20:00
    assert not reminder_due(
        morning, "20:00", checked_in_today=False, last_shown=EVENING, day_starts_at=4
    )
