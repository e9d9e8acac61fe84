"""Give the C heap's free pages back to the system after a large one-off step.

Why: NumPy's temporary arrays of a million events (1-8 MB each) come from the C library's
heap once it has raised its own threshold for using separate mappings (glibc does so after
the first such array is freed), and free space between live blocks is not returned when they
are freed. Opening a million-event snapshot left about 50 MB of such free space in the
process's resident memory, building the search text as much again. `release()` asks glibc
to return whole free pages (`malloc_trim`): a few milliseconds, done only after steps that
run once (an open, the search text), never per filter or zoom, whose temporaries would
only be mapped again. Elsewhere (another C library, another system) it does nothing.
"""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Callable

_trim: Callable[[int], int] | None = None
_looked = False


def release() -> bool:
    """Return the heap's free pages to the system; False where that cannot be asked."""
    global _trim, _looked
    if not _looked:
        _looked = True
        if sys.platform.startswith("linux"):
            try:
                _trim = getattr(ctypes.CDLL(None), "malloc_trim", None)
            except OSError:
                _trim = None
    if _trim is None:
        return False
    _trim(0)
    return True


def hold_long_lived() -> None:
    """Take every object alive now out of the garbage collector's sight (`gc.freeze`).

    Why: an open folder's columns, scene and models live until the next open, yet each full
    collection walks all of them: 20 ms at 100,000 events and 140 ms at 1,000,000 (measured
    in the shown window), a stall landing inside whatever filter, zoom or edit triggered it.
    Frozen, they cost later collections nothing. `let_go_long_lived` must come before the
    folder is dropped, or its cycles would never be collected."""
    gc.freeze()


def let_go_long_lived() -> None:
    """Give the collector back what `hold_long_lived` took (`gc.unfreeze`): before another
    open, and when the window closes."""
    gc.unfreeze()
