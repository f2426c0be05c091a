"""The therapist summary as data: which sections, which words, which charts. No Qt.

``build_summary(inputs, sections, names)`` turns what the services gathered for a range
(``SummaryInputs``) into a ``Summary`` a clinician reads in two minutes: a title with the
range, the person's chosen display name and the sections they chose; page 1 at a glance
(``glance`` and ``glance_blocks``: the safety line, first and latest scores with the published
markers, mood, contacts, care kept, topics); then, in the order of ``sections``, charts,
questionnaire history, insights (in the third person), treatment detail, notes and the safety
plan. A builder runs only for a ticked section, so nothing from an unticked one can reach the
file. ``pdf.render_pdf`` draws the result.

Section keys (also the ``--sections`` names), ticked by default unless marked:
``overview``, ``charts``, ``insights``, ``treatment``, ``questionnaires``, ``topics``,
``notes`` (off by default) and ``safety_plan`` (off by default). People are shown by
relationship only unless the person chooses initials or full names.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from journal.domain.errors import ValidationError
from journal.domain.sections import DEFAULT_SECTIONS, SECTIONS
from journal.i18n import QT_TRANSLATE_NOOP, translate
from journal.report.summary.blocks import Paragraph, Section, Summary
from journal.report.summary.glance import Glance, build_glance
from journal.report.summary.glance_blocks import glance_blocks
from journal.report.summary.inputs import SummaryInputs
from journal.report.summary.names import Names, NameStyle
from journal.report.summary.questionnaires import safety_flags
from journal.report.summary.sections import after_page_one
from journal.report.summary.words import day, span
from journal.report.summary.words import days as days_text

#: How the intro says people appear, by ``NameStyle``.
_SHOWN = {
    NameStyle.HIDDEN: QT_TRANSLATE_NOOP("summary", "by their relationship only"),
    NameStyle.INITIALS: QT_TRANSLATE_NOOP("summary", "by their initials"),
    NameStyle.FULL: QT_TRANSLATE_NOOP("summary", "by name"),
}

PAPERS = ("A4", "Letter")
#: Territories where Letter is the usual paper; everywhere else uses A4.
LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "DO", "PR", "SV", "NI", "BZ"}
)


def check_sections(sections: Iterable[str] | None) -> frozenset[str]:
    """The chosen section keys (``None``: the defaults); an unknown key raises
    ``ValidationError`` naming it."""
    chosen = frozenset(DEFAULT_SECTIONS if sections is None else sections)
    unknown = sorted(chosen - set(SECTIONS))
    if unknown:
        raise ValidationError(
            "sections",
            translate("validation", "unknown section “{section}”; choose from {allowed}").format(
                section=unknown[0], allowed=", ".join(SECTIONS)
            ),
        )
    return chosen


def parse_sections(text: str) -> frozenset[str]:
    """``"overview,charts"`` → its keys; ``"all"`` → every section."""
    if text.strip() == "all":
        return frozenset(SECTIONS)
    keys = [key.strip() for key in text.split(",") if key.strip()]
    if not keys:
        raise ValidationError(
            "sections",
            translate("validation", "choose at least one section: {allowed}").format(
                allowed=", ".join(SECTIONS)
            ),
        )
    return check_sections(keys)


def check_names(names: NameStyle | str) -> NameStyle:
    try:
        return NameStyle(names)
    except ValueError:
        raise ValidationError(
            "names", translate("validation", "names must be one of: hidden, initials, full")
        ) from None


def paper_for_locale(locale_name: str) -> str:
    """ "Letter" for a locale of a Letter territory ("en_US.UTF-8", "en-CA"), else "A4"."""
    base = locale_name.split(".")[0].split("@")[0].replace("-", "_")
    territory = base.split("_")[1].upper() if "_" in base else ""
    return "Letter" if territory in LETTER_TERRITORIES else "A4"


def default_paper(environ: Mapping[str, str] = os.environ) -> str:
    """The paper of the locale in the environment (``LC_ALL``, ``LC_PAPER``, then ``LANG``)."""
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        if environ.get(name):
            return paper_for_locale(environ[name])
    return "A4"


def build_summary(
    inputs: SummaryInputs,
    sections: Iterable[str] = DEFAULT_SECTIONS,
    names: NameStyle | str = NameStyle.HIDDEN,
) -> Summary:
    """The summary of ``inputs`` with only the ``sections`` chosen, people shown as ``names``."""
    chosen = check_sections(sections)
    style = check_names(names)
    namer = Names(inputs.people, style)
    glance = build_glance(inputs, chosen, namer)
    built = [_page_one(glance, "safety_plan" in chosen), *after_page_one(inputs, chosen, namer)]
    flags = tuple(safety_flags(list(inputs.assessments))) if "questionnaires" in chosen else ()
    days = (inputs.end - inputs.start).days + 1
    who = inputs.display_name.strip()
    subtitle = translate("summary", "{span} ({days})").format(
        span=span(inputs.start, inputs.end), days=days_text(days)
    )
    if who:
        subtitle = translate("summary", "{name} · {range}").format(name=who, range=subtitle)
    owner = who or translate("summary", "The person who keeps this journal")
    intro = translate(
        "summary",
        "{owner} chose what this summary holds and shared it from "
        "their private Connection Journal on {date}. People appear "
        "{shown}.",
    ).format(owner=owner, date=day(inputs.made_on), shown=translate("summary", _SHOWN[style]))
    intro += " " + translate("summary", "Sections included: {sections}.").format(
        sections=", ".join(translate("summary", SECTIONS[key]) for key in SECTIONS if key in chosen)
    )
    title = translate("summary", "Connection Journal summary")
    return Summary(
        title=title,
        subtitle=subtitle,
        intro=intro,
        footer=translate("summary", "{title} · {span}").format(
            title=title, span=span(inputs.start, inputs.end)
        ),
        start=inputs.start,
        end=inputs.end,
        names=style,
        sections=tuple(built),
        safety_flags=flags,
        glance=glance,
        chosen=chosen,
    )


def _page_one(glance: Glance, safety_plan_shown: bool) -> Section:
    """Page 1 as a section of its own (key ``glance``): what a clinician reads first."""
    blocks = list(glance_blocks(glance))
    if glance.safety and safety_plan_shown:
        blocks.insert(
            len(glance.safety),
            Paragraph(
                translate(
                    "summary", "The person's safety plan is included at the end of this summary."
                )
            ),
        )
    return Section("glance", translate("summary", "At a glance"), tuple(blocks))
