"""``contact_days``: each day's contact figures, kept by SQLite itself beside the contacts.

Every chart and insight over a range wants per-day totals (how many contacts, minutes, how many
felt meaningful, the sum of quality, one count per relationship kind and per mode). Added up
from the contacts at every read, fifty years (71,000 contacts) cost ~130 ms; read from this
table they cost ~30. The table is derived data, never written by the app: triggers on
``contacts`` compute a day's row again from that day's contacts after every insert, change or
delete, in the same statement's transaction, so it is right whoever writes (the app, an import,
a hand edit with the ``sqlite3`` shell) and a crash can never leave it half-updated. It is not
exported, not counted as a record; ``check`` compares its counts with the contacts' and its
triggers with these (``disagreements``), and a writing open builds it again if a trigger is
missing (``keep_following``).

A change to ``MEANINGFUL_QUALITY``, ``Relationship`` or ``Mode`` changes what the rows hold: it
needs a schema step that rebuilds the table (drop, ``CONTACT_DAYS_V3``), as version 3 built it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from journal.domain.kinds import Mode, Relationship
from journal.domain.records import MEANINGFUL_QUALITY

if TYPE_CHECKING:
    from sqlite_utils import Database

TABLE = "contact_days"

#: (column, SQL of one contact's share in it, over the contacts row ``{row}``), in the order of
#: ``analysis.series.TOTAL_COLUMNS``.
_SHARES: tuple[tuple[str, str], ...] = (
    ("contacts", "1"),
    ("minutes", "coalesce({row}minutes, 0)"),
    ("meaningful", f"{{row}}quality >= {MEANINGFUL_QUALITY}"),
    ("quality_sum", "{row}quality"),
    *((f"kind_{kind.value}", f"{{row}}kind = '{kind.value}'") for kind in Relationship),
    *((f"mode_{mode.value}", f"{{row}}mode = '{mode.value}'") for mode in Mode),
)
#: The figure columns, after ``date``.
FIGURES: tuple[str, ...] = tuple(name for name, _ in _SHARES)
#: The first column of the counts per kind, then per mode.
FIRST_COUNT = FIGURES.index(f"kind_{next(iter(Relationship)).value}")


def _sums(row: str = "") -> str:
    return ", ".join(f"sum({share.format(row=row)})" for _, share in _SHARES)


#: Each day's figures added up from the contacts themselves, one row per day with contacts:
#: what the table must hold.
FROM_CONTACTS = f"SELECT date, {_sums()} FROM contacts GROUP BY date"


def _day_again(day: str) -> str:
    """Statements putting the row of the day ``day`` (``NEW.date``/``OLD.date``) right: gone,
    then added up again from that day's contacts if it has any."""
    return (
        f"DELETE FROM {TABLE} WHERE date = {day}; "
        f"INSERT INTO {TABLE} SELECT {day}, {_sums()} FROM contacts WHERE date = {day} "
        "HAVING count(*) > 0;"
    )


#: The triggers that keep the table: after an insert, a delete, and a change of any column it
#: counts (a person's removal sets ``person_id`` to NULL and leaves the figures alone).
TRIGGERS: tuple[str, ...] = (
    f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON contacts BEGIN {_day_again('NEW.date')} END",
    f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON contacts BEGIN {_day_again('OLD.date')} END",
    f"CREATE TRIGGER {TABLE}_update AFTER UPDATE OF date, kind, mode, minutes, quality "
    f"ON contacts BEGIN {_day_again('OLD.date')} {_day_again('NEW.date')} END",
)

#: Fill the (empty) table from the contacts: the migration, and ``store.bulk.bulk_load`` after
#: it wrote the contacts with the triggers set aside.
FILL = f"INSERT INTO {TABLE} {FROM_CONTACTS}"

#: Version 3: the table, filled from the contacts already there, and its triggers.
CONTACT_DAYS_V3: tuple[str, ...] = (
    f"CREATE TABLE {TABLE} (date TEXT PRIMARY KEY, "
    + ", ".join(f"{name} INTEGER NOT NULL" for name in FIGURES)
    + ") WITHOUT ROWID",
    FILL,
    *TRIGGERS,
)


