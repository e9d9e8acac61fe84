"""The strip of publication triangles above the axis, as one outline per run of touching marks.

Each article's publication day is a small triangle pointing down at its x. Drawn as one path
of overlapping triangles, thousands of them cost the rasteriser tens of milliseconds, and the
path's odd-even fill left holes where two overlapped. Marks closer than a triangle's width
merge instead into one saw-toothed polygon (the union of their triangles): the same picture,
a few points per mark, no overlaps.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF

HALF = 4.0  # half a triangle's top edge
HEIGHT = 7.0
MIN_NOTCH = 2.0  # marks closer than this (one pixel apart) merge without a notch

Floats = npt.NDArray[np.float64]


def whole_pixels(xs: Floats) -> Floats:
    """One mark per whole pixel, sorted: more cannot be told apart. Marks already in order
    (the painter's are: publication days sorted once) keep it without a sort."""
    rounded = np.round(xs)
    if len(rounded) > 1 and bool((rounded[1:] >= rounded[:-1]).all()):
        found: Floats = rounded[np.concatenate(([True], rounded[1:] != rounded[:-1]))]
        return found
    found = np.unique(rounded)
    return found


def strip_outline(xs: Floats, base: float) -> list[list[tuple[float, float]]]:
    """The union of the triangles at sorted, distinct whole-pixel `xs` (apex at `base`, top
    edge HEIGHT above it), as one polygon per run of overlapping triangles: the top-left
    corner, then apex, notch, apex, ... and the top-right corner. Between marks one pixel
    apart the notch (under a pixel deep) is filled and the apexes between such marks are
    left out: at fit zoom a run of a thousand touching marks was a polygon of 2,000 points
    that cost the rasteriser milliseconds on every paint, for a saw edge nobody could see."""
    if not len(xs):
        return []
    count = len(xs)
    gaps = np.diff(xs)
    breaks = np.flatnonzero(gaps >= 2 * HALF) + 1
    top = base - HEIGHT
    # Between two apexes d apart the triangles' edges meet d/2 along, d/2 * HEIGHT/HALF up.
    notch_x = xs[:-1] + gaps / 2
    notch_y = base - np.minimum(gaps, 2 * HALF) / 2 * HEIGHT / HALF
    wide = gaps >= MIN_NOTCH
    edge = np.zeros(count, dtype=bool)  # a run's first or last mark
    edge[np.concatenate(([0], breaks))] = True
    edge[np.concatenate((breaks - 1, [count - 1]))] = True
    keep_apex = edge.copy()
    keep_apex[1:] |= wide
    keep_apex[:-1] |= wide
    # apex k at 2k, notch k (between apexes k and k+1) at 2k + 1
    px = np.empty(2 * count - 1)
    py = np.empty(2 * count - 1)
    keep = np.empty(2 * count - 1, dtype=bool)
    px[0::2], py[0::2], keep[0::2] = xs, base, keep_apex
    px[1::2], py[1::2], keep[1::2] = notch_x, notch_y, wide
    keep[2 * breaks - 1] = False  # no notch between two runs
    at = np.flatnonzero(keep)
    bounds = np.searchsorted(at, 2 * np.concatenate(([0], breaks, [count]))).tolist()
    xs_kept, ys_kept = px[at].tolist(), py[at].tolist()
    firsts = xs[np.concatenate(([0], breaks))].tolist()
    lasts = xs[np.concatenate((breaks - 1, [count - 1]))].tolist()
    polygons = []
    for n in range(len(firsts)):
        points = [(firsts[n] - HALF, top)]
        points.extend(zip(xs_kept[bounds[n]:bounds[n + 1]], ys_kept[bounds[n]:bounds[n + 1]],
                          strict=True))
        points.append((lasts[n] + HALF, top))
        polygons.append(points)
    return polygons


def strip_path(xs: Floats, base: float) -> QPainterPath:
    """The strip as a path to fill (empty when there are no marks)."""
    path = QPainterPath()
    for points in strip_outline(whole_pixels(xs), base):
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
        path.closeSubpath()
    return path
