"""Reading a JSON export back: validated whole before anything is written.

``read_export`` checks the format, the version, every record through the domain's own
validation, uniqueness and every reference between records, and raises one ``ValidationError``
naming the table, the record and the field. Only a fully valid file reaches ``load``, which
writes in one transaction (``report.merge`` handles a journal that already has data).
The big tables are checked column by column first (``import_json_fast``); a table (or a key)
that does not pass there is read record by record, for the exact message.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal.domain.errors import ValidationError
from journal.domain.records import Assessment, Day, SafetyPlan
from journal.domain.settings import Settings
from journal.domain.validate import number
from journal.i18n import QT_TRANSLATE_NOOP, translate
from journal.report.export_json import EXPORT_VERSION, FORMAT
from journal.report.import_common import empty_file, missing_file
from journal.report.import_json_fast import keys_hold, table_rows
from journal.report.import_json_parsed import ParsedExport
from journal.report.import_json_values import (
    bad_value,
    not_finite,
    plainly_readable,
    shown,
    too_deep_at,
    whole_number,
)
from journal.report.tables import SPECS, TABLE_ORDER
from journal.store.bulk import bulk_load
from journal.store.rows import insert_rows, insert_tuples, to_row
from journal.store.safety_plan import save_safety_plan

if TYPE_CHECKING:
    from sqlite_utils import Database

#: Ten years of a journal export are about 4 MB, and 75 MB if every day had a note of the
#: longest kind (20,000 characters); a file over this is not one, and decoding it could take
#: gigabytes of memory (a 64 MB list of numbers takes 370 MB), so it is refused unread.
MAX_BYTES = 128 * 1024 * 1024


def _fail(
    message: str, table: str, index: int | None = None, field: str | None = None
) -> ValidationError:
    """``message`` after where in the file it was found: the table (or top-level key), the
    record's number and the field. The error's ``field`` is that place in the file's own words
    (``days record 4, field mood``); the message is translated in context ``imports``, with the
    file's keys left as they are and the record's number as plain digits, as counted in the
    file."""
    where = (
        table
        + ("" if index is None else f" record {index}")
        + ("" if field is None else f", field {field}")
    )
    if index is None and field is None:
        text = translate("imports", "{table}: {message}")
    elif field is None:
        text = translate("imports", "{table} record {index}: {message}")
    elif index is None:
        text = translate("imports", "{table}, field {field}: {message}")
    else:
        text = translate("imports", "{table} record {index}, field {field}: {message}")
    return ValidationError(
        where, text.format(table=table, index=index, field=field, message=message)
    )


def read_export(path: Path) -> ParsedExport:
    """Read and validate a whole export file; raises ``ValidationError`` on the first problem."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise missing_file(path) from None
    if size == 0:
        raise empty_file(path)
    if size > MAX_BYTES:
        raise ValidationError(
            "file",
            translate("imports", "file: {path} is too large to be a journal export").format(
                path=path
            ),
        )
    try:
        text = path.read_text(encoding="utf-8")
        # a text with nothing that could decode to a value no journal holds is decoded by
        # the C decoder alone, without a call per number, and its values are not walked
        # again (a second on fifty years); otherwise the hooks keep each such value's place
        plain = plainly_readable(text)
        document = (
            json.loads(text)
            if plain
            else json.loads(text, parse_int=whole_number, parse_constant=not_finite)
        )
    except UnicodeDecodeError:
        raise ValidationError("file", translate("imports", "file: not a text file")) from None
    except json.JSONDecodeError as error:
        # the decoder's own reason ("Expecting value") is Python's English, passed on as is
        raise ValidationError(
            "file",
            translate(
                "imports", "file: not valid JSON (line {line}, column {column}: {reason})"
            ).format(line=error.lineno, column=error.colno, reason=error.msg),
        ) from None
    except RecursionError:  # the decoder recurses once per level of [ and {
        line, column = too_deep_at(text)
        raise ValidationError(
            "file",
            translate(
                "imports",
                "file: nested too deeply to be a journal export (line {line}, column {column})",
            ).format(line=line, column=column),
        ) from None
    except MemoryError:
        raise ValidationError(
            "file", translate("imports", "file: {path} is too large to read").format(path=path)
        ) from None
    except OSError as error:
        raise ValidationError(
            "file",
            translate("imports", "file: cannot read {path} ({reason})").format(
                path=path, reason=error.strerror or type(error).__name__
            ),
        ) from None
    return parse_document(document, values_checked=plain)


