"""Plain-language insights: each figure with its n, range and CI, ranked, never overstated.

``compute_insights`` returns every figure (for ``insights --json`` and the Insights page) and
up to 8 sentences, written by ``insight_sentences``. Wording rules: state n, the date range
and the 95% CI; say "early signal" under 30 days and "not enough data yet" under 14;
"association, not proof of cause" beside a link that was found; nothing about low mood or
quiet days is phrased as the person's fault.

Many comparisons, one claim at a time: every association and comparison computed for a range
is one family. Holm's method over the whole family decides which are ``clear``; only those
are stated as found, and the rest are counted in one line, so the person sees how many were
looked at. A withheld figure says its own reason and never hides the sentences that stand.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from journal.analysis.insight_sentences import sentences
from journal.analysis.insight_words import Insight
from journal.analysis.series import DailySeries
from journal.analysis.stats import (
    ALPHA,
    Association,
    Comparison,
    Status,
    Withheld,
    association,
    compare,
    holm,
    lagged_association,
)
from journal.analysis.streaks import Isolation, Resilience, isolation, resilience

#: The multiple-comparison method named in ``insights --json``.
METHOD = "holm"


@dataclass(frozen=True, slots=True)
class InsightReport:
    """Every figure of a range, and the ranked sentences shown to the person."""

    start: dt.date
    end: dt.date
    checkins: int
    days_logged: int
    associations: dict[str, Association]
    comparisons: dict[str, Comparison]
    isolation: Isolation
    resilience: Resilience
    sentences: list[Insight] = field(default_factory=list)
    today: dt.date | None = None

    @property
    def family_size(self) -> int:
        """How many figures the family-wise control was over (those with a p-value)."""
        return sum(
            f.p_value is not None for f in (*self.associations.values(), *self.comparisons.values())
        )

    def to_json(self) -> dict[str, Any]:
        """A plain object for ``insights --json``; documented in docs/json-format.md."""

        def figure(value: object) -> dict[str, Any]:
            data = dataclasses.asdict(value)  # type: ignore[call-overload]
            for key, item in data.items():
                if isinstance(item, float):
                    data[key] = round(item, 6) + 0.0  # + 0.0: never -0.0
                elif isinstance(item, dt.date):
                    data[key] = item.isoformat()
                elif isinstance(item, Withheld | Status):
                    data[key] = item.value
            return data

        return {
            "range": {
                "from": self.start.isoformat(),
                "to": self.end.isoformat(),
                "days": (self.end - self.start).days + 1,
            },
            "today": self.today.isoformat() if self.today else None,
            "checkins": self.checkins,
            "days_logged": self.days_logged,
            "multiple_comparisons": {
                "method": METHOD,
                "alpha": ALPHA,
                "family_size": self.family_size,
            },
            "associations": {k: figure(v) for k, v in self.associations.items()},
            "comparisons": {k: figure(v) for k, v in self.comparisons.items()},
            "isolation": figure(self.isolation),
            "resilience": figure(self.resilience),
            "sentences": [
                {"key": s.key, "status": s.status.value, "text": s.sentence} for s in self.sentences
            ],
        }


def compute_insights(
    series: DailySeries, session_days: np.ndarray | None = None, *, today: dt.date | None = None
) -> InsightReport:
    """All figures for a range. ``session_days`` marks days with an attended session (0/1);
    ``today`` is the real today, for "today" / "3 days ago" (``None``: dates only)."""
    mood = series.mood
    meaningful = series.meaningful
    associations = {
        "meaningful_contacts_vs_mood": association(meaningful, mood),
        "contact_minutes_vs_mood": association(series.minutes, mood),
        "meaningful_contacts_vs_next_day_mood": lagged_association(meaningful, mood),
        "mood_vs_next_day_meaningful_contacts": lagged_association(mood, meaningful),
        "meaningful_contacts_vs_loneliness": association(meaningful, series.ratings["loneliness"]),
    }

    def had(counts: np.ndarray) -> np.ndarray:
        return np.where(np.isnan(counts), np.nan, (counts > 0).astype(float))

    comparisons: dict[str, Comparison] = {"meaningful_contact": compare(mood, had(meaningful))}
    for kind, counts in series.by_kind.items():
        comparisons[f"kind:{kind.value}"] = compare(mood, had(counts))
    for mode, counts in series.by_mode.items():
        comparisons[f"mode:{mode.value}"] = compare(mood, had(counts))
    if session_days is not None:
        comparisons["attended_session"] = compare(mood, np.asarray(session_days, dtype=float))
    associations, comparisons = _family_control(associations, comparisons)

    report = InsightReport(
        series.start,
        series.end,
        int((~np.isnan(mood)).sum()),
        int(series.logged.sum()),
        associations,
        comparisons,
        isolation(series.days, meaningful),
        resilience(mood),
        today=today,
    )
    report.sentences.extend(sentences(report, series))
    return report


def _family_control(
    associations: dict[str, Association], comparisons: dict[str, Comparison]
) -> tuple[dict[str, Association], dict[str, Comparison]]:
    """Holm over every figure with a p-value: ``p_adjusted`` and ``clear`` filled in."""
    p_values = {("a", k): v.p_value for k, v in associations.items() if v.p_value is not None}
    p_values.update({("c", k): v.p_value for k, v in comparisons.items() if v.p_value is not None})
    adjusted = holm(p_values)  # type: ignore[arg-type]

    def settle(kind: str, key: str, value: Any) -> Any:
        p = adjusted.get((kind, key))
        if p is None:
            return value
        return dataclasses.replace(value, p_adjusted=p, clear=p < ALPHA)

    return (
        {k: settle("a", k, v) for k, v in associations.items()},
        {k: settle("c", k, v) for k, v in comparisons.items()},
    )
