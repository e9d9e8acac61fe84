"""Colours for discovered topics that a reader can tell apart from the folder's own topics'
and from each other's: a colour too close to one already used (a second green beside the
taxonomy's green) is skipped, not merely an identical one."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from viewer.core.events.topics import Taxonomy


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


def new_topic_colour(taxonomy: Taxonomy, folder: str | Path | None = None) -> str:
    """A colour for a topic the analyst makes: the first of the discovery colours far enough
    from every topic's, else the one farthest from its nearest (two new topics used to get
    the same fixed colour, and their marks could not be told apart)."""
    from viewer.core.pipeline.folder_topics import load_settings

    settings = load_settings(folder)
    taken = [t.color.lower() for t in taxonomy.topics]
    candidates = [*settings.colors, *_SPARE]

    def nearest(colour: str) -> float:
        return min((colour_distance(colour, other) for other in taken), default=1e9)

    for colour in candidates:
        if nearest(colour) >= settings.min_color_distance:
            return colour
    return max(candidates, key=nearest)


# Colours tried after the discovery ones (which a folder's discovered topics may all use).
_SPARE = ("#6a5acd", "#17becf", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#2ca02c",
          "#ff7f0e", "#c000c0", "#008080", "#a05000", "#4060ff")
