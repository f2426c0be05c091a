"""The pure core's words go through ``journal.i18n``, so the app can show them translated.

A fake translator shouts every text it is given (upper case outside the ``{fields}``, wrapped
in ⟦ ⟧) and fake formatters write dates as ``D(STYLE:2026-03-05)`` and numbers as ``N(0.40)``.
Anything the core still writes itself then stands out: a lower-case letter is English that
was never translated, a bare digit a number or date formatted by hand. The English defaults
are pinned too, and ``pyside6-lupdate`` must find the templates where they are written.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from journal import i18n
from journal.domain.errors import ValidationError
from journal.domain.parse import parse_day
from journal.domain.records import Assessment, SafetyPlan
from journal.domain.sections import SECTIONS
from journal.report.summary.blocks import Entries, Heading, RowsChart, Summary, Table, TimeChart
from journal.services import Journal
from journal.store.assessments import add_assessment
from journal.store.safety_plan import save_safety_plan
from tests.analysis.test_insights import early_report
from tests.helpers import TODAY

ROOT = Path(__file__).resolve().parents[1]
_FIELDS = re.compile(r"(\{[^{}]*\})")
#: What the fake formatters write; removed before looking for hand-made formatting.
_TOKENS = re.compile(r"D\([A-Z_]+:\d{4}-\d{2}-\d{2}\)|N\(−?\d+(?:\.\d+)?\)")
_MONTHS = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")


def shout(text: str) -> str:
    """The fake translation: upper case outside the fields (which must still format)."""
    return (
        "⟦"
        + "".join(part if part.startswith("{") else part.upper() for part in _FIELDS.split(text))
        + "⟧"
    )


@dataclass
class FakeLocale:
    """What the installed hooks were asked for."""

    texts: list[tuple[str, str]] = field(default_factory=list)
    dates: list[tuple[dt.date, str]] = field(default_factory=list)
    numbers: list[tuple[float, int]] = field(default_factory=list)

    def translate(self, context: str, text: str) -> str:
        self.texts.append((context, text))
        return shout(text)

    def date(self, day: dt.date, style: str) -> str:
        self.dates.append((day, style))
        return f"D({style.upper()}:{day.isoformat()})"

    def number(self, value: float, digits: int) -> str:
        self.numbers.append((value, digits))
        return f"N({value:.{digits}f})".replace("-", "−")

    def templates(self) -> str:
        """Every text translated, as shouted: digits in it were written by a translator."""
        return "\n".join(shout(text) for _context, text in self.texts)


@pytest.fixture
def fake_locale() -> Iterator[FakeLocale]:
    fake = FakeLocale()
    i18n.install(fake.translate, fake.date, fake.number)
    yield fake
    i18n.reset()


def translated(text: str) -> bool:
    return text.startswith("⟦") and text.endswith("⟧")


def hand_made(text: str, locale: FakeLocale, data: tuple[str, ...] = ()) -> list[str]:
    """Digits and English left in ``text`` that no hook produced: each digit run must come
    from a translated template (a "95%" a translator can rewrite) or the person's data."""
    for value in data:
        text = text.replace(value, "")
    bare = _TOKENS.sub("", text)
    templates = locale.templates()
    found = [run for run in re.findall(r"\d+", bare) if run not in templates]
    found += re.findall(r"[a-z]+", bare)
    return found


# --- insights ----------------------------------------------------------------------------------


def test_every_insight_sentence_is_built_from_translated_parts(
    demo_journal: Journal, fake_locale: FakeLocale
) -> None:
    reports = [
        demo_journal.insights(TODAY - dt.timedelta(days=119), TODAY),
        demo_journal.insights(TODAY - dt.timedelta(days=9), TODAY),
        early_report(),
    ]
    sentences = [s.sentence for report in reports for s in report.sentences]
    keys = {s.key for report in reports for s in report.sentences}
    assert {"meaningful_contacts_vs_mood", "not_enough_data", "isolation"} <= keys
    assert any(s.startswith("⟦EARLY SIGNAL, FROM ONLY ⟦N(20) DAYS⟧: ") for s in sentences)
    for sentence in sentences:
        assert translated(sentence), sentence
        assert not hand_made(sentence, fake_locale), (hand_made(sentence, fake_locale), sentence)
        assert not _MONTHS.search(sentence), sentence
    # the ranges and figures came through the hooks, and the phrases were translated apart
    assert (TODAY, "date") in fake_locale.dates
    assert any(digits == 2 for _value, digits in fake_locale.numbers)  # ρ and its CI
    contexts = {context for context, _text in fake_locale.texts}
    assert contexts == {"insights"}
    assert ("insights", "This is an association, not proof of cause.") in fake_locale.texts


