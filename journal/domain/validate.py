"""Small checks every record uses, each raising ``ValidationError`` naming its field.

Messages use the field's words ("sleep hours must be between 0 and 24") so the UI can show
them beside the field and the CLI can print them as they are.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from enum import StrEnum
from typing import TypeVar

from journal.domain.errors import ValidationError
from journal.i18n import QT_TRANSLATE_NOOP, format_figure, translate

E = TypeVar("E", bound=StrEnum)

#: Longest note or free text kept in one field; long enough for a page of writing.
MAX_TEXT = 20_000
#: Longest name of a person, group, medication or commitment.
MAX_NAME = 120
#: A lone UTF-16 surrogate (undecodable bytes on the command line become one): never storable.
_SURROGATE = re.compile("[\ud800-\udfff]")


#: The words of each field name the records and use cases check, marked for translation here
#: and translated in ``label`` (a field name itself is a data key and never changes).
FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("validation", "name"),
    "relationship": QT_TRANSLATE_NOOP("validation", "relationship"),
    "id": QT_TRANSLATE_NOOP("validation", "id"),
    "archived": QT_TRANSLATE_NOOP("validation", "archived"),
    "note": QT_TRANSLATE_NOOP("validation", "note"),
    "coping": QT_TRANSLATE_NOOP("validation", "coping"),
    "date": QT_TRANSLATE_NOOP("validation", "date"),
    "mood": QT_TRANSLATE_NOOP("validation", "mood"),
    "anxiety": QT_TRANSLATE_NOOP("validation", "anxiety"),
    "loneliness": QT_TRANSLATE_NOOP("validation", "loneliness"),
    "energy": QT_TRANSLATE_NOOP("validation", "energy"),
    "physical": QT_TRANSLATE_NOOP("validation", "physical"),
    "sleep_hours": QT_TRANSLATE_NOOP("validation", "sleep hours"),
    "kind": QT_TRANSLATE_NOOP("validation", "kind"),
    "mode": QT_TRANSLATE_NOOP("validation", "mode"),
    "quality": QT_TRANSLATE_NOOP("validation", "quality"),
    "how_connected": QT_TRANSLATE_NOOP("validation", "how connected"),
    "person": QT_TRANSLATE_NOOP("validation", "person"),
    "person_id": QT_TRANSLATE_NOOP("validation", "person id"),
    "minutes": QT_TRANSLATE_NOOP("validation", "minutes"),
    "status": QT_TRANSLATE_NOOP("validation", "status"),
    "felt_heard": QT_TRANSLATE_NOOP("validation", "felt heard"),
    "doses_per_day": QT_TRANSLATE_NOOP("validation", "doses per day"),
    "started_on": QT_TRANSLATE_NOOP("validation", "started on"),
    "dose": QT_TRANSLATE_NOOP("validation", "dose"),
    "stopped_on": QT_TRANSLATE_NOOP("validation", "stopped on"),
    "medication_id": QT_TRANSLATE_NOOP("validation", "medication id"),
    "taken": QT_TRANSLATE_NOOP("validation", "taken"),
    "title": QT_TRANSLATE_NOOP("validation", "title"),
    "per_week": QT_TRANSLATE_NOOP("validation", "per week"),
    "suggested_by": QT_TRANSLATE_NOOP("validation", "suggested by"),
    "ended_on": QT_TRANSLATE_NOOP("validation", "ended on"),
    "commitment_id": QT_TRANSLATE_NOOP("validation", "commitment id"),
    "done": QT_TRANSLATE_NOOP("validation", "done"),
    "instrument": QT_TRANSLATE_NOOP("validation", "instrument"),
    "answers": QT_TRANSLATE_NOOP("validation", "answers"),
    "text": QT_TRANSLATE_NOOP("validation", "text"),
    "created_on": QT_TRANSLATE_NOOP("validation", "created on"),
    "discussed_on": QT_TRANSLATE_NOOP("validation", "discussed on"),
    "warning_signs": QT_TRANSLATE_NOOP("validation", "warning signs"),
    "coping_strategies": QT_TRANSLATE_NOOP("validation", "coping strategies"),
    "distractions": QT_TRANSLATE_NOOP("validation", "distractions"),
    "people_to_ask": QT_TRANSLATE_NOOP("validation", "people to ask"),
    "professionals": QT_TRANSLATE_NOOP("validation", "professionals"),
    "crisis_line": QT_TRANSLATE_NOOP("validation", "crisis line"),
    "safer_surroundings": QT_TRANSLATE_NOOP("validation", "safer surroundings"),
    "reasons_for_living": QT_TRANSLATE_NOOP("validation", "reasons for living"),
    "display_name": QT_TRANSLATE_NOOP("validation", "display name"),
    "theme": QT_TRANSLATE_NOOP("validation", "theme"),
    "reminder_time": QT_TRANSLATE_NOOP("validation", "reminder time"),
    "questionnaire_every_days": QT_TRANSLATE_NOOP("validation", "questionnaire every days"),
    "window_geometry": QT_TRANSLATE_NOOP("validation", "window geometry"),
    "keep_in_touch_days": QT_TRANSLATE_NOOP("validation", "keep in touch every (days)"),
    "touch_dismissed_on": QT_TRANSLATE_NOOP("validation", "set aside on"),
    "lock_after_minutes": QT_TRANSLATE_NOOP("validation", "lock after minutes"),
}


def label(field: str) -> str:
    """The words for a field name in the person's language: ``sleep_hours`` → ``sleep hours``.

    A field without an entry in ``FIELD_LABELS`` is shown as its name with spaces (English).
    """
    known = FIELD_LABELS.get(field)
    return translate("validation", known) if known else field.replace("_", " ")


def number(value: float) -> str:
    """A limit in a message as the locale writes it: whole numbers without decimals."""
    if isinstance(value, int) and abs(value) >= 2**53:  # a float would round it (row ids)
        return str(value)
    return format_figure(value, 2)


def int_in_range(field: str, value: object, low: int, high: int) -> int:
    """A whole number within ``low..high`` (booleans are not numbers here)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(
            field,
            translate("validation", "{field} must be a whole number").format(field=label(field)),
        )
    if not low <= value <= high:
        raise ValidationError(
            field,
            translate("validation", "{field} must be between {low} and {high}").format(
                field=label(field), low=number(low), high=number(high)
            ),
        )
    return value


