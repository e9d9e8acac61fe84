"""The orders a first picture needs, saved with the folder's columns: the table's order (by
first day, undated last, then document, then place in it) and the lanes of the lane mode a
new window shows. At a million events sorting them cost about 0.35 s of CPU at every open;
read back they are two gathers. The table's order by sentence is saved too: made from every
sentence's text, it cost about 2.5 s of CPU, on the window's thread, at the first click on
that column's header at a million events. Each saved order holds only while none of the fields it is
sorted by has been changed since the columns were read (`EventColumns.generation`); after
that, and for a snapshot saved without them, they are sorted as before.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.core.scene.lane_order import (
    LANE_FIELD,
    LaneOrder,
    Pairs,
    argsort_keys,
    lane_order,
    preset,
)
from viewer.core.session.columns import NO_DAY, EventColumns

I32 = npt.NDArray[np.int32]
VERSION = 1  # of what the saved orders mean: another value is never read
FIRST_MODE = "party"  # the lane mode a new window shows
TABLE = "order.table"
TABLE_FIELDS = ("start", "document", "char_start")
SENTENCES = "order.text"
SENTENCE_FIELDS = ("text", "document", "char_start", "char_end")
_KINDS = ("points", "spans", "undated")

_SAVED: weakref.WeakKeyDictionary[EventColumns, dict[str, I32]] = weakref.WeakKeyDictionary()


def table_order(columns: EventColumns) -> I32:
    """Every row by first day (undated last), then document name, then first character: the
    saved order while it holds, else one sort."""
    saved = _holding(columns, TABLE, TABLE_FIELDS)
    return saved if saved is not None else _table_order(columns)


def saved_sentence_order(columns: EventColumns) -> I32 | None:
    """Every row by its sentence casefolded (`text_order`'s order for "text"), as saved while
    it holds; None when it must be sorted."""
    return _holding(columns, SENTENCES, SENTENCE_FIELDS)


def _table_order(columns: EventColumns) -> I32:
    start = columns.arrays["start"].astype(np.int64)
    dated = start != NO_DAY
    first, last = (int(start[dated].min()), int(start[dated].max())) if dated.any() else (0, 0)
    start = np.where(dated, start - first, last - first + 1)  # undated last
    names = columns.vocab["document"].strings
    rank = np.empty(len(names) + 1, dtype=np.int64)
    rank[np.argsort(np.array(names, dtype=object), kind="stable")] = np.arange(
        1, len(names) + 1)
    rank[-1] = 0
    # One stable sort of the three keys (a lexsort of them cost about 0.5 s at a million).
    order = argsort_keys([start, rank[columns.arrays["document"]],
                          columns.arrays["char_start"].astype(np.int64)])
    found: I32 = order.astype(np.int32)
    return found


def _lane_fields(mode: str) -> tuple[str, ...]:
    return ("start", "end", *((LANE_FIELD[mode],) if mode in LANE_FIELD else ()))


def _saved_lanes(columns: EventColumns, mode: str, held: Mapping[str, I32]
                 ) -> LaneOrder | None:
    """The mode's lane order as saved (None when it was not saved whole)."""
    found = {kind: (held.get(f"order.{mode}.{kind}.rows"), held.get(f"order.{mode}.{kind}.lanes"))
             for kind in _KINDS}
    if any(rows is None or lanes is None or len(rows) != len(lanes)
           for rows, lanes in found.values()):
        return None
    name = LANE_FIELD.get(mode)
    strings = list(columns.vocab[name].strings) if name in columns.vocab else []
    if name is None:
        strings = [""]
    elif name in columns.ragged:
        strings.append("")  # the lane of events with no value
    unique: dict[str, int] = {}  # as the sort names them: the same key twice is one lane
    for key in strings:
        unique.setdefault(key, len(unique))
    start, end = columns.arrays["start"], columns.arrays["end"]
    pairs: list[Pairs] = []
    for kind, (rows, lanes) in found.items():
        assert rows is not None and lanes is not None
        if len(lanes) and int(lanes.max()) >= max(1, len(unique)):
            return None
        starts: I32 = start[rows].astype(np.int32, copy=False)
        ends: I32 = starts
        if kind == "spans":
            ends = end[rows].astype(np.int32, copy=False)
        pairs.append(Pairs(rows, lanes, starts, ends))
    points, spans, undated = pairs
    return LaneOrder(tuple(unique), points, spans, undated,
                     tuple(columns.generation.get(f, 0) for f in _lane_fields(mode)))


def to_save(columns: EventColumns) -> dict[str, I32]:
    """The orders to save beside the columns (sorted from the columns as they are)."""
    order = lane_order(columns, FIRST_MODE)
    # Imported here: the text order module asks this one for the saved sentence order.
    from viewer.core.session.text_order import sentence_order

    sentences = sentence_order(columns)
    sentences.flags.writeable = False
    if not any(columns.generation.get(f, 0) for f in SENTENCE_FIELDS):
        _SAVED.setdefault(columns, {})[SENTENCES] = sentences  # and for these columns now
    out = {TABLE: _table_order(columns), SENTENCES: sentences}
    for kind, pairs in zip(_KINDS, (order.points, order.spans, order.undated), strict=True):
        out[f"order.{FIRST_MODE}.{kind}.rows"] = pairs.rows
        out[f"order.{FIRST_MODE}.{kind}.lanes"] = pairs.lanes
    return out


def keep(columns: EventColumns, arrays: Mapping[str, npt.NDArray[Any]], version: Any) -> None:
    """Hold the saved orders read back with `columns` (those of another version, of the wrong
    type, or naming rows the columns do not have are left out: sorted again when needed)."""
    if version != VERSION:
        return
    held: dict[str, I32] = {}
    for name, array in arrays.items():
        if not name.startswith("order.") or array.dtype != np.int32 or array.ndim != 1:
            continue
        if name.endswith(".lanes"):
            if len(array) and int(array.min()) < 0:
                continue
        elif len(array) and (int(array.min()) < 0 or int(array.max()) >= columns.size):
            continue
        if name in (TABLE, SENTENCES) and len(array) != columns.size:
            continue
        array.flags.writeable = False  # shared by every reader: never sorted in place
        held[name] = array
    if held:
        _SAVED[columns] = held
        lanes = _saved_lanes(columns, FIRST_MODE, held)
        if lanes is not None:
            preset(columns, FIRST_MODE, lanes)


def _holding(columns: EventColumns, name: str, fields: tuple[str, ...]) -> I32 | None:
    """A saved order, while none of `fields` has changed since the columns were read."""
    if any(columns.generation.get(f, 0) for f in fields):
        return None
    return _SAVED.get(columns, {}).get(name)
