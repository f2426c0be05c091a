"""Values no journal holds, found in a decoded JSON document before its records are read.

A lone UTF-16 surrogate (JSON's ``"\\ud800"`` decodes to one, and it cannot be stored), a whole
number outside SQLite's integers, ``NaN`` or ``Infinity``, and nesting deeper than an export
ever has. ``import_json`` decodes with ``whole_number`` and ``not_finite`` (so an unreadable
number keeps its place as an ``Unreadable``) and asks ``bad_value`` where the first one is,
unless ``plainly_readable`` saw that the text cannot hold one (then neither is needed).
"""

from __future__ import annotations

import math
import re

#: What SQLite stores as an INTEGER; a whole number outside is no journal's.
_INT_RANGE = (-(2**63), 2**63 - 1)
#: A lone UTF-16 surrogate: JSON's ``"\ud800"`` decodes to one, and it cannot be stored.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Levels of nesting after which a file is said to be too deep (an export has six).
_MAX_DEPTH = 64
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
#: Where the text of a file could hold a value no journal holds: a surrogate's escape, an
#: exponent of three digits (1e400 is infinite), 19 digits in a row (past 64 bits), NaN or
#: Infinity. Anywhere, strings too: a false alarm only means the values are walked.
_MAYBE_UNREADABLE = re.compile(r"\\u[dD][89a-fA-F]|[eE]\+?[0-9]{3}|[0-9]{19}|NaN|Infinity")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
#: A JSON string, exactly as a valid document has them (the decoder refuses any other).
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
#: The text's bytes with every digit (and ``#``) read as ``#`` and ``E`` as ``e``: then the
#: exponents and long runs of digits of ``_MAYBE_UNREADABLE`` are plain substrings, found
#: by ``in`` (a regular expression tries a match at each of a file's million digits).
_DIGITS_MARKED = bytes.maketrans(b"0123456789E", b"##########e")


class Unreadable:
    """Stands in, while decoding, for a number no journal holds (so its place can be told)."""

    __slots__ = ("problem",)

    def __init__(self, problem: str) -> None:
        self.problem = problem


def plainly_readable(text: str) -> bool:
    """True when ``text`` holds nothing that could decode to a value no journal holds: then
    the C decoder alone reads it (no Python call per number) and ``bad_value`` has nothing
    to find. False only means the careful way (hooks, then the walk).

    A string's text can only raise a false alarm for numbers (only a number decodes to one
    no journal holds): the window's saved geometry is hex ("…000003e900…"), so a journal
    that was ever opened in the app always would. Then the lines with an alarm are looked at
    again with their strings emptied (``_alarmed_lines``; a text of one line as a whole):
    ~0.14 s on fifty years, against 3 s for the careful way.
    """
    if _SURROGATE_ESCAPE.search(text):
        return False
    encoded = text.encode("utf-8", "surrogatepass")
    marked = encoded.translate(_DIGITS_MARKED)
    if _plain(text, marked):
        return True
    lines = _alarmed_lines(encoded, marked)
    if lines is None:  # one long line, or alarms all over: every string emptied at once
        return _numbers_plain(_STRING.sub('""', text))
    return all(_numbers_plain(_STRING.sub('""', line)) for line in lines)


#: What ``_numbers_plain`` looks for in the marked bytes.
_ALARMS = (b"NaN", b"Infinity", b"#" * 19, b"e###", b"e+###")
#: Past this many lines with an alarm, emptying the strings of the whole text is cheaper.
_MOST_LINES = 200


def _numbers_plain(text: str) -> bool:
    """No NaN, Infinity, exponent of three digits or run of 19 digits in ``text``."""
    # UTF-8 keeps each ASCII character one byte of its own; a "#" of the text also reads
    # as a digit, which can only raise a false alarm (the same answer as the expression's
    # otherwise: tests/report/test_import_json_values.py)
    return _plain(text, text.encode("utf-8", "surrogatepass").translate(_DIGITS_MARKED))


