"""Mean mood on the days of each kind and mode of contact: the one rule for every chart.

The Trends page and the summary's PDF chart draw the same figures, so a group shows a number
only under the same thresholds as the insight sentences: at least ``MIN_PAIRS`` days with a
mood in the range and ``MIN_GROUP`` days in the group. The interval allows for one day
resembling the next (``stats.mean_ci`` with ``autocorrelated``).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from journal.analysis.stats import MIN_PAIRS, MeanCI, Withheld, mean_ci


def mood_by_group(mood: np.ndarray, groups: Mapping[str, np.ndarray]) -> dict[str, MeanCI]:
    """Each group's mean mood and 95% CI on the days its count is above 0.

    Under ``MIN_PAIRS`` days with a mood in all, every group is withheld (``too_few_days``),
    whatever its own size; a group under ``MIN_GROUP`` days is withheld on its own.
    """
    mood = np.asarray(mood, dtype=float)
    enough = int((~np.isnan(mood)).sum()) >= MIN_PAIRS
    result: dict[str, MeanCI] = {}
    for label, counts in groups.items():
        days = np.where(np.nan_to_num(np.asarray(counts, dtype=float)) > 0, mood, np.nan)
        n = int((~np.isnan(days)).sum())
        if not enough:
            result[label] = MeanCI(n, withheld=Withheld.TOO_FEW_DAYS)
        else:
            result[label] = mean_ci(days, autocorrelated=True)
    return result