def optional_int(field: str, value: object, low: int, high: int) -> int | None:
    """Like ``int_in_range`` but ``None`` means "not recorded"."""
    return None if value is None else int_in_range(field, value, low, high)


def optional_float(field: str, value: object, low: float, high: float) -> float | None:
    """A finite number within ``low..high`` or ``None``."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(
            field, translate("validation", "{field} must be a number").format(field=label(field))
        )
    if not low <= value <= high:
        raise ValidationError(
            field,
            translate("validation", "{field} must be between {low} and {high}").format(
                field=label(field), low=number(low), high=number(high)
            ),
        )
    return float(value)


def date_value(field: str, value: object) -> dt.date:
    """A calendar date, given as a ``date`` or an ISO ``YYYY-MM-DD`` string."""
    if isinstance(value, dt.datetime):
        raise ValidationError(
            field,
            translate("validation", "{field} must be a date, not a date and time").format(
                field=label(field)
            ),
        )
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            if len(value) == 10:
                return dt.date.fromisoformat(value)
        except ValueError:
            pass
        raise ValidationError(
            field,
            translate("validation", "{field} must be a date like 2026-03-31").format(
                field=label(field)
            ),
        )
    raise ValidationError(
        field, translate("validation", "{field} must be a date").format(field=label(field))
    )


def optional_date(field: str, value: object) -> dt.date | None:
    """A date or ``None``."""
    return None if value is None or value == "" else date_value(field, value)


def text(field: str, value: object, *, required: bool = False, max_len: int = MAX_TEXT) -> str:
    """Free text; surrounding whitespace is kept (it is the person's words) unless required."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(
            field, translate("validation", "{field} must be text").format(field=label(field))
        )
    if required and not value.strip():
        raise ValidationError(
            field, translate("validation", "{field} must not be empty").format(field=label(field))
        )
    if len(value) > max_len:
        raise ValidationError(
            field,
            translate("validation", "{field} must be at most {count} characters").format(
                field=label(field), count=number(max_len)
            ),
        )
    if not value.isascii() and _SURROGATE.search(value):  # bytes a terminal could not decode
        raise ValidationError(
            field,
            translate("validation", "{field} holds a character that is not valid text").format(
                field=label(field)
            ),
        )
    return value


def name(field: str, value: object) -> str:
    """A required short name, trimmed."""
    return text(field, value, required=True, max_len=MAX_NAME).strip()


def choice(field: str, value: object, enum: type[E]) -> E:
    """One of an enumeration's values, given as the member or its string."""
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise ValidationError(
            field,
            translate("validation", "{field} must be one of: {allowed}").format(
                field=label(field), allowed=allowed
            ),
        ) from None


def optional_id(field: str, value: object) -> int | None:
    """A row id (positive whole number) or ``None``."""
    if value is None:
        return None
    return int_in_range(field, value, 1, 2**63 - 1)


def not_after(field: str, value: dt.date, today: dt.date) -> dt.date:
    """Refuse a date in the future: a check-in is about a day that has happened."""
    if value > today:
        raise ValidationError(
            field,
            translate("validation", "{field} cannot be in the future").format(field=label(field)),
        )
    return value


def parse_int(field: str, raw: str, *, required: bool = False) -> int | None:
    """Turn typed text into a whole number; blank is ``None`` unless the field is required."""
    raw = raw.strip()
    if not raw:
        if required:
            raise ValidationError(
                field, translate("validation", "{field} is required").format(field=label(field))
            )
        return None
    try:
        return int(raw)
    except ValueError:
        raise ValidationError(
            field,
            translate("validation", "{field} must be a whole number").format(field=label(field)),
        ) from None


def parse_float(field: str, raw: str) -> float | None:
    """Turn typed text into a number (a comma as decimal mark is accepted); blank is ``None``."""
    raw = raw.strip().replace(",", ".")
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise ValidationError(
            field, translate("validation", "{field} must be a number").format(field=label(field))
        ) from None
    if not math.isfinite(value):
        raise ValidationError(
            field, translate("validation", "{field} must be a number").format(field=label(field))
        )
    return value
