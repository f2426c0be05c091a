"""Plain-language insights: each figure with its n, range and CI, ranked, never overstated.

``compute_insights`` returns every figure (for ``insights --json`` and the Insights page) and
3-8 sentences. Wording rules: state n, the date range and the 95% CI; say "early signal" under
30 days and "not enough data yet" under 14; always "association, not proof of cause"; nothing
about low mood or quiet days is phrased as the person's fault.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from journal.analysis.series import DailySeries
from journal.analysis.stats import (
    MIN_PAIRS,
    Association,
    Comparison,
    Status,
    association,
    compare,
    lagged_association,
)
from journal.analysis.streaks import Isolation, Resilience, isolation, resilience
from journal.domain.kinds import Mode, Relationship

NOT_CAUSE = "This is an association, not proof of cause."
MAX_SENTENCES = 8
_CLEAR = 1000.0  # added to the weight of a comparison whose CI excludes 0

_KIND_PHRASES = {
    Relationship.PARTNER: "your partner",
    Relationship.FAMILY: "family",
    Relationship.FRIEND: "a friend",
    Relationship.COLLEAGUE: "a colleague",
    Relationship.NEIGHBOUR: "a neighbour",
    Relationship.PEER_SUPPORT: "a peer-support group",
    Relationship.THERAPIST: "your therapist (outside sessions)",
    Relationship.CLINICIAN: "a clinician",
    Relationship.COMMUNITY: "a community activity",
    Relationship.OTHER: "someone else",
}
_MODE_PHRASES = {
    Mode.IN_PERSON: "a contact in person",
    Mode.VIDEO: "a video call",
    Mode.PHONE: "a phone call",
    Mode.TEXT: "a text exchange",
    Mode.ONLINE_GROUP: "an online group",
}


@dataclass(frozen=True, slots=True)
class Insight:
    """One sentence and the figure behind it; ``weight`` ranks it (effect size x sample)."""

    key: str
    sentence: str
    status: Status
    weight: float


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

    def to_json(self) -> dict[str, Any]:
        """A plain object for ``insights --json``; documented in the README."""
        def figure(value: object) -> dict[str, Any]:
            data = dataclasses.asdict(value)  # type: ignore[call-overload]
            for key, item in data.items():
                if isinstance(item, float):
                    data[key] = round(item, 6)
                elif isinstance(item, dt.date):
                    data[key] = item.isoformat()
            return data

        return {
            "range": {"from": self.start.isoformat(), "to": self.end.isoformat(),
                      "days": (self.end - self.start).days + 1},
            "checkins": self.checkins,
            "days_logged": self.days_logged,
            "associations": {k: figure(v) for k, v in self.associations.items()},
            "comparisons": {k: figure(v) for k, v in self.comparisons.items()},
            "isolation": figure(self.isolation),
            "resilience": figure(self.resilience),
            "sentences": [{"key": s.key, "status": s.status.value, "text": s.sentence}
                          for s in self.sentences],
        }


def _num(value: float, digits: int = 1) -> str:
    text = f"{value:.{digits}f}"
    return text.replace("-", "−")


def _span(start: dt.date, end: dt.date) -> str:
    return f"{start:%d %b %Y} to {end:%d %b %Y}"


def _early(status: Status, n: int, text: str, what: str = "days") -> str:
    """Prefix a sentence with "Early signal" when it rests on fewer than 30 days."""
    if status is not Status.EARLY:
        return text
    return f"Early signal, from only {n} {what}: {text[0].lower()}{text[1:]}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _association_sentence(key: str, result: Association, span: str, subject: str,
                          lag: bool = False) -> Insight | None:
    if not result.reportable or result.spearman is None:
        return None
    rho, low, high = result.spearman, result.ci_low or 0.0, result.ci_high or 0.0
    unit = "day pairs" if lag else "days"
    figures = (f"(Spearman ρ {_num(rho, 2)}, 95% CI {_num(low, 2)} to {_num(high, 2)}; "
               f"{result.n} {unit}, {span})")
    if low <= 0.0 <= high:
        text = f"There is no clear link between {subject} and mood {figures}."
    else:
        direction = "better" if rho > 0 else "lower"
        text = (f"{subject[0].upper()}{subject[1:]} went with a {direction} mood "
                f"— a {result.strength} association {figures}. {NOT_CAUSE}")
    return Insight(key, _early(result.status, result.n, text, unit), result.status,
                   abs(rho) * math.sqrt(result.n))


def _comparison_sentence(key: str, result: Comparison, span: str, phrase: str) -> Insight | None:
    if not result.reportable or result.difference is None:
        return None
    low, high = result.ci_low or 0.0, result.ci_high or 0.0
    figures = (f"(difference {_num(result.difference)}, 95% CI {_num(low)} to {_num(high)}; "
               f"{result.n_with} vs {result.n_without} days, {span})")
    text = (f"On days with {phrase}, your mood averaged {_num(result.mean_with or 0.0)} vs "
            f"{_num(result.mean_without or 0.0)} on other days {figures}.")
    if low <= 0.0 <= high:
        text += " The difference is within what chance alone could give."
    else:
        text += f" {NOT_CAUSE}"
    clear = not low <= 0.0 <= high
    # clear differences first, then by size relative to their uncertainty
    weight = abs(result.difference) / max(high - low, 1e-9) + (_CLEAR if clear else 0.0)
    return Insight(key, _early(result.status, result.n_with + result.n_without, text),
                   result.status, weight)


def compute_insights(series: DailySeries, session_days: np.ndarray | None = None) -> InsightReport:
    """All figures for a range. ``session_days`` marks days with an attended session (0/1)."""
    mood = series.mood
    meaningful = series.meaningful
    associations = {
        "meaningful_contacts_vs_mood": association(meaningful, mood),
        "contact_minutes_vs_mood": association(series.minutes, mood),
        "meaningful_contacts_vs_next_day_mood": lagged_association(meaningful, mood),
        "mood_vs_next_day_meaningful_contacts": lagged_association(mood, meaningful),
        "meaningful_contacts_vs_loneliness": association(meaningful,
                                                         series.ratings["loneliness"]),
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

    report = InsightReport(
        series.start, series.end, int((~np.isnan(mood)).sum()), int(series.logged.sum()),
        associations, comparisons, isolation(series.days, meaningful), resilience(mood))
    report.sentences.extend(_sentences(report))
    return report


def _sentences(report: InsightReport) -> list[Insight]:
    span = _span(report.start, report.end)
    a, c = report.associations, report.comparisons
    main = _association_sentence("meaningful_contacts_vs_mood", a["meaningful_contacts_vs_mood"],
                                 span, "more contacts that felt good on a day")
    if main is None:
        have = a["meaningful_contacts_vs_mood"].n
        return [Insight("not_enough_data",
                        f"Not enough data yet: insights need at least {MIN_PAIRS} days with a "
                        f"mood and contacts logged, and there are {have} in {span}. Every day "
                        "you add helps.", Status.NOT_ENOUGH, 0.0)]
    ranked = [main]
    lag = _lag_sentence(a, span)
    if lag is not None:
        ranked.append(lag)
    candidates = [
        _comparison_sentence("meaningful_contact", c["meaningful_contact"], span,
                             "at least one contact that felt good"),
    ]
    for key, result in c.items():
        if key.startswith("kind:"):
            phrase = "contact with " + _KIND_PHRASES[Relationship(key[5:])]
        elif key.startswith("mode:"):
            phrase = _MODE_PHRASES[Mode(key[5:])]
        elif key == "attended_session":
            phrase = "a therapy or clinic session"
        else:
            continue
        candidates.append(_comparison_sentence(key, result, span, phrase))
    found = sorted((i for i in candidates if i is not None), key=lambda i: -i.weight)
    clear = [i for i in found if i.weight >= _CLEAR]
    unclear = [i for i in found if i.weight < _CLEAR][:1]  # one is enough to say "no clear"
    ranked.extend((clear + unclear)[: MAX_SENTENCES - len(ranked) - 2])
    ranked.append(_isolation_sentence(report.isolation, span))
    bounce = _resilience_sentence(report.resilience, span)
    if bounce is not None:
        ranked.append(bounce)
    return ranked[:MAX_SENTENCES]


def _lag_sentence(a: dict[str, Association], span: str) -> Insight | None:
    forward = a["meaningful_contacts_vs_next_day_mood"]
    backward = a["mood_vs_next_day_meaningful_contacts"]
    if not forward.reportable or forward.spearman is None:
        return None
    text = (f"Contacts that felt good on one day and mood the next day: ρ "
            f"{_num(forward.spearman, 2)} (95% CI {_num(forward.ci_low or 0.0, 2)} to "
            f"{_num(forward.ci_high or 0.0, 2)}; {forward.n} day pairs).")
    if backward.reportable and backward.spearman is not None:
        text += (f" The other way round, mood on one day and good contact the next: ρ "
                 f"{_num(backward.spearman, 2)} (95% CI {_num(backward.ci_low or 0.0, 2)} to "
                 f"{_num(backward.ci_high or 0.0, 2)}).")
    text += f" Both over {span}; {NOT_CAUSE[0].lower()}{NOT_CAUSE[1:]}"
    return Insight("next_day", _early(forward.status, forward.n, text, "day pairs"),
                   forward.status, abs(forward.spearman) * math.sqrt(forward.n))


def _isolation_sentence(result: Isolation, span: str) -> Insight:
    if result.current is None:
        text = (f"No contact rated 4 or 5 for how connected it felt was logged in {span}. "
                "Is there someone you could reach out to?")
    else:
        ago = {0: "today", 1: "yesterday"}.get(result.current, f"{result.current} days ago")
        text = (f"Your last contact that felt good was {ago}. The longest stretch without one "
                f"in {span} was {_plural(result.longest, 'day')}.")
    return Insight("isolation", text, Status.OK, 0.0)


def _resilience_sentence(result: Resilience, span: str) -> Insight | None:
    if not result.reportable or result.median_days is None:
        return None
    days = result.median_days
    digits = 0 if days == int(days) else 1
    amount = "the next day" if days <= 1 else f"within {_num(days, digits)} days"
    text = (f"After a lower day (mood below {_num(result.usual_low or 0.0)}), your mood usually "
            f"came back to its usual range {amount} (median of {result.episodes} low spells, "
            f"{span}).")
    return Insight("bounce_back", text, Status.OK, 0.0)
