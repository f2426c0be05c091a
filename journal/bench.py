"""``python -m journal.bench``: the performance figures of DESIGN.md section 10, measured.

Builds demo journals of 1 year and of each of ``--years`` in a temporary folder and measures,
in one run on one machine, every figure as the median of ``--repeat`` (at least 5) fresh runs
with its maximum, and judges every goal in the verdict column:

- start: the real ``connection-journal --data-dir DIR`` until the main window has painted and
  the event loop is idle, on the first start of the day (the daily backup due; the app makes
  it in a thread after that moment) and a later one (the day's backup made), each alternating
  with a bare PySide6 + pyqtgraph window (the baseline, one plot of 3,650 points), so a busy
  moment hits both alike;
- memory: the app's peak after visiting every page, every Trends range and one summary preview;
- save: a check-in saved from the Today page, with its reload;
- refresh: after a save, each chart page shown and painted, Trends on every range;
- one-shot work: ``insights --json`` over the whole journal and a 4-week PDF (CLI processes),
  judged against their 1-year figure;
- JSON export and import, a Daylio import of 3,650 rows into the journal, and the CLI's
  ``--version`` and ``check`` against a bare ``python -c pass``.

A ratio to a reference run alternately with the figure is the median of the run-by-run
ratios (each run against the reference's run just before it), as ``farm-bench --vs`` takes
it; the note gives the ratio of the two medians as well. The command-line figures take
``CLI_RUNS`` times ``--repeat`` runs: they are short, and their ratios are the noisiest.

Before measuring, the ``journal`` package is byte-compiled as pip does when it installs it
(``byte_compile``; the report's second line says so): a source checkout run with
``PYTHONDONTWRITEBYTECODE=1`` would otherwise compile every module at every start.

A figure whose feature has not landed is printed "n/a", never invented. No test times
anything: this command is where speed is proved.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from journal.bench_journals import daylio_csv as _daylio_csv
from journal.bench_journals import make_days_backup as _make_days_backup
from journal.bench_journals import make_journal as _make_journal
from journal.bench_scripts import APP, BASELINE, WINDOW
from journal.bench_verdicts import Figure, judge, machine, table
from journal.bench_verdicts import make_figure as _figure


def _run_window(script: str, *args: str) -> tuple[float, float]:
    """A fresh process until it reported a painted, idle window: seconds, peak MB."""
    env = {**os.environ}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, timeout=180
    )
    elapsed = time.perf_counter() - started
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("READY")), None)
    if line is None:
        raise RuntimeError(f"window process failed: {(result.stdout + result.stderr)[-500:]}")
    return elapsed, int(line.split()[1]) / 1024.0


def _run_command(*args: str) -> float:
    """Seconds a fresh ``python`` process takes; raises when it fails."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:3])} failed: {result.stderr.strip()[-300:]}")
    return elapsed


def _time(action: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def _measure_starts(
    folder: Path, span: int, repeat: int, baselines: list[tuple[float, float]]
) -> list[Figure]:
    """First and later starts of the day and the memory of a session, against the baseline."""
    first, later, memory = [], [], []
    own: list[tuple[float, float]] = []  # this size's baseline runs: what its starts are judged by
    backups = folder / "backups"
    for _ in range(repeat):  # alternate, so a busy moment hits the app and the baseline alike
        shutil.rmtree(backups, ignore_errors=True)  # the daily backup is due again
        own.append(_run_window(BASELINE))
        first.append(_run_window(APP, str(folder), "start")[0])
        _make_days_backup(folder)  # the window reports before its backup thread has run
        own.append(_run_window(BASELINE))
        later.append(_run_window(APP, str(folder), "start")[0])
        memory.append(_run_window(APP, str(folder), "pages")[1])
    baselines += own
    return [
        _figure("baseline_start", span, [b[0] for b in own], "ms", "run alternately with these"),
        _figure("baseline_memory", span, [b[1] for b in own], "MB", "peak", scale=1.0),
        _figure(
            "start_first",
            span,
            first,
            "ms",
            "first start of the day: daily backup due",
            against=[b[0] for b in own[0::2]],
        ),
        _figure(
            "start_later",
            span,
            later,
            "ms",
            "a later start: backup already made",
            against=[b[0] for b in own[1::2]],
        ),
        _figure(
            "memory",
            span,
            memory,
            "MB",
            "peak after every page, every Trends range and one summary preview",
            scale=1.0,
        ),
    ]


def _measure_core(folder: Path, work: Path, span: int, repeat: int, one_year: Path) -> list[Figure]:
    from journal.services import Journal

    figures: list[Figure] = []
    journal = Journal.open(folder, lock=False)
    today = journal.today()
    out = work / f"export-{span}.json"
    figures.append(
        _figure("export_json", span, _time(lambda: journal.export_json(out), repeat), "ms")
    )
    journal.close()

    def import_json() -> None:
        target = Journal.open(work / f"import-{span}-{time.perf_counter_ns()}", lock=False)
        target.import_json(out)
        target.close()

    figures.append(_figure("import_json", span, _time(import_json, repeat), "ms"))
    csv = _daylio_csv(work / "daylio.csv", 3650, today)
    copies = []
    for i in range(repeat):  # each import into a fresh copy of this journal
        copy = work / f"daylio-{span}-{i}"
        shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("backups", "*.lock"))
        copies.append(copy)
    pending = iter(copies)

    def import_daylio() -> None:
        target = Journal.open(next(pending), lock=False)
        target.import_daylio(csv, {}, {"friends": "friend", "walk": "coping"})
        target.close()

    try:
        figures.append(
            _figure(
                "import_daylio",
                span,
                _time(import_daylio, repeat),
                "ms",
                f"3,650 rows into the {span}-year journal (merged)",
            )
        )
    except Exception as error:  # report it; never invent a figure
        figures.append(
            Figure("import_daylio", span, None, "ms", note=f"n/a ({type(error).__name__}: {error})")
        )
    for copy in copies:
        shutil.rmtree(copy, ignore_errors=True)

    figures += _measure_one_shots(folder, work, span, repeat, today, one_year)
    cli = ("-m", "journal", "--data-dir", str(folder))
    bare, check = [], []
    for _ in range(CLI_RUNS * repeat):  # alternate, as the starts do
        bare.append(_run_command("-c", "pass"))
        check.append(_run_command(*cli, "check"))
    figures.append(_figure("bare_python", span, bare, "ms", "run alternately with check"))
    figures.append(_figure("cli_check", span, check, "ms", against=bare))
    return figures


