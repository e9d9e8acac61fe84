"""The previous or next shown event in time, for the timeline's arrow keys; the start days of
a group of rows (a badge or bin opened by a double-click).

Sorting the shown events to find the neighbour of one made an `Event` per shown row (seconds
at a million). Over a Session's columns the neighbour is one comparison of packed
(day, row) keys and one arg-min: no sort, no object per row. Undated events are skipped.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from viewer.core.events.document_events import Event
from viewer.core.scene.row_group import rows_array
from viewer.core.session.row_events import RowEvents


def step_row(events: Sequence[Event], rows: Sequence[int], current: int | None,
             direction: int) -> int | None:
    """The shown row just before (-1) or after (+1) `current` in (day, row) order, the
    current one itself at either end; from no current (or one not shown), the first (+1)
    or the last (-1). None when no shown event is dated."""
    if isinstance(events, RowEvents):
        return _column_step(events, rows, current, direction)
    dated = sorted((r for r in rows if events[r].start is not None),
                   key=lambda r: (events[r].start, r))
    if not dated:
        return None
    if current in dated:
        position = dated.index(current) + direction
    else:
        position = 0 if direction > 0 else len(dated) - 1
    return dated[max(0, min(len(dated) - 1, position))]


def _column_step(events: RowEvents, rows: Sequence[int], current: int | None,
                 direction: int) -> int | None:
    columns = events.columns
    shown = np.asarray(rows, dtype=np.int64)
    start = columns.arrays["start"][shown].astype(np.int64)
    dated = start != 0
    shown, start = shown[dated], start[dated]
    if not len(shown):
        return None
    width = columns.size + 1
    keys = start * width + shown  # (day, row) as one integer
    if current is not None and 0 <= current < columns.size:
        day = int(columns.arrays["start"][current])
        here = day * width + current
        if day and bool((keys == here).any()):
            side = keys > here if direction > 0 else keys < here
            if not side.any():
                return current
            picked = keys[side]
            return int((picked.min() if direction > 0 else picked.max()) % width)
    return int((keys.min() if direction > 0 else keys.max()) % width)


def start_days(events: Sequence[Event], rows: Sequence[int]) -> list[int]:
    """The start days (ordinals) of the dated events among `rows`: over a Session's columns
    one gather, not an `Event` per row (a bin at fit holds thousands)."""
    if isinstance(events, RowEvents):
        starts = events.columns.arrays["start"][rows_array(rows)]
        days: list[int] = starts[starts != 0].astype(np.int64).tolist()
        return days
    return [e.start.toordinal() for e in (events[r] for r in rows) if e.start is not None]
