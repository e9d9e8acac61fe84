"""Moving the timeline's view to what the user picked: an event of the keyboard's or the
table's selection, the whole selection, the days under a badge.

Kept out of the widget so that the widget stays a thin holder of zoom, scroll and selection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from viewer.core.scene.layout import ROW_HEIGHT, Item, extent
from viewer.core.scene.time_step import start_days
from viewer.core.scene.zoom_targets import badge_px, selection_view
from viewer.ui.lane_headers import AXIS_HEIGHT

if TYPE_CHECKING:
    from viewer.ui.timeline_widget import TimelineWidget

EDGE = 20  # an event this close to the view's side is scrolled to the middle


def reveal_row(widget: TimelineWidget, row: int) -> None:
    """Scroll so that the event of source row `row` is in view: across to the middle when it
    lies outside (or at the edge of) the view, down to a third of the height when its item
    lies above or below."""
    events, scene = widget.events, widget.scene
    event = events[row] if 0 <= row < len(events) else None
    if event is None or event.start is None or scene is None:
        return
    x = widget.scale.x(event.start.toordinal() + 0.5)
    h = widget.horizontalScrollBar()
    width = widget.content_width()
    if not h.value() + EDGE <= x <= h.value() + width - EDGE:
        h.setValue(int(x - width / 2))
    for item in (i for i in scene.visible(x - 30, x + 30) if row in i.events):
        y = scene.item_y(item)
        v = widget.verticalScrollBar()
        visible = widget.viewport().height() - AXIS_HEIGHT
        if not v.value() <= y <= v.value() + visible - ROW_HEIGHT:
            v.setValue(int(y - visible / 3))
        break


def zoom_to_selection(widget: TimelineWidget) -> None:
    """Zoom so that the selected dated events take a little over half the width."""
    dated = [r for r in widget.selected if widget.events[r].start is not None]
    span = extent(widget.events, dated)
    if span is None:
        return
    px, first = selection_view(span[0], span[1], max(200.0, widget.content_width()))
    widget.zoom_to(px, lambda scale: scale.x(first))


def open_badge(widget: TimelineWidget, item: Item) -> None:
    """Zoom in until the badge's events lie apart; a bin of a crowded lane opens to its
    stretch of days across the view (`zoom_targets.badge_px`)."""
    days = start_days(widget.events, item.events)
    if not days:
        return
    width = max(200.0, widget.content_width())
    centre = (min(days) + max(days) + 1) / 2
    widget.zoom_to(badge_px(days, widget.scale.px_per_day, width, item.level >= 0),
                   lambda scale: scale.x(centre) - width / 2)

