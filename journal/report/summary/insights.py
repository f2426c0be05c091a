"""The summary's insights, written for the clinician: about the person, in the third person.

The Insights page speaks to the person ("your mood"); a summary is read by someone else, so
its sentences are built here from the same figures (``InsightReport``) in the third person
("mood was higher on days with …"). Only ``clear`` figures (those that hold after Holm's
method over every figure checked) are stated as findings, each once; the rest are counted in
one line. "Early signal" is said once for the section, and "not proof of cause" once, in
the footnote.
"""

from __future__ import annotations

from journal.analysis.insights import InsightReport
from journal.analysis.stats import MIN_PAIRS, SOLID_PAIRS, Association, Comparison, Status
from journal.domain.kinds import Mode, Relationship
from journal.i18n import QT_TRANSLATE_NOOP, format_date, format_number, translate
from journal.report.summary.blocks import Block, Bullets, Paragraph, Section, section_title
from journal.report.summary.inputs import SummaryInputs
from journal.report.summary.names import Names
from journal.report.summary.words import checkins, count, span, whole

_KINDS = {
    Relationship.PARTNER: QT_TRANSLATE_NOOP("summary", "contact with their partner"),
    Relationship.FAMILY: QT_TRANSLATE_NOOP("summary", "contact with family"),
    Relationship.FRIEND: QT_TRANSLATE_NOOP("summary", "contact with a friend"),
    Relationship.COLLEAGUE: QT_TRANSLATE_NOOP("summary", "contact with a colleague"),
    Relationship.NEIGHBOUR: QT_TRANSLATE_NOOP("summary", "contact with a neighbour"),
    Relationship.PEER_SUPPORT: QT_TRANSLATE_NOOP("summary", "contact with a peer-support group"),
    Relationship.THERAPIST: QT_TRANSLATE_NOOP(
        "summary", "contact with their therapist (outside sessions)"
    ),
    Relationship.CLINICIAN: QT_TRANSLATE_NOOP("summary", "contact with a clinician"),
    Relationship.COMMUNITY: QT_TRANSLATE_NOOP("summary", "a community activity"),
    Relationship.OTHER: QT_TRANSLATE_NOOP("summary", "contact with someone else"),
}
_MODES = {
    Mode.IN_PERSON: QT_TRANSLATE_NOOP("summary", "a contact in person"),
    Mode.VIDEO: QT_TRANSLATE_NOOP("summary", "a video call"),
    Mode.PHONE: QT_TRANSLATE_NOOP("summary", "a phone call"),
    Mode.TEXT: QT_TRANSLATE_NOOP("summary", "a text exchange"),
    Mode.ONLINE_GROUP: QT_TRANSLATE_NOOP("summary", "an online group"),
}
#: What a clear association says, by its key, for a positive and a negative ρ.
_LINKS = {
    "meaningful_contacts_vs_mood": (
        QT_TRANSLATE_NOOP(
            "summary", "More contacts that felt good on a day went with a higher mood that day"
        ),
        QT_TRANSLATE_NOOP(
            "summary", "More contacts that felt good on a day went with a lower mood that day"
        ),
    ),
    "contact_minutes_vs_mood": (
        QT_TRANSLATE_NOOP("summary", "More time in contact on a day went with a higher mood"),
        QT_TRANSLATE_NOOP("summary", "More time in contact on a day went with a lower mood"),
    ),
    "meaningful_contacts_vs_next_day_mood": (
        QT_TRANSLATE_NOOP(
            "summary",
            "More contacts that felt good on one day went with a higher mood the next day",
        ),
        QT_TRANSLATE_NOOP(
            "summary", "More contacts that felt good on one day went with a lower mood the next day"
        ),
    ),
    "mood_vs_next_day_meaningful_contacts": (
        QT_TRANSLATE_NOOP(
            "summary",
            "A higher mood on one day went with more contacts that felt good the next day",
        ),
        QT_TRANSLATE_NOOP(
            "summary",
            "A higher mood on one day went with fewer contacts that felt good the next day",
        ),
    ),
    "meaningful_contacts_vs_loneliness": (
        QT_TRANSLATE_NOOP(
            "summary", "More contacts that felt good on a day went with more loneliness that day"
        ),
        QT_TRANSLATE_NOOP(
            "summary", "More contacts that felt good on a day went with less loneliness that day"
        ),
    ),
}
_STRENGTH = {
    "no clear": QT_TRANSLATE_NOOP("summary", "very weak"),
    "weak": QT_TRANSLATE_NOOP("summary", "weak"),
    "moderate": QT_TRANSLATE_NOOP("summary", "moderate"),
    "strong": QT_TRANSLATE_NOOP("summary", "strong"),
}