def test_the_json_keeps_its_data_words_while_the_sentences_are_translated(
    demo_journal: Journal, fake_locale: FakeLocale
) -> None:
    figures = demo_journal.insights(TODAY - dt.timedelta(days=119), TODAY).to_json()
    main = figures["associations"]["meaningful_contacts_vs_mood"]
    assert main["strength"] in {"no clear", "weak", "moderate", "strong"}
    assert figures["range"]["from"] == (TODAY - dt.timedelta(days=119)).isoformat()
    assert {s["status"] for s in figures["sentences"]} <= {"ok", "early_signal"}
    assert all(translated(s["text"]) for s in figures["sentences"])


# --- the therapist summary ---------------------------------------------------------------------


def _labels(summary: Summary) -> list[str]:
    """The words a reader sees as structure: titles, headings, table headers, chart labels."""
    labels = [summary.title, summary.subtitle, summary.intro, summary.footer, *summary.safety_flags]
    for section in summary.sections:
        labels.append(section.title)
        for block in section.blocks:
            if isinstance(block, Heading):
                labels.append(block.text)
            elif isinstance(block, Table):
                labels.extend(block.header)
            elif isinstance(block, Entries) and section.key == "safety_plan":
                labels.extend(label for label, _words in block.items)
            elif isinstance(block, TimeChart):
                labels += [block.title, block.caption]
                for panel in block.panels:
                    labels.append(panel.label)
                    labels.extend(series.label for series in panel.series)
            elif isinstance(block, RowsChart):
                labels += [block.title, block.caption, block.axis_label, block.reference_label]
                labels.extend(title for title, _rows in block.groups)
    return labels


def test_the_summary_is_translated_and_its_dates_and_numbers_come_from_the_hooks(
    demo_journal: Journal, fake_locale: FakeLocale
) -> None:
    start = TODAY - dt.timedelta(days=119)
    add_assessment(
        demo_journal.db,
        Assessment(date=TODAY - dt.timedelta(days=1), instrument="phq9", answers=(1,) * 8 + (1,)),
    )
    save_safety_plan(
        demo_journal.db, SafetyPlan(warning_signs="Not sleeping", crisis_line="116 123")
    )
    inputs = demo_journal.summary_inputs(start, TODAY, set(SECTIONS))
    summary = demo_journal.build_summary(start, TODAY, set(SECTIONS), "initials")

    assert summary.keys == [
        "glance",
        "charts",
        "questionnaires",
        "insights",
        "treatment",
        "notes",
        "safety_plan",
    ]
    assert summary.safety_flags
    untranslated = [label for label in _labels(summary) if not translated(label)]
    assert not untranslated, untranslated
    assert "D(DATE:" + TODAY.isoformat() + ")" in summary.subtitle
    assert "D(DATE:" + TODAY.isoformat() + ")" in summary.footer
    for chart in summary.charts:
        if isinstance(chart, TimeChart):
            assert chart.ticks and all(_TOKENS.fullmatch(label) for _at, label in chart.ticks)

    # every digit and word the reader sees came from a hook, a template or the person's data
    data = tuple(
        text
        for text in (
            *(m.name for m in inputs.medications),
            *(m.dose for m in inputs.medications),
            *(c.title for c in inputs.commitments),
            *(t.text for t in inputs.topics),
            *(p.name for p in inputs.people),
            "116 123",
            "Not sleeping",
        )
        if text
    )
    for section in summary.sections:
        for block in section.blocks:
            if isinstance(block, Entries):  # the person's own words, under translated labels
                if section.key == "notes":  # …or under their dates
                    assert all(_TOKENS.fullmatch(label) for label, _words in block.items)
                continue
            if isinstance(block, Table):
                cells = [cell for row in block.rows for cell in row]
            elif isinstance(block, TimeChart | RowsChart):
                cells = []
            else:
                cells = [_text_of(block)]
            for cell in cells:
                left = hand_made(cell, fake_locale, data)
                assert not left, (section.key, left, cell)
                assert not _MONTHS.search(_TOKENS.sub("", cell)), cell
    assert {style for _day, style in fake_locale.dates} >= {"date", "day_month", "weekday_date"}
    contexts = {context for context, _text in fake_locale.texts}
    assert {"summary", "questionnaires", "choices", "treatment"} <= contexts


