"""Simulated journals for checking the statistics themselves: false findings and power.

A year of days where mood follows an AR(1) process (neighbouring days alike, lag-1
autocorrelation ``phi``) and contacts of several kinds come and go in spells (each kind a
two-state Markov chain, so contact days are autocorrelated too). With ``partner_effect`` 0
mood has nothing to do with contacts: any clear comparison is a false finding. With an effect,
mood is that much higher on days with a partner contact, which the insights should find.

``null_rate`` and ``power`` are used by the test suite (a few dozen journals) and by
``python -m journal.bench --null-rate`` (hundreds).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from journal.analysis.insights import InsightReport, compute_insights
from journal.analysis.series import TOTAL_COLUMNS, DailySeries, series_from_totals
from journal.domain.kinds import Mode, Relationship

START = dt.date(2025, 1, 1)
#: kind → (share of days with a contact of that kind, lag-1 autocorrelation of those days)
KINDS = {
    Relationship.PARTNER: (0.40, 0.5),
    Relationship.FAMILY: (0.25, 0.4),
    Relationship.FRIEND: (0.30, 0.3),
    Relationship.COLLEAGUE: (0.35, 0.6),
    Relationship.NEIGHBOUR: (0.10, 0.2),
    Relationship.PEER_SUPPORT: (0.12, 0.3),
}
_COLUMN = {name: i for i, name in enumerate(TOTAL_COLUMNS)}
_MODES = list(Mode)


@dataclass(frozen=True, slots=True)
class Simulated:
    """One simulated journal: its series and the days with an attended session."""

    series: DailySeries
    sessions: np.ndarray


def _spells(rng: np.random.Generator, days: int, share: float, rho: float) -> np.ndarray:
    """0/1 days from a two-state Markov chain with stationary ``share`` and lag-1 ``rho``."""
    stay_on, switch_on = share + rho * (1 - share), share * (1 - rho)
    on = np.zeros(days, dtype=bool)
    state = rng.random() < share
    draws = rng.random(days)
    for i in range(days):
        state = draws[i] < (stay_on if state else switch_on)
        on[i] = state
    return on


def simulate(
    rng: np.random.Generator,
    *,
    phi: float,
    partner_effect: float = 0.0,
    days: int = 365,
    spread: float = 1.8,
    missing: float = 0.1,
) -> Simulated:
    """One journal of ``days`` days (see the module docstring)."""
    noise = rng.standard_normal(days)
    latent = np.empty(days)
    latent[0] = noise[0]
    scale = np.sqrt(1 - phi**2)
    for i in range(1, days):
        latent[i] = phi * latent[i - 1] + scale * noise[i]
    present = {kind: _spells(rng, days, share, rho) for kind, (share, rho) in KINDS.items()}
    mood = 5.5 + spread * latent + partner_effect * present[Relationship.PARTNER]
    mood = np.clip(np.round(mood), 0, 10)
    checked_in = rng.random(days) >= missing

    totals = np.zeros((days, len(TOTAL_COLUMNS)))
    for kind, on in present.items():
        quality = rng.integers(1, 6, days)
        minutes = rng.integers(5, 90, days)
        mode = rng.integers(0, len(_MODES), days)
        totals[on, _COLUMN["contacts"]] += 1
        totals[on, _COLUMN["minutes"]] += minutes[on]
        totals[on, _COLUMN["meaningful"]] += quality[on] >= 4
        totals[on, _COLUMN["quality_sum"]] += quality[on]
        totals[on, _COLUMN[f"kind:{kind.value}"]] += 1
        for index, m in enumerate(_MODES):
            totals[on & (mode == index), _COLUMN[f"mode:{m.value}"]] += 1
    offsets = np.arange(days)
    day_rows = [(int(i), float(mood[i]), None, None, None, None, None) for i in offsets[checked_in]]
    with_contacts = totals[:, 0] > 0
    rows = np.column_stack([offsets, totals])[with_contacts].tolist()
    series = series_from_totals(START, START + dt.timedelta(days=days - 1), day_rows, rows)
    sessions = np.zeros(days)
    sessions[offsets % 7 == 2] = 1.0  # a weekly session, unrelated to mood
    return Simulated(series, sessions)


def report(journal: Simulated) -> InsightReport:
    return compute_insights(journal.series, journal.sessions, today=journal.series.end)


def any_clear(result: InsightReport) -> bool:
    """Whether any comparison or association of the report was called clear."""
    return any(f.clear for f in (*result.comparisons.values(), *result.associations.values()))


def null_rate(journals: int, *, phi: float, seed: int) -> tuple[int, int]:
    """(journals with any clear figure, journals) when mood is unrelated to contacts."""
    rng = np.random.default_rng(seed)
    found = sum(any_clear(report(simulate(rng, phi=phi))) for _ in range(journals))
    return found, journals


def power(journals: int, *, phi: float, seed: int, effect: float = 1.5) -> tuple[int, int]:
    """(journals where partner days came out clearly different, journals) with a true
    ``effect`` on mood on days with a partner contact."""
    rng = np.random.default_rng(seed)
    found = sum(
        report(simulate(rng, phi=phi, partner_effect=effect)).comparisons["kind:partner"].clear
        for _ in range(journals)
    )
    return found, journals
