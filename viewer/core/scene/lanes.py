"""The timeline's lanes: which shown events each lane holds, indexed by day for the scene.

Lanes are built once per filter or lane mode, not per zoom. Over a Session's columns
(`RowEvents`) they are built with array operations (a few sorts of the shown rows), so a
million events make no `Event` object; other sequences go event by event.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from viewer.core.events.document_events import Event
from viewer.core.session.row_events import RowEvents

LANE_FIELD = {"party": "parties", "topic": "topics", "tag": "tags"}  # "document": document
_FIELD = LANE_FIELD
NONE_LABEL = {"party": "No party", "topic": "No topic", "tag": "Untagged",
              "document": "", "single": "All events"}
Rows = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Item:
    """Something drawn in a lane: a mark (one day), a bar (an interval) or a badge (N events)."""

    kind: str
    lane: int
    row: int
    x0: float
    x1: float
    events: Sequence[int]  # a tuple, or a `RowGroup` (a badge's ranges of lane rows)
    label: str = ""
    label_x1: float = 0.0
    over: bool = False  # the label runs over later marks of its row (painted on a chip)

    @property
    def first(self) -> int:
        return self.events[0]


@dataclass(slots=True)
class Lane:
    key: str
    label: str
    events: list[int]
    count: int = 0
    y: float = 0.0
    height: float = 0.0
    _items: list[Item] = field(default_factory=list)  # laid out by the scene, per zoom
    _starts: list[float] = field(default_factory=list)  # items' x0, for bisection
    pending: Callable[[], list[Item]] | None = None  # makes `items` when first read
    # Zoom-independent indexes: single-day events by day, longer ones by first day.
    point_days: list[int] = field(default_factory=list)
    point_rows: list[int] = field(default_factory=list)
    span_starts: list[int] = field(default_factory=list)
    span_ends: list[int] = field(default_factory=list)  # last day of each span, same order
    span_rows: list[int] = field(default_factory=list)
    longest_span: int = 0
    max_rows: int = 1
    undated: list[int] = field(default_factory=list)  # shown in the Undated tray, counted here

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
        lane.point_days = [d for d, _ in points]
        lane.point_rows = [r for _, r in points]
        lane.span_starts = [d for d, _, _ in spans]
        lane.span_rows = [r for _, r, _ in spans]
        lane.span_ends = [e for _, _, e in spans]
        lanes.append(lane)
    return lanes


def _lane_pairs(events: RowEvents, shown: Rows, mode: str
                ) -> tuple[Rows, npt.NDArray[np.int64], list[str]]:
    """(row, lane code) for every lane an event belongs to, and the key of each code."""
    columns = events.columns
    if mode == "single":
        return shown, np.zeros(len(shown), dtype=np.int64), [""]
    if mode == "document":
        strings = list(columns.vocab["document"].strings) if "document" in columns.vocab else []
        return shown, columns.arrays["document"][shown].astype(np.int64), strings
    ragged = columns.ragged[_FIELD[mode]]
    strings = [*columns.vocab[_FIELD[mode]].strings, ""]
    is_shown = np.zeros(columns.size, dtype=bool)
    is_shown[shown] = True
    keep = is_shown[ragged.rows]
    pair_rows = ragged.rows[keep].astype(np.int64)
    codes = ragged.codes[keep].astype(np.int64)
    has = np.zeros(columns.size, dtype=bool)
    has[pair_rows] = True
    empty = shown[~has[shown]]  # no value: the "No party" lane
    return (np.concatenate([pair_rows, empty]),
            np.concatenate([codes, np.full(len(empty), len(strings) - 1, dtype=np.int64)]),
            strings)


def _argsort_keys(keys: list[npt.NDArray[np.int64]]) -> npt.NDArray[np.int64]:
    """Stable order by several non-negative integer keys, major first: one argsort of the
    keys packed into one integer when they fit in 63 bits, else a lexsort."""
    if not len(keys[0]):
        return np.zeros(0, dtype=np.int64)
    bits = [max(1, int(k.max()).bit_length()) for k in keys]
    if sum(bits) > 63 or min(int(k.min()) for k in keys) < 0:
        return np.lexsort(tuple(reversed(keys)))
    packed = np.zeros(len(keys[0]), dtype=np.int64)
    for key, width in zip(keys, bits, strict=True):
        packed = (packed << width) | key
    found: npt.NDArray[np.int64] = np.argsort(packed, kind="stable")
    return found


def _column_lanes(events: RowEvents, rows: Sequence[int], mode: str,
                  labels: Callable[[str], str] | None) -> list[Lane]:
    columns = events.columns
    shown = np.asarray(rows, dtype=np.int64)
    pair_rows, codes, strings = _lane_pairs(events, shown, mode)
    unique: dict[str, int] = {}  # the same key under two codes is one lane
    code_map = np.array([unique.setdefault(k, len(unique)) for k in strings] or [0],
                        dtype=np.int64)
    codes = code_map[codes]
    keys = list(unique)
    position = np.zeros(columns.size, dtype=np.int64)
    position[shown] = np.arange(len(shown), dtype=np.int64)
    start = columns.arrays["start"][pair_rows].astype(np.int64)
    end = columns.arrays["end"][pair_rows].astype(np.int64)
    end = np.where(end == 0, start, end)
    dated = start != 0
    point = dated & (end <= start)

    def grouped(selected: npt.NDArray[np.bool_], *minor: npt.NDArray[np.int64]
                ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Indexes of the selected pairs ordered by lane, then by `minor` (last first)."""
        picked = np.flatnonzero(selected)
        sort_keys = [codes[picked], *(m[picked] for m in reversed(minor))]  # major first
        order = picked[_argsort_keys(sort_keys)]
        bounds = np.searchsorted(codes[order], np.arange(len(keys) + 1))
        return order, bounds

    by_position = position[pair_rows]
    dated_order, dated_at = grouped(dated, by_position)
    undated_order, undated_at = grouped(~dated, by_position)
    point_order, point_at = grouped(point, pair_rows, start)
    span_order, span_at = grouped(dated & ~point, pair_rows, start)
    sizes_array = np.bincount(codes, minlength=len(keys))
    sizes = {k: int(sizes_array[i]) for i, k in enumerate(keys) if sizes_array[i]}
    name = labels or (lambda key: key)
    lanes = []
    for key in _order(list(sizes), sizes, mode):
        i = unique[key]
        lane = Lane(key, name(key) if key else NONE_LABEL[mode],
                    pair_rows[dated_order[dated_at[i]:dated_at[i + 1]]].tolist(),
                    count=sizes[key],
                    undated=pair_rows[undated_order[undated_at[i]:undated_at[i + 1]]].tolist())
        points = point_order[point_at[i]:point_at[i + 1]]
        lane.point_days = start[points].tolist()
        lane.point_rows = pair_rows[points].tolist()
        spans = span_order[span_at[i]:span_at[i + 1]]
        lane.span_starts = start[spans].tolist()
        lane.span_ends = end[spans].tolist()
        lane.span_rows = pair_rows[spans].tolist()
        lane.longest_span = int((end[spans] - start[spans]).max()) + 1 if len(spans) else 0
        lanes.append(lane)
    return lanes


