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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.core.events.document_events import Event
from viewer.core.scene import lane_density, lane_packing
from viewer.core.scene.day_parting import part_days
from viewer.core.scene.label_room import CAP, MAX_LABEL_PX, LabelRoom
from viewer.core.scene.lane_batch import many_lane_shapes
from viewer.core.scene.lane_shapes import (
    MARK_HALF,
    LaneArrays,
    Shapes,
    lane_shapes,
    window_days,
)
from viewer.core.scene.lanes import NONE_LABEL, Item, Lane, build_lanes, lane_keys
from viewer.core.scene.row_group import rows_array
from viewer.core.scene.shown_days import extent
from viewer.core.scene.ticks import Tick, tick_unit, ticks
from viewer.core.session.columns import EventColumns
from viewer.core.session.row_events import RowEvents

Floats = npt.NDArray[np.float64]
Rows = npt.NDArray[np.int64]
__all__ = ["NONE_LABEL", "Item", "Lane", "Scene", "Tick", "TimeScale", "build_lanes",
           "extent", "fit_scale", "lane_keys", "tick_unit", "ticks"]

LANE_MODES = ("party", "topic", "document", "tag", "single")

ROW_HEIGHT = 18.0
LANE_PAD = 6.0
MAX_ROWS = 4
SMALL_GROUP = 64  # a group this small is scored alone (`Scene.representative`)
LABEL_ROOM = 24.0  # less room after an item than this: no label
SHORTEN_ROOM = 60.0  # a label wider than its room is cut to whole words only in more room
SINGLE_LANE_ROWS = 14  # one lane has the whole height to itself: stack deeper before badging
FLOOR_SHARE = 0.9  # of the narrowest character's width: a floor under any text's (`_shorten`)
_X0 = operator.attrgetter("x0")


