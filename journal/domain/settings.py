"""Every setting declared once, with its type and default, stored in the journal itself.

One ``Settings`` value is loaded from the journal's ``settings`` table by the store and passed
in to whoever needs it, never read from a global.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from journal.domain.errors import ValidationError
from journal.domain.validate import label
from journal.i18n import format_number, translate

THEMES = ("system", "light", "dark")
#: The longest idle time before a protected journal's window locks (0 = never).
MAX_LOCK_MINUTES = 24 * 60


def _is_clock_time(text: str) -> bool:
    hours, sep, minutes = text.partition(":")
    return (
        sep == ":"
        and hours.isdigit()
        and minutes.isdigit()
        and len(minutes) == 2
        and 0 <= int(hours) <= 23
        and 0 <= int(minutes) <= 59
    )


@dataclass(frozen=True, slots=True)
class Settings:
    """The person's preferences. ``window_geometry`` is the main window's saved geometry (hex).

    ``day_starts_at`` is the hour (0–23) at which a new day begins: with 4, an entry at 1 am
    still belongs to the day before, for nights that end after midnight (see ``day_of``).
    """

    display_name: str = ""
    theme: str = "system"
    reminder_time: str = ""
    questionnaire_every_days: int = 14
    window_geometry: str = ""
    #: With a passphrase, the window locks after this many idle minutes (0 = never).
    lock_after_minutes: int = 15
    day_starts_at: int = 0

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            if isinstance(f.default, str) and not isinstance(getattr(self, f.name), str):
                raise ValidationError(
                    f.name,
                    translate("validation", "{field} must be text").format(field=label(f.name)),
                )
        if self.reminder_time and not _is_clock_time(self.reminder_time):
            raise ValidationError(
                "reminder_time", translate("validation", "reminder time must be like 20:30")
            )
        if self.theme not in THEMES:
            raise ValidationError(
                "theme",
                translate("validation", "theme must be one of: {allowed}").format(
                    allowed=", ".join(THEMES)
                ),
            )
        if (
            isinstance(self.questionnaire_every_days, bool)
            or not isinstance(self.questionnaire_every_days, int)
            or not (0 <= self.questionnaire_every_days <= 365)
        ):
            raise ValidationError(
                "questionnaire_every_days",
                translate("validation", "{field} must be between {low} and {high}").format(
                    field=label("questionnaire_every_days"),
                    low=format_number(0, 0),
                    high=format_number(365, 0),
                ),
            )

        if (
            isinstance(self.lock_after_minutes, bool)
            or not isinstance(self.lock_after_minutes, int)
            or not (0 <= self.lock_after_minutes <= MAX_LOCK_MINUTES)
        ):
            raise ValidationError(
                "lock_after_minutes",
                translate("validation", "{field} must be between {low} and {high}").format(
                    field=label("lock_after_minutes"),
                    low=format_number(0, 0),
                    high=format_number(MAX_LOCK_MINUTES, 0),
                ),
            )

        if (
            isinstance(self.day_starts_at, bool)
            or not isinstance(self.day_starts_at, int)
            or not (0 <= self.day_starts_at <= 23)
        ):
            raise ValidationError(
                "day_starts_at",
                translate("validation", "{field} must be between {low} and {high}").format(
                    field=translate("validation", "day starts at"),
                    low=format_number(0, 0),
                    high=format_number(23, 0),
                ),
            )

    @classmethod
    def from_mapping(cls, values: dict[str, object]) -> Settings:
        """Build from stored key/values, ignoring keys a newer version may have written."""
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: val for k, val in values.items() if k in known})  # type: ignore[arg-type]


def day_of(moment: dt.datetime, day_starts_at: int = 0) -> dt.date:
    """The journal day ``moment`` belongs to: before ``day_starts_at`` o'clock it is still the
    day before (at 01:30 with a day starting at 4, yesterday)."""
    return (moment - dt.timedelta(hours=day_starts_at)).date()
