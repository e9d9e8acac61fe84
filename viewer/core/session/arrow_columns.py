"""Event columns straight from an Arrow table of an event dataset, column by column.

Opening a dataset of a million events through `Event` objects costs a million objects built
and taken apart again; Arrow already holds each field as a column, so each becomes the
Session's NumPy column in one vectorised step (strings through a dictionary encoding).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from viewer.core.dataset.tables import events_from_table
from viewer.core.session.columns import NO_DAY, SPECS, EventColumns
from viewer.core.session.vocabulary import Ragged, Vocabulary

EPOCH = dt.date(1970, 1, 1).toordinal()  # date32 counts days from here; the columns, from 1


def _codes(column: pa.ChunkedArray | pa.Array) -> tuple[Vocabulary, np.ndarray]:
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    encoded = column.dictionary_encode()
    vocab = Vocabulary.of(encoded.dictionary.to_pylist())
    codes = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False)
    return vocab, codes.astype(np.int32)


def columns_from_table(table: pa.Table, text_of: Callable[[str, int, int], str]
                       ) -> EventColumns:
    """The columns of the table's events, in its row order. A table without some field's
    column (an older dataset) goes through `Event` objects instead."""
    needed = [s.name for s in SPECS if s.kind != "text"]
    if not table.num_rows or any(name not in table.column_names for name in needed) or any(
            s.kind == "object" for s in SPECS):
        return EventColumns.build(events_from_table(table), text_of)
    self = EventColumns(table.num_rows, text_of)
    for spec in SPECS:
        name, kind = spec.name, spec.kind
        if kind == "text":
            continue
        column = table.column(name)
        if kind == "flag":
            values = pc.fill_null(column, False).to_numpy(zero_copy_only=False)
            self.flags |= values.astype(np.uint32) << np.uint32(spec.bit)
        elif kind == "day":
            days = pc.add(column.cast(pa.int32()), EPOCH)
            self.arrays[name] = pc.fill_null(days, NO_DAY).to_numpy(
                zero_copy_only=False).astype(np.int32)
        elif kind == "int":
            self.arrays[name] = column.to_numpy().astype(np.int32)
        elif kind in ("code", "maybe"):
            self.vocab[name], self.arrays[name] = _codes(column)
        elif kind == "tuple":
            lists = column.combine_chunks()
            vocab, codes = _codes(lists.flatten())
            offsets = lists.offsets.to_numpy().astype(np.int64)
            self.vocab[name] = vocab
            self.ragged[name] = Ragged(codes, offsets - offsets[0])
        elif kind == "bytes":
            encoded = [v.encode("utf-8") for v in column.to_pylist()]
            width = max((len(b) for b in encoded), default=1) or 1
            self.arrays[name] = np.array(encoded, dtype=f"S{width}")
    return self

