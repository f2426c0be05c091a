"""Shared fixtures: journals in temporary folders, a fixed clock, record factories."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from journal.domain.records import Contact, Day
from journal.services import Journal

#: Every test runs on this date; nothing depends on the wall clock.
TODAY = dt.date(2026, 3, 15)
NOW = dt.datetime(2026, 3, 15, 10, 0, tzinfo=dt.UTC)


def fixed_clock() -> dt.datetime:
    return NOW


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
def make_day() -> Callable[..., Day]:
    def make(**overrides: Any) -> Day:
        values: dict[str, Any] = {"date": TODAY, "mood": 6}
        values.update(overrides)
        return Day(**values)

    return make


@pytest.fixture
def make_contact() -> Callable[..., Contact]:
    def make(**overrides: Any) -> Contact:
        values: dict[str, Any] = {
            "date": TODAY,
            "kind": "friend",
            "mode": "in_person",
            "quality": 4,
        }
        values.update(overrides)
        return Contact(**values)

    return make
