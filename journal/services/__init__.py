"""The use cases the UI and the command line share: the one way into the core.

A new use case is a method in ``services/<area>.py``; the widgets and the CLI import only this
package, ``journal.domain`` and the leaves (``i18n``, ``paths``, ``desktop``, ``progress``,
``palette``, ``buglog``, ``atomic_file``, ``reminders``).

What the front ends may name is exported here: ``Journal``, the folder-level use cases (the
backups of a journal that cannot be opened, restoring it), the result types and the figures
the pages draw. The names of the analysis and portability modules and of the chart figures
(``LAZY``) are imported when first asked for, so importing this package loads none of them:
the command line's start and the first window stay light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from journal.progress import Cancelled as Cancelled
from journal.progress import IsCancelled as IsCancelled
from journal.progress import Progress as Progress
from journal.services.base import local_now as local_now
from journal.services.checkins import CrisisInfo as CrisisInfo
from journal.services.checkins import DueQuestionnaire as DueQuestionnaire
from journal.services.checkins import HelpContact as HelpContact
from journal.services.days import ContactSaved as ContactSaved
from journal.services.days import IsolationNudge as IsolationNudge
from journal.services.journal import Journal as Journal
from journal.services.journal import check_early as check_early
from journal.services.privacy import BackupInfo as BackupInfo
from journal.services.privacy import FewerDays as FewerDays
from journal.services.privacy import ProtectionChanged as ProtectionChanged
from journal.services.privacy import backup_made as backup_made
from journal.services.privacy import backups as backups
from journal.services.privacy import encryption_available as encryption_available
from journal.services.privacy import journal_is_plain as journal_is_plain
from journal.services.privacy import journal_opens_with as journal_opens_with
from journal.services.privacy import restore_damaged as restore_damaged
from journal.services.privacy import unverified_backups as unverified_backups
from journal.services.sharing import ImportOutcome as ImportOutcome
from journal.services.treatment import DoseStatus as DoseStatus
from journal.services.treatment import WeekProgress as WeekProgress
from journal.store.people import PersonOverview as PersonOverview

#: Names imported on first use: ``name -> (module, name there)``.
LAZY: dict[str, tuple[str, str]] = {
    "Association": ("journal.analysis.stats", "Association"),
    "Comparison": ("journal.analysis.stats", "Comparison"),
    "DailySeries": ("journal.analysis.series", "DailySeries"),
    "Insight": ("journal.analysis.insight_words", "Insight"),
    "InsightReport": ("journal.analysis.insights", "InsightReport"),
    "PersonFigures": ("journal.analysis.person", "PersonFigures"),
    "Status": ("journal.analysis.stats", "Status"),
    "WeeklyAdherence": ("journal.analysis.adherence", "WeeklyAdherence"),
    "WhileSince": ("journal.analysis.person", "WhileSince"),
    # how the insight sentences write numbers, counts, ranges and intervals (the cards too),
    # and name the days of a comparison ("a phone call", "contact with a friend")
    "insight_words": ("journal.analysis.insight_words", ""),
    "comparison_phrase": ("journal.analysis.insight_sentences", "phrase"),
    "ImportPreview": ("journal.report.import_common", "ImportPreview"),
    "parse_map": ("journal.report.import_common", "parse_map"),
    "read_export": ("journal.report.import_json", "read_export"),
    "bearable_rules": ("journal.report.import_bearable", "rules"),
    "default_paper": ("journal.report.summary.build", "default_paper"),
    "paper_for_locale": ("journal.report.summary.build", "paper_for_locale"),
    "parse_sections": ("journal.report.summary.build", "parse_sections"),
    # what Trends and the insight cards draw (only those pages need it)
    "CareKept": ("journal.services.chart_figures", "CareKept"),
    "ContactGroups": ("journal.services.chart_figures", "ContactGroups"),
    "GroupFigures": ("journal.services.chart_figures", "GroupFigures"),
    "Headline": ("journal.services.chart_figures", "Headline"),
    "Scatter": ("journal.services.chart_figures", "Scatter"),
    "Timeline": ("journal.services.chart_figures", "Timeline"),
    "care_kept": ("journal.services.chart_figures", "care_kept"),
    "checkin_count": ("journal.services.chart_figures", "checkin_count"),
    "contact_groups": ("journal.services.chart_figures", "contact_groups"),
    "group_means": ("journal.services.chart_figures", "group_means"),
    "headline": ("journal.services.chart_figures", "headline"),
    "same_figures": ("journal.services.chart_figures", "same_figures"),
    "scatter": ("journal.services.chart_figures", "scatter"),
    "timeline": ("journal.services.chart_figures", "timeline"),
    # a journal filled with generated days (``connection-journal demo``, the demo window)
    "generate_demo": ("journal.demo", "generate"),
}


def __getattr__(name: str) -> Any:
    if name not in LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module_name, attribute = LAZY[name]
    module = importlib.import_module(module_name)
    value = getattr(module, attribute) if attribute else module
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from journal.analysis import insight_words as insight_words
    from journal.analysis.adherence import WeeklyAdherence as WeeklyAdherence
    from journal.analysis.insight_sentences import phrase as comparison_phrase  # noqa: F401
    from journal.analysis.insight_words import Insight as Insight
    from journal.analysis.insights import InsightReport as InsightReport
    from journal.analysis.person import PersonFigures as PersonFigures
    from journal.analysis.person import WhileSince as WhileSince
    from journal.analysis.series import DailySeries as DailySeries
    from journal.analysis.stats import Association as Association
    from journal.analysis.stats import Comparison as Comparison
    from journal.analysis.stats import Status as Status
    from journal.demo import generate as generate_demo  # noqa: F401
    from journal.report.import_bearable import rules as bearable_rules  # noqa: F401
    from journal.report.import_common import ImportPreview as ImportPreview
    from journal.report.import_common import parse_map as parse_map
    from journal.report.import_json import read_export as read_export
    from journal.report.summary.build import default_paper as default_paper
    from journal.report.summary.build import paper_for_locale as paper_for_locale
    from journal.report.summary.build import parse_sections as parse_sections
    from journal.services.chart_figures import CareKept as CareKept
    from journal.services.chart_figures import ContactGroups as ContactGroups
    from journal.services.chart_figures import GroupFigures as GroupFigures
    from journal.services.chart_figures import Headline as Headline
    from journal.services.chart_figures import Scatter as Scatter
    from journal.services.chart_figures import Timeline as Timeline
    from journal.services.chart_figures import care_kept as care_kept
    from journal.services.chart_figures import checkin_count as checkin_count
    from journal.services.chart_figures import contact_groups as contact_groups
    from journal.services.chart_figures import group_means as group_means
    from journal.services.chart_figures import headline as headline
    from journal.services.chart_figures import same_figures as same_figures
    from journal.services.chart_figures import scatter as scatter
    from journal.services.chart_figures import timeline as timeline
