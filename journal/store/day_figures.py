"""``day_figures``: each day's figures, kept by SQLite itself beside the check-ins and contacts.

Every chart and insight over a range wants one row a day: the check-in's ratings and sleep,
and the contacts added up (how many, minutes, how many felt meaningful, the sum of quality, a
count per relationship kind and per mode). Read from ``days`` and added up from ``contacts`` at
every read, fifty years (18,000 check-ins, 71,000 contacts) cost ~170 ms; read from this
table, whose rows hold them packed into a few exact integers, ~20 ms (and ~33 ms as arrays).

The table is derived data, never written by the app: triggers on ``days`` and ``contacts``
compute a day's row again from that day's check-in and contacts after every insert, change or
delete, inside the writing statement, so it is right whoever writes (the app, an import, a hand
edit with the ``sqlite3`` shell) and a crash never leaves it half-updated. It is not exported
and not counted as a record; ``check`` compares it with the records and its triggers with these
(``counted_problems``), and a writing open builds it again if it or a trigger is missing or
changed (``keep_following``).

A change to ``MEANINGFUL_QUALITY``, ``Relationship``, ``Mode``, ``RATINGS`` or the bit layouts
changes what the rows hold: it needs a schema step that rebuilds the table, as version 3 built it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from journal.domain.kinds import MEANINGFUL_QUALITY, RATINGS, Mode, Relationship

if TYPE_CHECKING:
    from sqlite_utils import Database

TABLE = "day_figures"
#: The schema version that made it.
SINCE_VERSION = 3

#: (column, SQL of one contact's share in it), in the order of ``analysis.series.TOTAL_COLUMNS``.
_SHARES: tuple[tuple[str, str], ...] = (
    ("contacts", "1"),
    ("minutes", "coalesce(minutes, 0)"),
    ("meaningful", f"quality >= {MEANINGFUL_QUALITY}"),
    ("quality_sum", "quality"),
    *((f"kind_{kind.value}", f"kind = '{kind.value}'") for kind in Relationship),
    *((f"mode_{mode.value}", f"mode = '{mode.value}'") for mode in Mode),
)
#: The contact figures, in the order of ``analysis.series.TOTAL_COLUMNS``.
FIGURES: tuple[str, ...] = tuple(name for name, _ in _SHARES)
#: The first of the counts per kind, then per mode.
FIRST_COUNT = FIGURES.index(f"kind_{next(iter(Relationship)).value}")

#: Bits of each rating in ``ratings`` (all set: not given); of the head figures
#: (``FIGURES[:FIRST_COUNT]``) in ``head``, lowest first; of each count per kind (``kinds``)
#: and per mode (``modes``). Every packed number stays under 2**53, exact as a float. A day
#: that does not fit (a rating not a whole 0-14, 32 contacts or more, minutes or qualities a
#: hand edit made fractional) holds -1 there, and a range with one is read plainly.
RATING_BITS = 4
HEAD_BITS = (5, 16, 5, 8)
COUNT_BITS = 5


def _packed(columns: list[str], bits: list[int]) -> str:
    shifts = [sum(bits[:i]) for i in range(len(bits))]
    return " + ".join(f"({name} << {at})" for name, at in zip(columns, shifts, strict=True))


def _fits(columns: list[str], bits: list[int]) -> str:
    return " AND ".join(
        f"typeof({name}) = 'integer' AND {name} BETWEEN 0 AND {(1 << b) - 1}"
        for name, b in zip(columns, bits, strict=True)
    )


def _ratings() -> str:
    gap = (1 << RATING_BITS) - 1  # below it, every whole rating a hand edit could store
    given = [f"coalesce(d.{name}, {gap})" for name in RATINGS]
    fits = " AND ".join(
        f"(d.{name} IS NULL OR (typeof(d.{name}) = 'integer' AND d.{name} BETWEEN 0 AND {gap - 1}))"
        for name in RATINGS
    )
    packed = _packed(given, [RATING_BITS] * len(RATINGS))
    return f"CASE WHEN d.date IS NULL THEN NULL WHEN {fits} THEN {packed} ELSE -1 END"


def _contact_columns() -> str:
    plain = [f"coalesce(c.{name}, 0)" for name in FIGURES]
    head = plain[:FIRST_COUNT]
    kinds = plain[FIRST_COUNT : FIRST_COUNT + len(Relationship)]
    modes = plain[FIRST_COUNT + len(Relationship) :]
    return ", ".join(
        [
            plain[0],
            f"CASE WHEN {_fits(head, list(HEAD_BITS))} THEN {_packed(head, list(HEAD_BITS))} "
            "ELSE -1 END",
            _packed(kinds, [COUNT_BITS] * len(kinds)),
            _packed(modes, [COUNT_BITS] * len(modes)),
        ]
    )


def _select(dates: str, contacts_where: str = "") -> str:
    """Each day of ``dates`` (a query of a ``date`` column) as the table holds it, made from
    that day's check-in and contacts."""
    sums = ", ".join(f"sum({share}) AS {name}" for name, share in _SHARES)
    return (
        f"SELECT x.date, {_contact_columns()}, {_ratings()}, d.sleep_hours "
        f"FROM ({dates}) AS x "
        f"LEFT JOIN (SELECT date, {sums} FROM contacts {contacts_where} GROUP BY date) AS c "
        "ON c.date = x.date LEFT JOIN days AS d ON d.date = x.date"
    )


