"""Every event's place in its lanes, sorted once per lane mode; a filter only picks from it.

Building the lanes of the shown rows used to sort their (row, lane) pairs three times on each
filter change (about 600 ms of CPU at a million events). The order of all pairs by lane, then
first day, then row does not depend on the filter, so it is computed once per lane mode and
kept until an edit changes the dates or the lane's field (`EventColumns.generation`). A filter
then keeps the pairs of its shown rows with one gather and one compress per array, which
keeps the order: no sort, no Python work per event.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.core.session.columns import NO_DAY, EventColumns

I32 = npt.NDArray[np.int32]
I64 = npt.NDArray[np.int64]
LANE_FIELD = {"party": "parties", "topic": "topics", "tag": "tags", "document": "document"}


@dataclass(frozen=True, slots=True)
class Pairs:
    """(row, lane) pairs of one kind, ordered by lane, then first day, then row. A point's
    `ends` is its `starts` (the same array); undated pairs carry NO_DAY in both."""

    rows: I32
    lanes: I32
    starts: I32
    ends: I32

    def picked(self, shown: npt.NDArray[np.bool_], lanes: int) -> Picked:
        """The pairs whose row is shown, in the same order, and where each lane's begin
        among them. The kept places are found once and each array gathered by them (a
        compress by a scattered mask was 3-8 times slower per array at 100,000 pairs), and
        the lanes' bounds are the bounds of all pairs searched among those places, so the
        kept pairs' lanes are never gathered."""
        # `take`s in "wrap" mode: the places are in range by construction, and the check
        # of each against the bounds ("raise") was a fifth of the gathers' instructions
        at = np.flatnonzero(np.take(shown, self.rows, mode="wrap"))  # as shown[rows]
        starts = self.starts.take(at, mode="wrap")
        ends = starts if self.ends is self.starts else self.ends.take(at, mode="wrap")
        bounds: I64 = np.searchsorted(at, self.bounds(lanes)).astype(np.int64)
        return Picked(self.rows.take(at, mode="wrap"), starts, ends, bounds)

    def bounds(self, lanes: int) -> I64:
        """Where each lane's pairs begin (and, last, where the final lane's end)."""
        # the lane codes searched for in the pairs' own type: 64-bit ones made NumPy convert
        # every pair's lane first (about 1 ms of each filter change at 100,000 events)
        wanted = np.arange(lanes + 1, dtype=self.lanes.dtype)
        found: I64 = np.searchsorted(self.lanes, wanted).astype(np.int64)
        return found


@dataclass(frozen=True, slots=True)
class Picked:
    """The shown pairs of one kind, in their order; lane i's are [bounds[i], bounds[i + 1])."""

    rows: I32
    starts: I32
    ends: I32
    bounds: I64


@dataclass(frozen=True, slots=True)
class LaneOrder:
    """One lane mode's pairs: single days, spans and undated events, each sorted by lane."""

    keys: tuple[str, ...]  # lane code → key; "" is the lane of events with no value
    points: Pairs
    spans: Pairs
    undated: Pairs
    stamp: tuple[int, ...]  # the generations of the fields it was built from


_ORDERS: weakref.WeakKeyDictionary[EventColumns, dict[str, LaneOrder]] = (
    weakref.WeakKeyDictionary())


def lane_order(columns: EventColumns, mode: str) -> LaneOrder:
    """The mode's pairs over all rows of `columns`, built on first use after an edit that
    changed what they are sorted by."""
    fields = ("start", "end", *((LANE_FIELD[mode],) if mode in LANE_FIELD else ()))
    stamp = tuple(columns.generation.get(name, 0) for name in fields)
    kept = _ORDERS.setdefault(columns, {})
    found = kept.get(mode)
    if found is None or found.stamp != stamp:
        found = kept[mode] = _build(columns, mode, stamp)
    return found


def preset(columns: EventColumns, mode: str, order: LaneOrder) -> None:
    """Use an order read back from where it was saved (`session.saved_orders`); its stamp
    says which generations of the fields it holds for."""
    _ORDERS.setdefault(columns, {})[mode] = order