def _plain(text: str, marked: bytes) -> bool:
    """``_numbers_plain`` of ``text``, its bytes marked already."""
    if "NaN" in text or "Infinity" in text:
        return False
    return b"#" * 19 not in marked and b"e###" not in marked and b"e+###" not in marked


def _alarmed_lines(encoded: bytes, marked: bytes) -> list[str] | None:
    """The lines of the text (``encoded``; ``marked`` as ``_numbers_plain`` marks it) where
    ``_numbers_plain`` raised its alarm; ``None`` for a text of one line or one with more
    than ``_MOST_LINES`` such lines.

    A JSON string holds no raw line break (the decoder refuses one), so every line begins
    outside a string, and emptying the strings of the lines an alarm is on answers as
    emptying those of the whole text. An export is written one record a line, and its false
    alarms (a window's geometry in hex) are on one of its ~130,000 lines (14 MB) at fifty
    years: the whole scan takes ~135 ms there, against ~480 ms with ``_STRING`` over all.
    """
    if b"\n" not in encoded:
        return None
    spans: set[tuple[int, int]] = set()
    for alarm in _ALARMS:
        at = marked.find(alarm)
        while at != -1:
            start = marked.rfind(b"\n", 0, at) + 1
            end = marked.find(b"\n", at)
            end = len(marked) if end == -1 else end
            spans.add((start, end))
            if len(spans) > _MOST_LINES:
                return None
            at = marked.find(alarm, end)
    return [encoded[start:end].decode("utf-8", "surrogatepass") for start, end in sorted(spans)]


def whole_number(digits: str) -> int | Unreadable:
    # 20 digits hold every 64-bit number; longer ones are never converted (a 5,000-digit
    # number would cost seconds, and Python refuses those over 4,300 anyway)
    return int(digits) if len(digits) <= 20 else Unreadable("number")


def not_finite(name: str) -> Unreadable:
    return Unreadable("number")  # NaN, Infinity, -Infinity


def too_deep_at(text: str) -> tuple[int, int]:
    """Line and column where ``text`` first opens more than ``_MAX_DEPTH`` levels."""
    depth, position = 0, 0
    for token in _TOKENS.finditer(text):
        mark = token.group()
        if mark in "[{":
            depth += 1
            if depth > _MAX_DEPTH:
                position = token.start()
                break
        elif mark in "]}":
            depth -= 1
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


def shown(name: object) -> str:
    """A key of the file as it may be shown: a lone surrogate escaped (``\\ud800``)."""
    return str(name).encode("utf-8", "backslashreplace").decode("utf-8")


def bad_value(document: object) -> tuple[tuple[object, ...], str] | None:
    """The first place (keys and list positions) holding text with a lone surrogate, or a
    number outside SQLite's integers or not finite; and which of the two. Iterative, so any
    depth the decoder allowed is walked; only containers are stacked (ten years in 0.1 s)."""
    if not isinstance(document, dict | list):
        problem = _scalar_problem(document)
        return ((), problem) if problem else None
    stack: list[tuple[tuple[object, ...], object]] = [((), document)]
    while stack:
        place, container = stack.pop()
        items = container.items() if isinstance(container, dict) else enumerate(container)
        nested = []
        for key, value in items:  # type: ignore[attr-defined]
            if isinstance(key, str) and _SURROGATE.search(key):
                return (*place, key), "text"
            if isinstance(value, dict | list):
                nested.append(((*place, key), value))
                continue
            problem = _scalar_problem(value)
            if problem:
                return (*place, key), problem
        stack.extend(reversed(nested))
    return None


def _scalar_problem(value: object) -> str | None:
    if isinstance(value, str):
        return "text" if _SURROGATE.search(value) else None
    if isinstance(value, Unreadable):
        return value.problem
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return None if _INT_RANGE[0] <= value <= _INT_RANGE[1] else "number"
    if isinstance(value, float):
        return None if math.isfinite(value) else "number"
    return None
