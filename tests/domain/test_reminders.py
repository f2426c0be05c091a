import datetime as dt

import pytest

from journal.domain.errors import ValidationError
from journal.domain.reminders import INVITATION, reminder_due
from journal.domain.settings import Settings

EVENING = dt.datetime(2026, 3, 15, 20, 31)


@pytest.mark.parametrize(
    ("now", "time", "checked_in", "last", "due"),
    [
        (EVENING, "20:30", False, None, True),
        (EVENING, "20:45", False, None, False),  # not yet
        (EVENING, "", False, None, False),  # off until the person picks a time
        (EVENING, "20:30", True, None, False),  # already checked in today
        (EVENING, "20:30", False, EVENING.date(), False),  # once a day
        (EVENING, "20:30", False, EVENING.date() - dt.timedelta(days=1), True),
    ],
)
def test_reminder_due(now, time, checked_in, last, due) -> None:
    assert reminder_due(now, time, checked_in_today=checked_in, last_shown=last) is due


def test_reminder_time_is_validated() -> None:
    Settings(reminder_time="07:05")
    for bad in ("7", "25:00", "20:5", "ab:cd"):
        with pytest.raises(ValidationError) as caught:
            Settings(reminder_time=bad)
        assert caught.value.field == "reminder_time"


def test_the_invitation_is_not_a_guilt_trip() -> None:
    assert "?" in INVITATION
    for word in ("streak", "missed", "forgot", "should", "again"):
        assert word not in INVITATION.lower()