def label_room(item: Item) -> float:
    """The room for a label after an item: to its label's end, less a 4 px gap (below
    `LABEL_ROOM`, no label)."""
    return item.label_x1 - item.x1 - 4


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
                 current: int | None = None, dense: bool = True) -> None:
        self.events = events
        self.mode = mode
        self.scale = scale
        self.measure = measure or (lambda text: 6.0 * len(text))
        self.label_of = label_of or (lambda e: e.text[:60])
        self.lanes = build_lanes(events, rows, mode, lane_label)
        self.max_rows = SINGLE_LANE_ROWS if mode == "single" else MAX_ROWS
        self.height = 0.0
        self.window = (-math.inf, math.inf)
        self.room = LabelRoom(events, self.measure, self.label_of, current)
        self._labels: dict[tuple[int, ...], str] = {}
        # a badge's representative by lane, first row and size (`prepare_labels`)
        self._representatives: dict[tuple[int, int, int], int] = {}
        self._scores: npt.NDArray[np.int64] | None = None  # representative's, over columns
        self._arrays: dict[int, LaneArrays] = {}  # per lane, made on first layout
        self._count_widths: dict[int, float] = {}
        self.dense = dense  # a lane with more events than pixels shows bins (`lane_density`)
        self.version = 0  # counts layouts: a painter keeps what it built until this moves
        self.layout(*(window or (-math.inf, math.inf)))

    @property
    def current(self) -> int | None:
        """The selected event: its label wins where labels crowd."""
        return self.room.current

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
        self.room.current = row
        self.version += 1
        for index, lane in enumerate(self.lanes):
            if lane.key in keys:
                self._place_lane(index, lane, *self.window)

    def covers(self, x0: float, x1: float) -> bool:
        return self.window[0] <= x0 and x1 <= self.window[1]

    def layout(self, x0: float = -math.inf, x1: float = math.inf) -> None:
        """Lay out every lane in the window of x: crowded lanes as bins, the others' shapes
        found for all of them in one pass (`lane_batch`), then each lane's rows."""
        self.window = (x0, x1)
        self.version += 1
        counted: dict[int, lane_density.WindowCount] = {}
        sparse = [index for index, lane in enumerate(self.lanes)
                  if not self._place_dense(index, lane, x0, x1, counted)]
        found = many_lane_shapes([self._arrays[i] for i in sparse],
                                 [self.lanes[i].longest_span for i in sparse],
                                 self.scale.origin, self.scale.px_per_day, (x0, x1),
                                 self._badge_widths,
                                 [(*counted[i].points, counted[i].spans[1]) for i in sparse])
        px = self.scale.px_per_day  # zoomed in to days, a day's few events part
        shapes = {n: part_days(s, px) for n, s in zip(sparse, found, strict=True)}
        y = 0.0
        for index, lane in enumerate(self.lanes):
            placed = shapes.get(index)
            rows = 1 if placed is None else self._pack_lane(index, lane, placed)
            lane.max_rows = max(lane.max_rows, rows)  # heights only grow while scrolling
            lane.y = y
            lane.height = lane.max_rows * ROW_HEIGHT + 2 * LANE_PAD
            y += lane.height
        self.height = y

    def _place_lane(self, index: int, lane: Lane, x0: float, x1: float) -> int:
        """Lay out one lane in the window of x (as `layout` does every lane); the rows it
        uses."""
        if self._place_dense(index, lane, x0, x1):
            return 1
        shapes = part_days(lane_shapes(self._arrays[index], self.scale.origin,
                                       self.scale.px_per_day, (x0, x1), lane.longest_span,
                                       self._badge_widths), self.scale.px_per_day)
        return self._pack_lane(index, lane, shapes)

    def _place_dense(self, index: int, lane: Lane, x0: float, x1: float,
                     counted: dict[int, lane_density.WindowCount] | None = None) -> bool:
        """Whether the lane is crowded in the window: then its items are to be its bins.
        The lane's events in the window are left in `counted` (the shapes read them)."""
        arrays = self._arrays.get(index)
        if arrays is None:
            arrays = self._arrays[index] = LaneArrays.of(lane)
        origin, px = self.scale.origin, self.scale.px_per_day
        found = lane_density.count_in(arrays, *window_days(origin, px, (x0, x1)))
        if counted is not None:
            counted[index] = found
        if not (self.dense and lane_density.is_dense(arrays, found, px)):
            return False
        # More events than pixels: one row of counted bins (no packing, no labels).
        lane.pending = functools.partial(lane_density.density_items, arrays, origin, px,
                                         found, index, lane_density.mean_per_day(arrays))
        return True

    def _pack_lane(self, index: int, lane: Lane, shapes: Shapes) -> int:
        """The rows a lane's shapes fill; its items and their labels, the dear part, are
        made when something first reads them."""
        # The height needs only how many rows the packing fills; the packing itself waits
        # for the items (most lanes of a filter change lie below the visible part). The
        # label room, not the scene: a lane holding its scene would make a cycle that kept
        # every replaced scene (its lanes' row lists: tens of MB) until a full collection.
        used, over = lane_packing.rows_needed(shapes.x0, shapes.x1, self.max_rows)
        lane.pending = functools.partial(_packed_items, self.room, index,
                                         self._arrays[index], shapes, self.max_rows)
        return max(1, used + int(over))

    def _badge_widths(self, counts: Rows) -> Floats:
        """A count badge's width for each count: room for its digits, measured once each."""
        values, at = np.unique(counts, return_inverse=True)
        widths = self._count_widths
        for value in values.tolist():
            if value not in widths:
                widths[value] = max(2 * MARK_HALF + 8, self.measure(str(value)) + 10)
        found: Floats = np.array([widths[v] for v in values.tolist()], dtype=np.float64)[at]
        return found

    def label(self, item: Item) -> str:
        """The text shown after an item, fitted to its room; computed lazily."""
        # Every label follows its mark, bars included: inside a bar it was cut by the bar's end.
        room = item.label_x1 - item.x1 - 4  # `label_room`, written out: asked per item
        if room < LABEL_ROOM:
            return ""  # no room: the group's events are not looked at
        # A lane's item is a range of its rows by day: the first row and the count name it.
        key = (item.lane, item.events[0], len(item.events), round(item.label_x1 - item.x1))
        cached = self._labels.get(key)
        if cached is not None:
            return cached
        row = self._representatives.get(key[:3])
        if row is None:
            row = self.representative(item.events)
        text = self.room.label(row)
        if self.room.width(row) > room:
            text = self._shorten(text, room) if room > SHORTEN_ROOM else ""
        self._labels[key] = text
        return text

    def prepare_labels(self, items: Sequence[Item]) -> None:
        """Before the labels of `items` are asked for: over a Session's columns, find the
        representatives of every badge that has label room at once (one scoring of their
        rows, a maximum per badge), and read the labels that may show in one pass: their
        texts alone for a label of the sentence (`TextLabel`), else their whole events (one
        by one, each read every field and its sentence)."""
        events = self.events
        if not isinstance(events, RowEvents):
            return
        marks: list[int] = []
        badges: list[Item] = []
        for item in items:  # `label_room` written out: a call per visible item
            if item.level >= 0 or item.label_x1 - item.x1 - 4 < LABEL_ROOM:
                continue
            key = (item.lane, item.events[0], len(item.events))
            if item.kind == "badge":
                if key not in self._representatives:
                    badges.append(item)
            else:
                marks.append(item.events[0])
        if badges:
            groups = [rows_array(item.events) for item in badges]
            sizes = np.array([len(group) for group in groups], dtype=np.int64)
            rows = np.concatenate(groups)
            starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
            if self._scores is None and len(rows) <= SMALL_GROUP * len(groups):
                score = _scores(events.columns, rows)
            else:
                if self._scores is None:
                    self._scores = _scores(events.columns, None)
                score = self._scores[rows]
            best = np.maximum.reduceat(score, starts)
            # among each badge's best-scored rows, the first row (as `representative`)
            picked = np.where(score == np.repeat(best, sizes), rows, np.iinfo(np.int64).max)
            for item, row in zip(badges, np.minimum.reduceat(picked, starts).tolist(),
                                 strict=True):
                self._representatives[(item.lane, item.events[0], len(item.events))] = row
                marks.append(row)
        if not self.room.prepare(marks):
            events.make(marks)

    def label_end(self, item: Item) -> float:
        """Where the drawn label of an item ends (for hit-testing)."""
        text = self.label(item)
        if not text:
            return item.x1
        return item.x1 + 4 + self.measure(text)

    def representative(self, group: Sequence[int]) -> int:
        """The event that best stands for a group: explicit, corroborated, specific."""
        events = self.events
        if len(group) == 1:
            return group[0]
        if isinstance(events, RowEvents):
            return self._column_representative(events, group)

        def score(row: int) -> tuple[int, int, int, int]:
            e = events[row]
            return (e.date_source == "explicit", e.sources, len(e.parties) + len(e.topics),
                    -row)

        return max(group, key=score)

    def _column_representative(self, events: RowEvents, group: Sequence[int]) -> int:
        """`representative` over the columns: the same order, without making the events
        (a small group's were made one by one, each reading its sentence). A small group
        is scored alone; once a large one is asked for, every row's score is computed once
        per scene and groups only index it."""
        rows = rows_array(group)
        if self._scores is None and len(rows) <= SMALL_GROUP:
            score = _scores(events.columns, rows)
        else:
            if self._scores is None:
                self._scores = _scores(events.columns, None)
            score = self._scores[rows]
        return int(rows[score == score.max()].min())

    def _shorten(self, text: str, room: float) -> str:
        """The most leading words of `text` that fit `room` with "…" after them. Word counts
        whose characters alone, each at the narrowest width (`LabelRoom.narrow`), already
        run past the room are dropped without measuring: measuring every shorter candidate
        from the whole sentence down was most of a new scene's label cost."""
        words = text.split()
        floor = self.room.narrow * FLOOR_SHARE
        # characters of the first k words with "…": their lengths, the spaces, the "…"
        length = sum(map(len, words)) + len(words)
        while words and length * floor > room:
            length -= len(words.pop()) + 1
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
            starts, items = lane.starts, lane.items
            first = bisect.bisect_left(starts, x0 - back)
            # an item starting at x0 or later ends there or later (x1 >= x0): only those
            # starting before the window are looked at one by one
            inside = bisect.bisect_left(starts, x0, first)
            for item in items[first:inside]:
                if max(item.x1, item.label_x1) >= x0:
                    out.append(item)
            out.extend(items[inside : bisect.bisect_right(starts, x1)])
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



