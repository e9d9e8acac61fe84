"""The shapes of many lanes at one scale in one pass: `lane_shapes` over all of them at once.

A filter change lays out every lane that is not binned (twenty lanes of a few hundred events
each after picking one party or topic). Lane by lane that was some forty small NumPy calls
per lane, about 60 µs each lane whatever its size. Here the lanes' days are joined, with
each day's lane beside it, and every step is one call over all of them: the window's days,
the distinct days, the clusters (whose greedy chain runs on from one lane's last cluster to
the next lane's first), positions, badge widths and bars. The answer equals `lane_shapes`
lane by lane, exactly: the cluster reach is compared on whole days, as there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from viewer.core.scene.lane_shapes import (
    CLUSTER_PX,
    MARK_HALF,
    LaneArrays,
    Shapes,
    search,
    window_days,
)

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
DAY_BITS = 24  # a day ordinal (< 3,652,060) and a cluster's reach fit below 2**24
_EMPTY_F: Floats = np.zeros(0, dtype=np.float64)
_EMPTY_I: Ints = np.zeros(0, dtype=np.int64)


def _joined(parts: Sequence[npt.NDArray[np.integer]]) -> tuple[Ints, Ints, Ints]:
    """The parts end to end (as 64-bit ints), each value's part, and where each part starts."""
    sizes = np.array([len(p) for p in parts], dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
    values = (np.concatenate(parts).astype(np.int64) if len(parts) else _EMPTY_I)
    return values, np.repeat(np.arange(len(parts), dtype=np.int64), sizes), starts


def many_lane_shapes(lanes: Sequence[LaneArrays], longest: Sequence[int], origin: float,
                     px: float, window: tuple[float, float],
                     badge_width: Callable[[Ints], Floats],
                     searched: Sequence[tuple[int, int, int]] | None = None) -> list[Shapes]:
    """`lane_shapes` of each lane (`longest`: each lane's longest span in days). Each lane's
    days in the window are found by binary search first, so the work follows the window,
    not the lanes' events (zoomed in on a million, a lane's window holds a few hundred).
    `searched`, when the caller searched already (`lane_density.count_in` of the window's
    days): per lane the first and stop of its days there and the stop of its spans."""
    if not lanes:
        return []
    wx0 = window[0]
    first_day, last_day = window_days(origin, px, window)
    if searched is None:
        searched = [(search(a.days, first_day), search(a.days, last_day, "right"),
                     search(a.span_starts, last_day, "right")) for a in lanes]
    lo = [f[0] for f in searched]
    hi = [f[1] for f in searched]
    part, lane_of, part_at = _joined([a.days[i:j] for a, i, j in zip(lanes, lo, hi,
                                                                       strict=True)])
    # the distinct days of each lane (a lane's first day is one even if the lane before
    # ends on the same day)
    new = np.ones(len(part), dtype=bool)
    new[1:] = (part[1:] != part[:-1]) | (lane_of[1:] != lane_of[:-1])
    day_starts = np.flatnonzero(new)
    reach = CLUSTER_PX / px
    if reach < 1 or not len(day_starts):  # days are whole: no day lies within reach
        chain = np.arange(len(day_starts), dtype=np.int64)
    else:
        distinct, lanes_of = part[day_starts], lane_of[day_starts]
        keys = (lanes_of << DAY_BITS) + distinct
        # a day within reach of d is one up to floor(d + reach): `lane_shapes`' float test
        limit = np.minimum(np.floor(distinct + reach), (1 << DAY_BITS) - 1).astype(np.int64)
        following = np.searchsorted(keys, (lanes_of << DAY_BITS) + limit,
                                    side="right").tolist()
        links: list[int] = []
        at, count = 0, len(following)
        while at < count:  # a lane's last cluster leads on to the next lane's first day
            links.append(at)
            at = following[at]
        chain = np.asarray(links, dtype=np.int64)
    starts = day_starts[chain]  # into `part`
    stops = (np.concatenate((starts[1:], [len(part)])).astype(np.int64) if len(starts)
             else _EMPTY_I)
    cluster_lane = lane_of[starts] if len(starts) else _EMPTY_I
    xa = (part[starts] + 0.5 - origin) * px
    xb = (part[stops - 1] + 0.5 - origin) * px
    counts = stops - starts
    single = counts == 1
    half = np.where(single, MARK_HALF, badge_width(counts) / 2) if len(counts) else _EMPTY_F
    centre = np.where(single, xa, (xa + xb) / 2)
    # a lane's index into its own days, as `lane_shapes` gives
    local = np.asarray(lo, dtype=np.int64)[cluster_lane] - part_at[cluster_lane]
    span_lo = [search(a.span_starts, first_day - n) for a, n in zip(lanes, longest, strict=True)]
    span_hi = [f[2] for f in searched]
    span_starts, span_lane, span_at = _joined(
        [a.span_starts[i:j] for a, i, j in zip(lanes, span_lo, span_hi, strict=True)])
    span_ends, _, _ = _joined(
        [a.span_ends[i:j] for a, i, j in zip(lanes, span_lo, span_hi, strict=True)])
    bar_x0 = (span_starts - origin) * px
    bar_x1 = (span_ends + 1 - origin) * px
    shown = np.flatnonzero(bar_x1 >= wx0)
    bar_x0 = bar_x0[shown]
    bar_x1 = np.maximum(bar_x1[shown], bar_x0 + 2)
    bar_lane = span_lane[shown]
    sizes = np.array([len(a.days) for a in lanes], dtype=np.int64)
    bar_at = (shown - span_at[bar_lane] + np.asarray(span_lo, dtype=np.int64)[bar_lane]
              + sizes[bar_lane])
    cluster_bounds = np.searchsorted(cluster_lane, np.arange(len(lanes) + 1)).tolist()
    bar_bounds = np.searchsorted(bar_lane, np.arange(len(lanes) + 1)).tolist()
    x0, x1 = centre - half, centre + half
    first_at, stop_at = starts + local, stops + local
    found = []
    for n in range(len(lanes)):
        a, b = cluster_bounds[n], cluster_bounds[n + 1]
        c, d = bar_bounds[n], bar_bounds[n + 1]
        found.append(Shapes(np.concatenate((x0[a:b], bar_x0[c:d])),
                            np.concatenate((x1[a:b], bar_x1[c:d])),
                            np.concatenate((first_at[a:b], bar_at[c:d])),
                            np.concatenate((stop_at[a:b], bar_at[c:d] + 1)), b - a))
    return found
