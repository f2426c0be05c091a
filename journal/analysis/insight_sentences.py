"""The insight sentences, written from a range's figures (``insights.InsightReport``).

Each states n, the date range and the 95% CI; "early signal" under 30 days and "not enough
data yet" under 14; "association, not proof of cause" beside a link that was found. Only
``clear`` figures (Holm over the range's family) are stated as found; the comparisons that are
not are counted in one line. Nothing about low mood or quiet days is phrased as the person's
fault.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from journal.analysis import insight_words as w
from journal.analysis.insight_words import Insight
from journal.analysis.series import DailySeries
from journal.analysis.stats import MIN_PAIRS, Association, Comparison, Status, Withheld
from journal.domain.kinds import Mode, Relationship
from journal.i18n import QT_TRANSLATE_NOOP, format_number, translate

if TYPE_CHECKING:
    from journal.analysis.insights import InsightReport

NOT_CAUSE = QT_TRANSLATE_NOOP("insights", "This is an association, not proof of cause.")
MAX_SENTENCES = 8

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


def _mood_word(rho: float) -> str:
    """What more good contacts went with: "a better mood" (ρ above 0) or "a lower mood"."""
    if rho > 0:
        return translate("insights", "a better mood")
    return translate("insights", "a lower mood")


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
            mood = _mood_word(result.spearman)
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
            "with a mood and contacts logged; {span} has {have}. Every day you add helps.",
        ).format(needed=format_number(MIN_PAIRS, 0), have=w.days(result.n), span=span)
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


def phrase(key: str) -> str:
    """What a comparison key is about, as words inside a sentence ("a phone call")."""
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
            _comparison_sentence(keys, computed[keys[0]], span, [phrase(k) for k in keys], family),
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


def sentences(report: InsightReport, series: DailySeries) -> list[Insight]:
    """The ranked sentences of ``report`` (at most ``MAX_SENTENCES``), each once."""
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
        mood = _mood_word(forward.spearman)
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
