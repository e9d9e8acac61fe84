"""Timeline layout as a Qt-free scene: time ↔ x, lanes, ticks, clustering, hit-testing.

The widget asks the scene what lies in the visible rectangle and paints only that. Events
that would overlap at the current zoom merge into count badges, and a label is placed only
where it fits, so labels never overlap; zooming in splits badges into marks again. A lane's
clusters, bars and overflow badges are array work over its sorted days (`lane_shapes`), and
a badge holds ranges of rows, not copies, so a layout costs per visible cluster, not per
event, and a million events lay out as fast as a few thousand clusters.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
import operator
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from viewer.core.events.cues import RANK
from viewer.core.events.document_events import Event
from viewer.core.scene import label_layout, lane_packing
from viewer.core.scene.lane_shapes import (
    MARK_HALF,
    LaneArrays,
    Shapes,
    lane_shapes,
    overflow_badges,
)
from viewer.core.scene.lanes import NONE_LABEL, Item, Lane, build_lanes, extent, lane_keys
from viewer.core.scene.row_group import RowGroup, rows_array
from viewer.core.scene.ticks import Tick, tick_unit, ticks
from viewer.core.session.row_events import RowEvents

Floats = npt.NDArray[np.float64]
Rows = npt.NDArray[np.int64]
__all__ = ["NONE_LABEL", "Item", "Lane", "Scene", "Tick", "TimeScale", "build_lanes",
           "extent", "fit_scale", "lane_keys", "tick_unit", "ticks"]

LANE_MODES = ("party", "topic", "document", "tag", "single")

ROW_HEIGHT = 18.0
LANE_PAD = 6.0
MAX_ROWS = 4
SINGLE_LANE_ROWS = 14  # one lane has the whole height to itself: stack deeper before badging
MAX_LABEL_PX = 420.0  # the longest a label may run past its mark
_CAP = 1 << 20  # sources (or a badge's events) beyond this rank alike
_X0 = operator.attrgetter("x0")


@dataclass(frozen=True, slots=True)
class TimeScale:
    """Maps day ordinals (fractional days allowed) to content x and back."""

    origin: float
    px_per_day: float

    def x(self, ordinal: float) -> float:
        return (ordinal - self.origin) * self.px_per_day

    def ordinal(self, x: float) -> float:
        return self.origin + x / self.px_per_day

    def date(self, x: float) -> dt.date:
        return dt.date.fromordinal(max(1, min(3652059, math.floor(self.ordinal(x)))))


class Scene:
    """The laid-out timeline for some events at one scale, within a window of x.

    Lanes are indexed once; `layout(x0, x1)` places only what falls in that window (a few
    screens around the viewport), so zooming and scrolling cost per visible cluster.
    """

    def __init__(self, events: Sequence[Event], rows: Sequence[int], mode: str,
                 scale: TimeScale, measure: Callable[[str], float] | None = None,
                 label_of: Callable[[Event], str] | None = None,
                 window: tuple[float, float] | None = None,
                 lane_label: Callable[[str], str] | None = None,
                 current: int | None = None) -> None:
        self.events = events
        self.mode = mode
        self.scale = scale
        self.measure = measure or (lambda text: 6.0 * len(text))
        self.label_of = label_of or (lambda e: e.text[:60])
        self.lanes = build_lanes(events, rows, mode, lane_label)
        self.max_rows = SINGLE_LANE_ROWS if mode == "single" else MAX_ROWS
        self.height = 0.0
        self.window = (-math.inf, math.inf)
        self.current = current  # the selected event: its label wins where labels crowd
        self._labels: dict[tuple[int, ...], str] = {}
        self._widths: dict[int, float] = {}  # an event's full label width, measured once
        self._lows: dict[int, float] = {}  # a floor under it, from its length alone
        self._narrow = min(self.measure(c) for c in " .,:;'il|!")  # a floor per character
        self._scores: npt.NDArray[np.int64] | None = None  # representative's, over columns
        self._arrays: dict[int, LaneArrays] = {}  # per lane, made on first layout
        self._count_widths: dict[int, float] = {}
        self.version = 0  # counts layouts: a painter keeps what it built until this moves
        self.layout(*(window or (-math.inf, math.inf)))

    def set_scale(self, scale: TimeScale, window: tuple[float, float]) -> None:
        self.scale = scale
        for lane in self.lanes:
            lane.max_rows = 1  # a new zoom: lanes may shrink again
        self.layout(*window)

    def set_current(self, row: int | None) -> None:
        """A new selected event takes label priority: place the labels again, in the lanes
        of the old and the new one only (rows and heights do not depend on it)."""
        if row == self.current:
            return
        keys = {key for r in (row, self.current) if r is not None
                for key in lane_keys(self.events[r], self.mode)}
        self.current = row
        self.version += 1
        for index, lane in enumerate(self.lanes):
            if lane.key in keys:
                self._place_lane(index, lane, *self.window)

    def covers(self, x0: float, x1: float) -> bool:
        return self.window[0] <= x0 and x1 <= self.window[1]

    def layout(self, x0: float = -math.inf, x1: float = math.inf) -> None:
        self.window = (x0, x1)
        self.version += 1
        y = 0.0
        for index, lane in enumerate(self.lanes):
            rows = self._place_lane(index, lane, x0, x1)
            lane.max_rows = max(lane.max_rows, rows)  # heights only grow while scrolling
            lane.y = y
            lane.height = lane.max_rows * ROW_HEIGHT + 2 * LANE_PAD
            y += lane.height
        self.height = y

    def _place_lane(self, index: int, lane: Lane, x0: float, x1: float) -> int:
        """Pack the lane's shapes into rows now (its height depends on them); its items and
        their labels, the dear part, are made when something first reads them (a lane
        scrolled out of sight costs only the packing). The rows it uses."""
        arrays = self._arrays.get(index)
        if arrays is None:
            arrays = self._arrays[index] = LaneArrays.of(lane)
        shapes = lane_shapes(arrays, self.scale.origin, self.scale.px_per_day, (x0, x1),
                             lane.longest_span, self._badge_widths)
        order = np.argsort(shapes.x0, kind="stable")
        row_of, used = lane_packing.pack(shapes.x0[order], shapes.x1[order], self.max_rows)
        # Weakly: a lane that held its scene would keep every replaced scene (and its lanes'
        # row lists, tens of MB) alive until a full garbage collection.
        lane.pending = functools.partial(_made_later, weakref.ref(self), index, arrays,
                                         shapes, order, row_of, used)
        return max(1, used + int(bool((row_of < 0).any())))

    def _lane_items(self, lane_index: int, arrays: LaneArrays, shapes: Shapes, order: Rows,
                    row_of: Rows, used: int) -> list[Item]:
        """A packed lane's items, in x order, with their label room."""
        placed_at = np.flatnonzero(row_of >= 0)
        chosen = order[placed_at]
        starts, stops = shapes.starts[chosen], shapes.stops[chosen]
        first_rows = arrays.rows[starts].tolist()
        placed: list[tuple[str, int, float, float, Sequence[int]]] = []
        for n, (shape, row, x0, x1, size) in enumerate(zip(
                chosen.tolist(), row_of[placed_at].tolist(), shapes.x0[chosen].tolist(),
                shapes.x1[chosen].tolist(), (stops - starts).tolist(), strict=True)):
            if size == 1:
                placed.append(("bar" if shape >= shapes.clusters else "mark", row, x0, x1,
                               (first_rows[n],)))
            else:
                placed.append(("badge", row, x0, x1,
                               RowGroup(arrays.rows, starts[n : n + 1], stops[n : n + 1], size)))
        items = self._with_label_room(lane_index, placed)
        over = order[row_of < 0]
        if len(over):
            items.extend(overflow_badges(arrays, shapes, over, lane_index, used,
                                         MAX_LABEL_PX))
        items.sort(key=_X0)
        return items

    def _badge_widths(self, counts: Rows) -> Floats:
        """A count badge's width for each count: room for its digits, measured once each."""
        values, at = np.unique(counts, return_inverse=True)
        widths = self._count_widths
        for value in values.tolist():
            if value not in widths:
                widths[value] = max(2 * MARK_HALF + 8, self.measure(str(value)) + 10)
        found: Floats = np.array([widths[v] for v in values.tolist()], dtype=np.float64)[at]
        return found

    def _with_label_room(self, lane_index: int,
                         placed: list[tuple[str, int, float, float, Sequence[int]]]
                         ) -> list[Item]:
        """Each item learns how far its label may reach; where labels compete for room in a
        row, the priority of `label_layout` decides which marks get one."""
        by_row: dict[int, list[tuple[str, int, float, float, Sequence[int]]]] = {}
        for entry in placed:
            by_row.setdefault(entry[1], []).append(entry)
        items: list[Item] = []
        for row, entries in by_row.items():
            # `placed` is in x order (ties as packed), so each row's entries are too
            ends = label_layout.place([e[2] for e in entries], [e[3] for e in entries],
                                      [False] * len(entries),  # labels follow bars too
                                      [e[0] != "mark" for e in entries],
                                      self._priorities(entries),
                                      functools.partial(self._want, entries), MAX_LABEL_PX,
                                      self._current_at(entries))
            for n, (kind, _, x0, x1, group) in enumerate(entries):
                end = ends[n]
                over = n + 1 < len(entries) and end > entries[n + 1][2]
                items.append(Item(kind, lane_index, row, x0, x1, group, "", end, over))
        return items

    def _priority(self, entries: list[tuple[str, int, float, float, Sequence[int]]],
                  n: int) -> int:
        """Who wins label room where labels crowd, smaller first (ties go by time): the
        selected event, then single events before badges, more sources (a badge: more
        events), finer precision, an explicit date. Packed into one integer."""
        kind, _, _, _, group = entries[n]
        if kind == "badge":
            # A badge's label is one sentence of many: after every single event's.
            return ((3 * _CAP) + _CAP - 1 - min(len(group), _CAP - 1)) * 32
        row = group[0]
        e = self.events[row]
        head = (2 * (row != self.current)) * _CAP + _CAP - 1 - min(e.sources, _CAP - 1)
        return (head * 16 + RANK.get(e.precision, 15)) * 2 + (e.date_source != "explicit")

    def _priorities(self, entries: list[tuple[str, int, float, float, Sequence[int]]]
                    ) -> Callable[[int], int]:
        """`_priority` for a row's entries: over a Session's columns, all of them at once
        from the columns (read as they are now, edits included), else one by one."""
        events = self.events
        if not isinstance(events, RowEvents) or "precision" not in events.columns.vocab:
            return functools.partial(self._priority, entries)
        columns = events.columns
        rows = np.fromiter((e[4][0] for e in entries), np.int64, len(entries))
        ranks = np.array([RANK.get(p, 15) for p in columns.vocab["precision"].strings] or [15],
                         dtype=np.int64)
        explicit = columns.vocab["date_source"].codes.get("explicit", -2)
        sources = np.minimum(columns.arrays["sources"][rows].astype(np.int64), _CAP - 1)
        head = 2 * (rows != (-1 if self.current is None else self.current)) * _CAP \
            + _CAP - 1 - sources
        found = ((head * 16 + ranks[columns.arrays["precision"][rows]]) * 2
                 + (columns.arrays["date_source"][rows] != explicit))
        badges = [n for n, e in enumerate(entries) if e[0] == "badge"]
        if badges:
            sizes = np.array([len(entries[n][4]) for n in badges], dtype=np.int64)
            found[badges] = ((3 * _CAP) + _CAP - 1 - np.minimum(sizes, _CAP - 1)) * 32
        priorities: list[int] = found.tolist()
        return priorities.__getitem__

    def _current_at(self, entries: list[tuple[str, int, float, float, Sequence[int]]]
                    ) -> int | None:
        """Where the selected event's own mark is in a row, if there."""
        if self.current is None:
            return None
        return next((n for n, e in enumerate(entries)
                     if e[0] != "badge" and e[4][0] == self.current), None)

    def _want(self, entries: list[tuple[str, int, float, float, Sequence[int]]],
              n: int) -> float:
        """The full width of an entry's label (a badge's is never measured for room)."""
        entry = entries[n]
        if entry[0] == "badge":
            return MAX_LABEL_PX
        row = entry[4][0]
        if row not in self._widths and row != self.current:
            # A long text is wider than any crowded label may run, measured or not: the
            # placement then decides the same, without the dear measuring. Kept per row:
            # each zoom step asks again for the same crowded marks.
            low = self._lows.get(row)
            if low is None:
                low = self._lows[row] = len(self.label_of(self.events[row])) * self._narrow
            if low >= label_layout.CROWD_PX:
                return low
        return self._width(row)

    def _width(self, row: int) -> float:
        width = self._widths.get(row)
        if width is None:
            width = self._widths[row] = self.measure(self.label_of(self.events[row]))
        return width

    def label(self, item: Item) -> str:
        """The text shown after an item, fitted to its room; computed lazily."""
        # Every label follows its mark, bars included: inside a bar it was cut by the bar's end.
        room = item.label_x1 - item.x1 - 4
        if room < 24:
            return ""  # no room: the group's events are not looked at
        # A lane's item is a range of its rows by day: the first row and the count name it.
        key = (item.lane, item.events[0], len(item.events), round(item.label_x1 - item.x1))
        cached = self._labels.get(key)
        if cached is not None:
            return cached
        row = self.representative(item.events)
        text = self.label_of(self.events[row])
        if self._width(row) > room:
            text = self._shorten(text, room) if room > 60 else ""
        self._labels[key] = text
        return text

    def label_end(self, item: Item) -> float:
        """Where the drawn label of an item ends (for hit-testing)."""
        text = self.label(item)
        if not text:
            return item.x1
        return item.x1 + 4 + self.measure(text)

    def representative(self, group: Sequence[int]) -> int:
        """The event that best stands for a group: explicit, corroborated, specific."""
        events = self.events
        if isinstance(events, RowEvents) and len(group) > 8:
            return self._column_representative(events, group)

        def score(row: int) -> tuple[int, int, int, int]:
            e = events[row]
            return (e.date_source == "explicit", e.sources, len(e.parties) + len(e.topics),
                    -row)

        return max(group, key=score)

    def _column_representative(self, events: RowEvents, group: Sequence[int]) -> int:
        """`representative` over the columns: the same order, without making the events.
        Every row's score is computed once per scene, then a group only indexes it."""
        if self._scores is None:
            columns = events.columns
            explicit = columns.vocab["date_source"].codes.get("explicit", -2)
            counts = sum(np.diff(columns.ragged[name].offsets) for name in ("parties", "topics"))
            self._scores = (
                ((columns.arrays["date_source"] == explicit).astype(np.int64) << 52)
                + (np.minimum(columns.arrays["sources"], _CAP - 1).astype(np.int64) << 31)
                + np.minimum(counts, 1 << 30))
        rows = rows_array(group)
        score = self._scores[rows]
        return int(rows[score == score.max()].min())

    def _shorten(self, text: str, room: float) -> str:
        words = text.split()
        while words and self.measure(" ".join(words) + "…") > room:
            words.pop()
        return " ".join(words) + "…" if words else ""

    # -- queries --------------------------------------------------------------------------
    def visible(self, x0: float, x1: float, y0: float = -math.inf, y1: float = math.inf
                ) -> list[Item]:
        """Items whose mark, bar or label room intersects the rectangle."""
        out: list[Item] = []
        for lane in self.lanes:
            if lane.y + lane.height < y0 or lane.y > y1:
                continue
            # Reach back over the lane's longest bar too: one that starts far off the left edge
            # still crosses the view (zoomed in, the Geneva week bars vanished).
            back = MAX_LABEL_PX + 20 + (lane.longest_span + 1) * self.scale.px_per_day
            first = bisect.bisect_left(lane.starts, x0 - back)
            for item in lane.items[first : bisect.bisect_right(lane.starts, x1)]:
                if max(item.x1, item.label_x1) >= x0:
                    out.append(item)
        return out

    def item_y(self, item: Item) -> float:
        return self.lanes[item.lane].y + LANE_PAD + item.row * ROW_HEIGHT

    def item_at(self, x: float, y: float, slack: float = 3.0) -> Item | None:
        for lane in self.lanes:
            if not lane.y <= y < lane.y + lane.height:
                continue
            row = int((y - lane.y - LANE_PAD) // ROW_HEIGHT)
            candidates = [i for i in self.visible(x - slack, x + slack, y, y) if i.row == row]
            hits = [i for i in candidates
                    if i.x0 - slack <= x <= self.label_end(i) + slack]
            if hits:
                return min(hits, key=lambda i: abs((i.x0 + i.x1) / 2 - x))
        return None



def _made_later(scene: weakref.ref[Scene], index: int, arrays: LaneArrays, shapes: Shapes,
                order: Rows, row_of: Rows, used: int) -> list[Item]:
    """A lane's items, made when first read, if its scene is still there."""
    owner = scene()
    return owner._lane_items(index, arrays, shapes, order, row_of, used) if owner else []


def fit_scale(first: int, last: int, width: float, margin: float = 30.0,
              right: float | None = None) -> TimeScale:
    """A scale that shows days first..last across `width` pixels, leaving `right` pixels
    after the last day for its labels."""
    right = margin if right is None else right
    days = max(1.0, last - first + 1)
    px = max(1e-4, (width - margin - right) / days)
    return TimeScale(first - margin / px, px)
