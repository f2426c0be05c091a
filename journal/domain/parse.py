"""Typed text (from a form or the command line) into records, naming every bad field at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from journal.domain import validate as v
from journal.domain.errors import ValidationError
from journal.domain.kinds import Mode, Relationship
from journal.domain.records import FIVE_POINT, RATINGS, Contact, Day


def _collect(steps: Mapping[str, Callable[[], Any]]) -> dict[str, Any]:
    """Run each field's conversion; raise one error listing every field that failed."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field, convert in steps.items():
        try:
            values[field] = convert()
        except ValidationError as error:
            errors[error.field] = error.message
    if errors:
        first, *rest = errors.items()
        raise ValidationError(first[0], first[1], others=dict(rest))
    return values


def parse_coping(raw: str) -> tuple[str, ...]:
    """Comma-separated tags, blanks dropped."""
    return tuple(tag.strip() for tag in raw.split(",") if tag.strip())


def parse_day(date: dt.date, raw: Mapping[str, str]) -> Day:
    """A check-in from typed text: ``raw`` maps field names to what the person typed.

    Every field is checked, so all mistakes are reported together (``ValidationError.all``).
    """

    def rating(name: str) -> Callable[[], int | None]:
        def convert() -> int | None:
            value = v.parse_int(name, raw.get(name, ""), required=name == "mood")
            return v.optional_int(name, value, 0, 10)

        return convert

    steps: dict[str, Callable[[], Any]] = {name: rating(name) for name in RATINGS}
    steps["sleep_hours"] = lambda: v.optional_float(
        "sleep_hours", v.parse_float("sleep_hours", raw.get("sleep_hours", "")), 0, 24
    )
    steps["note"] = lambda: v.text("note", raw.get("note", ""))
    steps["coping"] = lambda: parse_coping(raw.get("coping", ""))
    values = _collect(steps)
    return Day(date=date, **values)


def parse_contact(date: dt.date, raw: Mapping[str, str]) -> tuple[str, Contact]:
    """The person's name and a contact (without its person) from typed text (``person``,
    ``kind``, ``mode``, ``minutes``, ``quality``, ``note``), naming every bad field at once in
    the words of the Today row ("how connected must be between 1 and 5")."""
    values = _collect(
        {
            "person": lambda: v.name("person", raw["person"]),
            "kind": lambda: v.choice("kind", raw["kind"], Relationship),
            "mode": lambda: v.choice("mode", raw["mode"], Mode),
            "minutes": lambda: v.optional_int(
                "minutes", v.parse_int("minutes", raw["minutes"]), 0, 1440
            ),
            "how_connected": lambda: v.int_in_range(
                "how_connected",
                v.parse_int("how_connected", raw["quality"], required=True),
                *FIVE_POINT,
            ),
            "note": lambda: v.text("note", raw["note"]),
        }
    )
    contact = Contact(
        date=date,
        kind=values["kind"],
        mode=values["mode"],
        quality=values["how_connected"],
        minutes=values["minutes"],
        note=values["note"],
    )
    return values["person"], contact


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def day_as_text(day: Day | None) -> dict[str, str]:
    """A check-in as the text a form shows (and ``parse_day`` reads back)."""
    if day is None:
        return {name: "" for name in (*RATINGS, "sleep_hours", "coping", "note")}
    values = {name: _text(getattr(day, name)) for name in (*RATINGS, "sleep_hours")}
    values["coping"] = ", ".join(day.coping)
    values["note"] = day.note
    return values
