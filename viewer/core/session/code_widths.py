"""Code columns held in the fewest bytes their vocabulary allows.

Why: most code columns hold a handful of values (precision, date source, review, modality,
note, outcome, ...) but were 4 bytes a row each: at a million synthetic events nine such
columns are 27 bytes an event more than their codes need. A column read back from a snapshot
is narrowed to 1 or 2 bytes a row; a later code that does not fit widens it first, so an
edit can never wrap a code around.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

LIMIT = {1: 100, 2: 30_000}  # codes a 1- or 2-byte column takes (room to spare)


def code_dtype(size: int) -> np.dtype[Any]:
    """The narrowest signed integer for codes below `size` (and -1 for none)."""
    for width, limit in LIMIT.items():
        if size <= limit:
            return np.dtype(f"i{width}")
    return np.dtype(np.int32)


def narrowed(column: npt.NDArray[Any], size: int) -> npt.NDArray[Any]:
    """`column` (codes below `size`) in the fewest bytes, or itself when it is that already."""
    dtype = code_dtype(size)
    return column.astype(dtype) if dtype.itemsize < column.dtype.itemsize else column


def with_room(column: npt.NDArray[Any], code: int) -> npt.NDArray[Any]:
    """`column`, widened when it cannot hold `code`."""
    if column.dtype.itemsize < 4 and code >= LIMIT[column.dtype.itemsize]:
        return column.astype(code_dtype(code + 1))
    return column
