"""The import's fast path (issue 21): a text ``plainly_readable`` finds nothing in decodes to
the same document without the hooks, and holds no value no journal holds."""

from __future__ import annotations

import json
import random

from journal.report.import_json_values import (
    _MAYBE_UNREADABLE,
    _MOST_LINES,
    _STRING,
    _SURROGATE_ESCAPE,
    _numbers_plain,
    bad_value,
    not_finite,
    plainly_readable,
    whole_number,
)

_TRICKY_NUMBERS = [
    "0", "-0", "7", "-12", "3.25", "1e5", "1E+05", "2.5e-300", "1e308", "1e309", "-1e400",
    "1e0309", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
    "123456789012345678", "1" + "0" * 309, "1" + "0" * 5000, "NaN", "Infinity", "-Infinity",
    "0.1", "445e-2", "7.416666666666667",
]  # fmt: skip
_TRICKY_TEXTS = [
    "walk", "é ☃", "\\ud800", "\\uDFFF", "\\ud83d\\ude00", "\\u00e9", "\\\\ud800", "NaN",
    "Infinity", "e123", "1234567890123456789", 'a \\"quote\\"', "\\n",
]  # fmt: skip


def _hooked(text: str) -> object:
    return json.loads(text, parse_int=whole_number, parse_constant=not_finite)


def _random_text(rng: random.Random, depth: int = 0) -> str:
    pick = rng.random()
    if depth < 4 and pick < 0.3:
        items = [_random_text(rng, depth + 1) for _ in range(rng.randrange(4))]
        return "[" + ", ".join(items) + "]"
    if depth < 4 and pick < 0.5:
        items = [
            f'"{rng.choice(_TRICKY_TEXTS)}{i}": {_random_text(rng, depth + 1)}'
            for i in range(rng.randrange(4))
        ]
        return "{" + ", ".join(items) + "}"
    if pick < 0.75:
        return rng.choice(_TRICKY_NUMBERS)
    if pick < 0.8:
        return rng.choice(["true", "false", "null"])
    return f'"{rng.choice(_TRICKY_TEXTS)}"'


def test_a_plainly_readable_text_decodes_alike_and_holds_nothing_unreadable() -> None:
    rng = random.Random(21)
    plain = careful = 0
    for _ in range(4000):
        text = _random_text(rng)
        hooked = _hooked(text)
        if plainly_readable(text):
            plain += 1
            assert bad_value(hooked) is None, text
            assert json.loads(text) == hooked, text
        else:
            careful += 1
    assert plain > 500 and careful > 500  # both ways were tried


def test_each_kind_of_unreadable_value_takes_the_careful_way() -> None:
    for text in ['["\\ud800"]', "[1e400]", "[12345678901234567890]", "[NaN]", "[-Infinity]"]:
        assert not plainly_readable(text)
        assert bad_value(_hooked(text)) is not None


def test_the_quick_scan_answers_as_the_expression_does() -> None:
    """The quick scan looks for marked bytes, not the expression: the same answer, but for a
    "#" of the text, which may only raise a false alarm (the careful way)."""
    rng = random.Random(19)
    pieces = ["1", "9", "0", "e", "E", "+", "-", ".", "#", " ", "é", "☃", "N", "NaN", "Inf"]
    pieces += ["Infinity", "\\u", "d", "D", "8", "b", "F", "123456789", "\\ud8", '"', "x"]
    answers = set()
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
        expected = _MAYBE_UNREADABLE.search(text) is None
        answers.add(expected)
        quick = _SURROGATE_ESCAPE.search(text) is None and _numbers_plain(text)
        if "#" in text:
            assert expected or not quick, text
        else:
            assert quick == expected, text
    assert answers == {True, False}
    for digits in (18, 19, 40):
        assert plainly_readable(f"[{'7' * digits}]") == (digits < 19)
    for number, plain in (("1e+400", False), ("1E400", False), ("1e-400", True), ("1e+40", True)):
        assert plainly_readable(f"[{number}]") == plain, number


def test_the_text_of_strings_raises_no_alarm_for_numbers() -> None:
    """A journal once opened in the app keeps its window's geometry in hex: its digits and
    "e900" are text, not numbers, and the quick way still decodes it."""
    geometry = "01d9d0cb000300000000000000000000000003eb000002bf0000000200000002000003e900"
    note = 'a \\"quote\\" 1e999 NaN Infinity 12345678901234567890123'
    text = f'{{"settings": [{{"key": "window", "value": "{geometry}"}}], "note": "{note}", "n": 5}}'
    assert plainly_readable(text)
    assert json.loads(text) == _hooked(text) and bad_value(_hooked(text)) is None
    for number in ("1e999", "12345678901234567890123", "NaN", "-Infinity"):
        unreadable = text.replace('"n": 5', f'"n": {number}')
        assert not plainly_readable(unreadable), number
        assert bad_value(_hooked(unreadable)) is not None
    assert not plainly_readable('{"v": "\\ud800 in a string still counts"}')


def _whole_text_answer(text: str) -> bool:
    """``plainly_readable`` as it was: every string of the whole text emptied at once."""
    if _SURROGATE_ESCAPE.search(text):
        return False
    return _numbers_plain(text) or _numbers_plain(_STRING.sub('""', text))


def test_looking_at_the_alarmed_lines_alone_answers_as_the_whole_text() -> None:
    """An export is one value a line: only the lines with an alarm have their strings
    emptied, and the answer is the one emptying every string of the text gives."""
    rng = random.Random(23)
    geometry = '"01d9d0cb0003000000000000000000000000000003eb000002bf000003e900"'
    answers = set()
    for _ in range(1500):
        values = [_random_text(rng) for _ in range(rng.randrange(1, 8))]
        if rng.random() < 0.5:
            values.insert(rng.randrange(len(values) + 1), geometry)
        text = "[\n  " + ",\n  ".join(values) + "\n]"
        expected = _whole_text_answer(text)
        answers.add(expected)
        assert plainly_readable(text) == expected, text
    assert answers == {True, False}


def test_alarms_on_many_lines_empty_the_strings_of_the_whole_text_at_once() -> None:
    strings = ",\n".join(f'"note 1e{900 + i}"' for i in range(_MOST_LINES + 5))
    assert plainly_readable(f"[\n{strings}\n]")  # every alarm inside a string
    assert not plainly_readable(f"[\n{strings},\n1e999\n]")
    assert plainly_readable(f"[\n{strings},\n1e99\n]")
