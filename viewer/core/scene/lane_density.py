"""A lane too crowded to show its events one by one, as a strip of counted stretches of time.

At fit zoom a lane of thousands of events has several events per pixel: packed into rows it
filled every row with slivers and sent most events to an overflow badge, and laying that out
and painting it was the slow part of a zoom step. Such a lane is shown instead as one row of
bins, each a whole number of days about BIN_PX wide, counting the events that start in it,
shaded by how crowded it is against the lane's mean. A bin is a badge like any other: it
holds its rows as two ranges (no copy), a click selects them, a double-click zooms in until
they part. Bins sit on fixed multiples of days, so a pan does not move them; the work is
two binary searches per bin, whatever the number of events.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from viewer.core.scene.lane_shapes import LaneArrays, search
from viewer.core.scene.lanes import Item
from viewer.core.scene.row_group import RowGroup

Ints = npt.NDArray[np.int64]

BIN_PX = 36.0  # a bin's width: room for a count such as "12k"
DENSE_PER_PX = 2.0  # more events than this per pixel of the lane's span: shown as bins
DENSE_MIN = 200  # fewer events than this in the window are never binned
BIN_GAP = 1.0  # pixels left between two bins


@dataclass(frozen=True, slots=True)
class WindowCount:
    """A lane's events that start within some days: points and spans, as index ranges."""

    points: tuple[int, int]
    spans: tuple[int, int]

    @property
    def size(self) -> int:
        return self.points[1] - self.points[0] + self.spans[1] - self.spans[0]


def count_in(arrays: LaneArrays, first_day: int, last_day: int) -> WindowCount:
    """The lane's events starting on days first..last: four binary searches."""
    days, starts = arrays.days, arrays.span_starts
    return WindowCount(
        (search(days, first_day), search(days, last_day, "right")),
        (search(starts, first_day), search(starts, last_day, "right")))


def bin_days(px_per_day: float) -> int:
    """Whole days per bin at a scale: at least one, about BIN_PX wide."""
    return max(1, math.ceil(BIN_PX / px_per_day))


def is_dense(arrays: LaneArrays, found: WindowCount, px_per_day: float) -> bool:
    """Whether the events found crowd more than DENSE_PER_PX to a pixel over the days they
    span: too many for marks to be told apart, so the lane shows bins."""
    if found.size < DENSE_MIN:
        return False
    firsts, lasts = [], []
    if found.points[1] > found.points[0]:
        firsts.append(float(arrays.days[found.points[0]]))
        lasts.append(float(arrays.days[found.points[1] - 1]))
    if found.spans[1] > found.spans[0]:
        firsts.append(float(arrays.span_starts[found.spans[0]]))
        lasts.append(float(arrays.span_starts[found.spans[1] - 1]))
    width = max(BIN_PX, (max(lasts) - min(firsts) + 1) * px_per_day)
    return found.size > DENSE_PER_PX * width


def density_items(arrays: LaneArrays, origin: float, px_per_day: float,
                  found: WindowCount, lane_index: int, mean_per_day: float) -> list[Item]:
    """The bins of the days `found` covers, in x order, one row; empty bins are left out.
    `mean_per_day` (the lane's events over its days) sets the shades."""
    if found.size == 0:
        return []
    days, starts = arrays.days, arrays.span_starts
    firsts, lasts = [], []
    if found.points[1] > found.points[0]:
        firsts.append(int(days[found.points[0]]))
        lasts.append(int(days[found.points[1] - 1]))
    if found.spans[1] > found.spans[0]:
        firsts.append(int(starts[found.spans[0]]))
        lasts.append(int(starts[found.spans[1] - 1]))
    step = bin_days(px_per_day)
    first_bin, last_bin = min(firsts) // step, max(lasts) // step
    edges = np.arange(first_bin, last_bin + 2, dtype=np.int64) * step
    # searched in the days' own type (a 64-bit needle made NumPy convert the lane's days)
    at_points = np.searchsorted(days, edges.astype(days.dtype, copy=False), side="left")
    at_spans = np.searchsorted(starts, edges.astype(starts.dtype, copy=False),
                               side="left") + len(days)
    counts = np.diff(at_points) + np.diff(at_spans)
    shown = np.flatnonzero(counts)
    x0 = ((edges[shown] - origin) * px_per_day + BIN_GAP / 2).tolist()
    x1 = ((edges[shown + 1] - origin) * px_per_day - BIN_GAP / 2).tolist()
    mean = max(1e-9, mean_per_day * step)
    ratio = counts[shown] / mean
    levels = np.searchsorted(np.array([0.5, 1.0, 2.0]), ratio, side="right").tolist()
    # each bin's two ranges (its points, its spans) as rows of two arrays: a bin takes views
    # of them, not two arrays made from Python ints (about a third of a change's bins' cost)
    begins = np.stack((at_points[shown], at_spans[shown]), axis=1)
    stops = np.stack((at_points[shown + 1], at_spans[shown + 1]), axis=1)
    rows = arrays.rows
    return [Item("badge", lane_index, 0, a, b, RowGroup(rows, begins[n], stops[n], size), "",
                 b, False, level)
            for n, (a, b, size, level) in enumerate(zip(x0, x1, counts[shown].tolist(), levels,
                                                          strict=True))]


def mean_per_day(arrays: LaneArrays) -> float:
    """The lane's dated events per day over the days from its first to its last."""
    size = len(arrays.rows)
    if not size:
        return 0.0
    firsts = [float(a[0]) for a in (arrays.days, arrays.span_starts) if len(a)]
    lasts = [float(a[-1]) for a in (arrays.days, arrays.span_starts) if len(a)]
    return size / (max(lasts) - min(firsts) + 1)
