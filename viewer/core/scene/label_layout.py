"""Which marks of a lane row get a label where labels compete for room, and how far each runs.

A label starts just right of its mark. Where the next mark leaves enough room, the label stays
before it (cut with "…" if need be) and nobody competes. Where marks crowd, a label may run over
the following dots (never a bar or a badge, which text would hide), whose labels then yield.
Who wins is a priority, not the accident of position: the selected event, then more
corroborating sources, then finer precision, then an explicit date before an inherited or
publication date, then time order. The priority depends only on the events, never on the
visible window, so a pan does not move a label to a neighbour.

A row splits into stretches that cannot affect each other: where no crowded label could reach
the next mark (a mark followed by a bar or badge may be short of room, but it competes with
nobody). In a stretch without a crowded mark, each label keeps its room at once; in one with,
marks are taken in priority order (one sort). A mark a label runs over is flagged once; a
label looks ahead only as far as it may run, past marks at least 2 px apart; so a row of n
marks costs O(n log n) for the sort and O(n) for the rest.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

GAP = 4.0  # between a mark and its label, and between a label and the next labelled mark
MIN_ROOM = 24.0  # narrower than this, no label at all
ELIDE_ROOM = 60.0  # a label cut with "…" needs at least this much to say something
CROWD_PX = 180.0  # the most a label claims over crowded marks


def calm_rooms(x0: npt.NDArray[np.float64], x1: npt.NDArray[np.float64],
               solid: npt.NDArray[np.bool_], starts: npt.NDArray[np.int64], most: float
               ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """For marks in rows (row k's from `starts[k]` to the next start, each in x order, none
    fixed): each mark's room before the next of its row (`most` for the last, as `place`
    reckons it), and per row whether it is calm: no mark short of room before a dot it
    might run over (`place`'s crowded mark). A calm row's labels each keep their room
    (the whole of it past ELIDE_ROOM; from MIN_ROOM up, if the full label fits), which
    `place` finds mark by mark in Python; at fit zoom most rows are calm."""
    size = len(x0)
    last = np.zeros(size, dtype=bool)
    last[starts[1:] - 1] = True
    if size:
        last[-1] = True
    room = np.full(size, most, dtype=np.float64)
    inner = np.flatnonzero(~last)
    room[inner] = np.minimum(most, x0[inner + 1] - x1[inner] - 2 * GAP)
    before_solid = np.zeros(size, dtype=bool)
    before_solid[inner] = solid[inner + 1]
    crowded = (room <= ELIDE_ROOM) & ~before_solid
    calm: npt.NDArray[np.bool_] = (np.add.reduceat(crowded.astype(np.int64), starts) == 0
                                   if size else np.zeros(0, dtype=bool))
    return room, calm


def shows(room: float, want: float) -> bool:
    """Whether a label of full width `want` says something in `room` pixels."""
    return room >= MIN_ROOM and (room >= want or room > ELIDE_ROOM)


def place(x0: Sequence[float], x1: Sequence[float], fixed: Sequence[bool],
          solid: Sequence[bool], priority: Callable[[int], int], want: Callable[[int], float],
          most: float, greedy: int | None = None, steps: list[int] | None = None
          ) -> list[float]:
    """Where each mark's label ends (its x1 when it gets none). Marks are in x order and do
    not overlap. A fixed mark (a bar labelled inside) takes no label room; no label runs over
    a solid one (a bar or a badge: text across it would hide it), fixed marks included.
    `priority(i)` sorts smaller first, ties in x order; `want(i)` is the full width of mark
    i's label. Both are asked only where marks crowd (measuring text is the dear part). No
    label runs further than `most`, and a crowded one no further than CROWD_PX, except the
    `greedy` mark's (the selected event's, drawn in full): it claims up to `most`. `steps`,
    when given, receives the count of marks looked at."""
    n = len(x0)
    ends = list(x1)
    counter = [0]
    first = 0
    crowded = False
    reach = -math.inf  # how far a crowded label of this stretch could run
    for i in range(n):
        natural = min(most, x0[i + 1] - x1[i] - 2 * GAP if i + 1 < n else most)
        if natural <= ELIDE_ROOM and not fixed[i] and not (i + 1 < n and solid[i + 1]):
            crowded = True  # short of room, and the next mark is a dot it might run over
            reach = max(reach, x1[i] + 2 * GAP + CROWD_PX)
        if i == greedy and not fixed[i]:
            crowded = True
            reach = max(reach, x1[i] + 2 * GAP + most)
        if i + 1 < n and reach >= x0[i + 1]:
            continue  # a crowded label might reach the next mark: the stretch goes on
        if crowded:
            _place_stretch(first, i + 1, x0, x1, fixed, solid, priority, want, most, greedy,
                           ends, counter)
        else:  # nobody competes: each label keeps the room before the next mark
            for j in range(first, i + 1):
                if not fixed[j]:
                    room = min(most, x0[j + 1] - x1[j] - 2 * GAP if j + 1 < n else most)
                    if room > ELIDE_ROOM or (room >= MIN_ROOM and want(j) <= room):
                        ends[j] = x1[j] + GAP + room
        first, crowded, reach = i + 1, False, -math.inf
    if steps is not None:
        steps.append(counter[0])
    return ends


def _place_stretch(lo: int, hi: int, x0: Sequence[float], x1: Sequence[float],
                   fixed: Sequence[bool], solid: Sequence[bool],
                   priority: Callable[[int], int], want: Callable[[int], float],
                   most: float, greedy: int | None, ends: list[float], counter: list[int]
                   ) -> None:
    """Place the labels of marks lo..hi-1, which compete for room."""
    n, size = len(x0), hi - lo
    labelled = bytearray(size)  # has a label (or is fixed): later labels stop before it
    covered = bytearray(size)  # a label runs over this mark: it gets none
    ranks: list[int] = []  # priority and x order in one integer: sorting ints is cheap
    for i in range(lo, hi):
        if fixed[i]:
            labelled[i - lo] = 1
        else:
            ranks.append(priority(i) * size + i - lo)
    ranks.sort()
    steps = 0
    for rank in ranks:
        i = lo + rank % size
        if covered[i - lo]:
            continue  # a label of higher priority already runs over this mark
        start = x1[i] + GAP
        natural = min(most, x0[i + 1] - GAP - start if i + 1 < n else most)
        if natural > ELIDE_ROOM and i != greedy:
            room = natural  # room before the next mark, enough to cut the label: no contest
        else:
            if i + 1 < n and solid[i + 1]:  # it cannot run over the next mark
                room = natural
                # under MIN_ROOM no width shows a label: the text is not asked for (a
                # row of bars and badges asked for every crowded one's sentence)
                if room < MIN_ROOM or not shows(room, want(i)):
                    continue
            elif natural < MIN_ROOM and i + 1 < hi and labelled[i + 1 - lo]:
                continue  # it would stop before the labelled next mark, short of room
            elif shows(natural, full := want(i)) and (i != greedy or natural >= full):
                room = natural
            else:
                # Run over the next marks, up to the first labelled or solid one in reach.
                room = min(full, most if i == greedy else CROWD_PX)
                k = i + 1
                while k < hi and x0[k] - GAP - start < room:
                    steps += 1
                    if labelled[k - lo] or solid[k]:
                        room = x0[k] - GAP - start
                        break
                    k += 1
                if not shows(room, full):
                    continue
        end = ends[i] = start + room
        labelled[i - lo] = 1
        k = i + 1
        while k < hi and x0[k] < end + GAP:  # each mark is covered at most once
            covered[k - lo] = 1
            k += 1
            steps += 1
    counter[0] += steps
