"""Where a zoom gesture should land: pure arithmetic on days and pixels, kept out of the widget
so it is tested without Qt and the widget only applies the result."""

from __future__ import annotations

import collections
import itertools
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

from viewer.core.scene.day_parting import PART_PX
from viewer.core.scene.lane_packing import BADGE_MIN

MIN_PX_PER_DAY = 0.002
MAX_PX_PER_DAY = 24 * 400.0
OUTLIER_SHARE = 20  # a fit may leave out up to 1 in this many shown events at each end ...
OUTLIER_CAP = 256  # ... and never more than this many (their days are sorted in Python)
OUTLIER_JUMP = 2.0  # ... and only past a gap wider than this many times the rest's span
CORE_MIN_DAYS = 30  # a burst of a few days never makes its neighbours a month away outliers

Days = npt.NDArray[np.int64] | npt.NDArray[np.int32]


def clamp_px(px: float) -> float:
    """A scale within the zoom's limits (pixels per day)."""
    return min(MAX_PX_PER_DAY, max(MIN_PX_PER_DAY, px))


def badge_px(days: Sequence[int], px_per_day: float, width: float, is_bin: bool) -> float:
    """The scale that opens a badge or a crowded lane's bin whose events start on `days`.

    A bin opens to its stretch of days across most of the view, where it shows finer bins or
    its events (parting every day of a bin of months at once put most of them screens away).
    A badge zooms until its events lie apart: their days over most of the width, and at least
    its two nearest days a badge's width apart, so they part even in a narrow timeline (a
    fixed 4x took several double-clicks for a badge of a busy month), and its busiest day
    wide enough for that day's events side by side (`day_parting`)."""
    first, last = min(days), max(days) + 1
    if is_bin:
        return min(MAX_PX_PER_DAY, max(px_per_day * 2, width * 0.9 / (last - first)))
    px = max(px_per_day * 4, width * 0.6 / (last - first))
    ordered = sorted(set(days))
    nearest = min((b - a for a, b in itertools.pairwise(ordered)), default=1)
    busiest = max(collections.Counter(days).values())
    return min(MAX_PX_PER_DAY, max(px, BADGE_MIN / nearest, busiest * PART_PX))


def selection_view(first: int, last: int, width: float) -> tuple[float, float]:
    """Scale and first shown day for a selection spanning days first..last: it takes a little
    over half the width from near the left, leaving its label room on the right (a bar fitted
    edge to edge pushed its label off-screen)."""
    shown = max(7, last - first + 1) / 0.55
    return clamp_px(width / shown), first - 0.08 * shown


def clicked_rows(selected: Iterable[int], rows: Sequence[int], toggle: bool,
                 extend: bool) -> list[int]:
    """The selection after a click on an item holding `rows`: Ctrl toggles them, Shift adds
    them, a plain click selects only them."""
    if toggle:
        return sorted(set(selected) ^ set(rows))
    if extend:
        return sorted(set(selected) | set(rows))
    return sorted(set(rows))


def _smallest(values: Days, count: int) -> Days:
    """The `count` smallest values, sorted. Why not one `np.partition` of them all: it cost
    0.6 ms at 60,000 shown events, on every filter change at fit. Split into `count` blocks,
    the largest of the blocks' minima bounds the count-th smallest value (each block holds
    one value at most that), so only the values up to it are partitioned: the same values,
    in three cheap passes."""
    size = len(values)
    if size > 64 * count:
        width = size // count
        bound = values[: width * count].reshape(count, width).min(axis=1).max()
        values = values[values <= bound]
    found: Days = np.sort(np.partition(values, count - 1)[:count])
    return found


def fit_days(starts: Days, ends: Days) -> tuple[int, int] | None:
    """The days a fit shows: all the events' days, less the few far from the rest.

    An event dated years before or after all others (a background year in one article, a
    far-off plan) made a fit span decades with the events a sliver at one end. At each end,
    up to 1 in OUTLIER_SHARE events (at least one, at most OUTLIER_CAP) are left out when a
    gap wider than OUTLIER_JUMP times the span of the rest parts them from it; the innermost
    such gap counts, so two far-off years go together. What is left out stays in the scroll
    range and the overview. Two partial sorts (linear) and a loop over at most OUTLIER_CAP
    days."""
    count = len(starts)
    if count == 0:
        return None
    keep = min(OUTLIER_CAP, max(1, count // OUTLIER_SHARE), (count - 1) // 2)
    if keep == 0:
        return int(starts.min()), int(ends.max())
    low = _smallest(starts, keep + 1).tolist()  # the keep+1 first starts, ascending
    high = (-_smallest(-ends, keep + 1)).tolist()  # the keep+1 last ends, descending
    return _without_outliers(low, high, keep)


def fit_sorted_days(starts: Days, ends: Days) -> tuple[int, int] | None:
    """`fit_days` of days already sorted (`shown_days`): their first and last few are read,
    no partial sort."""
    count = len(starts)
    if count == 0:
        return None
    keep = min(OUTLIER_CAP, max(1, count // OUTLIER_SHARE), (count - 1) // 2)
    if keep == 0:
        return int(starts[0]), int(ends[-1])
    return _without_outliers(starts[: keep + 1].tolist(), ends[::-1][: keep + 1].tolist(), keep)


def _without_outliers(low: list[int], high: list[int], keep: int) -> tuple[int, int]:
    """The fit's ends from the keep+1 first starts (ascending) and last ends (descending)."""
    core = max(CORE_MIN_DAYS, high[keep] - low[keep])
    first, last = low[0], high[0]
    for n in range(keep, 0, -1):
        if low[n] - low[n - 1] > OUTLIER_JUMP * core:
            first = low[n]
            break
    for n in range(keep, 0, -1):
        if high[n - 1] - high[n] > OUTLIER_JUMP * core:
            last = high[n]
            break
    return int(first), int(last)