def _measure_window(folder: Path, span: int, repeat: int) -> list[Figure]:
    """Save from the Today page; refresh of each chart page (Trends on every range).

    Measured in a fresh process (``bench_scripts.WINDOW``), so this module imports no Qt.
    """
    env = {**os.environ}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = subprocess.run(
        [sys.executable, "-c", WINDOW, str(folder), str(repeat)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("{")), None)
    if line is None:
        raise RuntimeError(f"window process failed: {result.stderr.strip()[-500:]}")
    measured = json.loads(line)
    saves = measured["save"]
    p95 = sorted(saves)[int(len(saves) * 0.95) - 1] * 1000
    views = measured["refresh"]
    label, samples = max(views.items(), key=lambda item: statistics.median(item[1]))
    return [
        _figure(
            "save",
            span,
            saves,
            "ms",
            f"p95 {p95:.1f} ms; Today page with its reload, {len(saves)} saves",
        ),
        _figure(
            "refresh",
            span,
            samples,
            "ms",
            f"after a save, slowest view: {label} (of {', '.join(views)})",
        ),
    ]


#: The command-line figures (one-shots, ``check``, ``--version``) take this many times
#: ``--repeat`` runs: each run is under a second, and theirs are the ratios a burst of load on
#: a shared machine moves most.
CLI_RUNS = 2

#: The one-shot commands judged against their 1-year figure: name -> (arguments, note).
ONE_SHOTS = {
    "insights_cli": (("insights", "--json"), "insights --json over the whole journal"),
    "pdf_4_weeks": (
        ("export", "--format", "pdf", "--from", "{four_weeks}", "--to", "{today}", "--out"),
        "export --format pdf, the last 4 weeks, default sections",
    ),
}


def _measure_one_shots(
    folder: Path, work: Path, span: int, repeat: int, today: dt.date, one_year: Path
) -> list[Figure]:
    """``insights --json`` and a 4-week PDF as CLI processes; past one year each run
    alternates with one over the 1-year journal (``<name>_1y``), which it is judged against:
    the machine's pace drifts over the minutes between the sizes."""
    four_weeks = (today - dt.timedelta(days=27)).isoformat()
    figures = []
    for name, (arguments, note) in ONE_SHOTS.items():
        words = [a.format(four_weeks=four_weeks, today=today.isoformat()) for a in arguments]
        if words[-1] == "--out":
            words.append(str(work / f"summary-{span}.pdf"))
        samples, short = [], []
        for _ in range(CLI_RUNS * repeat):
            if span != 1:
                short.append(_run_command("-m", "journal", "--data-dir", str(one_year), *words))
            samples.append(_run_command("-m", "journal", "--data-dir", str(folder), *words))
        if short:
            figures.append(_figure(f"{name}_1y", span, short, "ms", "run alternately with these"))
        figures.append(_figure(name, span, samples, "ms", note, against=short or None))
    return figures


def byte_compile() -> str:
    """Byte-compile the ``journal`` package as pip does when it installs it, and say so.

    An installed app (a wheel through pip, the PyInstaller bundle) starts from bytecode; a
    source checkout under ``PYTHONDONTWRITEBYTECODE=1`` would compile the ~120 modules a
    start imports at every start, a state no person runs. Only the benchmark writes the
    ``.pyc`` files (into ``__pycache__``, or ``PYTHONPYCACHEPREFIX``); the app never does.
    """
    import compileall

    package = Path(__file__).resolve().parent
    modules = sum(1 for _ in package.rglob("*.py"))
    if not compileall.compile_dir(package, quiet=1):
        raise RuntimeError(f"python -m compileall {package} failed")
    return (
        f"{package.name}/ byte-compiled before measuring ({modules} modules, "
        "python -m compileall -q, as pip does at install)"
    )


