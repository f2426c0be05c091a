"""Plain-language insights: each figure with its n, range and CI, ranked, never overstated.

``compute_insights`` returns every figure (for ``insights --json`` and the Insights page) and
up to 8 sentences. Wording rules: state n, the date range and the 95% CI; say "early signal"
under 30 days and "not enough data yet" under 14; "association, not proof of cause" beside a
link that was found; nothing about low mood or quiet days is phrased as the person's fault.

Many comparisons, one claim at a time: every association and comparison computed for a range
is one family. Holm's method over the whole family decides which are ``clear``; only those
are stated as found, and the rest are counted in one line, so the person sees how many were
looked at. A withheld figure says its own reason and never hides the sentences that stand.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from journal.analysis import insight_words as w
from journal.analysis.insight_words import Insight
from journal.analysis.series import DailySeries
from journal.analysis.stats import (
    ALPHA,
    MIN_PAIRS,
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
from journal.domain.kinds import Mode, Relationship
from journal.i18n import QT_TRANSLATE_NOOP, format_number, translate

NOT_CAUSE = QT_TRANSLATE_NOOP("insights", "This is an association, not proof of cause.")
MAX_SENTENCES = 8
#: The multiple-comparison method named in ``insights --json``.
METHOD = "holm"

# Whole phrases, not "contact with " + a word: a translator needs the phrase to inflect it.
_KIND_PHRASES = {
    Relationship.PARTNER: QT_TRANSLATE_NOOP("insights", "contact with your partner"),
    Relationship.FAMILY: QT_TRANSLATE_NOOP("insights", "contact with family"),
    Relationship.FRIEND: QT_TRANSLATE_NOOP("insights", "contact with a friend"),
    Relationship.COLLEAGUE: QT_TRANSLATE_NOOP("insights", "contact with a colleague"),
    Relationship.NEIGHBOUR: QT_TRANSLATE_NOOP("insights", "contact with a neighbour"),
    Relationship.PEER_SUPPORT: QT_TRANSLATE_NOOP("insights", "contact with a peer-support group"),
    Relationship.THERAPIST: QT_TRANSLATE_NOOP(
        "insights", "contact with your therapist (outside sessions)"
    ),
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
    report.sentences.extend(_sentences(report, series))
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


# --- sentences ---------------------------------------------------------------------------------


def _rho_figures(result: Association, counted: str, span: str | None) -> str:
    """ "(Spearman ρ 0.42, 95% CI 0.30 to 0.52; 120 days, <span>)", or at ρ = ±1 the words
    for a perfect ranking instead of an interval that would be a single point."""
    rho = result.spearman or 0.0
    place = (
        translate("insights", "; {count}, {span}").format(count=counted, span=span)
        if span
        else translate("insights", "; {count}").format(count=counted)
    )
    if result.perfect:
        template = (
            translate(
                "insights", "(Spearman ρ {rho}: the days rank in exactly the same order{place})"
            )
            if rho > 0
            else translate(
                "insights", "(Spearman ρ {rho}: the days rank in exactly the opposite order{place})"
            )
        )
        return template.format(rho=w.number(rho, 0), place=place)
    return translate("insights", "(Spearman ρ {rho}, 95% CI {low} to {high}{place})").format(
        rho=w.number(rho, 2), **w.ci(result.ci_low or 0.0, result.ci_high or 0.0, 2), place=place
    )


def _allowing(result: Association, family: int) -> str:
    """For a link whose own 95% CI leaves out 0 but which is not clear in the family: say
    why, so the interval and the words do not seem to disagree."""
    if (
        result.clear
        or result.ci_low is None
        or result.ci_high is None
        or result.ci_low <= 0.0 <= result.ci_high
    ):
        return ""
    return " " + translate(
        "insights",
        "Its interval leaves out 0, but not once the {n} figures checked are allowed for.",
    ).format(n=format_number(family, 0))


def _main_sentence(
    result: Association, series: DailySeries, span: str, family: int
) -> Insight | None:
    """The main figure: contacts that felt good on a day against that day's mood; when it is
    withheld, the sentence says why (``None`` when no day had a good contact: the isolation
    sentence says exactly that)."""
    key = "meaningful_contacts_vs_mood"
    if result.reportable and result.spearman is not None:
        figures = _rho_figures(result, w.days(result.n), span)
        if result.clear:
            mood = (
                translate("insights", "a better mood")
                if result.spearman > 0
                else translate("insights", "a lower mood")
            )
            strength = translate(
                "insights", _STRENGTH_PHRASES.get(result.strength, _STRENGTH_PHRASES["weak"])
            )
            text = translate(
                "insights",
                "More contacts that felt good on a day went with "
                "{mood} — {association} {figures}. {not_cause}",
            ).format(
                mood=mood,
                association=strength,
                figures=figures,
                not_cause=translate("insights", NOT_CAUSE),
            )
        else:
            text = translate(
                "insights",
                "There is no clear link between more contacts that "
                "felt good on a day and mood {figures}.",
            ).format(figures=figures) + _allowing(result, family)
        return Insight(
            key,
            w.early(result.status, text, w.days(result.n)),
            result.status,
            abs(result.spearman) * math.sqrt(result.n),
        )
    reason = result.withheld
    if reason is Withheld.TOO_FEW_DAYS or reason is None:
        text = translate(
            "insights",
            "Not enough data yet: insights need at least {needed} days "
            "with a mood and contacts logged, and there are {have} in "
            "{span}. Every day you add helps.",
        ).format(needed=format_number(MIN_PAIRS, 0), have=format_number(result.n, 0), span=span)
        return Insight("not_enough_data", text, Status.NOT_ENOUGH, 0.0)
    if reason is Withheld.X_CONSTANT:
        meaningful = series.meaningful
        paired = meaningful[~np.isnan(meaningful) & ~np.isnan(series.mood)]
        if not len(paired) or paired.max() == 0:
            return None
        text = translate(
            "insights",
            "Every day with a mood in {span} had the same number of "
            "contacts that felt good ({count}), so how they go with "
            "mood cannot be measured yet.",
        ).format(span=span, count=format_number(int(paired[0]), 0))
    elif reason is Withheld.Y_CONSTANT:
        text = translate(
            "insights",
            "Your mood was the same on every day with a check-in in "
            "{span}, so how it goes with contacts cannot be "
            "measured.",
        ).format(span=span)
    else:
        text = translate(
            "insights",
            "From one day to the next your days in {span} were too "
            "alike to tell how contacts that felt good go with mood; "
            "more days will help.",
        ).format(span=span)
    return Insight(key, text, Status.NOT_ENOUGH, 0.0)


def _comparison_sentence(
    keys: list[str], result: Comparison, span: str, phrases: list[str], family: int
) -> Insight:
    """A clear comparison (or several that fell on exactly the same days, said once)."""
    if len(phrases) == 1:
        phrase = phrases[0]
    else:
        phrase = translate("insights", "{phrases} (the same days)").format(
            phrases=translate("insights", ", or ").join(phrases)
        )
    low, high = result.ci_low or 0.0, result.ci_high or 0.0
    figures = translate(
        "insights",
        "(difference {difference}, 95% CI {low} to {high}; {n_with} vs {n_without} days, {span})",
    ).format(
        difference=w.number(result.difference or 0.0, 1),
        **w.ci(low, high, 1),
        n_with=format_number(result.n_with, 0),
        n_without=format_number(result.n_without, 0),
        span=span,
    )
    text = translate(
        "insights",
        "On days with {phrase}, your mood averaged {mood_with} vs "
        "{mood_without} on other days {figures}.",
    ).format(
        phrase=phrase,
        mood_with=w.number(result.mean_with or 0.0, 1),
        mood_without=w.number(result.mean_without or 0.0, 1),
        figures=figures,
    )
    text += " " + translate(
        "insights", "Clear even allowing for the {n} figures checked. {not_cause}"
    ).format(n=format_number(family, 0), not_cause=translate("insights", NOT_CAUSE))
    n = result.n_with + result.n_without
    weight = abs(result.difference or 0.0) / max(high - low, 1e-9)
    return Insight(keys[0], w.early(result.status, text, w.days(n)), result.status, weight)


def _phrase(key: str) -> str:
    if key.startswith("kind:"):
        return translate("insights", _KIND_PHRASES[Relationship(key[5:])])
    if key.startswith("mode:"):
        return translate("insights", _MODE_PHRASES[Mode(key[5:])])
    if key == "attended_session":
        return translate("insights", "a therapy or clinic session")
    return translate("insights", "at least one contact that felt good")


def _comparison_sentences(
    comparisons: dict[str, Comparison], span: str, room: int, family: int
) -> list[Insight]:
    """The clear comparisons (best first, at most ``room`` - 1 of them) and one line that
    counts the others checked. Comparisons over exactly the same days are said once."""
    computed = {k: c for k, c in comparisons.items() if c.reportable}
    if not computed:
        return []
    same: dict[tuple[object, ...], list[str]] = {}
    for key, c in computed.items():
        same.setdefault((c.n_with, c.n_without, c.mean_with, c.mean_without), []).append(key)
    clear = [
        (
            _comparison_sentence(keys, computed[keys[0]], span, [_phrase(k) for k in keys], family),
            len(keys),
        )
        for keys in same.values()
        if computed[keys[0]].clear
    ]
    clear.sort(key=lambda pair: -pair[0].weight)
    shown = clear[: max(room - 1, 0)]
    said = sum(n for _insight, n in shown)
    others = len(computed) - said
    also = sum(n for _insight, n in clear[len(shown) :])
    sentences = [insight for insight, _n in shown]
    if others:
        checked = _comparisons(others, bool(shown))
        if also:
            text = translate(
                "insights",
                "{checked} of mood on days with and without each kind "
                "and mode of contact, in {span}: {clear} of them also "
                "clearly different (in the details), the rest "
                "not.",
            ).format(checked=checked, span=span, clear=format_number(also, 0))
        else:
            text = translate(
                "insights",
                "{checked} of mood on days with and without each kind "
                "and mode of contact, in {span}: none clearly "
                "different once the number checked is allowed "
                "for.",
            ).format(checked=checked, span=span)
        sentences.append(Insight("comparisons_checked", text, Status.OK, 0.0))
    return sentences


def _comparisons(n: int, other: bool) -> str:
    if other:
        return w.count(
            QT_TRANSLATE_NOOP("insights", "{n} other comparison"),
            QT_TRANSLATE_NOOP("insights", "{n} other comparisons"),
            n,
        )
    return w.count(
        QT_TRANSLATE_NOOP("insights", "{n} comparison"),
        QT_TRANSLATE_NOOP("insights", "{n} comparisons"),
        n,
    )


def _sentences(report: InsightReport, series: DailySeries) -> list[Insight]:
    span = w.span(report.start, report.end)
    a, c = report.associations, report.comparisons
    family = report.family_size
    ranked = [
        i
        for i in (
            _main_sentence(a["meaningful_contacts_vs_mood"], series, span, family),
            _lag_sentence(a, span, family),
        )
        if i is not None
    ]
    tail = [
        i
        for i in (
            w.isolation_sentence(report.isolation, span, report.today, report.end),
            w.resilience_sentence(report.resilience, span),
        )
        if i is not None
    ]
    ranked.extend(_comparison_sentences(c, span, MAX_SENTENCES - len(ranked) - len(tail), family))
    return _unique([*ranked, *tail])[:MAX_SENTENCES]


def _unique(sentences: list[Insight]) -> list[Insight]:
    """Each sentence once (two figures can come to the same words)."""
    seen: set[str] = set()
    kept = []
    for insight in sentences:
        if insight.sentence not in seen:
            seen.add(insight.sentence)
            kept.append(insight)
    return kept


def _lag_sentence(a: dict[str, Association], span: str, family: int) -> Insight | None:
    forward = a["meaningful_contacts_vs_next_day_mood"]
    backward = a["mood_vs_next_day_meaningful_contacts"]
    if not forward.reportable or forward.spearman is None:
        return None
    figures = _rho_figures(forward, w.day_pairs(forward.n), None)
    if forward.clear:
        mood = (
            translate("insights", "a better mood")
            if forward.spearman > 0
            else translate("insights", "a lower mood")
        )
        parts = [
            translate(
                "insights",
                "More contacts that felt good on one day went with {mood} the next day {figures}.",
            ).format(mood=mood, figures=figures)
        ]
    else:
        parts = [
            translate(
                "insights",
                "There is no clear link between contacts that felt good "
                "on one day and mood the next day {figures}.",
            ).format(figures=figures)
            + _allowing(forward, family)
        ]
    if backward.reportable and backward.spearman is not None:
        back = _rho_figures(backward, w.day_pairs(backward.n), None)
        parts.append(
            translate(
                "insights",
                "The other way round, mood on one day and good contact the next: {link} {figures}.",
            ).format(
                link=(
                    translate("insights", "a clear link")
                    if backward.clear
                    else translate("insights", "no clear link")
                ),
                figures=back,
            )
            + _allowing(backward, family)
        )
    if forward.clear or backward.clear:
        parts.append(
            translate(
                "insights", "Both over {span}; this is an association, not proof of cause."
            ).format(span=span)
        )
    else:
        parts.append(translate("insights", "Both over {span}.").format(span=span))
    return Insight(
        "next_day",
        w.early(forward.status, " ".join(parts), w.day_pairs(forward.n)),
        forward.status,
        abs(forward.spearman) * math.sqrt(forward.n),
    )
