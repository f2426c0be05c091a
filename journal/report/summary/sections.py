"""The sections after page 1: which are built, in the order a clinician reads them, by which
builder; and the two that are the person's own words, their notes and their safety plan.

Each builder takes the plain data the services gathered (``SummaryInputs``) and the ``Names``
in force, and returns one ``Section``; a builder runs only for a ticked section, so nothing
from an unticked one can reach the file. With too little data a section says so in words
("Not enough data yet …") instead of showing figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from journal.i18n import QT_TRANSLATE_NOOP, format_date, translate
from journal.report.summary.blocks import Block, Entries, Paragraph, Section, section_title
from journal.report.summary.charts import care_chart_shown, charts
from journal.report.summary.inputs import SummaryInputs
from journal.report.summary.insights import insights
from journal.report.summary.names import Names
from journal.report.summary.questionnaires import questionnaires
from journal.report.summary.treatment import treatment

_SAFETY_PLAN_LABELS = {
    "warning_signs": QT_TRANSLATE_NOOP("summary", "Warning signs"),
    "coping_strategies": QT_TRANSLATE_NOOP("summary", "Things I can do on my own"),
    "distractions": QT_TRANSLATE_NOOP("summary", "People and places that take my mind off things"),
    "people_to_ask": QT_TRANSLATE_NOOP("summary", "People I can ask for help"),
    "professionals": QT_TRANSLATE_NOOP("summary", "Professionals and services"),
    "crisis_line": QT_TRANSLATE_NOOP("summary", "Crisis line"),
    "safer_surroundings": QT_TRANSLATE_NOOP("summary", "Making my surroundings safer"),
    "reasons_for_living": QT_TRANSLATE_NOOP("summary", "My reasons for living"),
}

_Builder = Callable[[SummaryInputs, Names], Section]
#: The sections after page 1, in the order a clinician reads them; "overview" and "topics"
#: are on page 1 itself.
AFTER_PAGE_ONE = ("charts", "questionnaires", "insights", "treatment", "notes", "safety_plan")
#: Titles in the document where they differ from the tick-box's words.
_DOCUMENT_TITLES = {
    "questionnaires": QT_TRANSLATE_NOOP("summary", "Questionnaire history"),
    "treatment": QT_TRANSLATE_NOOP("summary", "Treatment detail"),
}


def after_page_one(inputs: SummaryInputs, chosen: Iterable[str], names: Names) -> list[Section]:
    """The ``chosen`` sections after page 1, built in reading order."""
    chosen = set(chosen)
    builders: dict[str, _Builder] = {
        "charts": charts,
        "questionnaires": questionnaires,
        "insights": insights,
        "notes": notes,
        "safety_plan": safety_plan,
    }
    built = []
    for key in AFTER_PAGE_ONE:
        if key not in chosen:
            continue
        if key == "treatment":
            # the weeks are tabled unless the charts show them
            section = treatment(
                inputs,
                names,
                week_table="charts" not in chosen or not care_chart_shown(inputs),
            )
        else:
            section = builders[key](inputs, names)
        if key in _DOCUMENT_TITLES:
            section = replace(section, title=translate("summary", _DOCUMENT_TITLES[key]))
        built.append(section)
    return built


def notes(data: SummaryInputs, names: Names) -> Section:
    written = [(d, text) for d, text in sorted(data.notes.items()) if text.strip()]
    blocks: tuple[Block, ...] = (
        (
            Entries(
                tuple(
                    (format_date(d, "weekday_date"), names.text(text.strip()))
                    for d, text in written
                )
            ),
        )
        if written
        else (Paragraph(translate("summary", "No notes were written in this range.")),)
    )
    return Section("notes", section_title("notes"), blocks)


def safety_plan(data: SummaryInputs, names: Names) -> Section:
    plan = data.safety_plan
    items = tuple(
        (translate("summary", label), names.text(getattr(plan, key).strip()))
        for key, label in _SAFETY_PLAN_LABELS.items()
        if getattr(plan, key).strip()
    )
    blocks: tuple[Block, ...] = (
        (Entries(items),)
        if items
        else (Paragraph(translate("summary", "The safety plan has not been filled in yet.")),)
    )
    return Section("safety_plan", section_title("safety_plan"), blocks)
