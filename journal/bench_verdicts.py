"""The benchmark's goals, and how a measured figure is judged and printed (``journal.bench``
measures; this module says "met" or "MISSED" and lays out the table)."""

from __future__ import annotations

import os
import statistics
from dataclasses import dataclass, field

#: name -> (goal as printed, limit, what the limit is compared with)
GOALS: dict[str, tuple[str, float, str]] = {
    "start_first": ("≤ 0.9× baseline", 0.9, "baseline_start"),
    "start_later": ("≤ 0.9× baseline", 0.9, "baseline_start"),
    "memory": ("≤ 1.5× baseline", 1.5, "baseline_memory"),
    "save": ("≤ 10 ms", 10.0, "ms"),
    "refresh": ("≤ 100 ms", 100.0, "ms"),
    "insights_cli": ("≤ 1.3× 1 year", 1.3, "one_year"),
    "pdf_4_weeks": ("≤ 1.3× 1 year", 1.3, "one_year"),
    "export_json": ("≤ 1000 ms", 1000.0, "ms"),
    "import_json": ("≤ 3000 ms", 3000.0, "ms"),
    "import_daylio": ("≤ 1000 ms", 1000.0, "ms"),
    "cli_version": ("≤ 3× python -c pass", 3.0, "bare_python"),
    "cli_check": ("≤ 3× python -c pass", 3.0, "bare_python"),
}
#: The figures others are judged against (``judge`` pairs them by size).
REFERENCES = frozenset({"baseline_start", "baseline_memory", "bare_python"})
#: Refresh at 10 years against 1 year: flat in years.
REFRESH_GROWTH = 1.5


@dataclass
class Figure:
    """One measured figure: the median of ``samples`` (``None`` for "n/a") and their max.

    ``pair_ratios``: each run divided by the reference's run alternated with it (just
    before it), when the figure is judged against a reference measured beside it.
    """

    name: str
    years: int
    value: float | None
    unit: str
    maximum: float | None = None
    runs: int = 0
    goal: str = ""
    verdict: str = ""
    note: str = ""
    met: bool | None = field(default=None)
    pair_ratios: list[float] = field(default_factory=list)


def make_figure(
    name: str,
    years: int,
    samples: list[float],
    unit: str,
    note: str = "",
    scale: float = 1000.0,
    against: list[float] | None = None,
) -> Figure:
    """A figure from samples in seconds (or MB with ``scale=1``); ``against``: the
    reference's runs, one alternated with each sample, in the same order."""
    values = [s * scale for s in samples]
    figure = Figure(
        name, years, statistics.median(values), unit, max(values), len(values), note=note
    )
    if against is not None:
        if len(against) != len(samples):
            raise ValueError(f"{name}: {len(samples)} runs paired with {len(against)}")
        figure.pair_ratios = [s / a for s, a in zip(samples, against, strict=True)]
    return figure


def judge(figures: list[Figure], reference: dict[str, float]) -> None:
    """Judge every figure with a goal; ratios against the baselines or the 1-year figure.

    A ratio takes the reference measured at the same size, alternately with the figure (a
    moment the machine is busy then weighs on both): the baseline window, ``python -c pass``,
    or the 1-year journal's run (``<name>_1y``); ``reference`` (the whole benchmark's
    baseline runs) and the 1-year section's figures only where a size has none. Where the
    runs were paired (``pair_ratios``) the ratio is the median of the run-by-run ratios, as
    ``farm-bench --vs`` takes it: a burst of load on a shared machine that slows one pair
    moves that pair alone, where it can move two medians apart. The ratio of the medians is
    still printed in the note.
    """
    one_year = {f.name: f.value for f in figures if f.years == 1}
    paired = {
        (f.name, f.years): f.value
        for f in figures
        if (f.name in REFERENCES or f.name.endswith("_1y")) and f.years
    }
    for figure in figures:
        goal = GOALS.get(figure.name)
        if figure.value is None or goal is None:
            continue
        label, limit, against = goal
        figure.goal = label
        if against == "ms":
            ratio, ok = figure.value / limit, figure.value <= limit
            figure.verdict = f"{'met' if ok else 'MISSED'}"
        else:
            base = (
                paired.get((f"{figure.name}_1y", figure.years)) or one_year.get(figure.name)
                if against == "one_year"
                else paired.get((against, figure.years)) or reference[against]
            )
            if not base:
                continue
            ratio = figure.value / base
            if figure.pair_ratios:
                figure.note = "; ".join(
                    part
                    for part in (figure.note, f"run by run; ratio of the medians {ratio:.2f}×")
                    if part
                )
                ratio = statistics.median(figure.pair_ratios)
            ok = ratio <= limit
            figure.verdict = f"{ratio:.2f}× {'met' if ok else 'MISSED'}"
        figure.met = ok
    for figure in figures:
        short = paired.get(("refresh_1y", figure.years)) or one_year.get("refresh")
        if figure.name == "refresh" and figure.years == 10 and figure.value and short:
            growth = figure.value / short
            ok = growth <= REFRESH_GROWTH
            figure.goal += f", ≤ {REFRESH_GROWTH}× 1 year"
            figure.verdict += f"; {growth:.2f}× 1 year {'met' if ok else 'MISSED'}"
            figure.met = bool(figure.met) and ok


def machine() -> str:
    import platform

    cores = os.cpu_count() or 0
    return (
        f"{platform.machine()}, {cores} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def table(result: dict[str, object]) -> str:
    rows = [("figure", "years", "median", "max", "goal", "verdict", "note")]
    for f in result["figures"]:  # type: ignore[attr-defined]
        value = "n/a" if f["value"] is None else f"{f['value']:.1f} {f['unit']}"
        top = "" if f["maximum"] is None else f"{f['maximum']:.1f}"
        rows.append(
            (f["name"], str(f["years"] or "-"), value, top, f["goal"], f["verdict"], f["note"])
        )
    widths = [max(len(r[i]) for r in rows) for i in range(6)]
    lines = [
        f"Connection Journal benchmark on {result['machine']}, {result['repeat']} runs a figure"
        + (f", {result['cli_runs']} for the command line's" if result.get("cli_runs") else ""),
        f"{result['bytecode']}",
    ]
    for row in rows:
        lines.append(
            "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:6]))
            + ("  " + row[6] if row[6] else "")
        )
    lines.append("every goal met" if result["all_met"] else "some goals MISSED")
    return "\n".join(lines)