def _check_values(document: object) -> None:
    found = bad_value(document)
    if found is None:
        return
    place, problem = found
    message = (
        translate("imports", "holds a character that is not valid text (a lone surrogate)")
        if problem == "text"
        else translate("imports", "a number no journal holds (too large, or not finite)")
    )
    names = [shown(p) if isinstance(p, str) else p for p in place]
    if len(names) >= 3 and names[0] == "tables" and isinstance(names[2], int):
        field = names[3] if len(names) > 3 and isinstance(names[3], str) else None
        raise _fail(message, str(names[1]), names[2] + 1, field)
    if len(names) == 2 and names[0] == "tables":
        raise _fail(message, "tables", field=str(names[1]))
    raise _fail(
        message,
        str(names[0]) if names else "file",
        field=".".join(str(n) for n in names[1:]) or None,
    )


def parse_document(document: object, *, values_checked: bool = False) -> ParsedExport:
    """Validate an already-decoded export document (``values_checked``: its text was seen to
    hold no value no journal holds, see ``read_export``)."""
    if not values_checked:
        _check_values(document)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _fail(
            translate("imports", "this is not a Connection Journal export (no {key})").format(
                key=f'"format": "{FORMAT}"'
            ),
            "format",
        )
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _fail(translate("imports", "missing or not a whole number"), "version")
    if version > EXPORT_VERSION:
        raise _fail(
            translate(
                "imports",
                "this export comes from a newer version of the app (format {version}; "
                "this app reads up to {current}). Please update the app first",
            ).format(version=version, current=EXPORT_VERSION),
            "version",
        )
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise _fail(translate("imports", "missing or not an object"), "tables")
    unknown = sorted(set(tables) - set(TABLE_ORDER))
    if unknown:
        raise _fail(
            translate("imports", "unknown table {name}").format(name=repr(unknown[0])), "tables"
        )
    parsed = ParsedExport()
    dates: set[str] = set()  # the ISO dates already seen valid, in any table
    for table in TABLE_ORDER:
        rows = tables.get(table, [])
        if not isinstance(rows, list):
            raise _fail(translate("imports", "must be a list of records"), table)
        if table == "settings":
            parsed.settings = _settings(rows)
            continue
        fast = table_rows(table, rows, dates)
        if fast is None:  # read record by record: the exact message, or a value to normalise
            parsed.add_records(table, *_records(table, rows))
        else:
            parsed.add_rows(table, *fast)
    if not keys_hold(parsed.column, lambda table: parsed.held(table)[0]):
        _check_keys_and_references(parsed)  # the exact message (or all hold after all)
    return parsed


def _records(table: str, rows: list[object]) -> tuple[list[Any], list[dict[str, Any]]]:
    spec = SPECS[table]
    allowed = spec.fields
    records, kept = [], []
    for index, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise _fail(translate("imports", "must be an object"), table, index)
        extra = sorted(set(row) - allowed)
        if extra:
            raise _fail(translate("imports", "unknown field"), table, index, extra[0])
        values = {k: v for k, v in row.items() if k not in spec.kept and k not in spec.recomputed}
        if spec.record is SafetyPlan:
            values.pop("id", None)
        for name in spec.json_columns:
            if name in values and isinstance(values[name], list):
                values[name] = tuple(values[name])
        try:
            records.append(spec.record(**values))
        except ValidationError as error:
            raise _fail(error.message, table, index, error.field) from None
        except TypeError as error:
            missing = str(error).rsplit(":", 1)[-1].strip().strip("'")
            raise _fail(
                translate("imports", "missing field {field}").format(field=missing), table, index
            ) from None
        keep = {k: row[k] for k in spec.kept if k in row}
        if "updated_at" in keep and not isinstance(keep["updated_at"], str):
            raise _fail(translate("imports", "must be text"), table, index, "updated_at")
        kept.append(keep)
    return records, kept


