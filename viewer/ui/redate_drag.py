"""Drag an end of the current event's mark or bar to change its dates, as in a planning
tool. The timeline delegates its mouse to this while the pointer is on such an end; the
result is one undoable date correction, made by the window's editing commands."""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from viewer.core.scene.layout import ROW_HEIGHT, Item

if TYPE_CHECKING:
    from viewer.ui.timeline_widget import TimelineWidget

GRAB = 5.0  # pixels beyond an end that still grab it
THRESHOLD = 3.0  # movement before a press on an end becomes a drag


class RedateDrag:
    def __init__(self, timeline: TimelineWidget) -> None:
        self.timeline = timeline
        self.item: Item | None = None
        self.edge = ""
        self.press_x = 0.0
        self.active = False
        self.preview: tuple[dt.date, dt.date] | None = None

    def edge_at(self, pos: QPointF) -> tuple[Item, str] | None:
        """The current event's item and which end ("start" or "end") is under `pos`."""
        timeline = self.timeline
        item = timeline.item_at(pos)
        if (item is None or item.kind not in ("mark", "bar") or len(item.events) != 1
                or item.events[0] != timeline.current):
            return None
        x, _y = timeline._to_content(pos)
        if item.kind == "mark":
            return item, "start" if x < (item.x0 + item.x1) / 2 else "end"
        if abs(x - item.x0) <= GRAB:
            return item, "start"
        if abs(x - item.x1) <= GRAB:
            return item, "end"
        return None

    def press(self, pos: QPointF) -> bool:
        found = self.edge_at(pos)
        if found is None:
            return False
        self.item, self.edge = found
        self.press_x = pos.x()
        self.active = False
        return True

    def move(self, pos: QPointF) -> None:
        if self.item is None:
            return
        if not self.active and abs(pos.x() - self.press_x) < THRESHOLD:
            return
        self.active = True
        self.preview = self.dates_at(pos.x())
        self.timeline.viewport().update()

    def dates_at(self, viewport_x: float) -> tuple[dt.date, dt.date]:
        """The event's dates with the dragged end moved to the day boundary nearest x."""
        assert self.item is not None
        timeline = self.timeline
        event = timeline.events[self.item.events[0]]
        assert event.start is not None and event.end is not None
        x, _y = timeline._to_content(QPointF(viewport_x, 0))
        boundary = math.floor(timeline.scale.ordinal(x) + 0.5)  # the nearest midnight
        start, end = event.start.toordinal(), event.end.toordinal()
        if self.edge == "start":
            start = min(boundary, end)
        else:
            end = max(boundary - 1, start)
        return dt.date.fromordinal(max(1, start)), dt.date.fromordinal(max(1, end))

    def release(self, pos: QPointF) -> bool:
        """End the gesture; True if it was a drag (and the change was requested)."""
        item, active = self.item, self.active
        self.item, self.active, self.preview = None, False, None
        if item is None or not active:
            return False
        self.item = item
        start, end = self.dates_at(pos.x())
        self.item = None
        self.timeline.viewport().update()
        event = self.timeline.events[item.events[0]]
        if (start, end) != (event.start, event.end):
            self.timeline.redateRequested.emit(item.events[0], start, end)
        return True

    def paint(self, painter: QPainter, left: float, top: float, sx: float, sy: float) -> None:
        """The new interval as a dashed outline while dragging (viewport coordinates)."""
        if self.item is None or self.preview is None or self.timeline.scene is None:
            return
        scale = self.timeline.scale
        start, end = self.preview
        a = left + scale.x(start.toordinal()) - sx
        b = left + scale.x(end.toordinal() + 1) - sx
        y = top + self.timeline.scene.item_y(self.item) - sy
        pen = QPen(QColor("#d04000"), 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(a, y + 1, max(3.0, b - a), ROW_HEIGHT - 4))
        painter.drawText(QPointF(a, y - 2), f"{start} – {end}" if start != end else str(start))
