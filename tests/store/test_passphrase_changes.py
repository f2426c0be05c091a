"""Changing protection is all or nothing, even interrupted at any write, fsync or rename.

An interruption is tried in process: ``rekey.crash_hook`` raises ``Interrupted`` (not an
``Exception``, so no clean-up handler runs, as with a kill) before each step; the journal's
lock and connection are then dropped as a dying process would drop them, and the journal is
opened again. One run per action also kills a real process with ``os._exit`` mid-change.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from journal.domain.errors import JournalError, PassphraseRequired
from journal.services import Journal
from journal.store import rekey
from journal.store.connection import encryption_available, looks_plain
from journal.store.encryption import opens_with
from tests.helpers import ROOT, SETUP, TODAY, fixed_clock

pytestmark = [
    pytest.mark.skipif(not encryption_available(), reason="sqlcipher3 not installed"),
    pytest.mark.usefixtures("fast_kdf"),
]

SECRET = "quokka-lantern-saffron"
OLD = "old passphrase words"
NEW = "new passphrase words"


class Interrupted(BaseException):
    """Stands for a kill: no ``except Exception`` clean-up runs."""


def _seed(folder: Path, make_day, protection: str | None) -> None:
    """A journal with a note, two days of backups, protected with ``protection``."""
    journal = Journal.open(folder, clock=fixed_clock)
    journal.save_day(make_day(note=f"today {SECRET}"))
    journal.backup("manual")
    journal.save_day(make_day(date=TODAY - dt.timedelta(days=1), note=f"yesterday {SECRET}"))
    journal.backup("manual")
    if protection is not None:
        journal.set_passphrase(protection)
    journal.close()


def _act(journal: Journal, action: str) -> object:
    if action == "set":
        return journal.set_passphrase(NEW)
    if action == "change":
        return journal.change_passphrase(NEW)
    return journal.remove_passphrase()


def _before_after(action: str) -> tuple[str | None, str | None]:
    return {"set": (None, NEW), "change": (OLD, NEW), "remove": (OLD, None)}[action]


def _database_files(folder: Path) -> list[Path]:
    """Every journal-like file outside ``backups/unreadable/`` (the lock is not one)."""
    return [
        p
        for p in folder.rglob("*")
        if p.is_file() and p.name != "journal.lock" and "unreadable" not in p.parts
    ]


def _open_after(folder: Path, action: str) -> tuple[Journal, str | None]:
    """Open as the person would: with the new passphrase, else the old one."""
    old, new = _before_after(action)
    for key in (new, old):
        try:
            return Journal.open(folder, clock=fixed_clock, passphrase=key), key
        except (PassphraseRequired, JournalError):
            continue
    raise AssertionError("the journal opens with neither passphrase")


def _assert_whole(folder: Path, action: str, *, backup_leftovers_allowed: bool = False):
    """Data intact; every file has the protection of the journal; no temporary left.

    ``backup_leftovers_allowed``: a kill inside the backup made before the change may leave
    that backup's empty file or its ``-journal`` (removed at open by the backup code); they
    are counted, not failed. Returns "completed" or "rolled back" (and that count when allowed).
    """
    journal, key = _open_after(folder, action)
    try:
        assert journal.day(TODAY).note == f"today {SECRET}"
        assert journal.day(TODAY - dt.timedelta(days=1)).note == f"yesterday {SECRET}"
        assert len(journal.backups()) >= 2
    finally:
        journal.close()
    old, new = _before_after(action)
    other = old if key == new else new
    files = _database_files(folder)
    partial = [
        p
        for p in files
        if p.parent.name == "backups" and (p.name.endswith("-journal") or p.stat().st_size == 0)
    ]
    if backup_leftovers_allowed:
        files = [p for p in files if p not in partial]
    leftovers = [
        p.name
        for p in files
        if p.name.endswith((".rekey", ".part", ".rewrite")) or p.name == rekey.INTENT
    ]
    assert leftovers == []
    for path in files:
        if key is not None:  # encrypted: no plaintext copy, nothing under the other key
            assert SECRET.encode() not in path.read_bytes(), path
            assert not looks_plain(path), path
            assert other is None or not opens_with(path, other), path
        else:
            assert looks_plain(path), path
    outcome = "completed" if key == new else "rolled back"
    return (outcome, len(partial)) if backup_leftovers_allowed else outcome


def _steps(folder: Path, action: str, monkeypatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(rekey, "crash_hook", seen.append)
    journal = Journal.open(folder, clock=fixed_clock, passphrase=_before_after(action)[0])
    _act(journal, action)
    journal.close()
    monkeypatch.setattr(rekey, "crash_hook", None)
    return seen


def _drop(journal: Journal) -> None:
    """What a killed process leaves: its lock released by the OS, its connection gone."""
    if journal._lock is not None:
        journal._lock.release()
    with contextlib.suppress(Exception):  # already closed by the change
        journal.db.close()


@pytest.mark.parametrize("action", ["set", "change", "remove"])
def test_interrupted_at_every_step_is_finished_or_undone(
    tmp_path, make_day, monkeypatch, action
) -> None:
    seeded = tmp_path / "seeded"
    _seed(seeded, make_day, None if action == "set" else OLD)
    shutil.copytree(seeded, tmp_path / "probe")
    steps = _steps(tmp_path / "probe", action, monkeypatch)
    assert any(s.startswith("rename ") for s in steps) and "fsync folders" in steps
    outcomes = []
    for index, step in enumerate(steps):
        folder = tmp_path / f"at-{index}"
        shutil.copytree(seeded, folder)  # the same journal each time, without its cost
        journal = Journal.open(folder, clock=fixed_clock, passphrase=_before_after(action)[0])
        calls = iter(range(len(steps)))

        def crash(name: str, at: int = index, calls=calls) -> None:
            if next(calls) == at:
                raise Interrupted(name)

        monkeypatch.setattr(rekey, "crash_hook", crash)
        with pytest.raises(Interrupted):
            _act(journal, action)
        monkeypatch.setattr(rekey, "crash_hook", None)
        _drop(journal)
        outcome = _assert_whole(folder, action)
        outcomes.append((step, outcome))
        if outcome == "rolled back" and step in (steps[0], "rename intent"):  # a retry works
            journal = Journal.open(folder, clock=fixed_clock, passphrase=_before_after(action)[0])
            _act(journal, action)
            journal.close()
            assert _assert_whole(folder, action) == "completed"
    # before the record every change is undone, after it every one is finished
    record = [s for s, _ in outcomes].index("rename intent")
    assert {o for _, o in outcomes[: record + 1]} == {"rolled back"}
    assert {o for _, o in outcomes[record + 1 :]} == {"completed"}


@pytest.mark.parametrize("action", ["set", "change", "remove"])
def test_a_killed_process_is_finished_or_undone(tmp_path, make_day, action) -> None:
    """A real kill (``os._exit``) in the middle of the renames, then a new process opens it."""
    folder = tmp_path / "journal"
    _seed(folder, make_day, None if action == "set" else OLD)
    old, _new = _before_after(action)
    script = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from journal.store.connection import cipher
        cipher().connect(":memory:").execute({SETUP!r})
        from journal.services import Journal
        from journal.store import rekey
        count = 0
        def crash(name):
            global count
            count += 1
            if name.startswith("rename backups/"):
                os._exit(9)
        rekey.crash_hook = crash
        journal = Journal.open(Path({str(folder)!r}), passphrase={old!r})
        {
        "journal.set_passphrase"
        if action == "set"
        else "journal.change_passphrase"
        if action == "change"
        else "journal.remove_passphrase"
    }({"" if action == "remove" else repr(NEW)})
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 9, done.stderr
    assert "Traceback" not in done.stderr
    assert _assert_whole(folder, action) == "completed"


def test_a_backup_that_cannot_be_read_is_kept_aside_and_reported(tmp_path, make_day) -> None:
    folder = tmp_path / "journal"
    _seed(folder, make_day, None)
    journal = Journal.open(folder, clock=fixed_clock)
    garbled = journal.backups()[-1]
    data = bytearray(garbled.read_bytes())
    data[4096 : 4096 + 300] = b"\xff" * 300  # one garbled page
    garbled.write_bytes(bytes(data))
    result = journal.set_passphrase(NEW)
    aside = folder / "backups" / "unreadable" / garbled.name
    assert result.kept_aside == (aside,)
    assert aside.read_bytes() == bytes(data)  # never deleted, never changed
    assert garbled.name not in [p.name for p in journal.backups()]
    message = result.message()
    assert "UNENCRYPTED" in message and str(aside) in message and "Delete" in message
    assert journal.day(TODAY).note == f"today {SECRET}"
    journal.close()
    assert _assert_whole(folder, "set") == "completed"


def test_a_change_when_the_disk_fills_changes_nothing(tmp_path, make_day, monkeypatch) -> None:
    folder = tmp_path / "journal"
    _seed(folder, make_day, OLD)
    journal = Journal.open(folder, clock=fixed_clock, passphrase=OLD)
    calls = []

    def full(name: str) -> None:
        calls.append(name)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(rekey, "crash_hook", full)
    with pytest.raises(JournalError, match=r"disk is full.*Nothing has been changed"):
        journal.change_passphrase(NEW)
    monkeypatch.setattr(rekey, "crash_hook", None)
    assert journal.day(TODAY).note == f"today {SECRET}"  # still open, with the old key
    journal.close()
    assert _assert_whole(folder, "change") == "rolled back"


def test_a_journal_keyed_with_another_unicode_form_still_opens(tmp_path, make_day) -> None:
    """Keys were not normalised before; a journal keyed with NFD words opens with NFC ones."""
    import unicodedata

    from journal.store.encryption import rewrite

    folder = tmp_path / "journal"
    _seed(folder, make_day, None)
    words = "Zoë's naïve café"
    plain = folder / "journal.sqlite3"
    rewrite(plain, None, folder / "old.sqlite3", unicodedata.normalize("NFD", words))
    (folder / "old.sqlite3").replace(plain)
    for name in ("journal.sqlite3-wal", "journal.sqlite3-shm"):
        (folder / name).unlink(missing_ok=True)
    for form in ("NFC", "NFD"):
        journal = Journal.open(
            folder, clock=fixed_clock, passphrase=unicodedata.normalize(form, words)
        )
        assert journal.day(TODAY).note == f"today {SECRET}"
        journal.close()


def test_restoring_a_backup_of_an_encrypted_journal(tmp_path, make_day) -> None:
    folder = tmp_path / "journal"
    _seed(folder, make_day, OLD)
    journal = Journal.open(folder, clock=fixed_clock, passphrase=OLD)
    oldest = journal.backups()[-1]
    journal.save_day(make_day(note="changed later"))
    journal.restore(oldest.name)
    assert journal.day(TODAY).note == f"today {SECRET}"
    journal.close()
    assert _assert_whole(folder, "change") == "rolled back"  # all still under OLD


def test_leftovers_of_older_versions_and_of_an_unrecorded_change_are_removed(
    tmp_path, make_day
) -> None:
    folder = tmp_path / "journal"
    _seed(folder, make_day, None)
    backup = next((folder / "backups").glob("*.sqlite3"))
    leftovers = [
        folder / "journal.rewrite.sqlite3",
        folder / "journal.sqlite3.rekey",
        folder / (rekey.INTENT + ".part"),
        backup.with_name(backup.name + ".rewrite"),
        backup.with_name(backup.name + ".rekey"),
    ]
    for path in leftovers:
        path.write_bytes(f"a plaintext copy: {SECRET}".encode())
    Journal.open(folder, clock=fixed_clock).close()
    assert [p for p in leftovers if p.exists()] == []
    assert backup.exists()
