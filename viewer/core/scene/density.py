"""Event density over a span of days, for the overview strip: over a Session the shown days
the timeline's extent found (sorted, so a binary search per slice); else one pass."""

from __future__ import annotations

from collections.abc import Sequence

from viewer.core.events.document_events import Event
from viewer.core.scene.shown_days import shown_dated_days, start_histogram
from viewer.core.session.row_events import RowEvents


def histogram(events: Sequence[Event], rows: Sequence[int], first: int, last: int,
              bins: int) -> list[int]:
    """How many of the dated events `rows` start in each of `bins` equal slices of the days
    first..last (ordinals, inclusive). Undated events and those outside are not counted."""
    counts = [0] * max(0, bins)
    if bins <= 0 or last < first:
        return counts
    days = last - first + 1
    if isinstance(events, RowEvents):  # a Session's columns: the shown days, sorted
        return start_histogram(shown_dated_days(events, rows)[0], first, last, bins)
    for row in rows:
        start = events[row].start
        if start is None:
            continue
        offset = start.toordinal() - first
        if 0 <= offset < days:
            counts[offset * bins // days] += 1
    return counts
