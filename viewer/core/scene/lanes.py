"""The timeline's lanes: which shown events each lane holds, indexed by day for the scene.

Lanes are built once per filter or lane mode, not per zoom. Over a Session's columns
(`RowEvents`) they are picked from each mode's order of every event, sorted once
(`lane_order`), with array operations and no sort, so a million events make no `Event` object
and no Python int; other sequences go event by event.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from viewer.core.events.document_events import Event
from viewer.core.scene.lane_order import lane_order
from viewer.core.scene.row_group import row_index
from viewer.core.scene.shown_days import extent as extent  # read here by older callers
from viewer.core.scene.shown_days import shown_mask
from viewer.core.session.columns import EventColumns
from viewer.core.session.row_array import RowArray
from viewer.core.session.row_events import RowEvents

LANE_FIELD = {"party": "parties", "topic": "topics", "tag": "tags"}  # "document": document
_FIELD = LANE_FIELD
NONE_LABEL = {"party": "No party", "topic": "No topic", "tag": "Untagged",
              "document": "", "single": "All events"}
Rows = npt.NDArray[np.int64]


class Item(NamedTuple):
    """Something drawn in a lane: a mark (one day), a bar (an interval) or a badge (N events).

    An immutable record like a frozen dataclass, made as a tuple: a frozen dataclass sets
    each of its ten fields through `object.__setattr__` (about 4.6 µs an item against 0.5),
    and a filter change makes several hundred items, a zoom step more."""

    kind: str
    lane: int
    row: int
    x0: float
    x1: float
    events: Sequence[int]  # a tuple, or a `RowGroup` (a badge's ranges of lane rows)
    label: str = ""
    label_x1: float = 0.0
    over: bool = False  # the label runs over later marks of its row (painted on a chip)
    level: int = -1  # a bin of a crowded lane (`lane_density`): how crowded, 0-3; else -1

    @property
    def first(self) -> int:
        return self.events[0]


@dataclass(slots=True)
class Lane:
    """A lane's shown events. Over a Session's columns the row fields are `RowArray`s
    (slices of one array per kind, no Python int per event); elsewhere lists."""

    key: str
    label: str
    events: Sequence[int]  # dated: single days by day, then spans by first day (then row)
    count: int = 0
    y: float = 0.0
    height: float = 0.0
    _items: list[Item] = field(default_factory=list)  # laid out by the scene, per zoom
    _starts: list[float] = field(default_factory=list)  # items' x0, for bisection
    pending: Callable[[], list[Item]] | None = None  # makes `items` when first read
    # Zoom-independent indexes: single-day events by day, longer ones by first day.
    point_days: Sequence[int] = field(default_factory=list)
    point_rows: Sequence[int] = field(default_factory=list)
    span_starts: Sequence[int] = field(default_factory=list)
    span_ends: Sequence[int] = field(default_factory=list)  # last day of each span, same order
    span_rows: Sequence[int] = field(default_factory=list)
    longest_span: int = 0
    max_rows: int = 1
    undated: Sequence[int] = field(default_factory=list)  # in the Undated tray, by row

    @property
    def items(self) -> list[Item]:
        """What the lane shows at the scene's zoom, in x order (made on first read)."""
        if self.pending is not None:
            self.items = self.pending()
        return self._items

    @items.setter
    def items(self, items: list[Item]) -> None:
        self._items = items
        self._starts = [item.x0 for item in items]
        self.pending = None

    @property
    def starts(self) -> list[float]:
        """The items' x0, for bisection."""
        if self.pending is not None:
            self.items = self.pending()
        return self._starts


def lane_keys(event: Event, mode: str) -> tuple[str, ...]:
    if mode == "single":
        return ("",)
    if mode == "document":
        return (event.document,)
    values: tuple[str, ...] = getattr(event, _FIELD[mode])
    return values or ("",)


def _order(keys: list[str], sizes: dict[str, int], mode: str) -> list[str]:
    return sorted(keys, key=lambda k: (k == "" and mode != "single", -sizes[k], k))