def _packed_items(room: LabelRoom, index: int, arrays: LaneArrays, shapes: Shapes,
                  max_rows: int) -> list[Item]:
    """A lane's shapes packed into rows, and its items with their label room."""
    order = np.argsort(shapes.x0, kind="stable")
    row_of, used = lane_packing.pack(shapes.x0[order], shapes.x1[order], max_rows)
    return room.items(index, arrays, shapes, order, row_of, used)


def _scores(columns: EventColumns, rows: Rows | None) -> Rows:
    """`Scene.representative`'s order as one integer per row (of `rows`, or of every row):
    an explicit date, then sources, then parties and topics, packed."""
    def picked(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
        return array if rows is None else array[rows]

    explicit = columns.vocab["date_source"].codes.get("explicit", -2)
    counts = sum(picked(columns.ragged[name].offsets[1:]) - picked(
        columns.ragged[name].offsets[:-1]) for name in ("parties", "topics"))
    found: Rows = (((picked(columns.arrays["date_source"]) == explicit).astype(np.int64) << 52)
                   + (np.minimum(picked(columns.arrays["sources"]), CAP - 1).astype(np.int64)
                      << 31)
                   + np.minimum(counts, 1 << 30))
    return found


def fit_scale(first: int, last: int, width: float, margin: float = 30.0,
              right: float | None = None) -> TimeScale:
    """A scale that shows days first..last across `width` pixels, leaving `right` pixels
    after the last day for its labels."""
    right = margin if right is None else right
    days = max(1.0, last - first + 1)
    px = max(1e-4, (width - margin - right) / days)
    return TimeScale(first - margin / px, px)
