"""No sentence the person can read says they have a condition.

The journal reports scores and the published band names ("moderate", "poor wellbeing"); it
never diagnoses. This scans every string constant of the modules that put words on screen or
in the therapist summary (docstrings aside) for diagnostic wording.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "journal"

#: Where user-visible words live: the whole Qt shell, the insight sentences, the published
#: questionnaires and crisis lines, and the therapist summary's templates.
SOURCES = [
    *sorted((ROOT / "ui").rglob("*.py")),
    ROOT / "analysis" / "insights.py",
    ROOT / "analysis" / "insight_sentences.py",
    ROOT / "analysis" / "insight_words.py",
    ROOT / "domain" / "questionnaires.py",
    ROOT / "domain" / "safety.py",
    *sorted((ROOT / "report" / "summary").glob("*.py")),
]

_PERSON = r"(?:you|you've|you're|your|the person|they|he|she)"
DIAGNOSTIC = [
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b{_PERSON}\s+(?:have|has|may have|might have|probably have|likely have|"
        r"could have|seem to have|are showing signs of)\s+(?:an?\s+)?"
        r"(?:\w+\s+)?(?:depression|anxiety|disorder|illness|condition)",
        r"\byou(?:'re| are)\s+(?:clinically\s+|probably\s+|likely\s+)?(?:depressed|mentally ill)",
        r"\bsuffer(?:s|ing)?\s+from\b",
        r"diagnos",
        rf"\b{_PERSON}\b[^.?!]{{0,40}}\bdisorder\b",
        r"\b(?:major|clinical)\s+depression\b",
        r"\bdepressive\s+(?:episode|disorder)\b",
        r"\blikely\s+(?:depression|anxiety|depressed)\b",
        r"\b(?:signs|symptoms)\s+of\s+(?:depression|anxiety)\b",
    )
]
#: Saying the journal does *not* diagnose is welcome.
ALLOWED = re.compile(
    r"\b(?:not|never|no|cannot|can't|doesn't|does not|isn't|is not)\s+"
    r"(?:an?\s+|give\s+an?\s+|make\s+an?\s+)?diagnos\w*",
    re.IGNORECASE,
)


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def visible_strings(path: Path) -> list[tuple[int, str]]:
    """Every string constant of ``path`` but its docstrings, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
    ]


def problems(text: str) -> list[str]:
    cleaned = ALLOWED.sub("", text)
    return [m.group(0) for pattern in DIAGNOSTIC for m in pattern.finditer(cleaned)]


@pytest.mark.parametrize(
    "path", [p for p in SOURCES if p.exists()], ids=lambda p: str(p.relative_to(ROOT))
)
def test_no_user_visible_string_is_diagnostic(path: Path) -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {found!r} in {text!r}"
        for line, text in visible_strings(path)
        for found in problems(text)
    ]
    assert not found, "\n".join(found)


def test_the_sources_that_must_be_scanned_exist() -> None:
    for path in (
        ROOT / "ui" / "pages" / "checkins" / "page.py",
        ROOT / "analysis" / "insights.py",
        ROOT / "analysis" / "insight_sentences.py",
        ROOT / "domain" / "questionnaires.py",
        ROOT / "domain" / "safety.py",
    ):
        assert path in SOURCES and path.exists()


@pytest.mark.parametrize(
    "sentence",
    [
        "You have depression.",
        "Your score shows you have moderate depression",
        "you are depressed",
        "You're clinically depressed",
        "You have anxiety",
        "You may have an anxiety disorder",
        "you suffer from loneliness",
        "This suggests a diagnosis of depression",
        "Likely major depression",
        "signs of depression",
        "your disorder is getting worse",
    ],
)
def test_the_check_catches_diagnostic_sentences(sentence: str) -> None:
    assert problems(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "PHQ-9: 11 — moderate",
        "WHO-5: 10 (40%) — poor wellbeing",
        "a way to see change over time, not a diagnosis.",
        "This journal does not diagnose.",
        "Feeling down, depressed, or hopeless",
        "Feeling nervous, anxious, or on edge",
        "moderately severe",
        "GAD-7",
        "Mood is higher on days with a contact (association, not proof of cause).",
    ],
)
def test_scores_band_names_and_published_items_are_fine(sentence: str) -> None:
    assert not problems(sentence)
