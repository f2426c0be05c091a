"""How the insight sentences write numbers, counts, ranges and "when" (one place for the
rules every sentence follows), and the sentences that need no statistics of their own:
isolation and bouncing back.

- No negative zero: a value that rounds to 0 is written as 0, and a CI end that is not 0 but
  rounds to it gets more decimals ("−0.04"), so a clear difference never reads "to −0.0".
- Relative words ("today", "yesterday", "3 days ago") only when the range reaches the real
  today; a range that ended before today speaks in dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journal.analysis.stats import Status
from journal.analysis.streaks import Isolation, Resilience
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
    return count(
        QT_TRANSLATE_NOOP("insights", "{n} day"), QT_TRANSLATE_NOOP("insights", "{n} days"), n
    )


def logged_days(n: int) -> str:
    return count(
        QT_TRANSLATE_NOOP("insights", "{n} logged day"),
        QT_TRANSLATE_NOOP("insights", "{n} logged days"),
        n,
    )


def day_pairs(n: int) -> str:
    return count(
        QT_TRANSLATE_NOOP("insights", "{n} day pair"),
        QT_TRANSLATE_NOOP("insights", "{n} day pairs"),
        n,
    )


def span(start: dt.date, end: dt.date) -> str:
    return translate("insights", "{start} to {end}").format(
        start=format_date(start, "date"), end=format_date(end, "date")
    )


def ci(low: float, high: float, digits: int) -> dict[str, str]:
    """The fields ``low`` and ``high`` of a confidence interval, as the locale writes them."""
    return {"low": number(low, digits), "high": number(high, digits)}


def when(date: dt.date, today: dt.date | None, end: dt.date) -> str:
    """ "today", "yesterday", "N days ago" counted from the real ``today`` when the range
    reaches it; otherwise "on <date>"."""
    if today is None or end < today or date > today:
        return translate("insights", "on {date}").format(date=format_date(date, "date"))
    ago = (today - date).days
    if ago == 0:
        return translate("insights", "today")
    if ago == 1:
        return translate("insights", "yesterday")
    return count(
        QT_TRANSLATE_NOOP("insights", "{n} day ago"),
        QT_TRANSLATE_NOOP("insights", "{n} days ago"),
        ago,
    )


def early(status: Status, text: str, counted: str) -> str:
    """Prefix a sentence with "Early signal" when it rests on fewer than 30 days.

    The template gets the sentence as it stands (``{sentence}``) and with its first letter
    lowered (``{sentence_lowercase}``, what English needs after the colon), so a language
    whose words keep their capitals can use the first.
    """
    if status is not Status.EARLY:
        return text
    return translate("insights", "Early signal, from only {count}: {sentence_lowercase}").format(
        count=counted, sentence=text, sentence_lowercase=text[:1].lower() + text[1:]
    )


@dataclass(frozen=True, slots=True)
class Insight:
    """One sentence and the figure behind it; ``weight`` ranks it (effect size x sample)."""

    key: str
    sentence: str
    status: Status
    weight: float


def isolation_sentence(
    result: Isolation, span: str, today: dt.date | None, end: dt.date
) -> Insight | None:
    """Counted over logged days only; "today" and "N days ago" from the real today."""
    if result.logged_days == 0:
        return None
    if result.current is None or result.last_meaningful is None:
        text = translate(
            "insights",
            "No contact rated 4 or 5 for how connected it felt was "
            "logged in {span}. Is there someone you could reach out "
            "to?",
        ).format(span=span)
        return Insight("isolation", text, Status.OK, 0.0)
    last = translate("insights", "Your last contact that felt good was {when}.").format(
        when=when(result.last_meaningful, today, end)
    )
    if result.longest == 0:
        rest = translate("insights", "Every logged day in {span} had one.").format(span=span)
    else:
        rest = translate(
            "insights", "The longest stretch of logged days without one in {span} was {longest}."
        ).format(span=span, longest=logged_days(result.longest))
    return Insight("isolation", f"{last} {rest}", Status.OK, 0.0)


def resilience_sentence(result: Resilience, span: str) -> Insight | None:
    if not result.reportable or result.median_days is None:
        return None
    days = result.median_days
    digits = 0 if days == int(days) else 1
    if days <= 1:
        back = translate("insights", "the next day")
    else:
        back = translate("insights", "within {days} days").format(days=format_number(days, digits))
    text = translate(
        "insights",
        "After a lower day (mood below {usual_low}), your mood usually "
        "came back to its usual range {when} (median of {episodes} low "
        "spells, {span}).",
    ).format(
        usual_low=number(result.usual_low or 0.0, 1),
        when=back,
        episodes=format_number(result.episodes, 0),
        span=span,
    )
    return Insight("bounce_back", text, Status.OK, 0.0)