def _n(value: float, digits: int) -> str:
    return format_number(value + 0.0, digits)


def _phrase(key: str) -> str:
    if key.startswith("kind:"):
        return translate("summary", _KINDS[Relationship(key[5:])])
    if key.startswith("mode:"):
        return translate("summary", _MODES[Mode(key[5:])])
    if key == "attended_session":
        return translate("summary", "a therapy or clinic session")
    return translate("summary", "at least one contact that felt good")


def link_sentence(key: str, result: Association) -> str:
    """A clear association, stated about the person with its figures."""
    rho = result.spearman or 0.0
    words = translate("summary", _LINKS[key][0 if rho > 0 else 1])
    pairs = "next_day" in key
    counted = (
        count(
            QT_TRANSLATE_NOOP("summary", "{n} day pair"),
            QT_TRANSLATE_NOOP("summary", "{n} day pairs"),
            result.n,
        )
        if pairs
        else count(
            QT_TRANSLATE_NOOP("summary", "{n} day"),
            QT_TRANSLATE_NOOP("summary", "{n} days"),
            result.n,
        )
    )
    if result.perfect or result.ci_low is None or result.ci_high is None:
        figures = translate("summary", "Spearman ρ {rho}; {counted}").format(
            rho=_n(rho, 0 if result.perfect else 2), counted=counted
        )
    else:
        figures = translate(
            "summary", "Spearman ρ {rho}, 95% CI {low} to {high}; {counted}"
        ).format(
            rho=_n(rho, 2), low=_n(result.ci_low, 2), high=_n(result.ci_high, 2), counted=counted
        )
    strength = translate("summary", _STRENGTH.get(result.strength, _STRENGTH["weak"]))
    return translate("summary", "{words}: a {strength} association ({figures}).").format(
        words=words, strength=strength, figures=figures
    )


def comparison_sentence(phrases: list[str], result: Comparison) -> str:
    """A clear comparison (several over exactly the same days said once)."""
    phrase = (
        phrases[0]
        if len(phrases) == 1
        else translate("summary", "{phrases} (the same days)").format(
            phrases=translate("summary", " or ").join(phrases)
        )
    )
    higher = (result.difference or 0.0) > 0
    template = (
        translate(
            "summary",
            "Mood was higher on days with {phrase}: {with_} vs "
            "{without} on other days (difference {difference}, 95% CI "
            "{low} to {high}; {n_with} vs {n_without} days).",
        )
        if higher
        else translate(
            "summary",
            "Mood was lower on days with {phrase}: {with_} vs "
            "{without} on other days (difference {difference}, 95% CI "
            "{low} to {high}; {n_with} vs {n_without} days).",
        )
    )
    return template.format(
        phrase=phrase,
        with_=_n(result.mean_with or 0.0, 1),
        without=_n(result.mean_without or 0.0, 1),
        difference=_n(result.difference or 0.0, 1),
        low=_n(result.ci_low or 0.0, 1),
        high=_n(result.ci_high or 0.0, 1),
        n_with=whole(result.n_with),
        n_without=whole(result.n_without),
    )


def findings(report: InsightReport) -> list[tuple[str, Status]]:
    """Every clear figure as one sentence with its status, strongest first."""
    found: list[tuple[float, str, Status]] = []
    for key, a in report.associations.items():
        if a.clear and a.reportable and a.spearman is not None and key in _LINKS:
            found.append((abs(a.spearman) * a.n**0.5, link_sentence(key, a), a.status))
    same: dict[tuple[object, ...], list[str]] = {}
    for key, c in report.comparisons.items():
        if c.clear and c.reportable:
            same.setdefault((c.n_with, c.n_without, c.mean_with, c.mean_without), []).append(key)
    for keys in same.values():
        c = report.comparisons[keys[0]]
        weight = abs(c.difference or 0.0) / max((c.ci_high or 0.0) - (c.ci_low or 0.0), 1e-9)
        found.append((weight, comparison_sentence([_phrase(k) for k in keys], c), c.status))
    found.sort(key=lambda item: -item[0])
    seen: set[str] = set()
    unique = []
    for _weight, text, status in found:
        if text not in seen:
            seen.add(text)
            unique.append((text, status))
    return unique


