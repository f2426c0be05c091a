"""Schema versions in ``PRAGMA user_version`` and the steps between them.

Each step runs in its own transaction together with the version bump, so a journal is always at
exactly one version. A journal from a newer version of the app is refused, never downgraded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from journal.domain.errors import JournalDamaged
from journal.i18n import translate
from journal.store.schema import SCHEMA_V1, SCHEMA_V2, SCHEMA_V3

if TYPE_CHECKING:
    from sqlite_utils import Database


def _to_v1(db: Database) -> None:
    for statement in SCHEMA_V1:
        db.execute(statement)


def _to_v2(db: Database) -> None:
    for statement in SCHEMA_V2:
        db.execute(statement)


def _to_v3(db: Database) -> None:
    for statement in SCHEMA_V3:
        db.execute(statement)


#: ``MIGRATIONS[n]`` brings a journal from version ``n - 1`` to ``n``.
MIGRATIONS: dict[int, Callable[[Database], None]] = {1: _to_v1, 2: _to_v2, 3: _to_v3}
CURRENT_VERSION = max(MIGRATIONS)


def schema_version(db: Database | Any) -> int:
    """``PRAGMA user_version`` of a ``Database`` or of a bare DB-API connection."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def check_compatible(db: Database | Any) -> int:
    """Refuse a newer journal or a foreign database before anything is written; the version.

    ``db`` is a ``Database`` or a bare DB-API connection (the read-only open of ``check``)."""
    version = schema_version(db)
    if version > CURRENT_VERSION:
        raise JournalDamaged(
            translate(
                "errors",
                "This journal was written by a newer version of Connection Journal "
                "(schema {version}, this app knows {known}). Please update the app; the journal "
                "has not been changed.",
            ).format(version=version, known=CURRENT_VERSION)
        )
    if (
        version == 0
        and db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").fetchone()
    ):
        raise JournalDamaged(
            translate(
                "errors",
                "This file is an SQLite database but not a Connection Journal; it has "
                "not been changed.",
            )
        )
    return version


def migrate(db: Database) -> list[int]:
    """Bring the journal to ``CURRENT_VERSION``; returns the versions applied, in order."""
    version = check_compatible(db)
    applied = []
    for target in range(version + 1, CURRENT_VERSION + 1):
        with db.atomic():
            MIGRATIONS[target](db)
            db.execute(f"PRAGMA user_version = {target}")
        applied.append(target)
    return applied
