"""``journal.ui.locale``: dates and numbers written each locale's way, and undone for tests."""

import datetime as dt

import pytest
from PySide6.QtCore import QLocale

from journal import i18n
from journal.ui import locale

MOMENT = dt.datetime(2026, 11, 5, 14, 5)
STYLES = ("date", "weekday_date", "month_year", "month", "day_month", "date_time")


@pytest.fixture
def in_locale(qapp):
    """Run with ``QLocale.setDefault(name)`` and the app's locale hooks installed."""
    previous = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))
        locale.install(qapp)

    yield use
    locale.uninstall()
    QLocale.setDefault(previous)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "en_US",
            (
                "Nov 5, 2026",
                "Thu, Nov 5, 2026",
                "Nov 2026",
                "Nov",
                "Nov 5",
                "Nov 5, 2026 2:05\u202fPM",
            ),
        ),  # CLDR: a narrow space before PM
        (
            "en_GB",
            ("5 Nov 2026", "Thu, 5 Nov 2026", "Nov 2026", "Nov", "5 Nov", "5 Nov 2026 14:05"),
        ),
        (
            "de_DE",
            (
                "5. Nov. 2026",
                "Do., 5. Nov. 2026",
                "Nov. 2026",
                "Nov",
                "5. Nov.",
                "5. Nov. 2026 14:05",
            ),
        ),
        (
            "ja_JP",
            (
                "2026年11月5日",
                "2026年11月5日木",
                "2026年11月",
                "11月",
                "11月5日",
                "2026年11月5日 14:05",
            ),
        ),
        (
            "es_ES",
            (
                "5 de nov de 2026",
                "jue, 5 de nov de 2026",
                "nov de 2026",
                "nov",
                "5 de nov",
                "5 de nov de 2026 14:05",
            ),
        ),
    ],
)
def test_dates_follow_the_locale(in_locale, name, expected) -> None:
    in_locale(name)
    assert tuple(i18n.format_date(MOMENT, style) for style in STYLES) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("en_US", "−1,234.56"),
        ("en_GB", "−1,234.56"),
        ("de_DE", "−1.234,56"),
        ("fr_FR", "−1\u202f234,56"),
    ],
)
def test_numbers_follow_the_locale_with_a_true_minus(in_locale, name, expected) -> None:
    in_locale(name)
    assert i18n.format_number(-1234.56, 2) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("en_US", "M/d/yyyy"),
        ("en_GB", "dd/MM/yyyy"),
        ("de_DE", "dd.MM.yyyy"),
    ],
)
def test_date_boxes_use_the_numeric_date_with_four_digit_years(in_locale, name, expected):
    in_locale(name)
    assert locale.date_edit_format() == expected


def test_uninstall_restores_english_defaults(in_locale) -> None:
    in_locale("de_DE")
    assert i18n.format_date(MOMENT) == "5. Nov. 2026"
    locale.uninstall()
    assert i18n.format_date(MOMENT) == "5 Nov 2026"
    assert i18n.format_number(-2.5, 1) == "−2.5"


@pytest.mark.parametrize("name", ["en_GB", "de_DE"])
def test_a_value_that_rounds_to_zero_has_no_sign(in_locale, name) -> None:
    in_locale(name)  # the Qt hook
    assert i18n.format_number(-0.04, 1) in {"0.0", "0,0"}
    assert i18n.format_number(-0.4, 0) == "0"
    assert i18n.format_number(-0.06, 1) in {"−0.1", "−0,1"}
    locale.uninstall()  # the plain default
    assert i18n.format_number(-0.0001, 2) == "0.00"
    assert i18n.format_number(-0.005001, 2) == "−0.01"