def _settings(rows: list[object]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for index, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or set(row) != {"key", "value"}:
            raise _fail(
                translate("imports", "must be {shape}").format(shape='{"key": ..., "value": ...}'),
                "settings",
                index,
            )
        values[str(row["key"])] = row["value"]
    try:
        Settings.from_mapping(values)
    except ValidationError as error:
        raise _fail(error.message, "settings", field=error.field) from None
    return values


def _unique(table: str, records: list[Any], key: Callable[[Any], object], message: str) -> None:
    """``message``, marked with ``QT_TRANSLATE_NOOP("imports", …)``, names the twice-seen
    ``{value}``."""
    seen: set[object] = set()
    for index, record in enumerate(records, start=1):
        value = key(record)
        if value in seen:
            raise _fail(translate("imports", message).format(value=value), table, index)
        seen.add(value)


def _check_keys_and_references(parsed: ParsedExport) -> None:
    r = parsed.records
    for table in (
        "people",
        "contacts",
        "sessions",
        "medications",
        "commitments",
        "assessments",
        "agenda",
    ):
        if any(rec.id is None for rec in r[table]):
            index = next(i for i, rec in enumerate(r[table], 1) if rec.id is None)
            raise _fail(translate("imports", "missing"), table, index, "id")
        _unique(
            table,
            r[table],
            lambda rec: rec.id,
            QT_TRANSLATE_NOOP("imports", "id {value} appears twice"),
        )
    _unique(
        "days",
        r["days"],
        lambda rec: rec.date,
        QT_TRANSLATE_NOOP("imports", "date {value} appears twice"),
    )
    _unique(
        "doses",
        r["doses"],
        lambda rec: f"({rec.medication_id}, {rec.date})",  # as written: (1, 2026-11-02)
        QT_TRANSLATE_NOOP("imports", "medication and date {value} appears twice"),
    )
    _unique(
        "commitment_log",
        r["commitment_log"],
        lambda rec: f"({rec.commitment_id}, {rec.date})",
        QT_TRANSLATE_NOOP("imports", "commitment and date {value} appears twice"),
    )
    _unique(
        "people",
        [p for p in r["people"] if not p.archived],
        lambda p: p.name.casefold(),
        QT_TRANSLATE_NOOP("imports", "active name {value} appears twice"),
    )
    if len(r["safety_plan"]) > 1:
        raise _fail(translate("imports", "there can only be one safety plan"), "safety_plan")
    people = {p.id for p in r["people"]}
    medications = {m.id: m for m in r["medications"]}
    commitments = {c.id for c in r["commitments"]}
    checks = [
        ("contacts", "person_id", people),
        ("sessions", "person_id", people),
        ("commitments", "suggested_by", people),
    ]
    for table, column, known in checks:
        for index, record in enumerate(r[table], start=1):
            value = getattr(record, column)
            if value is not None and value not in known:
                raise _fail(_dangling(value), table, index, column)
    for index, dose in enumerate(r["doses"], start=1):
        medication = medications.get(dose.medication_id)
        if medication is None:
            raise _fail(_dangling(dose.medication_id), "doses", index, "medication_id")
        if dose.taken > medication.doses_per_day:
            raise _fail(
                translate("imports", "more than the {doses} doses per day").format(
                    doses=number(medication.doses_per_day)
                ),
                "doses",
                index,
                "taken",
            )
    for index, log in enumerate(r["commitment_log"], start=1):
        if log.commitment_id not in commitments:
            raise _fail(_dangling(log.commitment_id), "commitment_log", index, "commitment_id")


def _dangling(value: object) -> str:
    return translate("imports", "refers to a record that is not in the file ({value})").format(
        value=value
    )


def _row(table: str, record: Any, kept: dict[str, Any]) -> dict[str, Any]:
    exclude = ("flags",) if isinstance(record, Assessment) else ()
    row = to_row(record, exclude=exclude)
    row.update(kept)
    if isinstance(record, Day):
        row.setdefault("updated_at", f"{record.date.isoformat()}T00:00:00")
    return row


def load(db: Database, parsed: ParsedExport) -> dict[str, int]:
    """Write a validated export into an empty journal, ids kept (caller owns the transaction).
    The tables are written through ``bulk_load``: their CHECK constraints evaluated and their
    indexes built once all rows are in, a second on fifty years."""
    counts = {}
    tables = [table for table in SPECS if table != "safety_plan"]
    with bulk_load(db, tables):
        for table in tables:
            fast = parsed.rows(table)
            if fast is not None:
                counts[table] = insert_tuples(db, table, *fast)
                continue
            records, kept = parsed.held(table)
            if records:
                insert_rows(
                    db,
                    table,
                    (_row(table, rec, extra) for rec, extra in zip(records, kept, strict=True)),
                )
            counts[table] = len(records)
    plans = parsed.held("safety_plan")[0]
    for plan in plans:
        save_safety_plan(db, plan)
    counts["safety_plan"] = len(plans)
    if parsed.settings:
        db["settings"].insert_all(
            {"key": k, "value": json.dumps(v)} for k, v in parsed.settings.items()
        )
    counts["settings"] = len(parsed.settings)
    return counts
