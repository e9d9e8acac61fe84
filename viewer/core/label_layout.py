"""Which marks of a lane row get a label where labels compete for room, and how far each runs.

A label starts just right of its mark. Where the next mark leaves enough room, the label stays
before it (cut with "…" if need be) and nobody competes. Where marks crowd, a label may run over
the following marks, whose own labels then yield. Who wins is a priority, not the accident of
position: the selected event, then more corroborating sources, then finer precision, then an
explicit date before an inherited or publication date, then time order. The priority depends
only on the events, never on the visible window, so a pan does not move a label to a neighbour.

Marks are taken in priority order; each asks only for its placed neighbours on either side,
kept in a Fenwick tree over the row's positions, so a row of n marks costs O(n log n).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

GAP = 4.0  # between a mark and its label, and between a label and the next labelled mark
MIN_ROOM = 24.0  # narrower than this, no label at all
ELIDE_ROOM = 60.0  # a label cut with "…" needs at least this much to say something
CROWD_PX = 180.0  # the most a label claims over crowded marks


@dataclass(frozen=True, slots=True)
class Slot:
    """One mark of a row, in x order: its extent, its label's full width, and its priority
    (smaller sorts first). `fixed` marks (a wide bar labelled inside) take no label room
    but stop the labels before them."""

    x0: float
    x1: float
    want: float
    priority: tuple[float, ...]
    fixed: bool = False


def shows(room: float, want: float) -> bool:
    """Whether a label of full width `want` says something in `room` pixels."""
    return room >= MIN_ROOM and (room >= want or room > ELIDE_ROOM)


class _Placed:
    """The set of placed positions 0..n-1 with predecessor / successor in O(log n)."""

    __slots__ = ("size", "steps", "top", "tree")

    def __init__(self, size: int) -> None:
        self.tree = [0] * (size + 1)
        self.size = size
        self.top = 1 << max(0, size.bit_length() - 1) if size else 0
        self.steps = 0  # tree cells visited, for the operation-count test

    def add(self, position: int) -> None:
        i = position + 1
        while i <= self.size:
            self.tree[i] += 1
            i += i & -i
            self.steps += 1

    def count_below(self, position: int) -> int:
        """How many placed positions are < position."""
        i, total = position, 0
        while i > 0:
            total += self.tree[i]
            i -= i & -i
            self.steps += 1
        return total

    def kth(self, k: int) -> int:
        """The position of the k-th placed one (1-based)."""
        i, bit = 0, self.top
        while bit:
            nxt = i + bit
            if nxt <= self.size and self.tree[nxt] < k:
                i = nxt
                k -= self.tree[nxt]
            bit >>= 1
            self.steps += 1
        return i


def place(slots: Sequence[Slot], steps: list[int] | None = None) -> list[float]:
    """Where each slot's label ends (its x1 when it gets none). `slots` are in x order and
    do not overlap; `steps`, when given, receives the count of tree cells visited."""
    n = len(slots)
    ends = [s.x1 for s in slots]
    placed = _Placed(n)
    order = sorted((i for i in range(n) if not slots[i].fixed),
                   key=lambda i: slots[i].priority)
    for i in range(n):
        if slots[i].fixed:
            placed.add(i)
    for i in order:
        slot = slots[i]
        below = placed.count_below(i)
        if below and ends[placed.kth(below)] + GAP > slot.x0:
            continue  # a label of higher priority already runs over this mark
        after = placed.kth(below + 1) if below < placed.count_below(n) else None
        start = slot.x1 + GAP
        limit = slots[after].x0 - GAP if after is not None else start + slot.want
        natural = (slots[i + 1].x0 - GAP if i + 1 < n else limit) - start
        if shows(natural, slot.want):
            room = min(slot.want, natural)  # room before the next mark: no competition
        else:
            room = min(slot.want, CROWD_PX, limit - start)
            if not shows(room, slot.want):
                continue
        ends[i] = start + room
        placed.add(i)
    if steps is not None:
        steps.append(placed.steps)
    return ends