def extent(events: Sequence[Event], rows: Sequence[int]) -> tuple[int, int] | None:
    """First and last day ordinals the shown events cover."""
    if isinstance(events, RowEvents):
        shown = np.asarray(rows, dtype=np.int64)
        start = events.columns.arrays["start"][shown]
        end = events.columns.arrays["end"][shown]
        dated = start != 0
        if not dated.any():
            return None
        last = np.where(end == 0, start, end)[dated]
        return int(start[dated].min()), int(last.max())
    lo = hi = None
    for row in rows:
        event = events[row]
        if event.start is None or event.end is None:
            continue
        a, b = event.start.toordinal(), event.end.toordinal()
        lo = a if lo is None or a < lo else lo
        hi = b if hi is None or b > hi else hi
    if lo is None or hi is None:
        return None
    return lo, hi


def _first_codes(events: RowEvents, rows: Sequence[int],
                 name: str) -> tuple[npt.NDArray[np.int32], Sequence[str]]:
    """The first code of a tuple field for each shown row that has one, in `rows` order, and
    the strings the codes stand for."""
    columns = events.columns
    ragged = columns.ragged[name]
    shown = np.asarray(rows, dtype=np.int64)
    offsets = ragged.offsets
    shown = shown[offsets[shown + 1] > offsets[shown]]
    return ragged.codes[offsets[shown]], columns.vocab[name].strings


def first_values(events: Sequence[Event], rows: Sequence[int], name: str) -> list[str]:
    """The distinct first values of a tuple field (`parties`, `topics`) of the shown
    events, in the order they first appear among `rows` (the legend's colours)."""
    if isinstance(events, RowEvents):
        firsts, strings = _first_codes(events, rows, name)
        codes, at = np.unique(firsts, return_index=True)
        return [strings[int(c)] for c in codes[np.argsort(at, kind="stable")]]
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
        firsts, strings = _first_codes(events, rows, name)
        codes, at, counts = np.unique(firsts, return_index=True, return_counts=True)
        order = np.lexsort((at, -counts))
        return [(strings[int(codes[i])], int(counts[i])) for i in order]
    seen: dict[str, int] = {}
    for row in rows:
        values: tuple[str, ...] = getattr(events[row], name)
        if values:
            seen[values[0]] = seen.get(values[0], 0) + 1
    return sorted(seen.items(), key=lambda kv: -kv[1])  # stable: ties keep first appearance