def build_lanes(events: Sequence[Event], rows: Sequence[int], mode: str,
                labels: Callable[[str], str] | None = None) -> list[Lane]:
    """Lanes for the shown events; an event with several parties appears in each lane.
    Undated events belong to their lanes too (counted, kept in `undated`), so the lane
    counts add up; a lane may hold only undated events. `labels` names a lane key."""
    if isinstance(events, RowEvents):
        return _column_lanes(events, rows, mode, labels)
    table: dict[str, list[int]] = {}
    undated: dict[str, list[int]] = {}
    for row in rows:
        event = events[row]
        target = table if event.start is not None else undated
        for key in lane_keys(event, mode):
            target.setdefault(key, []).append(row)
            if target is undated:
                table.setdefault(key, [])
    sizes = {key: len(table[key]) + len(undated.get(key, ())) for key in table}
    name = labels or (lambda key: key)
    lanes = []
    for key in _order(list(table), sizes, mode):
        lane = Lane(key, name(key) if key else NONE_LABEL[mode], table[key], count=sizes[key],
                    undated=undated.get(key, []))
        points: list[tuple[int, int]] = []
        spans: list[tuple[int, int, int]] = []
        for row in lane.events:
            event = events[row]
            assert event.start is not None and event.end is not None
            first, last = event.start.toordinal(), event.end.toordinal()
            if last <= first:
                points.append((first, row))
            else:
                spans.append((first, row, last))
                lane.longest_span = max(lane.longest_span, last - first + 1)
        points.sort()
        spans.sort()
        lane.events = [r for _, r in points] + [r for _, r, _ in spans]
        lane.undated = sorted(lane.undated)
        lane.point_days = [d for d, _ in points]
        lane.point_rows = [r for _, r in points]
        lane.span_starts = [d for d, _, _ in spans]
        lane.span_rows = [r for _, r, _ in spans]
        lane.span_ends = [e for _, _, e in spans]
        lanes.append(lane)
    return lanes


def _column_lanes(events: RowEvents, rows: Sequence[int], mode: str,
                  labels: Callable[[str], str] | None) -> list[Lane]:
    """The lanes of the shown rows, picked from the mode's order of all rows (sorted once):
    O(shown) array work, and Python work per lane only."""
    columns = events.columns
    order = lane_order(columns, mode)
    shown = shown_mask(columns, rows)
    count = len(order.keys)
    points, spans, undated = (order.points.picked(shown, count),
                              order.spans.picked(shown, count),
                              order.undated.picked(shown, count))
    at_point, at_span, at_undated = points.bounds, spans.bounds, undated.bounds
    sizes_array = np.diff(at_point) + np.diff(at_span) + np.diff(at_undated)
    code = {order.keys[i]: i for i in np.flatnonzero(sizes_array).tolist()}
    sizes = {key: int(sizes_array[i]) for key, i in code.items()}
    name = labels or (lambda key: key)
    lanes = []
    for key in _order(list(sizes), sizes, mode):
        i = code[key]
        p = slice(int(at_point[i]), int(at_point[i + 1]))
        s = slice(int(at_span[i]), int(at_span[i + 1]))
        lane = Lane(key, name(key) if key else NONE_LABEL[mode],
                    RowArray(np.concatenate([points.rows[p], spans.rows[s]])),
                    count=sizes[key],
                    undated=RowArray(undated.rows[int(at_undated[i]):int(at_undated[i + 1])]))
        lane.point_days, lane.point_rows = RowArray(points.starts[p]), RowArray(points.rows[p])
        lane.span_starts, lane.span_ends = RowArray(spans.starts[s]), RowArray(spans.ends[s])
        lane.span_rows = RowArray(spans.rows[s])
        if s.stop > s.start:
            lane.longest_span = int((spans.ends[s] - spans.starts[s]).max()) + 1
        lanes.append(lane)
    return lanes


_Stamped = tuple[tuple[int, int], npt.NDArray[np.int32]]
_FIRSTS: weakref.WeakKeyDictionary[EventColumns, dict[str, _Stamped]] = (
    weakref.WeakKeyDictionary())


def first_code_column(columns: EventColumns, name: str) -> npt.NDArray[np.int32]:
    """Each row's first code of a tuple field, -1 for none: made once, and again only after
    an edit changed the field (a legend read it from the offsets on every filter change)."""
    stamp = (columns.generation.get(name, 0), columns.size)
    kept = _FIRSTS.setdefault(columns, {})
    found = kept.get(name)
    if found is None or found[0] != stamp:
        ragged = columns.ragged[name]
        offsets = ragged.offsets
        has = offsets[1:] > offsets[:-1]
        firsts = np.full(columns.size, -1, dtype=np.int32)
        firsts[has] = ragged.codes[offsets[:-1][has]]
        found = kept[name] = (stamp, firsts)
    return found[1]


def _first_codes(events: RowEvents, rows: Sequence[int],
                 name: str) -> tuple[npt.NDArray[np.int32], Sequence[str]]:
    """The first code of a tuple field for each shown row that has one, in `rows` order, and
    the strings the codes stand for."""
    columns = events.columns
    firsts = first_code_column(columns, name)[row_index(rows)]
    return firsts[firsts >= 0], columns.vocab[name].strings


