"""How each table's rows map to domain records, shared by the JSON export and import."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from journal.domain.records import (
    SAFETY_PLAN_SECTIONS,
    AgendaItem,
    Assessment,
    Commitment,
    CommitmentLog,
    Contact,
    Day,
    DoseLog,
    Medication,
    Person,
    SafetyPlan,
    Session,
)


@dataclass(frozen=True, slots=True)
class TableSpec:
    """A table's record type, its JSON-encoded columns and the extra columns a row may carry
    (kept as text, e.g. ``updated_at``, or ignored because they are recomputed)."""

    record: type
    json_columns: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    recomputed: tuple[str, ...] = ()

    @property
    def fields(self) -> set[str]:
        names = {f.name for f in dataclasses.fields(self.record) if f.init}
        return names | set(self.kept) | set(self.recomputed)


SPECS: dict[str, TableSpec] = {
    "people": TableSpec(Person),
    "days": TableSpec(Day, json_columns=("coping",), kept=("updated_at",)),
    "contacts": TableSpec(Contact),
    "sessions": TableSpec(Session),
    "medications": TableSpec(Medication),
    "doses": TableSpec(DoseLog),
    "commitments": TableSpec(Commitment),
    "commitment_log": TableSpec(CommitmentLog),
    "assessments": TableSpec(Assessment, json_columns=("answers",), recomputed=("total", "band")),
    "agenda": TableSpec(AgendaItem),
    "safety_plan": TableSpec(SafetyPlan, kept=("id",)),
}

#: Tables exported and imported, parents before children.
TABLE_ORDER = (*SPECS, "settings")

_ORDER_BY = {
    "days": "date",
    "doses": "medication_id, date",
    "commitment_log": "commitment_id, date",
    "settings": "key",
}


def row_order(table: str) -> str:
    """The ``ORDER BY`` of ``table``'s rows in an export: stable from one export to the next."""
    return _ORDER_BY.get(table, "rowid")


def table_rows(db: Any, table: str) -> list[dict[str, Any]]:
    """Every row of ``table`` as plain JSON values (JSON columns decoded), in a stable order."""
    order = row_order(table)
    rows = list(db.query(f"SELECT * FROM [{table}] ORDER BY {order}"))
    if table == "settings":
        return [{"key": r["key"], "value": json.loads(r["value"])} for r in rows]
    for column in SPECS[table].json_columns:
        for row in rows:
            row[column] = json.loads(row[column])
    return rows


def safety_plan_row(plan: SafetyPlan) -> dict[str, str]:
    return {name: getattr(plan, name) for name in SAFETY_PLAN_SECTIONS}
