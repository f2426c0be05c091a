"""What the tests share besides fixtures: the one date and clock, the record factories, the
repository's root. Tests import these (``from tests.helpers import TODAY, fixed_clock``);
``conftest.py`` holds only fixtures, built on them, and is never imported."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from journal.domain.records import Contact, Day

#: The repository's root (``journal/``, ``resources/``, ``packaging/`` … are below it).
ROOT = Path(__file__).resolve().parents[1]

#: Every test runs on this date, a Sunday (its week runs from Monday 9 March); nothing depends
#: on the wall clock.
TODAY = dt.date(2026, 3, 15)

#: 10:00 on ``TODAY`` in the local time zone, an aware datetime like the app's own clock
#: (``journal.services.journal.local_now``). The journal reads only the wall time and the date
#: of its clock, so the zone changes nothing but the offset written beside a timestamp.
NOW = dt.datetime(2026, 3, 15, 10, 0).astimezone()


#: Key derivation iterations for tests that key many files (SQLCipher's default takes about
#: 0.2 s per key, which would make an interruption at every step take minutes): the
#: ``fast_kdf`` fixture runs ``SETUP``; child processes run it themselves.
FAST = 2
SETUP = f"PRAGMA cipher_default_kdf_iter = {FAST}"


def fixed_clock() -> dt.datetime:
    """The clock every journal in the tests is opened with: always ``NOW``."""
    return NOW


#: The poppler-utils programs the PDF tests read the summary with.
POPPLER = ("pdftotext", "pdfinfo", "pdffonts", "pdfimages")


def require_poppler() -> None:
    """Fail, never skip, when poppler-utils is missing: a skip would let a fresh machine pass
    with the PDF unread (``.ci/run`` installs it; the ``poppler`` fixture calls this)."""
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:
        pytest.fail(
            f"{', '.join(missing)} not found: install poppler-utils "
            "(apt-get install poppler-utils), the PDF tests read the PDF with it",
            pytrace=False,
        )


def make_day(**overrides: Any) -> Day:
    """A day on ``TODAY`` with mood 6; a test states only the fields that matter to it."""
    values: dict[str, Any] = {"date": TODAY, "mood": 6}
    values.update(overrides)
    return Day(**values)


def make_contact(**overrides: Any) -> Contact:
    """A good in-person contact with a friend on ``TODAY``, with no person unless given."""
    values: dict[str, Any] = {"date": TODAY, "kind": "friend", "mode": "in_person", "quality": 4}
    values.update(overrides)
    return Contact(**values)


_DEMO_DOCUMENTS: dict[tuple[int, int], dict[str, Any]] = {}


def demo_document(tmp_path_factory: Any, days: int, seed: int) -> dict[str, Any]:
    """A fresh copy of the JSON export of a generated journal (built once per size and seed
    in the session): what the import tests mutate."""
    import copy

    key = (days, seed)
    if key not in _DEMO_DOCUMENTS:
        from journal.demo import generate
        from journal.report.export_json import export_document
        from journal.services import Journal

        journal = Journal.open(tmp_path_factory.mktemp(f"demo{days}-{seed}"), clock=fixed_clock)
        generate(journal, days=days, seed=seed)
        _DEMO_DOCUMENTS[key] = export_document(journal.db, now=NOW)
        journal.close()
    return copy.deepcopy(_DEMO_DOCUMENTS[key])