def run(years: list[int], repeat: int) -> dict[str, object]:
    """Every figure, for 1 year and for each span in ``years``, from bytecode (see
    ``byte_compile``)."""
    bytecode = byte_compile()
    figures: list[Figure] = []
    baselines: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory(prefix="cj-bench-") as temp:
        work = Path(temp)
        bare, version = [], []
        for _ in range(CLI_RUNS * repeat):  # alternate, so a busy moment hits both alike
            bare.append(_run_command("-c", "pass"))
            version.append(_run_command("-m", "journal", "--version"))
        one_year = work / "journal-1y"  # kept: the longer journals' figures alternate with it
        for span in sorted({1, *years}):
            folder = work / f"journal-{span}y"
            started = time.perf_counter()
            _make_journal(folder, span * 365)
            built = time.perf_counter() - started
            starts = _measure_starts(folder, span, repeat, baselines)
            next(
                f for f in starts if f.name == "start_first"
            ).note += f"; demo built in {built:.1f} s"
            figures += starts
            if span != 1:  # the 1-year refresh again, just before: what growth is judged by
                short = _measure_window(one_year, 1, repeat)
                figures += [
                    Figure(
                        **{
                            **asdict(f),
                            "name": "refresh_1y",
                            "years": span,
                            "note": "the 1-year journal, just before",
                        }
                    )
                    for f in short
                    if f.name == "refresh"
                ]
            figures += _measure_window(folder, span, repeat)
            figures += _measure_core(folder, work, span, repeat, one_year)
            if span != 1:
                shutil.rmtree(folder, ignore_errors=True)
        starts_s = [b[0] for b in baselines]
        memory_mb = [b[1] for b in baselines]
        figures[:0] = [
            _figure(
                "baseline_start",
                0,
                starts_s,
                "ms",
                "bare PySide6 window with one PlotWidget of 3,650 points, run alternately "
                "with the app; each size is judged by its own runs (below)",
            ),
            _figure("baseline_memory", 0, memory_mb, "MB", "peak", scale=1.0),
            _figure("bare_python", 0, bare, "ms", "python -c pass"),
            _figure("cli_version", 0, version, "ms", "connection-journal --version", against=bare),
        ]
        reference = {f.name: f.value for f in figures[:3] if f.value}
        judge(figures, reference)
    judged = [f for f in figures if f.met is not None]
    return {
        "machine": machine(),
        "bytecode": bytecode,
        "years": sorted({1, *years}),
        "repeat": repeat,
        "cli_runs": CLI_RUNS * repeat,
        "all_met": all(f.met for f in judged),
        "figures": [asdict(f) for f in figures],
    }


def _years(text: str) -> list[int]:
    try:
        spans = [int(part) for part in text.replace(",", " ").split()]
    except ValueError:
        raise argparse.ArgumentTypeError("a list of whole years, e.g. 1,10,50") from None
    if not spans or min(spans) < 1:
        raise argparse.ArgumentTypeError("every span must be at least 1 year")
    return spans


def null_rates(journals: int, seed: int = 17) -> list[dict[str, float]]:
    """The false-finding rate and the power of the insights on simulated journals
    (``analysis.simulation``): mood unrelated to contacts, then +1.5 on partner days."""
    from journal.analysis.simulation import null_rate, power

    rows = []
    for number, phi in enumerate((0.6, 0.85)):
        found, n = null_rate(journals, phi=phi, seed=seed + number)
        hits, _ = power(journals, phi=phi, seed=seed + 100 + number)
        rows.append(
            {
                "phi": phi,
                "journals": n,
                "null_clear": found,
                "null_rate": found / n,
                "power_found": hits,
                "power": hits / n,
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m journal.bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--years",
        type=_years,
        default=[10, 50],
        help="journal sizes in years, e.g. 1,10,50 (1 is always measured; default 10,50)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=5,
        help="fresh runs per figure (default 5; the verdicts need 5)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON for machines")
    parser.add_argument(
        "--null-rate",
        type=int,
        metavar="JOURNALS",
        default=0,
        help="instead: simulate JOURNALS journals per autocorrelation (0.6, "
        "0.85) and print how many got a clear figure by chance, and how "
        "often a true partner difference was found",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.null_rate:
        result = null_rates(args.null_rate)
        print(
            json.dumps(result, indent=2)
            if args.json
            else "\n".join(
                f"lag-1 {r['phi']}: {r['null_clear']} of {r['journals']} null journals had a clear "
                f"figure ({r['null_rate']:.1%}); partner +1.5 found clear in {r['power_found']} of "
                f"{r['journals']} ({r['power']:.1%})"
                for r in result
            )
        )
        return 0
    result = run(args.years, args.repeat)
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
