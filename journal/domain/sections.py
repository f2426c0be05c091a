"""The therapist summary's sections by key: a domain leaf without numpy, so the command line
can list them in its help (``--sections``) without loading what builds a summary."""

from __future__ import annotations

from journal.i18n import QT_TRANSLATE_NOOP

#: The sections a person can tick, by key (also the ``--sections`` names), in document order.
#: The titles are English here, marked for translation in the context ``summary``; show them
#: with ``section_title`` (or ``translate("summary", title)``).
SECTIONS: dict[str, str] = {
    "overview": QT_TRANSLATE_NOOP("summary", "Overview figures"),
    "charts": QT_TRANSLATE_NOOP("summary", "Charts"),
    "insights": QT_TRANSLATE_NOOP("summary", "Insights"),
    "treatment": QT_TRANSLATE_NOOP("summary", "Treatment and adherence"),
    "questionnaires": QT_TRANSLATE_NOOP("summary", "Questionnaire scores"),
    "topics": QT_TRANSLATE_NOOP("summary", "Topics for my next session"),
    "notes": QT_TRANSLATE_NOOP("summary", "My notes"),
    "safety_plan": QT_TRANSLATE_NOOP("summary", "Safety plan"),
}

#: Ticked unless the person chooses otherwise: everything but their own words in notes and
#: their safety plan, which are the most private and are shared only when ticked.
DEFAULT_SECTIONS = frozenset(SECTIONS) - {"notes", "safety_plan"}
