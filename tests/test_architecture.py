"""The layering rules of STYLE.md, checked by parsing imports so they cannot rot."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "journal"
QT = ("PySide6", "shiboken6", "pyqtgraph")
CORE = [
    "store",
    "domain",
    "analysis",
    "report",
    "cli",
    "services",
    "reminders.py",
    "desktop.py",
    "demo.py",
    "paths.py",
    "bench.py",
    "i18n.py",
    "progress.py",
]
#: The PDF renderer: the only modules of ``report`` that may use Qt.
PDF_MODULES = {
    ROOT / "report" / "summary" / "pdf.py",
    ROOT / "report" / "summary" / "pdf_charts.py",
}
NETWORK = ("socket", "urllib", "http", "requests", "httpx", "aiohttp", "ftplib", "smtplib")


def _modules(entry: str) -> list[Path]:
    path = ROOT / entry
    return sorted(path.rglob("*.py")) if path.is_dir() else [path] if path.exists() else []


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _top_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("entry", CORE)
def test_core_imports_no_qt(entry: str) -> None:
    for path in _modules(entry):
        if path in PDF_MODULES:
            continue
        imported = _imports(path) if entry != "cli" else _top_level_imports(path)
        bad = sorted(name for name in imported if name.split(".")[0] in QT)
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_cli_opens_the_app_only_lazily() -> None:
    for path in _modules("cli"):
        assert "journal.app" not in _top_level_imports(path), path


def test_domain_and_analysis_depend_only_on_domain() -> None:
    # journal.i18n is the one exception: the translation hooks every visible word goes
    # through, a leaf that imports nothing of ours (checked below)
    for entry in ("domain", "analysis"):
        allowed = ("journal.domain", f"journal.{entry}", "journal.i18n")
        for path in _modules(entry):
            ours = {n for n in _imports(path) if n.split(".")[0] == "journal"}
            bad = sorted(n for n in ours if not n.startswith(allowed))
            assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_i18n_is_a_leaf() -> None:
    ours = {n for n in _imports(ROOT / "i18n.py") if n.split(".")[0] == "journal"}
    assert not ours, f"i18n.py imports {sorted(ours)}"


def test_nothing_but_app_imports_ui() -> None:
    for path in ROOT.rglob("*.py"):
        if path.is_relative_to(ROOT / "ui") or path.name == "app.py":
            continue
        bad = [n for n in _imports(path) if n.startswith("journal.ui")]
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


_SQL = re.compile(
    r"\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
    r"CREATE\s+TABLE|PRAGMA\s)",
    re.IGNORECASE,
)


def test_widgets_hold_no_sql() -> None:
    for path in _modules("ui"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not _SQL.search(node.value), f"SQL in {path.relative_to(ROOT)}"
            if isinstance(node, ast.Attribute) and node.attr in {
                "execute",
                "executescript",
                "query",
            }:
                pytest.fail(f"{path.relative_to(ROOT)} runs queries ({node.attr})")
        assert "sqlite" not in " ".join(_imports(path)), path


def test_no_network_modules_anywhere() -> None:
    for path in ROOT.rglob("*.py"):
        bad = [
            n
            for n in _imports(path)
            if n.split(".")[0] in NETWORK or n.startswith("PySide6.QtNetwork")
        ]
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"