#: Bits of the day's offset and of its first figures (``FIGURES[:FIRST_COUNT]``) in the first
#: integer of ``PACKED_SELECT``, lowest first: 58 bits. A day fits when it has fewer than 64
#: contacts of whole minutes and qualities (a hand edit can store 2.5; the CHECKs let it) and
#: lies fewer than 2**20 days (2,870 years) after the range's start.
HEAD_BITS = (20, 6, 17, 6, 9)
#: Bits of each count per kind (the second integer) and per mode (the third).
COUNT_BITS = 6


def _packed(columns: list[str], bits: list[int]) -> str:
    shifts = [sum(bits[:i]) for i in range(len(bits))]
    return " + ".join(f"({name} << {at})" for name, at in zip(columns, shifts, strict=True))


_DAY = "CAST(round(julianday(date) - :first) AS INTEGER)"


def _packed_select() -> str:
    head = FIGURES[:FIRST_COUNT]
    fits = " AND ".join(
        [f"{_DAY} < {1 << HEAD_BITS[0]}"]
        + [
            f"typeof({name}) = 'integer' AND {name} BETWEEN 0 AND {(1 << bits) - 1}"
            for name, bits in zip(head, HEAD_BITS[1:], strict=True)
        ]
    )
    kinds = [f"kind_{kind.value}" for kind in Relationship]
    modes = [f"mode_{mode.value}" for mode in Mode]
    return (
        f"SELECT CASE WHEN {fits} THEN {_packed([_DAY, *head], list(HEAD_BITS))} ELSE -1 END, "
        f"{_packed(kinds, [COUNT_BITS] * len(kinds))}, {_packed(modes, [COUNT_BITS] * len(modes))} "
        f"FROM {TABLE} WHERE date BETWEEN :start AND :end ORDER BY date"
    )


#: The rows of ``start..end`` (parameters ``start``, ``end`` and ``first``, the Julian day
#: number of start: ``julian_day``) as three integers a day: the
#: day's offset from start and its first figures (``HEAD_BITS``), then the counts per kind and
#: per mode (``COUNT_BITS`` each, enum order; no count exceeds the day's contacts). The first is
#: -1 for a day that does not fit; read ``PLAIN_SELECT`` then. Python turns three numbers a day
#: into objects in a third of the time of twenty (fifty years: ~12 ms against ~35).
PACKED_SELECT = _packed_select()


def julian_day(day: dt.date) -> float:
    """SQLite's ``julianday`` of ``day`` at midnight, reckoned in Python (computed once, not
    once a row)."""
    return day.toordinal() + 1721424.5


#: The rows of ``start..end`` (parameters: start, start, end), the day's offset then every
#: figure as it is.
PLAIN_SELECT = (
    "SELECT CAST(round(julianday(date) - julianday(?)) AS INTEGER), "
    f"{', '.join(FIGURES)} FROM {TABLE} WHERE date BETWEEN ? AND ? ORDER BY date"
)


def triggers_as_built(conn: Any) -> bool:
    """Whether the table's triggers are there exactly as version 3 made them (nobody dropped
    or changed one with a hand edit): otherwise it no longer follows the contacts."""
    found = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'contacts' "
        "ORDER BY name"
    ).fetchall()
    return sorted(row[0] for row in found) == sorted(TRIGGERS)


def disagreements(conn: Any) -> list[str]:
    """What ``check`` finds wrong with the table, cheaply (a few milliseconds for fifty
    years): its triggers, and its count of contacts and of days against the contacts'."""
    if not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)
    ).fetchone():
        return []  # an older journal: the version check says it
    problems = [] if triggers_as_built(conn) else [f"the triggers keeping {TABLE} are not as built"]
    contacts, days = conn.execute("SELECT count(*), count(DISTINCT date) FROM contacts").fetchone()
    counted, rows = conn.execute(f"SELECT total(contacts), count(*) FROM {TABLE}").fetchone()
    if (contacts, days) != (counted, rows):
        problems.append(f"{TABLE} disagrees with the contacts ({int(counted)} of {contacts})")
    return problems


def keep_following(db: Database) -> None:
    """At a writing open: if the triggers are not as built, build them again and add every
    day up anew from the contacts, in one transaction (a hand edit that dropped one leaves
    the figures right again; nothing of the person's records is touched)."""
    conn = db.conn
    if triggers_as_built(conn):
        return
    with db.atomic():
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'contacts'"
        ).fetchall():
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute(f"DELETE FROM {TABLE}")
        conn.execute(FILL)
        for sql in TRIGGERS:
            conn.execute(sql)
