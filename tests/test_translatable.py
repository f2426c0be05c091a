"""Every user-visible string of the Qt shell goes through ``tr()``, checked by parsing the code.

A literal passed straight to ``setText``, ``QLabel(...)``, ``QMessageBox.information`` … is
shown in English whatever the language, and ``pyside6-lupdate`` never offers it to a
translator. This test reads ``journal/ui`` and ``journal/app.py`` with ``ast`` and names every
such literal, so a new one fails here rather than in a translator's bug report. Strings that
reach the widgets through helpers are covered by the pseudo-translation run in
``tests/ui/test_translations.py``.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*sorted((ROOT / "journal" / "ui").rglob("*.py")), ROOT / "journal" / "app.py"]

#: Positions of the text arguments of each text-bearing call (``None``: every positional
#: argument). Keyed by the called name, whether a method (``label.setText``) or a class.
TEXT_ARGS: dict[str, tuple[int, ...] | None] = {
    # QWidget and friends
    "setText": None,
    "setWindowTitle": None,
    "setToolTip": None,
    "setStatusTip": None,
    "setWhatsThis": None,
    "setPlaceholderText": None,
    "setAccessibleName": None,
    "setAccessibleDescription": None,
    "setTitle": None,
    "setHtml": None,
    "setMarkdown": None,
    "setSuffix": None,
    "setPrefix": None,
    "setSpecialValueText": None,
    "setFormat": None,
    "setInformativeText": None,
    "setDetailedText": None,
    "setLabelText": None,
    "setCancelButtonText": None,
    "setButtonText": None,
    "showMessage": (0,),
    "addAction": None,
    "addMenu": None,
    "addTab": None,
    "insertTab": None,
    "setTabText": None,
    "setTabToolTip": None,
    "setItemText": None,
    "setHorizontalHeaderLabels": None,
    "setVerticalHeaderLabels": None,
    "setHeaderLabels": None,
    "setHeaderLabel": None,
    "addItems": None,
    "insertItem": (1,),
    "addButton": (0,),
    "addRow": (0,),
    "setDefaultSuffix": (),
    "setNameFilter": None,
    "setNameFilters": None,
    # classes whose first arguments are their text
    "QLabel": None,
    "QPushButton": None,
    "QCheckBox": None,
    "QRadioButton": None,
    "QGroupBox": None,
    "QAction": None,
    "QMenu": None,
    "QToolButton": None,
    "QCommandLinkButton": None,
    "QListWidgetItem": None,
    "QTableWidgetItem": None,
    "QTreeWidgetItem": None,
    "QStandardItem": None,
    "QMessageBox": None,
    "QProgressDialog": (0, 1),
    "TextItem": None,
    "LabelItem": None,
    # static dialogs: (parent, title, text, …)
    "information": None,
    "warning": None,
    "question": None,
    "critical": None,
    "about": None,
    "getText": (1, 2),
    "getItem": (1, 2),
    "getInt": (1, 2),
    "getDouble": (1, 2),
    "getSaveFileName": (1, 3),
    "getOpenFileName": (1, 3),
    "getExistingDirectory": (1,),
}
STATIC_DIALOGS = {
    "information",
    "warning",
    "question",
    "critical",
    "about",
    "getText",
    "getItem",
    "getInt",
    "getDouble",
    "getSaveFileName",
    "getOpenFileName",
    "getExistingDirectory",
}
#: Keyword arguments that are text wherever they appear (Qt's property keywords).
TEXT_KEYWORDS = {
    "text",
    "toolTip",
    "windowTitle",
    "placeholderText",
    "accessibleName",
    "accessibleDescription",
    "statusTip",
    "whatsThis",
    "title",
    "labelText",
}
#: Keyword arguments that are text on Qt and pyqtgraph classes (``QSpinBox(suffix=…)``,
#: ``ColorBarItem(label=…)``) but may mean something else on our own (``prefix="person_"``).
QT_TEXT_KEYWORDS = {"caption", "filter", "units", "suffix", "prefix", "specialValueText", "label"}
#: pyqtgraph items whose ``name`` is shown in a legend.
LEGEND_NAMED = {"plot", "PlotDataItem", "PlotCurveItem", "ScatterPlotItem", "BarGraphItem"}
#: The translation calls: a literal inside one of them is what lupdate collects.
TRANSLATORS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
#: Literals with letters that are deliberately the same in every language.
ALLOWED = {
    "Ctrl+S",
    "Ctrl+F",
    "Ctrl+Q",
    "F1",  # key sequences, translated by QKeySequence itself
}
LETTER = re.compile(r"[^\W\d_]")
MARKUP = re.compile(r"<[^>]*>|&[a-z]+;")
#: Home-made translation helpers, which lupdate does not recognise.
WRAPPER = re.compile(r"^(?:_+tr_*|tr_+|_|_translate|trans)$")


@dataclass(frozen=True, slots=True)
class Finding:
    """One literal that reaches a text-bearing call untranslated."""

    path: str
    line: int
    call: str
    text: str
    why: str = "is not wrapped in tr()"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.call}({self.text!r}) {self.why}"


def _called_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _bare_text(node: ast.expr) -> str | None:
    """The English words of ``node`` if it is text that was never translated, else None.

    A literal, an f-string, a ``%`` or ``+`` of them, ``"…".format(…)`` on a literal and
    either branch of a conditional all count; a name or a call (``self.tr(…)``) does not.
    """
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
        return text if _has_words(text) and text.strip() not in ALLOWED else None
    if isinstance(node, ast.JoinedStr):
        words = "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
        return ast.unparse(node) if _has_words(words) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _bare_text(node.left) or (
            _bare_text(node.right) if isinstance(node.op, ast.Add) else None
        )
    if isinstance(node, ast.IfExp):
        return _bare_text(node.body) or _bare_text(node.orelse)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"format", "replace", "join", "strip", "upper", "title"}
    ):
        return _bare_text(node.func.value)
    if isinstance(node, ast.List | ast.Tuple):
        for element in node.elts:
            if (found := _bare_text(element)) is not None:
                return found
    return None


def _has_words(text: str) -> bool:
    """Letters outside markup: "<h3>{title}</h3>" has none, "<b>Mood</b>" has."""
    return bool(LETTER.search(MARKUP.sub("", text)))


def _text_arguments(node: ast.Call, name: str) -> list[ast.expr]:
    args = [arg for arg in node.args if not isinstance(arg, ast.Starred)]
    if name in STATIC_DIALOGS and not (
        isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id.startswith("Q")
    ):
        return []  # log.warning(…), not QMessageBox.warning(…)
    if name == "addItem":
        # QComboBox.addItem(text, data) or addItem(icon, text, data); a legend's
        # addItem(item, name): the first text-like argument is the text, data follows it
        if args and _is_textual(args[0]):
            return args[:1]
        return args[1:2]
    if name == "setLabel":  # pyqtgraph: setLabel("left", text) or axis.setLabel(text)
        return args[1:2] if len(args) >= 2 else args[:1]
    positions = TEXT_ARGS.get(name, ())
    if positions is None:
        return args
    return [args[i] for i in positions if i < len(args)]


def _is_textual(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant | ast.JoinedStr | ast.BinOp):
        return True
    return isinstance(node, ast.Call) and _called_name(node) in TRANSLATORS | {"format", "arg"}


def _unextractable(node: ast.Call, name: str) -> tuple[str, str] | None:
    """Why lupdate cannot collect this translation call, or None when it can.

    ``tr(variable)`` and ``tr(f"…")`` find nothing to offer a translator (a table of words is
    marked with ``QT_TRANSLATE_NOOP("context", …)`` and shown with
    ``translate("context", word)``), and a wrapper such as ``_tr("…")`` is invisible to it.
    """
    arguments = ", ".join(map(ast.unparse, node.args))
    if WRAPPER.match(name):
        return arguments, "is a wrapper lupdate does not see: use tr() or translate()"
    if (
        name == "tr"
        and node.args
        and not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str))
    ):
        return arguments, "is not a literal: lupdate finds nothing to translate"
    if (
        name == "translate"
        and len(node.args) >= 2
        and isinstance(node.args[1], ast.JoinedStr | ast.BinOp | ast.Call)
    ):
        return arguments, "formats before translating: translate the template, then format"
    return None


def _inside_f_strings(tree: ast.AST) -> set[ast.Call]:
    """Translation calls of literals inside an f-string, where lupdate does not look."""
    hidden: set[ast.Call] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            hidden.update(
                inner
                for inner in ast.walk(node)
                if isinstance(inner, ast.Call)
                and _called_name(inner) in TRANSLATORS
                and any(isinstance(arg, ast.Constant) for arg in inner.args[1:2] or inner.args[:1])
            )
    return hidden


def untranslated(source: str, path: str = "<source>") -> list[Finding]:
    """Every literal with letters passed directly to a text-bearing Qt call in ``source``, and
    every translation call lupdate cannot collect."""
    findings: list[Finding] = []
    tree = ast.parse(source)
    hidden = _inside_f_strings(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _called_name(node)
        if node in hidden:
            findings.append(
                Finding(
                    path,
                    node.lineno,
                    name,
                    ", ".join(map(ast.unparse, node.args)),
                    "is inside an f-string, where lupdate does not look",
                )
            )
            continue
        if (problem := _unextractable(node, name)) is not None:
            findings.append(Finding(path, node.lineno, name, *problem))
            continue
        if name in TRANSLATORS:
            continue
        candidates = (
            _text_arguments(node, name)
            if name in TEXT_ARGS or name in {"addItem", "setLabel"}
            else []
        )
        qt_class = name[:1] == "Q" or name in TEXT_ARGS or name.endswith("Item")
        candidates += [
            kw.value
            for kw in node.keywords
            if kw.arg in TEXT_KEYWORDS
            or (kw.arg == "name" and name in LEGEND_NAMED)
            or (kw.arg in QT_TEXT_KEYWORDS and qt_class)
        ]
        for argument in candidates:
            text = _bare_text(argument)
            if text is not None:
                findings.append(Finding(path, argument.lineno, name, text))
    return findings


BAD_SNIPPET = """
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton
class Page(QWidget):
    def __init__(self, count):
        self.title = QLabel("Today", objectName="title")
        self.save = QPushButton(f"Save {count} days")
        self.save.setToolTip("Saves " + "the day")
        QMessageBox.warning(self, "Not saved", self.tr("Try again."))
        self.combo.addItem("Light", "light")
        self.legend.addItem(curve, "Mood")
        self.plot.setLabel("left", "Mood")
        self.plot.plot(x, y, name="Average")
        self.box.setText("{n} days".format(n=count))
        self.about.setHtml(f"<p>{privacy}</p><b>Licences</b>")
        self.label = QLabel(text="Never" if count else "Once")
        self.title.setText(self.tr(TITLES[key]))
        self.hint.setText(_tr("Hidden from lupdate"))
        self.note.setText(QCoreApplication.translate("Page", f"{count} notes"))
        self.about.setHtml(f"<h3>{self.tr('Licences')}</h3>")