#: Every day with a check-in or a contact, made from the records: what the table must hold.
FROM_RECORDS = _select("SELECT date FROM days UNION SELECT date FROM contacts")


def _day_again(day: str) -> str:
    """Statements putting the row of the day ``day`` (``NEW.date``/``OLD.date``) right: gone,
    then made again from that day's check-in and contacts if it has either."""
    dates = (
        f"SELECT {day} AS date WHERE EXISTS (SELECT 1 FROM days WHERE date = {day}) "
        f"OR EXISTS (SELECT 1 FROM contacts WHERE date = {day})"
    )
    return (
        f"DELETE FROM {TABLE} WHERE date = {day}; "
        f"INSERT INTO {TABLE} {_select(dates, f'WHERE date = {day}')};"
    )


def _triggers(table: str, counted: str) -> tuple[str, ...]:
    name = f"{TABLE}_{table}"
    return (
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table} BEGIN {_day_again('NEW.date')} END",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table} BEGIN {_day_again('OLD.date')} END",
        f"CREATE TRIGGER {name}_update AFTER UPDATE OF {counted} ON {table} "
        f"BEGIN {_day_again('OLD.date')} {_day_again('NEW.date')} END",
    )


#: The triggers that keep the table: after an insert, a delete, and a change of any column it
#: holds (a person's removal sets a contact's ``person_id`` to NULL and leaves it alone).
TRIGGERS: tuple[str, ...] = (
    *_triggers("days", ", ".join(("date", *RATINGS, "sleep_hours"))),
    *_triggers("contacts", "date, kind, mode, minutes, quality"),
)
#: The tables whose triggers keep it.
SOURCES = ("days", "contacts")

#: Fill the (empty) table from the records: the migration, and ``store.bulk.bulk_load`` after
#: it wrote them with the triggers set aside.
FILL = f"INSERT INTO {TABLE} {FROM_RECORDS}"

#: Version 3: the table, filled from the records already there, and its triggers.
DAY_FIGURES_V3: tuple[str, ...] = (
    f"CREATE TABLE {TABLE} (date TEXT PRIMARY KEY, "
    "contacts INTEGER NOT NULL, head INTEGER NOT NULL, kinds INTEGER NOT NULL, "
    "modes INTEGER NOT NULL, ratings INTEGER, sleep_hours REAL) WITHOUT ROWID",
    FILL,
    *TRIGGERS,
)

#: The days of ``start..end`` (parameters ``start``, ``end``, and ``first``: ``julian_day`` of
#: start) as six numbers each: the day's offset from start, the packed ratings (NULL without a
#: check-in) and sleep, the packed head figures, counts per kind and per mode. Python turns six
#: plain numbers a day into objects in a third of the time of the two reads they replace.
PACKED_SELECT = (
    "SELECT CAST(round(julianday(date) - :first) AS INTEGER), ratings, sleep_hours, head, "
    f"kinds, modes FROM {TABLE} WHERE date BETWEEN :start AND :end ORDER BY date"
)