def _first_seen(firsts: npt.NDArray[np.int32], size: int
                ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The codes present among `firsts`, where each is first seen and how often: a bincount
    and a minimum per code, no sort of the rows."""
    counts = np.bincount(firsts, minlength=size)
    seen = np.full(len(counts), len(firsts), dtype=np.int64)
    np.minimum.at(seen, firsts, np.arange(len(firsts), dtype=np.int64))
    codes = np.flatnonzero(counts)
    return codes, seen[codes], counts[codes].astype(np.int64)


_Totals = tuple[tuple[int, int], npt.NDArray[np.int64]]
_TOTALS: weakref.WeakKeyDictionary[EventColumns, dict[str, _Totals]] = (
    weakref.WeakKeyDictionary())


def _shown_first_counts(columns: EventColumns, name: str, rows: Sequence[int],
                        size: int) -> npt.NDArray[np.int64]:
    """How many shown rows have each first code of a tuple field (`size` codes). When more
    than half the rows are shown and their mask came with them, every row's counts (made
    once per edit of the field) less the hidden rows' counts: showing nearly everything
    then gathers the few hidden rows, not all the shown ones."""
    firsts = first_code_column(columns, name)
    mask = rows.mask if isinstance(rows, RowArray) else None
    index = row_index(rows)
    if mask is None or len(mask) != columns.size or 2 * len(index) <= columns.size:
        return np.bincount(firsts.take(index) + np.int32(1), minlength=size + 1)[1:]
    stamp = (columns.generation.get(name, 0), columns.size * (size + 1))
    kept = _TOTALS.setdefault(columns, {})
    total = kept.get(name)
    if total is None or total[0] != stamp:
        every: npt.NDArray[np.int64] = np.bincount(firsts + np.int32(1), minlength=size + 1)
        total = kept[name] = (stamp, every)
    hidden = firsts.take(np.flatnonzero(~mask)) + np.int32(1)
    found: npt.NDArray[np.int64] = (total[1] - np.bincount(hidden, minlength=size + 1))[1:]
    return found


def _first_seen_of_ties(shifted_of: Callable[[], npt.NDArray[np.int32]],
                        codes: npt.NDArray[np.int64], counts: npt.NDArray[np.int64],
                        size: int) -> npt.NDArray[np.int64]:
    """Where each of `codes` is first seen among the shown rows' first codes plus one
    (`shifted_of()`: 0 for a row with none), for the codes whose count another code shares (the
    only ones the order needs it for); 0 for the rest. The rows of tied codes only are
    looked at: a minimum per code over a million rows was 10 ms of every filter change, for
    ties that rarely exist."""
    at = np.zeros(len(codes), dtype=np.int64)
    values, sizes = np.unique(counts, return_counts=True)
    tied_counts = values[sizes > 1]
    if not len(tied_counts):
        return at
    tied = np.isin(counts, tied_counts)
    shifted = shifted_of()
    wanted = np.zeros(size + 1, dtype=bool)  # place 0: rows with no code, never wanted
    wanted[codes[tied] + 1] = True
    where = np.flatnonzero(wanted[shifted])
    seen_codes, first = np.unique(shifted[where] - 1, return_index=True)
    position = np.searchsorted(codes, seen_codes)
    at[position] = where[first]
    return at


def first_values(events: Sequence[Event], rows: Sequence[int], name: str) -> list[str]:
    """The distinct first values of a tuple field (`parties`, `topics`) of the shown
    events, in the order they first appear among `rows` (the legend's colours)."""
    if isinstance(events, RowEvents):
        firsts, strings = _first_codes(events, rows, name)
        codes, at, _counts = _first_seen(firsts, len(strings))
        return [strings[c] for c in codes[np.argsort(at, kind="stable")].tolist()]
    seen: dict[str, None] = {}
    for row in rows:
        values: tuple[str, ...] = getattr(events[row], name)
        if values:
            seen.setdefault(values[0])
    return list(seen)


def first_value_counts(events: Sequence[Event], rows: Sequence[int],
                       name: str) -> list[tuple[str, int]]:
    """How many shown events have each first value of a tuple field (the value their mark is
    coloured by), largest first, ties in order of first appearance; one pass over `rows`."""
    if isinstance(events, RowEvents):
        columns = events.columns
        strings = columns.vocab[name].strings
        firsts, index = first_code_column(columns, name), row_index(rows)
        counts = _shown_first_counts(columns, name, rows, len(strings))
        codes = np.flatnonzero(counts)
        found = counts[codes].astype(np.int64)
        # each shown row's first code plus one (0 for none), read only when counts tie
        at = _first_seen_of_ties(lambda: firsts.take(index) + np.int32(1), codes, found,
                                 len(counts))
        order = np.lexsort((at, -found)).tolist()
        return [(strings[int(codes[i])], int(found[i])) for i in order]
    seen: dict[str, int] = {}
    for row in rows:
        values: tuple[str, ...] = getattr(events[row], name)
        if values:
            seen[values[0]] = seen.get(values[0], 0) + 1
    return sorted(seen.items(), key=lambda kv: -kv[1])  # stable: ties keep first appearance
