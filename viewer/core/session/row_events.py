"""The Session's events as a sequence that makes an `Event` only when one is asked for.

The window, the table and the timeline index events by row. Handing them a list of a
million `Event` objects cost seconds and hundreds of bytes per event before anything was
shown; this view over the columns costs nothing up front, and code that can work on whole
columns (lanes, extent, density) reads `columns` directly instead of the events.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

import numpy as np

from viewer.core.events.document_events import Event
from viewer.core.session.columns import EventColumns

CACHE_SIZE = 8192  # events kept made; enough for a screenful of labels and the selection


class RowEvents(Sequence[Event]):
    """Row i is `columns.event(i)`, made on first use and kept in a bounded cache."""

    def __init__(self, columns: EventColumns, cache_size: int = CACHE_SIZE) -> None:
        self.columns = columns
        self._cache: dict[int, Event] = {}
        self._styled: dict[int, Event] = {}  # made without their sentence (`styled`)
        self._cache_size = cache_size

    def __len__(self) -> int:
        return self.columns.size

    @overload
    def __getitem__(self, row: int) -> Event: ...

    @overload
    def __getitem__(self, row: slice) -> list[Event]: ...

    def __getitem__(self, row: int | slice) -> Event | list[Event]:
        if isinstance(row, slice):
            return self.columns.events(range(*row.indices(self.columns.size)))
        if row < 0:
            row += self.columns.size
        if not 0 <= row < self.columns.size:
            raise IndexError(row)
        found = self._cache.get(row)
        if found is None:
            if len(self._cache) >= self._cache_size:
                self._cache.clear()  # a cheap bound: whatever is shown is made again
            found = self._cache[row] = self.columns.event(row)
        return found

    def styled(self, row: int) -> Event:
        """Row `row` for drawing: its event when one is made, else one made without its
        sentence (and not kept). The painter reads how an event looks, never its text, and
        a text is read from the snapshot when first asked for: making whole events for the
        thousands of items of a zoom step read a document per item."""
        found = self._cache.get(row) or self._styled.get(row)
        if found is None:
            if len(self._styled) >= self._cache_size:
                self._styled.clear()
            found = self._styled[row] = self.columns.event(row, text=False)
        return found

    def make(self, rows: Sequence[int], text: bool = True) -> None:
        """Make the events of `rows` not made yet in one pass over the columns, a column at
        a time (`styled` events with `text=False`). Made one by one, each cost a read of
        every field (about 30 µs): the few hundred marks a filter change shows for the first
        time spent more than 10 ms on it."""
        kept = self._cache if text else self._styled
        made = self._cache
        missing = ([row for row in rows if row not in made] if text
                   else [row for row in rows if row not in made and row not in kept])
        if not missing:  # the usual case on a repaint: everything asked for is made
            return
        missing = list(dict.fromkeys(missing))[: self._cache_size]
        if len(kept) + len(missing) > self._cache_size:
            kept.clear()  # the same cheap bound as one at a time
        for row, event in zip(missing, self.columns.events(missing, text), strict=True):
            kept[row] = event

    def __setitem__(self, row: int, event: Event) -> None:
        """An edited row: the columns already hold it; keep the new event made."""
        self._cache[row] = event
        self._styled.pop(row, None)

    def __iter__(self) -> Iterator[Event]:
        """All events, made a block at a time (whole-folder walks: exports, dialogs)."""
        size, step = self.columns.size, 65536
        for first in range(0, size, step):
            yield from self.columns.events(range(first, min(size, first + step)))

    def rows_matching(self, name: str, value: str) -> list[int]:
        code = self.columns.vocab[name].codes.get(value)
        if code is None:
            return []
        found: list[int] = np.flatnonzero(self.columns.arrays[name] == code).tolist()
        return found

    def rows_in_span(self, document: str, first: int, last: int) -> list[int]:
        """Rows of an article whose sentence overlaps its characters first..last."""
        code = self.columns.vocab["document"].codes.get(document)
        if code is None:
            return []
        arrays = self.columns.arrays
        found: list[int] = np.flatnonzero(
            (arrays["document"] == code) & (arrays["char_start"] < last)
            & (arrays["char_end"] > first)).tolist()
        return found

    def rows_of_bytes(self, name: str, value: str) -> list[int]:
        """Rows whose fixed-width bytes field (`id`, `cluster`) is `value`."""
        column = self.columns.arrays[name]
        encoded = value.encode("utf-8")
        if len(encoded) > column.dtype.itemsize:
            return []
        found: list[int] = np.flatnonzero(column == encoded).tolist()
        return found

    def forget(self, rows: Sequence[int] = ()) -> None:
        """Drop made events (all, or some rows') after the columns changed under them."""
        if not rows:
            self._cache.clear()
            self._styled.clear()
        for row in rows:
            self._cache.pop(row, None)
            self._styled.pop(row, None)
