"""What one Insights card says: a bold plain headline, a short line, a tiny picture, the figures.

The core words every sentence (``analysis.insights``) with its n, range, CI and, beside each
link found, "association, not proof of cause". A page of eight such sentences repeated the
disclaimer and the dates eight times, so a card reads the *figures* instead: the headline and
its line come from what the analysis marked ``clear`` (a link is stated as found only then),
the numbers (ρ, CI, n, p) go behind "Details", and the page says the date range and the
disclaimer once, at its foot. Cards without figures (stretches without a good contact,
bouncing back, the count of other comparisons) keep the core's sentence, less the range.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from journal.i18n import format_number
from journal.services import (
    Association,
    Comparison,
    Insight,
    InsightReport,
    Status,
    comparison_phrase,
    same_figures,
)
from journal.services import insight_words as w
from journal.ui.charts.finding_visual import Bar, Interval, Intervals, TwoBars


@dataclass(frozen=True)
class Finding:
    """One card's words; ``visual`` builds its tiny picture (``None``: none)."""

    key: str
    headline: str
    body: str
    details: str = ""
    #: a link or difference the analysis calls clear (stated as found)
    clear: bool = False
    visual: object = field(default=None, compare=False)

    def picture(self) -> QWidget | None:
        return self.visual() if callable(self.visual) else None


