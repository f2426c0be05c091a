"""The summary PDF as a reader sees it: text extracted with pdftotext, fonts with pdffonts."""

import datetime as dt
import re
import subprocess

import pytest

from journal.cli import main
from journal.domain.kinds import CARE_TEAM, Instrument, Relationship
from journal.domain.records import Assessment
from journal.domain.sections import SECTIONS
from journal.progress import Cancelled
from journal.report.summary.names import name_parts
from journal.report.summary.pdf import render_pages, render_pdf
from journal.services import Journal
from journal.store.assessments import add_assessment
from tests.helpers import TODAY, fixed_clock, require_poppler

pytestmark = pytest.mark.usefixtures("poppler")  # fails, never skips, without poppler-utils

START = TODAY - dt.timedelta(days=55)
CHOSEN = {"overview", "charts", "insights", "questionnaires", "safety_plan"}


def pdf_text(path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", "-layout", *pages, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def page_count(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def names_of(journal) -> list[str]:
    """Every person's name, and the first or last names of the people close to them."""
    names = []
    for person in journal.people(include_archived=True):
        names.append(person.name)
        personal = person.relationship not in (
            Relationship.PEER_SUPPORT,
            Relationship.COMMUNITY,
            Relationship.OTHER,
        )
        if personal or person.relationship in CARE_TEAM:
            names.extend(p for p in name_parts(person.name) if len(p) >= 3 and p[0].isupper())
    return names


@pytest.fixture
def written(demo_journal, tmp_path):
    out = tmp_path / "summary.pdf"
    demo_journal.export_summary(out, START, TODAY, CHOSEN, "hidden", "A4")
    return out


def test_the_pdf_holds_the_chosen_sections_and_nothing_else(written):
    text = pdf_text(written)
    for key in CHOSEN:
        assert SECTIONS[key] in text, key
    for key in set(SECTIONS) - CHOSEN:
        assert SECTIONS[key] not in text, key
    assert "Mood and contacts, day by day" in text
    assert "Sessions attended" not in text and "Felt heard" not in text


def test_no_one_is_named_when_names_are_hidden(demo_journal, written):
    text = pdf_text(written)
    names = names_of(demo_journal)
    assert {"Jamie", "Sam", "Noor", "Chris", "Dana"} <= set(names)
    found = [n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)]
    assert not found
    assert "[partner]" in text  # the safety plan's "Jamie" became their relationship


def test_full_names_are_there_when_chosen(demo_journal, tmp_path):
    out = demo_journal.export_summary(tmp_path / "full.pdf", START, TODAY, {"safety_plan"}, "full")
    assert "Jamie" in pdf_text(out)


def test_text_is_searchable_with_fi_unmangled_and_pages_numbered(written):
    text = pdf_text(written)
    assert "Overview figures" in text
    assert "confidence" in text and "\ufb01" not in text and "\ufb02" not in text
    pages = page_count(written)
    assert pages >= 2
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text


