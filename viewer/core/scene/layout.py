"""Timeline layout as a Qt-free scene: time ↔ x, lanes, ticks, clustering, hit-testing.

The widget asks the scene what lies in the visible rectangle and paints only that. Events
that would overlap at the current zoom merge into count badges, and a label is placed only
where it fits, so labels never overlap; zooming in splits badges into marks again. Clustering
walks each lane's sorted dates with bisection, so a layout costs per visible cluster, not per
event, and a million events lay out as fast as a few thousand clusters.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from viewer.core.events.cues import RANK
from viewer.core.events.document_events import Event
from viewer.core.scene import label_layout, lane_packing
from viewer.core.scene.lanes import NONE_LABEL, Item, Lane, build_lanes, extent, lane_keys
from viewer.core.session.row_events import RowEvents

Floats = npt.NDArray[np.float64]
Rows = npt.NDArray[np.int64]
__all__ = ["NONE_LABEL", "Item", "Lane", "Scene", "TimeScale", "build_lanes", "extent",
           "fit_scale", "lane_keys", "tick_unit", "ticks"]

LANE_MODES = ("party", "topic", "document", "tag", "single")

ROW_HEIGHT = 18.0
LANE_PAD = 6.0
CLUSTER_PX = 9.0
MARK_HALF = 5.0
MAX_ROWS = 4
SINGLE_LANE_ROWS = 14  # one lane has the whole height to itself: stack deeper before badging
MAX_LABEL_PX = 420.0  # the longest a label may run past its mark
_CAP = 1 << 20  # sources (or a badge's events) beyond this rank alike


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


# (name, approximate days, step) for ticks; the first whose spacing is wide enough is used.
_UNITS: tuple[tuple[str, float, int], ...] = (
    ("hour", 1 / 24, 1), ("6 hours", 0.25, 6), ("day", 1, 1), ("week", 7, 1),
    ("month", 30.44, 1), ("quarter", 91.3, 3), ("year", 365.25, 1), ("5 years", 1826, 5),
    ("decade", 3652.5, 10), ("50 years", 18262, 50), ("century", 36525, 100),
)


@dataclass(frozen=True, slots=True)
class Tick:
    ordinal: float
    label: str
    major: bool


def tick_unit(px_per_day: float, min_px: float = 64.0) -> str:
    for name, days, _ in _UNITS:
        if days * px_per_day >= min_px:
            return name
    return "century"


def _month_start(year: int, month: int) -> dt.date:
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(max(1, min(9999, year)), month, 1)


def ticks(first: float, last: float, px_per_day: float) -> tuple[str, list[Tick]]:
    """Tick marks between two ordinals, labelled for the zoom level."""
    unit = tick_unit(px_per_day)
    out: list[Tick] = []
    lo = dt.date.fromordinal(max(1, int(first) - 1))
    hi_ord = last + 1
    if unit in ("hour", "6 hours"):
        step = 1 if unit == "hour" else 6
        day = lo.toordinal()
        while day <= hi_ord:
            for hour in range(0, 24, step):
                ordinal = day + hour / 24
                if first - 1 <= ordinal <= hi_ord:
                    date = dt.date.fromordinal(day)
                    label = date.strftime("%a %d %b") if hour == 0 else f"{hour:02d}:00"
                    out.append(Tick(ordinal, label, hour == 0))
            day += 1
    elif unit in ("day", "week"):
        day = lo.toordinal()
        if unit == "week":
            day -= dt.date.fromordinal(day).weekday()
        step = 1 if unit == "day" else 7
        while day <= hi_ord:
            date = dt.date.fromordinal(day)
            major = date.day == 1 if unit == "day" else date.day <= 7
            label = date.strftime("%a %d %b") if unit == "day" else date.strftime("%d %b")
            if major:
                label = date.strftime("%d %b %Y")
            out.append(Tick(day, label, major))
            day += step
    elif unit in ("month", "quarter"):
        step = 1 if unit == "month" else 3
        month = lo.month - (lo.month - 1) % step
        date = _month_start(lo.year, month)
        while date.toordinal() <= hi_ord and date.year < 9999:
            major = date.month == 1
            label = date.strftime("%Y") if major else date.strftime("%b")
            if unit == "quarter" and not major:
                label = f"Q{(date.month - 1) // 3 + 1}"
            out.append(Tick(date.toordinal(), label, major))
            date = _month_start(date.year, date.month + step)
    else:
        step = next(s for name, _, s in _UNITS if name == unit)
        year = lo.year - lo.year % step
        while year <= 9999 and dt.date(max(1, year), 1, 1).toordinal() <= hi_ord:
            if year >= 1:
                major = year % (step * 5 if step < 100 else step) == 0
                out.append(Tick(dt.date(year, 1, 1).toordinal(), str(year), major))
            year += step
    return unit, out


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
        self._narrow = min(self.measure(c) for c in " .,:;'il|!")  # a floor per character
        self._scores: npt.NDArray[np.int64] | None = None  # representative's, over columns
        self._spans: dict[int, tuple[Floats, Floats, Rows]] = {}
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
        for index, lane in enumerate(self.lanes):
            if lane.key in keys:
                self._place_lane(index, lane, *self.window)

    def covers(self, x0: float, x1: float) -> bool:
        return self.window[0] <= x0 and x1 <= self.window[1]

    def layout(self, x0: float = -math.inf, x1: float = math.inf) -> None:
        self.window = (x0, x1)
        y = 0.0
        for index, lane in enumerate(self.lanes):
            self._place_lane(index, lane, x0, x1)
            rows = max((item.row for item in lane.items), default=0) + 1
            lane.max_rows = max(lane.max_rows, rows)  # heights only grow while scrolling
            lane.y = y
            lane.height = lane.max_rows * ROW_HEIGHT + 2 * LANE_PAD
            y += lane.height
        self.height = y

    def _place_lane(self, index: int, lane: Lane, x0: float, x1: float) -> None:
        lane.items = self._lane_items(index, lane, x0, x1)
        lane.items.sort(key=lambda item: item.x0)
        lane.starts = [item.x0 for item in lane.items]

    def _lane_items(self, lane_index: int, lane: Lane, wx0: float, wx1: float) -> list[Item]:
        scale = self.scale
        px = scale.px_per_day
        first_day = math.floor(scale.ordinal(wx0)) - 1 if wx0 > -math.inf else -10**9
        last_day = math.ceil(scale.ordinal(wx1)) + 1 if wx1 < math.inf else 10**9
        shapes: list[tuple[str, float, float, tuple[int, ...]]] = []
        days = np.asarray(lane.point_days, dtype=np.int64)  # no copy over a Session's lanes
        rows = lane.point_rows
        index = int(np.searchsorted(days, first_day, side="left"))
        stop_all = int(np.searchsorted(days, last_day, side="right"))
        reach = CLUSTER_PX / px  # days that fit in one cluster's width
        while index < stop_all:
            day = int(days[index])
            stop = index + int(np.searchsorted(days[index:stop_all], day + reach, side="right"))
            group = tuple(rows[index:stop])
            xa = scale.x(day + 0.5)
            xb = scale.x(int(days[stop - 1]) + 0.5)
            if len(group) == 1:
                shapes.append(("mark", xa - MARK_HALF, xa + MARK_HALF, group))
            else:
                width = max(2 * MARK_HALF + 8, self.measure(str(len(group))) + 10)
                centre = (xa + xb) / 2
                shapes.append(("badge", centre - width / 2, centre + width / 2, group))
            index = stop
        starts, ends, span_rows = self._span_arrays(lane_index, lane)
        lo = int(np.searchsorted(starts, first_day - lane.longest_span, side="left"))
        hi = int(np.searchsorted(starts, last_day, side="right"))
        bar_x0 = (starts[lo:hi] - scale.origin) * px
        bar_x1 = (ends[lo:hi] + 1 - scale.origin) * px
        shown = bar_x1 >= wx0
        bar_x0, bar_rows = bar_x0[shown], span_rows[lo:hi][shown]
        bar_x1 = np.maximum(bar_x1[shown], bar_x0 + 2)
        count = len(shapes)
        x0 = np.concatenate([np.fromiter((s[1] for s in shapes), np.float64, count), bar_x0])
        x1 = np.concatenate([np.fromiter((s[2] for s in shapes), np.float64, count), bar_x1])
        order = np.argsort(x0, kind="stable")
        row_of, used = lane_packing.pack(x0[order], x1[order], self.max_rows)
        placed: list[tuple[str, int, float, float, tuple[int, ...]]] = []
        for at in np.flatnonzero(row_of >= 0).tolist():
            shape = int(order[at])
            if shape < count:
                kind, _, _, group = shapes[shape]
            else:
                kind, group = "bar", (int(bar_rows[shape - count]),)
            placed.append((kind, int(row_of[at]), float(x0[shape]), float(x1[shape]), group))
        items = self._with_label_room(lane_index, placed)
        over = order[row_of < 0]
        if len(over):
            items.extend(self._overflow_badges(lane_index, over, x0, x1, shapes, bar_rows,
                                               used))
        return items

    def _span_arrays(self, index: int, lane: Lane) -> tuple[Floats, Floats, Rows]:
        """A lane's spans as arrays (first day, last day, row), made once per scene."""
        found = self._spans.get(index)
        if found is None:
            found = self._spans[index] = (np.asarray(lane.span_starts, dtype=np.float64),
                                          np.asarray(lane.span_ends, dtype=np.float64),
                                          np.asarray(lane.span_rows, dtype=np.int64))
        return found

    def _with_label_room(self, lane_index: int,
                         placed: list[tuple[str, int, float, float, tuple[int, ...]]]
                         ) -> list[Item]:
        """Each item learns how far its label may reach; where labels compete for room in a
        row, the priority of `label_layout` decides which marks get one."""
        by_row: dict[int, list[tuple[str, int, float, float, tuple[int, ...]]]] = {}
        for entry in placed:
            by_row.setdefault(entry[1], []).append(entry)
        items: list[Item] = []
        for row, entries in by_row.items():
            entries.sort(key=lambda e: e[2])
            ends = label_layout.place([e[2] for e in entries], [e[3] for e in entries],
                                      [False] * len(entries),  # labels follow bars too
                                      [e[0] != "mark" for e in entries],
                                      functools.partial(self._priority, entries),
                                      functools.partial(self._want, entries), MAX_LABEL_PX,
                                      self._current_at(entries))
            for n, (kind, _, x0, x1, group) in enumerate(entries):
                end = ends[n]
                over = n + 1 < len(entries) and end > entries[n + 1][2]
                items.append(Item(kind, lane_index, row, x0, x1, group, "", end, over))
        return items

    def _priority(self, entries: list[tuple[str, int, float, float, tuple[int, ...]]],
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

    def _current_at(self, entries: list[tuple[str, int, float, float, tuple[int, ...]]]
                    ) -> int | None:
        """Where the selected event's own mark is in a row, if there."""
        if self.current is None:
            return None
        return next((n for n, e in enumerate(entries)
                     if e[0] != "badge" and e[4][0] == self.current), None)

    def _want(self, entries: list[tuple[str, int, float, float, tuple[int, ...]]],
              n: int) -> float:
        """The full width of an entry's label (a badge's is never measured for room)."""
        entry = entries[n]
        if entry[0] == "badge":
            return MAX_LABEL_PX
        row = entry[4][0]
        if row not in self._widths and row != self.current:
            # A long text is wider than any crowded label may run, measured or not: the
            # placement then decides the same, without the dear measuring.
            low = len(self.label_of(self.events[row])) * self._narrow
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
        key = (*item.events[:3], len(item.events), round(item.label_x1 - item.x1))
        cached = self._labels.get(key)
        if cached is not None:
            return cached
        row = self.representative(item.events)
        text = self.label_of(self.events[row])
        # Every label follows its mark, bars included: inside a bar it was cut by the bar's end.
        room = item.label_x1 - item.x1 - 4
        if room < 24:
            text = ""
        elif self._width(row) > room:
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
        rows = np.asarray(group, dtype=np.int64)
        score = self._scores[rows]
        return int(rows[score == score.max()].min())

    def _shorten(self, text: str, room: float) -> str:
        words = text.split()
        while words and self.measure(" ".join(words) + "…") > room:
            words.pop()
        return " ".join(words) + "…" if words else ""

    def _overflow_badges(self, lane_index: int, over: Rows, x0: Floats, x1: Floats,
                         shapes: list[tuple[str, float, float, tuple[int, ...]]],
                         bar_rows: Rows, row: int) -> list[Item]:
        """What did not fit in the rows, as count badges in the row below them: the events
        of the shapes in each run, gathered with arrays (points' groups one by one)."""
        over = over[np.lexsort((x1[over], x0[over]))]
        count = len(shapes)
        lengths = np.ones(len(over), dtype=np.int64)
        points = np.flatnonzero(over < count).tolist()
        for at in points:
            lengths[at] = len(shapes[int(over[at])][3])
        offsets = np.zeros(len(over) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        flat = np.empty(int(offsets[-1]), dtype=np.int64)
        bars = over >= count
        flat[offsets[:-1][bars]] = bar_rows[over[bars] - count]
        for at in points:
            flat[offsets[at] : offsets[at + 1]] = shapes[int(over[at])][3]
        items: list[Item] = []
        for first, stop, left, right in lane_packing.overflow_runs(x0[over], x1[over]):
            events = tuple(flat[offsets[first] : offsets[stop]].tolist())
            items.append(Item("badge", lane_index, row, left, right, events, "", right))
        return items

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



def fit_scale(first: int, last: int, width: float, margin: float = 30.0,
              right: float | None = None) -> TimeScale:
    """A scale that shows days first..last across `width` pixels, leaving `right` pixels
    after the last day for its labels."""
    right = margin if right is None else right
    days = max(1.0, last - first + 1)
    px = max(1e-4, (width - margin - right) / days)
    return TimeScale(first - margin / px, px)
