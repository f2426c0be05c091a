"""The layering rules of STYLE.md ("a pure core, a thin Qt shell"), checked with ``ast`` so they
cannot rot.

Every module under ``journal/`` is read, none is listed by hand. What a module uses is every
``import`` and ``from … import`` at any depth (relative ones resolved to their absolute name),
every ``importlib.import_module("…")`` / ``__import__("…")``, and every string that names one of
our modules (the main window imports its pages lazily by name). The checker is plain functions
over a package folder: each rule is also tried on a deliberately bad tree and shown to report it
(``test_each_rule_bites``), and allowed trees are shown to pass (``test_what_is_allowed``).
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import ROOT

PACKAGE = ROOT / "journal"

QT = ("PySide6", "shiboken6", "pyqtgraph")
NETWORK = (
    "socket",
    "ssl",
    "urllib",
    "http",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "xmlrpc",
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
)
SQLITE = ("sqlite3", "sqlcipher3", "sqlite_utils")
#: Modules of ours that import nothing of ours, so anyone may import them. ``journal`` itself is
#: one (for ``__version__``), matched exactly: its subpackages are not leaves.
LEAVES = frozenset(
    {
        "journal",
        "journal.i18n",
        "journal.paths",
        "journal.desktop",
        "journal.progress",
        "journal.palette",
        "journal.buglog",
        "journal.atomic_file",
        "journal.heap",
    }
)
#: The one way in for the front ends (``ui``, ``cli``, ``app.py``), besides the leaves.
FRONT_DOOR = ("journal.services", "journal.domain")
#: The Qt modules outside ``ui`` and ``app.py``: the PDF renderer of the summary.
PDF = re.compile(r"journal\.report\.summary\.pdf\w*")
#: The portability modules of ``report``, which run SQL beside the store.
PORTABILITY = re.compile(r"journal\.report\.(export_\w+|import_\w+|merge|tables)")
#: Every module or package the rules name: a rename must update the rules, not silently void them.
NAMED = sorted(
    {
        *LEAVES,
        *FRONT_DOOR,
        "journal.app",
        "journal.cli",
        "journal.ui",
        "journal.store",
        "journal.analysis",
        "journal.report.summary",
        "journal.report.summary.pdf",
        "journal.report.summary.pdf_charts",
        "journal.report.export_json",
        "journal.report.export_csv",
        "journal.report.import_json",
        "journal.report.import_common",
        "journal.report.merge",
        "journal.report.tables",
    }
)

#: What the rules tolerate: (module, what it uses). It can only shrink:
#: ``test_known_exceptions_still_occur`` fails when one no longer occurs (delete it here),
#: ``test_rule_holds`` on anything new.
KNOWN_EXCEPTIONS: frozenset[tuple[str, str]] = frozenset(
    {
        # Deliberate: ``connection-journal check`` reads the file with the standard library's
        # sqlite3 alone, so it starts as fast as Python does (issue 21: check <= 3x a bare
        # ``python -c pass``); ``journal.services`` loads sqlite-utils on import.
        ("journal.cli.journal_commands", "journal.store.integrity"),
    }
)


@dataclass(frozen=True, order=True)
class Use:
    """One thing a module uses: a module by absolute name, or SQL (see ``SQL_USES``)."""

    name: str
    line: int
    lazy: bool = False  # inside a function: runs only when it is called


@dataclass(frozen=True, order=True)
class Violation:
    rule: str
    module: str
    used: str
    line: int

    def __str__(self) -> str:
        rule = RULES[self.rule].__doc__ or ""
        return f"{self.module}:{self.line} uses {self.used} — {rule.splitlines()[0]}"


def module_of(path: Path | str) -> str:
    """The dotted name of a module's path: ``journal/ui/__init__.py`` is ``journal.ui``."""
    parts = Path(path).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(package: Path) -> dict[str, Path]:
    """Every module under the folder ``package`` by absolute dotted name."""
    return {module_of(p.relative_to(package.parent)): p for p in sorted(package.rglob("*.py"))}


