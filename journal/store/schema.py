"""The journal's tables, as DDL with CHECK constraints mirroring the domain's rules.

The domain validates first and gives the readable message; the constraints are the backstop that
keeps a bug or a hand-edited file from ever storing an impossible value.
"""

from __future__ import annotations

from journal.domain.kinds import (
    FIVE_POINT,
    CommitmentKind,
    Instrument,
    Mode,
    Relationship,
    SessionStatus,
)
from journal.store.day_figures import DAY_FIGURES_V3


def _in(column: str, values: type) -> str:
    return f"{column} IN ({', '.join(repr(m.value) for m in values)})"


_DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"


def _between(column: str, low: int, high: int) -> str:
    return f"{column} BETWEEN {low} AND {high}"


def _rating(column: str, low: int = 0, high: int = 10) -> str:
    return f"{column} INTEGER CHECK ({column} IS NULL OR {_between(column, low, high)})"


def _words(column: str) -> str:
    """Text that is not blank: a name, a title, a topic."""
    return f"{column} TEXT NOT NULL CHECK (length(trim({column})) > 0)"


def _from_until(start: str, end: str) -> str:
    """A day something began and, once it has, the day it ended (never before it began)."""
    return (
        f"{start} TEXT NOT NULL CHECK ({start} {_DATE}),\n"
        f"        {end} TEXT CHECK ({end} IS NULL OR {end} >= {start})"
    )


def _day_log(table: str, key: str, of: str, count: str, most: int) -> str:
    """A day's check-offs of a medication or commitment: how many (``count``, up to
    ``most``) of the item ``key`` in table ``of``, one row a day, gone with the item."""
    return f"""CREATE TABLE {table} (
        {key} INTEGER NOT NULL REFERENCES {of} (id) ON DELETE CASCADE,
        date TEXT NOT NULL CHECK (date {_DATE}),
        {count} INTEGER NOT NULL CHECK ({_between(count, 0, most)}),
        PRIMARY KEY ({key}, date)
    ) WITHOUT ROWID"""


#: Version 1: the whole data model of DESIGN.md section 3.
SCHEMA_V1: tuple[str, ...] = (
    f"""CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        {_words("name")},
        relationship TEXT NOT NULL CHECK ({_in("relationship", Relationship)}),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE UNIQUE INDEX people_active_name ON people (name COLLATE NOCASE) WHERE archived = 0",
    f"""CREATE TABLE days (
        date TEXT PRIMARY KEY CHECK (date {_DATE}),
        mood INTEGER NOT NULL CHECK (mood BETWEEN 0 AND 10),
        {_rating("anxiety")},
        {_rating("loneliness")},
        {_rating("energy")},
        {_rating("physical")},
        sleep_hours REAL CHECK (sleep_hours IS NULL OR sleep_hours BETWEEN 0 AND 24),
        coping TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    ) WITHOUT ROWID""",
    f"""CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL CHECK (date {_DATE}),
        person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
        kind TEXT NOT NULL CHECK ({_in("kind", Relationship)}),
        mode TEXT NOT NULL CHECK ({_in("mode", Mode)}),
        minutes INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 0 AND 1440),
        quality INTEGER NOT NULL CHECK ({_between("quality", *FIVE_POINT)}),
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX contacts_date ON contacts (date)",
    "CREATE INDEX contacts_person ON contacts (person_id)",
    f"""CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL CHECK (date {_DATE}),
        person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
        status TEXT NOT NULL CHECK ({_in("status", SessionStatus)}),
        mode TEXT NOT NULL CHECK ({_in("mode", Mode)}),
        {_rating("felt_heard", *FIVE_POINT)},
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX sessions_date ON sessions (date)",
    f"""CREATE TABLE medications (
        id INTEGER PRIMARY KEY,
        {_words("name")},
        dose TEXT NOT NULL DEFAULT '',
        doses_per_day INTEGER NOT NULL CHECK (doses_per_day BETWEEN 1 AND 12),
        {_from_until("started_on", "stopped_on")}
    )""",
    _day_log("doses", "medication_id", "medications", "taken", 12),
    f"""CREATE TABLE commitments (
        id INTEGER PRIMARY KEY,
        {_words("title")},
        kind TEXT NOT NULL CHECK ({_in("kind", CommitmentKind)}),
        suggested_by INTEGER REFERENCES people (id) ON DELETE SET NULL,
        per_week INTEGER NOT NULL CHECK (per_week BETWEEN 1 AND 14),
        {_from_until("started_on", "ended_on")}
    )""",
    _day_log("commitment_log", "commitment_id", "commitments", "done", 14),
    f"""CREATE TABLE assessments (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL CHECK (date {_DATE}),
        instrument TEXT NOT NULL CHECK ({_in("instrument", Instrument)}),
        answers TEXT NOT NULL,
        total INTEGER NOT NULL,
        band TEXT NOT NULL
    )""",
    "CREATE INDEX assessments_date ON assessments (date)",
    f"""CREATE TABLE agenda (
        id INTEGER PRIMARY KEY,
        created_on TEXT NOT NULL CHECK (created_on {_DATE}),
        {_words("text")},
        discussed_on TEXT CHECK (discussed_on IS NULL OR discussed_on >= created_on)
    )""",
    """CREATE TABLE safety_plan (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        warning_signs TEXT NOT NULL DEFAULT '',
        coping_strategies TEXT NOT NULL DEFAULT '',
        distractions TEXT NOT NULL DEFAULT '',
        people_to_ask TEXT NOT NULL DEFAULT '',
        professionals TEXT NOT NULL DEFAULT '',
        crisis_line TEXT NOT NULL DEFAULT '',
        safer_surroundings TEXT NOT NULL DEFAULT '',
        reasons_for_living TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID""",
)

#: Version 2: "keep in touch every N days" per person, and when "It's been a while" was last
#: set aside for them. Added columns only, so every version-1 row stays as it was.
SCHEMA_V2: tuple[str, ...] = (
    "ALTER TABLE people ADD COLUMN keep_in_touch_days INTEGER CHECK (keep_in_touch_days IS NULL "
    "OR keep_in_touch_days BETWEEN 1 AND 365)",
    f"ALTER TABLE people ADD COLUMN touch_dismissed_on TEXT CHECK (touch_dismissed_on IS NULL "
    f"OR touch_dismissed_on {_DATE})",
)

#: Version 3: each day's figures, kept by triggers (``store.day_figures``). Derived from the
#: check-ins and contacts, so the records and the export format stay those of version 2.
SCHEMA_V3: tuple[str, ...] = DAY_FIGURES_V3

#: Every table of the journal, in an order that respects foreign keys (parents first).
TABLES: tuple[str, ...] = (
    "people",
    "days",
    "contacts",
    "sessions",
    "medications",
    "doses",
    "commitments",
    "commitment_log",
    "assessments",
    "agenda",
    "safety_plan",
    "settings",
)
