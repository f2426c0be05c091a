"""The benchmark cannot rot: a one-year, one-repeat run completes and reports every figure.

No test asserts a time; ``python -m journal.bench`` is where speed is proved.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_smoke_run_reports_every_figure() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "journal.bench", "--years", "1", "--repeat", "1", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    names = {f["name"] for f in report["figures"]}
    assert {
        "baseline_start",
        "baseline_memory",
        "bare_python",
        "cli_version",
        "start_first",
        "start_later",
        "memory",
        "save",
        "refresh",
        "insights_cli",
        "pdf_4_weeks",
        "export_json",
        "import_json",
        "import_daylio",
        "cli_check",
    } <= names
    for figure in report["figures"]:
        if figure["name"] in ("start_first", "start_later", "memory", "cli_check"):
            # every goal is judged: a ratio against its reference and a verdict
            assert figure["value"] > 0 and figure["verdict"].endswith(("met", "MISSED"))
            assert figure["met"] in (True, False)
    assert isinstance(report["all_met"], bool)
    # measured from bytecode, as an installed app starts, and the report says so
    assert "byte-compiled before measuring" in report["bytecode"]
    assert "compileall" in report["bytecode"]


def test_bench_rejects_bad_arguments() -> None:
    for years in ("0", "1,x", "10,-1"):
        result = subprocess.run(
            [sys.executable, "-m", "journal.bench", "--years", years],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=ROOT,
        )
        assert result.returncode == 2, years
        assert "at least 1" in result.stderr or "whole years" in result.stderr


def test_null_rate_counts_clear_figures_on_simulated_journals(capsys) -> None:
    from journal.bench import main

    assert main(["--null-rate", "3", "--json"]) == 0
    import json

    rows = json.loads(capsys.readouterr().out)
    assert [r["phi"] for r in rows] == [0.6, 0.85]
    for row in rows:
        assert row["journals"] == 3 and 0 <= row["null_clear"] <= 3
        assert row["null_rate"] == row["null_clear"] / 3 and 0 <= row["power"] <= 1


def test_a_paired_figure_is_judged_by_its_run_by_run_ratios() -> None:
    from journal.bench_verdicts import judge, make_figure

    # the machine slows down from the third 50-year run on, and from the fourth 1-year run:
    # the medians drift apart (1.83x), the pairs do not (but one, each 1.1x its 1-year run)
    short = [0.30, 0.30, 0.30, 0.50, 0.50]
    long = [0.33, 0.33, 0.55, 0.55, 0.55]
    figures = [
        make_figure("insights_cli_1y", 50, short, "ms"),
        make_figure("insights_cli", 50, long, "ms", against=short),
    ]
    judge(figures, {})
    judged = figures[1]
    assert judged.pair_ratios == [y / x for x, y in zip(short, long, strict=True)]
    assert judged.verdict == "1.10× met" and judged.met is True
    assert "ratio of the medians 1.83×" in judged.note
    unpaired = [
        make_figure("insights_cli_1y", 50, short, "ms"),
        make_figure("insights_cli", 50, long, "ms"),
    ]
    judge(unpaired, {})
    assert unpaired[1].verdict == "1.83× MISSED" and unpaired[1].met is False


def test_a_figure_paired_with_a_different_number_of_runs_is_refused() -> None:
    import pytest

    from journal.bench_verdicts import make_figure

    with pytest.raises(ValueError, match="3 runs paired with 2"):
        make_figure("cli_check", 1, [0.1, 0.1, 0.1], "ms", against=[0.05, 0.05])
