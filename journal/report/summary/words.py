"""The summary's words for dates, counts, shares, questionnaires and "not enough data yet".

Every word goes through ``translate("summary", …)``, every date through ``format_date`` and
every number through ``format_number`` (``format_figure`` for a value with the decimals it
has), so the summary follows the app's language and locale.
"""

from __future__ import annotations

import datetime as dt

from journal.domain.instruments import SPECS
from journal.domain.kinds import Instrument
from journal.i18n import QT_TRANSLATE_NOOP, format_date, format_number, translate
from journal.report.summary.blocks import Paragraph


def day(date: dt.date) -> str:
    return format_date(date, "date")


def span(start: dt.date, end: dt.date) -> str:
    return translate("summary", "{start} to {end}").format(start=day(start), end=day(end))


def whole(n: float) -> str:
    """A count as the locale writes it."""
    return format_number(n, 0)


def share(part: float, whole_: float) -> str:
    if not whole_:
        return "—"
    return translate("summary", "{percent}%").format(percent=whole(100 * part / whole_))


def of(done: float, due: float) -> str:
    """ "3 of 7": a count done of those due."""
    return translate("summary", "{done} of {due}").format(done=whole(done), due=whole(due))


def count(one: str, many: str, n: int) -> str:
    """``one`` or ``many`` (marked with ``QT_TRANSLATE_NOOP`` by the caller) for ``n``,
    translated, with ``n`` written by the locale's number hook."""
    return translate("summary", one if n == 1 else many).format(n=whole(n))


def days(n: int) -> str:
    return count(
        QT_TRANSLATE_NOOP("summary", "{n} day"), QT_TRANSLATE_NOOP("summary", "{n} days"), n
    )


def checkins(n: int) -> str:
    return count(
        QT_TRANSLATE_NOOP("summary", "{n} check-in"),
        QT_TRANSLATE_NOOP("summary", "{n} check-ins"),
        n,
    )


def instrument_title(instrument: Instrument | str) -> str:
    """A questionnaire's name, translated where the check-ins page translates it."""
    return translate("questionnaires", SPECS[Instrument(instrument)].title)


def not_enough(what: str) -> Paragraph:
    return Paragraph(translate("summary", "Not enough data yet: {what}").format(what=what))
