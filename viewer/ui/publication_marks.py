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
    """The union of the triangles at sorted, distinct `xs` (apex at `base`, top edge HEIGHT
    above it), as one polygon per run of overlapping triangles: the top-left corner, then
    apex, notch, apex, ... and the top-right corner."""
    if not len(xs):
        return []
    gaps = np.diff(xs)
    breaks = np.flatnonzero(gaps >= 2 * HALF) + 1
    top = base - HEIGHT
    # Between two apexes d apart the triangles' edges meet d/2 along, d/2 * HEIGHT/HALF up.
    notch_x = (xs[:-1] + gaps / 2).tolist()
    notch_y = (base - np.minimum(gaps, 2 * HALF) / 2 * HEIGHT / HALF).tolist()
    apexes = xs.tolist()
    polygons = []
    for first, stop in zip([0, *breaks.tolist()], [*breaks.tolist(), len(apexes)], strict=True):
        points = [(apexes[first] - HALF, top), (apexes[first], base)]
        for k in range(first, stop - 1):
            points.append((notch_x[k], notch_y[k]))
            points.append((apexes[k + 1], base))
        points.append((apexes[stop - 1] + HALF, top))
        polygons.append(points)
    return polygons


def strip_path(xs: Floats, base: float) -> QPainterPath:
    """The strip as a path to fill (empty when there are no marks)."""
    path = QPainterPath()
    for points in strip_outline(whole_pixels(xs), base):
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
        path.closeSubpath()
    return path