"""

GOOD_SNIPPET = """
from PySide6.QtCore import QCoreApplication
class Page(QWidget):
    def __init__(self, count, name):
        self.title = QLabel(self.tr("Today"), objectName="title")
        self.save = QPushButton(self.tr("Save {n} days").format(n=count))
        self.save.setToolTip(QCoreApplication.translate("Page", "Saves the day"))
        QMessageBox.warning(self, self.tr("Not saved"), self.tr("Try again."))
        self.combo.addItem(self.tr("Light"), "light")
        self.legend.addItem(curve, self.tr("Mood"))
        self.plot.setLabel("left", self.tr("Mood"))
        log.warning("could not save the %s", "window size")  # a log, not a message box
        self.person.setText(name)  # data the person typed
        self.dash.setText("—")
        licences = self.tr("Licences")
        self.about.setHtml(f"<h3>{licences}</h3><ul>{items}</ul>")
        self.shortcut.setText("Ctrl+S")
        self.label = QLabel(objectName="summary", wordWrap=True)
        self.kind.setText(QCoreApplication.translate("choices", LABELS[kind]))
"""


def test_the_checker_finds_every_kind_of_bare_literal() -> None:
    found = {(finding.call, finding.text) for finding in untranslated(BAD_SNIPPET)}
    assert all(str(finding).startswith("<source>:") for finding in untranslated(BAD_SNIPPET))
    assert found == {
        ("QLabel", "Today"),
        ("QPushButton", "f'Save {count} days'"),
        ("setToolTip", "Saves "),
        ("warning", "Not saved"),
        ("addItem", "Light"),
        ("addItem", "Mood"),
        ("setLabel", "Mood"),
        ("plot", "Average"),
        ("setText", "{n} days"),
        ("QLabel", "Never"),
        ("setHtml", "f'<p>{privacy}</p><b>Licences</b>'"),
        ("tr", "TITLES[key]"),
        ("_tr", "'Hidden from lupdate'"),
        ("translate", "'Page', f'{count} notes'"),
        ("tr", "'Licences'"),
    }


def test_the_checker_accepts_translated_text_data_and_symbols() -> None:
    assert untranslated(GOOD_SNIPPET) == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_visible_literal_is_translated(path: Path) -> None:
    findings = untranslated(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert not findings, "\n".join(map(str, findings))
