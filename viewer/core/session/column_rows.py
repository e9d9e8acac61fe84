"""Whole-column operations the folder stage needs: rows picked and reordered, and some rows of
one field given new values.

Why: the folder stage changes a few fields of some events (people, parties, clusters, marks);
doing it through `EventColumns.set_rows` compares every field of every row. These work on one
field at a time, with array operations wherever the field allows.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.core.session.columns import NO_DAY, SPEC, EventColumns
from viewer.core.session.vocabulary import Ragged, Vocabulary

Rows = npt.NDArray[np.int64]


def take(columns: EventColumns, rows: Rows, fields: Collection[str] | None = None
         ) -> EventColumns:
    """The given rows, in the given order (each column indexed once, no loop over rows).
    With `fields`, only those (and the flags), and no way to the text: a share small to
    send to another process, whose values are read there."""
    out = EventColumns(len(rows), columns.text_of if fields is None else _no_text)
    out.flags = columns.flags[rows]
    out.vocab = {name: Vocabulary(list(v.strings), dict(v.codes))
                 for name, v in columns.vocab.items() if fields is None or name in fields}
    for name, column in columns.arrays.items():
        if fields is None or name in fields:
            out.arrays[name] = column[rows]
    for name, ragged in columns.ragged.items():
        if fields is not None and name not in fields:
            continue
        starts = ragged.offsets[rows]
        lengths = ragged.offsets[rows + 1] - starts
        offsets = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        picks = np.repeat(starts - offsets[:-1], lengths) + np.arange(int(offsets[-1]))
        out.ragged[name] = Ragged(ragged.codes[picks], offsets)
    return out


def _no_text(document: str, start: int, end: int) -> str:
    raise LookupError("rows taken without their text")


def put(columns: EventColumns, name: str, values: Mapping[int, Any]) -> None:
    """Give some rows of one field new values."""
    if not values:
        return
    spec = SPEC[name]
    rows = np.fromiter(values, dtype=np.int64, count=len(values))
    if spec.kind == "tuple":  # new strings coded in order of first appearance, then in C
        vocab = columns.vocab.setdefault(name, Vocabulary())
        lists = values.values()
        for value in dict.fromkeys(itertools.chain.from_iterable(lists)):
            vocab.code(value)
        counts = np.fromiter(map(len, lists), dtype=np.int64, count=len(values))
        columns.ragged[name].replace_rows(rows, counts, np.fromiter(
            map(vocab.codes.__getitem__, itertools.chain.from_iterable(lists)),
            dtype=np.int32, count=int(counts.sum())))
        return
    if spec.kind in ("code", "maybe"):
        vocab = columns.vocab.setdefault(name, Vocabulary())
        codes = vocab.codes_or_none(list(values.values()))
        columns.room(name, max(codes))[rows] = np.array(codes, dtype=np.int32)
    elif spec.kind == "day":
        columns.arrays[name][rows] = np.array(
            [v.toordinal() if v is not None else NO_DAY for v in values.values()], np.int32)
    elif spec.kind == "flag":
        bit = np.uint32(1 << spec.bit)
        on = np.fromiter(values.values(), dtype=bool, count=len(values))
        columns.flags[rows[on]] |= bit
        columns.flags[rows[~on]] &= ~bit
    else:
        raise TypeError(f"{name} is not set by rows")
