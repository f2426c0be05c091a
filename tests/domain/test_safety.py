"""The crisis rule and the crisis lines by locale."""

import dataclasses

import pytest

from journal.domain.instruments import ITEM9_UNANSWERED, SAFETY_FLAG, score
from journal.domain.safety import (
    DIRECTORY,
    LINES,
    REGIONS,
    LineKind,
    crisis_message_required,
    lines_for_locale,
    region_of,
)
from journal.domain.settings import Settings


def _numbers(locale):
    return [line.number for line in lines_for_locale(locale)]


def test_the_crisis_message_follows_phq9_item9_above_zero():
    assert crisis_message_required(score("phq9", [0] * 8 + [1]).flags)
    assert crisis_message_required(score("phq9", [0] * 8 + [3]).flags)
    assert not crisis_message_required(score("phq9", [3] * 8 + [0]).flags)
    assert not crisis_message_required(frozenset({ITEM9_UNANSWERED}))
    assert crisis_message_required({SAFETY_FLAG})


def test_no_setting_can_turn_the_crisis_message_off():
    # The rule takes no settings at all, and no setting is about it.
    for field in dataclasses.fields(Settings):
        assert not any(word in field.name for word in ("crisis", "safety", "item9", "skip"))


@pytest.mark.parametrize(
    "locale, numbers",
    [
        ("en_US", ["988", "911"]),
        ("es-US", ["988", "911"]),
        ("fr_CA", ["988", "911"]),
        ("en_GB", ["116 123", "999 or 112"]),
        ("en_GB.UTF-8", ["116 123", "999 or 112"]),
        ("ga_IE", ["116 123", "112 or 999"]),
        ("de_DE", ["112"]),
        ("el_GR", ["112"]),
        ("nb_NO", ["112"]),
        ("en_AU", ["13 11 14", "000"]),
        ("en_NZ", ["1737", "111"]),
    ],
)
def test_lines_by_locale(locale, numbers):
    assert _numbers(locale) == numbers


@pytest.mark.parametrize("locale", ["", "C", "en", "ja_JP", "es_419", "POSIX"])
def test_an_unknown_region_has_no_lines_but_the_directory_remains(locale):
    assert lines_for_locale(locale) == ()
    assert DIRECTORY.address == "findahelpline.com"


def test_crisis_lines_come_before_emergency_numbers():
    for lines in LINES.values():
        kinds = [line.kind for line in lines]
        assert kinds == sorted(kinds, key=lambda k: k is LineKind.EMERGENCY)
        assert kinds[-1] is LineKind.EMERGENCY


def test_the_well_known_lines_are_named():
    us = lines_for_locale("en_US")[0]
    assert us.name == "988 Suicide & Crisis Lifeline"
    assert lines_for_locale("en_GB")[0].name == "Samaritans"
    assert "988" in us.text and "—" in us.text


def test_every_offered_region_has_lines():
    assert {code for code, _name in REGIONS} == set(LINES)
    assert region_of("en-gb") == "GB" and region_of("en_UK") == "GB"