def _text_of(block: object) -> str:
    """A paragraph's, notice's or heading's text, or a list's items."""
    text = getattr(block, "text", None)
    if text is not None:
        return text
    return "\n".join(getattr(block, "items", ()))


@pytest.mark.usefixtures("poppler")
def test_the_pdf_footer_and_chart_axes_use_the_hooks(
    demo_journal: Journal, fake_locale: FakeLocale, tmp_path: Path
) -> None:
    from journal.i18n import format_figure  # the PDF's axis values
    from journal.report.summary.pdf import render_pdf

    assert format_figure(2.5) == "N(2.5)" and format_figure(10.0) == "N(10)"
    summary = demo_journal.build_summary(TODAY - dt.timedelta(days=27), TODAY, {"overview"})
    out = render_pdf(summary, tmp_path / "summary.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "PAGE N(1) OF N(" in text, text[-400:]
    assert ("summary", "Page {page} of {pages}") in fake_locale.texts


# --- validation messages -----------------------------------------------------------------------


def test_a_validation_message_from_typed_text_is_translated(fake_locale: FakeLocale) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_day(TODAY, {"mood": "", "sleep_hours": "30"})
    error = caught.value
    assert error.field == "mood"
    assert error.message == "⟦⟦MOOD⟧ IS REQUIRED⟧"
    assert error.all["sleep_hours"] == "⟦⟦SLEEP HOURS⟧ MUST BE BETWEEN N(0) AND N(24)⟧"
    assert ("validation", "{field} must be between {low} and {high}") in fake_locale.texts


# --- import messages ---------------------------------------------------------------------------


def test_a_bad_daylio_file_is_refused_in_translated_words_naming_its_line(
    journal: Journal, fake_locale: FakeLocale, tmp_path: Path
) -> None:
    """The words are translated; the line number, the column and the file's values are not."""
    path = tmp_path / "daylio.csv"
    path.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2026-03-01,x,y,10:00,good,,,\n"
        "2026-13-01,x,y,10:00,good,,,\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as caught:
        journal.preview_daylio(path)
    assert caught.value.field == "full_date"
    assert caught.value.message == "⟦LINE 3: full_date “2026-13-01” IS NOT A DATE LIKE 2024-01-31⟧"
    assert (
        "imports",
        "line {line}: {column} “{value}” is not a date like {example}",
    ) in fake_locale.texts

    path.write_text(
        "year,date,weekday,time,mood,activities,note\n2026,1 March,Sunday,10:00,Chill,,\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as caught:
        journal.preview_daylio(path, {"chill": "11"})
    assert caught.value.field == "mood_map"
    assert caught.value.message == "⟦MOOD MAP: “chill” MUST MAP TO N(0)-N(10)⟧"
    with pytest.raises(ValidationError) as caught:
        journal.preview_daylio(path)
    assert caught.value.message == (
        '⟦LINE 2: MOOD “Chill” IS NOT MAPPED; ADD IT, E.G. --mood-map "Chill=5"⟧'
    )
    assert journal.is_empty()


def test_an_invalid_json_export_is_refused_in_translated_words_naming_its_record_and_field(
    journal: Journal, fake_locale: FakeLocale, tmp_path: Path
) -> None:
    """The error's field stays the file's own place (``days record 2, field mood``), for code
    to key on; the message wraps the record's own translated validation message."""
    bad = tmp_path / "export.json"
    bad.write_text(
        json.dumps(
            {
                "format": "connection-journal",
                "version": 1,
                "tables": {
                    "days": [{"date": "2026-03-01", "mood": 5}, {"date": "2026-03-02", "mood": 99}]
                },
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as caught:
        journal.import_json(bad)
    assert caught.value.field == "days record 2, field mood"
    assert caught.value.message == (
        "⟦days RECORD 2, FIELD mood: ⟦⟦MOOD⟧ MUST BE BETWEEN N(0) AND N(10)⟧⟧"
    )
    assert ("imports", "{table} record {index}, field {field}: {message}") in fake_locale.texts

    bad.write_text(
        '{"format": "connection-journal", "version": 1, "tables": {"days": [', encoding="utf-8"
    )
    with pytest.raises(ValidationError) as caught:
        journal.import_json(bad)
    assert caught.value.field == "file"
    assert caught.value.message.startswith("⟦FILE: NOT VALID JSON (LINE 1, COLUMN ")
    assert journal.is_empty()


# --- English by default ------------------------------------------------------------------------


def test_the_english_defaults_give_todays_sentences() -> None:
    """Nothing installed: the sentences read as before the hooks (a date's leading zero
    aside: "1 Jan 2026", not "01 Jan 2026")."""
    i18n.reset()
    sentences = {s.key: s.sentence for s in early_report().sentences}
    assert sentences["comparisons_checked"] == (
        "1 comparison of mood on days with and without each kind and mode of contact, in "
        "1 Jan 2026 to 20 Jan 2026: none clearly different once the number checked is allowed "
        "for."
    )
    assert sentences["isolation"] == (
        "Your last contact that felt good was today. The longest stretch of logged days without "
        "one in 1 Jan 2026 to 20 Jan 2026 was 3 logged days."
    )
    with pytest.raises(ValidationError, match=r"^sleep hours must be between 0 and 24$"):
        parse_day(TODAY, {"mood": "5", "sleep_hours": "30"})


# --- extraction --------------------------------------------------------------------------------


def _messages(ts: Path) -> set[tuple[str, str]]:
    tree = ET.parse(ts)
    return {
        (context.findtext("name"), message.findtext("source"))
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    }


@pytest.mark.skipif(
    shutil.which("pyside6-lupdate") is None, reason="pyside6-lupdate is not on PATH"
)
def test_lupdate_extracts_the_templates_with_their_contexts(tmp_path: Path) -> None:
    ts = tmp_path / "core.ts"
    sources = [
        ROOT / "journal" / "analysis" / "insight_sentences.py",
        ROOT / "journal" / "report" / "summary" / "charts.py",
        ROOT / "journal" / "report" / "summary" / "words.py",
        ROOT / "journal" / "domain" / "questionnaires.py",
    ]
    subprocess.run(
        ["pyside6-lupdate", *map(str, sources), "-ts", str(ts)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    found = _messages(ts)
    assert (
        "insights",
        "On days with {phrase}, your mood averaged {mood_with} vs "
        "{mood_without} on other days {figures}.",
    ) in found
    assert ("insights", "contact with your partner") in found  # a table entry (NOOP)
    assert ("summary", "Mood and contacts, day by day") in found
    assert ("summary", "{n} days") in found
    assert ("questionnaires", "Feeling down, depressed, or hopeless") in found


_TRANSLATING = {"translate", "QT_TRANSLATE_NOOP", "translate_count"}
_CORE = [
    *sorted((ROOT / "journal" / "analysis").glob("*.py")),
    *sorted((ROOT / "journal" / "domain").glob("*.py")),
    *sorted((ROOT / "journal" / "report").rglob("*.py")),
    *sorted((ROOT / "journal" / "services").glob("*.py")),
]


@pytest.mark.parametrize("path", _CORE, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_translation_call_names_its_context_literally(path: Path) -> None:
    """lupdate reads the call site: a context in a variable, or a text built with an
    f-string or ``+``, is never offered to a translator."""
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in _TRANSLATING
            and node.args
        ):
            continue
        context = node.args[0]
        if not (isinstance(context, ast.Constant) and isinstance(context.value, str)):
            problems.append(f"line {node.lineno}: context is not a literal")
        for text in node.args[1:3]:
            if isinstance(text, ast.JoinedStr | ast.BinOp):
                problems.append(f"line {node.lineno}: text is built, not a literal")
    assert not problems, problems