def absolute(name: str | None, level: int, package: str) -> str:
    """``from ..x import y`` in ``package`` → the module ``..x`` names, absolutely."""
    if level == 0:
        return name or ""
    parts = package.split(".")
    if level - 1 >= len(parts):
        raise ValueError(f"relative import beyond the top of {package}")
    base = parts[: len(parts) - (level - 1)]
    return ".".join([*base, name] if name else base)


_OURS = re.compile(r"journal(\.\w+)+")
_IMPORTERS = {"import_module", "__import__"}


_SQL = re.compile(
    r"\b(SELECT\s[\s\S]+?\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|"
    r"CREATE\s+(TABLE|INDEX|VIEW|TRIGGER)|DROP\s+TABLE|ALTER\s+TABLE|PRAGMA\s)"
)
_RUNS_SQL = {"execute", "executemany", "executescript", "query"}
#: What ``uses`` calls SQL it finds: a call that runs it, or SQL text in a string.
SQL_USES = {*(f".{name}()" for name in _RUNS_SQL), "SQL text"}
_SCOPES = ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef


def uses(source: str, module: str, *, is_package: bool, known: Collection[str]) -> set[Use]:
    """What ``module`` (its ``source``) uses: the modules it imports, with ``known`` the
    modules of the package (``from package import name`` uses the submodule when ``name`` is
    one), and the SQL it runs (docstrings aside: prose about a query is not one)."""
    package = module if is_package else module.rpartition(".")[0]
    found: set[Use] = set()
    docstrings: set[int] = set()

    def visit(node: ast.AST, lazy: bool) -> None:
        if isinstance(node, _SCOPES) and node.body and isinstance(node.body[0], ast.Expr):
            docstrings.add(id(node.body[0].value))
        for child in ast.iter_child_nodes(node):
            line = getattr(child, "lineno", 0)
            if isinstance(child, ast.Import):
                found.update(Use(alias.name, line, lazy) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = absolute(child.module, child.level, package)
                for alias in child.names:
                    sub = f"{base}.{alias.name}"
                    found.add(Use(sub if sub in known else base, line, lazy))
            elif isinstance(child, ast.Call):
                called = _called(child.func)
                if called in _RUNS_SQL and isinstance(child.func, ast.Attribute):
                    found.add(Use(f".{called}()", line, lazy))
                first = child.args[0] if child.args else None
                if called in _IMPORTERS and isinstance(first, ast.Constant):
                    name = str(first.value).lstrip(".")  # relative: to the module's package
                    dots = len(str(first.value)) - len(name)
                    found.add(Use(absolute(name or None, dots, package), line, lazy))
            elif isinstance(child, ast.Constant) and isinstance(child.value, str):
                if _OURS.fullmatch(child.value) and child.value in known:
                    found.add(Use(child.value, line, lazy))
                elif id(child) not in docstrings and _SQL.search(child.value):
                    found.add(Use("SQL text", line, lazy))
            inner = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            visit(child, lazy or inner)

    visit(ast.parse(source), False)
    return found


def _called(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def within(name: str, *prefixes: str) -> bool:
    """``name`` is one of ``prefixes`` or inside one (``journal.store.days`` is in
    ``journal.store``)."""
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def _shell(module: str) -> bool:
    return within(module, "journal.ui") or module == "journal.app"


def _front_end(module: str) -> bool:
    return _shell(module) or within(module, "journal.cli")


def _ours(use: Use) -> bool:
    return within(use.name, "journal")


def no_qt_in_core(module: str, use: Use) -> bool:
    """Outside ui/, app.py and report/summary/pdf*.py nothing imports Qt."""
    return not (_shell(module) or PDF.fullmatch(module)) and within(use.name, *QT)


def one_way_in(module: str, use: Use) -> bool:
    """ui, cli and app.py use of ours only journal.services, journal.domain and the leaves.

    Besides: ui and app.py use journal.ui; the command line its own modules and the app (which
    ``cli_app_lazily`` keeps inside the command that starts it)."""
    if not (_front_end(module) and _ours(use)) or use.name in LEAVES:
        return False
    own = ("journal.ui",) if _shell(module) else ("journal.cli", "journal.app")
    return not within(use.name, *FRONT_DOOR, *own)


def sql_at_home(module: str, use: Use) -> bool:
    """SQL runs only in store/ and report's portability modules; no front end holds sqlite."""
    home = within(module, "journal.store") or PORTABILITY.fullmatch(module)
    return (use.name in SQL_USES and not home) or (_front_end(module) and within(use.name, *SQLITE))


def summary_and_analysis_never_use_the_store(module: str, use: Use) -> bool:
    """report/summary and analysis never import journal.store."""
    summary_or_analysis = within(module, "journal.report.summary", "journal.analysis")
    return summary_or_analysis and within(use.name, "journal.store")


def analysis_and_domain_are_pure(module: str, use: Use) -> bool:
    """analysis and domain use of ours only journal.domain and the leaves (analysis itself)."""
    if within(module, "journal.analysis"):
        allowed: tuple[str, ...] = ("journal.domain", "journal.analysis")
    elif within(module, "journal.domain"):
        allowed = ("journal.domain",)
    else:
        return False
    return _ours(use) and not (within(use.name, *allowed) or use.name in LEAVES)


def leaves_are_leaves(module: str, use: Use) -> bool:
    """A leaf imports nothing of ours."""
    return module in LEAVES and _ours(use)


def only_the_shell_uses_ui(module: str, use: Use) -> bool:
    """Nothing imports journal.ui but ui and app.py."""
    return not _shell(module) and within(use.name, "journal.ui")


def no_network(module: str, use: Use) -> bool:
    """No network module anywhere."""
    return within(use.name, *NETWORK)


def cli_app_lazily(module: str, use: Use) -> bool:
    """The command line imports the app (and Qt) only inside the command that starts it."""
    shell = within(use.name, "journal.app", "journal.ui", *QT)
    return within(module, "journal.cli") and shell and not use.lazy


RULES = {
    rule.__name__: rule
    for rule in (
        no_qt_in_core,
        one_way_in,
        sql_at_home,
        summary_and_analysis_never_use_the_store,
        analysis_and_domain_are_pure,
        leaves_are_leaves,
        only_the_shell_uses_ui,
        no_network,
        cli_app_lazily,
    )
}


def check(package: Path) -> list[Violation]:
    """Every rule broken by any module under the folder ``package``."""
    found = modules(package)
    broken: list[Violation] = []
    for name, path in found.items():
        source = path.read_text(encoding="utf-8")
        used = uses(source, name, is_package=path.name == "__init__.py", known=found)
        for use in used:
            broken.extend(
                Violation(r, name, use.name, use.line)
                for r, rule in RULES.items()
                if rule(name, use)
            )
    return sorted(set(broken))


def missing(package: Path, named: Iterable[str] = NAMED) -> list[str]:
    """The modules the rules name that ``package`` does not have."""
    found = modules(package)
    return [name for name in named if name not in found]


def stale(found: Iterable[Violation], known: Collection[tuple[str, str]]) -> set[tuple[str, str]]:
    """The known exceptions that no longer occur."""
    return set(known) - {(v.module, v.used) for v in found}


@functools.cache
def _found_on_main() -> tuple[Violation, ...]:
    return tuple(check(PACKAGE))


def test_the_modules_the_rules_name_exist() -> None:
    gone = missing(PACKAGE)
    assert not gone, f"the rules name {gone}: moved? rename them in the rules too"


@pytest.mark.parametrize("rule", RULES)
def test_rule_holds(rule: str) -> None:
    new = [
        str(v)
        for v in _found_on_main()
        if v.rule == rule and (v.module, v.used) not in KNOWN_EXCEPTIONS
    ]
    assert not new, "\n".join(new)


def test_known_exceptions_still_occur() -> None:
    gone = stale(_found_on_main(), KNOWN_EXCEPTIONS)
    assert not gone, f"fixed, so remove them from KNOWN_EXCEPTIONS: {sorted(gone)}"


# ---- each rule tried on a small tree that breaks it ------------------------------------------


def tree(root: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (paths under ``root``, ``__init__.py`` added to every folder); returns
    the ``journal`` folder, the package to check."""
    for relative, source in files.items():
        path = root / relative
        for folder in path.relative_to(root).parents:
            if folder != Path("."):
                (root / folder).mkdir(parents=True, exist_ok=True)
                (root / folder / "__init__.py").touch()
        path.write_text(source, encoding="utf-8")
    return root / "journal"


#: For each rule, modules that break it: (where, its source, what the checker must say it uses).
#: The module used is made too (empty), so that ``from journal.store import people`` names it.
BAD = {
    "no_qt_in_core": [
        ("journal/services/days.py", "from PySide6.QtCore import QObject", "PySide6.QtCore"),
        ("journal/newcomer.py", "def f():\n    import pyqtgraph", "pyqtgraph"),
        ("journal/report/summary/html.py", "import PySide6.QtGui", "PySide6.QtGui"),
    ],
    "one_way_in": [
        ("journal/ui/pages/people.py", "from journal.store import people", "journal.store.people"),
        ("journal/ui/pages/today/page.py", "from ....store import people", "journal.store.people"),
        ("journal/ui/x.py", "import importlib\nimportlib.import_module('journal.report.merge')",
         "journal.report.merge"),
        ("journal/ui/y.py", "import importlib\nimportlib.import_module('..store', __package__)",
         "journal.store"),
        ("journal/cli/figures.py", "def run():\n    from journal.analysis import stats",
         "journal.analysis.stats"),
        ("journal/app.py", "from journal.store.connection import damaged",
         "journal.store.connection"),
        ("journal/cli/demo.py", "from journal import demo", "journal.demo"),
    ],
    "sql_at_home": [
        ("journal/ui/page.py", "def f(db):\n    db.execute('x')", ".execute()"),
        ("journal/services/days.py", "COUNT = f'SELECT count(*) FROM {t}'", "SQL text"),
        ("journal/report/summary/build.py", "def f(db):\n    return db.query('')", ".query()"),
        ("journal/cli/common.py", "import sqlite3", "sqlite3"),
    ],
    "summary_and_analysis_never_use_the_store": [
        ("journal/report/summary/inputs.py", "from ...store import days", "journal.store.days"),
        ("journal/analysis/person.py", "from ..store import people", "journal.store.people"),
    ],
    "analysis_and_domain_are_pure": [
        ("journal/domain/kinds.py", "from journal.services import Journal", "journal.services"),
        ("journal/analysis/series.py", "from ..report import tables", "journal.report.tables"),
    ],
    "leaves_are_leaves": [
        ("journal/i18n.py", "from journal.domain import errors", "journal.domain.errors"),
    ],
    "only_the_shell_uses_ui": [
        ("journal/services/days.py", "from journal.ui import theme", "journal.ui.theme"),
        ("journal/cli/open.py", "PAGE = 'journal.ui.pages.today.page'",
         "journal.ui.pages.today.page"),
    ],
    "no_network": [
        ("journal/ui/about.py", "import socket", "socket"),
        ("journal/app.py", "from PySide6.QtNetwork import QTcpSocket", "PySide6.QtNetwork"),
        ("journal/desktop.py", "def f():\n    import urllib.request", "urllib.request"),
    ],
    "cli_app_lazily": [
        ("journal/cli/__init__.py", "from journal.app import run", "journal.app"),
    ],
}  # fmt: skip
CASES = [(rule, *case) for rule, cases in BAD.items() for case in cases]


@pytest.mark.parametrize(
    ("rule", "path", "source", "used"), CASES, ids=[f"{c[0]}:{module_of(c[1])}" for c in CASES]
)
def test_each_rule_bites(tmp_path: Path, rule: str, path: str, source: str, used: str) -> None:
    files = {path: source}
    if within(used, "journal"):
        files.setdefault(used.replace(".", "/") + ".py", "")
    found = check(tree(tmp_path, files))
    assert (rule, module_of(path), used) in {(v.rule, v.module, v.used) for v in found}, found


def test_every_rule_is_tried() -> None:
    assert list(BAD) == list(RULES)


GOOD = {
    "the front ends through the front door": {
        "journal/services/__init__.py": "",
        "journal/domain/records.py": "",
        "journal/paths.py": "",
        "journal/ui/theme.py": "",
        "journal/ui/pages/today/page.py": (
            "from journal import __version__, paths\n"
            "from journal.services import Journal\n"
            "from journal.domain.records import Day\n"
            "from ... import theme\n"
            "import PySide6\n"
        ),
        "journal/ui/main_window.py": "PAGES = ['journal.ui.pages.today.page', 'journal.lock']\n",
        "journal/app.py": "from journal.ui import theme\nimport PySide6.QtWidgets\n",
        "journal/cli/__init__.py": "from . import common\ndef run():\n    import journal.app\n",
        "journal/cli/common.py": "from journal.services import Journal\n",
    },
    "SQL at home, Qt in the PDF": {
        "journal/store/days.py": "import sqlite3\ndef f(db):\n    db.execute('SELECT 1 FROM t')\n",
        "journal/report/merge.py": "def f(db):\n    db.query('DELETE FROM days')\n",
        "journal/report/import_daylio.py": "from ..store import days\nQ = 'INSERT INTO days'\n",
        "journal/report/summary/pdf_charts.py": "from PySide6.QtGui import QPainter\n",
        "journal/services/days.py": '"""No SELECT x FROM y here: the store runs it."""\n',
    },
    "the pure parts": {
        "journal/domain/records.py": "from journal.domain import kinds\nfrom journal import i18n\n",
        "journal/domain/kinds.py": "",
        "journal/i18n.py": "import gettext\n",
        "journal/analysis/stats.py": "from . import series\nfrom ..domain import records\n",
        "journal/analysis/series.py": "",
        "journal/report/summary/build.py": "from journal.analysis import stats\n",
    },
}


@pytest.mark.parametrize("files", GOOD.values(), ids=GOOD)
def test_what_is_allowed(tmp_path: Path, files: dict[str, str]) -> None:
    assert check(tree(tmp_path, files)) == []


def test_a_missing_named_module_bites(tmp_path: Path) -> None:
    package = tree(tmp_path, {"journal/ui/theme.py": "", "journal/paths.py": ""})
    assert missing(package, ["journal.ui", "journal.paths", "journal.store", "journal.i18n"]) == [
        "journal.store",
        "journal.i18n",
    ]


def test_a_fixed_known_exception_bites(tmp_path: Path) -> None:
    files = {
        "journal/store/people.py": "",
        "journal/ui/page.py": "from journal.store import people",
    }
    package = tree(tmp_path, files)
    known = {("journal.ui.page", "journal.store.people"), ("journal.ui.gone", "journal.store")}
    assert stale(check(package), known) == {("journal.ui.gone", "journal.store")}


def test_relative_imports_resolve_to_absolute_names() -> None:
    assert absolute("x", 1, "journal.ui.pages") == "journal.ui.pages.x"
    assert absolute(None, 2, "journal.ui.pages") == "journal.ui"
    assert absolute("store.days", 3, "journal.ui.pages") == "journal.store.days"
    with pytest.raises(ValueError):
        absolute("x", 3, "journal.ui")
