"""The big tables of an export checked column by column: the fast path of ``import_json``.

Fifty years are 130,000 records, and building one validating dataclass per record took most of
an import. Here each column of a table is checked over all its records at once (the set of its
types, its smallest and largest value, its distinct values against a set). Every check is
stricter than the record's own: a value passes only when the record would take it *unchanged*
(``2026-03-31``, not ``2026-W13-2``; text, not ``null``; tags already trimmed and distinct), so
the row written is the row the record would have given. When any check fails, ``table_rows``
answers ``None`` and the caller reads that table record by record as before, which gives the
exact message (or accepts what this path was only too strict for). ``keys_hold`` does the
same for the ids, keys and references between tables.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from itertools import chain
from operator import itemgetter
from typing import Any

from journal.domain.errors import ValidationError
from journal.domain.instruments import score
from journal.domain.kinds import Instrument, Mode, Relationship, SessionStatus
from journal.domain.validate import MAX_NAME, MAX_TEXT
from journal.report.tables import SPECS

_SURROGATE = re.compile("[\ud800-\udfff]")
_NONE = type(None)
_MAX_ID = 2**63 - 1

#: A column check: the column's values (one per record, in file order) and the dates already
#: seen valid; answers the values to write (``None``: not on this path).
Check = Callable[[Sequence[Any], set[str]], Sequence[Any] | None]


def _only(values: Iterable[Any], *types: type) -> bool:
    return set(map(type, values)) <= set(types)  # exact types: no bool for int, no subclass


def whole(low: int, high: int, *, optional: bool = False) -> Check:
    """``int_in_range`` (``optional_int``/``optional_id`` when ``optional``)."""

    types = (int, _NONE) if optional else (int,)

    def check(values: Sequence[Any], _dates: set[str]) -> Sequence[Any] | None:
        if not _only(values, *types):
            return None
        present = [v for v in values if v is not None] if optional else values
        if present and not (low <= min(present) and max(present) <= high):
            return None
        return values

    return check


def real(low: float, high: float) -> Check:
    """``optional_float``: a whole number becomes a float, as the record makes it."""

    def check(values: Sequence[Any], _dates: set[str]) -> Sequence[Any] | None:
        if not _only(values, float, int, _NONE):
            return None
        if not all(v is None or low <= v <= high for v in values):  # NaN fails too
            return None
        return [v if v is None or type(v) is float else float(v) for v in values]

    return check


def date(*, optional: bool = False) -> Check:
    """``date_value`` (``optional_date``) of an ISO date already written as ``isoformat``."""

    types = (str, _NONE) if optional else (str,)

    def check(values: Sequence[Any], dates: set[str]) -> Sequence[Any] | None:
        if not _only(values, *types):
            return None
        for text in set(values) - dates:
            if text is None:
                continue
            try:
                if len(text) != 10 or dt.date.fromisoformat(text).isoformat() != text:
                    return None
            except ValueError:
                return None
            dates.add(text)
        return values

    return check


def choice(enum: type[StrEnum]) -> Check:
    """``choice``: one of the enumeration's values, as text."""
    allowed = frozenset(member.value for member in enum)

    def check(values: Sequence[Any], _dates: set[str]) -> Sequence[Any] | None:
        return values if _only(values, str) and set(values) <= allowed else None

    return check


def _plain_text(values: Sequence[str], max_len: int) -> bool:
    if max(map(len, values), default=0) > max_len:
        return False
    joined = "".join(values)
    return joined.isascii() or _SURROGATE.search(joined) is None


def text(max_len: int = MAX_TEXT) -> Check:
    """``text``: text (not ``null``), at most ``max_len`` characters, no lone surrogate."""

    def check(values: Sequence[Any], _dates: set[str]) -> Sequence[Any] | None:
        return values if _only(values, str) and _plain_text(values, max_len) else None

    return check


def kept_text(values: Sequence[Any], _dates: set[str]) -> Sequence[Any] | None:
    """A kept column (``updated_at``): text, kept as it is."""
    return values if _only(values, str) else None


