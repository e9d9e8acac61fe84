"""Colours for discovered topics that a reader can tell apart from the folder's own topics'
and from each other's: a colour too close to one already used (a second green beside the
taxonomy's green) is skipped, not merely an identical one."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def colour_distance(a: str, b: str) -> float:
    """A cheap perceptual distance between two "#rrggbb" colours (red-mean weighted RGB):
    0 for the same colour, about 765 for black against white."""
    (r1, g1, b1), (r2, g2, b2) = _rgb(a), _rgb(b)
    mean = (r1 + r2) / 2
    return math.sqrt((2 + mean / 256) * (r1 - r2) ** 2 + 4 * (g1 - g2) ** 2
                     + (2 + (255 - mean) / 256) * (b1 - b2) ** 2)


def distinct_colours(candidates: Sequence[str], taken: Iterable[str],
                     min_distance: float) -> list[str]:
    """The candidates, in order, that lie at least `min_distance` from every taken colour and
    from each other (O(candidates × colours), both a few dozen at most); all the candidates
    when none does."""
    chosen: list[str] = []
    used = [c.lower() for c in taken]
    for colour in candidates:
        if all(colour_distance(colour, other) >= min_distance for other in used):
            chosen.append(colour)
            used.append(colour.lower())
    return chosen or list(candidates)
