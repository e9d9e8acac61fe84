"""Packing a lane's shapes into rows, and the overflow into count badges, with array work.

First fit over rows sorted by start is, row by row, a greedy chain: row 0 takes every shape
that starts clear of the last one it took, row 1 does the same with what row 0 left, and so
on. Each chain is followed with binary searches, so the Python work is per *placed* shape
(bounded by the pixels of the laid-out window), not per event: at fit zoom a lane of a
million events places a few thousand and sends the rest, in one array, to overflow badges.
"""

from __future__ import annotations

import bisect

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
GAP = 2.0  # pixels between two shapes in a row
BADGE_GAP = 24.0  # overflow further apart than this starts a new badge
BADGE_MIN = 26.0  # an overflow badge is at least this wide
LIST_SEARCH = 4096  # up to this many shapes left, a row's chain bisects Python lists


def pack(x0: Floats, x1: Floats, max_rows: int) -> tuple[Ints, int]:
    """The row of each shape (sorted by `x0`), -1 for overflow, and how many rows are used.
    The same result as placing shapes one by one in the first row where they fit."""
    row_of = np.full(len(x0), -1, dtype=np.int64)
    left = np.arange(len(x0), dtype=np.int64)
    used = 0
    while len(left) and used < max_rows:
        taken: list[int] = []
        count = len(left)
        # A shape that starts before its predecessor's end + GAP never fits after it. Few
        # shapes: bisect Python lists (no call into NumPy per step); many (a lane of a
        # million events at fit): search the arrays, so no step converts them all.
        if count <= LIST_SEARCH:
            starts, ends = x0[left].tolist(), x1[left].tolist()
            at = 0
            while at < count:
                taken.append(at)
                at = bisect.bisect_left(starts, ends[at] + GAP, at + 1)
        else:
            array_starts, array_ends = x0[left], x1[left]
            at = 0
            while at < count:
                taken.append(at)
                at = int(array_starts.searchsorted(array_ends[at] + GAP, side="left"))
        chosen = left[np.asarray(taken, dtype=np.int64)]
        row_of[chosen] = used
        keep = np.ones(len(left), dtype=bool)
        keep[np.asarray(taken, dtype=np.int64)] = False
        left = left[keep]
        used += 1
    return row_of, used


def rows_needed(x0: Floats, x1: Floats, max_rows: int) -> tuple[int, bool]:
    """How many rows `pack` fills and whether some shape overflows, without packing: first
    fit in order of start uses as many rows as shapes overlap at one place (each shape
    claiming [x0, x1 + GAP)), so this is the deepest overlap, capped at `max_rows`. A lane
    below the visible part needs only its height; it is packed when first shown."""
    if not len(x0):
        return 0, False
    starts = np.sort(x0)
    ends = np.sort(x1 + GAP)
    # at each start: the shapes begun by then, less those whose room ended by then
    depth = int((np.arange(1, len(starts) + 1) - np.searchsorted(ends, starts, side="right")
                 ).max())
    return min(depth, max_rows), depth > max_rows


def overflow_runs(x0: Floats, x1: Floats) -> list[tuple[int, int, float, float]]:
    """Overflow shapes (sorted by `x0`) merged into badges: (first, stop, left, right) per
    badge. A shape joins the badge unless it starts more than BADGE_GAP after the badge's
    right end, which is the last shape's end or BADGE_MIN past the badge's left, if wider."""
    runs: list[tuple[int, int, float, float]] = []
    if not len(x0):
        return runs
    # A break needs a gap after the previous shape's end: only those places are looked at.
    candidates = (np.flatnonzero(x0[1:] > x1[:-1] + BADGE_GAP) + 1).tolist()
    first = 0
    left = float(x0[0])
    for i in candidates:
        right = max(float(x1[i - 1]), left + BADGE_MIN)
        if x0[i] > right + BADGE_GAP:
            runs.append((first, i, left, right))
            first, left = i, float(x0[i])
    runs.append((first, len(x0), left, max(float(x1[-1]), left + BADGE_MIN)))
    return runs
