"""The command line starts light: ``--version``, ``--help`` and ``check`` load neither
sqlite-utils nor numpy nor the services, and numpy runs on one BLAS thread.

No timing here (the benchmark, ``python -m journal.bench``, measures): these fail when an import
at the top of a CLI module brings the heavy modules back.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journal.domain.records import Day
from journal.services import Journal
from tests.helpers import FAST, ROOT, TODAY, fixed_clock

#: What a start without work must not load (each costs tens of milliseconds, numpy ~150).
HEAVY = (
    "sqlite_utils",
    "numpy",
    "journal.services",
    "journal.report.summary",
    "journal.analysis",
    "PySide6",
)


def _python(
    code: str, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env=env,
    )


def _loaded_by(code: str, *args: str) -> list[str]:
    """The heavy modules loaded after ``code`` ran (it may read ``sys.argv``)."""
    result = _python(
        code + f"\nimport sys\nprint(sorted(m for m in sys.modules if m.startswith({HEAVY!r})))",
        *args,
    )
    assert result.returncode == 0, result.stderr
    return eval(result.stdout.strip().splitlines()[-1])  # a printed list of names


def test_building_the_whole_parser_loads_nothing_heavy() -> None:
    assert _loaded_by("import journal.cli\njournal.cli.build_parser()") == []


def test_version_through_python_m_imports_nothing_heavy() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "journal", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0 and result.stdout.startswith("connection-journal ")
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "journal.cli" in imported  # the report was read
    assert not [m for m in imported if m.startswith(HEAVY)]


def _filled(folder: Path) -> Path:
    journal = Journal.open(folder, clock=fixed_clock)
    for i in range(3):
        journal.save_day(Day(date=TODAY - dt.timedelta(days=i), mood=5 + i))
    journal.close()
    return folder


_CHECK = """
import sys
from journal.cli import main
code = main(sys.argv[1:])
assert code == 0, code
"""


def test_check_reads_with_the_standard_library_alone(data_dir: Path) -> None:
    assert _loaded_by(_CHECK, "check", "--data-dir", str(_filled(data_dir))) == []


def test_a_command_given_its_folder_never_looks_for_the_default_one(data_dir: Path) -> None:
    """platformdirs (~5 ms) loads only for ``--help`` or a command without ``--data-dir``."""
    shown = "\nimport sys\nprint('platformdirs' in sys.modules)"
    result = _python(_CHECK + shown, "check", "--data-dir", str(_filled(data_dir)))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "False"


def test_help_still_names_the_default_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    from journal import paths

    monkeypatch.delenv(paths.ENV_VAR, raising=False)
    env = {k: v for k, v in os.environ.items() if k != paths.ENV_VAR}
    result = _python("from journal.cli import main; main(['--help'])", env=env)
    text = " ".join(result.stdout.split())  # argparse wraps lines at spaces
    assert f"(default: ${paths.ENV_VAR} or {paths.default_data_dir()})" in text
    assert f"({paths.demo_data_dir()}), never your own journal" in text


def test_every_help_text_formats_as_its_argument_is_added(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Python 3.14 formats each help text inside ``add_argument``: one naming a figure set
    on the action only afterwards fails there, and every command with it. Checked here the
    way 3.14 does, on any Python."""
    from journal.cli import build_parser

    adding = argparse._ActionsContainer._add_action

    def checked(container: argparse._ActionsContainer, action: argparse.Action) -> object:
        if action.help and action.help is not argparse.SUPPRESS:
            argparse.HelpFormatter("prog")._expand_help(action)  # raises on a bad text
        return adding(container, action)

    monkeypatch.setattr(argparse._ActionsContainer, "_add_action", checked)
    build_parser()


@pytest.mark.usefixtures("fast_kdf")
def test_check_of_an_encrypted_journal_needs_no_sqlite_utils(
    tmp_path: Path, data_dir: Path
) -> None:
    pytest.importorskip("sqlcipher3")
    folder = _filled(data_dir)
    secret = tmp_path / "secret"
    secret.write_text("correct horse battery\n", encoding="utf-8")
    journal = Journal.open(folder, clock=fixed_clock)
    journal.set_passphrase("correct horse battery")
    journal.close()
    fast = (
        "import sqlcipher3.dbapi2 as m\nc = m.connect(':memory:')\n"
        f"c.execute('PRAGMA cipher_default_kdf_iter = {FAST}')\nc.close()\n"
    )
    assert (
        _loaded_by(
            fast + _CHECK, "check", "--data-dir", str(folder), "--passphrase-file", str(secret)
        )
        == []
    )


@pytest.mark.parametrize("given", [None, "3"])
def test_numpy_gets_one_blas_thread_unless_the_person_chose(given: str | None) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
    }
    if given:
        env["OPENBLAS_NUM_THREADS"] = given
    result = _python(
        "import journal, os\nprint(os.environ['OPENBLAS_NUM_THREADS'], "
        "os.environ['OMP_NUM_THREADS'])",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [given or "1", "1"]


def test_the_map_of_commands_is_what_the_modules_register() -> None:
    import argparse
    import importlib

    from journal.cli import COMMAND_MODULES, MODULES
    from journal.cli.common import Parser, data_dir_parent

    registered: dict[str, str] = {}
    for name in MODULES:
        commands = Parser(prog="x").add_subparsers(dest="command", parser_class=Parser)
        importlib.import_module(f"journal.cli.{name}").register(commands, data_dir_parent())
        assert isinstance(commands, argparse._SubParsersAction)
        registered.update(dict.fromkeys(commands.choices, name))
    assert registered == COMMAND_MODULES
    assert list(registered) == list(COMMAND_MODULES)  # --help lists them in this order


@pytest.mark.parametrize(
    ("argv", "needed"),
    [
        ([], ()),
        (["--data-dir", "check"], ()),  # a folder called "check" opens the app
        (["--minimized", "--data-dir=x"], ()),
        (["--version"], ()),
        (["check"], ("journal_commands",)),
        (["--data-dir", "x", "--passphrase-file", "p", "topic", "list"], ("treatment_commands",)),
        (["person", "--help"], ("people_commands",)),
        (["--help"], "all"),
        (["-h", "check"], "all"),
        (["chek"], "all"),  # the error lists every command
        (["--data", "x", "check"], "all"),  # an abbreviated option: argparse decides
        (["--data", "export", "demo"], "all"),  # "export" is the abbreviation's folder
        (["--he"], "all"),
        (["--hel", "person"], "all"),
        (["-1"], "all"),
        (["-"], "all"),
        (["--bogus", "check"], "all"),
        (["--", "check"], "all"),
    ],
)
def test_a_command_line_builds_only_the_commands_it_needs(
    argv: list[str], needed: tuple[str, ...] | str
) -> None:
    from journal.cli import MODULES, modules_for

    assert modules_for(argv) == (MODULES if needed == "all" else needed)


def test_opening_the_app_imports_no_command_module() -> None:
    loaded = _python(
        "import sys, journal.cli\n"
        "args = journal.cli.build_parser(sys.argv[1:]).parse_args(sys.argv[1:])\n"
        "assert args.command is None\n"
        "print(sorted(m for m in sys.modules if m.endswith('_commands')))",
        "--data-dir",
        "somewhere",
    )
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "[]"
