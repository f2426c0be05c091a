"""When to invite the person to check in: pure rules, with the clock passed in.

The reminder is an invitation, never a streak or a debt: it appears once a day after the
chosen time, only if the day has no check-in yet, and says nothing about missed days.
"""

from __future__ import annotations

import datetime as dt

from journal.domain.errors import ValidationError
from journal.domain.settings import day_of
from journal.i18n import QT_TRANSLATE_NOOP, translate

#: The invitation in English, marked for translation; show it with ``invitation()``.
INVITATION = QT_TRANSLATE_NOOP("reminders", "Would you like to take a minute for today's check-in?")


def invitation() -> str:
    """The daily invitation in the person's language."""
    return translate("reminders", INVITATION)


def parse_time(text: str) -> dt.time | None:
    """``"HH:MM"`` (24-hour) or ``""`` for no reminder."""
    text = text.strip()
    if not text:
        return None
    try:
        hours, minutes = (int(part) for part in text.split(":"))
        return dt.time(hours, minutes)
    except ValueError:
        raise ValidationError(
            "reminder_time", translate("validation", "reminder time must be like 20:30")
        ) from None


def reminder_due(
    now: dt.datetime,
    reminder_time: str,
    *,
    checked_in_today: bool,
    last_shown: dt.date | None,
    day_starts_at: int = 0,
) -> bool:
    """True when the daily invitation should appear now.

    ``checked_in_today`` and ``last_shown`` are about the journal day of ``now`` (which, with
    a day starting at ``day_starts_at`` o'clock, is the day before until that hour); the time
    is counted from the start of that day, so a reminder at 20:00 is still due at 1 am when
    the day ends at 4.
    """
    at = parse_time(reminder_time)
    if at is None or checked_in_today or last_shown == day_of(now, day_starts_at):
        return False
    start = day_starts_at * 60
    since_start = (now.hour * 60 + now.minute - start) % 1440
    due_after = (at.hour * 60 + at.minute - start) % 1440
    return since_start >= due_after
