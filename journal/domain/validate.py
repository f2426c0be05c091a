"""Small checks every record uses, each raising ``ValidationError`` naming its field.

Messages use the field's words ("sleep hours must be between 0 and 24") so the UI can show
them beside the field and the CLI can print them as they are.
"""

from __future__ import annotations

import datetime as dt
import math
from enum import StrEnum
from typing import TypeVar

from journal.domain.errors import ValidationError

E = TypeVar("E", bound=StrEnum)

#: Longest note or free text kept in one field; long enough for a page of writing.
MAX_TEXT = 20_000
#: Longest name of a person, group, medication or commitment.
MAX_NAME = 120


def label(field: str) -> str:
    """The words for a field name: ``sleep_hours`` → ``sleep hours``."""
    return field.replace("_", " ")


def int_in_range(field: str, value: object, low: int, high: int) -> int:
    """A whole number within ``low..high`` (booleans are not numbers here)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, f"{label(field)} must be a whole number")
    if not low <= value <= high:
        raise ValidationError(field, f"{label(field)} must be between {low} and {high}")
    return value


def optional_int(field: str, value: object, low: int, high: int) -> int | None:
    """Like ``int_in_range`` but ``None`` means "not recorded"."""
    return None if value is None else int_in_range(field, value, low, high)


def optional_float(field: str, value: object, low: float, high: float) -> float | None:
    """A finite number within ``low..high`` or ``None``."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(field, f"{label(field)} must be a number")
    if not low <= value <= high:
        raise ValidationError(field, f"{label(field)} must be between {low:g} and {high:g}")
    return float(value)


def date_value(field: str, value: object) -> dt.date:
    """A calendar date, given as a ``date`` or an ISO ``YYYY-MM-DD`` string."""
    if isinstance(value, dt.datetime):
        raise ValidationError(field, f"{label(field)} must be a date, not a date and time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            if len(value) == 10:
                return dt.date.fromisoformat(value)
        except ValueError:
            pass
        raise ValidationError(field, f"{label(field)} must be a date like 2026-03-31")
    raise ValidationError(field, f"{label(field)} must be a date")


def optional_date(field: str, value: object) -> dt.date | None:
    """A date or ``None``."""
    return None if value is None or value == "" else date_value(field, value)


def text(field: str, value: object, *, required: bool = False, max_len: int = MAX_TEXT) -> str:
    """Free text; surrounding whitespace is kept (it is the person's words) unless required."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, f"{label(field)} must be text")
    if required and not value.strip():
        raise ValidationError(field, f"{label(field)} must not be empty")
    if len(value) > max_len:
        raise ValidationError(field, f"{label(field)} must be at most {max_len:,} characters")
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
        raise ValidationError(field, f"{label(field)} must be one of: {allowed}") from None


def optional_id(field: str, value: object) -> int | None:
    """A row id (positive whole number) or ``None``."""
    if value is None:
        return None
    return int_in_range(field, value, 1, 2**63 - 1)


def not_after(field: str, value: dt.date, today: dt.date) -> dt.date:
    """Refuse a date in the future: a check-in is about a day that has happened."""
    if value > today:
        raise ValidationError(field, f"{label(field)} cannot be in the future")
    return value


def parse_int(field: str, raw: str, *, required: bool = False) -> int | None:
    """Turn typed text into a whole number; blank is ``None`` unless the field is required."""
    raw = raw.strip()
    if not raw:
        if required:
            raise ValidationError(field, f"{label(field)} is required")
        return None
    try:
        return int(raw)
    except ValueError:
        raise ValidationError(field, f"{label(field)} must be a whole number") from None


def parse_float(field: str, raw: str) -> float | None:
    """Turn typed text into a number (a comma as decimal mark is accepted); blank is ``None``."""
    raw = raw.strip().replace(",", ".")
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise ValidationError(field, f"{label(field)} must be a number") from None
    if not math.isfinite(value):
        raise ValidationError(field, f"{label(field)} must be a number")
    return value
