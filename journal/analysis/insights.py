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
from journal.i18n import QT_TRANSLATE_NOOP, format_date, format_number, translate

NOT_CAUSE = QT_TRANSLATE_NOOP("insights", "This is an association, not proof of cause.")
MAX_SENTENCES = 8
_CLEAR = 1000.0  # added to the weight of a comparison whose CI excludes 0

# Whole phrases, not "contact with " + a word: a translator needs the phrase to inflect it.
_KIND_PHRASES = {
    Relationship.PARTNER: QT_TRANSLATE_NOOP("insights", "contact with your partner"),
    Relationship.FAMILY: QT_TRANSLATE_NOOP("insights", "contact with family"),
    Relationship.FRIEND: QT_TRANSLATE_NOOP("insights", "contact with a friend"),
    Relationship.COLLEAGUE: QT_TRANSLATE_NOOP("insights", "contact with a colleague"),
    Relationship.NEIGHBOUR: QT_TRANSLATE_NOOP("insights", "contact with a neighbour"),
    Relationship.PEER_SUPPORT: QT_TRANSLATE_NOOP("insights", "contact with a peer-support group"),
    Relationship.THERAPIST: QT_TRANSLATE_NOOP("insights",
                                              "contact with your therapist (outside sessions)"),
    Relationship.CLINICIAN: QT_TRANSLATE_NOOP("insights", "contact with a clinician"),
    Relationship.COMMUNITY: QT_TRANSLATE_NOOP("insights", "contact with a community activity"),
    Relationship.OTHER: QT_TRANSLATE_NOOP("insights", "contact with someone else"),
}
_MODE_PHRASES = {
    Mode.IN_PERSON: QT_TRANSLATE_NOOP("insights", "a contact in person"),
    Mode.VIDEO: QT_TRANSLATE_NOOP("insights", "a video call"),
    Mode.PHONE: QT_TRANSLATE_NOOP("insights", "a phone call"),
    Mode.TEXT: QT_TRANSLATE_NOOP("insights", "a text exchange"),
    Mode.ONLINE_GROUP: QT_TRANSLATE_NOOP("insights", "an online group"),
}
#: ``Association.strength`` is a data word (``insights --json``); these are the words shown.
#: "no clear" can only be shown when a tiny ρ still has a CI clear of 0 (years of days).
_STRENGTH_PHRASES = {
    "no clear": QT_TRANSLATE_NOOP("insights", "a very weak association"),
    "weak": QT_TRANSLATE_NOOP("insights", "a weak association"),
    "moderate": QT_TRANSLATE_NOOP("insights", "a moderate association"),
    "strong": QT_TRANSLATE_NOOP("insights", "a strong association"),
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


def _count(one: str, many: str, n: int) -> str:
    """``one`` or ``many`` (each marked with ``QT_TRANSLATE_NOOP`` by the caller) for ``n``,
    translated, with ``n`` written by the locale's number hook (``translate_count`` would
    write it as a bare int)."""
    return translate("insights", one if n == 1 else many).format(n=format_number(n, 0))


def _days(n: int) -> str:
    return _count(QT_TRANSLATE_NOOP("insights", "{n} day"),
                  QT_TRANSLATE_NOOP("insights", "{n} days"), n)


def _day_pairs(n: int) -> str:
    return _count(QT_TRANSLATE_NOOP("insights", "{n} day pair"),
                  QT_TRANSLATE_NOOP("insights", "{n} day pairs"), n)


def _span(start: dt.date, end: dt.date) -> str:
    return translate("insights", "{start} to {end}").format(start=format_date(start, "date"),
                                                             end=format_date(end, "date"))


def _ci(low: float, high: float, digits: int) -> dict[str, str]:
    """The fields ``low`` and ``high`` of a confidence interval, as the locale writes them."""
    return {"low": format_number(low, digits), "high": format_number(high, digits)}


def _early(status: Status, text: str, counted: str) -> str:
    """Prefix a sentence with "Early signal" when it rests on fewer than 30 days.

    The template gets the sentence as it stands (``{sentence}``) and with its first letter
    lowered (``{sentence_lowercase}``, what English needs after the colon), so a language
    whose words keep their capitals can use the first.
    """
    if status is not Status.EARLY:
        return text
    return translate("insights", "Early signal, from only {count}: {sentence_lowercase}").format(
        count=counted, sentence=text, sentence_lowercase=text[:1].lower() + text[1:])


def _association_sentence(key: str, result: Association, span: str) -> Insight | None:
    """The main figure: contacts that felt good on a day against that day's mood."""
    if not result.reportable or result.spearman is None:
        return None
    rho, low, high = result.spearman, result.ci_low or 0.0, result.ci_high or 0.0
    figures = translate("insights", "(Spearman ρ {rho}, 95% CI {low} to {high}; {count}, "
                                    "{span})").format(rho=format_number(rho, 2),
                                                      **_ci(low, high, 2),
                                                      count=_days(result.n), span=span)
    if low <= 0.0 <= high:
        text = translate("insights", "There is no clear link between more contacts that felt "
                                     "good on a day and mood {figures}.").format(figures=figures)
    else:
        mood = (translate("insights", "a better mood") if rho > 0
                else translate("insights", "a lower mood"))
        strength = translate("insights", _STRENGTH_PHRASES.get(result.strength,
                                                               _STRENGTH_PHRASES["weak"]))
        text = translate("insights", "More contacts that felt good on a day went with {mood} — "
                                     "{association} {figures}. {not_cause}").format(
            mood=mood, association=strength, figures=figures,
            not_cause=translate("insights", NOT_CAUSE))
    return Insight(key, _early(result.status, text, _days(result.n)), result.status,
                   abs(rho) * math.sqrt(result.n))


def _comparison_sentence(key: str, result: Comparison, span: str, phrase: str) -> Insight | None:
    if not result.reportable or result.difference is None:
        return None
    low, high = result.ci_low or 0.0, result.ci_high or 0.0
    figures = translate("insights", "(difference {difference}, 95% CI {low} to {high}; "
                                    "{n_with} vs {n_without} days, {span})").format(
        difference=format_number(result.difference, 1), **_ci(low, high, 1),
        n_with=format_number(result.n_with, 0), n_without=format_number(result.n_without, 0),
        span=span)
    text = translate("insights", "On days with {phrase}, your mood averaged {mood_with} vs "
                                 "{mood_without} on other days {figures}.").format(
        phrase=phrase, mood_with=format_number(result.mean_with or 0.0, 1),
        mood_without=format_number(result.mean_without or 0.0, 1), figures=figures)
    clear = not low <= 0.0 <= high
    if clear:
        text += " " + translate("insights", NOT_CAUSE)
    else:
        text += " " + translate("insights",
                                "The difference is within what chance alone could give.")
    # clear differences first, then by size relative to their uncertainty
    weight = abs(result.difference) / max(high - low, 1e-9) + (_CLEAR if clear else 0.0)
    n = result.n_with + result.n_without
    return Insight(key, _early(result.status, text, _days(n)), result.status, weight)


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
                                 span)
    if main is None:
        have = a["meaningful_contacts_vs_mood"].n
        text = translate("insights", "Not enough data yet: insights need at least {needed} days "
                                     "with a mood and contacts logged, and there are {have} in "
                                     "{span}. Every day you add helps.").format(
            needed=format_number(MIN_PAIRS, 0), have=format_number(have, 0), span=span)
        return [Insight("not_enough_data", text, Status.NOT_ENOUGH, 0.0)]
    ranked = [main]
    lag = _lag_sentence(a, span)
    if lag is not None:
        ranked.append(lag)
    candidates = [
        _comparison_sentence("meaningful_contact", c["meaningful_contact"], span,
                             translate("insights", "at least one contact that felt good")),
    ]
    for key, result in c.items():
        if key.startswith("kind:"):
            phrase = translate("insights", _KIND_PHRASES[Relationship(key[5:])])
        elif key.startswith("mode:"):
            phrase = translate("insights", _MODE_PHRASES[Mode(key[5:])])
        elif key == "attended_session":
            phrase = translate("insights", "a therapy or clinic session")
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
    parts = [translate("insights", "Contacts that felt good on one day and mood the next day: "
                                   "ρ {rho} (95% CI {low} to {high}; {count}).").format(
        rho=format_number(forward.spearman, 2),
        **_ci(forward.ci_low or 0.0, forward.ci_high or 0.0, 2), count=_day_pairs(forward.n))]
    if backward.reportable and backward.spearman is not None:
        parts.append(translate("insights", "The other way round, mood on one day and good "
                                           "contact the next: ρ {rho} (95% CI {low} to "
                                           "{high}).").format(
            rho=format_number(backward.spearman, 2),
            **_ci(backward.ci_low or 0.0, backward.ci_high or 0.0, 2)))
    parts.append(translate("insights", "Both over {span}; this is an association, not proof of "
                                       "cause.").format(span=span))
    return Insight("next_day", _early(forward.status, " ".join(parts), _day_pairs(forward.n)),
                   forward.status, abs(forward.spearman) * math.sqrt(forward.n))


