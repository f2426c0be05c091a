"""The person's language and locale: Qt translators, and QLocale behind ``journal.i18n``.

``install`` runs once in ``journal.app.run`` (the real start), not when a window is built:
the tests build windows in the same process as the command-line tests, which must keep the
English wording and formats ``journal.i18n`` defaults to. ``uninstall`` undoes it for tests.

Dates are written with the locale's own order and month names, derived from its long date
format (``dddd, MMMM d, yyyy`` in en_US gives ``Nov 25, 2026``): the numeric short format
(``11/25/26``) reads differently on either side of the Atlantic, which a journal shared with
a therapist abroad cannot afford.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QTime,
    QTranslator,
)

from journal import i18n
from journal.desktop import bundled

log = logging.getLogger(__name__)

#: The translations' file names: ``connection_journal_de.qm``, ``connection_journal_pt_BR.qm``.
CATALOGUE = "connection_journal"
MINUS = "\u2212"

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """Where the compiled ``.qm`` files are: ``journal/resources/translations`` when installed,
    ``resources/translations`` in a source checkout."""
    return bundled("resources") / "translations"


def install(app: QCoreApplication) -> list[str]:
    """Translate the app into the locale's language and format dates and numbers its way.

    Loads the journal's translation for ``QLocale()`` and Qt's own (the standard buttons:
    "Cancel", "Close"), when they exist, and routes ``journal.i18n`` (the core's sentences,
    dates and figures) through Qt. Returns the files loaded (none for English).
    """
    uninstall()
    loaded: list[str] = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_folder), (CATALOGUE, str(translations_dir()))):
        translator = QTranslator(app)
        if translator.load(QLocale(), name, "_", folder) and app.installTranslator(translator):
            _installed.append(translator)
            loaded.append(translator.filePath())
        else:
            translator.deleteLater()
    i18n.install(
        translator=QCoreApplication.translate,
        date_formatter=format_date,
        number_formatter=format_number,
    )
    log.info("locale %s, translations %s", QLocale().name(), loaded or "none (English)")
    return loaded


def uninstall() -> None:
    """Back to English and the default formats (for tests that installed a locale)."""
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
        translator.deleteLater()
    i18n.reset()


def format_date(day: dt.date, style: i18n.DateStyle = "date") -> str:
    """``day`` in the default QLocale's words and order (see ``journal.i18n.DateStyle``)."""
    locale = QLocale()
    date = QDate(day.year, day.month, day.day)
    if style == "month":
        return locale.standaloneMonthName(day.month, QLocale.FormatType.ShortFormat)
    if style == "date_time":
        moment = day if isinstance(day, dt.datetime) else dt.datetime(day.year, day.month, day.day)
        time = locale.toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
        return f"{locale.toString(date, date_pattern('date'))} {time}"
    return locale.toString(date, date_pattern(style))


def format_number(value: float, digits: int = 1) -> str:
    """``value`` with ``digits`` decimals and the locale's separators; a true minus sign."""
    locale = QLocale()
    text = locale.toString(float(value), "f", digits)
    return text.replace("-", MINUS) if locale.negativeSign() == "-" else text


#: A Qt date pattern's pieces: a quoted literal, a field (``d``, ``dd``, ``MMM``, ``yyyy`` …)
#: or other literal text.
_PIECE = re.compile(r"'(?:[^']|'')*'|d+|M+|y+|[^'dMy]+")
#: What belongs to a field and goes with it: text stuck to it ("d." "yyyy年" "d,") or a
#: quoted word after it ("d 'de'", "yyyy 'г'.").
_ATTACHED = re.compile(r"^(?:[^\s'dMy]+|\s*'(?:[^']|'')*'[^\s'dMy]*)")
_QUOTED = r"'(?:[^']|'')*'"
_LEADING = re.compile(rf"^(?:\s|[,،]|{_QUOTED})+")
_TRAILING = re.compile(rf"(?:\s|[,،]|{_QUOTED}\.?)+$")


def date_pattern(style: i18n.DateStyle) -> str:
    """The QLocale pattern ``format_date`` writes ``style`` with (not ``month``, ``date_time``),
    for date boxes that show a month's name (``MMM d, yyyy`` in en_US, ``d. MMM yyyy`` in de)."""
    return _patterns(QLocale().name())[style]


def date_edit_format() -> str:
    """The display format of date boxes: the locale's numeric date with a four-digit year
    (``M/d/yyyy``, ``dd/MM/yyyy``, ``dd.MM.yyyy``), so typing a date is as the person is used
    to and the century is never guessed."""
    if QLocale().language() == QLocale.Language.C:
        return "yyyy-MM-dd"  # the C locale's "d MM yyyy" reads as three loose numbers
    short = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return short if "yyyy" in short else re.sub(r"(?<!y)yy(?!y)", "yyyy", short)


def date_display_format(style: i18n.DateStyle = "weekday_date") -> str:
    """The Qt pattern that writes a date as ``journal.i18n.format_date(style)`` does now (the
    locale's words once ``install`` ran, the English default before), so a date box and the
    heading beside it read alike; the numeric ``date_edit_format`` when neither matches."""
    probe = dt.date(2026, 11, 25)
    wanted = i18n.format_date(probe, style)
    candidates = (_patterns(QLocale().name()).get(style, ""), "ddd d MMM yyyy", "d MMM yyyy")
    for pattern in candidates:
        if pattern and QLocale().toString(QDate(probe), pattern) == wanted:
            return pattern
    return date_edit_format()


def time_edit_format() -> str:
    """The display format of time boxes: the locale's short time (``h:mm AP``, ``HH:mm``)."""
    return QLocale().timeFormat(QLocale.FormatType.ShortFormat)


@lru_cache(maxsize=8)
def _patterns(name: str) -> dict[str, str]:
    """The locale's date patterns for each style, derived from its long date format.

    ``name`` (the default locale's) is only the cache key. Qt has no pattern for "a date
    with a short month name", so the fields not wanted are cut out of the long format with
    what is attached to them, keeping the locale's order, its words and its punctuation.
    """
    long = QLocale().dateFormat(QLocale.FormatType.LongFormat)
    weekday_date = long.replace("MMMM", "MMM").replace("dddd", "ddd")
    date = _drop(weekday_date, lambda piece: piece in ("ddd", "dddd"))
    return {
        "weekday_date": _tidy(weekday_date),
        "date": date,
        "day_month": _drop(date, lambda piece: piece.startswith("y")),
        "month_year": _drop(date, lambda piece: piece in ("d", "dd")),
    }


def _drop(pattern: str, unwanted: Callable[[str], bool]) -> str:
    """``pattern`` without its first field that is ``unwanted`` and what is attached to it."""
    pieces = _PIECE.findall(pattern)
    for index, piece in enumerate(pieces):
        if unwanted(piece):
            rest = _ATTACHED.sub("", "".join(pieces[index + 1 :]))
            return _tidy("".join(pieces[:index]) + rest)
    return _tidy(pattern)


def _tidy(pattern: str) -> str:
    """Without separators or linking words left dangling at either end, or doubled."""
    pattern = _TRAILING.sub("", _LEADING.sub("", pattern))
    return re.sub(r"\s+(?=[,،])|(?<=\s)\s+", "", pattern)
