"""Zoomed in to whole days, a day's several events part: a few stacked at the day (the packer
gives each its row, so each keeps its label), more side by side across the day once they fit
there (their labels compete as any crowded marks' do).

Clustering gathers the events of one day into a count badge at every zoom: the badge of a
day's three events stayed a badge at the deepest zoom, and double-clicking it zoomed in to
no effect. Once a day is as wide as a badge (BADGE_MIN; every cluster is then one day, as a
day is wider than a cluster's reach), each cluster of a few events becomes one mark per
event. Array work over the clusters; the
marks made are bounded by the pixels of the window (PART_PX each) or STACK_MAX a day.
"""

from __future__ import annotations

import numpy as np

from viewer.core.scene.lane_packing import BADGE_MIN, GAP
from viewer.core.scene.lane_shapes import CLUSTER_PX, MARK_HALF, Shapes

PART_PX = 2 * MARK_HALF + GAP  # a mark and the gap after it
STACK_MAX = 4  # up to this many of a day's events are stacked at it (a lane's rows: MAX_ROWS)


def part_days(shapes: Shapes, px: float) -> Shapes:
    """`shapes` with each cluster of one day's few events made one mark per event, at
    `px` pixels a day; unchanged while days still cluster with their neighbours."""
    clusters = shapes.clusters
    if px < max(BADGE_MIN, CLUSTER_PX + 1) or clusters == 0:
        return shapes
    counts = shapes.stops[:clusters] - shapes.starts[:clusters]
    stacked = counts <= STACK_MAX
    side_by_side = ~stacked & (counts * PART_PX <= px)
    parted = (counts > 1) & (stacked | side_by_side)
    if not parted.any():
        return shapes
    pieces = np.where(parted, counts, 1)
    of = np.repeat(np.arange(clusters, dtype=np.int64), pieces)  # each new shape's cluster
    nth = np.arange(len(of), dtype=np.int64) - np.repeat(np.cumsum(pieces) - pieces, pieces)
    split = parted[of]
    starts = shapes.starts[of] + np.where(split, nth, 0)
    stops = np.where(split, starts + 1, shapes.stops[of])
    centre = (shapes.x0[of] + shapes.x1[of]) / 2  # a one-day cluster's centre is its day's
    across = centre - px / 2 + (nth + 0.5) * px / counts[of]
    centre = np.where(split & side_by_side[of], across, centre)
    half = np.where(split, MARK_HALF, (shapes.x1[of] - shapes.x0[of]) / 2)
    return Shapes(np.concatenate((centre - half, shapes.x0[clusters:])),
                  np.concatenate((centre + half, shapes.x1[clusters:])),
                  np.concatenate((starts, shapes.starts[clusters:])),
                  np.concatenate((stops, shapes.stops[clusters:])), len(of))