def _pairs(columns: EventColumns, mode: str) -> tuple[I64, I64, list[str]]:
    """(row, code) for every lane an event belongs to, and the key each code stands for."""
    size = columns.size
    if mode not in LANE_FIELD:  # "single": one lane of everything
        return np.arange(size, dtype=np.int64), np.zeros(size, dtype=np.int64), [""]
    name = LANE_FIELD[mode]
    strings = list(columns.vocab[name].strings) if name in columns.vocab else []
    if name not in columns.ragged:
        return np.arange(size, dtype=np.int64), columns.arrays[name].astype(np.int64), strings
    ragged = columns.ragged[name]
    empty = np.flatnonzero(np.diff(ragged.offsets) == 0)  # no value: the "No party" lane
    rows = np.concatenate([ragged.rows.astype(np.int64), empty])
    codes = np.concatenate([ragged.codes.astype(np.int64),
                            np.full(len(empty), len(strings), dtype=np.int64)])
    by_row = np.argsort(rows, kind="stable")  # two sorted runs merged: pairs in row order
    return rows[by_row], codes[by_row], [*strings, ""]


def argsort_keys(keys: Sequence[I32] | Sequence[I64]) -> I64:
    """Stable order by several integer keys, major first. Each key is taken from its least
    value; a least-significant key already in order is dropped (a stable sort keeps it); keys
    that then each span under 2^16 are sorted one pass each from the least significant, as
    16-bit integers (NumPy's radix sort: linear); otherwise one argsort of the keys packed into
    one integer when they fit in 63 bits, else a lexsort. At a million events the radix
    passes take a fraction of the packed sort's time (the window's first paint sorts every
    lane pair of its lane mode)."""
    if not len(keys[0]):
        return np.zeros(0, dtype=np.int64)
    least: list[npt.NDArray[Any]] = [k - k.min() for k in keys]  # each key's own width kept
    while len(least) > 1 and bool((least[-1][1:] >= least[-1][:-1]).all()):
        least.pop()
    spans = [int(k.max()) for k in least]
    if max(spans) < 1 << 16:
        order: I64 = np.arange(len(least[0]), dtype=np.int64)
        for key in reversed(least):
            order = order[np.argsort(key[order].astype(np.uint16), kind="stable")]
        return order
    bits = [max(1, span.bit_length()) for span in spans]
    if sum(bits) > 63:
        return np.lexsort(tuple(reversed(least)))
    packed = np.zeros(len(least[0]), dtype=np.int64)
    for key, width in zip(least, bits, strict=True):
        packed = (packed << width) | key
    found: I64 = np.argsort(packed, kind="stable")
    return found


def _build(columns: EventColumns, mode: str, stamp: tuple[int, ...]) -> LaneOrder:
    """Every key, gather and sort in 4-byte integers: at a million events the pairs are
    1.8 million, and 8-byte copies of them doubled the memory each gather walks (this runs
    before the window's first paint)."""
    pair_rows, codes, strings = _pairs(columns, mode)
    unique: dict[str, int] = {}  # the same key under two codes is one lane
    code_map = np.array([unique.setdefault(k, len(unique)) for k in strings] or [0],
                        dtype=np.int32)
    lanes: I32 = code_map[codes] if len(codes) else codes.astype(np.int32)
    rows: I32 = pair_rows.astype(np.int32)
    start: I32 = columns.arrays["start"][rows].astype(np.int32, copy=False)
    end: I32 = columns.arrays["end"][rows].astype(np.int32, copy=False)
    end = np.where(end == NO_DAY, start, end)
    dated = start != NO_DAY
    point = dated & (end <= start)

    def sorted_pairs(selected: npt.NDArray[np.bool_], same_days: bool) -> Pairs:
        picked = np.flatnonzero(selected)
        order = picked[argsort_keys([lanes[picked], start[picked], rows[picked]])]
        starts = start[order]
        return Pairs(rows[order], lanes[order], starts, starts if same_days else end[order])

    return LaneOrder(tuple(unique), sorted_pairs(point, True),
                     sorted_pairs(dated & ~point, False), sorted_pairs(~dated, True), stamp)
