"""``day_figures``: the per-day figures SQLite keeps beside the check-ins and contacts stay equal
to those records, whoever writes and however; a journal of version 2 gets them; a dropped
trigger is found by ``check`` and mended by the next writing open."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal import paths
from journal.domain.kinds import Mode, Relationship
from journal.services import Journal
from journal.store import day_figures
from journal.store.integrity import check_journal
from journal.store.migrations import schema_version
from tests.helpers import fixed_clock, make_contact, make_day

#: One row per day of both, told apart by ``UNION``: as many as either when they agree.
_UNION = f"SELECT * FROM {day_figures.TABLE} UNION {day_figures.FROM_RECORDS}"


def _agree(conn: sqlite3.Connection) -> bool:
    """The table holds, day by day, exactly what the records make."""
    kept = conn.execute(f"SELECT count(*) FROM {day_figures.TABLE}").fetchone()[0]
    made = conn.execute(f"SELECT count(*) FROM ({day_figures.FROM_RECORDS})").fetchone()[0]
    both = conn.execute(f"SELECT count(*) FROM ({_UNION})").fetchone()[0]
    return kept == made == both


DAYS = st.dates(dt.date(2026, 1, 1), dt.date(2026, 1, 6))
CONTACT = st.fixed_dictionaries(
    {
        "date": DAYS.map(dt.date.isoformat),
        "kind": st.sampled_from([kind.value for kind in Relationship]),
        "mode": st.sampled_from([mode.value for mode in Mode]),
        "minutes": st.none() | st.integers(0, 1440),
        "quality": st.integers(1, 5),
    }
)
RATING = st.none() | st.integers(0, 10)
CHECK_IN = st.fixed_dictionaries(
    {
        "date": DAYS.map(dt.date.isoformat),
        "mood": st.integers(0, 10),
        "anxiety": RATING,
        "loneliness": RATING,
        "energy": RATING,
        "physical": RATING,
        "sleep_hours": st.none() | st.sampled_from([0.0, 5.5, 7.25, 24.0]),
        "note": st.sampled_from(["", "a walk"]),
    }
)
STEP = st.one_of(
    st.tuples(st.just("add"), CONTACT),
    st.tuples(st.just("change"), CONTACT),
    st.tuples(st.just("delete"), st.integers(0, 30)),
    st.tuples(st.just("forget person"), st.integers(0, 30)),
    st.tuples(st.just("check in"), CHECK_IN),
    st.tuples(st.just("move check-in"), CHECK_IN),
    st.tuples(st.just("change check-in"), CHECK_IN),
    st.tuples(st.just("remove check-in"), DAYS.map(dt.date.isoformat)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(STEP, max_size=25))
def test_the_figures_follow_every_write(steps: list[tuple[str, object]]) -> None:
    """Contacts inserted, changed in any counted column (a day moved included), deleted, a
    person's removal (``ON DELETE SET NULL``); check-ins made, replaced, moved to another day
    and removed, in raw SQL as a hand edit would: after each, every day's row is what that
    day's records make, and a day with neither has none."""
    journal = Journal.in_memory(clock=fixed_clock)
    conn = journal.db.conn
    person = conn.execute(
        "INSERT INTO people (name, relationship) VALUES ('Sam', 'friend')"
    ).lastrowid
    for what, value in steps:
        ids = [row[0] for row in conn.execute("SELECT id FROM contacts ORDER BY id")]
        if what == "add":
            conn.execute(
                "INSERT INTO contacts (date, person_id, kind, mode, minutes, quality) "
                "VALUES (:date, :person, :kind, :mode, :minutes, :quality)",
                {**value, "person": person},  # type: ignore[dict-item]
            )
        elif what == "change" and ids:
            conn.execute(
                "UPDATE contacts SET date = :date, kind = :kind, mode = :mode, "
                "minutes = :minutes, quality = :quality WHERE id = :id",
                {**value, "id": ids[len(ids) // 2]},  # type: ignore[dict-item]
            )
        elif what == "delete" and ids:
            conn.execute("DELETE FROM contacts WHERE id = ?", (ids[value % len(ids)],))
        elif what == "check in":  # an insert or, on a day already there, a replace
            conn.execute(
                "INSERT OR REPLACE INTO days (date, mood, anxiety, loneliness, energy, physical, "
                "sleep_hours, note, updated_at) VALUES (:date, :mood, :anxiety, :loneliness, "
                ":energy, :physical, :sleep_hours, :note, '2026-01-07T10:00:00')",
                value,
            )
        elif what == "move check-in":
            conn.execute(
                "UPDATE OR IGNORE days SET date = :date, mood = :mood, note = :note "
                "WHERE date = (SELECT min(date) FROM days)",
                value,
            )
        elif what == "change check-in":  # as sqlite-utils' upsert writes a day again
            conn.execute(
                "INSERT INTO days (date, mood, sleep_hours, updated_at) VALUES (:date, :mood, "
                ":sleep_hours, 'x') ON CONFLICT (date) DO UPDATE SET "
                "sleep_hours = excluded.sleep_hours",
                value,
            )
        elif what == "remove check-in":
            conn.execute("DELETE FROM days WHERE date = ?", (value,))
        elif what == "forget person":
            conn.execute("DELETE FROM people WHERE id = ?", (person,))
            person = conn.execute(
                "INSERT INTO people (name, relationship) VALUES ('Kim', 'family')"
            ).lastrowid
        assert _agree(conn), (what, value)
    journal.close()


def test_the_app_writes_keep_them_and_the_series_reads_them(journal: Journal) -> None:
    """Through the app: a contact added, changed to another day, then deleted."""
    day = dt.date(2026, 3, 2)
    added = journal.add_contact(make_contact(date=day, minutes=30, quality=5))
    row = journal.db.execute(f"SELECT contacts, head, ratings FROM {day_figures.TABLE}")
    # one contact of 30 minutes that felt meaningful, quality 5: HEAD_BITS (5, 16, 5, 8)
    assert row.fetchall() == [(1, 1 + (30 << 5) + (1 << 21) + (5 << 26), None)]
    journal.save_day(make_day(date=day, mood=7))
    assert journal.db.execute(f"SELECT ratings & 15 FROM {day_figures.TABLE}").fetchone() == (7,)
    journal.delete_day(day)
    journal.update_contact(dataclasses.replace(added, date=day + dt.timedelta(days=1)))
    assert [r[0] for r in journal.db.execute(f"SELECT date FROM {day_figures.TABLE}")] == [
        "2026-03-03"
    ]
    journal.delete_contact(added.id)
    assert journal.db.execute(f"SELECT count(*) FROM {day_figures.TABLE}").fetchone() == (0,)
    assert _agree(journal.db.conn)


def _as_version_2(path: Path) -> None:
    """The file as an app of version 2 left it: no table, no triggers, user_version 2."""
    conn = sqlite3.connect(path, isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute(f"DROP TABLE {day_figures.TABLE}")
    conn.execute("PRAGMA user_version = 2")
    conn.close()


def test_a_version_2_journal_gets_its_figures_after_a_backup(data_dir: Path) -> None:
    from journal.demo import generate

    journal = Journal.open(data_dir, clock=fixed_clock)
    generate(journal, days=60, seed=3)
    series_before = journal.series(*journal.default_range(), keep=False)
    path = paths.database_path(data_dir)
    journal.close()
    _as_version_2(path)

    journal = Journal.open(data_dir, clock=fixed_clock)
    assert schema_version(journal.db) == 3
    assert _agree(journal.db.conn) and day_figures.as_built(journal.db.conn)
    assert journal.db.execute(f"SELECT count(*) FROM {day_figures.TABLE}").fetchone()[0] > 30
    after = journal.series(*journal.default_range(), keep=False)
    for name in ("contacts", "minutes", "meaningful", "mean_quality"):
        np.testing.assert_array_equal(getattr(after, name), getattr(series_before, name))
    journal.close()
    assert any("before-migration" in p.name for p in (data_dir / "backups").iterdir())


def test_a_dropped_trigger_is_found_by_check_and_mended_by_a_writing_open(
    data_dir: Path,
) -> None:
    journal = Journal.open(data_dir, clock=fixed_clock)
    journal.add_contact(make_contact(date=dt.date(2026, 3, 2)))
    path = paths.database_path(data_dir)
    journal.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"DROP TRIGGER {day_figures.TABLE}_contacts_insert")
    conn.execute(
        "INSERT INTO contacts (date, kind, mode, quality) VALUES ('2026-03-04', 'friend', "
        "'phone', 4)"
    )
    conn.close()

    report = check_journal(data_dir)
    assert not report.healthy
    assert any("not as built" in p for p in report.problems)
    assert any("1 of 2 contacts" in p for p in report.problems)

    Journal.open(data_dir, clock=fixed_clock).close()  # a writing open builds them again
    assert check_journal(data_dir).healthy
    conn = sqlite3.connect(path)
    assert _agree(conn) and day_figures.as_built(conn)
    conn.close()


@pytest.mark.parametrize(
    "edit",
    ["contacts = 2", "contacts = 0", "ratings = 7"],
    ids=["contacts", "an-empty-day", "a-check-in-too-many"],
)
def test_check_finds_figures_changed_behind_the_triggers(data_dir: Path, edit: str) -> None:
    journal = Journal.open(data_dir, clock=fixed_clock)
    journal.add_contact(make_contact(date=dt.date(2026, 3, 2)))
    journal.db.execute(f"UPDATE {day_figures.TABLE} SET {edit}")  # behind the triggers
    journal.close()
    assert any("disagrees" in p for p in check_journal(data_dir).problems)


@pytest.mark.parametrize(
    "edit",
    [f"DROP TABLE {day_figures.TABLE}", f"ALTER TABLE {day_figures.TABLE} ADD COLUMN x"],
    ids=["table-dropped", "table-changed"],
)
def test_a_table_dropped_or_changed_by_hand_is_found_and_made_again(
    data_dir: Path, edit: str
) -> None:
    """Without it every save would fail in its trigger: ``check`` says it, and the next
    writing open makes the table again from the records, so saving works and nothing is lost."""
    journal = Journal.open(data_dir, clock=fixed_clock)
    journal.add_contact(make_contact(date=dt.date(2026, 3, 2)))
    path = paths.database_path(data_dir)
    journal.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(edit)
    conn.close()
    assert any("not as built" in p for p in check_journal(data_dir).problems)

    journal = Journal.open(data_dir, clock=fixed_clock)
    journal.save_day(make_day(date=dt.date(2026, 3, 2), mood=8))
    assert _agree(journal.db.conn) and day_figures.as_built(journal.db.conn)
    assert len(journal.contacts_on(dt.date(2026, 3, 2))) == 1
    journal.close()
    assert check_journal(data_dir).healthy