def test_fonts_are_embedded_and_the_file_is_private(written):
    fonts = subprocess.run(
        ["pdffonts", str(written)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert fonts
    for line in fonts:
        assert re.search(r"\s(yes)\s+(no|yes)\s+(yes|no)\s+\d+\s+\d+\s*$", line), line
    assert written.stat().st_mode & 0o777 == 0o600


def test_charts_are_embedded_losslessly_at_print_resolution(written):
    listing = subprocess.run(
        ["pdfimages", "-list", str(written)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    # mood and contacts, mood by kind of contact, and the questionnaire scores (7 finished
    # weeks: too few for the weekly care chart)
    assert len(listing) == 3
    for line in listing:
        fields = line.split()
        assert fields[8] == "image"  # Flate, not JPEG
        assert int(fields[12]) >= 290  # x-ppi


def test_paper_sizes(demo_journal, tmp_path):
    out = demo_journal.export_summary(
        tmp_path / "letter.pdf", START, TODAY, {"overview"}, paper="Letter"
    )
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "612 x 792 pts" in info


def test_cancelling_writes_nothing_and_keeps_an_earlier_file(demo_journal, tmp_path):
    summary = demo_journal.build_summary(START, TODAY, set(SECTIONS))
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "summary.pdf"
    with pytest.raises(Cancelled):
        render_pdf(summary, out, cancelled=lambda: True)
    assert list(folder.iterdir()) == []

    out.write_bytes(b"an earlier summary")
    checks = iter(range(1000))
    with pytest.raises(Cancelled):  # cancelled while the pages are being drawn
        render_pdf(summary, out, cancelled=lambda: next(checks) >= 5)
    assert out.read_bytes() == b"an earlier summary"
    assert [p.name for p in folder.iterdir()] == ["summary.pdf"]


def test_progress_rises_to_100(demo_journal, tmp_path):
    seen = []
    summary = demo_journal.build_summary(START, TODAY, {"overview", "charts"})
    render_pdf(summary, tmp_path / "s.pdf", progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 100


def test_the_preview_shows_the_same_pages(demo_journal, written):
    pages = render_pages(demo_journal.build_summary(START, TODAY, CHOSEN), dpi=40)
    assert len(pages) == page_count(written)
    assert abs(pages[0].width() - 210 / 25.4 * 40) <= 1  # A4 at 40 dpi


def test_cli_exports_a_pdf(demo_journal, data_dir, tmp_path, capsys):
    demo_journal.close()  # the command opens the journal itself
    out = tmp_path / "cli.pdf"
    code = main(
        [
            "export",
            "--format",
            "pdf",
            "--out",
            str(out),
            "--data-dir",
            str(data_dir),
            "--from",
            "2026-02-16",
            "--to",
            "2026-03-15",
            "--sections",
            "overview,notes",
            "--names",
            "initials",
            "--paper",
            "letter",
        ]
    )
    assert code == 0
    assert "Exported the summary of 2026-02-16 to 2026-03-15" in capsys.readouterr().out
    text = pdf_text(out)
    assert "Overview figures" in text and "My notes" in text and "Charts" not in text
    assert "16 Feb 2026 to 15 Mar 2026" in text


def test_cli_refuses_unknown_sections_in_one_line(demo_journal, data_dir, tmp_path, capsys):
    demo_journal.close()
    out = tmp_path / "x.pdf"
    with pytest.raises(SystemExit) as exit_:
        main(
            [
                "export",
                "--format",
                "pdf",
                "--out",
                str(out),
                "--data-dir",
                str(data_dir),
                "--sections",
                "overview,diary",
            ]
        )
    assert exit_.value.code == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "unknown section “diary”" in error
    assert not out.exists()
    assert (
        main(
            [
                "export",
                "--format",
                "json",
                "--out",
                str(out),
                "--data-dir",
                str(data_dir),
                "--names",
                "full",
            ]
        )
        == 2
    )


@pytest.fixture
def year_journal(tmp_path):
    """A year of demo data ending on ``TODAY``."""
    from journal.demo import generate

    opened = Journal.open(tmp_path / "year", clock=fixed_clock)
    generate(opened, days=365, seed=7)
    yield opened
    opened.close()


@pytest.mark.parametrize("flagged", [False, True])
def test_four_weeks_fit_on_two_pages_with_scores_and_markers_on_page_1(
    demo_journal, tmp_path, flagged
):
    if flagged:  # a safety line adds to page 1
        add_assessment(
            demo_journal.db,
            Assessment(
                date=TODAY - dt.timedelta(days=3),
                instrument=Instrument.PHQ9,
                answers=(2, 2, 2, 1, 1, 1, 1, 1, 1),
            ),
        )
    out = demo_journal.export_summary(
        tmp_path / "four-weeks.pdf", TODAY - dt.timedelta(days=27), TODAY
    )  # the defaults
    assert page_count(out) <= 2
    first = pdf_text(out, page=1)
    for words in ("PHQ-9", "GAD-7", "Response", "Remission", "reached"):
        assert words in first, words
    order = [
        "Connection Journal summary",
        "chose what this summary holds",
        "At a glance",
        "Questionnaire",
        "Mood (0–10)",
        "Contacts",
        "Care team",
        "Doses taken",
        "Commitments kept",
        "Topics for the next session",
        "Mood and contacts, day by day",
    ]
    if flagged:
        order.insert(3, "Safety: PHQ-9 item 9")
        assert "was answered “several days” on 12 Mar 2026" in " ".join(first.split())
    at = 0
    for words in order:  # each after the one before
        at = first.index(words, at)
    text = pdf_text(out)
    assert not [
        n for n in names_of(demo_journal) if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)
    ]
    assert text.count("not proof of cause") == 1 and "your" not in text.lower()


def test_a_year_fits_on_four_pages(year_journal, tmp_path):
    out = year_journal.export_summary(tmp_path / "year.pdf", TODAY - dt.timedelta(days=364), TODAY)
    assert page_count(out) <= 4
    first = pdf_text(out, page=1)
    assert "PHQ-9" in first and "Remission" in first and "Doses taken" in first


def test_mood_dots_take_the_one_mood_palette(demo_journal):
    """The lowest and the highest mood are drawn in the palette's two ends."""
    import numpy as np

    from journal.palette import mood_colour
    from journal.report.summary.pdf import ensure_application
    from journal.report.summary.pdf_charts import chart_image

    ensure_application()
    summary = demo_journal.build_summary(TODAY - dt.timedelta(days=27), TODAY, {"charts"})
    timeline = summary.charts[0]
    daily = timeline.panels[0].series[0]
    assert daily.mood_dots and daily.marker == "circle"
    mood = np.full(len(timeline.days), np.nan)
    mood[3], mood[20] = 0, 10
    panel = timeline.panels[0]
    only = type(timeline)(
        timeline.title,
        timeline.caption,
        timeline.days,
        (
            type(panel)(
                panel.label,
                panel.low,
                panel.high,
                panel.ticks,
                (type(daily)(daily.label, mood, colour="grey", marker="circle", mood_dots=True),),
            ),
        ),
    )
    image = chart_image(only, 800, 150).convertToFormat(chart_image(only, 1, 1).format())
    pixels = np.frombuffer(image.constBits(), dtype=np.uint32).reshape(
        image.height(), image.bytesPerLine() // 4
    )
    colours = {f"#{int(p) & 0xFFFFFF:06x}" for p in np.unique(pixels)}
    assert mood_colour(0) in colours and mood_colour(10) in colours


def test_the_cli_makes_the_same_document_and_notes_a_safety_answer_left_out(
    demo_journal, data_dir, tmp_path, capsys, monkeypatch
):
    opener = Journal.open
    monkeypatch.setattr(
        Journal,
        "open",  # the command's journal on the tests' clock too
        lambda folder, **kwargs: opener(folder, **{**kwargs, "clock": fixed_clock}),
    )
    add_assessment(
        demo_journal.db,
        Assessment(
            date=TODAY - dt.timedelta(days=2),
            instrument=Instrument.PHQ9,
            answers=(1, 1, 1, 1, 1, 1, 1, 1, 1),
        ),
    )
    start = TODAY - dt.timedelta(days=27)
    app = demo_journal.export_summary(tmp_path / "app.pdf", start, TODAY)
    demo_journal.close()
    out = tmp_path / "cli.pdf"
    assert (
        main(
            [
                "export",
                "--format",
                "pdf",
                "--out",
                str(out),
                "--data-dir",
                str(data_dir),
                "--to",
                TODAY.isoformat(),
                "--paper",
                "a4",
            ]
        )
        == 0
    )
    assert "Note:" not in capsys.readouterr().out  # the questionnaires are in
    assert pdf_text(out) == pdf_text(app)
    assert page_count(out) <= 2 and "Safety: PHQ-9 item 9" in pdf_text(out, page=1)
    assert (
        main(
            [
                "export",
                "--format",
                "pdf",
                "--out",
                str(out),
                "--data-dir",
                str(data_dir),
                "--to",
                TODAY.isoformat(),
                "--sections",
                "overview,charts",
            ]
        )
        == 0
    )
    said = capsys.readouterr().out
    assert "Note: the PHQ-9 of 2026-03-13 had item 9 answered above 0" in said
    assert "Safety" not in pdf_text(out)


@pytest.mark.parametrize("names", ["hidden", "initials", "full"])
def test_names_as_chosen_never_doubled(demo_journal, tmp_path, names):
    """The demo's safety plan says "Dr. Lee (therapist); Dr. Patel (GP)"."""
    out = demo_journal.export_summary(tmp_path / f"{names}.pdf", START, TODAY, set(SECTIONS), names)
    text = " ".join(pdf_text(out).split())
    assert not re.search(r"\((therapist|clinician)\) \((therapist|clinician)\)", text)
    assert "] (therapist)" not in text and ") (clinician)" not in text
    shown = {"hidden": "[therapist]", "initials": "L. (therapist)", "full": "Dr. Lee (therapist)"}[
        names
    ]
    assert shown in text
    if names == "hidden":
        assert "Lee" not in text and "Patel" not in text


def test_a_machine_without_poppler_fails_rather_than_skips(monkeypatch) -> None:
    monkeypatch.setenv("PATH", "")  # shutil.which finds none of the tools
    with pytest.raises(pytest.fail.Exception, match="install poppler-utils"):
        require_poppler()
