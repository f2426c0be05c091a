"""The one safety plan of a journal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.domain.records import SAFETY_PLAN_SECTIONS, SafetyPlan
from journal.store.rows import to_row

if TYPE_CHECKING:
    from sqlite_utils import Database


def get_safety_plan(db: Database) -> SafetyPlan:
    rows = list(db.query(f"SELECT {', '.join(SAFETY_PLAN_SECTIONS)} FROM safety_plan"))
    return SafetyPlan(**rows[0]) if rows else SafetyPlan()


def save_safety_plan(db: Database, plan: SafetyPlan) -> None:
    db["safety_plan"].upsert({"id": 1, **to_row(plan)}, pk="id")
