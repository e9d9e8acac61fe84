"""What peers have that the app now has too: the overview strip, drag-to-redate, periods,
the legend, printing."""

from __future__ import annotations

import datetime as dt

from viewer.core.density import histogram
from viewer.ui.main_window import MainWindow


def test_histogram_counts_each_dated_event_once(window: MainWindow) -> None:
    events = window.model.events
    rows = window.proxy.shown_source_rows()
    dated = [r for r in rows if events[r].start is not None]
    first = min(events[r].start for r in dated)  # type: ignore[type-var]
    last = max(events[r].start for r in dated)  # type: ignore[type-var]
    counts = histogram(events, rows, first.toordinal(), last.toordinal(), 50)
    assert sum(counts) == len(dated) and len(counts) == 50
    assert sum(window.overview.counts) == len(dated)


def test_the_lens_follows_the_view_and_moves_it(window: MainWindow) -> None:
    overview, timeline = window.overview, window.timeline
    timeline.zoom(8)
    first, last = timeline.visible_range()
    lens = overview.lens
    assert abs(lens[0] - first.toordinal()) <= 1 and abs(lens[1] - last.toordinal()) <= 2
    # Drag the lens right by a fifth of the strip: the timeline pans, same zoom.
    px = timeline.scale.px_per_day
    a = overview.x_of(lens[0])
    b = overview.x_of(lens[1])
    overview.drag("lens", (a + b) / 2, (a + b) / 2 - overview.width() / 5)
    moved = timeline.visible_range()
    assert moved[0] < first and abs(timeline.scale.px_per_day - px) < px * 0.02
    # Drag the right edge out: the window widens (zooms out).
    width = (moved[1] - moved[0]).days
    right = overview.x_of(overview.lens[1])
    overview.drag("right", right, right + 60)
    now = timeline.visible_range()
    assert (now[1] - now[0]).days > width and abs((now[0] - moved[0]).days) <= 1
    assert isinstance(now[0], dt.date)
