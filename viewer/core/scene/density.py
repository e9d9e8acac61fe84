"""Event density over a span of days, for the overview strip: one pass over the events."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from viewer.core.events.document_events import Event
from viewer.core.scene.row_group import row_index
from viewer.core.session.row_events import RowEvents


def histogram(events: Sequence[Event], rows: Sequence[int], first: int, last: int,
              bins: int) -> list[int]:
    """How many of the dated events `rows` start in each of `bins` equal slices of the days
    first..last (ordinals, inclusive). Undated events and those outside are not counted."""
    counts = [0] * max(0, bins)
    if bins <= 0 or last < first:
        return counts
    days = last - first + 1
    if isinstance(events, RowEvents):  # a Session's columns: one bincount
        starts = events.columns.arrays["start"][row_index(rows)]
        offsets = starts.astype(np.int64) - first
        offsets = offsets[(starts != 0) & (offsets >= 0) & (offsets < days)]
        found: list[int] = np.bincount(offsets * bins // days, minlength=bins).tolist()
        return found
    for row in rows:
        start = events[row].start
        if start is None:
            continue
        offset = start.toordinal() - first
        if 0 <= offset < days:
            counts[offset * bins // days] += 1
    return counts
