"""The shown dated events' first and last days, each sorted: what the timeline's extent, its
fit and the overview's histogram read on every filter change.

Over a Session's columns they are picked from every dated row's days sorted once (per edit of
the dates) by the filter's mask: two gathers of the mask, two scans for its set places and two
gathers of sorted days, and no sort. Gathering the shown rows' days and dropping the undated
ones by a boolean mask cost about 0.6 ms at 100,000 events, and the fit's two partial sorts
and the histogram's own gather as much again each; sorted days give the extent as their ends,
the fit's outliers as their first and last few, and a histogram by binary search. A filter
that shows few rows has its first days gathered by its rows and sorted instead: work in
proportion to the rows shown, not to every dated row.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.core.events.document_events import Event
from viewer.core.scene.row_group import row_index
from viewer.core.session.columns import NO_DAY, EventColumns
from viewer.core.session.row_array import RowArray
from viewer.core.session.row_events import RowEvents

Days32 = npt.NDArray[Any]  # day ordinals in the columns' own integer type
I32 = npt.NDArray[np.int32]
# the last days a fit reads (`fit_sorted_days`): zoom_targets.OUTLIER_CAP + 1, written out
# because the lanes (which zoom_targets' imports reach) import this module
LAST_ENDS = 257
FEW_SHOWN = 8  # showing at most one dated row in this many: the first days sorted anew


@dataclass(frozen=True, slots=True)
class DayOrder:
    """Every dated row by first day and by last day, with those days (8 bytes a row each)."""

    by_start: I32
    starts: Days32
    by_end: I32
    ends: Days32
    stamp: tuple[int, int]  # the generations of the start and end columns


_ORDERS: weakref.WeakKeyDictionary[EventColumns, DayOrder] = weakref.WeakKeyDictionary()


def day_order(columns: EventColumns) -> DayOrder:
    """The columns' dated rows sorted by day, built on first use after an edit of the dates."""
    stamp = (columns.generation.get("start", 0), columns.generation.get("end", 0))
    found = _ORDERS.get(columns)
    if found is None or found.stamp != stamp:
        start, end = columns.arrays["start"], columns.arrays["end"]
        dated = np.flatnonzero(start != NO_DAY).astype(np.int32)
        by_start, by_end = dated[_by_day(start[dated])], dated[_by_day(end[dated])]
        found = _ORDERS[columns] = DayOrder(by_start, start[by_start], by_end, end[by_end],
                                            stamp)
    return found


def _by_day(days: Days32) -> npt.NDArray[np.intp]:
    """A stable order of `days`: NumPy's radix sort of them as 16-bit offsets from the first
    when they span fewer than 65,536 days (every news folder), else its merge sort. At a
    million rows this is about a third of the general several-key sort's time, and it runs
    before the window's first paint."""
    if len(days) and int(days.max()) - int(days.min()) < 1 << 16:
        offsets = (days - days.min()).astype(np.uint16)
        found: npt.NDArray[np.intp] = np.argsort(offsets, kind="stable")
        return found
    return np.argsort(days, kind="stable")


def shown_mask(columns: EventColumns, rows: Sequence[int]) -> npt.NDArray[np.bool_]:
    """True at the shown rows: the filter's own mask when it came with them, else made."""
    shown = rows.mask if isinstance(rows, RowArray) else None
    if shown is None or len(shown) != columns.size:
        shown = np.zeros(columns.size, dtype=bool)
        shown[row_index(rows)] = True
    return shown


def _picked(order: I32, days: Days32, shown: npt.NDArray[np.bool_]) -> Days32:
    """The days of the shown rows among `order`, in its order. The mask's set places are
    found first and the days gathered by them: compressing by a scattered mask was 3–8
    times slower at 100,000 rows."""
    found: Days32 = days.take(np.flatnonzero(shown.take(order, mode="wrap")), mode="wrap")
    return found


def _sorted_starts(start: Days32, rows: npt.NDArray[Any], every: Days32) -> Days32:
    """The first days of `rows` (distinct, in any order) that are dated, sorted: gathered by
    the rows themselves and sorted (a radix sort of 16-bit offsets from the folder's first
    day when its days span fewer than 65,536, as every news folder's do), O(len(rows)). The
    same days `_picked` finds, which scans every dated row's place in the mask: at a million
    events a filter showing a tenth of them paid some 5 ms there, this 1-2."""
    days = start.take(rows)
    days = days[days != NO_DAY]
    if not len(every) or int(every[-1]) - int(every[0]) >= 1 << 16:
        return np.sort(days)
    first = every.dtype.type(every[0])
    found: Days32 = np.sort((days - first).astype(np.uint16), kind="stable").astype(
        days.dtype) + first
    return found


