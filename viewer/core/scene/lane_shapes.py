"""A lane's shapes at one scale: clusters of nearby days, bars, and the badges of overflow.

Clustering is a greedy chain over the lane's sorted days: a cluster takes every day within
CLUSTER_PX of its first, the next starts at the first day beyond. Only the chain itself is
followed in Python, over distinct days (and not at all when a day is wider than a cluster,
where each day is one); positions, counts and widths are array work. Every shape is a range
of one array per lane (the points' rows by day, then the spans' rows), so a badge of a
million events is two integers, not a million.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from viewer.core.scene.lane_packing import overflow_runs
from viewer.core.scene.lanes import Item, Lane
from viewer.core.scene.row_group import RowGroup
from viewer.core.session.row_array import RowArray

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Days = npt.NDArray[np.int32] | npt.NDArray[np.int64]

CLUSTER_PX = 9.0
MARK_HALF = 5.0


@dataclass(frozen=True, slots=True)
class LaneArrays:
    """A lane's zoom-independent indexes as arrays, made once per scene. Over a Session's
    columns they are the lane's own arrays (32-bit, as the lane order holds them), not
    copies: widening every lane's days and rows to 64 bits cost about 0.7 ms of each filter
    change at 100,000 events, for values that never need it."""

    days: Days  # single-day events' days, sorted
    span_starts: Days  # longer events' first days, sorted
    span_ends: Days
    rows: Days  # the points' rows in day order, then the spans' rows in theirs

    @classmethod
    def of(cls, lane: Lane) -> LaneArrays:
        # `lane.events` holds the points' rows, then the spans': what `rows` is
        return cls(_ints(lane.point_days), _ints(lane.span_starts), _ints(lane.span_ends),
                   _ints(lane.events))


def _ints(values: Sequence[int]) -> Days:
    """An integer array of `values`: a `RowArray`'s own array, a list converted."""
    if isinstance(values, RowArray):
        return values.array
    found: Days = np.asarray(values, dtype=np.int64)
    return found


@dataclass(frozen=True, slots=True)
class Shapes:
    """Point clusters (the first `clusters`) then bars: extent in x and rows as ranges."""

    x0: Floats
    x1: Floats
    starts: Ints  # each shape's first index into `LaneArrays.rows`
    stops: Ints
    clusters: int


def cluster_ranges(days: Days, lo: int, hi: int, reach: float) -> tuple[Ints, Ints]:
    """Clusters of days[lo:hi] (sorted): each takes the days within `reach` of its first.
    Their first and stop indexes into `days`."""
    part = days[lo:hi]
    if not len(part):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    day_starts = np.flatnonzero(np.concatenate(([True], part[1:] != part[:-1])))
    distinct = part[day_starts]
    if reach < 1:  # days are whole: no day lies within reach of another
        chain = np.arange(len(distinct), dtype=np.int64)
    else:
        following = np.searchsorted(distinct, distinct + reach, side="right").tolist()
        links: list[int] = []
        at, count = 0, len(following)
        while at < count:
            links.append(at)
            at = following[at]
        chain = np.asarray(links, dtype=np.int64)
    starts = day_starts[chain]
    stops = np.concatenate((starts[1:], [len(part)]))
    return starts + lo, stops + lo


def search(values: Days, needle: int, side: str = "left") -> int:
    """Where `needle` goes in the sorted `values`, searched as the values' own type: a Python
    int made NumPy convert the whole (32-bit) array first, 43 µs for a lane of 75,000 days
    against 4 µs, on every search of every lane."""
    found = values.searchsorted(values.dtype.type(needle),
                                side="right" if side == "right" else "left")
    return int(found)


def window_days(origin: float, px: float, window: tuple[float, float]) -> tuple[int, int]:
    """The first and last day (ordinals, a day's margin each side) of a window of content x."""
    wx0, wx1 = window
    first_day = math.floor(origin + wx0 / px) - 1 if wx0 > -math.inf else -10**9
    last_day = math.ceil(origin + wx1 / px) + 1 if wx1 < math.inf else 10**9
    return first_day, last_day


def lane_shapes(arrays: LaneArrays, origin: float, px: float, window: tuple[float, float],
                longest_span: int, badge_width: Callable[[Ints], Floats]) -> Shapes:
    """The shapes of the lane's events that can show in the window of content x."""
    wx0 = window[0]
    first_day, last_day = window_days(origin, px, window)
    days = arrays.days
    lo, hi = search(days, first_day), search(days, last_day, "right")
    starts, stops = cluster_ranges(days, lo, hi, CLUSTER_PX / px)
    xa = (days[starts] + 0.5 - origin) * px
    xb = (days[stops - 1] + 0.5 - origin) * px
    counts = stops - starts
    single = counts == 1
    half = np.where(single, MARK_HALF, badge_width(counts) / 2)
    centre = np.where(single, xa, (xa + xb) / 2)
    span_lo = search(arrays.span_starts, first_day - longest_span)
    span_hi = search(arrays.span_starts, last_day, "right")
    bar_x0 = (arrays.span_starts[span_lo:span_hi] - origin) * px
    bar_x1 = (arrays.span_ends[span_lo:span_hi] + 1 - origin) * px
    shown = np.flatnonzero(bar_x1 >= wx0)
    bar_x0 = bar_x0[shown]
    bar_x1 = np.maximum(bar_x1[shown], bar_x0 + 2)
    bar_at = shown + span_lo + len(days)
    return Shapes(np.concatenate((centre - half, bar_x0)),
                  np.concatenate((centre + half, bar_x1)),
                  np.concatenate((starts, bar_at)), np.concatenate((stops, bar_at + 1)),
                  len(starts))


def overflow_badges(arrays: LaneArrays, shapes: Shapes, over: Ints, lane_index: int,
                    row: int, max_label: float = 0.0) -> list[Item]:
    """What did not fit in the rows, as count badges in the row below them; each holds the
    ranges of the shapes it gathers, in x order. A run of one event stays its mark or bar:
    a badge saying "1" hides the one thing it stands for. Its label may run up to
    `max_label` past it, short of the next run (runs lie more than a badge gap apart)."""
    x0, x1 = shapes.x0, shapes.x1
    over = over[np.lexsort((x1[over], x0[over]))]
    items: list[Item] = []
    runs = overflow_runs(x0[over], x1[over])
    nexts = [run[2] for run in runs[1:]] + [math.inf]
    for (first, stop, left, right), next_left in zip(runs, nexts, strict=True):
        picked = over[first:stop]
        starts, stops = shapes.starts[picked], shapes.stops[picked]
        if stop - first == 1 and int(stops[0] - starts[0]) == 1:
            shape = int(picked[0])
            kind = "bar" if shape >= shapes.clusters else "mark"
            end = float(x1[shape])
            items.append(Item(kind, lane_index, row, float(x0[shape]), end,
                              (int(arrays.rows[starts[0]]),), "",
                              max(end, min(end + max_label, next_left - 4))))
            continue
        events = RowGroup(arrays.rows, starts, stops)
        items.append(Item("badge", lane_index, row, left, right, events, "", right))
    return items
