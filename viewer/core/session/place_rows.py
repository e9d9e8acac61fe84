"""Which row each byte place of the search's buffer lies in, by a table lookup per place.

Why: the search mapped each matching place to its row by a binary search over a million
rows' starts ("geneva": 640,000 places, about 21 ms of the first search's CPU, each search a
chain of cache misses). The buffer's rows are counted once per 64-byte block (`row_marks`:
4 bytes a block, about 6% of the text), so a place's row is its block's count plus the few
row starts between the block's first byte and the place, found by one gather and compare of
the places still moving per round (`rows_of`). Rows shorter than a block can need many
rounds: after `ROUNDS` the places still moving take a binary search each, so no input costs
more than the search it replaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

BLOCK_SHIFT = 6  # 64 bytes a block: sentences average about 110 bytes, most blocks hold 0-1 starts
ROUNDS = 3  # gathers of the next start per moving place before the rest take a binary search
Marks = npt.NDArray[np.signedinteger[Any]]


@dataclass(slots=True)
class Moves:
    """What a lookup did (for tests that bound the work by operation counts, not time)."""

    gathered: int = 0  # next starts read in the rounds
    searched: int = 0  # places left to a binary search


def block_count(length: int) -> int:
    """How many blocks a text of `length` bytes is counted in (one past its end's too)."""
    return (max(length, 0) >> BLOCK_SHIFT) + 1


def row_marks(starts: npt.NDArray[np.signedinteger[Any]], length: int) -> Marks:
    """For each 64-byte block of the `length` bytes the `starts` (rows' starts, then one past
    the end) describe, how many rows start before it: O(rows + blocks), in the starts' type."""
    blocks = block_count(length)
    marks = np.zeros(blocks, dtype=starts.dtype)
    rows = len(starts) - 1
    if rows > 0:
        per_block = np.bincount(starts[:rows] >> BLOCK_SHIFT, minlength=blocks)[: blocks - 1]
        np.cumsum(per_block, out=marks[1:])
    return marks


def rows_of(places: npt.NDArray[np.signedinteger[Any]], marks: Marks | None,
            starts: npt.NDArray[np.signedinteger[Any]], moves: Moves | None = None
            ) -> npt.NDArray[np.int64]:
    """The row holding each place (each at least 0 and before the text's end): the rows
    starting before its block, then one more for each start up to the place; without
    `marks`, a binary search each."""
    moves = moves if moves is not None else Moves()
    if marks is None:
        moves.searched += len(places)
        # places in the starts' own type: int64 keys widened int32 starts first
        found: npt.NDArray[np.int64] = np.searchsorted(
            starts, places.astype(starts.dtype, copy=False), side="right") - 1
        return found
    counted = marks.take(places >> BLOCK_SHIFT).astype(np.int64)
    if not len(places):
        return counted
    # the first round over every place, without an index of the moving ones
    moves.gathered += len(places)
    ahead = starts.take(counted) <= places
    counted += ahead
    moving = np.flatnonzero(ahead)
    for _ in range(ROUNDS - 1):
        if not len(moving):
            return counted - 1
        moves.gathered += len(moving)
        moving = moving.compress(starts.take(counted[moving]) <= places[moving])
        counted[moving] += 1
    if len(moving):
        moves.searched += len(moving)
        counted[moving] = np.searchsorted(starts, places[moving], side="right")
    return counted - 1
