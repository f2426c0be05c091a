"""Importing into a journal that already has data: add what is not there yet, by natural keys.

Nothing already in the journal is changed. A record whose natural key exists with different
values is a *conflict*: the journal's version is kept and the conflict reported.

Natural keys: people by active name (any case); medications and commitments by name/title and
start date; days by date; doses and commitment log by their item and date; contacts and sessions
by all their values; assessments by date, questionnaire and answers; topics by date and text.
Records with the same values are counted, not collapsed: each one already in the journal
matches one of the file's, so records identical within the file are all kept (two genuine
5-minute texts with Sam on one day stay two) and merging the same file again adds nothing.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from journal.domain.records import SafetyPlan
from journal.i18n import translate
from journal.report.import_json import ParsedExport, _row
from journal.report.tables import table_rows
from journal.store import safety_plan as safety_store
from journal.store.rows import fetch

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(slots=True)
class MergeResult:
    """Records added per table and the conflicts kept as they were.

    Each conflict is a sentence in context ``imports`` naming the table and the record's ISO
    date as the file spells them (the app shows their count, the command line each one).
    """

    added: dict[str, int] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)


def _insert(db: Database, table: str, record: Any, kept: dict[str, Any]) -> int:
    row = _row(table, record, kept)
    row.pop("id", None)
    return int(db[table].insert(row).last_pk)


def merge(db: Database, parsed: ParsedExport) -> MergeResult:
    """Add the export's new records to ``db`` (the caller owns the transaction)."""
    result = MergeResult()
    r, kept = parsed.records, parsed.kept
    added = dict.fromkeys(r, 0)

    def existing(table: str) -> list[dict[str, Any]]:
        return table_rows(db, table)

    people = {p["name"].casefold(): p["id"] for p in existing("people") if not p["archived"]}
    person_map: dict[int, int] = {}
    for person, extra in zip(r["people"], kept["people"], strict=True):
        key = person.name.casefold()
        if not person.archived and key in people:
            person_map[person.id] = people[key]
            continue
        person_map[person.id] = _insert(db, "people", person, extra)
        added["people"] += 1

    def mapped(value: int | None, mapping: dict[int, int]) -> int | None:
        return None if value is None else mapping[value]

    meds = {(m["name"].casefold(), m["started_on"]): m["id"] for m in existing("medications")}
    med_map: dict[int, int] = {}
    for med, extra in zip(r["medications"], kept["medications"], strict=True):
        key = (med.name.casefold(), med.started_on.isoformat())
        if key not in meds:
            meds[key] = _insert(db, "medications", med, extra)
            added["medications"] += 1
        med_map[med.id] = meds[key]

    items = {(c["title"].casefold(), c["started_on"]): c["id"] for c in existing("commitments")}
    item_map: dict[int, int] = {}
    for item, extra in zip(r["commitments"], kept["commitments"], strict=True):
        key = (item.title.casefold(), item.started_on.isoformat())
        if key not in items:
            item = dataclasses.replace(item, suggested_by=mapped(item.suggested_by, person_map))
            items[key] = _insert(db, "commitments", item, extra)
            added["commitments"] += 1
        item_map[item.id] = items[key]

    days = {d["date"]: d for d in existing("days")}
    for day, extra in zip(r["days"], kept["days"], strict=True):
        stored = days.get(day.date.isoformat())
        if stored is None:
            db["days"].insert(_row("days", day, extra))
            added["days"] += 1
        elif (
            fetch(
                db,
                type(day),
                "SELECT date, mood, anxiety, loneliness, energy, physical, "
                "sleep_hours, coping, note FROM days WHERE date = ?",
                [day.date.isoformat()],
                json_fields=("coping",),
            )[0]
            != day
        ):
            result.conflicts.append(
                translate("imports", "{table} {date}: the journal's check-in was kept").format(
                    table="days", date=day.date.isoformat()
                )
            )

    def add_unique(table: str, records: list[Any], remap: dict[str, dict[int, int]]) -> None:
        def key(row: dict[str, Any]) -> tuple[Any, ...]:
            return tuple(
                sorted(
                    (k, v if not isinstance(v, list) else tuple(v))
                    for k, v in row.items()
                    if k not in ("id", "total", "band")
                )
            )

        # how many of each the journal has: each matches one of the file's, so two genuine
        # 5-minute texts with Sam in the file stay two (one added if the journal has one)
        present = Counter(key(row) for row in existing(table))
        for record, extra in zip(records, kept[table], strict=True):
            changes = {
                name: mapped(getattr(record, name), mapping) for name, mapping in remap.items()
            }
            record = dataclasses.replace(record, **changes) if changes else record
            row = _row(table, record, extra)
            decoded = {
                k: (list(getattr(record, k)) if k in ("coping", "answers") else v)
                for k, v in row.items()
            }
            if present[key(decoded)] > 0:
                present[key(decoded)] -= 1
                continue
            _insert(db, table, record, extra)
            added[table] += 1

    add_unique("contacts", r["contacts"], {"person_id": person_map})
    add_unique("sessions", r["sessions"], {"person_id": person_map})
    add_unique("assessments", r["assessments"], {})
    add_unique("agenda", r["agenda"], {})

    for table, mapping, id_field in (
        ("doses", med_map, "medication_id"),
        ("commitment_log", item_map, "commitment_id"),
    ):
        present = {(row[id_field], row["date"]): row for row in existing(table)}
        for record in r[table]:
            record = dataclasses.replace(record, **{id_field: mapping[getattr(record, id_field)]})
            row = _row(table, record, {})
            stored = present.get((row[id_field], row["date"]))
            if stored is None:
                db[table].insert(row)
                added[table] += 1
            elif stored != row:
                result.conflicts.append(
                    translate("imports", "{table} {date}: the journal's entry was kept").format(
                        table=table, date=row["date"]
                    )
                )

    if r["safety_plan"]:
        current = safety_store.get_safety_plan(db)
        incoming = r["safety_plan"][0]
        if current == SafetyPlan():
            safety_store.save_safety_plan(db, incoming)
            added["safety_plan"] = 1
        elif current != incoming:
            result.conflicts.append(
                translate("imports", "safety plan: the journal's safety plan was kept")
            )
    result.added = {table: count for table, count in added.items() if count}
    return result