def tags(values: Sequence[Any], _dates: set[str]) -> Sequence[Any] | None:
    """The ``coping`` tags as the record keeps them (each trimmed, not empty, at most
    ``MAX_NAME`` long, none twice in any case), written as the JSON list ``to_row`` writes."""
    if not _only(values, list) or not _only(chain.from_iterable(values), str):
        return None
    written: dict[tuple[str, ...], str] = {}  # a lifetime of days has a few hundred lists
    out = []
    for value in values:
        key = tuple(value)
        encoded = written.get(key)
        if encoded is None:
            if not _canonical_tags(key):
                return None
            encoded = written[key] = json.dumps(value, ensure_ascii=False)
        out.append(encoded)
    return out


def _canonical_tags(value: tuple[str, ...]) -> bool:
    return (
        all(tag and tag == tag.strip() for tag in value)
        and len({tag.casefold() for tag in value}) == len(value)
        and _plain_text(value, MAX_NAME)
    )


def answer_lists(values: Sequence[Any], _dates: set[str]) -> Sequence[Any] | None:
    """Lists of whole numbers or ``None``; ``_scored`` checks them as the record does."""
    if not _only(values, list) or not _only(chain.from_iterable(values), int, _NONE):
        return None
    return values


def recomputed(values: Sequence[Any], _dates: set[str]) -> Sequence[Any] | None:
    """``total`` and ``band``: whatever the file says, ``_scored`` computes them again."""
    return values


def _scored(columns: dict[str, Sequence[Any]]) -> bool:
    """Each questionnaire scored as its record scores it (``score``, once per distinct
    answers): the answers written as ``to_row`` writes them, with their total and band."""
    scores: dict[tuple[str, tuple[int | None, ...]], tuple[str, int, str] | None] = {}
    written, totals, bands = [], [], []
    for instrument, answers in zip(columns["instrument"], columns["answers"], strict=True):
        key = (instrument, tuple(answers))
        if key not in scores:
            try:
                result = score(instrument, key[1])
            except ValidationError:
                result = None
            scores[key] = (
                None
                if result is None
                else (json.dumps(answers, ensure_ascii=False), result.total, result.band)
            )
        found = scores[key]
        if found is None:
            return False
        written.append(found[0])
        totals.append(found[1])
        bands.append(found[2])
    columns["answers"], columns["total"], columns["band"] = written, totals, bands
    return True


_ID = whole(1, _MAX_ID, optional=True)
_RATING = whole(0, 10, optional=True)

#: The tables read column-wise: each column (the record's fields in their order, then the
#: kept ones) with the check that mirrors the record's ``__post_init__``.
COLUMNS: dict[str, tuple[tuple[str, Check], ...]] = {
    "days": (
        ("date", date()),
        ("mood", whole(0, 10)),
        ("anxiety", _RATING),
        ("loneliness", _RATING),
        ("energy", _RATING),
        ("physical", _RATING),
        ("sleep_hours", real(0, 24)),
        ("coping", tags),
        ("note", text()),
        ("updated_at", kept_text),
    ),
    "contacts": (
        ("date", date()),
        ("kind", choice(Relationship)),
        ("mode", choice(Mode)),
        ("quality", whole(1, 5)),
        ("person_id", _ID),
        ("minutes", whole(0, 1440, optional=True)),
        ("note", text()),
        ("id", _ID),
    ),
    "sessions": (
        ("date", date()),
        ("status", choice(SessionStatus)),
        ("mode", choice(Mode)),
        ("person_id", _ID),
        ("felt_heard", whole(1, 5, optional=True)),
        ("note", text()),
        ("id", _ID),
    ),
    "doses": (("medication_id", whole(1, _MAX_ID)), ("date", date()), ("taken", whole(0, 12))),
    "commitment_log": (
        ("commitment_id", whole(1, _MAX_ID)),
        ("date", date()),
        ("done", whole(0, 14)),
    ),
    "assessments": (
        ("date", date()),
        ("instrument", choice(Instrument)),
        ("answers", answer_lists),
        ("id", _ID),
        ("total", recomputed),
        ("band", recomputed),
    ),
}


