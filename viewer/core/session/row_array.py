"""Rows held in a NumPy array but read like a list of ints.

The shown rows and a lane's rows pass from the filter to the table, the timeline, the scene and
the legend. As Python lists a million rows cost a `tolist` (and 36 bytes per row) at each hand
over and an `np.asarray` back at each array reader; this view is both at no cost: array code
reads it through `__array__` without a copy, and code that indexes or iterates it gets ints.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, overload

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int32] | npt.NDArray[np.int64]


class RowArray(Sequence[int]):
    """An immutable sequence of ints over an integer array (which is not copied)."""

    __slots__ = ("array", "mask")

    def __init__(self, array: Ints | None = None,
                 mask: npt.NDArray[np.bool_] | None = None) -> None:
        self.array: Ints = np.zeros(0, dtype=np.int64) if array is None else array
        # The filter's mask these rows were picked with (True exactly at them), when the
        # maker has it: a reader that wants a mask of the rows need not scatter one again.
        self.mask = mask

    @classmethod
    def of(cls, rows: Sequence[int] | Ints) -> RowArray:
        """`rows` as a RowArray: itself, a wrapped array, or a list made into an array."""
        if isinstance(rows, RowArray):
            return rows
        if isinstance(rows, np.ndarray):
            return cls(rows)
        return cls(np.asarray(rows, dtype=np.int64))

    def __len__(self) -> int:
        return len(self.array)

    def __bool__(self) -> bool:
        return len(self.array) > 0

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> RowArray: ...

    def __getitem__(self, index: int | slice) -> int | RowArray:
        if isinstance(index, slice):
            return RowArray(self.array[index])
        return int(self.array[index])

    def __iter__(self) -> Iterator[int]:
        return iter(self.array.tolist())

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int) and bool((self.array == value).any())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RowArray):
            return bool(np.array_equal(self.array, other.array))
        if isinstance(other, Sequence):
            return bool(self.array.tolist() == list(other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to lists, so not hashable

    def __array__(self, dtype: Any = None, copy: bool | None = None) -> npt.NDArray[Any]:
        return self.array if dtype is None else self.array.astype(dtype, copy=False)

    def __repr__(self) -> str:
        return f"RowArray({self.array.tolist()!r})"

    def tolist(self) -> list[int]:
        rows: list[int] = self.array.tolist()
        return rows
