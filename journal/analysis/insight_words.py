"""How the insight sentences write numbers, counts, ranges and "when": one place for the
rules every sentence follows.

- No negative zero: a value that rounds to 0 is written as 0, and a CI end that is not 0 but
  rounds to it gets more decimals ("−0.04"), so a clear difference never reads "to −0.0".
- Relative words ("today", "yesterday", "3 days ago") only when the range reaches the real
  today; a range that ended before today speaks in dates.
"""

from __future__ import annotations

import datetime as dt

from journal.analysis.stats import Status
from journal.i18n import QT_TRANSLATE_NOOP, format_date, format_number, translate


def number(value: float, digits: int) -> str:
    """``value`` with ``digits`` decimals, never "−0.0"; a non-zero value that would round to
    0 gets up to two more decimals."""
    for extra in (0, 1, 2):
        rounded = round(value, digits + extra)
        if rounded != 0.0:
            return format_number(rounded, digits + extra)
        if value == 0.0:
            break
    return format_number(0.0, digits)


def count(one: str, many: str, n: int) -> str:
    """``one`` or ``many`` (each marked with ``QT_TRANSLATE_NOOP`` by the caller) for ``n``,
    translated, with ``n`` written by the locale's number hook (``translate_count`` would
    write it as a bare int)."""
    return translate("insights", one if n == 1 else many).format(n=format_number(n, 0))


def days(n: int) -> str:
    return count(QT_TRANSLATE_NOOP("insights", "{n} day"),
                 QT_TRANSLATE_NOOP("insights", "{n} days"), n)


def logged_days(n: int) -> str:
    return count(QT_TRANSLATE_NOOP("insights", "{n} logged day"),
                 QT_TRANSLATE_NOOP("insights", "{n} logged days"), n)


def day_pairs(n: int) -> str:
    return count(QT_TRANSLATE_NOOP("insights", "{n} day pair"),
                 QT_TRANSLATE_NOOP("insights", "{n} day pairs"), n)


def span(start: dt.date, end: dt.date) -> str:
    return translate("insights", "{start} to {end}").format(start=format_date(start, "date"),
                                                             end=format_date(end, "date"))


def ci(low: float, high: float, digits: int) -> dict[str, str]:
    """The fields ``low`` and ``high`` of a confidence interval, as the locale writes them."""
    return {"low": number(low, digits), "high": number(high, digits)}


def when(date: dt.date, today: dt.date | None, end: dt.date) -> str:
    """"today", "yesterday", "N days ago" counted from the real ``today`` when the range
    reaches it; otherwise "on <date>"."""
    if today is None or end < today or date > today:
        return translate("insights", "on {date}").format(date=format_date(date, "date"))
    ago = (today - date).days
    if ago == 0:
        return translate("insights", "today")
    if ago == 1:
        return translate("insights", "yesterday")
    return count(QT_TRANSLATE_NOOP("insights", "{n} day ago"),
                 QT_TRANSLATE_NOOP("insights", "{n} days ago"), ago)


def early(status: Status, text: str, counted: str) -> str:
    """Prefix a sentence with "Early signal" when it rests on fewer than 30 days.

    The template gets the sentence as it stands (``{sentence}``) and with its first letter
    lowered (``{sentence_lowercase}``, what English needs after the colon), so a language
    whose words keep their capitals can use the first.
    """
    if status is not Status.EARLY:
        return text
    return translate("insights", "Early signal, from only {count}: {sentence_lowercase}").format(
        count=counted, sentence=text, sentence_lowercase=text[:1].lower() + text[1:])