def julian_day(day: dt.date) -> float:
    """SQLite's ``julianday`` of ``day`` at midnight, reckoned once in Python."""
    return day.toordinal() + 1721424.5


def as_built(conn: Any) -> bool:
    """Whether the table and its triggers are there exactly as version 3 made them (nobody
    dropped or changed one with a hand edit): otherwise it no longer follows the records."""
    table = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)
    ).fetchone()
    marks = ", ".join("?" for _ in SOURCES)
    found = conn.execute(
        f"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks})",
        SOURCES,
    ).fetchall()
    built = table is not None and table[0] == DAY_FIGURES_V3[0]
    return built and sorted(row[0] for row in found) == sorted(TRIGGERS)


#: The records counted: check-ins and contacts (and 0, the empty days); each from its
#: b-tree's size, at no cost.
RECORDS_COUNTED = "SELECT (SELECT count(*) FROM days), (SELECT count(*) FROM contacts), 0"
#: The same counted in the table, and its days with neither (none when right): ~4 ms.
KEPT_COUNTED = (
    f"SELECT count(ratings), total(contacts), total(ratings IS NULL AND contacts = 0) FROM {TABLE}"
)


def counted_problems(built: bool, records: Any, kept: Any) -> list[str]:
    """What ``check`` says of the table, from ``as_built`` and the rows of
    ``RECORDS_COUNTED`` and ``KEPT_COUNTED`` (two statements of its own, so ``check`` runs
    them beside its other scans: ~4 ms for fifty years; a day by day comparison,
    ``FROM_RECORDS``, would cost ~200)."""
    problems = [] if built else [f"{TABLE} or the triggers keeping it are not as built"]
    kept = tuple(int(n) for n in kept) if kept is not None else None
    if kept is not None and tuple(records) != kept:
        problems.append(
            f"{TABLE} disagrees with the records ({kept[0]} of {records[0]} check-ins, "
            f"{kept[1]} of {records[1]} contacts, {kept[2]} empty days)"
        )
    return problems


def keep_following(db: Database) -> None:
    """At a writing open (of a journal of version 3): if the table or a trigger is not as
    built, build them again and make every day anew from the records, in one transaction (a
    hand edit that dropped or changed one leaves the figures right again, and saves work;
    nothing of the person's records is touched)."""
    conn = db.conn
    if as_built(conn):
        return
    with db.atomic():
        rebuild(conn)


def refill(conn: Any) -> None:
    """Every day made anew from the records, the table emptied first (inside the caller's
    transaction; ``store.bulk.bulk_load`` after it wrote the records with the triggers set
    aside)."""
    conn.execute(f"DELETE FROM {TABLE}")
    conn.execute(FILL)


def rebuild(conn: Any) -> None:
    """The table and every trigger of the source tables dropped and made as built, every day
    made anew from the records (inside the caller's transaction)."""
    marks = ", ".join("?" for _ in SOURCES)
    for (name,) in conn.execute(
        f"SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks})",
        SOURCES,
    ).fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute(f"DROP TABLE IF EXISTS {TABLE}")
    conn.execute(DAY_FIGURES_V3[0])
    conn.execute(FILL)
    for sql in TRIGGERS:
        conn.execute(sql)


def packed_rows(
    db: Database, start: dt.date, end: dt.date, *, origin: dt.date | None = None
) -> list[tuple[Any, ...]]:
    """``PACKED_SELECT`` of ``start..end``, the offsets counted from ``origin`` (default
    ``start``): ``analysis.series.series_from_figures`` takes the rows apart with
    ``RATING_BITS``, ``HEAD_BITS`` and ``COUNT_BITS``."""
    first = julian_day(origin or start)
    return db.execute(
        PACKED_SELECT, {"start": start.isoformat(), "end": end.isoformat(), "first": first}
    ).fetchall()