def _isolation_sentence(result: Isolation, span: str) -> Insight:
    if result.current is None:
        text = translate("insights", "No contact rated 4 or 5 for how connected it felt was "
                                     "logged in {span}. Is there someone you could reach out "
                                     "to?").format(span=span)
    else:
        if result.current == 0:
            when = translate("insights", "today")
        elif result.current == 1:
            when = translate("insights", "yesterday")
        else:
            when = _count(QT_TRANSLATE_NOOP("insights", "{n} day ago"),
                          QT_TRANSLATE_NOOP("insights", "{n} days ago"), result.current)
        text = translate("insights", "Your last contact that felt good was {when}. The longest "
                                     "stretch without one in {span} was {longest}.").format(
            when=when, span=span, longest=_days(result.longest))
    return Insight("isolation", text, Status.OK, 0.0)


def _resilience_sentence(result: Resilience, span: str) -> Insight | None:
    if not result.reportable or result.median_days is None:
        return None
    days = result.median_days
    digits = 0 if days == int(days) else 1
    if days <= 1:
        when = translate("insights", "the next day")
    else:
        when = translate("insights", "within {days} days").format(
            days=format_number(days, digits))
    text = translate("insights", "After a lower day (mood below {usual_low}), your mood usually "
                                 "came back to its usual range {when} (median of {episodes} low "
                                 "spells, {span}).").format(
        usual_low=format_number(result.usual_low or 0.0, 1), when=when,
        episodes=format_number(result.episodes, 0), span=span)
    return Insight("bounce_back", text, Status.OK, 0.0)