class CardWriter(QObject):
    """Words for the cards of one report (a QObject so the strings are translated)."""

    def __init__(self, report: InsightReport) -> None:
        super().__init__()
        self._report = report
        self._span = w.span(report.start, report.end)

    def finding(self, insight: Insight) -> Finding:
        key, report = insight.key, self._report
        if key == "meaningful_contacts_vs_mood":
            return self._main(report.associations[key], insight)
        if key == "next_day":
            return self._next_day()
        if key in report.comparisons:
            return self._comparison(key, report.comparisons[key])
        if key == "comparisons_checked":
            return self._others(insight)
        headlines = {
            "not_enough_data": self.tr("Not enough data yet"),
            "isolation": self.tr("Contacts that felt good, lately"),
            "bounce_back": self.tr("Coming back after a lower day"),
        }
        return Finding(
            key,
            headlines.get(key, self.tr("Also in your entries")),
            self._without_range(insight.sentence),
        )

    # --- kinds of card -----------------------------------------------------------------------

    def _main(self, result: Association, insight: Insight) -> Finding:
        key = "meaningful_contacts_vs_mood"
        if not result.reportable or result.spearman is None:
            return Finding(
                key,
                self.tr("Good contacts and mood: not measurable yet"),
                self._without_range(insight.sentence),
            )
        higher = result.spearman > 0
        if result.clear:
            headline = (
                self.tr("More good contacts went with a better mood")
                if higher
                else self.tr("More good contacts went with a lower mood")
            )
            body = (
                self.tr(
                    "On days with more contacts that felt good (rated 4–5), your mood "
                    "tended to be higher."
                )
                if higher
                else self.tr(
                    "On days with more contacts that felt good (rated 4–5), your mood "
                    "tended to be lower."
                )
            )
        else:
            headline = self.tr("No clear link between good contacts and mood yet")
            body = self.tr(
                "Days with more or fewer contacts that felt good did not clearly differ in mood."
            )
        return Finding(
            key,
            headline,
            self._early(result.status, body),
            self._association_details(result),
            result.clear,
            lambda: Intervals((self._interval("", result),)),
        )

    def _next_day(self) -> Finding:
        forward = self._report.associations["meaningful_contacts_vs_next_day_mood"]
        backward = self._report.associations["mood_vs_next_day_meaningful_contacts"]
        if forward.clear and forward.spearman is not None:
            headline = (
                self.tr("Good contacts went with a better mood the next day")
                if forward.spearman > 0
                else self.tr("Good contacts went with a lower mood the next day")
            )
        else:
            headline = self.tr("No clear link from one day's good contacts to the next day's mood")
        if backward.reportable:
            body = (
                self.tr(
                    "The other way round, mood on one day and good contacts the next: a clear link."
                )
                if backward.clear
                else self.tr(
                    "The other way round, mood on one day and good contacts the next: "
                    "no clear link."
                )
            )
        else:
            body = ""
        details = "\n".join(
            part
            for part in (
                self.tr("Contacts, then the next day's mood: {figures}").format(
                    figures=self._association_details(forward, pairs=True)
                ),
                self.tr("Mood, then the next day's contacts: {figures}").format(
                    figures=self._association_details(backward, pairs=True)
                )
                if backward.reportable
                else "",
            )
            if part
        )
        rows = tuple(
            self._interval(label, result)
            for label, result in (
                (self.tr("contacts → mood"), forward),
                (self.tr("mood → contacts"), backward),
            )
            if result.reportable and result.spearman is not None
        )
        return Finding(
            "next_day",
            headline,
            self._early(forward.status, body),
            details,
            forward.clear or backward.clear,
            lambda: Intervals(rows),
        )

    def _comparison(self, key: str, result: Comparison) -> Finding:
        same = same_figures(self._report, key)
        phrase = self.tr(" or ").join(comparison_phrase(k) for k in (same or [key]))
        mood_with, mood_without = result.mean_with or 0.0, result.mean_without or 0.0
        higher = mood_with >= mood_without
        if result.clear:
            headline = (
                self.tr("Mood was higher on days with {phrase}")
                if higher
                else self.tr("Mood was lower on days with {phrase}")
            ).format(phrase=phrase)
        else:
            headline = self.tr("No clear difference on days with {phrase}").format(phrase=phrase)
        body = self.tr(
            "Your mood averaged {with_} on those days and {without} on other days."
        ).format(with_=format_number(mood_with, 1), without=format_number(mood_without, 1))
        details = self.tr(
            "difference {difference}, 95% CI {low} to {high} · {n_with} vs {n_without} days · {p}"
        ).format(
            difference=w.number(result.difference or 0.0, 1),
            **w.ci(result.ci_low or 0.0, result.ci_high or 0.0, 1),
            n_with=format_number(result.n_with, 0),
            n_without=format_number(result.n_without, 0),
            p=self._p(result.p_value, result.p_adjusted),
        )
        bars = (Bar(self.tr("those days"), mood_with), Bar(self.tr("other days"), mood_without))
        return Finding(
            key,
            headline,
            self._early(result.status, body),
            details,
            result.clear,
            lambda: TwoBars(bars),
        )

    def _others(self, insight: Insight) -> Finding:
        """The count of the other comparisons; the clear ones without a card of their own
        are listed behind Details (the core's "in the details")."""
        carded = {s.key for s in self._report.sentences}
        lines = []
        for key, result in self._report.comparisons.items():
            if result.clear and key not in carded:
                finding = self._comparison(key, result)
                lines.append(f"{finding.headline}: {finding.body} ({finding.details})")
        return Finding(
            "comparisons_checked",
            self.tr("Other kinds and modes of contact"),
            self._without_range(insight.sentence),
            "\n".join(lines),
        )

    # --- parts -------------------------------------------------------------------------------

    def _interval(self, label: str, result: Association) -> Interval:
        return Interval(label, result.spearman or 0.0, result.ci_low, result.ci_high)

    def _association_details(self, result: Association, *, pairs: bool = False) -> str:
        if not result.reportable or result.spearman is None:
            return self.tr("not enough data yet (n = {n})").format(n=result.n)
        counted = w.day_pairs(result.n) if pairs else w.days(result.n)
        if result.perfect:
            rho = self.tr("Spearman ρ {rho}, every day ranked alike").format(
                rho=w.number(result.spearman, 0)
            )
        else:
            rho = self.tr("Spearman ρ {rho}, 95% CI {low} to {high}").format(
                rho=w.number(result.spearman, 2),
                **w.ci(result.ci_low or 0.0, result.ci_high or 0.0, 2),
            )
        effective = self.tr("{counted} (about {n_eff} independent)").format(
            counted=counted, n_eff=format_number(result.n_eff or 0.0, 0)
        )
        return " · ".join((rho, effective, self._p(result.p_value, result.p_adjusted)))

    def _p(self, p: float | None, adjusted: float | None) -> str:
        def written(value: float) -> str:
            return "< 0.001" if value < 0.001 else format_number(value, 3)

        if p is None:
            return ""
        return self.tr("p = {p}; {adjusted} allowing for the {n} figures checked").format(
            p=written(p),
            adjusted=written(adjusted if adjusted is not None else p),
            n=format_number(self._report.family_size, 0),
        )

    def _early(self, status: Status, text: str) -> str:
        if status is Status.EARLY:
            return self.tr("Early signal, from fewer than 30 days: {text}").format(text=text)
        return text

    def _without_range(self, text: str) -> str:
        """The core's sentence without its dates (the page gives them once, at its foot)."""
        span = self._span
        return (
            text.replace(f", {span})", ")")
            .replace(f"; {span})", ")")
            .replace(span, self.tr("this range"))
        )
