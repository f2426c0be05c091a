"""Calendar rules shared by every figure: where a week starts.

One definition, so adherence, Trends, the Treatment overview and the summary count the same
weeks (Monday to Sunday, ISO 8601). Imports nothing of ours.
"""

from __future__ import annotations

import datetime as dt


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week ``day`` is in."""
    return day - dt.timedelta(days=day.weekday())