def _described(report: InsightReport) -> list[str]:
    """The plain descriptions beside the findings: isolation and bouncing back."""
    lines = []
    iso = report.isolation
    if iso.logged_days and (iso.current is None or iso.last_meaningful is None):
        lines.append(
            translate(
                "summary",
                "No contact rated 4 or 5 for how connected it felt was logged in the range.",
            )
        )
    elif iso.logged_days and iso.last_meaningful is not None:
        lines.append(
            translate(
                "summary",
                "The longest stretch of logged days without a contact "
                "that felt good was {longest}; the last such contact "
                "was on {date}.",
            ).format(
                longest=count(
                    QT_TRANSLATE_NOOP("summary", "{n} logged day"),
                    QT_TRANSLATE_NOOP("summary", "{n} logged days"),
                    iso.longest,
                ),
                date=format_date(iso.last_meaningful, "date"),
            )
        )
    res = report.resilience
    if res.reportable and res.median_days is not None:
        lines.append(
            translate(
                "summary",
                "After a lower day (mood below {low}), mood usually "
                "came back to its usual range within {days} (median "
                "of {spells}).",
            ).format(
                low=_n(res.usual_low or 0.0, 1),
                days=count(
                    QT_TRANSLATE_NOOP("summary", "{n} day"),
                    QT_TRANSLATE_NOOP("summary", "{n} days"),
                    round(res.median_days),
                )
                if res.median_days > 1
                else translate("summary", "a day"),
                spells=count(
                    QT_TRANSLATE_NOOP("summary", "{n} low spell"),
                    QT_TRANSLATE_NOOP("summary", "{n} low spells"),
                    res.episodes,
                ),
            )
        )
    return lines


def insights(data: SummaryInputs, names: Names) -> Section:
    report = data.insights
    title = section_title("insights")
    main = report.associations.get("meaningful_contacts_vs_mood")
    if main is None or report.checkins < MIN_PAIRS or main.n < MIN_PAIRS:
        return Section(
            "insights",
            title,
            (
                Paragraph(
                    translate(
                        "summary",
                        "Not enough data yet: insights need at least {needed} days with a mood "
                        "and contacts logged; {span} has {have}.",
                    ).format(
                        needed=whole(MIN_PAIRS),
                        have=whole(main.n if main else 0),
                        span=span(report.start, report.end),
                    )
                ),
            ),
        )
    found = findings(report)
    blocks: list[Block] = []
    if any(status is Status.EARLY for _t, status in found) or (
        not found and report.checkins < SOLID_PAIRS
    ):
        blocks.append(
            Paragraph(
                translate(
                    "summary",
                    "Early signal: under {solid} days of data ({checkins}), so these may "
                    "change as more days are logged.",
                ).format(
                    solid=whole(SOLID_PAIRS),
                    checkins=checkins(report.checkins),
                )
            )
        )
    if found:
        blocks.append(Bullets(tuple(text for text, _status in found)))
    else:
        blocks.append(
            Paragraph(translate("summary", "No clear link or difference was found in this range."))
        )
    described = _described(report)
    if described:
        blocks.append(Bullets(tuple(described)))
    checked = report.family_size
    clear = sum(f.clear for f in (*report.associations.values(), *report.comparisons.values()))
    blocks.append(
        Paragraph(
            translate(
                "summary",
                "From {checkins}, {span}: {shown} of {checked} figures checked hold after "
                "allowing for all of them (Holm's method) and are listed; the rest are not "
                "clear. Links are Spearman's ρ; 95% confidence intervals allow for one day "
                "resembling the next. An association is not proof of cause.",
            ).format(
                checkins=checkins(report.checkins),
                span=span(report.start, report.end),
                shown=whole(clear),
                checked=whole(checked),
            ),
            small=True,
        )
    )
    return Section("insights", title, tuple(blocks))
