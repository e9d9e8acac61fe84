"""The rows of a count badge, held as ranges of a lane's day-sorted rows instead of copies.

At fit zoom a lane's overflow badges hold almost every event; copying them into a tuple of
Python ints on every zoom step cost per event. A `RowGroup` keeps the lane's row array and
the ranges (plus a few bar rows), so making one costs per range; the rows themselves are
made only when something asks for them (a click, a tooltip, the selection test).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

import numpy as np
import numpy.typing as npt

from viewer.core.session.row_array import RowArray

Ints = npt.NDArray[np.int64]
Base = npt.NDArray[np.int32] | npt.NDArray[np.int64]  # a lane's rows, 32-bit over columns
_EMPTY: Ints = np.zeros(0, dtype=np.int64)


class RowGroup(Sequence[int]):
    """Rows `base[starts[k]:stops[k]]` for each k, then `extra`, in that order."""

    __slots__ = ("_base", "_extra", "_first", "_flat", "_size", "_starts", "_stops")

    def __init__(self, base: Base, starts: Ints | int, stops: Ints | int,
                 size: int | None = None, extra: Ints | None = None,
                 first: int | None = None) -> None:
        """`size` and `first` (the first row), when the caller knows them, save summing
        the ranges and reading the row. One range may be given as two ints: a lane's
        badges are made so, without two one-item arrays each (most are never read)."""
        self._first = first
        self._base = base
        self._starts = starts
        self._stops = stops
        self._extra = extra if extra is not None else _EMPTY
        if size is None:
            size = (stops - starts if isinstance(starts, int) and isinstance(stops, int)
                    else int((np.asarray(stops) - np.asarray(starts)).sum()))
        self._size = size + len(self._extra)
        self._flat: Ints | None = None

    def __len__(self) -> int:
        return self._size

    def array(self) -> Ints:
        """The rows as one array (made once, without a Python object per row)."""
        if self._flat is None and isinstance(self._starts, int):
            picked = self._base[self._starts:self._stops]
            self._flat = np.concatenate([picked, self._extra]).astype(np.int64, copy=False)
        if self._flat is None:
            lengths = np.asarray(self._stops) - np.asarray(self._starts)
            ends = np.cumsum(lengths)
            # index k of the ranges' concatenation lies in range r: base[starts[r] + k - at[r]]
            shift = np.repeat(np.asarray(self._starts) - (ends - lengths), lengths)
            picked = self._base[np.arange(int(ends[-1]) if len(ends) else 0) + shift]
            self._flat = np.concatenate([picked, self._extra]).astype(np.int64, copy=False)
        return self._flat

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[int, ...]: ...

    def __getitem__(self, index: int | slice) -> int | tuple[int, ...]:
        if index == 0 and self._first is not None:
            # a badge's first row names it: asked for several times by every paint's batch
            # and labels, where the checks below cost more than the answer
            return self._first
        if isinstance(index, slice):
            return tuple(self.array()[index].tolist())
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError(index)
        if index == 0:
            start = self._starts if isinstance(self._starts, int) else (
                int(self._starts[0]) if len(self._starts) else None)
            stop = self._stops if isinstance(self._stops, int) else (
                int(self._stops[0]) if len(self._stops) else None)
            if start is not None and stop is not None and stop > start:
                self._first = int(self._base[start])  # the first row, not the others
                return self._first
        return int(self.array()[index])

    def __iter__(self) -> Iterator[int]:
        return iter(self.array().tolist())

    def __contains__(self, row: object) -> bool:
        return isinstance(row, int | np.integer) and bool((self.array() == row).any())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RowGroup):
            return np.array_equal(self.array(), other.array())
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == self._size and self.array().tolist() == list(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self.array().tolist()))

    def __repr__(self) -> str:
        return f"RowGroup({self._size} rows)"


def row_index(rows: Sequence[int]) -> Base:
    """Shown rows as an index array: a `RowArray`'s own (32-bit from the filter), not a
    64-bit copy made per reader and filter change; other sequences converted."""
    if isinstance(rows, RowArray):
        return rows.array
    found: Ints = np.asarray(rows, dtype=np.int64)
    return found


def rows_array(group: Sequence[int]) -> Ints:
    """Any item's rows as an array: a `RowGroup`'s own, a tuple's converted."""
    if isinstance(group, RowGroup):
        return group.array()
    return np.asarray(group, dtype=np.int64)
