"""Which marks of a lane get label room, and the lane's items made from its packed shapes.

Kept apart from the `Scene` so that a lane waiting to make its items (`Lane.pending`) holds
this, not its scene: a lane holding the scene that holds the lane would be a reference
cycle, and each scene a filter replaced would stay in memory until a full collection.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Callable, Iterable, Sequence

import numpy as np
import numpy.typing as npt

from viewer.core.events.cues import RANK
from viewer.core.events.document_events import Event
from viewer.core.scene import label_layout
from viewer.core.scene.lane_shapes import LaneArrays, Shapes, overflow_badges
from viewer.core.scene.lanes import Item
from viewer.core.scene.row_group import RowGroup
from viewer.core.scene.text_label import TextLabel
from viewer.core.session.row_events import RowEvents

Rows = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
MAX_LABEL_PX = 420.0  # the longest a label may run past its mark
CAP = 1 << 20  # sources (or a badge's events) beyond this rank alike
_X0 = operator.attrgetter("x0")
_KINDS = ("mark", "bar", "badge")  # an item's kind by code: one day, a span, several
_KIND_NAMES = np.array(_KINDS, dtype=object)  # the same strings, taken by code at once
# An item from its ten fields as `Item._make` makes it, without a Python call per item (the
# fields are always ten here, so `_make`'s count check has nothing to catch).
_new_item: Callable[[Iterable[object]], Item] = functools.partial(tuple.__new__, Item)


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
        # A label of the sentence alone over a Session's columns: read from the text column,
        # no whole event made for it (`TextLabel`).
        self._of_text = (label_of.of_text if isinstance(label_of, TextLabel)
                         and isinstance(events, RowEvents) else None)
        self._columns = events.columns if isinstance(events, RowEvents) else None
        self._labels: dict[int, str] = {}  # labels read so (kept as the widths are)

    def items(self, lane_index: int, arrays: LaneArrays, shapes: Shapes, order: Rows,
              row_of: Rows, used: int) -> list[Item]:
        """A packed lane's items, in x order, with their label room. The placed shapes are
        read as arrays, grouped by row (rows first seen in x order, as `pack` fills them),
        turned into Python values once, and the items made in one `map`: an entry tuple and
        an `Item(...)` call per shape in a Python loop were most of a lane's cost."""
        placed_at = np.flatnonzero(row_of >= 0)
        by_row = placed_at[np.argsort(row_of[placed_at], kind="stable")]
        chosen = order[by_row]
        starts, stops = shapes.starts[chosen], shapes.stops[chosen]
        sizes = stops - starts
        kind_codes = np.where(sizes != 1, 2, (chosen >= shapes.clusters).astype(np.int64))
        rows = row_of[by_row]
        x0, x1 = shapes.x0[chosen], shapes.x1[chosen]
        first_rows = arrays.rows[starts]
        firsts: list[int] = first_rows.tolist()
        kinds: list[str] = _KIND_NAMES.take(kind_codes).tolist()
        sizes_list: list[int] = sizes.tolist()
        groups: list[Sequence[int]] = [(first,) for first in firsts]
        several = np.flatnonzero(sizes != 1)
        if len(several):
            # one range each, for the badges only, given as two ints: a one-item view of
            # the starts and of the stops per badge cost more than the badge (most are
            # never read)
            for n, start, stop in zip(several.tolist(), starts[several].tolist(),
                                      stops[several].tolist(), strict=True):
                groups[n] = RowGroup(arrays.rows, start, stop, sizes_list[n], first=firsts[n])
        x0_list: list[float] = x0.tolist()
        x1_list: list[float] = x1.tolist()
        ends = self._label_ends(rows, x0_list, x1_list, kinds, sizes_list, firsts,
                                (kind_codes, sizes, first_rows, x0, x1))
        ends_array = np.array(ends, dtype=np.float64)
        over = np.zeros(len(ends), dtype=bool)
        if len(ends) > 1:  # a label that runs past the next item of its row
            over[:-1] = (ends_array[:-1] > x0[1:]) & (rows[:-1] == rows[1:])
        items = list(map(_new_item, zip(
            kinds, itertools.repeat(lane_index), rows.tolist(), x0_list, x1_list, groups,
            itertools.repeat(""), ends, over.tolist(), itertools.repeat(-1))))
        over_shapes = order[row_of < 0]
        if len(over_shapes):
            items.extend(overflow_badges(arrays, shapes, over_shapes, lane_index, used,
                                         MAX_LABEL_PX))
        items.sort(key=_X0)
        return items

    def _label_ends(self, rows: Rows, x0: list[float], x1: list[float], kinds: list[str],
                    sizes: list[int], firsts: list[int],
                    arrays: tuple[Rows, Rows, npt.NDArray[np.integer], Floats, Floats]
                    ) -> list[float]:
        """Where each placed shape's label ends (entries grouped by row, each row in x
        order); where labels compete for room in a row, the priority of `label_layout`
        decides which marks get one. A calm row (`label_layout.calm_rooms`: no crowded mark,
        not the selected event's) is placed with array work, as `place` would place it; the
        others go through `place`. `arrays`: the kinds' codes, the sizes, the first rows and
        the x extents, as the lists are made from."""
        kind_codes, size_array, first_rows, x0_array, x1_array = arrays
        solid_array = kind_codes != 0  # a bar or a badge
        bounds = [0, *(np.flatnonzero(rows[1:] != rows[:-1]) + 1).tolist(), len(kinds)]
        if not kinds:
            return []
        room, calm = label_layout.calm_rooms(x0_array, x1_array, solid_array,
                                             np.array(bounds[:-1], dtype=np.int64),
                                             MAX_LABEL_PX)
        ends: list[float] = np.where(room > label_layout.ELIDE_ROOM,
                                     x1_array + label_layout.GAP + room, x1_array).tolist()
        solid: list[bool] | None = None
        every: list[int] | None = None
        asked = ((room >= label_layout.MIN_ROOM) & (room <= label_layout.ELIDE_ROOM)).tolist()
        for (a, b), quiet in zip(itertools.pairwise(bounds), calm.tolist(), strict=True):
            greedy = self._current_in(kinds, firsts, a, b)
            if quiet and greedy is None:
                # each label keeps its room; a short one only if the whole label fits
                for j in itertools.compress(range(a, b), asked[a:b]):
                    if self._want(kinds[j], firsts[j]) <= room[j]:
                        ends[j] = x1[j] + label_layout.GAP + float(room[j])
                continue
            if solid is None:
                solid = solid_array.tolist()
                every = self._column_priorities(kind_codes, size_array, first_rows)
            priorities: Callable[[int], int]
            if every is None:
                priorities = functools.partial(self._priority_at, kinds, sizes, firsts, a)
            else:
                priorities = every[a:b].__getitem__
            ends[a:b] = label_layout.place(
                x0[a:b], x1[a:b], [False] * (b - a),  # labels follow bars too
                solid[a:b], priorities,
                functools.partial(self._want_at, kinds, firsts, a), MAX_LABEL_PX, greedy)
        return ends

    def _priority_at(self, kinds: list[str], sizes: list[int], firsts: list[int], a: int,
                     n: int) -> int:
        """`_priority` of the entry `a + n`."""
        return self._priority(kinds[a + n], sizes[a + n], firsts[a + n])

    def _want_at(self, kinds: list[str], firsts: list[int], a: int, n: int) -> float:
        """`_want` of the entry `a + n`."""
        return self._want(kinds[a + n], firsts[a + n])

    def _priority(self, kind: str, size: int, row: int) -> int:
        """Who wins label room where labels crowd, smaller first (ties go by time): the
        selected event, then single events before badges, more sources (a badge: more
        events), finer precision, an explicit date. Packed into one integer."""
        if kind == "badge":
            # A badge's label is one sentence of many: after every single event's.
            return ((3 * CAP) + CAP - 1 - min(size, CAP - 1)) * 32
        e = self.events[row]
        head = (2 * (row != self.current)) * CAP + CAP - 1 - min(e.sources, CAP - 1)
        return (head * 16 + RANK.get(e.precision, 15)) * 2 + (e.date_source != "explicit")

    def _column_priorities(self, kind_codes: Rows, sizes: Rows,
                           firsts: npt.NDArray[np.integer]) -> list[int] | None:
        """`_priority` of every entry of a lane at once, over a Session's columns (read as
        they are now, edits included); None over other events, asked one by one. Once per
        lane, not per row: the gathers cost the same for a handful of entries as for all.
        Read from the entries' arrays (codes 2: badges), not from their lists."""
        events = self.events
        if not isinstance(events, RowEvents) or "precision" not in events.columns.vocab:
            return None
        columns = events.columns
        rows = firsts.astype(np.int64, copy=False)
        ranks = self._ranks(columns.vocab["precision"].strings)
        explicit = columns.vocab["date_source"].codes.get("explicit", -2)
        sources = np.minimum(columns.arrays["sources"][rows].astype(np.int64), CAP - 1)
        head = 2 * (rows != (-1 if self.current is None else self.current)) * CAP \
            + CAP - 1 - sources
        found = ((head * 16 + ranks[columns.arrays["precision"][rows]]) * 2
                 + (columns.arrays["date_source"][rows] != explicit))
        badges = np.flatnonzero(kind_codes == 2)
        if len(badges):
            counts = sizes[badges].astype(np.int64, copy=False)
            found[badges] = ((3 * CAP) + CAP - 1 - np.minimum(counts, CAP - 1)) * 32
        priorities: list[int] = found.tolist()
        return priorities

    def _ranks(self, precisions: Sequence[str]) -> npt.NDArray[np.int64]:
        """Each precision code's rank, kept while the vocabulary keeps its size (it only
        grows): made per row of every lane read, it was a list walk each time."""
        if self._rank_of is None or len(self._rank_of) != max(1, len(precisions)):
            self._rank_of = np.array([RANK.get(p, 15) for p in precisions] or [15],
                                     dtype=np.int64)
        return self._rank_of

    def _current_in(self, kinds: list[str], firsts: list[int], a: int, b: int) -> int | None:
        """Where the selected event's own mark is among the entries a..b-1 (a row), if
        there."""
        current = self.current
        if current is None:
            return None
        return next((n - a for n in range(a, b)
                     if firsts[n] == current and kinds[n] != "badge"), None)

    def _want(self, kind: str, row: int) -> float:
        """The full width of an entry's label (a badge's is never measured for room)."""
        if kind == "badge":
            return MAX_LABEL_PX
        if row not in self._widths and row != self.current:
            # A long text is wider than any crowded label may run, measured or not: the
            # placement then decides the same, without the dear measuring. Kept per row:
            # each zoom step asks again for the same crowded marks.
            low = self._lows.get(row)
            if low is None:
                low = self._lows[row] = len(self.label(row)) * self._narrow
            if low >= label_layout.CROWD_PX:
                return low
        return self.width(row)

    @property
    def narrow(self) -> float:
        """The narrowest character's width: no text is narrower than its length times this."""
        return self._narrow

    def width(self, row: int) -> float:
        """An event's full label width, measured once."""
        width = self._widths.get(row)
        if width is None:
            width = self._widths[row] = self.measure(self.label(row))
        return width

    def label(self, row: int) -> str:
        """An event's label, from its sentence alone when that is all the label reads."""
        of_text, columns = self._of_text, self._columns
        if of_text is not None and columns is not None:
            label = self._labels.get(row)
            if label is None:
                label = self._labels[row] = of_text(columns.value("text", row))
            return label
        return self.label_of(self.events[row])

    def prepare(self, rows: Sequence[int]) -> bool:
        """Read the labels of `rows` not read yet, their texts together (`EventColumns.values`
        asks for their documents in one query); False when labels are not read so."""
        of_text, columns = self._of_text, self._columns
        if of_text is None or columns is None:
            return False
        missing = [row for row in dict.fromkeys(rows) if row not in self._labels]
        if missing:
            texts = columns.values("text", np.array(missing, dtype=np.int64))
            self._labels.update(zip(missing, map(of_text, texts), strict=True))
        return True
