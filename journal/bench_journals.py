"""The journals and files ``python -m journal.bench`` measures on (moves only, out of
``journal/bench.py``): a demo journal of a given length, the day's backup made as the app's
first start makes it, and a Daylio CSV to import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path


def make_journal(folder: Path, days: int) -> None:
    """A demo journal of ``days`` days in ``folder`` (seed 1: every run measures the same)."""
    from journal.demo import generate
    from journal.services import Journal

    journal = Journal.open(folder, lock=False)
    generate(journal, days=days, seed=1)
    journal.close()


def make_days_backup(folder: Path) -> None:
    """The day's backup, as the first start's thread makes it after the first paint: so the
    later starts find it made (the measured start reports at its first idle moment, before
    that thread has run)."""
    from journal.services import Journal

    journal = Journal.open(folder)
    try:
        journal.make_daily_backup()
    finally:
        journal.close()


def daylio_csv(path: Path, rows: int, today: dt.date) -> Path:
    """A Daylio CSV export of ``rows`` days up to ``today``, for the Daylio import figure."""
    lines = ["full_date,date,weekday,time,mood,activities,note_title,note"]
    moods = ("rad", "good", "meh", "bad", "awful")
    for i in range(rows):
        date = today - dt.timedelta(days=i)
        lines.append(
            f'{date},{date:%B %d},{date:%A},20:00,{moods[i % 5]},friends | walk,,"note {i}"'
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
