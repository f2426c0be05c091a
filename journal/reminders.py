"""When to invite the person to check in: pure rules, with the clock passed in.

The reminder is an invitation, never a streak or a debt: it appears once a day after the
chosen time, only if the day has no check-in yet, and says nothing about missed days.
"""

from __future__ import annotations

import datetime as dt

from journal.domain.errors import ValidationError
from journal.i18n import QT_TRANSLATE_NOOP, translate

#: The invitation in English, marked for translation; show it with ``invitation()``.
INVITATION = QT_TRANSLATE_NOOP("reminders", "Would you like to take a minute for today's "
                                            "check-in?")


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
        raise ValidationError("reminder_time", translate(
            "validation", "reminder time must be like 20:30")) from None


def reminder_due(now: dt.datetime, reminder_time: str, *, checked_in_today: bool,
                 last_shown: dt.date | None) -> bool:
    """True when the daily invitation should appear now."""
    at = parse_time(reminder_time)
    if at is None or checked_in_today or last_shown == now.date():
        return False
    return now.time().replace(tzinfo=None) >= at
