"""Which marks of a lane get label room, and the lane's items made from its packed shapes.

Kept apart from the `Scene` so that a lane waiting to make its items (`Lane.pending`) holds
this, not its scene: a lane holding the scene that holds the lane would be a reference
cycle, and each scene a filter replaced would stay in memory until a full collection.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from viewer.core.events.cues import RANK
from viewer.core.events.document_events import Event
from viewer.core.scene import label_layout
from viewer.core.scene.lane_shapes import LaneArrays, Shapes, overflow_badges
from viewer.core.scene.lanes import Item
from viewer.core.scene.row_group import RowGroup
from viewer.core.session.row_events import RowEvents

Rows = npt.NDArray[np.int64]
MAX_LABEL_PX = 420.0  # the longest a label may run past its mark
CAP = 1 << 20  # sources (or a badge's events) beyond this rank alike
_X0 = operator.attrgetter("x0")
#: A placed shape: kind, packed row, x0, x1, its rows (a tuple, or a badge's `RowGroup`),
#: and its first row (read once, not through the group each time).
Entry = tuple[str, int, float, float, Sequence[int], int]


class LabelRoom:
    """Label widths and priorities over some events, and the selected event."""

    def __init__(self, events: Sequence[Event], measure: Callable[[str], float],
                 label_of: Callable[[Event], str], current: int | None) -> None:
        self.events = events
        self.measure = measure
        self.label_of = label_of
        self.current = current  # the selected event: its label wins where labels crowd
        self._widths: dict[int, float] = {}  # an event's full label width, measured once
        self._lows: dict[int, float] = {}  # a floor under it, from its length alone
        self._narrow = min(measure(c) for c in " .,:;'il|!")  # a floor per character
        self._rank_of: npt.NDArray[np.int64] | None = None  # per precision code (`_ranks`)

    def items(self, lane_index: int, arrays: LaneArrays, shapes: Shapes, order: Rows,
              row_of: Rows, used: int) -> list[Item]:
        """A packed lane's items, in x order, with their label room."""
        placed_at = np.flatnonzero(row_of >= 0)
        chosen = order[placed_at]
        starts, stops = shapes.starts[chosen], shapes.stops[chosen]
        first_rows = arrays.rows[starts].tolist()
        placed: list[Entry] = []
        for n, (shape, row, x0, x1, size, first) in enumerate(zip(
                chosen.tolist(), row_of[placed_at].tolist(), shapes.x0[chosen].tolist(),
                shapes.x1[chosen].tolist(), (stops - starts).tolist(), first_rows,
                strict=True)):
            if size == 1:
                placed.append(("bar" if shape >= shapes.clusters else "mark", row, x0, x1,
                               (first,), first))
            else:
                placed.append(("badge", row, x0, x1,
                               RowGroup(arrays.rows, starts[n : n + 1], stops[n : n + 1], size),
                               first))
        items = self.with_label_room(lane_index, placed)
        over = order[row_of < 0]
        if len(over):
            items.extend(overflow_badges(arrays, shapes, over, lane_index, used,
                                         MAX_LABEL_PX))
        items.sort(key=_X0)
        return items

    def with_label_room(self, lane_index: int, placed: list[Entry]) -> list[Item]:
        """Each item learns how far its label may reach; where labels compete for room in a
        row, the priority of `label_layout` decides which marks get one."""
        by_row: dict[int, list[int]] = {}  # each row's entries, as places in `placed`
        for n, entry in enumerate(placed):
            by_row.setdefault(entry[1], []).append(n)
        every = self._column_priorities(placed)  # all at once over columns, else None
        items: list[Item] = []
        for row, at in by_row.items():
            entries = [placed[n] for n in at]
            priorities = (functools.partial(self._priority, entries) if every is None
                          else [every[n] for n in at].__getitem__)
            # `placed` is in x order (ties as packed), so each row's entries are too
            ends = label_layout.place([e[2] for e in entries], [e[3] for e in entries],
                                      [False] * len(entries),  # labels follow bars too
                                      [e[0] != "mark" for e in entries],
                                      priorities,
                                      functools.partial(self._want, entries), MAX_LABEL_PX,
                                      self._current_at(entries))
            for n, (kind, _, x0, x1, group, _first) in enumerate(entries):
                end = ends[n]
                over = n + 1 < len(entries) and end > entries[n + 1][2]
                items.append(Item(kind, lane_index, row, x0, x1, group, "", end, over))
        return items

    def _priority(self, entries: list[Entry], n: int) -> int:
        """Who wins label room where labels crowd, smaller first (ties go by time): the
        selected event, then single events before badges, more sources (a badge: more
        events), finer precision, an explicit date. Packed into one integer."""
        kind, _, _, _, group, row = entries[n]
        if kind == "badge":
            # A badge's label is one sentence of many: after every single event's.
            return ((3 * CAP) + CAP - 1 - min(len(group), CAP - 1)) * 32
        e = self.events[row]
        head = (2 * (row != self.current)) * CAP + CAP - 1 - min(e.sources, CAP - 1)
        return (head * 16 + RANK.get(e.precision, 15)) * 2 + (e.date_source != "explicit")

    def _column_priorities(self, entries: list[Entry]) -> list[int] | None:
        """`_priority` of every entry of a lane at once, over a Session's columns (read as
        they are now, edits included); None over other events, asked one by one. Once per
        lane, not per row: the gathers cost the same for a handful of entries as for all."""
        events = self.events
        if not isinstance(events, RowEvents) or "precision" not in events.columns.vocab:
            return None
        columns = events.columns
        rows = np.array([e[5] for e in entries], dtype=np.int64)
        ranks = self._ranks(columns.vocab["precision"].strings)
        explicit = columns.vocab["date_source"].codes.get("explicit", -2)
        sources = np.minimum(columns.arrays["sources"][rows].astype(np.int64), CAP - 1)
        head = 2 * (rows != (-1 if self.current is None else self.current)) * CAP \
            + CAP - 1 - sources
        found = ((head * 16 + ranks[columns.arrays["precision"][rows]]) * 2
                 + (columns.arrays["date_source"][rows] != explicit))
        badges = [n for n, e in enumerate(entries) if e[0] == "badge"]
        if badges:
            sizes = np.array([len(entries[n][4]) for n in badges], dtype=np.int64)
            found[badges] = ((3 * CAP) + CAP - 1 - np.minimum(sizes, CAP - 1)) * 32
        priorities: list[int] = found.tolist()
        return priorities

    def _ranks(self, precisions: Sequence[str]) -> npt.NDArray[np.int64]:
        """Each precision code's rank, kept while the vocabulary keeps its size (it only
        grows): made per row of every lane read, it was a list walk each time."""
        if self._rank_of is None or len(self._rank_of) != max(1, len(precisions)):
            self._rank_of = np.array([RANK.get(p, 15) for p in precisions] or [15],
                                     dtype=np.int64)
        return self._rank_of

    def _current_at(self, entries: list[Entry]) -> int | None:
        """Where the selected event's own mark is in a row, if there."""
        if self.current is None:
            return None
        return next((n for n, e in enumerate(entries)
                     if e[0] != "badge" and e[5] == self.current), None)

    def _want(self, entries: list[Entry], n: int) -> float:
        """The full width of an entry's label (a badge's is never measured for room)."""
        entry = entries[n]
        if entry[0] == "badge":
            return MAX_LABEL_PX
        row = entry[5]
        if row not in self._widths and row != self.current:
            # A long text is wider than any crowded label may run, measured or not: the
            # placement then decides the same, without the dear measuring. Kept per row:
            # each zoom step asks again for the same crowded marks.
            low = self._lows.get(row)
            if low is None:
                low = self._lows[row] = len(self.label_of(self.events[row])) * self._narrow
            if low >= label_layout.CROWD_PX:
                return low
        return self.width(row)

    def width(self, row: int) -> float:
        """An event's full label width, measured once."""
        width = self._widths.get(row)
        if width is None:
            width = self._widths[row] = self.measure(self.label_of(self.events[row]))
        return width
