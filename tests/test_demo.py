import numpy as np
import pytest

from journal.demo import generate
from journal.domain.errors import JournalError
from journal.domain.kinds import Mode, Relationship
from journal.services import Journal
from journal.store.schema import TABLES
from tests.helpers import TODAY, fixed_clock


def test_every_table_has_plausible_data(demo_journal: Journal) -> None:
    db = demo_journal.db
    for table in TABLES:
        assert db[table].count > 0, table
    kinds = {row["kind"] for row in db.query("SELECT DISTINCT kind FROM contacts")}
    people_kinds = {r["relationship"] for r in db.query("SELECT relationship FROM people")}
    assert people_kinds == {k.value for k in Relationship}
    modes = {row["mode"] for row in db.query("SELECT DISTINCT mode FROM contacts")}
    assert modes == {m.value for m in Mode}
    assert len(kinds) >= 8
    per_day = db.execute(
        "SELECT max(n) FROM (SELECT count(*) n FROM contacts GROUP BY date)"
    ).fetchone()[0]
    assert per_day <= 8  # 0-6 picked, plus a group meeting or walk on their weekdays
    assert db.execute("SELECT max(date) FROM days").fetchone()[0] <= TODAY.isoformat()
    statuses = {r["status"] for r in db.query("SELECT DISTINCT status FROM sessions")}
    assert {"attended", "planned"} <= statuses
    assert (
        db.execute(
            "SELECT count(*) FROM doses d JOIN medications m ON m.id = "
            "d.medication_id WHERE d.taken < m.doses_per_day"
        ).fetchone()[0]
        > 0
    )
    assert demo_journal.check().healthy


def test_mood_depends_on_meaningful_contact(data_dir) -> None:
    journal = Journal.open(data_dir, clock=fixed_clock)
    generate(journal, days=365, seed=3)
    rows = list(
        journal.db.query(
            "SELECT d.mood, (SELECT count(*) FROM contacts c WHERE c.date = d.date AND "
            "c.quality >= 4) AS meaningful FROM days d"
        )
    )
    mood = np.array([r["mood"] for r in rows], dtype=float)
    meaningful = np.array([r["meaningful"] for r in rows], dtype=float)
    assert np.corrcoef(mood, meaningful)[0, 1] > 0.25
    journal.close()


def test_same_seed_same_journal(tmp_path) -> None:
    dumps = []
    for name in ("a", "b"):
        journal = Journal.open(tmp_path / name, clock=fixed_clock)
        generate(journal, days=60, seed=11)
        dumps.append({t: list(journal.db.query(f"SELECT * FROM [{t}]")) for t in TABLES})
        journal.close()
    assert dumps[0] == dumps[1]


def test_refuses_a_journal_with_data_unless_forced(journal: Journal) -> None:
    journal.add_person("Sam", "friend")
    with pytest.raises(JournalError, match="already has entries"):
        generate(journal, days=10)
    assert journal.db["people"].count == 1
    generate(journal, days=10, force=True)
    assert journal.person_by_name("Sam") is not None  # the demo's own Sam
    assert journal.db["people"].count == 15


def _own_journal_folder(tmp_path, monkeypatch):
    """Make the default folder (no --data-dir, no environment variable) a temporary one."""
    import platformdirs

    from journal import paths

    monkeypatch.delenv(paths.ENV_VAR, raising=False)
    monkeypatch.setattr(
        platformdirs, "user_data_path", lambda name, appauthor=False: tmp_path / name
    )
    folder = paths.default_data_dir()
    journal = Journal.open(folder, clock=fixed_clock)
    journal.add_person("Sam", "friend")
    journal.close()
    return folder


def test_demo_force_backs_up_first_and_says_where(tmp_path, capsys) -> None:
    from journal.cli import main
    from journal.store.backup import list_backups

    folder = tmp_path / "j"
    journal = Journal.open(folder, clock=fixed_clock)
    journal.add_person("Alex the real friend", "friend")
    journal.close()
    assert main(["demo", "--days", "5", "--force", "--data-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    backup = next(p for p in list_backups(folder) if "before-demo" in p.name)
    assert f"backed up first, as {backup}" in out
    import sqlite3

    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT name FROM people").fetchall() == [("Alex the real friend",)]
    conn.close()


def test_demo_force_on_your_own_journal_needs_a_yes(tmp_path, monkeypatch, capsys) -> None:
    import sys

    from journal.cli import main

    folder = _own_journal_folder(tmp_path, monkeypatch)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    assert main(["demo", "--days", "5", "--force"]) == 1
    err = capsys.readouterr().err
    assert "your own journal" in err and "--yes" in err and len(err.strip().splitlines()) == 1
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    assert main(["demo", "--days", "5", "--force"]) == 1
    unchanged = Journal.open(folder, read_only=True)
    assert [p.name for p in unchanged.people()] == ["Sam"]
    unchanged.close()
    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    assert main(["demo", "--days", "5", "--force"]) == 0
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    assert main(["demo", "--days", "5", "--force", "--yes"]) == 0
    assert "backed up first" in capsys.readouterr().out