def _last_picked(order: I32, days: Days32, shown: npt.NDArray[np.bool_], count: int) -> Days32:
    """The last `count` days of the shown rows among `order` (all of them when fewer), in
    its order: looked for from the end in blocks four times larger each time, so a filter
    that shows a share of the rows looks at a few hundred, and one that shows almost none
    at all of them once and a third again."""
    size, width = len(order), 4 * count + 64
    while True:
        lo = max(0, size - width)
        at = np.flatnonzero(shown.take(order[lo:], mode="wrap"))
        if len(at) >= count or lo == 0:
            found: Days32 = days[lo:].take(at[len(at) - min(count, len(at)):])
            return found
        width *= 4


# The shown days of the last two sets of rows over columns, the latest first: each weak
# references to the columns and the rows array, the generations of the date columns, and the
# days found. Two, as the proxy keeps two filters' rows: a change back to every event hands
# back the rows array of the filter before, whose days (a scan of every dated row) were
# found again on each such change.
_SHOWN: list[list[Any]] = []
KEPT_SHOWN = 2


def shown_dated_days(events: Sequence[Event], rows: Sequence[int]) -> tuple[Days32, Days32]:
    """First days of the shown dated events, sorted, and their last days, sorted, of which
    only the latest LAST_ENDS are sure to be there (not paired by event: the extent reads
    the latest, a fit at most OUTLIER_CAP + 1). Over a Session found once per set of rows:
    the extent, a fit and the overview all read them for the same filter change."""
    if not isinstance(events, RowEvents):
        dated = [(e.start.toordinal(), e.end.toordinal()) for e in map(events.__getitem__, rows)
                 if e.start is not None and e.end is not None]
        days = np.asarray(dated, dtype=np.int64).reshape(-1, 2)
        return np.sort(days[:, 0]), np.sort(days[:, 1])
    columns = events.columns
    key = row_index(rows)  # the filter's own array: the same one when asked again
    stamp = (columns.generation.get("start", 0), columns.generation.get("end", 0))
    for at, kept in enumerate(_SHOWN):
        if kept[0]() is columns and kept[1]() is key and kept[2] == stamp:
            if at:
                _SHOWN.insert(0, _SHOWN.pop(at))
            found_before: tuple[Days32, Days32] = kept[3]
            return found_before  # the same rows again
    order, shown = day_order(columns), shown_mask(columns, rows)
    own = isinstance(rows, RowArray) and rows.mask is not None and len(rows.mask) == columns.size
    if own and len(key) * FEW_SHOWN <= len(order.by_start):
        starts = _sorted_starts(columns.arrays["start"], key, order.starts)
    else:
        starts = _picked(order.by_start, order.starts, shown)
    found = (starts, _last_picked(order.by_end, order.ends, shown, LAST_ENDS))
    _SHOWN.insert(0, [weakref.ref(columns), weakref.ref(key), stamp, found])
    del _SHOWN[KEPT_SHOWN:]
    return found


def extent(events: Sequence[Event], rows: Sequence[int]) -> tuple[int, int] | None:
    """First and last day ordinals the shown events cover."""
    starts, ends = shown_dated_days(events, rows)
    if not len(starts):
        return None
    # the last day: the latest start or end (an end is never before)
    return int(starts[0]), max(int(starts[-1]), int(ends[-1]))


def start_histogram(starts: Days32, first: int, last: int, bins: int) -> list[int]:
    """How many of the sorted days `starts` fall in each of `bins` equal slices of the days
    first..last (inclusive): a day `first + o` is in slice `o * bins // days`, so slice b
    begins at offset ceil(b * days / bins); each slice's count is found by binary search."""
    days = last - first + 1
    edges = first + (np.arange(bins + 1, dtype=np.int64) * days + bins - 1) // bins
    # searched in the days' own type: a wider needle made NumPy convert every day first
    at = np.searchsorted(starts, edges.astype(starts.dtype))
    found: list[int] = np.diff(at).tolist()
    return found
