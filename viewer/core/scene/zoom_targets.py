"""Where a zoom gesture should land: pure arithmetic on days and pixels, kept out of the widget
so it is tested without Qt and the widget only applies the result."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from viewer.core.scene.lane_packing import BADGE_MIN

MIN_PX_PER_DAY = 0.002
MAX_PX_PER_DAY = 24 * 400.0


def clamp_px(px: float) -> float:
    """A scale within the zoom's limits (pixels per day)."""
    return min(MAX_PX_PER_DAY, max(MIN_PX_PER_DAY, px))


def badge_px(days: Sequence[int], px_per_day: float, width: float, is_bin: bool) -> float:
    """The scale that opens a badge or a crowded lane's bin whose events start on `days`.

    A bin opens to its stretch of days across most of the view, where it shows finer bins or
    its events (parting every day of a bin of months at once put most of them screens away).
    A badge zooms until its events lie apart: their days over most of the width, and at least
    its two nearest days a badge's width apart, so they part even in a narrow timeline (a
    fixed 4x took several double-clicks for a badge of a busy month)."""
    first, last = min(days), max(days) + 1
    if is_bin:
        return min(MAX_PX_PER_DAY, max(px_per_day * 2, width * 0.9 / (last - first)))
    px = max(px_per_day * 4, width * 0.6 / (last - first))
    ordered = sorted(set(days))
    nearest = min((b - a for a, b in itertools.pairwise(ordered)), default=1)
    return min(MAX_PX_PER_DAY, max(px, BADGE_MIN / nearest))


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
