"""Where the first text search's CPU goes: `python -m bench.first_search FOLDER [NEEDLE ...]`
prints one JSON line.

In this process (start it fresh for each folder, so the search is the first): the app's
`MainWindow` opens FOLDER as `bench.ui` does, then each NEEDLE (default "geneva") is typed into
the filter as one change and the timeline repainted, then the filter cleared. Per needle, the
CPU milliseconds of the whole change and of its parts, each timed around the function that
does it: mapping and checking the saved buffer (`search_file.read`, the first needle the
word index does not answer) and the word index (`words_file.read`, the first word), the
search itself (`search_mask`, the mapping included), the facet counts, the table's rows in
order, the window's follow-up (`_filter_applied`, the timeline's new events among it) and the
repaint. `bench.ui`'s `filter_text_on_cpu_max_ms` is the whole first change; this says which
part of it to cut.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# part name -> (module path, owner name or "", function name)
PARTS = {
    "map_and_check_ms": ("viewer.core.session.search_file", "", "read"),
    "words_map_ms": ("viewer.core.session.words_file", "", "read"),
    "search_mask_ms": ("viewer.core.session.filtering", "ColumnIndex", "search_mask"),
    "counts_ms": ("viewer.core.session.filtering", "ColumnIndex", "counts"),
    "ordered_rows_ms": ("viewer.ui.event_proxy", "EventFilterProxy", "_ordered"),
    "filter_applied_ms": ("viewer.ui.main_window", "MainWindow", "_filter_applied"),
    "timeline_events_ms": ("viewer.ui.timeline_widget", "TimelineWidget", "set_events"),
}


def _timed_parts(spent: dict[str, float]) -> None:
    """Wrap each part's function so its CPU time adds up in `spent` (before the window is
    made, so the window's signal connections take the wrapped methods)."""
    import importlib

    for name, (module_name, owner_name, function) in PARTS.items():
        module = importlib.import_module(module_name)
        owner: Any = getattr(module, owner_name) if owner_name else module
        original: Callable[..., Any] = getattr(owner, function)

        @functools.wraps(original)
        def timed(*args: Any, _original: Callable[..., Any] = original, _name: str = name,
                  **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[_name] = spent.get(_name, 0.0) + 1000 * (time.process_time() - start)

        setattr(owner, function, timed)


def measure(folder: Path, needles: list[str]) -> dict[str, Any]:
    spent: dict[str, float] = {}
    _timed_parts(spent)
    from bench.ui import _shown_and_opened
    from viewer.core.query import Filter

    app, window, _painted, _started, _before = _shown_and_opened(folder)
    app.processEvents()
    proxy, viewport = window.proxy, window.timeline.viewport()
    figures: dict[str, Any] = {"events": window.session.size}
    for needle in needles:
        spent.clear()
        start = time.process_time()
        proxy.set_filter(Filter(search=needle))
        changed = time.process_time()
        viewport.repaint()
        done = time.process_time()
        figures[needle] = {"total_ms": 1000 * (done - start),
                           "set_filter_ms": 1000 * (changed - start),
                           "repaint_ms": 1000 * (done - changed),
                           "shown": len(proxy.rows), **spent}
        proxy.set_filter(Filter())
        viewport.repaint()
    window.close()
    return figures


def main() -> None:
    if len(sys.argv) < 2 or not Path(sys.argv[1]).is_dir():  # `--help` too
        raise SystemExit(__doc__)
    figures = measure(Path(sys.argv[1]), sys.argv[2:] or ["geneva"])
    print(json.dumps(figures), flush=True)
    os._exit(0)  # the figures are out; tearing down a million events' window is not timed


if __name__ == "__main__":
    main()
