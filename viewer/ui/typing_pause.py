"""How long the search box waits after a keystroke before it filters.

Why: a filter change runs on the window's thread, and keys typed meanwhile wait behind it.
With a fixed 150 ms pause, someone typing "minister" at 200-300 ms a key started a search at
every key; at a million events each change (search, counts, the window's follow-up, the
repaint) took 100-200 ms, so the box lagged behind the fingers for the whole word. The pause
grows by what the last filter change took: a folder whose changes are instant keeps 150 ms, a
large one waits until the typing stops (at most `LONGEST_MS`), and Enter filters at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable

SHORTEST_MS = 150  # the pause when a filter change costs nothing
LONGEST_MS = 600  # never longer: the results must still follow a pause in the typing
clock: Callable[[], float] = time.perf_counter  # seconds (replaced by tests)


def pause_ms(last_change_ms: float) -> int:
    """The pause after a keystroke: the shortest, plus what the last change took."""
    return int(min(LONGEST_MS, SHORTEST_MS + max(0.0, last_change_ms)))


def timed(change: Callable[[], object]) -> float:
    """Run `change` (a filter change, its slots included); the milliseconds it took."""
    started = clock()
    change()
    return 1000 * (clock() - started)