def _sessions_hold(columns: dict[str, Sequence[Any]]) -> bool:
    """A session's ``felt_heard`` is only rated when it was attended."""
    attended = SessionStatus.ATTENDED.value
    pairs = zip(columns["status"], columns["felt_heard"], strict=True)
    return all(felt is None or status == attended for status, felt in pairs)


def table_rows(
    table: str, rows: list[Any], dates: set[str]
) -> tuple[tuple[str, ...], list[tuple[Any, ...]]] | None:
    """``table``'s rows as the columns and value tuples ``load`` writes, when every record
    passes the column checks (``dates``: the ISO dates already seen valid, shared between
    tables); ``None`` when the table is not read here or a check fails."""
    checks = COLUMNS.get(table)
    if checks is None or not rows or not _only(rows, dict):
        return None
    names = tuple(name for name, _ in checks)
    fields = SPECS[table].fields
    # each row has as many keys as there are fields, and none other: so exactly the fields
    if set(names) != fields or set(map(len, rows)) != {len(fields)}:
        return None  # a field missing or unknown: the records say which
    if not set().union(*rows) <= fields:
        return None
    values = list(map(itemgetter(*names), rows))
    checked: dict[str, Sequence[Any]] = {}
    changed = False
    for (name, check), column in zip(checks, zip(*values, strict=True), strict=True):
        written = check(column, dates)
        if written is None:
            return None
        changed = changed or written is not column
        checked[name] = written
    if table == "sessions" and not _sessions_hold(checked):
        return None
    if table == "assessments" and not _scored(checked):
        return None
    changed = changed or table == "assessments"
    return names, (list(zip(*checked.values(), strict=True)) if changed else values)


def keys_hold(
    column: Callable[[str, str], Sequence[Any]], records: Callable[[str], list[Any]]
) -> bool:
    """True when the checks of ``_check_keys_and_references`` all pass, asked column-wise
    (``column(table, name)``: the values as written or as the records hold them;
    ``records(table)`` for the small tables). False only means: ask the records."""

    def unique(*values: Sequence[Any]) -> bool:
        keys = values[0] if len(values) == 1 else list(zip(*values, strict=True))
        return len(set(keys)) == len(keys)

    for table in ("people", "contacts", "sessions", "medications", "commitments"):
        ids = column(table, "id")
        if None in ids or not unique(ids):
            return False
    for table in ("assessments", "agenda"):
        ids = column(table, "id")
        if None in ids or not unique(ids):
            return False
    if not unique(column("days", "date")):
        return False
    for table, key in (("doses", "medication_id"), ("commitment_log", "commitment_id")):
        if not unique(column(table, key), column(table, "date")):
            return False
    active = [p.name.casefold() for p in records("people") if not p.archived]
    if not unique(active) or len(records("safety_plan")) > 1:
        return False
    people = set(column("people", "id"))
    for table, name in (
        ("contacts", "person_id"),
        ("sessions", "person_id"),
        ("commitments", "suggested_by"),
    ):
        if not set(column(table, name)) - {None} <= people:
            return False
    most = {m.id: m.doses_per_day for m in records("medications")}
    for medication, taken in zip(
        column("doses", "medication_id"), column("doses", "taken"), strict=True
    ):
        if medication not in most or taken > most[medication]:
            return False
    return set(column("commitment_log", "commitment_id")) <= set(column("commitments", "id"))


def records_of(
    table: str, names: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> tuple[list[Any], list[dict[str, Any]]]:
    """The records and kept columns the record-by-record path gives for rows that passed
    ``table_rows`` (a merge, or the exact message of a key that fails, needs them)."""
    spec = SPECS[table]
    kept_names = [name for name in names if name in spec.kept]
    records, kept = [], []
    for row in rows:
        values = dict(zip(names, row, strict=True))
        kept.append({name: values.pop(name) for name in kept_names})
        for name in spec.recomputed:
            del values[name]
        for name in spec.json_columns:
            values[name] = tuple(json.loads(values[name]))
        records.append(spec.record(**values))
    return records, kept
