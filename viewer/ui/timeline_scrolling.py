"""The timeline's scroll bars and the stretch of x it lays out: their set-up, their ranges
and the scroll position set without a layout.

Kept out of the widget so that it stays a holder of zoom, scroll and selection; these read
only the widget's scale, shown span, scene and viewport.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from viewer.core.scene.layout import ROW_HEIGHT
from viewer.ui.lane_headers import AXIS_HEIGHT, HEADER_WIDTH
from viewer.ui.period_names import named_at, names_height
from viewer.ui.table_scroll_bar import SteadyScrollBar

if TYPE_CHECKING:
    from viewer.ui.timeline_widget import TimelineWidget

SPAN_MARGIN = 60.0  # pixels of scroll range either side of the shown events' days


def install_scroll_bars(widget: TimelineWidget) -> None:
    """Scroll bars that keep a picture of their look: a filter change relayouts the scroll
    area, which repaints both bars whole (about 1 ms each at 1600×1000)."""
    widget.setHorizontalScrollBar(SteadyScrollBar(Qt.Orientation.Horizontal, widget))
    widget.setVerticalScrollBar(SteadyScrollBar(Qt.Orientation.Vertical, widget))


def connect_scroll_bars(widget: TimelineWidget) -> None:
    """Across, a scroll lays out what comes into view; down, it only repaints. The bar
    across always shows, so the lanes' height does not change with the events shown."""
    widget.horizontalScrollBar().valueChanged.connect(widget._scrolled)
    widget.verticalScrollBar().valueChanged.connect(widget.viewport().update)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)


def scroll_bounds(widget: TimelineWidget) -> tuple[float, float]:
    """The x range a scroll may show: the shown events' days (measured once per set of
    rows, not on every scroll or zoom) and a margin either side."""
    span = widget.shown_span()
    if span is None:
        return 0.0, widget.content_width()
    return (widget.scale.x(span[0]) - SPAN_MARGIN,
            widget.scale.x(span[1] + 1) + SPAN_MARGIN)


def set_scroll(widget: TimelineWidget, scroll_to: int) -> None:
    """Scroll across to `scroll_to` at the current scale, without laying out (the bar's
    signals are held: the caller lays out once, after)."""
    h = widget.horizontalScrollBar()
    h.blockSignals(True)
    lo, hi = scroll_bounds(widget)
    h.setRange(math.floor(lo), int(max(lo, hi - widget.content_width())))
    h.setValue(scroll_to)
    h.blockSignals(False)


def set_scroll_ranges(widget: TimelineWidget) -> None:
    """The scroll bars' ranges and steps: across, the shown events' days (a margin either
    side); down, the lanes' height below the axis."""
    lo, hi = scroll_bounds(widget)
    h = widget.horizontalScrollBar()
    h.setPageStep(int(widget.content_width()))
    h.setSingleStep(40)
    h.setRange(math.floor(lo), int(max(lo, hi - widget.content_width())))
    set_vertical_range(widget)


def set_vertical_range(widget: TimelineWidget) -> None:
    """Down, the lanes' height below the axis and the period names' rows under them: where
    the lanes are taller than the view, the names keep a band along its bottom edge, and
    the last lane scrolls above it."""
    v = widget.verticalScrollBar()
    height = widget.scene.height if widget.scene else 0.0
    viewport = widget.viewport()
    if widget.periods and widget.scene is not None:
        named = named_at(widget.periods, widget.scale, HEADER_WIDTH,
                         widget.horizontalScrollBar().value())
        height += names_height(named, viewport.width(), widget.font())
    visible = viewport.height() - AXIS_HEIGHT
    v.setPageStep(max(1, int(visible)))
    v.setSingleStep(int(ROW_HEIGHT))
    v.setRange(0, int(max(0.0, height - visible)))


def layout_window(widget: TimelineWidget) -> tuple[float, float]:
    """The x range to lay out: the viewport and a screen either side (as pictures do). A
    lane's items are made for the whole range when it is first read, so two screens
    either side made five screens of items and labels per zoom step for one shown."""
    start = widget.horizontalScrollBar().value()
    width = max(400.0, widget.content_width())
    return start - width, start + 2 * width
