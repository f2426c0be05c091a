"""Translation and locale hooks for the pure core (insights, the summary, validation messages).

The core imports no Qt, yet its sentences are shown in the app and must follow the person's
language and locale. So the core calls the functions below, which default to English and ISO-ish
formats (what the command line and the tests see), and the app installs Qt-backed versions at
start (``journal.ui.locale.install``): ``QCoreApplication.translate`` for text and ``QLocale``
for dates and numbers.

Every call site passes literal strings, so ``pyside6-lupdate`` finds them: it recognises
``translate("context", "text")`` and ``QT_TRANSLATE_NOOP("context", "text")`` by name, in any
module. Keep the context and the text literal at the call site; format afterwards with
``str.format`` and named fields, so a translator can move the fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Literal

DateStyle = Literal["date", "weekday_date", "month_year", "month", "day_month", "date_time"]
"""How a date is shown: ``date`` 25 Nov 2026, ``weekday_date`` Wed 25 Nov 2026, ``month_year``
Nov 2026, ``month`` Nov, ``day_month`` 25 Nov, ``date_time`` 2026-11-25 10:05 (a datetime)."""

Translator = Callable[[str, str], str]
DateFormatter = Callable[[dt.date, DateStyle], str]
NumberFormatter = Callable[[float, int], str]

_DEFAULT_PATTERNS: dict[str, str] = {
    "date": "%d %b %Y",
    "weekday_date": "%a %d %b %Y",
    "month_year": "%b %Y",
    "month": "%b",
    "day_month": "%d %b",
    "date_time": "%Y-%m-%d %H:%M",
}


def _english(context: str, text: str) -> str:
    return text


def _default_date(day: dt.date, style: DateStyle) -> str:
    # "%d" writes "05 Mar", which reads as a code; people write "5 Mar"
    pattern = _DEFAULT_PATTERNS[style]
    if style != "date_time":
        pattern = pattern.replace("%d", str(day.day))
    return day.strftime(pattern)


def _default_number(value: float, digits: int) -> str:
    return f"{value:.{digits}f}".replace("-", "\u2212")


_translator: Translator = _english
_date_formatter: DateFormatter = _default_date
_number_formatter: NumberFormatter = _default_number


def translate(context: str, text: str) -> str:
    """``text`` in the person's language (English until the app installs a translator)."""
    return _translator(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark ``text`` for translation where it is defined (a table); translate it where shown."""
    return text


def format_date(day: dt.date, style: DateStyle = "date") -> str:
    """A date as the locale writes it (day-month-year English abbreviations by default)."""
    return _date_formatter(day, style)


def format_number(value: float, digits: int = 1) -> str:
    """A number with ``digits`` decimals and the locale's separators (a true minus sign).

    A value that rounds to zero is written without a sign ("0.0", never "−0.0": a difference
    of −0.04 is no difference at this precision)."""
    if round(float(value), digits) == 0:
        value = 0.0
    return _number_formatter(value, digits)


def count_days(n: int) -> str:
    """``n`` days as a phrase, singular for one: "1 day", "1,204 days"."""
    if n == 1:
        return translate("counts", "1 day")
    return translate("counts", "{n} days").format(n=format_number(n, 0))


def count_fewer_days(n: int) -> str:
    """What a change would take away: "1 fewer day", "3 fewer days"."""
    if n == 1:
        return translate("counts", "1 fewer day")
    return translate("counts", "{n} fewer days").format(n=format_number(n, 0))


def format_figure(value: float, most: int = 1) -> str:
    """A value with the decimals it has, up to ``most`` (1 or 2): ``7``, ``7.5``, ``7.25``.

    The one formatter for figures that are usually whole (a mood, a count, a score), so the
    screen, the summary and the messages write the same value the same way.
    """
    value = float(value)
    if value.is_integer():
        digits = 0
    elif most < 2 or round(value, 1) == value:
        digits = 1
    else:
        digits = 2
    return format_number(value, digits)


def install(
    translator: Translator | None = None,
    date_formatter: DateFormatter | None = None,
    number_formatter: NumberFormatter | None = None,
) -> None:
    """Replace the hooks given; the app calls this once at start, tests undo it with reset()."""
    global _translator, _date_formatter, _number_formatter
    if translator is not None:
        _translator = translator
    if date_formatter is not None:
        _date_formatter = date_formatter
    if number_formatter is not None:
        _number_formatter = number_formatter


def reset() -> None:
    """Back to English and the default formats (for tests and the command line)."""
    global _translator, _date_formatter, _number_formatter
    _translator, _date_formatter, _number_formatter = (_english, _default_date, _default_number)
