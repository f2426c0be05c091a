"""Shared fixtures: journals in temporary folders on the fixed clock, the record factories.

What the fixtures are built on (``TODAY``, ``fixed_clock``, the factories) is in
``tests/helpers.py``; tests import it from there, never from here."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from journal.domain.records import Contact, Day
from journal.services import Journal
from tests import helpers
from tests.helpers import SETUP, fixed_clock


@pytest.fixture(autouse=True)
def _no_real_journal(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point the default journal folder at a temporary one so no test touches the user's."""
    monkeypatch.setenv("CONNECTION_JOURNAL_DIR", str(tmp_path_factory.mktemp("default")))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "journal"


@pytest.fixture
def journal(data_dir: Path) -> Iterator[Journal]:
    """A fresh journal on disk (WAL, FULL sync), on the fixed clock."""
    opened = Journal.open(data_dir, clock=fixed_clock)
    yield opened
    opened.close()


@pytest.fixture
def demo_journal(data_dir: Path) -> Iterator[Journal]:
    """A seeded 120-day demo journal ending on ``TODAY``."""
    from journal.demo import generate

    opened = Journal.open(data_dir, clock=fixed_clock)
    generate(opened, days=120, seed=7)
    yield opened
    opened.close()


@pytest.fixture
def poppler() -> None:
    """For the tests that read a PDF: fails when poppler-utils is missing (see ``helpers``)."""
    helpers.require_poppler()


@pytest.fixture
def fast_kdf() -> Iterator[None]:
    """Every key made or opened in the test uses ``helpers.FAST`` iterations; the default after."""
    from journal.store.connection import cipher

    module = cipher()
    if module is None:
        yield
        return
    conn = module.connect(":memory:")
    default = conn.execute("PRAGMA cipher_default_kdf_iter").fetchone()[0]
    conn.execute(SETUP)
    conn.close()
    try:
        yield
    finally:
        conn = module.connect(":memory:")
        conn.execute(f"PRAGMA cipher_default_kdf_iter = {int(default)}")
        conn.close()


@pytest.fixture
def make_day() -> Callable[..., Day]:
    """``make_day(mood=3)``: :func:`tests.helpers.make_day` as a fixture."""
    return helpers.make_day


@pytest.fixture
def make_contact() -> Callable[..., Contact]:
    """``make_contact(quality=2)``: :func:`tests.helpers.make_contact` as a fixture."""
    return helpers.make_contact
